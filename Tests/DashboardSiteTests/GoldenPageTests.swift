import DashboardSite
import Foundation
import Testing

/// Two pages of the example site byte for byte: the KPI dashboard's page and an indicator page with a chart,
/// commentary by period and a year-to-date table. A change to a template, the stylesheet's hooks or
/// the wording shows here as a diff to review; when it is meant, write the new pages with
/// `DASHBOARDS_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests` and commit them with the change.
@Suite("Golden pages")
struct GoldenPageTests {
    static let folder = repositoryRoot + "/Tests/DashboardSiteTests/Golden"

    @Test(arguments: ["children-and-families/index.html", "cfws/family-star-positive-rate.html"])
    func pageIsAsReviewed(_ page: String) async throws {
        let output = try await ExampleSite.shared.build().output
        let built = read(output + "/" + page)
        let golden = Self.folder + "/" + page.replacingOccurrences(of: "/", with: "--")
        if ProcessInfo.processInfo.environment["DASHBOARDS_UPDATE_GOLDEN"] == "1" {
            write(built, to: golden)
            return
        }
        let expected = read(golden)
        #expect(!expected.isEmpty, "no golden copy of \(page) at \(golden): write one with DASHBOARDS_UPDATE_GOLDEN=1")
        guard built != expected else { return }
        // The first line that differs, with its neighbours, rather than two whole pages.
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = built.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let context = { (lines: [Substring]) in lines[max(0, line - 2)..<min(lines.count, line + 3)].joined(separator: "\n") }
        Issue.record(
            """
            \(page) differs from its golden copy at line \(line + 1):
            expected:
            \(context(a))
            built:
            \(context(b))
            If the change is meant, run DASHBOARDS_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests and review the diff.
            """)
    }
}
