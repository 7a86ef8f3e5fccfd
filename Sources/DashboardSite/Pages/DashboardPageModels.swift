import DashboardCore

// Plain values handed to the Mustache templates in assets/templates. Templates print them with {{ }}, which
// escapes HTML, so no text from the data can become markup. Field names are the templates' vocabulary:
// rename one here and the templates must follow. An optional field's name is not reused at an enclosing
// level, because Mustache looks a nil name up in the enclosing values (a section without a summary would
// otherwise show the dashboard's).

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
    /// "National quartile (1 = top)", or "Quartile (1st = top)" where some rows are within a comparator group.
    var quartileHeading = "National quartile (1\u{A0}=\u{A0}top)"
    /// The quartile's label in the phone layout's cards: "National quartile" or "Quartile".
    var quartileLabel = "National quartile"
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
