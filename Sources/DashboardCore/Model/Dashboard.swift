import DashboardStatistics

/// A dashboard as `dashboard.yml` declares it: what is measured and how it is judged.
public struct DashboardDefinition: Sendable {
    /// The folder name; also the URL path, so only `a-z`, `0-9` and `-`.
    public var id: String
    public var title: String
    public var organisation: String
    public var summary: String?
    /// The period the dashboard reports on; when absent, the latest period in its data.
    public var asOf: Period?
    /// Past quarterly editions to keep in the archive, each built as the dashboard stood then.
    public var editions: [Period]
    /// The council's colour for the page header, as `#RRGGBB`.
    public var brandColour: String?
    public var sections: [Section]
    /// In the order the file declares them.
    public var indicators: [IndicatorDefinition]
    public var location: SourceLocation
    /// `data:`: how files beside dashboard.yml are read (a workbook's sheet and range, heading rows).
    public var data: [DataMapping] = []
    /// `authority:`: whose national benchmarks `benchmarks: {from: …}` computes.
    public var authority: AuthoritySource?
    /// `comparator_groups:`: named groups of authorities that benchmarks rank the council within.
    public var comparatorGroups: [ComparatorGroupSource] = []
    /// `spend_chart:`: performance against spend among a comparator group.
    public var spendChart: SpendChartSource?
    /// `rag_key:`: the statuses this dashboard gives, in its key's order; Green, Amber and Red when it sets none.
    public var ragKey: RAGKey = .standard
    /// `kpi_comparators:`: the comparators the KPI table shows as columns, by name; nil: the statistical
    /// neighbours' average where an indicator has one.
    public var kpiComparators: [String]?
    /// `significance: {level: 99.8}`: the confidence level, in per cent, of every interval and test (95 unless set).
    public var significanceLevel: Double?
    /// `action_plan:`: where the dashboard's action plan is and the key it is rated on.
    public var actionPlan: ActionPlanSource?
    /// `disclosure: {min_count: 5}`: small counts, and those that would give them away, are published as `c`.
    public var disclosure: DisclosureRule?

    public init(
        id: String, title: String, organisation: String, summary: String? = nil, asOf: Period? = nil,
        editions: [Period] = [], brandColour: String? = nil, sections: [Section] = [],
        indicators: [IndicatorDefinition] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.organisation = organisation
        self.summary = summary
        self.asOf = asOf
        self.editions = editions
        self.brandColour = brandColour
        self.sections = sections
        self.indicators = indicators
        self.location = location
    }

    public func indicator(_ id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }
}

public struct Section: Sendable {
    public var title: String
    public var summary: String?
    public var indicatorIDs: [String]
    public var location: SourceLocation

    public init(title: String, summary: String? = nil, indicatorIDs: [String], location: SourceLocation) {
        self.title = title
        self.summary = summary
        self.indicatorIDs = indicatorIDs
        self.location = location
    }
}

/// A dashboard with its data: the definition and, per indicator, its figures in period order.
public struct Dashboard: Sendable {
    public var definition: DashboardDefinition
    public var series: [String: [Observation]]
    /// Input files, relative to the input folder, in a stable order (for change detection).
    public var files: [String]
    /// Editions kept as published (`editions/<period>/` beside dashboard.yml), oldest first.
    public var frozenEditions: [FrozenEdition]
    /// The action plan read from `action_plan:`'s file, if the dashboard has one.
    public var actionPlan: ActionPlan?

    public init(
        definition: DashboardDefinition, series: [String: [Observation]], files: [String] = [],
        frozenEditions: [FrozenEdition] = []
    ) {
        self.definition = definition
        self.series = series
        self.files = files
        self.frozenEditions = frozenEditions
    }

    /// The frozen copy of the edition for this period, if one was kept.
    public func frozenEdition(_ period: Period?) -> FrozenEdition? {
        guard let period else { return nil }
        return frozenEditions.first { $0.period == period }
    }

    public var id: String { definition.id }

    public func observations(_ indicatorID: String) -> [Observation] { series[indicatorID] ?? [] }
}

/// Names that become folder and file names: lower-case letters, digits and single hyphens.
public enum Identifier {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 80 else { return false }
        let bytes = Array(text.utf8)
        guard bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        // Single hyphens only, as the rule says: `a--b` is most often a slip, and a pair reads as one on a page.
        guard !zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }) else { return false }
        return bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    public static let rule = "lower-case letters, digits and single hyphens (e.g. family-star-positive), at most 80 characters"
}
