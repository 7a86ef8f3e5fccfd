/// Statistical process control by the XmR method of NHS England's "Making Data Count".
///
/// - The centre line is the mean of the points; the moving range is the absolute difference between
///   consecutive points; the process limits are mean ± 2.66 × the mean moving range (2.66 = 3 / 1.128,
///   three sigma estimated from the moving range).
/// - Special causes: a point outside the limits; a run of 7 or more points on one side of the mean (a point
///   on the mean breaks a run); 7 points each higher (or each lower) than the one before; 2 of 3 consecutive
///   points on the same side of the mean and close to a limit (beyond two thirds of the way to it, i.e. two
///   sigma), the close ones marked.
/// - Each special-cause point is an improvement or a concern by the indicator's polarity (by its side of the
///   mean, or for a trend by the trend's direction); with no polarity it is "neither", high or low.
/// - Variation is judged by the latest point; assurance compares the target with the limits: a target
///   outside the limits on the failing side will consistently be missed, on the passing side consistently met.
///
/// Gaps (breaks in data, suppressed figures) are never filled: a moving range is not taken across a gap and
/// runs and trends do not continue across one, because a break may mean the process itself changed.
public enum SPC {
    /// Fewer points give limits too unreliable to call anything special (Making Data Count advises at least 12).
    public static let minimumPoints = 12
    /// Limits from fewer figures than this are trial limits (NHSRplotthedots' `ptd_spc.warning_threshold`, 13).
    public static let trialLimitPoints = 13
    public static let limitFactor = 2.66
    public static let runLength = 7
    public static let trendLength = 7

    public enum Rule: String, Sendable, CaseIterable, Comparable {
        case outsideLimits
        case shift
        case trend
        case twoOfThree

        public var sentence: String {
            switch self {
            case .outsideLimits: return "a point outside the process limits"
            case .shift: return "a run of \(SPC.runLength) or more points on one side of the mean"
            case .trend: return "\(SPC.trendLength) points each moving the same way"
            case .twoOfThree: return "2 of 3 points close to a process limit"
            }
        }

        public static func < (a: Rule, b: Rule) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum PointType: String, Sendable {
        case commonCause
        case improvement
        case concern
        case neitherHigh
        case neitherLow

        public var isSpecial: Bool { self != .commonCause }
    }

    /// The variation icon's meaning, from the latest point.
    public enum Variation: String, Sendable {
        case commonCause
        case improvementHigh, improvementLow
        case concernHigh, concernLow
        case neitherHigh, neitherLow

        public var sentence: String {
            switch self {
            case .commonCause: return "Common cause variation: no significant change"
            case .improvementHigh: return "Special cause variation: improvement (higher)"
            case .improvementLow: return "Special cause variation: improvement (lower)"
            case .concernHigh: return "Special cause variation: concern (higher)"
            case .concernLow: return "Special cause variation: concern (lower)"
            case .neitherHigh: return "Special cause variation: higher (no polarity)"
            case .neitherLow: return "Special cause variation: lower (no polarity)"
            }
        }

        public var shortText: String {
            switch self {
            case .commonCause: return "Common cause"
            case .improvementHigh, .improvementLow: return "Improvement"
            case .concernHigh, .concernLow: return "Concern"
            case .neitherHigh: return "Special cause (high)"
            case .neitherLow: return "Special cause (low)"
            }
        }
    }

    public enum Assurance: String, Sendable {
        case consistentlyPass
        case consistentlyFail
        case hitAndMiss

        public var sentence: String {
            switch self {
            case .consistentlyPass: return "Assurance: the process will consistently meet the target"
            case .consistentlyFail: return "Assurance: the process will consistently miss the target"
            case .hitAndMiss: return "Assurance: the process will hit and miss the target by chance"
            }
        }

        public var shortText: String {
            switch self {
            case .consistentlyPass: return "Consistently passes"
            case .consistentlyFail: return "Consistently fails"
            case .hitAndMiss: return "Hit and miss"
            }
        }
    }

    public struct Point: Sendable, Equatable {
        public var period: Period
        public var value: Double?
        /// From the previous point, when that point is the previous period and not a gap.
        public var movingRange: Double?
        public var rules: Set<Rule>
        public var type: PointType
    }

    public struct Result: Sendable, Equatable {
        public var points: [Point]
        public var mean: Double
        public var averageMovingRange: Double
        public var upperLimit: Double
        public var lowerLimit: Double
        /// Two sigma: points beyond these (and inside the limits) are "close to a limit".
        public var upperNear: Double
        public var lowerNear: Double
        public var variation: Variation
        public var assurance: Assurance?
        public var observedCount: Int
        /// With rebasing, each stretch's own mean and limits, in order; the fields above are the last stretch's.
        /// Without, one segment covering every point.
        public var segments: [Segment] = []

        public var specialPoints: [Point] { points.filter { $0.type.isSpecial } }

        /// The first and last periods of a stretch.
        public func periods(of segment: Segment) -> (first: Period, last: Period) {
            (points[segment.range.lowerBound].period, points[segment.range.upperBound - 1].period)
        }
    }

    public enum Unavailable: Sendable, Equatable {
        case tooFewPoints(Int)
        case noVariation
        /// The stretch since a break is too short for limits of its own: how many figures it has.
        case tooFewSinceBreak(Int, Break)

        public var sentence: String {
            switch self {
            case .tooFewPoints(let n): return "Too few points for SPC: \(n) figures, at least \(SPC.minimumPoints) needed"
            case .noVariation: return "No SPC: every figure is the same"
            case .tooFewSinceBreak(let n, let at):
                return "Not enough figures since \(at.description): \(n) of \(SPC.minimumPoints)"
            }
        }
    }

    /// How an indicator asks for its limits to be worked (`spc:` in dashboard.yml).
    public struct Options: Sendable, Equatable {
        /// Periods from which the mean and limits are worked afresh (a change in process: `rebase: [2020-03]`).
        public var rebase: [Period]
        /// Leave out moving ranges of at least 3.267 × their mean before working the limits, as NHSRplotthedots
        /// does by default (`screen_outliers`); off by default here, so limits match the plain XmR method.
        public var screenMovingRanges: Bool
        /// Draw the moving ranges as a second chart under the XmR chart (`moving_range_chart: true`).
        public var movingRangeChart: Bool
        /// Breaks in the data (a gap noted as a break in data or series, or `break:` in dashboard.yml): each
        /// starts a new stretch from the first figure on or after its period, as a rebase does.
        public var breaks: [Break]
        /// Keep one stretch across breaks (`across_breaks: true`): the officer knows the process did not change.
        public var acrossBreaks: Bool

        public init(
            rebase: [Period] = [], screenMovingRanges: Bool = false, movingRangeChart: Bool = false,
            breaks: [Break] = [], acrossBreaks: Bool = false
        ) {
            self.rebase = rebase
            self.screenMovingRanges = screenMovingRanges
            self.movingRangeChart = movingRangeChart
            self.breaks = breaks
            self.acrossBreaks = acrossBreaks
        }
    }

    /// One stretch of a rebased chart, drawn with its own mean and limits.
    public struct Segment: Sendable, Equatable {
        /// Indices into `points`.
        public var range: Range<Int>
        public var mean: Double
        public var averageMovingRange: Double
        public var upperLimit: Double
        public var lowerLimit: Double
        /// What began the stretch: nil for the first, else a rebase or a break.
        public var start: Start? = nil
        /// Figures (not gaps) the stretch's mean and limits rest on.
        public var observedCount: Int = 0

        /// Limits from fewer than 13 figures are trial limits, as NHSRplotthedots warns: they will move as
        /// figures are added.
        public var hasTrialLimits: Bool { observedCount < SPC.trialLimitPoints }

        /// The moving-range chart's upper range limit: 3.267 × the average moving range.
        public var upperRangeLimit: Double { SPC.movingRangeScreen * averageMovingRange }
    }

    /// The factor above which a moving range is screened out (3.267 is D4 for moving ranges of two points).
    public static let movingRangeScreen = 3.267

    public static func analyse(_ observations: [Observation], polarity: Polarity, target: Double?) -> Swift.Result<Result, UnavailableError> {
        analyse(observations, polarity: polarity, target: target, options: Options())
    }

    static func analyseOne(_ observations: [Observation], polarity: Polarity, target: Double?, screen: Bool) -> Swift.Result<Result, UnavailableError> {
        let values = observations.compactMap(\.value)
        guard values.count >= minimumPoints else { return .failure(UnavailableError(reason: .tooFewPoints(values.count))) }
        let mean = values.reduce(0, +) / Double(values.count)

        // Segments: runs of observed points in consecutive periods.
        var segmentOf = [Int](repeating: -1, count: observations.count)
        var segment = -1
        for (index, observation) in observations.enumerated() where observation.value != nil {
            let continues = index > 0 && observations[index - 1].value != nil && isConsecutive(observations[index - 1].period, observation.period)
            if !continues { segment += 1 }
            segmentOf[index] = segment
        }

        var movingRanges = [Double?](repeating: nil, count: observations.count)
        for index in observations.indices.dropFirst() where segmentOf[index] >= 0 && segmentOf[index] == segmentOf[index - 1] {
            movingRanges[index] = abs(observations[index].value! - observations[index - 1].value!)
        }
        let ranges = movingRanges.compactMap { $0 }
        guard !ranges.isEmpty else { return .failure(UnavailableError(reason: .tooFewPoints(values.count))) }
        var averageMovingRange = ranges.reduce(0, +) / Double(ranges.count)
        if screen {
            let kept = ranges.filter { $0 < movingRangeScreen * averageMovingRange }
            if !kept.isEmpty { averageMovingRange = kept.reduce(0, +) / Double(kept.count) }
        }
        guard averageMovingRange > 0 else { return .failure(UnavailableError(reason: .noVariation)) }
        let upper = mean + limitFactor * averageMovingRange
        let lower = mean - limitFactor * averageMovingRange
        let upperNear = mean + limitFactor * 2 / 3 * averageMovingRange
        let lowerNear = mean - limitFactor * 2 / 3 * averageMovingRange

        var rules = [Set<Rule>](repeating: [], count: observations.count)
        var trendDirection = [Int](repeating: 0, count: observations.count)
        func side(_ i: Int) -> Int {
            guard let v = observations[i].value else { return 0 }
            return v > mean ? 1 : v < mean ? -1 : 0
        }
        func outside(_ i: Int) -> Bool {
            guard let v = observations[i].value else { return false }
            return v > upper || v < lower
        }
        func close(_ i: Int) -> Bool {
            guard let v = observations[i].value, !outside(i) else { return false }
            return v > upperNear || v < lowerNear
        }
        for i in observations.indices where outside(i) { rules[i].insert(.outsideLimits) }

        // Work within each segment for the sequence rules.
        var start = 0
        while start < observations.count {
            guard segmentOf[start] >= 0 else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < observations.count, segmentOf[end + 1] == segmentOf[start] { end += 1 }
            let indices = Array(start...end)

            // Shift: 7 or more consecutive points on the same side.
            var runStart = 0
            for k in 1...indices.count {
                let broken = k == indices.count || side(indices[k]) == 0 || side(indices[k]) != side(indices[runStart])
                if broken {
                    if side(indices[runStart]) != 0, k - runStart >= runLength {
                        for j in runStart..<k { rules[indices[j]].insert(.shift) }
                    }
                    runStart = k
                }
            }
            // Trend: 7 points, each strictly above (or below) the one before.
            if indices.count >= trendLength {
                for last in (trendLength - 1)..<indices.count {
                    let window = indices[(last - trendLength + 1)...last]
                    let steps = zip(window, window.dropFirst()).map { a, b in observations[b].value! - observations[a].value! }
                    let direction = steps.allSatisfy { $0 > 0 } ? 1 : steps.allSatisfy { $0 < 0 } ? -1 : 0
                    if direction != 0 {
                        for j in window {
                            rules[j].insert(.trend)
                            trendDirection[j] = direction
                        }
                    }
                }
            }
            // Two of three: in any 3 consecutive points all on one side, at least 2 close to the limit.
            if indices.count >= 3 {
                for first in 0...(indices.count - 3) {
                    let window = indices[first..<(first + 3)]
                    let sides = Set(window.map(side))
                    guard sides.count == 1, sides.first != 0 else { continue }
                    let near = window.filter(close)
                    if near.count >= 2 { for j in near { rules[j].insert(.twoOfThree) } }
                }
            }
            start = end + 1
        }

        let good = polarity.sign
        var points: [Point] = []
        for (i, observation) in observations.enumerated() {
            var type = PointType.commonCause
            if !rules[i].isEmpty {
                // Precedence as NHSRplotthedots (Making Data Count): outside the limits, then a 7-point trend (its
                // direction from the differences, not the side of the mean), then 2 of 3 close to a limit, then
                // 7 points on one side. A rising run below the mean is an improvement where high is good.
                let direction: Int
                if rules[i].contains(.outsideLimits) {
                    direction = side(i)
                } else if rules[i].contains(.trend) {
                    direction = trendDirection[i]
                } else {
                    direction = side(i)
                }
                if good == 0 {
                    type = direction >= 0 ? .neitherHigh : .neitherLow
                } else {
                    type = direction == good ? .improvement : .concern
                }
            }
            points.append(
                Point(
                    period: observation.period, value: observation.value, movingRange: movingRanges[i],
                    rules: rules[i], type: type))
        }

        let latest = points.last { $0.value != nil }!
        let latestHigh = latest.type == .improvement ? good > 0 : latest.type == .concern ? good < 0 : latest.type == .neitherHigh
        let variation: Variation
        switch latest.type {
        case .commonCause: variation = .commonCause
        case .improvement: variation = latestHigh ? .improvementHigh : .improvementLow
        case .concern: variation = latestHigh ? .concernHigh : .concernLow
        case .neitherHigh: variation = .neitherHigh
        case .neitherLow: variation = .neitherLow
        }

        var assurance: Assurance?
        if let target, polarity != .none {
            // Every figure the process gives falls short of a target beyond the limits on the good side, and
            // meets one beyond them on the other.
            if target > upper || target < lower {
                let targetOnGoodSide = polarity.isGoodSide(above: target > upper) ?? false
                assurance = targetOnGoodSide ? .consistentlyFail : .consistentlyPass
            } else {
                assurance = .hitAndMiss
            }
        }
        return .success(
            Result(
                points: points, mean: mean, averageMovingRange: averageMovingRange, upperLimit: upper,
                lowerLimit: lower, upperNear: upperNear, lowerNear: lowerNear, variation: variation,
                assurance: assurance, observedCount: values.count))
    }

    public struct UnavailableError: Error, Sendable, Equatable {
        public var reason: Unavailable
    }

    /// Whether `b` follows `a` with no period between (dates, being irregular, always follow).
    static func isConsecutive(_ a: Period, _ b: Period) -> Bool {
        if case .day = b { return true }
        return b.previous == a
    }
}
