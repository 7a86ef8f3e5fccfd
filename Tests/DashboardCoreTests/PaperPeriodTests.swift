import Testing

@testable import DashboardCore

/// The period labels committee papers print, exactly as printed.
@Suite("Reading periods as papers write them")
struct PaperPeriodTests {
    func written(_ text: String) -> (Period, String?)? { PeriodText.written(text) }
    func message(_ text: String) -> String? { PeriodText.message(text) }

    @Test(
        "ordinal and 'as at' dates are that day, shown as written",
        arguments: [
            ("31st March 2020", CivilDate(2020, 3, 31)), ("As at 31st March 2020", CivilDate(2020, 3, 31)),
            ("1st April 2021", CivilDate(2021, 4, 1)), ("as at 2nd June 2020", CivilDate(2020, 6, 2)),
            ("23rd January 2020", CivilDate(2020, 1, 23)), ("As of 30th September 2021", CivilDate(2021, 9, 30)),
        ])
    func ordinalDates(text: String, date: CivilDate) {
        let result = written(text)
        #expect(result?.0 == .day(date))
        #expect(result?.1 == text)
    }

    @Test("an ordinal on a day that is not in the calendar is refused")
    func ordinalNotADate() {
        #expect(message("31st April 2020") != nil)
    }

    @Test(
        "census points",
        arguments: [
            ("Spring Census 2020", 2020, 1), ("January 2020 census", 2020, 1), ("School Census January 2021", 2021, 1),
            ("Autumn census 2020", 2020, 10), ("Summer Census 2019", 2019, 5), ("spring census 2021", 2021, 1),
        ])
    func census(text: String, year: Int, month: Int) {
        let result = written(text)
        #expect(result?.0 == .census(year: year, month: month))
        #expect(result?.1 == text)
        #expect(result?.0.kind.frequency == .census)
    }

    @Test("the spring census falls in January: before the summer census of the same year, after the autumn one before")
    func censusOrder() throws {
        let spring = try PeriodParser.parse("Spring Census 2020").get()
        let autumn = try PeriodParser.parse("Autumn census 2019").get()
        let summer = try PeriodParser.parse("Summer Census 2020").get()
        #expect([summer, spring, autumn].sorted() == [autumn, spring, summer])
        #expect(spring.start == CivilDate(2020, 1, 1))
        #expect(spring.end == CivilDate(2020, 1, 31))
        #expect(spring.previous == autumn)
        #expect(spring.yearEarlier == .census(year: 2019, month: 1))
    }

    @Test(
        "school terms: autumn starts the academic year, spring and summer are in its second calendar year",
        arguments: [
            ("autumn term 2019", 2019, 1, CivilDate(2019, 9, 1), CivilDate(2019, 12, 31)),
            ("Spring term 2020", 2019, 2, CivilDate(2020, 1, 1), CivilDate(2020, 3, 31)),
            ("Summer term 2021", 2020, 3, CivilDate(2021, 4, 1), CivilDate(2021, 8, 31)),
            ("Autumn Term 2019/20", 2019, 1, CivilDate(2019, 9, 1), CivilDate(2019, 12, 31)),
        ])
    func terms(text: String, academicYear: Int, term: Int, start: CivilDate, end: CivilDate) {
        let result = written(text)
        #expect(result?.0 == .term(academicYear: academicYear, term: term))
        #expect(result?.1 == text)
        #expect(result?.0.start == start)
        #expect(result?.0.end == end)
    }

    @Test("the term before the autumn term is the summer term")
    func previousTerm() throws {
        let autumn = try PeriodParser.parse("autumn term 2019").get()
        #expect(autumn.previous == (try PeriodParser.parse("Summer term 2019").get()))
        #expect(try PeriodParser.parse("Spring term 2020").get().previous == autumn)
    }

    @Test("academic years run September to August", arguments: ["academic year 2021/22", "2021/22 academic year", "Academic Year 2021/2022"])
    func academicYear(text: String) {
        let result = written(text)
        #expect(result?.0 == .academicYear(2021))
        #expect(result?.1 == text)
        #expect(result?.0.start == CivilDate(2021, 9, 1))
        #expect(result?.0.end == CivilDate(2022, 8, 31))
        #expect(result?.0.previous == .academicYear(2020))
    }

    @Test("'2020/21 academic year' is not the financial year 2020/21")
    func academicNotFinancial() {
        #expect(written("2020/21 academic year")?.0 == .academicYear(2020))
        #expect(written("2020/21")?.0 == .financialYear(2020))
    }

    @Test(
        "rolling windows and month ranges, with hyphens, en or em dashes, spaced or not",
        arguments: [
            ("Oct 20 – Sep 21", CivilDate(2020, 10, 1), CivilDate(2021, 9, 30), 12),
            ("Jul 19 – Jun 20", CivilDate(2019, 7, 1), CivilDate(2020, 6, 30), 12),
            ("Jan 21 – Dec 21", CivilDate(2021, 1, 1), CivilDate(2021, 12, 31), 12),
            ("Oct 20 - Sep 21", CivilDate(2020, 10, 1), CivilDate(2021, 9, 30), 12),
            ("Oct 20—Sep 21", CivilDate(2020, 10, 1), CivilDate(2021, 9, 30), 12),
            ("Oct 20-Sep 21", CivilDate(2020, 10, 1), CivilDate(2021, 9, 30), 12),
            ("12 months to September 2021", CivilDate(2020, 10, 1), CivilDate(2021, 9, 30), 12),
            ("Jul–Sep 2020", CivilDate(2020, 7, 1), CivilDate(2020, 9, 30), 3),
            ("Jul-Sep 2020", CivilDate(2020, 7, 1), CivilDate(2020, 9, 30), 3),
            ("Jul - Sep 2020", CivilDate(2020, 7, 1), CivilDate(2020, 9, 30), 3),
            ("July to September 2020", CivilDate(2020, 7, 1), CivilDate(2020, 9, 30), 3),
            ("1 April 2019 to 31 March 2020", CivilDate(2019, 4, 1), CivilDate(2020, 3, 31), 12),
            ("Nov–Jan 2021", CivilDate(2020, 11, 1), CivilDate(2021, 1, 31), 3),
            ("Jan-20 – Mar-20", CivilDate(2020, 1, 1), CivilDate(2020, 3, 31), 3),
        ])
    func ranges(text: String, start: CivilDate, end: CivilDate, months: Int) {
        let result = written(text)
        #expect(result?.0 == .span(start: start, end: end))
        #expect(result?.1 == text)
        #expect(result?.0.length == .months(months))
        #expect(result?.0.kind == Period.Kind(frequency: .span, length: .months(months)))
    }

    @Test("a date range that is not whole months keeps its days")
    func dayRange() {
        let result = written("1 April 2020 to 15 April 2020")
        #expect(result?.0 == .span(start: CivilDate(2020, 4, 1), end: CivilDate(2020, 4, 15)))
        #expect(result?.0.length == .days(15))
        #expect(result?.0.previous == .span(start: CivilDate(2020, 3, 17), end: CivilDate(2020, 3, 31)))
    }

    @Test("the previous rolling 12 months is the 12 months before; a 3-month range's the 3 months before")
    func previousRange() throws {
        #expect(try PeriodParser.parse("Oct 20 – Sep 21").get().previous == (try PeriodParser.parse("Oct 19 – Sep 20").get()))
        #expect(try PeriodParser.parse("Jul–Sep 2020").get().previous == (try PeriodParser.parse("Apr–Jun 2020").get()))
        #expect(try PeriodParser.parse("Jul–Sep 2020").get().yearEarlier == (try PeriodParser.parse("July to September 2019").get()))
    }

    @Test("ranges are ordered by their end; of two ending together the shorter comes first")
    func rangeOrder() throws {
        let labels = ["Oct 20 – Sep 21", "Jul–Sep 2021", "Jul 20 – Jun 21", "2021/22 Q1"]
        let sorted = try labels.map { try PeriodParser.parse($0).get() }.sorted()
        #expect(sorted == (try ["2021/22 Q1", "Jul 20 – Jun 21", "Jul–Sep 2021", "Oct 20 – Sep 21"].map { try PeriodParser.parse($0).get() }))
    }

    @Test("short financial years", arguments: [("22/23", 2022), ("19/20", 2019), ("99/00", 1999)])
    func shortFinancialYear(text: String, start: Int) {
        #expect(PeriodParser.parse(text) == .success(.financialYear(start)))
        #expect(PeriodParser.parse("\(text) Q2") == .success(.quarter(financialYear: start, quarter: 2)))
    }

    @Test("standard forms are shown in the standard way, not as written")
    func standardNotWritten() {
        #expect(written("Q3 2019/20")?.1 == nil)
        #expect(written("May-19")?.1 == nil)
    }

    // MARK: Refused, with the reason

    @Test(
        "a census or term without a year is an error, never guessed",
        arguments: [
            ("Spring Census", "'Spring Census' has no year: a census is named with its year, e.g. Spring Census 2020"),
            ("autumn term", "'autumn term' has no year: a term is named with its year, e.g. Autumn term 2020"),
            ("Census 2020", "'Census 2020' does not say which census: write Spring (January), Summer (May) or Autumn (October), e.g. Spring Census 2020"),
            ("term 2020", "'term 2020' does not say which term: write autumn, spring or summer term and the year, e.g. autumn term 2019"),
            ("Spring 2020", "'Spring 2020' could be the Spring term or the Spring census: write Spring term 2020 or Spring Census 2020"),
            ("academic year 2021", "'academic year 2021' does not say which academic year: write 2020/21 or 2021/22 (September to August)"),
            ("Sep 21 – Oct 20", "'Sep 21 – Oct 20' ends before it starts"),
            (
                "12 months to 15 September 2021",
                "'12 months to 15 September 2021' ends on a day that is not the last of its month; write the range of dates, e.g. 1 October 2020 to 15 September 2021"
            ),
        ])
    func refused(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("a range of months without any year is not a period")
    func rangeWithoutYear() {
        #expect(message("Jul–Sep")?.hasPrefix("'Jul–Sep' is not a period") == true)
    }
}
