extension DashboardDecoder {
    /// An indicator's `spc:` (rebase, screening, the moving-range chart, `across_breaks`) and `break:` (breaks in
    /// the data, each a period and its reason: `break: {2019-12: recording moved to an automated report}`).
    static func decodeSPC(_ map: inout ConfigMapping, diagnostics: inout Diagnostics) -> SPC.Options {
        var options = SPC.Options()
        if let node = map.node("spc"), var spc = ConfigMapping(node, what: "spc", diagnostics: &diagnostics) {
            if let rebase = spc.node("rebase") {
                for item in list(rebase, what: "rebase", diagnostics: &diagnostics) {
                    if let period = period(item, diagnostics: &diagnostics) { options.rebase.append(period) }
                }
            }
            if let (text, location) = spc.string("screen_moving_ranges", diagnostics: &diagnostics) {
                switch text.trimmingSpaces.lowercased() {
                case "true", "yes": options.screenMovingRanges = true
                case "false", "no": options.screenMovingRanges = false
                default: diagnostics.error("'screen_moving_ranges' is true or false, not '\(text)'", at: location)
                }
            }
            if let chart = spc.bool("moving_range_chart", diagnostics: &diagnostics) { options.movingRangeChart = chart }
            if let across = spc.bool("across_breaks", diagnostics: &diagnostics) { options.acrossBreaks = across }
            spc.reportUnknownKeys(in: "spc", diagnostics: &diagnostics)
        }
        if let node = map.node("break"), let byPeriod = ConfigMapping(node, what: "break", diagnostics: &diagnostics) {
            for item in byPeriod.entries {
                guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
                guard case .scalar(let reason) = item.value.value, !reason.trimmingSpaces.isEmpty else {
                    diagnostics.error("the break in \(period.label) needs its reason, as text", at: item.value.location)
                    continue
                }
                options.breaks.append(SPC.Break(period: period, reason: reason.trimmingSpaces))
            }
        }
        return options
    }

    /// `significance: {level: 95 | 99.8}`, at the top of dashboard.yml or for an indicator.
    static func decodeSignificance(_ map: inout ConfigMapping, diagnostics: inout Diagnostics) -> Double? {
        guard let node = map.node("significance"), var significance = ConfigMapping(node, what: "significance", diagnostics: &diagnostics) else {
            return nil
        }
        defer { significance.reportUnknownKeys(in: "significance", diagnostics: &diagnostics) }
        guard let (text, location) = significance.string("level", diagnostics: &diagnostics) else { return nil }
        let written = text.trimmingSpaces.hasSuffix("%") ? String(text.trimmingSpaces.dropLast()) : text.trimmingSpaces
        guard let percent = Double(written), let level = ConfidenceLevel(percent: percent) else {
            diagnostics.error("the significance level is 95 or 99.8 (per cent), not '\(text)'", at: location)
            return nil
        }
        return level.percent
    }
}
