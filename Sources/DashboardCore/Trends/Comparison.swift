/// What a figure is compared with in the "compared with previous" column (`compare_with:` in dashboard.yml).
public enum CompareWith: String, Sendable, CaseIterable {
    /// The period just before, of the same kind and length; a gap or a missing period there is said, never
    /// skipped over. A series whose figures are all a year apart (annual snapshots, one census a year) follows
    /// a yearly cycle, so its previous period is the same period a year earlier.
    case previous
    /// The latest earlier figure of the same kind and length, named on the page when it is not the period
    /// just before: past a gap, or the previous report of a rolling window (`Jul 20 – Jun 21` before
    /// `Oct 20 – Sep 21`).
    case latestAvailable = "latest_available"
    /// The same period a year earlier, as papers comparing with "same period last year" do.
    case samePeriodLastYear = "same_period_last_year"
}

/// The figure a latest figure is compared with, and why there is none when there is none.
public struct ComparisonChoice: Sendable, Equatable {
    /// The figure compared with; nil when there is nothing to compare with.
    public var observation: Observation?
    /// The period the basis asks for (the period just before, or a year earlier); nil for irregular dates.
    public var expected: Period?
    /// Said on the page when the comparison is not with the period just before, or there is none:
    /// "no 2020/21 Q2 figure", "compared with 2020/21 Q1, the latest available: no 2020/21 Q2 figure".
    public var note: String?
    /// Whether the comparison is with the period just before, as a paper's "compared to previous" column is.
    public var isImmediatelyPrevious: Bool
}

public enum ComparisonRules {
    /// Whether every figure of the series is a year after the one before: annual snapshots kept as months or
    /// censuses, whose previous period is the same one a year earlier.
    public static func isYearly(_ series: [Observation]) -> Bool {
        let periods = series.map(\.period)
        guard periods.count >= 2 else { return false }
        return zip(periods, periods.dropFirst()).allSatisfy { a, b in b.yearEarlier == a && b.previous != a }
    }

    /// The period a figure is compared with under `previous`, given the series it belongs to.
    public static func previousPeriod(of period: Period, in series: [Observation]) -> Period? {
        if case .day = period { return nil }
        return isYearly(series) ? period.yearEarlier : period.previous
    }

    public static func choose(for latest: Observation, in series: [Observation], basis: CompareWith) -> ComparisonChoice {
        let period = latest.period
        let earlier = series.filter { $0.period < period }
        func missing(_ expected: Period, _ suffix: String = "") -> String {
            if let record = series.first(where: { $0.period == expected }) {
                return "\(record.label) is a gap (\(record.gap?.phrase ?? "no figure"))\(suffix)"
            }
            return "no \(expected.label) figure\(suffix)"
        }
        switch basis {
        case .samePeriodLastYear:
            let expected = period.yearEarlier
            if let record = series.first(where: { $0.period == expected }), record.value != nil {
                return ComparisonChoice(observation: record, expected: expected, note: nil, isImmediatelyPrevious: false)
            }
            return ComparisonChoice(
                observation: nil, expected: expected, note: missing(expected, " (the same period last year)"),
                isImmediatelyPrevious: false)
        case .previous, .latestAvailable:
            guard let expected = previousPeriod(of: period, in: series) else {
                // Dates are irregular: the previous figure is the one before.
                let before = earlier.last { $0.value != nil }
                return ComparisonChoice(observation: before, expected: nil, note: nil, isImmediatelyPrevious: before != nil)
            }
            if basis == .latestAvailable, let before = earlier.last(where: { $0.value != nil }), before.period != expected {
                let hasExpected = series.contains { $0.period == expected && $0.value != nil }
                return ComparisonChoice(
                    observation: before, expected: expected,
                    note: "compared with \(before.label), the latest available" + (hasExpected ? "" : ": \(missing(expected))"),
                    isImmediatelyPrevious: false)
            }
            if let record = series.first(where: { $0.period == expected }), record.value != nil {
                return ComparisonChoice(observation: record, expected: expected, note: nil, isImmediatelyPrevious: true)
            }
            if earlier.isEmpty {
                return ComparisonChoice(observation: nil, expected: expected, note: nil, isImmediatelyPrevious: false)
            }
            return ComparisonChoice(observation: nil, expected: expected, note: missing(expected), isImmediatelyPrevious: false)
        }
    }
}
