/// `spend_chart:` in dashboard.yml: a performance-against-spend chart among a comparator group, from a benchmark
/// file beside dashboard.yml that holds a spend-per-head measure and a performance measure.
///
/// ```yaml
/// spend_chart: {from: lait-bds-long.csv, spend: SpendPerHead, performance: ReReferral, group: County councils}
/// ```
public struct SpendChartSource: Sendable, Equatable {
    public var file: String
    public var spend: String
    public var performance: String
    public var group: String
    public var location: SourceLocation
    /// The chart's figures, set when the folder is read.
    public var quadrant: SpendQuadrant?
    /// How the performance figures are written (the unit of the indicator benchmarked on that measure, if any).
    public var performanceUnit: MeasureUnit = .rate
    public var performanceDecimals: Int = 1

    public init(file: String, spend: String, performance: String, group: String, location: SourceLocation) {
        self.file = file
        self.spend = spend
        self.performance = performance
        self.group = group
        self.location = location
    }
}

extension DashboardDecoder {
    /// `spend_chart: {from: …, spend: …, performance: …, group: …}`; every key required, any other an error.
    static func decodeSpendChart(_ map: inout ConfigMapping, diagnostics: inout Diagnostics) -> SpendChartSource? {
        guard let node = map.node("spend_chart") else { return nil }
        guard var inner = ConfigMapping(node, what: "spend_chart", diagnostics: &diagnostics) else { return nil }
        let file = inner.requiredString("from", in: "spend_chart", diagnostics: &diagnostics)
        let spend = inner.requiredString("spend", in: "spend_chart", diagnostics: &diagnostics)
        let performance = inner.requiredString("performance", in: "spend_chart", diagnostics: &diagnostics)
        let group = inner.requiredString("group", in: "spend_chart", diagnostics: &diagnostics)
        inner.reportUnknownKeys(in: "spend_chart", diagnostics: &diagnostics)
        guard let file, let spend, let performance, let group else { return nil }
        return SpendChartSource(
            file: file.trimmingSpaces, spend: spend.trimmingSpaces, performance: performance.trimmingSpaces, group: group.trimmingSpaces,
            location: node.location)
    }
}
