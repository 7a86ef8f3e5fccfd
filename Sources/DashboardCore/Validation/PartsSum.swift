/// A total whose parts, as the data gives them, sum to something else: warned about when the data is read and
/// noted on the indicator's page and under its chart, so the stacked bars are not read as the whole.
public struct PartsMismatch: Sendable, Equatable {
    public var period: Period
    public var total: Double
    public var totalDecimals: Int
    public var sum: Double
    /// The decimals the sum is shown with: the most any figure in it has.
    public var decimals: Int
    /// "cce-male 30 + cce-female 10".
    public var terms: [String]
    public var location: SourceLocation

    /// "The parts shown add up to 40 of 140; the other 100 are not broken down in the source." or, where the
    /// parts exceed the total, that they do and by how much.
    public func sentence(unit: MeasureUnit) -> String {
        let shown = Formatting.figure(sum, unit: unit, decimals: decimals)
        let whole = Formatting.figure(total, unit: unit, decimals: totalDecimals)
        let rest = Formatting.figure(abs(total - sum), unit: unit, decimals: max(decimals, totalDecimals))
        if sum < total {
            return "The parts shown add up to \(shown) of \(whole) in \(period.label); the other \(rest) are not broken down in the source."
        }
        return "The parts shown add up to \(shown) in \(period.label), \(rest) more than the total of \(whole): the source's parts overlap or are counted differently."
    }
}

public enum PartsSum {
    /// Each period where the indicator's total and the sum of all its parts disagree at the figures' precision;
    /// a period missing any part is not summed.
    public static func mismatches(_ indicator: IndicatorDefinition, series: [Observation], dashboard: Dashboard) -> [PartsMismatch] {
        guard !indicator.parts.isEmpty else { return [] }
        let partSeries = indicator.parts.map { id in (id, dashboard.observations(id)) }
        var result: [PartsMismatch] = []
        for observation in series {
            guard let total = observation.value else { continue }
            var sum = 0.0
            var terms: [String] = []
            var decimals = observation.decimals
            var complete = true
            for (id, observations) in partSeries {
                guard let part = observations.last(where: { $0.period == observation.period && $0.value != nil }), let value = part.value else {
                    complete = false
                    break
                }
                sum += value
                decimals = max(decimals, part.decimals)
                terms.append("\(id) \(Formatting.number(value, decimals: part.decimals))")
            }
            guard complete, !Formatting.agree(total, sum, decimals: decimals) else { continue }
            result.append(
                PartsMismatch(
                    period: observation.period, total: total, totalDecimals: observation.decimals, sum: sum, decimals: decimals, terms: terms,
                    location: observation.location))
        }
        return result
    }
}
