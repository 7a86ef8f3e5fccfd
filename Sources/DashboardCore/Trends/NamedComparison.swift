/// A named comparator's figure beside the indicator's latest figure.
public struct NamedComparison: Sendable, Equatable {
    public var name: String
    /// The comparator's period used: the latest figure's own, else the most recent that had begun by its end.
    public var period: Period
    /// The date the comparator's figure stands at, where it differs from its period (neighbours at 31 March 2019).
    public var asAt: Period?
    public var source: String?
    public var comparator: Double
    public var value: Double
    /// Better or worse than the comparator by polarity; nil for no polarity or an equal figure.
    public var better: Bool?

    /// value − comparator, in the indicator's unit (points for percentages).
    public var gap: Double { value - comparator }

    /// "England 2020/21: 89.1%, as at 31 March 2021".
    public static func latest(_ indicator: IndicatorDefinition, analysis: IndicatorAnalysis) -> [NamedComparison] {
        guard let latest = analysis.latest, let value = latest.value else { return [] }
        return indicator.comparators.compactMap { comparator in
            guard let period = Analysis.comparatorPeriod(in: comparator.figures, for: latest.period), let figure = comparator.figures[period] else { return nil }
            let better = indicator.polarity.isBetter(value, than: figure.value)
            return NamedComparison(
                name: comparator.name, period: period, asAt: figure.asAt ?? comparator.asAt, source: comparator.source,
                comparator: figure.value, value: value, better: better)
        }
    }
}

/// A comparator column of the KPI table: a named comparator, or one `benchmarks:` gives by its name
/// ("England", "Region", "Statistical neighbours").
public enum ComparatorColumn {
    /// The figure the column shows for an indicator, with its period and as-at date; nil where it has none.
    public static func figure(_ name: String, in analysis: IndicatorAnalysis) -> (value: Double, period: Period, asAt: Period?)? {
        if let named = analysis.namedComparisons.first(where: { $0.name == name }) {
            return (named.comparator, named.period, named.asAt)
        }
        if let builtIn = analysis.comparisons.first(where: { !$0.kind.isChange && $0.kind.name == name }) {
            return (builtIn.benchmark, builtIn.period, nil)
        }
        return nil
    }
}
