import DashboardCore
import Foundation

/// Reads a range of a sheet as rows of text fields, each at its cell, for the same table reader as CSV files.
///
/// A cell's text is what Excel shows, so a figure keeps the meaning its format gives it: `0.0%` over 0.949 is
/// `94.9%`, `#,##0` over 1074 is `1074`, a date is a date (a cell showing only month and year names the month).
/// General numbers keep up to 15 significant digits, the most a figure may have. An error a formula left
/// (`#N/A`, `#DIV/0!`) is read as a gap, "not available", with the error named, and warned about at its cell.
public enum SheetTable {
    /// The most fields one mapped table may make (its filled rows times its filled columns).
    public static let maximumFields = 4_000_000

    /// The records of a range: only rows and columns that hold a filled cell are made, so the cost follows the
    /// filled cells, never the range's size. An open-ended range (`A3:`, `A3:F`) is cut to the filled cells; a
    /// closed one is checked for filled cells just beside it (a new quarter's column, a new row), each an error.
    public static func records(
        _ sheet: Sheet, workbook: Workbook, range given: CellRange?, file: String, table: String? = nil,
        maximumFields: Int = SheetTable.maximumFields
    ) -> (records: [CSVRecord], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let used = sheet.usedRange else {
            diagnostics.error("the sheet '\(sheet.name)' is empty", at: SourceLocation(file: file))
            return ([], diagnostics)
        }
        let range = given ?? used
        var skippedRows: Set<Int> = [], skippedColumns: Set<Int> = []
        var byRow: [Int: [(column: Int, value: CellValue)]] = [:]
        var columns: Set<Int> = []
        var besideColumn: [CellAddress] = [], besideRow: [CellAddress] = []
        for (address, value) in sheet.cells {
            guard range.contains(address) else {
                if let given, isFilled(value) {
                    if address.column == given.last.column + 1, given.first.row...given.last.row ~= address.row { besideColumn.append(address) }
                    if address.row == given.last.row + 1, given.first.column...given.last.column ~= address.column { besideRow.append(address) }
                }
                continue
            }
            // Hidden rows and columns are read only where a range names them.
            if given == nil, sheet.hiddenRows.contains(address.row) {
                skippedRows.insert(address.row)
                continue
            }
            if given == nil, sheet.hiddenColumns.contains(address.column) {
                skippedColumns.insert(address.column)
                continue
            }
            byRow[address.row, default: []].append((address.column, value))
            columns.insert(address.column)
        }
        if let given { besideDiagnostics(besideColumn, besideRow, range: given, file: file, table: table, into: &diagnostics) }
        let rows = byRow.keys.sorted()
        let order = columns.sorted()
        if rows.count * order.count > maximumFields {
            diagnostics.error(
                "the mapped cells of the sheet '\(sheet.name)' spread over \(rows.count) rows and \(order.count) columns, more than the \(maximumFields) cells a table may have; map the table's range (range: A3:F40)",
                at: SourceLocation(file: file))
            return ([], diagnostics)
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        var records: [CSVRecord] = []
        var dashCells: [CellAddress] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            var fields = order.map { CSVField(text: "", line: row, column: $0) }
            for (column, value) in byRow[row]! {
                var text: String
                switch value {
                case .error(let code):
                    text = "Not available (Excel error \(code))"
                    diagnostics.warning(
                        "this cell holds Excel's error \(code), read as a gap (not available); correct the formula, or write n/a if there is no figure",
                        at: SourceLocation(file: file, line: row, column: column))
                case .text(let typed) where dashes.contains(typed.trimmingCharacters(in: " ")):
                    // A gap, "no figure", as a dash is in a CSV file; said once for the sheet, so it is not silent.
                    text = typed
                    dashCells.append(CellAddress(row: row, column: column))
                default:
                    text = displayText(value, workbook: workbook)
                }
                fields[position[column]!].text = text
            }
            records.append(CSVRecord(fields: fields, line: row))
        }
        leftOutDiagnostics(dashCells: dashCells, hiddenRows: skippedRows, hiddenColumns: skippedColumns, file: file, into: &diagnostics)
        return (records, diagnostics)
    }

    /// Filled cells just beside a closed range (a new quarter's column, a new row): one error for each side.
    static func besideDiagnostics(
        _ besideColumn: [CellAddress], _ besideRow: [CellAddress], range given: CellRange, file: String, table: String?,
        into diagnostics: inout Diagnostics
    ) {
        let mapped = DataMapping.rangeText(given)
        for (cells, what) in [(besideColumn, "column"), (besideRow, "row")] where !cells.isEmpty {
            let sorted = cells.sorted()
            let first = sorted[0]
            let line = what == "column" ? CellAddress.columnName(first.column) : String(first.row)
            let more = sorted.count > 1 ? " (and \(sorted.count - 1) more in \(what) \(line))" : ""
            let open = what == "column" ? "\(given.first):" : "\(given.first):\(CellAddress.columnName(given.last.column))"
            let message =
                table.map {
                    "a filled cell beside the table '\($0)' (\(mapped))\(more): resize the table to take it in (in Excel, Table Design > Resize Table), or leave an empty \(what) between"
                } ?? "a filled cell beside the mapped range \(mapped)\(more): widen the range or use an open-ended range (range: \"\(open)\")"
            diagnostics.error(message, at: SourceLocation(file: file, line: first.row, column: first.column))
        }
    }

    /// Cells read as gaps for holding only a dash, and hidden rows and columns not read: each said once.
    static func leftOutDiagnostics(
        dashCells: [CellAddress], hiddenRows skippedRows: Set<Int>, hiddenColumns skippedColumns: Set<Int>, file: String,
        into diagnostics: inout Diagnostics
    ) {
        if let first = dashCells.first {
            let more =
                dashCells.count > 1
                ? " (and \(dashCells.count - 1) more: \(dashCells.dropFirst().prefix(8).map(\.description).joined(separator: ", "))\(dashCells.count > 9 ? " …" : ""))" : ""
            diagnostics.warning(
                "this cell holds only a dash\(more), read as a gap (no figure); write n/a, x or c to say why there is no figure, or the figure",
                at: SourceLocation(file: file, line: first.row, column: first.column))
        }
        if !skippedRows.isEmpty {
            let list = skippedRows.sorted()
            diagnostics.warning(
                "hidden \(list.count == 1 ? "row" : "rows") \(list.map(String.init).joined(separator: ", ")) of the sheet \(list.count == 1 ? "is" : "are") not read; to read \(list.count == 1 ? "it" : "them"), unhide \(list.count == 1 ? "it" : "them") or give range: in the data: entry",
                at: SourceLocation(file: file))
        }
        if !skippedColumns.isEmpty {
            let list = skippedColumns.sorted()
            diagnostics.warning(
                "hidden \(list.count == 1 ? "column" : "columns") \(list.map(CellAddress.columnName).joined(separator: ", ")) of the sheet \(list.count == 1 ? "is" : "are") not read; unhide or give range: in the data: entry to read \(list.count == 1 ? "it" : "them")",
                at: SourceLocation(file: file))
        }
    }

    /// A hyphen, an en dash and an em dash: a cell of only one of these is a gap, as in CSV files.
    static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}"]

    /// Whether a cell says something (an empty text is not a figure left out).
    static func isFilled(_ value: CellValue) -> Bool {
        if case .text(let text) = value { return !text.trimmingCharacters(in: " ").isEmpty }
        return true
    }

    /// The text Excel shows for a value (errors aside).
    public static func displayText(_ value: CellValue, workbook: Workbook) -> String {
        switch value {
        case .text(let text): return text
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code): return code
        case .number(let number, let format):
            switch format.kind {
            case .general, .text: return general(number)
            case .fixed(let decimals): return String(format: "%.\(decimals)f", number)
            case .percent(let decimals): return String(format: "%.\(decimals)f%%", number * 100)
            case .date(let day, let month):
                guard let date = workbook.date(serial: number) else { return general(number) }
                let year = String(format: "%04d", date.year)
                if day { return "\(year)-\(String(format: "%02d", date.month))-\(String(format: "%02d", date.day))" }
                if month { return "\(CivilDate.monthNames[date.month - 1]) \(year)" }
                return year
            }
        }
    }

    /// Up to 15 significant digits, without a trailing `.0` or an exponent for everyday magnitudes.
    static func general(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let rounded = Double(String(format: "%.15g", number)) ?? number
        var text = String(format: "%.15f", rounded)
        if abs(rounded) >= 1e-6 {
            // Shortest decimal that reads back as the rounded value.
            text = "\(rounded)"
            if text.contains("e") { text = String(format: "%.15f", rounded) }
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
