/// Indicators a sheet declares with role columns (`columns:` in a `data:` entry), joined with dashboard.yml's: a
/// row's polarity, target, RAG, commentary, source, unit and definition count as if written under its indicator.
extension DashboardDecoder {
    /// The `data:` entries alone, read before the rest so that sheets with role columns can be read first; their
    /// problems are reported when the whole file is decoded.
    public static func dataMappings(_ root: ConfigNode) -> [DataMapping] {
        var ignored = Diagnostics()
        guard case .mapping(let entries) = root.value, let node = entries.first(where: { $0.key == "data" })?.value else { return [] }
        if case .null = node.value { return [] }
        return DataMapping.decodeList(node, diagnostics: &ignored)
    }

    /// Decodes dashboard.yml with the indicator rows of its role-mapped sheets; returns the rows' figures too, each
    /// named by its indicator's id.
    public static func decode(_ root: ConfigNode, id: String, sheets: [RoleTable.Table]) -> (DashboardDefinition?, [ObservationRecord], Diagnostics) {
        var diagnostics = Diagnostics()
        var supply = SheetSupply(sheets)
        let definition = decodeDashboard(root, id: id, supply: &supply, diagnostics: &diagnostics)
        return (diagnostics.hasErrors ? nil : definition, supply.records, diagnostics)
    }

    /// The rows of role-mapped sheets, claimed by dashboard.yml's indicators as they are decoded.
    struct SheetSupply {
        struct Entry {
            var row: RoleTable.Row
            var latest: Period?
            /// The sheet it is from, by index into `sheets`.
            var sheet: Int
            var claimed: String?
        }

        var sheets: [RoleTable.Table]
        var entries: [Entry] = []
        var sectionTables: [RoleTable.Table] { sheets.filter { !$0.sections.isEmpty } }
        var records: [ObservationRecord] = []

        init(_ sheets: [RoleTable.Table]) {
            self.sheets = sheets
            for (index, sheet) in sheets.enumerated() {
                entries += sheet.rows.map { Entry(row: $0, latest: sheet.latestPeriod, sheet: index) }
            }
        }

        var isEmpty: Bool { entries.isEmpty }

        /// The row for an indicator of dashboard.yml: by its id column, else by its title.
        mutating func claim(id: String, title: String?, diagnostics: inout Diagnostics) -> Entry? {
            var index = entries.firstIndex { $0.row.roles[.id]?.text == id }
            if index == nil, let title {
                let key = DashboardAssembler.titleKey(title)
                index = entries.firstIndex { $0.row.roles[.id] == nil && $0.row.roles[.indicator].map { DashboardAssembler.titleKey($0.text) } == key }
            }
            guard let index else { return nil }
            entries[index].claimed = id
            // The same indicator on another row is a second row for it, not a new indicator.
            for other in entries.indices where other != index && entries[other].claimed == nil {
                let same =
                    entries[other].row.roles[.id]?.text == id
                    || (entries[other].row.roles[.id] == nil
                        && entries[other].row.roles[.indicator].map { DashboardAssembler.titleKey($0.text) }
                            == entries[index].row.roles[.indicator].map { DashboardAssembler.titleKey($0.text) })
                if same {
                    entries[other].claimed = ""
                    diagnostics.error(
                        "this row is \(id) again (first at \(entries[index].row.location)); keep one row for each indicator", at: entries[other].row.location)
                }
            }
            return entries[index]
        }
    }

    /// The dashboard's sections from its sheets' section rows, in the sheets' order; indicators above a sheet's
    /// first section row, and those no sheet places, go in a section of their own.
    static func sheetSections(_ supply: SheetSupply, ids: [Int: String], indicators: [IndicatorDefinition], at location: SourceLocation, diagnostics: inout Diagnostics)
        -> [Section]
    {
        var sections: [Section] = []
        var placed: Set<String> = []
        for (sheetIndex, sheet) in supply.sheets.enumerated() where !sheet.sections.isEmpty {
            var groups = [[String]](repeating: [], count: sheet.sections.count)
            var before: [String] = []
            for (index, entry) in supply.entries.enumerated() where entry.sheet == sheetIndex {
                guard let id = ids[index], !placed.contains(id) else { continue }
                placed.insert(id)
                if let section = entry.row.section { groups[section].append(id) } else { before.append(id) }
            }
            if !before.isEmpty { sections.append(Section(title: "Indicators", indicatorIDs: before, location: location)) }
            for (label, group) in zip(sheet.sections, groups) {
                if group.isEmpty {
                    diagnostics.warning("the section '\(label.text)' has no indicator rows under it, so it is not shown", at: label.location)
                    continue
                }
                sections.append(Section(title: label.text, indicatorIDs: group, location: label.location))
            }
        }
        let rest = indicators.map(\.id).filter { !placed.contains($0) }
        if !rest.isEmpty { sections.append(Section(title: sections.isEmpty ? "Indicators" : "Other indicators", indicatorIDs: rest, location: location)) }
        return sections
    }

    /// `Percent`, `%`, `Number`, `Rate per 10,000`, `Days`, `£`: the unit a Unit cell names.
    public static func sheetUnit(_ text: String) -> MeasureUnit? {
        let lowered = text.trimmingSpaces.lowercased()
        if let exact = MeasureUnit(rawValue: lowered) { return exact }
        let words = Set(lowered.split { !$0.isLetter && !$0.isNumber && $0 != "%" && $0 != "£" }.map(String.init))
        if lowered.contains("%") || !words.isDisjoint(with: ["percent", "percentage", "proportion", "pct"]) { return .percent }
        if lowered.contains("£") || !words.isDisjoint(with: ["currency", "cost", "gbp", "pounds", "spend"]) { return .currency }
        if !words.isDisjoint(with: ["rate", "per"]) { return .rate }
        if words.contains("ratio") { return .ratio }
        if !words.isDisjoint(with: ["days", "day"]) { return .days }
        if !words.isDisjoint(with: ["rank", "position", "place", "ranking"]) { return .rank }
        if !words.isDisjoint(with: ["number", "count", "no", "numbers", "total", "n"]) || lowered == "#" { return .count }
        return nil
    }

    /// `High`, `Higher is better`, `Low is good`, `↓`, `None`, `n/a`: the polarity a Polarity cell names.
    public static func sheetPolarity(_ text: String) -> Polarity? {
        let lowered = text.trimmingSpaces.lowercased()
        let words = Set(lowered.split { !$0.isLetter }.map(String.init))
        let high =
            !words.isDisjoint(with: ["high", "higher", "up", "increase", "increasing", "more", "bigger", "larger", "greater", "maximise"]) || lowered.contains("↑")
            || lowered.contains("▲")
        let low =
            !words.isDisjoint(with: ["low", "lower", "down", "decrease", "decreasing", "less", "fewer", "smaller", "minimise", "reduce"]) || lowered.contains("↓")
            || lowered.contains("▼")
        if high != low { return high ? .high : .low }
        if high { return nil }
        if !words.isDisjoint(with: ["none", "neutral", "information", "context", "contextual", "na"]) || lowered == "n/a" || SheetWords.dashes.contains(lowered) {
            return Polarity.none
        }
        return nil
    }

    enum SheetWords {
        static let dashes: Set<String> = ["-", "\u{2013}", "\u{2014}"]
    }

    static func unit(of cell: RoleTable.Cell?, diagnostics: inout Diagnostics) -> MeasureUnit? {
        guard let cell else { return nil }
        guard let unit = sheetUnit(cell.text) else {
            diagnostics.error(
                "'\(cell.text)' is not a unit: write \(MeasureUnit.allCases.map(\.rawValue).joined(separator: ", ")) (or %, number, rate per 10,000)", at: cell.location)
            return nil
        }
        return unit
    }

    static func polarity(of cell: RoleTable.Cell?, diagnostics: inout Diagnostics) -> Polarity? {
        guard let cell else { return nil }
        guard let polarity = sheetPolarity(cell.text) else {
            diagnostics.error("'\(cell.text)' is not a polarity: write High (high is good), Low (low is good) or None", at: cell.location)
            return nil
        }
        return polarity
    }

    /// Puts a row's target, RAG, commentary, source and definition into its indicator; one given in dashboard.yml
    /// too is an error at the cell, so neither is silently passed over.
    static func applySheet(_ entry: SheetSupply.Entry, to indicator: inout IndicatorDefinition, key: RAGKey, diagnostics: inout Diagnostics) {
        let row = entry.row
        func twice(_ what: String, _ cell: RoleTable.Cell) {
            diagnostics.error(
                "\(indicator.id)'s \(what) is given here and under indicators: in dashboard.yml (line \(indicator.location.line)); keep one", at: cell.location)
        }
        if let cell = row.roles[.unit], let unit = unit(of: cell, diagnostics: &diagnostics), unit != indicator.unit {
            diagnostics.error(
                "\(indicator.id) is measured in \(indicator.unit.rawValue) in dashboard.yml (line \(indicator.location.line)) but in \(unit.rawValue) here; keep one",
                at: cell.location)
        }
        if let cell = row.roles[.polarity], let polarity = polarity(of: cell, diagnostics: &diagnostics), polarity != indicator.polarity {
            diagnostics.error(
                "\(indicator.id)'s polarity is \(indicator.polarity.rawValue) in dashboard.yml (line \(indicator.location.line)) but \(polarity.rawValue) here; keep one",
                at: cell.location)
        }
        if let cell = row.roles[.target] {
            switch FigureParser.parse(cell.text) {
            case .failure(let failure):
                diagnostics.error("the target: \(failure.message)", at: cell.location)
            case .success(let figure):
                if let value = figure.value {
                    if figure.hasPercentSign && indicator.unit != .percent {
                        diagnostics.error("this target is a percentage but \(indicator.id)'s unit is \(indicator.unit.rawValue)", at: cell.location)
                    } else if figure.hasCurrencySign && indicator.unit != .currency {
                        diagnostics.error("this target is in pounds but \(indicator.id)'s unit is \(indicator.unit.rawValue)", at: cell.location)
                    } else if indicator.target != nil || !indicator.targets.isEmpty {
                        twice("target", cell)
                    } else {
                        indicator.target = value
                    }
                }
            // A gap (n/a, a dash) is no target.
            }
        }
        if let cell = row.roles[.rag] {
            if SheetWords.dashes.contains(cell.text) || ["n/a", "na"].contains(cell.text.lowercased()) && key.status(named: cell.text) == nil {
                // No status printed.
            } else if let period = entry.latest {
                if let status = status(cell.text, at: cell.location, key: key, diagnostics: &diagnostics) {
                    if indicator.reported[period]?.rag != nil {
                        twice("RAG status for \(period.label)", cell)
                    } else {
                        indicator.reported[period, default: Reported(location: cell.location)].rag = status
                    }
                }
            }
        }
        if let cell = row.roles[.commentary] {
            if let period = entry.latest {
                if indicator.periodCommentary[period] != nil { twice("commentary for \(period.label)", cell) } else { indicator.periodCommentary[period] = cell.text }
            } else if indicator.commentary != nil {
                twice("commentary", cell)
            } else {
                indicator.commentary = cell.text
            }
        }
        if let cell = row.roles[.source] {
            if indicator.source != nil, indicator.source != cell.text { twice("source", cell) } else { indicator.source = cell.text }
        }
        if let cell = row.roles[.definition] {
            if indicator.definition != nil, indicator.definition != cell.text { twice("definition", cell) } else { indicator.definition = cell.text }
        }
    }

    /// An indicator only a sheet declares: its id from the id column, else from its title.
    static func sheetIndicator(_ entry: SheetSupply.Entry, taken: Set<String>, key: RAGKey, diagnostics: inout Diagnostics) -> IndicatorDefinition? {
        let row = entry.row
        let id: String
        if let cell = row.roles[.id] {
            guard Identifier.isValid(cell.text), cell.text != "index" else {
                diagnostics.error("'\(cell.text)' cannot be an indicator id: use \(Identifier.rule)", at: cell.location)
                return nil
            }
            id = cell.text
        } else {
            id = Identifier.slug(row.name)
        }
        if taken.contains(id) {
            diagnostics.error(
                "this row's indicator id would be '\(id)', which another indicator already has; give the rows ids (an id column under columns:) or declare them under indicators:",
                at: row.location)
            return nil
        }
        let unit = unit(of: row.roles[.unit], diagnostics: &diagnostics)
        let polarity = polarity(of: row.roles[.polarity], diagnostics: &diagnostics)
        if row.roles[.unit] == nil {
            diagnostics.error(
                "'\(row.name)' has no unit: fill its unit column, or declare it under indicators: in dashboard.yml (\(id): {title: …, unit: percent})", at: row.location)
        }
        if row.roles[.polarity] == nil {
            diagnostics.error(
                "'\(row.name)' has no polarity: fill its polarity column (High, Low or None), or declare it under indicators: in dashboard.yml", at: row.location)
        }
        guard let unit, let polarity else { return nil }
        var indicator = IndicatorDefinition(id: id, title: row.roles[.indicator]?.text ?? id, unit: unit, polarity: polarity, location: row.location)
        indicator.aggregation = .defaultFor(unit, hasNumeratorAndDenominator: false)
        applySheet(entry, to: &indicator, key: key, diagnostics: &diagnostics)
        return indicator
    }
}

extension Identifier {
    /// An id made from a title: lower-case letters and digits, other characters as single hyphens, at most 80
    /// characters (cut at a hyphen): "Re-referrals within 12 months" is `re-referrals-within-12-months`.
    public static func slug(_ title: String) -> String {
        var text = ""
        for scalar in title.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                text.unicodeScalars.append(scalar)
            } else if scalar == "%" {
                text += text.isEmpty || text.hasSuffix("-") ? "percent" : "-percent"
            } else if scalar == "&" || scalar == "+" {
                text += text.isEmpty || text.hasSuffix("-") ? "and" : "-and"
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !text.isEmpty, !text.hasSuffix("-") {
                text += "-"
            }
        }
        while text.hasSuffix("-") { text.removeLast() }
        if text.count > 80 {
            text = String(text.prefix(80))
            if let cut = text.lastIndex(of: "-") { text = String(text[..<cut]) }
        }
        if text.isEmpty { text = "indicator" }
        if text == "index" { text = "index-figure" }
        return text
    }
}
