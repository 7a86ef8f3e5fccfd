/// An edition kept as published: the dashboard's settings and data as they stood when the edition went to
/// committee, stored by `dashboards freeze` under `<dashboard>/editions/<period>/` and built from that copy ever
/// after, so a later change to the live data never changes what the archive says members saw.
public struct FrozenEdition: Sendable {
    /// The period the edition reports on (`2019/20 Q4`).
    public var period: Period
    /// When it was published (the committee date), as `edition.yml` records it.
    public var published: CivilDate
    /// The copy, read as any dashboard is; its id is the live dashboard's.
    public var dashboard: Dashboard
    /// `editions/<period>/edition.yml`.
    public var location: SourceLocation

    public init(period: Period, published: CivilDate, dashboard: Dashboard, location: SourceLocation) {
        self.period = period
        self.published = published
        self.dashboard = dashboard
        self.location = location
    }

    /// The folder name under `editions/`: `2019-20-q4`.
    public var folder: String { period.slug }

    /// "15 June 2020".
    public var publishedLabel: String { Period.day(published).label }
}

/// A figure that differs from what a frozen edition published for the same indicator and period.
public struct Revision: Sendable, Equatable {
    public var period: Period
    /// The edition that published the earlier figure, and when.
    public var edition: Period
    public var publishedOn: CivilDate
    /// The figure as that edition published it.
    public var published: Observation
    /// The figure now; nil where the period has no figure any more.
    public var current: Observation?

    public init(period: Period, edition: Period, publishedOn: CivilDate, published: Observation, current: Observation?) {
        self.period = period
        self.edition = edition
        self.publishedOn = publishedOn
        self.published = published
        self.current = current
    }
}

public enum Revisions {
    /// Each of the indicator's figures that differs from what a frozen edition of the dashboard published for
    /// the same period (a changed value, a gap filled, a figure withdrawn), oldest period first, then by edition.
    /// Only figures an edition reported on are compared: those known at its period, as `Analysis.isKnown` says.
    public static func of(_ indicatorID: String, in dashboard: Dashboard, asOf: Period?) -> [Revision] {
        var revisions: [Revision] = []
        let current = dashboard.observations(indicatorID)
        var byPeriod: [Period: Observation] = [:]
        for observation in current { byPeriod[observation.period] = observation }
        for edition in dashboard.frozenEditions.sorted(by: { $0.period < $1.period }) {
            if let asOf, edition.period > asOf { continue }
            // What the edition showed: of several vintages of a period, the latest published by its date.
            let shown = Vintages.resolve(edition.dashboard.observations(indicatorID), asOf: edition.period, cutoff: edition.published).shown
            for published in shown where Analysis.isKnown(published.period, at: edition.period) {
                if !Analysis.isKnown(published.period, at: asOf) { continue }
                let now = byPeriod[published.period]
                if differs(published, now) {
                    revisions.append(
                        Revision(
                            period: published.period, edition: edition.period, publishedOn: edition.published,
                            published: published, current: now))
                }
            }
        }
        return revisions.sorted { ($0.period, $0.edition) < ($1.period, $1.edition) }
    }

    static func differs(_ published: Observation, _ now: Observation?) -> Bool {
        guard let now else { return !published.isGap }
        switch (published.value, now.value) {
        case (nil, nil): return false
        case (let a?, let b?): return abs(a - b) > 1e-9 * max(1, abs(a), abs(b))
        default: return true
        }
    }
}
