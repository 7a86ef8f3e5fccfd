import DashboardCore

/// `plan.html`: a dashboard's action plan: counts by rating, overdue actions first, then each area's actions.
struct PlanPage: Encodable {
    var page: PageChrome
    var dashboardTitle: String
    var title: String
    var asOf: String
    var note: String?
    var archiveNote: String?
    var summary: String
    var counts: [PlanCount]
    var unrated: Int
    var hasUnrated: Bool
    var key: [PlanKeyEntry]
    var overdueHeading: String
    var overdueSentence: String
    var overdue: [PlanRow]
    var hasOverdue: Bool
    var areas: [PlanArea]
    var hasImpact: Bool
    /// The plan's per-area summary (activity and impact ratings), where it has one.
    var areaSummary: [PlanAreaSummary] = []
    var hasAreaSummary = false
}

enum PlanPageFactory {
    static let file = "plan.html"

    static func rating(_ status: RAGStatus?) -> PlanRating? {
        guard let status else { return nil }
        let words = status.name + (status.meaning.map { " – \($0)" } ?? "")
        return PlanRating(
            badge: Badge(text: status.name, style: PageFactory.statusStyle(status), detail: words, colours: PageFactory.statusColours(status)),
            words: words, meaning: status.meaning ?? "")
    }

    /// Each action's anchor on the plan page, from its ref ("1.4" → `action-1-4`), made unique in the plan's order.
    static func anchors(_ plan: ActionPlan) -> [String: String] {
        var result: [String: String] = [:]
        var used: Set<String> = []
        for action in plan.actions {
            let base = "action-" + PlanAnchor.slug(action.ref)
            var anchor = base
            var n = 2
            while used.contains(anchor) {
                anchor = "\(base)-\(n)"
                n += 1
            }
            used.insert(anchor)
            result[action.ref] = anchor
        }
        return result
    }

    /// The day actions are judged overdue on: the last day of the dashboard's period.
    static func asOfDate(_ analysis: DashboardAnalysis) -> CivilDate? { analysis.asOf?.end }

    static func row(_ action: PlanAction, plan: ActionPlan, anchors: [String: String], analysis: DashboardAnalysis) -> PlanRow {
        let indicators = action.indicators.compactMap { id in
            analysis.analysis(id).map { PlanIndicator(title: $0.indicator.displayTitle, url: "\(id).html", judgement: $0.judgementWords) }
        }
        return PlanRow(
            ref: action.ref, anchor: anchors[action.ref] ?? "", action: action.action, owner: action.owner, due: action.due?.written,
            overdue: plan.isOverdue(action, on: asOfDate(analysis)), status: action.status, rating: rating(action.rating),
            impact: rating(action.impact), evidence: action.evidence, impactMeasures: action.impactMeasures,
            indicators: indicators, hasIndicators: !indicators.isEmpty,
            hasDetails: action.status != nil || action.evidence != nil || action.impactMeasures != nil || !indicators.isEmpty)
    }

    static func page(_ plan: ActionPlan, analysis: DashboardAnalysis, chrome: PageChrome, archiveNote: String?) -> PlanPage {
        let asOf = analysis.asOf
        let date = asOfDate(analysis)
        let (byStatus, unrated) = plan.counts()
        let overdue = plan.overdue(on: date)
        let anchors = anchors(plan)
        let overdueSentence = overdueSentence(plan, analysis: analysis)
        let areas = plan.areas.enumerated().map { index, group in
            PlanArea(
                heading: group.area ?? "Other actions", anchor: "area-\(index + 1)",
                count: group.actions.count == 1 ? "1 action" : "\(group.actions.count) actions",
                rows: group.actions.map { row($0, plan: plan, anchors: anchors, analysis: analysis) })
        }
        var page = PlanPage(
            page: chrome, dashboardTitle: analysis.dashboard.definition.title, title: plan.title, asOf: asOf?.label ?? "no figures yet",
            note: plan.note, archiveNote: archiveNote, summary: plan.countSentence(),
            counts: byStatus.compactMap { count in rating(count.status).map { PlanCount(rating: $0, count: count.count) } },
            unrated: unrated, hasUnrated: unrated > 0,
            key: plan.key.statuses.map { status in
                PlanKeyEntry(
                    badge: rating(status)!.badge, meaning: status.meaning, complete: plan.key.completed.contains(status.id))
            },
            overdueHeading: "Overdue: \(overdue.count)", overdueSentence: overdueSentence,
            overdue: overdue.map { action in
                var copy = row(action, plan: plan, anchors: anchors, analysis: analysis)
                copy.link = copy.anchor.map { "#\($0)" }
                copy.anchor = nil
                return copy
            }, hasOverdue: !overdue.isEmpty,
            areas: areas, hasImpact: plan.actions.contains { $0.impact != nil })
        addAreaSummary(plan, to: &page)
        return page
    }

    /// "1 action was due before 31 August 2020, the end of August 2020, and is not rated Blue."
    static func overdueSentence(_ plan: ActionPlan, analysis: DashboardAnalysis) -> String {
        let asOf = analysis.asOf
        let date = asOfDate(analysis)
        let overdue = plan.overdue(on: date)
        let dateWords = date.map { "\($0.day) \(CivilDate.monthNames[$0.month - 1]) \($0.year)" }
        if let dateWords {
            let n = overdue.count
            return n == 0
                ? "No action is overdue: none due before \(dateWords) (the end of \(asOf?.label ?? "the dashboard's period")) is without a completed rating."
                : "\(n == 1 ? "1 action was" : "\(n) actions were") due before \(dateWords), the end of \(asOf?.label ?? "the dashboard's period"), and \(n == 1 ? "is" : "are") not rated \(completedNames(plan))."
        } else {
            return "The dashboard has no figures yet, so no date to judge actions overdue by."
        }
    }

    static func completedNames(_ plan: ActionPlan) -> String {
        let names = plan.key.statuses.filter { plan.key.completed.contains($0.id) }.map(\.name)
        guard let last = names.last else { return "as completed" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The actions meant to move one indicator, for its page.
    static func lines(for indicatorID: String, plan: ActionPlan?, analysis: DashboardAnalysis) -> [PlanActionLine] {
        guard let plan else { return [] }
        let anchors = anchors(plan)
        return plan.actions(for: indicatorID).map { action in
            PlanActionLine(
                ref: action.ref, url: "\(file)#\(anchors[action.ref] ?? "")", action: action.action, rating: rating(action.rating),
                due: action.due?.written, overdue: plan.isOverdue(action, on: asOfDate(analysis)))
        }
    }

    /// The dashboard page's link to the plan: "Written Statement of Action: 12 actions, 2 overdue".
    static func linkText(_ plan: ActionPlan, analysis: DashboardAnalysis) -> String {
        let overdue = plan.overdue(on: asOfDate(analysis)).count
        let total = plan.actions.count == 1 ? "1 action" : "\(plan.actions.count) actions"
        return "\(plan.title): \(total), \(overdue == 0 ? "none" : String(overdue)) overdue, with the indicators each is meant to move"
    }
}

/// Anchors from refs such as "1.4" or "AFI 2 (a)": lower-case letters and digits, other runs a hyphen.
enum PlanAnchor {
    static func slug(_ text: String) -> String {
        var id = ""
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { id.append(ch) } else if !id.hasSuffix("-") && !id.isEmpty { id.append("-") }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "x" : id
    }
}
