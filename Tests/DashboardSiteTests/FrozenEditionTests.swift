import DashboardCore
import DashboardSite
import Foundation
import Testing

/// `dashboards freeze` and the editions built from frozen copies: the archive keeps what the committee saw, and
/// the latest edition says which figures were revised since.
@Suite("Frozen editions")
struct FrozenEditionTests {
    static let q4 = "2019/20 Q4"

    func freeze(_ input: String, _ id: String = "cfws", edition: String = q4, extra: [String] = []) throws -> Run {
        try run(["freeze", id, "--edition", edition, "--published", "2020-06-15", "--input", input] + extra)
    }

    @Test func aFrozenEditionKeepsItsFigureAndTheLatestSaysItWasRevised() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let frozen = try freeze(input)
        #expect(frozen.status == 0, "\(frozen.stderr)")
        #expect(frozen.stderr.contains("Froze the 2019/20 Q4 edition of cfws (published 15 June 2020)"))
        let copy = input + "/cfws/editions/2019-20-q4"
        #expect(read(copy + "/edition.yml").contains("edition: 2019/20 Q4\npublished: 2020-06-15"))
        #expect(read(copy + "/family-star.csv") == read(input + "/cfws/family-star.csv"))

        edit(input + "/cfws/family-star.csv", replacing: "70.3%,71.8%,", with: "70.3%,65.0%,")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))

        let archived = read(output + "/cfws/editions/2019-20-q4/family-star-positive-rate.html")
        #expect(archived.contains("71.8%"))
        #expect(!archived.contains("65.0%"))
        #expect(archived.contains("As published on 15 June 2020"))
        #expect(!read(output + "/cfws/editions/2019-20-q4/index.html").contains("65.0%"))
        // Kept as published, so it has the 300 dpi chart for printing, as the latest edition does.
        #expect(FileManager.default.fileExists(atPath: output + "/cfws/editions/2019-20-q4/charts/family-star-positive-rate-print.png"))
        #expect(archived.contains("charts/family-star-positive-rate-print.png"))

        let latest = read(output + "/cfws/family-star-positive-rate.html")
        #expect(latest.contains("65.0%"))
        #expect(latest.contains("Revised: 71.8% in the 2019/20 Q4 edition"))
        #expect(latest.contains("2019/20 Q4: published as 71.8% in the 2019/20 Q4 edition (15 June 2020); now 65.0%."))
        // An edition not frozen is worked out again, and says so.
        #expect(read(output + "/cfws/editions/2019-20-q3/index.html").contains("this edition was not kept as published"))
    }

    @Test func theLatestFiguresRevisionShowsInTheKPITable() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        // Freeze the latest edition, then revise its own latest figure.
        let frozen = try freeze(input, edition: "2020/21 Q1")
        #expect(frozen.status == 0, "\(frozen.stderr)")
        edit(input + "/cfws/family-star.csv", replacing: "69.3%,68.0%", with: "69.3%,66.0%")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let index = read(output + "/cfws/index.html")
        #expect(index.contains("(revised: 68.0% in the 2020/21 Q1 edition)"))
    }

    @Test func freezingAddsTheEditionWithoutEditingEditionsAndChangesRebuild() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try FileManager.default.createDirectory(atPath: input + "/q", withIntermediateDirectories: true)
        write(
            """
            title: Quarterly
            organisation: Test council
            indicators:
              a:
                title: Assessments on time
                unit: percent
                polarity: high
            """, to: input + "/q/dashboard.yml")
        write("indicator,2019/20 Q3,2019/20 Q4\na,80%,82%\n", to: input + "/q/a.csv")
        #expect(try freeze(input, "q").status == 0)
        write("indicator,2019/20 Q3,2019/20 Q4,2020/21 Q1\na,80%,83%,85%\n", to: input + "/q/a.csv")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        #expect(read(output + "/q/editions/2019-20-q4/a.html").contains("82%"))
        #expect(read(output + "/q/index.html").contains("2019/20 Q4 (latest)") == false)
        #expect(read(output + "/q/index.html").contains("editions/2019-20-q4/index.html"))

        // A change inside the frozen copy is a change to the input: the next build does not call itself up to date.
        let again = try await SiteBuilder.build(options(input: input, output: output))
        #expect(again.upToDate)
        edit(input + "/q/editions/2019-20-q4/a.csv", replacing: "82%", with: "81%")
        let changed = try await SiteBuilder.build(options(input: input, output: output))
        #expect(!changed.upToDate)
        #expect(read(output + "/q/editions/2019-20-q4/a.html").contains("81%"))
    }

    @Test func freezingTwiceNeedsReplaceAndAFutureEditionIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        #expect(try freeze(input).status == 0)
        let twice = try freeze(input)
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("already frozen (published 15 June 2020); pass --replace"))
        edit(input + "/cfws/family-star.csv", replacing: "70.3%,71.8%,", with: "70.3%,65.0%,")
        let replaced = try freeze(input, extra: ["--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(read(input + "/cfws/editions/2019-20-q4/family-star.csv").contains("65.0%"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: input + "/cfws/editions") == ["2019-20-q4"])

        let future = try freeze(input, edition: "2021/22 Q1")
        #expect(future.status == 1)
        #expect(future.stderr.contains("freeze the 2021/22 Q1 edition once its figures are in"))
        #expect(!FileManager.default.fileExists(atPath: input + "/cfws/editions/2021-22-q1"))
    }

    @Test func aFolderUnderEditionsThatIsNoFrozenEditionIsAnError() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        #expect(try freeze(input).status == 0)
        try FileManager.default.createDirectory(atPath: input + "/cfws/editions/old", withIntermediateDirectories: true)
        var result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("editions/old: error: this is not a frozen edition: it has no edition.yml"))
        try FileManager.default.removeItem(atPath: input + "/cfws/editions/old")
        // The record must name the period its folder is for.
        edit(input + "/cfws/editions/2019-20-q4/edition.yml", replacing: "edition: 2019/20 Q4", with: "edition: 2019/20 Q3")
        result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("edition.yml:3:10: error: this folder holds the 2019/20 Q3 edition, so it must be named 2019-20-q3, not 2019-20-q4"))
    }

    /// A freeze killed part way leaves its copy in the making; the loader names it as not read and the next
    /// freeze removes it. An edition moved aside by a freeze killed between its two renames is put back.
    @Test func whatAStoppedFreezeLeftIsNamedAndTheNextFreezeCleansIt() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        #expect(try freeze(input).status == 0)
        let editions = input + "/cfws/editions"
        // A process id that is not running: the largest Linux allows is 4194304.
        let stopped = editions + "/.2020-21-q1.freezing-4194999"
        try FileManager.default.createDirectory(atPath: stopped, withIntermediateDirectories: true)
        write("half", to: stopped + "/family-star.csv")
        try FileManager.default.moveItem(atPath: editions + "/2019-20-q4", toPath: editions + "/.2019-20-q4.replaced-4194999")

        let validated = try run(["validate", "--input", input])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stderr.contains(".2020-21-q1.freezing-4194999: warning: left by a `dashboards freeze` that was stopped before it finished; not read"))
        #expect(validated.stderr.contains(".2019-20-q4.replaced-4194999: warning: left by a `dashboards freeze`"))

        #expect(try freeze(input, edition: "2019/20 Q3").status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: editions).sorted()
        #expect(names == ["2019-20-q3", "2019-20-q4"])
        #expect(read(editions + "/2019-20-q4/edition.yml").contains("edition: 2019/20 Q4"))
    }

    /// Replacing an edition exchanges the two copies in one step and leaves nothing beside them.
    @Test func replacingAnEditionLeavesOnlyTheNewCopy() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        #expect(try freeze(input).status == 0)
        edit(input + "/cfws/family-star.csv", replacing: "70.3%,71.8%,", with: "70.3%,65.0%,")
        let again = try freeze(input, extra: ["--replace"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: input + "/cfws/editions") == ["2019-20-q4"])
        #expect(read(input + "/cfws/editions/2019-20-q4/family-star.csv").contains("70.3%,65.0%,"))
    }
}
