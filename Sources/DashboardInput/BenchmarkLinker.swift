import DashboardCore

/// Computes the comparators of indicators with `benchmarks: {from: …, measure: …}` for the dashboard's
/// `authority:`, from files beside dashboard.yml (so they are part of the dashboard's build key).
enum BenchmarkLinker {
    /// The files benchmarks are read from: not data files.
    static func sourceFiles(_ definition: DashboardDefinition?) -> Set<String> {
        guard let definition else { return [] }
        var files = Set(definition.indicators.compactMap { $0.benchmarkSource?.file })
        if let spend = definition.spendChart { files.insert(spend.file) }
        if let authority = definition.authority {
            files.insert(authority.neighbours)
            if let dictionary = authority.dictionary { files.insert(dictionary) }
        }
        return files
    }

    static func link(_ definition: inout DashboardDefinition, directory: String, names: [String], diagnostics: inout Diagnostics) {
        let sourced = definition.indicators.indices.filter { definition.indicators[$0].benchmarkSource != nil }
        guard !sourced.isEmpty else { return }
        guard let authority = definition.authority else {
            for index in sourced {
                diagnostics.error(
                    "benchmarks: {from: …} needs the dashboard's authority: add `authority: {name: …, neighbours: sn_may_2025.xlsx}` to dashboard.yml",
                    at: definition.indicators[index].benchmarkSource!.location)
            }
            return
        }
        func path(_ file: String, at location: SourceLocation) -> String? {
            guard !file.contains("/"), names.contains(file) else {
                let hint = Diagnostic.suggestion(for: file, among: names).map { "; \($0)" } ?? ""
                diagnostics.error("'\(file)' must be a file beside dashboard.yml\(hint)", at: location)
                return nil
            }
            return InputLoader.join(directory, file)
        }
        guard let neighboursPath = path(authority.neighbours, at: authority.location) else { return }
        let (neighbours, neighbourProblems) = BenchmarkFiles.readNeighbours(neighboursPath)
        diagnostics.append(contentsOf: neighbourProblems)
        var dictionary: [String: MeasureInfo] = [:]
        if let file = authority.dictionary, let dictionaryPath = path(file, at: authority.location) {
            let (entries, problems) = BenchmarkFiles.readDictionary(dictionaryPath)
            diagnostics.append(contentsOf: problems)
            dictionary = entries ?? [:]
        }
        guard let neighbours else { return }
        var cache: [String: BenchmarkData] = [:]
        for index in sourced {
            let source = definition.indicators[index].benchmarkSource!
            guard let dataPath = path(source.file, at: source.location) else { continue }
            let key = source.file + "\u{0}" + source.measure
            var data = cache[source.file] ?? cache[key]
            if data == nil {
                let (read, problems) = BenchmarkFiles.readData(dataPath, measure: source.measure)
                diagnostics.append(contentsOf: problems)
                guard let read else { continue }
                data = read
                // LAIT's file holds every measure; an EES file is read for one column.
                if read.rows.allSatisfy({ $0.measure == source.measure }) { cache[key] = read } else { cache[source.file] = read }
            }
            let info = dictionary[source.measure]
            if authority.dictionary != nil, info == nil {
                diagnostics.warning("the dictionary has no measure '\(source.measure)', so it has no polarity: no band is computed", at: source.location)
            }
            switch LAITMethod.compute(data: data!, measure: source.measure, info: info, neighbours: neighbours, authority: authority.name) {
            case .success(let figures):
                BenchmarkMerge.merge(figures, into: &definition.indicators[index], source: source, diagnostics: &diagnostics)
                addGroupStandings(
                    figures, data: data!, info: info, source: source, into: &definition.indicators[index], groups: &definition.comparatorGroups,
                    diagnostics: &diagnostics)
            case .failure(.noMeasure(let name, let suggestion)):
                diagnostics.error("\(source.file) has no measure '\(name)'\(suggestion.map { "; \($0)" } ?? "")", at: source.location)
            case .failure(.noAuthority(let name, let suggestion)):
                diagnostics.error("\(source.file) has no local authority '\(name)'\(suggestion.map { "; \($0)" } ?? "")", at: authority.location)
            case .failure(.noPeriod):
                continue
            }
        }
    }
}
