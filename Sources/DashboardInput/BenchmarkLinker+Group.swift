import DashboardCore

extension BenchmarkLinker {
    /// With `benchmarks: {from: …, measure: …, group: …}`: each period's standing within the comparator group, as
    /// `dashboards benchmark --group` computes it. An unknown group, or an authority outside it, is an error.
    static func addGroupStandings(
        _ figures: [LAITMethod.Figures], data: BenchmarkData, info: MeasureInfo?, source: BenchmarkSource,
        into indicator: inout IndicatorDefinition, groups: inout [ComparatorGroupSource], diagnostics: inout Diagnostics
    ) {
        guard let name = source.group else { return }
        guard let groupIndex = groups.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
            let known = groups.map(\.name)
            let hint = Diagnostic.suggestion(for: name, among: known).map { "; \($0)" } ?? ""
            let listed = known.isEmpty ? "dashboard.yml has no comparator_groups:" : "comparator_groups: names \(known.joined(separator: ", "))"
            diagnostics.error("there is no comparator group '\(name)' (\(listed))\(hint)", at: source.location)
            return
        }
        // A group whose file has errors has been reported already; one not yet checked is checked against this file's names, once.
        guard var group = groups[groupIndex].group, let authority = figures.first?.authority else { return }
        if group.members.contains(where: { $0.laNumber == nil }) {
            let (resolved, problems) = ComparatorGroupFile.resolve(group, in: data)
            diagnostics.append(contentsOf: problems)
            groups[groupIndex].group = resolved
            guard let resolved else { return }
            group = resolved
        }
        let declared = groups[groupIndex]
        let number = data.rows.first { $0.level == .authority && $0.area == authority }?.laNumber
        guard let number, group.contains(name: authority, number: number) else {
            diagnostics.error("\(authority) is not in the comparator group '\(declared.name)' (\(declared.file)): add it to the group", at: source.location)
            return
        }
        for row in figures {
            guard let period = BenchmarkMerge.period(row.period), var benchmarks = indicator.benchmarks[period] else { continue }
            // A later vintage of the same period replaces a provisional one, as the merged figures do.
            if benchmarks.group != nil, row.period.lowercased().contains("prov") { continue }
            let own = GroupMethod.figures(
                data: data, measure: row.measure, period: row.period, group: group, groupName: declared.name, authority: number, info: info)
            let ranks = GroupMethod.memberRanks(
                GroupMethod.memberFigures(data: data, measure: row.measure, period: row.period, group: group), polarity: info?.polarity ?? .none)
            benchmarks.group = GroupStanding(
                group: declared.name, rank: own.rank, ranked: own.ranked, quartile: own.band.flatMap { ["A": 1, "B": 2, "C": 3, "D": 4][$0] },
                label: row.period, memberRanks: ranks, authority: number)
            indicator.benchmarks[period] = benchmarks
        }
    }
}
