import Testing

@testable import DashboardCore

@Suite("Reading figures as published")
struct FigureParserTests {
    @Test("the KPI dashboard's CP reviews figure: 94.9% with the count 1074 in brackets")
    func percentWithCount() {
        let cpReviews = figure("94.9% (1074)")
        #expect(cpReviews.value == 94.9)
        #expect(cpReviews.decimals == 1)
        #expect(cpReviews.hasPercentSign)
        #expect(cpReviews.count == 1074)
        #expect(cpReviews.gap == nil)
    }

    @Test("the re-referrals figure: 26% (312), a whole percentage")
    func wholePercentWithCount() {
        let reReferrals = figure("26% (312)")
        #expect(reReferrals.value == 26)
        #expect(reReferrals.decimals == 0)
        #expect(reReferrals.hasPercentSign)
        #expect(reReferrals.count == 312)
    }

    @Test(
        "figures as they appear in the papers",
        arguments: [
            // (text, value, decimals, percent, currency)
            ("1,537", 1537.0, 0, false, false),  // CFWS families open, 2019/20 Q1
            ("3,622", 3622.0, 0, false, false),  // KPI dashboard, individuals (quoted in the CSV)
            ("10375", 10375.0, 0, false, false),
            ("£1,234.50", 1234.5, 2, false, true),
            ("0.51", 0.51, 2, false, false),  // re-offending rate
            ("-3", -3.0, 0, false, false),
            ("- 6.2%", -6.2, 1, true, false),  // SEN2 20-week timeliness % change
            ("+1%", 1.0, 0, true, false),  // SEN2 new plans share change
            ("93.0%", 93.0, 1, true, false),  // decimals kept: 93.0% is written to one place
            ("88.0%", 88.0, 1, true, false),
            ("12.50", 12.5, 2, false, false),
            ("1,234,567.125", 1234567.125, 3, false, false),
            ("  42  ", 42.0, 0, false, false),
            ("\u{A0}7\u{A0}", 7.0, 0, false, false),
            ("£-5", -5.0, 0, false, true),
            ("\u{2212}4", -4.0, 0, false, false),
            ("0", 0.0, 0, false, false),
        ] as [(String, Double, Int, Bool, Bool)])
    func published(text: String, value: Double, decimals: Int, percent: Bool, currency: Bool) {
        let parsed = figure(text)
        #expect(parsed.value == value)
        #expect(parsed.decimals == decimals)
        #expect(parsed.hasPercentSign == percent)
        #expect(parsed.hasCurrencySign == currency)
        #expect(parsed.count == nil)
        #expect(parsed.gap == nil)
    }

    @Test(
        "gap markers are gaps with a reason, never zero",
        arguments: [
            ("", GapReason.missing), ("   ", .missing), ("-", .missing), ("\u{2013}", .missing),
            ("n/a", .notApplicable), ("N/A", .notApplicable), ("na", .notApplicable), ("z", .notApplicable),
            ("x", .notAvailable), ("X", .notAvailable), ("..", .notAvailable), (":", .notAvailable), ("[x]", .notAvailable),
            ("c", .suppressed), ("*", .suppressed), ("[c]", .suppressed), ("suppressed", .suppressed),
        ])
    func gapMarker(text: String, reason: GapReason) {
        let parsed = figure(text)
        #expect(parsed.value == nil)
        #expect(parsed.gap == reason)
        #expect(parsed.gapText == nil)
    }

    @Test("the allocation table's 'Break in data while tableau was developed' is a break, its words kept")
    func breakInData() {
        let note = "Break in data while tableau was developed"
        let parsed = figure(note)
        #expect(parsed.value == nil)
        #expect(parsed.gap == .breakInData)
        #expect(parsed.gapText == note)
        #expect(figure("  Break in data ").gapText == "Break in data")
    }

    @Test(
        "other gap phrases",
        arguments: [
            ("Not available", GapReason.notAvailable), ("No data yet", .missing), ("Data break", .breakInData),
            ("not published until 2021", .notAvailable), ("Not applicable", .notApplicable),
        ])
    func gapPhrase(text: String, reason: GapReason) {
        #expect(figure(text).gap == reason)
        #expect(figure(text).value == nil)
    }

    @Test("gap reasons read as words")
    func gapPhrases() {
        #expect(GapReason.suppressed.phrase == "suppressed (small numbers)")
        #expect(GapReason.breakInData.phrase == "break in data")
        #expect(GapReason.missing.phrase == "no figure")
    }

    // MARK: Errors, with the offset of the offending character

    private func failure(_ text: String) -> FigureParser.Failure? {
        if case .failure(let failure) = FigureParser.parse(text) { return failure }
        return nil
    }

    @Test(
        "a decimal comma is pointed at, with how to write the figure",
        arguments: [
            ("1,53", 1), ("94,9%", 2), ("1234,567", 4), ("1,2345", 1), ("12,34,567", 2),  // the comma that starts a group of other than three digits
        ])
    func decimalComma(text: String, offset: Int) {
        let problem = failure(text)
        #expect(problem?.message == "'\(text)' is not a number: use a full stop for decimals and commas between groups of three digits, as in 1,537.5")
        #expect(problem?.offset == offset)
    }

    @Test("a second decimal point is pointed at")
    func secondPoint() {
        #expect(failure("1.2.3")?.offset == 3)
        #expect(failure("1.2.3")?.message.hasSuffix("as in 1,537.5") == true)
    }

    @Test("text that is no number at all")
    func notANumber() {
        #expect(
            failure("abc")
                == FigureParser.Failure(
                    message: "'abc' is not a number, and not a gap marker (\(FigureParser.markerList))", offset: 0))
        #expect(failure("  abc")?.offset == 2)
    }

    @Test("words after a number: the offset is the first letter")
    func trailingWords() {
        let problem = failure("12 apples")
        #expect(problem?.message == "'12 apples' is not a number, and not a gap marker (\(FigureParser.markerList))")
        #expect(problem?.offset == 3)
    }

    @Test("brackets")
    func brackets() {
        #expect(failure("(12")?.offset == 0)
        #expect(failure("94.9% (1074") == FigureParser.Failure(message: "the bracket opened here is not closed", offset: 6))
        #expect(failure("94.9% (10.5)") == FigureParser.Failure(message: "the count in brackets must be a whole number, as in 94.9% (1074)", offset: 6))
        #expect(failure("94.9% ()")?.offset == 6)
    }

    @Test("pounds and a percentage at once")
    func currencyAndPercent() {
        #expect(failure("£5%") == FigureParser.Failure(message: "a figure cannot be both pounds and a percentage", offset: 0))
    }

    @Test("an enormous digit string is not a number rather than a crash")
    func longDigits() {
        #expect(failure(String(repeating: "9", count: 40)) != nil)
    }

    @Test(
        "more significant digits than a Double holds exactly are refused, at the number; 15 are fine",
        arguments: [
            ("1234567890123456", 0), ("999999999999999999999999999999", 0), ("-£12345678901234.56", 2), ("0.1234567890123456", 0),
            ("94.9% (1234567890123456)", 7),
        ] as [(String, Int)])
    func tooManyDigits(text: String, offset: Int) {
        guard case .failure(let failure) = FigureParser.parse(text) else {
            Issue.record("'\(text)' was read as a figure")
            return
        }
        #expect(failure.message.contains("more than 15 digits, more than a figure can hold exactly"), "\(failure.message)")
        #expect(failure.offset == offset)
    }

    @Test(
        "15 significant digits, and leading zeros beyond them, are read exactly",
        arguments: [
            ("123456789012345", 123_456_789_012_345.0), ("1,234,567,890.12345", 1_234_567_890.12345), ("0.000123456789012345", 0.000123456789012345),
        ])
    func fifteenDigits(text: String, value: Double) {
        #expect(figure(text).value == value)
        #expect(FigureParser.parse(Formatting.number(value, decimals: figure(text).decimals)) == .success(figure(text)))
    }
}
