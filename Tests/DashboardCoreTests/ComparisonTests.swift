import Testing

@testable import DashboardCore

/// "Compared with previous" never jumps silently over a gap or a missing period.
@Suite("Comparisons with the previous period")
struct ComparisonTests {
    func dashboard(_ definition: IndicatorDefinition, _ observations: [Observation]) -> Dashboard {
        Dashboard(
            definition: DashboardDefinition(id: "d", title: "D", organisation: "O", indicators: [definition], location: at()),
            series: [definition.id: observations])
    }

    func analyse(_ definition: IndicatorDefinition, _ observations: [Observation]) -> IndicatorAnalysis {
        Analysis.indicator(definition, in: dashboard(definition, observations), asOf: nil)
    }

    @Test("a missing quarter is said, not skipped: no 2020/21 Q2 figure")
    func missingQuarter() {
        let neet = indicator("neet-16-17", unit: .percent, polarity: .low)
        let analysis = analyse(neet, [observation("2020/21 Q1", 2.9, decimals: 1), observation("2020/21 Q3", 2.4, decimals: 1)])
        #expect(analysis.change == nil)
        #expect(analysis.direction == nil)
        #expect(analysis.comparison?.note == "no 2020/21 Q2 figure")
    }

    @Test("a gap in the quarter before is said with its reason")
    func gapQuarter() {
        let neet = indicator("neet-16-17", unit: .percent, polarity: .low)
        let analysis = analyse(
            neet,
            [
                observation("2020/21 Q1", 2.9, decimals: 1), observation("2020/21 Q2", nil, gap: .suppressed),
                observation("2020/21 Q3", 2.4, decimals: 1),
            ])
        #expect(analysis.change == nil)
        #expect(analysis.comparison?.note == "2020/21 Q2 is a gap (suppressed (small numbers))")
    }

    @Test("compare_with: latest_available compares with the latest earlier figure and names it")
    func latestAvailable() {
        var neet = indicator("neet-16-17", unit: .percent, polarity: .low)
        neet.compareWith = .latestAvailable
        let analysis = analyse(neet, [observation("2020/21 Q1", 2.9, decimals: 1), observation("2020/21 Q3", 2.4, decimals: 1)])
        #expect(analysis.change?.fromPeriod == period("2020/21 Q1"))
        #expect(analysis.direction?.direction == .better)
        #expect(analysis.comparison?.note == "compared with 2020/21 Q1, the latest available: no 2020/21 Q2 figure")
        #expect(analysis.comparison?.isImmediatelyPrevious == false)
    }

    @Test("compare_with: same_period_last_year compares a quarter with the same quarter a year before")
    func samePeriodLastYear() {
        var neet = indicator("neet-16-17", unit: .percent, polarity: .low)
        neet.compareWith = .samePeriodLastYear
        let analysis = analyse(
            neet,
            [
                observation("2019/20 Q1", 2.0, decimals: 1), observation("2019/20 Q4", 2.6, decimals: 1),
                observation("2020/21 Q1", 2.8, decimals: 1),
            ])
        #expect(analysis.change?.fromPeriod == period("2019/20 Q1"))
        #expect(analysis.direction?.direction == .worse)
        let missing = analyse(neet, [observation("2019/20 Q4", 2.6, decimals: 1), observation("2020/21 Q1", 2.8, decimals: 1)])
        #expect(missing.change == nil)
        #expect(missing.comparison?.note == "no 2019/20 Q1 figure (the same period last year)")
    }

    @Test("a rolling 12 months is compared with the 12 months a year before, not the overlapping window")
    func rollingWindow() {
        let rate = indicator("reoffending-rate", unit: .rate, polarity: .low)
        let figures = [
            observation("Oct 19 – Sep 20", 0.51, decimals: 2), observation("Jan 20 – Dec 20", 0.40, decimals: 2),
            observation("Jul 20 – Jun 21", 0.45, decimals: 2), observation("Oct 20 – Sep 21", 0.47, decimals: 2),
        ]
        let analysis = analyse(rate, figures)
        #expect(analysis.change?.fromPeriod == period("Oct 19 – Sep 20"))
        #expect(analysis.series.count == 4)
        var latest = rate
        latest.compareWith = .latestAvailable
        #expect(analyse(latest, figures).change?.fromPeriod == period("Jul 20 – Jun 21"))
        #expect(analyse(latest, figures).comparison?.note == "compared with Jul 20 – Jun 21, the latest available")
    }

    @Test("a 3-month range is not compared with a 12-month one: they are different kinds")
    func kindsApart() {
        let count = indicator("custody", unit: .count, polarity: .low)
        let analysis = analyse(
            count,
            [
                observation("Oct 19 – Sep 20", 12), observation("Jul 20 – Sep 20", 2), observation("Oct 20 – Sep 21", 10),
                observation("Jul 21 – Jun 22", 9),
            ])
        #expect(analysis.series.map(\.period) == [period("Oct 19 – Sep 20"), period("Oct 20 – Sep 21"), period("Jul 21 – Jun 22")])
        #expect(analysis.change == nil)
        #expect(analysis.comparison?.note == "no Jul 2020 – Jun 2021 figure")
    }

    @Test("censuses taken once a year are compared with the census a year before")
    func annualCensus() {
        let ehcp = indicator("mainstream-ehcp", unit: .count)
        let analysis = analyse(ehcp, [observation("Spring Census 2019", 1750), observation("Spring Census 2020", 1906)])
        #expect(analysis.change?.fromPeriod == period("Spring Census 2019"))
        #expect(analysis.direction?.direction == .higher)
        // The period compared with is named as the paper wrote it.
        #expect(
            analysis.direction?.sentence(unit: .count, decimals: 0, polarity: .none)
                == "Higher: +156 (+8.9%) on Spring Census 2019 (no polarity: information only)")
    }

    @Test("termly figures are compared with the term before")
    func terms() {
        let absence = indicator("persistent-absence", unit: .percent, polarity: .low)
        let analysis = analyse(absence, [observation("autumn term 2019", 11.2, decimals: 1), observation("Spring term 2020", 12.0, decimals: 1)])
        #expect(analysis.change?.fromPeriod == period("autumn term 2019"))
    }

    @Test("annual snapshots kept as months compare with the same month a year before (the SEN2 local table)")
    func yearlyMonths() {
        let total = indicator("ehcp-local-total", unit: .count)
        let analysis = analyse(total, [observation("2019-08", 4566), observation("2020-08", 5039)])
        #expect(analysis.change?.fromPeriod == period("2019-08"))
        #expect(analysis.comparison?.note == nil)
    }

    @Test("a stated direction the figures cannot confirm warns; one on a different basis warns and is kept")
    func statedUnconfirmed() {
        var neet = indicator("neet-16-17", unit: .percent, polarity: .low)
        neet.reported[period("2020/21 Q3")] = Reported(direction: .lower, location: at("dashboard.yml", 9, 7))
        let figures = [observation("2020/21 Q1", 2.9, decimals: 1), observation("2020/21 Q3", 2.4, decimals: 1)]
        let warnings = ConsistencyChecks.check(dashboard(neet, figures)).warnings
        #expect(warnings.map(\.message) == ["neet-16-17 2020/21 Q3 is reported as 'lower', which the figures cannot confirm: no 2020/21 Q2 figure; the page shows it as reported"])
        #expect(warnings.first?.location == at("dashboard.yml", 9, 7))
        #expect(analyse(neet, figures).direction?.direction == .better)

        neet.compareWith = .latestAvailable
        let other = ConsistencyChecks.check(dashboard(neet, figures)).warnings
        #expect(
            other.map(\.message) == [
                "neet-16-17 2020/21 Q3 is reported as 'lower', but the figures compare with 2020/21 Q1 (compared with 2020/21 Q1, the latest available: no 2020/21 Q2 figure), which makes it better (2.9% then 2.4%); the page shows both"
            ])
        let analysis = analyse(neet, figures)
        #expect(analysis.direction?.direction == .better)
        #expect(analysis.reportedDirection?.direction == .better)
    }

    @Test("compare_with is read from dashboard.yml and checked")
    func decoded() {
        var diagnostics = Diagnostics()
        let node = yaml(["title": s("NEET"), "unit": s("percent"), "polarity": s("low"), "compare_with": s("latest_availabel")])
        _ = DashboardDecoder.decodeIndicator(ConfigEntry(key: "neet", keyLocation: at("dashboard.yml", 1, 1), value: node), diagnostics: &diagnostics)
        #expect(diagnostics.errors.first?.message.hasPrefix("'latest_availabel' is not a valid compare_with") == true)
    }
}
