import DashboardCore

/// The printable committee pack of a dashboard edition (`pack.html`), from the values its pages already have.
enum PackPlanner {
    static func part(_ analysis: IndicatorAnalysis, url: String, chart: Image?, caption: String?) -> PackIndicator {
        var status: [String] = []
        if let direction = PageFactory.directionBadge(analysis) { status.append("Compared with previous: \(direction.detail)") }
        if let rag = PageFactory.ragBadge(analysis) {
            var text = "RAG status: \(rag.detail)"
            if let target = PageFactory.target(analysis) { text += "; target \(target)" }
            status.append(text)
        } else if let target = PageFactory.target(analysis) {
            status.append("Target: \(target)")
        }
        status += PageFactory.ratingBadges(analysis).map(\.detail)
        return PackIndicator(
            id: analysis.indicator.id, title: analysis.indicator.title, url: url,
            headline: PageFactory.headline(analysis), status: status, chart: chart, caption: caption,
            source: analysis.indicator.source, commentary: analysis.commentary?.text ?? analysis.indicator.commentary)
    }
}

extension DashboardPlanner {
    /// `pack.html` beside the dashboard page: its overview and KPI table, then every indicator's part in the
    /// order of the sections, then the action plan (from `analysis`, as its page shows it) where there is one.
    func addPack(
        _ dashboardPage: DashboardPage, sections: [SectionTable], parts: [String: PackIndicator], base: String,
        crumbs: [Link], analysis: DashboardAnalysis? = nil, plan: inout Plan
    ) throws {
        var packSections: [PackSection] = []
        for (index, section) in sections.enumerated() {
            let ids = index < definition.sections.count ? definition.sections[index].indicatorIDs : section.rows.map { String($0.url.dropLast(".html".count)) }
            let indicators = ids.compactMap { parts[$0] }
            if !indicators.isEmpty {
                packSections.append(PackSection(partTitle: section.title, partAnchor: "part-" + section.anchor, indicators: indicators))
            }
        }
        if sections.isEmpty {
            packSections.append(
                PackSection(
                    partTitle: "Indicators", partAnchor: "part-indicators",
                    indicators: definition.indicators.compactMap { parts[$0.id] }))
        }
        let title = "\(definition.title), committee pack, \(dashboardPage.asOf)"
        var page = dashboardPage
        page.page = chrome(title, base: base, crumbs: crumbs + [Link(text: "Committee pack", url: "pack.html", current: true)])
        var pack = PackPage(page: page.page, dashboard: page, parts: packSections)
        if let analysis, let actionPlan = analysis.dashboard.actionPlan {
            pack.plan = PlanPageFactory.page(actionPlan, analysis: analysis, chrome: page.page, archiveNote: nil)
        }
        plan.files.append(assets.page(pack, with: "pack", at: base + "pack.html"))
        plan.pages += 1
    }
}
