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
///     columns: {indicator: A, polarity: B, target: C, commentary: H}   # optional: what a column says of its row
///     sections: rows      # optional: label-only rows start sections
/// ```
public struct DataMapping: Sendable, Equatable {
    /// What a column of a mapped sheet says about the indicator of each row, beside its figures.
    public enum ColumnRole: String, CaseIterable, Sendable, Comparable {
        case indicator, id, polarity, target, rag, commentary, source, unit, definition

        public static func < (a: ColumnRole, b: ColumnRole) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var file: String
    public var sheet: String?
    /// `table: KPIs`: an Excel Table by name, read as its range stands in the file (it grows as Excel writes it).
    public var table: String?
    public var range: CellRange?
    public var headerRows: Int
    /// `published:` and `source:`: the vintage of every figure in the file (a row's own columns win).
    public var vintage: Vintage?
    /// `columns:`: the sheet's columns (by number) that give each row's indicator and its details; every other
    /// column of the table is a period. Empty for a plain wide or long table.
    public var columns: [ColumnRole: Int] = [:]
    /// `sections: rows`: a row with only its indicator cell filled starts a section of the dashboard.
    public var sectionRows = false
    /// `skip: [K]`: columns of the table left out on purpose (workings, a reference code).
    public var skippedColumns: Set<Int> = []
    public var location: SourceLocation

    /// Whether the entry maps role columns (`columns:`), so its rows declare indicators.
    public var hasRoles: Bool { !columns.isEmpty }

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
            let table = map.string("table", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
            if table != nil, let (text, at) = map.string("range", diagnostics: &diagnostics) {
                diagnostics.error("range: '\(text)' is given with table:, which already says the cells; keep one", at: at)
                range = nil
            }
            let headerRows = map.integer("header_rows", range: 1...maximumHeaderRows, diagnostics: &diagnostics) ?? 1
            let published = map.node("published").flatMap { DashboardDecoder.period($0, diagnostics: &diagnostics) }
            let source = map.string("source", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
            let (columns, sectionRows) = decodeRoles(&map, range: range, diagnostics: &diagnostics)
            let skipped = decodeSkip(&map, roles: columns, diagnostics: &diagnostics)
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
            if !columns.isEmpty || sectionRows, !name.lowercased().hasSuffix(".xlsx") {
                diagnostics.error("columns: and sections: map a workbook's sheet; \(name) is not a workbook (.xlsx)", at: item.location)
            }
            mapping.columns = columns
            mapping.sectionRows = sectionRows
            mapping.table = table
            if table != nil, !name.lowercased().hasSuffix(".xlsx") {
                diagnostics.error("table: names an Excel table; \(name) is not a workbook (.xlsx)", at: item.location)
            }
            mapping.skippedColumns = skipped
            result.append(mapping)
        }
        return result
    }

    /// `skip: [K, L]` (or `skip: K`): columns a role-mapped table leaves out on purpose.
    static func decodeSkip(_ map: inout ConfigMapping, roles: [ColumnRole: Int], diagnostics: inout Diagnostics) -> Set<Int> {
        guard let node = map.node("skip") else { return [] }
        let items: [ConfigNode]
        if case .scalar = node.value { items = [node] } else { items = DashboardDecoder.list(node, what: "skip", diagnostics: &diagnostics) }
        var skipped: Set<Int> = []
        for item in items {
            guard case .scalar(let text) = item.value, let column = column(text) else {
                diagnostics.error("skip: lists column letters, such as [K, L]", at: item.location)
                continue
            }
            if let role = roles.first(where: { $0.value == column })?.key {
                diagnostics.error("column \(text.trimmingSpaces.uppercased()) is the \(role.rawValue) column under columns:; it cannot be skipped too", at: item.location)
                continue
            }
            skipped.insert(column)
        }
        if roles.isEmpty, !items.isEmpty {
            diagnostics.error("skip: leaves out columns of a table mapped with columns:; add columns: saying which column holds the indicator", at: node.location)
        }
        return skipped
    }

    /// A column's letters (`K`, `ab`) as its number.
    static func column(_ text: String) -> Int? {
        let letters = text.trimmingSpaces.uppercased()
        guard !letters.isEmpty, letters.count <= 3, letters.allSatisfy({ $0.isLetter && $0.isASCII }) else { return nil }
        return CellAddress(letters + "1")?.column
    }

    /// `columns: {indicator: A, polarity: B}` and `sections: rows`.
    static func decodeRoles(_ map: inout ConfigMapping, range: CellRange?, diagnostics: inout Diagnostics) -> ([ColumnRole: Int], Bool) {
        var columns: [ColumnRole: Int] = [:]
        var byColumn: [Int: ColumnRole] = [:]
        if let node = map.node("columns"), var roles = ConfigMapping(node, what: "columns", diagnostics: &diagnostics) {
            let names = ColumnRole.allCases.map(\.rawValue)
            for entry in roles.entries {
                guard let role = ColumnRole(rawValue: entry.key) else {
                    _ = roles.node(entry.key)
                    let hint = Diagnostic.suggestion(for: entry.key, among: names).map { "; \($0)" } ?? ""
                    diagnostics.error("'\(entry.key)' is not a role of a column (the roles are \(names.joined(separator: ", ")))\(hint)", at: entry.keyLocation)
                    continue
                }
                guard let (text, at) = roles.string(role.rawValue, diagnostics: &diagnostics) else { continue }
                let letters = text.trimmingSpaces.uppercased()
                guard let column = column(text) else {
                    diagnostics.error("'\(text)' is not a column: write its letter as Excel heads it, such as A or AB", at: at)
                    continue
                }
                if let range, !(range.first.column...range.last.column ~= column) {
                    diagnostics.error("column \(letters) is outside the mapped range \(rangeText(range))", at: at)
                    continue
                }
                if let other = byColumn[column] {
                    diagnostics.error("column \(letters) is already the \(other.rawValue) column; give each role its own column", at: at)
                    continue
                }
                byColumn[column] = role
                columns[role] = column
            }
            if !columns.isEmpty, columns[.indicator] == nil, columns[.id] == nil {
                diagnostics.error("columns: must say which column names each row's indicator (indicator: A, or id: B)", at: node.location)
                columns = [:]
            }
        }
        var sectionRows = false
        if let (text, at) = map.string("sections", diagnostics: &diagnostics) {
            if text.trimmingSpaces.lowercased() == "rows" {
                sectionRows = true
                if columns.isEmpty, map.isAbsentOrNull("columns") {
                    diagnostics.error("sections: rows needs columns: saying which column holds the indicator (and so the section's label)", at: at)
                }
            } else {
                diagnostics.error("sections: in a data: entry is 'rows' (rows with only a label start sections), not '\(text)'", at: at)
            }
        }
        return (columns, sectionRows)
    }
}
