import DashboardCore
import DashboardSite
import Foundation
import Testing

/// Commentary kept by period: each edition shows its own with its indicator, and earlier ones on the page.
@Suite("Commentary by period")
struct CommentarySiteTests {
    @Test func eachEditionShowsItsOwnCommentaryAndTheLatestListsTheEarlier() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/input/q"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(
            """
            title: Quarterly
            organisation: Test council
            editions: [2019/20 Q4]
            indicators:
              pathway:
                title: Pathway decisions waiting to be assigned
                unit: count
                polarity: low
                commentary:
                  2019/20 Q4: Unassigned work fell after the triage changes.
                  2020/21 Q1: Unassigned work stayed low through lockdown.
            """, to: folder + "/dashboard.yml")
        write("indicator,2019/20 Q3,2019/20 Q4,2020/21 Q1\npathway,189,21,14\n", to: folder + "/pathway.csv")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: scratch.path + "/input", output: output))

        let index = read(output + "/q/index.html")
        #expect(index.contains("<span class=\"kpi__commentary\">Unassigned work stayed low through lockdown.</span>"))
        #expect(!index.contains("triage changes"))
        let page = read(output + "/q/pathway.html")
        #expect(page.contains("<h2>Commentary for 2020/21 Q1</h2>\n<p>Unassigned work stayed low through lockdown.</p>"))
        #expect(page.contains("<h2>Earlier commentary</h2>"))
        #expect(page.contains("<dt>2019/20 Q4</dt><dd>Unassigned work fell after the triage changes.</dd>"))
        #expect(read(output + "/q/pack.html").contains("Unassigned work stayed low through lockdown."))

        // The archived Q4 edition: its own commentary, and none written later.
        let archived = read(output + "/q/editions/2019-20-q4/index.html")
        #expect(archived.contains("<span class=\"kpi__commentary\">Unassigned work fell after the triage changes.</span>"))
        #expect(!archived.contains("lockdown"))
        #expect(!read(output + "/q/editions/2019-20-q4/pathway.html").contains("lockdown"))
    }

    @Test func aCommentaryKeyThatIsNoPeriodIsAnError() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/input/q"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(
            """
            title: Quarterly
            organisation: Test council
            indicators:
              pathway:
                title: Pathway decisions
                unit: count
                polarity: low
                commentary:
                  last quarter: Fell.
            """, to: folder + "/dashboard.yml")
        write("indicator,2019/20 Q3\npathway,189\n", to: folder + "/pathway.csv")
        let result = try run(["validate", "--input", scratch.path + "/input"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dashboard.yml:9:7: error:"), "\(result.stderr)")
    }
}
