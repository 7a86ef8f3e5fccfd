import DashboardCore
import Testing

@testable import DashboardInput

/// `benchmarks: {from: …, measure: …}` with the dashboard's `authority:`: comparators computed from a small
/// LAIT-shaped file written here, with the expected figures worked by hand.
@Suite struct BenchmarkSourceTests {
    // Four authorities in 2020-21: 60, 50, 40, 30. Type-7 quartiles: 37.5, 45, 52.5. High polarity: A (60) is band A.
    static let lait = """
        Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region
        CareLeaverEET,"Care leavers, in EET",2019-20,Aville,55,1.0,North East
        CareLeaverEET,"Care leavers, in EET",2019-20,Bton,45,2.0,North East
        CareLeaverEET,"Care leavers, in EET",2019-20,Cford,-,3.0,Yorkshire and The Humber
        CareLeaverEET,"Care leavers, in EET",2019-20,England,52,970.0,NA
        CareLeaverEET,"Care leavers, in EET",2019-20,North East,51,980.0,NA
        CareLeaverEET,"Care leavers, in EET",2020-21,Aville,60,1.0,North East
        CareLeaverEET,"Care leavers, in EET",2020-21,Bton,50,2.0,North East
        CareLeaverEET,"Care leavers, in EET",2020-21,Cford,4.0E1,3.0,Yorkshire and The Humber
        CareLeaverEET,"Care leavers, in EET",2020-21,Dham,30,4.0,Yorkshire and The Humber
        CareLeaverEET,"Care leavers, in EET",2020-21,England,53,970.0,NA
        CareLeaverEET,"Care leavers, in EET",2020-21,North East,54,980.0,NA
        CareLeaverEET,"Care leavers, in EET",2014-16,Aville,50,1.0,North East

        """
    static let neighbours = """
        LA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP
        1,Aville,1,1,North East,2,Close,3,Close
        2,Bton,2,1,North East,1,Close,3,Close

        """
    static let dictionary = "Measure_short,Polarity,dps,Year_Type,No_Quartile\nCareLeaverEET,High,,Financial Year,\n"

    static func folder(benchmarks: String) -> DashboardFolder {
        DashboardFolder(
            yml: """
                title: Q3 dashboard
                organisation: Aville council
                authority: {name: aville, neighbours: sn.csv, dictionary: dictionary.csv}
                indicators:
                  care-leavers-eet:
                    title: Care leavers in education, employment or training
                    unit: percent
                    polarity: high
                    benchmarks: \(benchmarks)
                """,
            writing: [
                "lait.csv": lait, "sn.csv": neighbours, "dictionary.csv": dictionary,
                "kpis.csv": "indicator,2019/20,2020/21\ncare-leavers-eet,56%,61%\n",
            ])
    }

    @Test func comparatorsComputedForEachPeriod() throws {
        let folder = Self.folder(benchmarks: "{from: lait.csv, measure: CareLeaverEET}")
        defer { folder.remove() }
        let project = folder.load()
        #expect(!project.hasErrors, "\(messages(project))")
        let indicator = try #require(project.dashboards.first?.definition.indicators.first)
        let latest = try #require(indicator.benchmarks[.financialYear(2020)])
        #expect(latest.national == 53)
        #expect(latest.regional == 54)
        #expect(latest.statisticalNeighbours == 45)  // Bton 50 and Cford 40
        #expect(latest.nationalQuartile == 1)  // 60 is above the upper quartile 52.5, High polarity: band A
        let earlier = try #require(indicator.benchmarks[.financialYear(2019)])
        #expect(earlier.statisticalNeighbours == 45)  // Cford has no figure: Bton's alone
        #expect(earlier.nationalQuartile == 1)  // 55 over [45, 55]: upper quartile 52.5
        #expect(indicator.benchmarks.count == 2)
        #expect(messages(project).contains { $0.contains("2014-16") && $0.contains("not shown") })
        // The benchmark files are not read as data files.
        #expect(!messages(project).contains { $0.contains("lait.csv:") || $0.contains("sn.csv:") })
    }

    @Test func typedFiguresThatDisagreeAreWarned() throws {
        let folder = Self.folder(benchmarks: "{from: lait.csv, measure: CareLeaverEET, 2020/21: {national_quartile: 2, statistical_neighbours: 47%}}")
        defer { folder.remove() }
        let project = folder.load()
        #expect(!project.hasErrors, "\(messages(project))")
        let warnings = project.diagnostics.warnings.map(\.message)
        #expect(warnings.contains { $0.contains("national quartile is typed as 2, but lait.csv gives 1") })
        #expect(warnings.contains { $0.contains("statistical-neighbour average is typed as 47, but lait.csv gives 45") })
        let indicator = try #require(project.dashboards.first?.definition.indicators.first)
        #expect(indicator.benchmarks[.financialYear(2020)]?.nationalQuartile == 2)  // the typed figure stands
        #expect(indicator.benchmarks[.financialYear(2020)]?.national == 53)  // and the computed fills the rest
    }

    @Test func typedFiguresThatAgreeAreNotWarned() {
        let folder = Self.folder(benchmarks: "{from: lait.csv, measure: CareLeaverEET, 2020/21: {national_quartile: 1, statistical_neighbours: 45.0%}}")
        defer { folder.remove() }
        #expect(!folder.load().diagnostics.warnings.contains { $0.message.contains("typed as") })
    }

    @Test func unknownMeasureIsAnErrorWithASuggestion() {
        let folder = Self.folder(benchmarks: "{from: lait.csv, measure: CareLeaverEEt2}")
        defer { folder.remove() }
        #expect(messages(folder.load()).contains { $0.contains("has no measure 'CareLeaverEEt2'") && $0.contains("did you mean 'CareLeaverEET'?") })
    }

    @Test func exploreEducationStatisticsLayout() {
        // The open-data standard: time_period 202324 with time_identifier, geographic_level, codes, one column an indicator.
        let csv = """
            time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,cla_rate
            202324,Financial year,National,E92000001,England,,,,,,70
            202324,Financial year,Regional,E92000001,England,E12000001,North East,,,,110
            202324,Financial year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,95
            202324,Financial year,Local authority,E92000001,England,E12000001,North East,805,E06000001,Hartlepool,c
            202324,Financial year,Local authority,E92000001,England,E12000001,North East,806,E06000002,Middlesbrough,low
            202223,Financial year,Local authority,E92000001,England,E12000001,North East,841,E06000005,Darlington,90

            """
        let (records, _) = CSVReader.read(Array(csv.utf8), file: "ees.csv")
        let (data, problems) = BenchmarkData.readEES(records, file: "ees.csv", measure: "cla_rate")
        #expect(!problems.hasErrors)
        #expect(data.rows.count == 6)
        #expect(data.rows.filter { $0.level == .authority }.map(\.value) == [95, nil, nil, 90])
        #expect(data.rows.first?.level == .england && data.rows.first?.period == "2023-24")
        #expect(data.rows[2].laNumber == 841 && data.rows[2].region == "North East")
        let neighbours = StatisticalNeighbours(entries: [841: .init(laNumber: 841, name: "Darlington", region: "North East", neighbours: [805, 806])])
        guard
            case .success(let rows) = LAITMethod.compute(
                data: data, measure: "cla_rate", info: MeasureInfo(code: "cla_rate", polarity: .low),
                neighbours: neighbours, authority: "Darlington")
        else {
            Issue.record("not computed")
            return
        }
        #expect(rows.map(\.period) == ["2022-23", "2023-24"])
        #expect(rows[1].england == 70 && rows[1].regionValue == 110 && rows[1].neighboursWithFigures == 0 && rows[1].ranked == 1)
        let (_, missing) = BenchmarkData.readEES(records, file: "ees.csv", measure: "cla_rates")
        #expect(missing.errors.first?.message.contains("did you mean 'cla_rate'?") == true)
    }
}
