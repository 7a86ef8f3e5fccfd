import DashboardCore

/// An action plan for the report: its key, the counts in words, and every action with its rating.
public struct ReportPlan: Sendable {
    public var title: String
    public var note: String?
    /// "7 actions: 1 Red (delayed), …".
    public var summary: String
    public var overdueSentence: String
    public var key: [RAGStatus]
    /// Of the key's statuses, those meaning an action is completed.
    public var completed: Set<String>
    public var counts: [StatusCount]
    public var hasImpact: Bool
    public var actions: [ReportPlanAction]
    /// The plan's per-area summary (activity and impact ratings, how impact is measured), where it has one.
    public var areas: [ReportAreaSummary] = []
}

public struct ReportPlanAction: Sendable {
    public var ref: String
    public var area: String?
    public var action: String
    public var owner: String?
    public var due: String?
    public var overdue: Bool
    public var status: String?
    public var rating: RAGStatus?
    public var impact: RAGStatus?
    /// "Plans within 20 weeks (August): worse (92%, August 2020)", one an indicator.
    public var indicators: [String]
}

/// One area's row of the plan's summary: its Activity RAG and Impact RAG and how its impact will be measured.
public struct ReportAreaSummary: Sendable {
    public var area: String
    public var activity: RAGStatus?
    public var impact: RAGStatus?
    public var measures: String?
}

extension ReportContent {
    /// The plan as the plan page gives it: overdue on the last day of the report's period.
    static func plan(for plan: ActionPlan, analysis: DashboardAnalysis) -> ReportPlan {
        let date = PlanPageFactory.asOfDate(analysis)
        var report = ReportPlan(
            title: plan.title, note: plan.note, summary: plan.countSentence(), overdueSentence: PlanPageFactory.overdueSentence(plan, analysis: analysis),
            key: plan.key.statuses, completed: plan.key.completed, counts: plan.counts().byStatus,
            hasImpact: plan.actions.contains { $0.impact != nil },
            actions: plan.actions.map { action in
                ReportPlanAction(
                    ref: action.ref, area: action.area, action: action.action, owner: action.owner, due: action.due?.written,
                    overdue: plan.isOverdue(action, on: date), status: action.status, rating: action.rating, impact: action.impact,
                    indicators: action.indicators.compactMap { id in
                        analysis.analysis(id).map { "\($0.indicator.displayTitle): \($0.judgementWords)" }
                    })
            })
        report.areas = plan.summary.map { ReportAreaSummary(area: $0.area, activity: $0.activity, impact: $0.impact, measures: $0.measures) }
        return report
    }
}
