import DashboardCore
import Foundation
import SWXMLHash
import ZIPFoundation

/// A problem reading a workbook: the sentence to show, and the sheet and cell it is about when there is one.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var sheet: String?
    public var cell: CellAddress?

    public init(_ message: String, sheet: String? = nil, cell: CellAddress? = nil) {
        self.message = message
        self.sheet = sheet
        self.cell = cell
    }

    public var description: String { message }
}

/// One sheet of a workbook as listed in it, before its cells are read.
public struct SheetInfo: Hashable, Sendable {
    public var name: String
    /// Hidden or "very hidden" in Excel.
    public var hidden: Bool
    /// The sheet's part inside the zip.
    var part: String
}

/// A sheet's cells: only the cells that hold something are kept.
public struct Sheet: Sendable {
    public var name: String
    public var hidden: Bool
    public var cells: [CellAddress: CellValue]
    public var merged: [CellRange]
    public var hiddenRows: Set<Int>
    public var hiddenColumns: Set<Int>

    /// The smallest rectangle holding every cell with something in it; nil for an empty sheet.
    public var usedRange: CellRange? {
        guard let any = cells.keys.first else { return nil }
        var lo = any, hi = any
        for cell in cells.keys {
            lo = CellAddress(row: min(lo.row, cell.row), column: min(lo.column, cell.column))
            hi = CellAddress(row: max(hi.row, cell.row), column: max(hi.column, cell.column))
        }
        return CellRange(first: lo, last: hi)
    }

    /// The merged range a cell lies in, when it is one.
    public func mergedRange(containing cell: CellAddress) -> CellRange? {
        merged.first { $0.contains(cell) }
    }
}

/// An Office Open XML workbook (`.xlsx`) read from its zip parts through ZIPFoundation and SWXMLHash.
///
/// Opening reads the sheet list, the date system, the number formats and nothing else; a sheet's cells (and
/// the shared strings) are read when a sheet is asked for. Every part is bounded before and while it is
/// unpacked, so a zip bomb or a huge shared-string table is refused, not read: see the limits below.
public final class Workbook {
    /// Bounds on what one workbook may make this reader unpack and hold.
    public struct Limits: Sendable {
        /// Largest unpacked part (a sheet or the shared strings).
        public var partBytes: UInt64 = 48 * 1024 * 1024
        /// Largest unpacked total read from one workbook.
        public var totalBytes: UInt64 = 128 * 1024 * 1024
        /// A part that unpacks to more than this many times its packed size is a zip bomb, not a spreadsheet.
        public var compressionRatio: UInt64 = 200
        public var sharedStrings = 1_000_000
        public var cells = 1_000_000

        public init() {}
    }

    public let limits: Limits

    public let sheets: [SheetInfo]
    /// The 1904 date system (old Mac workbooks): serial 0 is 1 January 1904 instead of 31 December 1899.
    public let date1904: Bool
    let archive: Archive
    let formats: [NumberFormat]
    var sharedStrings: [String]?
    var unpacked: UInt64 = 0

    /// Opens a workbook from its bytes, or says why it cannot be read.
    public init(bytes: [UInt8], limits: Limits = Limits()) throws(WorkbookError) {
        self.limits = limits
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // Excel saves a workbook with a password to open as an OLE2 compound file holding these two streams.
            if Workbook.contains(bytes, utf16: "EncryptedPackage") || Workbook.contains(bytes, utf16: "EncryptionInfo") {
                throw WorkbookError(
                    "this workbook is password-protected (encrypted), so it cannot be read: save a copy without a password (in Excel, File > Info > Protect Workbook > Encrypt with Password, clear it) and map that"
                )
            }
            throw WorkbookError("this is an old-style Excel workbook (.xls), which is not read; in Excel use File > Save As > Excel Workbook (.xlsx)")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw WorkbookError("this is not an Excel workbook (.xlsx): it is not a zip file; is it damaged, or another kind of file with an .xlsx name?")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw WorkbookError("this workbook is damaged: its zip structure cannot be read; open it in Excel and save it again")
        }
        self.archive = archive
        var total: UInt64 = 0
        let root = try Workbook.parse(
            Workbook.extract(
                "xl/workbook.xml", from: archive, limits: limits, unpacked: &total,
                missing: "this zip file has no xl/workbook.xml: it is not an Excel workbook (.xlsx)"), part: "xl/workbook.xml")
        var relationships: [String: String] = [:]
        if let relsData = try? Workbook.extract("xl/_rels/workbook.xml.rels", from: archive, limits: limits, unpacked: &total, missing: ""),
            let rels = try? Workbook.parse(relsData, part: "xl/_rels/workbook.xml.rels")
        {
            for relationship in rels.descendants("Relationship") {
                if let id = relationship.attribute("Id"), let target = relationship.attribute("Target") {
                    relationships[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        date1904 = root.descendants("workbookPr").first.map { ["1", "true"].contains($0.attribute("date1904") ?? "") } ?? false
        var sheets: [SheetInfo] = []
        for (index, sheet) in root.descendants("sheet").enumerated() {
            guard let name = sheet.attribute("name") else { continue }
            let id = sheet.attribute("r:id") ?? sheet.attributes.first { $0.key.hasSuffix(":id") }?.value
            let part = id.flatMap { relationships[$0] } ?? "xl/worksheets/sheet\(index + 1).xml"
            let state = sheet.attribute("state") ?? "visible"
            sheets.append(SheetInfo(name: name, hidden: state != "visible", part: part))
        }
        self.sheets = sheets

        var formats: [NumberFormat] = []
        if let stylesData = try? Workbook.extract("xl/styles.xml", from: archive, limits: limits, unpacked: &total, missing: ""),
            let styles = try? Workbook.parse(stylesData, part: "xl/styles.xml")
        {
            var custom: [Int: NumberFormat] = [:]
            for format in styles.descendants("numFmt") {
                if let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") {
                    custom[id] = NumberFormat(code: code)
                }
            }
            if let xfs = styles.descendants("cellXfs").first {
                for xf in xfs.children where xf.name == "xf" {
                    let id = xf.attribute("numFmtId").flatMap(Int.init) ?? 0
                    formats.append(custom[id] ?? NumberFormat.builtIn(id) ?? .general)
                }
            }
        }
        self.formats = formats
        self.unpacked = total
    }

    /// Reads a workbook file.
    public convenience init(path: String, limits: Limits = Limits()) throws(WorkbookError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw WorkbookError("cannot read this file") }
        try self.init(bytes: [UInt8](data), limits: limits)
    }

    public var sheetNames: [String] { sheets.map(\.name) }

    /// A sheet's cells, by name (exactly as Excel shows it on the tab).
    public func sheet(named name: String) throws(WorkbookError) -> Sheet {
        guard let info = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            let hint = Workbook.closest(name, among: sheetNames).map { "; did you mean '\($0)'?" } ?? ""
            throw WorkbookError("there is no sheet '\(name)' in this workbook (its sheets: \(sheetNames.map { "'\($0)'" }.joined(separator: ", ")))\(hint)")
        }
        if sharedStrings == nil { sharedStrings = try readSharedStrings() }
        let data = try Workbook.extract(
            info.part, from: archive, limits: limits, unpacked: &unpacked,
            missing: "the sheet '\(info.name)' has no part \(info.part) in the zip: the workbook is damaged; open it in Excel and save it again")
        let written = Workbook.countElements("c", in: data)
        if written > limits.cells {
            throw WorkbookError(
                "the sheet '\(info.name)' writes \(written) cells, more than the \(limits.cells) this reader takes; copy the dashboard's table to a sheet of its own and map that",
                sheet: info.name)
        }
        let root = try Workbook.parse(data, part: info.part)
        return try readSheet(root, info: info)
    }

    func readSharedStrings() throws(WorkbookError) -> [String] {
        guard archive["xl/sharedStrings.xml"] != nil else { return [] }
        let data = try Workbook.extract("xl/sharedStrings.xml", from: archive, limits: limits, unpacked: &unpacked, missing: "")
        // Counted before the XML is parsed: a table too big to parse would otherwise fail as "not well-formed".
        let entries = Workbook.countElements("si", in: data)
        if entries > limits.sharedStrings {
            throw WorkbookError(
                "this workbook's table of shared texts has \(entries) entries, more than the \(limits.sharedStrings) this reader takes; a dashboard's figures never need so many: is it the right file?"
            )
        }
        let root = try Workbook.parse(data, part: "xl/sharedStrings.xml")
        guard let table = root.children.first(where: { $0.name == "sst" }) else { return [] }
        var strings: [String] = []
        for item in table.children where item.name == "si" {
            if strings.count >= limits.sharedStrings {
                throw WorkbookError(
                    "this workbook's table of shared texts has more than \(limits.sharedStrings) entries; a dashboard's figures never need so many: is it the right file?")
            }
            strings.append(Workbook.richText(item))
        }
        return strings
    }

    /// The text of `<si>` or `<is>`: plain `<t>`, or runs `<r><t>`, leaving out phonetic guides `<rPh>`.
    static func richText(_ element: Node) -> String {
        var text = ""
        for child in element.children {
            switch child.name {
            case "t": text += child.text
            case "r": text += child.children.filter { $0.name == "t" }.map(\.text).joined()
            default: continue
            }
        }
        return text
    }

    func readSheet(_ root: Node, info: SheetInfo) throws(WorkbookError) -> Sheet {
        var sheet = Sheet(name: info.name, hidden: info.hidden, cells: [:], merged: [], hiddenRows: [], hiddenColumns: [])
        guard let worksheet = root.children.first(where: { $0.name == "worksheet" }) else {
            throw WorkbookError("the sheet '\(info.name)' is not a worksheet (a chart sheet or a damaged part); point the mapping at a sheet of cells", sheet: info.name)
        }
        let shared = sharedStrings ?? []
        var count = 0
        var uncalculated: [CellAddress] = []
        for section in worksheet.children {
            switch section.name {
            case "cols":
                for col in section.children where col.name == "col" && Workbook.isTrue(col.attribute("hidden")) {
                    if let lo = col.attribute("min").flatMap(Int.init), let hi = col.attribute("max").flatMap(Int.init), lo >= 1, hi >= lo {
                        for c in lo...min(hi, lo + 1000) { sheet.hiddenColumns.insert(c) }
                    }
                }
            case "mergeCells":
                for merge in section.children where merge.name == "mergeCell" {
                    if let ref = merge.attribute("ref"), let range = CellRange(ref) { sheet.merged.append(range) }
                }
            case "sheetData":
                var rowNumber = 0
                for row in section.children where row.name == "row" {
                    rowNumber = row.attribute("r").flatMap(Int.init) ?? rowNumber + 1
                    guard rowNumber >= 1, rowNumber <= CellAddress.maximumRow else {
                        throw WorkbookError("the sheet '\(info.name)' has a row numbered \(rowNumber), outside Excel's limits: the workbook is damaged", sheet: info.name)
                    }
                    if Workbook.isTrue(row.attribute("hidden")) { sheet.hiddenRows.insert(rowNumber) }
                    var columnNumber = 0
                    for cell in row.children where cell.name == "c" {
                        let address: CellAddress
                        if let ref = cell.attribute("r") {
                            guard let parsed = CellAddress(ref) else {
                                throw WorkbookError("the sheet '\(info.name)' has a cell named '\(ref)', which is not a cell reference: the workbook is damaged", sheet: info.name)
                            }
                            address = parsed
                        } else {
                            address = CellAddress(row: rowNumber, column: columnNumber + 1)
                        }
                        columnNumber = address.column
                        // A formula saved without its result (written by a program that does not calculate):
                        // no <v>, or an empty one where the result is not a text.
                        if cell.children.contains(where: { $0.name == "f" }) {
                            let raw = cell.children.first { $0.name == "v" }?.text
                            if raw == nil || (raw!.trimmingCharacters(in: " ").isEmpty && cell.attribute("t") != "str") {
                                uncalculated.append(address)
                                continue
                            }
                        }
                        guard let value = try cellValue(cell, at: address, shared: shared, sheet: info.name) else { continue }
                        if let earlier = sheet.cells[address] {
                            throw WorkbookError(
                                "the sheet writes this cell twice (\(Workbook.quoted(earlier)), then \(Workbook.quoted(value))), so which is meant cannot be told: the workbook is damaged; open it in Excel and save it again",
                                sheet: info.name, cell: address)
                        }
                        count += 1
                        if count > limits.cells {
                            throw WorkbookError(
                                "the sheet '\(info.name)' has more than \(limits.cells) filled cells; map a range (range: A1:H40) of a smaller sheet", sheet: info.name)
                        }
                        sheet.cells[address] = value
                    }
                }
            default: continue
            }
        }
        if let first = uncalculated.min() {
            let more = uncalculated.count > 1 ? " (and \(uncalculated.count - 1) more formula cells in this sheet)" : ""
            throw WorkbookError(
                "this cell is a formula with no saved value\(more): open and save it in Excel, or recalculate (in LibreOffice, Data > Calculate > Recalculate Hard) and save",
                sheet: info.name,
                cell: first)
        }
        return sheet
    }

    static func quoted(_ value: CellValue) -> String {
        switch value {
        case .text(let text): return "'\(text)'"
        case .number(let number, _): return SheetTable.general(number)
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let code): return code
        }
    }

    /// How many elements of this local name (`si`, `c`, with or without a prefix) the XML opens, by a scan of its
    /// bytes: cheap, and done before the XML is parsed into a tree.
    static func countElements(_ name: String, in data: Data) -> Int {
        let needle = Array(name.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            let bytes = raw.bindMemory(to: UInt8.self)
            var count = 0
            var i = 0
            let n = bytes.count
            while i < n {
                guard bytes[i] == UInt8(ascii: "<") else {
                    i += 1
                    continue
                }
                var j = i + 1
                guard j < n, bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: "?"), bytes[j] != UInt8(ascii: "!") else {
                    i = j
                    continue
                }
                // Skip a prefix (`x:`), then compare the local name.
                var k = j
                while k < n, bytes[k] != UInt8(ascii: ":"), bytes[k] != UInt8(ascii: " "), bytes[k] != UInt8(ascii: ">"), bytes[k] != UInt8(ascii: "/"), k - j < 16 {
                    k += 1
                }
                if k < n, bytes[k] == UInt8(ascii: ":") { j = k + 1 }
                var m = 0
                while m < needle.count, j + m < n, bytes[j + m] == needle[m] { m += 1 }
                if m == needle.count, j + m < n {
                    let after = bytes[j + m]
                    if after == UInt8(ascii: " ") || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x09 || after == 0x0A || after == 0x0D {
                        count += 1
                    }
                }
                i = j
            }
            return count
        }
    }

    func cellValue(_ cell: Node, at address: CellAddress, shared: [String], sheet: String) throws(WorkbookError) -> CellValue? {
        let type = cell.attribute("t") ?? "n"
        let raw = cell.children.first { $0.name == "v" }?.text
        switch type {
        case "s":
            guard let raw else { return nil }
            guard let index = Int(raw.trimmingCharacters(in: " ")), index >= 0, index < shared.count else {
                throw WorkbookError("this cell refers to shared text number \(raw), which the workbook does not have: it is damaged", sheet: sheet, cell: address)
            }
            return .text(shared[index])
        case "inlineStr":
            guard let inline = cell.children.first(where: { $0.name == "is" }) else { return raw.map { .text($0) } }
            return .text(Workbook.richText(inline))
        case "str":
            return raw.map { .text($0) }
        case "b":
            guard let raw else { return nil }
            return .boolean(raw == "1" || raw.lowercased() == "true")
        case "e":
            return .error(raw ?? "#VALUE!")
        case "d":
            guard let raw else { return nil }
            guard let serial = Workbook.serial(isoDate: raw, date1904: date1904) else {
                throw WorkbookError("this cell holds the date '\(raw)', which cannot be read", sheet: sheet, cell: address)
            }
            return .number(serial, NumberFormat(kind: .date(day: true, month: true), code: "yyyy-mm-dd"))
        default:
            guard let raw else { return nil }
            guard let number = Double(raw.trimmingCharacters(in: " ")), number.isFinite else {
                throw WorkbookError("this cell holds '\(raw)' as a number, which it is not: the workbook is damaged", sheet: sheet, cell: address)
            }
            let style = cell.attribute("s").flatMap(Int.init) ?? 0
            return .number(number, style >= 0 && style < formats.count ? formats[style] : .general)
        }
    }

    static func isTrue(_ text: String?) -> Bool { text == "1" || text == "true" }
}
