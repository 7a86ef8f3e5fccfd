import DashboardCore

/// Dashboards built in code from the figures in `dashboards/` (the CFWS performance appendix, the Quarter 1
/// 2020/21 KPI dashboard and the SEN2 KPIs of the Children and Families Overview and Scrutiny Committee,
/// 1 September 2020), so tests read like the papers.
enum Fixtures {
    static let here = SourceLocation(file: "fixture")
    static let source = "CFWS performance appendix, Children and Families Overview and Scrutiny Committee, 1 September 2020"
    static let organisation = "Leicestershire County Council"

    static func quarter(_ fy: Int, _ q: Int) -> Period { .quarter(financialYear: fy, quarter: q) }
    static func month(_ year: Int, _ month: Int) -> Period { .month(year: year, month: month) }

    static func figure(_ period: Period, _ value: Double?, decimals: Int = 0, gap: GapReason? = nil, note: String? = nil) -> Observation {
        Observation(period: period, value: value, decimals: decimals, gap: value == nil ? (gap ?? .missing) : nil, note: note, location: here)
    }

    static func indicator(
        _ id: String, _ title: String, _ unit: MeasureUnit, _ polarity: Polarity, chart: ChartKind,
        shortTitle: String? = nil, aggregation: Aggregation = .sum, target: Double? = nil,
        source: String? = Fixtures.source
    ) -> IndicatorDefinition {
        var indicator = IndicatorDefinition(
            id: id, title: title, unit: unit, polarity: polarity, chart: chart,
            aggregation: aggregation, location: here)
        indicator.shortTitle = shortTitle
        indicator.target = target
        indicator.source = source
        return indicator
    }

    static func analysis(
        _ id: String, _ indicators: [IndicatorDefinition], _ series: [String: [Observation]],
        asOf: Period? = nil
    ) -> DashboardAnalysis {
        let definition = DashboardDefinition(id: id, title: id, organisation: organisation, asOf: asOf, indicators: indicators, location: here)
        return Analysis.dashboard(Dashboard(definition: definition, series: series))
    }

    // MARK: CFWS

    static let allocationMonths: [Period] = (5...12).map { month(2019, $0) } + (1...7).map { month(2020, $0) }

    /// Pathway decisions awaiting allocation, monthly snapshots May 2019 to July 2020, with the break in data
    /// from December 2019 to February 2020 while the automated report was developed. The break starts a new
    /// stretch, too short for limits: no SPC.
    static var casesAwaitingAllocationSinceBreak: DashboardAnalysis { allocation(acrossBreaks: false) }

    /// The same with `spc: {across_breaks: true}`: one stretch of limits, with its special causes to draw.
    static var casesAwaitingAllocation: DashboardAnalysis { allocation(acrossBreaks: true) }

    static func allocation(acrossBreaks: Bool) -> DashboardAnalysis {
        let values: [Double?] = [290, 279, 338, 146, 47, 207, 189, nil, nil, nil, 21, 24, 6, 14, 10]
        let observations = zip(allocationMonths, values).enumerated().map { index, pair in
            figure(pair.0, pair.1, gap: .breakInData, note: index == 7 ? "Break in data while tableau was developed" : (pair.1 == nil ? "Break in data" : nil))
        }
        var pathway = indicator(
            "allocation-pathway", "Pathway decisions waiting to be assigned", .count, .low, chart: .spc,
            shortTitle: "Pathway decisions awaiting allocation", aggregation: .last)
        pathway.spcOptions.acrossBreaks = acrossBreaks
        return analysis("cfws", [pathway], ["allocation-pathway": observations])
    }

    static let familyStarQuarters = [quarter(2019, 1), quarter(2019, 2), quarter(2019, 3), quarter(2019, 4)]

    /// Family Star positive progress (at least 3 of 10 domains), 2019/20 Q1 to 2020/21 Q1 with the 2019/20
    /// year-to-date figure. `chart` and `target` vary by test; the paper sets no target.
    static func familyStar(chart: ChartKind = .line, target: Double? = nil) -> DashboardAnalysis {
        let rate = indicator(
            "family-star-positive-rate", "Family Star: positive progress made in at least 3 of the 10 domains (%)",
            .percent, .high, chart: chart, shortTitle: "Family Star positive progress", aggregation: .ratio, target: target)
        let periods = familyStarQuarters + [.financialYearToDate(2019), quarter(2020, 1)]
        let values = [67.1, 67.5, 70.3, 71.8, 69.3, 68.0]
        return analysis("cfws", [rate], ["family-star-positive-rate": zip(periods, values).map { figure($0, $1, decimals: 1) }])
    }

    /// Families open to CFWS: the 2018/19 year-to-date (unique) count, 2019/20 by quarter and year to date,
    /// and 2020/21 Q1.
    static var familiesOpen: DashboardAnalysis {
        let families = indicator(
            "families-open", "Total number of families open to CFWS", .count, .none, chart: .column,
            shortTitle: "Families open to CFWS", aggregation: .given)
        let periods: [Period] = [.financialYearToDate(2018)] + familyStarQuarters + [.financialYearToDate(2019), quarter(2020, 1)]
        let values: [Double] = [3285, 1537, 1555, 1453, 1388, 2733, 1360]
        return analysis("cfws", [families], ["families-open": zip(periods, values).map { figure($0, $1) }])
    }

    static let workerTypes: [(id: String, name: String, values: [Double])] = [
        ("open-cases-family-wellbeing-worker", "Family Wellbeing Worker", [463, 499, 470, 607, 2039, 657]),
        ("open-cases-key-worker", "Key Worker", [551, 431, 326, 395, 1703, 500]),
        ("open-cases-wellbeing-practitioner", "Wellbeing Practitioner", [52, 47, 53, 76, 228, 68]),
        ("open-cases-youth-worker", "Youth Worker", [237, 146, 94, 103, 580, 121]),
        ("open-cases-yot-worker", "YOT Worker", [60, 10, 20, 12, 102, 9]),
    ]

    /// Open cases by worker type, 2019/20 Q1 to 2020/21 Q1 with 2019/20 year to date: five parts and the total.
    static var openCasesByWorkerType: DashboardAnalysis {
        let periods = familyStarQuarters + [.financialYearToDate(2019), quarter(2020, 1)]
        var total = indicator(
            "open-cases-total", "Open cases by worker type, total", .count, .none, chart: .stacked,
            shortTitle: "Open cases (total)")
        total.parts = workerTypes.map(\.id)
        var indicators = [total]
        var series: [String: [Observation]] = ["open-cases-total": zip(periods, [1363, 1133, 963, 1193, 4652, 1355]).map { figure($0, $1) }]
        for worker in workerTypes {
            indicators.append(indicator(worker.id, "Open cases, \(worker.name)", .count, .none, chart: .column, shortTitle: worker.name))
            series[worker.id] = zip(periods, worker.values).map { figure($0, $1) }
        }
        return analysis("cfws", indicators, series)
    }

    // MARK: KPI dashboard

    /// "% child protection cases which were reviewed within timescales", 2020/21 Q1: 94.9% (1,074) against a
    /// 97.0% target and statistical neighbours' 90.8%; the paper reports it better than before, amber.
    static var childProtectionReviews: DashboardAnalysis {
        var reviews = indicator(
            "cp-reviews-in-timescale", "% child protection cases which were reviewed within timescales", .percent, .high,
            chart: .comparison, shortTitle: "CP cases reviewed in timescale", target: 97.0,
            source: "Children and Family Services performance dashboard, Quarter 1 2020/21 (Appendix A)")
        reviews.benchmarks[quarter(2020, 1)] = Benchmarks(statisticalNeighbours: 90.8, nationalQuartile: 2, location: here)
        reviews.reported[quarter(2020, 1)] = Reported(direction: .better, rag: .amber, location: here)
        var observation = figure(quarter(2020, 1), 94.9, decimals: 1)
        observation.numerator = 1074
        return analysis("children-and-families", [reviews], ["cp-reviews-in-timescale": [observation]], asOf: quarter(2020, 1))
    }

    /// "% of child protection plans lasting 2 years or more open at the end of the quarter": 0.3% against a
    /// 1.7% target and statistical neighbours' 1.8%; a long title and small percentages.
    static var childProtectionPlansTwoYears: DashboardAnalysis {
        var plans = indicator(
            "cp-plans-2-years", "% of child protection plans lasting 2 years or more open at the end of the quarter",
            .percent, .low, chart: .comparison, target: 1.7, source: "Children and Family Services performance dashboard")
        plans.benchmarks[quarter(2020, 1)] = Benchmarks(statisticalNeighbours: 1.8, location: here)
        return analysis("children-and-families", [plans], ["cp-plans-2-years": [figure(quarter(2020, 1), 0.3, decimals: 1)]])
    }

    // MARK: SEN2

    /// New EHC plans issued within 20 weeks (SEN2): 98.1% in 2019 and 92% in 2020, against the region's 67.8%
    /// and England's 58.7% in 2020.
    static var plansWithinTwentyWeeks: DashboardAnalysis {
        var plans = indicator(
            "ehcp-20-weeks", "New EHC plans issued within 20 weeks, including exceptions (SEN2)", .percent, .high,
            chart: .line, aggregation: .last, source: "National SEN2 KPIs")
        plans.benchmarks[.calendarYear(2020)] = Benchmarks(national: 58.7, regional: 67.8, location: here)
        return analysis("send", [plans], ["ehcp-20-weeks": [figure(.calendarYear(2019), 98.1, decimals: 1), figure(.calendarYear(2020), 92)]])
    }
}
