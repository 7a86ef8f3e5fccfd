import Foundation
import Testing

/// `dashboards benchmark --group` for Leicestershire among the 21 county councils (the example's group file), over
/// DfE's real LAIT file. The expected numbers were worked out independently in Python over lait-bds-long.csv: the
/// county councils' rows for the measure and period with a figure, R's type-7 quantile, rank = 1 + the number of
/// councils with a better figure, LAIT's band rule; the average rank the mean of each council's ranks over the
/// measures, ranked (ties the lower rank) among the councils with every measure.
@Suite("The benchmark command within a group", .enabled(if: benchmarkData != nil, "the shared LAIT files are not in ../shared/benchmark-data or /work/shared/benchmark-data"))
struct GroupBenchmarkCommandTests {
    static var common: [String] {
        let data = benchmarkData!
        return [
            "benchmark", "--data", data + "/lait-bds-long.csv", "--dictionary", data + "/lait-data-dictionary.csv",
            "--neighbours", data + "/sn_may_2025.xlsx", "--authority", "Leicestershire",
            "--group", repositoryRoot + "/dashboards/children-and-families/groups/county-councils.txt",
        ]
    }

    /// The group's columns of a line: group, group_rank, group_ranked, group_band, quartiles.
    static func groupColumns(_ line: [String]) -> [String] { Array(line[15...]) }

    @Test func oneMeasureEveryPeriod() throws {
        let result = try run(Self.common + ["--measure", "ReReferral"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = BenchmarkCommandTests.parseCSV(result.stdout)
        #expect(
            lines[0].suffix(7) == ["group", "group_rank", "group_ranked", "group_band", "group_lower_quartile", "group_median", "group_upper_quartile"])
        let byPeriod = Dictionary(uniqueKeysWithValues: lines.dropFirst().map { ($0[1], Self.groupColumns($0)) })
        // Low polarity: 23.7 in 2024 is 17th of the 20 councils with a figure (one has `-`); above the upper quartile 23: D.
        #expect(byPeriod["2024"] == ["County councils", "17", "20", "D", "16.875", "19.05", "23"])
        #expect(byPeriod["2025"] == ["County councils", "18", "21", "D", "17", "20.1", "23.1"])
        // 18.4 is the lower quartile itself: band A, and 6th (five councils lower).
        #expect(byPeriod["2016"] == ["County councils", "6", "21", "A", "18.4", "21", "24.5"])
    }

    @Test func severalMeasuresAndTheAverageRank() throws {
        let result = try run(Self.common + ["--measure", "CareLeaverEET", "--measure", "ReReferral", "--measure", "CPPlans2yrsActive"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = BenchmarkCommandTests.parseCSV(result.stdout)
        #expect(lines.count == 5)
        // Each measure at its latest period: 2025.
        #expect(lines[1][0] == "CareLeaverEET" && lines[1][1] == "2025" && lines[1][3] == "59")
        // High polarity: 59 is 6th (five councils above 59; one other has 59 too), and B at the upper quartile 59.
        #expect(Self.groupColumns(lines[1]) == ["County councils", "6", "21", "B", "50", "56", "59"])
        #expect(Self.groupColumns(lines[2]) == ["County councils", "18", "21", "D", "17", "20.1", "23.1"])
        // 16 councils have a figure for CPPlans2yrsActive in 2025; Leicestershire's 1.2 is the lowest.
        #expect(Self.groupColumns(lines[3]) == ["County councils", "1", "16", "A", "1.85", "2.65", "3.25"])
        // (6 + 18 + 1) / 3 = 8.33…; 16 councils have all three, and two others share 8.33…: rank 5, as ties take the lower rank.
        let average = lines[4]
        #expect(average[0] == "average rank" && average[2] == "Leicestershire")
        #expect(abs(Double(average[3])! - 25.0 / 3) < 1e-9)
        #expect(Self.groupColumns(average) == ["County councils", "5", "16", "", "", "", ""])
    }

    @Test func theAverageRankForAnEarlierPeriod() throws {
        let result = try run(
            Self.common + ["--measure", "CareLeaverEET", "--measure", "ReReferral", "--measure", "CPPlans2yrsActive", "--period", "2024"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = BenchmarkCommandTests.parseCSV(result.stdout)
        // Ranks 5, 17 and 14: a mean of 12, the 15th of 16.
        #expect(lines.dropFirst().prefix(3).map { $0[16] } == ["5", "17", "14"])
        #expect(lines[4][3] == "12" && lines[4][16] == "15" && lines[4][17] == "16")
    }

    @Test func anAuthorityOutsideTheGroupAndAnUnknownName() throws {
        let outside = try run(Self.common.map { $0 == "Leicestershire" ? "Leicester" : $0 } + ["--measure", "ReReferral"])
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("Leicester is not in the group 'County councils'"))
        let folder = NSTemporaryDirectory() + "group-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# Counties\nLeicestershire\nNottinghamshir\n".write(toFile: folder + "/g.txt", atomically: true, encoding: .utf8)
        let args = Self.common.dropLast(2) + ["--group", folder + "/g.txt", "--measure", "ReReferral"]
        let typo = try run(Array(args))
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("g.txt:3:1: error: there is no local authority 'Nottinghamshir' as LAIT's file names them; the nearest is 'Nottinghamshire'"))
    }
}
