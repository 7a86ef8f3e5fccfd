import Foundation
import Testing

/// A section of the document: what it holds and the text column its page settings leave.
struct DocumentSection {
    var elements: [Element]
    var properties: Element
    var landscape: Bool { properties.first("w:pgSz")?["w:orient"] == "landscape" }
    /// Twips: the page's width less its margins.
    var column: Int {
        let width = Int(properties.first("w:pgSz")?["w:w"] ?? "") ?? 0
        let margins = properties.first("w:pgMar")
        return width - (Int(margins?["w:left"] ?? "") ?? 0) - (Int(margins?["w:right"] ?? "") ?? 0)
    }
}

/// The body's children split at each section break, with the properties that end each section.
func sections(of document: Element) throws -> [DocumentSection] {
    let body = try #require(document.first("w:body"))
    var sections: [DocumentSection] = []
    var current: [Element] = []
    for child in body.children {
        if child.name == "w:sectPr" {
            sections.append(DocumentSection(elements: current, properties: child))
            current = []
        } else if child.name == "w:p", let properties = child.children.first(where: { $0.name == "w:pPr" })?.children.first(where: { $0.name == "w:sectPr" }) {
            current.append(child)
            sections.append(DocumentSection(elements: current, properties: properties))
            current = []
        } else {
            current.append(child)
        }
    }
    return sections
}

func style(of paragraph: Element) -> String? {
    paragraph.children.first { $0.name == "w:pPr" }?.children.first { $0.name == "w:pStyle" }?["w:val"]
}

/// The alt text `dashboards chart` writes beside a chart, to compare with the picture's description.
func chartAltText(_ target: String, scratch: Scratch) throws -> String {
    let png = scratch.path + "/chart-\(UUID().uuidString).png"
    let result = try run(["chart", target, "-o", png])
    #expect(result.status == 0, "\(result.stderr)")
    let text = String(decoding: try #require(FileManager.default.contents(atPath: String(png.dropLast(4)) + ".txt")), as: UTF8.self)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Alt text: ") })
    return String(line.dropFirst("Alt text: ".count))
}

@Suite("The committee report (Word)")
struct ReportTests {
    @Test func theDocumentIsAWellFormedWordPackage() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/cfws.docx"
        let result = try run(["report", "cfws", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let docx = try Docx(path: path)
        #expect(docx.names.first == "[Content_Types].xml")
        for name in [
            "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels",
            "docProps/core.xml", "docProps/app.xml", "word/footer1.xml",
        ] {
            #expect(docx.parts[name] != nil, "missing \(name)")
        }
        // Every XML part parses; every relationship's target is in the package.
        for name in docx.names where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            _ = try docx.xml(name)
        }
        let relationships = try docx.xml("word/_rels/document.xml.rels").all("Relationship")
        for relationship in relationships {
            let target = try #require(relationship["Target"])
            #expect(docx.parts["word/" + target] != nil, "the relationship to \(target) points nowhere")
        }
        let pictures = docx.names.filter { $0.hasPrefix("word/media/") && $0.hasSuffix(".png") }
        // The example's CFWS dashboard has 15 indicators, each with a chart.
        #expect(pictures.count == 15)
        // The document's language is set for proofing and screen readers.
        let styles = try docx.xml("word/styles.xml")
        #expect(styles.first("w:docDefaults")?.first("w:lang")?["w:val"] == "en-GB")
        #expect(try docx.xml("docProps/core.xml").first("dc:language")?.text == "en-GB")
        // Word fills in the contents' page numbers on opening.
        #expect(try docx.xml("word/settings.xml").first("w:updateFields")?["w:val"] == "true")
        #expect(try docx.xml("docProps/core.xml").first("dc:title")?.text == "Children and Family Wellbeing Service performance")
    }

    @Test func everyPictureHasTheChartsAltTextAndFitsTheTextColumn() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/cfws.docx"
        let result = try run(["report", "cfws", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        var count = 0
        for section in try sections(of: document) {
            for element in section.elements {
                for inline in element.all("wp:inline") {
                    count += 1
                    let description = try #require(inline.first("wp:docPr")?["descr"])
                    #expect(!description.isEmpty)
                    #expect(inline.first("pic:cNvPr")?["descr"] == description)
                    let cx = try #require(Int(inline.first("wp:extent")?["cx"] ?? ""))
                    let cy = try #require(Int(inline.first("wp:extent")?["cy"] ?? ""))
                    #expect(cx <= section.column * 635, "a picture is wider than its text column")
                    #expect(!section.landscape)
                    // 15.9 cm at 300 dpi: 1878 × 1056 pixels, placed at that size (pixels / dpi × 914400 EMU).
                    #expect(cx == 1878 * 914_400 / 300)
                    #expect(cy == 1056 * 914_400 / 300)
                }
            }
        }
        #expect(count == 15)
        // The description is the chart's own alt text, as `dashboards chart` gives it.
        let alt = try chartAltText("cfws/family-star-positive-rate", scratch: scratch)
        #expect(document.all("wp:docPr").contains { $0["descr"] == alt })
    }

    /// A chart asked for at 8 cm is the same chart in the report as from `dashboards chart`: one print
    /// geometry gives both its height (9/16 of the width, but at least 7.5 cm and no more than the width).
    @Test func aNarrowReportChartIsTheSizeTheChartCommandMakes() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/cfws.docx"
        let result = try run(["report", "cfws", "--chart-width-cm", "8", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        let png = scratch.path + "/chart.png"
        #expect(try run(["chart", "cfws/family-star-positive-rate", "--width-cm", "8", "-o", png]).status == 0)
        // 8 cm at 300 dpi is 945 pixels; 7.5 cm high (886 pixels), as 9/16 of 8 cm is under 7.5 cm.
        let header = try #require(FileManager.default.contents(atPath: png))
        let width = header[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = header[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 945 && height == 886)
        let extents = document.all("wp:extent")
        #expect(extents.count == 15)
        for extent in extents {
            #expect(extent["cx"] == String(width * 914_400 / 300))
            #expect(extent["cy"] == String(height * 914_400 / 300))
        }
    }

    @Test func headingsUseWordHeadingStylesInOrder() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/cfws.docx"
        #expect(try run(["report", "cfws", "-o", path]).status == 0)
        let docx = try Docx(path: path)
        let document = try docx.xml("word/document.xml")
        let headings = document.all("w:p").compactMap { paragraph -> (Int, String)? in
            guard let style = style(of: paragraph), style.hasPrefix("Heading"), let level = Int(style.dropFirst("Heading".count)) else { return nil }
            return (level, paragraph.wordText)
        }
        #expect(headings.first?.0 == 1)
        for (previous, next) in zip(headings, headings.dropFirst()) {
            #expect(next.0 <= previous.0 + 1, "\(next.1) (Heading \(next.0)) follows a Heading \(previous.0)")
        }
        let texts = Set(headings.map(\.1))
        #expect(texts.contains("Overview"))
        #expect(texts.contains("Key performance indicators"))
        #expect(headings.contains { $0.0 == 1 && $0.1 == "Family Star outcomes" })
        #expect(headings.contains { $0.0 == 2 && $0.1 == "Total number of families open to CFWS" })
        #expect(headings.contains { $0.0 == 2 && $0.1 == "Family Star: positive progress made in at least 3 of the 10 domains (%)" })
        // A table of contents: Word's TOC field over Headings 1 and 2, each entry linked to its heading; every
        // link in the document (the KPI table's too) leads to a bookmark that is there.
        let contents = try #require(document.all("w:sdt").first { $0.first("w:docPartGallery")?["w:val"] == "Table of Contents" })
        #expect(contents.first("w:instrText")?.text.contains("TOC \\o \"1-2\"") == true)
        let entries = contents.all("w:hyperlink").map(\.wordText)
        #expect(entries == headings.filter { $0.0 <= 2 }.map(\.1))
        let bookmarks = Set(document.all("w:bookmarkStart").compactMap { $0["w:name"] })
        let anchors = document.all("w:hyperlink").compactMap { $0["w:anchor"] }
        #expect(anchors.count > entries.count)
        #expect(anchors.allSatisfy { bookmarks.contains($0) })
        // The styles are Word's own headings, with their outline levels, so the navigation pane finds them.
        let styles = try docx.xml("word/styles.xml").all("w:style")
        for level in 1...3 {
            let style = try #require(styles.first { $0["w:styleId"] == "Heading\(level)" })
            #expect(style.first("w:name")?["w:val"] == "heading \(level)")
            #expect(style.first("w:outlineLvl")?["w:val"] == "\(level - 1)")
        }
    }

    @Test func tablesRepeatTheirHeaderRowAndTheKPITableIsLandscape() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/kpi.docx"
        let result = try run(["report", "children-and-families", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        let tables = document.all("w:tbl")
        #expect(tables.count > 1)
        for table in tables {
            let rows = table.children.filter { $0.name == "w:tr" }
            #expect(rows.first?.first("w:tblHeader") != nil, "a table's first row is not marked as its header")
            #expect(rows.dropFirst().allSatisfy { $0.first("w:tblHeader") == nil })
            #expect(table.first("w:tblCaption")?["w:val"]?.isEmpty == false)
        }
        let kpiSections = try sections(of: document).filter { section in
            section.elements.contains { $0.name == "w:tbl" && ($0.first("w:tblCaption")?["w:val"] ?? "").hasSuffix("key performance indicators") }
        }
        #expect(kpiSections.count == 1)
        #expect(kpiSections.first?.landscape == true)
        // The previous figure the direction was judged against, beside the current one, where the data has one
        // (the paper behind children-and-families states every direction, so it has no such column).
        func kpiHeadings(_ document: Element) throws -> [String]? {
            let kpiTable = try #require(document.all("w:tbl").first { ($0.first("w:tblCaption")?["w:val"] ?? "").hasSuffix("key performance indicators") })
            return kpiTable.children.first { $0.name == "w:tr" }?.children.filter { $0.name == "w:tc" }.map(\.wordText)
        }
        #expect(try kpiHeadings(document)?.prefix(4) == ["Indicator", "Period", "Current figure", "Compared with previous"])
        let cfwsPath = scratch.path + "/cfws.docx"
        #expect(try run(["report", "cfws", "-o", cfwsPath]).status == 0)
        let cfws = try Docx(path: cfwsPath).xml("word/document.xml")
        #expect(try kpiHeadings(cfws)?.prefix(5) == ["Indicator", "Period", "Current figure", "Previous figure", "Compared with previous"])
        #expect(cfws.all("w:tc").contains { $0.wordText == "36 (June 2020)" })
        // RAG in words, with the status's fill colour behind it.
        // (In the KPI table: the action plan's ratings are on its own key's colours.)
        let kpiTable = try #require(document.all("w:tbl").first { ($0.first("w:tblCaption")?["w:val"] ?? "").hasSuffix("key performance indicators") })
        let cells = kpiTable.all("w:tc")
        let green = cells.filter { $0.wordText.hasPrefix("Green") }
        let red = cells.filter { $0.wordText.hasPrefix("Red") }
        #expect(!green.isEmpty && !red.isEmpty)
        #expect(green.allSatisfy { $0.first("w:shd")?["w:fill"] == "CCE2D8" })
        #expect(red.allSatisfy { $0.first("w:shd")?["w:fill"] == "F4D7D2" })
    }

    @Test func theActionPlanIsALandscapeTableWithItsKeyRatingsInWordsAndCounts() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/send.docx"
        let result = try run(["report", "send", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        let planSections = try sections(of: document).filter { section in
            section.elements.contains { $0.name == "w:tbl" && $0.first("w:tblCaption")?["w:val"] == "Written Statement of Action: actions" }
        }
        #expect(planSections.count == 1)
        #expect(planSections.first?.landscape == true)
        let text = planSections.first?.elements.map(\.wordText) ?? []
        #expect(text.contains("7 actions: 1 Red (delayed), 1 Amber (in progress), 1 Green (on track), 2 Blue (completed) and 2 Pink (to be started, awaiting other actions)."))
        #expect(text.contains("1 action was due before 31 August 2020, the end of August 2020, and is not rated Blue."))
        let cells = document.all("w:tc")
        // The rating in words on the key's own colour; an overdue action says so beside its date.
        let red = cells.filter { $0.wordText == "Red – delayed" }
        #expect(red.count == 2)  // the key's row and action 1.2
        #expect(red.allSatisfy { $0.first("w:shd")?["w:fill"] == "D4351C" })
        #expect(cells.contains { $0.wordText == "31/07/2020 (overdue)" })
        #expect(cells.contains { $0.wordText == "To be agreed following revised JSNA issue" })
        #expect(cells.contains { $0.wordText == "Plans within 20 weeks (August): worse (92%, August 2020)" })
    }

    @Test func twoRunsGiveTheSameBytes() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let first = scratch.path + "/first.docx", second = scratch.path + "/second.docx"
        #expect(try run(["report", "cfws", "send", "--as-of", "2020/21 Q1", "-o", first]).status == 0)
        #expect(try run(["report", "cfws", "send", "--as-of", "2020/21 Q1", "-o", second]).status == 0)
        let a = try #require(FileManager.default.contents(atPath: first))
        let b = try #require(FileManager.default.contents(atPath: second))
        #expect(a.count > 10_000)
        #expect(a == b)
    }

    @Test func aDashboardWithErrorsWritesNothingAndExits1() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let yml = input + "/cfws/dashboard.yml"
        let text = String(decoding: try #require(FileManager.default.contents(atPath: yml)), as: UTF8.self)
        try Data(text.replacingOccurrences(of: "unit: count", with: "unit: bananas").utf8).write(to: URL(fileURLWithPath: yml))
        let path = scratch.path + "/out/report.docx"
        try FileManager.default.createDirectory(atPath: scratch.path + "/out", withIntermediateDirectories: true)
        let result = try run(["report", "cfws", "--input", input, "-o", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dashboard.yml:"))
        #expect(result.stderr.contains("Nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/out").isEmpty)

        // A report already there is left as it was.
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try run(["report", "cfws", "--input", input, "-o", path]).status == 1)
        #expect(FileManager.default.contents(atPath: path) == Data("earlier".utf8))
    }

    @Test func severalDashboardsEachAPartOfOneDocument() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/pack.docx"
        let result = try run(["report", "cfws", "children-and-families", "--title", "Quarter 1 performance", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        let paragraphs = document.all("w:p")
        #expect(paragraphs.first.map(style) == "Title")
        #expect(paragraphs.first?.wordText == "Quarter 1 performance")
        let top = paragraphs.filter { style(of: $0) == "Heading1" }.map(\.wordText)
        #expect(top == ["Children and Family Wellbeing Service performance", "Children and Family Services performance dashboard"])
        // Each dashboard has its own landscape KPI section, and children-and-families' action plan one more.
        #expect(try sections(of: document).filter(\.landscape).count == 3)
    }

    @Test func sectionsAndIndicatorsPickParts() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let path = scratch.path + "/star.docx"
        let result = try run(["report", "cfws", "--sections", "Family Star outcomes", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try Docx(path: path).xml("word/document.xml")
        #expect(document.all("wp:inline").count == 3)
        let headings = document.all("w:p").filter { style(of: $0) == "Heading1" }.map(\.wordText)
        #expect(headings.contains("Family Star outcomes"))
        #expect(!headings.contains("Early help assessments"))

        let one = scratch.path + "/one.docx"
        #expect(try run(["report", "cfws", "--indicators", "eh-assessments,cfws/families-open", "-o", one]).status == 0)
        #expect(try Docx(path: one).xml("word/document.xml").all("wp:inline").count == 2)

        // By number, as the dashboard page lists them.
        let numbered = scratch.path + "/numbered.docx"
        #expect(try run(["report", "cfws", "--sections", "4", "-o", numbered]).status == 0)
        #expect(try Docx(path: numbered).xml("word/document.xml").all("w:p").contains { style(of: $0) == "Heading1" && $0.wordText == "Early help assessments" })

        let wrong = try run(["report", "cfws", "--sections", "Family Star outcome", "-o", scratch.path + "/x.docx"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("did you mean 'Family Star outcomes'"))
        let unknown = try run(["report", "cfws", "--indicators", "eh-assessment", "-o", scratch.path + "/x.docx"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'eh-assessments'"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/x.docx"))
    }

    @Test func usageErrorsExit2() throws {
        #expect(try run(["report", "cfws", "-o", "report.pdf"]).status == 2)
        #expect(try run(["report", "cfws", "--chart-width-cm", "20", "-o", "x.docx"]).status == 2)
    }
}

@Suite("The committee report's text")
struct ReportTextTests {
    /// Markup, quotes and comment or CDATA delimiters in every text reach the document as text: every part
    /// still parses, and the words read back exactly as written.
    @Test func markupInTheDataIsTextInTheDocument() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let corpus = repositoryRoot + "/Tests/DashboardSiteTests/Corpus/"
        let folder = scratch.path + "/input/corpus"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: corpus + "hostile-markup.yml", toPath: folder + "/dashboard.yml")
        try FileManager.default.copyItem(atPath: corpus + "hostile-markup.csv", toPath: folder + "/figures.csv")
        let path = scratch.path + "/corpus.docx"
        let result = try run(["report", "--input", scratch.path + "/input", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let docx = try Docx(path: path)
        let document = try docx.xml("word/document.xml")
        let paragraphs = document.all("w:p")
        #expect(paragraphs.first?.wordText == "<script>alert('title')</script> Corpus & \"dashboard\"")
        #expect(paragraphs.contains { $0.wordText == "Commentary: ]]><![CDATA[<script>alert('commentary')</script>" })
        #expect(paragraphs.contains { style(of: $0) == "Heading1" && $0.wordText == "<b onmouseover=alert('section')>Figures</b>" })
        #expect(document.all("wp:docPr").allSatisfy { ($0["descr"] ?? "").isEmpty == false })
        #expect(try docx.xml("docProps/core.xml").first("dc:creator")?.text == "<img src=x onerror=alert('organisation')> Council")
        #expect(try docx.xml("word/footer1.xml").wordText.hasPrefix("<script>alert('title')</script> Corpus & \"dashboard\" | Page "))
    }

    @Test func aSelectionThatLeavesNothingIsAnError() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let result = try run([
            "report", "cfws", "--sections", "Early help assessments", "--indicators", "families-open",
            "-o", scratch.path + "/x.docx",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("leave nothing to report"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/x.docx"))
    }
}
