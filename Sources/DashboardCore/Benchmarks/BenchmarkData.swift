/// National comparison figures for local authorities: one figure a row, as in DfE's Local Authority Interactive
/// Tool (LAIT) long benchmark file or an Explore Education Statistics open-data CSV.
public struct BenchmarkData: Sendable {
    public enum Level: String, Sendable { case authority, region, england }

    public struct Row: Sendable {
        public var measure: String
        /// The period as the file writes it (`2019-20`, `2020 (Final)`); each label is its own period.
        public var period: String
        public var area: String
        /// The authority's 3-digit code (England 970, regions 980–990 in LAIT's numbering).
        public var laNumber: Int?
        /// For an authority, its region as the file names it.
        public var region: String?
        public var level: Level
        public var value: Double?
        public var location: SourceLocation
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    public var measures: [String] {
        var seen = Set<String>()
        return rows.compactMap { seen.insert($0.measure).inserted ? $0.measure : nil }
    }

    /// A figure as the file writes it: a number (scientific notation too); `-`, empty, or an EES symbol
    /// (`z x c u low`, GSS `[c]`, `:`) is no figure. Anything else is nil with `readable` false.
    public static func figure(_ text: String) -> (value: Double?, readable: Bool) {
        var t = text.trimmingSpaces
        if t.hasPrefix("["), t.hasSuffix("]") { t = String(t.dropFirst().dropLast()) }
        switch t.lowercased() {
        case "", "-", "z", "x", "c", "u", "low", ":", "..", "na", "n/a", "k", "*": return (nil, true)
        default: break
        }
        let plain = String(t.filter { $0 != "," })
        if let value = Double(plain), value.isFinite { return (value, true) }
        return (nil, false)
    }

    /// The first year a period label names (`2013/14-15/16` → 2013), for ordering; nil when there is none.
    public static func startYear(_ label: String) -> Int? {
        var digits = ""
        for ch in label {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
                if digits.count == 4 { return Int(digits) }
            } else {
                digits = ""
            }
        }
        return nil
    }

    /// Reads LAIT's long file: `Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region`.
    public static func readLAIT(_ records: [CSVRecord], file: String) -> (BenchmarkData, Diagnostics) {
        var diagnostics = Diagnostics()
        let rows = records.filter { !$0.isBlank }
        guard let header = rows.first else {
            diagnostics.error("the benchmark file is empty", at: SourceLocation(file: file, line: 1, column: 1))
            return (BenchmarkData(rows: []), diagnostics)
        }
        let names = header.fields.map { $0.text.trimmingSpaces.lowercased() }
        if names.contains("time_period"), names.contains("geographic_level") {
            diagnostics.error(
                "this is an Explore Education Statistics file; it is read with the measure named as its column", at: SourceLocation(file: file, line: header.line, column: 1))
            return (BenchmarkData(rows: []), diagnostics)
        }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let measure = column("short desc"), let years = column("years"), let area = column("la and regions"),
            let values = column("values")
        else {
            diagnostics.error(
                "this is not LAIT's long benchmark file: its header needs Short Desc, Years, LA and Regions, Values (and LA Number, Region)",
                at: SourceLocation(file: file, line: header.line, column: 1))
            return (BenchmarkData(rows: []), diagnostics)
        }
        let number = column("la number"), region = column("region")
        var output: [Row] = []
        output.reserveCapacity(rows.count)
        var unreadable = 0
        for record in rows.dropFirst() where !record.unreadable {
            func text(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                return record.fields[index].text
            }
            guard let measureText = text(measure), let period = text(years)?.trimmingSpaces, !period.isEmpty,
                let areaName = text(area)?.trimmingSpaces, !areaName.isEmpty, let valueText = text(values)
            else { continue }
            let (value, readable) = figure(valueText)
            let at = SourceLocation(file: file, line: record.fields[values].line, column: record.fields[values].column)
            if !readable {
                unreadable += 1
                if unreadable <= 20 {
                    diagnostics.warning("'\(valueText)' is not a figure; read as no figure", at: at)
                }
            }
            let laNumber = text(number).flatMap { Double($0.trimmingSpaces) }.map { Int($0) }
            let regionText = text(region)?.trimmingSpaces
            let level: Level = laNumber == 970 ? .england : (laNumber.map { $0 > 970 } ?? false) ? .region : .authority
            output.append(
                Row(
                    measure: measureText.trimmingSpaces, period: period, area: areaName, laNumber: laNumber,
                    region: regionText == "NA" || regionText?.isEmpty == true ? nil : regionText,
                    level: level, value: value, location: at))
        }
        if unreadable > 20 {
            diagnostics.warning("\(unreadable - 20) more figures are not numbers and are read as no figure", at: SourceLocation(file: file))
        }
        return (BenchmarkData(rows: output), diagnostics)
    }

    /// Reads an Explore Education Statistics open-data CSV for one indicator column: `time_period`,
    /// `time_identifier`, `geographic_level` (National, Regional, Local authority), `region_name`, `la_name`,
    /// `old_la_code`, `new_la_code`. A financial year `202324` is `2023-24`, an academic year `2023/24`, a calendar year `2023`.
    public static func readEES(_ records: [CSVRecord], file: String, measure: String) -> (BenchmarkData, Diagnostics) {
        var diagnostics = Diagnostics()
        let rows = records.filter { !$0.isBlank }
        guard let header = rows.first else {
            diagnostics.error("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))
            return (BenchmarkData(rows: []), diagnostics)
        }
        let names = header.fields.map { $0.text.trimmingSpaces.lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let time = column("time_period"), let level = column("geographic_level") else {
            diagnostics.error(
                "this is not an Explore Education Statistics file: its header needs time_period and geographic_level",
                at: SourceLocation(file: file, line: header.line, column: 1))
            return (BenchmarkData(rows: []), diagnostics)
        }
        guard let valueColumn = column(measure.lowercased()) else {
            let candidates = header.fields.map(\.text).filter {
                !["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name"]
                    .contains($0.lowercased())
            }
            let hint = Diagnostic.suggestion(for: measure, among: candidates).map { "; \($0)" } ?? ""
            diagnostics.error(
                "this file has no column '\(measure)' (its indicators: \(candidates.joined(separator: ", ")))\(hint)",
                at: SourceLocation(file: file, line: header.line, column: 1))
            return (BenchmarkData(rows: []), diagnostics)
        }
        let identifier = column("time_identifier"), regionName = column("region_name"), laName = column("la_name"),
            oldCode = column("old_la_code"), countryName = column("country_name")
        var output: [Row] = []
        for record in rows.dropFirst() where !record.unreadable {
            func text(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                let t = record.fields[index].text.trimmingSpaces
                return t.isEmpty ? nil : t
            }
            guard let periodCode = text(time), let levelText = text(level)?.lowercased(), valueColumn < record.fields.count else { continue }
            let kind = text(identifier)?.lowercased() ?? ""
            var period = periodCode
            if periodCode.count == 6, let start = Int(periodCode.prefix(4)) {
                let end = String(periodCode.suffix(2))
                period = kind.contains("financial") ? "\(start)-\(end)" : "\(start)/\(end)"
            }
            let field = record.fields[valueColumn]
            let (value, readable) = figure(field.text)
            let at = SourceLocation(file: file, line: field.line, column: field.column)
            if !readable { diagnostics.warning("'\(field.text)' is not a figure or a symbol (z x c u low); read as no figure", at: at) }
            switch levelText {
            case "national":
                output.append(
                    Row(
                        measure: measure, period: period, area: text(countryName) ?? "England", laNumber: 970, region: nil,
                        level: .england, value: value, location: at))
            case "regional":
                guard let name = text(regionName) else { continue }
                output.append(Row(measure: measure, period: period, area: name, laNumber: nil, region: nil, level: .region, value: value, location: at))
            case "local authority":
                guard let name = text(laName) else { continue }
                output.append(
                    Row(
                        measure: measure, period: period, area: name, laNumber: text(oldCode).flatMap { Int($0) },
                        region: text(regionName), level: .authority, value: value, location: at))
            default: continue
            }
        }
        return (BenchmarkData(rows: output), diagnostics)
    }
}

/// What LAIT's data dictionary says of a measure.
public struct MeasureInfo: Sendable, Equatable {
    public enum Polarity: String, Sendable { case high, low, none }
    public var code: String
    public var name: String?
    public var polarity: Polarity
    public var decimals: Int?
    public var yearType: String?
    /// `No_Quartile` is `N`: LAIT shows no quartile band.
    public var noQuartile: Bool

    public init(code: String, name: String? = nil, polarity: Polarity, decimals: Int? = nil, yearType: String? = nil, noQuartile: Bool = false) {
        self.code = code
        self.name = name
        self.polarity = polarity
        self.decimals = decimals
        self.yearType = yearType
        self.noQuartile = noQuartile
    }

    public static func polarity(_ text: String) -> Polarity {
        switch text.trimmingSpaces.lowercased() {
        case "high": return .high
        case "low": return .low
        default: return .none
        }
    }

    /// Reads LAIT's data dictionary: `Measure_short, Measure, Polarity, dps, Year_Type, No_Quartile`.
    public static func readDictionary(_ records: [CSVRecord], file: String) -> ([String: MeasureInfo], Diagnostics) {
        var diagnostics = Diagnostics()
        let rows = records.filter { !$0.isBlank }
        guard let header = rows.first else { return ([:], diagnostics) }
        let names = header.fields.map { $0.text.trimmingSpaces.lowercased() }
        guard let code = names.firstIndex(of: "measure_short"), let polarity = names.firstIndex(of: "polarity") else {
            diagnostics.error("this is not LAIT's data dictionary: its header needs Measure_short and Polarity", at: SourceLocation(file: file, line: header.line, column: 1))
            return ([:], diagnostics)
        }
        let measure = names.firstIndex(of: "measure"), dps = names.firstIndex(of: "dps"), yearType = names.firstIndex(of: "year_type"),
            noQuartile = names.firstIndex(of: "no_quartile")
        var result: [String: MeasureInfo] = [:]
        for record in rows.dropFirst() where !record.unreadable {
            func text(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                let t = record.fields[index].text.trimmingSpaces
                return t.isEmpty ? nil : t
            }
            guard let key = text(code) else { continue }
            result[key] = MeasureInfo(
                code: key, name: text(measure), polarity: Self.polarity(text(polarity) ?? "-"),
                decimals: text(dps).flatMap { Double($0) }.map { Int($0) }, yearType: text(yearType),
                noQuartile: text(noQuartile)?.uppercased() == "N")
        }
        return (result, diagnostics)
    }
}

/// DfE's statistical neighbours: for each authority, its region and its ten nearest authorities by LA number.
public struct StatisticalNeighbours: Sendable {
    public struct Entry: Sendable {
        public var laNumber: Int
        public var name: String
        public var region: String?
        public var neighbours: [Int]

        public init(laNumber: Int, name: String, region: String?, neighbours: [Int]) {
            self.laNumber = laNumber
            self.name = name
            self.region = region
            self.neighbours = neighbours
        }
    }

    public var entries: [Int: Entry]

    public init(entries: [Int: Entry]) { self.entries = entries }

    public func name(of number: Int) -> String? { entries[number]?.name }

    /// Reads the neighbours table from rows of text: the header row holds `LA num`, `LA Name`, `GOReg` and
    /// `SN1` … `SN10`; rows above it (the workbook's column letters and numbers) are passed over.
    public static func read(_ records: [CSVRecord], file: String) -> (StatisticalNeighbours, Diagnostics) {
        var diagnostics = Diagnostics()
        func norm(_ s: String) -> String { s.trimmingSpaces.lowercased() }
        guard
            let headerIndex = records.firstIndex(where: { record in
                record.fields.contains { ["la num", "la number"].contains(norm($0.text)) } && record.fields.contains { norm($0.text) == "sn1" }
            })
        else {
            diagnostics.error(
                "no header row with 'LA num' and 'SN1' … 'SN10' was found: is this DfE's statistical neighbours workbook?",
                at: SourceLocation(file: file))
            return (StatisticalNeighbours(entries: [:]), diagnostics)
        }
        let header = records[headerIndex].fields.map { norm($0.text) }
        let number = header.firstIndex(of: "la num") ?? header.firstIndex(of: "la number")!
        let name = header.firstIndex(of: "la name")
        let region = header.firstIndex(of: "goreg") ?? header.firstIndex(of: "region")
        let snColumns = (1...10).compactMap { header.firstIndex(of: "sn\($0)") }
        var entries: [Int: Entry] = [:]
        for record in records[(headerIndex + 1)...] {
            func text(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                let t = record.fields[index].text.trimmingSpaces
                return t.isEmpty ? nil : t
            }
            guard let la = text(number).flatMap({ Double($0) }).map({ Int($0) }), let laName = text(name) else { continue }
            let neighbours = snColumns.compactMap { text($0).flatMap { Double($0) }.map { Int($0) } }
            entries[la] = Entry(laNumber: la, name: laName, region: text(region), neighbours: neighbours)
        }
        if entries.isEmpty {
            diagnostics.error("the neighbours table has no rows below its header", at: SourceLocation(file: file))
        }
        return (StatisticalNeighbours(entries: entries), diagnostics)
    }
}
