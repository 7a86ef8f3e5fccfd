import Testing

@testable import DashboardCore

@Suite("Assembling a dashboard from its data files")
struct DashboardAssemblerTests {
    /// The Family Star indicators of the CFWS dashboard, plus the KPI dashboard's CP reviews measure.
    static let familyStarDefinition: DashboardDefinition = {
        var rate = indicator(
            "family-star-positive-rate", unit: .percent, polarity: .high, aggregation: .ratio,
            title: "Family Star: positive progress made in at least 3 of the 10 domains (%)")
        rate.numeratorID = "family-star-positive"
        rate.denominatorID = "family-star-total"
        var total = indicator("family-star-total", title: "Family Star: total number of assessments")
        total.shortTitle = "Family Star assessments"
        let positive = indicator("family-star-positive", title: "Family Star: families making positive progress")
        let cpReviews = indicator(
            "cp-reviews-in-timescale", unit: .percent, polarity: .high, target: 97,
            title: "% child protection cases which were reviewed within timescales")
        let custody = indicator("custody-instances", unit: .count, polarity: .low, title: "Use of custody")
        let twins = [indicator("twin-a", title: "Same title"), indicator("twin-b", title: "Same title")]
        return DashboardDefinition(
            id: "cfws", title: "CFWS", organisation: "Leicestershire County Council",
            indicators: [rate, total, positive, cpReviews, custody] + twins, location: at("dashboard.yml"))
    }()

    private func assemble(_ files: [(String, String)]) -> (Dashboard, Diagnostics) {
        var diagnostics = Diagnostics()
        var dataFiles: [DashboardAssembler.DataFile] = []
        for (path, text) in files {
            let read = table(text, file: path)
            diagnostics.append(contentsOf: read.diagnostics)
            dataFiles.append(DashboardAssembler.DataFile(path: path, records: read.records))
        }
        let (dashboard, assembled) = DashboardAssembler.assemble(Self.familyStarDefinition, files: dataFiles)
        diagnostics.append(contentsOf: assembled)
        return (dashboard, diagnostics)
    }

    @Test("figures from two files join into series in period order")
    func joinsFiles() {
        let (dashboard, diagnostics) = assemble([
            ("family-star.csv", "indicator,2019/20 Q3,2019/20 YTD,2019/20 Q1\nfamily-star-total,101,336,70\n"),
            ("later.csv", "indicator,period,value\nfamily-star-total,2019/20 Q2,80\nfamily-star-total,2019/20 Q4,85\n"),
        ])
        #expect(diagnostics.isEmpty)
        let total = dashboard.observations("family-star-total")
        #expect(total.map(\.period.label) == ["2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4", "2019/20 YTD"])
        #expect(total.map(\.value) == [70, 80, 101, 85, 336])
        #expect(dashboard.files == ["family-star.csv", "later.csv"])
        #expect(dashboard.observations("no-such-indicator").isEmpty)
    }

    @Test("the same indicator and period in two files: an error at the second, naming the first")
    func duplicateAcrossFiles() {
        let (dashboard, diagnostics) = assemble([
            ("family-star.csv", "indicator,period,value\nfamily-star-total,2019/20 Q1,70\n"),
            ("family-star-2.csv", "indicator,2019/20 Q2,Q1 2019/20\nfamily-star-total,80,71\n"),
        ])
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .error, "family-star-total already has a figure for 2019/20 Q1 at family-star.csv:2:30; keep one (or give each its published date or source)",
                    at: at("family-star-2.csv", 2, 22))
            ])
        #expect(dashboard.observations("family-star-total").map(\.value) == [70, 80])
    }

    @Test("an unknown indicator id in the data, with a suggestion")
    func unknownIndicator() {
        let (dashboard, diagnostics) = assemble([("family-star.csv", "indicator,2019/20 Q1\nfamily-star-postive,47\nallocation-pathway,290\n")])
        #expect(
            diagnostics.errors.map(\.message) == [
                "'family-star-postive' is not an indicator of dashboard 'cfws' (declare it under indicators: in dashboard.yml); did you mean 'family-star-positive'?",
                "'allocation-pathway' is not an indicator of dashboard 'cfws' (declare it under indicators: in dashboard.yml)",
            ])
        #expect(diagnostics.errors.first?.location == at("family-star.csv", 2, 1))
        #expect(dashboard.series.isEmpty)
    }

    @Test("a row may name its indicator by title or short title, in any case, when the title is unique")
    func resolvesByTitle() {
        let (dashboard, diagnostics) = assemble([
            (
                "pasted.csv",
                """
                indicator,2019/20 Q1
                Family Star: total number of assessments,70
                family star assessments,71
                % CHILD PROTECTION CASES WHICH WERE REVIEWED WITHIN TIMESCALES,94.9%
                Same title,1
                """
            )
        ])
        #expect(dashboard.observations("family-star-total").map(\.value) == [70])
        #expect(dashboard.observations("cp-reviews-in-timescale").map(\.value) == [94.9])
        // The short title resolves too, so the second row is a duplicate of the first; "Same title" names two indicators.
        #expect(
            diagnostics.sorted.filter { $0.severity == .error }.map(\.message) == [
                "family-star-total already has a figure for 2019/20 Q1 at pasted.csv:2:42; keep one (or give each its published date or source)",
                "'Same title' is not an indicator of dashboard 'cfws' (declare it under indicators: in dashboard.yml)",
            ])
    }

    @Test("a percentage for a count indicator, and pounds for a percentage")
    func wrongUnits() {
        let (dashboard, diagnostics) = assemble([
            (
                "kpi.csv",
                """
                indicator,period,value
                custody-instances,2019/20 Q4,2%
                cp-reviews-in-timescale,2020/21 Q1,£94.90
                """
            )
        ])
        #expect(
            diagnostics.errors.map(\.message) == [
                "custody-instances is measured in count, but this figure is a percentage",
                "cp-reviews-in-timescale is measured in percent, but this figure is in pounds",
            ])
        #expect(diagnostics.errors.map(\.location) == [at("kpi.csv", 2, 30), at("kpi.csv", 3, 36)])
        #expect(dashboard.series.isEmpty)
    }

    @Test("a negative count is an error")
    func negativeCount() {
        let (_, diagnostics) = assemble([("kpi.csv", "indicator,period,value\ncustody-instances,2019/20 Q4,-3\n")])
        #expect(diagnostics.errors.map(\.message) == ["custody-instances counts things, so its figure cannot be negative"])
    }

    @Test("the count in brackets becomes the numerator")
    func countInBrackets() {
        let (dashboard, diagnostics) = assemble([("kpi.csv", "indicator,period,value,denominator\ncp-reviews-in-timescale,2020/21 Q1,94.9% (1074),1132\n")])
        // 1074 / 1132 = 94.876…%, 94.9% to one place: no warning.
        #expect(diagnostics.isEmpty)
        let cpReviews = dashboard.observations("cp-reviews-in-timescale")
        #expect(cpReviews.first?.numerator == 1074)
        #expect(cpReviews.first?.denominator == 1132)
        #expect(cpReviews.first?.decimals == 1)
    }

    @Test("a count in brackets that disagrees with the numerator column is an error naming both")
    func countDisagreesWithNumerator() {
        let (dashboard, diagnostics) = assemble([("kpi.csv", "indicator,period,value,numerator,denominator\ncp-reviews-in-timescale,2020/21 Q1,94.9% (1074),1075,1132\n")])
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .error, "the count in brackets (1,074) differs from the numerator column (1,075)",
                    at: at("kpi.csv", 2, 36))
            ])
        #expect(dashboard.series.isEmpty)
    }

    @Test("a value that does not match its numerator and denominator is a warning, at the value's decimals")
    func valueMismatch() {
        let (dashboard, diagnostics) = assemble([
            (
                "family-star.csv",
                """
                indicator,period,value,numerator,denominator
                family-star-positive-rate,2019/20 Q1,67.1%,47,70
                family-star-positive-rate,2019/20 Q2,67.1%,54,80
                """
            )
        ])
        // 47 / 70 = 67.14…% agrees with 67.1%; 54 / 80 = 67.5% does not.
        #expect(diagnostics.items == [Diagnostic(.warning, "67.1% does not match 54 / 80 = 67.5%", at: at("family-star.csv", 3, 38))])
        #expect(dashboard.observations("family-star-positive-rate").count == 2)
    }

    @Test("a zero denominator, a numerator above its denominator and a percentage over 100")
    func ratioProblems() {
        let (_, diagnostics) = assemble([
            (
                "kpi.csv",
                """
                indicator,period,value,numerator,denominator
                cp-reviews-in-timescale,2019/20 Q1,50%,5,0
                cp-reviews-in-timescale,2019/20 Q2,120%,12,10
                """
            )
        ])
        #expect(diagnostics.errors.map(\.message) == ["the denominator is 0"])
        #expect(
            diagnostics.warnings.map(\.message) == [
                "120% is over 100%; if that is right, set axis: {max: …} for cp-reviews-in-timescale",
                "the numerator 12 is larger than the denominator 10",
            ])
    }

    @Test("a gap keeps its words, with the row's note after them")
    func gapNote() {
        let (dashboard, diagnostics) = assemble([
            (
                "kpi.csv",
                """
                indicator,period,value,note
                custody-instances,2019/20 Q3,Break in data while tableau was developed,Reporting moved to Tableau
                custody-instances,2019/20 Q4,2,
                custody-instances,2020/21 Q1,c,Fewer than 5
                """
            )
        ])
        #expect(diagnostics.isEmpty)
        let custody = dashboard.observations("custody-instances")
        #expect(custody.map(\.isGap) == [true, false, true])
        #expect(custody.map(\.gap) == [.breakInData, nil, .suppressed])
        #expect(custody.map(\.note) == ["Break in data while tableau was developed. Reporting moved to Tableau", nil, "Fewer than 5"])
    }
}

@Suite("Vintages: several published values for one period")
struct VintageTests {
    static let definition = DashboardDefinition(
        id: "yjs", title: "Youth justice", organisation: "Council",
        indicators: [indicator("first-time-entrants", title: "First-time entrants")], location: at("dashboard.yml"))

    func assemble(_ text: String) -> (Dashboard, Diagnostics) {
        let read = table(text, file: "fte.csv")
        var (dashboard, diagnostics) = DashboardAssembler.assemble(Self.definition, files: [DashboardAssembler.DataFile(path: "fte.csv", records: read.records)])
        diagnostics.append(contentsOf: read.diagnostics)
        return (dashboard, diagnostics)
    }

    static let q1 = Period.quarter(financialYear: 2020, quarter: 1)

    @Test("values with different vintages stand side by side; the same vintage twice is a repeat")
    func duplicates() {
        let (dashboard, diagnostics) = assemble(
            """
            indicator,period,value,published,source
            first-time-entrants,2020/21 Q1,30,2020-09-01,September 2020 committee report
            first-time-entrants,2020/21 Q1,21,2021-06-15,YJB return
            first-time-entrants,2020/21 Q1,22,2021-06-15,YJB return

            """)
        #expect(dashboard.observations("first-time-entrants").map(\.value) == [30, 21])
        #expect(
            diagnostics.errors.map(\.description) == [
                "fte.csv:4:32: error: first-time-entrants already has a figure for 2020/21 Q1 (published 15 June 2021, YJB return) at fte.csv:3:32; keep one"
            ])
        let (_, plain) = assemble("indicator,period,value\nfirst-time-entrants,2020/21 Q1,30\nfirst-time-entrants,2020/21 Q1,21\n")
        #expect(plain.errors.first?.message.hasSuffix("keep one (or give each its published date or source)") == true)
    }

    @Test("the latest published is shown, the earlier listed; an edition shows only what was published by its time")
    func resolve() throws {
        let (dashboard, diagnostics) = assemble(
            """
            indicator,period,value,published,source
            first-time-entrants,2020/21 Q1,21,2021-06-15,YJB return
            first-time-entrants,2020/21 Q1,30,2020-09-01,September 2020 committee report
            first-time-entrants,2020/21 Q2,25,2020/21 Q2,
            first-time-entrants,2020/21 Q2,24,2020/21 Q3,

            """)
        #expect(!diagnostics.hasErrors)
        let latest = Analysis.dashboard(dashboard).indicators[0]
        #expect(latest.series.map(\.value) == [21, 24])
        #expect(latest.earlierVintages[Self.q1]?.map(\.value) == [30])
        #expect(latest.earlierVintages[Self.q1]?.first?.vintage?.phrase == "1 September 2020, September 2020 committee report")

        // As the Q1 committee saw it (published by three months after the quarter): 30, and no later figure.
        let atQ1 = Analysis.dashboard(dashboard, asOf: Self.q1).indicators[0]
        #expect(atQ1.series.map(\.value) == [30])
        #expect(atQ1.earlierVintages.isEmpty)
        // At Q2 the Q2 edition's own figure, not the one revised in Q3's.
        let atQ2 = Analysis.dashboard(dashboard, asOf: .quarter(financialYear: 2020, quarter: 2)).indicators[0]
        #expect(atQ2.series.map(\.value) == [30, 25])

        // A frozen edition's publication date is the cut-off when one is recorded.
        var frozen = dashboard
        frozen.frozenEditions = [FrozenEdition(period: Self.q1, published: CivilDate(2020, 8, 31), dashboard: dashboard, location: at("edition.yml"))]
        #expect(Analysis.dashboard(frozen, asOf: Self.q1).indicators[0].series.isEmpty, "30 was published a day after the committee met")
    }
}
