/// Checks figures against each other, as an officer checking a paper would: totals against their parts,
/// year-to-date figures against their quarters, stated directions against the figures.
/// Each finding is a warning naming both numbers; nothing is changed.
public enum ConsistencyChecks {
    public static func check(_ dashboard: Dashboard) -> Diagnostics {
        var diagnostics = Diagnostics()
        let definition = dashboard.definition
        for indicator in definition.indicators {
            let series = dashboard.observations(indicator.id)
            if series.isEmpty {
                diagnostics.warning("indicator '\(indicator.id)' has no figures in any data file of this dashboard", at: indicator.location)
                continue
            }
            checkYearToDate(indicator, series: series, dashboard: dashboard, diagnostics: &diagnostics)
            checkParts(indicator, series: series, dashboard: dashboard, diagnostics: &diagnostics)
            checkStatedDirections(indicator, series: series, diagnostics: &diagnostics)
            checkTargetKeys(indicator, series: series, diagnostics: &diagnostics)
            checkLinkedPercentages(indicator, series: series, dashboard: dashboard, diagnostics: &diagnostics)
        }
        return diagnostics
    }

    static func checkYearToDate(_ indicator: IndicatorDefinition, series: [Observation], dashboard: Dashboard, diagnostics: inout Diagnostics) {
        let numerators = indicator.numeratorID.map { Analysis.figures(dashboard.observations($0)) } ?? [:]
        let denominators = indicator.denominatorID.map { Analysis.figures(dashboard.observations($0)) } ?? [:]
        for ytd in YearToDateRules.figures(for: indicator, in: series, numerators: numerators, denominators: denominators) {
            guard let given = ytd.given, let value = given.value, let computed = ytd.computed else { continue }
            if Formatting.agree(value, computed, decimals: given.decimals) { continue }
            let unit = indicator.unit
            let shownGiven = Formatting.figure(value, unit: unit, decimals: given.decimals)
            let shownComputed = Formatting.figure(computed, unit: unit, decimals: max(given.decimals, indicator.decimals ?? 0))
            let how: String
            switch indicator.aggregation {
            case .sum:
                let terms = series.filter { ytd.periods.contains($0.period) }
                    .map { "\($0.period.axisLabel.primary) \(Formatting.number($0.value ?? 0, decimals: $0.decimals))" }
                how = "its \(terms.count) periods sum to \(shownComputed) (\(terms.joined(separator: " + ")))"
            case .mean: how = "the mean of its periods is \(shownComputed)"
            case .last: how = "its latest period, \(ytd.through?.label ?? ""), has \(shownComputed)"
            case .ratio:
                let n = Formatting.number(ytd.numerator ?? 0, decimals: 0), d = Formatting.number(ytd.denominator ?? 0, decimals: 0)
                how = "its periods give \(n) / \(d) = \(shownComputed)"
            case .given: continue
            }
            diagnostics.warning(
                "\(indicator.id) \(ytd.period.label) is \(shownGiven) in the data, but \(how); check the figures or set aggregation: given",
                at: given.location)
        }
    }

    static func checkParts(_ indicator: IndicatorDefinition, series: [Observation], dashboard: Dashboard, diagnostics: inout Diagnostics) {
        let unit = indicator.unit
        for mismatch in PartsSum.mismatches(indicator, series: series, dashboard: dashboard) {
            diagnostics.warning(
                "\(indicator.id) for \(mismatch.period.label) is \(Formatting.figure(mismatch.total, unit: unit, decimals: mismatch.totalDecimals)), but its parts sum to \(Formatting.figure(mismatch.sum, unit: unit, decimals: mismatch.decimals)) (\(mismatch.terms.joined(separator: " + ")))",
                at: mismatch.location)
        }
    }

    /// A stated direction is checked against the figures where they can check it; where they cannot (the period
    /// it was compared with is a gap or missing, or the figures compare with another period), that is said.
    static func checkStatedDirections(_ indicator: IndicatorDefinition, series all: [Observation], diagnostics: inout Diagnostics) {
        let similarWithin = indicator.similarWithin ?? TrendRules.defaultSimilarWithin(indicator.unit)
        for (period, reported) in indicator.reported.sorted(by: { $0.key < $1.key }) {
            guard let stated = reported.direction,
                let currentObservation = all.first(where: { $0.period == period }), let current = currentObservation.value
            else { continue }
            let series = all.filter { $0.period.kind == period.kind && Analysis.isKnown($0.period, at: period) }
            let choice = ComparisonRules.choose(for: currentObservation, in: series, basis: indicator.compareWith)
            let name = "\(indicator.id) \(currentObservation.label)"
            guard let previousObservation = choice.observation, let previous = previousObservation.value else {
                if let note = choice.note {
                    diagnostics.warning(
                        "\(name) is reported as '\(stated.rawValue)', which the figures cannot confirm: \(note); the page shows it as reported",
                        at: reported.location)
                }
                continue
            }
            let computed = TrendRules.direction(
                of: Change(from: previous, in: previousObservation.period, to: current, in: period),
                polarity: indicator.polarity, similarWithin: similarWithin)
            let statedJudged = TrendRules.direction(stated: stated, in: period, polarity: indicator.polarity)
            let from = Formatting.figure(previous, unit: indicator.unit, decimals: previousObservation.decimals)
            let to = Formatting.figure(current, unit: indicator.unit, decimals: currentObservation.decimals)
            if !choice.isImmediatelyPrevious {
                diagnostics.warning(
                    "\(name) is reported as '\(stated.rawValue)', but the figures compare with \(previousObservation.label) (\(choice.note ?? "not the period just before")), which makes it \(computed.direction.words.lowercased()) (\(from) then \(to)); the page shows both",
                    at: reported.location)
            } else if computed.direction != statedJudged.direction {
                diagnostics.warning(
                    "\(name) is reported as '\(stated.rawValue)' but the figures (\(from) then \(to)) make it \(computed.direction.words.lowercased())",
                    at: reported.location)
            }
        }
    }

    /// A per-period target that applies to no figure (a typo'd year, quarterly data under an annual key of
    /// another year) would otherwise be silently unused.
    static func checkTargetKeys(_ indicator: IndicatorDefinition, series: [Observation], diagnostics: inout Diagnostics) {
        for (key, location) in indicator.targetLocations.sorted(by: { $0.key < $1.key }) {
            let applies = series.contains { observation in
                let period = observation.period
                if period == key { return true }
                switch key {
                case .financialYear, .calendarYear, .academicYear: return key.start <= period.start && period.end <= key.end
                default: return false
                }
            }
            if !applies {
                let have = series.isEmpty ? "" : " (the figures run from \(series.first!.label) to \(series.last!.label))"
                diagnostics.warning("the target for \(key.label) matches no figure of \(indicator.id)\(have); is the period right?", at: location)
            }
        }
    }

    /// A percentage whose numerator and denominator are other indicators (as in a wide table of counts and
    /// shares) must match them: the SEN2 age bands' 3.7% under 5 against 171 / 5,039 = 3.4% is a warning.
    static func checkLinkedPercentages(
        _ indicator: IndicatorDefinition, series: [Observation], dashboard: Dashboard,
        diagnostics: inout Diagnostics
    ) {
        guard indicator.unit == .percent, let numeratorID = indicator.numeratorID, let denominatorID = indicator.denominatorID else { return }
        let numerators = dashboard.observations(numeratorID), denominators = dashboard.observations(denominatorID)
        // Year-to-date figures are checked against their periods (checkYearToDate).
        for observation in series where !observation.period.frequency.isYearToDate {
            guard let value = observation.value, observation.numerator == nil || observation.denominator == nil,
                let n = numerators.first(where: { $0.period == observation.period })?.value,
                let d = denominators.first(where: { $0.period == observation.period })?.value, d > 0
            else { continue }
            let computed = n / d * 100
            if !Formatting.agree(computed, value, decimals: observation.decimals) {
                diagnostics.warning(
                    "\(indicator.id) for \(observation.label) is \(Formatting.figure(value, unit: .percent, decimals: observation.decimals)), but \(numeratorID) / \(denominatorID) is \(Formatting.number(n, decimals: 0)) / \(Formatting.number(d, decimals: 0)) = \(Formatting.figure(computed, unit: .percent, decimals: observation.decimals))",
                    at: observation.location)
            }
        }
    }
}
