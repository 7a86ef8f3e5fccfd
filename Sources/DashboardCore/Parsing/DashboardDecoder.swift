/// Turns a `dashboard.yml` tree into a `DashboardDefinition`, reporting every problem with its position.
public enum DashboardDecoder {
    public static func decode(_ root: ConfigNode, id: String) -> (DashboardDefinition?, Diagnostics) {
        var diagnostics = Diagnostics()
        var supply = SheetSupply([])
        let definition = decodeDashboard(root, id: id, supply: &supply, diagnostics: &diagnostics)
        return (diagnostics.hasErrors ? nil : definition, diagnostics)
    }

    static func decodeDashboard(_ root: ConfigNode, id: String, supply: inout SheetSupply, diagnostics: inout Diagnostics) -> DashboardDefinition? {
        if !Identifier.isValid(id) {
            diagnostics.error("the folder name '\(id)' cannot be a dashboard id: use \(Identifier.rule)", at: root.location)
        }
        guard var map = ConfigMapping(root, what: "dashboard.yml", diagnostics: &diagnostics) else { return nil }
        let title = map.requiredString("title", in: "the dashboard", diagnostics: &diagnostics)
        let organisation = map.requiredString("organisation", in: "the dashboard", diagnostics: &diagnostics)
        let summary = map.string("summary", diagnostics: &diagnostics)?.0
        let asOf = map.node("as_of").flatMap { period($0, diagnostics: &diagnostics) }
        var editions: [Period] = []
        if let node = map.node("editions") {
            for item in list(node, what: "editions", diagnostics: &diagnostics) {
                if let period = period(item, diagnostics: &diagnostics) {
                    if editions.contains(period) {
                        diagnostics.error("the edition \(period.label) is listed twice", at: item.location)
                    } else {
                        editions.append(period)
                    }
                }
            }
        }
        var brandColour: String?
        if let (text, location) = map.string("brand_colour", diagnostics: &diagnostics) {
            brandColour = colourValue(text, key: "brand_colour", at: location, diagnostics: &diagnostics)
        }

        // The key first: the statuses indicators report are checked against it.
        let ragKey = map.node("rag_key").flatMap { decodeRAGKey($0, diagnostics: &diagnostics) } ?? .standard
        var kpiComparators: [(String, SourceLocation)]?
        if let node = map.node("kpi_comparators") {
            kpiComparators = []
            for item in list(node, what: "kpi_comparators", diagnostics: &diagnostics) {
                guard case .scalar(let name) = item.value, !name.trimmingSpaces.isEmpty else {
                    diagnostics.error("kpi_comparators lists comparator names, not \(item.kindName)", at: item.location)
                    continue
                }
                kpiComparators?.append((name.trimmingSpaces, item.location))
            }
        }

        var indicators: [IndicatorDefinition] = []
        var failed: Set<String> = []
        if let node = map.node("indicators") {
            if var indicatorMap = ConfigMapping(node, what: "indicators", diagnostics: &diagnostics) {
                for entry in indicatorMap.entries {
                    _ = indicatorMap.node(entry.key)
                    let title = ConfigMapping(quiet: entry.value).flatMap { map -> String? in
                        if case .scalar(let text)? = map.entries.first(where: { $0.key == "title" })?.value.value { return text }
                        return nil
                    }
                    let row = supply.isEmpty ? nil : supply.claim(id: entry.key, title: title, diagnostics: &diagnostics)
                    if var indicator = decodeIndicator(entry, key: ragKey, supplied: row?.row, diagnostics: &diagnostics) {
                        if let row { applySheet(row, to: &indicator, key: ragKey, diagnostics: &diagnostics) }
                        indicators.append(indicator)
                    } else {
                        failed.insert(entry.key)
                    }
                }
            }
        } else if supply.isEmpty {
            diagnostics.error("the dashboard has no 'indicators'", at: root.location)
        }
        // Rows of role-mapped sheets that no indicator of dashboard.yml claims declare their own.
        var sheetIDs: [Int: String] = [:]
        for index in supply.entries.indices {
            if let claimed = supply.entries[index].claimed {
                if !claimed.isEmpty { sheetIDs[index] = claimed }
                continue
            }
            let taken = Set(indicators.map(\.id)).union(failed)
            if let indicator = sheetIndicator(supply.entries[index], taken: taken, key: ragKey, diagnostics: &diagnostics) {
                indicators.append(indicator)
                sheetIDs[index] = indicator.id
            }
        }
        for (index, id) in sheetIDs.sorted(by: { $0.key < $1.key }) {
            supply.records += supply.entries[index].row.records.map { record in
                var record = record
                record.indicator = id
                return record
            }
        }

        var sections: [Section] = []
        if let node = map.node("sections") {
            if let table = supply.sectionTables.first {
                diagnostics.error(
                    "the sections come from the section rows of \(table.file) (sections: rows under data:); leave sections: out here, or sections: rows out there",
                    at: node.location)
            }
            for item in list(node, what: "sections", diagnostics: &diagnostics) {
                if let section = decodeSection(item, diagnostics: &diagnostics) { sections.append(section) }
            }
        } else if !supply.sectionTables.isEmpty {
            sections = sheetSections(supply, ids: sheetIDs, indicators: indicators, at: root.location, diagnostics: &diagnostics)
        } else if !indicators.isEmpty {
            sections = [Section(title: "Indicators", indicatorIDs: indicators.map(\.id), location: root.location)]
        }
        let data = map.node("data").map { DataMapping.decodeList($0, diagnostics: &diagnostics) } ?? []
        let authority = map.node("authority").flatMap { AuthoritySource.decode($0, diagnostics: &diagnostics) }
        let significanceLevel = decodeSignificance(&map, diagnostics: &diagnostics)
        let comparatorGroups = decodeComparatorGroups(&map, diagnostics: &diagnostics)
        let actionPlan = map.node("action_plan").flatMap { decodeActionPlan($0, diagnostics: &diagnostics) }
        map.reportUnknownKeys(in: "the dashboard", diagnostics: &diagnostics)

        guard let title, let organisation else { return nil }
        var definition = DashboardDefinition(
            id: id, title: title, organisation: organisation, summary: summary, asOf: asOf,
            editions: editions.sorted(), brandColour: brandColour, sections: sections,
            indicators: indicators, location: root.location)
        definition.data = data
        definition.authority = authority
        definition.ragKey = ragKey
        definition.significanceLevel = significanceLevel
        definition.comparatorGroups = comparatorGroups
        definition.actionPlan = actionPlan
        if let kpiComparators {
            // A name no indicator has is most often a slip: say so, with the nearest.
            let known = Set(indicators.flatMap { $0.comparatorNames })
            for (name, location) in kpiComparators where !known.contains(name) {
                let hint = Diagnostic.suggestion(for: name, among: known.sorted()).map { "; \($0)" } ?? ""
                diagnostics.error("no indicator has a comparator named '\(name)'\(hint)", at: location)
            }
            definition.kpiComparators = kpiComparators.map(\.0)
        }
        ReferenceChecks.check(&definition, failed: failed, diagnostics: &diagnostics)
        return definition
    }

    static func decodeSection(_ node: ConfigNode, diagnostics: inout Diagnostics) -> Section? {
        guard var map = ConfigMapping(node, what: "a section", diagnostics: &diagnostics) else { return nil }
        let title = map.requiredString("title", in: "this section", diagnostics: &diagnostics)
        let summary = map.string("summary", diagnostics: &diagnostics)?.0
        var ids: [String] = []
        if let list = map.node("indicators") {
            for item in self.list(list, what: "a section's indicators", diagnostics: &diagnostics) {
                guard case .scalar(let id) = item.value else {
                    diagnostics.error("a section lists indicator ids, not \(item.kindName)", at: item.location)
                    continue
                }
                ids.append(id.trimmingSpaces)
            }
        } else {
            diagnostics.error("this section has no 'indicators'", at: node.location)
        }
        map.reportUnknownKeys(in: "a section", diagnostics: &diagnostics)
        guard let title else { return nil }
        return Section(title: title, summary: summary, indicatorIDs: ids, location: node.location)
    }

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
        var commentary: String?
        var periodCommentary: [Period: String] = [:]
        if let node = map.node("commentary") {
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
        }
        let decimals = map.integer("decimals", range: 0...6, diagnostics: &diagnostics)
        let ragMethod = map.choice("rag", RAGMethod.self, diagnostics: &diagnostics)
        let compareWith = map.choice("compare_with", CompareWith.self, diagnostics: &diagnostics)
        let spcOptions = decodeSPC(&map, diagnostics: &diagnostics)
        indicator.significanceLevel = decodeSignificance(&map, diagnostics: &diagnostics)
        let similar = map.node("similar_within").flatMap { margin($0, key: "similar_within", unit: unit, diagnostics: &diagnostics) }
        let tolerance = map.node("rag_tolerance").flatMap { margin($0, key: "rag_tolerance", unit: unit, diagnostics: &diagnostics) }
        let numeratorID = map.string("numerator", diagnostics: &diagnostics)?.0.trimmingSpaces
        let denominatorID = map.string("denominator", diagnostics: &diagnostics)?.0.trimmingSpaces

        var target: Double?
        var targets: [Period: Double] = [:]
        var targetLocations: [Period: SourceLocation] = [:]
        if let node = map.node("target") {
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

        var axisMinimum: Double?, axisMaximum: Double?
        if let node = map.node("axis"), var axis = ConfigMapping(node, what: "axis", diagnostics: &diagnostics) {
            axisMinimum = axis.node("min").flatMap { number($0, unit: unit, key: "axis min", diagnostics: &diagnostics) }
            axisMaximum = axis.node("max").flatMap { number($0, unit: unit, key: "axis max", diagnostics: &diagnostics) }
            axis.reportUnknownKeys(in: "axis", diagnostics: &diagnostics)
            if let lo = axisMinimum, let hi = axisMaximum, lo >= hi {
                diagnostics.error("the axis minimum must be below its maximum", at: node.location)
            }
        }

        var parts: [String] = []
        if let node = map.node("parts") {
            for item in list(node, what: "parts", diagnostics: &diagnostics) {
                if case .scalar(let id) = item.value {
                    parts.append(id.trimmingSpaces)
                } else {
                    diagnostics.error("parts lists indicator ids, not \(item.kindName)", at: item.location)
                }
            }
        }

        var benchmarks: [Period: Benchmarks] = [:]
        var benchmarkSource: BenchmarkSource?
        if let node = map.node("benchmarks"), var byPeriod = ConfigMapping(node, what: "benchmarks", diagnostics: &diagnostics) {
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

        var reported: [Period: Reported] = [:]
        if let node = map.node("reported"), let byPeriod = ConfigMapping(node, what: "reported", diagnostics: &diagnostics) {
            for item in byPeriod.entries {
                guard let period = period(text: item.key, at: item.keyLocation, diagnostics: &diagnostics) else { continue }
                if let value = decodeReported(item.value, key: key, diagnostics: &diagnostics) { reported[period] = value }
            }
        }
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

    static func list(_ node: ConfigNode, what: String, diagnostics: inout Diagnostics) -> [ConfigNode] {
        switch node.value {
        case .sequence(let items): return items
        case .null: return []
        default:
            diagnostics.error("\(what) must be a list (lines starting '- ' or [a, b]), not \(node.kindName)", at: node.location)
            return []
        }
    }

    static func period(_ node: ConfigNode, diagnostics: inout Diagnostics) -> Period? {
        guard case .scalar(let text) = node.value else {
            diagnostics.error("a period must be a single value such as 2020/21 Q1, not \(node.kindName)", at: node.location)
            return nil
        }
        return period(text: text, at: node.location, diagnostics: &diagnostics)
    }

    static func period(text: String, at location: SourceLocation, diagnostics: inout Diagnostics) -> Period? {
        switch PeriodParser.parse(text) {
        case .success(let period): return period
        case .failure(let failure):
            diagnostics.error(failure.message, at: location)
            return nil
        }
    }

    /// A figure in the indicator's unit: `97`, `97%` (percent only), `£2.50` (currency only).
    static func number(_ node: ConfigNode, unit: MeasureUnit, key: String, diagnostics: inout Diagnostics) -> Double? {
        guard case .scalar(let text) = node.value else {
            diagnostics.error("'\(key)' must be a number, not \(node.kindName)", at: node.location)
            return nil
        }
        switch FigureParser.parse(text) {
        case .failure(let failure):
            diagnostics.error("'\(key)': \(failure.message)", at: node.location)
            return nil
        case .success(let figure):
            guard let value = figure.value else {
                diagnostics.error("'\(key)' must be a number; leave it out when there is none", at: node.location)
                return nil
            }
            if figure.hasPercentSign && unit != .percent {
                diagnostics.error("'\(key)' is a percentage but the indicator's unit is \(unit.rawValue)", at: node.location)
                return nil
            }
            if figure.hasCurrencySign && unit != .currency {
                diagnostics.error("'\(key)' is in pounds but the indicator's unit is \(unit.rawValue)", at: node.location)
                return nil
            }
            return value
        }
    }

    /// A percentage given as `10.2%` (or `10.2`), returned as a fraction.
    static func fraction(_ node: ConfigNode, key: String, diagnostics: inout Diagnostics) -> Double? {
        number(node, unit: .percent, key: key, diagnostics: &diagnostics).map { $0 / 100 }
    }

    /// `2` (in the unit) or `5%` (of the reference figure).
    static func margin(_ node: ConfigNode, key: String, unit: MeasureUnit, diagnostics: inout Diagnostics) -> Margin? {
        guard case .scalar(let text) = node.value, case .success(let figure) = FigureParser.parse(text), let value = figure.value, value >= 0 else {
            diagnostics.error("'\(key)' must be a non-negative number in the indicator's unit (2) or a percentage of the figure (5%)", at: node.location)
            return nil
        }
        return figure.hasPercentSign ? .relative(value / 100) : .absolute(value)
    }
}
