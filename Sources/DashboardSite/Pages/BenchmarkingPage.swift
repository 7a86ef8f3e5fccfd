import DashboardCore

/// One measure's line of the benchmarking page: its rank within the group now and a year before.
struct BenchmarkingRow: Encodable {
    var title: String
    var url: String?
    var period: String
    var rank: String
    var quartile: String
    var previousPeriod: String
    var previousRank: String
    var change: String
}

/// A comparator group's table on the benchmarking page, ending in the average rank and its rank.
struct BenchmarkingGroup: Encodable {
    var name: String
    /// The name inside a sentence ("among county councils").
    var inSentence: String
    var anchor: String
    var rows: [BenchmarkingRow]
    var average: String
    var averageRank: String
    var previousAverage: String
    var previousAverageRank: String
    var averageChange: String
    var method: String
}

/// `benchmarking.html`: each measure's rank within its comparator group, the average rank and its rank, with the
/// change since the period before.
struct BenchmarkingPage: Encodable {
    var page: PageChrome
    var dashboardTitle: String
    var groups: [BenchmarkingGroup]
    /// Performance against spend, with `spend_chart:`.
    var spendChart: SpendChartSection?
    var archiveNote: String?

    static let file = "benchmarking.html"

    /// Each indicator's latest group standing and the one before it.
    static func standings(_ indicator: IndicatorDefinition) -> (current: GroupStanding, previous: GroupStanding?)? {
        let sorted = indicator.benchmarks.filter { $0.value.group != nil }.sorted { $0.key < $1.key }.map { $0.value.group! }
        guard let current = sorted.last else { return nil }
        return (current, sorted.dropLast().last)
    }

    static func groups(_ analysis: DashboardAnalysis) -> [BenchmarkingGroup] {
        var names: [String] = []
        for indicator in analysis.indicators {
            if let name = standings(indicator.indicator)?.current.group, !names.contains(name) { names.append(name) }
        }
        return names.enumerated().map { index, name in
            let measures = analysis.indicators.compactMap { a in standings(a.indicator).flatMap { $0.current.group == name ? (a.indicator, $0) : nil } }
            let rows = measures.map { indicator, pair in
                BenchmarkingRow(
                    title: indicator.title, url: "\(indicator.id).html", period: pair.current.label,
                    rank: pair.current.rankWords ?? "no rank", quartile: pair.current.quartile.map { GroupStanding.ordinal($0) } ?? "–",
                    previousPeriod: pair.previous?.label ?? "–", previousRank: pair.previous?.rankWords ?? "no rank",
                    change: change(pair.current.rank, from: pair.previous?.rank))
            }
            let now = average(measures.map(\.1.current))
            let before = average(measures.compactMap(\.1.previous))
            return BenchmarkingGroup(
                name: name, inSentence: ComparatorGroup.inSentence(name), anchor: "group-\(index + 1)", rows: rows, average: figure(now.value),
                averageRank: words(now, group: name),
                previousAverage: figure(before.value), previousAverageRank: words(before, group: name), averageChange: change(now.rank, from: before.rank),
                method:
                    "The average rank is the mean of the council's ranks over the measures it has a figure for; its rank is among the \(ComparatorGroup.inSentence(name)) with a figure for every measure (1 the lowest average, ties sharing the lower rank)."
            )
        }
    }

    static func average(_ standings: [GroupStanding]) -> GroupMethod.AverageRank {
        let ranked = standings.filter { !$0.memberRanks.isEmpty }
        guard let authority = ranked.first?.authority else { return GroupMethod.averageRank([], members: [], authority: 0) }
        let members = Set(ranked.flatMap(\.memberRanks.keys)).sorted()
        return GroupMethod.averageRank(ranked.map(\.memberRanks), members: members, authority: authority)
    }

    static func figure(_ value: Double?) -> String { value.map { Formatting.number($0, decimals: 1, grouping: false) } ?? "–" }

    static func words(_ average: GroupMethod.AverageRank, group: String) -> String {
        guard let rank = average.rank else { return "no rank" }
        return "\(GroupStanding.ordinal(rank)) of \(average.ranked) \(ComparatorGroup.inSentence(group)) with every measure"
    }

    /// "up 3 places" (a better rank), "down 2 places", "no change"; "–" without both ranks.
    static func change(_ rank: Int?, from previous: Int?) -> String {
        guard let rank, let previous else { return "–" }
        let places = abs(previous - rank)
        let unit = places == 1 ? "place" : "places"
        return rank < previous ? "up \(places) \(unit)" : rank > previous ? "down \(places) \(unit)" : "no change"
    }
}

extension PageFactory {
    /// The KPI table's quartile: within the group where the indicator has one ("2nd quartile of 21 county
    /// councils"), else the national quartile: its number, or in a table where some rows are within a group,
    /// "2nd quartile nationally", so no row's quartile is read against the wrong authorities.
    static func quartileText(_ benchmarks: Benchmarks?, grouped: Bool = false) -> String? {
        if let words = benchmarks?.group?.quartileWords { return words }
        guard let national = benchmarks?.nationalQuartile else { return nil }
        return grouped ? "\(GroupStanding.ordinal(national)) quartile nationally" : String(national)
    }

    /// The KPI table's quartile heading: national unless some row is within a comparator group.
    static func quartileHeading(_ analysis: DashboardAnalysis) -> String {
        // Non-breaking spaces keep "(1 = top)" on one line in a narrow column.
        isGrouped(analysis) ? "Quartile (1st\u{A0}=\u{A0}top)" : "National quartile (1\u{A0}=\u{A0}top)"
    }

    static func isGrouped(_ analysis: DashboardAnalysis) -> Bool { analysis.indicators.contains { $0.benchmarks?.group != nil } }

    /// The indicator page's rows for its comparator group: its rank and quartile within it.
    static func groupRows(_ analysis: IndicatorAnalysis) -> [TableRow] {
        guard let standing = analysis.benchmarks?.group else { return [] }
        var text = standing.rankWords ?? "no rank"
        if let quartile = standing.quartile { text += " (\(GroupStanding.ordinal(quartile)) quartile)" }
        text += ", \(standing.label)"
        return [TableRow(cells: [Cell(text: text), Cell(text: ""), Cell(text: "")], header: "Rank among \(ComparatorGroup.inSentence(standing.group))", note: nil, isGap: false)]
    }
}
