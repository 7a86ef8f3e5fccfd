import DashboardCharts
import DashboardCore

/// One member's row of the performance-against-spend table.
struct SpendChartRow: Encodable {
    var name: String
    var isCouncil: Bool
    var spend: String
    var performance: String
    var quadrant: String
}

/// The benchmarking page's performance-against-spend chart, with every member's figures as a table.
struct SpendChartSection: Encodable {
    var heading: String
    var chart: Image
    var caption: String
    var spendHeading: String
    var performanceHeading: String
    var rows: [SpendChartRow]
    var medianSpend: String
    var medianPerformance: String
    var unplaced: String?

    static let chartName = "spend-against-performance"

    static func spec(_ source: SpendChartSource, organisation: String) -> ChartSpec? {
        guard let q = source.quadrant else { return nil }
        return ChartSpec.quadrant(
            q, organisation: organisation, performanceUnit: source.performanceUnit, performanceDecimals: source.performanceDecimals,
            source: source.file)
    }

    static func make(_ source: SpendChartSource, organisation: String, chart: Image) -> SpendChartSection? {
        guard let q = source.quadrant else { return nil }
        let spend = { (v: Double) in Formatting.figure(v, unit: .currency, decimals: 0) }
        let performance = { (v: Double) in Formatting.figure(v, unit: source.performanceUnit, decimals: source.performanceDecimals) }
        let rows = q.members.map { member in
            SpendChartRow(
                name: member.name, isCouncil: member.isCouncil, spend: spend(member.spend), performance: performance(member.performance),
                quadrant: q.quadrantWords(member))
        }
        return SpendChartSection(
            heading: "\(q.performanceName) against spend among \(ComparatorGroup.inSentence(q.group))", chart: chart,
            caption: "Each point is one of \(q.members.count) \(ComparatorGroup.inSentence(q.group)); the dashed lines are the group's medians.",
            spendHeading: "\(q.spendName), \(q.spendPeriod)", performanceHeading: "\(q.performanceName), \(q.performancePeriod)",
            rows: rows, medianSpend: spend(q.spendMedian), medianPerformance: performance(q.performanceMedian),
            unplaced: q.unplaced.isEmpty ? nil : "Not on the chart, without both figures: \(q.unplaced.joined(separator: ", ")).")
    }

    static func altText(_ source: SpendChartSource, organisation: String) -> String {
        guard let q = source.quadrant else { return "" }
        return q.altText(
            organisation: organisation, spendFigure: { Formatting.figure($0, unit: .currency, decimals: 0) },
            performanceFigure: { Formatting.figure($0, unit: source.performanceUnit, decimals: source.performanceDecimals) })
    }
}

extension DashboardPlanner {
    /// The performance-against-spend section of the benchmarking page, its chart planned at every size.
    func spendChartSection(_ analysis: DashboardAnalysis, base: String, plan: inout Plan) -> SpendChartSection? {
        let definition = analysis.dashboard.definition
        guard let source = definition.spendChart, let spec = SpendChartSection.spec(source, organisation: definition.organisation) else { return nil }
        let alt = SpendChartSection.altText(source, organisation: definition.organisation)
        let image = responsiveChart(spec, name: SpendChartSection.chartName, alt: alt, base: base, printable: true, plan: &plan)
        return SpendChartSection.make(source, organisation: definition.organisation, chart: image)
    }
}
