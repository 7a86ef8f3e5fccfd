import DashboardCore
import Foundation
import SWXMLHash
import ZIPFoundation

extension Workbook {
    // MARK: Dates

    /// The civil date of a serial day number in the workbook's date system; nil outside years 1900–9999.
    public func date(serial: Double) -> (year: Int, month: Int, day: Int)? {
        Workbook.date(serial: serial, date1904: date1904)
    }

    public static func date(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if date1904 {
            days += 1462  // 1 January 1904 is serial 1462 in the 1900 system
        }
        // The 1900 system counts a 29 February 1900 that never was (serial 60), as Lotus 1-2-3 did.
        if days == 60 { return (1900, 2, 29) }
        if days < 60 { days += 1 }
        // Days since 1899-12-30, which is 25,569 days before 1970-01-01.
        let date = CivilDate(dayNumber: days - 25569)
        return (date.year, date.month, date.day)
    }

    static func serial(isoDate text: String, date1904: Bool) -> Double? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        guard m >= 1, m <= 12, d >= 1, d <= 31 else { return nil }
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        var serial = era * 146097 + doe - 719468 + 25569
        if serial <= 60 { serial -= 1 }
        if date1904 { serial -= 1462 }
        return Double(serial)
    }

    // MARK: Zip parts, bounded

    static func extract(_ path: String, from archive: Archive, limits: Limits, unpacked: inout UInt64, missing: String) throws(WorkbookError) -> Data {
        guard let entry = archive[path] else { throw WorkbookError(missing) }
        let declared = entry.uncompressedSize
        if declared > limits.partBytes {
            throw WorkbookError(
                "the part \(path) of this workbook unpacks to \(declared / 1_048_576) MiB, more than the \(limits.partBytes / 1_048_576) MiB a part may have; is it the right file?"
            )
        }
        if unpacked + declared > limits.totalBytes {
            throw WorkbookError(
                "reading the part \(path) would unpack \((unpacked + declared) / 1_048_576) MiB from this workbook, more than the \(limits.totalBytes / 1_048_576) MiB one workbook may have; map fewer or smaller sheets, or split the workbook"
            )
        }
        if declared > 1_048_576, declared / max(entry.compressedSize, 1) > limits.compressionRatio {
            throw WorkbookError(
                "the part \(path) of this workbook unpacks to \(declared / max(entry.compressedSize, 1)) times its packed size: it is a zip bomb, not a spreadsheet, and is not read"
            )
        }
        var data = Data()
        data.reserveCapacity(Int(declared))
        let limit = min(declared, limits.partBytes)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size can lie: stop as soon as more arrives than it said.
                if UInt64(data.count + chunk.count) > limit { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw WorkbookError("the part \(path) of this workbook unpacks to more than its header says: it is damaged or a zip bomb, and is not read")
        } catch {
            throw WorkbookError("the part \(path) of this workbook cannot be unpacked (\(error)): it is damaged or encrypted; open it in Excel and save it again")
        }
        unpacked += UInt64(data.count)
        return data
    }

    struct PartTooLarge: Error {}

    static func parse(_ data: Data, part: String) throws(WorkbookError) -> Node {
        // No part of a workbook declares a DTD; one here could only expand entities (a "billion laughs").
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw WorkbookError("the part \(part) of this workbook declares a DTD, which no workbook has; it is not read")
        }
        let indexer = XMLHash.config { options in
            options.detectParsingErrors = true
            options.shouldProcessNamespaces = false
        }.parse(data)
        if case .parsingError(let error) = indexer {
            throw WorkbookError(
                "the part \(part) of this workbook is not well-formed XML (line \(error.line), column \(error.column)): it is damaged; open it in Excel and save it again")
        }
        guard let root = indexer.element else {
            throw WorkbookError("the part \(part) of this workbook is empty: it is damaged")
        }
        return Node(root)
    }

    static func contains(_ bytes: [UInt8], utf16 text: String) -> Bool {
        let needle = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard bytes.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    static func closest(_ word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        return candidates.min { distance(lowered, $0.lowercased()) < distance(lowered, $1.lowercased()) }
            .flatMap { distance(lowered, $0.lowercased()) <= max(2, lowered.count / 3) ? $0 : nil }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// An XML element with namespace prefixes taken off its name, over SWXMLHash's tree.
struct Node {
    let element: SWXMLHash.XMLElement

    init(_ element: SWXMLHash.XMLElement) { self.element = element }

    /// The local name: `x:c` and `c` are both `c`.
    var name: String {
        let full = element.name
        if let colon = full.lastIndex(of: ":") { return String(full[full.index(after: colon)...]) }
        return full
    }

    var children: [Node] { element.children.compactMap { ($0 as? SWXMLHash.XMLElement).map(Node.init) } }
    var text: String { element.text }
    var attributes: [String: String] { element.allAttributes.mapValues(\.text) }

    func attribute(_ name: String) -> String? { element.attribute(by: name)?.text }

    /// Every element of this local name below this one, in document order.
    func descendants(_ name: String) -> [Node] {
        var found: [Node] = []
        var stack = children.reversed() as [Node]
        while let node = stack.popLast() {
            if node.name == name { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }
}
