/// What a dashboard showed, in brief: each indicator's figures as shown, its RAG status and its direction.
/// Two of these say what changed between two builds, or between two editions.
public struct DashboardSnapshot: Sendable, Codable, Equatable {
    public struct Figure: Sendable, Codable, Equatable {
        /// The period's standard name, which matches between editions however a paper wrote it.
        public var period: String
        /// The period as shown.
        public var label: String
        /// The figure as shown ("71.8% (380)", "no figure: break in data").
        public var shown: String
    }

    public struct Indicator: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        /// Every figure up to the edition's period, in period order.
        public var figures: [Figure]
        /// The status shown for the latest figure ("Amber"), with any separate ratings after it ("Impact: Red").
        public var statuses: [String]
        /// The latest figure's direction compared with its previous one ("Better").
        public var direction: String?
        /// The period of the latest figure, as shown.
        public var latest: String?
    }

    /// The edition's period, as shown.
    public var asOf: String?
    public var indicators: [Indicator]
    /// The dashboard's action plan as the edition showed it, where it has one.
    public var plan: PlanSnapshot?

    public init(asOf: String?, indicators: [Indicator]) {
        self.asOf = asOf
        self.indicators = indicators
    }

    public init(_ analysis: DashboardAnalysis) {
        asOf = analysis.asOf?.label
        indicators = analysis.indicators.map { indicator in
            Indicator(
                id: indicator.indicator.id, title: indicator.indicator.displayTitle,
                figures: indicator.observations.map { Figure(period: $0.period.label, label: $0.label, shown: indicator.format($0)) },
                statuses: indicator.statusWords, direction: indicator.direction?.direction.words,
                latest: indicator.latest?.label)
        }
        plan = analysis.dashboard.actionPlan.map { PlanSnapshot($0, on: analysis.asOf?.end) }
    }
}

extension IndicatorAnalysis {
    /// The status as a snapshot keeps it: the main status, then each separate rating by name.
    var statusWords: [String] {
        var words: [String] = []
        if let rag { words.append(rag.status.name) }
        for rating in ratings { words.append("\(rating.name): \(rating.status.map(\.name) ?? "none")") }
        return words
    }
}

/// One thing that differs between two snapshots of a dashboard, in words a committee member reads first.
public struct SnapshotChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case newFigure, revision, withdrawn, status, direction, newIndicator, removedIndicator

        /// "1 new figure", "3 status changes".
        public func count(_ n: Int) -> String {
            let s = n == 1 ? "" : "s"
            switch self {
            case .newFigure: return "\(n) new figure\(s)"
            case .revision: return "\(n) revised figure\(s)"
            case .withdrawn: return "\(n) figure\(s) no longer shown"
            case .status: return "\(n) status change\(s)"
            case .direction: return "\(n) direction change\(s)"
            case .newIndicator: return "\(n) new indicator\(s)"
            case .removedIndicator: return "\(n) indicator\(s) no longer reported"
            }
        }

        /// The heading the changes page groups these under.
        public var heading: String {
            switch self {
            case .newFigure: return "New figures"
            case .revision: return "Revised figures"
            case .withdrawn: return "Figures no longer shown"
            case .status: return "Status changes"
            case .direction: return "Direction changes"
            case .newIndicator: return "New indicators"
            case .removedIndicator: return "Indicators no longer reported"
            }
        }
    }

    public var kind: Kind
    public var indicatorID: String
    public var indicatorTitle: String
    /// The period concerned, as shown; nil for a change of the indicator as a whole.
    public var period: String?
    /// What the earlier snapshot showed and what the later one shows (nil where there was or is nothing).
    public var before: String?
    public var after: String?

    /// "Family Star: 2019/20 Q4 revised from 71.8% to 65.0%".
    public var sentence: String {
        let on = period.map { " \($0)" } ?? ""
        switch kind {
        case .newFigure: return "\(indicatorTitle):\(on) \(after ?? "")"
        case .revision: return "\(indicatorTitle):\(on) revised from \(before ?? "") to \(after ?? "")"
        case .withdrawn: return "\(indicatorTitle):\(on) \(before ?? "") no longer shown"
        case .status: return "\(indicatorTitle): status \(before ?? "none") → \(after ?? "none")"
        case .direction: return "\(indicatorTitle): direction \(before ?? "not compared") → \(after ?? "not compared")"
        case .newIndicator: return "\(indicatorTitle): new indicator"
        case .removedIndicator: return "\(indicatorTitle): no longer reported"
        }
    }
}

public enum SnapshotChanges {
    /// Everything that differs from `earlier` to `later`, indicator by indicator in the later snapshot's order:
    /// new figures, revised ones, figures no longer shown, status and direction changes, and indicators added or
    /// dropped. A status or direction is compared only where both snapshots judge the same latest period or the
    /// later one moved on (a new quarter's status against the last edition's), so nothing is lost.
    public static func between(_ earlier: DashboardSnapshot, _ later: DashboardSnapshot) -> [SnapshotChange] {
        var changes: [SnapshotChange] = []
        let before = Dictionary(earlier.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for indicator in later.indicators {
            guard let old = before[indicator.id] else {
                changes.append(SnapshotChange(kind: .newIndicator, indicatorID: indicator.id, indicatorTitle: indicator.title))
                continue
            }
            let oldFigures = Dictionary(old.figures.map { ($0.period, $0) }, uniquingKeysWith: { _, b in b })
            let newPeriods = Set(indicator.figures.map(\.period))
            for figure in indicator.figures {
                if let was = oldFigures[figure.period] {
                    if was.shown != figure.shown {
                        changes.append(
                            SnapshotChange(
                                kind: .revision, indicatorID: indicator.id, indicatorTitle: indicator.title,
                                period: figure.label, before: was.shown, after: figure.shown))
                    }
                } else {
                    changes.append(
                        SnapshotChange(
                            kind: .newFigure, indicatorID: indicator.id, indicatorTitle: indicator.title,
                            period: figure.label, after: figure.shown))
                }
            }
            for figure in old.figures where !newPeriods.contains(figure.period) {
                changes.append(
                    SnapshotChange(
                        kind: .withdrawn, indicatorID: indicator.id, indicatorTitle: indicator.title,
                        period: figure.label, before: figure.shown))
            }
            if old.statuses != indicator.statuses {
                changes.append(
                    SnapshotChange(
                        kind: .status, indicatorID: indicator.id, indicatorTitle: indicator.title,
                        period: indicator.latest,
                        before: old.statuses.isEmpty ? nil : old.statuses.joined(separator: "; "),
                        after: indicator.statuses.isEmpty ? nil : indicator.statuses.joined(separator: "; ")))
            }
            if old.direction != indicator.direction {
                changes.append(
                    SnapshotChange(
                        kind: .direction, indicatorID: indicator.id, indicatorTitle: indicator.title,
                        period: indicator.latest, before: old.direction, after: indicator.direction))
            }
        }
        let kept = Set(later.indicators.map(\.id))
        for old in earlier.indicators where !kept.contains(old.id) {
            changes.append(SnapshotChange(kind: .removedIndicator, indicatorID: old.id, indicatorTitle: old.title))
        }
        return changes
    }

    /// The changes in a few lines for a terminal: counts by kind, then up to `limit` sentences.
    public static func brief(_ changes: [SnapshotChange], limit: Int = 8) -> [String] {
        guard !changes.isEmpty else { return [] }
        var lines = [counts(changes)]
        lines += changes.prefix(limit).map { "  " + $0.sentence }
        if changes.count > limit { lines.append("  and \(changes.count - limit) more") }
        return lines
    }

    /// How many of each kind, in words: "1 revised figure and 1 direction change".
    public static func counts(_ changes: [SnapshotChange]) -> String {
        Wording.list(
            SnapshotChange.Kind.allCases.compactMap { kind in
                let n = changes.filter { $0.kind == kind }.count
                return n > 0 ? kind.count(n) : nil
            })
    }
}
