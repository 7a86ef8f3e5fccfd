public struct Overview: Sendable, Equatable {
    public var reported = 0
    public var improved = 0
    public var similar = 0
    public var declined = 0
    public var noPolarity = 0
    /// Measures with polarity but nothing to compare with (no previous figure, none stated).
    public var notCompared = 0
    public var benchmarked = 0
    /// Counts in quartiles 1 to 4.
    public var quartiles = [0, 0, 0, 0]
    /// Measures by status, in the order of the dashboard's RAG key (statuses no measure has left out).
    public var statuses: [StatusCount] = []
    /// Measures by the outcome their status counts as.
    public var green: Int { count(of: .green) }
    public var amber: Int { count(of: .amber) }
    public var red: Int { count(of: .red) }

    func count(of outcome: RAG) -> Int {
        statuses.filter { $0.status.outcome == outcome }.reduce(0) { $0 + $1.count }
    }
    public var specialImprovement = 0
    public var specialConcern = 0

    /// The committee-report paragraph: "From 25 measures reported, 7 have improved, …".
    public var sentences: [String] {
        var result: [String] = []
        guard reported > 0 else { return ["No measures have figures for this period."] }
        let withPolarity = reported - noPolarity
        var first = "From \(Overview.measures(reported)) reported"
        if withPolarity > 0 {
            var parts = [
                "\(improved) \(improved == 1 ? "has" : "have") improved",
                "\(similar) \(similar == 1 ? "is" : "are") similar to the previous figure",
                "\(declined) \(declined == 1 ? "has" : "have") declined",
            ]
            if notCompared > 0 {
                parts.append("\(notCompared) \(notCompared == 1 ? "has" : "have") no earlier figure to compare with")
            }
            first += ", " + Overview.list(parts)
        }
        if noPolarity > 0 {
            first += withPolarity > 0 ? "; " : ", "
            first += "\(noPolarity) \(noPolarity == 1 ? "provides" : "provide") information only with no polarity"
        }
        result.append(first + ".")
        if benchmarked > 0 {
            let names = (1...4).map { "in the " + Wording.quartile($0) }
            var parts: [String] = []
            for (index, count) in quartiles.enumerated() {
                let phrase = index == 0 ? names[0] : names[index].replacingQuartile
                parts.append("\(count) \(count == 1 ? "is" : "are") \(phrase)")
            }
            result.append("From \(Overview.measures(benchmarked)) with a national benchmark, \(Overview.list(parts)).")
        }
        if !statuses.isEmpty {
            // "4 green", "2 red/amber", "1 NA": names in running text, keeping capitals only where the name is an acronym.
            let words = statuses.map { count -> String in
                let name = count.status.name
                let acronym = name.count > 1 && name == name.uppercased()
                return "\(count.count) \(acronym ? name : name.lowercased())"
            }
            result.append("RAG status: " + Overview.list(words) + ".")
        }
        if specialImprovement + specialConcern > 0 {
            result.append("Statistical process control shows special cause improvement in \(specialImprovement) and concern in \(specialConcern).")
        }
        return result
    }

    public var paragraph: String { sentences.joined(separator: " ") }

    static func measures(_ n: Int) -> String { n == 1 ? "1 measure" : "\(n) measures" }

    static func list(_ parts: [String]) -> String { Wording.list(parts) }
}

extension String {
    /// "in the second quartile" → "in the second" after the first mention, as papers write it.
    fileprivate var replacingQuartile: String { hasSuffix(" quartile") ? String(dropLast(" quartile".count)) : self }
}

/// How many measures have one status.
public struct StatusCount: Sendable, Equatable {
    public var status: RAGStatus
    public var count: Int
}

/// A separate rating for the edition's period, as the paper gave it (nil status: none given for that period).
public struct Rating: Sendable, Equatable {
    public var name: String
    public var status: RAGStatus?
}

public struct DashboardAnalysis: Sendable {
    public var dashboard: Dashboard
    public var asOf: Period?
    /// In section order, then any indicators in no section.
    public var indicators: [IndicatorAnalysis]
    public var overview: Overview

    public func analysis(_ id: String) -> IndicatorAnalysis? { indicators.first { $0.indicator.id == id } }
}

/// An officer's commentary for one period's edition.
public struct PeriodCommentary: Sendable, Equatable {
    public var period: Period
    public var text: String

    /// The commentary for the edition at `asOf` (written for that period, or for the indicator's latest period),
    /// and the earlier ones, newest first; commentary for later periods is not yet written as far as this
    /// edition knows.
    static func select(_ all: [Period: String], asOf: Period?, latest: Period?) -> (PeriodCommentary?, [PeriodCommentary]) {
        guard !all.isEmpty else { return (nil, []) }
        let known = all.filter { asOf == nil || $0.key.end <= asOf!.end }
            .map { PeriodCommentary(period: $0.key, text: $0.value) }
            .sorted { $0.period > $1.period }
        let current = known.first { $0.period == asOf || $0.period == latest }
        return (current, known.filter { $0 != current })
    }
}
