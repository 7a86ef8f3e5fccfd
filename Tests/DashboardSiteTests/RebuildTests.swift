import DashboardCore
import DashboardSite
import Foundation
import Testing

@Suite("Safe regeneration")
struct RebuildTests {
    @Test func twoBuildsOfTheSameInputAreByteIdentical() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = try await SiteBuilder.build(options(input: exampleInput, output: scratch.path + "/a"))
        _ = try await SiteBuilder.build(options(input: exampleInput, output: scratch.path + "/b"))
        let a = snapshot(scratch.path + "/a"), b = snapshot(scratch.path + "/b")
        #expect(a.count > 100)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs") }
    }

    @Test func aRebuildWithNoChangeWritesNothing() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let before = inode(output + "/cfws/charts/eh-assessments.png")
        let report = try await SiteBuilder.build(options(input: exampleInput, output: output))
        #expect(report.upToDate)
        #expect(inode(output + "/cfws/charts/eh-assessments.png") == before)
    }

    @Test func aFileDeletedFromTheSiteIsWrittenAgain() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let page = read(output + "/send/ehcp-total.html")
        try FileManager.default.removeItem(atPath: output + "/send/ehcp-total.html")
        let report = try await SiteBuilder.build(options(input: exampleInput, output: output))
        #expect(!report.upToDate)
        #expect(read(output + "/send/ehcp-total.html") == page)
    }

    @Test func aOneValueChangeRerendersOnlyThatIndicator() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let output = scratch.path + "/public"
        let first = try await SiteBuilder.build(options(input: input, output: output))
        #expect(first.chartsRendered == first.charts)
        let untouched = inode(output + "/cfws/charts/families-open.png")
        let untouchedPage = inode(output + "/cfws/families-open.html")
        let otherDashboard = inode(output + "/send/charts/ehcp-total.png")
        let changed = inode(output + "/cfws/charts/eh-assessments.png")
        let archivedBefore = inode(output + "/cfws/editions/2019-20-q4/charts/eh-assessments.png")
        let archivedPageBefore = inode(output + "/cfws/editions/2019-20-q4/index.html")

        // Early help assessments in 2020/21 Q1: 530 → 531.
        edit(input + "/cfws/early-help-assessments.csv", replacing: "1900,530", with: "1900,531")
        let second = try await SiteBuilder.build(options(input: input, output: output))
        // Its page chart in its phone, standard and wide layouts at 1x and 2x and at print, and its sparkline at
        // 1x and 2x, and the same but print in the archived 2020/21 Q1 edition, which has that quarter's
        // figure too: nothing else.
        #expect(second.chartsRendered == 17)
        #expect(second.chartsReused == second.charts - 17)
        // Its page, the dashboard page and the pack in the latest edition, and the same and what changed since
        // 2019/20 Q4 in the archived 2020/21 Q1 edition: no other page is rendered again.
        #expect(second.pagesRendered == 7)
        #expect(inode(output + "/cfws/editions/2019-20-q4/index.html") == archivedPageBefore)
        #expect(inode(output + "/cfws/editions/2019-20-q4/charts/eh-assessments.png") == archivedBefore)
        #expect(inode(output + "/cfws/charts/families-open.png") == untouched)
        #expect(inode(output + "/cfws/families-open.html") == untouchedPage)
        #expect(inode(output + "/send/charts/ehcp-total.png") == otherDashboard)
        #expect(inode(output + "/cfws/charts/eh-assessments.png") != changed)
        #expect(read(output + "/cfws/eh-assessments.html").contains("531"))
    }

    @Test func filesOfARemovedIndicatorDisappear() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        #expect(FileManager.default.fileExists(atPath: output + "/cfws/eh-assessments.html"))
        try FileManager.default.removeItem(atPath: input + "/cfws/early-help-assessments.csv")
        edit(input + "/cfws/dashboard.yml", replacing: "  - title: Early help assessments\n    indicators: [eh-assessments]\n", with: "")
        let yml = read(input + "/cfws/dashboard.yml")
        let start = yml.range(of: "  eh-assessments:\n")!
        let end = yml.range(of: "  allocation-pathway:\n")!
        write(yml.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: ""), to: input + "/cfws/dashboard.yml")
        let report = try await SiteBuilder.build(options(input: input, output: output))
        #expect(report.removed > 0)
        #expect(!FileManager.default.fileExists(atPath: output + "/cfws/eh-assessments.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/cfws/charts/eh-assessments.png"))
    }

    @Test func aFailureMidBuildLeavesThePreviousSiteByteIdentical() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let before = snapshot(output)
        edit(input + "/cfws/early-help-assessments.csv", replacing: "1900,530", with: "1900,531")
        await #expect(throws: BuildError.self) {
            try await SiteBuilder.build(options(input: input, output: output, clean: true, failAfterWrites: 20))
        }
        #expect(snapshot(output) == before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.public.staging"))
    }

    @Test func cleanRendersEverythingAgain() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let report = try await SiteBuilder.build(options(input: exampleInput, output: output, clean: true))
        #expect(!report.upToDate)
        #expect(report.chartsRendered == report.charts)
        #expect(report.pagesRendered == report.pages)
    }

    /// A page is carried over unrendered when the values it would show are the same: worked out alike by every
    /// run of the program, not only within one (an order of keys that varied from run to run would render all).
    @Test func aNewRunRendersOnlyThePagesWhoseValuesChanged() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PublishTests.minimal, toPath: input + "/corpus")
        let build = ["build", "--input", input, "--output", scratch.path + "/public", "--assets", exampleAssets]
        let first = try run(build)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("5 pages (5 rendered, 0 reused)"), "\(first.stderr)")
        let timely = inode(scratch.path + "/public/corpus/timely.html")

        edit(input + "/corpus/figures.csv", replacing: "referrals,2019/20 Q3,128", with: "referrals,2019/20 Q3,129")
        let second = try run(build)
        #expect(second.status == 0, "\(second.stderr)")
        // The referrals page, the dashboard page and the pack; not the timely page, nor the site's index.
        #expect(second.stderr.contains("5 pages (3 rendered, 2 reused)"), "\(second.stderr)")
        #expect(inode(scratch.path + "/public/corpus/timely.html") == timely)
    }

    @Test func asOfBuildsTheDashboardAsItStood() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output, asOf: .quarter(financialYear: 2019, quarter: 4)))
        let page = read(output + "/cfws/index.html")
        #expect(page.contains("Figures as at <strong>2019/20 Q4</strong>"))
        #expect(page.contains("1,193"))  // open cases, 2019/20 Q4
        #expect(!page.contains("1,355"))  // not yet: 2020/21 Q1
        #expect(!FileManager.default.fileExists(atPath: output + "/cfws/editions/2020-21-q1"))
    }
}
