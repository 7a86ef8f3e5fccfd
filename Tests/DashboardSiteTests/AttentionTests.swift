import DashboardSite
import Foundation
import Testing

/// A dashboard opens with what needs attention: red and amber statuses (red first), special causes of concern
/// and targets the process will consistently miss, each in words with a link; a plain page shows only those rows.
@Suite("Needs attention")
struct AttentionTests {
    @Test func theExampleKPIDashboardOpensWithItsRedAndAmberMeasures() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let index = read(output + "/children-and-families/index.html")
        let attention = try #require(index.range(of: "<section class=\"attention\""))
        // Before the overview and the KPI table.
        #expect(attention.lowerBound < index.range(of: "id=\"overview\"")!.lowerBound)
        #expect(index.contains("<h2 id=\"attention\">Needs attention: 10 of 25</h2>"))
        let list = String(index[attention.lowerBound...]).components(separatedBy: "</ul>")[0]
        let first = try #require(list.range(of: "<li>"))
        #expect(list[first.lowerBound...].hasPrefix("<li><a href=\"cp-plan-second-time.html\">Repeat child protection plans</a>: Red (as reported; bottom quartile).</li>"))
        #expect(list.contains("<a href=\"neet-16-17.html\">NEET aged 16-17</a>: Amber (as reported; 2nd quartile).</li>"))
        #expect(!list.contains("Green"))
        #expect(index.contains("<a href=\"attention.html\">Show only these in the KPI table</a>"))

        // The filtered page: the same KPI table with only the ten rows.
        let filtered = read(output + "/children-and-families/attention.html")
        #expect(filtered.contains("<a href=\"index.html\">Show all 25 indicators</a>"))
        let rows = filtered.components(separatedBy: "<tbody role=\"rowgroup\">").dropFirst().map {
            $0.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr role=\"row\">").count - 1
        }
        #expect(rows.reduce(0, +) == 10)

        // The printed pack lists them too, each linked to its part.
        let pack = read(output + "/children-and-families/pack.html")
        #expect(pack.contains("<li><a href=\"#pack-cp-plan-second-time\">Repeat child protection plans</a>: Red (as reported; bottom quartile).</li>"))
        #expect(pack.contains("id=\"pack-cp-plan-second-time\""))
        // Every printed page says whose and which page it is, beside its number (site.css).
        #expect(pack.contains("@bottom-left { content: \"Leicestershire County Council\\3a  Children and Family Services performance dashboard\\2c  committee pack"))

        // A dashboard with nothing to flag says what was looked at.
        #expect(read(output + "/send/index.html").contains("No indicator here has a RAG status or SPC limits to flag it"))
        #expect(!FileManager.default.fileExists(atPath: output + "/send/attention.html"))
    }
}
