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

    /// The factor above which a moving range is screened out (3.267 is D4 for moving ranges of two points).
    public static let movingRangeScreen = 3.267

    public static func analyse(_ observations: [Observation], polarity: Polarity, target: Double?) -> Swift.Result<Result, UnavailableError> {
        analyse(observations, polarity: polarity, target: target, options: Options())
    }

    static func analyseOne(_ observations: [Observation], polarity: Polarity, target: Double?, screen: Bool) -> Swift.Result<Result, UnavailableError> {
        let values = observations.compactMap(\.value)
        guard values.count >= minimumPoints else { return .failure(UnavailableError(reason: .tooFewPoints(values.count))) }
        let mean = values.reduce(0, +) / Double(values.count)
        let runs = Runs(observations)
        let movingRanges = runs.movingRanges(observations)
        let ranges = movingRanges.compactMap { $0 }
        guard !ranges.isEmpty else { return .failure(UnavailableError(reason: .tooFewPoints(values.count))) }
        let averageMovingRange = averageOf(ranges, screen: screen)
        guard averageMovingRange > 0 else { return .failure(UnavailableError(reason: .noVariation)) }
        let limits = Limits(mean: mean, averageMovingRange: averageMovingRange)
        let marks = RuleMarks(observations, runs: runs, limits: limits)
        let points = marks.points(observations, movingRanges: movingRanges, polarity: polarity)
        let latest = points.last { $0.value != nil }!
        return .success(
            Result(
                points: points, mean: mean, averageMovingRange: averageMovingRange, upperLimit: limits.upper,
                lowerLimit: limits.lower, upperNear: limits.upperNear, lowerNear: limits.lowerNear,
                variation: variation(of: latest, polarity: polarity),
                assurance: assurance(target: target, polarity: polarity, limits: limits), observedCount: values.count))
    }

    /// The mean moving range, leaving out ranges of at least 3.267 × the mean first when screening.
    static func averageOf(_ ranges: [Double], screen: Bool) -> Double {
        let average = ranges.reduce(0, +) / Double(ranges.count)
        guard screen else { return average }
        let kept = ranges.filter { $0 < movingRangeScreen * average }
        return kept.isEmpty ? average : kept.reduce(0, +) / Double(kept.count)
    }

    /// The variation icon's meaning, from the latest point's type.
    static func variation(of latest: Point, polarity: Polarity) -> Variation {
        let good = polarity.sign
        let latestHigh = latest.type == .improvement ? good > 0 : latest.type == .concern ? good < 0 : latest.type == .neitherHigh
        switch latest.type {
        case .commonCause: return .commonCause
        case .improvement: return latestHigh ? .improvementHigh : .improvementLow
        case .concern: return latestHigh ? .concernHigh : .concernLow
        case .neitherHigh: return .neitherHigh
        case .neitherLow: return .neitherLow
        }
    }

    /// Every figure the process gives falls short of a target beyond the limits on the good side, and meets one
    /// beyond them on the other; a target within the limits is hit and missed by chance.
    static func assurance(target: Double?, polarity: Polarity, limits: Limits) -> Assurance? {
        guard let target, polarity != .none else { return nil }
        guard target > limits.upper || target < limits.lower else { return .hitAndMiss }
        let targetOnGoodSide = polarity.isGoodSide(above: target > limits.upper) ?? false
        return targetOnGoodSide ? .consistentlyFail : .consistentlyPass
    }

    /// Whether `b` follows `a` with no period between (dates, being irregular, always follow).
    static func isConsecutive(_ a: Period, _ b: Period) -> Bool {
        if case .day = b { return true }
        return b.previous == a
    }
}
