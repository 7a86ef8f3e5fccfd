import DashboardCore
import Foundation
import Testing

@testable import DashboardInput
@testable import DashboardWorkbook

/// The workbooks written by Fixtures/make_fixtures.py.
let fixtures: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    return url.path + "/Fixtures"
}()

func fixture(_ name: String) -> String { fixtures + "/" + name }

/// A dashboard folder in a fresh temporary input folder, holding the given files.
struct DashboardFolder {
    let root: String
    let folder: String

    init(_ id: String = "q3", yml: String, copying files: [String] = [], writing texts: [String: String] = [:]) {
        root = NSTemporaryDirectory() + "dashboards-input-test-" + UUID().uuidString
        folder = root + "/" + id
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try! Data(yml.utf8).write(to: URL(fileURLWithPath: folder + "/dashboard.yml"))
        for file in files { try! FileManager.default.copyItem(atPath: fixture(file), toPath: folder + "/" + file) }
        for (name, text) in texts { try! Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    }

    func load() -> Project { InputLoader.load(from: root) }
    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

let q3Indicators = """
    indicators:
      assessments-45-days:
        title: Assessments completed within 45 working days
        unit: percent
        polarity: high
      looked-after:
        title: Children looked after
        unit: count
        polarity: low
      care-leavers-eet:
        title: Care leavers in education, employment or training
        unit: percent
        polarity: high
      contacts:
        title: Contacts
        unit: count
        polarity: low
      re-referrals:
        title: Re-referrals within 12 months
        unit: percent
        polarity: low
    """

func yml(data: String) -> String {
    "title: Q3 dashboard\norganisation: Test council\n" + data + "\n" + q3Indicators
}

func messages(_ project: Project) -> [String] { project.diagnostics.sorted.map(\.description) }

func ymd(_ serial: Double, _ date1904: Bool) -> [Int] {
    Workbook.date(serial: serial, date1904: date1904).map { [$0.year, $0.month, $0.day] } ?? []
}

@Suite struct WorkbookReaderTests {
    @Test func sheetsCellsAndFormats() throws {
        let book = try Workbook(path: fixture("kpis.xlsx"))
        #expect(book.sheetNames == ["Q3 dashboard", "Workings", "Monthly", "Draft"])
        #expect(book.sheets.map(\.hidden) == [false, true, false, false])
        let sheet = try book.sheet(named: "Q3 dashboard")
        #expect(sheet.cells[CellAddress("B5")!] == .number(0.949, NumberFormat(kind: .percent(decimals: 1), code: "0.0%")))
        #expect(SheetTable.displayText(sheet.cells[CellAddress("B5")!]!, workbook: book) == "94.9%")
        #expect(SheetTable.displayText(sheet.cells[CellAddress("D6")!]!, workbook: book) == "1074")
        #expect(SheetTable.displayText(sheet.cells[CellAddress("B8")!]!, workbook: book) == "56%")
        #expect(sheet.cells[CellAddress("A8")!] == .text("Care leavers in education, employment or training"))
        #expect(sheet.cells[CellAddress("D8")!] == .error("#N/A"))
        #expect(sheet.hiddenRows == [7])
        #expect(sheet.mergedRange(containing: CellAddress("C3")!) == CellRange("B3:D3"))
        #expect(sheet.usedRange == CellRange("A1:D8"))
    }

    @Test func datesInBothSystems() throws {
        // 1900 system: serial 1 is 1 January 1900, 60 the 29 February 1900 Excel counts, 61 is 1 March.
        #expect(ymd(1, false) == [1900, 1, 1])
        #expect(ymd(59, false) == [1900, 2, 28])
        #expect(ymd(61, false) == [1900, 3, 1])
        #expect(ymd(45383, false) == [2024, 4, 1])
        // 1904 system: serial 0 is 1 January 1904.
        #expect(ymd(0, true) == [1904, 1, 1])
        let book = try Workbook(path: fixture("dates1904.xlsx"))
        #expect(book.date1904)
        let sheet = try book.sheet(named: "Sheet1")
        #expect(SheetTable.displayText(sheet.cells[CellAddress("B1")!]!, workbook: book) == "2024-01-31")
        let kpis = try Workbook(path: fixture("kpis.xlsx"))
        let monthly = try kpis.sheet(named: "Monthly")
        #expect(SheetTable.displayText(monthly.cells[CellAddress("C1")!]!, workbook: kpis) == "May 2024")
        // The same serial read in the 1904 system is four years and a day later.
        #expect(SheetTable.displayText(monthly.cells[CellAddress("C1")!]!, workbook: book) == "May 2028")
    }

    @Test func numberFormatCodes() {
        #expect(NumberFormat(code: "0.0%").kind == .percent(decimals: 1))
        #expect(NumberFormat(code: "#,##0").kind == .fixed(decimals: 0))
        #expect(NumberFormat(code: "#,##0.00;[Red]-#,##0.00").kind == .fixed(decimals: 2))
        #expect(NumberFormat(code: "General").kind == .general)
        #expect(NumberFormat(code: "@").kind == .text)
        #expect(NumberFormat(code: "mmm\\-yy").kind == .date(day: false, month: true))
        #expect(NumberFormat(code: "dd/mm/yyyy").kind == .date(day: true, month: true))
        #expect(NumberFormat(code: "\"£\"#,##0.00").kind == .fixed(decimals: 2))
        #expect(SheetTable.general(40.630000000000003) == "40.63")
        #expect(SheetTable.general(0.1 + 0.2) == "0.3")
        #expect(SheetTable.general(1537) == "1537")
    }

    @Test(arguments: [
        ("legacy.xls", "old-style Excel workbook (.xls)"),
        ("encrypted.xlsx", "is password-protected (encrypted), so it cannot be read: save a copy without a password"),
        ("truncated.xlsx", "damaged"),
        ("bomb.xlsx", "unpacks to 100 MiB"),
        ("many-strings.xlsx", "more than the 1000 this reader takes"),
    ])
    func refusedWorkbooks(name: String, phrase: String) {
        var message = ""
        do {
            var limits = Workbook.Limits()
            limits.sharedStrings = 1000
            let book = try Workbook(path: fixture(name), limits: limits)
            _ = try book.sheet(named: book.sheetNames.first ?? "Sheet1")
        } catch {
            message = error.message
        }
        #expect(message.contains(phrase), "\(name): \(message)")
    }

    @Test func missingSheetSuggestsTheNearest() throws {
        let book = try Workbook(path: fixture("kpis.xlsx"))
        #expect(throws: WorkbookError.self) { try book.sheet(named: "Q3 dashbord") }
        do { _ = try book.sheet(named: "Q3 dashbord") } catch { #expect(error.message.contains("did you mean 'Q3 dashboard'?")) }
    }
}

@Suite struct WorkbookMappingTests {
    @Test func mappedSheetWithTitleRowAndTwoRowHeading() throws {
        let folder = DashboardFolder(
            yml: yml(
                data: """
                    data:
                      - file: kpis.xlsx
                        sheet: Q3 dashboard
                        header_rows: 2
                      - file: kpis.xlsx
                        sheet: Monthly
                    """), copying: ["kpis.xlsx"])
        defer { folder.remove() }
        let project = folder.load()
        #expect(!project.hasErrors, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        let assessments = dashboard.series["assessments-45-days"]!
        #expect(assessments.map(\.period.label) == ["2024/25 Q1", "2024/25 Q2", "2024/25 Q3"])
        #expect(assessments.map(\.value) == [94.9, 91.3, 88.7])
        #expect(dashboard.series["looked-after"]!.map(\.value) == [412, nil, 1074])
        let eet = dashboard.series["care-leavers-eet"]!
        #expect(eet.map(\.value) == [56, 58, nil])
        #expect(eet[2].gap == .notAvailable)
        #expect(eet[2].note?.contains("#N/A") == true)
        #expect(dashboard.series["contacts"]!.map(\.period) == [.month(year: 2024, month: 4), .month(year: 2024, month: 5), .month(year: 2024, month: 6)])
        // "Re-referrals within 12 months." matches its title without the full stop.
        #expect(dashboard.series["re-referrals"]!.map(\.value) == [21, 20, 19])
        let all = messages(project)
        let sheet = folder.folder + "/kpis.xlsx[Q3 dashboard]"
        #expect(all.contains { $0.hasPrefix(sheet + "!D8: warning:") && $0.contains("#N/A") })
        #expect(all.contains { $0.hasPrefix(sheet + ": warning: hidden row 7") })
        // The hidden sheet is not read and not warned about; the visible unmapped one is.
        #expect(all.contains { $0.contains("'Draft'") && $0.contains("not read") })
        #expect(!all.contains { $0.contains("'Workings'") })
    }

    @Test func textInAFigureCellIsReportedAtItsCell() {
        let folder = DashboardFolder(yml: yml(data: "data: [{file: kpis.xlsx, sheet: Draft, header_rows: 2}]"), copying: ["kpis.xlsx"])
        defer { folder.remove() }
        let project = folder.load()
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(folder.folder + "/kpis.xlsx[Draft]!C6: error: 'n/k' is not a number") == true, "\(errors)")
    }

    @Test func unmappedWorkbookIsAnErrorNamingTheKey() {
        let folder = DashboardFolder(yml: yml(data: ""), copying: ["kpis.xlsx"])
        defer { folder.remove() }
        let project = folder.load()
        let errors = project.diagnostics.errors
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == folder.folder + "/kpis.xlsx")
        #expect(errors.first?.message.contains("data:") == true)
        #expect(errors.first?.message.contains("'Workings' (hidden)") == true)
    }

    @Test func aRangeCuttingThroughTheTableIsAnErrorAtTheFirstCellLeftOut() throws {
        // Rows 6 to 8 of the Draft sheet are filled below A3:D5: they are not silently left out.
        let folder = DashboardFolder(yml: yml(data: "data: [{file: kpis.xlsx, sheet: Draft, range: A3:D5, header_rows: 2}]"), copying: ["kpis.xlsx"])
        defer { folder.remove() }
        let errors = folder.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.hasPrefix(folder.folder + "/kpis.xlsx[Draft]!A6: error: a filled cell beside the mapped range A3:D5 (and 3 more in row 6)") == true,
            "\(errors)")
    }

    @Test func wrongSheetAndFileNamesAreErrorsWithSuggestions() {
        let folder = DashboardFolder(yml: yml(data: "data: [{file: kpi.xlsx, sheet: Q3}, {file: kpis.xlsx, sheet: Montly}]"), copying: ["kpis.xlsx"])
        defer { folder.remove() }
        let all = messages(folder.load())
        #expect(all.contains { $0.contains("no such file") && $0.contains("did you mean 'kpis.xlsx'?") })
        #expect(all.contains { $0.contains("no sheet 'Montly'") && $0.contains("did you mean 'Monthly'?") })
    }

    @Test func csvWithTitleRowAndTwoHeaderRows() throws {
        let csv = """
            Children's services: Q3 dashboard 2024/25,,,
            Indicator,2024/25,,
            ,Q1,Q2,Q3
            Children looked after,412,415,1074
            Assessments completed within 45 working days,94.9%,91.3%,88.7%
            """
        let folder = DashboardFolder(yml: yml(data: "data: [{file: kpis.csv, header_rows: 2}]"), writing: ["kpis.csv": csv + "\n"])
        defer { folder.remove() }
        let project = folder.load()
        #expect(!project.hasErrors, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        #expect(dashboard.series["looked-after"]!.map(\.period.label) == ["2024/25 Q1", "2024/25 Q2", "2024/25 Q3"])
        #expect(dashboard.series["assessments-45-days"]!.map(\.value) == [94.9, 91.3, 88.7])
    }

    @Test func tabSeparatedTextWithACsvName() throws {
        let folder = DashboardFolder(yml: yml(data: ""), writing: ["pasted.csv": "indicator\t2024/25 Q1\t2024/25 Q2\nChildren Looked After.\t412\t415\n"])
        defer { folder.remove() }
        let project = folder.load()
        #expect(!project.hasErrors, "\(messages(project))")
        #expect(project.dashboards.first?.series["looked-after"]?.map(\.value) == [412, 415])
    }

    @Test func titleNearMissIsSuggested() {
        let folder = DashboardFolder(yml: yml(data: ""), writing: ["t.csv": "indicator,2024/25 Q1\nChildren looked afer,412\n"])
        defer { folder.remove() }
        #expect(messages(folder.load()).contains { $0.contains("did you mean 'Children looked after'?") })
    }
}

/// Workbooks written by Fixtures/make_adversarial.py: nothing in them is silently left out, and what they cost
/// follows their filled cells.
@Suite struct WorkbookNothingLeftOutTests {
    func load(_ file: String, _ entry: String) -> (DashboardFolder, Project) {
        let folder = DashboardFolder(yml: yml(data: "data: [{file: \(file), \(entry)}]"), copying: [file])
        return (folder, folder.load())
    }

    @Test func aNewQuarterBesideAClosedRangeIsAnErrorNamingItsCell() {
        let (folder, project) = load("quarters.xlsx", "sheet: KPI dashboard, range: A3:E5")
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first
                == folder.folder
                + "/quarters.xlsx[KPI dashboard]!F3: error: a filled cell beside the mapped range A3:E5 (and 2 more in column F): widen the range or use an open-ended range (range: \"A3:\")",
            "\(errors)")
    }

    @Test(arguments: ["A3:", "A3:F", "A:F", "A3:F5"])
    func anOpenEndedRangeReadsTheNextQuarter(range: String) throws {
        let (folder, project) = load("quarters.xlsx", "sheet: KPI dashboard, range: '\(range)'")
        defer { folder.remove() }
        #expect(!project.hasErrors, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        #expect(dashboard.series["looked-after"]?.map(\.value) == [412, 415, 420, 431, 440])
        #expect(dashboard.series["looked-after"]?.last?.period.label == "2025/26 Q1")
    }

    @Test func openEndedRangesAreParsed() {
        #expect(DataMapping.openEndedRange("A3:") == CellRange(first: CellAddress("A3")!, last: CellAddress(row: 1_048_576, column: 16_384)))
        #expect(DataMapping.openEndedRange("B3:F") == CellRange(first: CellAddress("B3")!, last: CellAddress(row: 1_048_576, column: 6)))
        #expect(DataMapping.openEndedRange("B:F") == CellRange(first: CellAddress("B1")!, last: CellAddress(row: 1_048_576, column: 6)))
        #expect(DataMapping.openEndedRange("A3:F9") == nil)
        #expect(DataMapping.openEndedRange("3:") == nil)
        #expect(DataMapping.rangeText(DataMapping.openEndedRange("B3:F")!) == "B3:F")
        #expect(DataMapping.rangeText(DataMapping.openEndedRange("A3:")!) == "A3:")
    }

    @Test func theLastCellOfTheSheetCostsOneCell() throws {
        // A sheet declaring A1:XFD1048576 whose only filled cell is XFD1048576: the records made follow the filled
        // cells (one), not the 17 billion cells of the range.
        let book = try Workbook(path: fixture("far.xlsx"))
        let sheet = try book.sheet(named: "Sheet1")
        #expect(sheet.cells.count == 1)
        let whole = CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 1_048_576, column: 16_384))
        for range in [whole, nil] {
            let (records, _) = SheetTable.records(sheet, workbook: book, range: range, file: "far.xlsx[Sheet1]")
            #expect(records.map(\.fields.count) == [1])
            #expect(records.first?.fields.first.map { [$0.line, $0.column] } == [1_048_576, 16_384])
        }
        let (folder, project) = load("far.xlsx", "range: 'A1:'")
        defer { folder.remove() }
        #expect(project.diagnostics.items.count < 10)
    }

    @Test func filledCellsSpreadTooWideAreRefusedWithTheirOwnMessage() throws {
        let book = try Workbook(path: fixture("quarters.xlsx"))
        let sheet = try book.sheet(named: "KPI dashboard")
        let (records, problems) = SheetTable.records(sheet, workbook: book, range: nil, file: "q[KPI dashboard]", maximumFields: 10)
        #expect(records.isEmpty)
        #expect(
            problems.errors.map(\.message) == [
                "the mapped cells of the sheet 'KPI dashboard' spread over 4 rows and 6 columns, more than the 10 cells a table may have; map the table's range (range: A3:F40)"
            ])
    }

    @Test func aFormulaWithNoSavedValueIsAnErrorAtItsCell() {
        let (folder, project) = load("uncalculated.xlsx", "sheet: Sheet1")
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.hasPrefix(
                folder.folder
                    + "/uncalculated.xlsx[Sheet1]!B3: error: this cell is a formula with no saved value (and 1 more formula cells in this sheet): open and save it in Excel, or recalculate"
            )
                == true, "\(errors)")
    }

    @Test func aCellWrittenTwiceIsAnErrorAtItsCell() {
        let (folder, project) = load("duplicate.xlsx", "sheet: Sheet1")
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(folder.folder + "/duplicate.xlsx[Sheet1]!B2: error: the sheet writes this cell twice (412, then 999)") == true, "\(errors)")
    }

    @Test func typedDashesAreGapsSaidInWords() throws {
        let (folder, project) = load("dashes.xlsx", "sheet: Sheet1")
        defer { folder.remove() }
        #expect(!project.hasErrors, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        #expect(dashboard.series["looked-after"]?.map(\.value) == [412, nil, 420])
        #expect(dashboard.series["looked-after"]?[1].gap == .missing)
        #expect(dashboard.series["contacts"]?[0].gap == .missing)
        let warnings = project.diagnostics.warnings.map(\.description)
        #expect(
            warnings.contains(
                folder.folder
                    + "/dashes.xlsx[Sheet1]!C2: warning: this cell holds only a dash (and 1 more: B3), read as a gap (no figure); write n/a, x or c to say why there is no figure, or the figure"
            ), "\(warnings)")
    }

    @Test func aPasswordProtectedWorkbookIsNamedAsSuch() {
        for name in ["encrypted.xlsx", "encrypted-info.xlsx"] {
            #expect(throws: WorkbookError.self) { try Workbook(path: fixture(name)) }
            do { _ = try Workbook(path: fixture(name)) } catch {
                #expect(error.message.contains("is password-protected (encrypted), so it cannot be read: save a copy without a password"), "\(name)")
                #expect(!error.message.contains(".xls"), "\(name)")
            }
        }
    }

    @Test func tooManySharedTextsAreCountedBeforeTheXMLIsParsed() {
        // The table is cut off after its 1001st entry: it is refused for its size, not called malformed XML.
        var limits = Workbook.Limits()
        limits.sharedStrings = 1000
        var message = ""
        do {
            let book = try Workbook(path: fixture("strings-cut.xlsx"), limits: limits)
            _ = try book.sheet(named: "Sheet1")
        } catch {
            message = error.message
        }
        #expect(message.hasPrefix("this workbook's table of shared texts has 1002 entries, more than the 1000 this reader takes"), "\(message)")
    }

    @Test func tooManyCellsAndTooManyBytesHaveTheirOwnMessages() throws {
        var limits = Workbook.Limits()
        limits.cells = 5
        let book = try Workbook(path: fixture("quarters.xlsx"), limits: limits)
        #expect(throws: WorkbookError.self) { try book.sheet(named: "KPI dashboard") }
        do { _ = try book.sheet(named: "KPI dashboard") } catch {
            #expect(error.message.hasPrefix("the sheet 'KPI dashboard' writes 19 cells, more than the 5 this reader takes"), "\(error.message)")
        }
        var small = Workbook.Limits()
        small.totalBytes = 600
        do {
            let book = try Workbook(path: fixture("quarters.xlsx"), limits: small)
            _ = try book.sheet(named: "KPI dashboard")
            Issue.record("read with a 600-byte total")
        } catch {
            #expect(error.message.contains("more than the 0 MiB one workbook may have"), "\(error.message)")
        }
    }
}

/// A workbook written by openpyxl (Fixtures/make_openpyxl.py), which saves formulas without their results.
@Suite struct OpenpyxlWorkbookTests {
    @Test func theNextQuarterIsReadOrRefusedNamingItsCell() throws {
        let closed = DashboardFolder(yml: yml(data: "data: [{file: openpyxl-kpis.xlsx, sheet: Clean, range: A3:E5}]"), copying: ["openpyxl-kpis.xlsx"])
        defer { closed.remove() }
        let errors = closed.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(closed.folder + "/openpyxl-kpis.xlsx[Clean]!F3: error: a filled cell beside the mapped range A3:E5") == true, "\(errors)")

        let open = DashboardFolder(yml: yml(data: "data: [{file: openpyxl-kpis.xlsx, sheet: Clean, range: 'A3:'}]"), copying: ["openpyxl-kpis.xlsx"])
        defer { open.remove() }
        let project = open.load()
        #expect(!project.hasErrors, "\(messages(project))")
        #expect(project.dashboards.first?.series["contacts"]?.map(\.value) == [1200, 1150, 1320, 1290, 1310])
    }

    @Test func itsUncalculatedFormulaIsAnErrorAtItsCell() {
        let folder = DashboardFolder(yml: yml(data: "data: [{file: openpyxl-kpis.xlsx, sheet: KPI dashboard}]"), copying: ["openpyxl-kpis.xlsx"])
        defer { folder.remove() }
        let errors = folder.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.hasPrefix(folder.folder + "/openpyxl-kpis.xlsx[KPI dashboard]!B7: error: this cell is a formula with no saved value: open and save it in Excel")
                == true, "\(errors)")
    }
}

/// The openpyxl workbook saved by LibreOffice (soffice --headless --convert-to xlsx), which calculates formulas.
@Suite struct LibreOfficeWorkbookTests {
    @Test func itsCalculatedFormulaIsReadAndTheNextQuarterToo() throws {
        let book = try Workbook(path: fixture("libreoffice-kpis.xlsx"))
        let sheet = try book.sheet(named: "KPI dashboard")
        #expect(sheet.cells[CellAddress("B7")!].map { SheetTable.displayText($0, workbook: book) } == "4960")
        let closed = DashboardFolder(yml: yml(data: "data: [{file: libreoffice-kpis.xlsx, sheet: Clean, range: A3:E5}]"), copying: ["libreoffice-kpis.xlsx"])
        defer { closed.remove() }
        let errors = closed.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(closed.folder + "/libreoffice-kpis.xlsx[Clean]!F3: error: a filled cell beside the mapped range A3:E5") == true, "\(errors)")
        let open = DashboardFolder(yml: yml(data: "data: [{file: libreoffice-kpis.xlsx, sheet: Clean, range: 'A3:F'}]"), copying: ["libreoffice-kpis.xlsx"])
        defer { open.remove() }
        let project = open.load()
        #expect(!project.hasErrors, "\(messages(project))")
        #expect(project.dashboards.first?.series["looked-after"]?.map(\.value) == [412, 415, 420, 431, 440])
    }
}
