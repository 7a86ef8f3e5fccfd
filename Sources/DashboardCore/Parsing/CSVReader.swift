/// One field of a CSV record, with where it starts so a bad value can be pointed at.
public struct CSVField: Hashable, Sendable {
    public var text: String
    public var line: Int
    public var column: Int
    public var quoted: Bool

    public init(text: String, line: Int, column: Int, quoted: Bool = false) {
        self.text = text
        self.line = line
        self.column = column
        self.quoted = quoted
    }
}

public struct CSVRecord: Hashable, Sendable {
    public var fields: [CSVField]
    public var line: Int
    /// The reader already reported a field of this record (invalid UTF-8, over-long, a stray quote), so its
    /// text is not what the file says: it is not read again for figures, which would only repeat the problem.
    public var unreadable = false

    public init(fields: [CSVField], line: Int, unreadable: Bool = false) {
        self.fields = fields
        self.line = line
        self.unreadable = unreadable
    }

    public var isBlank: Bool { fields.allSatisfy { $0.text.allSatisfy { $0 == " " || $0 == "\t" } } }
}

/// An RFC 4180 reader that keeps the line and column of every field.
///
/// The CSV packages available (SwiftCSV, CSV.swift) return text without positions and accept an unclosed
/// quote silently by ending the field at the end of the file, so a whole file's rows vanish into one cell.
/// Officers need `file:line:column` for every bad cell, so this reader is kept here; it is a single pass over the bytes.
///
/// It accepts UTF-8 with or without a byte-order mark, CRLF, LF or CR line ends, quoted fields with doubled
/// quotes and line breaks inside, and comma or tab as the delimiter. It rejects, with a position: an unclosed
/// quote, text after a closing quote, a quote inside an unquoted field, invalid UTF-8, binary content (a NUL
/// byte anywhere), files saved as UTF-16 (with or without a byte-order mark) or as Excel workbooks, and fields
/// longer than `maximumFieldBytes`. After `maximumErrors` problems in one file it stops: the file is not CSV.
///
/// A line starting with `#` is a comment (a source or caveat beside the figures) and is skipped whole,
/// whatever it contains.
public enum CSVReader {
    public static let defaultMaximumFieldBytes = 64 * 1024
    /// Past this many problems a file is not CSV (random bytes, another program's file): reading stops.
    public static let maximumErrors = 100

    public static func read(
        _ bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","),
        maximumFieldBytes: Int = defaultMaximumFieldBytes
    ) -> (records: [CSVRecord], diagnostics: Diagnostics) {
        var records: [CSVRecord] = []
        let diagnostics = read(bytes, file: file, delimiter: delimiter, maximumFieldBytes: maximumFieldBytes) { records.append($0) }
        return (records, diagnostics)
    }

    /// Reads record by record, handing each to `each` as soon as it is complete, so a big file is never held
    /// as records all at once (its figures are). The diagnostics are the same as `read`'s.
    public static func read(
        _ bytes: [UInt8], file: String, delimiter: UInt8 = UInt8(ascii: ","),
        maximumFieldBytes: Int = defaultMaximumFieldBytes, each: (CSVRecord) -> Void
    ) -> Diagnostics {
        var diagnostics = Diagnostics()
        if let problem = sniff(bytes) {
            diagnostics.error(problem, at: SourceLocation(file: file, line: 1, column: 1))
            return diagnostics
        }
        // A NUL byte is never in text: one anywhere means an image, a workbook or another program's file,
        // and nothing in it is read (reading up to it would only report its bytes as bad text).
        if let nul = bytes.firstIndex(of: 0) {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let (line, column) = Parser.position(of: nul - start, in: bytes[start...], line: 1, column: 1)
            diagnostics.error("the file contains a NUL byte here: it is binary, not CSV text", at: SourceLocation(file: file, line: line, column: column))
            return diagnostics
        }
        if let control = UTF8Check.firstControl(bytes) {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let (line, column) = Parser.position(of: control.index - start, in: bytes[start...], line: 1, column: 1)
            let problem =
                control.count >= UTF8Check.binaryCount
                ? "the file holds control characters, the first here: it is binary, or text in another program's format, not CSV text; is it the right file?"
                : UTF8Check.controlProblem(control.scalar)
            diagnostics.error(problem, at: SourceLocation(file: file, line: line, column: column))
            return diagnostics
        }
        var parser = Parser(bytes: bytes, file: file, delimiter: delimiter, maximumFieldBytes: maximumFieldBytes)
        parser.run(each)
        diagnostics.append(contentsOf: parser.diagnostics)
        return diagnostics
    }

    /// Whole-file problems: the wrong encoding or not text at all.
    static func sniff(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "this is an Excel workbook (or another zip file), not CSV; in Excel use File > Save As > CSV UTF-8"
        }
        if UTF8Check.isUTF16(bytes) {
            return "this file is saved as UTF-16; save it as CSV UTF-8"
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "this is an old-style Excel workbook (.xls), not CSV; in Excel use File > Save As > CSV UTF-8"
        }
        return nil
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        let delimiter: UInt8
        let maximumFieldBytes: Int
        var diagnostics = Diagnostics()

        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8], file: String, delimiter: UInt8, maximumFieldBytes: Int) {
            self.bytes = bytes
            self.file = file
            self.delimiter = delimiter
            self.maximumFieldBytes = maximumFieldBytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        func location(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }

        static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        /// Moves past one byte, keeping line and column (columns count scalars: UTF-8 continuation bytes do not count).
        @inline(__always) mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == Parser.lf {
                line += 1
                column = 1
            } else if byte == Parser.cr {
                if index < bytes.count, bytes[index] == Parser.lf { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        @inline(__always) func isLineEnd(_ byte: UInt8) -> Bool { byte == Parser.lf || byte == Parser.cr }

        mutating func skipComments() {
            while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, !isLineEnd(bytes[index]) { advance() }
                if index < bytes.count { advance() }
            }
        }

        mutating func run(_ each: (CSVRecord) -> Void) {
            var fields: [CSVField] = []
            var unreadable = false
            // The field count of the first record with text: the header, for the check of a file cut short.
            var headerWidth: Int?
            func emit(_ record: CSVRecord) {
                if headerWidth == nil, !record.isBlank { headerWidth = record.fields.count }
                each(record)
            }
            skipComments()
            var recordLine = line
            guard index < bytes.count else { return }
            while true {
                let reported = diagnostics.items.count
                let (field, ended) = readField()
                guard let field else { return }  // fatal problem already reported
                fields.append(field)
                if diagnostics.items.count > reported {
                    unreadable = true
                    if diagnostics.items.count >= CSVReader.maximumErrors {
                        diagnostics.error(
                            "more than \(CSVReader.maximumErrors) problems in this file, so reading stops here; is it a CSV file saved as UTF-8?",
                            at: location(line, column))
                        return
                    }
                }
                switch ended {
                case .delimiter:
                    continue
                case .lineEnd:
                    emit(CSVRecord(fields: fields, line: recordLine, unreadable: unreadable))
                    fields = []
                    fields.reserveCapacity(headerWidth ?? 0)
                    unreadable = false
                    skipComments()
                    recordLine = line
                    if index >= bytes.count { return }
                case .end:
                    let record = CSVRecord(fields: fields, line: recordLine, unreadable: unreadable)
                    // No line break at the end and a row shorter than the header: the file may have been cut off
                    // part-way through a figure, which reads as a smaller figure or a missing column.
                    if let headerWidth, !record.isBlank, fields.count < headerWidth {
                        diagnostics.warning(
                            "the file ends part-way through this row (no line break after it, and fewer fields than the header): if it was cut short, check this figure and add what is missing",
                            at: location(field.line, field.column))
                    }
                    emit(record)
                    return
                }
            }
        }

        enum Ending { case delimiter, lineEnd, end }

        /// A field's text as it is read, up to `limit` bytes; past that it records only that it was too long.
        struct FieldBytes {
            let limit: Int
            var bytes: [UInt8] = []
            var tooLong = false

            @inline(__always) mutating func append(_ byte: UInt8) {
                if bytes.count < limit { bytes.append(byte) } else { tooLong = true }
            }
        }

        /// Reads one field and the separator after it. nil means the rest of the file cannot be read.
        mutating func readField() -> (CSVField?, Ending) {
            let startLine = line, startColumn = column, startIndex = index
            var buffer = FieldBytes(limit: maximumFieldBytes)
            let quoted = index < bytes.count && bytes[index] == Parser.quote
            if quoted {
                guard readQuoted(into: &buffer) else {
                    diagnostics.error(
                        "the quoted field opened here is never closed; add the missing \" (a quote inside a quoted field is written \"\")",
                        at: location(startLine, startColumn))
                    return (nil, .end)
                }
            } else {
                readUnquoted(into: &buffer)
            }

            let endIndex = index
            let ending: Ending
            if index >= bytes.count {
                ending = .end
            } else if bytes[index] == delimiter {
                advance()
                ending = .delimiter
            } else {
                advance()
                ending = .lineEnd
            }

            if buffer.tooLong {
                diagnostics.error(
                    "this field is longer than \(maximumFieldBytes / 1024) KiB; is a quote missing, or is the file not CSV?",
                    at: location(startLine, startColumn))
                buffer.bytes = []
            }
            if UTF8Check.firstInvalidByte(buffer.bytes) != nil {
                reportInvalidUTF8(in: bytes[startIndex..<endIndex], line: startLine, column: startColumn)
            }
            return (CSVField(text: String(decoding: buffer.bytes, as: UTF8.self), line: startLine, column: startColumn, quoted: quoted), ending)
        }

        /// Reads a quoted field from its opening quote to just past its closing one, and any stray text after that
        /// up to the delimiter or line end. False when the quote is never closed.
        @inline(__always) mutating func readQuoted(into buffer: inout FieldBytes) -> Bool {
            advance()
            var closed = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Parser.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Parser.quote {
                        buffer.append(byte)
                        advance()
                        advance()
                        continue
                    }
                    advance()
                    closed = true
                    break
                }
                if byte == Parser.cr {  // keep line breaks inside a quoted field as \n
                    buffer.append(Parser.lf)
                } else {
                    buffer.append(byte)
                }
                advance()
            }
            guard closed else { return false }
            // After the closing quote only a delimiter or the end of the line may follow.
            if index < bytes.count, bytes[index] != delimiter, !isLineEnd(bytes[index]) {
                diagnostics.error(
                    "unexpected text after the closing quote; to put a quote inside a quoted field, double it (\"\")",
                    at: location(line, column))
                while index < bytes.count, bytes[index] != delimiter, !isLineEnd(bytes[index]) { advance() }
            }
            return true
        }

        /// Reads an unquoted field up to the delimiter or line end; a quote in it is reported once.
        @inline(__always) mutating func readUnquoted(into buffer: inout FieldBytes) {
            var reportedQuote = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == delimiter || isLineEnd(byte) { break }
                if byte == Parser.quote, !reportedQuote {
                    reportedQuote = true
                    diagnostics.error(
                        "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")",
                        at: location(line, column))
                }
                buffer.append(byte)
                advance()
            }
        }

        /// Reports a field's first invalid UTF-8 byte, located in the file's own bytes (`raw`), not the field's text:
        /// doubled quotes and line breaks inside quotes take more room in the file than in the text. Quotes and line
        /// ends are ASCII, so the first invalid byte of the field's text is the first of its bytes in the file.
        mutating func reportInvalidUTF8(in raw: ArraySlice<UInt8>, line: Int, column: Int) {
            let offset = UTF8Check.firstInvalidByte(Array(raw)) ?? 0
            let (invalidLine, invalidColumn) = Parser.position(of: offset, in: raw, line: line, column: column)
            diagnostics.error(
                "invalid UTF-8 (byte 0x\(String(raw[raw.startIndex + offset], radix: 16, uppercase: true))); save the file as CSV UTF-8",
                at: location(invalidLine, invalidColumn))
        }

        /// The line and column of the byte `offset` bytes into `slice`, counting as `advance` does from the slice's start.
        static func position(of offset: Int, in slice: ArraySlice<UInt8>, line: Int, column: Int) -> (Int, Int) {
            var line = line, column = column
            var i = slice.startIndex
            let target = slice.startIndex + offset
            while i < target {
                let byte = slice[i]
                i += 1
                if byte == lf {
                    line += 1
                    column = 1
                } else if byte == cr {
                    if i < target, slice[i] == lf { i += 1 }
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return (line, column)
        }
    }
}

/// A strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF) that says where it fails.
public enum UTF8Check {
    /// Whether text was saved as UTF-16: a byte-order mark, or (without one) every other byte zero.
    public static func isUTF16(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        guard bytes.count >= 4 else { return false }
        return (bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
            || (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0)
    }

    /// The line and column (in scalars) of the first invalid byte, for whole-file checks.
    public static func firstInvalidPosition(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        guard let index = firstInvalidByte(bytes) else { return nil }
        return position(of: index, in: bytes)
    }

    /// The line and column of a byte, with CRLF, LF and CR all ending a line, as the CSV reader and YAML count them.
    public static func position(of index: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        CSVReader.Parser.position(of: index, in: bytes[...], line: 1, column: 1)
    }

    /// A control character that no page or Word document can hold (C0 controls other than tab and line ends,
    /// DEL, and the C1 controls U+0080–U+009F, which are usually Windows-1252 text read as Latin-1), with where
    /// it is, for text that is otherwise valid UTF-8. NUL is reported on its own, as a sign of a binary file.
    /// `count` is how many there are, up to `binaryCount`: a text with that many is not text at all.
    public static func firstControl(_ bytes: [UInt8]) -> (index: Int, scalar: UInt32, count: Int)? {
        var first: (index: Int, scalar: UInt32)?
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n, count < binaryCount {
            let b = bytes[i]
            var scalar: UInt32?
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0) || b == 0x7F { scalar = UInt32(b) }
            if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) { scalar = UInt32(bytes[i + 1]) }
            if let scalar {
                count += 1
                if first == nil { first = (i, scalar) }
            }
            i += 1
        }
        return first.map { ($0.index, $0.scalar, count) }
    }

    /// So many control characters that the file is binary, or text in another encoding, not a slip in a cell.
    public static let binaryCount = 8

    /// Whether a scalar is one `firstControl` refuses.
    public static func isRefusedControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
    }

    /// The sentence for a refused control character.
    public static func controlProblem(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = [0x0B: " (vertical tab: a line break copied from Word or PowerPoint may be saved as one)", 0x0C: " (form feed)", 0x1B: " (escape)"][scalar] ?? ""
        return "a control character \(code)\(name) here: no page or Word document can show it; remove it"
    }

    public static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF:
                length = 2
                minimum = 0x80
                scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF:
                length = 3
                minimum = 0x800
                scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4:
                length = 4
                minimum = 0x10000
                scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
