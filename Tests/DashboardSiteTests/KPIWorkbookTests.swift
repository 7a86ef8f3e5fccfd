import DashboardCore
import DashboardSite
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The KPI table as an Excel workbook beside kpi.csv, and the what-changed list as CSV beside its page.
@Suite("KPI workbook and changes downloads")
struct KPIWorkbookTests {
    /// The parts of a zip, by name.
    func parts(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    /// Each row's cells as (reference, style, type, value) from the sheet's XML, read with an XML parser.
    final class SheetReader: NSObject, XMLParserDelegate {
        struct Cell: Equatable {
            var ref = "", style = "", type = "", value = ""
        }
        var rows: [[Cell]] = []
        var cell: Cell?
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "row" { rows.append([]) }
            if name == "c" { cell = Cell(ref: attributes["r"] ?? "", style: attributes["s"] ?? "0", type: attributes["t"] ?? "n") }
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t" || name == "v" { cell?.value += text }
            if name == "c", let cell { rows[rows.count - 1].append(cell) }
        }
    }

    @Test func theWorkbookIsTheCSVsTableWithFiguresAsNumbers() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let parts = try parts(output + "/children-and-families/kpi.xlsx")
        #expect(
            Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/styles.xml"])
        for (name, xml) in parts {
            #expect(XMLParser(data: Data(xml.utf8)).parse(), "\(name) is not well-formed XML")
        }
        let reader = SheetReader()
        let parser = XMLParser(data: Data(parts["xl/worksheets/sheet1.xml"]!.utf8))
        parser.delegate = reader
        #expect(parser.parse())

        // The header row and every row of the CSV, in the same order and words, except that figures are numbers.
        let (records, _) = CSVReader.read(Array(read(output + "/children-and-families/kpi.csv").utf8), file: "kpi.csv")
        #expect(reader.rows.count == records.count)
        #expect(reader.rows[0].map(\.value) == records[0].fields.map(\.text))
        #expect(reader.rows[0].allSatisfy { $0.style == "1" && $0.type == "inlineStr" })
        #expect(reader.rows[0].map(\.ref).prefix(3) == ["A1", "B1", "C1"])
        let row = try #require(reader.rows.first { $0.count > 1 && $0[1].value == "Repeat child protection plans" })
        #expect(row[3].type == "n" && row[3].value == "0.264")
        #expect(row[6].type == "n" && row[6].value == "0.191")
        #expect(row[7].type == "inlineStr" && row[7].value == "Red")
        // The figure's style is a percentage with one decimal place, as the page shows 26.4%.
        let styles = parts["xl/styles.xml"]!
        let index = try #require(Int(row[3].style)) - 2
        #expect(styles.contains("<numFmt numFmtId=\"\(164 + index)\" formatCode=\"0.0%\"/>"))
        for (cells, record) in zip(reader.rows.dropFirst(), records.dropFirst()) {
            for (cell, field) in zip(cells, record.fields) where cell.type == "inlineStr" {
                #expect(cell.value == field.text.replacingOccurrences(of: "'-", with: "-").replacingOccurrences(of: "'+", with: "+").replacingOccurrences(of: "'=", with: "="))
            }
        }
        #expect(read(output + "/children-and-families/index.html").contains("<a href=\"kpi.xlsx\" download>Excel workbook (.xlsx)</a>"))
    }

    @Test func columnLettersAndNumerals() {
        #expect(KPIWorkbookProbe.columns == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    /// LibreOffice, where installed, opens the workbook and reads the same table back.
    @Test(.enabled(if: KPIWorkbookTests.soffice != nil)) func libreOfficeOpensTheWorkbook() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let converted = try run(
            [
                "-env:UserInstallation=file://" + scratch.path + "/profile", "--headless", "--convert-to", "csv", "--outdir", scratch.path,
                output + "/children-and-families/kpi.xlsx",
            ], executable: KPIWorkbookTests.soffice!)
        #expect(converted.status == 0, "\(converted.stderr)")
        let text = read(scratch.path + "/kpi.csv")
        #expect(text.hasPrefix("section,indicator,period,figure,"))
        #expect(text.contains("Repeat child protection plans,2020/21 Q1,26.4%"))
    }

    /// LibreOffice with its spreadsheet (Calc) installed: a Writer-only install cannot open a workbook.
    static let soffice: String? = {
        for path in ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"] {
            guard FileManager.default.isExecutableFile(atPath: path) else { continue }
            let program = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().path
            if FileManager.default.fileExists(atPath: program + "/libsclo.so") { return path }
        }
        return nil
    }()

    @Test func theChangesListIsACSVBesideItsPage() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        #expect(read(output + "/cfws/changes.html").contains("<a href=\"changes.csv\" download>Download what changed (CSV)</a>"))
        let text = read(output + "/cfws/changes.csv")
        #expect(text.hasPrefix("change,indicator,period,in the 2020/21 Q1 edition,now\r\n"))
        #expect(text.contains("New figures,Pathway decisions awaiting allocation,July 2020,,10\r\n"))
        #expect(text.contains("Direction changes,Pathway decisions awaiting allocation,July 2020,Worse,Better\r\n"))
    }
}
