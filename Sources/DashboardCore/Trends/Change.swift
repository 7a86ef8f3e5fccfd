/// The change from one figure to another.
public struct Change: Sendable, Equatable {
    public var fromPeriod: Period
    public var from: Double
    public var toPeriod: Period
    public var to: Double
    /// The earlier period as the paper wrote it (`Spring Census 2019`, `Jul 19 – Jun 20`), where it keeps its form.
    public var fromLabel: String? = nil

    /// The earlier period's name to show.
    public var fromName: String { fromLabel ?? fromPeriod.label }

    public init(from: Double, in fromPeriod: Period, to: Double, in toPeriod: Period) {
        self.from = from
        self.fromPeriod = fromPeriod
        self.to = to
        self.toPeriod = toPeriod
    }

    /// In the unit; for percentages this is percentage points.
    public var absolute: Double { to - from }

    /// As a fraction of the earlier figure (0.125 for +12.5%); nil when that figure is 0.
    public var relative: Double? { from == 0 ? nil : (to - from) / abs(from) }

    /// "+120 (+8.1%)" for counts, "+2.3 pts" for percentages (points are the honest change of a rate); with
    /// `relativeForPercentages`, "-6.1 pts (-6.2% relative)", as papers quoting a percentage's "% change" need.
    public func describe(unit: MeasureUnit, decimals: Int, relativeForPercentages: Bool = false) -> String {
        let absolute = Formatting.change(self.absolute, unit: unit, decimals: decimals)
        guard let relative else { return absolute }
        if unit == .percent {
            let change = Formatting.percentChange(relative)
            let isZero = !change.hasPrefix("+") && !change.hasPrefix("-")
            return relativeForPercentages && !isZero ? "\(absolute) (\(change) relative)" : absolute
        }
        return "\(absolute) (\(Formatting.percentChange(relative)))"
    }
}

/// Which way a figure moved, judged by the indicator's polarity.
public enum Direction: String, Sendable, CaseIterable {
    case better
    case worse
    case similar
    /// Moves of an indicator with no polarity: information only.
    case higher
    case lower
    case same

    public var words: String {
        switch self {
        case .better: return "Better"
        case .worse: return "Worse"
        case .similar: return "Similar"
        case .higher: return "Higher"
        case .lower: return "Lower"
        case .same: return "No change"
        }
    }

    /// For the overview's tally.
    public enum Judgement: Sendable { case improved, similar, declined, noPolarity }

    public var judgement: Judgement {
        switch self {
        case .better: return .improved
        case .worse: return .declined
        case .similar: return .similar
        case .higher, .lower, .same: return .noPolarity
        }
    }
}

/// A direction and how it was reached: computed from two figures, or as a paper stated it.
public struct DirectionAssessment: Sendable, Equatable {
    public enum Basis: Sendable, Equatable {
        case computed(Change, threshold: Double)
        case stated(StatedDirection, Period)
    }

    public var direction: Direction
    /// Which way the figure itself moved (up, down, flat), for the arrow.
    public var movement: Movement
    public var basis: Basis

    public enum Movement: String, Sendable {
        case up, down, flat, unknown

        /// The arrow shown beside the words (never alone: the words carry the meaning).
        public var arrow: String {
            switch self {
            case .up: return "▲"
            case .down: return "▼"
            case .flat: return "▶"
            case .unknown: return ""
            }
        }
    }

    /// A sentence for the table's hidden text and the indicator page: "Better: up 2.3 pts on 2019/20 Q4 (high is good)".
    public func sentence(unit: MeasureUnit, decimals: Int, polarity: Polarity) -> String {
        switch basis {
        case .computed(let change, let threshold):
            let moved = change.describe(unit: unit, decimals: decimals, relativeForPercentages: true)
            let similarNote =
                direction == .similar || direction == .same
                ? "; changes within \(Formatting.changeSize(threshold, unit: unit, decimals: max(decimals, 1))) count as similar"
                : ""
            return "\(direction.words): \(moved) on \(change.fromName) (\(polarity.sentence)\(similarNote))"
        case .stated(let stated, let period):
            return "\(direction.words): as reported for \(period.label) (\"\(stated.rawValue)\"; the previous figure is not in the data)"
        }
    }
}

/// The documented defaults for judging trends; every one can be set per indicator in `dashboard.yml`.
public enum TrendRules {
    /// A change this small is "similar": for percentages, a change small in both points and relative terms (no more
    /// than 1 percentage point and no more than 5% of the earlier figure); otherwise 2% of the earlier figure.
    /// Quarterly figures of a county move a little by chance; committee papers call such moves "no significant change".
    ///
    /// A fixed point would judge small rates wrongly: NEET 2.9% → 2.4% (low is good) is 0.5 points but 17% fewer
    /// young people, which the paper calls better; 2.0% → 2.8% is 0.8 points but 40% more, which it calls higher.
    /// For large rates the point is the smaller limit: 94.9% → 95.5% is similar.
    public static func defaultSimilarWithin(_ unit: MeasureUnit) -> Margin {
        unit == .percent ? .smallerOf(absolute: 1, relative: 0.05) : .relative(0.02)
    }

    /// The amber band: a figure that misses its target by no more than 5% of the target is amber, further is red.
    public static func defaultTolerance(_ unit: MeasureUnit) -> Margin { .relative(0.05) }

    public static func direction(of change: Change, polarity: Polarity, similarWithin: Margin) -> DirectionAssessment {
        let threshold = similarWithin.amount(relativeTo: change.from)
        let delta = change.absolute
        // A tiny allowance so a change of exactly the threshold, typed in decimals, counts as within it.
        let within = abs(delta) <= threshold + 1e-9 * max(1, abs(change.from))
        let movement: DirectionAssessment.Movement = delta > 0 ? .up : delta < 0 ? .down : .flat
        let direction: Direction
        if polarity == .none {
            direction = delta == 0 ? .same : delta > 0 ? .higher : .lower
        } else if within {
            direction = .similar
        } else {
            direction = polarity.improves(by: delta) == true ? .better : .worse
        }
        return DirectionAssessment(direction: direction, movement: movement, basis: .computed(change, threshold: threshold))
    }

    /// A stated direction turned into one judged by polarity: "Higher" for a low-is-good measure is worse.
    public static func direction(stated: StatedDirection, in period: Period, polarity: Polarity) -> DirectionAssessment {
        let direction: Direction
        var movement: DirectionAssessment.Movement = .unknown
        switch (stated, polarity) {
        case (.better, .none), (.worse, .none): direction = .same  // a paper judging an information-only measure
        case (.better, _): direction = .better
        case (.worse, _): direction = .worse
        case (.similar, .none):
            direction = .same
            movement = .flat
        case (.similar, _):
            direction = .similar
            movement = .flat
        case (.higher, .none):
            direction = .higher
            movement = .up
        case (.lower, .none):
            direction = .lower
            movement = .down
        case (.higher, .high):
            direction = .better
            movement = .up
        case (.higher, .low):
            direction = .worse
            movement = .up
        case (.lower, .high):
            direction = .worse
            movement = .down
        case (.lower, .low):
            direction = .better
            movement = .down
        }
        if stated == .better || stated == .worse {
            // A stated improvement moved the figure the good way.
            switch polarity.improves(by: stated == .better ? 1 : -1) {
            case true?: movement = .up
            case false?: movement = .down
            case nil: movement = .unknown
            }
        }
        return DirectionAssessment(direction: direction, movement: movement, basis: .stated(stated, period))
    }
}
