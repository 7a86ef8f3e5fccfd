/// Performance against spend within a comparator group: each member's spend per head (x) and its figure on a
/// performance measure (y), with the group's medians as the lines that split the chart into quadrants.
///
/// A member is placed only with a figure on both measures for their periods; the medians (type 7, as
/// `LAITMethod.quantile`) are over the members placed. "Better" is by the performance measure's polarity, so a
/// low-polarity measure (fewer re-referrals is better) counts a figure below the median as better.
public struct SpendQuadrant: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var name: String
        public var laNumber: Int
        public var spend: Double
        public var performance: Double
        public var isCouncil: Bool

        public init(name: String, laNumber: Int, spend: Double, performance: Double, isCouncil: Bool) {
            self.name = name
            self.laNumber = laNumber
            self.spend = spend
            self.performance = performance
            self.isCouncil = isCouncil
        }
    }

    public var group: String
    public var spendName: String
    public var spendPeriod: String
    public var performanceName: String
    public var performancePeriod: String
    /// Which way is better on the performance measure; `.none` leaves "better" unjudged.
    public var polarity: MeasureInfo.Polarity
    /// In the group's order.
    public var members: [Member]
    /// Members of the group with no figure on one measure or both, by name.
    public var unplaced: [String]
    public var spendMedian: Double
    public var performanceMedian: Double

    public init(
        group: String, spendName: String, spendPeriod: String, performanceName: String, performancePeriod: String,
        polarity: MeasureInfo.Polarity, members: [Member], unplaced: [String] = []
    ) {
        self.group = group
        self.spendName = spendName
        self.spendPeriod = spendPeriod
        self.performanceName = performanceName
        self.performancePeriod = performancePeriod
        self.polarity = polarity
        self.members = members
        self.unplaced = unplaced
        spendMedian = LAITMethod.quantile(members.map(\.spend), 0.5) ?? 0
        performanceMedian = LAITMethod.quantile(members.map(\.performance), 0.5) ?? 0
    }

    public var council: Member? { members.first(where: \.isCouncil) }

    /// "high spend" / "low spend" / "median spend" against the group's median.
    public func spendWords(_ member: Member) -> String {
        member.spend > spendMedian ? "high spend" : member.spend < spendMedian ? "low spend" : "median spend"
    }

    /// "better performance" / "worse performance" by polarity; "higher" / "lower" without one.
    public func performanceWords(_ member: Member) -> String {
        if member.performance == performanceMedian { return polarity == .none ? "median figure" : "median performance" }
        let above = member.performance > performanceMedian
        switch polarity {
        case .high: return above ? "better performance" : "worse performance"
        case .low: return above ? "worse performance" : "better performance"
        case .none: return above ? "higher figure" : "lower figure"
        }
    }

    /// "high spend, better performance than the group's median" for a member; on a median line, "high spend,
    /// median performance against the group's medians".
    public func quadrantWords(_ member: Member) -> String {
        let onALine = member.spend == spendMedian || member.performance == performanceMedian
        return "\(spendWords(member)), \(performanceWords(member)) \(onALine ? "against the group's medians" : "than the group's median")"
    }

    /// The chart's alt text: what is plotted, the medians, and the council's quadrant.
    public func altText(organisation: String, spendFigure: (Double) -> String, performanceFigure: (Double) -> String) -> String {
        var sentences = [
            "Scatter chart of \(performanceName) (\(performancePeriod)) against \(spendName) (\(spendPeriod)) for "
                + "\(members.count) \(ComparatorGroup.inSentence(group)), split into quadrants at the group's medians: "
                + "spend \(spendFigure(spendMedian)), \(performanceName) \(performanceFigure(performanceMedian))."
        ]
        if let council {
            sentences.append(
                "\(organisation) spends \(spendFigure(council.spend)) with \(performanceFigure(council.performance)): "
                    + "\(quadrantWords(council)).")
        } else {
            sentences.append("\(organisation) has no figure on both measures.")
        }
        if !unplaced.isEmpty { sentences.append("Not shown, without both figures: \(unplaced.joined(separator: ", ")).") }
        return sentences.joined(separator: " ")
    }

    /// The quadrant from a benchmark file: the latest period of each measure in which a member has a figure.
    public static func make(
        data: BenchmarkData, spend: String, performance: String, group: ComparatorGroup, groupName: String,
        authority: Int, polarity: MeasureInfo.Polarity, names: (spend: String, performance: String)
    ) -> SpendQuadrant? {
        guard let spendPeriod = GroupMethod.latestPeriod(data: data, measure: spend, group: group),
            let performancePeriod = GroupMethod.latestPeriod(data: data, measure: performance, group: group)
        else { return nil }
        let spendFigures = GroupMethod.memberFigures(data: data, measure: spend, period: spendPeriod, group: group)
        let performanceFigures = GroupMethod.memberFigures(data: data, measure: performance, period: performancePeriod, group: group)
        var members: [Member] = []
        var unplaced: [String] = []
        for member in group.members {
            guard let number = member.laNumber else { continue }
            guard let x = spendFigures[number], let y = performanceFigures[number] else {
                unplaced.append(member.name)
                continue
            }
            members.append(Member(name: member.name, laNumber: number, spend: x, performance: y, isCouncil: number == authority))
        }
        guard !members.isEmpty else { return nil }
        return SpendQuadrant(
            group: groupName, spendName: names.spend, spendPeriod: spendPeriod, performanceName: names.performance,
            performancePeriod: performancePeriod, polarity: polarity, members: members, unplaced: unplaced)
    }
}
