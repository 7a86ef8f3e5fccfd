import ArgumentParser
import DashboardCore
import DashboardInput
import Foundation

extension Benchmark {
    /// The rows with the group's columns: with one measure every period's; with several, each measure's latest
    /// period the group has figures for (or --period), then the `average rank` row.
    func groupCSV(
        _ rows: [LAITMethod.Figures], data: BenchmarkData, group: ComparatorGroup, infos: [String: MeasureInfo],
        diagnostics: inout Diagnostics
    ) throws -> String {
        guard let name = rows.first?.authority else { return GroupMethod.csv([], average: nil) }
        let number = data.rows.first { $0.level == .authority && $0.area == name }?.laNumber ?? Int(authority.trimmingSpaces)
        guard let number, group.contains(name: name, number: number) else {
            Report.print(diagnostics.sorted)
            Report.line("\(self.group ?? ""): error: \(name) is not in the group '\(group.name)': add it, or rank one of its authorities")
            throw ExitCode(1)
        }
        func info(_ code: String) -> MeasureInfo? { infos[code] ?? infos.first { $0.key.lowercased() == code.lowercased() }?.value }
        func withGroup(_ row: LAITMethod.Figures) -> (LAITMethod.Figures, GroupMethod.Figures) {
            (row, GroupMethod.figures(data: data, measure: row.measure, period: row.period, group: group, groupName: group.name, authority: number, info: info(row.measure)))
        }
        var measures: [String] = []
        for row in rows where !measures.contains(row.measure) { measures.append(row.measure) }
        guard measures.count > 1 else { return GroupMethod.csv(rows.map(withGroup), average: nil) }
        var chosen: [(LAITMethod.Figures, GroupMethod.Figures)] = []
        var ranks: [[Int: Int]] = []
        for code in measures {
            let wanted = period == nil ? GroupMethod.latestPeriod(data: data, measure: code, group: group) : rows.first { $0.measure == code }?.period
            guard let wanted, let row = rows.first(where: { $0.measure == code && $0.period == wanted }) else {
                diagnostics.warning(
                    "\(code): no authority of the group '\(group.name)' has a figure; it is left out", at: SourceLocation(file: data.rows.first?.location.file ?? ""))
                continue
            }
            chosen.append(withGroup(row))
            let polarity = info(code)?.polarity ?? .none
            if polarity == .none {
                diagnostics.warning("\(code) has no polarity, so no rank: it is not in the average rank", at: SourceLocation(file: dictionary ?? self.data))
                continue
            }
            ranks.append(GroupMethod.memberRanks(GroupMethod.memberFigures(data: data, measure: code, period: wanted, group: group), polarity: polarity))
        }
        let average = GroupMethod.averageRank(ranks, group: group, authority: number)
        return GroupMethod.csv(chosen, average: (name, group.name, average))
    }
}
