import DashboardCore

/// Words for charts: alt text from the data (what is shown, over what span, the latest figure and its change,
/// the target, gaps and their reasons) and figure captions for committee reports. Plain sentences, no markup.
public enum ChartText {
    public static func altText(_ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis) -> String {
        let spec = ChartSpec.indicator(analysis, in: dashboard)
        var sentences = [whatIsShown(spec, analysis, in: dashboard)]
        sentences += latestSentences(analysis)
        if let significance = analysis.significance {
            // The latest figure's interval and what it says beside each comparator, as the page gives them.
            var sentence = "Its confidence interval is " + significance.describe(unit: analysis.unit, decimals: analysis.decimals)
            if !significance.comparisons.isEmpty { sentence += ": " + list(significance.comparisons.map(\.sentence)) }
            sentences.append(sentence + ".")
        }
        if spec.kind == .stacked, let last = analysis.latest?.period {
            let parts = spec.series.compactMap { series -> String? in
                guard let index = spec.categories.firstIndex(where: { $0.name == last.label }), let value = series.values[index] else { return nil }
                return "\(series.name) \(analysis.format(value, decimals: 0))"
            }
            if !parts.isEmpty { sentences.append("In \(last.label): " + list(parts) + ".") }
        }
        if spec.kind == .column, let ytd = analysis.observations.last(where: { $0.period.frequency.isYearToDate && $0.value != nil }),
            analysis.frequency?.isYearToDate == false
        {
            sentences.append("The \(ytd.period.longLabel) figure is \(analysis.format(ytd)).")
        }
        if let target = analysis.target {
            var sentence = "The target is \(exact(analysis, target))"
            if let met = analysis.meetsTarget {
                sentence += met ? ", which the latest figure meets" : ", which the latest figure misses"
            }
            sentences.append(sentence + ".")
        }
        sentences += comparatorSentences(spec, analysis)
        sentences += processSentences(spec, analysis)
        sentences += gapSentences(Timeline(analysis.series).observations)
        return sentences.joined(separator: " ")
    }

    /// The chart's kind, what it shows and over what span: "Line chart of …: quarterly figures from … to …".
    static func whatIsShown(_ spec: ChartSpec, _ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis) -> String {
        let indicator = analysis.indicator
        switch spec.kind {
        case .comparison:
            var what = "Bar chart of \(indicator.title)"
            if let latest = analysis.latest {
                what += " for \(dashboard.dashboard.definition.organisation) in \(latest.period.label)"
            }
            let comparators =
                [BenchmarkComparison.Kind.statisticalNeighbours, .regional, .national]
                .filter { kind in analysis.comparisons.contains { $0.kind == kind } }.map(phrase)
                + analysis.namedComparisons.map(\.name)
            if !comparators.isEmpty { what += ", compared with " + list(comparators) }
            return what + "."
        default:
            var what = "\(kindName(spec)) of \(indicator.title)"
            if spec.kind == .stacked { what += ", split into " + list(spec.series.map(\.name)) }
            if let span = span(spec) {
                let regular = spec.kind == .stacked || Timeline(analysis.series).isRegular
                let frequency = regular ? (analysis.frequency?.adjective ?? "dated") : "snapshot"
                let yearToDate = spec.categories.contains(where: \.isYearToDate) && analysis.frequency?.isYearToDate == false
                what += ": \(frequency)\(yearToDate ? " and year-to-date" : "") figures \(span)"
            }
            return what + "."
        }
    }

    /// The benchmark comparators for their period, and the named ones with their own periods or as-at dates.
    static func comparatorSentences(_ spec: ChartSpec, _ analysis: IndicatorAnalysis) -> [String] {
        var sentences: [String] = []
        let order: [BenchmarkComparison.Kind] = [.statisticalNeighbours, .regional, .national]
        let levels = order.compactMap { kind in analysis.comparisons.first { $0.kind == kind } }
        if spec.kind != .comparison, !levels.isEmpty, let period = analysis.benchmarkPeriod {
            sentences.append("Comparators for \(period.label): " + list(levels.map { "\(phrase($0.kind)) \(exact(analysis, $0.benchmark))" }) + ".")
        }
        // Named comparators, each with its own period or as-at date.
        let named = analysis.namedComparisons.map { comparison -> String in
            let when = comparison.asAt.map { "as at \($0.label)" } ?? comparison.period.label
            return "\(comparison.name) \(exact(analysis, comparison.comparator)) (\(when))"
        }
        if !named.isEmpty { sentences.append((spec.kind == .comparison ? "Figures: " : "Comparators: ") + list(named) + ".") }
        return sentences
    }

    /// What SPC says of the process (variation, assurance, trial and rebased limits, breaks), or why it is not shown.
    static func processSentences(_ spec: ChartSpec, _ analysis: IndicatorAnalysis) -> [String] {
        var sentences: [String] = []
        if spec.kind == .spc, let result = analysis.spc {
            var sentence = result.variationSentence
            let special = result.specialPoints.count
            if special > 0 { sentence += ", with \(special) special-cause \(special == 1 ? "point" : "points")" }
            sentences.append(sentence + ".")
            if let assurance = result.assurance { sentences.append(assurance.sentence + ".") }
            if let trial = result.trialLimitsSentence { sentences.append(trial + ".") }
            let rebased = result.segments.filter { if case .rebase? = $0.start { return true } else { return false } }
            if !rebased.isEmpty {
                let starts = rebased.map { analysis.label(result.periods(of: $0).first) }
                sentences.append("The mean and limits are worked afresh from \(list(starts)), after a change in the process.")
            }
            for segment in result.segments {
                guard case .breakInData(let at)? = segment.start else { continue }
                let first = analysis.label(result.periods(of: segment).first)
                sentences.append("The mean and limits are worked afresh from \(first), after \(at.description).")
            }
        } else if analysis.indicator.chart == .spc, let unavailable = analysis.spcUnavailable {
            sentences.append(unavailable.sentence + ".")
        }
        return sentences
    }

    /// The moving-range chart's alt text: what it plots, the average and the upper range limit (per stretch
    /// where rebased), and every moving range above its limit.
    public static func movingRangeAltText(_ analysis: IndicatorAnalysis) -> String? {
        guard ChartSpec.drawsMovingRange(analysis), let result = analysis.spc else { return nil }
        let points = unitsOfChange(analysis)
        let format = { (value: Double) in Formatting.number(value, decimals: max(analysis.decimals, 1)) + points }
        let periods = Timeline(analysis.series).observations.map(\.period)
        var sentences = [
            "Moving-range chart of \(analysis.indicator.title): each figure's difference from the one before"
                + (periods.count > 1 ? ", \(analysis.label(periods.first!)) to \(analysis.label(periods.last!))." : ".")
        ]
        var above: [String] = []
        for segment in result.segments {
            let limit = segment.upperRangeLimit
            let (first, last) = result.periods(of: segment)
            let stretch = result.segments.count > 1 ? "From \(analysis.label(first)) to \(analysis.label(last)), the" : "The"
            sentences.append("\(stretch) average moving range is \(format(segment.averageMovingRange)) and the upper range limit \(format(limit)).")
            for point in result.points[segment.range] {
                if let range = point.movingRange, range > limit + 1e-9 { above.append("\(analysis.label(point.period)) (\(format(range)))") }
            }
        }
        sentences.append(
            above.isEmpty
                ? "No moving range is above its upper range limit."
                : "Above the upper range limit: \(list(above)).")
        return sentences.joined(separator: " ")
    }

    /// " percentage points" for percentages, else the unit's word after a number, if any.
    static func unitsOfChange(_ analysis: IndicatorAnalysis) -> String {
        switch analysis.indicator.unit {
        case .percent: return " percentage points"
        case .days: return " days"
        default: return ""
        }
    }

    public static func sparklineAltText(_ analysis: IndicatorAnalysis) -> String {
        let observations = Timeline(analysis.series).observations
        let figures = observations.filter { $0.value != nil }
        let name = analysis.indicator.displayTitle
        guard let first = figures.first, let last = figures.last, figures.count >= 2 else {
            if let only = figures.first { return "\(name): only one figure, \(analysis.format(only)) in \(only.period.label)." }
            return "\(name): no figures yet."
        }
        let values = figures.compactMap(\.value)
        var text = "Trend of \(name) from \(first.period.label) to \(last.period.label): \(analysis.format(first)) to \(analysis.format(last))"
        if let low = values.min(), let high = values.max(), values.count > 2 {
            text += ", lowest \(analysis.format(low)), highest \(analysis.format(high))"
        }
        text += "."
        let gaps = gapSentences(observations)
        return ([text] + gaps).joined(separator: " ")
    }

    /// "Title, 2019/20 Q1 to 2020/21 Q1. Leicestershire County Council. Source: …"
    public static func caption(_ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis) -> String {
        let spec = ChartSpec.indicator(analysis, in: dashboard)
        var first = analysis.indicator.title
        if spec.kind == .comparison, let latest = analysis.latest {
            first += ", \(latest.period.label)"
        } else if let span = span(spec, joiner: "to") {
            first += ", \(span)"
        }
        var parts = [first.endingWithStop, dashboard.dashboard.definition.organisation.endingWithStop]
        if let source = analysis.indicator.source { parts.append("Source: \(source)".endingWithStop) }
        if let note = analysis.partsNote { parts.append(note) }
        return parts.joined(separator: " ")
    }

    // MARK: Pieces

    static func kindName(_ spec: ChartSpec) -> String {
        switch spec.kind {
        case .line: return "Line chart"
        case .column: return "Column chart"
        case .stacked: return "Stacked column chart"
        case .spc: return "Statistical process control (XmR) chart"
        case .comparison: return "Bar chart"
        case .sparkline: return "Sparkline"
        case .quadrant: return "Scatter chart"
        }
    }

    /// "from 2019/20 Q1 to 2020/21 Q1" (or, with `joiner` "to", "2019/20 Q1 to 2020/21 Q1"); "for 2020" for one period.
    static func span(_ spec: ChartSpec, joiner: String = "from") -> String? {
        guard let first = spec.categories.first?.name, let last = spec.categories.last?.name else { return nil }
        if first == last { return joiner == "from" ? "for \(first)" : first }
        return joiner == "from" ? "from \(first) to \(last)" : "\(first) to \(last)"
    }

    /// The latest figure and how it moved since the period before.
    static func latestSentences(_ analysis: IndicatorAnalysis) -> [String] {
        guard let latest = analysis.latest else { return ["There are no figures yet."] }
        var sentence = "The latest figure is \(analysis.format(latest)) in \(latest.period.label)"
        if let change = analysis.change, let previous = analysis.previous {
            let delta = change.absolute
            if delta == 0 {
                sentence += ", unchanged from \(previous.period.label)"
            } else {
                var amount = Formatting.change(abs(delta), unit: analysis.unit, decimals: analysis.decimals)
                amount.removeFirst()  // the sign: "up" or "down" says it
                if analysis.unit != .percent, let relative = change.relative {
                    amount += " (\(Formatting.number(abs(relative) * 100, decimals: 1))%)"
                }
                sentence += ", \(delta > 0 ? "up" : "down") \(amount) from \(analysis.format(previous)) in \(previous.period.label)"
            }
            if let direction = analysis.direction?.direction {
                switch direction {
                case .better, .worse, .similar:
                    sentence += ", which is \(direction.words.lowercased()) (\(analysis.indicator.polarity.sentence))"
                case .higher, .lower, .same:
                    break
                }
            }
        } else if let direction = analysis.direction, case .stated(let stated, _) = direction.basis {
            sentence += "; the report gives it as \(stated.rawValue) than the previous figure"
            if direction.direction == .better || direction.direction == .worse {
                sentence += " (\(direction.direction.words.lowercased()), \(analysis.indicator.polarity.sentence))"
            }
        }
        return [sentence + "."]
    }

    /// "There is no figure for December 2019 to February 2020: break in data while tableau was developed."
    static func gapSentences(_ observations: [Observation]) -> [String] {
        var sentences: [String] = []
        var index = 0
        while index < observations.count {
            guard observations[index].value == nil else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < observations.count, observations[end + 1].value == nil { end += 1 }
            let run = observations[index...end]
            let first = run.first!.period.label, last = run.last!.period.label
            let when = first == last ? "for \(first)" : "from \(first) to \(last)"
            let phrase = run.first!.gap?.phrase ?? GapReason.missing.phrase
            // The officer's own words where they say more than the marker ("while tableau was developed").
            let note = run.compactMap(\.note).max { $0.count < $1.count }
            let reason = note.map { $0.count > phrase.count ? $0.lowercasedFirst : phrase } ?? phrase
            sentences.append("There is no figure \(when): \(reason.trimmingStop).")
            index = end + 1
        }
        return sentences
    }

    /// A figure with as many decimals as it needs, at least the indicator's (13.8% beside data in whole numbers).
    static func exact(_ analysis: IndicatorAnalysis, _ value: Double) -> String {
        analysis.format(value, decimals: ChartSpec.Reference.decimals(for: value, minimum: analysis.decimals))
    }

    /// A comparator as a sentence names it.
    static func phrase(_ kind: BenchmarkComparison.Kind) -> String {
        switch kind {
        case .national: return "England"
        case .regional: return "the region"
        case .statisticalNeighbours: return "statistical neighbours"
        case .nationalChange: return "the change in England"
        case .regionalChange: return "the change in the region"
        }
    }

    static func list(_ items: [String]) -> String { Wording.list(items) }
}

extension String {
    /// "Break in data while…" → "break in data while…" (an acronym such as "YOT" is left alone).
    var lowercasedFirst: String {
        guard let first = first, first.isUppercase, dropFirst().first?.isUppercase != true else { return self }
        return first.lowercased() + dropFirst()
    }

    var trimmingStop: String { hasSuffix(".") ? String(dropLast()) : self }
    var endingWithStop: String { hasSuffix(".") || hasSuffix("?") || hasSuffix("!") ? self : self + "." }
}
