/// What an action plan showed, in brief, kept in a dashboard's snapshot so two editions' plans can be compared.
public struct PlanSnapshot: Sendable, Codable, Equatable {
    public struct Action: Sendable, Codable, Equatable {
        public var ref: String
        public var action: String
        /// The progress rating's name ("Amber"), nil where none is given.
        public var rating: String?
        public var complete: Bool
        public var overdue: Bool
    }

    /// An area's ratings in the plan's summary, by name; nil in snapshots written before plans had summaries.
    public struct Area: Sendable, Codable, Equatable {
        public var area: String
        public var activity: String?
        public var impact: String?
    }

    public var title: String
    public var actions: [Action]
    public var areas: [Area]?

    /// The plan as it stood on `date` (the end of the edition's period): overdue judged on that day.
    public init(_ plan: ActionPlan, on date: CivilDate?) {
        title = plan.title
        actions = plan.actions.map { action in
            Action(
                ref: action.ref, action: action.action, rating: action.rating?.name, complete: plan.key.isComplete(action.rating),
                overdue: plan.isOverdue(action, on: date))
        }
        areas = plan.summary.isEmpty ? nil : plan.summary.map { Area(area: $0.area, activity: $0.activity?.name, impact: $0.impact?.name) }
    }
}

/// One change to an action plan between two editions: "1.4: Pink → Amber".
public struct PlanChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case rating, newAction, completed, newlyOverdue, removed, areaRating

        public var heading: String {
            switch self {
            case .rating: return "Rating changes"
            case .newAction: return "New actions"
            case .completed: return "Actions completed"
            case .newlyOverdue: return "Newly overdue"
            case .removed: return "Actions no longer in the plan"
            case .areaRating: return "Area ratings (activity and impact) changed"
            }
        }

        public func count(_ n: Int) -> String {
            let s = n == 1 ? "" : "s"
            switch self {
            case .rating: return "\(n) rating change\(s)"
            case .newAction: return "\(n) new action\(s)"
            case .completed: return "\(n) action\(s) completed"
            case .newlyOverdue: return "\(n) action\(s) newly overdue"
            case .removed: return "\(n) action\(s) no longer in the plan"
            case .areaRating: return "\(n) area rating change\(s)"
            }
        }
    }

    public var kind: Kind
    public var ref: String
    public var action: String
    public var before: String?
    public var after: String?

    public var sentence: String {
        switch kind {
        case .rating, .completed: return "\(ref): \(before ?? "not rated") → \(after ?? "not rated")"
        case .areaRating: return "\(ref), \(action.lowercased()): \(before ?? "not rated") → \(after ?? "not rated")"
        case .newAction: return "\(ref): new (\(after ?? "not rated"))"
        case .newlyOverdue: return "\(ref): overdue"
        case .removed: return "\(ref): no longer in the plan"
        }
    }
}

public enum PlanChanges {
    /// Rating changes, new actions, actions completed, actions newly overdue and actions dropped, by ref in the later
    /// plan's order. A rating change onto a completed status is said once, as completed.
    public static func between(_ earlier: PlanSnapshot?, _ later: PlanSnapshot?) -> [PlanChange] {
        guard let later else { return [] }
        let before = Dictionary((earlier?.actions ?? []).map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [PlanChange] = []
        for action in later.actions {
            guard let old = before[action.ref] else {
                if earlier != nil { changes.append(PlanChange(kind: .newAction, ref: action.ref, action: action.action, after: action.rating)) }
                continue
            }
            if action.complete && !old.complete {
                changes.append(PlanChange(kind: .completed, ref: action.ref, action: action.action, before: old.rating, after: action.rating))
            } else if old.rating != action.rating {
                changes.append(PlanChange(kind: .rating, ref: action.ref, action: action.action, before: old.rating, after: action.rating))
            }
            if action.overdue && !old.overdue {
                changes.append(PlanChange(kind: .newlyOverdue, ref: action.ref, action: action.action, before: old.rating, after: action.rating))
            }
        }
        let kept = Set(later.actions.map(\.ref))
        for old in earlier?.actions ?? [] where !kept.contains(old.ref) {
            changes.append(PlanChange(kind: .removed, ref: old.ref, action: old.action, before: old.rating))
        }
        return changes + areaChanges(earlier, later)
    }

    /// "2 rating changes and 1 action newly overdue".
    public static func counts(_ changes: [PlanChange]) -> String {
        Wording.list(
            PlanChange.Kind.allCases.compactMap { kind in
                let n = changes.filter { $0.kind == kind }.count
                return n > 0 ? kind.count(n) : nil
            })
    }
}
