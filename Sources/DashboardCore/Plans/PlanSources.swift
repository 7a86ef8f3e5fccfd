/// Where one table of an action plan is: a CSV or TSV file as a whole, or a workbook's sheet (or Excel Table) and
/// range, mapped as `data:` maps a sheet of figures.
public struct PlanTableSource: Sendable, Equatable {
    /// The file beside dashboard.yml.
    public var file: String
    public var sheet: String?
    /// An Excel Table by name (for `sheet:` and `range:` both).
    public var table: String?
    public var range: CellRange?
    public var location: SourceLocation

    public init(file: String, sheet: String? = nil, table: String? = nil, range: CellRange? = nil, location: SourceLocation) {
        self.file = file
        self.sheet = sheet
        self.table = table
        self.range = range
        self.location = location
    }

    public var isWorkbook: Bool { file.lowercased().hasSuffix(".xlsx") }
}

/// A row of a plan's per-area summary, as an Ofsted (ILACS) action plan prints one for each area for improvement:
/// how its activity and its impact are rated, and how the impact will be monitored and measured.
public struct AreaSummary: Sendable, Equatable {
    /// The area, as the plan's actions name it.
    public var area: String
    /// "Activity RAG": progress of the area's actions, on the plan's key.
    public var activity: RAGStatus?
    /// "Impact RAG": whether the work is making a difference, on the plan's key.
    public var impact: RAGStatus?
    /// "How we will monitor and measure impact": free text.
    public var measures: String?
    public var location: SourceLocation

    public init(area: String, activity: RAGStatus? = nil, impact: RAGStatus? = nil, measures: String? = nil, location: SourceLocation) {
        self.area = area
        self.activity = activity
        self.impact = impact
        self.measures = measures
        self.location = location
    }
}

extension ActionPlanSource {
    /// The actions' table, as `action_plan:` maps it.
    public var actionsTable: PlanTableSource { PlanTableSource(file: file, sheet: sheet, table: table, range: range, location: location) }

    /// Every file the plan is read from (its actions' and its summary's), each once.
    public var files: [String] {
        var names = [file]
        if let other = summary?.file, other != file { names.append(other) }
        return names
    }
}

extension ActionPlan {
    /// The summary row of an area, if the plan's summary has one.
    public func summary(for area: String?) -> AreaSummary? {
        guard let area else { return nil }
        return summary.first { $0.area == area }
    }
}
