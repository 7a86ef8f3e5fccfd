import DashboardCore
import DashboardSite
import Foundation
import Testing

/// One build of the shipped example input, shared by the tests that only read it.
actor ExampleSite {
    static let shared = ExampleSite()
    private var built: (output: String, report: BuildReport)?

    func build() async throws -> (output: String, report: BuildReport) {
        if let built { return built }
        let output = Scratch("example-site").path + "/public"
        let report = try await SiteBuilder.build(options(input: exampleInput, output: output))
        built = (output, report)
        return (output, report)
    }
}

@Suite("The example site")
struct ExampleSiteTests {
    func builtSite() async throws -> String { try await ExampleSite.shared.build().output }

    @Test func buildsEveryDashboardAndIndicatorPage() async throws {
        let (output, report) = try await ExampleSite.shared.build()
        #expect(report.dashboards == 3)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        for id in ["cfws", "send", "children-and-families"] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(id)/index.html"))
        }
        for page in [
            "cfws/family-star-positive-rate.html", "cfws/allocation-locality.html",
            "children-and-families/cp-reviews-in-timescale.html", "send/ehcp-total.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(page)"), "\(page)")
        }
        #expect(FileManager.default.fileExists(atPath: "\(output)/index.html"))
        #expect(FileManager.default.fileExists(atPath: "\(output)/assets/site.css"))
    }

    @Test func kpiTableShowsTheQuarterOneFiguresAsPublished() async throws {
        let output = try await builtSite()
        let html = read("\(output)/children-and-families/index.html")
        // % child protection cases reviewed within timescales: 94.9% (1074), Better, 97.0%, A, quartile 2, 90.8%.
        #expect(html.contains("94.9% (1,074)"))
        #expect(html.contains("97.0%"))
        #expect(html.contains("90.8%"))
        #expect(html.contains(">Amber<"))
        let row = try #require(kpiRow(of: "cp-reviews-in-timescale.html", in: html))
        #expect(row.contains("94.9% (1,074)"))
        #expect(row.contains(">▲ Better<"))
        // Repeat child protection plans: 26.4% (62), Higher (low is good) → worse, red, fourth quartile.
        #expect(html.contains("26.4% (62)"))
        #expect(html.contains(">Red<"))
    }

    @Test func overviewRepeatsTheCommitteeReportsCounts() async throws {
        let output = try await builtSite()
        let html = read("\(output)/children-and-families/index.html")
        // The paper: 5 no significant change, 7 declined, 6 information only; 4/5/3/3 by quartile.
        // (It says 9 improved of 27 measures; two improved rows are not in the excerpt, which has 25 rows.)
        #expect(html.contains("From 25 measures reported, 7 have improved, 5 are similar to the previous figure and 7 have declined; 6 provide information only with no polarity."))
        #expect(html.contains("From 15 measures with a national benchmark, 4 are in the top quartile, 5 are in the second, 3 are in the third and 3 are in the fourth."))
    }

    @Test func ragStatusIsNeverColourAlone() async throws {
        let output = try await builtSite()
        let html = read("\(output)/children-and-families/index.html")
        // Every RAG badge carries its word and its rule for screen readers.
        let badges = html.components(separatedBy: "class=\"badge badge--").dropFirst()
        #expect(!badges.isEmpty)
        for badge in badges {
            let text = badge.split(separator: ">", maxSplits: 1).last.map(String.init) ?? ""
            #expect(!text.hasPrefix("<"), "a badge without words: \(badge.prefix(80))")
        }
        #expect(html.contains("the rules would give Amber"))  // CP plans 2 years: published Green, key gives Amber
        // The rule in brief is visible under each status, not only in hidden text.
        #expect(html.contains(">as reported; the rules give Amber<"))
        #expect(html.contains(">as reported; bottom quartile<"))
    }

    @Test func everyImageHasAltTextFromTheData() async throws {
        let output = try await builtSite()
        var images = 0
        for (path, data) in snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for tag in html.components(separatedBy: "<img ").dropFirst() {
                images += 1
                let alt = tag.components(separatedBy: "alt=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
                if tag.hasPrefix("class=\"spc-icon\"") {
                    // A Making Data Count icon repeats the words printed beside it: empty alt text, and the words follow.
                    let after = tag.components(separatedBy: ">").dropFirst().joined(separator: ">")
                    let words = after.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces)
                    #expect(
                        alt.isEmpty
                            && (words.hasPrefix("Special cause") || words.hasPrefix("Common cause") || words.hasPrefix("Improvement")
                                || words.hasPrefix("Concern") || words.hasPrefix("Assurance")),
                        "\(path): <img \(tag.prefix(160))")
                    continue
                }
                #expect(alt.count > 20, "\(path): <img \(tag.prefix(120))")
            }
        }
        #expect(images > 50)
        let page = read("\(output)/cfws/allocation-locality.html")
        #expect(page.contains(">Gap: break in data<"))
        #expect(page.contains("Break in data while tableau was developed"))
    }

    @Test func indicatorPageHasTableDefinitionSourceAndDownloads() async throws {
        let output = try await builtSite()
        let page = read("\(output)/cfws/family-star-positive-rate.html")
        #expect(page.contains("<table class=\"data\">"))
        #expect(page.contains("67.1%"))
        #expect(page.contains("69.3%"))  // 2019/20 YTD as published
        #expect(page.contains("233 / 336"))  // and recomputed from its counts
        #expect(page.contains("Definition"))
        #expect(page.contains("CFWS performance appendix"))
        #expect(page.contains("href=\"family-star-positive-rate.csv\""))
        #expect(page.contains("charts/family-star-positive-rate-print.png"))
        let csv = read("\(output)/cfws/family-star-positive-rate.csv")
        #expect(csv.hasPrefix("indicator,period,value,numerator,denominator,note,interval lower,interval upper,interval level,interval method\r\n"))
        // The interval from the numerator and denominator indicators' counts (70 of 103 in 2020/21 Q1).
        #expect(csv.contains("family-star-positive-rate,2020/21 Q1,68.0%,,,,58.44%,76.19%,95%,Wilson score interval\r\n"))
        #expect(csv.contains("family-star-positive-rate,2019/20 Q1,67.1%,,,"))
    }

    @Test func printChartsHaveTheirResolutionSet() async throws {
        let output = try await builtSite()
        let data = try #require(FileManager.default.contents(atPath: "\(output)/cfws/charts/family-star-positive-rate-print.png"))
        let bytes = [UInt8](data)
        let pHYs = try #require(findChunk("pHYs", in: bytes))
        let perMetre = Int(pHYs[0]) << 24 | Int(pHYs[1]) << 16 | Int(pHYs[2]) << 8 | Int(pHYs[3])
        #expect(abs(Double(perMetre) * 0.0254 - 300) < 0.5)
        #expect(pHYs[8] == 1)  // unit: metre
        let text = read("\(output)/cfws/charts/family-star-positive-rate-print.txt")
        #expect(text.contains("Alt text:"))
        #expect(text.contains("300 dpi"))
    }

    @Test func archivedEditionsLinkToEachOther() async throws {
        let output = try await builtSite()
        let latest = read("\(output)/cfws/index.html")
        #expect(latest.contains("editions/2019-20-q4/index.html"))
        let archived = read("\(output)/cfws/editions/2019-20-q4/index.html")
        #expect(archived.contains("as it stood at 2019/20 Q4"))
        #expect(archived.contains("../2019-20-q3/index.html"))
        #expect(archived.contains("../../index.html"))
        // As it stood at 2019/20 Q4, the latest open-cases figure was Q4's 1,193, not 2020/21 Q1's 1,355.
        #expect(archived.contains("1,193"))
        #expect(!archived.contains("1,355"))
    }

    @Test func pagesNeedNoScriptsNorNetwork() async throws {
        let output = try await builtSite()
        for (path, data) in snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("http://") && !html.contains("https://"), "\(path) refers to the network")
        }
    }
}

/// The data of the first PNG chunk of `type`.
func findChunk(_ type: String, in bytes: [UInt8]) -> [UInt8]? {
    var index = 8
    let typeBytes = Array(type.utf8)
    while index + 8 <= bytes.count {
        let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
        let chunkType = Array(bytes[(index + 4)..<(index + 8)])
        if chunkType == typeBytes { return Array(bytes[(index + 8)..<(index + 8 + length)]) }
        index += 12 + length
    }
    return nil
}

/// The KPI table row whose indicator links to `page`, from its `<tr>` to its `</tr>`.
/// The KPI table's row linking to `page` (the first link inside a table, not the "Needs attention" list's).
func kpiRow(of page: String, in html: String) -> String? {
    guard let table = html.range(of: "<table"), let link = html.range(of: "<a href=\"\(page)\">", range: table.upperBound..<html.endIndex),
        let start = html.range(of: "<tr role=\"row\">", options: .backwards, range: html.startIndex..<link.lowerBound),
        let end = html.range(of: "</tr>", range: link.upperBound..<html.endIndex)
    else { return nil }
    return String(html[start.lowerBound..<end.upperBound])
}
