/// `pack.html`: the whole dashboard on one page to print from the browser as the committee pack: the overview,
/// the KPI table (on landscape pages), then each indicator's chart, headline and commentary, one or two to an
/// A4 page. It reuses the dashboard page's values, so the two always agree.
struct PackPage: Encodable {
    var page: PageChrome
    var dashboard: DashboardPage
    var parts: [PackSection]
    /// The dashboard's action plan, after the indicators: its counts, key, summary and every action by area.
    var plan: PlanPage? = nil
}

struct PackSection: Encodable {
    var partTitle: String
    var partAnchor: String
    var indicators: [PackIndicator]
}

struct PackIndicator: Encodable {
    var id: String
    var title: String
    var url: String
    var headline: String
    /// "Better: up 3 on 2019/20 Q4 …" and the RAG rule, as the indicator page's facts give them.
    var status: [String]
    var chart: Image?
    var caption: String?
    var source: String?
    var commentary: String?
}
