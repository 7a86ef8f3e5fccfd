extension SPC {
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

    public struct UnavailableError: Error, Sendable, Equatable {
        public var reason: Unavailable
    }
}
