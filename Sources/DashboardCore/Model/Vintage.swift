/// When and where a value was published: a date (`2020-09-01`) or the edition it appeared in (`2020/21 Q1`),
/// and a source ("September 2020 committee report", "SSDA903 return"). A measure may have several official
/// values for one period (a table and a later return: 3,622 then 3,031); each carries its vintage, the latest
/// published is the one shown, and an edition shows only what had been published by its time.
public struct Vintage: Sendable, Equatable, Hashable {
    /// A `.day` for a publication date, else the edition (period) it was published in.
    public var published: Period?
    public var source: String?

    public init(published: Period?, source: String?) {
        self.published = published
        self.source = source
    }

    /// The date it counts as published on, for ordering: the day, or the end of the edition's period.
    public var date: CivilDate? {
        guard let published else { return nil }
        if case .day(let day) = published { return day }
        return published.end
    }

    /// "1 September 2020, September 2020 committee report"; "the 2020/21 Q1 edition".
    public var phrase: String {
        var parts: [String] = []
        if let published {
            if case .day = published { parts.append(published.label) } else { parts.append("the \(published.label) edition") }
        }
        if let source { parts.append(source) }
        return parts.joined(separator: ", ")
    }
}

/// Which of several values for one period an edition shows.
public enum Vintages {
    /// The last day an edition at `asOf` could have used: the day its frozen copy records it was published, else
    /// three months after its period ends (committees meet within the following quarter).
    public static func cutoff(_ dashboard: Dashboard, asOf: Period) -> CivilDate {
        if let frozen = dashboard.frozenEdition(asOf) { return frozen.published }
        return CivilDate(dayNumber: asOf.end.dayNumber + 92)
    }

    /// Whether a value had been published when the dashboard stood at `asOf` (always, without a vintage or an as-of).
    public static func isPublished(_ observation: Observation, asOf: Period?, cutoff: CivilDate?) -> Bool {
        guard let asOf, let published = observation.vintage?.published else { return true }
        if case .day(let day) = published { return cutoff.map { day <= $0 } ?? true }
        return published.end <= asOf.end
    }

    /// For each period the value shown, the latest published by `asOf` (a value with no date counts as the earliest;
    /// among equal dates, the one read last), and the earlier ones it supersedes, oldest first.
    public static func resolve(_ observations: [Observation], asOf: Period?, cutoff: CivilDate?) -> (shown: [Observation], earlier: [Period: [Observation]]) {
        var shown: [Observation] = []
        var earlier: [Period: [Observation]] = [:]
        var index = 0
        while index < observations.count {
            var end = index + 1
            while end < observations.count, observations[end].period == observations[index].period { end += 1 }
            if end == index + 1 {
                if isPublished(observations[index], asOf: asOf, cutoff: cutoff) { shown.append(observations[index]) }
            } else {
                let known = observations[index..<end].filter { isPublished($0, asOf: asOf, cutoff: cutoff) }
                // Stable: equal dates keep the order read.
                let ordered = known.enumerated().sorted { a, b in
                    switch (a.element.vintage?.date, b.element.vintage?.date) {
                    case (nil, nil): return a.offset < b.offset
                    case (nil, _): return true
                    case (_, nil): return false
                    case let (x?, y?): return x != y ? x < y : a.offset < b.offset
                    }
                }.map(\.element)
                if let latest = ordered.last {
                    shown.append(latest)
                    if ordered.count > 1 { earlier[latest.period] = Array(ordered.dropLast()) }
                }
            }
            index = end
        }
        return (shown, earlier)
    }

    /// The dashboard as an edition at `asOf` sees it: one value a period, the latest published by then.
    public static func resolved(_ dashboard: Dashboard, asOf: Period?) -> (Dashboard, earlier: [String: [Period: [Observation]]]) {
        let cutoff = asOf.map { self.cutoff(dashboard, asOf: $0) }
        var result = dashboard
        var earlier: [String: [Period: [Observation]]] = [:]
        for (id, observations) in dashboard.series {
            // Most series carry no vintages: nothing to choose.
            guard observations.contains(where: { $0.vintage != nil }) else { continue }
            let (shown, superseded) = resolve(observations, asOf: asOf, cutoff: cutoff)
            result.series[id] = shown
            if !superseded.isEmpty { earlier[id] = superseded }
        }
        return (result, earlier)
    }
}
