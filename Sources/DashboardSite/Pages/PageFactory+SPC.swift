import DashboardCore

/// The words of an SPC judgement: which stretch of the chart it is from (since a break or a change in process),
/// and whether its limits are trial limits.
extension PageFactory {
    /// "Common cause variation: no significant change, since the break in data in December 2019. Assurance: …
    /// Trial limits: …".
    static func spcDetails(_ spc: SPC.Result) -> String {
        var details = spc.variationSentence
        if let assurance = spc.assurance { details += ". " + assurance.sentence }
        if let trial = spc.trialLimitsSentence { details += ". " + trial }
        return details
    }

    /// Where the stretch since a break is too short for limits, the KPI row says so in words, not a signal.
    static func spcUnavailableBadge(_ analysis: IndicatorAnalysis) -> Badge? {
        guard case .tooFewSinceBreak(let count, let at)? = analysis.spcUnavailable, let sentence = analysis.spcUnavailable?.sentence else {
            return nil
        }
        let detail =
            "No SPC signal: \(at.description) began a new stretch, which has \(count) of the \(SPC.minimumPoints) figures limits need"
        return Badge(text: sentence, style: "common", detail: detail)
    }

    /// Each stretch with its mean and limits and what began it (a change in process, a break in the data).
    static func stretchesText(_ spc: SPC.Result, analysis: IndicatorAnalysis, format: (Double) -> String) -> String {
        let stretches = spc.segments.map { segment -> String in
            let (first, last) = spc.periods(of: segment)
            var began = ""
            switch segment.start {
            case .rebase?: began = " (after a change in process)"
            case .breakInData(let at)?: began = " (after \(at.description)" + (at.reason.map { ": \($0)" } ?? "") + ")"
            case nil: break
            }
            return
                "\(analysis.label(first)) to \(analysis.label(last))\(began): mean \(format(segment.mean)), process limits \(format(segment.lowerLimit)) to \(format(segment.upperLimit)), from \(segment.observedCount) figures"
        }
        let hasBreak = spc.segments.contains { if case .breakInData? = $0.start { return true } else { return false } }
        let hasRebase = spc.segments.contains { if case .rebase? = $0.start { return true } else { return false } }
        let why = [hasRebase ? "each change in the process (rebased)" : nil, hasBreak ? "each break in the data" : nil].compactMap { $0 }
        return "The limits are worked afresh from " + why.joined(separator: " and from ") + ": " + stretches.joined(separator: "; ")
            + ". Each stretch's limits are its mean ± 2.66 × its average moving range; the judgement is from the latest stretch."
    }
}
