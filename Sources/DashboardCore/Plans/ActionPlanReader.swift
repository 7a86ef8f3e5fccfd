/// Reads an action plan's CSV (or TSV): a header row naming its columns, then one action a row.
///
/// Columns, in any order, named as the packs print them (case, spaces and punctuation do not matter):
/// `ref` (reference), `area` (priority, focus area, area for improvement), `action` (actions), `owner` (lead,
/// action owner), `due` (due by, due date, completion date), `status`, `rating` (progress, BRAG rating, RAG,
/// activity RAG), `impact rating` (impact RAG), `evidence`, `impact measures` (how we will monitor and measure
/// impact) and `indicators`. `ref` and `action` are required; a column of any other name is said, not used.
public enum ActionPlanReader {
    enum Column: String, CaseIterable {
        case ref, area, action, owner, due, status, rating, impact, evidence, impactMeasures, indicators

        static let names: [String: Column] = [
            "ref": .ref, "reference": .ref, "no": .ref, "number": .ref,
            "area": .area, "priority": .area, "focusarea": .area, "areaforimprovement": .area, "areaofimprovement": .area,
            "action": .action, "actions": .action,
            "owner": .owner, "lead": .owner, "actionowner": .owner, "responsibleofficer": .owner,
            "due": .due, "dueby": .due, "duedate": .due, "completiondate": .due, "deadline": .due, "timescale": .due,
            "status": .status,
            "rating": .rating, "progress": .rating, "bragrating": .rating, "brag": .rating, "ragrating": .rating, "rag": .rating,
            "activityrag": .rating, "progressrating": .rating,
            "impactrating": .impact, "impactrag": .impact, "impact": .impact,
            "evidence": .evidence,
            "impactmeasures": .impactMeasures, "howwewillmonitorandmeasureimpact": .impactMeasures, "measuresofimpact": .impactMeasures,
            "indicators": .indicators, "indicator": .indicators, "kpis": .indicators,
        ]

        var heading: String {
            switch self {
            case .impact: return "impact rating"
            case .impactMeasures: return "impact measures"
            default: return rawValue
            }
        }
    }

    static func normalised(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// The plan in `records` (read from `file`), its statuses checked against `source`'s key and its indicator ids
    /// against `indicatorIDs`. Rows above the header with at most one filled cell are the plan's title; in a plan
    /// with no area column, a row whose only filled cell has words is the heading of the area whose actions follow.
    public static func read(
        _ records: [CSVRecord], file: String, source: ActionPlanSource, indicatorIDs: [String]
    ) -> (ActionPlan?, Diagnostics) {
        var diagnostics = Diagnostics()
        var rows = records.filter { !$0.isBlank }
        // A title above the table, as a sheet has one: never read as headings.
        while rows.count > 1, rows[0].fields.filter({ !$0.text.trimmingSpaces.isEmpty }).count <= 1 { rows.removeFirst() }
        guard let header = rows.first else {
            diagnostics.error(
                "the action plan has no header row: its first line names the columns (ref, area, action, owner, due, status, rating…)",
                at: SourceLocation(file: file, line: 1, column: 1))
            return (nil, diagnostics)
        }
        let columns = Columns.read(header, rows: rows, file: file, diagnostics: &diagnostics)
        for required in [Column.ref, .action] where columns[required] == nil {
            diagnostics.error("the action plan has no \(required.heading) column", at: SourceLocation(file: file, line: header.line, column: 1))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var reader = Rows(columns: columns, header: header, file: file, key: source.key.key, indicatorIDs: indicatorIDs)
        for record in rows.dropFirst() where !record.unreadable { reader.read(record, diagnostics: &diagnostics) }
        if reader.actions.isEmpty, !diagnostics.hasErrors {
            diagnostics.warning("the action plan has no actions: it has a header row only", at: SourceLocation(file: file, line: header.line, column: 1))
        }
        let plan = ActionPlan(title: source.title, key: source.key, note: source.note, actions: reader.actions, file: source.file)
        return (diagnostics.hasErrors ? nil : plan, diagnostics)
    }
}
