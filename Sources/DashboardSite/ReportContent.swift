import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation

/// A report's content in the words and figures of the site's pages (the same page values, so the two never
/// disagree), with each indicator's chart rendered for print. Writers (the Word document) only lay it out.
public struct ReportContent: Sendable {
    public var dashboards: [ReportDashboard]
    public var warnings: [Diagnostic]
}

public struct ReportDashboard: Sendable {
    public var id: String
    public var title: String
    public var organisation: String
    /// "2020/21 Q1", or "no figures yet".
    public var asOf: String
    public var introduction: String?
    /// The overview's sentences, counted over the indicators the report includes.
    public var overview: [String]
    /// "12 improved", "3 declined" …: the site's overview tiles.
    public var counts: [ReportCount]
    public var quartileCounts: [ReportCount]
    public var sections: [ReportSection]
    /// Columns of the KPI table worth showing: only when some indicator has something for them.
    public var hasPrevious: Bool
    public var hasTargets: Bool
    public var hasRAG: Bool
    public var hasNational: Bool
    public var hasQuartiles: Bool
    public var hasNeighbours: Bool
    /// The comparator columns the dashboard chooses (`kpi_comparators:`), in place of England and the neighbours.
    public var comparatorHeadings: [String]? = nil
    /// The dashboard's action plan, as its plan page shows it.
    public var plan: ReportPlan? = nil
    /// `spend_chart:`'s performance against spend, in a report of the whole dashboard.
    public var spendChart: ReportSpendChart? = nil
}

public struct ReportCount: Sendable, Equatable {
    public var count: Int
    public var label: String
}

public struct ReportSection: Sendable {
    public var title: String
    public var summary: String?
    public var indicators: [ReportIndicator]
}

public struct ReportIndicator: Sendable {
    public var id: String
    public var title: String
    /// The KPI table's shorter name.
    public var displayTitle: String
    public var period: String
    public var figure: String
    /// The figure the direction was judged against, with its period: "36 (June 2020)".
    public var previous: String?
    /// "Better", "Worse", "Similar", "Higher" …: never an arrow alone.
    public var direction: String?
    /// The change in words: "up 2.1 percentage points (+3.2%)".
    public var change: String?
    /// The direction's reasoning, as the site's hidden text gives it.
    public var directionDetail: String?
    public var target: String?
    /// A status of the dashboard's RAG key.
    public var rag: RAGStatus?
    /// The RAG rule in brief ("misses the target, within the amber band").
    public var ragRule: String?
    /// Separate ratings beside the status: "Activity: Amber".
    public var ratings: [String] = []
    public var national: String?
    /// One figure for each of the dashboard's chosen comparator columns.
    public var comparators: [String?] = []
    public var neighbours: String?
    public var quartile: String?
    /// The indicator page's headline sentence.
    public var headline: String
    public var chart: ReportChart?
    public var source: String?
    public var definition: String?
    public var commentary: String?
    public var table: ReportTable
}

public struct ReportChart: Sendable {
    public var png: [UInt8]
    public var pixelWidth: Int
    public var pixelHeight: Int
    public var dpi: Int
    public var altText: String
    public var caption: String
}

/// A data table: headings, then rows whose first cell is the period (a row header).
public struct ReportTable: Sendable {
    public var caption: String
    public var headings: [String]
    /// Which columns hold figures, so they are right-aligned.
    public var numeric: [Bool]
    public var rows: [[String]]
}

extension ReportContent {
    /// The latest periods a report's data table shows; the indicator's page and CSV have all of them.
    public static let tableRows = 8

    /// Loads, checks and analyses the dashboards, then renders each chart. Any error in the input (or a section or
    /// indicator asked for that does not exist) throws `BuildError.input` with every problem; nothing is rendered.
    public static func make(_ request: ReportRequest) throws -> ReportContent {
        let wanted = request.dashboards.isEmpty ? nil : Set(request.dashboards)
        let project = InputLoader.load(from: request.input, only: wanted)
        if project.hasErrors { throw BuildError.input(project.diagnostics) }
        var diagnostics = Diagnostics()
        var byID: [String: Dashboard] = [:]
        for dashboard in project.dashboards { byID[dashboard.id] = dashboard }
        var chosen: [Dashboard] = []
        if request.dashboards.isEmpty {
            chosen = project.dashboards.sorted {
                ($0.definition.title.lowercased(), $0.id) < ($1.definition.title.lowercased(), $1.id)
            }
        } else {
            for id in request.dashboards {
                if let dashboard = byID[id] {
                    if !chosen.contains(where: { $0.id == id }) { chosen.append(dashboard) }
                } else {
                    let folders = ((try? FileManager.default.contentsOfDirectory(atPath: request.input)) ?? []).sorted()
                    let hint = Diagnostic.suggestion(for: id, among: folders).map { "; \($0)" } ?? ""
                    diagnostics.error(
                        "there is no dashboard '\(id)' (no folder \(id)/ holding dashboard.yml)\(hint)",
                        at: SourceLocation(file: request.input))
                }
            }
        }
        if chosen.isEmpty, !diagnostics.hasErrors {
            diagnostics.error("there are no dashboards here to report on", at: SourceLocation(file: request.input))
        }

        let selection = Selection(request: request, dashboards: chosen, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw BuildError.input(diagnostics) }

        let fonts = try ChartNotes.fonts(in: request.assets + "/fonts")
        let renderer: ChartRenderer
        do {
            renderer = try ChartRenderer(fonts: fonts)
        } catch {
            throw BuildError.output("cannot start the chart renderer: \(error)")
        }
        var dashboards: [ReportDashboard] = []
        for dashboard in chosen {
            let part = try report(dashboard, selection: selection, request: request, renderer: renderer)
            // A dashboard none of whose parts were asked for is left out, not given an empty part.
            if part.sections.isEmpty, selection.sections != nil || selection.indicators != nil { continue }
            dashboards.append(part)
        }
        if dashboards.isEmpty {
            diagnostics.error(
                "the sections and indicators asked for leave nothing to report (an indicator outside the sections given is not included)",
                at: SourceLocation(file: request.input))
            throw BuildError.input(diagnostics)
        }
        return ReportContent(dashboards: dashboards, warnings: project.diagnostics.warnings)
    }

    /// The sections and indicators asked for, checked against the dashboards.
    struct Selection {
        var sections: [String: Set<Int>]?
        var indicators: [String: Set<String>]?

        init(request: ReportRequest, dashboards: [Dashboard], diagnostics: inout Diagnostics) {
            let place = SourceLocation(file: request.input)
            if let names = request.sections {
                var picked: [String: Set<Int>] = [:]
                for name in names {
                    var found = false
                    for dashboard in dashboards {
                        for (index, section) in dashboard.definition.sections.enumerated()
                        where Selection.matches(name, section: section, index: index) {
                            picked[dashboard.id, default: []].insert(index)
                            found = true
                        }
                    }
                    if !found {
                        let titles = dashboards.flatMap { $0.definition.sections.map(\.title) }
                        let hint = Diagnostic.suggestion(for: name, among: titles).map { "; \($0)" } ?? ""
                        diagnostics.error("no section '\(name)' in \(dashboards.map(\.id).joined(separator: ", ")) (give a section's title or number)\(hint)", at: place)
                    }
                }
                sections = picked
            }
            if let names = request.indicators {
                var picked: [String: Set<String>] = [:]
                for name in names {
                    let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                    let dashboardID: String? = parts.count == 2 ? parts[0] : nil
                    let indicatorID = parts.last ?? name
                    var found = false
                    for dashboard in dashboards where dashboardID == nil || dashboardID == dashboard.id {
                        if dashboard.definition.indicator(indicatorID) != nil {
                            picked[dashboard.id, default: []].insert(indicatorID)
                            found = true
                        }
                    }
                    if !found {
                        let ids = dashboards.filter { dashboardID == nil || dashboardID == $0.id }.flatMap { $0.definition.indicators.map(\.id) }
                        let hint = Diagnostic.suggestion(for: indicatorID, among: ids).map { "; \($0)" } ?? ""
                        diagnostics.error("no indicator '\(name)' in \(dashboards.map(\.id).joined(separator: ", "))\(hint)", at: place)
                    }
                }
                indicators = picked
            }
        }

        static func matches(_ name: String, section: Section, index: Int) -> Bool {
            let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
            if Int(wanted) == index + 1 { return true }
            if section.title.lowercased() == wanted { return true }
            let anchor = PageFactory.anchor(section.title, index: index)
            return anchor.dropFirst("section-\(index + 1)-".count) == wanted
        }

        func includes(section index: Int, of dashboard: String) -> Bool {
            guard let sections else { return true }
            return sections[dashboard]?.contains(index) ?? false
        }

        func includes(indicator id: String, of dashboard: String) -> Bool {
            guard let indicators else { return true }
            return indicators[dashboard]?.contains(id) ?? false
        }
    }

    static func report(
        _ dashboard: Dashboard, selection: Selection, request: ReportRequest,
        renderer: ChartRenderer
    ) throws -> ReportDashboard {
        let definition = dashboard.definition
        let analysis = Analysis.dashboard(dashboard, asOf: request.asOf)
        var groups: [(title: String, summary: String?, ids: [String])] = []
        for (index, section) in definition.sections.enumerated() where selection.includes(section: index, of: dashboard.id) {
            groups.append((section.title, section.summary, section.indicatorIDs))
        }
        let placed = Set(definition.sections.flatMap(\.indicatorIDs))
        let unplaced = analysis.indicators.map(\.indicator.id).filter { !placed.contains($0) }
        if !unplaced.isEmpty, selection.sections == nil {
            groups.append((definition.sections.isEmpty ? "Indicators" : "Other indicators", nil, unplaced))
        }

        var included: [IndicatorAnalysis] = []
        var sections: [ReportSection] = []
        for group in groups {
            var indicators: [ReportIndicator] = []
            for id in group.ids where selection.includes(indicator: id, of: dashboard.id) {
                guard let indicatorAnalysis = analysis.analysis(id) else { continue }
                included.append(indicatorAnalysis)
                indicators.append(try indicator(indicatorAnalysis, in: analysis, request: request, renderer: renderer))
            }
            if !indicators.isEmpty { sections.append(ReportSection(title: group.title, summary: group.summary, indicators: indicators)) }
        }
        // The overview counts what the report shows, by the same rules as the dashboard's page.
        let overview = Analysis.overview(included, key: definition.ragKey)
        let all = sections.flatMap(\.indicators)
        return ReportDashboard(
            id: dashboard.id, title: definition.title, organisation: definition.organisation,
            asOf: analysis.asOf?.label ?? "no figures yet", introduction: definition.summary,
            overview: overview.sentences,
            counts: PageFactory.tiles(overview).map { ReportCount(count: $0.count, label: $0.label) },
            quartileCounts: overview.benchmarked > 0 ? PageFactory.quartileTiles(overview).map { ReportCount(count: $0.count, label: $0.label) } : [],
            sections: sections,
            hasPrevious: all.contains { $0.previous != nil }, hasTargets: all.contains { $0.target != nil }, hasRAG: all.contains { $0.rag != nil || !$0.ratings.isEmpty },
            hasNational: all.contains { $0.national != nil }, hasQuartiles: all.contains { $0.quartile != nil },
            hasNeighbours: all.contains { $0.neighbours != nil }, comparatorHeadings: definition.kpiComparators,
            plan: dashboard.actionPlan.map { plan(for: $0, analysis: analysis) },
            spendChart: selection.sections == nil && selection.indicators == nil ? try spendChart(dashboard, request: request, renderer: renderer) : nil)
    }

    static func indicator(
        _ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis, request: ReportRequest,
        renderer: ChartRenderer
    ) throws -> ReportIndicator {
        let row = PageFactory.row(analysis, url: "", sparkline: nil, comparators: dashboard.dashboard.definition.kpiComparators ?? [])
        var chart: ReportChart?
        if analysis.latest != nil || !analysis.series.isEmpty {
            let spec = ChartSpec.indicator(analysis, in: dashboard)
            let png: [UInt8]
            do {
                png = try renderer.png(spec, size: request.chartSize)
            } catch {
                throw BuildError.output("cannot render the chart of \(dashboard.dashboard.id)/\(analysis.indicator.id): \(error)")
            }
            chart = ReportChart(
                png: png, pixelWidth: request.chartSize.pixelWidth, pixelHeight: request.chartSize.pixelHeight,
                dpi: request.chartSize.dpi, altText: ChartText.altText(analysis, in: dashboard),
                caption: ChartText.caption(analysis, in: dashboard))
        }
        let national = analysis.comparisons.first { $0.kind == .national }
            .map { PageFactory.benchmarkFigure($0.benchmark, analysis) }
        return ReportIndicator(
            id: analysis.indicator.id, title: analysis.indicator.title, displayTitle: row.title, period: row.period,
            figure: row.figure, previous: row.previous?.text, direction: analysis.direction?.direction.words, change: row.change,
            directionDetail: row.direction?.detail, target: row.target, rag: analysis.rag?.status,
            ragRule: analysis.rag?.summary, ratings: row.ratings.map(\.text), national: national, comparators: row.comparators.map(\.text), neighbours: row.neighbours,
            quartile: row.quartile,
            headline: PageFactory.headline(analysis), chart: chart, source: analysis.indicator.source,
            definition: analysis.indicator.definition, commentary: analysis.commentary?.text ?? analysis.indicator.commentary,
            table: table(analysis))
    }

    /// The indicator page's data table, cut to its latest periods; the caption says when it was cut.
    static func table(_ analysis: IndicatorAnalysis) -> ReportTable {
        let data = PageFactory.dataTable(analysis)
        // A column of notes that is empty in every row shown says nothing: leave it out.
        let kept = data.rows.suffix(tableRows)
        let hasNotes = kept.contains { !($0.cells.last?.text.isEmpty ?? true) }
        var headings = data.headings
        if !hasNotes { headings.removeLast() }
        let rows = kept.map { row -> [String] in
            var cells = row.cells.map(\.text)
            if !hasNotes { cells.removeLast() }
            return [row.header] + cells
        }
        var caption = data.caption
        if data.rows.count > kept.count {
            let span = PageFactory.spanText(analysis.observations.suffix(tableRows).map(\.period))
            caption = "\(analysis.indicator.title): the latest \(kept.count) of \(data.rows.count) figures, \(span)"
        }
        return ReportTable(caption: caption, headings: headings.map(\.text), numeric: headings.map(\.numeric), rows: rows)
    }
}
