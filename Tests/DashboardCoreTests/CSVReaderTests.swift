import Testing

@testable import DashboardCore

@Suite("CSV reader")
struct CSVReaderTests {
    private func texts(_ records: [CSVRecord]) -> [[String]] { records.map { $0.fields.map(\.text) } }
    private func positions(_ records: [CSVRecord]) -> [[String]] {
        records.map { $0.fields.map { "\($0.line):\($0.column)" } }
    }
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("a byte-order mark is skipped and does not count as a column")
    func byteOrderMark() {
        let (records, diagnostics) = CSVReader.read([0xEF, 0xBB, 0xBF] + bytes("indicator,period\nx,2019/20 Q1\n"), file: "bom.csv")
        #expect(diagnostics.isEmpty)
        #expect(texts(records) == [["indicator", "period"], ["x", "2019/20 Q1"]])
        #expect(positions(records) == [["1:1", "1:11"], ["2:1", "2:3"]])
    }

    @Test("CRLF, LF and CR line ends, mixed in one file")
    func lineEnds() {
        let (records, diagnostics) = csv("a,b\r\nc,d\re,f\ng,h")
        #expect(diagnostics.isEmpty)
        #expect(texts(records) == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(positions(records)[3] == ["4:1", "4:3"])
    }

    @Test("a final line end, or none, gives the same records")
    func finalLineEnd() {
        #expect(texts(csv("a,b\n").records) == [["a", "b"]])
        #expect(texts(csv("a,b").records) == [["a", "b"]])
        #expect(texts(csv("a,b\r\n").records) == [["a", "b"]])
    }

    @Test("empty fields, trailing delimiters and blank lines")
    func emptyFields() {
        let (records, _) = csv("a,,c,\n\nd\n")
        #expect(texts(records) == [["a", "", "c", ""], [""], ["d"]])
        #expect(records[1].isBlank)
        #expect(!records[0].isBlank)
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("an empty file, or one with only a byte-order mark, has no records and no problems")
    func emptyFile() {
        #expect(csv("").records.isEmpty)
        #expect(csv("").diagnostics.isEmpty)
        #expect(CSVReader.read([0xEF, 0xBB, 0xBF], file: "x.csv").records.isEmpty)
    }

    @Test("quoted fields with doubled quotes and delimiters inside")
    func quoted() {
        let (records, diagnostics) = csv("\"say \"\"hi\"\"\",x\n\"3,622\",\"\"\n")
        #expect(diagnostics.isEmpty)
        #expect(texts(records) == [["say \"hi\"", "x"], ["3,622", ""]])
        #expect(records[0].fields[0].quoted)
        #expect(!records[0].fields[1].quoted)
        // "say ""hi""" takes 12 columns, the comma the 13th.
        #expect(positions(records) == [["1:1", "1:14"], ["2:1", "2:9"]])
    }

    @Test("line breaks inside a quoted field are kept as \\n, and later positions stay right")
    func multiLineQuoted() {
        let (records, diagnostics) = csv("\"line one\r\nline two\",after\nnext,\"a\rb\",end\nlast,row\n")
        #expect(diagnostics.isEmpty)
        #expect(texts(records) == [["line one\nline two", "after"], ["next", "a\nb", "end"], ["last", "row"]])
        #expect(records.map(\.line) == [1, 3, 5])
        #expect(positions(records) == [["1:1", "2:11"], ["3:1", "3:6", "4:4"], ["5:1", "5:6"]])
    }

    @Test("columns count characters, not bytes: £ and é are one column each")
    func multiByteColumns() {
        let (records, diagnostics) = csv("£5,é,x\n\"£1,234.50\",café,\"\u{1F600}\",y\n")
        #expect(diagnostics.isEmpty)
        #expect(positions(records) == [["1:1", "1:4", "1:6"], ["2:1", "2:13", "2:18", "2:22"]])
        #expect(records[1].fields[0].text == "£1,234.50")
    }

    @Test("comment lines are skipped whole, whatever they contain")
    func comments() {
        let text = "# Monthly snapshots, \"quoted, with commas\n# second comment with a stray \" quote\nindicator,value\n# in the middle\r\nx,1\n#last"
        let (records, diagnostics) = csv(text)
        #expect(diagnostics.isEmpty)
        #expect(texts(records) == [["indicator", "value"], ["x", "1"]])
        #expect(records.map(\.line) == [3, 5])
        #expect(positions(records)[1] == ["5:1", "5:3"])
    }

    @Test("a # after the start of a line is data")
    func hashInData() {
        #expect(texts(csv("a,#b\n").records) == [["a", "#b"]])
    }

    @Test("tab as the delimiter")
    func tabs() {
        let (records, _) = CSVReader.read(
            bytes("indicator\t2019-08\t2020-08\nehcp-age-under-5\t136\t171\n"), file: "age-bands.tsv",
            delimiter: UInt8(ascii: "\t"))
        #expect(texts(records) == [["indicator", "2019-08", "2020-08"], ["ehcp-age-under-5", "136", "171"]])
        #expect(positions(records)[1] == ["2:1", "2:18", "2:22"])
    }

    // MARK: Problems

    @Test("an unclosed quote is reported at the opening quote, and the rest of the file is not read")
    func unclosedQuote() {
        let (records, diagnostics) = csv("a,b\nc,\"open\nd,e\nf,g\n", file: "open.csv")
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .error,
                    "the quoted field opened here is never closed; add the missing \" (a quote inside a quoted field is written \"\")",
                    at: at("open.csv", 2, 3))
            ])
        #expect(texts(records) == [["a", "b"]])
    }

    @Test("text after a closing quote is reported where it starts; the field keeps its quoted text")
    func textAfterClosingQuote() {
        let (records, diagnostics) = csv("\"a\"b,c\n")
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .error,
                    "unexpected text after the closing quote; to put a quote inside a quoted field, double it (\"\")", at: at("test.csv", 1, 4))
            ])
        #expect(texts(records) == [["a", "c"]])
        #expect(positions(records) == [["1:1", "1:6"]])
    }

    @Test("a quote inside an unquoted field is reported once, at the quote")
    func quoteInUnquotedField() {
        let (records, diagnostics) = csv("x,ab\"c\"d,e\n")
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .error,
                    "a quote inside an unquoted field; put the whole field in quotes and double the quote (\"\")", at: at("test.csv", 1, 5))
            ])
        #expect(texts(records) == [["x", "ab\"c\"d", "e"]])
    }

    @Test(
        "a NUL byte anywhere means a binary file: it is reported where it is and nothing is read",
        arguments: ["a,b\nc,\u{0}d\n", "a,b\r\nc,\u{0}\"\"\n", "a,b\rc,\u{0}\n", "a,\u{FF}\nc,\u{0}\n"])
    func nulByte(text: String) {
        let (records, diagnostics) = csv(text)
        #expect(diagnostics.items == [Diagnostic(.error, "the file contains a NUL byte here: it is binary, not CSV text", at: at("test.csv", 2, 3))])
        #expect(records.isEmpty)
    }

    @Test("invalid UTF-8 before a NUL byte is not reported too: the file is binary")
    func nulAfterInvalidUTF8() {
        let (records, diagnostics) = CSVReader.read([0x89] + bytes("PNG\r\n\u{1A}\n") + [0, 0, 0, 0x0D] + bytes("IHDR"), file: "chart.csv")
        #expect(diagnostics.items == [Diagnostic(.error, "the file contains a NUL byte here: it is binary, not CSV text", at: at("chart.csv", 3, 1))])
        #expect(records.isEmpty)
    }

    @Test(
        "UTF-16 without a byte-order mark is recognised",
        arguments: [
            Array("ab,c\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            Array("ab,c\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
        ])
    func utf16WithoutByteOrderMark(bytes: [UInt8]) {
        let (records, diagnostics) = CSVReader.read(bytes, file: "u.csv")
        #expect(diagnostics.items == [Diagnostic(.error, "this file is saved as UTF-16; save it as CSV UTF-8", at: at("u.csv", 1, 1))])
        #expect(records.isEmpty)
    }

    @Test("past the error limit reading stops with one more error saying so")
    func errorLimit() {
        // Latin-1 text, one bad byte in every field: the file is not UTF-8 CSV.
        let line = Array(repeating: [0xE9, 0x2C] as [UInt8], count: 30).joined() + [0x0A]
        let (records, diagnostics) = CSVReader.read(Array(Array(repeating: line, count: 20).joined()), file: "l.csv")
        #expect(diagnostics.errors.count == CSVReader.maximumErrors + 1)
        #expect(diagnostics.errors.last?.message == "more than 100 problems in this file, so reading stops here; is it a CSV file saved as UTF-8?")
        #expect(diagnostics.errors.last?.location == at("l.csv", 4, 21))
        #expect(records.count == 3)
    }

    @Test("a record with a field the reader reported is marked unreadable; the others are not")
    func unreadableRecords() {
        let (records, diagnostics) = CSVReader.read(bytes("a,b\nc,") + [0xA3] + bytes("5\nd,e\"\nf,\"g\"h\ni,j\n"), file: "u.csv")
        #expect(diagnostics.errors.count == 3)
        #expect(records.map(\.unreadable) == [false, true, true, true, false])
    }

    @Test(
        "text is kept exactly, marks fused with quotes and signs included (pages escape by scalar)",
        arguments: ["x,\"a \"\"\u{301} b\"\n", "x,<\u{200D}\n", "x,\u{600}&\n", "x,ok'\u{FE0F}\n", "Café,e\u{301}\n"])
    func markupAndMarksKept(text: String) {
        let (records, diagnostics) = csv(text)
        #expect(diagnostics.isEmpty)
        #expect(records.first?.unreadable == false)
        let expected = text.dropLast().split(separator: ",", maxSplits: 1).last.map(String.init) ?? ""
        let field = records.first?.fields.last?.text ?? ""
        #expect(field == (expected.hasPrefix("\"") ? "a \"\u{301} b" : expected))
    }

    @Test("a last row shorter than the header with no line break after it may be cut short: a warning at its last field")
    func cutShortLastRow() {
        let (records, diagnostics) = csv("indicator,period,value,numerator,denominator\nx,2019/20 Q1,81.5%,1", file: "cut.csv")
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .warning,
                    "the file ends part-way through this row (no line break after it, and fewer fields than the header): if it was cut short, check this figure and add what is missing",
                    at: at("cut.csv", 2, 20))
            ])
        #expect(records.count == 2)
    }

    @Test(
        "a short last row ended by a line break, or a full one without, is not a warning",
        arguments: ["a,b,c\nx,1\n", "a,b,c\nx,1\r\n", "a,b,c\nx,1,2", "a,b,c", "a,b,c\n", "a,b,c\nx,1,2\n   "])
    func lastRowNotCutShort(text: String) {
        #expect(csv(text).diagnostics.isEmpty)
    }

    @Test("invalid UTF-8 is reported at the byte, counting characters before it")
    func invalidUTF8() {
        let (_, diagnostics) = CSVReader.read(bytes("a,b") + [0xFF] + bytes("c\n"), file: "latin1.csv")
        #expect(diagnostics.items == [Diagnostic(.error, "invalid UTF-8 (byte 0xFF); save the file as CSV UTF-8", at: at("latin1.csv", 1, 4))])

        // In a quoted field, after a two-byte é: x , " é then the bad byte in column 5.
        let (_, quoted) = CSVReader.read(bytes("x,\"é") + [0xC3] + bytes("\"\n"), file: "q.csv")
        #expect(quoted.items.map(\.location) == [at("q.csv", 1, 5)])
        #expect(quoted.items.first?.message == "invalid UTF-8 (byte 0xC3); save the file as CSV UTF-8")

        // A pound sign saved as Windows-1252 (0xA3) on the second line.
        let (_, windows) = CSVReader.read(bytes("indicator,value\nx,") + [0xA3] + bytes("5\n"), file: "w.csv")
        #expect(windows.items.map(\.location) == [at("w.csv", 2, 3)])
        #expect(windows.items.first?.message == "invalid UTF-8 (byte 0xA3); save the file as CSV UTF-8")
    }

    @Test("invalid UTF-8 after a doubled quote, or on a later line of a quoted field, is placed where it is in the file")
    func invalidUTF8InsideQuotedField() {
        // x , " a " " b then the bad byte: columns 1 to 7, the byte in column 8.
        let (_, doubled) = CSVReader.read(bytes("x,\"a\"\"b") + [0xFF] + bytes("\"\n"), file: "q.csv")
        #expect(doubled.items.map(\.location) == [at("q.csv", 1, 8)])
        // A quoted note over two lines (CRLF inside the quotes), the bad byte after "second " on line 2.
        let (records, multiLine) = CSVReader.read(bytes("x,\"first line\r\nsecond ") + [0xE9] + bytes("\",y\nz\n"), file: "m.csv")
        #expect(multiLine.items.map(\.location) == [at("m.csv", 2, 8)])
        #expect(multiLine.items.first?.message == "invalid UTF-8 (byte 0xE9); save the file as CSV UTF-8")
        #expect(records.map(\.line) == [1, 3])
    }

    @Test(
        "an Excel workbook, an old .xls and UTF-16 are recognised and named",
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "this is an Excel workbook (or another zip file), not CSV; in Excel use File > Save As > CSV UTF-8"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], "this is an old-style Excel workbook (.xls), not CSV; in Excel use File > Save As > CSV UTF-8"),
            ([0xFF, 0xFE, 0x61, 0x00], "this file is saved as UTF-16; save it as CSV UTF-8"),
            ([0xFE, 0xFF, 0x00, 0x61], "this file is saved as UTF-16; save it as CSV UTF-8"),
        ] as [([UInt8], String)])
    func wrongKindOfFile(header: [UInt8], message: String) {
        let (records, diagnostics) = CSVReader.read(header + Array(repeating: 0x41, count: 20), file: "book.csv")
        #expect(records.isEmpty)
        #expect(diagnostics.items == [Diagnostic(.error, message, at: at("book.csv", 1, 1))])
    }

    @Test("an over-long field is reported at its start and emptied; the next field is read")
    func overLongField() {
        let long = String(repeating: "a", count: CSVReader.defaultMaximumFieldBytes + 10)
        let (records, diagnostics) = csv("x,\(long),y\nz\n")
        #expect(
            diagnostics.items == [
                Diagnostic(
                    .error, "this field is longer than 64 KiB; is a quote missing, or is the file not CSV?",
                    at: at("test.csv", 1, 3))
            ])
        #expect(texts(records) == [["x", "", "y"], ["z"]])
    }

    @Test("the field limit can be set")
    func smallerLimit() {
        let (_, diagnostics) = CSVReader.read(bytes("\"" + String(repeating: "b", count: 2048) + "\"\n"), file: "t.csv", maximumFieldBytes: 1024)
        #expect(diagnostics.items.map(\.message) == ["this field is longer than 1 KiB; is a quote missing, or is the file not CSV?"])
    }

    @Test("100,000 rows are read, every one with its line")
    func largeFile() {
        var text = "indicator,period,value\n"
        text.reserveCapacity(2_000_000)
        for row in 0..<100_000 { text += "open-cases-total,2019/20 Q\(row % 4 + 1),\(row)\n" }
        let (records, diagnostics) = csv(text, file: "large.csv")
        #expect(diagnostics.isEmpty)
        #expect(records.count == 100_001)
        #expect(records.last?.line == 100_001)
        #expect(records.last?.fields.map(\.text) == ["open-cases-total", "2019/20 Q4", "99999"])
        #expect(records.last?.fields[2].column == 29)
    }

    // MARK: The UTF-8 check

    @Test(
        "strict UTF-8",
        arguments: [
            ([0x61, 0x62], nil),
            ([0xE2, 0x82, 0xAC], nil),  // €
            ([0xF0, 0x9F, 0x98, 0x80], nil),  // 😀
            ([0x61, 0xC0, 0x80], 1),  // overlong NUL
            ([0xE0, 0x80, 0xAF], 0),  // overlong /
            ([0xED, 0xA0, 0x80], 0),  // a UTF-16 surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // beyond U+10FFFF
            ([0x61, 0xE2, 0x82], 1),  // cut short at the end
            ([0x80], 0),  // a lone continuation byte
            ([0xC3, 0x28], 0),  // a lead byte without its continuation
        ] as [([UInt8], Int?)])
    func utf8(bytes: [UInt8], invalidAt: Int?) {
        #expect(UTF8Check.firstInvalidByte(bytes) == invalidAt)
    }

    @Test("the first invalid byte's line and column")
    func utf8Position() {
        let text = Array("ab\nc£d".utf8) + [0xFF]
        #expect(UTF8Check.firstInvalidPosition(text)! == (2, 4))
        #expect(UTF8Check.firstInvalidPosition(Array("fine".utf8)) == nil)
        // Lines ended by CR alone (old Mac files) or CRLF count as lines, as in the CSV reader.
        #expect(UTF8Check.firstInvalidPosition(Array("a\rb\r\nc".utf8) + [0xFF])! == (3, 2))
    }

    @Test("UTF-16 is recognised with or without a byte-order mark; UTF-8 and Latin-1 are not UTF-16")
    func utf16() {
        #expect(UTF8Check.isUTF16([0xFF, 0xFE]))
        #expect(UTF8Check.isUTF16([0xFE, 0xFF, 0x00, 0x74]))
        #expect(UTF8Check.isUTF16(Array("title".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })))
        #expect(UTF8Check.isUTF16(Array("title".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })))
        #expect(!UTF8Check.isUTF16(Array("title: x".utf8)))
        #expect(!UTF8Check.isUTF16([0xA3, 0x35, 0x2C, 0x36]))
        #expect(!UTF8Check.isUTF16([0x61]))
    }
}
