import DashboardCharts
import DashboardCore
import DashboardSite
import Foundation
import Testing

/// `spend_chart:`: the benchmarking page's performance-against-spend chart and its table, from the group test's
/// file with a spend measure added. Spend per head 2020-21: Aville 900, Bton 700, Cford 800, Dham 600 (median
/// 750); re-referrals (lower is better) 20, 10, 30, 15 (median 17.5): Aville has high spend and worse
/// performance than the group's median.
@Suite("Performance against spend in the site")
struct SpendChartSiteTests {
    static let lait =
        GroupBenchmarkSiteTests.lait
            + """
            SpendPerHead,Spend per head,2020-21,Aville,900,1.0,North East
            SpendPerHead,Spend per head,2020-21,Bton,700,2.0,North East
            SpendPerHead,Spend per head,2020-21,Cford,800,3.0,North East
            SpendPerHead,Spend per head,2020-21,Dham,600,4.0,North East

            """

    static func yml(_ spendChart: String = "{from: lait.csv, spend: SpendPerHead, performance: ReReferral, group: Counties}") -> String {
        GroupBenchmarkSiteTests.yml() + "\nspend_chart: \(spendChart)\n"
    }

    static let files = GroupBenchmarkSiteTests.files.merging(["lait.csv": lait]) { $1 }

    @Test func theBenchmarkingPageShowsTheChartAndEveryMember() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("q3", Self.yml(), files: Self.files)
        let output = scratch.path + "/public"
        let report = try await SiteBuilder.build(options(input: input, output: output))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let page = read(output + "/q3/benchmarking.html")
        #expect(page.contains("<h2 id=\"spend-chart\">Re-referrals within a year against spend among counties</h2>"), "\(page)")
        #expect(page.contains("src=\"charts/spend-against-performance"))
        #expect(page.contains("Aville council spends £900 with 20"))
        #expect(page.contains("high spend, worse performance than the group"))
        let rows = page.components(separatedBy: "<tr>").map { $0.replacingOccurrences(of: "</td>", with: "|") }
        #expect(rows.contains { $0.contains("<strong>Aville</strong>") && $0.contains("<td>£900|") && $0.contains("high spend, worse performance") })
        #expect(rows.contains { $0.contains("Bton") && $0.contains("<td>£700|") && $0.contains("low spend, better performance") })
        #expect(rows.contains { $0.contains("Group median") && $0.contains("<td>£750|") && $0.contains("<td>17.5") })
        #expect(FileManager.default.fileExists(atPath: output + "/q3/charts/spend-against-performance.png"))
    }

    @Test func dashboardsChartRendersItForAReport() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("q3", Self.yml(), files: Self.files)
        let export = try ChartExport.render(
            input: input, assets: exampleAssets, dashboard: "q3", indicator: "spend-against-performance",
            size: .print(widthCm: 15.9, heightCm: 8.9, dpi: 300), asOf: nil)
        #expect(export.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(export.text.contains("Alt text: Scatter chart of Re-referrals within a year (2020-21) against SpendPerHead (2020-21) for 4 counties"))
        #expect(export.text.contains("high spend, worse performance than the group's median"))
    }

    @Test func theReportCarriesTheChartAndItsTable() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("q3", Self.yml(), files: Self.files)
        let content = try ReportContent.make(ReportRequest(input: input, assets: exampleAssets, chartSize: PrintGeometry.chartSize(widthCm: 16, dpi: 96)))
        let spend = try #require(content.dashboards.first?.spendChart)
        #expect(spend.heading == "Re-referrals within a year against spend among counties")
        #expect(spend.chart.png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(spend.chart.altText.contains("high spend, worse performance than the group's median"))
        #expect(spend.table.rows.first == ["Aville", "£900", "20.0%", "high spend, worse performance than the group's median"])
        #expect(spend.table.rows.last?.prefix(2) == ["Group median", "£750"])
    }

    @Test func anUnknownMeasureOrKeyIsAnErrorWithTheNearestName() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        for (chart, words) in [
            ("{from: lait.csv, spend: SpendPerHed, performance: ReReferral, group: Counties}", "lait.csv has no measure 'SpendPerHed'; did you mean 'SpendPerHead'?"),
            ("{from: lait.csv, spend: SpendPerHead, performance: ReReferral, grop: Counties}", "unknown key 'grop' in spend_chart; did you mean 'group'?"),
            ("{from: lait.csv, spend: SpendPerHead, performance: ReReferral, group: Countys}", "did you mean 'Counties'?"),
        ] {
            let input = scratch.dashboard("q3", Self.yml(chart), files: Self.files)
            do {
                _ = try await SiteBuilder.build(options(input: input, output: scratch.path + "/public"))
                Issue.record("the build accepted \(chart)")
            } catch BuildError.input(let diagnostics) {
                let errors = diagnostics.errors.map(\.description)
                #expect(errors.contains { $0.contains("dashboard.yml:") && $0.contains(words) }, "\(errors)")
            }
        }
    }
}
