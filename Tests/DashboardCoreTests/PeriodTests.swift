import Testing

@testable import DashboardCore

@Suite("Periods")
struct PeriodTests {
    // A fixture of one period of every kind, with what papers and pages should show for it.
    struct Expected: Sendable, CustomTestStringConvertible {
        var period: Period
        var label: String
        var longLabel: String
        var axis: (String, String?)
        var slug: String
        var start: CivilDate
        var end: CivilDate
        var testDescription: String { label }
    }

    static let everyKind: [Expected] = [
        Expected(
            period: .quarter(financialYear: 2019, quarter: 1), label: "2019/20 Q1", longLabel: "2019/20 Q1 (April to June 2019)",
            axis: ("Q1", "2019/20"), slug: "2019-20-q1", start: CivilDate(2019, 4, 1), end: CivilDate(2019, 6, 30)),
        Expected(
            period: .quarter(financialYear: 2019, quarter: 3), label: "2019/20 Q3", longLabel: "2019/20 Q3 (October to December 2019)",
            axis: ("Q3", "2019/20"), slug: "2019-20-q3", start: CivilDate(2019, 10, 1), end: CivilDate(2019, 12, 31)),
        Expected(
            period: .quarter(financialYear: 2019, quarter: 4), label: "2019/20 Q4", longLabel: "2019/20 Q4 (January to March 2020)",
            axis: ("Q4", "2019/20"), slug: "2019-20-q4", start: CivilDate(2020, 1, 1), end: CivilDate(2020, 3, 31)),
        Expected(
            period: .financialYear(2019), label: "2019/20", longLabel: "2019/20 (April 2019 to March 2020)",
            axis: ("2019/20", nil), slug: "2019-20", start: CivilDate(2019, 4, 1), end: CivilDate(2020, 3, 31)),
        Expected(
            period: .financialYear(1999), label: "1999/00", longLabel: "1999/00 (April 1999 to March 2000)",
            axis: ("1999/00", nil), slug: "1999-00", start: CivilDate(1999, 4, 1), end: CivilDate(2000, 3, 31)),
        Expected(
            period: .month(year: 2019, month: 5), label: "May 2019", longLabel: "May 2019",
            axis: ("May", "2019"), slug: "2019-05", start: CivilDate(2019, 5, 1), end: CivilDate(2019, 5, 31)),
        Expected(
            period: .month(year: 2020, month: 2), label: "February 2020", longLabel: "February 2020",
            axis: ("Feb", "2020"), slug: "2020-02", start: CivilDate(2020, 2, 1), end: CivilDate(2020, 2, 29)),
        Expected(
            period: .month(year: 2019, month: 2), label: "February 2019", longLabel: "February 2019",
            axis: ("Feb", "2019"), slug: "2019-02", start: CivilDate(2019, 2, 1), end: CivilDate(2019, 2, 28)),
        Expected(
            period: .calendarYear(2020), label: "2020", longLabel: "2020",
            axis: ("2020", nil), slug: "2020", start: CivilDate(2020, 1, 1), end: CivilDate(2020, 12, 31)),
        Expected(
            period: .day(CivilDate(2020, 6, 3)), label: "3 June 2020", longLabel: "3 June 2020",
            axis: ("3 Jun", "2020"), slug: "2020-06-03", start: CivilDate(2020, 6, 3), end: CivilDate(2020, 6, 3)),
        Expected(
            period: .financialYearToDate(2019), label: "2019/20 YTD", longLabel: "2019/20 year to date",
            axis: ("YTD", "2019/20"), slug: "2019-20-ytd", start: CivilDate(2019, 4, 1), end: CivilDate(2020, 3, 31)),
        Expected(
            period: .calendarYearToDate(2020), label: "2020 YTD", longLabel: "2020 year to date",
            axis: ("YTD", "2020"), slug: "2020-ytd", start: CivilDate(2020, 1, 1), end: CivilDate(2020, 12, 31)),
    ]

    @Test("labels, long labels, axis labels and slugs", arguments: everyKind)
    func names(expected: Expected) {
        #expect(expected.period.label == expected.label)
        #expect(expected.period.description == expected.label)
        #expect(expected.period.longLabel == expected.longLabel)
        #expect(expected.period.axisLabel.primary == expected.axis.0)
        #expect(expected.period.axisLabel.secondary == expected.axis.1)
        #expect(expected.period.slug == expected.slug)
    }

    @Test("first and last day covered", arguments: everyKind)
    func startAndEnd(expected: Expected) {
        #expect(expected.period.start == expected.start)
        #expect(expected.period.end == expected.end)
    }

    @Test("every label reads back as the same period", arguments: everyKind)
    func labelRoundTrip(expected: Expected) {
        #expect(PeriodParser.parse(expected.period.label) == .success(expected.period))
    }

    @Test("labels round-trip for every quarter, month and year over several years")
    func labelRoundTripExhaustive() {
        for year in [1999, 2000, 2008, 2009, 2010, 2011, 2019, 2020, 2099] {
            var periods: [Period] = [.financialYear(year), .calendarYear(year), .financialYearToDate(year), .calendarYearToDate(year)]
            periods += (1...4).map { Period.quarter(financialYear: year, quarter: $0) }
            periods += (1...12).map { Period.month(year: year, month: $0) }
            periods += [.day(CivilDate(year, 1, 1)), .day(CivilDate(year, 12, 31))]
            for period in periods {
                #expect(PeriodParser.parse(period.label) == .success(period), "\(period.label)")
            }
        }
    }

    @Test("2019/20 Q4 is January to March 2020")
    func fourthQuarter() {
        let q4 = period("2019/20 Q4")
        #expect(q4.start == CivilDate(2020, 1, 1))
        #expect(q4.end == CivilDate(2020, 3, 31))
        #expect(q4.financialYear == 2019)
    }

    // MARK: Ordering

    @Test("a year's Q4 comes before its year-to-date figure, and the year to date before the next year's Q1")
    func quarterBeforeYearToDate() {
        let order = ["2019/20 Q3", "2019/20 Q4", "2019/20 YTD", "2020/21 Q1"].map { period($0) }
        #expect(order.shuffled().sorted() == order)
        #expect(period("2019/20 Q4") < period("2019/20 YTD"))
    }

    @Test("within one end date, shorter periods come first")
    func sameEnd() {
        let order = ["2020-03-31", "March 2020", "2019/20 Q4", "2019/20", "2019/20 YTD"].map { period($0) }
        #expect(order.reversed().sorted() == order)
    }

    @Test("months order by date, across year ends")
    func monthsByDate() {
        let months = ["May-19", "Jun-19", "Jul-19", "Aug-19", "Sep-19", "Oct-19", "Nov-19", "Dec-19", "Jan-20", "Feb-20", "Mar-20"]
            .map { period($0) }
        #expect(months.shuffled().sorted() == months)
        #expect(period("Dec-19") < period("Jan-20"))
        #expect(period("2019-12") < period("2020-01"))
    }

    @Test("calendar year 2020 and its year to date: the year first")
    func calendarYearBeforeItsYearToDate() {
        #expect(period("2020") < period("2020 YTD"))
        #expect(!(period("2020 YTD") < period("2020")))
    }

    // MARK: Previous and a year earlier

    @Test(
        "previous period",
        arguments: [
            ("2020/21 Q1", "2019/20 Q4"), ("2019/20 Q4", "2019/20 Q3"), ("Jan-20", "Dec-19"), ("Jun-20", "May-20"),
            ("2019/20", "2018/19"), ("2020", "2019"), ("2019/20 YTD", "2018/19 YTD"), ("2020 YTD", "2019 YTD"),
        ])
    func previous(text: String, expected: String) {
        #expect(period(text).previous == period(expected))
    }

    @Test("a date has no previous period: dates are irregular")
    func dateHasNoPrevious() {
        #expect(period("2020-06-03").previous == nil)
    }

    @Test(
        "the same period a year earlier",
        arguments: [
            ("2020/21 Q1", "2019/20 Q1"), ("Mar-20", "Mar-19"), ("2020", "2019"), ("2020/21", "2019/20"),
            ("2020/21 YTD", "2019/20 YTD"), ("2020 YTD", "2019 YTD"), ("2020-06-03", "2019-06-03"),
            // 29 February falls back to the 28th in a year without one.
            ("2020-02-29", "2019-02-28"),
        ])
    func yearEarlier(text: String, expected: String) {
        #expect(period(text).yearEarlier == period(expected))
    }

    @Test(
        "the financial year a period falls in",
        arguments: [
            ("Mar-20", 2019), ("Apr-20", 2020), ("2020-03-31", 2019), ("2020-04-01", 2020), ("2020/21 Q1", 2020), ("2019/20 YTD", 2019),
        ])
    func financialYearOf(text: String, expected: Int) {
        #expect(period(text).financialYear == expected)
    }

    @Test("frequencies")
    func frequencies() {
        #expect(period("2019/20 Q1").frequency == .quarter)
        #expect(period("2019/20 YTD").frequency.isYearToDate)
        #expect(period("2020 YTD").frequency.isYearToDate)
        #expect(!period("2019/20").frequency.isYearToDate)
        #expect(Period.Frequency.quarter.adjective == "quarterly")
        #expect(Period.Frequency.month.adjective == "monthly")
    }

    @Test("calendar dates: leap years, validity and day numbers")
    func civilDates() {
        #expect(CivilDate.isLeapYear(2020) && CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(1900) && !CivilDate.isLeapYear(2019))
        #expect(CivilDate(2020, 2, 29).isValid)
        #expect(!CivilDate(2019, 2, 29).isValid)
        #expect(!CivilDate(2020, 4, 31).isValid)
        #expect(!CivilDate(2020, 13, 1).isValid)
        #expect(CivilDate(1970, 1, 1).dayNumber == 0)
        #expect(CivilDate(2020, 3, 1).dayNumber - CivilDate(2020, 2, 1).dayNumber == 29)
        #expect(CivilDate(2021, 1, 1).dayNumber - CivilDate(2020, 1, 1).dayNumber == 366)
        #expect(CivilDate(2020, 6, 3).iso == "2020-06-03")
    }
}
