import DashboardCore

/// One line of a dashboard's "Needs attention" list: the indicator, linked, and why, in words.
struct AttentionLine: Encodable {
    var id: String
    var title: String
    var url: String
    var reasons: String
}

/// The "Needs attention" list at the top of a dashboard, and the KPI table cut to those indicators, a plain
/// page of its own (`attention.html`), so no script is needed to filter it.
enum AttentionPage {
    static let file = "attention.html"

    static func lines(_ analysis: DashboardAnalysis) -> [AttentionLine] {
        Attention.list(analysis.indicators).compactMap { item in
            analysis.analysis(item.indicatorID).map { indicator in
                AttentionLine(
                    id: item.indicatorID, title: indicator.indicator.displayTitle, url: "\(item.indicatorID).html",
                    reasons: item.reasons.map { capitalised($0) + "." }.joined(separator: " "))
            }
        }
    }

    /// What was looked at when nothing needs attention, so "none" is not read as more than it is.
    static func noneSentence(_ analysis: DashboardAnalysis) -> String {
        let rated = analysis.indicators.filter { $0.rag?.status.outcome != nil }.count
        let charted = analysis.indicators.filter { $0.spc != nil }.count
        let count = { (n: Int) in n == 1 ? "the 1 indicator" : "the \(n) indicators" }
        switch (rated, charted) {
        case (0, 0):
            return "No indicator here has a RAG status or SPC limits to flag it; each row of the KPI table compares its figure with the one before."
        case (_, 0):
            return "None of \(count(rated)) with a RAG status is red or amber."
        case (0, _):
            return "None of \(count(charted)) with SPC limits shows special cause concern or will consistently miss its target."
        default:
            return "None of \(count(rated)) with a RAG status is red or amber, and none of \(count(charted)) with SPC limits shows special cause concern."
        }
    }

    /// The dashboard page showing only the rows that need attention, in their sections.
    static func filtered(_ page: DashboardPage) -> DashboardPage {
        let urls = Set(page.attention.map(\.url))
        var view = page
        view.sections = page.sections.compactMap { section in
            var kept = section
            kept.rows = section.rows.filter { urls.contains($0.url) }
            return kept.rows.isEmpty ? nil : kept
        }
        view.attentionView = true
        view.page.retitle("Needs attention: " + page.page.pageTitle)
        return view
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
