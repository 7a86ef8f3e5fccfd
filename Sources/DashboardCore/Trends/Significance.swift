@_exported import DashboardStatistics

/// Whether a figure differs from a comparator, or from the previous figure, by more than chance: its confidence
/// interval (Wilson for a percentage of counts, Byar's for a count or a rate of events in a population) set against
/// the other figure as Fingertips does. Without counts nothing is tested, and the page says so.
public struct Significance: Sendable, Equatable {
    public enum Method: String, Sendable {
        case wilson, byar

        public var name: String { self == .wilson ? "Wilson score interval" : "Byar's method" }
    }

    /// A comparator's figure against the interval.
    public struct ComparatorTest: Sendable, Equatable {
        public var name: String
        public var comparator: Double
        public var placement: Placement
        /// By polarity: true better, false worse; nil for similar or no polarity.
        public var better: Bool?
        public var level: ConfidenceLevel

        /// "similar", "better", "worse", "higher", "lower".
        public var word: String {
            switch (placement, better) {
            case (.similar, _): return "similar"
            case (_, true?): return "better"
            case (_, false?): return "worse"
            case (.higher, nil): return "higher"
            case (.lower, nil): return "lower"
            }
        }

        /// "similar to England (95% confidence)", "better than England (95% confidence)".
        public var sentence: String {
            "\(word) \(placement == .similar ? "to" : "than") \(name) (\(level) confidence)"
        }

        /// The KPI table's short form: "similar to England, 95%".
        public var short: String { "\(word) \(placement == .similar ? "to" : "than") \(name), \(level)" }
    }

    /// The change from the previous figure, for percentages of counts: Newcombe's interval for the difference.
    public struct ChangeTest: Sendable, Equatable {
        public var fromPeriod: Period
        /// Percentage points.
        public var difference: Interval
        public var placement: Placement
        public var better: Bool?
        public var level: ConfidenceLevel

        public var word: String {
            placement == .similar ? "similar" : better.map { $0 ? "better" : "worse" } ?? placement.rawValue
        }
    }

    public var level: ConfidenceLevel
    public var method: Method
    /// In the indicator's unit (per cent for a percentage, per its multiplier for a rate).
    public var interval: Interval
    public var numerator: Double
    public var denominator: Double?
    /// A numerator or denominator under 10.
    public var smallNumbers: Bool
    public var comparisons: [ComparatorTest] = []
    public var change: ChangeTest?

    /// Said where there are no counts to test with.
    public static let notTested = "not tested: no counts"

    public static let smallNumbersCaution = "small numbers (a count under 10): the figure may change a lot by chance"

    /// The counts behind a figure: its own, else the numerator and denominator indicators' for its period.
    static func counts(
        _ observation: Observation, numerators: [Period: Double], denominators: [Period: Double]
    ) -> (numerator: Double?, denominator: Double?) {
        (observation.numerator ?? numerators[observation.period], observation.denominator ?? denominators[observation.period])
    }

    /// The interval for one figure; nil where the unit or the counts allow no test.
    static func interval(
        value: Double, unit: MeasureUnit, numerator: Double?, denominator: Double?, level: ConfidenceLevel
    ) -> (Method, Interval)? {
        switch unit {
        case .percent:
            guard let x = numerator, let n = denominator, let interval = Wilson.interval(successes: x, trials: n, level: level) else { return nil }
            return (.wilson, interval.scaled(by: 100))
        case .count:
            guard value >= 0, value == value.rounded(), let interval = Byar.interval(count: value, level: level) else { return nil }
            return (.byar, interval)
        case .rate:
            guard let x = numerator, let n = denominator, x > 0, n > 0 else { return nil }
            // The multiplier the rate is given per (1, 100, 1,000, 10,000 …): the power of ten nearest value ÷ (x ÷ n).
            let powers = (0...9).map(pow10)
            guard let multiplier = powers.min(by: { abs($0 * x / n - value) < abs($1 * x / n - value) }),
                abs(multiplier * x / n - value) <= 0.05 * value
            else { return nil }
            return Byar.rateInterval(count: x, population: n, multiplier: multiplier, level: level).map { (.byar, $0) }
        default:
            return nil
        }
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}

/// One figure's confidence interval, for the data download.
public struct FigureInterval: Sendable, Equatable {
    public var method: Significance.Method
    public var interval: Interval
    public var level: ConfidenceLevel
}

extension Significance {
    /// Each figure's interval where its counts allow one (a figure without counts has none), by period.
    static func intervals(
        _ observations: [Observation], unit: MeasureUnit, numerators: [Period: Double], denominators: [Period: Double], level: ConfidenceLevel
    ) -> [Period: FigureInterval] {
        var result: [Period: FigureInterval] = [:]
        for observation in observations {
            guard let value = observation.value else { continue }
            let (x, n) = counts(observation, numerators: numerators, denominators: denominators)
            if let (method, interval) = interval(value: value, unit: unit, numerator: x, denominator: n, level: level) {
                result[observation.period] = FigureInterval(method: method, interval: interval, level: level)
            }
        }
        return result
    }

    /// The latest figure's interval, its comparison with each comparator and, for percentages of counts, with the
    /// previous figure. Nil where there are no counts (the page says `notTested`).
    static func assess(
        _ analysis: IndicatorAnalysis, numerators: [Period: Double], denominators: [Period: Double], level: ConfidenceLevel
    ) -> Significance? {
        guard let latest = analysis.latest, let value = latest.value else { return nil }
        let (x, n) = counts(latest, numerators: numerators, denominators: denominators)
        let unit = analysis.unit
        guard let (method, interval) = Self.interval(value: value, unit: unit, numerator: x, denominator: n, level: level) else { return nil }
        let events = unit == .count ? value : x ?? value
        var result = Significance(
            level: level, method: method, interval: interval, numerator: events, denominator: n,
            smallNumbers: SmallNumbers.isSmall(events, n))
        let polarity = analysis.indicator.polarity
        var named: [(String, Double)] = analysis.namedComparisons.map { ($0.name, $0.comparator) }
        for builtIn in analysis.comparisons where !builtIn.kind.isChange && !named.contains(where: { $0.0 == builtIn.kind.name }) {
            named.append((builtIn.kind.name, builtIn.benchmark))
        }
        result.comparisons = named.map { name, figure in
            let placement = Placement.of(interval, against: figure)
            let better = placement == .similar ? nil : polarity.improves(by: placement == .higher ? 1 : -1)
            return ComparatorTest(name: name, comparator: figure, placement: placement, better: better, level: level)
        }
        if unit == .percent, let previous = analysis.change.flatMap({ change in analysis.series.first { $0.period == change.fromPeriod } }),
            let x1 = x, let n1 = n
        {
            let (x0, n0) = counts(previous, numerators: numerators, denominators: denominators)
            if let x0, let n0, let difference = Newcombe.difference(x1, of: n1, minus: x0, of: n0, level: level) {
                let points = difference.scaled(by: 100)
                let placement = Placement.of(points, against: 0)
                let better = placement == .similar ? nil : polarity.improves(by: placement == .higher ? 1 : -1)
                result.change = ChangeTest(fromPeriod: previous.period, difference: points, placement: placement, better: better, level: level)
            }
        }
        return result
    }

    /// "9.0% to 45.2% (95% Wilson score interval of 4 of 18)".
    public func describe(unit: MeasureUnit, decimals: Int) -> String {
        let d = max(decimals, 1)
        let range = "\(Formatting.figure(interval.lower, unit: unit, decimals: d)) to \(Formatting.figure(interval.upper, unit: unit, decimals: d))"
        let counts =
            denominator.map { " of \(Formatting.number(numerator, decimals: 0)) of \(Formatting.number($0, decimals: 0))" }
            ?? " of \(Formatting.number(numerator, decimals: 0))"
        return "\(range) (\(level) confidence interval, \(method.name)\(counts))"
    }
}
