/// A dashboard as `dashboard.yml` declares it: what is measured and how it is judged.
public struct DashboardDefinition: Sendable {
    /// The folder name; also the URL path, so only `a-z`, `0-9` and `-`.
    public var id: String
    public var title: String
    public var organisation: String
    public var summary: String?
    /// The period the dashboard reports on; when absent, the latest period in its data.
    public var asOf: Period?
    /// Past quarterly editions to keep in the archive, each built as the dashboard stood then.
    public var editions: [Period]
    /// The council's colour for the page header, as `#RRGGBB`.
    public var brandColour: String?
    public var sections: [Section]
    /// In the order the file declares them.
    public var indicators: [IndicatorDefinition]
    public var location: SourceLocation
    /// `data:`: how files beside dashboard.yml are read (a workbook's sheet and range, heading rows).
    public var data: [DataMapping] = []
    /// `authority:`: whose national benchmarks `benchmarks: {from: …}` computes.
    public var authority: AuthoritySource?
    /// `comparator_groups:`: named groups of authorities that benchmarks rank the council within.
    public var comparatorGroups: [ComparatorGroupSource] = []
    /// `rag_key:`: the statuses this dashboard gives, in its key's order; Green, Amber and Red when it sets none.
    public var ragKey: RAGKey = .standard
    /// `kpi_comparators:`: the comparators the KPI table shows as columns, by name; nil: the statistical
    /// neighbours' average where an indicator has one.
    public var kpiComparators: [String]?
    /// `significance: {level: 99.8}`: the confidence level, in per cent, of every interval and test (95 unless set).
    public var significanceLevel: Double?
    /// `action_plan:`: where the dashboard's action plan is and the key it is rated on.
    public var actionPlan: ActionPlanSource?

    public init(
        id: String, title: String, organisation: String, summary: String? = nil, asOf: Period? = nil,
        editions: [Period] = [], brandColour: String? = nil, sections: [Section] = [],
        indicators: [IndicatorDefinition] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.organisation = organisation
        self.summary = summary
        self.asOf = asOf
        self.editions = editions
        self.brandColour = brandColour
        self.sections = sections
        self.indicators = indicators
        self.location = location
    }

    public func indicator(_ id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }
}

public struct Section: Sendable {
    public var title: String
    public var summary: String?
    public var indicatorIDs: [String]
    public var location: SourceLocation

    public init(title: String, summary: String? = nil, indicatorIDs: [String], location: SourceLocation) {
        self.title = title
        self.summary = summary
        self.indicatorIDs = indicatorIDs
        self.location = location
    }
}

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

/// Where a figure sits within its national quartile, which the quartile key needs to tell
/// "high in the second quartile" from the rest.
public enum QuartilePosition: String, Sendable, CaseIterable {
    case high
    case low
}

/// Comparators for one period.
public struct Benchmarks: Sendable, Equatable {
    public var national: Double?
    public var regional: Double?
    public var statisticalNeighbours: Double?
    /// 1 is the top (best) quartile of local authorities.
    public var nationalQuartile: Int?
    public var quartilePosition: QuartilePosition?
    /// Year-on-year change nationally and regionally, as a fraction (0.102 for 10.2%), where papers compare growth.
    public var nationalChange: Double?
    public var regionalChange: Double?
    /// The statistical neighbours' own figures, in the neighbour workbook's order, where they were computed from
    /// a benchmark file (nil value: that neighbour has no figure for the period).
    public var neighbourFigures: [NeighbourFigure]
    /// Where the authority stands within `benchmarks: {group: …}`'s comparator group.
    public var group: GroupStanding? = nil
    public var location: SourceLocation

    public init(
        national: Double? = nil, regional: Double? = nil, statisticalNeighbours: Double? = nil,
        nationalQuartile: Int? = nil, quartilePosition: QuartilePosition? = nil,
        nationalChange: Double? = nil, regionalChange: Double? = nil,
        neighbourFigures: [NeighbourFigure] = [], location: SourceLocation
    ) {
        self.neighbourFigures = neighbourFigures
        self.national = national
        self.regional = regional
        self.statisticalNeighbours = statisticalNeighbours
        self.nationalQuartile = nationalQuartile
        self.quartilePosition = quartilePosition
        self.nationalChange = nationalChange
        self.regionalChange = regionalChange
        self.location = location
    }
}

/// One statistical neighbour's figure for a period.
public struct NeighbourFigure: Sendable, Equatable {
    public var name: String
    public var value: Double?

    public init(name: String, value: Double?) {
        self.name = name
        self.value = value
    }
}

/// A direction as a paper states it in its "compared to previous" column.
public enum StatedDirection: String, Sendable, CaseIterable {
    case better, worse, similar, higher, lower
}

public enum RAG: String, Sendable, CaseIterable, Comparable {
    case red, amber, green

    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var letter: String { String(rawValue.prefix(1)).uppercased() }

    public static func < (a: RAG, b: RAG) -> Bool { a.order < b.order }
    private var order: Int { self == .red ? 0 : self == .amber ? 1 : 2 }
}

/// What a published paper said for a period where the data alone cannot show it (the previous figure is
/// not in the data) or to check against what is computed.
public struct Reported: Sendable, Equatable {
    public var direction: StatedDirection?
    /// A status of the dashboard's RAG key.
    public var rag: RAGStatus?
    public var location: SourceLocation

    public init(direction: StatedDirection? = nil, rag: RAGStatus? = nil, location: SourceLocation) {
        self.direction = direction
        self.rag = rag
        self.location = location
    }
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

/// A named comparator: a series by period, each figure perhaps as at another date than its period
/// (statistical neighbours at 31 March 2019 beside a 2020/21 Q1 figure).
public struct Comparator: Sendable, Equatable {
    public var name: String
    public var figures: [Period: ComparatorFigure] = [:]
    /// As at this date, for every figure that does not give its own.
    public var asAt: Period?
    public var source: String?
    public var location: SourceLocation

    public init(name: String, figures: [Period: ComparatorFigure] = [:], asAt: Period? = nil, source: String? = nil, location: SourceLocation) {
        self.name = name
        self.figures = figures
        self.asAt = asAt
        self.source = source
        self.location = location
    }
}

public struct ComparatorFigure: Sendable, Equatable {
    public var value: Double
    public var asAt: Period?
    public var location: SourceLocation

    public init(value: Double, asAt: Period? = nil, location: SourceLocation) {
        self.value = value
        self.asAt = asAt
        self.location = location
    }
}

/// One figure of an indicator for one period, as read from a data file.
///
/// A big data file holds one of these for every figure, so it is kept small: its place in the file is stored
/// as 32-bit line and column, and what most figures lack (numerator, denominator, note, the period as written)
/// is kept apart, allocated only for the figures that have it. `ObservationLayoutTests` holds it to 64 bytes.
public struct Observation: Sendable, Equatable {
    public var period: Period
    // Laid out small fields first, so that a figure takes 64 bytes: a million figures are 61 MiB.
    private var storedDecimals: Int8
    public var gap: GapReason?
    private var hasValue: Bool
    private var line: Int32
    private var column: Int32
    private var storedValue: Double
    private var file: String
    private var extras: Extras?

    /// nil for a gap.
    public var value: Double? {
        get { hasValue ? storedValue : nil }
        set {
            hasValue = newValue != nil
            storedValue = newValue ?? 0
        }
    }

    /// What most figures do not have, shared between copies and replaced whole when one is changed.
    private final class Extras: Sendable {
        let details: Details
        init(_ details: Details) { self.details = details }
    }

    private struct Details: Equatable, Sendable {
        var numerator: Double?
        var denominator: Double?
        var note: String?
        var writtenLabel: String?
        var vintage: Vintage?
        var countsForm: CountsForm?
        var isEmpty: Bool { numerator == nil && denominator == nil && note == nil && writtenLabel == nil && vintage == nil && countsForm == nil }
    }

    private var details: Details {
        get { extras?.details ?? Details() }
        set { extras = newValue.isEmpty ? nil : Extras(newValue) }
    }

    public init(
        period: Period, value: Double?, decimals: Int = 0, numerator: Double? = nil, denominator: Double? = nil,
        gap: GapReason? = nil, note: String? = nil, location: SourceLocation
    ) {
        self.period = period
        self.hasValue = value != nil
        self.storedValue = value ?? 0
        self.storedDecimals = Int8(clamping: decimals)
        self.gap = gap
        self.line = Int32(clamping: location.line)
        self.column = Int32(clamping: location.column)
        self.file = location.file
        self.details = Details(numerator: numerator, denominator: denominator, note: note)
    }

    /// Decimal places as published (at most 127).
    public var decimals: Int {
        get { Int(storedDecimals) }
        set { storedDecimals = Int8(clamping: newValue) }
    }
    public var numerator: Double? {
        get { extras?.details.numerator }
        set { details.numerator = newValue }
    }
    public var denominator: Double? {
        get { extras?.details.denominator }
        set { details.denominator = newValue }
    }
    /// The officer's note for this figure, or the words of a gap ("Break in data while tableau was developed").
    public var note: String? {
        get { extras?.details.note }
        set { details.note = newValue }
    }
    /// How the numerator and denominator were printed with the figure (`4 of 7 (57%)`), when they were.
    public var countsForm: CountsForm? {
        get { extras?.details.countsForm }
        set { details.countsForm = newValue }
    }
    /// The period as the paper wrote it, for censuses, terms, academic years, ranges and dates written in words.
    public var writtenLabel: String? {
        get { extras?.details.writtenLabel }
        set { details.writtenLabel = newValue }
    }
    /// When and where this value was published, where the data says (several values for one period may then
    /// stand side by side: a table and a later return).
    public var vintage: Vintage? {
        get { extras?.details.vintage }
        set { details.vintage = newValue }
    }
    public var location: SourceLocation {
        get { SourceLocation(file: file, line: Int(line), column: Int(column)) }
        set {
            file = newValue.file
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
        }
    }

    public var isGap: Bool { value == nil }

    /// The period's name to show: as written where the paper's form is kept, else the standard form.
    public var label: String { writtenLabel ?? period.label }

    public static func == (a: Observation, b: Observation) -> Bool {
        a.period == b.period && a.value == b.value && a.storedDecimals == b.storedDecimals && a.gap == b.gap
            && a.line == b.line && a.column == b.column && a.file == b.file && a.details == b.details
    }
}

/// A dashboard with its data: the definition and, per indicator, its figures in period order.
public struct Dashboard: Sendable {
    public var definition: DashboardDefinition
    public var series: [String: [Observation]]
    /// Input files, relative to the input folder, in a stable order (for change detection).
    public var files: [String]
    /// Editions kept as published (`editions/<period>/` beside dashboard.yml), oldest first.
    public var frozenEditions: [FrozenEdition]
    /// The action plan read from `action_plan:`'s file, if the dashboard has one.
    public var actionPlan: ActionPlan?

    public init(
        definition: DashboardDefinition, series: [String: [Observation]], files: [String] = [],
        frozenEditions: [FrozenEdition] = []
    ) {
        self.definition = definition
        self.series = series
        self.files = files
        self.frozenEditions = frozenEditions
    }

    /// The frozen copy of the edition for this period, if one was kept.
    public func frozenEdition(_ period: Period?) -> FrozenEdition? {
        guard let period else { return nil }
        return frozenEditions.first { $0.period == period }
    }

    public var id: String { definition.id }

    public func observations(_ indicatorID: String) -> [Observation] { series[indicatorID] ?? [] }
}

/// Names that become folder and file names: lower-case letters, digits and single hyphens.
public enum Identifier {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 80 else { return false }
        let bytes = Array(text.utf8)
        guard bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        // Single hyphens only, as the rule says: `a--b` is most often a slip, and a pair reads as one on a page.
        guard !zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "-") && $1 == UInt8(ascii: "-") }) else { return false }
        return bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    public static let rule = "lower-case letters, digits and single hyphens (e.g. family-star-positive), at most 80 characters"
}
