import DashboardSite
import Foundation
import Testing

/// Where a paper's words and its own figures disagree (a complaints report calling 161 then 172 "an overall
/// reduction"), the site shows both, on the KPI row, on the indicator page and in what needs attention: never
/// only the figures' judgement, with the paper's words left in the build log.
@Suite("The paper's words beside its figures")
struct PaperWordsTests {
    @Test func aStatedDirectionTheFiguresContradictIsShownBesideThem() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard(
            "d",
            """
            title: Complaints
            organisation: Test council
            indicators:
              complaints:
                title: Complaints received
                unit: count
                polarity: low
                reported:
                  2020/21: {direction: lower}
              compliments:
                title: Compliments received
                unit: count
                polarity: high
                reported:
                  2020/21: {direction: higher}
            """,
            files: ["d.csv": "indicator,2019/20,2020/21\ncomplaints,161,172\ncompliments,40,52\n"])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let index = read(output + "/d/index.html")
        #expect(index.contains("<span class=\"paper-says\">The paper says: lower. The figures: 161 in 2019/20 then 172, worse.</span>"))
        #expect(index.contains("<a href=\"complaints.html\">Complaints received</a>: The paper&#39;s words and its figures disagree (the figures: worse).</li>"))
        // Where the paper and the figures agree, nothing more is said.
        #expect(index.components(separatedBy: "paper-says\">").count == 2)
        let page = read(output + "/d/complaints.html")
        #expect(page.contains("The paper and the figures disagree"))
        #expect(page.contains("The paper says: lower. The figures: 161 in 2019/20 then 172, worse."))
    }
}
