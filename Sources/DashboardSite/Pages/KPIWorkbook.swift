import DashboardCore
import Foundation

/// The KPI table as an Excel workbook (`kpi.xlsx` beside the dashboard's page): the same columns and words as
/// `kpi.csv`, with a header row, the figure and target as numbers in the unit's format (a percentage as a
/// percentage, pounds as pounds) and statuses as words. A minimal SpreadsheetML package: one sheet, inline
/// strings, a style for the header and one for each number format; the same table always gives the same bytes.
enum KPIWorkbook {
    static let file = "kpi.xlsx"

    enum Value {
        case text(String)
        case number(KPINumber)
    }

    static func rows(_ page: DashboardPage) -> [[Value]] {
        let names = KPIDownload.heading(page)
        // The figure and the target are written as numbers: their columns are found by heading, before the
        // comparators' (whose names are the officer's), so a column added to the table cannot misplace them.
        let figureColumn = names.firstIndex(of: "figure")
        let targetColumn = names.firstIndex(of: "target")
        var rows = [names.map(Value.text)]
        for section in page.sections {
            for row in section.rows {
                let fields = KPIDownload.fields(row, section: section.title, page: page)
                var values = fields.map(Value.text)
                if let figureColumn, let number = row.figureNumber { values[figureColumn] = .number(number) }
                if let targetColumn, let number = row.targetNumber { values[targetColumn] = .number(number) }
                rows.append(values)
            }
        }
        return rows
    }

    static func workbook(_ page: DashboardPage) throws -> [UInt8] {
        try package(sheet: "KPI table", rows: rows(page)).zipped()
    }

    /// The Excel number format a figure is shown with: "0.0%" for a percentage (its value divided by 100), "£#,##0"
    /// for money, "#,##0.0" otherwise.
    static func format(_ number: KPINumber) -> (code: String, value: Double) {
        let places = max(0, min(number.decimals, 10))
        let fraction = places == 0 ? "" : "." + String(repeating: "0", count: places)
        switch number.unit {
        case .percent:
            // Rounded to the places shown, so 26.4% is held as 0.264, not 0.26399999999999996.
            let scale = pow(10, Double(places + 2))
            return ("0" + fraction + "%", (number.value / 100 * scale).rounded() / scale)
        case .currency: return ("\"£\"#,##0" + fraction, number.value)
        case .count, .rate, .ratio, .days, .rank: return ("#,##0" + fraction, number.value)
        }
    }

    static func package(sheet name: String, rows: [[Value]]) -> OfficePackage {
        // Styles: 0 plain, 1 the header row (bold), then one for each number format in order of first use.
        var formats: [String] = []
        let cellsXML = cells(rows, formats: &formats)
        let sheet = worksheet(rows, cells: cellsXML)
        let styles = stylesheet(formats)
        let sheetName = Markup.escape(String(name.prefix(31)), for: .xmlAttribute)
        var package = OfficePackage()
        package.add(
            "[Content_Types].xml",
            header
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>")
        package.add(
            "_rels/.rels",
            header
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>")
        package.add(
            "xl/workbook.xml",
            header
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"\(sheetName)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        package.add(
            "xl/_rels/workbook.xml.rels",
            header
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>")
        package.add("xl/worksheets/sheet1.xml", sheet)
        package.add("xl/styles.xml", styles)
        return package
    }

    /// The rows as `<row>` elements: text inline (the header row bold), numbers with their unit's format.
    static func cells(_ rows: [[Value]], formats: inout [String]) -> String {
        var cellsXML = ""
        for (r, row) in rows.enumerated() {
            cellsXML += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                let ref = column(c) + String(r + 1)
                switch value {
                case .text(let text):
                    let style = r == 0 ? " s=\"1\"" : ""
                    cellsXML += "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Markup.escape(text, for: .xmlText))</t></is></c>"
                case .number(let number):
                    let (code, shown) = format(number)
                    let index =
                        formats.firstIndex(of: code)
                        ?? {
                            formats.append(code)
                            return formats.count - 1
                        }()
                    cellsXML += "<c r=\"\(ref)\" s=\"\(index + 2)\"><v>\(numeral(shown))</v></c>"
                }
            }
            cellsXML += "</row>"
        }
        return cellsXML
    }

    /// The worksheet: its extent, the header row frozen, columns as wide as their text (10 to 60 characters).
    static func worksheet(_ rows: [[Value]], cells cellsXML: String) -> String {
        let columns = rows.first?.count ?? 0
        let widths = (0..<columns).map { c -> String in
            let longest =
                rows.prefix(200).map { row -> Int in
                    guard c < row.count, case .text(let text) = row[c] else { return 10 }
                    return text.count
                }.max() ?? 10
            let width = Double(min(60, max(10, longest + 2)))
            return "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(Int(width))\" customWidth=\"1\"/>"
        }.joined()
        let lastCell = column(max(columns, 1) - 1) + String(max(rows.count, 1))
        return
            header
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<dimension ref=\"A1:\(lastCell)\"/>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + (widths.isEmpty ? "" : "<cols>\(widths)</cols>")
            + "<sheetData>\(cellsXML)</sheetData></worksheet>"
    }

    /// The styles: Arial, a bold header, and one cell style for each number format used.
    static func stylesheet(_ formats: [String]) -> String {
        let numFmts = formats.enumerated().map { "<numFmt numFmtId=\"\(164 + $0.offset)\" formatCode=\"\(Markup.escape($0.element, for: .xmlAttribute))\"/>" }
        let xfs =
            "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + formats.indices.map { "<xf numFmtId=\"\(164 + $0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" }.joined()
        return
            header
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + (formats.isEmpty ? "" : "<numFmts count=\"\(formats.count)\">\(numFmts.joined())</numFmts>")
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Arial\"/></font><font><b/><sz val=\"11\"/><name val=\"Arial\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(formats.count + 2)\">\(xfs)</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// A column's letters: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// A number as XML holds it: shortest round-trip form, never locale-dependent.
    static func numeral(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// For tests: what the workbook's helpers make of a few inputs.
public enum KPIWorkbookProbe {
    public static var columns: [String] { [0, 25, 26, 51, 52, 701, 702].map(KPIWorkbook.column) }
}
