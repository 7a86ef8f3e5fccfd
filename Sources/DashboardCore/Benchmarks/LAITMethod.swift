/// The figures DfE's Local Authority Interactive Tool shows for an authority, computed as its R code does
/// (`R/fn_analysis.R` and its table modules):
///
/// - quartiles over every authority's figure for the period (not England's, not the regions'), by R's default
///   `quantile()` (type 7: the value at position 1 + (n − 1)p of the sorted figures, interpolated);
/// - the band A–D by polarity: for Low, A is up to the lower quartile (inclusive), B up to the median, C up
///   to the upper quartile, D above; for High the reverse (A above the upper quartile); none without polarity;
/// - the rank, 1 the best by polarity, ties taking the lowest rank (`rank(ties.method = "min")`), among the
///   authorities with a figure;
/// - the statistical-neighbour average: the mean of the figures the ten neighbours have;
/// - the region: the authority's region row, where `London (Inner)` or `London (Outer)` falls back to
///   `London` when it has no figures for the measure.
public enum LAITMethod {
    public struct Figures: Sendable, Equatable {
        public var measure: String
        public var period: String
        public var authority: String
        public var value: Double?
        public var england: Double?
        public var region: String?
        public var regionValue: Double?
        public var neighbourAverage: Double?
        public var neighboursWithFigures: Int
        public var rank: Int?
        public var ranked: Int
        public var band: String?
        public var lowerQuartile: Double?
        public var median: Double?
        public var upperQuartile: Double?
        /// The neighbours' own figures for the period, in the workbook's order (nil where one has none).
        public var neighbours: [(name: String, value: Double?)]

        public static func == (a: Figures, b: Figures) -> Bool {
            a.measure == b.measure && a.period == b.period && a.authority == b.authority && a.value == b.value && a.england == b.england
                && a.region == b.region && a.regionValue == b.regionValue && a.neighbourAverage == b.neighbourAverage
                && a.neighboursWithFigures == b.neighboursWithFigures && a.rank == b.rank && a.ranked == b.ranked && a.band == b.band
                && a.lowerQuartile == b.lowerQuartile && a.median == b.median && a.upperQuartile == b.upperQuartile
                && a.neighbours.map(\.name) == b.neighbours.map(\.name) && a.neighbours.map(\.value) == b.neighbours.map(\.value)
        }
    }

    /// R's `quantile(x, p, type = 7)` of figures (any order).
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// LAIT's band for a figure, given the quartiles; nil without polarity.
    public static func band(_ value: Double, q1: Double, median: Double, q3: Double, polarity: MeasureInfo.Polarity) -> String? {
        let quarter = value <= q1 ? 0 : value <= median ? 1 : value <= q3 ? 2 : 3
        switch polarity {
        case .low: return ["A", "B", "C", "D"][quarter]
        case .high: return ["D", "C", "B", "A"][quarter]
        case .none: return nil
        }
    }

    /// The rank of a figure among others, 1 the best by polarity, ties taking the lowest rank; nil without polarity.
    public static func rank(_ value: Double, among values: [Double], polarity: MeasureInfo.Polarity) -> Int? {
        switch polarity {
        case .low: return 1 + values.filter { $0 < value }.count
        case .high: return 1 + values.filter { $0 > value }.count
        case .none: return nil
        }
    }

    public enum Failure: Error, Equatable, Sendable {
        case noMeasure(String, suggestion: String?)
        case noAuthority(String, suggestion: String?)
        case noPeriod(String, periods: [String])
    }

    /// Region names compare without case (`Yorkshire and The Humber` is `Yorkshire and the Humber`), and
    /// `Inner London`/`Outer London` name `London (Inner)`/`London (Outer)`.
    static func regionKey(_ name: String) -> String {
        let lowered = name.trimmingSpaces.lowercased()
        switch lowered {
        case "inner london": return "london (inner)"
        case "outer london": return "london (outer)"
        default: return lowered
        }
    }

    /// The authority by name (case aside) or by LA number, from the file's rows or else the neighbours workbook;
    /// nil where neither names it.
    static func identify(
        _ authority: String, among authorities: [BenchmarkData.Row], neighbours: StatisticalNeighbours?
    ) -> (name: String, number: Int?)? {
        let wanted = authority.trimmingSpaces.lowercased()
        if let n = Int(wanted) {
            guard let name = authorities.first(where: { $0.laNumber == n })?.area ?? neighbours?.name(of: n) else { return nil }
            return (name, n)
        } else if let row = authorities.first(where: { $0.area.lowercased() == wanted }) {
            return (row.area, row.laNumber)
        } else if let entry = neighbours?.entries.values.first(where: { $0.name.lowercased() == wanted }) {
            return (entry.name, entry.laNumber)
        }
        return nil
    }

    /// The rows' periods in order of their first year, then as the file lists them.
    static func periodOrder(_ rows: [BenchmarkData.Row]) -> [String] {
        var order: [String] = []
        var seenPeriods = Set<String>()
        for row in rows where seenPeriods.insert(row.period).inserted { order.append(row.period) }
        let firstIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        order.sort { (BenchmarkData.startYear($0) ?? .max, firstIndex[$0]!) < (BenchmarkData.startYear($1) ?? .max, firstIndex[$1]!) }
        return order
    }

    /// One row of figures a period for an authority and a measure, in period order.
    public static func compute(
        data: BenchmarkData, measure: String, info: MeasureInfo?, neighbours: StatisticalNeighbours?,
        authority: String, period: String? = nil
    ) -> Result<[Figures], Failure> {
        let rows = data.rows.filter { $0.measure == measure }
        guard !rows.isEmpty else {
            let matched = data.measures.first { $0.lowercased() == measure.lowercased() }
            if let matched, matched != measure { return compute(data: data, measure: matched, info: info, neighbours: neighbours, authority: authority, period: period) }
            return .failure(.noMeasure(measure, suggestion: Diagnostic.suggestion(for: measure, among: data.measures)))
        }
        let authorities = rows.filter { $0.level == .authority }
        guard let identified = identify(authority, among: authorities, neighbours: neighbours) else {
            let names = Set(authorities.map(\.area)).sorted()
            return .failure(.noAuthority(authority, suggestion: Diagnostic.suggestion(for: authority, among: names)))
        }
        let (name, number) = identified
        let polarity = info?.polarity ?? MeasureInfo.Polarity.none
        var order = periodOrder(rows)
        if let period {
            guard let match = order.first(where: { $0 == period }) ?? order.first(where: { $0.lowercased() == period.trimmingSpaces.lowercased() }) else {
                return .failure(.noPeriod(period, periods: order))
            }
            order = [match]
        }
        // The authority's region: from the neighbours workbook as LAIT takes it, else the file's Region column.
        let ownRows = authorities.filter { number != nil ? $0.laNumber == number : $0.area == name }
        let regionName = (number.flatMap { neighbours?.entries[$0]?.region }) ?? ownRows.first { $0.region != nil }?.region
        let regionRows = rows.filter { $0.level == .region }
        var regionKeyUsed = regionName.map(regionKey)
        if let key = regionKeyUsed, key.hasPrefix("london ("),
            !regionRows.contains(where: { regionKey($0.area) == key && $0.value != nil })
        {
            regionKeyUsed = "london"
        }
        let neighbourNumbers = number.flatMap { neighbours?.entries[$0]?.neighbours } ?? []

        var result: [Figures] = []
        for label in order {
            let inPeriod = rows.filter { $0.period == label }
            let figures = inPeriod.filter { $0.level == .authority }.compactMap(\.value)
            let own = inPeriod.first { $0.level == .authority && (number != nil ? $0.laNumber == number : $0.area == name) }
            let value = own?.value
            let england = inPeriod.first { $0.level == .england }?.value
            let regionRow = regionKeyUsed.flatMap { key in inPeriod.first { $0.level == .region && regionKey($0.area) == key } }
            var neighbourFigures: [(name: String, value: Double?)] = []
            for n in neighbourNumbers {
                let row =
                    inPeriod.first { $0.level == .authority && $0.laNumber == n }
                    ?? neighbours?.name(of: n).flatMap { nm in inPeriod.first { $0.level == .authority && $0.area.lowercased() == nm.lowercased() } }
                neighbourFigures.append((row?.area ?? neighbours?.name(of: n) ?? String(n), row?.value))
            }
            let present = neighbourFigures.compactMap(\.value)
            let q1 = quantile(figures, 0.25), q2 = quantile(figures, 0.5), q3 = quantile(figures, 0.75)
            var band: String?
            if let value, let q1, let q2, let q3, !(info?.noQuartile ?? false) {
                band = LAITMethod.band(value, q1: q1, median: q2, q3: q3, polarity: polarity)
            }
            result.append(
                Figures(
                    measure: measure, period: label, authority: name, value: value, england: england,
                    region: regionRow?.area ?? regionName, regionValue: regionRow?.value,
                    neighbourAverage: present.isEmpty ? nil : present.reduce(0, +) / Double(present.count),
                    neighboursWithFigures: present.count,
                    rank: value.flatMap { rank($0, among: figures, polarity: polarity) }, ranked: figures.count, band: band,
                    lowerQuartile: q1, median: q2, upperQuartile: q3, neighbours: neighbourFigures))
        }
        return .success(result)
    }

    public static let csvHeader =
        "measure,period,authority,value,england,region,region_value,neighbour_average,neighbours_with_figures,rank,ranked,band,lower_quartile,median,upper_quartile"

    /// The command's CSV: one line a period.
    public static func csv(_ rows: [Figures]) -> String {
        CSVWriter.document([csvHeader.split(separator: ",").map(String.init)] + rows.map(fields), lineEnding: .lf)
    }

    /// One row's fields, as the CSV writes them.
    public static func fields(_ r: Figures) -> [String] {
        [
            CSVWriter.text(r.measure), CSVWriter.text(r.period), CSVWriter.text(r.authority), number(r.value), number(r.england),
            CSVWriter.text(r.region ?? ""), number(r.regionValue), number(r.neighbourAverage), String(r.neighboursWithFigures),
            r.rank.map(String.init) ?? "", String(r.ranked), r.band ?? "", number(r.lowerQuartile), number(r.median), number(r.upperQuartile),
        ]
    }

    /// A figure with up to 12 significant digits, so a float's tail (`40.630000000000003`) does not show.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value) >= 1 ? Int((abs(value)).log10Floor) + 1 : 0
        let decimals = max(0, 12 - magnitude)
        return Formatting.number(value, decimals: min(decimals, 12), grouping: false).trimmingTrailingZeros
    }
}

extension Double {
    var log10Floor: Double {
        var n = 0.0, v = self
        while v >= 10 {
            v /= 10
            n += 1
        }
        return n
    }
}

extension String {
    var trimmingTrailingZeros: String {
        guard contains(".") else { return self }
        var s = self
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
