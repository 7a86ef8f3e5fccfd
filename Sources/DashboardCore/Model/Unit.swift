/// What an indicator's figures measure; decides how they are written and how changes are expressed.
public enum MeasureUnit: String, Sendable, CaseIterable, Codable {
    case count
    /// Stored as written: 94.9 means 94.9%. Changes are in percentage points.
    case percent
    case rate
    case ratio
    /// Pounds sterling.
    case currency
    case days
    /// A place in a league table: `4th`, `11 out of 32`; 1st is the top, so an indicator of ranks has polarity low.
    case rank

    /// Decimals used when the data itself does not say (a computed average, a change).
    public var defaultDecimals: Int {
        switch self {
        case .count, .days, .rank: return 0
        case .percent: return 1
        case .rate, .ratio, .currency: return 2
        }
    }
}

/// Which way is good.
public enum Polarity: String, Sendable, CaseIterable, Codable {
    case high
    case low
    case none

    public var sentence: String {
        switch self {
        case .high: return "high is good"
        case .low: return "low is good"
        case .none: return "no polarity: information only"
        }
    }
}

/// How a year-to-date or annual figure is made from the periods inside it.
public enum Aggregation: String, Sendable, CaseIterable, Codable {
    /// What an indicator uses when `dashboard.yml` does not say: counts, pounds and days add up; a percentage with
    /// a declared numerator and denominator is recomputed from them; any other rate or percentage cannot be
    /// totalled, so only a year-to-date figure the data gives is shown (a mean of percentages would mislead).
    public static func defaultFor(_ unit: MeasureUnit, hasNumeratorAndDenominator: Bool) -> Aggregation {
        switch unit {
        case .count, .currency, .days: return .sum
        case .percent, .rate, .ratio: return hasNumeratorAndDenominator ? .ratio : .given
        case .rank: return .last
        }
    }

    /// Add the periods (activity counts such as assessments completed).
    case sum
    /// Average the periods.
    case mean
    /// Take the latest period (snapshots such as cases open at month end).
    case last
    /// Add numerators and denominators, then divide (a percentage of a total).
    case ratio
    /// Only the figure the data gives: unique counts (families open in the year) cannot be summed.
    case given
}

public enum ChartKind: String, Sendable, CaseIterable, Codable {
    case line
    case column
    case stacked
    case spc
    /// One figure set against its target and benchmarks, for indicators reported a period at a time.
    case comparison
}
