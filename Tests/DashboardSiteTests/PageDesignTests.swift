import DashboardCore
import DashboardSite
import Foundation
import Testing

/// What the templates and page models promise a reader: the council's colour with readable header text,
/// only the KPI columns a dashboard has figures for, cells labelled for the phone layout, figures aligned,
/// and charts printed at print resolution.
@Suite("Page design")
struct PageDesignTests {
    func builtSite() async throws -> String { try await ExampleSite.shared.build().output }

    /// The KPI table rows of a dashboard page, each as its cells' markup.
    func kpiRows(_ html: String) -> [[String]] {
        var result: [[String]] = []
        for body in html.components(separatedBy: "<tbody role=\"rowgroup\">").dropFirst() {
            let rows: [String] = Array(body.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr role=\"row\">").dropFirst())
            for row in rows {
                let cells: [String] = Array(row.components(separatedBy: "<td ").dropFirst())
                result.append(cells)
            }
        }
        return result
    }

    @Test func theBrandColourReachesEveryPageOfItsDashboardAndItsCard() async throws {
        let output = try await builtSite()
        // The examples' #00625e: white text on it has a contrast of 7.2:1.
        for page in [
            "cfws/index.html", "cfws/family-star-positive-rate.html", "cfws/editions/2019-20-q4/index.html",
            "send/ehcp-total.html", "children-and-families/index.html",
        ] {
            #expect(read("\(output)/\(page)").contains("<body style=\"--brand: #00625e; --brand-text: #ffffff\">"), "\(page)")
        }
        let index = read("\(output)/index.html")
        #expect(index.contains("<body>"))
        #expect(index.components(separatedBy: "<li class=\"card\" style=\"--brand: #00625e; --brand-text: #ffffff\">").count == 4)
        let css = read("\(output)/assets/site.css")
        #expect(css.contains("background: var(--brand); color: var(--brand-text)"))
    }

    @Test func aLightBrandColourGetsBlackHeaderTextAndNoneGetsTheDefault() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        // Yellow: white on it would be 1.4:1, black is 15.6:1. Mid grey #777777: white 4.48:1 (short of 4.5), black 4.69:1.
        edit(input + "/send/dashboard.yml", replacing: "brand_colour: \"#00625e\"", with: "brand_colour: \"#FFDD00\"")
        edit(input + "/cfws/dashboard.yml", replacing: "brand_colour: \"#00625e\"", with: "brand_colour: \"#777777\"")
        edit(input + "/children-and-families/dashboard.yml", replacing: "brand_colour: \"#00625e\"", with: "")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        #expect(read(output + "/send/index.html").contains("<body style=\"--brand: #ffdd00; --brand-text: #000000\">"))
        #expect(read(output + "/cfws/index.html").contains("<body style=\"--brand: #777777; --brand-text: #000000\">"))
        // Without a colour the stylesheet's own applies: white on #12436d, 10.3:1.
        #expect(read(output + "/children-and-families/index.html").contains("<body>"))
        let css = read(output + "/assets/site.css")
        #expect(css.contains("--brand: #12436d;"))
        #expect(css.contains("--brand-text: #ffffff;"))
    }

    @Test func kpiColumnsAreThoseTheDashboardHasFiguresFor() async throws {
        let output = try await builtSite()
        let departmental = read("\(output)/children-and-families/index.html")
        // Every measure is a single quarter's figure: targets, RAG, quartiles and neighbours, but no trend.
        for heading in ["Target", "RAG status", "National quartile", "Statistical neighbours"] {
            #expect(departmental.contains("<th scope=\"col\"") && departmental.contains(">\(heading)"), "\(heading)")
        }
        #expect(!departmental.contains(">Trend</th>"))
        #expect(!departmental.contains("Single figure"))
        #expect(!departmental.contains("<th scope=\"col\" role=\"columnheader\">SPC</th>"))

        let service = read("\(output)/cfws/index.html")
        #expect(service.contains("<th scope=\"col\" role=\"columnheader\">Trend</th>"))
        #expect(service.contains("<th scope=\"col\" role=\"columnheader\">SPC</th>"))
        #expect(!service.contains(">Target</th>"))
        #expect(!service.contains(">RAG status</th>"))
    }

    @Test func everyKPICellIsLabelledForThePhoneLayout() async throws {
        let output = try await builtSite()
        for page in ["children-and-families/index.html", "cfws/index.html", "send/index.html"] {
            let html = read("\(output)/\(page)")
            let columns = html.components(separatedBy: "</thead>")[0].components(separatedBy: "<th scope=\"col\"").count - 1
            let rows = kpiRows(html)
            #expect(rows.count > 10, "\(page)")
            for cells in rows {
                // The row's header cell is the first column; every other cell carries its column's label.
                #expect(cells.count == columns - 1, "\(page): \(cells.first?.prefix(60) ?? "")")
                for cell in cells {
                    #expect(cell.hasPrefix("data-label=\""), "\(page): <td \(cell.prefix(60))")
                }
            }
            // Each section's table scrolls inside its own labelled region, never the page.
            #expect(html.contains("<div class=\"table-scroll\" role=\"region\" aria-label=\""))
        }
    }

    @Test func figuresInDataTablesAreRightAligned() async throws {
        let output = try await builtSite()
        let page = read("\(output)/cfws/family-star-positive-rate.html")
        #expect(page.contains("<th scope=\"col\" class=\"num\">Figure</th>"))
        #expect(page.contains("<th scope=\"row\">2019/20 Q1</th><td class=\"num\">67.1%</td>"))
        #expect(page.contains("<th scope=\"col\">Note</th>"))
        let gaps = read("\(output)/cfws/allocation-locality.html")
        #expect(gaps.contains("<tr class=\"gap\"><th scope=\"row\">December 2019</th><td class=\"num\">Gap: break in data</td>"))
    }

    @Test func chartsPrintAtPrintResolution() async throws {
        let output = try await builtSite()
        let page = read("\(output)/cfws/family-star-positive-rate.html")
        #expect(
            page.contains(
                "<style>@media print { .chart img[src=\"charts/family-star-positive-rate-wide.png\"] { content: url(\"charts/family-star-positive-rate-print.png\"); } }</style>"))
        // An archived edition has no 300 dpi chart: it prints the 2x one.
        let archived = read("\(output)/cfws/editions/2019-20-q4/family-star-positive-rate.html")
        #expect(archived.contains("content: url(\"charts/family-star-positive-rate@2x.png\")"))
        #expect(FileManager.default.fileExists(atPath: "\(output)/cfws/editions/2019-20-q4/charts/family-star-positive-rate@2x.png"))
        // Sparklines print from their 2x images.
        let dashboard = read("\(output)/cfws/index.html")
        #expect(dashboard.contains(".trend img[src=\"charts/eh-assessments-spark.png\"] { content: url(\"charts/eh-assessments-spark@2x.png\"); }"))
        let css = read("\(output)/assets/site.css")
        #expect(css.contains("@page { size: A4;"))
        #expect(css.contains("@media screen and (max-width: 48em)"))
    }

    @Test func aDashboardWithoutSparklinesHasNoPrintStyle() async throws {
        let output = try await builtSite()
        // Its only style is every page's printed footer: no sparkline's print image.
        let page = read("\(output)/children-and-families/index.html")
        #expect(!page.contains(".trend img["))
        #expect(page.components(separatedBy: "<style>").count == 2)
    }

    @Test func headingsDescendOneLevelAtATime() async throws {
        let output = try await builtSite()
        for (path, data) in snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            var previous = 0
            var h1s = 0
            for piece in html.components(separatedBy: "<h").dropFirst() {
                guard let level = piece.first?.wholeNumberValue, (1...6).contains(level) else { continue }
                if level == 1 { h1s += 1 }
                #expect(level <= previous + 1, "\(path): h\(level) after h\(previous)")
                previous = level
            }
            #expect(h1s == 1, "\(path)")
        }
    }
}
