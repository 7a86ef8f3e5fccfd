import DashboardInput
import Foundation
import TestSupport
import Testing

@testable import DashboardCore

// Small builders shared by the suites. Expectations never come from here: each test states its own figures,
// taken from the committee papers in shared/seed-data or worked by hand.

/// A period the parser must accept; a test that names a period it cannot read fails at that line.
func period(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Period {
    switch PeriodParser.parse(text) {
    case .success(let period): return period
    case .failure(let failure):
        Issue.record("'\(text)' should be a period: \(failure.message)", sourceLocation: sourceLocation)
        return .calendarYear(1900)
    }
}

/// A figure the parser must accept.
func figure(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Figure {
    switch FigureParser.parse(text) {
    case .success(let figure): return figure
    case .failure(let failure):
        Issue.record("'\(text)' should be a figure: \(failure.message)", sourceLocation: sourceLocation)
        return Figure(value: nil)
    }
}

func at(_ file: String = "test.csv", _ line: Int = 0, _ column: Int = 0) -> DashboardCore.SourceLocation {
    DashboardCore.SourceLocation(file: file, line: line, column: column)
}

/// One observation; `nil` is a gap (a break in data unless another reason is given).
func observation(
    _ periodText: String, _ value: Double?, decimals: Int = 0, gap: GapReason? = nil,
    numerator: Double? = nil, denominator: Double? = nil
) -> Observation {
    var result = Observation(
        period: period(periodText), value: value, decimals: decimals, numerator: numerator, denominator: denominator,
        gap: value == nil ? (gap ?? .breakInData) : nil, location: at())
    if case .success(let parsed) = PeriodParser.parseWritten(periodText) { result.writtenLabel = parsed.written }
    return result
}

/// A monthly series from its first month, one value (or gap) a month.
func monthly(from first: String, _ values: [Double?]) -> [Observation] {
    var current = period(first)
    var result: [Observation] = []
    for value in values {
        result.append(Observation(period: current, value: value, gap: value == nil ? .breakInData : nil, location: at()))
        guard case .month(let year, let month) = current else { break }
        current = month == 12 ? .month(year: year + 1, month: 1) : .month(year: year, month: month + 1)
    }
    return result
}

func indicator(
    _ id: String, unit: MeasureUnit = .count, polarity: Polarity = .none, aggregation: Aggregation = .sum,
    target: Double? = nil, title: String? = nil
) -> IndicatorDefinition {
    var definition = IndicatorDefinition(
        id: id, title: title ?? id, unit: unit, polarity: polarity, aggregation: aggregation,
        location: at("dashboard.yml", 1, 1))
    definition.target = target
    return definition
}

// MARK: - CSV

func csv(_ text: String, file: String = "test.csv") -> (records: [CSVRecord], diagnostics: Diagnostics) {
    CSVReader.read(Array(text.utf8), file: file)
}

/// Reads a data file's text as the input loader does: CSV records, then an observation table.
func table(_ text: String, file: String = "data.csv", delimiter: Character = ",")
    -> (shape: TableShape?, records: [ObservationRecord], diagnostics: Diagnostics)
{
    let read = CSVReader.read(Array(text.utf8), file: file, delimiter: delimiter.asciiValue!)
    var result = ObservationTable.read(read.records, file: file)
    var diagnostics = read.diagnostics
    diagnostics.append(contentsOf: result.diagnostics)
    result.diagnostics = diagnostics
    return result
}

/// One of the example dashboards in the package's `dashboards/` folder, read as the program reads it: its
/// dashboard.yml and data files through DashboardInput, so the tests and the site never disagree about the example.
func exampleDashboard(_ id: String) throws -> (Dashboard, Diagnostics) {
    let project = InputLoader.load(from: exampleInput, only: [id])
    let dashboard = try #require(project.dashboards.first { $0.id == id }, "\(project.diagnostics.sorted)")
    return (dashboard, project.diagnostics)
}

// MARK: - Configuration trees

/// Builds `ConfigNode` trees as the YAML reader would, with made-up but distinct positions, so a test can say
/// which key a diagnostic points at.
enum YAML {
    static func scalar(_ text: String, at location: DashboardCore.SourceLocation = at("dashboard.yml", 1, 1)) -> ConfigNode {
        ConfigNode(.scalar(text), at: location)
    }

    static func list(_ items: [ConfigNode]) -> ConfigNode { ConfigNode(.sequence(items), at: at("dashboard.yml", 1, 1)) }

    static func list(_ items: String...) -> ConfigNode { list(items.map { scalar($0) }) }

    static var null: ConfigNode { ConfigNode(.null, at: at("dashboard.yml", 1, 1)) }

    /// Keys in order, each at the line given (or line 1).
    static func map(_ entries: [(String, ConfigNode)], line: Int = 1) -> ConfigNode {
        ConfigNode(
            .mapping(
                entries.enumerated().map { index, entry in
                    ConfigEntry(key: entry.0, keyLocation: at("dashboard.yml", line + index, 3), value: entry.1)
                }), at: at("dashboard.yml", line, 1))
    }
}

/// A mapping's entries as pairs, so trees read like the YAML they stand for.
func yaml(_ entries: KeyValuePairs<String, ConfigNode>, line: Int = 1) -> ConfigNode {
    YAML.map(entries.map { ($0.key, $0.value) }, line: line)
}

func s(_ text: String) -> ConfigNode { YAML.scalar(text) }
