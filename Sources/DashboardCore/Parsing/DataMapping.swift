/// One entry of `data:` in dashboard.yml: which file (and sheet, and cells) holds figures, and how its table is headed.
///
/// ```yaml
/// data:
///   - file: kpis.xlsx
///     sheet: Q3 dashboard
///     range: A3:D8        # optional: the sheet's used range
///     header_rows: 2      # rows that head the columns
///     published: 2020-09-01   # optional: when (or in which edition) these figures were published
///     source: September 2020 committee report
/// ```
public struct DataMapping: Sendable, Equatable {
    public var file: String
    public var sheet: String?
    public var range: CellRange?
    public var headerRows: Int
    /// `published:` and `source:`: the vintage of every figure in the file (a row's own columns win).
    public var vintage: Vintage?
    public var location: SourceLocation

    public init(file: String, sheet: String? = nil, range: CellRange? = nil, headerRows: Int = 1, location: SourceLocation) {
        self.file = file
        self.sheet = sheet
        self.range = range
        self.headerRows = headerRows
        self.location = location
    }

    public static let maximumHeaderRows = 6

    /// `A3:` (down and right to the sheet's last filled cell), `A3:F` (columns A to F, every row from 3 down) and
    /// `A:F` (columns A to F, every row): the open side reaches Excel's last row or column, and is cut to the
    /// filled cells when the sheet is read.
    public static func openEndedRange(_ text: String) -> CellRange? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(\.trimmingSpaces)
        guard parts.count == 2 else { return nil }
        func column(_ letters: String) -> Int? {
            guard !letters.isEmpty, letters.allSatisfy(\.isLetter) else { return nil }
            return CellAddress(letters + "1")?.column
        }
        let first: CellAddress
        if let cell = CellAddress(parts[0]) {
            first = cell
        } else if let c = column(parts[0]) {
            first = CellAddress(row: 1, column: c)
        } else {
            return nil
        }
        if parts[1].isEmpty {
            return CellRange(first: first, last: CellAddress(row: CellAddress.maximumRow, column: CellAddress.maximumColumn))
        }
        guard let c = column(parts[1]) else { return nil }
        return CellRange(first: first, last: CellAddress(row: CellAddress.maximumRow, column: c))
    }

    /// A range as dashboard.yml writes it: `A3:F9`, or open-ended `A3:`, `A3:F`.
    public static func rangeText(_ range: CellRange) -> String {
        if range.last.row == CellAddress.maximumRow {
            if range.last.column == CellAddress.maximumColumn { return "\(range.first):" }
            return "\(range.first):\(CellAddress.columnName(range.last.column))"
        }
        return range.description
    }

    static func decodeList(_ node: ConfigNode, diagnostics: inout Diagnostics) -> [DataMapping] {
        var result: [DataMapping] = []
        for item in DashboardDecoder.list(node, what: "data", diagnostics: &diagnostics) {
            guard var map = ConfigMapping(item, what: "an entry of data", diagnostics: &diagnostics) else { continue }
            let file = map.requiredString("file", in: "this entry of data", diagnostics: &diagnostics)
            let sheet = map.string("sheet", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
            var range: CellRange?
            if let (text, location) = map.string("range", diagnostics: &diagnostics) {
                range = CellRange(text) ?? openEndedRange(text)
                if range == nil {
                    diagnostics.error(
                        "'\(text)' is not a range of cells; write it as Excel does, such as A3:D8, or open-ended, such as A3: (to the last filled cell) or A3:F (every row from 3 down)",
                        at: location)
                }
            }
            let headerRows = map.integer("header_rows", range: 1...maximumHeaderRows, diagnostics: &diagnostics) ?? 1
            let published = map.node("published").flatMap { DashboardDecoder.period($0, diagnostics: &diagnostics) }
            let source = map.string("source", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
            map.reportUnknownKeys(in: "an entry of data", diagnostics: &diagnostics)
            guard let file else { continue }
            let name = file.trimmingSpaces
            if name.contains("/") || name.hasPrefix(".") {
                diagnostics.error("'\(name)' must name a file beside dashboard.yml, without a folder", at: item.location)
                continue
            }
            if let sheet, !name.lowercased().hasSuffix(".xlsx") {
                diagnostics.error("sheet: '\(sheet)' is given, but \(name) is not a workbook (.xlsx); leave sheet: out for a CSV file", at: item.location)
            }
            var mapping = DataMapping(file: name, sheet: sheet, range: range, headerRows: headerRows, location: item.location)
            if published != nil || source != nil { mapping.vintage = Vintage(published: published, source: source) }
            result.append(mapping)
        }
        return result
    }
}
