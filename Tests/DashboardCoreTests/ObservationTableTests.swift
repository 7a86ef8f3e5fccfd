import Testing

@testable import DashboardCore

@Suite("Observation tables")
struct ObservationTableTests {
    // MARK: Long form

    @Test("a row the CSV reader reported is not read again: one error each, and the other rows are read")
    func unreadableRowsAreReportedOnce() {
        // A pound sign saved as Windows-1252, and a stray quote after a figure.
        let bytes = Array("indicator,period,value\nx,2019/20 Q1,".utf8) + [0xA3] + Array("5\nx,2019/20 Q2,5\"\nx,2019/20 Q3,7\n".utf8)
        let read = CSVReader.read(bytes, file: "w.csv")
        let (_, records, diagnostics) = ObservationTable.read(read.records, file: "w.csv")
        #expect(read.diagnostics.errors.map(\.location) == [at("w.csv", 2, 14), at("w.csv", 3, 15)])
        #expect(diagnostics.isEmpty)
        #expect(records.map(\.period) == [period("2019/20 Q3")])
    }

    @Test("a header the CSV reader reported is not read: its problem is the only one")
    func unreadableHeader() {
        let bytes = Array("indicator,per".utf8) + [0xEF] + Array("od,value\nx,2019/20 Q1,5\n".utf8)
        let read = CSVReader.read(bytes, file: "h.csv")
        let (shape, records, diagnostics) = ObservationTable.read(read.records, file: "h.csv")
        #expect(read.diagnostics.errors.count == 1)
        #expect(diagnostics.isEmpty)
        #expect(shape == nil)
        #expect(records.isEmpty)
    }

    @Test("the KPI dashboard's long table: indicator, period, value, note")
    func kpiLongForm() {
        let kpiExcerpt = """
            # Current figures of the Quarter 1 2020/21 dashboard, as published.
            indicator,period,value,note
            cp-reviews-in-timescale,2020/21 Q1,94.9% (1074),
            cfws-individuals-quarter,2020/21 Q1,"3,622",
            mainstream-ehcp,2020-01,1906,Spring Census 2020
            reoffending-rate,Q3 2019/20,0.51,
            """
        let (shape, records, diagnostics) = table(kpiExcerpt, file: "kpi.csv")
        #expect(diagnostics.isEmpty)
        #expect(shape == .long)
        #expect(records.map(\.indicator) == ["cp-reviews-in-timescale", "cfws-individuals-quarter", "mainstream-ehcp", "reoffending-rate"])
        #expect(records.map(\.period) == [period("2020/21 Q1"), period("2020/21 Q1"), .month(year: 2020, month: 1), period("2019/20 Q3")])
        #expect(records[0].figure.value == 94.9)
        #expect(records[0].figure.count == 1074)
        #expect(records[1].figure.value == 3622)
        #expect(records[2].note == "Spring Census 2020")
        #expect(records[0].note == nil)
        #expect(records[3].figure.decimals == 2)
        #expect(records[0].indicatorLocation == at("kpi.csv", 3, 1))
        #expect(records[0].valueLocation == at("kpi.csv", 3, 36))
    }

    @Test("numerator and denominator columns, in any order, headers in any case")
    func numeratorDenominator() {
        let familyStarRates = """
            Period,Indicator,Value,Denominator,Numerator
            2019/20 Q1,family-star-positive-rate,67.1%,70,47
            2019/20 Q2,family-star-positive-rate,67.5%,80,54
            2019/20 Q3,family-star-positive-rate,70.3%,,
            """
        let (shape, records, diagnostics) = table(familyStarRates)
        #expect(diagnostics.isEmpty)
        #expect(shape == .long)
        #expect(records.map(\.numerator) == [47, 54, nil])
        #expect(records.map(\.denominator) == [70, 80, nil])
    }

    @Test("minimal long form without the optional columns")
    func minimalLong() {
        let (shape, records, diagnostics) = table("indicator,period,value\nx,2019/20,502\n")
        #expect(diagnostics.isEmpty)
        #expect(shape == .long)
        #expect(records.first?.period == .financialYear(2019))
        #expect(records.first?.numerator == nil)
        #expect(records.first?.note == nil)
    }

    @Test("an unknown column is a warning with a suggestion, and is not read")
    func unknownColumn() {
        let (shape, records, diagnostics) = table("indicator,period,value,notes,origin\nx,2020,1,a,b\n")
        #expect(shape == .long)
        #expect(records.count == 1)
        #expect(diagnostics.errors.isEmpty)
        #expect(
            diagnostics.warnings.map(\.message) == [
                "the column 'notes' is not read (a long-form file has indicator, period, value, numerator, denominator, note, published, source); did you mean 'note'?",
                "the column 'origin' is not read (a long-form file has indicator, period, value, numerator, denominator, note, published, source)",
            ])
        #expect(diagnostics.warnings.map(\.location) == [at("data.csv", 1, 24), at("data.csv", 1, 30)])
    }

    @Test("a column named twice")
    func duplicateColumn() {
        let (_, _, diagnostics) = table("indicator,period,value,value\n")
        #expect(diagnostics.errors.map(\.message) == ["the column 'value' appears twice in the header"])
        #expect(diagnostics.errors.first?.location == at("data.csv", 1, 24))
    }

    @Test("a row with more fields than the header is reported at the first extra field, and skipped")
    func tooManyFields() {
        let (_, records, diagnostics) = table("indicator,period,value\nx,2019/20 Q1,1,537\ny,2019/20 Q1,2\n")
        #expect(
            diagnostics.errors.map(\.message) == [
                "this row has 4 fields but the header has 3; is a comma inside a value that should be quoted?"
            ])
        #expect(diagnostics.errors.first?.location == at("data.csv", 2, 16))
        #expect(records.map(\.indicator) == ["y"])
    }

    @Test("a bad period is reported in its column, and the row skipped")
    func badPeriod() {
        let (_, records, diagnostics) = table("indicator,period,value\nmainstream-ehcp,Spring Census,1906\nx,2019/21,1\n")
        #expect(records.isEmpty)
        #expect(diagnostics.errors.map(\.location) == [at("data.csv", 2, 17), at("data.csv", 3, 3)])
        #expect(
            diagnostics.errors.map(\.message) == [
                "'Spring Census' has no year: a census is named with its year, e.g. Spring Census 2020",
                "'2019/21' is not a financial year: one runs April to March over two consecutive years, e.g. 2019/20",
            ])
    }

    @Test("a bad figure is reported at its character, inside quotes too")
    func badFigure() {
        let (_, records, diagnostics) = table("indicator,period,value\nx,2020,94,9%\ny,2020,\"1,53\"\nz,2020,12 apples\n")
        // Row 2 has too many fields (94 and 9%); rows 3 and 4 have figures that cannot be read.
        #expect(records.isEmpty)
        #expect(diagnostics.errors.map(\.location) == [at("data.csv", 2, 11), at("data.csv", 3, 10), at("data.csv", 4, 11)])
    }

    @Test("a row cut short before its value is an error, not a gap; missing optional columns are fine")
    func shortRow() {
        let (_, records, diagnostics) = table("indicator,period,value,note\nx,2019/20 Q1\ny,2019/20 Q1,5\n")
        #expect(records.map(\.indicator) == ["y"])
        #expect(records.first?.note == nil)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics.errors.first?.location == at("data.csv", 2, 3))
        #expect(diagnostics.errors.first?.message.contains("stops before the value column") == true)
    }

    @Test("a row with no indicator")
    func noIndicator() {
        let (_, records, diagnostics) = table("indicator,period,value\n  ,2020,1\n")
        #expect(records.isEmpty)
        #expect(diagnostics.errors.map(\.message) == ["this row has no indicator"])
        #expect(diagnostics.errors.first?.location == at("data.csv", 2, 1))
    }

    @Test("a numerator must be a count")
    func numeratorNotACount() {
        let (_, records, diagnostics) = table("indicator,period,value,numerator,denominator\nx,2020,50%,50%,100\ny,2020,50%,-5,100\n")
        #expect(diagnostics.errors.map(\.message) == ["the numerator must be a count such as 1074", "the numerator must be a count such as 1074"])
        #expect(diagnostics.errors.first?.location == at("data.csv", 2, 12))
        #expect(records.map(\.numerator) == [nil, nil])
    }

    @Test("gap cells in long form")
    func longGaps() {
        let (_, records, diagnostics) = table("indicator,period,value\nx,Dec-19,Break in data\nx,Jan-20,\nx,Feb-20,[c]\n")
        #expect(diagnostics.isEmpty)
        #expect(records.map(\.figure.gap) == [.breakInData, .missing, .suppressed])
        #expect(records.allSatisfy { $0.figure.value == nil })
    }

    @Test("an empty file, and one with only blank lines, say what a data file needs")
    func noHeader() {
        for text in ["", "\n\n", "# only a comment\n"] {
            let (shape, records, diagnostics) = table(text)
            #expect(shape == nil)
            #expect(records.isEmpty)
            #expect(
                diagnostics.errors.map(\.message) == [
                    "the file has no header row and no data; a data file starts with a header such as indicator,period,value"
                ])
        }
    }

    // MARK: Wide form

    @Test("the CFWS Family Star table: periods as headers, year to date beside the quarters")
    func familyStarWide() {
        let familyStar2019_20 = """
            indicator,2019/20 Q1,2019/20 Q2,2019/20 Q3,2019/20 Q4,2019/20 YTD,2020/21 Q1
            family-star-total,70,80,101,85,336,103
            family-star-positive,47,54,71,61,233,70
            family-star-positive-rate,67.1%,67.5%,70.3%,71.8%,69.3%,68.0%
            """
        let (shape, records, diagnostics) = table(familyStar2019_20, file: "family-star.csv")
        #expect(diagnostics.isEmpty)
        #expect(shape == .wide)
        #expect(records.count == 18)
        let total = records.filter { $0.indicator == "family-star-total" }
        #expect(total.map(\.period) == ["2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4", "2019/20 YTD", "2020/21 Q1"].map { period($0) })
        #expect(total.map(\.figure.value) == [70, 80, 101, 85, 336, 103])
        let rate = records.filter { $0.indicator == "family-star-positive-rate" }
        #expect(rate.map(\.figure.decimals) == [1, 1, 1, 1, 1, 1])
        #expect(rate.last?.figure.value == 68.0)
        #expect(rate[4].valueLocation == at("family-star.csv", 4, 51))
    }

    @Test("the allocation table's breaks in data are gaps with their words")
    func allocationWide() {
        let allocationBreak = """
            indicator,Nov-19,Dec-19,Jan-20,Mar-20
            allocation-locality,116,Break in data while tableau was developed,Break in data,82
            """
        let (_, records, diagnostics) = table(allocationBreak)
        #expect(diagnostics.isEmpty)
        #expect(records.map(\.figure.value) == [116, nil, nil, 82])
        #expect(records.map(\.figure.gap) == [nil, .breakInData, .breakInData, nil])
        #expect(records[1].figure.gapText == "Break in data while tableau was developed")
    }

    @Test("an empty header over an empty trailing column is tolerated (a trailing comma or tab from Excel)")
    func trailingEmptyColumn() {
        let (shape, records, diagnostics) = table("indicator,2019-08,2020-08,\nehcp-age-under-5,136,171,\n")
        #expect(diagnostics.isEmpty)
        #expect(shape == .wide)
        #expect(records.map(\.figure.value) == [136, 171])
    }

    @Test("a value under an empty header is an error at the value")
    func valueUnderEmptyHeader() {
        let (_, records, diagnostics) = table("indicator,2019-08,,2020-08\nehcp-age-under-5,136,5,171\n")
        #expect(diagnostics.errors.map(\.message) == ["this value is under a column with no period heading"])
        #expect(diagnostics.errors.first?.location == at("data.csv", 2, 22))
        #expect(records.map(\.figure.value) == [136, 171])
    }

    @Test("a value beyond the last header column")
    func valueBeyondHeader() {
        let (_, records, diagnostics) = table("indicator,2019-08\nx,1,2\ny,3,\n")
        #expect(diagnostics.errors.map(\.message) == ["this value is beyond the last period column of the header; is a period heading missing?"])
        #expect(diagnostics.errors.first?.location == at("data.csv", 2, 5))
        #expect(records.map(\.figure.value) == [1, 3])
    }

    @Test("a wide table headed by the papers' census and term labels keeps them as written")
    func paperHeadings() {
        let (shape, records, diagnostics) = table("indicator,Spring Census 2020,Autumn census 2020,autumn term 2019\nx,1906,1950,3\n")
        #expect(shape == .wide)
        #expect(diagnostics.errors.isEmpty)
        #expect(records.map(\.period) == [.census(year: 2020, month: 1), .census(year: 2020, month: 10), .term(academicYear: 2019, term: 1)])
        #expect(records.map(\.periodLabel) == ["Spring Census 2020", "Autumn census 2020", "autumn term 2019"])
    }

    @Test("a long table keeps a date written with 'As at' as written, and a quarter in its standard form")
    func longWritten() {
        let (_, records, diagnostics) = table("indicator,period,value\nx,As at 31st March 2020,1\nx,Q3 2019/20,2\n")
        #expect(diagnostics.errors.isEmpty)
        #expect(records.map(\.period) == [.day(CivilDate(2020, 3, 31)), .quarter(financialYear: 2019, quarter: 3)])
        #expect(records.map(\.periodLabel) == ["As at 31st March 2020", nil])
    }

    @Test("a bad header period stops the table, with what a wide and a long table need")
    func badHeaderPeriod() {
        let (shape, records, diagnostics) = table("indicator,2019/20 Q1,Spring 2020\nx,1,2\n")
        #expect(shape == .wide)
        #expect(records.isEmpty)
        #expect(
            diagnostics.errors.map(\.message) == [
                "'Spring 2020' could be the Spring term or the Spring census: write Spring term 2020 or Spring Census 2020 (in a wide table every column after the first is headed by a period; a long table needs the columns indicator, period, value)"
            ])
        #expect(diagnostics.errors.first?.location == at("data.csv", 1, 22))
    }

    @Test("a misspelt long-form header is read as a wide table and explained")
    func misspeltLongHeader() {
        let (shape, _, diagnostics) = table("indicator,period,valeu\nx,2020,1\n")
        #expect(shape == .wide)
        #expect(diagnostics.errors.first?.message.hasSuffix("a long table needs the columns indicator, period, value)") == true)
    }

    @Test("a period heading two columns")
    func duplicatePeriodHeader() {
        let (_, records, diagnostics) = table("indicator,2019/20 Q1,Q1 2019/20\nx,1,2\n")
        #expect(records.isEmpty)
        #expect(diagnostics.errors.map(\.message) == ["the period 2019/20 Q1 heads two columns (also column 2)"])
    }

    @Test("a header with one column")
    func oneColumnHeader() {
        let (_, _, diagnostics) = table("indicator\nx\n")
        #expect(
            diagnostics.errors.map(\.message) == [
                "the header has one column: a wide table needs a column for each period, a long table the columns indicator, period, value"
            ])
    }

    @Test("a wide row with no indicator")
    func wideRowWithoutIndicator() {
        let (_, records, diagnostics) = table("indicator,2020\n,5\nx,6\n")
        #expect(diagnostics.errors.map(\.message) == ["this row has figures but no indicator in its first column"])
        #expect(records.map(\.indicator) == ["x"])
    }

    @Test("gap cells in wide form", arguments: [("", GapReason.missing), ("n/a", .notApplicable), ("x", .notAvailable), ("c", .suppressed), ("*", .suppressed), ("-", .missing)])
    func wideGaps(cell: String, reason: GapReason) {
        let (_, records, diagnostics) = table("indicator,2019/20 Q1,2019/20 Q2\nx,\(cell),5\n")
        #expect(diagnostics.isEmpty)
        #expect(records.first?.figure.gap == reason)
        #expect(records.first?.figure.value == nil)
        #expect(records.last?.figure.value == 5)
    }

    @Test("the SEND age-band file, tab separated")
    func ageBandsTSV() {
        let ageBands = "indicator\t2019-08\t2020-08\nehcp-age-under-5\t136\t171\nehcp-age-20-25\t414\t454\n"
        let (shape, records, diagnostics) = table(ageBands, file: "age-bands.tsv", delimiter: "\t")
        #expect(diagnostics.isEmpty)
        #expect(shape == .wide)
        #expect(records.map(\.figure.value) == [136, 171, 414, 454])
        #expect(records.map(\.period) == [.month(year: 2019, month: 8), .month(year: 2020, month: 8), .month(year: 2019, month: 8), .month(year: 2020, month: 8)])
    }
}
