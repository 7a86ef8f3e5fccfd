import DashboardStatistics
import Testing

@testable import DashboardCore

/// A dashboard published under `disclosure: {min_count: 5}`: what it shows, and that nothing shown gives a
/// suppressed count back (solved as a reader with the published figures would, `DisclosureTable.recoverable`).
@Suite("Disclosure control of a dashboard")
struct DisclosureControlTests {
    let rule = DisclosureRule(minCount: 5)

    func dashboard(_ indicators: [IndicatorDefinition], _ series: [String: [Observation]]) -> Dashboard {
        var definition = DashboardDefinition(
            id: "cce", title: "Exploitation", organisation: "Council", indicators: indicators, location: at("dashboard.yml", 1, 1))
        definition.disclosure = rule
        return Dashboard(definition: definition, series: series)
    }

    func values(_ dashboard: Dashboard, _ id: String) -> [String] {
        dashboard.observations(id).map { $0.value.map { String(Int($0)) } ?? ($0.gap == .suppressed ? "c" : "-") }
    }

    /// Referrals by gender: girls 3 of 40 in Q2. The total and the other part would give 3 back, so boys are
    /// suppressed with it; Q1 (12 and 20) is shown as it is.
    @Test("a small part and the part that would give it away are suppressed; other periods are untouched")
    func partsOfATotal() {
        var total = indicator("referrals")
        total.parts = ["girls", "boys"]
        let published = DisclosureControl.apply(
            dashboard(
                [total, indicator("girls"), indicator("boys")],
                [
                    "referrals": [observation("2020/21 Q1", 32), observation("2020/21 Q2", 40)],
                    "girls": [observation("2020/21 Q1", 12), observation("2020/21 Q2", 3)],
                    "boys": [observation("2020/21 Q1", 20), observation("2020/21 Q2", 37)],
                ]))
        #expect(values(published, "referrals") == ["32", "40"])
        #expect(values(published, "girls") == ["12", "c"])
        #expect(values(published, "boys") == ["20", "c"])
    }

    @Test("a quarter is protected from the year to date the data gives")
    func quartersAndYearToDate() {
        let published = DisclosureControl.apply(
            dashboard(
                [indicator("missing-episodes")],
                ["missing-episodes": [observation("2020/21 Q1", 3), observation("2020/21 Q2", 10), observation("2020/21 YTD", 13)]]))
        #expect(values(published, "missing-episodes") == ["c", "c", "13"])
    }

    /// "4 of 18": the numerator is small, so the percentage goes with it; "94.9% (1074)" stays.
    @Test("a percentage whose numerator or denominator is small is suppressed whole")
    func percentagesWithCounts() {
        let published = DisclosureControl.apply(
            dashboard(
                [indicator("reviews-on-time", unit: .percent)],
                [
                    "reviews-on-time": [
                        observation("2020/21 Q1", 22.2, decimals: 1, numerator: 4, denominator: 18),
                        observation("2020/21 Q2", 94.9, decimals: 1, numerator: 1074, denominator: 1132),
                        observation("2020/21 Q3", 75, numerator: 3, denominator: 4),
                    ]
                ]))
        let observations = published.observations("reviews-on-time")
        #expect(observations.map(\.gap) == [.suppressed, nil, .suppressed])
        #expect(observations[0].numerator == nil && observations[0].denominator == nil)
        #expect(observations[1].numerator == 1074)
    }

    @Test("the published counts leave no suppressed cell recoverable")
    func nothingRecoverable() {
        var total = indicator("children-in-care")
        total.parts = ["asian", "black", "mixed", "white", "other"]
        let counts: [(String, [Double])] = [
            ("children-in-care", [175, 181]), ("asian", [12, 14]), ("black", [3, 6]), ("mixed", [40, 38]),
            ("white", [118, 121]), ("other", [2, 2]),
        ]
        var series: [String: [Observation]] = [:]
        for (id, figures) in counts { series[id] = [observation("2020/21 Q1", figures[0]), observation("2020/21 Q2", figures[1])] }
        let board = dashboard([total] + total.parts.map { indicator($0) }, series)
        let suppressed = DisclosureControl.suppressed(board, rule: rule)
        // In Q1 the two small categories (3 and 2) protect each other; in Q2 the 2 is alone, so the next
        // smallest category (black, 6) goes with it.
        #expect(
            suppressed.map { "\($0.indicator) \($0.period.label)" }.sorted() == [
                "black 2020/21 Q1", "black 2020/21 Q2", "other 2020/21 Q1", "other 2020/21 Q2",
            ])
        #expect(DisclosureControl.table(board).recoverable(suppressed).isEmpty)
        let published = DisclosureControl.apply(board)
        #expect(values(published, "other") == ["c", "c"])
        #expect(values(published, "black") == ["c", "c"])
        #expect(values(published, "asian") == ["12", "14"])
    }

    @Test("without a rule the dashboard is as read")
    func noRule() {
        var board = dashboard([indicator("a")], ["a": [observation("2020/21 Q1", 2)]])
        board.definition.disclosure = nil
        #expect(values(DisclosureControl.apply(board), "a") == ["2"])
    }
}
