import DashboardCharts
import DashboardSite
import Foundation
import Testing

/// What a member takes from each indicator, in words, wherever its headline appears; the previous figure the
/// direction was judged against in the KPI table and its download; intervals in the data download and the
/// alt text; parts that do not add up noted on the page and under the chart.
@Suite("Findings on the site")
struct FindingsSiteTests {
    func build(_ scratch: Scratch) async throws -> String {
        let input = scratch.dashboard(
            "d",
            """
            title: Findings
            organisation: Test council
            kpi_comparators: [England]
            indicators:
              awaiting:
                title: Cases awaiting allocation
                unit: count
                polarity: low
                target: 40
              repeat:
                title: Repeat referrals
                unit: percent
                polarity: low
                comparators:
                  England: {2020/21 Q1: 10%}
              referrals:
                title: CCE referrals
                unit: count
                polarity: none
                parts: [male, female]
                chart: stacked
              male:
                title: CCE referrals, male
                unit: count
                polarity: none
              female:
                title: CCE referrals, female
                unit: count
                polarity: none
            """,
            files: [
                "d.csv":
                    "indicator,2019/20 Q4,2020/21 Q1\nawaiting,36,50\nrepeat,3/17 (17.6%),4/18 (22.2%)\nreferrals,120,140\nmale,60,30\nfemale,60,10\n"
            ])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        return output
    }

    @Test func findingsPreviousFiguresIntervalsAndParts() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = try await build(scratch)

        // The finding heads the indicator page and the pack part, built from the judgements.
        let awaiting = read(output + "/d/awaiting.html")
        #expect(awaiting.contains("<p class=\"lede\">Worse than 2019/20 Q4: 50 in 2020/21 Q1, up from 36. Misses the target of 40 (Red).</p>"))
        let repeatPage = read(output + "/d/repeat.html")
        let repeatFinding =
            "Worse than 2019/20 Q4: 4/18 (22.2%) in 2020/21 Q1, up from 3/17 (17.6%), though the change could be chance (95% confidence). Similar to England (10.0%), at 95% confidence."
        #expect(repeatPage.contains("<p class=\"lede\">\(repeatFinding)</p>"))
        #expect(read(output + "/d/pack.html").contains(repeatFinding))

        // The KPI table's previous figure, with its period, wrapping under itself.
        let index = read(output + "/d/index.html")
        #expect(index.contains("<th scope=\"col\" class=\"num\" role=\"columnheader\">Previous figure</th>"))
        #expect(
            index.contains(
                "<td data-label=\"Previous figure\" class=\"num previous\" role=\"cell\"><span class=\"previous__figure\">3/17 (17.6%)</span> <span class=\"previous__period\">2019/20 Q4</span></td>"
            ))
        let kpi = read(output + "/d/kpi.csv")
        #expect(kpi.contains("section,indicator,period,figure,previous figure,previous period,compared with previous,change"))
        #expect(kpi.contains(",2020/21 Q1,50,36,2019/20 Q4,"))

        // Intervals in the indicator's download, every figure with counts, and in the alt text.
        let csv = read(output + "/d/repeat.csv")
        #expect(csv.contains("indicator,period,value,numerator,denominator,note,interval lower,interval upper,interval level,interval method\r\n"))
        #expect(csv.contains("repeat,2020/21 Q1,22.2%,4,18,,9.00%,45.21%,95%,Wilson score interval\r\n"))
        #expect(csv.contains("repeat,2019/20 Q4,17.6%,3,17,,"))
        // A count has Byar's interval from the count alone.
        #expect(read(output + "/d/awaiting.csv").contains("awaiting,2020/21 Q1,50,,,,37.11,65.92,95%,Byar's method\r\n"))
        #expect(
            repeatPage.contains(
                "Its confidence interval is 9.0% to 45.2% (95% confidence interval, Wilson score interval of 4 of 18): similar to England (95% confidence)."))

        // The parts that do not add up, on the page and under the chart.
        let referrals = read(output + "/d/referrals.html")
        let note = "The parts shown add up to 40 of 140 in 2020/21 Q1; the other 100 are not broken down in the source."
        #expect(referrals.contains("<dt>Parts and total</dt>\n<dd>\(note)</dd>"))
        #expect(referrals.contains("<figcaption>") && referrals.components(separatedBy: note).count == 3)
    }

    @Test func theReportHasThePreviousFigureAndTheFinding() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = try await build(scratch)
        let content = try ReportContent.make(ReportRequest(input: scratch.path + "/input", assets: exampleAssets, chartSize: PrintGeometry.chartSize(widthCm: 16, dpi: 96)))
        let indicator = try #require(content.dashboards.first?.sections.flatMap(\.indicators).first { $0.id == "awaiting" })
        #expect(indicator.previous == "36 (2019/20 Q4)")
        #expect(indicator.headline == "Worse than 2019/20 Q4: 50 in 2020/21 Q1, up from 36. Misses the target of 40 (Red).")
    }
}
