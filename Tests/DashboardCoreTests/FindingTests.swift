import Testing

@testable import DashboardCore

/// The finding in words: each judgement said with what it is judged against, for every polarity, for counts,
/// percentages and rates, and where there is no previous figure, a gap or a break.
@Suite("Findings in words")
struct FindingTests {
    func analyse(_ definition: IndicatorDefinition, _ observations: [Observation]) -> IndicatorAnalysis {
        let dashboard = DashboardDefinition(id: "d", title: "D", organisation: "O", indicators: [definition], location: at())
        return Analysis.indicator(definition, in: Dashboard(definition: dashboard, series: [definition.id: observations]), asOf: nil)
    }

    func finding(_ definition: IndicatorDefinition, _ observations: [Observation]) -> String {
        Finding.sentence(analyse(definition, observations))
    }

    func counted(_ text: String, _ value: Double, _ x: Double, of n: Double) -> Observation {
        var result = observation(text, value, decimals: 1, numerator: x, denominator: n)
        result.countsForm = .of
        return result
    }

    func england(_ figure: Double, _ definition: IndicatorDefinition, at text: String) -> IndicatorDefinition {
        var definition = definition
        definition.comparators = [Comparator(name: "England", figures: [period(text): ComparatorFigure(value: figure, location: at())], location: at())]
        return definition
    }

    @Test("a count rising where low is good: worse than the month before, both figures, the target missed with its status")
    func worseCountMissingTarget() {
        let text = finding(indicator("cases", polarity: .low, target: 40), [observation("June 2020", 36), observation("July 2020", 50)])
        #expect(text == "Worse than June 2020: 50 in July 2020, up from 36. Misses the target of 40 (Red).")
    }

    @Test("the same rise where high is good is better and meets the target; without polarity it is only higher")
    func polarity() {
        let figures = [observation("June 2020", 36), observation("July 2020", 50)]
        #expect(finding(indicator("cases", polarity: .high, target: 40), figures) == "Better than June 2020: 50 in July 2020, up from 36. Meets the target of 40 (Green).")
        #expect(finding(indicator("cases", target: 40), figures) == "Higher than June 2020: 50 in July 2020, up from 36. Above the target of 40.")
        let fall = [observation("June 2020", 50), observation("July 2020", 36)]
        #expect(finding(indicator("cases", polarity: .high), fall) == "Worse than June 2020: 36 in July 2020, down from 50.")
        #expect(finding(indicator("cases"), fall) == "Lower than June 2020: 36 in July 2020, down from 50.")
        #expect(finding(indicator("cases"), [observation("June 2020", 50), observation("July 2020", 50)]) == "The same as June 2020: 50 in July 2020, the same as then.")
        // Within the similar band (2% of 500): similar, with both figures.
        #expect(
            finding(indicator("cases", polarity: .low), [observation("June 2020", 500), observation("July 2020", 505)]) == "Similar to June 2020: 505 in July 2020, up from 500.")
    }

    @Test("4 of 18 after 3 of 17 where low is good: worse, could be chance; similar to England at 95%, printed as counted")
    func percentageWithCounts() {
        let definition = england(10, indicator("repeat", unit: .percent, polarity: .low), at: "2020/21 Q1")
        let text = finding(definition, [counted("2019/20 Q4", 17.6, 3, of: 17), counted("2020/21 Q1", 22.2, 4, of: 18)])
        #expect(
            text
                == "Worse than 2019/20 Q4: 4 of 18 (22.2%) in 2020/21 Q1, up from 3 of 17 (17.6%), though the change could be chance (95% confidence). Similar to England (10.0%), at 95% confidence."
        )
    }

    @Test("a large rise in a large percentage is beyond chance; a small one within the similar band can still be")
    func beyondChance() {
        let definition = england(90, indicator("reviews", unit: .percent, polarity: .high), at: "2020/21 Q1")
        let rise = finding(definition, [counted("2019/20 Q4", 45.0, 450, of: 1000), counted("2020/21 Q1", 94.9, 949, of: 1000)])
        #expect(rise.hasPrefix("Better than 2019/20 Q4: 949 of 1,000 (94.9%) in 2020/21 Q1, up from 450 of 1,000 (45.0%), a change beyond chance (95% confidence)."))
        #expect(rise.hasSuffix("Better than England (90.0%), at 95% confidence."))
        let small = finding(
            indicator("reviews", unit: .percent, polarity: .high),
            [counted("2019/20 Q4", 50.0, 50000, of: 100000), counted("2020/21 Q1", 50.9, 50900, of: 100000)])
        #expect(small == "Similar to 2019/20 Q4: 50,900 of 100,000 (50.9%) in 2020/21 Q1, up from 50,000 of 100,000 (50.0%); a small change, but beyond chance (95% confidence).")
    }

    @Test("comparators without counts: which side, grouped by judgement, said as untested")
    func untestedComparators() {
        var definition = indicator("timely", unit: .percent, polarity: .high)
        definition.comparators = [
            Comparator(name: "East Midlands", figures: [period("2020"): ComparatorFigure(value: 67.8, location: at())], location: at()),
            Comparator(name: "England", figures: [period("2020"): ComparatorFigure(value: 58.7, location: at())], location: at()),
            Comparator(name: "Neighbours", figures: [period("2020"): ComparatorFigure(value: 95, location: at())], location: at()),
        ]
        let text = finding(definition, [observation("2019", 98.1, decimals: 1), observation("2020", 92)])
        #expect(
            text
                == "Worse than 2019: 92% in 2020, down from 98.1%. Better than East Midlands (67.8%) and England (58.7%), worse than Neighbours (95.0%), none tested for chance (no counts)."
        )
    }

    @Test("nothing to compare with: the first figure, a gap before, the latest period a gap")
    func nothingToCompare() {
        #expect(finding(indicator("cases", polarity: .low), [observation("July 2020", 50)]) == "50 in July 2020; there is no earlier figure to compare it with.")
        let afterGap = finding(indicator("cases", polarity: .low), [observation("May 2020", 30), observation("June 2020", nil), observation("July 2020", 50)])
        #expect(afterGap == "50 in July 2020; not compared with an earlier figure: June 2020 is a gap (break in data).")
        let gapLast = finding(indicator("cases", polarity: .low), [observation("June 2020", 36), observation("July 2020", 50), observation("August 2020", nil)])
        #expect(gapLast == "Worse than June 2020: 50 in July 2020, up from 36; August 2020 is a gap (break in data).")
    }

    @Test("compared past a gap or with a year earlier: the period compared with is the one named")
    func otherBases() {
        var definition = indicator("cases", polarity: .low)
        definition.compareWith = .latestAvailable
        let figures = [observation("May 2020", 30), observation("June 2020", nil), observation("July 2020", 50)]
        #expect(finding(definition, figures) == "Worse than May 2020: 50 in July 2020, up from 30.")
        definition.compareWith = .samePeriodLastYear
        let yearly = [observation("July 2019", 60), observation("June 2020", 45), observation("July 2020", 50)]
        #expect(finding(definition, yearly) == "Better than July 2019: 50 in July 2020, down from 60.")
    }

    @Test("a direction only the paper states: its word where it says more, and that the earlier figure is not in the data")
    func statedDirection() {
        var definition = indicator("neet", unit: .percent, polarity: .low)
        definition.reported[period("2020/21 Q1")] = Reported(direction: .higher, location: at())
        #expect(
            finding(definition, [observation("2020/21 Q1", 2.8, decimals: 1)])
                == "Worse, as the paper reports it (\"higher\"): 2.8% in 2020/21 Q1; the earlier figure is not in the data.")
        definition.reported[period("2020/21 Q1")] = Reported(direction: .similar, location: at())
        #expect(finding(definition, [observation("2020/21 Q1", 2.8, decimals: 1)]).hasPrefix("Similar, as the paper reports it: 2.8%"))
    }

    @Test("the paper's word against its figures: 161 then 172 complaints called a reduction")
    func paperContradicts() {
        var definition = indicator("complaints", polarity: .low)
        definition.reported[period("2020/21")] = Reported(direction: .lower, location: at())
        let text = finding(definition, [observation("2019/20", 161), observation("2020/21", 172)])
        #expect(text == "Worse than 2019/20: 172 in 2020/21, up from 161. The paper says \"lower\", but its figures say worse.")
    }

    @Test("an SPC signal is said against the process since the start of its stretch, or since a break")
    func spcSignal() {
        // 20 months alternating 10 and 12, then 30: outside the limits, a concern where low is good.
        let values: [Double?] = (0..<20).map { Double($0 % 2 == 0 ? 10 : 12) } + [30]
        let text = finding(indicator("cases", polarity: .low), monthly(from: "January 2019", values))
        #expect(
            text
                == "Worse than August 2020: 30 in September 2020, up from 12. Statistical process control shows special cause concern (higher), against the process since January 2019."
        )
        // A break in data: the stretch since it is what the signal is judged against.
        let broken: [Double?] = (0..<14).map { Double($0 % 2 == 0 ? 40 : 42) } + [nil] + (0..<14).map { Double($0 % 2 == 0 ? 10 : 12) } + [30]
        let since = finding(indicator("cases", polarity: .low), monthly(from: "January 2019", broken))
        #expect(since.hasSuffix("Statistical process control shows special cause concern (higher), against the process since the break in data in March 2020."))
        // Common cause variation adds nothing to the direction.
        let common = finding(indicator("cases", polarity: .low), monthly(from: "January 2019", (0..<21).map { Double($0 % 2 == 0 ? 10 : 12) }))
        #expect(!common.contains("process control"))
    }

    @Test("a rate with its events and population: Byar's interval against the comparator")
    func rate() {
        var definition = england(30, indicator("rate", unit: .rate, polarity: .low), at: "2020/21")
        definition.decimals = 1
        let latest = observation("2020/21", 45.0, decimals: 1, numerator: 90, denominator: 20000)
        let text = finding(definition, [observation("2019/20", 44.5, decimals: 1, numerator: 89, denominator: 20000), latest])
        #expect(text.hasPrefix("Similar to 2019/20: 45.0 in 2020/21, up from 44.5."))
        #expect(text.hasSuffix("Worse than England (30.0), at 95% confidence."))
    }

    @Test("no figure yet")
    func noFigure() {
        #expect(finding(indicator("cases"), [observation("July 2020", nil)]) == "No figure yet.")
    }
}
