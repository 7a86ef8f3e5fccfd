import DashboardCore

// Plain values handed to the Mustache templates in assets/templates. Templates print them with {{ }}, which
// escapes HTML, so no text from the data can become markup. Field names are the templates' vocabulary:
// rename one here and the templates must follow. An optional field's name is not reused at an enclosing
// level, because Mustache looks a nil name up in the enclosing values (a section without a summary would
// otherwise show the dashboard's).

/// Commentary with the period it was written for.
struct CommentaryText: Encodable {
    var period: String
    var text: String
}

/// A heading or data cell; a numeric one is right-aligned so that figures line up.
struct Cell: Encodable {
    var text: String
    var numeric: Bool = false
}

struct TableRow: Encodable {
    var cells: [Cell]
    var header: String
    var note: String?
    var isGap: Bool
}

struct DataTable: Encodable {
    var caption: String
    var headings: [Cell]
    var rows: [TableRow]
}

struct Fact: Encodable {
    var term: String
    var details: String
}

struct IndicatorPage: Encodable {
    var page: PageChrome
    var dashboardTitle: String
    var dashboardURL: String
    var title: String
    var asOf: String
    var headline: String
    var period: String
    var facts: [Fact]
    var chart: Image?
    var caption: String?
    var downloads: [Link]
    var data: DataTable
    var yearToDate: DataTable?
    var benchmarks: DataTable?
    /// The statistical neighbours' own figures beside the average, where they were computed from a benchmark file.
    var neighbours: DataTable?
    var spc: SPCSection?
    var definition: String?
    var source: String?
    var commentary: String?
    var notes: [String]
    var hasNotes: Bool
    /// On an archived edition's pages: whether it is the edition as published or worked out again.
    var archiveNote: String?
    /// "2019/20 Q4: 71.8% in the 2019/20 Q4 edition (15 June 2020), now 65.0%", oldest first.
    var revisions: [String]
    var hasRevisions: Bool
    /// The moving-range chart under the XmR chart, where the indicator asks for it, and its figures.
    var movingRangeChart: Image?
    var movingRangeTable: DataTable?
    /// Commentary kept by period: this edition's, then the earlier editions', newest first.
    var periodCommentary: CommentaryText?
    var earlierCommentary: [CommentaryText]
    var hasEarlierCommentary: Bool
    /// The actions of the dashboard's plan meant to move this indicator.
    var planActions: [PlanActionLine] = []
    var hasPlanActions = false
    var planTitle: String? = nil
}

struct SPCSection: Encodable {
    /// The variation and assurance icons, each with its sentence.
    var icons: [IconImage]
    var limits: String
    var specialPoints: [String]
    var hasSpecialPoints: Bool
    var method: String
}
