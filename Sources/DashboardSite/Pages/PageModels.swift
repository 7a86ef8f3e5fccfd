import DashboardCore

// Plain values handed to the Mustache templates in assets/templates. Templates print them with {{ }}, which
// escapes HTML, so no text from the data can become markup. Field names are the templates' vocabulary:
// rename one here and the templates must follow. An optional field's name is not reused at an enclosing
// level, because Mustache looks a nil name up in the enclosing values (a section without a summary would
// otherwise show the dashboard's).

/// What every page shares: its title, where the site's root is relative to it, and the dashboard chrome.
struct PageChrome: Encodable {
    var pageTitle: String
    /// "../" repeated to reach the site root from this page ("" at the root).
    var root: String
    var organisation: String?
    /// CSS custom properties for the header: the dashboard's brand colour and a text colour readable on it.
    var brandStyle: String?
    var breadcrumbs: [Link]
    var hasBreadcrumbs: Bool
    var generator: String
    /// What a printed page says at its foot, beside its page number: whose and which page (as a CSS string).
    var printFooter: String

    init(pageTitle: String, root: String, organisation: String?, brandStyle: String?, breadcrumbs: [Link], generator: String) {
        self.pageTitle = pageTitle
        self.root = root
        self.organisation = organisation
        self.brandStyle = brandStyle
        self.breadcrumbs = breadcrumbs
        self.hasBreadcrumbs = !breadcrumbs.isEmpty
        self.generator = generator
        self.printFooter = PageChrome.footer(organisation, pageTitle)
    }

    mutating func retitle(_ title: String) {
        pageTitle = title
        printFooter = PageChrome.footer(organisation, title)
    }

    static func footer(_ organisation: String?, _ title: String) -> String {
        Markup.cssString([organisation, title].compactMap { $0 }.joined(separator: ": "))
    }
}

struct Link: Encodable {
    var text: String
    var url: String
    var current: Bool = false
}

struct IndexPage: Encodable {
    var page: PageChrome
    var dashboards: [DashboardCard]
    var hasDashboards: Bool
}

struct DashboardCard: Codable, Equatable {
    var id: String
    var title: String
    var organisation: String
    var asOf: String
    var url: String
    var overview: String
    var measures: Int
    /// The dashboard's brand colours (as `PageChrome.brandStyle`) for its card's top border on the site's index.
    var cardStyle: String? = nil
}

struct Tile: Encodable {
    var count: Int
    var label: String
    var style: String
}

struct DashboardPage: Encodable {
    var page: PageChrome
    var title: String
    var organisation: String
    var asOf: String
    var introduction: String?
    var overview: [String]
    var tiles: [Tile]
    var quartiles: [Tile]
    var hasQuartiles: Bool
    var editions: [Link]
    var hasEditions: Bool
    var archiveNote: String?
    var sections: [SectionTable]
    /// Columns shown only when some indicator of the dashboard has something to put in them.
    var hasTargets: Bool
    var hasRAG: Bool
    var hasNeighbours: Bool
    var hasSPC: Bool
    var hasTrends: Bool
    /// Some indicator has a previous figure in the data (a dashboard whose paper states every direction has none).
    var hasPrevious = false
    /// The KPI table's comparator columns, by name.
    var comparatorHeadings: [String] = []
    /// The dashboard's own RAG key, where it sets one.
    var ragKey: [KeyEntry] = []
    var hasRAGKey = false
    /// The page saying what changed since the previous edition, where there is one.
    var changesURL: String? = nil
    var changesSince: String? = nil
    /// The KPI table's number of columns (its printed section row spans them all).
    var columns = 0
    /// The indicators that need attention, first on the page; `attentionView` for the page showing only them.
    var attention: [AttentionLine] = []
    var hasAttention = false
    var attentionView = false
    var attentionCount = 0
    var attentionNone = ""
    var indicatorCount = 0
    /// The dashboard's action plan page, where it has one, and the link's words.
    var planURL: String? = nil
    var planLink: String? = nil
    /// The benchmarking page, where an indicator is ranked within a comparator group.
    var benchmarkingURL: String? = nil
}

struct SectionTable: Encodable {
    var title: String
    var anchor: String
    var sectionSummary: String?
    var rows: [KPIRow]
}

struct Badge: Encodable {
    var text: String
    var style: String
    /// Words for screen readers and print where the badge alone would be terse.
    var detail: String
    /// A few visible words under the badge (a RAG status's rule in brief).
    var badgeNote: String? = nil
    /// Making Data Count icons drawn before the words (SPC only), under `assets/spc/` of the site.
    var icons: [IconImage] = []
    /// A RAG key's own fill and text colour, as a style attribute.
    var colours: String? = nil
}

/// One status of a dashboard's own RAG key, as its key on the page shows it.
struct KeyEntry: Encodable {
    var badge: Badge
    var meaning: String?
    var decided: String
}

/// One comparator column's cell of a KPI row.
struct PreviousFigure: Encodable {
    /// "36", "3 of 17 (17.6%)", or "Gap (break in data)".
    var figure: String
    var period: String
    /// "36 (June 2020)": one line, for downloads and the Word table.
    var text: String { "\(figure) (\(period))" }
}

/// One comparator column's cell of a KPI row.
struct ComparatorCell: Encodable {
    var name: String
    var text: String?
}

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

/// A small image that repeats words printed beside it (so its alt text is empty).
struct IconImage: Encodable {
    var file: String
    var file2x: String
    var side: Int
    var words: String
}

struct Image: Encodable {
    var src: String
    /// Widths the browser chooses from ("a.png 640w, a@2x.png 1280w"), for the space `sizes` gives the image.
    var srcset: String
    var sizes: String
    /// Other layouts of the same chart for narrower screens (a `<picture>`'s `<source>`s), narrowest first.
    var sources: [PictureSource] = []
    /// The image a printed page uses instead of `src` (set through the stylesheet, so screens never fetch it).
    var printSrc: String
    var alt: String
    var width: Int
    var height: Int
}

struct KPIRow: Encodable {
    var title: String
    var url: String
    var period: String
    var figure: String
    /// The figure the direction was judged against, with its period; nil where the data has none.
    var previous: PreviousFigure? = nil
    var direction: Badge?
    var change: String?
    /// Why there is no comparison, where the figures say: "February 2020 is a gap (break in data)".
    var notCompared: String? = nil
    var target: String?
    var rag: Badge?
    /// Separate ratings beside the main status (activity, impact).
    var ratings: [Badge] = []
    var quartile: String?
    var neighbours: String?
    /// One cell for each of the dashboard's comparator columns.
    var comparators: [ComparatorCell] = []
    var spc: Badge?
    var sparkline: Image?
    /// "Revised: 71.8% in the 2019/20 Q4 edition", where the latest figure differs from what an edition published.
    var revised: String? = nil
    /// The officer's commentary for this edition's period, under the indicator's name.
    var commentary: String? = nil
    /// Where the paper's words and its figures disagree, both (`PageFactory.paperSays`).
    var paperSays: String? = nil
    /// The figure and the target as numbers, for the workbook download.
    var figureNumber: KPINumber? = nil
    var targetNumber: KPINumber? = nil
}

/// A figure as a number with the unit and decimal places it is shown with.
struct KPINumber: Encodable {
    var value: Double
    var unit: MeasureUnit
    var decimals: Int
}

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

/// One layout of a chart for screens up to a width: `<source media="(max-width: 30em)" srcset=… sizes=…>`.
struct PictureSource: Encodable {
    var media: String
    var srcset: String
    var sizes: String
    var width: Int
    var height: Int
}
