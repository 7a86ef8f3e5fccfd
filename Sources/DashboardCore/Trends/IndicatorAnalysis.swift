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
