import DashboardCore

// Plain values handed to the Mustache templates in assets/templates. Templates print them with {{ }}, which
// escapes HTML, so no text from the data can become markup. Field names are the templates' vocabulary:
// rename one here and the templates must follow. An optional field's name is not reused at an enclosing
// level, because Mustache looks a nil name up in the enclosing values (a section without a summary would
// otherwise show the dashboard's).

/// One change since the previous edition, for its changes page.
struct ChangeRow: Encodable {
    var indicator: String
    var url: String?
    var period: String
    var before: String
    var after: String
}

struct ChangeGroup: Encodable {
    var heading: String
    var anchor: String
    /// Whether the group has a before and an after column (revisions, statuses, directions).
    var hasBefore: Bool
    var rows: [ChangeRow]
}

struct ChangesPage: Encodable {
    var page: PageChrome
    var title: String
    var asOf: String
    var since: String
    var archiveNote: String?
    var summary: String
    var groups: [ChangeGroup]
    var hasGroups: Bool
    /// Changes to the dashboard's action plan: ratings, new, completed and newly overdue actions.
    var planTitle: String
    var planGroups: [PlanChangeGroup]
    var hasPlanGroups: Bool
}

struct PlanChangeGroup: Encodable {
    var heading: String
    var anchor: String
    var hasBefore: Bool
    var hasAfter: Bool
    var rows: [PlanChangeRow]
}

/// "1.4: Pink → Amber", as a row of the what-changed page.
struct PlanChangeRow: Encodable {
    var ref: String
    var action: String
    var before: String
    var after: String
}
