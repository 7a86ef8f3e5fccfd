import Testing

@testable import DashboardCore

/// A DfE return's year (`Return Year 2020`) and averages over several years (`2018 to 2020`), as the packs print them.
@Suite("Return years and spans of years")
struct ReturnYearAndSpanTests {
    func written(_ text: String) -> (Period, String?)? { PeriodText.written(text) }
    func message(_ text: String) -> String? { PeriodText.message(text) }

    func analyse(_ observations: [Observation]) -> IndicatorAnalysis {
        let definition = indicator("adoption-a1", unit: .count, polarity: .low, aggregation: .mean)
        let dashboard = Dashboard(
            definition: DashboardDefinition(id: "d", title: "D", organisation: "O", indicators: [definition], location: at()),
            series: [definition.id: observations])
        return Analysis.indicator(definition, in: dashboard, asOf: nil)
    }

    // MARK: Return Year

    @Test("Return Year 2020 is the financial year ending 31 March 2020, shown as written", arguments: ["Return Year 2020", "return year 2020", "Return Year 2019/20"])
    func returnYear(text: String) {
        let result = written(text)
        #expect(result?.0 == .financialYear(2019))
        #expect(result?.1 == text)
        #expect(result?.0.start == CivilDate(2019, 4, 1))
        #expect(result?.0.end == CivilDate(2020, 3, 31))
    }

    @Test("a return year is compared with the year before, written either way")
    func returnYearCompared() {
        let analysis = analyse([observation("2018/19", 250), observation("Return Year 2020", 230)])
        #expect(analysis.change?.fromPeriod == .financialYear(2018))
        #expect(analysis.direction?.direction == .better)
        #expect(analysis.latest?.label == "Return Year 2020")
    }

    @Test("a return year without a year is refused with the reason")
    func returnYearRefused() {
        #expect(message("Return Year") == "'Return Year' is not a return year: write the year the return ends in, e.g. Return Year 2020 (April 2019 to March 2020)")
    }

    // MARK: Spans of years

    @Test(
        "spans of calendar years, inclusive, kept as written",
        arguments: [
            ("2018 to 2020", 2018, 2020), ("2017-2020", 2017, 2020), ("2017–2020", 2017, 2020), ("2017 – 2020", 2017, 2020),
            ("2016 to 2018", 2016, 2018),
        ])
    func calendarSpans(text: String, first: Int, last: Int) {
        let result = written(text)
        #expect(result?.0 == .span(start: CivilDate(first, 1, 1), end: CivilDate(last, 12, 31)))
        #expect(result?.1 == text)
        #expect(result?.0.wholeYears?.count == last - first + 1)
    }

    @Test("spans of financial years")
    func financialSpans() {
        let result = written("2017/18 to 2019/20")
        #expect(result?.0 == .span(start: CivilDate(2017, 4, 1), end: CivilDate(2020, 3, 31)))
        #expect(result?.0.wholeYears?.count == 3)
        #expect(written("2017-18 to 2019-20")?.0 == result?.0)
    }

    @Test("a span's own label, long label, kind and axis label")
    func spanWords() {
        let span = period("2018 to 2020")
        #expect(span.label == "2018 to 2020")
        #expect(span.longLabel == "2018 to 2020 (3 years, January 2018 to December 2020)")
        #expect(span.kind.name == "3-year")
        #expect(span.axisLabel.primary == "2018–20")
        #expect(period(span.label) == span)
        let financial = period("2017/18 to 2019/20")
        #expect(financial.label == "2017/18 to 2019/20")
        #expect(period(financial.label) == financial)
    }

    @Test("spans sort by the day they end, after the single year ending with them")
    func spanOrder() {
        let periods = [period("2018 to 2020"), period("2020"), period("2017 to 2019"), period("2016 to 2020"), period("2019")]
        #expect(periods.sorted().map(\.label) == ["2019", "2017 to 2019", "2020", "2018 to 2020", "2016 to 2020"])
    }

    @Test("a three-year span is compared with the three years a year before, never with a single year")
    func spanCompared() {
        let analysis = analyse([
            observation("2016 to 2018", 500), observation("2017 to 2019", 480), observation("2019", 300),
            observation("2018 to 2020", 450),
        ])
        #expect(analysis.change?.fromPeriod == period("2017 to 2019"))
        #expect(analysis.change?.fromLabel == "2017 to 2019")
        #expect(analysis.direction?.direction == .better)
        #expect(analysis.series.allSatisfy { $0.period.kind == period("2018 to 2020").kind })
    }

    @Test("a three-year span is never compared with a four-year one")
    func spanLengths() {
        // In period order, as the assembler gives them: the longer of two spans ending together after the shorter.
        let analysis = analyse([observation("2017 to 2019", 480), observation("2016 to 2019", 500), observation("2018 to 2020", 450)])
        #expect(analysis.change?.fromPeriod == period("2017 to 2019"))
        #expect(period("2016 to 2019").kind != period("2017 to 2019").kind)
    }

    @Test(
        "spans that cannot be read one way are refused",
        arguments: [
            ("2020 to 2018", "'2020 to 2018' ends before it starts"),
            (
                "2019 to 2020",
                "'2019 to 2020' can be read as the financial year 2019/20 or the calendar years 2019 and 2020; write 2019/20 or Jan 2019 – Dec 2020"
            ),
            ("2000 to 2020", "'2000 to 2020' is not a period: a span of years is at most 10 years"),
        ])
    func spanRefused(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test("2019-2020 stays the financial year 2019/20")
    func consecutiveYearsAreAFinancialYear() {
        #expect(period("2019-2020") == .financialYear(2019))
    }
}
