extension ActionPlanReader {
    /// The columns a plan's header row names: each heading matched as the packs print it, an unknown heading or an
    /// unheaded column with cells under it said (never silently left out), a column given twice an error.
    enum Columns {
        static func read(_ header: CSVRecord, rows: [CSVRecord], file: String, diagnostics: inout Diagnostics) -> [Column: Int] {
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
            return columns
        }
    }

    /// A status of the plan's key by its name (or unique initial), or an error at its cell naming the key's statuses.
    static func status(_ value: String?, key: RAGKey, at location: SourceLocation, diagnostics: inout Diagnostics) -> RAGStatus? {
        guard let value else { return nil }
        if let found = key.status(named: value) { return found }
        let hint = Diagnostic.suggestion(for: value, among: key.names).map { "; \($0)" } ?? ""
        diagnostics.error(
            "'\(value)' is not a status of the action plan's key (\(key.names.map { "'\($0)'" }.joined(separator: ", ")))\(hint)", at: location)
        return nil
    }
}
