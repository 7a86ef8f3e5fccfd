/// Reads an action plan's per-area summary (`action_plan: {summary: …}`), as an Ofsted (ILACS) plan prints one:
/// a header row, then one area a row with its Activity RAG, its Impact RAG and how the impact will be monitored
/// and measured.
///
/// Columns, in any order and named as the packs print them: `area` (area for improvement, priority, focus area),
/// `rating` (activity RAG, progress), `impact rating` (impact RAG) and `impact measures` (how we will monitor and
/// measure impact). `area` is required and names an area of the plan's actions; any other column is said, not read.
public enum PlanSummaryReader {
    static let used: [ActionPlanReader.Column] = [.area, .rating, .impact, .impactMeasures]

    public static func read(_ records: [CSVRecord], file: String, key: PlanKey, areas: [String]) -> ([AreaSummary], Diagnostics) {
        var diagnostics = Diagnostics()
        var rows = records.filter { !$0.isBlank }
        while rows.count > 1, rows[0].fields.filter({ !$0.text.trimmingSpaces.isEmpty }).count <= 1 { rows.removeFirst() }
        guard let header = rows.first else {
            diagnostics.error(
                "the action plan's summary has no header row: its first line names the columns (area for improvement, activity RAG, impact RAG, how we will monitor and measure impact)",
                at: SourceLocation(file: file, line: 1, column: 1))
            return ([], diagnostics)
        }
        var columns = ActionPlanReader.Columns.read(header, rows: rows, file: file, diagnostics: &diagnostics)
        for (column, index) in columns where !used.contains(column) {
            let field = header.fields[index]
            diagnostics.warning(
                "the column '\(field.text.trimmingSpaces)' is an action's, not a column of the plan's summary, so it is not read (area, activity RAG, impact RAG, how we will monitor and measure impact)",
                at: SourceLocation(file: file, line: field.line, column: field.column))
            columns[column] = nil
        }
        guard columns[.area] != nil else {
            diagnostics.error("the action plan's summary has no area column (area for improvement)", at: SourceLocation(file: file, line: header.line, column: 1))
            return ([], diagnostics)
        }
        if diagnostics.hasErrors { return ([], diagnostics) }
        var summary: [AreaSummary] = []
        for record in rows.dropFirst() where !record.unreadable {
            func cell(_ column: ActionPlanReader.Column) -> (text: String?, at: SourceLocation) {
                guard let index = columns[column], index < record.fields.count else { return (nil, SourceLocation(file: file, line: record.line, column: 1)) }
                let field = record.fields[index]
                let text = field.text.trimmingSpaces
                return (text.isEmpty ? nil : text, SourceLocation(file: file, line: field.line, column: field.column))
            }
            if record.fields.count > header.fields.count,
                let extra = record.fields[header.fields.count...].first(where: { !$0.text.trimmingSpaces.isEmpty })
            {
                diagnostics.warning("this cell is beyond the header's columns, so it is not read", at: SourceLocation(file: file, line: extra.line, column: extra.column))
            }
            let (written, at) = cell(.area)
            guard let written else {
                diagnostics.error("this row of the plan's summary names no area: say which area for improvement it rates", at: at)
                continue
            }
            guard let area = match(written, among: areas, at: at, diagnostics: &diagnostics) else { continue }
            if let earlier = summary.first(where: { $0.area == area }) {
                diagnostics.error("the area '\(area)' is summarised twice (first on line \(earlier.location.line)); keep one row", at: at)
                continue
            }
            let activity = cell(.rating), impact = cell(.impact)
            summary.append(
                AreaSummary(
                    area: area,
                    activity: ActionPlanReader.status(activity.text, key: key.key, at: activity.at, diagnostics: &diagnostics),
                    impact: ActionPlanReader.status(impact.text, key: key.key, at: impact.at, diagnostics: &diagnostics),
                    measures: cell(.impactMeasures).text, location: SourceLocation(file: file, line: record.line, column: 1)))
        }
        if summary.isEmpty, !diagnostics.hasErrors {
            diagnostics.warning("the action plan's summary has no rows: it has a header row only", at: SourceLocation(file: file, line: header.line, column: 1))
        }
        return (summary, diagnostics)
    }

    /// The plan's area a summary row names, matched without case, spaces or punctuation; else an error with the nearest.
    static func match(_ written: String, among areas: [String], at location: SourceLocation, diagnostics: inout Diagnostics) -> String? {
        let wanted = ActionPlanReader.normalised(written)
        if let area = areas.first(where: { ActionPlanReader.normalised($0) == wanted }) { return area }
        let hint = Diagnostic.suggestion(for: written, among: areas).map { "; \($0)" } ?? ""
        let listed = areas.isEmpty ? "the plan's actions name no areas" : "its areas: \(areas.map { "'\($0)'" }.joined(separator: ", "))"
        diagnostics.error("the summary names the area '\(written)', which no action of the plan is in (\(listed))\(hint)", at: location)
        return nil
    }
}
