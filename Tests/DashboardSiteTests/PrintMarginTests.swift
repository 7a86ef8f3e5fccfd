import DashboardSite
import Foundation
import Testing

/// Every printed page carries, in its margins, its number of the whole, whose and which page it is, and the
/// edition's date: the dashboard's and the pack's titles say it, and the other pages add it.
@Suite("Printed page margins")
struct PrintMarginTests {
    static func footer(_ page: String) -> String? {
        page.components(separatedBy: "@bottom-left { content: \"").dropFirst().first?.components(separatedBy: "\"; }").first
    }

    @Test func everyPrintedPageSaysItsNumberTitleAndEdition() async throws {
        let output = try await ExampleSite.shared.build().output
        let css = read(output + "/assets/site.css")
        #expect(css.contains(#"@bottom-right { content: "Page " counter(page) " of " counter(pages);"#))
        let expected = [
            "cfws/index.html": #"Leicestershire County Council\3a  Children and Family Wellbeing Service performance\2c  July 2020"#,
            "cfws/pack.html": #"Leicestershire County Council\3a  Children and Family Wellbeing Service performance\2c  committee pack\2c  July 2020"#,
            "cfws/eh-assessments.html":
                #"Leicestershire County Council\3a  Number of early help assessments completed in the quarter\2c  Children and Family Wellbeing Service performance\2c  figures as at July 2020"#,
            "cfws/changes.html":
                #"Leicestershire County Council\3a  What changed since 2020\2f 21 Q1\2c  Children and Family Wellbeing Service performance\2c  figures as at July 2020"#,
        ]
        for (page, footer) in expected {
            #expect(Self.footer(read(output + "/" + page)) == footer, "\(page)")
        }
        // The landscape KPI pages: the table fills the page's width.
        #expect(css.contains("@page landscape { size: A4 landscape;") && css.contains(".kpi { table-layout: fixed; width: 100%; }"))
    }
}
