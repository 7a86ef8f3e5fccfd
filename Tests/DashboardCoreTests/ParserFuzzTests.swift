import Foundation
import TestSupport
import Testing

@testable import DashboardCore

/// Seeded random inputs for the CSV reader, the observation table, the period parser and the figure parser:
/// real rows and cells from the example dashboards, mutated a few thousand times in the ways files go wrong
/// (quotes, delimiters and line ends added, dropped or doubled; multi-byte and invalid UTF-8; long digit runs;
/// %, £, brackets and gap markers; cut short). Fixed seeds make every run the same; a failure names its input.
///
/// What must hold for every input: no crash; every diagnostic's line and column inside the input; every byte
/// read (or a stop that is reported); what reads cleanly reads back the same once written out again; every
/// period reads back from its own label; every figure reads back from its own formatting.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
    /// The same inputs on every run. `FUZZ_SEED=<n>` tries others and `FUZZ_SCALE=<n>` n times as many, for a
    /// longer search by hand; CI runs the defaults.
    static let seed = UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 0x5EED_DA5B_0A2D_2021
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["FUZZ_SCALE"] ?? "") ?? 1)

    /// Files as the example dashboards write them, long and wide, comma and tab separated: a header, then rows.
    static let files: [(delimiter: UInt8, header: String, rows: [String])] = [
        (
            0x2C, "indicator,period,value,note",
            [
                "cp-reviews-in-timescale,2020/21 Q1,94.9% (1074),", "cfws-individuals-quarter,2020/21 Q1,\"3,622\",",
                "mainstream-ehcp,2020-01,1906,Spring Census 2020", "reoffending-rate,Q3 2019/20,0.51,",
                "families-0-2-pathway,2020/21 YTD,254,Year to date (2020/21 Q1)", "x,2019,n/a,",
                "# Current figures of the Quarter 1 2020/21 dashboard, as published.",
            ]
        ),
        (
            0x2C, "indicator,period,value,numerator,denominator,note",
            [
                "family-star-positive-rate,2019/20 Q1,67.1%,47,70,", "cost-per-placement,2019/20,£2.50,,,\"Includes \"\"spot\"\" purchases\"",
                "timeliness,03/06/2020,[c],,,suppressed: fewer than 5", "open-cases,May-19,\"1,537\",,,\"two\nlines\"",
            ]
        ),
        (
            0x2C, "indicator,2019/20 Q1,2019/20 Q2,2019/20 Q3,2019/20 Q4,2019/20 YTD,2020/21 Q1",
            [
                "family-star-positive-rate,67.1%,67.5%,70.3%,71.8%,69.3%,68.0%", "eh-assessments,580,439,442,439,1900,530",
                "open-cases-total,-,c,x,..,n/a,Break in data",
            ]
        ),
        (
            0x2C, "indicator,May-19,Jun-19,Jul-19,Aug-19,Sep-19,Oct-19,Nov-19,Dec-19",
            [
                "allocation-pathway,290,279,338,146,47,207,189,Break in data",
                "allocation-locality,321,351,187,194,132,81,116,Break in data while tableau was developed",
            ]
        ),
        (0x09, "indicator\t2019-08\t2020-08", ["ehcp-age-under-5\t136\t171", "ehcp-age-5-10\t1,206\t1,380"]),
    ]

    /// Cells the figure parser and the period parser see.
    static let figures = [
        "94.9% (1074)", "3,622", "1,537.5", "£2.50", "-£5", "£-5", "−12", "+3", "0.51", "67.1%", "n/a", "[c]", "x",
        "..", ":", "*", "-", "–", "Break in data while tableau was developed", "no data", "(62)", "26.4% (62)",
        "1,53", "94,9%", "12 %", "5%%", "£", "%", "", "  7  ", "1e5", "0x10", "١٢٣",
    ]
    static let periods = [
        "2019/20 Q1", "2019-20 Q1", "2019/2020 Q1", "Q1 2019/20", "2019/20", "2019/2020", "2019-20", "2019-05",
        "May-19", "May 2019", "Sept. 2019", "2019", "2020-06-03", "03/06/2020", "3 June 2020", "03-Jun-2020",
        "2019/20 YTD", "2020 YTD", "2019/21", "Q5 2019/20", "2019-13", "31/02/2020", "Sep 19", "1899", "2199/00 Q4",
    ]

    /// Pieces the mutations insert: separators, line ends, multi-byte and invalid UTF-8, markers, long digit runs.
    static let pieces: [[UInt8]] = [
        [0x22], [0x22, 0x22], [0x2C], [0x09], [0x0D], [0x0A], [0x0D, 0x0A], [0x20], [0x23],
        Array("£".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{301}".utf8), Array("\u{200D}".utf8),
        Array("\u{A0}".utf8), Array("\u{FEFF}".utf8), Array("\u{2013}".utf8), Array("\u{2212}".utf8),
        [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0x80], [0xEF, 0xBB, 0xBF], [0x00],
        Array("%".utf8), Array("(1074)".utf8), Array("(".utf8), Array(")".utf8), Array("n/a".utf8), Array("[c]".utf8),
        Array("Break in data".utf8), Array("..".utf8), Array("-".utf8), Array("/".utf8), Array("Q".utf8), Array("YTD".utf8),
        Array(".".utf8), Array(",000".utf8), Array("<b>\"x\"&'".utf8),
    ]

    // MARK: The CSV reader and the observation table

    @Test("random CSV files: no crash, positions inside the file, every byte read, clean files read back the same")
    func csvFiles() {
        var random = SplitMix(seed: Self.seed)
        var clean = 0, refused = 0, figures = 0
        for index in 0..<2_500 * Self.scale {
            let file = random.element(Self.files)
            let lines = [file.header] + (0..<random.int(1...8)).map { _ in random.element(file.rows) }
            var bytes = Array(lines.map { Array($0.utf8) }.joined(separator: random.chance(0.2) ? [0x0D, 0x0A] : [0x0A]))
            if random.chance(0.7) { bytes.append(0x0A) }
            // A quarter of the files as written; the rest with up to five changes.
            if random.chance(0.75) { for _ in 0..<random.int(1...5) { mutate(&bytes, &random) } }
            let (errors, read) = check(bytes, delimiter: file.delimiter, name: "csv #\(index)")
            if errors { refused += 1 } else { clean += 1 }
            figures += read
        }
        // The mutations must leave both kinds in numbers, or the properties above were hardly tested.
        #expect(clean > 500 && refused > 500 && figures > 2_000, "\(clean) clean, \(refused) refused, \(figures) figures")
    }

    /// Checks one file; returns whether it had errors and how many figures the observation table read.
    @discardableResult
    func check(_ bytes: [UInt8], delimiter: UInt8, name: String) -> (Bool, Int) {
        let shown = "\(name): \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)"
        let (records, diagnostics) = CSVReader.read(bytes, file: "f.csv", delimiter: delimiter)
        let lines = Self.lineLengths(bytes)
        for diagnostic in diagnostics.items {
            #expect(Self.inside(diagnostic.location, lines), "\(diagnostic) is outside \(shown)")
            #expect(!diagnostic.message.isEmpty && !diagnostic.message.contains("Optional("), "\(diagnostic) in \(shown)")
        }
        // Fields in file order, each inside the file.
        var last = (0, 0)
        for record in records {
            for field in record.fields {
                let here = (field.line, field.column)
                #expect(
                    Self.inside(DashboardCore.SourceLocation(file: "f.csv", line: field.line, column: field.column), lines),
                    "field at \(here) is outside \(shown)")
                #expect(here > last, "field at \(here) is not after \(last) in \(shown)")
                last = here
            }
        }
        // Total: the reader reaches the last byte unless it stopped and said so (a whole-file problem, an unclosed
        // quote, or too many problems).
        if bytes.firstIndex(of: 0) == nil, CSVReader.sniff(bytes) == nil {
            var parser = CSVReader.Parser(bytes: bytes, file: "f.csv", delimiter: delimiter, maximumFieldBytes: CSVReader.defaultMaximumFieldBytes)
            parser.run { _ in }
            let stopped = parser.diagnostics.items.contains { $0.message.contains("never closed") || $0.message.contains("reading stops here") }
            #expect(parser.index == bytes.count || stopped, "read \(parser.index) of \(bytes.count) bytes of \(shown)")
        }
        // What reads cleanly reads back the same when written out again with every field quoted.
        if !diagnostics.hasErrors {
            let quote = UInt8(ascii: "\"")
            var written: [UInt8] = []
            for record in records {
                let fields = record.fields.map { field -> [UInt8] in
                    [quote] + Array(field.text.utf8).flatMap { $0 == quote ? [quote, quote] : [$0] } + [quote]
                }
                written += Array(fields.joined(separator: [delimiter])) + [0x0A]
            }
            let again = CSVReader.read(written, file: "g.csv", delimiter: delimiter)
            // Comment lines are not fields: a first field starting # is read as a comment when written at a line start
            // only if unquoted, so quoting every field keeps them.
            #expect(!again.diagnostics.hasErrors, "\(again.diagnostics.errors) re-reading \(shown)")
            #expect(again.records.map { $0.fields.map(\.text) } == records.map { $0.fields.map(\.text) }, "re-reading \(shown)")
        }
        // The observation table over whatever was read.
        let table = ObservationTable.read(records, file: "f.csv")
        for diagnostic in table.diagnostics.items {
            #expect(Self.inside(diagnostic.location, lines), "\(diagnostic) is outside \(shown)")
            #expect(!diagnostic.message.isEmpty && !diagnostic.message.contains("Optional("), "\(diagnostic) in \(shown)")
        }
        for record in table.records {
            #expect(Self.inside(record.valueLocation, lines) && Self.inside(record.indicatorLocation, lines), "\(record) in \(shown)")
            if let value = record.figure.value { #expect(value.isFinite, "\(record) in \(shown)") }
        }
        return (diagnostics.hasErrors || table.diagnostics.hasErrors, table.records.count)
    }

    // MARK: Periods and figures

    @Test("random periods: no crash, and every period reads back from its label")
    func periods() {
        var random = SplitMix(seed: Self.seed ^ 1)
        var parsed = 0
        for index in 0..<4_000 * Self.scale {
            var bytes = Array(random.element(Self.periods).utf8)
            for _ in 0..<random.int(0...3) { mutate(&bytes, &random) }
            if random.chance(0.1) { bytes = Array(String(random.int(0...99_999_999_999)).utf8) + bytes }
            let text = String(decoding: bytes, as: UTF8.self)
            switch PeriodParser.parse(text) {
            case .success(let period):
                parsed += 1
                #expect(PeriodParser.parse(period.label) == .success(period), "#\(index) \(text.debugDescription) → \(period.label)")
                #expect(period.start <= period.end, "#\(index) \(text.debugDescription)")
                _ = (period.slug, period.longLabel, period.axisLabel, period.previous, period.yearEarlier, period.financialYear)
            case .failure(let failure):
                #expect(!failure.message.isEmpty && !failure.message.contains("Optional("), "#\(index) \(text.debugDescription)")
            }
        }
        #expect(parsed > 500, "too few inputs were periods to test the round trip")
    }

    @Test("random figures: no crash, failures placed inside the cell, and every number reads back from its formatting")
    func figureCells() {
        var random = SplitMix(seed: Self.seed ^ 2)
        var parsed = 0
        for index in 0..<4_000 * Self.scale {
            var bytes = Array(random.element(Self.figures).utf8)
            for _ in 0..<random.int(0...3) { mutate(&bytes, &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            switch FigureParser.parse(text) {
            case .success(let figure):
                guard let value = figure.value else { continue }
                parsed += 1
                #expect(value.isFinite && figure.decimals >= 0, "#\(index) \(text.debugDescription)")
                for grouping in [true, false] {
                    let formatted = Formatting.number(value, decimals: figure.decimals, grouping: grouping)
                    let again = try? FigureParser.parse(formatted).get()
                    #expect(
                        again?.value == value && again?.decimals == figure.decimals,
                        "#\(index) \(text.debugDescription) → \(value) → \(formatted) → \(String(describing: again?.value))")
                }
            case .failure(let failure):
                #expect(failure.offset >= 0 && failure.offset <= text.unicodeScalars.count, "#\(index) \(text.debugDescription): \(failure)")
                #expect(!failure.message.isEmpty && !failure.message.contains("Optional("), "#\(index) \(text.debugDescription)")
            }
        }
        #expect(parsed > 500, "too few inputs were figures to test the round trip")
    }

    // MARK: Mutations

    /// One structured change: insert a piece, delete or duplicate a span, swap two bytes, or cut the end off.
    func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix) {
        let at = random.int(0...bytes.count)
        switch random.int(0..<10) {
        case 0...3:
            bytes.insert(contentsOf: random.element(Self.pieces), at: at)
        case 4:
            bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "9"), count: random.int(20...400)), at: at)
        case 5 where !bytes.isEmpty:
            bytes.removeSubrange(min(at, bytes.count - 1)..<min(bytes.count, at + random.int(1...8)))
        case 6 where !bytes.isEmpty:
            let start = min(at, bytes.count - 1), span = bytes[start..<min(bytes.count, start + random.int(1...40))]
            bytes.insert(contentsOf: span, at: start)
        case 7 where bytes.count > 1:
            bytes.swapAt(random.int(0..<bytes.count), random.int(0..<bytes.count))
        case 8:
            bytes.removeSubrange(at...)
        default:
            bytes.insert(contentsOf: random.element(["\"", ",", "\r", "\n", "%", "£", "(", ")", " "]).utf8, at: at)
        }
    }

    // MARK: Positions

    /// The length in characters (Unicode scalars, as columns count) of each line, lines ended by LF, CR or CRLF.
    static func lineLengths(_ bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = [], length = 0, i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }
                lengths.append(length)
                length = 0
            } else if byte & 0xC0 != 0x80 {
                length += 1
            }
        }
        lengths.append(length)
        return lengths
    }

    /// A location on a line of the input, at most one column past its end.
    static func inside(_ location: DashboardCore.SourceLocation, _ lines: [Int]) -> Bool {
        location.line >= 1 && location.line <= lines.count && location.column >= 1 && location.column <= lines[location.line - 1] + 1
    }
}
