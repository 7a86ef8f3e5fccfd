import DashboardCore
import Testing

@testable import DashboardCharts

/// Targets that change from period to period are drawn as steps, named at their end with their latest level.
@Suite("Targets over time")
struct TargetStepTests {
    let renderer = Shared.renderer

    /// Family Star with a 68% target, and 72% for 2020/21 (`target: {2020/21: 72%}`).
    static func familyStarWithRisingTarget(chart: ChartKind = .line) -> DashboardAnalysis {
        var rate = Fixtures.indicator(
            "family-star-positive-rate", "Family Star: positive progress made in at least 3 of the 10 domains (%)",
            .percent, .high, chart: chart, aggregation: .ratio, target: 68)
        rate.targets = [.financialYear(2020): 72]
        let values = [67.1, 67.5, 70.3, 71.8, 68.0]
        let periods = Fixtures.familyStarQuarters + [Fixtures.quarter(2020, 1)]
        return Fixtures.analysis("cfws", [rate], ["family-star-positive-rate": zip(periods, values).map { Fixtures.figure($0, $1, decimals: 1) }])
    }

    @Test func aTargetThatChangesIsASteppedSeries() throws {
        let spec = Self.familyStarWithRisingTarget().spec()
        #expect(spec.references.filter { $0.role == .target }.isEmpty, "no single target line across every period")
        let target = try #require(spec.series.first { $0.stepped })
        #expect(target.values == [68, 68, 68, 68, 72])
        #expect(target.role == .benchmark(.target))
    }

    @Test func stepsAreLevelAcrossEachPeriodWithARiserWhereTheTargetChanges() throws {
        let spec = Self.familyStarWithRisingTarget().spec()
        let index = try #require(spec.series.firstIndex { $0.stepped })
        let scene = try renderer.layout(spec, size: .screen)
        let line = try #require(scene.items(.series(index)).compactMap(\.line).first)
        let ys = Set(line.points.map(\.y))
        #expect(ys.count == 2, "two levels: 68% and 72%")
        // Every segment is horizontal or vertical: a step, never a slope between the two targets.
        for (a, b) in zip(line.points, line.points.dropFirst()) {
            #expect(a.x == b.x || a.y == b.y)
        }
        #expect(!line.dash.isEmpty)
        #expect(scene.texts(.seriesLabel).map(\.string).contains("Target 72.0%"))
    }

    @Test func aSingleTargetIsStillALine() {
        let spec = Fixtures.familyStar(target: 70).spec()
        #expect(!spec.series.contains { $0.stepped })
        #expect(spec.references.contains { $0.role == .target })
    }
}
