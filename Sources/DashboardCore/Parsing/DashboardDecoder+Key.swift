/// `rag_key:`, statuses a paper states, separate ratings and named comparators.
extension DashboardDecoder {
    /// `rag_key:` lists the dashboard's statuses in the order its key prints them:
    ///
    ///     rag_key:
    ///       - {status: Blue, meaning: exceeding target, colour: "#1d70b8", exceeds_target_by: 5%}
    ///       - {status: Green, meaning: on target, colour: "#00703c", rule: green}
    ///       - {status: Red/Amber, rule: reported}
    ///       - {status: NA, meaning: not applicable, rule: reported}
    static func decodeRAGKey(_ node: ConfigNode, diagnostics: inout Diagnostics) -> RAGKey? {
        var statuses: [RAGStatus] = []
        for item in list(node, what: "rag_key", diagnostics: &diagnostics) {
            guard var map = ConfigMapping(item, what: "a status of the RAG key", diagnostics: &diagnostics) else { continue }
            let name = map.requiredString("status", in: "this status of the RAG key", diagnostics: &diagnostics)?.trimmingSpaces
            let meaning = map.string("meaning", diagnostics: &diagnostics)?.0.trimmingSpaces
            let colour = map.string("colour", diagnostics: &diagnostics).flatMap { colourValue($0.0, key: "colour", at: $0.1, diagnostics: &diagnostics) }
            let textLocation = map.node("text_colour")?.location
            let textColour = map.string("text_colour", diagnostics: &diagnostics).flatMap { colourValue($0.0, key: "text_colour", at: $0.1, diagnostics: &diagnostics) }
            var decision: RAGStatus.Decision?
            if let (text, location) = map.string("rule", diagnostics: &diagnostics) {
                switch text.trimmingSpaces.lowercased() {
                case "green": decision = .rule(.green)
                case "amber": decision = .rule(.amber)
                case "red": decision = .rule(.red)
                case "reported": decision = .reported
                default:
                    diagnostics.error(
                        "'rule' is green, amber or red (the outcome of the indicator's rule it stands for) or reported (only as a paper states it), not '\(text)'", at: location)
                }
            }
            if let exceeds = map.node("exceeds_target_by") {
                if decision != nil {
                    diagnostics.error("a status is decided by rule: or by exceeds_target_by:, not both", at: exceeds.location)
                }
                // In the indicator's own unit, or relative to the target: `5%` of the target, as the key prints it.
                if case .scalar(let text) = exceeds.value, case .success(let figure) = FigureParser.parse(text), let value = figure.value, value >= 0 {
                    decision = .exceedsTarget(figure.hasPercentSign ? .relative(value / 100) : .absolute(value))
                } else {
                    diagnostics.error("'exceeds_target_by' is a margin such as 5% (of the target) or 2 (in the indicator's unit)", at: exceeds.location)
                }
            }
            map.reportUnknownKeys(in: "a status of the RAG key", diagnostics: &diagnostics)
            guard let name, !name.isEmpty else { continue }
            if decision == nil {
                // Green, Amber and Red stand for the rules' outcomes; any other status is only ever reported.
                switch name.lowercased() {
                case "green", "g": decision = .rule(.green)
                case "amber", "a": decision = .rule(.amber)
                case "red", "r": decision = .rule(.red)
                default: decision = .reported
                }
            }
            let id = statusID(name)
            if statuses.contains(where: { $0.id == id }) {
                diagnostics.error("the RAG key has the status '\(name)' twice; keep one", at: item.location)
                continue
            }
            let status = RAGStatus(id: id, name: name, meaning: meaning, colour: colour, textColour: textColour, decision: decision!)
            checkContrast(status, at: textLocation ?? item.location, diagnostics: &diagnostics)
            statuses.append(status)
        }
        guard !statuses.isEmpty else {
            diagnostics.error("rag_key lists no statuses", at: node.location)
            return nil
        }
        for rag in RAG.allCases where !statuses.contains(where: { $0.decision == .rule(rag) }) {
            diagnostics.warning(
                "the RAG key has no status for the rules' \(rag.name.lowercased()) outcome; such figures are shown without a status (add rule: \(rag.rawValue) to one)",
                at: node.location)
        }
        var seen = Set<RAG>()
        for status in statuses {
            if case .rule(let rag) = status.decision, !seen.insert(rag).inserted {
                diagnostics.warning("more than one status stands for the rules' \(rag.name.lowercased()) outcome; the first listed is given", at: node.location)
            }
        }
        return RAGKey(statuses: statuses)
    }

    /// A status is always shown with its name, so the words carry it; the name must still be readable on its fill.
    /// The ratio is said rounded down, so a colour just short of 4.5:1 never reads as passing.
    static func checkContrast(_ status: RAGStatus, at location: SourceLocation, diagnostics: inout Diagnostics) {
        if let colour = status.colour, let text = status.writtenIn {
            let ratio = Contrast.ratio(colour, text) ?? 0
            if ratio < 4.5 {
                diagnostics.error(
                    "the status '\(status.name)' would be written in \(text) on \(colour), a contrast of \(Formatting.number((ratio * 10).rounded(.down) / 10, decimals: 1)):1; text needs at least 4.5:1 (WCAG 2.2 AA): choose a darker or lighter colour\(status.textColour == nil ? "" : " or leave out text_colour")",
                    at: location)
            }
        } else if status.textColour != nil {
            diagnostics.error("text_colour needs a colour for the status to be written on", at: location)
        }
    }

    /// "Red/Amber" → "red-amber", for a class name.
    static func statusID(_ name: String) -> String {
        var id = ""
        for ch in name.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { id.append(ch) } else if !id.hasSuffix("-") && !id.isEmpty { id.append("-") }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "status" : id
    }

    static func colourValue(_ text: String, key: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> String? {
        if let colour = Contrast.hexColour(text) { return colour }
        diagnostics.error("\(key) must be a colour written #RRGGBB, such as #12436d, not '\(text)'", at: location)
        return nil
    }

    /// A status as a paper states it, from the dashboard's key; an unknown one is an error naming the key's statuses.
    static func status(_ text: String, at location: SourceLocation, key: RAGKey, diagnostics: inout Diagnostics) -> RAGStatus? {
        if let status = key.status(named: text) { return status }
        let hint = Diagnostic.suggestion(for: text.trimmingSpaces, among: key.names).map { "; \($0)" } ?? ""
        let names = key.names.map { "'\($0)'" }.joined(separator: ", ")
        diagnostics.error(
            "'\(text)' is not a status of \(key.isDeclared ? "this dashboard's RAG key" : "the RAG key") (\(names))\(hint)"
                + (key.isDeclared ? "" : "; a dashboard with other statuses lists them under rag_key:"), at: location)
        return nil
    }

    /// `ratings:` separate ratings an indicator carries, each stated by period: `{Activity: {2020/21 Q1: Green}, Impact: {…}}`.
    static func decodeRatings(_ node: ConfigNode, key: RAGKey, diagnostics: inout Diagnostics) -> [RatingSeries] {
        guard let map = ConfigMapping(node, what: "ratings", diagnostics: &diagnostics) else { return [] }
        var result: [RatingSeries] = []
        for entry in map.entries {
            guard let byPeriod = ConfigMapping(entry.value, what: "the rating '\(entry.key)'", diagnostics: &diagnostics) else { continue }
            var series = RatingSeries(name: entry.key.trimmingSpaces, location: entry.keyLocation)
            for item in byPeriod.entries {
                guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
                guard case .scalar(let text) = item.value.value else {
                    diagnostics.error("a rating is one status, such as Green, not \(item.value.kindName)", at: item.value.location)
                    continue
                }
                if let status = status(text, at: item.value.location, key: key, diagnostics: &diagnostics) { series.statuses[period] = status }
            }
            result.append(series)
        }
        return result
    }

    /// `comparators:` named series, each by period, with an as-at date where it differs from the figure's period:
    ///
    ///     comparators:
    ///       England: {2019/20: 88.5%, 2020/21 Q1: 89.1%}
    ///       Statistical neighbours (2019 model):
    ///         as_at: 31 March 2019
    ///         figures: {2020/21 Q1: 70.1%}
    static func decodeComparators(_ node: ConfigNode, unit: MeasureUnit, diagnostics: inout Diagnostics) -> [Comparator] {
        guard let map = ConfigMapping(node, what: "comparators", diagnostics: &diagnostics) else { return [] }
        var result: [Comparator] = []
        for entry in map.entries {
            let name = entry.key.trimmingSpaces
            guard var body = ConfigMapping(entry.value, what: "the comparator '\(name)'", diagnostics: &diagnostics) else { continue }
            var comparator = Comparator(name: name, location: entry.keyLocation)
            let figuresNode: ConfigNode?
            if body.entries.contains(where: { $0.key == "figures" }) {
                comparator.asAt = body.node("as_at").flatMap { period($0, diagnostics: &diagnostics) }
                comparator.source = body.string("source", diagnostics: &diagnostics)?.0.trimmingSpaces
                figuresNode = body.node("figures")
                body.reportUnknownKeys(in: "the comparator '\(name)'", diagnostics: &diagnostics)
            } else {
                if let stray = body.entries.first(where: { ["as_at", "source"].contains($0.key) }) {
                    diagnostics.error("the comparator '\(name)' has \(stray.key): but no figures: (put its figures by period under figures:)", at: stray.keyLocation)
                    continue
                }
                figuresNode = entry.value
            }
            guard let figuresNode, let byPeriod = ConfigMapping(figuresNode, what: "the comparator's figures", diagnostics: &diagnostics) else { continue }
            for item in byPeriod.entries {
                guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
                var asAt: Period?
                var valueNode = item.value
                if var one = ConfigMapping(quiet: item.value) {
                    guard let value = one.node("value") else {
                        diagnostics.error("a comparator's figure is a number, or {value: …, as_at: …}", at: item.value.location)
                        continue
                    }
                    valueNode = value
                    asAt = one.node("as_at").flatMap { self.period($0, diagnostics: &diagnostics) }
                    one.reportUnknownKeys(in: "a comparator's figure", diagnostics: &diagnostics)
                }
                guard let value = number(valueNode, unit: unit, key: name, diagnostics: &diagnostics) else { continue }
                comparator.figures[period] = ComparatorFigure(value: value, asAt: asAt, location: valueNode.location)
            }
            if let clash = result.first(where: { $0.name.lowercased() == name.lowercased() }) {
                diagnostics.error("the comparator '\(name)' is given twice (first at line \(clash.location.line)); keep one", at: entry.keyLocation)
                continue
            }
            result.append(comparator)
        }
        return result
    }
}
