/// Stretches of an XmR chart: a rebase (`rebase:`, a change in process) or a break in the data (a gap noted as a
/// break in data or in series, or `break:` in dashboard.yml) starts a new stretch with its own mean, limits and
/// rules, from the first figure on or after its period. Moving ranges and runs never cross from one stretch
/// to the next.
extension SPC {
    /// A break in the data: the way figures are recorded changed, so figures before and after it are not one process.
    public struct Break: Sendable, Equatable {
        /// The period of the break: the first gap noted as a break, or the period `break:` names (the first
        /// recorded the new way).
        public var period: Period
        /// "break in data" or "break in series", as the note says.
        public var phrase: String
        /// The officer's reason (`break:` in dashboard.yml) or the gap's note, where it says more than the phrase.
        public var reason: String?

        public init(period: Period, phrase: String = "break in data", reason: String? = nil) {
            self.period = period
            self.phrase = phrase
            self.reason = reason
        }

        /// "the break in data in December 2019".
        public var description: String { "the \(phrase) in \(period.label)" }
    }

    /// What began a stretch.
    public enum Start: Sendable, Equatable {
        case rebase(Period)
        case breakInData(Break)

        /// "since the break in data in December 2019", "since the change in process in March 2020".
        public var since: String {
            switch self {
            case .rebase(let period): return "since the change in process in \(period.label)"
            case .breakInData(let at): return "since \(at.description)"
            }
        }
    }

    /// The breaks in a series: each run of gaps noted as a break in data (or series) is one break at its first
    /// period; `declared` (from `break:`) are added, each at its own period. In period order, one a period.
    public static func breaks(in observations: [Observation], declared: [Break] = []) -> [Break] {
        var found: [Break] = []
        var previousWasBreak = false
        for observation in observations {
            let isBreak = observation.value == nil && observation.gap == .breakInData
            if isBreak && !previousWasBreak {
                let note = observation.note ?? ""
                let phrase = note.lowercased().hasPrefix("break in series") ? "break in series" : "break in data"
                let says = note.trimmingSpaces.lowercased()
                let reason = says.isEmpty || says == phrase || says == "data break" ? nil : note.trimmingSpaces
                found.append(Break(period: observation.period, phrase: phrase, reason: reason))
            }
            previousWasBreak = isBreak
        }
        for declaredBreak in declared where !found.contains(where: { $0.period == declaredBreak.period }) {
            found.append(declaredBreak)
        }
        return found.sorted { $0.period.start < $1.period.start }
    }

    /// `observations` must be of one kind and in period order. Each stretch from a rebase period or a break on is
    /// analysed on its own (mean, limits and every rule). The latest stretch needs enough figures by itself; a
    /// stretch before a break with too few is left without limits, one before a rebase makes SPC unavailable.
    public static func analyse(
        _ observations: [Observation], polarity: Polarity, target: Double?,
        options: Options
    ) -> Swift.Result<Result, UnavailableError> {
        let groups = stretches(observations, options: options)
        var combined: Result?
        var segments: [Segment] = []
        for (number, group) in groups.enumerated() {
            let isLast = number == groups.count - 1
            switch analyseOne(group.observations, polarity: polarity, target: target, screen: options.screenMovingRanges) {
            case .failure(let failure):
                if case .breakInData(let at)? = group.start, isLast, case .tooFewPoints(let n) = failure.reason {
                    return .failure(UnavailableError(reason: .tooFewSinceBreak(n, at)))
                }
                if !isLast, case .breakInData? = groups[number + 1].start { continue }
                return .failure(failure)
            case .success(let result):
                let offset = combined?.points.count ?? 0
                segments.append(
                    Segment(
                        range: offset..<(offset + result.points.count), mean: result.mean,
                        averageMovingRange: result.averageMovingRange, upperLimit: result.upperLimit, lowerLimit: result.lowerLimit,
                        start: group.start, observedCount: result.observedCount))
                if var sofar = combined {
                    let points = sofar.points + result.points
                    let count = sofar.observedCount + result.observedCount
                    sofar = result
                    sofar.points = points
                    sofar.observedCount = count
                    combined = sofar
                } else {
                    combined = result
                }
            }
        }
        guard var result = combined else { return .failure(UnavailableError(reason: .tooFewPoints(0))) }
        result.segments = segments
        return .success(result)
    }

    /// The series cut at each rebase and break (breaks ignored with `across_breaks`), each piece with what began it.
    static func stretches(_ observations: [Observation], options: Options) -> [(start: Start?, observations: [Observation])] {
        var starts: [(Period, Start)] = options.rebase.map { ($0, .rebase($0)) }
        if !options.acrossBreaks { starts += options.breaks.map { ($0.period, .breakInData($0)) } }
        var groups: [(start: Start?, observations: [Observation])] = [(nil, [])]
        for (index, observation) in observations.enumerated() {
            // A new stretch starts at the first figure (or gap) on or after a rebase or break period's start.
            if index > 0,
                let begun = starts.last(where: { observations[index - 1].period.start < $0.0.start && $0.0.start <= observation.period.start })
            {
                groups.append((begun.1, []))
            }
            groups[groups.count - 1].observations.append(observation)
        }
        // A stretch of gaps alone (the break itself, at the very start) begins nothing.
        return groups.filter { !$0.observations.isEmpty }
    }
}

extension SPC.Result {
    /// The stretch the judgement (variation, assurance) is made from: the latest.
    public var latestSegment: SPC.Segment? { segments.last }

    /// "since the break in data in December 2019" where the judgement's stretch began at a rebase or break.
    public var since: String? { latestSegment?.start?.since }

    /// What the judgement is made against, so an SPC signal is never read as a comparison with the previous
    /// figure: "against the process since the break in data in December 2019", else since the first figure of the
    /// stretch ("against the process since April 2018").
    public var judgedAgainst: String {
        if let since { return "against the process " + since }
        let range = latestSegment?.range ?? points.indices
        guard let first = points[range].first(where: { $0.value != nil }) else { return "against the process" }
        return "against the process since \(first.period.label)"
    }

    /// The judgement's stretch has trial limits (fewer than 13 figures).
    public var hasTrialLimits: Bool { latestSegment?.hasTrialLimits ?? (observedCount < SPC.trialLimitPoints) }

    /// "Trial limits: the mean and limits rest on 12 figures (fewer than 13), so they will change as figures are added."
    public var trialLimitsSentence: String? {
        guard hasTrialLimits else { return nil }
        let count = latestSegment?.observedCount ?? observedCount
        return "Trial limits: the mean and limits rest on \(count) figures (fewer than \(SPC.trialLimitPoints)), so they will change as figures are added"
    }

    /// The variation sentence with the process it is judged against, so it is never read as a comparison with
    /// the previous figure: "Common cause variation: no significant change, against the process since the break
    /// in data in December 2019".
    public var variationSentence: String {
        variation.sentence + ", " + judgedAgainst
    }
}
