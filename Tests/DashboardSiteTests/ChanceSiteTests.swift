import DashboardSite
import Foundation
import Testing

/// Whether chance could explain a figure is said on the page: a percentage of 4 of 18 (22.2%) beside England's
/// 10.0% is similar at 95% (Wilson 9.0% to 45.2%, the and PHEindicatormethods' method), its rise from 3 of
/// 17 could be chance, and a figure without counts says it was not tested rather than implying a test.
@Suite("Chance on the page")
struct ChanceSiteTests {
    @Test func intervalsAndTestsAreShownAndUntestedFiguresSaySo() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard(
            "d",
            """
            title: Chance
            organisation: Test council
            kpi_comparators: [England]
            indicators:
              eet:
                title: Care leavers in education, employment or training
                unit: percent
                polarity: high
                comparators:
                  England: {2020/21 Q1: 10%}
              plain:
                title: Plain percentage
                unit: percent
                polarity: high
            """,
            files: ["d.csv": "indicator,2019/20 Q4,2020/21 Q1\neet,3/17 (17.6%),4/18 (22.2%)\nplain,50%,55%\n"])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let page = read(output + "/d/eet.html")
        #expect(page.contains("Confidence interval: 9.0% to 45.2% (95% confidence interval, Wilson score interval of 4 of 18)."))
        #expect(page.contains("Similar to England (95% confidence)."))
        #expect(page.contains("Change from 2019/20 Q4: similar (95% confidence)."))
        #expect(page.contains("Caution: small numbers"))
        let index = read(output + "/d/index.html")
        #expect(index.contains("10.0% (similar, 95%)"))
        #expect(index.contains("<span class=\"change\">+4.6 pts; could be chance (95%)</span>"))
        #expect(read(output + "/d/plain.html").contains("Not tested: no counts"))
        #expect(!index.contains("no significant change"))
    }
}
