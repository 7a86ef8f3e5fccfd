/// Benchmarks within a comparator group, by LAIT's rules applied to the group's members alone:
///
/// - quartiles over the figures the group's members have for the period (type 7, as `LAITMethod.quantile`);
/// - the band A–D by polarity against those quartiles (none without polarity, or where LAIT shows no quartile);
/// - the rank, 1 the best by polarity, ties taking the lowest rank, among the members with a figure.
///
/// A member with no figure for the period (`-` in LAIT's file, or no row) is left out of the quartiles and the
/// ranking, and counted in neither `ranked` nor the average rank's measures.
public enum GroupMethod {
    public struct Figures: Sendable, Equatable {
        public var group: String
        public var rank: Int?
        /// The group's members with a figure for the period.
        public var ranked: Int
        public var band: String?
        public var lowerQuartile: Double?
        public var median: Double?
        public var upperQuartile: Double?
    }

    /// The figure each member of the group has for a measure's period, by LA number.
    public static func memberFigures(data: BenchmarkData, measure: String, period: String, group: ComparatorGroup) -> [Int: Double] {
        let numbers = Set(group.members.compactMap(\.laNumber))
        var result: [Int: Double] = [:]
        for row in data.rows where row.level == .authority && row.measure == measure && row.period == period {
            guard let number = row.laNumber, numbers.contains(number), let value = row.value else { continue }
            result[number] = value
        }
        return result
    }

    /// Each member's rank for the period (members with a figure only); empty without polarity.
    public static func memberRanks(_ figures: [Int: Double], polarity: MeasureInfo.Polarity) -> [Int: Int] {
        let values = Array(figures.values)
        var ranks: [Int: Int] = [:]
        for (number, value) in figures {
            if let rank = LAITMethod.rank(value, among: values, polarity: polarity) { ranks[number] = rank }
        }
        return ranks
    }

    /// The authority's figures within the group for one period of a measure.
    public static func figures(
        data: BenchmarkData, measure: String, period: String, group: ComparatorGroup, groupName: String,
        authority: Int, info: MeasureInfo?
    ) -> Figures {
        let byMember = memberFigures(data: data, measure: measure, period: period, group: group)
        let values = Array(byMember.values)
        let polarity = info?.polarity ?? .none
        let q1 = LAITMethod.quantile(values, 0.25), q2 = LAITMethod.quantile(values, 0.5), q3 = LAITMethod.quantile(values, 0.75)
        var band: String?
        if let value = byMember[authority], let q1, let q2, let q3, !(info?.noQuartile ?? false) {
            band = LAITMethod.band(value, q1: q1, median: q2, q3: q3, polarity: polarity)
        }
        return Figures(
            group: groupName, rank: byMember[authority].flatMap { LAITMethod.rank($0, among: values, polarity: polarity) },
            ranked: values.count, band: band, lowerQuartile: q1, median: q2, upperQuartile: q3)
    }

    /// The latest of a measure's periods in which any member of the group has a figure.
    public static func latestPeriod(data: BenchmarkData, measure: String, group: ComparatorGroup) -> String? {
        let rows = data.rows.filter { $0.measure == measure }
        return LAITMethod.periodOrder(rows).last { !memberFigures(data: data, measure: measure, period: $0, group: group).isEmpty }
    }

    /// The period before `period` in the measure's order, if there is one.
    public static func previousPeriod(data: BenchmarkData, measure: String, before period: String) -> String? {
        let order = LAITMethod.periodOrder(data.rows.filter { $0.measure == measure })
        guard let index = order.firstIndex(of: period), index > 0 else { return nil }
        return order[index - 1]
    }

    public struct AverageRank: Sendable, Equatable {
        /// The authority's mean rank over the measures it has a rank for; nil with none.
        public var value: Double?
        /// How many measures the mean is over.
        public var measures: Int
        /// The rank of that mean (1 the lowest) among the members with a rank for every measure; nil when the
        /// authority lacks one.
        public var rank: Int?
        /// The members with a rank for every measure.
        public var ranked: Int
    }

    /// The average rank over several measures' member ranks, and its rank ("rank of average rank").
    public static func averageRank(_ ranksByMeasure: [[Int: Int]], group: ComparatorGroup, authority: Int) -> AverageRank {
        averageRank(ranksByMeasure, members: group.members.compactMap(\.laNumber), authority: authority)
    }

    /// The average rank over measures' member ranks, among `members` (LA numbers).
    public static func averageRank(_ ranksByMeasure: [[Int: Int]], members: [Int], authority: Int) -> AverageRank {
        func mean(_ number: Int) -> (Double, Int)? {
            let ranks = ranksByMeasure.compactMap { $0[number] }
            return ranks.isEmpty ? nil : (Double(ranks.reduce(0, +)) / Double(ranks.count), ranks.count)
        }
        let complete = members.filter { number in ranksByMeasure.allSatisfy { $0[number] != nil } }
        let averages = complete.compactMap { mean($0)?.0 }
        let own = mean(authority)
        let rank: Int? =
            complete.contains(authority) && !ranksByMeasure.isEmpty ? own.flatMap { LAITMethod.rank($0.0, among: averages, polarity: .low) } : nil
        return AverageRank(value: own?.0, measures: own?.1 ?? 0, rank: rank, ranked: ranksByMeasure.isEmpty ? 0 : complete.count)
    }
}
