import Foundation
import Testing

/// The printable committee pack (`pack.html`) and the dashboard page's print layout.
@Suite("The printable pack")
struct PackPageTests {
    func builtSite() async throws -> String { try await ExampleSite.shared.build().output }

    @Test func thePackHasTheOverviewTheKPITableAndEveryIndicatorsChartHeadlineAndCommentary() async throws {
        let output = try await builtSite()
        let pack = read("\(output)/cfws/pack.html")
        let dashboard = read("\(output)/cfws/index.html")
        #expect(dashboard.contains("<a href=\"pack.html\">"))
        #expect(pack.contains("<h1>Children and Family Wellbeing Service performance: committee pack</h1>"))
        #expect(pack.contains("<h2 id=\"overview\">Overview</h2>"))
        #expect(pack.contains("<div class=\"kpi-sections\">"))
        // One part per indicator, each with its chart (alt text as on its page, print image swapped in) and headline.
        let parts = pack.components(separatedBy: "<article class=\"pack-part\"").dropFirst()
        #expect(parts.count == 15)
        for part in parts {
            #expect(part.contains("<figure class=\"chart\">"))
            #expect(part.contains("<p class=\"lede\">"))
        }
        let page = read("\(output)/cfws/families-open.html")
        let alt = try #require(
            page.components(separatedBy: "<figure class=\"chart\">").dropFirst().first?
                .components(separatedBy: "alt=\"").dropFirst().first?.components(separatedBy: "\"").first)
        #expect(pack.contains("alt=\"\(alt)\""))
        #expect(pack.contains(".chart img[src=\"charts/families-open-wide.png\"] { content: url(\"charts/families-open-print.png\"); }"))
        #expect(pack.contains("<strong>Commentary:</strong> The number of families open to the service fell from 3,285 in 2018/19 to"))
        // Parts follow the dashboard's sections, in order.
        let star = try #require(pack.range(of: "id=\"part-section-3-family-star-outcomes\""))
        let early = try #require(pack.range(of: "id=\"part-section-4-early-help-assessments\""))
        #expect(star.lowerBound < early.lowerBound)
        // Archived editions have their pack too.
        #expect(FileManager.default.fileExists(atPath: "\(output)/cfws/editions/2019-20-q4/pack.html"))
    }

    @Test func theKPITablePrintsLandscapeWithItsSectionNamedInEachTablesHead() async throws {
        let output = try await builtSite()
        let html = read("\(output)/children-and-families/index.html")
        // Each section's table head starts with a row naming the section, spanning every column: printed, it
        // repeats with the column headings on each page the table runs onto.
        let heads = html.components(separatedBy: "<thead role=\"rowgroup\">").dropFirst().map { $0.components(separatedBy: "</thead>")[0] }
        #expect(heads.count > 3)
        for head in heads {
            #expect(head.hasPrefix("\n<tr class=\"kpi__section-row\" role=\"row\"><th colspan=\""))
            let colspan = Int(head.components(separatedBy: "colspan=\"")[1].components(separatedBy: "\"")[0])
            let columns = head.components(separatedBy: "<th scope=\"col\"").count - 1
            #expect(colspan == columns)
        }
        #expect(html.contains("scope=\"colgroup\" role=\"columnheader\">People are safe in their daily lives</th></tr>"))
        let css = read("\(output)/assets/site.css")
        #expect(css.contains("@page landscape { size: A4 landscape;"))
        #expect(css.contains(".kpi-sections { page: landscape; }"))
        #expect(css.contains(".kpi__section-row { display: none; }"))
        #expect(css.contains(".kpi__section-row { display: table-row; }"))
    }
}
