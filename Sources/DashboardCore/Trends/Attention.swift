/// Which indicators need a committee's attention this period, and why, in words: those whose status counts as
/// red or amber, whose latest figure is a special cause of concern, whose process will consistently miss its
/// target, or where the paper's stated direction and its own figures disagree. A dashboard opens with them, so a member sees what to ask about before the 20 rows of its KPI table.
///
/// "Worse than last time" alone is not a reason: a change between two figures may be chance, and the KPI table
/// shows it for every row.
public struct Attention: Sendable, Equatable {
    public var indicatorID: String
    /// The reasons, most serious first: "Red (misses the target by 5.0 pts)", "special cause concern (higher)".
    public var reasons: [String]
    /// For ordering: red 0, amber 1, anything else 2.
    public var rank: Int

    /// The indicators of a dashboard's analysis that need attention, red first, then amber, then the rest, each in
    /// the dashboard's order.
    public static func list(_ analyses: [IndicatorAnalysis]) -> [Attention] {
        let found = analyses.enumerated().compactMap { index, analysis in of(analysis).map { (index, $0) } }
        return found.sorted { ($0.1.rank, $0.0) < ($1.1.rank, $1.0) }.map(\.1)
    }

    /// Why one indicator needs attention; nil when nothing does.
    public static func of(_ analysis: IndicatorAnalysis) -> Attention? {
        var reasons: [String] = []
        var rank = 2
        if let rag = analysis.rag, let outcome = rag.status.outcome, outcome != .green {
            reasons.append("\(rag.status.name) (\(rag.summary))")
            rank = outcome == .red ? 0 : 1
        }
        if let spc = analysis.spc, spc.latestIsConcern {
            reasons.append(spc.variation == .concernHigh ? "special cause concern (higher)" : "special cause concern (lower)")
        }
        if analysis.spc?.assurance == .consistentlyFail {
            reasons.append("the process will consistently miss the target")
        }
        if analysis.paperContradictsFigures, let direction = analysis.direction {
            reasons.append("the paper's words and its figures disagree (the figures: \(direction.direction.words.lowercased()))")
        }
        return reasons.isEmpty ? nil : Attention(indicatorID: analysis.indicator.id, reasons: reasons, rank: rank)
    }
}

extension SPC.Result {
    /// Whether the judgement the KPI table shows for the latest figure is a concern.
    var latestIsConcern: Bool { variation == .concernHigh || variation == .concernLow }
}
