/// Confidence intervals for proportions and counts, as Public Health England's (now UKHSA's) PHEindicatormethods
/// computes them (`R/utils.R`: wilson_lower/upper, byars_lower/upper), and Newcombe's interval for the difference
/// of two proportions. Pure arithmetic: no I/O, no dependencies.

/// How sure an interval is: 95% (the usual) or 99.8% (Fingertips' "3 sigma" level).
public struct ConfidenceLevel: Sendable, Hashable, CustomStringConvertible {
    /// The level in per cent: 95 or 99.8.
    public let percent: Double
    /// The standard normal quantile for a two-sided interval at this level: qnorm(1 − (1 − level) / 2).
    public let z: Double

    /// qnorm(0.975), as PHEindicatormethods takes it.
    public static let ninetyFive = ConfidenceLevel(percent: 95, z: 1.959963984540054)
    /// qnorm(0.999).
    public static let ninetyNinePointEight = ConfidenceLevel(percent: 99.8, z: 3.090232306167813)

    /// The levels supported, by their per cent.
    public static let all: [ConfidenceLevel] = [.ninetyFive, .ninetyNinePointEight]

    /// The level for a per cent (95 or 99.8), else nil.
    public init?(percent: Double) {
        guard let level = ConfidenceLevel.all.first(where: { abs($0.percent - percent) < 1e-9 }) else { return nil }
        self = level
    }

    init(percent: Double, z: Double) {
        self.percent = percent
        self.z = z
    }

    /// "95%", "99.8%".
    public var description: String {
        percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}

/// A two-sided interval.
public struct Interval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// Both ends multiplied (a proportion's interval as per cent, a count's as a rate).
    public func scaled(by factor: Double) -> Interval { Interval(lower: lower * factor, upper: upper * factor) }
}

public enum Wilson {
    /// The Wilson score interval for `successes` of `trials`, as proportions (0 to 1):
    /// (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)). Nil without trials, or with successes outside 0…n.
    public static func interval(successes x: Double, trials n: Double, level: ConfidenceLevel = .ninetyFive) -> Interval? {
        guard n > 0, x >= 0, x <= n else { return nil }
        let z = level.z
        let root = z * (z * z + 4 * x * (1 - x / n)).squareRoot()
        let denominator = 2 * (n + z * z)
        return Interval(lower: (2 * x + z * z - root) / denominator, upper: (2 * x + z * z + root) / denominator)
    }
}

public enum Byar {
    /// Byar's approximation to the exact Poisson interval for a count O:
    /// lower O(1 − 1/(9O) − z/(3√O))³ (0 for no events), upper (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
    public static func interval(count o: Double, level: ConfidenceLevel = .ninetyFive) -> Interval? {
        guard o >= 0 else { return nil }
        let z = level.z
        let lower = o == 0 ? 0 : o * cube(1 - 1 / (9 * o) - z / (3 * o.squareRoot()))
        let next = o + 1
        let upper = next * cube(1 - 1 / (9 * next) + z / (3 * next.squareRoot()))
        return Interval(lower: lower, upper: upper)
    }

    /// A crude rate's interval: the count's limits over the population, times the multiplier (per 10,000 …).
    public static func rateInterval(count o: Double, population: Double, multiplier: Double, level: ConfidenceLevel = .ninetyFive) -> Interval? {
        guard population > 0 else { return nil }
        return interval(count: o, level: level)?.scaled(by: multiplier / population)
    }

    static func cube(_ x: Double) -> Double { x * x * x }
}

public enum Newcombe {
    /// Newcombe's hybrid score interval for p₁ − p₂ from the two proportions' Wilson intervals:
    /// (p₁ − p₂) − √((p₁ − l₁)² + (u₂ − p₂)²) to (p₁ − p₂) + √((u₁ − p₁)² + (p₂ − l₂)²).
    public static func difference(_ p1: Double, _ interval1: Interval, minus p2: Double, _ interval2: Interval) -> Interval {
        let d = p1 - p2
        let below = ((p1 - interval1.lower) * (p1 - interval1.lower) + (interval2.upper - p2) * (interval2.upper - p2)).squareRoot()
        let above = ((interval1.upper - p1) * (interval1.upper - p1) + (p2 - interval2.lower) * (p2 - interval2.lower)).squareRoot()
        return Interval(lower: d - below, upper: d + above)
    }

    /// The difference of `x1` of `n1` and `x2` of `n2`, as proportions; nil where either has no trials.
    public static func difference(
        _ x1: Double, of n1: Double, minus x2: Double, of n2: Double, level: ConfidenceLevel = .ninetyFive
    ) -> Interval? {
        guard let i1 = Wilson.interval(successes: x1, trials: n1, level: level),
            let i2 = Wilson.interval(successes: x2, trials: n2, level: level)
        else { return nil }
        return difference(x1 / n1, i1, minus: x2 / n2, i2)
    }
}

/// Where an interval stands against a figure taken as a point, as Fingertips compares an area with England.
public enum Placement: String, Sendable {
    /// The whole interval is above the figure.
    case higher
    /// The whole interval is below it.
    case lower
    /// The interval contains it.
    case similar

    public static func of(_ interval: Interval, against figure: Double) -> Placement {
        interval.lower > figure ? .higher : interval.upper < figure ? .lower : .similar
    }
}

/// Fingertips and PHE caution figures resting on few events: a numerator or denominator under 10.
public enum SmallNumbers {
    public static let threshold = 10.0

    public static func isSmall(_ counts: Double?...) -> Bool { counts.contains { $0.map { $0 < threshold } ?? false } }
}
