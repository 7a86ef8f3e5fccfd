import DashboardCore
import DashboardSite
import Foundation
import Testing

/// Each bad input exits with a clear, positioned error and leaves an existing site byte-identical.
@Suite("Bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var old: String
        var new: String
        /// `file:line:column: error: …` must contain these.
        var location: String
        var words: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unbalanced quote", file: "cfws/early-help-assessments.csv", old: "eh-assessments,580", new: "\"eh-assessments,580",
            location: "cfws/early-help-assessments.csv:2:1", words: "never closed"),
        Case(
            name: "unknown period", file: "cfws/zero-to-two-pathway.csv", old: "2019/20,502", new: "2019/21,502",
            location: "cfws/zero-to-two-pathway.csv:3:22", words: "not a financial year"),
        Case(
            name: "text in a value column", file: "cfws/family-star.csv", old: "family-star-total,70,", new: "family-star-total,seventy,",
            location: "cfws/family-star.csv:2:19", words: "'seventy' is not a number"),
        Case(
            name: "unknown indicator id", file: "cfws/early-help-assessments.csv", old: "eh-assessments,580", new: "eh-assesments,580",
            location: "cfws/early-help-assessments.csv:2:1", words: "did you mean 'eh-assessments'"),
        Case(
            name: "duplicate indicator and period", file: "cfws/zero-to-two-pathway.csv", old: "families-0-2-pathway,2019/20,502,",
            new: "families-0-2-pathway,2019/20,502,\nfamilies-0-2-pathway,2019/2020,503,",
            location: "cfws/zero-to-two-pathway.csv:4:32", words: "already has a figure for 2019/20 at"),
    ]

    @Test(arguments: cases)
    func buildRefusesAndKeepsThePreviousSite(_ bad: Case) async throws {
        let scratch = Scratch(bad.name)
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let before = snapshot(output)

        edit(input + "/" + bad.file, replacing: bad.old, with: bad.new)
        do {
            _ = try await SiteBuilder.build(options(input: input, output: output))
            Issue.record("the build accepted \(bad.name)")
        } catch BuildError.input(let diagnostics) {
            let errors = diagnostics.errors.map(\.description)
            #expect(errors.contains { $0.contains(bad.location) && $0.contains(bad.words) }, "\(errors)")
        }
        #expect(snapshot(output) == before)
    }

    @Test(arguments: cases)
    func validateExitsOneWithThePosition(_ bad: Case) throws {
        let scratch = Scratch(bad.name)
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        edit(input + "/" + bad.file, replacing: bad.old, with: bad.new)
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains(bad.location), "\(result.stderr)")
        #expect(result.stderr.contains(bad.words), "\(result.stderr)")
    }

    @Test func cliBuildOfBadInputExitsOneAndWritesNothing() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        edit(input + "/cfws/family-star.csv", replacing: "family-star-total,70,", with: "family-star-total,seventy,")
        let result = try run(["build", "--input", input, "--output", scratch.path + "/public", "--assets", exampleAssets])
        #expect(result.status == 1)
        #expect(result.stderr.contains("family-star.csv:2:19: error:"))
        #expect(result.stderr.contains("Nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/public"))
    }

    @Test func wrongUsageExitsTwo() throws {
        #expect(try run(["build", "--no-such-option"]).status == 2)
        #expect(try run(["chart", "not-a-chart-name"]).status == 2)
    }

    @Test func aMissingInputFolderIsWrongUsage() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        write("not a folder", to: scratch.path + "/file")
        for command in ["build", "validate"] {
            for input in [scratch.path + "/missing", scratch.path + "/file"] {
                let output = command == "build" ? ["--output", scratch.path + "/public"] : []
                let result = try run([command, "--input", input] + output, in: scratch.path)
                #expect(result.status == 2, "\(command) --input \(input): \(result.stderr)")
                #expect(result.stderr.contains(input), "\(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/public"))
    }

    @Test func validateOfTheExampleIsClean() throws {
        let result = try run(["validate"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    }

    @Test func htmlInTitlesAndNotesIsEscaped() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let output = scratch.path + "/public"
        edit(
            input + "/cfws/dashboard.yml", replacing: "title: Number of early help assessments completed in the quarter",
            with: "title: \"<script>alert(1)</script> & assessments\"")
        edit(input + "/cfws/zero-to-two-pathway.csv", replacing: "Year to date (2020/21 Q1)", with: "\"<img src=x onerror=alert(1)>\"")
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let page = read(output + "/cfws/eh-assessments.html")
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; assessments"))
        let pathway = read(output + "/cfws/families-0-2-pathway.html")
        #expect(!pathway.contains("<img src=x"))
        #expect(pathway.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    /// Nothing in the input is passed over unsaid: a text file, a folder of old CSV files and Excel's lock file
    /// beside dashboard.yml, and a file beside the dashboards' folders, are each named as not read.
    @Test func filesThatAreNotReadAreNamed() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        write("Notes for next quarter", to: input + "/cfws/notes.txt")
        try FileManager.default.createDirectory(atPath: input + "/cfws/old", withIntermediateDirectories: true)
        write("indicator,2019/20 Q1\nfamilies-open,1\n", to: input + "/cfws/old/open-cases.csv")
        write("", to: input + "/cfws/~$kpis.xlsx")
        write("# Our dashboards", to: input + "/README.md")
        let result = try run(["validate", "--input", input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("cfws/notes.txt: warning: this file is not read: dashboards reads dashboard.yml and the .csv, .tsv and .xlsx files beside it"))
        #expect(result.stderr.contains("cfws/old: warning: this folder is not read"))
        #expect(result.stderr.contains("cfws/~$kpis.xlsx: warning: Excel's lock file for kpis.xlsx"))
        #expect(result.stderr.contains("README.md: warning: this file is not read: the input folder holds one folder per dashboard"))
        #expect(result.stderr.contains("4 warnings"))
    }

    /// Control characters cannot be shown in a page or a Word document, so they are refused where they are:
    /// escaped in dashboard.yml and raw in a CSV file.
    @Test func controlCharactersAreRefusedWithTheirPosition() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        edit(
            input + "/cfws/dashboard.yml", replacing: "title: Children and Family Wellbeing Service performance",
            with: "title: \"Children and Family\\x01 Wellbeing Service performance\"")
        edit(input + "/cfws/open-cases.csv", replacing: "open-cases-key-worker,551", with: "open-cases-key-worker,55\u{B}1")
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cfws/dashboard.yml:4:8: error: a control character U+0001 here: no page or Word document can show it; remove it"))
        #expect(result.stderr.contains("cfws/open-cases.csv:4:25: error: a control character U+000B (vertical tab"))
    }

    /// A title with a 500-letter word cannot be drawn in the standard chart; `validate` says so at the indicator,
    /// as `build` refuses it, so a clean validate means the build will not stop at rendering.
    @Test func validateAndBuildAgreeOnAChartTooFullToDraw() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        edit(
            input + "/cfws/dashboard.yml", replacing: "title: Number of early help assessments completed in the quarter",
            with: "title: " + String(repeating: "W", count: 500))
        let validated = try run(["validate", "--input", input])
        #expect(validated.status == 1)
        #expect(validated.stderr.contains("cfws/dashboard.yml:192:3: error: this indicator's chart cannot be drawn at the size every indicator page needs"))
        let built = try run(["build", "--input", input, "--output", scratch.path + "/public"])
        #expect(built.status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/public"))
    }

    /// One root cause, one error: a misspelt polarity is reported once, not again in every section and total
    /// that names its indicator; errors come before warnings, each in file order.
    @Test func aMisspeltPolarityIsOneErrorAndErrorsComeFirst() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let yml = input + "/cfws/dashboard.yml"
        let text = read(yml)
        let start = try #require(text.range(of: "family-star-positive-rate:"))
        let polarity = try #require(text.range(of: "polarity: high", range: start.upperBound..<text.endIndex))
        write(text.replacingCharacters(in: polarity, with: "polarity: hihg"), to: yml)
        write("Notes", to: input + "/cfws/notes.txt")
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(": error: ") }.count == 1, "\(result.stderr)")
        #expect(lines.first?.contains("error: 'hihg' is not a valid polarity: use one of high, low, none; did you mean 'high'?") == true)
        #expect(lines.dropFirst().first?.contains(": warning: ") == true)
        #expect(result.stderr.contains("cfws/notes.txt: warning: this file is not read"))
        #expect(!result.stderr.contains("which is not an indicator"))
    }

    /// A period on the command line that cannot be read is refused with the reason, not only "invalid".
    @Test func aPeriodOnTheCommandLineIsRefusedWithTheReason() throws {
        let result = try run(["build", "--as-of", "2020/21 Q5", "--input", exampleInput])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a financial year has four quarters, Q1 (April to June) to Q4 (January to March), so there is no Q5"))
    }
}
