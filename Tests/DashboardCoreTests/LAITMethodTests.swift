import Testing

@testable import DashboardCore

/// LAIT's statistics on small hand-checked sets: R's `quantile()` (type 7), `rank(ties.method = "min")`, its band rule.
@Suite struct LAITMethodTests {
    @Test func quantilesAsRComputesThem() {
        // quantile(1:10) in R: 25% 3.25, 50% 5.5, 75% 7.75; quantile(c(7, 1, 3)): 2, 3, 5.
        let ten = (1...10).map(Double.init)
        #expect(LAITMethod.quantile(ten, 0.25) == 3.25)
        #expect(LAITMethod.quantile(ten, 0.5) == 5.5)
        #expect(LAITMethod.quantile(ten, 0.75) == 7.75)
        #expect(LAITMethod.quantile([7, 1, 3], 0.25) == 2)
        #expect(LAITMethod.quantile([7, 1, 3], 0.75) == 5)
        #expect(LAITMethod.quantile([4], 0.25) == 4)
        #expect(LAITMethod.quantile([], 0.5) == nil)
    }

    @Test func ranksTakeTheLowerRankOnTies() {
        let values: [Double] = [10, 20, 20, 30]
        #expect(LAITMethod.rank(20, among: values, polarity: .low) == 2)
        #expect(LAITMethod.rank(20, among: values, polarity: .high) == 2)
        #expect(LAITMethod.rank(10, among: values, polarity: .high) == 4)
        #expect(LAITMethod.rank(30, among: values, polarity: .high) == 1)
        #expect(LAITMethod.rank(30, among: values, polarity: .none) == nil)
    }

    @Test func bandsByPolarityWithInclusiveUpperEdges() {
        #expect(LAITMethod.band(10, q1: 10, median: 20, q3: 30, polarity: .low) == "A")
        #expect(LAITMethod.band(10.1, q1: 10, median: 20, q3: 30, polarity: .low) == "B")
        #expect(LAITMethod.band(30, q1: 10, median: 20, q3: 30, polarity: .low) == "C")
        #expect(LAITMethod.band(31, q1: 10, median: 20, q3: 30, polarity: .low) == "D")
        #expect(LAITMethod.band(31, q1: 10, median: 20, q3: 30, polarity: .high) == "A")
        #expect(LAITMethod.band(5, q1: 10, median: 20, q3: 30, polarity: .high) == "D")
        #expect(LAITMethod.band(5, q1: 10, median: 20, q3: 30, polarity: .none) == nil)
    }

    @Test func theFilesTraps() {
        #expect(BenchmarkData.figure("7.0000000000000007E-2").value == 0.07000000000000001)
        #expect(BenchmarkData.figure("-").value == nil && BenchmarkData.figure("-").readable)
        #expect(BenchmarkData.figure("low").readable && BenchmarkData.figure("[c]").readable)
        #expect(!BenchmarkData.figure("n/k").readable)
        #expect(BenchmarkData.startYear("2013/14-15/16") == 2013)
        #expect(BenchmarkData.startYear("2016-17 (OT)") == 2016)
        #expect(LAITMethod.regionKey("Yorkshire and The Humber") == LAITMethod.regionKey("Yorkshire and the Humber"))
        #expect(LAITMethod.regionKey("Outer London") == "london (outer)")
        #expect(LAITMethod.number(40.630000000000003) == "40.63")
        #expect(LAITMethod.number(0.07000000000000001) == "0.07")
    }

    /// A made-up measure across four authorities, two regions and London's inner/outer rows.
    @Test func computesEveryColumnForAnAuthority() throws {
        func row(_ period: String, _ area: String, _ number: Int, _ value: Double?, region: String? = nil) -> BenchmarkData.Row {
            let level: BenchmarkData.Level = number == 970 ? .england : number > 970 ? .region : .authority
            return .init(
                measure: "M", period: period, area: area, laNumber: number, region: region, level: level, value: value,
                location: SourceLocation(file: "m.csv"))
        }
        let data = BenchmarkData(rows: [
            row("2019-20", "A", 1, 10, region: "Outer London"), row("2019-20", "B", 2, 20, region: "Outer London"),
            row("2019-20", "C", 3, 20, region: "North East"), row("2019-20", "D", 4, nil, region: "North East"),
            row("2019-20", "England", 970, 99), row("2019-20", "London", 986, 15), row("2019-20", "London (Outer)", 988, nil),
            row("2018-19", "A", 1, 12, region: "Outer London"), row("2018-19", "B", 2, 18, region: "Outer London"),
        ])
        let neighbours = StatisticalNeighbours(entries: [1: .init(laNumber: 1, name: "A", region: "London (Outer)", neighbours: [2, 3, 4])])
        let result = LAITMethod.compute(
            data: data, measure: "M", info: MeasureInfo(code: "M", polarity: .low),
            neighbours: neighbours, authority: "a")
        guard case .success(let rows) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(rows.map(\.period) == ["2018-19", "2019-20"])
        let latest = rows[1]
        #expect(latest.value == 10 && latest.england == 99)
        #expect(latest.region == "London" && latest.regionValue == 15)  // London (Outer) has no figures: London
        #expect(latest.neighbourAverage == 20 && latest.neighboursWithFigures == 2)
        #expect(latest.rank == 1 && latest.ranked == 3)
        #expect(latest.lowerQuartile == 15 && latest.median == 20 && latest.upperQuartile == 20)
        #expect(latest.band == "A")
    }
}
