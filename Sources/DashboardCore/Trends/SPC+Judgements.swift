extension SPC {
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
}
