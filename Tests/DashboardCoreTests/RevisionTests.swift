import DashboardCore
import Testing

@Suite("Revisions against frozen editions")
struct RevisionTests {
    static let definition = DashboardDefinition(id: "d", title: "D", organisation: "O", location: SourceLocation(file: "d"))

    static func quarter(_ year: Int, _ q: Int) -> Period { .quarter(financialYear: year, quarter: q) }

    static func dashboard(_ figures: [(Period, Double?)]) -> Dashboard {
        let observations = figures.map { period, value in
            Observation(
                period: period, value: value, decimals: 1, gap: value == nil ? .missing : nil,
                location: SourceLocation(file: "d.csv", line: 2, column: 2))
        }
        return Dashboard(definition: definition, series: ["a": observations])
    }

    @Test func changedFilledAndWithdrawnFiguresAreRevisionsAndEqualOnesAndLaterOnesAreNot() {
        let published = Self.dashboard([
            (Self.quarter(2019, 1), 60), (Self.quarter(2019, 2), nil), (Self.quarter(2019, 3), 70),
            (Self.quarter(2019, 4), 71.8), (Self.quarter(2020, 1), 50),
        ])
        var current = Self.dashboard([
            (Self.quarter(2019, 1), 60), (Self.quarter(2019, 2), 64), (Self.quarter(2019, 4), 65),
            (Self.quarter(2020, 1), 55),
        ])
        current.frozenEditions = [
            FrozenEdition(
                period: Self.quarter(2019, 4), published: CivilDate(2020, 6, 15), dashboard: published,
                location: SourceLocation(file: "edition.yml"))
        ]
        let revisions = Revisions.of("a", in: current, asOf: nil)
        #expect(revisions.map(\.period) == [Self.quarter(2019, 2), Self.quarter(2019, 3), Self.quarter(2019, 4)])
        #expect(revisions[0].published.isGap && revisions[0].current?.value == 64)
        #expect(revisions[1].current == nil)
        #expect(revisions[2].published.value == 71.8 && revisions[2].current?.value == 65)
        #expect(revisions.allSatisfy { $0.edition == Self.quarter(2019, 4) && $0.publishedOn == CivilDate(2020, 6, 15) })
        // As the dashboard stood before that edition, it had published nothing to revise.
        #expect(Revisions.of("a", in: current, asOf: Self.quarter(2019, 3)).isEmpty)
        #expect(Revisions.of("b", in: current, asOf: nil).isEmpty)
    }

    @Test func aFrozenEditionIsComparedAsItWasShownOfSeveralVintagesTheOnePublishedByItsDate() {
        let q1 = Self.quarter(2020, 1)
        func figure(_ value: Double, _ published: CivilDate) -> Observation {
            var observation = Observation(period: q1, value: value, location: SourceLocation(file: "d.csv", line: 2, column: 2))
            observation.vintage = Vintage(published: .day(published), source: nil)
            return observation
        }
        // The copy holds the September table and a return published after the committee met.
        let copy = Dashboard(definition: Self.definition, series: ["a": [figure(30, CivilDate(2020, 9, 1)), figure(21, CivilDate(2021, 6, 15))]])
        var current = Self.dashboard([(q1, 30)])
        current.frozenEditions = [FrozenEdition(period: q1, published: CivilDate(2020, 9, 10), dashboard: copy, location: SourceLocation(file: "edition.yml"))]
        #expect(Revisions.of("a", in: current, asOf: nil).isEmpty, "the edition showed 30, as the live data does; its copy's later 21 was never shown")
        current.series["a"] = [Observation(period: q1, value: 21, location: SourceLocation(file: "d.csv", line: 2, column: 2))]
        #expect(Revisions.of("a", in: current, asOf: nil).map(\.published.value) == [30])
    }
}
