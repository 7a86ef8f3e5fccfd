import DashboardCore
import DashboardInput
import Foundation
import TestSupport
import Testing

@testable import DashboardSite

/// The bad-input corpus: each case is the minimal dashboard in `Corpus/minimal/` with one file replaced, added or
/// generated. Every case either is refused with an error at `file:line:column`, exits 1 from `dashboards validate`
/// and leaves the previous site byte-identical, or builds a site whose pages and downloads are safe. No case may
/// crash, hang or write anywhere but the output folder.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    static let corpus = repositoryRoot + "/Tests/DashboardSiteTests/Corpus"

    struct Case: CustomTestStringConvertible, Sendable {
        enum Content: Sendable {
            /// A file under `Corpus/`.
            case fixture(String)
            /// Bytes made by the test (large or random inputs are not committed).
            case generated(@Sendable () -> [UInt8])
            /// A file of this many bytes that takes no room on disk (a sparse file).
            case sparse(Int)
        }

        enum Outcome: Sendable {
            /// An error in `file` at `line:column` (any position when nil) whose message contains `words`.
            case refused(file: String, line: Int?, column: Int?, words: String)
            /// A site is built; it must be safe (see `checkSafe`).
            case builds
            /// A site is built with a warning in `file` at `line:column` whose message contains `words`.
            case warns(file: String, line: Int, column: Int, words: String)
        }

        var name: String
        /// The dashboard's folder name, which is its id.
        var folder = "corpus"
        var files: [String: Content]
        var outcome: Outcome

        var testDescription: String { name }
    }

    static func refused(
        _ name: String, _ files: [String: Case.Content], at file: String, _ line: Int?, _ column: Int?,
        _ words: String, folder: String = "corpus"
    ) -> Case {
        Case(name: name, folder: folder, files: files, outcome: .refused(file: file, line: line, column: column, words: words))
    }

    static func builds(_ name: String, _ files: [String: Case.Content], folder: String = "corpus") -> Case {
        Case(name: name, folder: folder, files: files, outcome: .builds)
    }

    static func warns(_ name: String, _ files: [String: Case.Content], at file: String, _ line: Int, _ column: Int, _ words: String) -> Case {
        Case(name: name, files: files, outcome: .warns(file: file, line: line, column: column, words: words))
    }

    static let cases: [Case] = [
        // Truncated files.
        refused(
            "CSV cut inside a quoted field", ["figures.csv": .fixture("truncated-mid-quote.csv")],
            at: "figures.csv", 3, 28, "the quoted field opened here is never closed"),
        refused(
            "CSV cut inside a period", ["figures.csv": .fixture("truncated-mid-row.csv")],
            at: "figures.csv", 4, 11, "'2019/2' is not a period"),
        warns(
            "CSV cut part-way through a figure after the value", ["figures.csv": .fixture("truncated-mid-number.csv")],
            at: "figures.csv", 3, 25, "the file ends part-way through this row"),
        refused(
            "dashboard.yml cut inside a quoted string", ["dashboard.yml": .fixture("truncated-mid-string.yml")],
            at: "dashboard.yml", 3, 1, "YAML: found unexpected end of stream"),
        refused(
            "dashboard.yml cut inside a list", ["dashboard.yml": .fixture("truncated-mid-flow.yml")],
            at: "dashboard.yml", 8, 1, "YAML: did not find expected node content"),

        // Binary junk.
        refused(
            "NUL bytes in a row", ["figures.csv": .fixture("nul-bytes.csv")],
            at: "figures.csv", 2, 24, "NUL byte here: it is binary, not CSV text"),
        refused(
            "a PNG renamed .csv", ["figures.csv": .fixture("png-renamed.csv")],
            at: "figures.csv", 3, 1, "NUL byte here: it is binary, not CSV text"),
        refused(
            "an Excel workbook renamed .csv", ["figures.csv": .fixture("xlsx-renamed.csv")],
            at: "figures.csv", 1, 1, "this is an Excel workbook"),
        refused(
            "random bytes", ["figures.csv": .generated { SplitMix.bytes(seed: 1, count: 4096) }],
            at: "figures.csv", nil, nil, "NUL byte here: it is binary"),
        refused(
            "random bytes with no NUL", ["figures.csv": .generated { SplitMix.bytes(seed: 2, count: 65_536).map { max($0, 1) } }],
            at: "figures.csv", nil, nil, "the file holds control characters, the first here: it is binary"),
        refused(
            "a NUL byte in dashboard.yml", ["dashboard.yml": .generated { Array("title: Corpus\norganisation: Exa\u{0}mple\n".utf8) }],
            at: "dashboard.yml", 2, 18, "contains a NUL byte here"),

        // Huge fields and files.
        refused(
            "a 70 KB field",
            [
                "figures.csv": .generated {
                    Array(
                        ("indicator,period,value,numerator,denominator,note\nreferrals,2019/20 Q1,120,,,"
                            + String(repeating: "a", count: 70_000) + "\n").utf8)
                }
            ], at: "figures.csv", 2, 28, "this field is longer than 64 KiB"),
        refused(
            "a 70 KB quoted field",
            [
                "figures.csv": .generated {
                    Array(
                        ("indicator,period,value,numerator,denominator,note\nreferrals,2019/20 Q1,120,,,\""
                            + String(repeating: "a,\n", count: 25_000) + "\"\n").utf8)
                }
            ], at: "figures.csv", 2, 28, "this field is longer than 64 KiB"),
        refused(
            "a 400-digit figure",
            [
                "figures.csv": .generated {
                    Array(("indicator,period,value\nreferrals,2019/20 Q1," + String(repeating: "9", count: 400) + "\n").utf8)
                }
            ], at: "figures.csv", 2, 22, "has more than 15 digits, more than a figure can hold exactly"),
        refused(
            "a data file over 64 MiB", ["huge.csv": .sparse(InputLoader.maximumFileBytes + 1)],
            at: "huge.csv", 1, 1, "this file is larger than 64 MiB (67,108,865 bytes)"),
        refused(
            "a dashboard.yml over 64 MiB", ["dashboard.yml": .sparse(InputLoader.maximumFileBytes + 1)],
            at: "dashboard.yml", 1, 1, "this file is larger than 64 MiB"),

        // Encodings and line ends.
        refused(
            "invalid UTF-8 in a CSV note", ["figures.csv": .fixture("invalid-utf8.csv")],
            at: "figures.csv", 2, 31, "invalid UTF-8 (byte 0xE9); save the file as CSV UTF-8"),
        refused(
            "a Windows-1252 pound sign in a CSV figure", ["figures.csv": .fixture("invalid-utf8.csv")],
            at: "figures.csv", 3, 22, "invalid UTF-8 (byte 0xA3)"),
        refused(
            "invalid UTF-8 in dashboard.yml", ["dashboard.yml": .fixture("invalid-utf8.yml")],
            at: "dashboard.yml", 3, 36, "invalid UTF-8; save dashboard.yml as UTF-8"),
        refused("a UTF-16 CSV", ["figures.csv": .fixture("utf16.csv")], at: "figures.csv", 1, 1, "this file is saved as UTF-16"),
        refused(
            "a UTF-16 CSV without a byte-order mark", ["figures.csv": .fixture("utf16-no-bom.csv")],
            at: "figures.csv", 1, 1, "this file is saved as UTF-16"),
        refused(
            "a UTF-16 dashboard.yml", ["dashboard.yml": .fixture("utf16.yml")],
            at: "dashboard.yml", 1, 1, "dashboard.yml is saved as UTF-16; save it as UTF-8"),
        builds("a CSV with a byte-order mark", ["figures.csv": .fixture("bom.csv")]),
        builds("a dashboard.yml with a byte-order mark", ["dashboard.yml": .fixture("bom.yml")]),
        builds("CRLF, LF and CR line ends mixed, and a CRLF inside a quoted note", ["figures.csv": .fixture("mixed-line-ends.csv")]),
        builds("a dashboard.yml with CRLF line ends", ["dashboard.yml": .fixture("crlf.yml")]),
        builds("a CSV with only a header", ["figures.csv": .fixture("header-only.csv")]),
        refused(
            "an empty CSV", ["figures.csv": .fixture("empty.csv")],
            at: "figures.csv", 1, 1, "the file has no header row and no data"),

        // dashboard.yml shapes.
        refused(
            "YAML aliases that would expand to 387 million values", ["dashboard.yml": .fixture("billion-laughs.yml")],
            at: "dashboard.yml", nil, nil, "expands to more than 200000 values; are aliases (*name) repeating each other?"),
        refused(
            "200 nested brackets", ["dashboard.yml": .fixture("deep-flow.yml")],
            at: "dashboard.yml", 3, 74, "nests brackets deeper than 64 levels"),
        refused(
            "100,000 nested brackets",
            [
                "dashboard.yml": .generated {
                    Array(("title: x\nsummary: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n").utf8)
                }
            ], at: "dashboard.yml", 2, 74, "nests brackets deeper than 64 levels"),
        refused(
            "1,200 nested block mappings",
            [
                "dashboard.yml": .generated {
                    Array(("title: x\n" + (0..<1200).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()).utf8)
                }
            ], at: "dashboard.yml", nil, nil, "dashboard.yml nests too deeply here"),
        refused(
            "80 nested block sequences",
            [
                "dashboard.yml": .generated {
                    Array(("title: x\nsummary:\n" + (1...80).map { String(repeating: " ", count: $0 * 2) + "-\n" }.joined()).utf8)
                }
            ], at: "dashboard.yml", nil, nil, "dashboard.yml nests deeper than 64 levels"),
        refused(
            "a key given twice", ["dashboard.yml": .fixture("duplicate-key.yml")],
            at: "dashboard.yml", 4, 1, "'title' is given twice (first at line 2); keep one"),
        refused(
            "an indicator given twice", ["dashboard.yml": .fixture("duplicate-indicator.yml")],
            at: "dashboard.yml", 21, 3, "'referrals' is given twice (first at line 10); keep one"),
        refused(
            "a tab in the indentation", ["dashboard.yml": .fixture("tab-indent.yml")],
            at: "dashboard.yml", 12, 1, "a tab in the indentation: YAML indents with spaces only"),
        refused(
            "an empty dashboard.yml", ["dashboard.yml": .fixture("empty.yml")],
            at: "dashboard.yml", 1, 1, "dashboard.yml is empty"),
        refused(
            "a dashboard.yml of only a comment", ["dashboard.yml": .fixture("comment-only.yml")],
            at: "dashboard.yml", 1, 1, "dashboard.yml is empty"),
        refused(
            "a list instead of a mapping", ["dashboard.yml": .fixture("list.yml")],
            at: "dashboard.yml", 1, 1, "dashboard.yml must be a mapping of keys to values, not a list"),
        refused(
            "two YAML documents", ["dashboard.yml": .fixture("two-documents.yml")],
            at: "dashboard.yml", 3, 1, "but found another document"),
        refused(
            "an attribute in the brand colour", ["dashboard.yml": .fixture("brand-colour-injection.yml")],
            at: "dashboard.yml", 4, 15, "brand_colour must be a colour written #RRGGBB"),

        // Markup, script and formulas.
        builds("HTML and script in every text", ["dashboard.yml": .fixture("hostile-markup.yml"), "figures.csv": .fixture("hostile-markup.csv")]),
        builds("spreadsheet formulas in titles and notes", ["dashboard.yml": .fixture("formulas.yml"), "figures.csv": .fixture("formulas.csv")]),
        // A quote or < fused with a combining accent, a joiner or a prefix sign into one character: escaped by scalar.
        builds(
            "markup fused with combining and joining marks",
            [
                "dashboard.yml": .fixture("fused-markup.yml"),
                "figures.csv": .fixture("fused-markup.csv"),
            ]),

        // Ids that would name files.
        refused(
            "an indicator called index", ["dashboard.yml": .fixture("reserved-ids.yml")],
            at: "dashboard.yml", 4, 3, "'index' cannot be an indicator id: the dashboard's own page is index.html"),
        refused(
            "an indicator named like another's sparkline", ["dashboard.yml": .fixture("reserved-ids.yml")],
            at: "dashboard.yml", 12, 3, "'timely-spark' cannot be an indicator id beside 'timely'"),
        refused(
            "a folder name with capitals and an underscore", [:], at: "dashboard.yml", 2, 1,
            "the folder name 'Bad_ID' cannot be a dashboard id", folder: "Bad_ID"),
        refused("a folder called CON", [:], at: "dashboard.yml", 2, 1, "the folder name 'CON' cannot be a dashboard id", folder: "CON"),
        refused(
            "a folder name with markup", [:], at: "dashboard.yml", 2, 1,
            "the folder name '<script>' cannot be a dashboard id", folder: "<script>"),
        refused(
            "a folder name with a Cyrillic e", [:], at: "dashboard.yml", 2, 1,
            "the folder name 'r\u{435}ferrals' cannot be a dashboard id", folder: "r\u{435}ferrals"),
        refused("a folder name with a space", [:], at: "dashboard.yml", 2, 1, "cannot be a dashboard id", folder: "a b"),
        refused(
            "a folder name of 200 letters", [:], at: "dashboard.yml", 2, 1, "cannot be a dashboard id",
            folder: String(repeating: "a", count: 200)),
        refused("a folder name starting with a hyphen", [:], at: "dashboard.yml", 2, 1, "cannot be a dashboard id", folder: "-x"),
        builds("a folder called con", [:], folder: "con"),
        refused("a folder name with a double hyphen", [:], at: "dashboard.yml", 2, 1, "cannot be a dashboard id", folder: "a--b"),
        refused(
            "a brand colour in full-width letters",
            [
                "dashboard.yml": .generated {
                    Array(
                        read(BadInputCorpusTests.corpus + "/minimal/dashboard.yml").replacingOccurrences(
                            of: "organisation: Example Council\n",
                            with: "organisation: Example Council\nbrand_colour: \"#ＡＡＡＡＡＡ\"\n"
                        ).utf8)
                }
            ], at: "dashboard.yml", 4, 15, "brand_colour must be a colour written #RRGGBB"),
    ]

    @Test(arguments: cases)
    func corpusCase(_ bad: Case) async throws {
        let scratch = Scratch(bad.name)
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        let output = scratch.path + "/site/public"
        try install(folder: "corpus", in: input)
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let before = snapshot(output)
        let around = Self.listing(scratch.path, excluding: [input, output])

        try FileManager.default.removeItem(atPath: input + "/corpus")
        try install(folder: bad.folder, in: input, files: bad.files)
        let folder = input + "/" + bad.folder

        switch bad.outcome {
        case .refused(let file, let line, let column, let words):
            let position = line.map { "\($0):\(column ?? 0)" }
            do {
                _ = try await SiteBuilder.build(options(input: input, output: output))
                Issue.record("the build accepted \(bad.name)")
            } catch BuildError.input(let diagnostics) {
                let errors = diagnostics.errors
                let matching = errors.filter { $0.location.file == folder + "/" + file && $0.message.contains(words) }
                #expect(!matching.isEmpty, "no error in \(file) saying '\(words)': \(errors.map(\.description))")
                for error in matching {
                    #expect(error.location.line >= 1 && error.location.column >= 1, "\(error) has no line and column")
                    if let position { #expect("\(error.location.line):\(error.location.column)" == position, "\(error)") }
                }
            }
            #expect(snapshot(output) == before, "a refused build changed the previous site")

            // The command line says the same and exits 1: no crash, no signal.
            let result = try run(["validate", "--input", input])
            #expect(result.status == 1, "validate exited \(result.status): \(result.stderr.suffix(400))")
            let shown = "\(folder)/\(file):" + (position.map { "\($0): error: " } ?? "")
            #expect(result.stderr.contains(shown) && result.stderr.contains(words), "\(result.stderr.prefix(2000))")

        case .builds, .warns:
            let report = try await SiteBuilder.build(options(input: input, output: output))
            #expect(report.dashboards == 1)
            #expect(FileManager.default.fileExists(atPath: output + "/" + bad.folder + "/index.html"))
            checkSafe(site: output)
            if case .warns(let file, let line, let column, let words) = bad.outcome {
                let expected = DashboardCore.SourceLocation(file: folder + "/" + file, line: line, column: column)
                #expect(report.warnings.contains { $0.location == expected && $0.message.contains(words) }, "\(report.warnings)")
            }
        }
        #expect(
            Self.listing(scratch.path, excluding: [input, output]) == around,
            "files appeared outside the input and output folders")
    }

    // MARK: Markup and formulas, read on the pages

    /// Builds the minimal dashboard with some of its files replaced by fixtures; returns the output folder.
    func buildSite(_ files: [String: Case.Content], in scratch: Scratch) async throws -> String {
        let input = scratch.path + "/input"
        let output = scratch.path + "/site/public"
        try install(folder: "corpus", in: input, files: files)
        _ = try await SiteBuilder.build(options(input: input, output: output))
        checkSafe(site: output)
        return output
    }

    @Test("markup in every text is shown as text: escaped on every page, never a tag or an attribute")
    func markupIsText() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = try await buildSite(
            ["dashboard.yml": .fixture("hostile-markup.yml"), "figures.csv": .fixture("hostile-markup.csv")],
            in: scratch)
        let pages = snapshot(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let site = pages.values.joined(separator: "\n")
        for raw in [
            "<script", "<img src=x", "<svg", "<iframe", "<style>body", "<b onmouseover", "<object", "href=\"javascript",
            "\" onerror=\"", "' onfocus='", "\" alt=\"x\"",
        ] {
            #expect(!site.contains(raw), "a page contains \(raw)")
        }
        let dashboard = pages["corpus/index.html"] ?? ""
        #expect(dashboard.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Corpus &amp; &quot;dashboard&quot;"))
        #expect(dashboard.contains("&lt;b onmouseover=alert(&#39;section&#39;)&gt;Figures&lt;/b&gt;"))
        for (path, page) in pages where path.hasPrefix("corpus/") {
            #expect(page.contains("&lt;img src=x onerror=alert(&#39;organisation&#39;)&gt; Council"), "\(path) has no escaped organisation")
        }
        #expect(dashboard.contains("&lt;/p&gt;&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;&lt;a href=&quot;javascript:alert(&#39;link&#39;)&quot;&gt;"))
        #expect(dashboard.contains("&lt;iframe src=&quot;https://example.invalid/&quot;&gt;&lt;/iframe&gt;&lt;style&gt;body{display:none}&lt;/style&gt;"))
        #expect(dashboard.contains("Referrals&#39; onfocus=&#39;alert(1)"))
        let referrals = pages["corpus/referrals.html"] ?? ""
        #expect(referrals.contains("Referrals&quot; onerror=&quot;alert(&#39;alt&#39;) &lt;svg onload=alert(&#39;svg&#39;)&gt;"))
        #expect(referrals.contains("&lt;script src=https://example.invalid/x.js&gt;&lt;/script&gt;"))
        #expect(referrals.contains("]]&gt;&lt;![CDATA[&lt;script&gt;alert(&#39;commentary&#39;)&lt;/script&gt;"))
        #expect(referrals.contains("&lt;object data=x&gt;&lt;/object&gt;--&gt;&lt;!--"))
        #expect(referrals.contains("&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;"))
        #expect(referrals.contains("&lt;img src=x onerror=alert(&#39;note2&#39;)&gt;"))
        #expect(referrals.contains("&lt;script&gt;alert(&#39;gap-words&#39;)&lt;/script&gt;"))
        // Text that looks escaped already is escaped again: shown as typed, never decoded.
        #expect((pages["corpus/timely.html"] ?? "").contains("&amp;lt;already escaped&amp;gt;"))
        // Every alt attribute holds the whole title, its quotes escaped.
        let alts = pages.values.flatMap { HTMLTags.scan($0) }.flatMap { $0.attributes.filter { $0.0 == "alt" }.map(\.1) }
        #expect(alts.contains { $0.contains("Referrals\" onerror=\"alert('alt') <svg onload=alert('svg')>") })
        #expect(alts.contains { $0.contains("Timely \" alt=\"x\" onerror=\"alert('timely')") })
    }

    @Test("a quote or < fused with a combining accent, joiner or prefix sign is still escaped: pages escape by scalar")
    func fusedMarksAreEscaped() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = try await buildSite(
            ["dashboard.yml": .fixture("fused-markup.yml"), "figures.csv": .fixture("fused-markup.csv")],
            in: scratch)
        let pages = snapshot(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
        let dashboard = pages["corpus/index.html"] ?? ""
        // organisation: Example Council "\u0301 onmouseover=alert(1)//, its quote escaped with the accent after it.
        #expect(dashboard.contains("Example Council &quot;\u{301} onmouseover=alert(1)//"))
        #expect(dashboard.contains("Timely &lt;\u{200D}"))
        #expect((pages["corpus/referrals.html"] ?? "").contains("\u{600}&quot;&lt;img&gt;"))
        for page in pages.values {
            #expect(!page.contains("\"\u{301}") && !page.contains("<\u{200D}") && !page.contains("\u{600}\""))
            for tag in HTMLTags.scan(page) {
                #expect(!tag.attributes.contains { $0.0.hasPrefix("on") }, "an event attribute on <\(tag.name)>")
            }
        }
    }

    @Test("spreadsheet formulas are text on the pages and start with an apostrophe in the CSV downloads")
    func formulasAreInert() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = try await buildSite(["dashboard.yml": .fixture("formulas.yml"), "figures.csv": .fixture("formulas.csv")], in: scratch)
        let dashboard = read(output + "/corpus/index.html")
        #expect(dashboard.contains("=HYPERLINK(&quot;https://example.invalid/&quot;,&quot;Click for figures&quot;)"))
        #expect(dashboard.contains("@SUM(1+1)*cmd|&#39; /C calc&#39;!A0"))
        #expect(read(output + "/corpus/referrals.html").contains("=HYPERLINK(&quot;https://example.invalid/&quot;,&quot;Click&quot;)"))

        let referrals = CSVReader.read(Array(read(output + "/corpus/referrals.csv").utf8), file: "referrals.csv").records
        #expect(
            referrals.dropFirst().map { $0.fields[5].text } == [
                "'=HYPERLINK(\"https://example.invalid/\",\"Click\")", "'+cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'-2+3+cmd|' /C calc'!A0",
            ])
        let timely = CSVReader.read(Array(read(output + "/corpus/timely.csv").utf8), file: "timely.csv").records
        #expect(timely.dropFirst().map { $0.fields[5].text } == ["'=1+1", "'=1+1", "'=1+1"])
    }

    // MARK: Ids as file names

    static let badIndicatorIDs = [
        "../x", "..", ".", "a/b", "/etc/passwd", "..\\x", "C:\\x", "CON", "x.html", "%2e%2e", "index.html",
        String(repeating: "a", count: 81), "r\u{435}ferrals", "referrals\u{200B}", "Referrals", "-referrals",
    ]

    @Test("an indicator id that could name a path is an error at its key in dashboard.yml", arguments: badIndicatorIDs)
    func indicatorIDInDashboardFile(_ id: String) async throws {
        let scratch = Scratch(id)
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        let output = scratch.path + "/site/public"
        try install(folder: "corpus", in: input)
        let yml = input + "/corpus/dashboard.yml"
        let quoted = "\"" + id.replacingOccurrences(of: "\\", with: "\\\\") + "\""
        edit(yml, replacing: "indicators: [referrals, timely]", with: "indicators: [\(quoted), timely]")
        edit(yml, replacing: "  referrals:", with: "  \(quoted):")
        do {
            _ = try await SiteBuilder.build(options(input: input, output: output))
            Issue.record("the build accepted the indicator id \(id)")
        } catch BuildError.input(let diagnostics) {
            #expect(
                diagnostics.errors.contains {
                    $0.location == DashboardCore.SourceLocation(file: yml, line: 10, column: 3) && $0.message.contains("cannot be an indicator id")
                }, "\(diagnostics.errors.map(\.description))")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/site"))
        #expect(Self.listing(scratch.path, excluding: [input]).isEmpty)
    }

    @Test("an indicator id in a data file that could name a path is an unknown indicator", arguments: badIndicatorIDs)
    func indicatorIDInDataFile(_ id: String) async throws {
        let scratch = Scratch(id)
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try install(folder: "corpus", in: input)
        let csv = input + "/corpus/figures.csv"
        edit(csv, replacing: "\nreferrals,2019/20 Q1,", with: "\n\"\(id)\",2019/20 Q1,")
        let project = InputLoader.load(from: input)
        #expect(
            project.diagnostics.errors.contains {
                $0.location == DashboardCore.SourceLocation(file: csv, line: 2, column: 1) && $0.message.contains("is not an indicator of dashboard 'corpus'")
            }, "\(project.diagnostics.errors.map(\.description))")
    }

    @Test(
        "the chart command refuses a target that is not dashboard-id/indicator-id",
        arguments: [
            "../x/y", "corpus/../../x", "/etc/passwd", "corpus/..", "corpus/a/b", "corpus/Bad_ID", "corpus",
        ])
    func chartTarget(_ target: String) throws {
        let scratch = Scratch(target)
        defer { scratch.remove() }
        let result = try run(
            ["chart", target, "--input", exampleInput, "--assets", exampleAssets, "--output", scratch.path + "/x.png"],
            in: scratch.path)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("name the chart as dashboard-id/indicator-id"), "\(result.stderr)")
        #expect(Self.listing(scratch.path, excluding: []).isEmpty)
    }

    @Test("two files for one output path stop the build instead of overwriting")
    func onePathTwice() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let lock = try OutputLock(output: scratch.path + "/public")
        let staged = try StagedOutput(lock: lock)
        defer { staged.abandon() }
        var writer = Writer(staged: staged, previous: nil, failAfterWrites: nil)
        try writer.put(Array("first".utf8), at: "corpus/index.html")
        #expect(throws: BuildError.self) { try writer.put(Array("second".utf8), at: "corpus/index.html") }
        #expect(read(staged.staging + "/corpus/index.html") == "first")
    }

    // MARK: The output folder

    @Test("a build never replaces a folder it did not write: the input, its parent, a folder of other files")
    func outputThatIsNotASite() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try install(folder: "corpus", in: input)
        write("keep me", to: scratch.path + "/notes.txt")
        try FileManager.default.createDirectory(atPath: scratch.path + "/docs", withIntermediateDirectories: true)
        write("keep me too", to: scratch.path + "/docs/paper.md")
        let inputBefore = snapshot(input)
        // The input itself, a folder inside it or one holding it: wrong usage, before anything is read.
        for output in [input, input + "/", scratch.path, input + "/corpus"] {
            let everything = snapshot(scratch.path)
            do {
                _ = try await SiteBuilder.build(options(input: input, output: output))
                Issue.record("the build replaced \(output)")
            } catch BuildError.usage(let message) {
                #expect(message.contains("inside"), "\(message)")
            }
            #expect(snapshot(scratch.path) == everything)
        }
        // A folder of other files.
        let everything = snapshot(scratch.path)
        do {
            _ = try await SiteBuilder.build(options(input: input, output: scratch.path + "/docs"))
            Issue.record("the build replaced the docs folder")
        } catch BuildError.failed(let failure) {
            #expect(failure.step == .publish, "\(failure)")
            #expect(failure.description.contains("refusing to replace"), "\(failure)")
            #expect(failure.description.contains("it holds files that dashboards did not write"), "\(failure)")
        }
        #expect(snapshot(scratch.path) == everything)
        #expect(snapshot(input) == inputBefore)

        let result = try run(["build", "--input", "input", "--output", "input", "--assets", exampleAssets], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: --output input is inside the input folder input"), "\(result.stderr)")
        #expect(snapshot(input) == inputBefore)

        // An empty folder, or a site built before, is fine.
        try FileManager.default.createDirectory(atPath: scratch.path + "/empty", withIntermediateDirectories: true)
        _ = try await SiteBuilder.build(options(input: input, output: scratch.path + "/empty"))
        _ = try await SiteBuilder.build(options(input: input, output: scratch.path + "/empty", clean: true))
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/empty/corpus/index.html"))
    }

    @Test("a manifest that names a path outside the output folder is not followed; nothing outside is touched")
    func tamperedManifest() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        let output = scratch.path + "/site/public"
        try install(folder: "corpus", in: input)
        _ = try await SiteBuilder.build(options(input: input, output: output))
        write("not the site's", to: scratch.path + "/site/outside.html")
        // The dashboard's manifest names the path, and the site's manifest the new manifest's digest; without a
        // spare, the dashboard is linked from the published site file by file.
        let dashboardManifest = output + "/" + DashboardManifest.path("corpus")
        var files = try JSONDecoder().decode(DashboardManifest.self, from: Data(contentsOf: URL(fileURLWithPath: dashboardManifest)))
        files.files["../outside.html"] = String(repeating: "0", count: 64)
        let bytes = try files.encoded()
        try Data(bytes).write(to: URL(fileURLWithPath: dashboardManifest))
        var manifest = try #require(Manifest.read(from: output)).manifest
        manifest.dashboards["corpus"]?.digest = ContentHash.of(bytes)
        try Data(try manifest.encoded()).write(to: URL(fileURLWithPath: output + "/" + Manifest.fileName))
        try FileManager.default.removeItem(atPath: scratch.path + "/site/.public.spare")
        let before = snapshot(scratch.path)

        // A second dashboard changes the site, so the first would be carried over from the manifest. A path the
        // build recorded no stamp for is never carried: the dashboard is built again (or, were the path reached,
        // the writer refuses it), and nothing outside the output folder changes.
        try install(folder: "second", in: input)
        do {
            _ = try await SiteBuilder.build(options(input: input, output: output))
        } catch let error as BuildError {
            #expect(error.description.contains("refusing to write '../outside.html'"), "\(error)")
        }
        let outside = { (files: [String: Data]) in files.filter { !$0.key.hasPrefix("input/") && !$0.key.hasPrefix("site/public/") && !$0.key.hasPrefix("site/.public") } }
        #expect(outside(snapshot(scratch.path)) == outside(before))
        #expect(read(scratch.path + "/site/outside.html") == "not the site's")
    }

    // MARK: 100,000 rows

    @Test("a 100,000-row long-form CSV builds, with every figure on the page's download")
    func hundredThousandRows() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        let output = scratch.path + "/site/public"
        try install(folder: "corpus", in: input)
        // One figure a day for 100,000 days from 1 January 1900, for one indicator, in a generated file.
        var text = "indicator,period,value,numerator,denominator,note\n"
        text.reserveCapacity(3_500_000)
        var day = CivilDate(1900, 1, 1), last = day
        for row in 0..<100_000 {
            text += "referrals,\(day.iso),\(row % 997),,,\(row % 10_000 == 0 ? "Row \(row)" : "")\n"
            last = day
            day =
                day.day < CivilDate.daysIn(month: day.month, year: day.year)
                ? CivilDate(day.year, day.month, day.day + 1)
                : day.month < 12 ? CivilDate(day.year, day.month + 1, 1) : CivilDate(day.year + 1, 1, 1)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: input + "/corpus/figures.csv"))

        let project = InputLoader.load(from: input)
        #expect(!project.hasErrors, "\(project.diagnostics.errors.prefix(5))")
        let figures = project.dashboards.first?.series["referrals"]?.count
        #expect(figures == 100_000)

        let report = try await SiteBuilder.build(options(input: input, output: output))
        #expect(report.dashboards == 1)
        let download = read(output + "/corpus/referrals.csv")
        let lines = download.split(separator: "\r\n")
        #expect(lines.count == 100_001)
        // The last figure, with its interval (a count: Byar's method).
        #expect(lines.last?.hasPrefix("referrals,\(Period.day(last).label),\(99_999 % 997),,,,") == true)
        #expect(lines.last?.hasSuffix(",95%,Byar's method") == true)
        #expect(FileManager.default.fileExists(atPath: output + "/corpus/charts/referrals.png"))
    }

    // MARK: Helpers

    /// Copies the minimal dashboard into `input/folder`, then writes the case's files over it.
    func install(folder: String, in input: String, files: [String: Case.Content] = [:]) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: input, withIntermediateDirectories: true)
        let directory = input + "/" + folder
        try fileManager.copyItem(atPath: Self.corpus + "/minimal", toPath: directory)
        for (name, content) in files {
            let path = directory + "/" + name
            try? fileManager.removeItem(atPath: path)
            switch content {
            case .fixture(let fixture):
                try fileManager.copyItem(atPath: Self.corpus + "/" + fixture, toPath: path)
            case .generated(let make):
                try Data(make()).write(to: URL(fileURLWithPath: path))
            case .sparse(let size):
                #expect(fileManager.createFile(atPath: path, contents: nil))
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.truncate(atOffset: UInt64(size))
                try handle.close()
            }
        }
    }

    /// Every path under `root` (files and folders), leaving out the given folders and what they hold.
    static func listing(_ root: String, excluding: [String]) -> [String] {
        var paths: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return paths }
        while let relative = enumerator.nextObject() as? String {
            let path = root + "/" + relative
            if excluding.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { continue }
            paths.append(relative)
        }
        return paths.sorted()
    }
}

// MARK: - What a safe site is

/// Tags that input text must never become.
/// (`style` is not among them: the templates may inline their stylesheet; an injected one is caught as text.)
let forbiddenTags: Set<String> = [
    "script", "iframe", "object", "embed", "svg", "math", "base", "form", "input",
    "textarea", "button", "frame", "frameset", "applet", "template", "noscript",
]

/// Checks every page and download of a built site:
/// - HTML: no forbidden tag, no `on…` event attribute, no attribute given twice in one tag (what an injected
///   `" alt="` would make), no `javascript:` or `data:` link, every `style` the brand colour, every image a file
///   of the site;
/// - CSV downloads: no field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first),
///   except plain numbers.
func checkSafe(site: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let files = snapshot(site)
    for (relative, data) in files.sorted(by: { $0.key < $1.key }) {
        let text = String(decoding: data, as: UTF8.self)
        if relative.hasSuffix(".html") {
            let directory = (relative as NSString).deletingLastPathComponent
            for tag in HTMLTags.scan(text) {
                #expect(!forbiddenTags.contains(tag.name), "<\(tag.name)> in \(relative)", sourceLocation: sourceLocation)
                var seen = Set<String>()
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "an \(name) attribute on <\(tag.name)> in \(relative)", sourceLocation: sourceLocation)
                    #expect(seen.insert(name).inserted, "\(name) twice on <\(tag.name)> in \(relative)", sourceLocation: sourceLocation)
                    let lowered = value.trimmingSpaces.lowercased()
                    if ["href", "src", "srcset", "action", "formaction", "poster"].contains(name) {
                        #expect(
                            !lowered.hasPrefix("javascript:") && !lowered.hasPrefix("data:") && !lowered.hasPrefix("vbscript:"),
                            "\(name)=\"\(value)\" in \(relative)", sourceLocation: sourceLocation)
                    }
                    if name == "style" {
                        #expect(
                            value.wholeMatch(of: /--brand: #[0-9a-f]{6}/) != nil, "style=\"\(value)\" in \(relative)",
                            sourceLocation: sourceLocation)
                    }
                    if name == "src", tag.name == "img" {
                        let target = ((directory.isEmpty ? "" : directory + "/") + value as NSString).standardizingPath
                        #expect(
                            files[target] != nil, "<img src=\"\(value)\"> in \(relative) is not a file of the site",
                            sourceLocation: sourceLocation)
                    }
                }
            }
        } else if relative.hasSuffix(".csv") {
            let (records, diagnostics) = CSVReader.read(Array(data), file: relative)
            #expect(!diagnostics.hasErrors, "\(relative) is not readable CSV: \(diagnostics.errors)", sourceLocation: sourceLocation)
            for record in records {
                for field in record.fields {
                    guard let first = field.text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                    let number = FigureParser.parse(field.text)
                    #expect(
                        (try? number.get())?.value != nil, "\(relative):\(field.line):\(field.column) starts like a formula: \(field.text)",
                        sourceLocation: sourceLocation)
                }
            }
        }
    }
}

/// Start tags as an HTML tokenizer reads them: name, then attributes, a quoted value ending at its quote,
/// an unquoted one at white space or `>`. Enough to see whether text ever escaped into markup.
enum HTMLTags {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    static func scan(_ html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
        while i < s.count {
            guard s[i] == "<" else {
                i += 1
                continue
            }
            if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {  // a comment
                var j = i + 4
                while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                i = j + 3
                continue
            }
            var j = i + 1
            let closing = j < s.count && s[j] == "/"
            if closing { j += 1 }
            guard j < s.count, s[j].isASCII, s[j].properties.isAlphabetic else {
                i += 1
                continue
            }
            var name = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" {
                name.unicodeScalars.append(s[j])
                j += 1
            }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" {
                    j += 1
                    continue
                }
                var attribute = String(s[j])
                j += 1
                while j < s.count, !isSpace(s[j]), s[j] != "=", s[j] != ">", s[j] != "/" {
                    attribute.unicodeScalars.append(s[j])
                    j += 1
                }
                while j < s.count, isSpace(s[j]) { j += 1 }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote {
                            value.unicodeScalars.append(s[j])
                            j += 1
                        }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" {
                            value.unicodeScalars.append(s[j])
                            j += 1
                        }
                    }
                }
                attributes.append((attribute.lowercased(), decode(value)))
            }
            if !closing { tags.append(Tag(name: name.lowercased(), attributes: attributes)) }
            i = j + 1
        }
        return tags
    }

    /// The character references the templates' escaping writes.
    static func decode(_ value: String) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
