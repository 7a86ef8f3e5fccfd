import Foundation
import Testing

/// The paper files as is: headings stay with what follows them, the KPI table's columns are the site's in its
/// order with the RAG status on one line, and each chart's caption says what it shows, when, and its source.
@Suite("The Word paper files as is")
struct PaperFilingTests {
    func document(_ dashboard: String, scratch: Scratch) throws -> Docx {
        let path = scratch.path + "/\(dashboard).docx"
        let result = try run(["report", dashboard, "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        return try Docx(path: path)
    }

    @Test func headingStylesKeepWithTheNextParagraph() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let styles = try document("cfws", scratch: scratch).xml("word/styles.xml")
        for id in ["Heading1", "Heading2", "Heading3", "Heading4", "Figure"] {
            let style = try #require(styles.all("w:style").first { $0["w:styleId"] == id })
            #expect(style.first("w:keepNext") != nil, "\(id) does not keep with the next paragraph")
        }
    }

    @Test func theKPITableHasTheSitesColumnsInItsOrderWithRAGOnOneLine() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let xml = try document("children-and-families", scratch: scratch).xml("word/document.xml")
        let table = try #require(xml.all("w:tbl").first { ($0.first("w:tblCaption")?["w:val"] ?? "").hasSuffix("key performance indicators") })
        let rows = table.children.filter { $0.name == "w:tr" }
        let headings = rows[0].all("w:tc").map(\.wordText)
        #expect(
            headings == ["Indicator", "Period", "Current figure", "Compared with previous", "Target", "RAG status", "National quartile (1 = top)", "Statistical neighbours"])
        // The site's table has the same columns in the same order.
        let output = scratch.path + "/public"
        #expect(try run(["build", "--output", output]).status == 0)
        let page = read(output + "/children-and-families/index.html")
        var at = page.startIndex
        for heading in ["Indicator", "Period", "Current figure", "Compared with previous", "Target", "RAG status", "National quartile", "Statistical neighbours"] {
            let found = try #require(page.range(of: "role=\"columnheader\">" + heading, range: at..<page.endIndex), "\(heading) is not in the site's order")
            at = found.upperBound
        }
        // The RAG column is wide enough for its longest status and rule in 9 pt Arial (about 0.17 cm a character).
        let widths = table.first("w:tblGrid")!.all("w:gridCol").map { Int($0["w:w"]!)! }
        let longest = rows.dropFirst().compactMap { row -> Int? in
            let cells = row.all("w:tc")
            return cells.count == headings.count ? cells[5].wordText.count : nil
        }.max()!
        let twipsPerCm = 1440 / 2.54
        #expect(Double(widths[5]) >= (Double(longest) * 0.17 + 0.3) * twipsPerCm - 1)
        #expect(widths.reduce(0, +) <= Int((29.7 - 2 * 2.54) * twipsPerCm) + 1)
    }

    @Test func chartCaptionsSayWhatWhenAndWhose() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let xml = try document("cfws", scratch: scratch).xml("word/document.xml")
        let captions = xml.all("w:p").filter { style(of: $0) == "Caption" }.map(\.wordText).filter { $0.hasPrefix("Figure") }
        #expect(!captions.isEmpty)
        for caption in captions {
            #expect(caption.contains("Source: "), "\(caption)")
            #expect(caption.contains(" 20"), "\(caption) names no period")
        }
        #expect(captions.contains { $0.contains("Families open to the service") || $0.contains(" to 2020/21 Q1") })
    }
}
