import DashboardCore
import DashboardWorkbook

extension WorkbookStarter {
    /// A row of the sheet that holds an indicator: its title and figures as written.
    struct IndicatorRow {
        var line: Int
        var title: String
        var figures: [String]
        var unitGiven: Bool
    }

    /// One sheet looked over for `init --from`, a step at a time: its heading rows, the role of each column, the
    /// period columns, the indicator, section and note rows, then the dashboard.yml that maps it.
    struct SheetSurvey {
        let sheet: Sheet
        let workbook: Workbook
        let fileName: String
        let label: String
        let titles: [CSVRecord]
        let heading: [CSVRecord]
        let body: [CSVRecord]
        let columns: [Int]
        let firstColumn: Int
        var plan = Plan(yml: "")
        var roles: [DataMapping.ColumnRole: Int] = [:]
        var headingText: [Int: String] = [:]
        var periods: [Int: Period] = [:]
        var skipped: [Int] = []
        var indicators: [IndicatorRow] = []
        var sections: [(line: Int, title: String)] = []
        var notes: [(line: Int, title: String)] = []
        var headRow: Int { heading.first!.line }

        func cellName(_ row: Int, _ column: Int) -> String { CellAddress(row: row, column: column).description }
        func filled(_ record: CSVRecord) -> [CSVField] { record.fields.filter { !$0.text.trimmingSpaces.isEmpty } }
        func text(_ record: CSVRecord, _ column: Int) -> String { record.fields.first { $0.column == column }?.text.trimmingSpaces ?? "" }

        init(_ sheet: Sheet, workbook: Workbook, fileName: String, label: String) throws(Starter.Failure) {
            self.sheet = sheet
            self.workbook = workbook
            self.fileName = fileName
            self.label = label
            let file = "\(fileName)[\(sheet.name)]"
            // Every cell, hidden ones too, so that each is recognised or named.
            let (grid, _) = SheetTable.records(sheet, workbook: workbook, range: DataMapping.openEndedRange("A1:"), file: file)
            let (titles, rows) = RoleTable.splitTitles(grid)
            guard let top = rows.first else { throw .unreadable("\(label)[\(sheet.name)] has no table: no row has two filled cells") }
            func filled(_ record: CSVRecord) -> [CSVField] { record.fields.filter { !$0.text.trimmingSpaces.isEmpty } }
            let firstColumn = filled(top).map(\.column).min()!
            self.firstColumn = firstColumn
            func text(_ record: CSVRecord, _ column: Int) -> String { record.fields.first { $0.column == column }?.text.trimmingSpaces ?? "" }
            // The heading: the first row of the table, and the rows under it whose first cell is empty (or merged
            // down from the heading), up to six.
            var heading = [top]
            for record in rows.dropFirst() {
                guard heading.count < DataMapping.maximumHeaderRows, text(record, firstColumn).isEmpty else { break }
                heading.append(record)
            }
            self.heading = heading
            body = Array(rows.dropFirst(heading.count))
            columns = Set(rows.flatMap { filled($0).map(\.column) }).sorted()
            self.titles = titles
        }

        /// Roles first, by heading words; every other column is a period, or is named as not recognised.
        mutating func findRoles() {
            let plainHeadings = RoleTable.composeHeadings(heading, merged: sheet.merged, columns: columns, breaks: [])
            for column in columns {
                let parts = plainHeadings[column] ?? []
                headingText[column] = parts.joined(separator: " ")
                if let role = WorkbookStarter.role(of: parts.last ?? ""), roles[role] == nil, case .failure = RoleTable.period(parts) {
                    roles[role] = column
                }
            }
            if roles[.indicator] == nil { roles[.indicator] = firstColumn }
            if roles[.id] != nil {
                // Ids must be usable as file names; a reference code such as EH1 is not one, and is left out.
                let ids = body.map { text($0, roles[.id]!) }.filter { !$0.isEmpty }
                if !ids.allSatisfy({ Identifier.isValid($0) }) { roles[.id] = nil }
            }
        }

        /// The period columns: every column without a role headed by a period; the rest are left out by `skip:`.
        mutating func findPeriods() throws(Starter.Failure) {
            let roleColumns = Set(roles.values)
            let headings = RoleTable.composeHeadings(heading, merged: sheet.merged, columns: columns, breaks: roleColumns)
            for column in columns where !roleColumns.contains(column) {
                let parts = headings[column] ?? []
                let hidden = sheet.hiddenColumns.contains(column) ? ", hidden" : ""
                if !parts.isEmpty, !sheet.hiddenColumns.contains(column), case .success(let value) = RoleTable.period(parts) {
                    periods[column] = value.period
                } else {
                    skipped.append(column)
                    let what = parts.isEmpty ? "no heading" : "'\(parts.joined(separator: " "))'"
                    plan.notRecognised.append("\(cellName(headRow, column)) (\(what)\(hidden)): neither a period nor a column dashboards knows; left out with skip:")
                }
            }
            for role in roles.keys.sorted() {
                let column = roles[role]!
                let words = headingText[column].map { $0.isEmpty ? "" : " ('\($0)')" } ?? ""
                plan.recognised.append("\(cellName(headRow, column))\(words): the \(role.rawValue) column")
            }
            if let first = periods.keys.min(), let last = periods.keys.max() {
                let labels = periods.sorted { $0.key < $1.key }.map(\.value.label)
                plan.recognised.append(
                    "\(cellName(headRow, first)):\(cellName(heading.last!.line, last)): \(labels.count) period \(labels.count == 1 ? "column" : "columns") (\(labels.first!) to \(labels.last!))"
                )
            } else {
                throw .unreadable(
                    "\(label)[\(sheet.name)]: no column of the table headed at row \(headRow) is headed by a period (such as 2020/21 Q1, or 2020/21 merged over Q1 to Q4); --from reads a table with one column for each period"
                )
            }
            if roles[.polarity] == nil { plan.notRecognised.append("no polarity column: each indicator is written with polarity: none (information only); set high or low") }
        }

        /// Rows: indicators, section labels, and notes below the table.
        mutating func readRows() throws(Starter.Failure) {
            let indicatorColumn = roles[.indicator]!
            for record in body {
                let cells = filled(record).filter { !skipped.contains($0.column) }
                let title = text(record, indicatorColumn)
                if cells.isEmpty { continue }
                if title.isEmpty {
                    plan.notRecognised.append("row \(record.line): figures but no indicator in column \(CellAddress.columnName(indicatorColumn))")
                    continue
                }
                if cells.count == 1 {
                    sections.append((record.line, title))
                    continue
                }
                let figures = cells.filter { periods[$0.column] != nil }.map(\.text)
                indicators.append(IndicatorRow(line: record.line, title: title, figures: figures, unitGiven: roles[.unit].map { !text(record, $0).isEmpty } ?? false))
            }
            guard let lastIndicator = indicators.last?.line else {
                throw .unreadable("\(label)[\(sheet.name)]: no row under the heading has an indicator and figures")
            }
            // Label rows below the last indicator are notes under the table, not sections: the range stops above them.
            notes = sections.filter { $0.line > lastIndicator }
            sections.removeAll { $0.line > lastIndicator }
            for note in notes {
                plan.notRecognised.append("\(cellName(note.line, indicatorColumn)) ('\(note.title)'): a note below the table; the mapped range stops above it")
            }
            for section in sections { plan.recognised.append("\(cellName(section.line, indicatorColumn)) ('\(section.title)'): a section") }
            plan.indicators = indicators.count
            plan.recognised.append(
                "\(indicators.count) indicator \(indicators.count == 1 ? "row" : "rows") (\(CellAddress(row: indicators[0].line, column: indicatorColumn)) to \(CellAddress(row: lastIndicator, column: indicatorColumn)))"
            )
        }

        /// The range written into dashboard.yml: open-ended (quoted) from the heading, or where notes sit below the
        /// table, closed above them.
        var range: String {
            notes.isEmpty
                ? "\"\(CellAddress(row: headRow, column: firstColumn)):\""
                : CellRange(first: CellAddress(row: headRow, column: firstColumn), last: CellAddress(row: indicators.last!.line, column: columns.max()!))
                    .description
        }

        /// Ids from titles: unique, the same for the same sheet.
        var ids: [String] {
            var taken: Set<String> = []
            var ids: [String] = []
            for row in indicators {
                let base = Identifier.slug(row.title)
                var id = base
                var n = 2
                while taken.contains(id) {
                    id = "\(base.count > 76 ? String(base.prefix(76)) : base)-\(n)"
                    n += 1
                }
                taken.insert(id)
                ids.append(id)
            }
            return ids
        }

        /// The dashboard.yml text, each comment at one column so it reads as a table.
        mutating func yml(organisation: String) -> String {
            let lastIndicator = indicators.last!.line
            func line(_ text: String, _ comment: String? = nil) -> String {
                guard let comment else { return text + "\n" }
                return text + String(repeating: " ", count: max(1, 34 - text.count)) + "# " + comment + "\n"
            }
            let title = titles.first.flatMap { filled($0).first?.text.trimmingSpaces } ?? sheet.name
            var yml = line("# Made by `dashboards init --from \(fileName)` from its sheet '\(sheet.name)'. It maps the sheet as it")
            yml += line("# is: change the sheet, and the next build reads it. docs/data-format.md explains every key.")
            yml += line("title: \(Starter.yamlText(title))")
            yml += line("organisation: \(Starter.yamlText(organisation))")
            yml += "\ndata:\n"
            yml += line("  - file: \(Starter.yamlText(fileName))")
            // An Excel Table headed where the table is: mapped by its name, so it is read as it grows.
            let excelTable = (try? workbook.tables())?.first {
                $0.sheet == sheet.name && $0.ref.first == CellAddress(row: headRow, column: firstColumn) && heading.count == 1 && $0.body.last.row >= lastIndicator
            }
            if let excelTable {
                yml += line("    table: \(Starter.yamlText(excelTable.name))", "the Excel Table on '\(sheet.name)', read as it grows")
                plan.recognised.append("\(excelTable.ref): the Excel Table '\(excelTable.name)'")
            } else {
                yml += line("    sheet: \(Starter.yamlText(sheet.name))")
                yml += line("    range: \(range)", notes.isEmpty ? "from the heading down and right to the last filled cell" : "the table, without the notes below it")
            }
            yml += line("    header_rows: \(heading.count)", "rows that head the columns together")
            yml += line("    columns:", "what each column says of its row; every other column is a period")
            for role in roles.keys.sorted() {
                let column = roles[role]!
                yml += line("      \(role.rawValue): \(CellAddress.columnName(column))", headingText[column].flatMap { $0.isEmpty ? nil : "headed '\($0)'" })
            }
            if !skipped.isEmpty {
                let what = skipped.map { column in
                    (headingText[column].flatMap { $0.isEmpty ? nil : "'\($0)'" } ?? "no heading") + (sheet.hiddenColumns.contains(column) ? " (hidden)" : "")
                }
                yml += line("    skip: [\(skipped.map(CellAddress.columnName).joined(separator: ", "))]", "left out: \(what.joined(separator: ", "))")
            }
            if !sections.isEmpty { yml += line("    sections: rows", "a row with only a label starts a section") }
            yml += "\nindicators:\n"
            for (index, (row, id)) in zip(indicators, ids).enumerated() {
                let first = index == 0
                yml += line("  \(id):", first ? "the id, from the title: the page's file name" : nil)
                yml += line("    title: \(Starter.yamlText(row.title))")
                if !row.unitGiven {
                    yml += line(
                        "    unit: \(WorkbookStarter.guessUnit(title: row.title, figures: row.figures).rawValue)",
                        first ? "from its figures: percent, count, rate, ratio, currency, days or rank" : nil
                    )
                }
                if roles[.polarity] == nil { yml += line("    polarity: none", first ? "high or low where one way is better" : nil) }
            }
            return yml
        }
    }
}
