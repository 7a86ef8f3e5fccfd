/// A RAG status with the rule that produced it, in words a committee member can check.
public struct RAGAssessment: Sendable, Equatable {
    public enum Method: String, Sendable { case quartile, target, stated }

    /// A status of the dashboard's key (Green, Amber, Red unless the dashboard sets its own).
    public var status: RAGStatus
    public var method: Method
    /// "Top quartile nationally", "Misses the target of 97.0% by 2.1 pts (amber band to 92.2%)".
    public var rule: String
    /// The rule in a few words, for a table cell beside the status: "top quartile", "misses the target, within the amber band".
    public var summary: String
    /// When the paper stated a status, what the rules give, so a difference is visible rather than hidden.
    public var computed: RAGAssessment.Computed?

    public struct Computed: Sendable, Equatable {
        public var status: RAGStatus
        public var rule: String
        public var summary: String

        public init(status: RAGStatus, rule: String, summary: String) {
            self.status = status
            self.rule = rule
            self.summary = summary
        }
    }

    public init(status: RAGStatus, method: Method, rule: String, summary: String, computed: Computed? = nil) {
        self.status = status
        self.method = method
        self.rule = rule
        self.summary = summary
        self.computed = computed
    }
}

public enum RAGRules {
    /// Against a target, with an amber band of `tolerance` beyond it.
    ///
    /// Green: meets or beats the target (by polarity). Amber: misses it by no more than the tolerance.
    /// Red: misses it by more. An indicator with no polarity has no status.
    public static func byTarget(
        value: Double, target: Double, polarity: Polarity, tolerance: Margin,
        unit: MeasureUnit, decimals: Int
    ) -> RAGAssessment? {
        guard polarity != .none else { return nil }
        let band = tolerance.amount(relativeTo: target)
        guard let advantage = polarity.advantage(of: value, over: target), let meets = polarity.meets(value, target: target) else { return nil }
        let shortfall = -advantage
        let targetText = Formatting.figure(target, unit: unit, decimals: Formatting.decimalPlaces(of: target, minimum: decimals))
        if meets {
            return RAGAssessment(
                status: .green, method: .target, rule: "meets the target of \(targetText) (\(polarity.sentence))",
                summary: "meets the target")
        }
        let edge = target - Double(polarity.sign) * band
        let edgeDecimals = Formatting.decimalPlaces(of: edge, minimum: decimals, maximum: max(decimals, 2))
        let edgeText = Formatting.figure(edge, unit: unit, decimals: edgeDecimals)
        let missText = Formatting.changeSize(shortfall, unit: unit, decimals: decimals)
        let size = tolerance.describeAroundTarget(unit: unit, decimals: decimals)
        let bandText = "amber band of \(size) (\(polarity == .high ? "down" : "up") to \(edgeText))"
        if shortfall <= band + 1e-9 * max(1, abs(target)) {
            return RAGAssessment(
                status: .amber, method: .target, rule: "misses the target of \(targetText) by \(missText), within the \(bandText)",
                summary: "misses the target, within the amber band")
        }
        return RAGAssessment(
            status: .red, method: .target, rule: "misses the target of \(targetText) by \(missText), beyond the \(bandText)",
            summary: "misses the target, beyond the amber band")
    }

    /// The councils' quartile key, as printed under the Leicestershire dashboard:
    ///
    /// - Green: top quartile of local authorities, or high in the second quartile with an improving trend;
    /// - Amber: second or third quartile with room for improvement;
    /// - Red: fourth quartile, or low in the third quartile with a declining trend.
    ///
    /// "High" and "low" within a quartile come from `quartile_position`; without it a second-quartile figure is
    /// amber and a third-quartile one amber, because the key's stronger statuses cannot be shown to apply.
    public static func byQuartile(quartile: Int, position: QuartilePosition?, direction: Direction?) -> RAGAssessment {
        let trend: String
        switch direction {
        case .better?: trend = "an improving trend"
        case .worse?: trend = "a declining trend"
        case .similar?: trend = "no significant change"
        default: trend = "no trend to judge"
        }
        switch quartile {
        case 1:
            return RAGAssessment(status: .green, method: .quartile, rule: "top quartile nationally", summary: "top quartile")
        case 2:
            if position == .high, direction == .better {
                return RAGAssessment(
                    status: .green, method: .quartile, rule: "high in the second quartile with an improving trend",
                    summary: "high in 2nd quartile, improving")
            }
            let why: String
            switch position {
            case .high?: why = "high in the second quartile but with \(trend), so room for improvement"
            case .low?: why = "low in the second quartile, so room for improvement"
            case nil: why = "second quartile with \(trend); the position within the quartile is not given, so room for improvement"
            }
            return RAGAssessment(status: .amber, method: .quartile, rule: why, summary: "2nd quartile")
        case 3:
            if position == .low, direction == .worse {
                return RAGAssessment(
                    status: .red, method: .quartile, rule: "low in the third quartile with a declining trend",
                    summary: "low in 3rd quartile, declining")
            }
            let why = position == .low ? "low in the third quartile with \(trend), so room for improvement" : "third quartile with \(trend), so room for improvement"
            return RAGAssessment(status: .amber, method: .quartile, rule: why, summary: "3rd quartile")
        default:
            return RAGAssessment(status: .red, method: .quartile, rule: "bottom (fourth) quartile nationally", summary: "bottom quartile")
        }
    }
}
