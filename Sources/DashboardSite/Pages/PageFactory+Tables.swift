import DashboardCharts
import DashboardCore
import Foundation

/// The indicator page's tables: its figures, year to date, benchmarks, statistical neighbours, SPC and moving ranges.
extension PageFactory {
    static func dataTable(_ analysis: IndicatorAnalysis) -> DataTable {
        let hasCounts = analysis.observations.contains { $0.numerator != nil || $0.denominator != nil }
        var headings = [Cell(text: "Period"), Cell(text: "Figure", numeric: true)]
        if hasCounts { headings += [Cell(text: "Numerator", numeric: true), Cell(text: "Denominator", numeric: true)] }
        headings.append(Cell(text: "Note"))
        let rows = analysis.observations.map { observation -> TableRow in
            var cells: [Cell] = []
            if observation.isGap {
                cells.append(Cell(text: "Gap: \(observation.gap?.phrase ?? "no figure")", numeric: true))
            } else {
                cells.append(Cell(text: Formatting.figure(observation.value!, unit: analysis.unit, decimals: observation.decimals), numeric: true))
            }
            if hasCounts {
                cells.append(Cell(text: observation.numerator.map { Formatting.number($0, decimals: 0) } ?? "", numeric: true))
                cells.append(Cell(text: observation.denominator.map { Formatting.number($0, decimals: 0) } ?? "", numeric: true))
            }
            // A gap's note repeats its reason when the cell said only that ("Break in data"): say it once.
            let note = observation.note.flatMap { $0.lowercased() == observation.gap?.phrase.lowercased() ? nil : $0 }
            let revised = revisedText(analysis, period: observation.period).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            cells.append(Cell(text: [note, revised].compactMap { $0 }.joined(separator: ". ")))
            return TableRow(cells: cells, header: observation.label, note: observation.note, isGap: observation.isGap)
        }
        let span = spanText(analysis.observations.map(\.period))
        return DataTable(caption: "\(analysis.indicator.title): figures \(span)", headings: headings, rows: rows)
    }

    /// "71.8% in the 2019/20 Q4 edition": what an edition published for a figure since revised.
    static func publishedText(_ revision: Revision, unit: MeasureUnit) -> String {
        let figure =
            revision.published.value.map { Formatting.figure($0, unit: unit, decimals: revision.published.decimals) }
            ?? "a gap (\(revision.published.gap?.phrase ?? "no figure"))"
        return "\(figure) in the \(revision.edition.label) edition"
    }

    /// The latest figure's revision, for its KPI table cell: "revised: 71.8% in the 2019/20 Q4 edition"; and
    /// the values published for the period before the one shown: "published earlier as 3,622 (1 September 2020,
    /// September 2020 committee report)".
    static func revisedText(_ analysis: IndicatorAnalysis, period: Period?) -> String? {
        var parts: [String] = []
        let revisions = analysis.revisions.filter { $0.period == period }
        if !revisions.isEmpty {
            parts.append("revised: " + revisions.map { publishedText($0, unit: analysis.unit) }.joined(separator: "; "))
        }
        if let period, let earlier = analysis.earlierVintages[period], !earlier.isEmpty {
            parts.append(
                "published earlier as "
                    + earlier.map { observation in
                        let figure = observation.value.map { Formatting.figure($0, unit: analysis.unit, decimals: observation.decimals) } ?? "a gap"
                        return observation.vintage.map { "\(figure) (\($0.phrase))" } ?? figure
                    }.joined(separator: ", then "))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// Every figure revised since an edition published it, oldest first, for the indicator page's list.
    static func revisions(_ analysis: IndicatorAnalysis) -> [String] {
        analysis.revisions.map { revision in
            let now =
                revision.current.map { current in
                    current.value.map { Formatting.figure($0, unit: analysis.unit, decimals: current.decimals) } ?? "a gap"
                } ?? "no figure"
            return "\(analysis.label(revision.period)): published as \(publishedText(revision, unit: analysis.unit)) (\(Period.day(revision.publishedOn).label)); now \(now)."
        }
    }

    static func spanText(_ periods: [Period]) -> String {
        guard let first = periods.first, let last = periods.last else { return "" }
        return first == last ? "for \(first.label)" : "from \(first.label) to \(last.label)"
    }

    static func yearToDateTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        // A snapshot's "year to date" is only its latest figure: worth a table only where the data gives one.
        // A year not totalled for missing periods is listed with why, so no one reads a partial sum elsewhere.
        let figures = analysis.yearToDate.filter {
            ($0.value != nil || (!$0.missing.isEmpty && $0.reason != nil)) && (analysis.indicator.aggregation != .last || $0.given != nil)
        }
        let hasTargets = !analysis.indicator.targets.isEmpty
        guard !figures.isEmpty else { return nil }
        let rows = figures.map { ytd -> TableRow in
            let decimals = max(ytd.given?.decimals ?? analysis.decimals, analysis.decimals)
            let given = ytd.given?.value.map { Formatting.figure($0, unit: analysis.unit, decimals: ytd.given?.decimals ?? decimals) } ?? "–"
            let computed = ytd.computed.map { Formatting.figure($0, unit: analysis.unit, decimals: decimals) } ?? "–"
            let through = ytd.through.map { ytd.isComplete ? "Whole year" : "To \($0.label)" } ?? "–"
            var note = ytd.reason ?? ""
            if let n = ytd.numerator, let d = ytd.denominator {
                note = "\(Formatting.number(n, decimals: 0)) / \(Formatting.number(d, decimals: 0))"
            }
            var cells = [Cell(text: through), Cell(text: given, numeric: true), Cell(text: computed, numeric: true)]
            if hasTargets {
                cells.append(Cell(text: ytd.target.map { analysis.format($0, decimals: Formatting.decimalPlaces(of: $0, minimum: analysis.decimals)) } ?? "–", numeric: true))
            }
            cells.append(Cell(text: note))
            return TableRow(cells: cells, header: ytd.period.label, note: nil, isGap: false)
        }
        let how: String
        switch analysis.indicator.aggregation {
        case .sum: how = "the sum of the periods"
        case .mean: how = "the mean of the periods"
        case .last: how = "the latest period's figure"
        case .ratio: how = "numerators and denominators added, then divided"
        case .given: how = "only the figure given (a unique count cannot be summed)"
        }
        return DataTable(
            caption: "Year to date: published and computed (\(how))",
            headings: [
                Cell(text: "Year"), Cell(text: "Covers"), Cell(text: "Published", numeric: true),
                Cell(text: "Computed", numeric: true),
            ] + (hasTargets ? [Cell(text: "Target", numeric: true)] : [])
                + [Cell(text: "Note")], rows: rows)
    }

    static func benchmarkTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        guard !analysis.comparisons.isEmpty || !analysis.namedComparisons.isEmpty, let latest = analysis.latest else { return nil }
        var rows: [TableRow] = []
        if let quartile = analysis.benchmarks?.nationalQuartile {
            let ordinal = Wording.quartileOrdinal(quartile)
            var text = "\(ordinal.prefix(1).uppercased() + ordinal.dropFirst()) quartile of local authorities"
            if let position = analysis.benchmarks?.quartilePosition { text += " (\(position.rawValue) in the quartile)" }
            rows.append(TableRow(cells: [Cell(text: text), Cell(text: ""), Cell(text: "")], header: "National quartile (1 = top)", note: nil, isGap: false))
        }
        rows += groupRows(analysis)
        // One row a comparator: its figure, the difference from ours and which is better by polarity.
        func row(_ header: String, figure: String, difference: String, better: Bool?, equal: Bool) -> TableRow {
            let judgement = better.map { $0 ? "Better" : "Worse" } ?? (equal ? "Same" : "–")
            return TableRow(cells: [Cell(text: figure), Cell(text: difference), Cell(text: judgement)], header: header, note: nil, isGap: false)
        }
        for comparison in analysis.comparisons {
            let header = "\(comparison.kind.name) (\(comparison.period.label))"
            if comparison.kind.isChange {
                let ours = Formatting.percentChange(comparison.value)
                rows.append(
                    row(
                        header, figure: Formatting.percentChange(comparison.benchmark),
                        difference: "ours \(ours): \(Formatting.change(comparison.gap, unit: .percent, decimals: 1))",
                        better: comparison.better, equal: comparison.gap == 0))
            } else {
                let decimals = Formatting.decimalPlaces(of: comparison.benchmark, minimum: analysis.decimals)
                rows.append(
                    row(
                        header, figure: analysis.format(comparison.benchmark, decimals: decimals),
                        difference: Formatting.change(comparison.gap, unit: analysis.unit, decimals: decimals),
                        better: comparison.better, equal: comparison.gap == 0))
            }
        }
        for named in analysis.namedComparisons {
            let decimals = Formatting.decimalPlaces(of: named.comparator, minimum: analysis.decimals)
            var when = named.period.label
            if let asAt = named.asAt, asAt != named.period { when += ", as at \(asAt.label)" }
            rows.append(
                row(
                    "\(named.name) (\(when))", figure: analysis.format(named.comparator, decimals: decimals),
                    difference: Formatting.change(named.gap, unit: analysis.unit, decimals: decimals),
                    better: named.better, equal: named.gap == 0))
        }
        return DataTable(
            caption: "Benchmarks beside \(analysis.format(latest)) (\(latest.period.label))",
            headings: ["Comparator", "Figure", "Difference", "Judged by polarity"].map { Cell(text: $0) }, rows: rows)
    }

    /// Each statistical neighbour's figure for the benchmark period, in the neighbour workbook's order, then their
    /// average over those with a figure: the table behind the KPI table's neighbour average.
    static func neighbourTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        guard let benchmarks = analysis.benchmarks, !benchmarks.neighbourFigures.isEmpty,
            let period = analysis.benchmarkPeriod
        else { return nil }
        let figures = benchmarks.neighbourFigures
        var rows = figures.map { neighbour in
            TableRow(
                cells: [Cell(text: neighbour.value.map { benchmarkFigure($0, analysis) } ?? "no figure", numeric: true)],
                header: neighbour.name, note: nil, isGap: neighbour.value == nil)
        }
        let present = figures.filter { $0.value != nil }.count
        if let average = benchmarks.statisticalNeighbours {
            rows.append(
                TableRow(
                    cells: [Cell(text: benchmarkFigure(average, analysis), numeric: true)],
                    header: "Average of the \(present) of \(figures.count) with a figure", note: nil, isGap: false))
        }
        return DataTable(
            caption: "Statistical neighbours' figures, \(period.label)",
            headings: [Cell(text: "Neighbour"), Cell(text: "Figure", numeric: true)], rows: rows)
    }

    static func spcSection(_ analysis: IndicatorAnalysis) -> SPCSection? {
        guard let spc = analysis.spc else { return nil }
        let format = { (value: Double) in analysis.format(value, decimals: max(analysis.decimals, 1)) }
        let limitsText =
            "Mean \(format(spc.mean)); process limits \(format(spc.lowerLimit)) to \(format(spc.upperLimit)) (mean ± 2.66 × the average moving range of \(format(spc.averageMovingRange))), from \(spc.observedCount) figures."
        var limits = limitsText
        if spc.segments.count > 1 { limits = stretchesText(spc, analysis: analysis, format: format) }
        if let trial = spc.trialLimitsSentence { limits += " " + trial + "." }
        let special = spc.points.filter { $0.type.isSpecial }.map { point -> String in
            let value = point.value.map { analysis.format($0, decimals: analysis.decimals) } ?? ""
            let kind: String
            switch point.type {
            case .improvement: kind = "improvement"
            case .concern: kind = "concern"
            case .neitherHigh: kind = "high"
            case .neitherLow: kind = "low"
            case .commonCause: kind = ""
            }
            let rules = point.rules.sorted().map(\.sentence).joined(separator: "; ")
            return "\(point.period.label): \(value), \(kind) (\(rules))"
        }
        return SPCSection(
            icons: spcIcons(spc), limits: limits,
            specialPoints: special, hasSpecialPoints: !special.isEmpty,
            method:
                "XmR chart as in NHS England's Making Data Count: special causes are a point outside the limits, a run of \(SPC.runLength) or more on one side of the mean, \(SPC.trendLength) points moving the same way, or 2 of 3 points close to a limit. Gaps are not bridged."
        )
    }

    /// Each figure's moving range, as the moving-range chart draws it, with the stretch's average and limit.
    static func movingRangeTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        guard let spc = analysis.spc else { return nil }
        let format = { (value: Double) in Formatting.number(value, decimals: max(analysis.decimals, 1)) }
        var rows: [TableRow] = []
        for segment in spc.segments {
            let limit = segment.upperRangeLimit
            for point in spc.points[segment.range] {
                let range = point.movingRange.map(format) ?? "none"
                let note: String
                if let value = point.movingRange {
                    note = value > limit + 1e-9 ? "Above the upper range limit of \(format(limit))" : ""
                } else {
                    note = point.value == nil ? "Gap" : "First figure, or the first after a gap or a change in process"
                }
                rows.append(
                    TableRow(
                        cells: [
                            Cell(text: point.value.map { analysis.format($0, decimals: analysis.decimals) } ?? "–", numeric: true),
                            Cell(text: range, numeric: true), Cell(text: note),
                        ],
                        header: analysis.label(point.period), note: nil, isGap: point.value == nil))
            }
        }
        let unit = analysis.unit == .percent ? " (percentage points)" : ""
        return DataTable(
            caption: "Moving ranges\(unit): each figure's difference from the one before",
            headings: [Cell(text: "Period"), Cell(text: "Figure", numeric: true), Cell(text: "Moving range", numeric: true), Cell(text: "Note")],
            rows: rows)
    }
}
