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

    // The one home of "which way is better": every judgement by polarity (direction, RAG, comparators, SPC,
    // assurance, whether a target is met) is made through these.

    /// +1 where a higher figure is better, −1 where a lower one is, 0 for information only.
    public var sign: Int {
        switch self {
        case .high: return 1
        case .low: return -1
        case .none: return 0
        }
    }

    /// How far `value` is better than `reference`, in the indicator's unit: positive better, negative worse;
    /// nil with no polarity.
    public func advantage(of value: Double, over reference: Double) -> Double? {
        self == .none ? nil : Double(sign) * (value - reference)
    }

    /// Whether `value` is better than `reference`: nil when they are equal or there is no polarity.
    public func isBetter(_ value: Double, than reference: Double) -> Bool? {
        guard let advantage = advantage(of: value, over: reference), advantage != 0 else { return nil }
        return advantage > 0
    }

    /// Whether a move of `delta` (later minus earlier) is an improvement: nil for no move or no polarity.
    public func improves(by delta: Double) -> Bool? {
        isBetter(delta, than: 0)
    }

    /// Whether `value` meets `target` (equals it or beats it, allowing for rounding in the last digits);
    /// nil with no polarity.
    public func meets(_ value: Double, target: Double) -> Bool? {
        guard let advantage = advantage(of: value, over: target) else { return nil }
        return advantage >= -1e-9 * max(1, abs(target))
    }

    /// Which side of a line is the good one: for a band or limit above (`true`) or below the figures.
    public func isGoodSide(above: Bool) -> Bool? {
        self == .none ? nil : (above == (self == .high))
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
