/// Joins a dashboard's definition with the figures of its data files, checking each figure against its indicator.
public enum DashboardAssembler {
    public struct DataFile: Sendable {
        public var path: String
        public var records: [ObservationRecord]

        public init(path: String, records: [ObservationRecord]) {
            self.path = path
            self.records = records
        }
    }

    public static func assemble(_ definition: DashboardDefinition, files: [DataFile]) -> (Dashboard, Diagnostics) {
        var builder = Builder(definition)
        for file in files {
            builder.addFile(file.path)
            for record in file.records { builder.add(record) }
        }
        return builder.finish()
    }

    /// Takes figures one at a time as data files are read, keeping only each indicator's observations: the
    /// records of a big file are never all held at once.
    public struct Builder {
        let definition: DashboardDefinition
        var byKey: [String: IndicatorDefinition] = [:]
        /// Officers paste tables whose first column is the title; a title is accepted when it names one indicator.
        var byTitle: [String: [IndicatorDefinition]] = [:]
        var series: [String: [Observation]] = [:]
        var files: [String] = []
        var diagnostics = Diagnostics()

        public init(_ definition: DashboardDefinition) {
            self.definition = definition
            for indicator in definition.indicators {
                byKey[indicator.id] = indicator
                for title in Set([indicator.title, indicator.shortTitle].compactMap { $0.map(titleKey) }) {
                    byTitle[title, default: []].append(indicator)
                }
            }
        }

        public mutating func addFile(_ path: String) {
            files.append(path)
        }

        public mutating func add(_ record: ObservationRecord) {
            let indicator: IndicatorDefinition
            if let match = byKey[record.indicator] {
                indicator = match
            } else if let matches = byTitle[titleKey(record.indicator)], matches.count == 1 {
                indicator = matches[0]
            } else {
                let names = definition.indicators.flatMap { [$0.id, $0.title] + ($0.shortTitle.map { [$0] } ?? []) }
                // A title shared by several indicators names none of them; it is not a near miss.
                let hint =
                    byTitle[titleKey(record.indicator)] != nil
                    ? ""
                    : Diagnostic.suggestion(for: titleKey(record.indicator), among: names).map { "; \($0)" } ?? ""
                let shown = record.indicator.count > 60 ? String(record.indicator.prefix(60)) + "…" : record.indicator
                diagnostics.error(
                    "'\(shown)' is not an indicator of dashboard '\(definition.id)' (declare it under indicators: in dashboard.yml)\(hint)",
                    at: record.indicatorLocation)
                return
            }
            if let observation = observation(record, for: indicator, diagnostics: &diagnostics) {
                series[indicator.id, default: []].append(observation)
            }
        }

        /// The dashboard, each indicator's figures in period order. A second figure for a period is an error
        /// naming the first (found after sorting, which keeps the order read, so no index of every figure is kept).
        public mutating func finish() -> (Dashboard, Diagnostics) {
            for id in series.keys.sorted() {
                var figures = series.removeValue(forKey: id)!
                figures.sort { $0.period < $1.period }
                var kept = 0
                var periodStart = 0
                for index in figures.indices {
                    if kept == 0 || figures[kept - 1].period != figures[index].period { periodStart = kept }
                    // Several values for a period stand when their vintages differ (a table and a later return);
                    // the same vintage twice is a repeat.
                    if let same = figures[periodStart..<kept].first(where: { $0.vintage == figures[index].vintage }) {
                        let what = figures[index].vintage.map { " (published \($0.phrase))" } ?? ""
                        let hint = figures[index].vintage == nil ? " (or give each its published date or source)" : ""
                        diagnostics.error(
                            "\(id) already has a figure for \(figures[index].period.label)\(what) at \(same.location); keep one\(hint)",
                            at: figures[index].location)
                        continue
                    }
                    figures[kept] = figures[index]
                    kept += 1
                }
                figures.removeLast(figures.count - kept)
                series[id] = figures
            }
            return (Dashboard(definition: definition, series: series, files: files), diagnostics)
        }
    }

    /// A title as matched: case, apostrophe style (’ or '), runs of spaces and a trailing full stop do not matter.
    public static func titleKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.trimmingSpaces.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}":
                scalars.append("'")
                lastWasSpace = false
            case " ", "\t", "\u{A0}", "\n":
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            default:
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var key = String(scalars)
        while key.hasSuffix(".") { key.removeLast() }
        return key.trimmingSpaces
    }

    /// The record's figure, checked against the indicator's unit; `24 of 39` made the percentage, rate or ratio.
    static func checkedFigure(
        _ record: ObservationRecord, fitting indicator: IndicatorDefinition, diagnostics: inout Diagnostics
    ) -> Figure? {
        var figure = record.figure
        let at = record.valueLocation
        if figure.hasPercentSign, indicator.unit != .percent {
            diagnostics.error("\(indicator.id) is measured in \(indicator.unit.rawValue), but this figure is a percentage", at: at)
            return nil
        }
        if figure.hasCurrencySign, indicator.unit != .currency {
            diagnostics.error("\(indicator.id) is measured in \(indicator.unit.rawValue), but this figure is in pounds", at: at)
            return nil
        }
        if figure.isRank != (indicator.unit == .rank), figure.value != nil {
            diagnostics.error(
                figure.isRank
                    ? "\(indicator.id) is measured in \(indicator.unit.rawValue), but this figure is a rank; set unit: rank for a league-table place"
                    : "\(indicator.id) is measured in ranks: write the place as 4th or 11 out of 32", at: at)
            return nil
        }
        if figure.isFromCounts {
            // `24 of 39`: the figure is the numerator over the denominator, as a percentage or a rate.
            switch indicator.unit {
            case .percent:
                figure.value = figure.value.map { $0 * 100 }
                figure.decimals = 1
            case .rate, .ratio:
                figure.decimals = indicator.unit.defaultDecimals
            default:
                diagnostics.error("\(indicator.id) is measured in \(indicator.unit.rawValue); a numerator over a denominator (24 of 39) is a percentage, rate or ratio", at: at)
                return nil
            }
        }
        return figure
    }

    /// The record with the numerator and denominator written in the figure (`94.9% (1074)`, `4/18`), which must
    /// agree with the numerator and denominator columns where both are given.
    static func counted(_ record: ObservationRecord, figure: Figure, diagnostics: inout Diagnostics) -> ObservationRecord? {
        let at = record.valueLocation
        var record = record
        if let denominator = figure.denominator, !figure.isRank {
            if let given = record.denominator, given != denominator {
                diagnostics.error(
                    "the denominator written with the figure (\(Formatting.number(denominator, decimals: 0))) differs from the denominator column (\(Formatting.number(given, decimals: 0)))",
                    at: at)
                return nil
            }
            record.denominator = denominator
        }
        if let count = figure.count {
            if let given = record.numerator, given != count {
                diagnostics.error(
                    "the count in brackets (\(Formatting.number(count, decimals: 0))) differs from the numerator column (\(Formatting.number(given, decimals: 0)))", at: at)
                return nil
            }
            record.numerator = count
        }
        return record
    }

    static func observation(
        _ record: ObservationRecord, for indicator: IndicatorDefinition,
        diagnostics: inout Diagnostics
    ) -> Observation? {
        guard let figure = checkedFigure(record, fitting: indicator, diagnostics: &diagnostics),
            let record = counted(record, figure: figure, diagnostics: &diagnostics)
        else { return nil }
        let numerator = record.numerator
        let at = record.valueLocation
        if let value = figure.value {
            if indicator.unit == .count || indicator.unit == .days, value < 0 {
                diagnostics.error("\(indicator.id) counts \(indicator.unit == .days ? "days" : "things"), so its figure cannot be negative", at: at)
                return nil
            }
            if indicator.unit == .percent, value > 100, indicator.axisMaximum.map({ $0 < value }) ?? true {
                diagnostics.warning(
                    "\(Formatting.figure(value, unit: .percent, decimals: figure.decimals)) is over 100%; if that is right, set axis: {max: …} for \(indicator.id)", at: at)
            }
            if let numerator, let denominator = record.denominator {
                if denominator == 0 {
                    diagnostics.error("the denominator is 0", at: at)
                    return nil
                }
                if indicator.unit == .percent {
                    let computed = numerator / denominator * 100
                    if !Formatting.agree(computed, value, decimals: figure.decimals) {
                        let shown = Formatting.number(computed, decimals: figure.decimals, grouping: false)
                        diagnostics.warning(
                            "\(Formatting.figure(value, unit: .percent, decimals: figure.decimals)) does not match \(Formatting.number(numerator, decimals: 0)) / \(Formatting.number(denominator, decimals: 0)) = \(shown)%",
                            at: at)
                    }
                }
            }
        }
        if let numerator, let denominator = record.denominator, numerator > denominator, indicator.unit == .percent {
            diagnostics.warning("the numerator \(Formatting.number(numerator, decimals: 0)) is larger than the denominator \(Formatting.number(denominator, decimals: 0))", at: at)
        }
        var note = record.note
        if figure.isRank, let outOf = figure.denominator {
            let words = "out of \(Formatting.number(outOf, decimals: 0))"
            note = note.map { "\(words). \($0)" } ?? words
        }
        if let words = figure.gapText {
            note = note.map { "\(words). \($0)" } ?? words
        }
        // A percentage or rate with its numerator and denominator is worked from them, not from its rounded print,
        // so changes are exact (re-offences per re-offender 66/14 against 26/12 is +117.6%); it is shown as printed.
        var value = figure.value
        if let n = numerator, let d = record.denominator, d > 0, value != nil, !figure.isRank {
            switch indicator.unit {
            case .percent: value = n / d * 100
            case .rate, .ratio: value = n / d
            default: break
            }
        }
        var result = Observation(
            period: record.period, value: value, decimals: figure.decimals, numerator: numerator,
            denominator: record.denominator, gap: figure.gap, note: note, location: at)
        result.writtenLabel = record.periodLabel
        result.vintage = record.vintage
        if figure.denominator != nil, !figure.isRank { result.countsForm = figure.countsForm }
        return result
    }
}
