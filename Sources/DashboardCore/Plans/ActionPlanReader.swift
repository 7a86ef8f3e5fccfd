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
    /// against `indicatorIDs`.
    public static func read(
        _ records: [CSVRecord], file: String, source: ActionPlanSource, indicatorIDs: [String]
    ) -> (ActionPlan?, Diagnostics) {
        var diagnostics = Diagnostics()
        let rows = records.filter { !$0.isBlank }
        guard let header = rows.first else {
            diagnostics.error(
                "the action plan has no header row: its first line names the columns (ref, area, action, owner, due, status, rating…)",
                at: SourceLocation(file: file, line: 1, column: 1))
            return (nil, diagnostics)
        }
        var columns: [Column: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            let at = SourceLocation(file: file, line: field.line, column: field.column)
            let name = normalised(field.text)
            if name.isEmpty {
                if rows.dropFirst().contains(where: { index < $0.fields.count && !$0.fields[index].text.trimmingSpaces.isEmpty }) {
                    diagnostics.warning("this column has no heading, so it is not read; name it (ref, area, action, owner, due, status, rating…)", at: at)
                }
                continue
            }
            guard let column = Column.names[name] else {
                let hint = Diagnostic.suggestion(for: field.text.trimmingSpaces.lowercased(), among: Column.allCases.map(\.heading)).map { "; \($0)" } ?? ""
                diagnostics.warning(
                    "the column '\(field.text.trimmingSpaces)' is not an action plan column, so it is not read (ref, area, action, owner, due, status, rating, impact rating, evidence, impact measures, indicators)\(hint)",
                    at: at)
                continue
            }
            if let earlier = columns[column] {
                diagnostics.error("the column \(column.heading) is given twice (first in column \(header.fields[earlier].column)); keep one", at: at)
                continue
            }
            columns[column] = index
        }
        for required in [Column.ref, .action] where columns[required] == nil {
            diagnostics.error("the action plan has no \(required.heading) column", at: SourceLocation(file: file, line: header.line, column: 1))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }

        let key = source.key.key
        let known = Set(indicatorIDs)
        var actions: [PlanAction] = []
        var refs: [String: Int] = [:]
        for record in rows.dropFirst() where !record.unreadable {
            func field(_ column: Column) -> CSVField? {
                guard let index = columns[column], index < record.fields.count else { return nil }
                return record.fields[index]
            }
            func text(_ column: Column) -> String? {
                guard let value = field(column)?.text.trimmingSpaces, !value.isEmpty else { return nil }
                return value
            }
            func location(_ column: Column) -> SourceLocation {
                let f = field(column)
                return SourceLocation(file: file, line: f?.line ?? record.line, column: f?.column ?? 1)
            }
            if record.fields.count > header.fields.count,
                let extra = record.fields[header.fields.count...].first(where: { !$0.text.trimmingSpaces.isEmpty })
            {
                diagnostics.warning("this cell is beyond the header's columns, so it is not read", at: SourceLocation(file: file, line: extra.line, column: extra.column))
            }
            guard let ref = text(.ref) else {
                diagnostics.error("this action has no ref: each action has a reference, such as 1.4", at: location(.ref))
                continue
            }
            if let line = refs[ref] {
                diagnostics.error("the action \(ref) is given twice (first on line \(line)); each ref names one action", at: location(.ref))
                continue
            }
            refs[ref] = record.line
            guard let actionText = text(.action) else {
                diagnostics.error("the action \(ref) has no action: say what will be done", at: location(.action))
                continue
            }
            func status(_ column: Column) -> RAGStatus? {
                guard let value = text(column) else { return nil }
                if let found = key.status(named: value) { return found }
                let hint = Diagnostic.suggestion(for: value, among: key.names).map { "; \($0)" } ?? ""
                diagnostics.error(
                    "'\(value)' is not a status of the action plan's key (\(key.names.map { "'\($0)'" }.joined(separator: ", ")))\(hint)",
                    at: location(column))
                return nil
            }
            var indicators: [String] = []
            if let list = text(.indicators) {
                for id in list.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\n" }).map(String.init) {
                    if known.contains(id) {
                        if !indicators.contains(id) { indicators.append(id) }
                    } else {
                        let hint = Diagnostic.suggestion(for: id, among: indicatorIDs).map { "; \($0)" } ?? ""
                        diagnostics.error("the action \(ref) names the indicator '\(id)', which this dashboard does not have\(hint)", at: location(.indicators))
                    }
                }
            }
            actions.append(
                PlanAction(
                    ref: ref, area: text(.area), action: actionText, owner: text(.owner), due: text(.due).map(DueDate.read),
                    status: text(.status), rating: status(.rating), impact: status(.impact), evidence: text(.evidence),
                    impactMeasures: text(.impactMeasures), indicators: indicators,
                    location: SourceLocation(file: file, line: record.line, column: 1)))
        }
        if actions.isEmpty, !diagnostics.hasErrors {
            diagnostics.warning("the action plan has no actions: it has a header row only", at: SourceLocation(file: file, line: header.line, column: 1))
        }
        let plan = ActionPlan(title: source.title, key: source.key, note: source.note, actions: actions, file: source.file)
        return (diagnostics.hasErrors ? nil : plan, diagnostics)
    }
}
