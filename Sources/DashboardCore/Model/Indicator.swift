/// A tolerance or threshold: in the indicator's own unit (percentage points for percentages),
/// or relative to a reference figure (`5%` of the target, `2%` of the previous figure).
public enum Margin: Sendable, Hashable {
    case absolute(Double)
    case relative(Double)
    /// Small in both terms: no more than `absolute` and no more than `relative` of the reference.
    case smallerOf(absolute: Double, relative: Double)

    public func amount(relativeTo reference: Double) -> Double {
        switch self {
        case .absolute(let value): return value
        case .relative(let fraction): return abs(reference) * fraction
        case .smallerOf(let value, let fraction): return min(value, abs(reference) * fraction)
        }
    }

    public func describe(unit: MeasureUnit, decimals: Int) -> String {
        switch self {
        case .absolute(let value): return Formatting.changeSize(value, unit: unit, decimals: decimals)
        case .relative(let fraction): return Formatting.number(fraction * 100, decimals: 1).replacingZeroFraction + "%"
        case .smallerOf(let value, let fraction):
            return "\(Formatting.changeSize(value, unit: unit, decimals: decimals)) and \(Formatting.number(fraction * 100, decimals: 1).replacingZeroFraction)%"
        }
    }

    /// The margin as a band around a target is worded: "2 pts", or "5% of the target" for a relative one.
    public func describeAroundTarget(unit: MeasureUnit, decimals: Int) -> String {
        switch self {
        case .absolute: return describe(unit: unit, decimals: decimals)
        case .relative, .smallerOf: return describe(unit: unit, decimals: decimals) + " of the target"
        }
    }
}

extension String {
    /// `5.0` → `5`
    var replacingZeroFraction: String { hasSuffix(".0") ? String(dropLast(2)) : self }
}

/// How RAG status is decided for an indicator.
public enum RAGMethod: String, Sendable, CaseIterable {
    /// By national quartile where the period has one, else against the target, else none.
    case auto
    /// The councils' quartile key (see `RAGRule`).
    case quartile
    /// Against the target with a tolerance band.
    case target
    /// No status: information only.
    case none
}

/// A direction as a paper states it in its "compared to previous" column.
public enum StatedDirection: String, Sendable, CaseIterable {
    case better, worse, similar, higher, lower
}

public struct IndicatorDefinition: Sendable {
    /// Also a file name, so only `a-z`, `0-9` and `-`.
    public var id: String
    public var title: String
    /// For chart titles and table cells where the full title is too long.
    public var shortTitle: String?
    public var unit: MeasureUnit
    public var polarity: Polarity
    /// Decimals for computed figures; by default the most the data uses, at least the unit's default for ratios.
    public var decimals: Int?
    /// A target for every period, and any per-period targets that override it.
    public var target: Double?
    public var targets: [Period: Double]
    public var chart: ChartKind
    public var source: String?
    public var definition: String?
    /// Commentary that holds whatever the period (`commentary: text`).
    public var commentary: String?
    /// The officer's commentary for each quarter's edition (`commentary: {2020/21 Q1: text, …}`).
    public var periodCommentary: [Period: String] = [:]
    public var aggregation: Aggregation
    /// Rebasing and moving-range screening for statistical process control (`spc:`).
    public var spcOptions = SPC.Options()
    /// `significance: {level: 99.8}` for this indicator (per cent), over the dashboard's.
    public var significanceLevel: Double?
    /// What "compared with previous" compares with; see `CompareWith`.
    public var compareWith: CompareWith = .previous
    /// Changes no larger than this are "similar". See `TrendRules.defaultSimilarWithin`.
    public var similarWithin: Margin?
    public var ragMethod: RAGMethod
    /// The amber band around the target. See `TrendRules.defaultTolerance`.
    public var ragTolerance: Margin?
    /// The indicators this one is the total of (open cases = the sum of cases by worker type).
    public var parts: [String]
    /// Indicators whose figures are this percentage's numerator and denominator.
    public var numeratorID: String?
    public var denominatorID: String?
    public var axisMinimum: Double?
    public var axisMaximum: Double?
    public var benchmarks: [Period: Benchmarks]
    /// `benchmarks: {from: …, measure: …}`: comparators computed from a national benchmark file.
    public var benchmarkSource: BenchmarkSource?
    public var reported: [Period: Reported]
    /// `ratings:`: separate ratings the paper gives beside the main status (activity, impact), by period.
    public var ratings: [RatingSeries] = []
    /// `comparators:`: named comparator series (England, East Midlands, statistical neighbours with their model year).
    public var comparators: [Comparator] = []
    public var location: SourceLocation

    /// The names of every comparator the indicator has: its named ones, then those `benchmarks:` gives.
    public var comparatorNames: [String] {
        var names = comparators.map(\.name)
        let all = benchmarks.values
        if all.contains(where: { $0.national != nil }) || benchmarkSource != nil { names.append(BenchmarkComparison.Kind.national.name) }
        if all.contains(where: { $0.regional != nil }) || benchmarkSource != nil { names.append(BenchmarkComparison.Kind.regional.name) }
        if all.contains(where: { $0.statisticalNeighbours != nil }) || benchmarkSource != nil {
            names.append(BenchmarkComparison.Kind.statisticalNeighbours.name)
        }
        return names
    }

    public init(
        id: String, title: String, unit: MeasureUnit, polarity: Polarity, chart: ChartKind = .line,
        aggregation: Aggregation = .sum, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.unit = unit
        self.polarity = polarity
        self.chart = chart
        self.aggregation = aggregation
        self.location = location
        self.targets = [:]
        self.ragMethod = .auto
        self.parts = []
        self.benchmarks = [:]
        self.reported = [:]
    }

    /// Where each per-period target was written in dashboard.yml, to warn about keys that match no figure.
    public var targetLocations: [Period: SourceLocation] = [:]

    /// The target for a period: one set for that period, else one set for a year containing it (a financial year's
    /// target applies to its quarters, months and year to date; an academic year's to its terms and censuses),
    /// else the indicator's single target.
    public func target(for period: Period) -> Double? {
        if let exact = targets[period] { return exact }
        let containing = targets.keys.filter { key in
            switch key {
            case .financialYear, .calendarYear, .academicYear: return key.start <= period.start && period.end <= key.end
            default: return false
            }
        }
        if let key = containing.min(by: { ($0.end.dayNumber - $0.start.dayNumber, $0) < ($1.end.dayNumber - $1.start.dayNumber, $1) }) {
            return targets[key]
        }
        return target
    }

    public var displayTitle: String { shortTitle ?? title }
}

/// A separate rating an indicator carries beside its main status (activity, impact), as the paper states it.
public struct RatingSeries: Sendable, Equatable {
    public var name: String
    public var statuses: [Period: RAGStatus] = [:]
    public var location: SourceLocation

    public init(name: String, statuses: [Period: RAGStatus] = [:], location: SourceLocation) {
        self.name = name
        self.statuses = statuses
        self.location = location
    }
}
