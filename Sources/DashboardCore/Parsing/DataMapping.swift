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

    static func decodeList(_ node: ConfigNode, diagnostics: inout Diagnostics) -> [DataMapping] {
        var result: [DataMapping] = []
        for item in DashboardDecoder.list(node, what: "data", diagnostics: &diagnostics) {
            guard var map = ConfigMapping(item, what: "an entry of data", diagnostics: &diagnostics) else { continue }
            let file = map.requiredString("file", in: "this entry of data", diagnostics: &diagnostics)
            let sheet = map.string("sheet", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
            var range: CellRange?
            if let (text, location) = map.string("range", diagnostics: &diagnostics) {
                range = CellRange(text)
                if range == nil {
                    diagnostics.error("'\(text)' is not a range of cells; write it as Excel does, such as A3:D8", at: location)
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
