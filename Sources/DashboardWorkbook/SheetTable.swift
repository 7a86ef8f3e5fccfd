import DashboardCore
import Foundation

/// Reads a range of a sheet as rows of text fields, each at its cell, for the same table reader as CSV files.
///
/// A cell's text is what Excel shows, so a figure keeps the meaning its format gives it: `0.0%` over 0.949 is
/// `94.9%`, `#,##0` over 1074 is `1074`, a date is a date (a cell showing only month and year names the month).
/// General numbers keep up to 15 significant digits, the most a figure may have. An error a formula left
/// (`#N/A`, `#DIV/0!`) is read as a gap, "not available", with the error named, and warned about at its cell.
public enum SheetTable {
    public static func records(_ sheet: Sheet, workbook: Workbook, range given: CellRange?, file: String) -> (records: [CSVRecord], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let range = given ?? sheet.usedRange else {
            diagnostics.error("the sheet '\(sheet.name)' is empty", at: SourceLocation(file: file))
            return ([], diagnostics)
        }
        var skippedRows: [Int] = [], skippedColumns: [Int] = []
        var records: [CSVRecord] = []
        for row in range.first.row...range.last.row {
            // Hidden rows and columns are read only where a range names them.
            if given == nil, sheet.hiddenRows.contains(row) {
                if (range.first.column...range.last.column).contains(where: { sheet.cells[CellAddress(row: row, column: $0)] != nil }) { skippedRows.append(row) }
                continue
            }
            var fields: [CSVField] = []
            for column in range.first.column...range.last.column {
                if given == nil, sheet.hiddenColumns.contains(column) {
                    if row == range.first.row { skippedColumns.append(column) }
                    continue
                }
                let address = CellAddress(row: row, column: column)
                var text = ""
                if let value = sheet.cells[address] {
                    switch value {
                    case .error(let code):
                        text = "Not available (Excel error \(code))"
                        diagnostics.warning(
                            "this cell holds Excel's error \(code), read as a gap (not available); correct the formula, or write n/a if there is no figure",
                            at: SourceLocation(file: file, line: row, column: column))
                    default:
                        text = displayText(value, workbook: workbook)
                    }
                }
                fields.append(CSVField(text: text, line: row, column: column))
            }
            records.append(CSVRecord(fields: fields, line: row))
        }
        if !skippedRows.isEmpty {
            diagnostics.warning(
                "hidden \(skippedRows.count == 1 ? "row" : "rows") \(skippedRows.map(String.init).joined(separator: ", ")) of the sheet \(skippedRows.count == 1 ? "is" : "are") not read; to read \(skippedRows.count == 1 ? "it" : "them"), unhide \(skippedRows.count == 1 ? "it" : "them") or give range: in the data: entry",
                at: SourceLocation(file: file))
        }
        let hiddenFilled = skippedColumns.filter { column in (range.first.row...range.last.row).contains { sheet.cells[CellAddress(row: $0, column: column)] != nil } }
        if !hiddenFilled.isEmpty {
            diagnostics.warning(
                "hidden \(hiddenFilled.count == 1 ? "column" : "columns") \(hiddenFilled.map(CellAddress.columnName).joined(separator: ", ")) of the sheet \(hiddenFilled.count == 1 ? "is" : "are") not read; unhide or give range: in the data: entry to read \(hiddenFilled.count == 1 ? "it" : "them")",
                at: SourceLocation(file: file))
        }
        return (records, diagnostics)
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
