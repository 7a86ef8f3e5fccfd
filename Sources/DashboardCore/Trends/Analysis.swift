public enum Analysis {
    /// The period a dashboard stands at: the one asked for, else its `as_of`, else its latest figure.
    public static func asOf(_ dashboard: Dashboard, requested: Period? = nil) -> Period? {
        if let requested { return requested }
        if let declared = dashboard.definition.asOf { return declared }
        // Walked in place: a million figures are not copied to find the latest.
        var latest: Period?
        for observations in dashboard.series.values {
            for observation in observations where !observation.period.frequency.isYearToDate {
                if latest.map({ observation.period > $0 }) ?? true { latest = observation.period }
            }
        }
        return latest
    }

    /// Whether a figure for `period` was known when the dashboard stood at `asOf`: its period has begun by then.
    public static func isKnown(_ period: Period, at asOf: Period?) -> Bool {
        guard let asOf else { return true }
        return period.start <= asOf.end
    }

    public static func dashboard(_ unresolved: Dashboard, asOf requested: Period? = nil) -> DashboardAnalysis {
        let resolved = Resolved(unresolved, asOf: requested)
        let analyses = resolved.order.compactMap(resolved.analysis)
        let definition = resolved.dashboard.definition
        let placed = Set(definition.sections.flatMap(\.indicatorIDs))
        let overview = overview(analyses.filter { placed.isEmpty || placed.contains($0.indicator.id) }, key: definition.ragKey)
        return DashboardAnalysis(dashboard: resolved.dashboard, asOf: resolved.asOf, indicators: analyses, overview: overview)
    }

    /// Each indicator's analysis in turn, in the order `dashboard(_:asOf:)` gives them, with a dashboard analysis
    /// that holds only that indicator and the indicators it is made of (its parts): for checks that look at one chart
    /// at a time, so memory holds one indicator's analysis rather than every indicator's at once.
    public static func forEachIndicator(
        _ unresolved: Dashboard, asOf requested: Period? = nil, _ body: (IndicatorAnalysis, DashboardAnalysis) throws -> Void
    ) rethrows {
        let resolved = Resolved(unresolved, asOf: requested)
        for id in resolved.order {
            guard let analysis = resolved.analysis(id) else { continue }
            let parts = analysis.indicator.parts.compactMap(resolved.analysis)
            let partial = DashboardAnalysis(
                dashboard: resolved.dashboard, asOf: resolved.asOf, indicators: [analysis] + parts, overview: Overview())
            try body(analysis, partial)
        }
    }

    /// A dashboard with one value a period where figures carry vintages (the latest published, or for an edition
    /// asked for by period, such as --as-of or an archived edition, the latest published by then), and what each
    /// indicator's analysis needs from it.
    struct Resolved {
        let dashboard: Dashboard
        let asOf: Period?
        let earlierVintages: [String: [Period: [Observation]]]
        /// Indicator ids in section order, then any indicators in no section.
        let order: [String]

        init(_ unresolved: Dashboard, asOf requested: Period?) {
            let asOf = Analysis.asOf(unresolved, requested: requested)
            (dashboard, earlierVintages) = Vintages.resolved(unresolved, asOf: requested == nil ? nil : asOf)
            self.asOf = asOf
            let definition = dashboard.definition
            var order = definition.sections.flatMap(\.indicatorIDs)
            for indicator in definition.indicators where !order.contains(indicator.id) { order.append(indicator.id) }
            self.order = order
        }

        func analysis(_ id: String) -> IndicatorAnalysis? {
            dashboard.definition.indicator(id).map { definition in
                var analysis = Analysis.indicator(definition, in: dashboard, asOf: asOf)
                analysis.revisions = Revisions.of(id, in: dashboard, asOf: asOf)
                analysis.earlierVintages = earlierVintages[id] ?? [:]
                return analysis
            }
        }
    }

    public static func overview(_ analyses: [IndicatorAnalysis], key: RAGKey = .standard) -> Overview {
        var overview = Overview()
        var counts: [RAGStatus: Int] = [:]
        for analysis in analyses where analysis.latest != nil {
            overview.reported += 1
            if analysis.indicator.polarity == .none {
                overview.noPolarity += 1
            } else if let direction = analysis.direction {
                switch direction.direction.judgement {
                case .improved: overview.improved += 1
                case .similar: overview.similar += 1
                case .declined: overview.declined += 1
                case .noPolarity: overview.notCompared += 1
                }
            } else {
                overview.notCompared += 1
            }
            if let quartile = analysis.benchmarks?.nationalQuartile {
                overview.benchmarked += 1
                overview.quartiles[quartile - 1] += 1
            }
            if let status = analysis.rag?.status { counts[status, default: 0] += 1 }
            switch analysis.spc?.variation {
            case .improvementHigh?, .improvementLow?: overview.specialImprovement += 1
            case .concernHigh?, .concernLow?: overview.specialConcern += 1
            default: break
            }
        }
        let order = key.statuses + counts.keys.filter { !key.statuses.contains($0) }.sorted { $0.name < $1.name }
        overview.statuses = order.compactMap { status in counts[status].map { StatusCount(status: status, count: $0) } }
        return overview
    }

    /// The frequency most figures share, ignoring year-to-date ones unless there are only those;
    /// ties go to the finer frequency.
    static func mainKind(_ observations: [Observation]) -> Period.Kind? {
        var counts: [Period.Kind: Int] = [:]
        let onlyYearToDate = observations.allSatisfy(\.period.frequency.isYearToDate)
        for observation in observations where onlyYearToDate || !observation.period.frequency.isYearToDate {
            counts[observation.period.kind, default: 0] += 1
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }

    static func mainFrequency(_ observations: [Observation]) -> Period.Frequency? { mainKind(observations)?.frequency }

    public static func indicator(_ indicator: IndicatorDefinition, in dashboard: Dashboard, asOf: Period?) -> IndicatorAnalysis {
        let observations = dashboard.observations(indicator.id).filter { isKnown($0.period, at: asOf) }
        let kind = mainKind(observations)
        let frequency = kind?.frequency
        let series = observations.filter { $0.period.kind == kind }
        let latest = series.last { $0.value != nil }
        let decimals = indicator.decimals ?? observations.map(\.decimals).max() ?? indicator.unit.defaultDecimals

        var analysis = IndicatorAnalysis(
            indicator: indicator, observations: observations, series: series, frequency: frequency,
            latest: latest, latestPeriod: series.last?.period, previous: nil, comparison: nil, reportedDirection: nil, change: nil,
            yearOnYear: nil, direction: nil, target: nil, rag: nil, benchmarks: nil,
            benchmarkPeriod: nil, comparisons: [], yearToDate: [], spc: nil, spcUnavailable: nil,
            gaps: series.filter(\.isGap), decimals: decimals, reported: nil)
        let numerators = indicator.numeratorID.map { figures(dashboard.observations($0)) } ?? [:]
        let denominators = indicator.denominatorID.map { figures(dashboard.observations($0)) } ?? [:]
        analysis.yearToDate = YearToDateRules.figures(for: indicator, in: observations, numerators: numerators, denominators: denominators)

        analysis.seriesTargets = series.map { indicator.target(for: $0.period) }
        analysis.partsMismatches = PartsSum.mismatches(indicator, series: series, dashboard: dashboard)
        (analysis.commentary, analysis.earlierCommentary) = PeriodCommentary.select(
            indicator.periodCommentary, asOf: asOf,
            latest: series.last?.period)
        guard let latest else { return analysis }
        analysis.target = indicator.target(for: latest.period)
        analysis.reported = indicator.reported[latest.period]
        compareWithPrevious(&analysis, latest: latest)
        compareWithBenchmarks(&analysis, latest: latest)
        analysis.rag = rag(indicator, analysis: analysis, key: dashboard.definition.ragKey)
        if let period = analysis.latestPeriod {
            analysis.ratings = indicator.ratings.map { Rating(name: $0.name, status: $0.statuses[period]) }
        }
        analysis.namedComparisons = NamedComparison.latest(indicator, analysis: analysis)
        analysis.significanceLevel =
            (indicator.significanceLevel ?? dashboard.definition.significanceLevel).flatMap(ConfidenceLevel.init(percent:)) ?? .ninetyFive
        analysis.significance = Significance.assess(
            analysis, numerators: numerators, denominators: denominators, level: analysis.significanceLevel)
        analysis.intervals = Significance.intervals(
            observations, unit: indicator.unit, numerators: numerators, denominators: denominators, level: analysis.significanceLevel)
        analysis.judgeProcess()
        return analysis
    }

    /// Compared with previous: the period just before, of the same kind; a gap or a missing period there is said,
    /// not skipped over (unless the indicator asks for the latest available). See `ComparisonRules`. And the same
    /// period a year earlier.
    static func compareWithPrevious(_ analysis: inout IndicatorAnalysis, latest: Observation) {
        let indicator = analysis.indicator
        let series = analysis.series
        let period = latest.period
        let choice = ComparisonRules.choose(for: latest, in: series, basis: indicator.compareWith)
        analysis.comparison = choice
        let previous = choice.observation
        // The period compared with, even a gap, so pages can name it.
        analysis.previous = previous ?? series.first { $0.period == choice.expected }
        let similarWithin = indicator.similarWithin ?? TrendRules.defaultSimilarWithin(indicator.unit)
        if let previous, let from = previous.value {
            var change = Change(from: from, in: previous.period, to: latest.value!, in: period)
            change.fromLabel = previous.writtenLabel
            analysis.change = change
            let computed = TrendRules.direction(of: change, polarity: indicator.polarity, similarWithin: similarWithin)
            analysis.direction = computed
            if let stated = analysis.reported?.direction {
                // Kept beside the figures' own judgement where the paper compared with another period, or where its
                // words and the figures disagree ("an overall reduction" of 161 then 172): both are shown, never
                // one hidden behind the other.
                let judged = TrendRules.direction(stated: stated, in: period, polarity: indicator.polarity)
                if !choice.isImmediatelyPrevious || judged.direction != computed.direction { analysis.reportedDirection = judged }
            }
        } else if let stated = analysis.reported?.direction {
            analysis.direction = TrendRules.direction(stated: stated, in: period, polarity: indicator.polarity)
        }
        if let earlier = series.first(where: { $0.period == period.yearEarlier }), let from = earlier.value {
            analysis.yearOnYear = Change(from: from, in: earlier.period, to: latest.value!, in: period)
            analysis.yearOnYear?.fromLabel = earlier.writtenLabel
        }
    }

    /// Benchmarks: those for this period, else the most recent that had begun by its end.
    static func compareWithBenchmarks(_ analysis: inout IndicatorAnalysis, latest: Observation) {
        let indicator = analysis.indicator
        guard let benchmarkPeriod = comparatorPeriod(in: indicator.benchmarks, for: latest.period) else { return }
        let benchmarks = indicator.benchmarks[benchmarkPeriod]!
        analysis.benchmarks = benchmarks
        analysis.benchmarkPeriod = benchmarkPeriod
        analysis.comparisons = comparisons(
            benchmarks, period: benchmarkPeriod, value: latest.value!,
            yearOnYear: analysis.yearOnYear, polarity: indicator.polarity)
    }
}

extension IndicatorAnalysis {
    /// SPC over the series: breaks noted in the data and those dashboard.yml declares each start a new stretch.
    mutating func judgeProcess() {
        guard series.count >= 2 else { return }
        var options = indicator.spcOptions
        options.breaks = SPC.breaks(in: series, declared: options.breaks)
        switch SPC.analyse(series, polarity: indicator.polarity, target: target, options: options) {
        case .success(let result): spc = result
        case .failure(let failure): spcUnavailable = failure.reason
        }
    }
}
