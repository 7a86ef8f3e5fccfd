import DashboardCharts
import DashboardCore

/// A report's performance-against-spend chart (`spend_chart:`) with its table of every member.
public struct ReportSpendChart: Sendable {
    public var heading: String
    public var chart: ReportChart
    public var table: ReportTable
}

extension ReportContent {
    /// The dashboard's performance-against-spend chart, rendered at the report's chart size; nil without one.
    static func spendChart(_ dashboard: Dashboard, request: ReportRequest, renderer: ChartRenderer) throws -> ReportSpendChart? {
        let definition = dashboard.definition
        guard let source = definition.spendChart, let spec = SpendChartSection.spec(source, organisation: definition.organisation),
            let section = SpendChartSection.make(source, organisation: definition.organisation, chart: ChartExport.placeholder)
        else { return nil }
        let png: [UInt8]
        do {
            png = try renderer.png(spec, size: request.chartSize)
        } catch {
            throw BuildError.output("cannot render the performance-against-spend chart of \(dashboard.id): \(error)")
        }
        let size = request.chartSize
        let chart = ReportChart(
            png: png, pixelWidth: size.pixelWidth, pixelHeight: size.pixelHeight, dpi: size.dpi,
            altText: SpendChartSection.altText(source, organisation: definition.organisation), caption: section.caption + " Source: \(source.file).")
        let rows = section.rows.map { [$0.name, $0.spend, $0.performance, $0.quadrant] } + [["Group median", section.medianSpend, section.medianPerformance, ""]]
        let table = ReportTable(
            caption: "\(section.heading): every member's figures and quadrant", headings: ["Authority", section.spendHeading, section.performanceHeading, "Quadrant"],
            numeric: [false, true, true, false], rows: rows)
        return ReportSpendChart(heading: section.heading, chart: chart, table: table)
    }
}
