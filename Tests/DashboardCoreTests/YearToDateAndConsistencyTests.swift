import Testing

@testable import DashboardCore

@Suite("Year to date and consistency checks, against the CFWS paper")
struct YearToDateAndConsistencyTests {
    /// The CFWS dashboard's data files as published, read and assembled by the core.
    static func cfws() throws -> (Dashboard, Diagnostics) {
        try exampleDashboard("cfws")
    }

    private func yearToDate(_ dashboard: Dashboard, _ id: String, _ periodText: String) -> YearToDate? {
        let definition = dashboard.definition.indicator(id)!
        let numerators = definition.numeratorID.map { Analysis.figures(dashboard.observations($0)) } ?? [:]
        let denominators = definition.denominatorID.map { Analysis.figures(dashboard.observations($0)) } ?? [:]
        return YearToDateRules.figures(for: definition, in: dashboard.observations(id), numerators: numerators, denominators: denominators)
            .first { $0.period == period(periodText) }
    }

    @Test("the CFWS data files read without a single problem")
    func cfwsReadsCleanly() throws {
        let (dashboard, diagnostics) = try Self.cfws()
        #expect(diagnostics.isEmpty, "\(diagnostics.sorted)")
        #expect(dashboard.observations("open-cases-total").count == 6)
        #expect(dashboard.observations("allocation-pathway").count == 15)
    }

    // MARK: Family Star: 233 of 336, 69.3%

    @Test("Family Star 2019/20 year to date is recomputed from its numerator and denominator: 233 / 336 = 69.3%")
    func familyStarYearToDate() throws {
        let (dashboard, _) = try Self.cfws()
        let familyStar2019_20 = try #require(yearToDate(dashboard, "family-star-positive-rate", "2019/20 YTD"))
        #expect(familyStar2019_20.numerator == 233)
        #expect(familyStar2019_20.denominator == 336)
        // 233 / 336 = 0.6934523…
        #expect(abs(familyStar2019_20.computed! - 69.345_238_095) < 1e-6)
        #expect(Formatting.figure(familyStar2019_20.computed!, unit: .percent, decimals: 1) == "69.3%")
        #expect(familyStar2019_20.given?.value == 69.3)
        #expect(familyStar2019_20.value == 69.3)
        #expect(familyStar2019_20.isComplete)
        #expect(familyStar2019_20.periods == ["2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4"].map { period($0) })
        #expect(familyStar2019_20.through == period("2019/20 Q4"))
        #expect(familyStar2019_20.reason == nil)
    }

    @Test("Family Star 2020/21 so far: 70 / 103 = 68.0%, one quarter of four")
    func familyStarCurrentYear() throws {
        let (dashboard, _) = try Self.cfws()
        let familyStar2020_21 = try #require(yearToDate(dashboard, "family-star-positive-rate", "2020/21 YTD"))
        #expect(familyStar2020_21.numerator == 70)
        #expect(familyStar2020_21.denominator == 103)
        #expect(Formatting.number(familyStar2020_21.computed!, decimals: 1) == "68.0")
        #expect(!familyStar2020_21.isComplete)
        #expect(familyStar2020_21.given == nil)
    }

    @Test("the counts behind Family Star sum to the paper's 336 and 233")
    func familyStarCounts() throws {
        let (dashboard, _) = try Self.cfws()
        #expect(yearToDate(dashboard, "family-star-total", "2019/20 YTD")?.computed == 336)  // 70 + 80 + 101 + 85
        #expect(yearToDate(dashboard, "family-star-positive", "2019/20 YTD")?.computed == 233)  // 47 + 54 + 71 + 61
    }

    // MARK: Open cases: 4,652

    @Test("CFWS open cases 2019/20 year to date: 1,363 + 1,133 + 963 + 1,193 = 4,652")
    func openCasesYearToDate() throws {
        let (dashboard, _) = try Self.cfws()
        let openCases2019_20 = try #require(yearToDate(dashboard, "open-cases-total", "2019/20 YTD"))
        #expect(openCases2019_20.computed == 4652)
        #expect(openCases2019_20.given?.value == 4652)
        #expect(yearToDate(dashboard, "eh-assessments", "2019/20 YTD")?.computed == 1900)  // 580 + 439 + 442 + 439
    }

    @Test(
        "each quarter's open cases are the sum of the five worker types",
        arguments: [
            // (quarter, FWW + key worker + wellbeing practitioner + youth worker + YOT worker = total), from the paper
            ("2019/20 Q1", [463.0, 551, 52, 237, 60], 1363.0),
            ("2019/20 Q2", [499, 431, 47, 146, 10], 1133),
            ("2019/20 Q3", [470, 326, 53, 94, 20], 963),
            ("2019/20 Q4", [607, 395, 76, 103, 12], 1193),
            ("2019/20 YTD", [2039, 1703, 228, 580, 102], 4652),
            ("2020/21 Q1", [657, 500, 68, 121, 9], 1355),
        ])
    func openCasesParts(quarter: String, parts: [Double], total: Double) throws {
        let (dashboard, _) = try Self.cfws()
        let read = dashboard.definition.indicator("open-cases-total")!.parts.map { id in dashboard.observations(id).first { $0.period == period(quarter) }?.value }
        #expect(read == parts)
        #expect(dashboard.observations("open-cases-total").first { $0.period == period(quarter) }?.value == total)
        #expect(parts.reduce(0, +) == total)
    }

    @Test("the real CFWS figures raise no consistency warning")
    func cfwsConsistent() throws {
        let (dashboard, _) = try Self.cfws()
        #expect(ConsistencyChecks.check(dashboard).items == [])
    }

    @Test("one altered worker-type figure: warnings naming both numbers, for the quarter and for the year")
    func alteredPart() throws {
        var (dashboard, _) = try Self.cfws()
        let index = try #require(dashboard.series["open-cases-key-worker"]?.firstIndex { $0.period == period("2019/20 Q2") })
        dashboard.series["open-cases-key-worker"]![index].value = 432  // published as 431
        let warnings = ConsistencyChecks.check(dashboard).items
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(
            warnings.map(\.message) == [
                "open-cases-total for 2019/20 Q2 is 1,133, but its parts sum to 1,134 (open-cases-family-wellbeing-worker 499 + open-cases-key-worker 432 + open-cases-wellbeing-practitioner 47 + open-cases-youth-worker 146 + open-cases-yot-worker 10)",
                "open-cases-key-worker 2019/20 YTD is 1,703 in the data, but its 4 periods sum to 1,704 (Q1 551 + Q2 432 + Q3 326 + Q4 395); check the figures or set aggregation: given",
            ])
        let location = try #require(warnings.first?.location)
        #expect(location.file.hasSuffix("/dashboards/cfws/open-cases.csv") && location.line == 8 && location.column == 23, "\(location)")
    }

    @Test("an altered Family Star rate: the year's figure checked against 233 / 336")
    func alteredRatio() throws {
        var (dashboard, _) = try Self.cfws()
        let index = try #require(dashboard.series["family-star-positive-rate"]?.firstIndex { $0.period == period("2019/20 YTD") })
        dashboard.series["family-star-positive-rate"]![index].value = 70.0
        #expect(
            ConsistencyChecks.check(dashboard).items.map(\.message) == [
                "family-star-positive-rate 2019/20 YTD is 70.0% in the data, but its periods give 233 / 336 = 69.3%; check the figures or set aggregation: given"
            ])
    }

    @Test("a stated direction that the figures contradict, with the figures as published")
    func statedDirectionContradicted() {
        var custody = indicator("custody-instances", unit: .count, polarity: .low)
        custody.reported[period("2020/21 Q1")] = Reported(direction: .better, location: at("dashboard.yml", 40, 7))
        var rate = indicator("cp-reviews-in-timescale", unit: .percent, polarity: .high)
        rate.reported[period("2020/21 Q1")] = Reported(direction: .worse, location: at("dashboard.yml", 50, 7))
        let definition = DashboardDefinition(id: "kpi", title: "KPI", organisation: "LCC", indicators: [custody, rate], location: at("dashboard.yml"))
        let dashboard = Dashboard(
            definition: definition,
            series: [
                "custody-instances": [observation("2019/20 Q4", 2), observation("2020/21 Q1", 5)],
                "cp-reviews-in-timescale": [observation("2019/20 Q4", 93.8, decimals: 1), observation("2020/21 Q1", 94.9, decimals: 1)],
            ])
        let warnings = ConsistencyChecks.check(dashboard).items
        #expect(
            warnings.map(\.message) == [
                "custody-instances 2020/21 Q1 is reported as 'better' but the figures (2 then 5) make it worse",
                "cp-reviews-in-timescale 2020/21 Q1 is reported as 'worse' but the figures (93.8% then 94.9%) make it better",
            ])
        #expect(warnings.map(\.location) == [at("dashboard.yml", 40, 7), at("dashboard.yml", 50, 7)])
    }

    @Test("an indicator with no figures at all")
    func noFigures() {
        let definition = DashboardDefinition(
            id: "x", title: "X", organisation: "LCC",
            indicators: [indicator("eh-assessments")], location: at("dashboard.yml"))
        #expect(
            ConsistencyChecks.check(Dashboard(definition: definition, series: [:])).items.map(\.message)
                == ["indicator 'eh-assessments' has no figures in any data file of this dashboard"])
    }

    // MARK: Aggregations

    @Test("unique counts (aggregation: given) are never computed; the year's own figure stands")
    func givenAggregation() throws {
        let (dashboard, _) = try Self.cfws()
        let families2019_20 = try #require(yearToDate(dashboard, "families-open", "2019/20 YTD"))
        #expect(families2019_20.computed == nil)
        #expect(families2019_20.reason == "a unique count over the year cannot be made from its parts; only the figure given is used")
        // 2,733 families over the year, not 1,537 + 1,555 + 1,453 + 1,388 = 5,933.
        #expect(families2019_20.value == 2733)
        let families2018_19 = try #require(yearToDate(dashboard, "families-open", "2018/19 YTD"))
        #expect(families2018_19.reason == "no figures inside the year")
        #expect(families2018_19.value == 3285)
    }

    @Test("a snapshot (aggregation: last) takes the latest month, across the break in data")
    func lastAggregation() throws {
        let (dashboard, _) = try Self.cfws()
        let pathway2019_20 = try #require(yearToDate(dashboard, "allocation-pathway", "2019/20 YTD"))
        #expect(pathway2019_20.computed == 21)  // March 2020
        #expect(pathway2019_20.reason == nil)
        #expect(pathway2019_20.through == period("Mar-20"))
        #expect(pathway2019_20.periods.count == 11)  // May 2019 to March 2020: the service began in May
        #expect(!pathway2019_20.isComplete)
        #expect(yearToDate(dashboard, "allocation-pathway", "2020/21 YTD")?.computed == 10)  // July 2020
        #expect(yearToDate(dashboard, "allocation-locality", "2020/21 YTD")?.computed == 50)
    }

    @Test("a gap inside the year stops a sum, and says which period")
    func gapInsideYear() throws {
        let (dashboard, _) = try Self.cfws()
        var summed = dashboard.definition.indicator("allocation-pathway")!
        summed.aggregation = .sum
        let ytd = YearToDateRules.figures(for: summed, in: dashboard.observations("allocation-pathway"))
        let pathway2019_20 = try #require(ytd.first { $0.period == period("2019/20 YTD") })
        #expect(pathway2019_20.computed == nil)
        #expect(pathway2019_20.reason == "December 2019 is a gap (break in data), so the year cannot be totalled")
        #expect(pathway2019_20.value == nil)
        // 2020/21 has no gap: 24 + 6 + 14 + 10.
        #expect(ytd.first { $0.period == period("2020/21 YTD") }?.computed == 54)
    }

    @Test("the latest period a gap: no snapshot")
    func lastIsGap() {
        let ytd = YearToDateRules.figures(for: indicator("x", aggregation: .last), in: [observation("Apr-20", 5), observation("May-20", nil)])
        #expect(ytd.first?.computed == nil)
        #expect(ytd.first?.reason == "the latest period is a gap")
    }

    @Test("a mean of the quarters")
    func meanAggregation() {
        let familyStarTotals = ["2019/20 Q1": 70.0, "2019/20 Q2": 80, "2019/20 Q3": 101, "2019/20 Q4": 85]
            .map { observation($0.key, $0.value) }.sorted { $0.period < $1.period }
        let ytd = YearToDateRules.figures(for: indicator("x", aggregation: .mean), in: familyStarTotals)
        #expect(ytd.first?.computed == 84)  // 336 / 4
    }

    @Test("a ratio without numerators and denominators cannot be recomputed")
    func ratioWithoutParts() {
        let rates = [observation("2019/20 Q1", 67.1, decimals: 1), observation("2019/20 Q2", 67.5, decimals: 1)]
        let ytd = YearToDateRules.figures(for: indicator("x", unit: .percent, aggregation: .ratio), in: rates)
        #expect(ytd.first?.computed == nil)
        #expect(ytd.first?.reason == "2019/20 Q1 has no numerator and denominator to recompute the year from")
        // With them on the observations themselves: (47 + 54) / (70 + 80) = 67.33…%.
        let withCounts = [
            observation("2019/20 Q1", 67.1, decimals: 1, numerator: 47, denominator: 70),
            observation("2019/20 Q2", 67.5, decimals: 1, numerator: 54, denominator: 80),
        ]
        let recomputed = YearToDateRules.figures(for: indicator("x", unit: .percent, aggregation: .ratio), in: withCounts)
        #expect(Formatting.number(recomputed.first!.computed!, decimals: 1) == "67.3")
    }

    @Test("the local SEN2 new plans: calendar years to date given, with no months to build them from")
    func calendarYearToDate() throws {
        let localNew = [observation("2019 YTD", 419), observation("2020 YTD", 446)]
        let ytd = YearToDateRules.figures(for: indicator("ehcp-local-new"), in: localNew)
        #expect(ytd.map(\.period) == [period("2019 YTD"), period("2020 YTD")])
        #expect(ytd.map(\.value) == [419, 446])
        #expect(ytd.allSatisfy { $0.reason == "no figures inside the year" })
        // With months inside the year, a calendar year to date is their sum.
        let months = monthly(from: "Jan-20", [50, 60, 70]) + [observation("2020 YTD", 180)]
        #expect(YearToDateRules.figures(for: indicator("x"), in: months).first { $0.period == period("2020 YTD") }?.computed == 180)
    }
}
