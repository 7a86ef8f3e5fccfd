import Testing

@testable import DashboardCore

@Suite("Reading period names")
struct PeriodParserTests {
    // MARK: Accepted forms

    @Test(
        "financial quarters in every form papers and spreadsheets use",
        arguments: [
            "2019/20 Q1", "2019-20 Q1", "2019/2020 Q1", "2019-2020 Q1", "Q1 2019/20", "q1 2019/20", "2019/20 q1",
            "  2019/20   Q1 ", "2019/20Q1", "2019 /20 Q1",
        ])
    func financialQuarter(text: String) {
        #expect(PeriodParser.parse(text) == .success(.quarter(financialYear: 2019, quarter: 1)))
    }

    @Test("each quarter number 1 to 4", arguments: [1, 2, 3, 4])
    func quarterNumbers(quarter: Int) {
        #expect(PeriodParser.parse("2020/21 Q\(quarter)") == .success(.quarter(financialYear: 2020, quarter: quarter)))
    }

    @Test("the KPI dashboard's 'Q3 2019/20' (re-offending rate)")
    func quarterFirstFromPaper() {
        #expect(PeriodParser.parse("Q3 2019/20") == .success(.quarter(financialYear: 2019, quarter: 3)))
    }

    @Test(
        "financial years",
        arguments: [
            ("2019/20", 2019), ("2019/2020", 2019), ("2019-20", 2019), ("2018/19", 2018), ("1999/00", 1999), ("1999/2000", 1999),
        ])
    func financialYear(text: String, start: Int) {
        #expect(PeriodParser.parse(text) == .success(.financialYear(start)))
    }

    @Test(
        "months",
        arguments: [
            ("2019-05", 2019, 5), ("May-19", 2019, 5), ("May 2019", 2019, 5), ("may 2019", 2019, 5), ("Sept 2019", 2019, 9),
            ("Sept. 2019", 2019, 9), ("Sep 2019", 2019, 9), ("September 2019", 2019, 9), ("Dec-19", 2019, 12),
            ("Jan-20", 2020, 1), ("Feb-2020", 2020, 2), ("2020-12", 2020, 12), ("Jul-99", 1999, 7),
        ])
    func month(text: String, year: Int, month: Int) {
        #expect(PeriodParser.parse(text) == .success(.month(year: year, month: month)))
    }

    @Test("yyyy-mm with mm from 01 to 12 is always a month, never a financial year")
    func isoMonthWins() {
        // 2011-12 could be read as the financial year 2011/12; ISO 8601 says December 2011.
        #expect(PeriodParser.parse("2011-12") == .success(.month(year: 2011, month: 12)))
        #expect(PeriodParser.parse("2011/12") == .success(.financialYear(2011)))
    }

    @Test("calendar years")
    func calendarYear() {
        #expect(PeriodParser.parse("2020") == .success(.calendarYear(2020)))
        #expect(PeriodParser.parse(" 2019 ") == .success(.calendarYear(2019)))
    }

    @Test(
        "dates, day first as in the UK",
        arguments: [
            "2020-06-03", "03/06/2020", "3/6/2020", "3 June 2020", "3 Jun 2020", "03-Jun-2020", "03-Jun-20", "3 june 2020",
        ])
    func date(text: String) {
        #expect(PeriodParser.parse(text) == .success(.day(CivilDate(2020, 6, 3))))
    }

    @Test("29 February in a leap year is a date")
    func leapDay() {
        #expect(PeriodParser.parse("2020-02-29") == .success(.day(CivilDate(2020, 2, 29))))
        #expect(PeriodParser.parse("29/02/2000") == .success(.day(CivilDate(2000, 2, 29))))
    }

    @Test("year to date, financial and calendar")
    func yearToDate() {
        #expect(PeriodParser.parse("2019/20 YTD") == .success(.financialYearToDate(2019)))
        #expect(PeriodParser.parse("2018/2019 YTD") == .success(.financialYearToDate(2018)))
        #expect(PeriodParser.parse("2020/21 ytd") == .success(.financialYearToDate(2020)))
        #expect(PeriodParser.parse("2020 YTD") == .success(.calendarYearToDate(2020)))
    }

    // MARK: Rejections

    private func message(_ text: String) -> String? { PeriodText.message(text) }

    @Test("2019/21 is not a financial year: the years must be consecutive")
    func nonConsecutiveYears() {
        #expect(message("2019/21") == "'2019/21' is not a financial year: one runs April to March over two consecutive years, e.g. 2019/20")
        #expect(message("2019/2021") == "'2019/2021' is not a financial year: one runs April to March over two consecutive years, e.g. 2019/20")
    }

    @Test("a quarter with no year asks for the financial year")
    func quarterWithoutYear() {
        #expect(message("Q1") == "'Q1' has no year: write the financial year with the quarter, e.g. 2020/21 Q1")
    }

    @Test("a quarter with a calendar year offers both financial years it could mean")
    func quarterWithCalendarYear() {
        #expect(message("Q1 2020") == "'Q1 2020' does not say which financial year: write 2019/20 Q1 or 2020/21 Q1")
        #expect(message("q3 2020") == "'q3 2020' does not say which financial year: write 2019/20 Q3 or 2020/21 Q3")
    }

    @Test("the quarter in the suggestion comes from the text however it is spaced")
    func quarterWithCalendarYearSpaced() {
        #expect(message(" Q 2 2020") == "' Q 2 2020' does not say which financial year: write 2019/20 Q2 or 2020/21 Q2")
        #expect(message("Q 1") == "'Q 1' has no year: write the financial year with the quarter, e.g. 2020/21 Q1")
    }

    @Test("2019-13 is neither a month nor a financial year")
    func monthThirteen() {
        #expect(message("2019-13") == "'2019-13' is not a month (13 is not 01 to 12) nor a financial year (that would be 2019/20)")
        #expect(message("2019-00") == "'2019-00' is not a month (0 is not 01 to 12) nor a financial year (that would be 2019/20)")
    }

    @Test("a date that is not in the calendar", arguments: ["2020-02-30", "2019-02-29", "31/04/2020", "2020-13-01"])
    func unrealDate(text: String) {
        #expect(message(text) == "'\(text)' is not a real date")
    }

    @Test("a misspelt month name gets a suggestion")
    func misspeltMonth() {
        #expect(message("Agust 2019") == "'Agust 2019' is not a period: 'agust' is not a month name; did you mean 'August'?")
    }

    @Test("an empty period", arguments: ["", "   ", "\t"])
    func empty(text: String) {
        #expect(message(text) == "the period is empty; write one such as \(PeriodParser.examples)")
    }

    @Test("other text is not a period", arguments: ["Q5 2019/20", "2019/20 Q0", "12345678901234567890", "2019/20 H1", "£2019", "1899", "2200"])
    func otherRejections(text: String) {
        #expect(message(text) != nil)
    }

    @Test("a long text is shortened in the message")
    func longTextShortened() {
        let text = String(repeating: "x", count: 60)
        #expect(message(text) == "'\(String(repeating: "x", count: 40))…' is not a period; write one such as \(PeriodParser.examples)")
    }
}
