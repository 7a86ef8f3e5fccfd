import DashboardCore
import Foundation
import Testing

@testable import DashboardCharts

@Suite("Chart specs")
struct SpecTests {
    @Test func specsHashTheSameWayEveryTime() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(Fixtures.casesAwaitingAllocation.spec())
        let second = try encoder.encode(Fixtures.casesAwaitingAllocation.spec())
        #expect(first == second)
        let decoded = try JSONDecoder().decode(ChartSpec.self, from: first)
        #expect(decoded == Fixtures.casesAwaitingAllocation.spec())
        #expect(!String(decoding: first, as: UTF8.self).contains("allocation-pathway"), "no ids: only what is drawn")
    }

    @Test func familyStarLineHasItsFiguresAndSpan() {
        let spec = Fixtures.familyStar().spec()
        #expect(spec.kind == .line)
        #expect(spec.subtitle == "Percentage, quarterly, 2019/20 Q1 to 2020/21 Q1")
        #expect(spec.series[0].values == [67.1, 67.5, 70.3, 71.8, 68.0], "the year-to-date figure is not a point on the line")
        #expect(spec.categories.map(\.primary) == ["Q1", "Q2", "Q3", "Q4", "Q1"])
        #expect(spec.categories.map(\.secondary) == ["2019/20", "2019/20", "2019/20", "2019/20", "2020/21"])
    }

    @Test func benchmarksForOnePeriodAreReferenceLines() {
        let spec = Fixtures.plansWithinTwentyWeeks.spec()
        #expect(spec.references.map(\.name) == ["Region (2020)", "England (2020)"])
        #expect(spec.references.map(\.value) == [67.8, 58.7])
        #expect(spec.references.map(\.decimals) == [1, 1], "as published, though the 2020 figure is a whole 92%")
        #expect(spec.series[0].label(1, axis: spec.axis) == "92%", "as published, not 92.0%")
    }

    /// A comparator with one yearly figure is drawn over that year's quarters only, never across the quarters of
    /// a year it says nothing of; one covering every charted period stays a line across the plot.
    @Test func aYearlyComparatorSpansItsOwnYear() throws {
        let base = Fixtures.familyStar()
        var indicator = try #require(base.indicators.first).indicator
        indicator.comparators = [
            Comparator(name: "England", figures: [.financialYear(2019): ComparatorFigure(value: 66.0, location: Fixtures.here)], location: Fixtures.here)
        ]
        let observations = try #require(base.indicators.first).observations
        let spec = Fixtures.analysis("cfws", [indicator], [indicator.id: observations]).spec()
        let england = try #require(spec.series.first { $0.name.hasPrefix("England") })
        #expect(england.name == "England (2019/20)")
        #expect(england.stepped)
        #expect(england.values == [66.0, 66.0, 66.0, 66.0, nil], "over 2019/20's four quarters, not 2020/21 Q1")
        #expect(!spec.references.contains { $0.name.hasPrefix("England") })

        // A comparator for a year none of the charted quarters falls in is a line across the plot, with its year.
        indicator.comparators[0].figures = [.financialYear(2018): ComparatorFigure(value: 66.0, location: Fixtures.here)]
        let other = Fixtures.analysis("cfws", [indicator], [indicator.id: observations]).spec()
        #expect(other.references.map(\.name) == ["England (2018/19)"])
    }

    @Test func breakInDataIsAGapWithItsReason() {
        let spec = Fixtures.casesAwaitingAllocation.spec()
        #expect(spec.gaps == [ChartSpec.Gap(from: 7, to: 9, reason: "Break in data")])
    }

    @Test func aMissingQuarterBecomesAGap() {
        var observations = Fixtures.familyStar().first.series
        observations.remove(at: 2)
        let timeline = Timeline(observations)
        #expect(timeline.observations.map(\.period.label) == ["2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4", "2020/21 Q1"])
        #expect(
            Timeline.gaps(timeline.observations, present: timeline.observations.map { $0.value != nil })
                == [ChartSpec.Gap(from: 2, to: 2, reason: "No figure")])
    }

    /// EHC plans as of August each year: yearly snapshots, not a monthly series with eleven gaps.
    @Test func yearlySnapshotsAreNotPaddedWithMonths() {
        let observations = [Fixtures.figure(Fixtures.month(2019, 8), 4566), Fixtures.figure(Fixtures.month(2020, 8), 5039)]
        let timeline = Timeline(observations)
        #expect(timeline.observations.count == 2)
        #expect(!timeline.isRegular, "not described as monthly")
    }

    @Test(arguments: [(13.8, 0, 1), (97.0, 1, 1), (97.0, 0, 0), (0.51, 0, 2), (1.725, 1, 2), (2733.0, 0, 0)] as [(Double, Int, Int)])
    func referenceDecimalsWriteTheFigureExactly(value: Double, minimum: Int, expected: Int) {
        #expect(ChartSpec.Reference.decimals(for: value, minimum: minimum) == expected)
    }

    @Test func sparklineHoldsOnlyItsFigures() throws {
        let spec = try #require(ChartSpec.sparkline(Fixtures.casesAwaitingAllocation.first))
        #expect(spec.series.map(\.values) == [[290, 279, 338, 146, 47, 207, 189, nil, nil, nil, 21, 24, 6, 14, 10]])
        #expect(spec.title.isEmpty && spec.categories.isEmpty && spec.source == nil, "nothing that is not drawn")
    }

    @Test func spcWithTooFewPointsFallsBackToALineSayingWhy() {
        let spec = Fixtures.familyStar(chart: .spc).spec()
        #expect(spec.kind == .line)
        #expect(spec.notes == ["Too few points for SPC: 5 figures, at least 12 needed."])
    }

    @Test func comparisonHasTheCouncilFirst() {
        let spec = Fixtures.childProtectionReviews.spec()
        #expect(spec.bars.map(\.name) == ["Leicestershire County Council", "Statistical neighbours"])
        #expect(spec.bars.map(\.value) == [94.9, 90.8])
        #expect(spec.bars[0].isSubject && !spec.bars[1].isSubject)
        #expect(spec.references == [ChartSpec.Reference(role: .target, name: "Target", value: 97, decimals: 1)])
        #expect(spec.subtitle == "Percentage, 2020/21 Q1")
    }
}
