import Foundation
import Testing

/// DfE's real LAIT files, kept out of the repository: beside the clone (`../shared`, as CI has them) or in /work/shared.
let benchmarkData: String? = {
    let candidates = [
        URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().path + "/shared/benchmark-data",
        "/work/shared/benchmark-data",
    ]
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/lait-bds-long.csv") }
}()

/// `dashboards benchmark` against LAIT's method, recomputed here from the raw file with nothing of the code
/// under test: the file split by hand, R's type-7 quantile, `rank(ties.method = "min")`, LAIT's band rule and
/// the neighbours' mean, with each authority's ten neighbours transcribed from DfE's May 2025 workbook.
@Suite("The benchmark command", .enabled(if: benchmarkData != nil, "the shared LAIT files are not in ../shared/benchmark-data or /work/shared/benchmark-data"))
struct BenchmarkCommandTests {
    /// Polarity and the no-quartile flag as LAIT's data dictionary gives them.
    static let measures: [(code: String, polarity: String, noQuartile: Bool)] = [
        ("CareLeaverEET", "High", false),
        ("ReReferral", "Low", false),
        ("CPPlans2yrsActive", "Low", false),
        ("SEN_EHC_All_20wks", "High", false),
        ("CIN", "-", false),
        ("EHCP_Initial_req_refused", "-", true),
        ("RevCP", "High", false),
    ]

    /// LA number, region rows to use (the first with any figure for the measure), and SN1–SN10 from sn_may_2025.xlsx.
    static let authorities: [(name: String, number: Int, regions: [String], neighbours: [Int])] = [
        ("Barnsley", 370, ["Yorkshire and the Humber"], [372, 384, 357, 371, 332, 894, 840, 390, 807, 394]),
        ("Barnet", 302, ["London (Outer)", "London"], [320, 870, 310, 317, 315, 306, 209, 312, 309, 307]),
        ("Barking and Dagenham", 301, ["London (Outer)", "London"], [308, 821, 313, 333, 336, 307, 304, 312, 874, 203]),
    ]

    struct Row {
        var measure: String
        var period: String
        var area: String
        var value: Double?
        var number: Int
    }

    /// RFC 4180 by hand: quoted fields may hold commas, quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\n", "\r\n":
                row.append(field)
                field = ""
                rows.append(row)
                row = []
            case "\r": continue
            default: field.append(ch)
            }
            afterQuote = false
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    static let rows: [Row] = {
        guard let benchmarkData else { return [] }
        let table = parseCSV(try! String(contentsOfFile: benchmarkData + "/lait-bds-long.csv", encoding: .utf8))
        let header = table[0]
        let m = header.firstIndex(of: "Short Desc")!, y = header.firstIndex(of: "Years")!, a = header.firstIndex(of: "LA and Regions")!
        let v = header.firstIndex(of: "Values")!, n = header.firstIndex(of: "LA Number")!
        return table.dropFirst().filter { $0.count == header.count }.map {
            Row(measure: $0[m], period: $0[y], area: $0[a], value: Double($0[v]), number: Int(Double($0[n])!))
        }
    }()

    /// R's quantile type 7.
    static func quantile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        let h = Double(s.count - 1) * p
        let j = Int(h)
        return j + 1 < s.count ? s[j] + (h - Double(j)) * (s[j + 1] - s[j]) : s[j]
    }

    struct Expected {
        var value: Double?
        var england: Double?
        var region: String
        var regionValue: Double?
        var neighbourAverage: Double?
        var neighboursWithFigures: Int
        var rank: Int?
        var ranked: Int
        var band: String
        var q1: Double
        var q2: Double
        var q3: Double
    }

    static func expected(
        measure: (code: String, polarity: String, noQuartile: Bool),
        authority: (name: String, number: Int, regions: [String], neighbours: [Int]), period: String
    ) -> Expected {
        let inPeriod = rows.filter { $0.measure == measure.code && $0.period == period }
        let las = inPeriod.filter { $0.number < 970 }
        let figures = las.compactMap(\.value)
        let value = las.first { $0.number == authority.number }?.value
        let allPeriods = rows.filter { $0.measure == measure.code }
        let region = authority.regions.first { name in allPeriods.contains { $0.area == name && $0.value != nil } } ?? authority.regions.last!
        let neighbourFigures = authority.neighbours.compactMap { n in las.first { $0.number == n }?.value }
        let q1 = quantile(figures, 0.25), q2 = quantile(figures, 0.5), q3 = quantile(figures, 0.75)
        var rank: Int?, band = ""
        if let value, measure.polarity != "-" {
            rank = 1 + figures.filter { measure.polarity == "High" ? $0 > value : $0 < value }.count
            if !measure.noQuartile {
                let quarter = value <= q1 ? 0 : value <= q2 ? 1 : value <= q3 ? 2 : 3
                band = (measure.polarity == "Low" ? ["A", "B", "C", "D"] : ["D", "C", "B", "A"])[quarter]
            }
        }
        return Expected(
            value: value, england: inPeriod.first { $0.number == 970 }?.value, region: region,
            regionValue: inPeriod.first { $0.area == region }?.value,
            neighbourAverage: neighbourFigures.isEmpty ? nil : neighbourFigures.reduce(0, +) / Double(neighbourFigures.count),
            neighboursWithFigures: neighbourFigures.count, rank: rank, ranked: figures.count, band: band, q1: q1, q2: q2, q3: q3)
    }

    static func same(_ text: String, _ number: Double?) -> Bool {
        guard let number else { return text.isEmpty }
        guard let printed = Double(text) else { return false }
        return abs(printed - number) <= 1e-9 * max(1, abs(number))
    }

    @Test(arguments: measures.map(\.code))
    func figuresMatchLAITsMethod(code: String) throws {
        let measure = Self.measures.first { $0.code == code }!
        let data = benchmarkData!
        for authority in Self.authorities {
            let result = try run([
                "benchmark", "--data", data + "/lait-bds-long.csv", "--dictionary", data + "/lait-data-dictionary.csv",
                "--neighbours", data + "/sn_may_2025.xlsx", "--authority", authority.name, "--measure", code,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = Self.parseCSV(result.stdout)
            #expect(
                lines.first == [
                    "measure", "period", "authority", "value", "england", "region", "region_value", "neighbour_average",
                    "neighbours_with_figures", "rank", "ranked", "band", "lower_quartile", "median", "upper_quartile",
                ])
            let periods = Set(Self.rows.filter { $0.measure == code }.map(\.period))
            #expect(lines.count - 1 == periods.count)
            for line in lines.dropFirst() {
                let e = Self.expected(measure: measure, authority: authority, period: line[1])
                let at = "\(code) \(authority.name) \(line[1])"
                #expect(line[0] == code && line[2] == authority.name, "\(at)")
                #expect(Self.same(line[3], e.value), "\(at) value \(line[3])")
                #expect(Self.same(line[4], e.england), "\(at) england \(line[4])")
                #expect(line[5] == e.region, "\(at) region \(line[5])")
                #expect(Self.same(line[6], e.regionValue), "\(at) region value \(line[6])")
                #expect(Self.same(line[7], e.neighbourAverage), "\(at) neighbours \(line[7]) vs \(String(describing: e.neighbourAverage))")
                #expect(line[8] == String(e.neighboursWithFigures), "\(at) neighbours with figures")
                #expect(line[9] == (e.rank.map(String.init) ?? ""), "\(at) rank \(line[9]) vs \(String(describing: e.rank))")
                #expect(line[10] == String(e.ranked), "\(at) ranked")
                #expect(line[11] == e.band, "\(at) band \(line[11]) vs \(e.band)")
                #expect(
                    Self.same(line[12], e.q1) && Self.same(line[13], e.q2) && Self.same(line[14], e.q3),
                    "\(at) quartiles \(line[12...14]) vs \(e.q1) \(e.q2) \(e.q3)")
            }
        }
    }

    @Test func onePeriodAndNearMisses() throws {
        let data = benchmarkData!
        let common = [
            "benchmark", "--data", data + "/lait-bds-long.csv", "--dictionary", data + "/lait-data-dictionary.csv",
            "--neighbours", data + "/sn_may_2025.xlsx",
        ]
        let one = try run(common + ["--authority", "barnsley", "--measure", "ReReferral", "--period", "2024"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.split(separator: "\n").count == 2)
        #expect(one.stdout.contains("\nReReferral,2024,Barnsley,"))
        let typo = try run(common + ["--authority", "Barnsly", "--measure", "ReReferral"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean 'Barnsley'?"))
        let measure = try run(common + ["--authority", "Barnsley", "--measure", "ReReferal"])
        #expect(measure.status == 1)
        #expect(measure.stderr.contains("did you mean 'ReReferral'?"))
    }
}
