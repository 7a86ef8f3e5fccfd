import DashboardCore

/// Works out `spend_chart:`'s figures: each comparator-group member's spend per head and performance, from a
/// benchmark file beside dashboard.yml. Unknown files, measures and groups are errors with the nearest name.
enum SpendChartLinker {
    static func link(_ definition: inout DashboardDefinition, directory: String, names: [String], diagnostics: inout Diagnostics) {
        guard var source = definition.spendChart else { return }
        guard let authority = definition.authority else {
            diagnostics.error(
                "spend_chart: needs the dashboard's authority: add `authority: {name: …, neighbours: sn_may_2025.xlsx}` to dashboard.yml",
                at: source.location)
            return
        }
        guard !source.file.contains("/"), names.contains(source.file) else {
            let hint = Diagnostic.suggestion(for: source.file, among: names).map { "; \($0)" } ?? ""
            diagnostics.error("'\(source.file)' must be a file beside dashboard.yml\(hint)", at: source.location)
            return
        }
        guard let data = read(InputLoader.join(directory, source.file), source: source, diagnostics: &diagnostics) else { return }
        guard let group = group(source, data: data, groups: &definition.comparatorGroups, diagnostics: &diagnostics) else { return }
        guard let number = data.rows.first(where: { $0.level == .authority && $0.area == authority.name })?.laNumber,
            group.contains(name: authority.name, number: number)
        else {
            diagnostics.error("\(authority.name) is not in the comparator group '\(source.group)' in \(source.file): add it to the group", at: source.location)
            return
        }
        var dictionary: [String: MeasureInfo] = [:]
        if let file = authority.dictionary, names.contains(file) {
            dictionary = BenchmarkFiles.readDictionary(InputLoader.join(directory, file)).0 ?? [:]
        }
        let indicator = definition.indicators.first { $0.benchmarkSource?.measure == source.performance }
        if let indicator {
            source.performanceUnit = indicator.unit
            source.performanceDecimals = indicator.decimals ?? source.performanceUnit.defaultDecimals
        }
        let polarity = dictionary[source.performance]?.polarity ?? .none
        if polarity == .none {
            diagnostics.warning(
                "spend_chart: '\(source.performance)' has no polarity in the dictionary, so the chart cannot say which way is better",
                at: source.location)
        }
        let quadrant = SpendQuadrant.make(
            data: data, spend: source.spend, performance: source.performance, group: group, groupName: source.group, authority: number,
            polarity: polarity,
            names: (dictionary[source.spend]?.name ?? source.spend, indicator?.title ?? dictionary[source.performance]?.name ?? source.performance))
        guard let quadrant else {
            diagnostics.warning("spend_chart: no member of '\(source.group)' has figures for both measures; no chart is drawn", at: source.location)
            return
        }
        if !quadrant.unplaced.isEmpty {
            diagnostics.warning(
                "spend_chart: \(quadrant.unplaced.joined(separator: ", ")) \(quadrant.unplaced.count == 1 ? "has" : "have") no figure for both measures and \(quadrant.unplaced.count == 1 ? "is" : "are") not on the chart",
                at: source.location)
        }
        source.quadrant = quadrant
        definition.spendChart = source
    }

    /// The file's rows of both measures; a measure the file does not have is an error with the nearest.
    static func read(_ path: String, source: SpendChartSource, diagnostics: inout Diagnostics) -> BenchmarkData? {
        var rows: [BenchmarkData.Row] = []
        var ok = true
        for measure in [source.spend, source.performance] {
            if rows.contains(where: { $0.measure == measure }) { continue }  // LAIT's file holds every measure
            let (data, problems) = BenchmarkFiles.readData(path, measure: measure)
            diagnostics.append(contentsOf: problems)
            guard let data else { return nil }
            guard data.rows.contains(where: { $0.measure == measure }) else {
                let hint = Diagnostic.suggestion(for: measure, among: data.measures).map { "; \($0)" } ?? ""
                diagnostics.error("\(source.file) has no measure '\(measure)'\(hint)", at: source.location)
                ok = false
                continue
            }
            let had = Set(rows.map(\.measure))
            rows += data.rows.filter { !had.contains($0.measure) }
        }
        return ok ? BenchmarkData(rows: rows) : nil
    }

    /// The named comparator group, checked against the file's authorities.
    static func group(
        _ source: SpendChartSource, data: BenchmarkData, groups: inout [ComparatorGroupSource], diagnostics: inout Diagnostics
    ) -> ComparatorGroup? {
        guard let index = groups.firstIndex(where: { $0.name.lowercased() == source.group.lowercased() }) else {
            let known = groups.map(\.name)
            let hint = Diagnostic.suggestion(for: source.group, among: known).map { "; \($0)" } ?? ""
            let listed = known.isEmpty ? "dashboard.yml has no comparator_groups:" : "comparator_groups: names \(known.joined(separator: ", "))"
            diagnostics.error("there is no comparator group '\(source.group)' (\(listed))\(hint)", at: source.location)
            return nil
        }
        guard let group = groups[index].group else { return nil }
        guard group.members.contains(where: { $0.laNumber == nil }) else { return group }
        let (resolved, problems) = ComparatorGroupFile.resolve(group, in: data)
        diagnostics.append(contentsOf: problems)
        groups[index].group = resolved
        return resolved
    }
}
