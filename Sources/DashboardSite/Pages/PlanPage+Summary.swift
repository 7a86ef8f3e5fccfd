import DashboardCore

/// An area's row of an action plan's summary, as an Ofsted (ILACS) plan prints it: its Activity RAG and Impact
/// RAG in words on the key's colours, and how its impact will be monitored and measured.
struct PlanAreaSummary: Encodable {
    var area: String
    /// The area's section on the plan page.
    var anchor: String
    var activity: PlanRating?
    var impact: PlanRating?
    var measures: String?
}

extension PlanPageFactory {
    /// The plan's summary in the areas' order, each linked to its area's section, and each area's own row beside its actions.
    static func addAreaSummary(_ plan: ActionPlan, to page: inout PlanPage) {
        guard !plan.summary.isEmpty else { return }
        for index in page.areas.indices {
            let heading = plan.areas[index].area
            guard let summary = plan.summary(for: heading) else { continue }
            page.areas[index].areaRatings = PlanAreaSummary(
                area: summary.area, anchor: page.areas[index].anchor, activity: rating(summary.activity), impact: rating(summary.impact),
                measures: summary.measures)
        }
        page.areaSummary = page.areas.compactMap(\.areaRatings)
        page.hasAreaSummary = !page.areaSummary.isEmpty
    }
}
