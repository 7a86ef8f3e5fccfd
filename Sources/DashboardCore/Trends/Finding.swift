/// What a member should take from an indicator's latest figure, in one to three short sentences built from the
/// judgements already made: the direction against the figure it was compared with (both figures named), whether
/// chance could explain the change where it was tested, the target met or missed, each comparator with the level
/// of its test, an SPC signal with the process it is judged against, and where the paper's own word and the
/// figures disagree.
///
/// "Worse than June 2020: 50 in July 2020, up from 36. Misses the target of 40 (Red); similar to England (45), at
/// 95% confidence."
public enum Finding {
    public static func sentence(_ analysis: IndicatorAnalysis) -> String {
        sentences(analysis).joined(separator: " ")
    }

    /// The finding's sentences, each ending with a full stop: what the latest figure did, then how it stands
    /// (target, comparators), then anything that qualifies the judgement (an SPC signal, the paper's word).
    public static func sentences(_ analysis: IndicatorAnalysis) -> [String] {
        guard let latest = analysis.latest else { return ["No figure yet."] }
        var result = [movement(analysis, latest: latest)]
        let standing = [targetClause(analysis), ragClause(analysis), comparatorClause(analysis)].compactMap { $0 }
        if !standing.isEmpty { result.append(capitalised(standing.joined(separator: "; ")) + ".") }
        var qualifiers: [String] = []
        if let spc = spcClause(analysis) { qualifiers.append(spc) }
        if let paper = paperClause(analysis) { qualifiers.append(paper) }
        if !qualifiers.isEmpty { result.append(capitalised(qualifiers.joined(separator: "; ")) + ".") }
        return result
    }

    // MARK: - The first sentence: the figure and its direction

    /// "Worse than June 2020: 50 in July 2020, up from 36." or, with nothing to compare with, the figure and why.
    static func movement(_ analysis: IndicatorAnalysis, latest: Observation) -> String {
        let figure = "\(analysis.format(latest)) in \(latest.label)"
        let laterGap = latestGap(analysis, latest: latest).map { "; \($0)" } ?? ""
        guard let assessment = analysis.direction else {
            if let note = analysis.comparison?.note { return "\(figure); not compared with an earlier figure: \(note)\(laterGap)." }
            return "\(figure); there is no earlier figure to compare it with\(laterGap)."
        }
        switch assessment.basis {
        case .stated(let stated, _):
            // The paper's word where it says more than the judgement ("Worse" for "higher" where low is good).
            let word = assessment.direction.words
            let quoted = word.lowercased() == stated.rawValue ? "" : " (\"\(stated.rawValue)\")"
            return "\(word), as the paper reports it\(quoted): \(figure); the earlier figure is not in the data\(laterGap)."
        case .computed(let change, _):
            let earlier = analysis.series.first { $0.period == change.fromPeriod }
            let earlierFigure = earlier.map(analysis.format) ?? analysis.format(change.from)
            let judgement = judged(assessment.direction, against: change.fromName)
            let moved: String
            switch assessment.movement {
            case .up: moved = "up from \(earlierFigure)"
            case .down: moved = "down from \(earlierFigure)"
            case .flat, .unknown: moved = "the same as then"
            }
            return "\(judgement): \(figure), \(moved)\(chanceClause(analysis, direction: assessment.direction))\(laterGap)."
        }
    }

    /// "Worse than June 2020", "Similar to June 2020", "Higher than June 2020", "The same as June 2020".
    static func judged(_ direction: Direction, against period: String) -> String {
        switch direction {
        case .better: return "Better than \(period)"
        case .worse: return "Worse than \(period)"
        case .similar: return "Similar to \(period)"
        case .higher: return "Higher than \(period)"
        case .lower: return "Lower than \(period)"
        case .same: return "The same as \(period)"
        }
    }

    /// Where the change was tested (a percentage of counts, Newcombe's interval): whether chance could explain it.
    static func chanceClause(_ analysis: IndicatorAnalysis, direction: Direction) -> String {
        guard let test = analysis.significance?.change else { return "" }
        let moved = direction != .similar && direction != .same
        switch (test.placement == .similar, moved) {
        case (true, true): return ", though the change could be chance (\(test.level) confidence)"
        case (false, true): return ", a change beyond chance (\(test.level) confidence)"
        case (false, false): return "; a small change, but beyond chance (\(test.level) confidence)"
        case (true, false): return ""
        }
    }

    /// The series' latest period where it is a gap after the latest figure: "September 2020 is a gap (break in data)".
    static func latestGap(_ analysis: IndicatorAnalysis, latest: Observation) -> String? {
        guard let period = analysis.latestPeriod, period != latest.period, let gap = analysis.series.last, gap.isGap else { return nil }
        return "\(gap.label) is a gap (\(gap.gap?.phrase ?? "no figure"))"
    }

    // MARK: - The second sentence: target and comparators

    /// "misses the target of 40 (Red)", "meets the target of 95.0%", "above the target of 40" without polarity.
    static func targetClause(_ analysis: IndicatorAnalysis) -> String? {
        guard let value = analysis.latest?.value, let target = analysis.target else { return nil }
        let targetText = analysis.format(target, decimals: Formatting.decimalPlaces(of: target, minimum: analysis.decimals))
        // The status beside the target only where the target gave it; a status the paper states or a quartile
        // gives is said on its own (`ragClause`), so "misses the target (Green)" is never read as one judgement.
        let status = analysis.rag.flatMap { $0.method == .target ? " (\($0.status.name))" : nil } ?? ""
        switch analysis.meetsTarget {
        case true?: return "meets the target of \(targetText)\(status)"
        case false?: return "misses the target of \(targetText)\(status)"
        case nil:
            let side = value > target ? "above" : value < target ? "below" : "at"
            return "\(side) the target of \(targetText)\(status)"
        }
    }

    /// A RAG status not given by the target: "rated Amber in the paper", "Green: top quartile nationally".
    static func ragClause(_ analysis: IndicatorAnalysis) -> String? {
        guard let rag = analysis.rag else { return nil }
        switch rag.method {
        case .target: return nil
        case .stated: return "rated \(rag.status.name) in the paper"
        case .quartile: return "\(rag.status.name): \(rag.rule)"
        }
    }

    /// Each comparator with its figure and, where the figure has counts, the test's level: "similar to England
    /// (10.0%), at 95% confidence"; without counts, which side of it the figure is, said as untested.
    static func comparatorClause(_ analysis: IndicatorAnalysis) -> String? {
        let figures = comparatorFigures(analysis)
        guard !figures.isEmpty else { return nil }
        let decimals = { (value: Double) in Formatting.decimalPlaces(of: value, minimum: analysis.decimals) }
        if let significance = analysis.significance, !significance.comparisons.isEmpty {
            let items = significance.comparisons.map { test in
                (
                    judgement: "\(test.word) \(test.placement == .similar ? "to" : "than")",
                    comparator: "\(test.name) (\(analysis.format(test.comparator, decimals: decimals(test.comparator))))"
                )
            }
            return grouped(items) + ", at \(significance.level) confidence"
        }
        let polarity = analysis.indicator.polarity
        let items = figures.map { name, figure, value -> (judgement: String, comparator: String) in
            let text = "\(name) (\(analysis.format(figure, decimals: decimals(figure))))"
            switch (polarity.isBetter(value, than: figure), value == figure) {
            case (_, true): return ("the same as", text)
            case (true?, _): return ("better than", text)
            case (false?, _): return ("worse than", text)
            case (nil, _): return (value > figure ? "higher than" : "lower than", text)
            }
        }
        return grouped(items) + (figures.count == 1 ? ", not tested for chance (no counts)" : ", none tested for chance (no counts)")
    }

    /// Comparators sharing a judgement said once: "better than East Midlands (67.8%) and England (58.7%)", in
    /// the order each judgement first appears.
    static func grouped(_ items: [(judgement: String, comparator: String)]) -> String {
        var order: [String] = []
        var names: [String: [String]] = [:]
        for item in items {
            if names[item.judgement] == nil { order.append(item.judgement) }
            names[item.judgement, default: []].append(item.comparator)
        }
        // Groups joined by commas alone, so one "and" never runs two groups together.
        return order.map { "\($0) \(Wording.list(names[$0]!))" }.joined(separator: ", ")
    }

    /// The comparators beside the latest figure, as the significance test takes them: the named ones in
    /// dashboard.yml's order, then England, the region and the statistical neighbours where not named.
    static func comparatorFigures(_ analysis: IndicatorAnalysis) -> [(name: String, figure: Double, value: Double)] {
        var result = analysis.namedComparisons.map { (name: $0.name, figure: $0.comparator, value: $0.value) }
        for builtIn in analysis.comparisons where !builtIn.kind.isChange && !result.contains(where: { $0.name == builtIn.kind.name }) {
            result.append((name: builtIn.kind.name, figure: builtIn.benchmark, value: builtIn.value))
        }
        return result
    }

    // MARK: - What qualifies the judgement

    /// An SPC signal, with the process it is judged against: "statistical process control shows special cause
    /// improvement (lower), against the process since the break in data in December 2019". Common cause
    /// variation says nothing the direction has not.
    static func spcClause(_ analysis: IndicatorAnalysis) -> String? {
        guard let spc = analysis.spc, spc.variation != .commonCause else { return nil }
        let what: String
        switch spc.variation {
        case .improvementHigh: what = "special cause improvement (higher)"
        case .improvementLow: what = "special cause improvement (lower)"
        case .concernHigh: what = "special cause concern (higher)"
        case .concernLow: what = "special cause concern (lower)"
        case .neitherHigh: what = "special cause variation (higher)"
        case .neitherLow: what = "special cause variation (lower)"
        case .commonCause: return nil
        }
        return "statistical process control shows \(what), \(spc.judgedAgainst)"
    }

    /// Where the paper's stated direction and its figures disagree: "the paper says \"lower\"; its figures say worse".
    static func paperClause(_ analysis: IndicatorAnalysis) -> String? {
        guard analysis.paperContradictsFigures, let reported = analysis.reportedDirection, case .stated(let stated, _) = reported.basis,
            let direction = analysis.direction
        else { return nil }
        return "the paper says \"\(stated.rawValue)\", but its figures say \(direction.direction.words.lowercased())"
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
