import DashboardCore

/// A status of an action plan's key as its pages show it: the name on the key's colour, with the meaning in words.
struct PlanRating: Encodable {
    var badge: Badge
    /// "Amber – in progress": the status in words, where no badge is shown.
    var words: String
    /// "in progress": said beside the badge, which gives the name.
    var meaning: String
}

/// An indicator an action is meant to move, with its current judgement in words.
struct PlanIndicator: Encodable {
    var title: String
    var url: String
    var judgement: String
}

/// One action of the plan page's tables.
struct PlanRow: Encodable {
    var ref: String
    /// The row's id in its area's table; nil in the overdue table, which repeats rows and links to them.
    var anchor: String?
    var action: String
    var owner: String?
    var due: String?
    /// "overdue": said beside the due date in words, never by colour alone.
    var overdue: Bool
    var status: String?
    var rating: PlanRating?
    var impact: PlanRating?
    var evidence: String?
    var impactMeasures: String?
    var indicators: [PlanIndicator]
    var hasIndicators: Bool
    var hasDetails: Bool
    /// In the overdue table: a link to the action in its area.
    var link: String? = nil
}

struct PlanArea: Encodable {
    var heading: String
    var anchor: String
    var count: String
    var rows: [PlanRow]
    /// The area's row of the plan's summary, said above its actions.
    var areaRatings: PlanAreaSummary? = nil
}

struct PlanCount: Encodable {
    var rating: PlanRating
    var count: Int
}

struct PlanKeyEntry: Encodable {
    var badge: Badge
    var meaning: String?
    var complete: Bool
}

/// One action beside an indicator it is meant to move, on the indicator's page.
struct PlanActionLine: Encodable {
    var ref: String
    var url: String
    var action: String
    var rating: PlanRating?
    var due: String?
    var overdue: Bool
}
