import Testing
@testable import DashboardCore

/// The example dashboards' definitions, written out in code from their `dashboard.yml` (the core cannot read YAML
/// itself: that is DashboardInput's job, through Yams). Only what the tests need is carried over; each figure the
/// tests check comes from the data files, read through the core's own CSV reader and observation tables.
enum ExampleDashboards {
    // MARK: CFWS (dashboards/cfws)

    static let cfwsWorkerTypes = [
        "open-cases-family-wellbeing-worker", "open-cases-key-worker", "open-cases-wellbeing-practitioner",
        "open-cases-youth-worker", "open-cases-yot-worker",
    ]

    static let cfwsFiles = [
        "cfws/families-and-individuals.csv", "cfws/zero-to-two-pathway.csv", "cfws/open-cases.csv", "cfws/family-star.csv",
        "cfws/early-help-assessments.csv", "cfws/cases-awaiting-allocation.csv",
    ]

    static var cfws: DashboardDefinition {
        var indicators: [IndicatorDefinition] = [
            indicator("families-open", aggregation: .given, title: "Total number of families open to CFWS"),
            indicator("individuals-open", aggregation: .given, title: "Total number of individuals open to CFWS"),
            indicator("families-0-2-pathway", aggregation: .given, title: "Number of families on the 0-2 pathway"),
        ]
        var total = indicator("open-cases-total", aggregation: .sum, title: "Open cases by worker type, total")
        total.parts = cfwsWorkerTypes
        total.chart = .stacked
        indicators.append(total)
        indicators += cfwsWorkerTypes.map { indicator($0) }
        var rate = indicator("family-star-positive-rate", unit: .percent, polarity: .high, aggregation: .ratio,
                             title: "Family Star: positive progress made in at least 3 of the 10 domains (%)")
        rate.numeratorID = "family-star-positive"
        rate.denominatorID = "family-star-total"
        indicators.append(rate)
        indicators.append(indicator("family-star-total", title: "Family Star: total number of assessments"))
        indicators.append(indicator("family-star-positive", title: "Family Star: families making positive progress"))
        indicators.append(indicator("eh-assessments", title: "Number of early help assessments completed in the quarter"))
        for id in ["allocation-pathway", "allocation-locality"] {
            var allocation = indicator(id, unit: .count, polarity: .low, aggregation: .last)
            allocation.chart = .spc
            indicators.append(allocation)
        }
        return DashboardDefinition(id: "cfws", title: "Children and Family Wellbeing Service performance",
                                   organisation: "Leicestershire County Council", indicators: indicators, location: at("cfws/dashboard.yml"))
    }

    // MARK: SEND (dashboards/send), the national SEN2 return

    static var sen2National: DashboardDefinition {
        var total = indicator("ehcp-total", aggregation: .last, title: "Total number of EHC plans (SEN2, as of January)")
        total.benchmarks[.calendarYear(2020)] = Benchmarks(nationalChange: 0.102, regionalChange: 0.095, location: at("send/dashboard.yml"))
        var new = indicator("ehcp-new", aggregation: .sum, title: "New EHC plans issued during the calendar year (SEN2)")
        new.benchmarks[.calendarYear(2019)] = Benchmarks(nationalChange: 0.102, regionalChange: 0.071, location: at("send/dashboard.yml"))
        var share = indicator("ehcp-new-share", unit: .percent, aggregation: .last, title: "New EHC plans as a proportion of all plans (SEN2)")
        share.benchmarks[.calendarYear(2020)] = Benchmarks(national: 13.8, regional: 13.7, location: at("send/dashboard.yml"))
        var twentyWeeks = indicator("ehcp-20-weeks", unit: .percent, polarity: .high, aggregation: .last,
                                    title: "New EHC plans issued within 20 weeks, including exceptions (SEN2)")
        twentyWeeks.benchmarks[.calendarYear(2020)] = Benchmarks(national: 58.7, regional: 67.8, location: at("send/dashboard.yml"))
        return DashboardDefinition(id: "send", title: "Education, Health and Care plans (SEN2)", organisation: "Leicestershire County Council",
                                   indicators: [total, new, share, twentyWeeks], location: at("send/dashboard.yml"))
    }

    // MARK: The KPI dashboard (dashboards/children-and-families)

    /// One row of the Quarter 1 2020/21 dashboard (Appendix A), as its dashboard.yml declares it.
    struct KPI {
        var id: String
        var unit: MeasureUnit
        var polarity: Polarity
        var target: Double?
        var quartile: Int?
        var statisticalNeighbours: Double?
        /// The period the paper's figure is for, where benchmarks and the reported judgement are recorded.
        var period: String
        var direction: StatedDirection
        var rag: RAG?
    }

    static let kpiRows: [KPI] = [
        KPI(id: "cp-reviews-in-timescale", unit: .percent, polarity: .high, target: 97.0, quartile: 2, statisticalNeighbours: 90.8, period: "2020/21 Q1", direction: .better, rag: .amber),
        KPI(id: "cp-plan-second-time", unit: .percent, polarity: .low, target: 19.1, quartile: 4, statisticalNeighbours: 22.1, period: "2020/21 Q1", direction: .higher, rag: .red),
        KPI(id: "re-referrals-12-months", unit: .percent, polarity: .low, target: 19.2, quartile: 4, statisticalNeighbours: 21.4, period: "2020/21 Q1", direction: .higher, rag: .red),
        KPI(id: "single-assessments-45-days", unit: .percent, polarity: .high, target: 86.6, quartile: 2, statisticalNeighbours: 83.8, period: "2020/21 Q1", direction: .lower, rag: .amber),
        KPI(id: "cp-plans-2-years", unit: .percent, polarity: .low, target: 1.7, quartile: 2, statisticalNeighbours: 1.8, period: "2020/21 Q1", direction: .similar, rag: .green),
        KPI(id: "placements-3-or-more", unit: .percent, polarity: .low, target: 9.0, quartile: 1, statisticalNeighbours: 10.4, period: "2020/21 Q1", direction: .lower, rag: .green),
        KPI(id: "placements-2-years-stable", unit: .percent, polarity: .high, target: 71.0, quartile: 4, statisticalNeighbours: 69.1, period: "2020/21 Q1", direction: .lower, rag: .red),
        KPI(id: "care-leavers-suitable-accommodation", unit: .percent, polarity: .high, target: 91.0, quartile: 3, statisticalNeighbours: 85.3, period: "2020/21 Q1", direction: .lower, rag: .amber),
        KPI(id: "care-leavers-eet", unit: .percent, polarity: .high, target: 55.0, quartile: 1, statisticalNeighbours: 53.2, period: "2020/21 Q1", direction: .higher, rag: .green),
        KPI(id: "cic-dental-checks", unit: .percent, polarity: .high, period: "2020/21 Q1", direction: .lower),
        KPI(id: "cic-health-assessments", unit: .percent, polarity: .high, period: "2020/21 Q1", direction: .similar),
        KPI(id: "cfws-individuals-quarter", unit: .count, polarity: .none, period: "2020/21 Q1", direction: .higher),
        KPI(id: "cfws-families-quarter", unit: .count, polarity: .none, period: "2020/21 Q1", direction: .higher),
        KPI(id: "mainstream-ehcp", unit: .count, polarity: .none, period: "2020-01", direction: .higher),
        KPI(id: "mainstream-sen-support", unit: .count, polarity: .none, period: "2020-01", direction: .higher),
        KPI(id: "first-time-entrants", unit: .count, polarity: .none, period: "2019/20 Q4", direction: .higher),
        KPI(id: "reoffending-rate", unit: .rate, polarity: .low, period: "2019/20 Q3", direction: .better),
        KPI(id: "custody-instances", unit: .count, polarity: .low, period: "2019/20 Q4", direction: .similar),
        KPI(id: "early-education-take-up", unit: .percent, polarity: .high, target: 96, quartile: 3, statisticalNeighbours: 95.0, period: "2019/20", direction: .better, rag: .amber),
        KPI(id: "primary-schools-good", unit: .percent, polarity: .high, target: 90, quartile: 3, statisticalNeighbours: 89.0, period: "2019/20", direction: .better, rag: .amber),
        KPI(id: "secondary-schools-good", unit: .percent, polarity: .high, target: 86, quartile: 2, statisticalNeighbours: 76.0, period: "2019/20", direction: .similar, rag: .amber),
        KPI(id: "primary-first-preference", unit: .percent, polarity: .high, target: 93.7, quartile: 1, statisticalNeighbours: 92.1, period: "2020", direction: .better, rag: .green),
        KPI(id: "secondary-first-preference", unit: .percent, polarity: .high, target: 92.2, quartile: 1, statisticalNeighbours: 89.7, period: "2020", direction: .similar, rag: .green),
        KPI(id: "elective-home-education", unit: .count, polarity: .none, period: "2020/21 Q1", direction: .higher),
        KPI(id: "neet-16-17", unit: .percent, polarity: .low, target: 2.0, quartile: 2, statisticalNeighbours: 2.8, period: "2020/21 Q1", direction: .higher, rag: .amber),
    ]

    static var childrenAndFamilies: DashboardDefinition {
        let indicators = kpiRows.map { row -> IndicatorDefinition in
            var definition = indicator(row.id, unit: row.unit, polarity: row.polarity, target: row.target)
            definition.chart = .comparison
            let rowPeriod = period(row.period)
            if row.quartile != nil || row.statisticalNeighbours != nil {
                definition.benchmarks[rowPeriod] = Benchmarks(statisticalNeighbours: row.statisticalNeighbours, nationalQuartile: row.quartile,
                                                              location: at("children-and-families/dashboard.yml"))
            }
            definition.reported[rowPeriod] = Reported(direction: row.direction, rag: row.rag.map(RAGStatus.standard), location: at("children-and-families/dashboard.yml"))
            return definition
        }
        // The five sections of the paper, in its order.
        let sectionSizes = [11, 4, 3, 3, 4]
        var sections: [Section] = []
        var next = 0
        for (index, size) in sectionSizes.enumerated() {
            sections.append(Section(title: "Section \(index + 1)", indicatorIDs: indicators[next..<(next + size)].map(\.id),
                                    location: at("children-and-families/dashboard.yml")))
            next += size
        }
        return DashboardDefinition(id: "children-and-families", title: "Children and Family Services performance dashboard",
                                   organisation: "Leicestershire County Council", asOf: .quarter(financialYear: 2020, quarter: 1),
                                   sections: sections, indicators: indicators, location: at("children-and-families/dashboard.yml"))
    }
}
