import DashboardCore
import Testing

@testable import DashboardCharts

@Suite("Scales and axis labels")
struct ScaleTests {
    @Test func linearScaleMapsAndInverts() {
        let y = LinearScale(domain: (0, 350), range: (300, 20))
        #expect(y(0) == 300)
        #expect(y(350) == 20)
        #expect(y(175) == 160)
        #expect(y.invert(160) == 175)
        #expect(y.clamp(-21.2) == 0)
        #expect(y.clamp(400) == 350)
    }

    /// Pathway decisions awaiting allocation: 6 to 338 a month. A count axis starts at zero.
    @Test func countsStartAtZeroAndEndOnATick() {
        let axis = ValueAxisScale.make(
            values: [290, 279, 338, 146, 47, 207, 189, 21, 24, 6, 14, 10], unit: .count,
            includeZero: false, minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower == 0)
        #expect(axis.upper == 350)
        #expect(axis.ticks == [0, 50, 100, 150, 200, 250, 300, 350])
        #expect(axis.ticks.map(axis.label) == ["0", "50", "100", "150", "200", "250", "300", "350"])
    }

    /// Family Star positive progress, 67.1% to 71.8%: a line's axis shows the variation rather than a flat
    /// line on 0–100%, and says that it does not start at zero.
    @Test func percentagesShowTheirVariation() {
        let axis = ValueAxisScale.make(
            values: [67.1, 67.5, 70.3, 71.8, 68.0], unit: .percent, includeZero: false,
            minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower > 60 && axis.lower <= 67.1)
        #expect(axis.upper >= 71.8 && axis.upper < 80)
        #expect(axis.excludesZero)
    }

    /// A 92–96% measure with a 97–98% target: the target is on the axis, which stops at 100%.
    @Test func highPercentagesIncludeTheirTargetAndStopAtAHundred() {
        let axis = ValueAxisScale.make(
            values: [92.4, 93.1, 95.8, 94.2, 96.0, 97, 98], unit: .percent, includeZero: false,
            minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower >= 90 && axis.lower <= 92.4)
        #expect(axis.upper >= 98 && axis.upper <= 100)
        #expect(axis.excludesZero)
    }

    /// Columns start at zero whatever their figures (the length of a column is its value).
    @Test func columnsStartAtZero() {
        let axis = ValueAxisScale.make(values: [92.4, 96.0], unit: .percent, includeZero: true, minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower == 0 && !axis.excludesZero)
    }

    /// A rate of 0.4 to 0.9 varies by more than its lowest value: the axis starts at zero rather than at an
    /// arbitrary 0.4.
    @Test func widelyVaryingFiguresStartAtZero() {
        let axis = ValueAxisScale.make(values: [0.4, 0.6, 0.9], unit: .rate, includeZero: false, minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower == 0)
    }

    /// CP plans lasting 2 years or more: 0.3% against 1.8% and a 1.7% target would be slivers on 0–100.
    @Test func smallPercentagesGetANiceMaximum() {
        let axis = ValueAxisScale.make(values: [0.3, 1.8, 1.7], unit: .percent, includeZero: true, minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower == 0 && axis.upper == 2)
        #expect(axis.ticks.map(axis.label) == ["0.0%", "0.5%", "1.0%", "1.5%", "2.0%"])
    }

    @Test func indicatorAxisLimitsOverride() {
        let axis = ValueAxisScale.make(values: [67.1, 71.8], unit: .percent, includeZero: false, minimum: 60, maximum: 75, tickCount: 5)
        #expect(axis.lower == 60 && axis.upper == 75)
        #expect(axis.ticks.first == 60)
        #expect(axis.ticks.allSatisfy { (60...75).contains($0) })
    }

    /// The re-offending rate (0.51) is not a count: its axis fits the figures rather than starting at zero.
    @Test func ratesFitTheirFigures() {
        let axis = ValueAxisScale.make(values: [0.45, 0.51, 0.62], unit: .rate, includeZero: false, minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower > 0 && axis.lower <= 0.45)
        #expect(axis.upper >= 0.62 && axis.upper < 0.7)
        #expect(axis.ticks.allSatisfy { $0 >= axis.lower && $0 <= axis.upper })
        #expect(axis.decimals == 2)
    }

    @Test func oneFigureStillGetsAnAxis() {
        let axis = ValueAxisScale.make(values: [1323], unit: .count, includeZero: true, minimum: nil, maximum: nil, tickCount: 5)
        #expect(axis.lower == 0 && axis.upper >= 1323)
        #expect(axis.ticks.count >= 3)
    }

    @Test func labelsUseThousandsSeparatorsPercentAndPounds() {
        #expect(AxisFormat.tick(1500, unit: .count, decimals: 0) == "1,500")
        #expect(AxisFormat.tick(10375, unit: .count, decimals: 0) == "10,375")
        #expect(AxisFormat.tick(20, unit: .percent, decimals: 0) == "20%")
        #expect(AxisFormat.tick(2.5, unit: .percent, decimals: 1) == "2.5%")
        #expect(AxisFormat.tick(1500, unit: .currency, decimals: 0) == "£1,500")
        #expect(AxisFormat.tick(2.5, unit: .currency, decimals: 1) == "£2.50")
        #expect(AxisFormat.tick(12, unit: .days, decimals: 0) == "12")
        #expect(AxisFormat.value(94.9, unit: .percent, decimals: 1) == "94.9%")
        #expect(AxisFormat.value(26, unit: .percent, decimals: 0) == "26%")
    }
}
