import Testing

@testable import DashboardCore

/// Intervals and Fingertips' comparison through the analysis: the examples of issue 24 (4 of 18 against England's
/// 10%; 1,074 of 1,132 against 90.0%), the level, and "not tested" without counts.
@Suite("Significance in the analysis")
struct SignificanceTests {
    func analyse(
        _ definition: IndicatorDefinition, _ observations: [Observation], level: ConfidenceLevel? = nil
    ) -> IndicatorAnalysis {
        var dashboard = DashboardDefinition(id: "d", title: "D", organisation: "O", indicators: [definition], location: at())
        dashboard.significanceLevel = level?.percent
        return Analysis.indicator(definition, in: Dashboard(definition: dashboard, series: [definition.id: observations]), asOf: nil)
    }

    func percentage(england: Double, polarity: Polarity = .low) -> IndicatorDefinition {
        var definition = indicator("repeat-referrals", unit: .percent, polarity: polarity)
        definition.comparators = [
            Comparator(name: "England", figures: [period("2020/21 Q1"): ComparatorFigure(value: england, location: at())], location: at())
        ]
        return definition
    }

    @Test("4 of 18 (22.2%) against England's 10.0%: similar (Wilson 9.0% to 45.2%), with a small-numbers caution")
    func smallAndSimilar() throws {
        let analysis = analyse(
            percentage(england: 10), [observation("2020/21 Q1", 22.2, decimals: 1, numerator: 4, denominator: 18)])
        let significance = try #require(analysis.significance)
        #expect(significance.method == .wilson)
        #expect(abs(significance.interval.lower - 9.000928108601693) < 1e-9)
        #expect(abs(significance.interval.upper - 45.21458431621262) < 1e-9)
        #expect(significance.smallNumbers)
        #expect(significance.comparisons.map(\.sentence) == ["similar to England (95% confidence)"])
        #expect(significance.comparisons.map(\.short) == ["similar to England, 95%"])
        #expect(
            significance.describe(unit: .percent, decimals: 1) == "9.0% to 45.2% (95% confidence interval, Wilson score interval of 4 of 18)")
    }

    @Test("1,074 of 1,132 (94.9%) against 90.0% where high is good: better (93.4% to 96.0%)")
    func largeAndBetter() throws {
        let analysis = analyse(
            percentage(england: 90, polarity: .high), [observation("2020/21 Q1", 94.9, decimals: 1, numerator: 1074, denominator: 1132)])
        let significance = try #require(analysis.significance)
        #expect(abs(significance.interval.lower - 93.43339093163374) < 1e-9)
        #expect(abs(significance.interval.upper - 96.0157123837954) < 1e-9)
        #expect(!significance.smallNumbers)
        #expect(significance.comparisons.map(\.sentence) == ["better than England (95% confidence)"])
        // Without polarity the same is only higher.
        let none = analyse(
            percentage(england: 90, polarity: .none), [observation("2020/21 Q1", 94.9, decimals: 1, numerator: 1074, denominator: 1132)])
        #expect(none.significance?.comparisons.map(\.sentence) == ["higher than England (95% confidence)"])
    }

    @Test("65 of 100 against 50%: higher at 95%, similar at 99.8% (significance: {level: 99.8})")
    func level() throws {
        let figures = [observation("2020/21 Q1", 65, numerator: 65, denominator: 100)]
        #expect(analyse(percentage(england: 50, polarity: .none), figures).significance?.comparisons.first?.placement == .higher)
        let strict = analyse(percentage(england: 50, polarity: .none), figures, level: .ninetyNinePointEight)
        #expect(strict.significanceLevel == .ninetyNinePointEight)
        #expect(strict.significance?.comparisons.map(\.sentence) == ["similar to England (99.8% confidence)"])
        // An indicator's own level wins over the dashboard's.
        var own = percentage(england: 50, polarity: .none)
        own.significanceLevel = 95
        #expect(analyse(own, figures, level: .ninetyNinePointEight).significanceLevel == .ninetyFive)
    }

    @Test("a change from the previous figure: Newcombe's interval; similar when it contains 0")
    func change() throws {
        let figures = [
            observation("2019/20 Q4", 22.2, decimals: 1, numerator: 4, denominator: 18),
            observation("2020/21 Q1", 33.3, decimals: 1, numerator: 6, denominator: 18),
        ]
        let test = try #require(analyse(percentage(england: 10), figures).significance?.change)
        #expect(test.placement == .similar && test.word == "similar")
        #expect(test.difference.lower < 0 && test.difference.upper > 0)
        let large = [
            observation("2019/20 Q4", 45, numerator: 45, denominator: 100), observation("2020/21 Q1", 65, numerator: 65, denominator: 100),
        ]
        let rise = try #require(analyse(percentage(england: 10, polarity: .high), large).significance?.change)
        #expect(rise.word == "better")
        #expect(abs(rise.difference.lower - 6.210741639555559) < 1e-9)
    }

    @Test("a percentage without counts is not tested")
    func noCounts() {
        let analysis = analyse(percentage(england: 10), [observation("2020/21 Q1", 22.2, decimals: 1)])
        #expect(analysis.significance == nil)
        #expect(Significance.notTested == "not tested: no counts")
    }

    @Test("a count takes Byar's interval; a rate per 10,000 its events' interval scaled by population")
    func countsAndRates() throws {
        let count = analyse(indicator("referrals"), [observation("2020/21 Q1", 65)])
        let interval = try #require(count.significance?.interval)
        #expect(abs(interval.lower - 50.163187710459454) < 1e-9 && abs(interval.upper - 82.849138545939837) < 1e-9)
        // 65 children of 100,000 per 10,000: 6.5, interval 5.016 to 8.285.
        let rate = analyse(indicator("rate", unit: .rate), [observation("2020/21 Q1", 6.5, decimals: 1, numerator: 65, denominator: 100_000)])
        let rateInterval = try #require(rate.significance?.interval)
        #expect(abs(rateInterval.lower - 5.0163187710459454) < 1e-9)
    }

    @Test("significance: {level: 99.8} is read; another level is an error")
    func decoded() {
        var diagnostics = Diagnostics()
        let node = yaml(["title": s("Repeat referrals"), "unit": s("percent"), "polarity": s("low"), "significance": yaml(["level": s("99.8")])])
        let definition = DashboardDecoder.decodeIndicator(
            ConfigEntry(key: "repeat", keyLocation: at("dashboard.yml", 1, 1), value: node), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(definition?.significanceLevel == 99.8)
        var bad = Diagnostics()
        let wrong = yaml(["title": s("Repeat referrals"), "unit": s("percent"), "polarity": s("low"), "significance": yaml(["level": s("90")])])
        _ = DashboardDecoder.decodeIndicator(ConfigEntry(key: "repeat", keyLocation: at("dashboard.yml", 1, 1), value: wrong), diagnostics: &bad)
        #expect(!bad.isEmpty)
    }
}
