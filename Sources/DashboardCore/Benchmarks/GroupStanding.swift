/// Where the authority stands within a comparator group for one period of a measure, computed from a benchmark
/// file (`benchmarks: {from: …, measure: …, group: County councils}`) as `dashboards benchmark --group` does.
public struct GroupStanding: Sendable, Equatable {
    /// The group's name as dashboard.yml gives it.
    public var group: String
    /// 1 the best by polarity; nil where the authority has no figure or the measure no polarity.
    public var rank: Int?
    /// The group's members with a figure for the period.
    public var ranked: Int
    /// 1 the best quarter (band A) to 4 (band D); nil without a band.
    public var quartile: Int?
    /// The period as the benchmark file writes it.
    public var label: String
    /// Every member's rank for the period, by LA number, for the average rank over the dashboard's measures.
    public var memberRanks: [Int: Int]
    /// The authority's LA number (its key in `memberRanks`).
    public var authority: Int

    public init(group: String, rank: Int?, ranked: Int, quartile: Int?, label: String, memberRanks: [Int: Int], authority: Int) {
        self.authority = authority
        self.group = group
        self.rank = rank
        self.ranked = ranked
        self.quartile = quartile
        self.label = label
        self.memberRanks = memberRanks
    }

    /// "21 county councils".
    public var population: String { "\(ranked) \(ComparatorGroup.inSentence(group))" }

    /// "2nd quartile of 21 county councils"; nil without a quartile.
    public var quartileWords: String? {
        quartile.map { "\(Self.ordinal($0)) quartile of \(population)" }
    }

    /// "5th of 21 county councils"; nil without a rank.
    public var rankWords: String? {
        rank.map { "\(Self.ordinal($0)) of \(population)" }
    }

    public static func ordinal(_ n: Int) -> String {
        let tens = n % 100
        let suffix = (11...13).contains(tens) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
