/// One figure read from a data file, before it is matched to an indicator.
public struct ObservationRecord: Sendable {
    /// The indicator id (or title) as written in the file.
    public var indicator: String
    public var indicatorLocation: SourceLocation
    public var period: Period
    /// The period as written, for the kinds shown as papers write them (see `PeriodParser.parseWritten`).
    public var periodLabel: String? = nil
    public var figure: Figure
    public var valueLocation: SourceLocation
    public var numerator: Double?
    public var denominator: Double?
    public var note: String?
    /// `published` and `source` columns, or the file's `data:` entry.
    public var vintage: Vintage? = nil

    /// The record with the file's vintage where its row gave none.
    public func withVintage(_ fileVintage: Vintage?) -> ObservationRecord {
        guard vintage == nil, let fileVintage else { return self }
        var record = self
        record.vintage = fileVintage
        return record
    }
}

/// The two shapes a data file may take; the header decides which.
public enum TableShape: String, Sendable {
    /// `indicator,period,value[,numerator,denominator,note,published,source]`: one figure a row.
    case long
    /// First column the indicator, then one column a period: a table as pasted from Excel.
    case wide
}

/// Reads data-file records into observations, in either shape.
///
/// Blank lines are skipped (comment lines never reach here: the CSV reader drops them), and so are rows the
/// CSV reader has already reported as unreadable.
public enum ObservationTable {
    public static let longColumns = ["indicator", "period", "value", "numerator", "denominator", "note", "published", "source"]

    public static func read(_ records: [CSVRecord], file: String) -> (shape: TableShape?, records: [ObservationRecord], diagnostics: Diagnostics) {
        var reader = Reader(file: file)
        var output: [ObservationRecord] = []
        for record in records { reader.add(record) { output.append($0) } }
        let diagnostics = reader.finish()
        return (reader.shape, output, diagnostics)
    }

    /// Reads a table a record at a time, handing on each figure as its row is read: with `CSVReader`'s
    /// record-by-record reading, a big file's rows are never all held at once.
    public struct Reader {
        public let file: String
        /// Known once the header is read; nil before, or when the header itself could not be read.
        public private(set) var shape: TableShape?
        var diagnostics = Diagnostics()
        var header: CSVRecord?
        /// The header was read and its columns are usable: rows are read.
        var readingRows = false
        // Long form: where each column is, and periods as already parsed (a big file repeats few labels).
        var column: [String: Int] = [:]
        var periodCache: [String: Result<(period: Period, written: String?), PeriodParser.Failure>] = [:]
        // Wide form: each column's period and how it was written.
        var periods: [Period?] = [nil]
        var written: [String?] = [nil]

        public init(file: String) {
            self.file = file
        }

        public mutating func add(_ record: CSVRecord, to sink: (ObservationRecord) -> Void) {
            if record.isBlank { return }
            guard let header else {
                header = record
                readHeader(record)
                return
            }
            // Rows the CSV reader reported are left out here, so each problem is reported once, where it is.
            guard readingRows, !record.unreadable else { return }
            switch shape {
            case .long: readLong(record, header: header, sink)
            case .wide: readWide(record, sink)
            case nil: break
            }
        }

        /// The problems found; the problem of a file with no header row, too.
        public mutating func finish() -> Diagnostics {
            if header == nil {
                diagnostics.error(
                    "the file has no header row and no data; a data file starts with a header such as indicator,period,value",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            return diagnostics
        }

        func location(_ field: CSVField) -> SourceLocation {
            SourceLocation(file: file, line: field.line, column: field.column)
        }

        mutating func readHeader(_ header: CSVRecord) {
            // A header the CSV reader could not read says nothing reliable about the columns; its problem is reported.
            if header.unreadable { return }
            let names = header.fields.map { $0.text.trimmingSpaces.lowercased().replacingSpaces }
            if names.contains("indicator"), names.contains("period"), names.contains("value") {
                shape = .long
                readLongHeader(header, names: names)
            } else {
                shape = .wide
                readWideHeader(header)
            }
        }

        mutating func readLongHeader(_ header: CSVRecord, names: [String]) {
            for (index, name) in names.enumerated() {
                if longColumns.contains(name) {
                    if column[name] != nil {
                        diagnostics.error("the column '\(name)' appears twice in the header", at: location(header.fields[index]))
                    } else {
                        column[name] = index
                    }
                } else if !name.isEmpty {
                    let hint = Diagnostic.suggestion(for: name, among: longColumns).map { "; \($0)" } ?? ""
                    diagnostics.warning(
                        "the column '\(header.fields[index].text)' is not read (a long-form file has \(longColumns.joined(separator: ", ")))\(hint)",
                        at: location(header.fields[index]))
                }
            }
            readingRows = true
        }

        mutating func readLong(_ row: CSVRecord, header: CSVRecord, _ sink: (ObservationRecord) -> Void) {
            if row.fields.count > header.fields.count {
                let extra = row.fields[header.fields.count]
                diagnostics.error(
                    "this row has \(row.fields.count) fields but the header has \(header.fields.count); is a comma inside a value that should be quoted?",
                    at: location(extra))
                return
            }
            func field(_ name: String) -> CSVField? {
                guard let index = column[name], index < row.fields.count else { return nil }
                return row.fields[index]
            }
            guard let indicatorField = field("indicator"), !indicatorField.text.trimmingSpaces.isEmpty else {
                let at = field("indicator").map(location) ?? SourceLocation(file: file, line: row.line, column: 1)
                diagnostics.error("this row has no indicator", at: at)
                return
            }
            guard let periodField = field("period") else {
                diagnostics.error("this row has no period", at: SourceLocation(file: file, line: row.line, column: 1))
                return
            }
            let periodText = periodField.text
            let parsed = periodCache[periodText] ?? PeriodParser.parseWritten(periodText)
            periodCache[periodText] = parsed
            let period: Period, written: String?
            switch parsed {
            case .success(let value): (period, written) = value
            case .failure(let failure):
                diagnostics.error(failure.message, at: location(periodField))
                return
            }
            guard let valueField = field("value") else {
                // A row cut short is a damaged file, not a gap: an empty value is written as an empty field.
                let at = SourceLocation(file: file, line: row.line, column: (row.fields.last?.column ?? 1))
                diagnostics.error(
                    "this row has \(row.fields.count) fields and stops before the value column (the header has \(header.fields.count)); write an empty field for a gap", at: at)
                return
            }
            guard let figure = parseFigure(valueField, file: file, diagnostics: &diagnostics) else { return }
            var numerator: Double?, denominator: Double?
            if let numeratorField = field("numerator") {
                numerator = parseCount(numeratorField, name: "numerator", file: file, diagnostics: &diagnostics)
            }
            if let denominatorField = field("denominator") {
                denominator = parseCount(denominatorField, name: "denominator", file: file, diagnostics: &diagnostics)
            }
            let note = field("note").map { $0.text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            var published: Period?
            if let publishedField = field("published"), !publishedField.text.trimmingSpaces.isEmpty {
                switch PeriodParser.parseWritten(publishedField.text) {
                case .success(let value): published = value.period
                case .failure:
                    diagnostics.error(
                        "'\(publishedField.text)' is not when the figure was published: write a date (2020-09-01) or the edition's period (2020/21 Q1)",
                        at: location(publishedField))
                    return
                }
            }
            let source = field("source").map { $0.text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            sink(
                ObservationRecord(
                    indicator: indicatorField.text.trimmingSpaces, indicatorLocation: location(indicatorField),
                    period: period, periodLabel: written, figure: figure, valueLocation: location(valueField),
                    numerator: numerator, denominator: denominator, note: note,
                    vintage: published == nil && source == nil ? nil : Vintage(published: published, source: source)))
        }

        mutating func readWideHeader(_ header: CSVRecord) {
            // Where each period first heads a column, so a repeat is found in constant time: a wide table may have
            // tens of thousands of columns, and reading it stays linear. An empty heading is allowed only over an
            // empty column (a trailing tab from Excel).
            var firstColumn: [Period: Int] = [:]
            var headerProblem = false
            for field in header.fields.dropFirst() {
                let text = field.text.trimmingSpaces
                if text.isEmpty {
                    periods.append(nil)
                    written.append(nil)
                    continue
                }
                switch PeriodParser.parseWritten(text) {
                case .success(let (period, label)):
                    if let index = firstColumn[period] {
                        diagnostics.error("the period \(period.label) heads two columns (also column \(index + 1))", at: location(field))
                        headerProblem = true
                    } else {
                        firstColumn[period] = periods.count
                    }
                    periods.append(period)
                    written.append(label)
                case .failure(let failure):
                    diagnostics.error(
                        "\(failure.message) (in a wide table every column after the first is headed by a period; a long table needs the columns indicator, period, value)",
                        at: location(field))
                    headerProblem = true
                    periods.append(nil)
                    written.append(nil)
                }
            }
            if header.fields.count < 2 {
                diagnostics.error(
                    "the header has one column: a wide table needs a column for each period, a long table the columns indicator, period, value",
                    at: location(header.fields[0]))
                return
            }
            readingRows = !headerProblem
        }

        mutating func readWide(_ row: CSVRecord, _ sink: (ObservationRecord) -> Void) {
            let indicatorField = row.fields[0]
            let indicator = indicatorField.text.trimmingSpaces
            if indicator.isEmpty {
                diagnostics.error("this row has figures but no indicator in its first column", at: location(indicatorField))
                return
            }
            for (index, field) in row.fields.enumerated().dropFirst() {
                guard index < periods.count else {
                    if !field.text.trimmingSpaces.isEmpty {
                        diagnostics.error("this value is beyond the last period column of the header; is a period heading missing?", at: location(field))
                    }
                    continue
                }
                guard let period = periods[index] else {
                    if !field.text.trimmingSpaces.isEmpty {
                        diagnostics.error("this value is under a column with no period heading", at: location(field))
                    }
                    continue
                }
                guard let figure = parseFigure(field, file: file, diagnostics: &diagnostics) else { continue }
                sink(
                    ObservationRecord(
                        indicator: indicator, indicatorLocation: location(indicatorField),
                        period: period, periodLabel: written[index], figure: figure, valueLocation: location(field),
                        numerator: nil, denominator: nil, note: nil))
            }
        }
    }

    static func location(_ field: CSVField, file: String) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    static func parseFigure(_ field: CSVField, file: String, diagnostics: inout Diagnostics) -> Figure? {
        switch FigureParser.parse(field.text) {
        case .success(let figure): return figure
        case .failure(let failure):
            var at = location(field, file: file)
            if !field.text.contains("\n"), !at.isCell { at.column += failure.offset + (field.quoted ? 1 : 0) }
            diagnostics.error(failure.message, at: at)
            return nil
        }
    }

    static func parseCount(_ field: CSVField, name: String, file: String, diagnostics: inout Diagnostics) -> Double? {
        guard let figure = parseFigure(field, file: file, diagnostics: &diagnostics) else { return nil }
        if figure.gap != nil { return nil }
        if figure.hasPercentSign || figure.hasCurrencySign || figure.count != nil || (figure.value ?? 0) < 0 {
            diagnostics.error("the \(name) must be a count such as 1074", at: location(field, file: file))
            return nil
        }
        return figure.value
    }
}

extension String {
    /// `Statistical neighbours` → `statistical_neighbours`, for matching header names.
    var replacingSpaces: String {
        String(map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}
