import DashboardCharts
import DashboardCore
import DashboardSite

extension WordReport {
    /// A status of a plan's key in a cell: its name in bold and its meaning, on the key's colour; words first.
    static func planCell(_ status: RAGStatus?) -> WordBody.Cell {
        guard let status else { return WordBody.Cell("Not rated") }
        let meaning = status.meaning.map { " – \($0)" } ?? ""
        if let colours = colours(status) {
            return WordBody.Cell([Run(status.name, bold: true, colour: colours.text), Run(meaning, colour: colours.text)], fill: colours.fill)
        }
        return WordBody.Cell([Run(status.name, bold: true), Run(meaning)])
    }

    /// The action plan as the packs print it: its key, the counts by rating, then every action in a landscape table,
    /// areas as section rows; overdue actions say so beside their due date.
    static func planTable(_ plan: ReportPlan, level: Int, into body: inout WordBody) {
        body.heading(plan.title, level: level)
        if let note = plan.note { body.paragraph(note) }
        body.paragraph(plan.summary)
        body.paragraph(plan.overdueSentence)
        let keyRows = plan.key.map { status in
            WordBody.Row(cells: [
                planCell(status), WordBody.Cell("\(plan.counts.first { $0.status.id == status.id }?.count ?? 0)", numeric: true),
                WordBody.Cell(plan.completed.contains(status.id) ? "Completed: never overdue" : ""),
            ])
        }
        body.table(
            headings: [WordBody.Cell("Rating"), WordBody.Cell("Actions", numeric: true), WordBody.Cell("Note")], rows: keyRows,
            widths: [3, 1, 2], title: "\(plan.title): key and counts", description: "Each rating of the plan's key, what it means, and how many actions have it.",
            fraction: 0.6)
        body.paragraph("")
        areaSummaryTable(plan, into: &body)
        var headings = [
            WordBody.Cell("Ref"), WordBody.Cell("Action"), WordBody.Cell("Owner"), WordBody.Cell("Due"), WordBody.Cell("Status"),
            WordBody.Cell("Progress"),
        ]
        var widths = [0.7, 3.6, 1.5, 1.2, 1.8, 1.5]
        if plan.hasImpact {
            headings.append(WordBody.Cell("Impact"))
            widths.append(1.5)
        }
        headings.append(WordBody.Cell("Indicators it should move"))
        widths.append(2.4)
        var rows: [WordBody.Row] = []
        var area: String?? = .none
        for action in plan.actions {
            if area != .some(action.area), plan.actions.contains(where: { $0.area != nil }) {
                area = .some(action.area)
                rows.append(
                    WordBody.Row(
                        cells: [WordBody.Cell([Run(action.area ?? "Other actions", bold: true)], fill: "F3F2F1", span: widths.count, style: "TableSection")],
                        keepWithNext: true))
            }
            var due = [Run(action.due ?? "")]
            if action.overdue { due.append(Run(" (overdue)", bold: true)) }
            var cells = [
                WordBody.Cell(action.ref), WordBody.Cell(action.action), WordBody.Cell(action.owner ?? ""), WordBody.Cell(due),
                WordBody.Cell(action.status ?? ""), planCell(action.rating),
            ]
            if plan.hasImpact { cells.append(planCell(action.impact)) }
            cells.append(WordBody.Cell(action.indicators.joined(separator: "; ")))
            rows.append(WordBody.Row(cells: cells))
        }
        body.table(
            headings: headings, rows: rows, widths: widths, title: "\(plan.title): actions",
            description: "Every action of the plan with its owner, due date, status and progress rating in words, by area.")
    }

    /// The plan's summary, as an Ofsted (ILACS) plan prints it: each area's Activity RAG and Impact RAG in words on
    /// the key's colours, and how its impact will be monitored and measured.
    static func areaSummaryTable(_ plan: ReportPlan, into body: inout WordBody) {
        guard !plan.areas.isEmpty else { return }
        let rows = plan.areas.map { area in
            WordBody.Row(cells: [WordBody.Cell(area.area), planCell(area.activity), planCell(area.impact), WordBody.Cell(area.measures ?? "")])
        }
        body.table(
            headings: [WordBody.Cell("Area"), WordBody.Cell("Activity"), WordBody.Cell("Impact"), WordBody.Cell("How we will monitor and measure impact")],
            rows: rows, widths: [3, 1.6, 1.6, 3], title: "\(plan.title): activity and impact by area",
            description: "Each area's activity and impact ratings in words, and how its impact will be monitored and measured.")
        body.paragraph("")
    }
}
