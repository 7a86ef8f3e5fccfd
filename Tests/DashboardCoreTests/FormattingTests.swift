import Testing

@testable import DashboardCore

@Suite("Writing figures as papers do")
struct FormattingTests {
    @Test(
        "thousands separators",
        arguments: [
            (0.0, "0"), (7.0, "7"), (999.0, "999"), (1000.0, "1,000"), (1537.0, "1,537"), (4652.0, "4,652"),
            (10375.0, "10,375"), (209231.0, "209,231"), (1234567.0, "1,234,567"), (-1537.0, "-1,537"),
        ])
    func grouping(value: Double, expected: String) {
        #expect(Formatting.number(value, decimals: 0) == expected)
    }

    @Test("no grouping when asked")
    func noGrouping() {
        #expect(Formatting.number(1234567.5, decimals: 1, grouping: false) == "1234567.5")
    }

    @Test(
        "decimal rounding, half away from zero, on the figure as typed",
        arguments: [
            // 233 / 336 = 0.693452380…: Family Star 2019/20, 69.3% as the paper prints it.
            (233.0 / 336.0 * 100, 1, "69.3"),
            (69.345, 1, "69.3"),
            (69.35, 1, "69.4"),
            (0.125, 2, "0.13"),  // binary 0.125 is exact; half goes up
            (1.005, 2, "1.01"),  // binary 1.005 is 1.00499…; as typed it is a half
            (2.5, 0, "3"),
            (3.5, 0, "4"),
            (-2.25, 1, "-2.3"),
            (-2.5, 0, "-3"),
            (0.05, 1, "0.1"),
            (9.95, 1, "10.0"),
            (999.5, 0, "1,000"),
            (99.95, 1, "100.0"),
            (92.0, 1, "92.0"),
            (0.0001, 2, "0.00"),
            (5e-05, 5, "0.00005"),
            (1e16, 0, "10,000,000,000,000,000"),
        ])
    func rounding(value: Double, decimals: Int, expected: String) {
        #expect(Formatting.number(value, decimals: decimals) == expected)
    }

    @Test("a negative figure that rounds to zero has no sign")
    func negativeZero() {
        #expect(Formatting.number(-0.04, decimals: 1) == "0.0")
        #expect(Formatting.number(-0.0, decimals: 0) == "0")
        #expect(Formatting.figure(-0.04, unit: .percent, decimals: 1) == "0.0%")
    }

    @Test("not a number and infinities")
    func nonFinite() {
        #expect(Formatting.number(.nan, decimals: 1) == "–")
        #expect(Formatting.number(.infinity, decimals: 1) == "∞")
        #expect(Formatting.number(-.infinity, decimals: 1) == "-∞")
    }

    @Test(
        "figures with their unit",
        arguments: [
            (94.9, MeasureUnit.percent, 1, "94.9%"),
            (26.0, .percent, 0, "26%"),
            (1234.5, .currency, 2, "£1,234.50"),
            (-5.0, .currency, 2, "-£5.00"),
            (1.0, .days, 0, "1 day"),
            (12.0, .days, 0, "12 days"),
            (1.0, .days, 1, "1.0 days"),
            (3622.0, .count, 0, "3,622"),
            (0.51, .rate, 2, "0.51"),
            (-3.0, .count, 0, "-3"),
        ])
    func withUnit(value: Double, unit: MeasureUnit, decimals: Int, expected: String) {
        #expect(Formatting.figure(value, unit: unit, decimals: decimals) == expected)
    }

    @Test(
        "changes with their sign, percentages in points",
        arguments: [
            // SEN2 20-week timeliness: 98.1% to 92% is 6.1 points down.
            (92 - 98.1, MeasureUnit.percent, 1, "-6.1 pts"),
            (2.3, .percent, 1, "+2.3 pts"),
            (1.0, .percent, 0, "+1 pt"),
            (-1.0, .percent, 0, "-1 pt"),
            (0.0, .percent, 1, "0.0 pts"),
            (0.04, .percent, 1, "0.0 pts"),
            (529.0, .count, 0, "+529"),  // SEN2 total plans 4,222 to 4,751
            (-1210.0, .count, 0, "-1,210"),
            (0.5, .currency, 2, "+£0.50"),
            (1.0, .days, 0, "+1 day"),
            (-3.0, .days, 0, "-3 days"),
        ])
    func changes(delta: Double, unit: MeasureUnit, decimals: Int, expected: String) {
        #expect(Formatting.change(delta, unit: unit, decimals: decimals) == expected)
    }

    @Test(
        "relative changes",
        arguments: [
            (529.0 / 4222.0, "+12.5%"),  // SEN2 total plans, 4,751 on 4,222
            (125.0 / 635.0, "+19.7%"),  // SEN2 new plans, 760 on 635
            ((92 - 98.1) / 98.1, "-6.2%"),  // SEN2 20-week timeliness, as the paper's "- 6.2%"
            (0.0, "0.0%"),
            (-0.0004, "0.0%"),
        ])
    func relativeChanges(ratio: Double, expected: String) {
        #expect(Formatting.percentChange(ratio) == expected)
    }

    @Test("margins describe themselves in the unit or as a percentage")
    func margins() {
        #expect(Margin.relative(0.05).describe(unit: .percent, decimals: 1) == "5%")
        #expect(Margin.relative(0.025).describe(unit: .count, decimals: 0) == "2.5%")
        #expect(Margin.absolute(1).describe(unit: .percent, decimals: 1) == "1.0 pts")
        #expect(Margin.absolute(2).describe(unit: .count, decimals: 0) == "2")
        #expect(Margin.relative(0.05).amount(relativeTo: -200) == 10)
        #expect(Margin.absolute(3).amount(relativeTo: 1000) == 3)
    }

    @Test("a margin of zero is written as zero, not with its first digit cut off")
    func zeroMargin() {
        #expect(Margin.absolute(0).describe(unit: .percent, decimals: 1) == "0.0 pts")
        #expect(Margin.absolute(0).describe(unit: .count, decimals: 0) == "0")
    }
}
