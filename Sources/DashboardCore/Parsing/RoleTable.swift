/// Reads a sheet mapped with role columns (`columns: {indicator: A, polarity: B, target: C}`): each row is an
/// indicator with its details beside its figures, every column that has no role is a period, and (with
/// `sections: rows`) a row with only its indicator cell filled starts a section.
///
/// Nothing in the table is passed over: a cell is a heading, a role, a figure or a section's label, or it is
/// reported at its cell.
public enum RoleTable {
    /// A cell's text and where it is.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var location: SourceLocation
    }

    /// One indicator row: its name, its role cells (only those filled) and its figures.
    public struct Row: Sendable {
        public var roles: [DataMapping.ColumnRole: Cell]
        /// The figures, their indicator named as the row names it until the dashboard's definition says its id.
        public var records: [ObservationRecord]
        /// The section row above it, by index into `Table.sections`; nil before the first.
        public var section: Int?
        public var location: SourceLocation

        /// The indicator's title (the indicator column), or its id where only that is given.
        public var name: String { roles[.indicator]?.text ?? roles[.id]?.text ?? "" }
    }

    public struct Table: Sendable {
        public var file: String
        public var rows: [Row] = []
        public var sections: [Cell] = []
        /// The latest period heading a column: the period the sheet's commentary and RAG cells speak of.
        public var latestPeriod: Period?
        public var diagnostics = Diagnostics()
    }

    /// Reads `records` (a sheet's rows, each field at its cell) as `mapping` says; `merged` are the sheet's
    /// merged ranges, whose top-left heading heads every column they span.
    public static func read(_ records: [CSVRecord], mapping: DataMapping, merged: [CellRange] = [], file: String) -> Table {
        var table = Table(file: file)
        let (_, rows) = splitTitles(records)
        let heading = Array(rows.prefix(mapping.headerRows))
        let body = rows.dropFirst(heading.count)
        guard let lowest = heading.last else {
            table.diagnostics.error("the mapped table is empty", at: SourceLocation(file: file))
            return table
        }
        let roleOf = Dictionary(uniqueKeysWithValues: mapping.columns.map { ($0.value, $0.key) })
        let skipped = mapping.skippedColumns
        // Every column any row fills, in order.
        let columns = Set(records.flatMap { $0.fields.filter { !$0.text.trimmingSpaces.isEmpty }.map(\.column) }).subtracting(skipped).sorted()
        let headings = composeHeadings(heading, merged: merged, columns: columns, breaks: Set(roleOf.keys))
        let periods = periodColumns(
            columns.filter { roleOf[$0] == nil }, headings: headings, body: body, headingLine: lowest.line, file: file,
            diagnostics: &table.diagnostics)
        if periods.isEmpty, table.diagnostics.isEmpty {
            table.diagnostics.error(
                "no column of the mapped table is headed by a period", at: SourceLocation(file: file, line: lowest.line, column: lowest.fields.first?.column ?? 1))
        }
        table.latestPeriod = periods.values.map(\.period).max()
        readRows(body, periods: periods, roleOf: roleOf, mapping: mapping, into: &table)
        return table
    }

    /// Period columns: each column without a role, headed by its heading rows together; an unheaded column with
    /// cells, a heading that is not a period, and a period heading two columns are each said at their cell.
    static func periodColumns(
        _ columns: [Int], headings: [Int: [String]], body: ArraySlice<CSVRecord>, headingLine: Int, file: String,
        diagnostics: inout Diagnostics
    ) -> [Int: (period: Period, written: String?)] {
        var periods: [Int: (period: Period, written: String?)] = [:]
        var firstColumn: [Period: Int] = [:]
        for column in columns {
            let parts = headings[column] ?? []
            let headingAt = SourceLocation(file: file, line: headingLine, column: column)
            if parts.isEmpty {
                if let cell = body.lazy.compactMap({ $0.fields.first { $0.column == column && !$0.text.trimmingSpaces.isEmpty } }).first {
                    diagnostics.error(
                        "this cell is under a column with no heading and no role; head it with its period, give the column a role under columns:, or list it under skip:",
                        at: SourceLocation(file: file, line: cell.line, column: cell.column))
                }
                continue
            }
            switch period(parts) {
            case .success(let value):
                if let other = firstColumn[value.period] {
                    diagnostics.error("the period \(value.period.label) heads two columns (also column \(CellAddress.columnName(other)))", at: headingAt)
                    continue
                }
                firstColumn[value.period] = column
                periods[column] = value
            case .failure(let failure):
                let roles = DataMapping.ColumnRole.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.error(
                    "'\(parts.joined(separator: " "))' heads this column, but it is not a period and the column has no role: \(failure.message); give it a role under columns: (\(roles)), list it under skip:, or head it with its period",
                    at: headingAt)
            }
        }
        return periods
    }

    /// The table's rows below its headings: section rows, indicator rows and their figures by period column.
    static func readRows(
        _ body: ArraySlice<CSVRecord>, periods: [Int: (period: Period, written: String?)],
        roleOf: [Int: DataMapping.ColumnRole], mapping: DataMapping, into table: inout Table
    ) {
        let file = table.file
        let skipped = mapping.skippedColumns
        func at(_ field: CSVField) -> SourceLocation { SourceLocation(file: file, line: field.line, column: field.column) }
        var section: Int?
        for record in body {
            var roles: [DataMapping.ColumnRole: Cell] = [:]
            var figures: [CSVField] = []
            for field in record.fields where !field.text.trimmingSpaces.isEmpty && !skipped.contains(field.column) {
                if let role = roleOf[field.column] {
                    roles[role] = Cell(text: field.text.trimmingSpaces, location: at(field))
                } else if periods[field.column] != nil {
                    figures.append(field)
                }
            }
            let location = SourceLocation(file: file, line: record.line, column: mapping.columns[.indicator] ?? mapping.columns[.id] ?? 1)
            guard roles[.indicator] != nil || roles[.id] != nil else {
                if let first = record.fields.first(where: { !$0.text.trimmingSpaces.isEmpty && !skipped.contains($0.column) }) {
                    table.diagnostics.error("this row has no indicator in its indicator column (\(CellAddress.columnName(location.column)))", at: at(first))
                }
                continue
            }
            if figures.isEmpty, roles.count == 1 {
                let label = roles.values.first!
                if mapping.sectionRows {
                    table.sections.append(label)
                    section = table.sections.count - 1
                } else {
                    table.diagnostics.error(
                        "this row has only a label ('\(label.text)') and no figures: to make such rows sections of the dashboard, add sections: rows to its data: entry",
                        at: label.location)
                }
                continue
            }
            var row = Row(roles: roles, records: [], section: section, location: location)
            for field in figures {
                let (period, written) = periods[field.column]!
                guard let figure = ObservationTable.parseFigure(field, file: file, diagnostics: &table.diagnostics) else { continue }
                row.records.append(
                    ObservationRecord(
                        indicator: row.name, indicatorLocation: location, period: period, periodLabel: written, figure: figure,
                        valueLocation: at(field), numerator: nil, denominator: nil, note: nil))
            }
            table.rows.append(row)
        }
    }

    /// The title rows above a table (leading rows with at most one filled cell, above a row with more) and the
    /// table's rows, blank rows left out.
    public static func splitTitles(_ records: [CSVRecord]) -> (titles: [CSVRecord], rows: [CSVRecord]) {
        func filledCount(_ record: CSVRecord) -> Int { record.fields.filter { !$0.text.trimmingSpaces.isEmpty }.count }
        var rows = records.filter { !$0.isBlank }[...]
        var titles: [CSVRecord] = []
        if rows.contains(where: { filledCount($0) >= 2 }) {
            while let first = rows.first, filledCount(first) <= 1 {
                titles.append(first)
                rows = rows.dropFirst()
            }
        }
        return (titles, Array(rows))
    }

    /// Each column's heading, its parts from the top heading row down: a merged heading heads every column (and
    /// row) it spans, and an empty upper heading continues the one to its left, as a merge does, except across
    /// the columns in `breaks` (role columns).
    public static func composeHeadings(_ heading: [CSVRecord], merged: [CellRange], columns: [Int], breaks: Set<Int> = []) -> [Int: [String]] {
        var texts: [Int: [Int: String]] = [:]
        for row in heading {
            for field in row.fields where !field.text.trimmingSpaces.isEmpty { texts[row.line, default: [:]][field.column] = field.text.trimmingSpaces }
        }
        func headingText(row: Int, column: Int) -> String {
            if let text = texts[row]?[column] { return text }
            if let range = merged.first(where: { $0.contains(CellAddress(row: row, column: column)) }) {
                return texts[range.first.row]?[range.first.column] ?? ""
            }
            return ""
        }
        var result: [Int: [String]] = [:]
        var carry: [Int: String] = [:]
        var previous: Int?
        for column in columns {
            var parts: [String] = []
            for (index, row) in heading.enumerated() {
                var text = headingText(row: row.line, column: column)
                if index < heading.count - 1, !breaks.contains(column) {
                    let continues = previous.map { !breaks.contains($0) } ?? false
                    if text.isEmpty, continues { text = carry[index] ?? "" } else { carry[index] = text }
                }
                if !text.isEmpty, parts.last != text { parts.append(text) }
            }
            if breaks.contains(column) { carry = [:] }
            previous = column
            result[column] = parts
        }
        return result
    }

    /// The period a column's heading parts name: joined by spaces ("2020/21" over "Q1" is 2020/21 Q1), or the
    /// lowest part alone where it names its own year ("2019/20" over "Q1 19/20").
    public static func period(_ parts: [String]) -> Result<(period: Period, written: String?), PeriodParser.Failure> {
        let joined = PeriodParser.parseWritten(parts.joined(separator: " "))
        if case .failure = joined, parts.count > 1, case .success(let alone) = PeriodParser.parseWritten(parts.last!) { return .success(alone) }
        return joined
    }
}
