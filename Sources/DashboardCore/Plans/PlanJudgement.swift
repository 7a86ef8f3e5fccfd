extension IndicatorAnalysis {
    /// The latest judgement of an indicator in words, for an action meant to move it: "worse, special cause
    /// concern (92%, 2020)"; its direction, status and SPC variation where it has them.
    public var judgementWords: String {
        var parts: [String] = []
        if let direction { parts.append(direction.direction.words.lowercased()) }
        if let rag { parts.append(rag.status.name + (rag.status.meaning.map { " (\($0))" } ?? "")) }
        if let spc {
            switch spc.variation {
            case .commonCause: parts.append("common cause variation")
            case .concernHigh, .concernLow: parts.append("special cause concern")
            case .improvementHigh, .improvementLow: parts.append("special cause improvement")
            case .neitherHigh: parts.append("special cause (higher)")
            case .neitherLow: parts.append("special cause (lower)")
            }
        }
        guard let latest else { return "no figure yet" }
        let figure = "\(format(latest)), \(latest.label)"
        if parts.isEmpty { return "not compared (\(figure))" }
        return "\(parts.joined(separator: ", ")) (\(figure))"
    }
}
