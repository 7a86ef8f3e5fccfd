import DashboardStatistics

/// A dashboard as it may be published under its `disclosure:` rule: every count from 1 to `min_count − 1`, and
/// every count that would give one away, becomes a suppressed figure (`c`), as a `c` in the data would be. Done
/// once, before anything is judged, so that no page, chart, alt text, download, Word report or what-changed list
/// can show the figure or a judgement made from it.
///
/// The counts are an indicator's figures where its unit is a count, and the numerator and denominator given with
/// any figure ("94.9% (1074)", "4 of 18"). The sums that tie them, solved together (`DisclosureTable`):
/// - a total and its `parts:`, for each period where the figures given add up;
/// - a financial year's figure, or its year to date, and the quarters inside it, where they add up.
/// A figure whose numerator or denominator is suppressed is suppressed whole. Frozen editions are published
/// under the live dashboard's rule. Not covered: a rate given without its numerator (the count behind "12.1 per
/// 10,000" is not known here), and the same figure in two dashboards (each dashboard is protected on its own).
public enum DisclosureControl {
    /// One count: an indicator's figure, or the numerator or denominator given with it, for one period as
    /// published by one vintage.
    public struct Cell: Hashable, Comparable, Sendable {
        public enum Role: Int, Sendable { case figure, numerator, denominator }
        public var indicator: String
        public var period: Period
        public var vintage: String
        public var role: Role

        public static func < (a: Cell, b: Cell) -> Bool {
            (a.indicator, a.vintage, a.role.rawValue) < (b.indicator, b.vintage, b.role.rawValue)
                || ((a.indicator, a.vintage, a.role.rawValue) == (b.indicator, b.vintage, b.role.rawValue) && a.period < b.period)
        }
    }

    /// The dashboard (and its frozen editions) with the cells its rule suppresses made gaps; unchanged without a rule.
    public static func apply(_ dashboard: Dashboard) -> Dashboard {
        guard let rule = dashboard.definition.disclosure else { return dashboard }
        var result = protect(dashboard, rule: rule)
        result.frozenEditions = dashboard.frozenEditions.map { edition in
            var edition = edition
            edition.dashboard = protect(edition.dashboard, rule: rule)
            return edition
        }
        return result
    }

    /// Which cells of this dashboard's figures the rule suppresses, secondary suppression included.
    public static func suppressed(_ dashboard: Dashboard, rule: DisclosureRule) -> Set<Cell> {
        table(dashboard).protect(rule)
    }

    static func protect(_ dashboard: Dashboard, rule: DisclosureRule) -> Dashboard {
        let hidden = suppressed(dashboard, rule: rule)
        guard !hidden.isEmpty else { return dashboard }
        var result = dashboard
        for indicator in dashboard.definition.indicators {
            guard var observations = result.series[indicator.id] else { continue }
            for index in observations.indices {
                let observation = observations[index]
                let cell = { (role: Cell.Role) in
                    Cell(indicator: indicator.id, period: observation.period, vintage: vintage(observation), role: role)
                }
                guard hidden.contains(cell(.figure)) || hidden.contains(cell(.numerator)) || hidden.contains(cell(.denominator))
                else { continue }
                observations[index].value = nil
                observations[index].gap = .suppressed
                observations[index].numerator = nil
                observations[index].denominator = nil
                observations[index].countsForm = nil
                // The rule, in words, where the officer's data gave no note of its own.
                if observations[index].note == nil { observations[index].note = rule.phrase }
            }
            result.series[indicator.id] = observations
        }
        return result
    }

    static func vintage(_ observation: Observation) -> String { observation.vintage.map { "\($0)" } ?? "" }

    /// Every count the dashboard publishes, and the sums among them.
    static func table(_ dashboard: Dashboard) -> DisclosureTable<Cell> {
        var counts: [Cell: Double] = [:]
        for indicator in dashboard.definition.indicators {
            for observation in dashboard.observations(indicator.id) {
                let cell = { (role: Cell.Role) in
                    Cell(indicator: indicator.id, period: observation.period, vintage: vintage(observation), role: role)
                }
                if indicator.unit == .count, let value = observation.value { counts[cell(.figure)] = value }
                if let numerator = observation.numerator { counts[cell(.numerator)] = numerator }
                if let denominator = observation.denominator { counts[cell(.denominator)] = denominator }
            }
        }
        return DisclosureTable(counts: counts, sums: partSums(dashboard, counts) + yearSums(dashboard, counts))
    }

    /// A total and its parts, for each period (and vintage) where every one is given and they add up.
    static func partSums(_ dashboard: Dashboard, _ counts: [Cell: Double]) -> [DisclosureTable<Cell>.Sum] {
        var sums: [DisclosureTable<Cell>.Sum] = []
        for indicator in dashboard.definition.indicators where indicator.unit == .count && !indicator.parts.isEmpty {
            for observation in dashboard.observations(indicator.id) {
                let total = Cell(indicator: indicator.id, period: observation.period, vintage: vintage(observation), role: .figure)
                let parts = indicator.parts.map { Cell(indicator: $0, period: total.period, vintage: total.vintage, role: .figure) }
                if let sum = addingUp(total, parts, counts) { sums.append(sum) }
            }
        }
        return sums
    }

    /// A financial year's figure, or its year to date, and the quarters of that year the series has, where
    /// they add up (so the sum is one a reader can see).
    static func yearSums(_ dashboard: Dashboard, _ counts: [Cell: Double]) -> [DisclosureTable<Cell>.Sum] {
        var sums: [DisclosureTable<Cell>.Sum] = []
        for indicator in dashboard.definition.indicators where indicator.unit == .count && indicator.aggregation == .sum {
            let observations = dashboard.observations(indicator.id)
            for observation in observations {
                let year: Int
                switch observation.period {
                case .financialYear(let y), .financialYearToDate(let y): year = y
                default: continue
                }
                let total = Cell(indicator: indicator.id, period: observation.period, vintage: vintage(observation), role: .figure)
                let quarters = observations.compactMap { other -> Cell? in
                    guard case .quarter(let y, _) = other.period, y == year, vintage(other) == total.vintage else { return nil }
                    return Cell(indicator: indicator.id, period: other.period, vintage: total.vintage, role: .figure)
                }
                if let sum = addingUp(total, quarters, counts) { sums.append(sum) }
            }
        }
        return sums
    }

    static func addingUp(_ total: Cell, _ parts: [Cell], _ counts: [Cell: Double]) -> DisclosureTable<Cell>.Sum? {
        guard !parts.isEmpty, let value = counts[total] else { return nil }
        let values = parts.compactMap { counts[$0] }
        guard values.count == parts.count, abs(values.reduce(0, +) - value) < 0.5 else { return nil }
        return DisclosureTable<Cell>.Sum(total: total, parts: parts)
    }
}
