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
        let editions = decodeEditions(map.node("editions"), diagnostics: &diagnostics)
        var brandColour: String?
        if let (text, location) = map.string("brand_colour", diagnostics: &diagnostics) {
            brandColour = colourValue(text, key: "brand_colour", at: location, diagnostics: &diagnostics)
        }

        // The key first: the statuses indicators report are checked against it.
        let ragKey = map.node("rag_key").flatMap { decodeRAGKey($0, diagnostics: &diagnostics) } ?? .standard
        let kpiComparators = map.node("kpi_comparators").map { decodeKPIComparators($0, diagnostics: &diagnostics) }

        let (indicators, failed, sheetIDs) = decodeIndicators(
            map.node("indicators"), at: root.location, key: ragKey, supply: &supply, diagnostics: &diagnostics)

        let sections = decodeSections(
            map.node("sections"), at: root.location, supply: supply, ids: sheetIDs, indicators: indicators, diagnostics: &diagnostics)
        let data = map.node("data").map { DataMapping.decodeList($0, diagnostics: &diagnostics) } ?? []
        let authority = map.node("authority").flatMap { AuthoritySource.decode($0, diagnostics: &diagnostics) }
        let significanceLevel = decodeSignificance(&map, diagnostics: &diagnostics)
        let comparatorGroups = decodeComparatorGroups(&map, diagnostics: &diagnostics)
        let spendChart = decodeSpendChart(&map, diagnostics: &diagnostics)
        let actionPlan = map.node("action_plan").flatMap { decodeActionPlan($0, diagnostics: &diagnostics) }
        let disclosure = map.node("disclosure").flatMap { decodeDisclosure($0, diagnostics: &diagnostics) }
        map.reportUnknownKeys(in: "the dashboard", diagnostics: &diagnostics)

        guard let title, let organisation else { return nil }
        var definition = DashboardDefinition(
            id: id, title: title, organisation: organisation, summary: summary, asOf: asOf,
            editions: editions, brandColour: brandColour, sections: sections,
            indicators: indicators, location: root.location)
        definition.data = data
        definition.authority = authority
        definition.ragKey = ragKey
        definition.significanceLevel = significanceLevel
        definition.comparatorGroups = comparatorGroups
        definition.spendChart = spendChart
        definition.actionPlan = actionPlan
        definition.disclosure = disclosure
        if let kpiComparators {
            checkKPIComparators(kpiComparators, indicators: indicators, diagnostics: &diagnostics)
            definition.kpiComparators = kpiComparators.map(\.0)
        }
        ReferenceChecks.check(&definition, failed: failed, diagnostics: &diagnostics)
        return definition
    }

    /// `editions:`: the periods published as editions, each once, in order.
    static func decodeEditions(_ node: ConfigNode?, diagnostics: inout Diagnostics) -> [Period] {
        var editions: [Period] = []
        if let node {
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
        return editions.sorted()
    }

    /// `kpi_comparators:`: the comparator names the KPI table shows as columns, each with where it was written.
    static func decodeKPIComparators(_ node: ConfigNode, diagnostics: inout Diagnostics) -> [(String, SourceLocation)] {
        var kpiComparators: [(String, SourceLocation)] = []
        for item in list(node, what: "kpi_comparators", diagnostics: &diagnostics) {
            guard case .scalar(let name) = item.value, !name.trimmingSpaces.isEmpty else {
                diagnostics.error("kpi_comparators lists comparator names, not \(item.kindName)", at: item.location)
                continue
            }
            kpiComparators.append((name.trimmingSpaces, item.location))
        }
        return kpiComparators
    }

    /// `indicators:`, each decoded (with its row where a role-mapped sheet supplies one), then the indicators the
    /// sheets' unclaimed rows declare; returns them, the ids that failed, and which sheet row became which id.
    static func decodeIndicators(
        _ node: ConfigNode?, at location: SourceLocation, key ragKey: RAGKey, supply: inout SheetSupply, diagnostics: inout Diagnostics
    ) -> (indicators: [IndicatorDefinition], failed: Set<String>, sheetIDs: [Int: String]) {
        var indicators: [IndicatorDefinition] = []
        var failed: Set<String> = []
        if let node {
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
            diagnostics.error("the dashboard has no 'indicators'", at: location)
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
        return (indicators, failed, sheetIDs)
    }

    /// `sections:`, or the section rows of a role-mapped sheet, or one section of every indicator.
    static func decodeSections(
        _ node: ConfigNode?, at location: SourceLocation, supply: SheetSupply, ids sheetIDs: [Int: String],
        indicators: [IndicatorDefinition], diagnostics: inout Diagnostics
    ) -> [Section] {
        var sections: [Section] = []
        if let node {
            if let table = supply.sectionTables.first {
                diagnostics.error(
                    "the sections come from the section rows of \(table.file) (sections: rows under data:); leave sections: out here, or sections: rows out there",
                    at: node.location)
            }
            for item in list(node, what: "sections", diagnostics: &diagnostics) {
                if let section = decodeSection(item, diagnostics: &diagnostics) { sections.append(section) }
            }
        } else if !supply.sectionTables.isEmpty {
            sections = sheetSections(supply, ids: sheetIDs, indicators: indicators, at: location, diagnostics: &diagnostics)
        } else if !indicators.isEmpty {
            sections = [Section(title: "Indicators", indicatorIDs: indicators.map(\.id), location: location)]
        }
        return sections
    }

    /// A name no indicator has is most often a slip: say so, with the nearest.
    static func checkKPIComparators(_ names: [(String, SourceLocation)], indicators: [IndicatorDefinition], diagnostics: inout Diagnostics) {
        let known = Set(indicators.flatMap { $0.comparatorNames })
        for (name, location) in names where !known.contains(name) {
            let hint = Diagnostic.suggestion(for: name, among: known.sorted()).map { "; \($0)" } ?? ""
            diagnostics.error("no indicator has a comparator named '\(name)'\(hint)", at: location)
        }
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
