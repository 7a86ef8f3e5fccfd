import Testing

@testable import DashboardCore

/// Targets set per financial year apply to the year's quarters, months and year to date; a year with periods
/// missing is never totalled.
@Suite("Targets by year and years not totalled")
struct TargetsAndYearTests {
    func cpReviews() -> IndicatorDefinition {
        var definition = indicator("cp-reviews-in-timescale", unit: .percent, polarity: .high)
        definition.targets = [period("2019/20"): 97, period("2020/21"): 98]
        definition.targetLocations = [period("2019/20"): at("dashboard.yml", 12, 7), period("2020/21"): at("dashboard.yml", 13, 7)]
        return definition
    }

    func dashboard(_ definition: IndicatorDefinition, _ observations: [Observation]) -> Dashboard {
        Dashboard(
            definition: DashboardDefinition(id: "d", title: "D", organisation: "O", indicators: [definition], location: at()),
            series: [definition.id: observations])
    }

    @Test("a financial year's target applies to its quarters, months and year to date")
    func targetForPeriodsInYear() {
        let definition = cpReviews()
        #expect(definition.target(for: period("2019/20 Q4")) == 97)
        #expect(definition.target(for: period("2020/21 Q1")) == 98)
        #expect(definition.target(for: period("May 2020")) == 98)
        #expect(definition.target(for: period("2020/21 YTD")) == 98)
        #expect(definition.target(for: period("2021/22 Q1")) == nil)
    }

    @Test("on quarterly data the year's target gives the RAG status: 94.9% (1074) against 98% is amber")
    func quarterlyRAG() {
        let definition = cpReviews()
        let figures = [observation("2019/20 Q4", 96.1, decimals: 1), observation("2020/21 Q1", 94.9, decimals: 1, numerator: 1074)]
        let analysis = Analysis.indicator(definition, in: dashboard(definition, figures), asOf: nil)
        #expect(analysis.target == 98)
        #expect(analysis.rag?.status == .amber)
        #expect(analysis.seriesTargets == [97, 98])
    }

    @Test("a target key that matches no figure is a warning at the key")
    func unmatchedKey() {
        var definition = cpReviews()
        definition.targets[period("2021/22")] = 99
        definition.targetLocations[period("2021/22")] = at("dashboard.yml", 14, 7)
        let figures = [observation("2019/20 Q4", 96.1, decimals: 1), observation("2020/21 Q1", 94.9, decimals: 1)]
        let warnings = ConsistencyChecks.check(dashboard(definition, figures)).warnings
        #expect(
            warnings.map(\.message) == ["the target for 2021/22 matches no figure of cp-reviews-in-timescale (the figures run from 2019/20 Q4 to 2020/21 Q1); is the period right?"]
        )
        #expect(warnings.first?.location == at("dashboard.yml", 14, 7))
    }

    @Test("per-year targets are read from dashboard.yml with their keys' places")
    func decoded() {
        var diagnostics = Diagnostics()
        let node = yaml([
            "title": s("CP reviews"), "unit": s("percent"), "polarity": s("high"),
            "target": YAML.map([("2019/20", s("97%")), ("2020/21", s("98%"))], line: 20),
        ])
        let definition = DashboardDecoder.decodeIndicator(
            ConfigEntry(key: "cp-reviews-in-timescale", keyLocation: at("dashboard.yml", 1, 1), value: node),
            diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(definition?.target(for: period("2020/21 Q2")) == 98)
        #expect(definition?.targetLocations[period("2020/21")] == at("dashboard.yml", 21, 3))
    }

    @Test("a year with quarters missing is not totalled, and says which")
    func missingQuarters() throws {
        let count = indicator("early-help-assessments", unit: .count)
        let figures = [observation("2019/20 Q1", 551), observation("2019/20 Q3", 326), observation("2020/21 Q1", 500)]
        let ytd = YearToDateRules.figures(for: count, in: figures)
        let year = try #require(ytd.first { $0.period == period("2019/20 YTD") })
        #expect(year.computed == nil)
        #expect(year.value == nil)
        #expect(year.reason == "not totalled: 2019/20 Q2 and Q4 missing")
        // The year in progress to Q1 is totalled.
        #expect(ytd.first { $0.period == period("2020/21 YTD") }?.computed == 500)
    }

    @Test("a year with quarters missing shows the published year-to-date figure when there is one")
    func missingWithPublished() throws {
        let count = indicator("early-help-assessments", unit: .count)
        let figures = [
            observation("2019/20 Q1", 551), observation("2019/20 Q2", 431), observation("2019/20 Q3", 326),
            observation("2019/20 YTD", 1703), observation("2020/21 Q1", 500),
        ]
        let year = try #require(YearToDateRules.figures(for: count, in: figures).first { $0.period == period("2019/20 YTD") })
        #expect(year.computed == nil)
        #expect(year.value == 1703)
        #expect(year.reason == "not totalled: 2019/20 Q4 missing")
    }

    @Test("months before the service began are not missing (CFWS began in May 2019)")
    func serviceStart() throws {
        let count = indicator("x", unit: .count)
        let figures = monthly(from: "May-19", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        let year = try #require(YearToDateRules.figures(for: count, in: figures).first { $0.period == period("2019/20 YTD") })
        #expect(year.missing.isEmpty)
        #expect(year.computed == 66)
    }
}
