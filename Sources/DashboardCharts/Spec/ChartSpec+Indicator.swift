import DashboardCore

extension ChartSpec {
    /// The indicator page's chart, of the kind the indicator asks for (`chart:` in dashboard.yml).
    public static func indicator(_ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis) -> ChartSpec {
        switch analysis.indicator.chart {
        case .line: return line(analysis)
        case .column: return column(analysis)
        case .stacked: return stacked(analysis, in: dashboard)
        case .spc: return spc(analysis)
        case .comparison: return comparison(analysis, in: dashboard)
        }
    }

    /// A tiny trend line for the KPI table; nil when the main series has fewer than 2 figures.
    ///
    /// It holds only the figures (gaps as nil): a sparkline draws no text, so renaming the indicator or its
    /// periods does not make it stale.
    public static func sparkline(_ analysis: IndicatorAnalysis) -> ChartSpec? {
        let values = Timeline(analysis.series).observations.map(\.value)
        guard values.compactMap({ $0 }).count >= 2 else { return nil }
        // The target is kept (it sets the scale and is drawn), with no name: a sparkline has no text.
        let target = (analysis.target ?? analysis.indicator.target).map { [Reference(role: .target, name: "", value: $0)] } ?? []
        return ChartSpec(
            kind: .sparkline, title: "", axis: Axis(unit: analysis.indicator.unit, decimals: 0),
            series: [Series(name: "", role: .main, values: values)], references: target)
    }

    // MARK: Kinds

    static func line(_ analysis: IndicatorAnalysis, notes: [String] = []) -> ChartSpec {
        let timeline = Timeline(analysis.series)
        var spec = base(.line, analysis, timeline: timeline)
        spec.notes = notes
        let periods = timeline.observations.map(\.period)
        // Benchmarks given for several charted periods are lines of their own; a single one is a reference line.
        let kinds: [(Reference.Role, BenchmarkComparison.Kind, KeyPath<Benchmarks, Double?>)] = [
            (.statisticalNeighbours, .statisticalNeighbours, \.statisticalNeighbours),
            (.regional, .regional, \.regional), (.national, .national, \.national),
        ]
        for (role, kind, path) in kinds {
            let values = periods.map { analysis.indicator.benchmarks[$0]?[keyPath: path] }
            if values.compactMap({ $0 }).count >= 2 {
                spec.series.append(Series(name: kind.name, role: .benchmark(role), values: values))
            } else if let value = analysis.benchmarks?[keyPath: path], let period = analysis.benchmarkPeriod {
                let name = periods.count > 1 ? "\(kind.name) (\(period.label))" : kind.name
                spec.addComparator(name: name, value: value, for: period, role: role, over: periods, minimumDecimals: analysis.decimals)
            }
        }
        // Named comparators the same way, each in one of the comparator styles in turn.
        let styles: [Reference.Role] = [.national, .regional, .statisticalNeighbours]
        for (index, comparator) in analysis.indicator.comparators.enumerated() {
            let role = styles[index % styles.count]
            let values = periods.map { comparator.figures[$0]?.value }
            if values.compactMap({ $0 }).count >= 2 {
                spec.series.append(Series(name: comparator.name, role: .benchmark(role), values: values))
            } else if let named = analysis.namedComparisons.first(where: { $0.name == comparator.name }) {
                let when = named.asAt ?? named.period
                let name = periods.count > 1 || when != analysis.latest?.period ? "\(comparator.name) (\(when.label))" : comparator.name
                spec.addComparator(name: name, value: named.comparator, for: when, role: role, over: periods, minimumDecimals: analysis.decimals)
            }
        }
        return spec
    }

    /// A comparator's one figure, for `period`: drawn only over the charted periods it covers (a yearly figure
    /// over its own year's quarters or months), never across periods it says nothing of; where it covers them
    /// all, or none (an as-at date, another year), it is a line across the plot, named with its period.
    mutating func addComparator(name: String, value: Double, for period: Period, role: Reference.Role, over periods: [Period], minimumDecimals: Int) {
        let decimals = Reference.decimals(for: value, minimum: minimumDecimals)
        let covered = periods.map { period != $0 && period.start <= $0.start && $0.end <= period.end }
        if covered.contains(true), covered.contains(false) {
            series.append(
                Series(
                    name: name, role: .benchmark(role), values: covered.map { $0 ? value : nil }, decimals: covered.map { _ in decimals },
                    stepped: true))
        } else {
            references.append(Reference(role: role, name: name, value: value, decimals: decimals))
        }
    }

    static func column(_ analysis: IndicatorAnalysis) -> ChartSpec {
        // The main series with the year-to-date figures the data gives, in period order.
        let yearToDate = analysis.observations.filter { $0.period.frequency.isYearToDate && $0.period.frequency != analysis.frequency }
        let timeline = Timeline(analysis.series, extra: yearToDate)
        var spec = base(.column, analysis, timeline: timeline)
        spec.axis.includeZero = true
        spec.periodName = analysis.frequency.map(periodNoun)
        return spec
    }

    static func stacked(_ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis) -> ChartSpec {
        let parts = analysis.indicator.parts.compactMap { dashboard.analysis($0) }
        guard !parts.isEmpty else { return column(analysis) }
        // Periods of the total's main series, or of the parts' when the total has no figures of its own.
        var source = analysis.series
        if source.isEmpty {
            var seen = Set<Period>()
            source = parts.flatMap(\.series).filter { seen.insert($0.period).inserted }.sorted { $0.period < $1.period }
                .map { Observation(period: $0.period, value: nil, location: $0.location) }
        }
        let timeline = Timeline(source)
        var spec = base(.stacked, analysis, timeline: timeline)
        spec.axis.includeZero = true
        let periods = timeline.observations.map(\.period)
        spec.series = parts.enumerated().map { index, part in
            let byPeriod = Dictionary(part.series.map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
            return Series(name: part.indicator.displayTitle, role: .part(index), values: periods.map { byPeriod[$0] ?? nil })
        }
        spec.totals = periods.indices.map { index in
            if let own = timeline.observations[index].value { return own }
            let values = spec.series.map { $0.values[index] }
            return values.contains { $0 == nil } ? nil : values.compactMap { $0 }.reduce(0, +)
        }
        spec.gaps = Timeline.gaps(timeline.observations, present: periods.indices.map { index in spec.series.contains { $0.values[index] != nil } })
        return spec
    }

    static func spc(_ analysis: IndicatorAnalysis) -> ChartSpec {
        guard let result = analysis.spc else {
            // Not enough points (or no variation) for limits: the series as a line, saying why.
            var spec = line(analysis, notes: analysis.spcUnavailable.map { [$0.sentence + "."] } ?? [])
            spec.kind = .line
            return spec
        }
        let timeline = Timeline(analysis.series)
        var spec = base(.spc, analysis, timeline: timeline)
        let types = Dictionary(result.points.map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        spec.points = timeline.observations.map { observation -> PointType? in
            guard observation.value != nil, let point = types[observation.period] else { return nil }
            switch point.type {
            case .commonCause: return .commonCause
            case .improvement: return .improvement
            case .concern: return .concern
            case .neitherHigh, .neitherLow: return .neither
            }
        }
        if result.segments.count > 1 {
            // Rebased: each stretch's mean and limits over its own periods, as separate segments with no riser
            // between them.
            spec.series += stretchSeries(
                result, periods: timeline.observations.map(\.period),
                [
                    (.upperLimit, "Upper limit", { $0.upperLimit }), (.mean, "Mean", { $0.mean }), (.lowerLimit, "Lower limit", { $0.lowerLimit }),
                ])
        } else {
            spec.references += [
                Reference(role: .upperLimit, name: "Upper limit", value: result.upperLimit),
                Reference(role: .mean, name: "Mean", value: result.mean),
                Reference(role: .lowerLimit, name: "Lower limit", value: result.lowerLimit),
            ]
        }
        spec.notes = [
            result.variationSentence + "." + (result.assurance.map { " " + $0.sentence + "." } ?? "")
                + (result.trialLimitsSentence.map { " " + $0 + "." } ?? "")
        ]
        return spec
    }

    /// For a rebased SPC result, one stepped series per line, each stretch at its own level over its own periods
    /// and separate from the next (no riser); a gap inside a stretch keeps the stretch's level.
    static func stretchSeries(
        _ result: SPC.Result, periods: [Period],
        _ lines: [(Reference.Role, String, (SPC.Segment) -> Double)]
    ) -> [Series] {
        var stretchOf: [Int?] = periods.map { period in
            guard let index = result.points.firstIndex(where: { $0.period == period }) else { return nil }
            return result.segments.firstIndex { $0.range.contains(index) }
        }
        // A gap inside a stretch keeps its level; a gap between stretches (a break) has none.
        var current: Int?
        for index in stretchOf.indices {
            if let stretch = stretchOf[index] {
                current = stretch
            } else {
                let next = stretchOf[index...].first { $0 != nil } ?? nil
                stretchOf[index] = next == current ? current : nil
            }
        }
        let breaks = Array(stretchOf.indices.dropFirst().filter { stretchOf[$0] != nil && stretchOf[$0] != stretchOf[$0 - 1] })
        return lines.map { role, name, value in
            Series(
                name: name, role: .benchmark(role), values: stretchOf.map { $0.map { value(result.segments[$0]) } },
                stepped: true, breaks: breaks)
        }
    }

    /// Whether the indicator has a moving-range chart: an XmR chart that asks for one and has limits.
    public static func drawsMovingRange(_ analysis: IndicatorAnalysis) -> Bool {
        analysis.indicator.chart == .spc && analysis.indicator.spcOptions.movingRangeChart && analysis.spc != nil
    }

    /// The moving-range chart drawn under an XmR chart when the indicator asks for it
    /// (`spc: {moving_range_chart: true}`): each figure's difference from the one before (none across a gap),
    /// the average moving range and the upper range limit (3.267 × the average), per stretch where rebased.
    public static func movingRange(_ analysis: IndicatorAnalysis) -> ChartSpec? {
        guard drawsMovingRange(analysis), let result = analysis.spc else { return nil }
        let timeline = Timeline(analysis.series)
        var spec = base(.line, analysis, timeline: timeline)
        let periods = timeline.observations.map(\.period)
        let ranges = Dictionary(result.points.map { ($0.period, $0.movingRange) }, uniquingKeysWith: { first, _ in first })
        let unit = analysis.indicator.unit
        // Percentages differ in percentage points: plain numbers on the axis, the unit said in the subtitle.
        spec.axis = Axis(unit: unit == .percent ? .ratio : unit, decimals: max(analysis.decimals, 1), includeZero: true)
        spec.title = "Moving ranges: \(analysis.indicator.title)"
        spec.subtitle =
            "Difference from the previous figure" + (unit == .percent ? " (percentage points)" : "") + ", "
            + (spec.subtitle.map { $0.split(separator: ",").dropFirst().joined(separator: ",").trimmingSpaces } ?? "")
        spec.series = [Series(name: "Moving range", role: .main, values: periods.map { ranges[$0] ?? nil })]
        spec.references = []
        if result.segments.count > 1 {
            spec.series += stretchSeries(
                result, periods: periods,
                [
                    (.upperLimit, "Upper range limit", { $0.upperRangeLimit }), (.mean, "Average moving range", { $0.averageMovingRange }),
                ])
        } else {
            spec.references = [
                Reference(role: .upperLimit, name: "Upper range limit", value: result.segments[0].upperRangeLimit),
                Reference(role: .mean, name: "Average moving range", value: result.averageMovingRange),
            ]
        }
        spec.notes = ["The upper range limit is 3.267 × the average moving range."]
        return spec
    }

    static func comparison(_ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis) -> ChartSpec {
        var spec = ChartSpec(
            kind: .comparison, title: analysis.indicator.title, source: analysis.indicator.source,
            axis: axis(analysis))
        guard let latest = analysis.latest, let value = latest.value else {
            spec.subtitle = unitName(analysis.indicator.unit)
            return spec
        }
        spec.subtitle = "\(unitName(analysis.indicator.unit)), \(latest.period.label)"
        if let period = analysis.benchmarkPeriod, period != latest.period, !analysis.comparisons.isEmpty {
            spec.subtitle! += " (comparators \(period.label))"
        }
        spec.bars = [Bar(name: dashboard.dashboard.definition.organisation, value: value, decimals: latest.decimals, isSubject: true)]
        for kind in [BenchmarkComparison.Kind.statisticalNeighbours, .regional, .national] {
            if let comparison = analysis.comparisons.first(where: { $0.kind == kind }) {
                spec.bars.append(
                    Bar(
                        name: kind.name, value: comparison.benchmark,
                        decimals: Reference.decimals(for: comparison.benchmark, minimum: analysis.decimals)))
            }
        }
        for named in analysis.namedComparisons {
            let when = named.asAt.map { " (\($0.label))" } ?? ""
            spec.bars.append(
                Bar(
                    name: named.name + when, value: named.comparator,
                    decimals: Reference.decimals(for: named.comparator, minimum: analysis.decimals)))
        }
        if let target = analysis.target {
            spec.references = [
                Reference(
                    role: .target, name: "Target", value: target,
                    decimals: Reference.decimals(for: target, minimum: analysis.decimals))
            ]
        }
        return spec
    }

    // MARK: Shared parts

    static func axis(_ analysis: IndicatorAnalysis) -> Axis {
        Axis(
            unit: analysis.indicator.unit, decimals: analysis.decimals, minimum: analysis.indicator.axisMinimum,
            maximum: analysis.indicator.axisMaximum)
    }

    /// Title, subtitle, source, the main series, its gaps and the target.
    static func base(_ kind: Kind, _ analysis: IndicatorAnalysis, timeline: Timeline) -> ChartSpec {
        let observations = timeline.observations
        var spec = ChartSpec(kind: kind, title: analysis.indicator.title, source: analysis.indicator.source, axis: axis(analysis))
        spec.categories = observations.map { Category($0.period) }
        spec.series = [
            Series(
                name: analysis.indicator.displayTitle, role: .main, values: observations.map(\.value),
                decimals: observations.map(\.decimals))
        ]
        spec.gaps = Timeline.gaps(observations, present: observations.map { $0.value != nil })
        var subtitle = unitName(analysis.indicator.unit)
        if let frequency = analysis.frequency, timeline.isRegular {
            let hasYearToDate = observations.contains { $0.period.frequency.isYearToDate } && !frequency.isYearToDate
            subtitle += ", " + frequency.adjective + (hasYearToDate ? " and year to date" : "")
        }
        if let first = observations.first?.period, let last = observations.last?.period {
            subtitle += first == last ? ", \(first.label)" : ", \(first.label) to \(last.label)"
        }
        spec.subtitle = subtitle
        // A target that differs between the charted periods is a series of its own, drawn as steps; a single
        // target is a line across the plot. (Stacked columns keep the single line.)
        let periodTargets = observations.map { observation -> Double? in
            let period = observation.period
            guard !period.frequency.isYearToDate else { return nil }
            // The period's own target, else its financial year's (`target: {2020/21: 70%}`), else the one target.
            let indicator = analysis.indicator
            return indicator.targets[period] ?? indicator.targets[.financialYear(period.financialYear)] ?? indicator.target
        }
        if kind != .stacked, !analysis.indicator.targets.isEmpty, Set(periodTargets.compactMap { $0 }).count > 1 {
            let decimals = periodTargets.map { $0.map { Reference.decimals(for: $0, minimum: analysis.decimals) } ?? analysis.decimals }
            spec.series.append(Series(name: "Target", role: .benchmark(.target), values: periodTargets, decimals: decimals, stepped: true))
        } else if let target = analysis.target ?? analysis.indicator.target {
            spec.references.append(
                Reference(
                    role: .target, name: "Target", value: target,
                    decimals: Reference.decimals(for: target, minimum: analysis.decimals)))
        }
        return spec
    }

    static func unitName(_ unit: MeasureUnit) -> String {
        switch unit {
        case .count: return "Number"
        case .percent: return "Percentage"
        case .rate: return "Rate"
        case .ratio: return "Ratio"
        case .currency: return "Pounds (£)"
        case .days: return "Days"
        case .rank: return "Rank (1st is top)"
        }
    }

    static func periodNoun(_ frequency: Period.Frequency) -> String {
        switch frequency {
        case .day: return "Date"
        case .month: return "Month"
        case .quarter: return "Quarter"
        case .financialYear: return "Financial year"
        case .calendarYear: return "Year"
        case .financialYearToDate, .calendarYearToDate: return "Year to date"
        case .census: return "Census"
        case .term: return "Term"
        case .academicYear: return "Academic year"
        case .span: return "Period"
        }
    }
}

/// A series in period order with every missing period filled in as a gap, so a line never joins across a
/// period that has no row at all.
struct Timeline {
    var observations: [Observation]

    /// At most this many periods are filled between two figures (a typo'd year must not make a 10,000-column chart).
    static let maximumFill = 240

    /// Whether figures come every period (so "quarterly" describes them); yearly snapshots of a month do not.
    var isRegular: Bool

    /// Holes are filled only where figures are otherwise closer together: snapshots taken each August are a
    /// yearly series, not a monthly one with eleven gaps.
    init(_ series: [Observation], extra: [Observation] = []) {
        let steps = zip(series, series.dropFirst()).compactMap { Timeline.distance($0.period, $1.period) }
        let usual = steps.min() ?? 1
        isRegular = usual == 1
        var filled: [Observation] = []
        for observation in series {
            if usual == 1, let previous = filled.last, var next = previous.period.following, next < observation.period {
                var added = 0
                while next < observation.period, added < Timeline.maximumFill {
                    filled.append(Observation(period: next, value: nil, gap: .missing, location: observation.location))
                    guard let following = next.following else { break }
                    next = following
                    added += 1
                }
            }
            filled.append(observation)
        }
        observations = (filled + extra).sorted { $0.period < $1.period }
    }

    /// How many periods on from `a` `b` is (1 for consecutive), or nil where periods are irregular.
    static func distance(_ a: Period, _ b: Period) -> Int? {
        var next = a.following
        var count = 1
        while let period = next, count <= maximumFill {
            if period == b { return count }
            if b < period { return nil }
            next = period.following
            count += 1
        }
        return nil
    }

    /// Runs of categories without a figure, each with the reason its observations give.
    static func gaps(_ observations: [Observation], present: [Bool]) -> [ChartSpec.Gap] {
        var gaps: [ChartSpec.Gap] = []
        var index = 0
        while index < observations.count {
            guard !present[index] else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < observations.count, !present[end + 1] { end += 1 }
            var phrases: [String] = []
            for observation in observations[index...end] {
                let phrase = observation.gap?.phrase ?? GapReason.missing.phrase
                if !phrases.contains(phrase) { phrases.append(phrase) }
            }
            let reason = phrases.joined(separator: "; ")
            gaps.append(ChartSpec.Gap(from: index, to: end, reason: reason.prefix(1).uppercased() + reason.dropFirst()))
            index = end + 1
        }
        return gaps
    }
}

extension Period {
    /// The period just after, for filling holes in a series; nil where periods are irregular (dates, year to date).
    var following: Period? {
        switch self {
        case .day, .financialYearToDate, .calendarYearToDate, .census, .span: return nil
        case .term, .academicYear: return next
        case .month(let year, let month): return month == 12 ? .month(year: year + 1, month: 1) : .month(year: year, month: month + 1)
        case .quarter(let fy, let q): return q == 4 ? .quarter(financialYear: fy + 1, quarter: 1) : .quarter(financialYear: fy, quarter: q + 1)
        case .financialYear(let fy): return .financialYear(fy + 1)
        case .calendarYear(let year): return .calendarYear(year + 1)
        }
    }
}
