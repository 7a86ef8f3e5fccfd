import DashboardCharts
import DashboardCore
import Foundation

/// Everything one dashboard contributes to the site: its pages, data downloads and charts, for the
/// current edition and each archived quarterly edition.
struct DashboardPlanner {
    static let generator = "Built with dashboards \(DashboardsVersion.string) from the council's published figures."

    struct Plan {
        var files: [PlannedFile] = []
        var charts: [ChartJob] = []
        var pages = 0
        var card: DashboardCard
        /// What the current edition shows, in brief, to say at the next build what changed.
        var snapshot: DashboardSnapshot? = nil
    }

    let dashboard: Dashboard
    let asOf: Period?
    let assets: SiteAssets
    let fontsFingerprint: String
    /// Lays charts out to find which of their layouts fit (drawing happens later, in parallel).
    let renderer: ChartRenderer
    /// The key the published site recorded for a path, if any (nil for every path in a clean build).
    let published: (String) -> String?

    var definition: DashboardDefinition { dashboard.definition }

    /// An edition of the dashboard: where it is written and what period it stands at.
    struct Edition {
        var period: Period?
        /// Folder relative to the site root, ending in "/".
        var base: String
        var isCurrent: Bool
        /// The copy it is built from, where the edition was kept as published; nil: built from the live data.
        var frozen: FrozenEdition? = nil

        /// The current edition and those kept as published have the 300 dpi charts for reports; editions worked
        /// out again from live data print the 2x ones.
        var hasPrintCharts: Bool { isCurrent || frozen != nil }

        /// The notice at the top of an archived edition's pages.
        var archiveNote: String? {
            guard !isCurrent, let period else { return nil }
            if let frozen {
                return "As published on \(frozen.publishedLabel): the \(period.label) edition as the committee saw it. Figures revised since are marked in the latest edition."
            }
            return
                "This is the dashboard as it stood at \(period.label), worked out from the current figures: this edition was not kept as published, so a figure revised since shows its revised value. Later figures are in the latest edition."
        }
    }

    /// One edition with its figures worked out, and the planner that lays it out (a frozen edition's own).
    struct AnalysedEdition {
        var edition: Edition
        var planner: DashboardPlanner
        var analysis: DashboardAnalysis
    }

    /// The analyse step: the current edition and each archived one, worked out as each stood.
    func analyse() -> [AnalysedEdition] {
        let current = Analysis.dashboard(dashboard, asOf: asOf)
        var editions = [Edition(period: current.asOf, base: "\(definition.id)/", isCurrent: true)]
        // Those listed under editions: and every frozen one (freezing an edition adds it to the archive).
        let archived = Set(definition.editions).union(dashboard.frozenEditions.map(\.period))
        for period in archived.sorted() where period != current.asOf {
            if let limit = current.asOf, period > limit { continue }
            editions.append(
                Edition(
                    period: period, base: "\(definition.id)/editions/\(period.slug)/", isCurrent: false,
                    frozen: dashboard.frozenEdition(period)))
        }
        return editions.map { edition in
            if let frozen = edition.frozen {
                // Built from the copy, with its own settings as they stood: titles, sections, targets. The copy knows
                // its own publication date, so of several vintages it shows those published by then.
                var copy = frozen.dashboard
                copy.frozenEditions = [frozen]
                let planner = DashboardPlanner(
                    dashboard: copy, asOf: frozen.period, assets: assets,
                    fontsFingerprint: fontsFingerprint, renderer: renderer, published: published)
                return AnalysedEdition(edition: edition, planner: planner, analysis: Analysis.dashboard(copy, asOf: frozen.period))
            }
            return AnalysedEdition(
                edition: edition, planner: self,
                analysis: edition.isCurrent ? current : Analysis.dashboard(dashboard, asOf: edition.period))
        }
    }

    /// The plan step: every page, download and chart of every edition, each edition saying what changed since
    /// the one before it. The first of `analysed` is the current edition.
    func plan(_ analysed: [AnalysedEdition]) throws -> Plan {
        let editions = analysed.map(\.edition)
        var plan = Plan(card: PageFactory.card(analysed[0].analysis, url: "\(definition.id)/index.html"))
        let snapshots = analysed.map { DashboardSnapshot($0.analysis) }
        for (index, item) in analysed.enumerated() {
            // The edition just before this one in time, if any.
            let earlier = analysed.indices.filter { other in
                guard let mine = item.edition.period, let theirs = analysed[other].edition.period else { return false }
                return theirs < mine
            }.max { analysed[$0].edition.period! < analysed[$1].edition.period! }
            let since = earlier.map { (edition: analysed[$0].edition, snapshot: snapshots[$0]) }
            try item.planner.add(item.edition, analysis: item.analysis, all: editions, since: since, snapshot: snapshots[index], to: &plan)
        }
        plan.snapshot = snapshots.first
        return plan
    }

    /// Both steps, for one dashboard.
    func plan() throws -> Plan { try plan(analyse()) }

    func chrome(_ title: String, base: String, crumbs: [Link]) -> PageChrome {
        let depth = base.split(separator: "/").count
        let root = String(repeating: "../", count: depth)
        return PageChrome(
            pageTitle: title, root: root, organisation: definition.organisation,
            brandStyle: PageFactory.brandStyle(definition.brandColour),
            breadcrumbs: crumbs, generator: DashboardPlanner.generator)
    }

    /// Links from a page in `from` to each edition's dashboard page.
    func editionLinks(_ editions: [Edition], from: Edition) -> [Link] {
        let ordered = editions.sorted { ($0.period ?? .calendarYear(0)) < ($1.period ?? .calendarYear(0)) }
        return ordered.map { edition in
            var text = edition.period?.label ?? "Latest"
            if edition.isCurrent { text += " (latest)" }
            return Link(
                text: text, url: DashboardPlanner.relative(from: from.base, to: edition.base) + "index.html",
                current: edition.base == from.base)
        }
    }

    /// The relative path from one folder to another, both given from the site root and ending in "/":
    /// `cfws/editions/2019-20-q4/` to `cfws/` is `../../`.
    static func relative(from: String, to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let up = String(repeating: "../", count: a.count - common)
        let down = b[common...].map { $0 + "/" }.joined()
        return up + down
    }

    func add(
        _ edition: Edition, analysis: DashboardAnalysis, all editions: [Edition],
        since earlier: (edition: Edition, snapshot: DashboardSnapshot)?, snapshot: DashboardSnapshot, to plan: inout Plan
    ) throws {
        let base = edition.base
        let asOfLabel = analysis.asOf?.label ?? "no figures yet"
        let dashboardCrumb = Link(text: definition.title, url: "index.html")
        let rootCrumb = Link(text: "Dashboards", url: chrome("", base: base, crumbs: []).root + "index.html")

        let comparatorColumns = PageFactory.comparatorColumns(definition, analyses: analysis.indicators)
        let (rows, packParts) = try addIndicators(
            analysis, edition: edition, editions: editions, comparators: comparatorColumns,
            crumbs: [rootCrumb, Link(text: edition.isCurrent ? definition.title : "\(definition.title), \(asOfLabel)", url: "index.html")],
            plan: &plan)
        let sections = sectionTables(rows, analysis: analysis)
        let links = editionLinks(editions, from: edition)
        var page = DashboardPage(
            page: chrome(
                "\(definition.title), \(asOfLabel)", base: base,
                crumbs: [rootCrumb, Link(text: dashboardCrumb.text, url: "index.html", current: true)]),
            title: definition.title, organisation: definition.organisation, asOf: asOfLabel, introduction: definition.summary,
            overview: analysis.overview.sentences, tiles: PageFactory.tiles(analysis.overview),
            quartiles: PageFactory.quartileTiles(analysis.overview), hasQuartiles: analysis.overview.benchmarked > 0,
            editions: links, hasEditions: links.count > 1,
            archiveNote: edition.archiveNote,
            sections: sections, hasTargets: analysis.indicators.contains { $0.target != nil },
            hasRAG: analysis.indicators.contains { $0.rag != nil || !$0.ratings.isEmpty },
            hasNeighbours: analysis.indicators.contains { $0.benchmarks?.statisticalNeighbours != nil },
            hasSPC: analysis.indicators.contains { $0.spc != nil || PageFactory.spcUnavailableBadge($0) != nil },
            hasTrends: sections.contains { $0.rows.contains { $0.sparkline != nil } })
        page.comparatorHeadings = comparatorColumns
        page.quartileHeading = PageFactory.quartileHeading(analysis)
        page.quartileLabel = PageFactory.isGrouped(analysis) ? "Quartile" : "National quartile"
        page.hasPrevious = sections.contains { $0.rows.contains { $0.previous != nil } }
        page.ragKey = PageFactory.ragKey(definition.ragKey)
        page.hasRAGKey = !page.ragKey.isEmpty
        page.attention = AttentionPage.lines(analysis)
        page.hasAttention = !page.attention.isEmpty
        page.attentionCount = page.attention.count
        page.attentionNone = AttentionPage.noneSentence(analysis)
        page.indicatorCount = analysis.indicators.count
        page.columns =
            4 + comparatorColumns.count
            + [page.hasPrevious, page.hasTargets, page.hasRAG, page.hasQuartiles, page.hasSPC, page.hasTrends].filter { $0 }.count
        if let earlier, let period = earlier.edition.period {
            page.changesURL = "changes.html"
            page.changesSince = period.label
            try addChangesPage(
                SnapshotChanges.between(earlier.snapshot, snapshot), plan: PlanChanges.between(earlier.snapshot.plan, snapshot.plan),
                since: period, analysis: analysis, edition: edition,
                crumbs: [rootCrumb, Link(text: dashboardCrumb.text, url: "index.html")], plan: &plan)
        }
        addPlanPage(analysis, base: base, crumbs: [rootCrumb, Link(text: dashboardCrumb.text, url: "index.html")], edition: edition, to: &page, plan: &plan)
        page.benchmarkingURL = addBenchmarkingPage(analysis, base: base, crumbs: [rootCrumb, Link(text: dashboardCrumb.text, url: "index.html")], edition: edition, plan: &plan)
        plan.files.append(assets.page(page, with: "dashboard", at: base + "index.html"))
        plan.files.append(PlannedFile(path: base + KPIDownload.file, bytes: Array(KPIDownload.csv(page).utf8)))
        plan.files.append(PlannedFile(path: base + KPIWorkbook.file, bytes: try KPIWorkbook.workbook(page)))
        plan.pages += 1
        if page.hasAttention {
            plan.files.append(assets.page(AttentionPage.filtered(page), with: "dashboard", at: base + AttentionPage.file))
            plan.pages += 1
        }
        try addPack(
            page, sections: sections, parts: packParts, base: base, crumbs: [rootCrumb, Link(text: dashboardCrumb.text, url: "index.html")],
            analysis: analysis, plan: &plan)
    }

    /// Each indicator's page and its row of the KPI table and part of the pack.
    func addIndicators(
        _ analysis: DashboardAnalysis, edition: Edition, editions: [Edition], comparators comparatorColumns: [String],
        crumbs: [Link], plan: inout Plan
    ) throws -> (rows: [String: KPIRow], parts: [String: PackIndicator]) {
        let base = edition.base
        var rows: [String: KPIRow] = [:]
        var packParts: [String: PackIndicator] = [:]
        for indicator in analysis.indicators {
            let id = indicator.indicator.id
            let sparkline = sparkline(indicator, base: base, plan: &plan)
            rows[id] = PageFactory.row(
                indicator, url: "\(id).html", sparkline: sparkline, comparators: comparatorColumns, grouped: PageFactory.isGrouped(analysis))
            packParts[id] = try addIndicatorPage(indicator, dashboard: analysis, edition: edition, editions: editions, crumbs: crumbs, plan: &plan)
        }
        return (rows, packParts)
    }

    /// The KPI table's sections in dashboard.yml's order, then any indicator no section names.
    func sectionTables(_ rows: [String: KPIRow], analysis: DashboardAnalysis) -> [SectionTable] {
        var sections = definition.sections.enumerated().map { index, section in
            SectionTable(
                title: section.title, anchor: PageFactory.anchor(section.title, index: index), sectionSummary: section.summary,
                rows: section.indicatorIDs.compactMap { rows[$0] })
        }
        let placed = Set(definition.sections.flatMap(\.indicatorIDs))
        let unplaced = analysis.indicators.filter { !placed.contains($0.indicator.id) }.compactMap { rows[$0.indicator.id] }
        if !unplaced.isEmpty, !definition.sections.isEmpty {
            sections.append(SectionTable(title: "Other indicators", anchor: "section-other", sectionSummary: nil, rows: unplaced))
        }
        return sections
    }

    /// The action plan's page, linked from the dashboard page, where the dashboard has a plan.
    func addPlanPage(
        _ analysis: DashboardAnalysis, base: String, crumbs: [Link], edition: Edition, to page: inout DashboardPage, plan: inout Plan
    ) {
        if let actionPlan = analysis.dashboard.actionPlan {
            page.planURL = PlanPageFactory.file
            page.planLink = PlanPageFactory.linkText(actionPlan, analysis: analysis)
            let planPage = PlanPageFactory.page(
                actionPlan, analysis: analysis,
                chrome: chrome(
                    "\(actionPlan.title), \(definition.title)", base: base,
                    crumbs: crumbs + [Link(text: actionPlan.title, url: PlanPageFactory.file, current: true)]
                ).dated(analysis.asOf?.label),
                archiveNote: edition.archiveNote)
            plan.files.append(assets.page(planPage, with: "plan", at: base + PlanPageFactory.file))
            plan.pages += 1
        }
    }

    /// "What changed since the 2019/20 Q4 edition": new figures, revisions, figures no longer shown, status and
    /// direction changes, each in a table a committee can read before the dashboard.
    func addChangesPage(
        _ changes: [SnapshotChange], plan planChanges: [PlanChange] = [], since: Period, analysis: DashboardAnalysis, edition: Edition,
        crumbs: [Link], plan: inout Plan
    ) throws {
        let known = Set(analysis.indicators.map(\.indicator.id))
        let groups = SnapshotChange.Kind.allCases.compactMap { kind -> ChangeGroup? in
            let rows = changes.filter { $0.kind == kind }.map { change in
                ChangeRow(
                    indicator: change.indicatorTitle, url: known.contains(change.indicatorID) ? "\(change.indicatorID).html" : nil,
                    period: change.period ?? "", before: change.before ?? "none",
                    after: change.after ?? (kind == .withdrawn ? change.before ?? "" : "none"))
            }
            guard !rows.isEmpty else { return nil }
            let hasBefore = [.revision, .status, .direction].contains(kind)
            return ChangeGroup(heading: kind.heading, anchor: "changes-" + kind.rawValue.lowercased(), hasBefore: hasBefore, rows: rows)
        }
        let asOf = analysis.asOf?.label ?? "no figures yet"
        var summary =
            changes.isEmpty
            ? "Nothing changed: every figure, status and direction is as the \(since.label) edition showed it."
            : SnapshotChanges.counts(changes) + " since the \(since.label) edition."
        let planTitle = analysis.dashboard.actionPlan?.title ?? "action plan"
        if !planChanges.isEmpty { summary += " \(planTitle): \(PlanChanges.counts(planChanges))." }
        let planGroups = PlanChange.Kind.allCases.compactMap { kind -> PlanChangeGroup? in
            let rows = planChanges.filter { $0.kind == kind }.map { change in
                PlanChangeRow(ref: change.ref, action: change.action, before: change.before ?? "not rated", after: change.after ?? "not rated")
            }
            guard !rows.isEmpty else { return nil }
            return PlanChangeGroup(
                heading: kind.heading, anchor: "plan-changes-" + kind.rawValue.lowercased(), hasBefore: kind != .newAction,
                hasAfter: kind != .removed, rows: rows)
        }
        let page = ChangesPage(
            page: chrome(
                "What changed since \(since.label), \(definition.title)", base: edition.base,
                crumbs: crumbs + [Link(text: "What changed", url: "changes.html", current: true)]
            ).dated(analysis.asOf?.label),
            title: definition.title, asOf: asOf, since: since.label, archiveNote: edition.archiveNote, summary: summary,
            groups: groups, hasGroups: !groups.isEmpty, planTitle: planTitle, planGroups: planGroups,
            hasPlanGroups: !planGroups.isEmpty)
        plan.files.append(assets.page(page, with: "changes", at: edition.base + "changes.html"))
        plan.files.append(
            PlannedFile(path: edition.base + ChangesDownload.file, bytes: Array(ChangesDownload.csv(groups, since: since.label, planTitle: planTitle, planGroups: planGroups).utf8))
        )
        plan.pages += 1
    }

    /// A chart's key at each size it is drawn at; the specification is encoded once for them all.
    func keys(_ spec: ChartSpec) -> (ChartSize) -> String {
        let encoded = ValueKey.bytes(of: spec)
        return { [fontsFingerprint] size in
            var hash = ContentHash()
            hash.combine(ChartRenderer.version)
            hash.combine(ToolIdentity.fingerprint)
            hash.combine(fontsFingerprint)
            hash.combine(encoded)
            hash.combine(ValueKey.bytes(of: size))
            return hash.hex
        }
    }

    func sparkline(_ analysis: IndicatorAnalysis, base: String, plan: inout Plan) -> Image? {
        guard let spec = ChartSpec.sparkline(analysis) else { return nil }
        let id = analysis.indicator.id
        let size = SiteSettings.standard.sparkline
        let key = keys(spec)
        let one = "charts/\(id)-spark.png", two = "charts/\(id)-spark@2x.png"
        plan.charts.append(ChartJob(path: base + one, spec: spec, size: size, key: key(size)))
        plan.charts.append(ChartJob(path: base + two, spec: spec, size: size.scaled(2), key: key(size.scaled(2))))
        return Image(
            src: one, srcset: "\(one) \(Int(size.width))w, \(two) \(Int(size.width) * 2)w", sizes: "\(Int(size.width))px",
            printSrc: two, alt: ChartText.sparklineAltText(analysis), width: Int(size.width), height: Int(size.height))
    }

    static var printSize: ChartSize { SiteSettings.standard.printChart }

    /// A chart that fills the content column at every width: a wide layout for desktops, the standard one for
    /// tablets and a taller phone layout with 12 px text, each at 1x and 2x; with `printable`, the 300 dpi chart
    /// a printed page swaps in (else it prints the 2x one). Files are `charts/<name>[-layout][@2x].png`.
    func responsiveChart(_ spec: ChartSpec, name: String, alt: String, base: String, printable: Bool, plan: inout Plan) -> Image {
        let size = SiteSettings.standard.pageChart
        let key = keys(spec)
        let one = "charts/\(name).png", two = "charts/\(name)@2x.png"
        plan.charts.append(ChartJob(path: base + one, spec: spec, size: size, key: key(size)))
        plan.charts.append(ChartJob(path: base + two, spec: spec, size: size.scaled(2), key: key(size.scaled(2))))
        var sources: [PictureSource] = []
        for layout in ChartLayouts.narrower {
            // A layout the chart does not fit (a very long title on a phone) is left out: the next wider serves.
            let a = "charts/\(name)-\(layout.name).png", b = "charts/\(name)-\(layout.name)@2x.png"
            let layoutKey = key(layout.size)
            guard fits(spec, size: layout.size, key: layoutKey, at: base + a) else { continue }
            plan.charts.append(ChartJob(path: base + a, spec: spec, size: layout.size, key: layoutKey))
            plan.charts.append(ChartJob(path: base + b, spec: spec, size: layout.size.scaled(2), key: key(layout.size.scaled(2))))
            sources.append(
                PictureSource(
                    media: layout.media, srcset: "\(a) \(Int(layout.size.width))w, \(b) \(Int(layout.size.width) * 2)w",
                    sizes: ChartLayouts.columnSizes, width: Int(layout.size.width), height: Int(layout.size.height)))
        }
        let wide = ChartLayouts.wide
        let wideOne = "charts/\(name)-wide.png", wideTwo = "charts/\(name)-wide@2x.png"
        var srcset = "\(one) \(Int(size.width))w, \(two) \(Int(size.width) * 2)w"
        var imageSize = size
        var imageSrc = one
        let wideKey = key(wide)
        if fits(spec, size: wide, key: wideKey, at: base + wideOne) {
            plan.charts.append(ChartJob(path: base + wideOne, spec: spec, size: wide, key: wideKey))
            plan.charts.append(ChartJob(path: base + wideTwo, spec: spec, size: wide.scaled(2), key: key(wide.scaled(2))))
            sources.append(
                PictureSource(
                    media: ChartLayouts.standardMedia, srcset: srcset, sizes: ChartLayouts.columnSizes,
                    width: Int(size.width), height: Int(size.height)))
            srcset = "\(wideOne) \(Int(wide.width))w, \(wideTwo) \(Int(wide.width) * 2)w"
            imageSize = wide
            imageSrc = wideOne
        }
        var printSrc = two
        if printable {
            let printSize = DashboardPlanner.printSize, print = "charts/\(name)-print.png"
            plan.charts.append(ChartJob(path: base + print, spec: spec, size: printSize, key: key(printSize)))
            printSrc = print
        }
        return Image(
            src: imageSrc, srcset: srcset, sizes: ChartLayouts.columnSizes, sources: sources, printSrc: printSrc, alt: alt,
            width: Int(imageSize.width), height: Int(imageSize.height))
    }

    /// Whether a chart can be laid out at a size. A chart the published site has at that path with the same key
    /// fitted when it was built, and would again, so only a new or changed chart is laid out to find out.
    func fits(_ spec: ChartSpec, size: ChartSize, key: String, at path: String) -> Bool {
        published(path) == key || (try? renderer.layout(spec, size: size)) != nil
    }

    /// Writes the indicator's page and returns its part of the printable pack.
    func addIndicatorPage(
        _ analysis: IndicatorAnalysis, dashboard: DashboardAnalysis, edition: Edition, editions: [Edition],
        crumbs: [Link], plan: inout Plan
    ) throws -> PackIndicator {
        let id = analysis.indicator.id
        let base = edition.base
        var chart: Image?
        var caption: String?
        var downloads: [Link] = []
        if analysis.latest != nil || !analysis.series.isEmpty {
            let spec = ChartSpec.indicator(analysis, in: dashboard)
            let printable = edition.hasPrintCharts
            let image = responsiveChart(spec, name: id, alt: ChartText.altText(analysis, in: dashboard), base: base, printable: printable, plan: &plan)
            caption = ChartText.caption(analysis, in: dashboard)
            if printable {
                let printSize = DashboardPlanner.printSize
                downloads.append(Link(text: "Chart for printed reports (PNG): \(ChartNotes.physicalSize(printSize))", url: image.printSrc))
                let text = ChartNotes.text(analysis, in: dashboard, size: printSize, image: image.printSrc)
                plan.files.append(PlannedFile(path: base + "charts/\(id)-print.txt", bytes: Array(text.utf8)))
                downloads.append(Link(text: "Caption and alt text for the printed chart (TXT)", url: "charts/\(id)-print.txt"))
            }
            chart = image
        }
        // The moving-range chart under the XmR chart, where the indicator asks for it.
        var movingRangeChart: Image?
        if let spec = ChartSpec.movingRange(analysis), let alt = ChartText.movingRangeAltText(analysis) {
            let printable = edition.hasPrintCharts
            let image = responsiveChart(spec, name: "\(id)-mr", alt: alt, base: base, printable: printable, plan: &plan)
            if printable {
                downloads.append(
                    Link(
                        text: "Moving-range chart for printed reports (PNG): \(ChartNotes.physicalSize(DashboardPlanner.printSize))",
                        url: image.printSrc))
            }
            movingRangeChart = image
        }
        plan.files.append(PlannedFile(path: base + "\(id).csv", bytes: Array(DataDownload.csv(analysis).utf8)))
        downloads.insert(Link(text: "Data for this indicator (CSV)", url: "\(id).csv"), at: 0)

        let notes = PageFactory.notes(analysis)
        var page = IndicatorPage(
            page: chrome(
                "\(analysis.indicator.title), \(definition.title)", base: base,
                crumbs: crumbs + [Link(text: analysis.indicator.displayTitle, url: "\(id).html", current: true)]
            ).dated(dashboard.asOf?.label),
            dashboardTitle: definition.title, dashboardURL: "index.html", title: analysis.indicator.title,
            asOf: dashboard.asOf?.label ?? "", headline: PageFactory.headline(analysis),
            period: analysis.latest?.label ?? "", facts: PageFactory.facts(analysis), chart: chart, caption: caption,
            downloads: downloads, data: PageFactory.dataTable(analysis), yearToDate: PageFactory.yearToDateTable(analysis),
            benchmarks: PageFactory.benchmarkTable(analysis), neighbours: PageFactory.neighbourTable(analysis), spc: PageFactory.spcSection(analysis),
            definition: analysis.indicator.definition, source: analysis.indicator.source, commentary: analysis.indicator.commentary,
            notes: notes, hasNotes: !notes.isEmpty, archiveNote: edition.archiveNote, revisions: PageFactory.revisions(analysis),
            hasRevisions: !analysis.revisions.isEmpty, movingRangeChart: movingRangeChart,
            movingRangeTable: movingRangeChart == nil ? nil : PageFactory.movingRangeTable(analysis),
            periodCommentary: analysis.commentary.map { CommentaryText(period: analysis.label($0.period), text: $0.text) },
            earlierCommentary: analysis.earlierCommentary.map { CommentaryText(period: analysis.label($0.period), text: $0.text) },
            hasEarlierCommentary: !analysis.earlierCommentary.isEmpty)
        if let actionPlan = dashboard.dashboard.actionPlan {
            page.planActions = PlanPageFactory.lines(for: id, plan: actionPlan, analysis: dashboard)
            page.hasPlanActions = !page.planActions.isEmpty
            page.planTitle = actionPlan.title
        }
        plan.files.append(assets.page(page, with: "indicator", at: base + "\(id).html"))
        plan.pages += 1
        return PackPlanner.part(analysis, url: "\(id).html", chart: chart, caption: caption)
    }
}
