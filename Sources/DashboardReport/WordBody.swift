import DashboardCharts

/// Page geometry in twentieths of a point (twips) and English Metric Units (EMU): A4 with 2.54 cm margins, as
/// Word's own A4 default, so an officer's pasted text keeps its place.
enum PageGeometry {
    static let a4Short = PrintGeometry.twips(centimetres: PrintGeometry.pageWidthCm)
    static let a4Long = PrintGeometry.twips(centimetres: PrintGeometry.pageHeightCm)
    static let margin = PrintGeometry.twips(centimetres: PrintGeometry.marginCm)
    /// The text column of a portrait page: 15.92 cm.
    static let portraitColumn = a4Short - 2 * margin
    /// The text column of a landscape page: 24.62 cm.
    static let landscapeColumn = a4Long - 2 * margin
    static let emuPerInch = PrintGeometry.emuPerInch
    static let emuPerTwip = emuPerInch / PrintGeometry.twipsPerInch

    /// A picture's size in EMU from its pixels and DPI, made smaller (never larger) to fit `column` twips.
    static func pictureExtent(pixelWidth: Int, pixelHeight: Int, dpi: Int, column: Int) -> (cx: Int, cy: Int) {
        var cx = pixelWidth * emuPerInch / max(dpi, 1)
        var cy = pixelHeight * emuPerInch / max(dpi, 1)
        let widest = column * emuPerTwip
        if cx > widest {
            cy = cy * widest / cx
            cx = widest
        }
        return (cx, cy)
    }
}

/// A run of text in a paragraph.
struct Run {
    var text: String
    var bold = false
    /// A #rrggbb colour without the #.
    var colour: String?
    var style: String?

    init(_ text: String, bold: Bool = false, colour: String? = nil, style: String? = nil) {
        self.text = text
        self.bold = bold
        self.colour = colour
        self.style = style
    }

    var xml: String {
        var properties = ""
        if let style { properties += "<w:rStyle w:val=\"\(style)\"/>" }
        if bold { properties += "<w:b/><w:bCs/>" }
        if let colour { properties += "<w:color w:val=\"\(colour)\"/>" }
        let open = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
        var body = ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { body += "<w:br/>" }
            if !line.isEmpty { body += "<w:t xml:space=\"preserve\">\(XML.text(String(line)))</w:t>" }
        }
        return open + body + "</w:r>"
    }
}

/// Builds `word/document.xml`'s body: paragraphs, headings, pictures, tables and section breaks, each element's
/// children in the order the schema requires (Word repairs a document whose order differs).
struct WordBody {
    private(set) var xml = ""
    private(set) var images: [(id: String, name: String, png: [UInt8])] = []
    private var nextDrawing = 1
    private var nextBookmark = 0
    private(set) var figures = 0
    private(set) var tables = 0
    /// The text column of the section being written, in twips.
    var column = PageGeometry.portraitColumn

    struct ParagraphOptions {
        var style: String?
        var keepNext = false
        var alignment: String?
    }

    static func paragraphProperties(style: String?, keepNext: Bool = false, alignment: String? = nil, extra: String = "") -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if let alignment { properties += "<w:jc w:val=\"\(alignment)\"/>" }
        properties += extra
        return properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
    }

    mutating func paragraph(_ runs: [Run], style: String? = nil, keepNext: Bool = false) {
        xml += "<w:p>" + WordBody.paragraphProperties(style: style, keepNext: keepNext) + runs.map(\.xml).joined() + "</w:p>"
    }

    mutating func paragraph(_ text: String, style: String? = nil, keepNext: Bool = false) {
        paragraph([Run(text)], style: style, keepNext: keepNext)
    }

    /// A heading in Word's own Heading n style (so the navigation pane and a table of contents find it), with a
    /// bookmark other parts can link to.
    mutating func heading(_ text: String, level: Int, bookmark: String? = nil) {
        let level = min(max(level, 1), 4)
        let id = nextBookmark
        nextBookmark += 1
        // Every heading has a bookmark, so the table of contents links to it.
        let name = bookmark ?? "heading\(id)"
        headings.append((level, text, name))
        xml += "<w:p>" + WordBody.paragraphProperties(style: "Heading\(level)")
        xml += "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(name)\"/>" + Run(text).xml + "<w:bookmarkEnd w:id=\"\(id)\"/>"
        xml += "</w:p>"
    }

    /// The headings written so far: level, text and bookmark.
    private(set) var headings: [(level: Int, text: String, bookmark: String)] = []

    /// A table of contents of the headings down to `depth`: Word's TOC field (so References › Update Table
    /// refreshes it and adds page numbers) holding, until then, a link to each heading.
    static func tableOfContents(_ headings: [(level: Int, text: String, bookmark: String)], depth: Int) -> String {
        let shown = headings.filter { $0.level <= depth }
        guard !shown.isEmpty else { return "" }
        var xml = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>"
        xml += "<w:p>" + paragraphProperties(style: "TOCHeading") + Run("Contents").xml + "</w:p>"
        for (index, heading) in shown.enumerated() {
            xml += "<w:p>" + paragraphProperties(style: "TOC\(heading.level)")
            if index == 0 {
                xml +=
                    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-\(depth)\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
            }
            xml += link(heading.text, to: heading.bookmark, style: nil)
            if index == shown.count - 1 { xml += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" }
            xml += "</w:p>"
        }
        return xml + "</w:sdtContent></w:sdt>"
    }

    /// A link to a bookmark in the document (the KPI table's indicator names lead to their parts).
    static func link(_ text: String, to bookmark: String, style: String? = "Hyperlink") -> String {
        "<w:hyperlink w:anchor=\"\(bookmark)\" w:history=\"1\">" + Run(text, style: style).xml + "</w:hyperlink>"
    }

    /// A picture on its own line, at its physical size from its DPI, at most the column wide; `description` is the
    /// alt text Word shows in its Alt Text pane and screen readers read.
    mutating func picture(png: [UInt8], pixelWidth: Int, pixelHeight: Int, dpi: Int, name: String, description: String) {
        let drawing = nextDrawing
        nextDrawing += 1
        let relationship = "rIdImage\(drawing)"
        let file = "chart\(drawing).png"
        images.append((relationship, file, png))
        let (cx, cy) = PageGeometry.pictureExtent(pixelWidth: pixelWidth, pixelHeight: pixelHeight, dpi: dpi, column: column)
        let descr = XML.attribute(description)
        let title = XML.attribute(name)
        xml += "<w:p>" + WordBody.paragraphProperties(style: "Figure", keepNext: true) + "<w:r><w:drawing>"
        xml += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
        xml += "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
        xml += "<wp:docPr id=\"\(drawing)\" name=\"\(title)\" descr=\"\(descr)\"/>"
        xml += "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        xml += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        xml +=
            "<pic:nvPicPr><pic:cNvPr id=\"\(drawing)\" name=\"\(file)\" descr=\"\(descr)\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\"/></pic:cNvPicPr></pic:nvPicPr>"
        xml += "<pic:blipFill><a:blip r:embed=\"\(relationship)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        xml += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
        xml += "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// "Figure 3: …" or "Table 3: …", numbered by a SEQ field so Word's table of figures and cross-references work.
    mutating func caption(_ kind: String, _ runs: [Run], keepNext: Bool = false) {
        let number: Int
        if kind == "Figure" {
            figures += 1
            number = figures
        } else {
            tables += 1
            number = tables
        }
        xml += "<w:p>" + WordBody.paragraphProperties(style: "Caption", keepNext: keepNext)
        xml += Run("\(kind) ").xml
        xml += "<w:fldSimple w:instr=\" SEQ \(kind) \\* ARABIC \">" + Run("\(number)").xml + "</w:fldSimple>"
        xml += Run(": ").xml + runs.map(\.xml).joined() + "</w:p>"
    }

    /// Ends the section written so far, portrait or landscape; what follows starts on a new page.
    mutating func endSection(landscape: Bool, footer: String) {
        xml += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>" + WordBody.sectionProperties(landscape: landscape, footer: footer) + "</w:pPr></w:p>"
    }

    static func sectionProperties(landscape: Bool, footer: String) -> String {
        let (width, height) = landscape ? (PageGeometry.a4Long, PageGeometry.a4Short) : (PageGeometry.a4Short, PageGeometry.a4Long)
        let m = PageGeometry.margin
        return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footer)\"/><w:type w:val=\"nextPage\"/>"
            + "<w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"" + (landscape ? " w:orient=\"landscape\"" : "") + "/>"
            + "<w:pgMar w:top=\"\(m)\" w:right=\"\(m)\" w:bottom=\"\(m)\" w:left=\"\(m)\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"708\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>"
    }

    /// One table cell: its paragraphs' XML, and an optional fill (#rrggbb without the #) and column span.
    struct Cell {
        var content: String
        var fill: String?
        var span = 1
        var numeric = false

        init(_ runs: [Run], numeric: Bool = false, fill: String? = nil, span: Int = 1, style: String = "TableText") {
            self.content = "<w:p>" + WordBody.paragraphProperties(style: style, alignment: numeric ? "right" : nil) + runs.map(\.xml).joined() + "</w:p>"
            self.fill = fill
            self.span = span
            self.numeric = numeric
        }

        init(_ text: String, numeric: Bool = false, bold: Bool = false) {
            self.init([Run(text, bold: bold)], numeric: numeric)
        }

        init(xml: String, numeric: Bool = false) {
            self.content = "<w:p>" + WordBody.paragraphProperties(style: "TableText", alignment: numeric ? "right" : nil) + xml + "</w:p>"
            self.numeric = numeric
        }
    }

    struct Row {
        var cells: [Cell]
        /// Kept with the next row (a section's title row never ends a page).
        var keepWithNext = false
    }

    /// A table whose first row is its header, marked to repeat at the top of every page it runs onto; rows never
    /// split across pages. `widths` are relative; the table fills `fraction` of the column.
    mutating func table(headings: [Cell], rows: [Row], widths: [Double], title: String, description: String, fraction: Double = 1) {
        let total = widths.reduce(0, +)
        let available = Double(column) * fraction
        let twips = widths.map { Int(($0 / total * available).rounded(.down)) }
        let tableWidth = twips.reduce(0, +)
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(tableWidth)\" w:type=\"dxa\"/>"
        xml += "<w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        xml += "<w:tblCaption w:val=\"\(XML.attribute(title))\"/><w:tblDescription w:val=\"\(XML.attribute(description))\"/></w:tblPr>"
        xml += "<w:tblGrid>" + twips.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        xml += WordBody.row(headings, widths: twips, header: true, keepWithNext: false)
        for row in rows {
            xml += WordBody.row(row.cells, widths: twips, header: false, keepWithNext: row.keepWithNext)
        }
        xml += "</w:tbl>"
    }

    static func row(_ cells: [Cell], widths: [Int], header: Bool, keepWithNext: Bool) -> String {
        var xml = "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>"
        var column = 0
        for cell in cells {
            let width = widths[column..<min(widths.count, column + cell.span)].reduce(0, +)
            column += cell.span
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            if cell.span > 1 { xml += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
            if let fill = cell.fill { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
            xml += "</w:tcPr>"
            var content = cell.content
            if header {
                content = content.replacingOccurrences(of: "<w:pStyle w:val=\"TableText\"/>", with: "<w:pStyle w:val=\"TableHeading\"/>")
            }
            if keepWithNext {
                content = content.replacingOccurrences(of: "<w:pStyle w:val=\"TableText\"/>", with: "<w:pStyle w:val=\"TableText\"/><w:keepNext/>")
            }
            xml += content + "</w:tc>"
        }
        return xml + "</w:tr>"
    }
}
