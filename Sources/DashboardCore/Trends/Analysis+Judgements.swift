extension Analysis {
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
