/// An action plan's key (`action_plan: {key: …}`): its progress statuses in the order the paper prints them, as
/// a RAG key's are ("Blue – completed", "Pink – to be started"), and which of them mean the action is done.
public struct PlanKey: Sendable, Equatable {
    public var key: RAGKey
    /// The ids of the statuses that mean an action is completed (`complete: true`): never overdue.
    public var completed: Set<String>

    public init(key: RAGKey, completed: Set<String>) {
        self.key = key
        self.completed = completed
    }

    public var statuses: [RAGStatus] { key.statuses }

    public func isComplete(_ status: RAGStatus?) -> Bool { status.map { completed.contains($0.id) } ?? false }
}

/// Where a dashboard's action plan is and how it is rated, from dashboard.yml.
public struct ActionPlanSource: Sendable, Equatable {
    /// The file beside dashboard.yml.
    public var file: String
    /// The plan's name as the paper gives it ("Written Statement of Action").
    public var title: String
    public var key: PlanKey
    /// Said on the plan page under the title: where the plan comes from, or that its rows are illustrative.
    public var note: String?
    public var location: SourceLocation
    /// In a workbook: the sheet, Excel Table and range of the actions (`sheet:`, `table:`, `range:`).
    public var sheet: String?
    public var table: String?
    public var range: CellRange?
    /// `summary:`: the per-area summary's table (activity and impact ratings per area), if the plan has one.
    public var summary: PlanTableSource?

    public init(file: String, title: String, key: PlanKey, note: String? = nil, location: SourceLocation) {
        self.file = file
        self.title = title
        self.key = key
        self.note = note
        self.location = location
    }
}

/// When an action is due, as the plan writes it: a date ("30/09/2020"), or words that are no date ("To be agreed
/// following revised JSNA issue"), kept as written and never read as overdue.
public enum DueDate: Sendable, Equatable {
    case date(CivilDate, written: String)
    case text(String)

    public var written: String {
        switch self {
        case .date(_, let written), .text(let written): return written
        }
    }

    public var date: CivilDate? {
        if case .date(let date, _) = self { return date }
        return nil
    }

    /// A date, a day ("30/09/2020", "30 September 2020") or a month (due by its last day); else the words.
    public static func read(_ text: String) -> DueDate {
        let written = text.trimmingSpaces
        switch PeriodParser.parse(written) {
        case .success(.day(let date)): return .date(date, written: written)
        case .success(let period) where period.frequency == .month: return .date(period.end, written: written)
        default: return .text(written)
        }
    }
}

/// One row of an action plan.
public struct PlanAction: Sendable, Equatable {
    public var ref: String
    /// The area for improvement, priority or focus area it belongs to.
    public var area: String?
    public var action: String
    public var owner: String?
    public var due: DueDate?
    /// The plan's own words for where it stands ("Complete", "Delayed by lockdown").
    public var status: String?
    /// Progress on the plan's key.
    public var rating: RAGStatus?
    /// Impact on the plan's key, where the plan rates it separately.
    public var impact: RAGStatus?
    public var evidence: String?
    public var impactMeasures: String?
    /// The indicators the action is meant to move, by id.
    public var indicators: [String]
    public var location: SourceLocation

    public init(
        ref: String, area: String? = nil, action: String, owner: String? = nil, due: DueDate? = nil, status: String? = nil,
        rating: RAGStatus? = nil, impact: RAGStatus? = nil, evidence: String? = nil, impactMeasures: String? = nil,
        indicators: [String] = [], location: SourceLocation
    ) {
        self.ref = ref
        self.area = area
        self.action = action
        self.owner = owner
        self.due = due
        self.status = status
        self.rating = rating
        self.impact = impact
        self.evidence = evidence
        self.impactMeasures = impactMeasures
        self.indicators = indicators
        self.location = location
    }
}

/// A dashboard's action plan: its actions in the file's order, rated on its own key.
public struct ActionPlan: Sendable, Equatable {
    public var title: String
    public var key: PlanKey
    public var note: String?
    public var actions: [PlanAction]
    public var file: String
    /// The per-area summary, in its table's order (empty where the plan has none).
    public var summary: [AreaSummary]

    public init(title: String, key: PlanKey, note: String? = nil, actions: [PlanAction], file: String, summary: [AreaSummary] = []) {
        self.title = title
        self.key = key
        self.note = note
        self.actions = actions
        self.file = file
        self.summary = summary
    }

    /// Whether an action is overdue on `date`: due on a date before it and not rated on a completed status.
    public func isOverdue(_ action: PlanAction, on date: CivilDate?) -> Bool {
        guard let date, let due = action.due?.date else { return false }
        return due < date && !key.isComplete(action.rating)
    }

    public func overdue(on date: CivilDate?) -> [PlanAction] { actions.filter { isOverdue($0, on: date) } }

    /// How many actions have each status of the key, in the key's order (statuses no action has included, as 0),
    /// then how many have none.
    public func counts() -> (byStatus: [StatusCount], unrated: Int) {
        let byStatus = key.statuses.map { status in StatusCount(status: status, count: actions.filter { $0.rating?.id == status.id }.count) }
        return (byStatus, actions.filter { $0.rating == nil }.count)
    }

    /// The areas in the order the plan first gives them, each with its actions; actions with no area last, under nil.
    public var areas: [(area: String?, actions: [PlanAction])] {
        var order: [String] = []
        var grouped: [String: [PlanAction]] = [:]
        var none: [PlanAction] = []
        for action in actions {
            guard let area = action.area else {
                none.append(action)
                continue
            }
            if grouped[area] == nil { order.append(area) }
            grouped[area, default: []].append(action)
        }
        var result: [(area: String?, actions: [PlanAction])] = order.map { ($0, grouped[$0] ?? []) }
        if !none.isEmpty { result.append((nil, none)) }
        return result
    }

    /// The actions meant to move an indicator.
    public func actions(for indicatorID: String) -> [PlanAction] { actions.filter { $0.indicators.contains(indicatorID) } }

    /// "12 actions: 3 Red (delayed), 5 Amber (in progress)…": the counts in words, never by colour alone.
    public func countSentence() -> String {
        let (byStatus, unrated) = counts()
        var parts = byStatus.filter { $0.count > 0 }.map { count in
            "\(count.count) \(count.status.name)" + (count.status.meaning.map { " (\($0))" } ?? "")
        }
        if unrated > 0 { parts.append("\(unrated) not rated") }
        let total = actions.count == 1 ? "1 action" : "\(actions.count) actions"
        return parts.isEmpty ? "\(total)." : "\(total): \(Wording.list(parts))."
    }
}
