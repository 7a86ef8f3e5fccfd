import Testing

@testable import DashboardCore

@Suite("Indicator analysis and the KPI dashboard overview")
struct AnalysisTests {
    // MARK: The KPI dashboard, Quarter 1 2020/21

    static func kpiDashboard() throws -> (DashboardAnalysis, Diagnostics) {
        let (dashboard, diagnostics) = try exampleDashboard("children-and-families")
        return (Analysis.dashboard(dashboard), diagnostics)
    }

    @Test("the KPI dashboard's figures read cleanly and it stands at 2020/21 Q1")
    func kpiReads() throws {
        let (analysis, diagnostics) = try Self.kpiDashboard()
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
        #expect(analysis.asOf == period("2020/21 Q1"))
        #expect(analysis.indicators.count == 25)
        #expect(analysis.indicators.allSatisfy { $0.latest != nil })
    }

    @Test("the overview of the 25 rows in the paper's excerpt")
    func kpiOverview() throws {
        let (analysis, _) = try Self.kpiDashboard()
        let overview = analysis.overview
        // The report's own paragraph says "From 27 measures that have been reported, 9 have improved, 5 show no
        // significant change and seven have declined. In addition to this, 6 indicators provide information only with
        // no polarity." Its Appendix A excerpt has 25 rows: the two measures it counts beyond them both improved and
        // are not in the excerpt, so the excerpt gives 25 measures and 7 improved; the other counts agree.
        #expect(overview.reported == 25)
        #expect(overview.improved == 7)
        #expect(overview.similar == 5)
        #expect(overview.declined == 7)
        #expect(overview.noPolarity == 6)
        #expect(overview.notCompared == 0)
        // "From 15 measures that have a national benchmark, four are in the top quartile, five are in the second
        // quartile, three are in the third quartile and three are in the fourth quartile."
        #expect(overview.benchmarked == 15)
        #expect(overview.quartiles == [4, 5, 3, 3])
        // Statuses as published: A, R, R, A, G, G, R, A, G, A, A, A, G, G, A.
        #expect(overview.green == 5)
        #expect(overview.amber == 7)
        #expect(overview.red == 3)
        #expect(overview.specialImprovement == 0 && overview.specialConcern == 0)
    }

    @Test("the overview's sentences, in the paper's words")
    func kpiSentences() throws {
        let (analysis, _) = try Self.kpiDashboard()
        #expect(
            analysis.overview.sentences == [
                "From 25 measures reported, 7 have improved, 5 are similar to the previous figure and 7 have declined; 6 provide information only with no polarity.",
                "From 15 measures with a national benchmark, 4 are in the top quartile, 5 are in the second, 3 are in the third and 3 are in the fourth.",
                "RAG status: 5 green, 7 amber, 3 red and 2 NA.",
            ])
        #expect(analysis.overview.paragraph.hasPrefix("From 25 measures reported, 7 have improved, "))
    }

    @Test(
        "each row's 'compared to previous', judged by polarity",
        arguments: [
            ("cp-reviews-in-timescale", Direction.better),  // Better
            ("cp-plan-second-time", .worse),  // Higher (low is good)
            ("re-referrals-12-months", .worse),  // Higher (low is good)
            ("single-assessments-45-days", .worse),  // Lower (high is good)
            ("cp-plans-2-years", .similar),  // Similar
            ("placements-3-or-more", .better),  // Lower (low is good)
            ("placements-2-years-stable", .worse),  // Lower (high is good)
            ("care-leavers-suitable-accommodation", .worse),  // Lower (high is good)
            ("care-leavers-eet", .better),  // Higher (high is good)
            ("cic-dental-checks", .worse),  // Lower
            ("cic-health-assessments", .similar),  // Similar
            ("cfws-individuals-quarter", .higher),  // Higher, no polarity
            ("first-time-entrants", .higher),  // Higher (no polarity)
            ("reoffending-rate", .better),  // Better
            ("custody-instances", .similar),  // Similar
            ("secondary-schools-good", .similar),  // Same
            ("neet-16-17", .worse),  // Higher (low is good)
        ])
    func kpiDirections(id: String, expected: Direction) throws {
        let (analysis, _) = try Self.kpiDashboard()
        let row = try #require(analysis.analysis(id))
        #expect(row.direction?.direction == expected)
        #expect(row.change == nil)  // the previous figure is not in the data: the paper's word is used
        guard case .stated? = row.direction?.basis else {
            Issue.record("\(id) should be judged as stated")
            return
        }
    }

    @Test("a stated RAG is shown, with the status the rules give kept beside it")
    func statedRAG() throws {
        let (analysis, _) = try Self.kpiDashboard()
        // CP plans lasting 2 years or more: 0.3% (2), Similar, target 1.7%, G, quartile 2.
        let cpPlans = try #require(analysis.analysis("cp-plans-2-years")?.rag)
        #expect(cpPlans.status.outcome == .green && cpPlans.status.name == "Green")
        #expect(cpPlans.method == .stated)
        #expect(cpPlans.rule == "as reported for 2020/21 Q1")
        #expect(cpPlans.computed?.status.outcome == .amber)
        #expect(
            cpPlans.computed?.rule
                == "second quartile with no significant change; the position within the quartile is not given, so room for improvement")
        // CP reviews: the paper's A agrees with the quartile key's amber.
        let cpReviews = try #require(analysis.analysis("cp-reviews-in-timescale")?.rag)
        #expect(cpReviews.status.name == "Amber" && cpReviews.computed?.status == cpReviews.status)
        // First preference, primary: top quartile, G both ways.
        #expect(analysis.analysis("primary-first-preference")?.rag?.computed?.status.outcome == .green)
        // No target and no benchmark: the rules give no status; the paper's "n/a" is the key's NA, as stated.
        let dental = try #require(analysis.analysis("cic-dental-checks")?.rag)
        #expect(dental.status.name == "NA" && dental.status.outcome == nil && dental.computed == nil)
        #expect(analysis.analysis("elective-home-education")?.rag == nil)
    }

    @Test("current figures as the paper prints them, and the statistical-neighbour gap")
    func kpiFigures() throws {
        let (analysis, _) = try Self.kpiDashboard()
        let cpReviews = try #require(analysis.analysis("cp-reviews-in-timescale"))
        #expect(cpReviews.format(cpReviews.latest!) == "94.9% (1,074)")
        #expect(cpReviews.target == 97.0)
        let neighbours = try #require(cpReviews.comparisons.first)
        #expect(neighbours.kind == .statisticalNeighbours)
        #expect(Formatting.number(neighbours.gap, decimals: 1) == "4.1")  // 94.9 − 90.8
        #expect(neighbours.better == true)
        #expect(analysis.analysis("re-referrals-12-months").map { $0.format($0.latest!) } == "26% (312)")
        #expect(analysis.analysis("cfws-individuals-quarter").map { $0.format($0.latest!) } == "3,622")
        #expect(analysis.analysis("reoffending-rate").map { $0.format($0.latest!) } == "0.51")
        #expect(analysis.analysis("early-education-take-up").map { $0.format($0.latest!) } == "93.0%")
        // NEET 2.8% against neighbours' 2.8%: level, so neither better nor worse.
        #expect(analysis.analysis("neet-16-17")?.comparisons.first?.better == nil)
    }

    // MARK: Overview counting and sentences

    @Test("overview sentences in the singular, with measures not compared, and with only information measures")
    func overviewSentences() {
        #expect(Overview().sentences == ["No measures have figures for this period."])
        var one = Overview()
        one.reported = 1
        one.improved = 1
        #expect(one.sentences == ["From 1 measure reported, 1 has improved, 0 are similar to the previous figure and 0 have declined."])
        var mixed = Overview()
        mixed.reported = 5
        mixed.similar = 1
        mixed.declined = 1
        mixed.notCompared = 2
        mixed.noPolarity = 1
        mixed.benchmarked = 1
        mixed.quartiles = [0, 1, 0, 0]
        mixed.specialImprovement = 1
        #expect(
            mixed.sentences == [
                "From 5 measures reported, 0 have improved, 1 is similar to the previous figure, 1 has declined and 2 have no earlier figure to compare with; 1 provides information only with no polarity.",
                "From 1 measure with a national benchmark, 0 are in the top quartile, 1 is in the second, 0 are in the third and 0 are in the fourth.",
                "Statistical process control shows special cause improvement in 1 and concern in 0.",
            ])
        var informationOnly = Overview()
        informationOnly.reported = 3
        informationOnly.noPolarity = 3
        #expect(informationOnly.sentences == ["From 3 measures reported, 3 provide information only with no polarity."])
    }

    // MARK: SEN2, with benchmarks

    static func sen2() throws -> DashboardAnalysis {
        let (dashboard, diagnostics) = try exampleDashboard("send")
        #expect(diagnostics.isEmpty)
        return Analysis.dashboard(dashboard)
    }

    @Test("SEN2 total plans: +529 (+12.5%), against +10.2% nationally and +9.5% in the region")
    func sen2Total() throws {
        let total = try #require(try Self.sen2().analysis("ehcp-total"))
        #expect(total.latest?.value == 4751)
        #expect(total.previous?.value == 4222)
        #expect(total.change?.describe(unit: .count, decimals: 0) == "+529 (+12.5%)")
        #expect(total.yearOnYear?.absolute == 529)
        #expect(total.direction?.direction == .higher)
        let gaps = total.comparisons.map { ($0.kind, Formatting.number($0.gap, decimals: 1), $0.better) }
        // 12.53% − 10.2% = 2.3 points; 12.53% − 9.5% = 3.0 points. No polarity: neither better nor worse.
        #expect(gaps.map(\.0) == [.nationalChange, .regionalChange])
        #expect(gaps.map(\.1) == ["2.3", "3.0"])
        #expect(gaps.allSatisfy { $0.2 == nil })
        #expect(total.benchmarkPeriod == period("2020"))
    }

    @Test("SEN2 new plans: +125 (+19.7%), well above +10.2% nationally and +7.1% in the region")
    func sen2New() throws {
        let new = try #require(try Self.sen2().analysis("ehcp-new"))
        #expect(new.latest?.period == period("2019"))
        #expect(new.change?.describe(unit: .count, decimals: 0) == "+125 (+19.7%)")
        #expect(new.comparisons.map { Formatting.number($0.gap, decimals: 1) } == ["9.5", "12.6"])
    }

    @Test("SEN2 within 20 weeks: 92% against 98.1% is worse by 6.1 points, still far above England and the region")
    func sen2TwentyWeeks() throws {
        let twentyWeeks = try #require(try Self.sen2().analysis("ehcp-20-weeks"))
        #expect(twentyWeeks.decimals == 1)
        #expect(twentyWeeks.change?.describe(unit: .percent, decimals: 1) == "-6.1 pts")
        #expect(Formatting.percentChange(twentyWeeks.change!.relative!) == "-6.2%")
        #expect(twentyWeeks.direction?.direction == .worse)
        #expect(twentyWeeks.direction?.movement == .down)
        #expect(twentyWeeks.direction?.sentence(unit: .percent, decimals: 1, polarity: .high) == "Worse: -6.1 pts (-6.2% relative) on 2019 (high is good)")
        // The paper's regional and national columns, as the example names them.
        let comparisons = twentyWeeks.namedComparisons
        #expect(comparisons.map(\.name) == ["East Midlands", "England"])
        #expect(comparisons.map { Formatting.number($0.gap, decimals: 1) } == ["24.2", "33.3"])  // 92 − 67.8, 92 − 58.7
        #expect(comparisons.allSatisfy { $0.better == true })
        #expect(twentyWeeks.rag == nil)  // no target, no quartile
    }

    @Test("SEN2 new plans as a share: the paper's '+1%' is one percentage point")
    func sen2Share() throws {
        let share = try #require(try Self.sen2().analysis("ehcp-new-share"))
        #expect(share.change?.describe(unit: .percent, decimals: 0) == "+1 pt")
        #expect(share.namedComparisons.map { Formatting.number($0.gap, decimals: 1) } == ["2.3", "2.2"])  // 16 − 13.7, 16 − 13.8
    }

    // MARK: Which figure is "previous"

    private func analyse(
        _ observations: [Observation], _ definition: IndicatorDefinition = indicator("x", polarity: .high),
        asOf: Period? = nil
    ) -> IndicatorAnalysis {
        let dashboard = Dashboard(
            definition: DashboardDefinition(
                id: "t", title: "T", organisation: "O", indicators: [definition],
                location: at("dashboard.yml")),
            series: [definition.id: observations])
        return Analysis.indicator(definition, in: dashboard, asOf: asOf)
    }

    @Test("compared with the period before when the data has it")
    func previousPeriod() {
        let analysis = analyse([observation("2019/20 Q3", 963), observation("2019/20 Q4", 1193), observation("2020/21 Q1", 1355)])
        #expect(analysis.previous?.period == period("2019/20 Q4"))
        #expect(analysis.change?.absolute == 162)
    }

    @Test("a recorded gap in the period before is not skipped: nothing to compare with")
    func previousIsGap() {
        let analysis = analyse([observation("2019/20 Q3", 963), observation("2019/20 Q4", nil), observation("2020/21 Q1", 1355)])
        #expect(analysis.previous?.period == period("2019/20 Q4"))
        #expect(analysis.change == nil)
        #expect(analysis.direction == nil)
        #expect(analysis.gaps.map(\.period) == [period("2019/20 Q4")])
    }

    @Test("with no record of the period before, nothing is compared and that is said, not the figure before")
    func previousMissing() {
        let analysis = analyse([observation("2019/20 Q2", 1133), observation("2020/21 Q1", 1355)])
        #expect(analysis.previous == nil)
        #expect(analysis.change == nil)
        #expect(analysis.comparison?.note == "no 2019/20 Q4 figure")
    }

    @Test("the latest figure is the last that is not a gap; the latest period may be a gap")
    func latestGap() {
        let analysis = analyse([observation("2019/20 Q3", 963), observation("2019/20 Q4", 1193), observation("2020/21 Q1", nil)])
        #expect(analysis.latest?.period == period("2019/20 Q4"))
        #expect(analysis.latestPeriod == period("2020/21 Q1"))
    }

    @Test("figures after the as-of period are left out; year-to-date figures stay out of the main series")
    func asOfAndFrequency() {
        let analysis = analyse(
            [
                observation("2019/20 Q3", 963), observation("2019/20 Q4", 1193), observation("2019/20 YTD", 4652),
                observation("2020/21 Q1", 1355),
            ], asOf: period("2019/20 Q4"))
        #expect(analysis.frequency == .quarter)
        #expect(analysis.series.map(\.value) == [963, 1193])
        #expect(analysis.observations.count == 3)
        #expect(analysis.latest?.value == 1193)
    }

    @Test("the benchmark in force is the most recent that had begun by the figure's period")
    func benchmarkPeriod() {
        var definition = indicator("x", unit: .percent, polarity: .high)
        definition.benchmarks[period("2019/20 Q4")] = Benchmarks(national: 80, location: at())
        definition.benchmarks[period("2020/21 Q2")] = Benchmarks(national: 90, location: at())
        let analysis = analyse([observation("2020/21 Q1", 85, decimals: 0)], definition)
        #expect(analysis.benchmarkPeriod == period("2019/20 Q4"))
        #expect(analysis.comparisons.first?.gap == 5)
        #expect(analysis.comparisons.first?.better == true)
    }

    @Test("RAG by target when there is no quartile, with the indicator's tolerance")
    func ragByTarget() {
        var definition = indicator("x", unit: .percent, polarity: .high, target: 97)
        let amber = analyse([observation("2020/21 Q1", 94.9, decimals: 1)], definition)
        #expect(amber.rag?.status == .amber)
        #expect(amber.rag?.method == .target)
        definition.ragTolerance = .absolute(1)
        #expect(analyse([observation("2020/21 Q1", 94.9, decimals: 1)], definition).rag?.status == .red)
        definition.ragMethod = .none
        #expect(analyse([observation("2020/21 Q1", 94.9, decimals: 1)], definition).rag == nil)
    }

    @Test("the main frequency is the one most figures share, the finer on a tie")
    func mainFrequency() {
        #expect(Analysis.mainFrequency([observation("2019/20 Q1", 1), observation("Jul-19", 1)]) == .month)
        #expect(Analysis.mainFrequency([observation("2019/20 Q1", 1), observation("2019/20 Q2", 1), observation("Jul-19", 1)]) == .quarter)
        #expect(Analysis.mainFrequency([observation("2019/20 YTD", 1)]) == .financialYearToDate)
        #expect(Analysis.mainFrequency([]) == nil)
    }
}
