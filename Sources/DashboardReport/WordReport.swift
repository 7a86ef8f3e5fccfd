import DashboardCharts
import DashboardCore
import DashboardSite

/// The committee report as a Word document (Office Open XML, `.docx`): a title block, each dashboard's overview,
/// its KPI table in a landscape section, then one part per indicator with its headline, chart, caption,
/// commentary and data table. Built from the site's page values, so the report and the site say the same.
public enum WordReport {
    public struct Options: Sendable {
        /// The document's title; nil for the dashboard's own (or, over several, "Performance report").
        public var title: String?
        /// The document's language, as a BCP 47 tag (Word's proofing language and screen readers use it).
        public var language: String
        /// `word/styles.xml`: the fonts, sizes and colours of every style the report uses.
        public var styles: String

        public init(title: String? = nil, language: String = "en-GB", styles: String) {
            self.title = title
            self.language = language
            self.styles = styles
        }
    }

    /// The fill and text colours of RAG statuses, as the site's badges (status is always in words too).
    static let ragColours: [RAG: (fill: String, text: String)] = [
        .green: ("CCE2D8", "005A30"),
        .amber: ("FFF7BF", "594D00"),
        .red: ("F4D7D2", "942514"),
    ]

    /// A status's colours: its key's own where it sets them, else the site's for the outcome it counts as.
    static func colours(_ status: RAGStatus) -> (fill: String, text: String)? {
        if let fill = status.colour, let text = status.writtenIn {
            return (String(fill.dropFirst()).uppercased(), String(text.dropFirst()).uppercased())
        }
        return status.outcome.flatMap { ragColours[$0] }
    }

    public static func document(_ content: ReportContent, options: Options) throws -> [UInt8] {
        let dashboards = content.dashboards
        let title = options.title ?? (dashboards.count == 1 ? dashboards[0].title : "Performance report")
        let organisations = Array(Set(dashboards.map(\.organisation))).sorted()
        let periods = Array(Set(dashboards.map(\.asOf))).sorted()
        let several = dashboards.count > 1
        // With several dashboards each is a Heading 1 and its parts one level down.
        let top = several ? 2 : 1
        let footer = "rIdFooter1"

        var body = WordBody()
        body.paragraph(title, style: "Title")
        if !organisations.isEmpty { body.paragraph(organisations.joined(separator: "; "), style: "Subtitle") }
        if periods.count == 1 {
            body.paragraph([Run("Figures as at "), Run(periods[0], bold: true)], style: "Subtitle")
        }
        if several {
            body.paragraph("This report covers \(dashboards.count) dashboards: \(dashboards.map(\.title).joined(separator: "; ")).")
        }

        // The table of contents goes here, once every heading is known.
        let contentsAt = body.xml.utf8.count
        var bookmarks = 0
        for (position, dashboard) in dashboards.enumerated() {
            if several {
                body.heading(dashboard.title, level: 1)
                if periods.count > 1 {
                    body.paragraph([Run("Figures as at "), Run(dashboard.asOf, bold: true)], style: "Subtitle")
                }
            }
            overview(dashboard, level: top, into: &body)
            body.endSection(landscape: false, footer: footer)
            let marks = indicatorBookmarks(dashboard, numbered: &bookmarks)

            body.column = PageGeometry.landscapeColumn
            body.heading("Key performance indicators", level: top, bookmark: nil)
            body.paragraph(
                "Figures as at \(dashboard.asOf). RAG status and direction are given in words; the fill colour only repeats them.",
                keepNext: true)
            kpiTable(dashboard, marks: marks, into: &body)
            body.endSection(landscape: true, footer: footer)
            if let plan = dashboard.plan {
                body.column = PageGeometry.landscapeColumn
                planTable(plan, level: top, into: &body)
                body.endSection(landscape: true, footer: footer)
            }
            body.column = PageGeometry.portraitColumn

            for section in dashboard.sections {
                body.heading(section.title, level: top)
                if let summary = section.summary { body.paragraph(summary) }
                for indicator in section.indicators {
                    part(indicator, level: top + 1, bookmark: marks[section.title + "\u{0}" + indicator.id], into: &body)
                }
            }
            if let spend = dashboard.spendChart { spendChart(spend, level: top, into: &body) }
            if position < dashboards.count - 1 { body.endSection(landscape: false, footer: footer) }
        }

        var xml = body.xml
        let contents = WordBody.tableOfContents(body.headings, depth: 2)
        xml.insert(contentsOf: contents, at: xml.utf8.index(xml.utf8.startIndex, offsetBy: contentsAt))
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(namespaces)><w:body>\(xml)<w:p/>\(WordBody.sectionProperties(landscape: false, footer: footer))</w:body></w:document>
            """
        return try package(document: document, images: body.images, title: title, organisations: organisations, footer: footer, options: options)
    }

    /// A dashboard's overview: its introduction, overview sentences, and counts by direction and by national quartile.
    static func overview(_ dashboard: ReportDashboard, level: Int, into body: inout WordBody) {
        body.heading("Overview", level: level)
        if let introduction = dashboard.introduction { body.paragraph(introduction) }
        for sentence in dashboard.overview { body.paragraph(sentence) }
        let counts = dashboard.counts.filter { $0.count > 0 }.map { "\($0.count) \($0.label)" }
        if !counts.isEmpty {
            body.paragraph([Run("Compared with the previous period: ", bold: true), Run(counts.joined(separator: "; ") + ".")])
        }
        if !dashboard.quartileCounts.isEmpty {
            let quartiles = dashboard.quartileCounts.map { "\($0.count) \($0.label)" }
            body.paragraph([
                Run("National quartile (measures with a national benchmark): ", bold: true),
                Run(quartiles.joined(separator: "; ") + "."),
            ])
        }
    }

    /// Bookmarks for each indicator's part, so the KPI table links to them, keyed by section title and indicator id.
    /// Numbered on from `count` across the whole document, so each is unique in it.
    static func indicatorBookmarks(_ dashboard: ReportDashboard, numbered count: inout Int) -> [String: String] {
        var marks: [String: String] = [:]
        for section in dashboard.sections {
            for indicator in section.indicators {
                count += 1
                marks[section.title + "\u{0}" + indicator.id] = "indicator\(count)"
            }
        }
        return marks
    }

    /// The document's parts zipped into a `.docx`.
    static func package(
        document: String, images: [(id: String, name: String, png: [UInt8])], title: String, organisations: [String], footer: String, options: Options
    ) throws -> [UInt8] {
        var package = WordPackage()
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", rootRelationships)
        package.add("docProps/core.xml", coreProperties(title: title, creator: organisations.joined(separator: "; "), language: options.language))
        package.add("docProps/app.xml", appProperties)
        package.add("word/document.xml", document)
        package.add("word/_rels/document.xml.rels", documentRelationships(images: images.map { ($0.id, $0.name) }, footer: footer))
        package.add("word/styles.xml", options.styles.replacingOccurrences(of: "{{language}}", with: XML.attribute(options.language)))
        package.add("word/settings.xml", settings(language: options.language))
        package.add("word/footer1.xml", footerPart(title: title))
        for image in images {
            package.add("word/media/\(image.name)", bytes: image.png)
        }
        return try package.zipped()
    }

    /// The KPI table: one row per indicator under a row naming its section; the header row repeats on each page.
    static func kpiTable(_ dashboard: ReportDashboard, marks: [String: String], into body: inout WordBody) {
        let (headings, widths) = kpiColumns(dashboard)
        let chosen = dashboard.comparatorHeadings
        var rows: [WordBody.Row] = []
        let labelSections = dashboard.sections.count > 1 || dashboard.sections.first?.title != "Indicators"
        for section in dashboard.sections {
            if labelSections {
                rows.append(
                    WordBody.Row(
                        cells: [WordBody.Cell([Run(section.title, bold: true)], fill: "F3F2F1", span: widths.count, style: "TableSection")],
                        keepWithNext: true))
            }
            for indicator in section.indicators {
                var cells: [WordBody.Cell] = []
                if let mark = marks[section.title + "\u{0}" + indicator.id] {
                    cells.append(WordBody.Cell(xml: WordBody.link(indicator.displayTitle, to: mark)))
                } else {
                    cells.append(WordBody.Cell(indicator.displayTitle))
                }
                cells.append(WordBody.Cell(indicator.period))
                cells.append(WordBody.Cell(indicator.figure, numeric: true))
                if dashboard.hasPrevious { cells.append(WordBody.Cell(indicator.previous ?? "Not in the data", numeric: true)) }
                var compared = [Run(indicator.direction ?? "Not compared", bold: indicator.direction != nil)]
                if let change = indicator.change { compared.append(Run(": \(change)")) }
                cells.append(WordBody.Cell(compared))
                if dashboard.hasTargets { cells.append(WordBody.Cell(indicator.target ?? "None", numeric: true)) }
                if dashboard.hasRAG { cells.append(ragCell(indicator)) }
                if dashboard.hasQuartiles { cells.append(WordBody.Cell(indicator.quartile ?? "n/a", numeric: true)) }
                if chosen != nil {
                    for figure in indicator.comparators { cells.append(WordBody.Cell(figure ?? "n/a", numeric: true)) }
                } else {
                    if dashboard.hasNational { cells.append(WordBody.Cell(indicator.national ?? "n/a", numeric: true)) }
                    if dashboard.hasNeighbours { cells.append(WordBody.Cell(indicator.neighbours ?? "n/a", numeric: true)) }
                }
                rows.append(WordBody.Row(cells: cells))
            }
        }
        body.table(
            headings: headings, rows: rows, widths: widths, title: "\(dashboard.title): key performance indicators",
            description: "Latest figure of each indicator as at \(dashboard.asOf), compared with the previous period, with target, RAG status and comparators.")
    }

    /// The KPI table's columns with their relative widths, in the site's order: the four every dashboard has, then only
    /// those its figures use (target, RAG status, national quartile, comparators).
    static func kpiColumns(_ dashboard: ReportDashboard) -> (headings: [WordBody.Cell], widths: [Double]) {
        var headings = [
            WordBody.Cell("Indicator"), WordBody.Cell("Period"), WordBody.Cell("Current figure", numeric: true),
            WordBody.Cell("Compared with previous"),
        ]
        var widths = [3.4, 1.4, 1.3, 1.9]
        if dashboard.hasPrevious {
            headings.insert(WordBody.Cell("Previous figure", numeric: true), at: 3)
            widths.insert(1.2, at: 3)
        }
        if dashboard.hasTargets {
            headings.append(WordBody.Cell("Target", numeric: true))
            widths.append(1.0)
        }
        var ragColumn: Int?
        if dashboard.hasRAG {
            headings.append(WordBody.Cell("RAG status"))
            ragColumn = widths.count
            widths.append(1.7)
        }
        if dashboard.hasQuartiles {
            headings.append(WordBody.Cell("National quartile (1 = top)", numeric: true))
            widths.append(1.1)
        }
        if let chosen = dashboard.comparatorHeadings {
            for name in chosen {
                headings.append(WordBody.Cell(name, numeric: true))
                widths.append(1.1)
            }
        } else {
            if dashboard.hasNational {
                headings.append(WordBody.Cell("England", numeric: true))
                widths.append(1.0)
            }
            if dashboard.hasNeighbours {
                headings.append(WordBody.Cell("Statistical neighbours", numeric: true))
                widths.append(1.2)
            }
        }
        if let ragColumn { widths[ragColumn] = ragWidth(dashboard, widths: widths, column: ragColumn) }
        return (headings, widths)
    }

    /// The RAG column's relative width, widened (up to 30% of the page) so the longest status with its rule
    /// fits on one line: Table text is 9 pt Arial, about 0.17 cm a character, with 0.3 cm of cell margins.
    static func ragWidth(_ dashboard: ReportDashboard, widths: [Double], column: Int) -> Double {
        let longest =
            dashboard.sections.flatMap(\.indicators).map { indicator -> Int in
                let rule = indicator.ragRule.map { " (\($0))" } ?? ""
                return (indicator.rag?.name ?? "None").count + rule.count + indicator.ratings.map { $0.count + 2 }.reduce(0, +)
            }.max() ?? 0
        let page = PrintGeometry.landscapeColumnCm
        let needed = min(page * 0.3, Double(longest) * 0.17 + 0.3)
        let others = widths.reduce(0, +) - widths[column]
        // The width r for which r / (others + r) of the page is `needed`.
        let fitting = needed * others / (page - needed)
        return max(widths[column], fitting)
    }

    /// A KPI row's RAG status cell: the status in its colours, its rule and any separate ratings.
    static func ragCell(_ indicator: ReportIndicator) -> WordBody.Cell {
        let ratings = indicator.ratings.map { Run("; \($0)") }
        if let rag = indicator.rag, let colours = colours(rag) {
            var runs = [Run(rag.name, bold: true, colour: colours.text)]
            if let rule = indicator.ragRule { runs.append(Run(" (\(rule))", colour: colours.text)) }
            return WordBody.Cell(runs + ratings.map { Run($0.text, colour: colours.text) }, fill: colours.fill)
        } else if let rag = indicator.rag {
            return WordBody.Cell([Run(rag.name, bold: true)] + (indicator.ragRule.map { [Run(" (\($0))")] } ?? []) + ratings)
        } else {
            return WordBody.Cell(indicator.ratings.isEmpty ? [Run("None")] : [Run("None")] + ratings)
        }
    }

    /// One indicator's part: heading, headline, chart with its caption and source, commentary and data table.
    static func part(_ indicator: ReportIndicator, level: Int, bookmark: String?, into body: inout WordBody) {
        body.heading(indicator.title, level: level, bookmark: bookmark)
        body.paragraph(indicator.headline, style: "Headline", keepNext: true)
        var status: [Run] = []
        if let direction = indicator.direction {
            status += [Run("Compared with previous: ", bold: true), Run(indicator.directionDetail ?? direction)]
        }
        if let rag = indicator.rag {
            if !status.isEmpty { status.append(Run("\n")) }
            status += [Run("RAG status: ", bold: true), Run(rag.name + (indicator.ragRule.map { " (\($0))" } ?? ""))]
            for rating in indicator.ratings { status.append(Run("; \(rating)")) }
            if let target = indicator.target { status.append(Run("; target \(target)")) }
        } else if let target = indicator.target {
            if !status.isEmpty { status.append(Run("\n")) }
            status += [Run("Target: ", bold: true), Run(target)]
        }
        if !status.isEmpty { body.paragraph(status, keepNext: indicator.chart != nil) }
        if let chart = indicator.chart {
            body.picture(
                png: chart.png, pixelWidth: chart.pixelWidth, pixelHeight: chart.pixelHeight, dpi: chart.dpi,
                name: "Chart: \(indicator.title)", description: chart.altText)
            // The chart's caption names its source; where it does not, the caption gains it.
            var runs = [Run(chart.caption)]
            if !chart.caption.contains("Source:") { runs.append(Run(" Source: \(indicator.source ?? "not stated").")) }
            body.caption("Figure", runs)
        }
        if let commentary = indicator.commentary {
            body.paragraph([Run("Commentary: ", bold: true), Run(commentary)])
        }
        let table = indicator.table
        guard !table.rows.isEmpty else { return }
        body.caption("Table", [Run(table.caption)], keepNext: true)
        var widths: [Double] = []
        for (index, numeric) in table.numeric.enumerated() {
            widths.append(index == 0 ? 1.6 : numeric ? 1.2 : 3.0)
        }
        let hasNote = !(table.numeric.last ?? true)
        let fraction = hasNote ? 1.0 : min(1.0, widths.reduce(0, +) / 9.0)
        body.table(
            headings: zip(table.headings, table.numeric).map { WordBody.Cell($0.0, numeric: $0.1) },
            rows: table.rows.map { row in
                WordBody.Row(
                    cells: zip(row, table.numeric).enumerated().map { index, pair in
                        WordBody.Cell(pair.0, numeric: pair.1, bold: index == 0)
                    })
            },
            widths: widths, title: table.caption, description: "\(indicator.title): figures by period", fraction: fraction)
    }

    // MARK: - The package's fixed parts

    static let namespaces = [
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"",
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"",
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"",
        "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"",
    ].joined(separator: " ")

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static func documentRelationships(images: [(id: String, name: String)], footer: String) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
            <Relationship Id="\(footer)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
            """
        for image in images {
            xml += "<Relationship Id=\"\(image.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/\(image.name)\"/>"
        }
        return xml + "</Relationships>"
    }

    /// Title, author and language; no dates, so the same input gives the same bytes.
    static func coreProperties(title: String, creator: String, language: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
        <dc:title>\(XML.text(title))</dc:title><dc:creator>\(XML.text(creator))</dc:creator>\
        <dc:language>\(XML.text(language))</dc:language></cp:coreProperties>
        """
    }

    static let appProperties = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>dashboards \(DashboardsVersion.string)</Application></Properties>
        """

    /// Word's settings. `updateFields` has Word fill in the table of contents' page numbers when the paper is
    /// first opened (it asks once), so the officer need not know to update it; it sits where the schema puts it,
    /// after the character spacing and before the compatibility settings.
    static func settings(language: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>\
        <w:updateFields w:val="true"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        <w:themeFontLang w:val="\(XML.attribute(language))"/>\
        <w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>
        """
    }

    /// The footer: the report's title and the page number.
    static func footerPart(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>\(Run(title + " | Page ").xml)\
        <w:fldSimple w:instr=" PAGE \\* MERGEFORMAT ">\(Run("1").xml)</w:fldSimple></w:p></w:ftr>
        """
    }
}
