/// A benchmark set beside the indicator's figure.
public struct BenchmarkComparison: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case national, regional, statisticalNeighbours, nationalChange, regionalChange

        public var name: String {
            switch self {
            case .national: return "England"
            case .regional: return "Region"
            case .statisticalNeighbours: return "Statistical neighbours"
            case .nationalChange: return "Change in England"
            case .regionalChange: return "Change in the region"
            }
        }

        public var isChange: Bool { self == .nationalChange || self == .regionalChange }
    }

    public var kind: Kind
    /// The period the benchmark is for (the most recent at or before the figure's).
    public var period: Period
    /// For a change benchmark, a fraction (0.102); otherwise in the indicator's unit.
    public var benchmark: Double
    /// The indicator's own figure (or its year-on-year change as a fraction).
    public var value: Double
    /// value − benchmark: points for percentages and for changes.
    public var gap: Double {
        kind.isChange ? (value - benchmark) * 100 : value - benchmark
    }
    /// Better or worse than the benchmark by polarity; nil for no polarity or an equal figure.
    public var better: Bool?
}

/// Everything computed for one indicator as the dashboard stands at its as-of period.
public struct IndicatorAnalysis: Sendable {
    public var indicator: IndicatorDefinition
    /// Figures up to the as-of period, every frequency.
    public var observations: [Observation]
    /// The indicator's main series: one frequency (quarters, months…), without year-to-date figures.
    public var series: [Observation]
    public var frequency: Period.Frequency?
    /// The latest figure that is not a gap.
    public var latest: Observation?
    /// The latest period of the series, which may be a gap (then `latest` is earlier).
    public var latestPeriod: Period?
    public var previous: Observation?
    /// What the latest figure is compared with and, where that is not the period just before, why.
    public var comparison: ComparisonChoice?
    /// The direction the paper stated, kept beside the computed one where they rest on different bases
    /// (the figures compare with another period than the paper's previous one).
    public var reportedDirection: DirectionAssessment?
    /// Whether the paper's stated direction for the latest figure contradicts what the figures it compared show.
    public var paperContradictsFigures: Bool {
        guard let reported = reportedDirection, let direction, comparison?.isImmediatelyPrevious ?? false else { return false }
        return reported.direction != direction.direction
    }
    public var change: Change?
    public var yearOnYear: Change?
    public var direction: DirectionAssessment?
    public var target: Double?
    /// The target for each period of the main series (nil where none applies), for charts that draw a target
    /// varying by year as steps.
    public var seriesTargets: [Double?] = []
    public var rag: RAGAssessment?
    public var benchmarks: Benchmarks?
    public var benchmarkPeriod: Period?
    public var comparisons: [BenchmarkComparison]
    public var yearToDate: [YearToDate]
    public var spc: SPC.Result?
    public var spcUnavailable: SPC.Unavailable?
    /// Gaps in the series, named in tables and alt text.
    public var gaps: [Observation]
    /// Decimals for figures this indicator computes.
    public var decimals: Int
    public var reported: Reported?
    /// Figures that differ from what a frozen edition published for the same period.
    public var revisions: [Revision] = []
    /// Values published earlier for a period than the one shown (a table before a later return), oldest first.
    public var earlierVintages: [Period: [Observation]] = [:]
    /// This edition's commentary: for its period (or the latest figure's) where the commentary is kept by period.
    public var commentary: PeriodCommentary?
    /// Commentary written for earlier editions, newest first (none written after this edition's period).
    public var earlierCommentary: [PeriodCommentary] = []
    /// The indicator's separate ratings for its latest period.
    public var ratings: [Rating] = []
    /// Each named comparator beside the latest figure, in the order dashboard.yml gives them.
    public var namedComparisons: [NamedComparison] = []
    /// The latest figure's confidence interval and its tests against the comparators and the previous figure;
    /// nil where there are no counts to test with (`Significance.notTested`).
    public var significance: Significance?
    /// The level the tests are made at (`significance: {level: …}`, else 95%).
    public var significanceLevel: ConfidenceLevel = .ninetyFive
    /// Periods where the indicator's parts sum to something other than its total (`PartsSum`).
    public var partsMismatches: [PartsMismatch] = []
    /// Each figure's confidence interval at that level, where its counts allow one, by period.
    public var intervals: [Period: FigureInterval] = [:]

    public var unit: MeasureUnit { indicator.unit }

    /// Where the parts do not add up to the total: the latest such period in words, and how many others there
    /// are, for the page and under the chart. Nil where they add up (or there are no parts).
    public var partsNote: String? {
        guard let last = partsMismatches.last else { return nil }
        let others = partsMismatches.count - 1
        let more = others == 0 ? "" : " The parts differ from the total in \(Wording.count(others, "other period")) too."
        return last.sentence(unit: unit) + more
    }

    /// Whether the latest figure meets its target, by the indicator's polarity; nil without both or a polarity.
    public var meetsTarget: Bool? {
        guard let value = latest?.value, let target else { return nil }
        return indicator.polarity.meets(value, target: target)
    }

    /// A period's name as the paper wrote it where one of this indicator's figures is for it, else its standard name.
    public func label(_ period: Period) -> String {
        observations.first { $0.period == period }?.writtenLabel ?? period.label
    }

    public func format(_ value: Double, decimals: Int? = nil) -> String {
        Formatting.figure(value, unit: unit, decimals: decimals ?? self.decimals)
    }

    /// An observation as published: its own decimals, with its counts as the paper printed them (`4 of 7 (57%)`,
    /// `4/18 (22.2%)`) or, for a percentage with a count alone, the count in brackets (`94.9% (1074)`).
    public func format(_ observation: Observation) -> String {
        guard let value = observation.value else { return observation.gap?.phrase ?? "no figure" }
        let figure = Formatting.figure(value, unit: unit, decimals: observation.decimals)
        if let form = observation.countsForm, let count = observation.numerator, let denominator = observation.denominator {
            let n = Formatting.number(count, decimals: 0), d = Formatting.number(denominator, decimals: 0)
            return form == .slash ? "\(n)/\(d) (\(figure))" : "\(n) of \(d) (\(figure))"
        }
        if unit == .percent, let count = observation.numerator {
            return "\(figure) (\(Formatting.number(count, decimals: 0)))"
        }
        return figure
    }
}

public struct Overview: Sendable, Equatable {
    public var reported = 0
    public var improved = 0
    public var similar = 0
    public var declined = 0
    public var noPolarity = 0
    /// Measures with polarity but nothing to compare with (no previous figure, none stated).
    public var notCompared = 0
    public var benchmarked = 0
    /// Counts in quartiles 1 to 4.
    public var quartiles = [0, 0, 0, 0]
    /// Measures by status, in the order of the dashboard's RAG key (statuses no measure has left out).
    public var statuses: [StatusCount] = []
    /// Measures by the outcome their status counts as.
    public var green: Int { count(of: .green) }
    public var amber: Int { count(of: .amber) }
    public var red: Int { count(of: .red) }

    func count(of outcome: RAG) -> Int {
        statuses.filter { $0.status.outcome == outcome }.reduce(0) { $0 + $1.count }
    }
    public var specialImprovement = 0
    public var specialConcern = 0

    /// The committee-report paragraph: "From 25 measures reported, 7 have improved, …".
    public var sentences: [String] {
        var result: [String] = []
        guard reported > 0 else { return ["No measures have figures for this period."] }
        let withPolarity = reported - noPolarity
        var first = "From \(Overview.measures(reported)) reported"
        if withPolarity > 0 {
            var parts = [
                "\(improved) \(improved == 1 ? "has" : "have") improved",
                "\(similar) \(similar == 1 ? "is" : "are") similar to the previous figure",
                "\(declined) \(declined == 1 ? "has" : "have") declined",
            ]
            if notCompared > 0 {
                parts.append("\(notCompared) \(notCompared == 1 ? "has" : "have") no earlier figure to compare with")
            }
            first += ", " + Overview.list(parts)
        }
        if noPolarity > 0 {
            first += withPolarity > 0 ? "; " : ", "
            first += "\(noPolarity) \(noPolarity == 1 ? "provides" : "provide") information only with no polarity"
        }
        result.append(first + ".")
        if benchmarked > 0 {
            let names = (1...4).map { "in the " + Wording.quartile($0) }
            var parts: [String] = []
            for (index, count) in quartiles.enumerated() {
                let phrase = index == 0 ? names[0] : names[index].replacingQuartile
                parts.append("\(count) \(count == 1 ? "is" : "are") \(phrase)")
            }
            result.append("From \(Overview.measures(benchmarked)) with a national benchmark, \(Overview.list(parts)).")
        }
        if !statuses.isEmpty {
            // "4 green", "2 red/amber", "1 NA": names in running text, keeping capitals only where the name is an acronym.
            let words = statuses.map { count -> String in
                let name = count.status.name
                let acronym = name.count > 1 && name == name.uppercased()
                return "\(count.count) \(acronym ? name : name.lowercased())"
            }
            result.append("RAG status: " + Overview.list(words) + ".")
        }
        if specialImprovement + specialConcern > 0 {
            result.append("Statistical process control shows special cause improvement in \(specialImprovement) and concern in \(specialConcern).")
        }
        return result
    }

    public var paragraph: String { sentences.joined(separator: " ") }

    static func measures(_ n: Int) -> String { n == 1 ? "1 measure" : "\(n) measures" }

    static func list(_ parts: [String]) -> String { Wording.list(parts) }
}

extension String {
    /// "in the second quartile" → "in the second" after the first mention, as papers write it.
    fileprivate var replacingQuartile: String { hasSuffix(" quartile") ? String(dropLast(" quartile".count)) : self }
}

/// How many measures have one status.
public struct StatusCount: Sendable, Equatable {
    public var status: RAGStatus
    public var count: Int
}

/// A separate rating for the edition's period, as the paper gave it (nil status: none given for that period).
public struct Rating: Sendable, Equatable {
    public var name: String
    public var status: RAGStatus?
}

public struct DashboardAnalysis: Sendable {
    public var dashboard: Dashboard
    public var asOf: Period?
    /// In section order, then any indicators in no section.
    public var indicators: [IndicatorAnalysis]
    public var overview: Overview

    public func analysis(_ id: String) -> IndicatorAnalysis? { indicators.first { $0.indicator.id == id } }
}

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
        let period = latest.period
        analysis.target = indicator.target(for: period)
        analysis.reported = indicator.reported[period]

        // Compared with previous: the period just before, of the same kind; a gap or a missing period there is
        // said, not skipped over (unless the indicator asks for the latest available). See `ComparisonRules`.
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

        // Benchmarks: those for this period, else the most recent that had begun by its end.
        if let benchmarkPeriod = comparatorPeriod(in: indicator.benchmarks, for: period) {
            let benchmarks = indicator.benchmarks[benchmarkPeriod]!
            analysis.benchmarks = benchmarks
            analysis.benchmarkPeriod = benchmarkPeriod
            analysis.comparisons = comparisons(
                benchmarks, period: benchmarkPeriod, value: latest.value!,
                yearOnYear: analysis.yearOnYear, polarity: indicator.polarity)
        }

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

        if series.count >= 2 {
            // Breaks noted in the data and those dashboard.yml declares each start a new stretch.
            var options = indicator.spcOptions
            options.breaks = SPC.breaks(in: series, declared: options.breaks)
            switch SPC.analyse(series, polarity: indicator.polarity, target: analysis.target, options: options) {
            case .success(let result): analysis.spc = result
            case .failure(let failure): analysis.spcUnavailable = failure.reason
            }
        }
        return analysis
    }

    /// Which of a comparator's periods stands beside a figure for `period`: the same period, else the most recent
    /// that had begun by its end (a yearly comparator beside a quarter).
    static func comparatorPeriod<Value>(in figures: [Period: Value], for period: Period) -> Period? {
        figures[period] != nil ? period : figures.keys.filter { $0.start <= period.end }.max()
    }

    static func figures(_ observations: [Observation]) -> [Period: Double] {
        var map: [Period: Double] = [:]
        for observation in observations { if let value = observation.value { map[observation.period] = value } }
        return map
    }

    static func comparisons(
        _ benchmarks: Benchmarks, period: Period, value: Double, yearOnYear: Change?,
        polarity: Polarity
    ) -> [BenchmarkComparison] {
        func judge(_ gap: Double) -> Bool? { polarity.improves(by: gap) }
        var result: [BenchmarkComparison] = []
        let levels: [(BenchmarkComparison.Kind, Double?)] = [
            (.national, benchmarks.national), (.regional, benchmarks.regional), (.statisticalNeighbours, benchmarks.statisticalNeighbours),
        ]
        for (kind, benchmark) in levels {
            guard let benchmark else { continue }
            result.append(BenchmarkComparison(kind: kind, period: period, benchmark: benchmark, value: value, better: judge(value - benchmark)))
        }
        if let relative = yearOnYear?.relative {
            for (kind, benchmark) in [(BenchmarkComparison.Kind.nationalChange, benchmarks.nationalChange), (.regionalChange, benchmarks.regionalChange)] {
                guard let benchmark else { continue }
                result.append(BenchmarkComparison(kind: kind, period: period, benchmark: benchmark, value: relative, better: judge(relative - benchmark)))
            }
        }
        return result
    }

    /// The status by the indicator's rule, given as the status of the dashboard's key that stands for its outcome
    /// (a status better than green where the figure beats its target by that status's margin); a status the paper
    /// states is shown instead, with what the rules give beside it.
    static func rag(_ indicator: IndicatorDefinition, analysis: IndicatorAnalysis, key: RAGKey) -> RAGAssessment? {
        guard analysis.latest?.value != nil else { return nil }
        var computed = ruleRAG(indicator, analysis: analysis)
        if var assessment = computed, let outcome = assessment.status.outcome {
            if outcome == .green, assessment.method == .target, let value = analysis.latest?.value, let target = analysis.target,
                let better = key.exceeding(value: value, target: target, polarity: indicator.polarity),
                case .exceedsTarget(let margin) = better.decision
            {
                let targetText = Formatting.figure(target, unit: indicator.unit, decimals: Formatting.decimalPlaces(of: target, minimum: analysis.decimals))
                let size = margin.describeAroundTarget(unit: indicator.unit, decimals: analysis.decimals)
                assessment.status = better
                assessment.rule = "beats the target of \(targetText) by at least \(size) (\(indicator.polarity.sentence))"
                assessment.summary = better.meaning ?? "beats the target by \(size)"
                computed = assessment
            } else if let status = key.status(for: outcome) {
                assessment.status = status
                computed = assessment
            } else {
                computed = nil  // the key has no status for this outcome (it warned when read)
            }
        }
        if let stated = analysis.reported?.rag, indicator.ragMethod != .none {
            let rule = "as reported for \(analysis.latest!.period.label)"
            var summary = "as reported"
            if let computed {
                summary += computed.status == stated ? "; \(computed.summary)" : "; the rules give \(computed.status.name)"
            }
            return RAGAssessment(
                status: stated, method: .stated, rule: rule, summary: summary,
                computed: computed.map { .init(status: $0.status, rule: $0.rule, summary: $0.summary) })
        }
        return computed
    }

    static func ruleRAG(_ indicator: IndicatorDefinition, analysis: IndicatorAnalysis) -> RAGAssessment? {
        guard let latest = analysis.latest?.value else { return nil }
        var computed: RAGAssessment?
        let quartile = analysis.benchmarks?.nationalQuartile
        switch indicator.ragMethod {
        case .none:
            computed = nil
        case .quartile:
            if let quartile {
                computed = RAGRules.byQuartile(
                    quartile: quartile, position: analysis.benchmarks?.quartilePosition,
                    direction: analysis.direction?.direction)
            }
        case .target:
            if let target = analysis.target {
                computed = RAGRules.byTarget(
                    value: latest, target: target, polarity: indicator.polarity,
                    tolerance: indicator.ragTolerance ?? TrendRules.defaultTolerance(indicator.unit),
                    unit: indicator.unit, decimals: analysis.decimals)
            }
        case .auto:
            if let quartile {
                computed = RAGRules.byQuartile(
                    quartile: quartile, position: analysis.benchmarks?.quartilePosition,
                    direction: analysis.direction?.direction)
            } else if let target = analysis.target {
                computed = RAGRules.byTarget(
                    value: latest, target: target, polarity: indicator.polarity,
                    tolerance: indicator.ragTolerance ?? TrendRules.defaultTolerance(indicator.unit),
                    unit: indicator.unit, decimals: analysis.decimals)
            }
        }
        return computed
    }
}

/// An officer's commentary for one period's edition.
public struct PeriodCommentary: Sendable, Equatable {
    public var period: Period
    public var text: String

    /// The commentary for the edition at `asOf` (written for that period, or for the indicator's latest period),
    /// and the earlier ones, newest first; commentary for later periods is not yet written as far as this
    /// edition knows.
    static func select(_ all: [Period: String], asOf: Period?, latest: Period?) -> (PeriodCommentary?, [PeriodCommentary]) {
        guard !all.isEmpty else { return (nil, []) }
        let known = all.filter { asOf == nil || $0.key.end <= asOf!.end }
            .map { PeriodCommentary(period: $0.key, text: $0.value) }
            .sorted { $0.period > $1.period }
        let current = known.first { $0.period == asOf || $0.period == latest }
        return (current, known.filter { $0 != current })
    }
}
