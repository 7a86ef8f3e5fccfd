/// An indicator of `dashboard.yml`: its required keys, then every optional one, each in its own reader.
extension DashboardDecoder {
    static func decodeIndicator(
        _ entry: ConfigEntry, key: RAGKey = .standard, supplied: RoleTable.Row? = nil, diagnostics: inout Diagnostics
    ) -> IndicatorDefinition? {
        let id = entry.key
        if !Identifier.isValid(id) {
            diagnostics.error("'\(id)' cannot be an indicator id: use \(Identifier.rule)", at: entry.keyLocation)
        } else if id == "index" {
            diagnostics.error("'index' cannot be an indicator id: the dashboard's own page is index.html; choose another id", at: entry.keyLocation)
        }
        let what = "indicator '\(id)'"
        guard var map = ConfigMapping(entry.value, what: what, diagnostics: &diagnostics) else { return nil }
        // A sheet's row (role columns) may give the title, unit and polarity instead.
        let sheetTitle = supplied?.roles[.indicator]?.text
        let title = sheetTitle != nil && map.isAbsentOrNull("title") ? sheetTitle : map.requiredString("title", in: what, diagnostics: &diagnostics)
        var unit = map.choice("unit", MeasureUnit.self, diagnostics: &diagnostics)
        if unit == nil, map.isAbsentOrNull("unit") {
            if let cell = supplied?.roles[.unit] {
                var ignored = Diagnostics()  // reported when the row is applied
                unit = DashboardDecoder.unit(of: cell, diagnostics: &ignored)
                if unit == nil { diagnostics.error("'\(cell.text)' is not a unit: write \(MeasureUnit.allCases.map(\.rawValue).joined(separator: ", "))", at: cell.location) }
            } else {
                diagnostics.error("\(what) has no 'unit' (\(MeasureUnit.allCases.map(\.rawValue).joined(separator: " | ")))", at: entry.keyLocation)
            }
        }
        var polarity = map.choice("polarity", Polarity.self, diagnostics: &diagnostics)
        if polarity == nil, map.isAbsentOrNull("polarity") {
            if let cell = supplied?.roles[.polarity] {
                var ignored = Diagnostics()
                polarity = DashboardDecoder.polarity(of: cell, diagnostics: &ignored)
                if polarity == nil { diagnostics.error("'\(cell.text)' is not a polarity: write High (high is good), Low (low is good) or None", at: cell.location) }
            } else {
                diagnostics.error("\(what) has no 'polarity' (high | low | none)\(supplied == nil ? "" : ", and its row in the sheet has no polarity cell")", at: entry.keyLocation)
            }
        }
        // Without a title, unit or polarity there is no indicator, but the rest is still read into a stand-in so
        // its problems are reported too.
        var indicator = IndicatorDefinition(
            id: id, title: title?.trimmingSpaces ?? "", unit: unit ?? .count, polarity: polarity ?? .none, location: entry.keyLocation)
        decodeDetails(&map, into: &indicator, what: what, key: key, diagnostics: &diagnostics)
        map.reportUnknownKeys(in: what, diagnostics: &diagnostics)
        guard title != nil, unit != nil, polarity != nil else { return nil }
        return indicator
    }

    /// Reads every optional key of an indicator into it (its unit, already read, decides how figures are read).
    static func decodeDetails(
        _ map: inout ConfigMapping, into indicator: inout IndicatorDefinition, what: String, key: RAGKey = .standard,
        diagnostics: inout Diagnostics
    ) {
        let unit = indicator.unit
        let shortTitle = map.string("short_title", diagnostics: &diagnostics)?.0.trimmingSpaces
        let chart = map.choice("chart", ChartKind.self, diagnostics: &diagnostics)
        let aggregation = map.choice("aggregation", Aggregation.self, diagnostics: &diagnostics)
        let source = map.string("source", diagnostics: &diagnostics)?.0.trimmingSpaces
        let definitionText = map.string("definition", diagnostics: &diagnostics)?.0.trimmingSpaces
        let (commentary, periodCommentary) = map.node("commentary").map { decodeCommentary($0, diagnostics: &diagnostics) } ?? (nil, [:])
        let decimals = map.integer("decimals", range: 0...6, diagnostics: &diagnostics)
        let ragMethod = map.choice("rag", RAGMethod.self, diagnostics: &diagnostics)
        let compareWith = map.choice("compare_with", CompareWith.self, diagnostics: &diagnostics)
        let spcOptions = decodeSPC(&map, diagnostics: &diagnostics)
        indicator.significanceLevel = decodeSignificance(&map, diagnostics: &diagnostics)
        let similar = map.node("similar_within").flatMap { margin($0, key: "similar_within", unit: unit, diagnostics: &diagnostics) }
        let tolerance = map.node("rag_tolerance").flatMap { margin($0, key: "rag_tolerance", unit: unit, diagnostics: &diagnostics) }
        let numeratorID = map.string("numerator", diagnostics: &diagnostics)?.0.trimmingSpaces
        let denominatorID = map.string("denominator", diagnostics: &diagnostics)?.0.trimmingSpaces

        let (target, targets, targetLocations) = decodeTarget(map.node("target"), unit: unit, diagnostics: &diagnostics)
        let (axisMinimum, axisMaximum) = decodeAxis(map.node("axis"), unit: unit, diagnostics: &diagnostics)
        let parts = map.node("parts").map { decodeParts($0, diagnostics: &diagnostics) } ?? []
        let (benchmarks, benchmarkSource) = decodeBenchmarkList(map.node("benchmarks"), unit: unit, diagnostics: &diagnostics)
        let reported = map.node("reported").map { decodeReportedList($0, key: key, diagnostics: &diagnostics) } ?? [:]
        let ratings = map.node("ratings").map { decodeRatings($0, key: key, diagnostics: &diagnostics) } ?? []
        let comparators = map.node("comparators").map { decodeComparators($0, unit: unit, diagnostics: &diagnostics) } ?? []

        indicator.shortTitle = shortTitle
        if let chart { indicator.chart = chart }
        indicator.aggregation =
            aggregation
            ?? .defaultFor(indicator.unit, hasNumeratorAndDenominator: numeratorID != nil && denominatorID != nil)
        indicator.source = source
        indicator.definition = definitionText
        indicator.commentary = commentary
        indicator.periodCommentary = periodCommentary
        indicator.decimals = decimals
        if let ragMethod { indicator.ragMethod = ragMethod }
        if let compareWith { indicator.compareWith = compareWith }
        indicator.spcOptions = spcOptions
        indicator.similarWithin = similar
        indicator.ragTolerance = tolerance
        indicator.numeratorID = numeratorID
        indicator.denominatorID = denominatorID
        indicator.target = target
        indicator.targets = targets
        indicator.targetLocations = targetLocations
        indicator.axisMinimum = axisMinimum
        indicator.axisMaximum = axisMaximum
        indicator.parts = parts
        indicator.benchmarks = benchmarks
        indicator.benchmarkSource = benchmarkSource
        indicator.reported = reported
        indicator.ratings = ratings
        indicator.comparators = comparators
    }

    /// `commentary:` as text, or text for each period.
    static func decodeCommentary(_ node: ConfigNode, diagnostics: inout Diagnostics) -> (String?, [Period: String]) {
        var commentary: String?
        var periodCommentary: [Period: String] = [:]
        switch node.value {
        case .scalar(let text):
            commentary = text.trimmingSpaces
        case .mapping(let entries):
            // Keyed by period: each edition shows its own.
            for entry in entries {
                guard let period = period(text: entry.key, at: entry.keyLocation, diagnostics: &diagnostics) else { continue }
                guard case .scalar(let text) = entry.value.value, !text.trimmingSpaces.isEmpty else {
                    diagnostics.error("the commentary for \(period.label) must be text", at: entry.value.location)
                    continue
                }
                if periodCommentary[period] != nil {
                    diagnostics.error("there is already commentary for \(period.label); keep one", at: entry.keyLocation)
                }
                periodCommentary[period] = text.trimmingSpaces
            }
        default:
            diagnostics.error("'commentary' is text, or text for each period (2020/21 Q1: …), not \(node.kindName)", at: node.location)
        }
        return (commentary, periodCommentary)
    }

    /// `target:` as one figure, or a figure for each period (with where each period was written).
    static func decodeTarget(
        _ node: ConfigNode?, unit: MeasureUnit, diagnostics: inout Diagnostics
    ) -> (Double?, [Period: Double], [Period: SourceLocation]) {
        var target: Double?
        var targets: [Period: Double] = [:]
        var targetLocations: [Period: SourceLocation] = [:]
        if let node {
            if case .mapping(let entries) = node.value {
                for item in entries {
                    guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
                    targetLocations[period] = item.keyLocation
                    if let value = number(item.value, unit: unit, key: "target", diagnostics: &diagnostics) { targets[period] = value }
                }
            } else {
                target = number(node, unit: unit, key: "target", diagnostics: &diagnostics)
            }
        }
        return (target, targets, targetLocations)
    }

    /// `axis: {min:, max:}`.
    static func decodeAxis(_ node: ConfigNode?, unit: MeasureUnit, diagnostics: inout Diagnostics) -> (Double?, Double?) {
        var axisMinimum: Double?, axisMaximum: Double?
        if let node, var axis = ConfigMapping(node, what: "axis", diagnostics: &diagnostics) {
            axisMinimum = axis.node("min").flatMap { number($0, unit: unit, key: "axis min", diagnostics: &diagnostics) }
            axisMaximum = axis.node("max").flatMap { number($0, unit: unit, key: "axis max", diagnostics: &diagnostics) }
            axis.reportUnknownKeys(in: "axis", diagnostics: &diagnostics)
            if let lo = axisMinimum, let hi = axisMaximum, lo >= hi {
                diagnostics.error("the axis minimum must be below its maximum", at: node.location)
            }
        }
        return (axisMinimum, axisMaximum)
    }

    /// `parts:`: the ids of the indicators that add up to this one.
    static func decodeParts(_ node: ConfigNode, diagnostics: inout Diagnostics) -> [String] {
        var parts: [String] = []
        for item in list(node, what: "parts", diagnostics: &diagnostics) {
            if case .scalar(let id) = item.value {
                parts.append(id.trimmingSpaces)
            } else {
                diagnostics.error("parts lists indicator ids, not \(item.kindName)", at: item.location)
            }
        }
        return parts
    }

    /// `benchmarks:`: figures by period, or `from:` a benchmark file with its `measure:`.
    static func decodeBenchmarkList(
        _ node: ConfigNode?, unit: MeasureUnit, diagnostics: inout Diagnostics
    ) -> ([Period: Benchmarks], BenchmarkSource?) {
        var benchmarks: [Period: Benchmarks] = [:]
        var benchmarkSource: BenchmarkSource?
        if let node, var byPeriod = ConfigMapping(node, what: "benchmarks", diagnostics: &diagnostics) {
            if let (file, at) = byPeriod.string("from", diagnostics: &diagnostics) {
                let measure = byPeriod.requiredString("measure", in: "benchmarks with from:", diagnostics: &diagnostics)
                let group = byPeriod.string("group", diagnostics: &diagnostics)?.0.trimmingSpaces
                if let measure { benchmarkSource = BenchmarkSource(file: file.trimmingSpaces, measure: measure.trimmingSpaces, location: at, group: group) }
            } else if byPeriod.node("measure") != nil || byPeriod.node("group") != nil {
                diagnostics.error("benchmarks has measure: or group: but no from: naming the benchmark file", at: node.location)
            }
            for item in byPeriod.entries where !["from", "measure", "group"].contains(item.key) {
                guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
                if let benchmark = decodeBenchmarks(item.value, unit: unit, diagnostics: &diagnostics) { benchmarks[period] = benchmark }
            }
        }
        return (benchmarks, benchmarkSource)
    }

    /// `reported:`: the status and direction the paper states, by period.
    static func decodeReportedList(_ node: ConfigNode, key: RAGKey, diagnostics: inout Diagnostics) -> [Period: Reported] {
        var reported: [Period: Reported] = [:]
        guard let byPeriod = ConfigMapping(node, what: "reported", diagnostics: &diagnostics) else { return [:] }
        for item in byPeriod.entries {
            guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
            if let value = decodeReported(item.value, key: key, diagnostics: &diagnostics) { reported[period] = value }
        }
        return reported
    }

    static func decodeBenchmarks(_ node: ConfigNode, unit: MeasureUnit, diagnostics: inout Diagnostics) -> Benchmarks? {
        guard var map = ConfigMapping(node, what: "a period's benchmarks", diagnostics: &diagnostics) else { return nil }
        var result = Benchmarks(location: node.location)
        result.national = map.node("national").flatMap { number($0, unit: unit, key: "national", diagnostics: &diagnostics) }
        result.regional = map.node("regional").flatMap { number($0, unit: unit, key: "regional", diagnostics: &diagnostics) }
        result.statisticalNeighbours = map.node("statistical_neighbours").flatMap {
            number($0, unit: unit, key: "statistical_neighbours", diagnostics: &diagnostics)
        }
        result.nationalQuartile = map.integer("national_quartile", range: 1...4, diagnostics: &diagnostics)
        result.quartilePosition = map.choice("quartile_position", QuartilePosition.self, diagnostics: &diagnostics)
        result.nationalChange = map.node("national_change").flatMap { fraction($0, key: "national_change", diagnostics: &diagnostics) }
        result.regionalChange = map.node("regional_change").flatMap { fraction($0, key: "regional_change", diagnostics: &diagnostics) }
        map.reportUnknownKeys(in: "benchmarks", diagnostics: &diagnostics)
        return result
    }

    static func decodeReported(_ node: ConfigNode, key: RAGKey = .standard, diagnostics: inout Diagnostics) -> Reported? {
        guard var map = ConfigMapping(node, what: "a period's reported judgements", diagnostics: &diagnostics) else { return nil }
        var result = Reported(location: node.location)
        if let (text, location) = map.string("direction", diagnostics: &diagnostics) {
            result.direction = statedDirection(text)
            if result.direction == nil {
                diagnostics.error("'\(text)' is not a direction: use better, worse, similar, higher or lower", at: location)
            }
        }
        if let (text, location) = map.string("rag", diagnostics: &diagnostics) {
            result.rag = status(text, at: location, key: key, diagnostics: &diagnostics)
        }
        map.reportUnknownKeys(in: "reported", diagnostics: &diagnostics)
        return result
    }

    /// Reads the words papers use in "compared to previous": `Better`, `Same`, `Higher (low is good)`.
    public static func statedDirection(_ text: String) -> StatedDirection? {
        let word = text.trimmingSpaces.lowercased().prefix { $0.isLetter }
        switch word {
        case "better", "improved", "improving": return .better
        case "worse", "declined", "declining", "deteriorated": return .worse
        case "similar", "same", "unchanged", "stable": return .similar
        case "higher", "up", "increased": return .higher
        case "lower", "down", "decreased": return .lower
        default: return nil
        }
    }

    // MARK: - Scalars
}
