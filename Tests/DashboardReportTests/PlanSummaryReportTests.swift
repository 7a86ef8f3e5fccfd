import Foundation
import Testing

/// The Ofsted (ILACS) plan of the children-and-families example in the Word report: its per-area summary of
/// activity and impact, in words on the key's colours, before the actions.
@Suite struct PlanSummaryReportTests {
    @Test func thePerAreaSummaryIsATableOfActivityAndImpactInWords() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/children-and-families.docx"
        let result = try run(["report", "children-and-families", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        let tables = document.all("w:tbl")
        let summary = try #require(tables.first { $0.first("w:tblCaption")?["w:val"] == "Ofsted improvement plan: activity and impact by area" })
        let actions = try #require(tables.firstIndex { $0.first("w:tblCaption")?["w:val"] == "Ofsted improvement plan: actions" })
        #expect(try #require(tables.firstIndex { $0.first("w:tblCaption")?["w:val"] == "Ofsted improvement plan: activity and impact by area" }) < actions)
        let cells = summary.all("w:tc")
        #expect(cells.map(\.wordText).prefix(4) == ["Area", "Activity", "Impact", "How we will monitor and measure impact"])
        #expect(cells.contains { $0.wordText == "Area for improvement 2: The consistency of assessments and plans for children in need" })
        let red = cells.filter { $0.wordText == "Red – off track" }
        #expect(red.count == 1)
        #expect(red.allSatisfy { $0.first("w:shd")?["w:fill"] == "D4351C" })
        #expect(cells.contains { $0.wordText == "Monthly audit grades; single assessments within 45 working days; repeat child protection plans" })
        // Both plans' sections are landscape.
        let planSections = try sections(of: document).filter { section in
            section.elements.contains { $0.name == "w:tbl" && $0.first("w:tblCaption")?["w:val"] == "Ofsted improvement plan: actions" }
        }
        #expect(planSections.count == 1)
        #expect(planSections.first?.landscape == true)
    }
}
