/// `benchmarks: {from: lait-bds-long.csv, measure: CareLeaverEET}` on an indicator: its comparators are computed
/// from a national benchmark file for the dashboard's authority (`authority:` in dashboard.yml).
public struct BenchmarkSource: Sendable, Equatable {
    /// A file beside dashboard.yml: LAIT's long file or an Explore Education Statistics CSV.
    public var file: String
    public var measure: String
    public var location: SourceLocation
    /// `group:`: the name of a comparator group (`comparator_groups:`) to rank the authority within too.
    public var group: String?

    public init(file: String, measure: String, location: SourceLocation, group: String? = nil) {
        self.file = file
        self.measure = measure
        self.location = location
        self.group = group
    }
}

/// `authority:` in dashboard.yml: whose benchmarks are computed, and from which neighbours and dictionary.
///
/// ```yaml
/// authority: {name: Barnsley, neighbours: sn_may_2025.xlsx, dictionary: lait-data-dictionary.csv}
/// ```
public struct AuthoritySource: Sendable, Equatable {
    public var name: String
    public var neighbours: String
    public var dictionary: String?
    public var location: SourceLocation

    public init(name: String, neighbours: String, dictionary: String? = nil, location: SourceLocation) {
        self.name = name
        self.neighbours = neighbours
        self.dictionary = dictionary
        self.location = location
    }

    static func decode(_ node: ConfigNode, diagnostics: inout Diagnostics) -> AuthoritySource? {
        guard var map = ConfigMapping(node, what: "authority", diagnostics: &diagnostics) else { return nil }
        let name = map.requiredString("name", in: "authority", diagnostics: &diagnostics)
        let neighbours = map.requiredString("neighbours", in: "authority", diagnostics: &diagnostics)
        let dictionary = map.string("dictionary", diagnostics: &diagnostics)?.0.trimmingSpaces
        map.reportUnknownKeys(in: "authority", diagnostics: &diagnostics)
        guard let name, let neighbours else { return nil }
        return AuthoritySource(name: name.trimmingSpaces, neighbours: neighbours.trimmingSpaces, dictionary: dictionary, location: node.location)
    }
}

public enum BenchmarkMerge {
    /// The period a benchmark file's label names: `2019-20` and `2019/20` the financial year, `2019` the
    /// calendar year; a vintage or variant in brackets (`2020 (Final)`, `2025 (prov)`) names the same period.
    /// nil for a window of years (`2014-16`, `2013/14-15/16`), which is no single period.
    public static func period(_ label: String) -> Period? {
        var text = label.trimmingSpaces
        if let bracket = text.firstIndex(of: "(") { text = String(text[..<bracket]).trimmingSpaces }
        guard case .success(let period) = PeriodParser.parse(text) else { return nil }
        switch period {
        case .financialYear(let start):
            // `2014-16` would read as a financial year; only `2014-15` is one.
            let digits = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
            guard digits.count == 2, let end = Int(digits[1]), end % 100 == (start + 1) % 100 else { return nil }
            return period
        case .calendarYear, .month, .day: return period
        default: return nil
        }
    }

    /// Sets each period's computed England, region and statistical-neighbour figures and national quartile (band
    /// A is quartile 1) on the indicator, keeping typed benchmarks and warning where a typed quartile or
    /// neighbour average disagrees with the computed one. The neighbours' own figures are kept for the indicator
    /// page's table.
    public static func merge(
        _ figures: [LAITMethod.Figures], into indicator: inout IndicatorDefinition,
        source: BenchmarkSource, diagnostics: inout Diagnostics
    ) {
        var computed: [Period: Benchmarks] = [:]
        var windows: [String] = []
        for row in figures {
            guard let period = period(row.period) else {
                windows.append(row.period)
                continue
            }
            // A later vintage of the same period (`2025` after `2025 (prov)`) replaces the earlier.
            var b = Benchmarks(location: source.location)
            b.national = row.england
            b.regional = row.regionValue
            b.statisticalNeighbours = row.neighbourAverage
            b.nationalQuartile = row.band.flatMap { ["A": 1, "B": 2, "C": 3, "D": 4][$0] }
            b.neighbourFigures = row.neighbours.map { NeighbourFigure(name: $0.name, value: $0.value) }
            if computed[period] == nil || !row.period.lowercased().contains("prov") { computed[period] = b }
        }
        if !windows.isEmpty {
            diagnostics.warning(
                "\(source.measure): the benchmark periods \(windows.joined(separator: ", ")) span several years and are not shown",
                at: source.location)
        }
        for (period, value) in computed {
            guard let typed = indicator.benchmarks[period] else {
                indicator.benchmarks[period] = value
                continue
            }
            if let quartile = typed.nationalQuartile, let own = value.nationalQuartile, quartile != own {
                diagnostics.warning(
                    "\(indicator.id) \(period.label): the national quartile is typed as \(quartile), but \(source.file) gives \(own) (band \(["A", "B", "C", "D"][own - 1]))",
                    at: typed.location)
            }
            if let typedAverage = typed.statisticalNeighbours, let own = value.statisticalNeighbours {
                let decimals = Formatting.decimalPlaces(of: typedAverage)
                if !Formatting.agree(typedAverage, own, decimals: decimals) {
                    diagnostics.warning(
                        "\(indicator.id) \(period.label): the statistical-neighbour average is typed as \(Formatting.number(typedAverage, decimals: decimals)), but \(source.file) gives \(Formatting.number(own, decimals: decimals))",
                        at: typed.location)
                }
            }
            var merged = typed
            merged.national = merged.national ?? value.national
            merged.regional = merged.regional ?? value.regional
            merged.statisticalNeighbours = merged.statisticalNeighbours ?? value.statisticalNeighbours
            merged.nationalQuartile = merged.nationalQuartile ?? value.nationalQuartile
            if merged.neighbourFigures.isEmpty { merged.neighbourFigures = value.neighbourFigures }
            indicator.benchmarks[period] = merged
        }
    }
}
