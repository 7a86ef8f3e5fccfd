import DashboardCore
import Foundation
import Testing

@testable import DashboardInput
@testable import DashboardWorkbook

/// officer-kpis.xlsx (Fixtures/make_officer.py, openpyxl): a title row, a two-row heading with 2020/21 merged
/// over Q1–Q4, Indicator/Polarity/Target/RAG/Commentary merged down, section rows, a blank separator row, a
/// number stored as text, percentages formatted 0%, a hidden Workings column and a note below the table.
let officerEntry = """
    data:
      - file: officer-kpis.xlsx
        sheet: KPI dashboard
        range: A3:K11
        header_rows: 2
        columns: {indicator: A, polarity: B, target: C, rag: I, commentary: J}
        skip: [K]
        sections: rows
    """

func officerYML(_ entry: String = officerEntry, indicators: String? = nil) -> String {
    """
    title: KPIs
    organisation: Test council
    \(entry)
    \(indicators ?? """
    indicators:
      families:
        title: Families supported by early help
        unit: count
      assessments:
        title: Early help assessments completed within 45 days
        unit: percent
      re-referrals:
        title: Re-referrals within 12 months
        unit: percent
      children-in-care:
        title: Children in care
        unit: count
    """)
    """
}

@Suite struct RoleColumnTests {
    func load(_ yml: String, file: String = "officer-kpis.xlsx") -> (DashboardFolder, Project) {
        let folder = DashboardFolder(yml: yml, copying: [file])
        return (folder, folder.load())
    }

    @Test func targetsPolarityRAGCommentaryAndSectionsComeFromTheSheet() throws {
        let (folder, project) = load(officerYML())
        defer { folder.remove() }
        #expect(!project.hasErrors, "\(messages(project))")
        #expect(project.diagnostics.items.isEmpty, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        let definition = dashboard.definition
        #expect(definition.sections.map(\.title) == ["Early help", "Children's social care"])
        #expect(definition.sections.map(\.indicatorIDs) == [["families", "assessments"], ["re-referrals", "children-in-care"]])
        let byID = Dictionary(uniqueKeysWithValues: definition.indicators.map { ($0.id, $0) })
        #expect(byID["families"]?.polarity == .high)  // "Higher is better"
        #expect(byID["re-referrals"]?.polarity == .low)
        #expect(byID["children-in-care"]?.polarity == Polarity.none)
        #expect(byID["families"]?.target == 500)
        #expect(byID["assessments"]?.target == 90)  // 0.9 formatted 0%
        #expect(byID["children-in-care"]?.target == nil)
        let q1 = Period.quarter(financialYear: 2021, quarter: 1)
        #expect(byID["re-referrals"]?.periodCommentary[q1] == "Rising: an audit of closed cases is under way.")
        #expect(byID["re-referrals"]?.reported[q1]?.rag?.name == "Red")
        // The merged year heads each quarter under it; the number stored as text is read.
        let families = try #require(dashboard.series["families"])
        #expect(families.map(\.period.label) == ["2020/21 Q1", "2020/21 Q2", "2020/21 Q3", "2020/21 Q4", "2021/22 Q1"])
        #expect(families.map(\.value) == [410, 455, 470, 492, 515])
        #expect(dashboard.series["assessments"]?.map(\.value) == [84, 86, 88, 87, 91])
    }

    @Test func aLabelRowWithoutSectionsRowsIsAnErrorAtItsCell() {
        let (folder, project) = load(officerYML(officerEntry.replacingOccurrences(of: "\n    sections: rows", with: "")))
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        let sheet = folder.folder + "/officer-kpis.xlsx[KPI dashboard]"
        #expect(errors.count == 2, "\(errors)")
        #expect(
            errors.first == sheet
                + "!A5: error: this row has only a label ('Early help') and no figures: to make such rows sections of the dashboard, add sections: rows to its data: entry")
    }

    @Test func aColumnWithNoRoleAndNoPeriodIsAnErrorAtItsHeading() {
        // Without skip: the hidden Workings column is in the range, and read.
        let (folder, project) = load(officerYML(officerEntry.replacingOccurrences(of: "    skip: [K]\n", with: "")))
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(folder.folder + "/officer-kpis.xlsx[KPI dashboard]!K4: error: 'Workings' heads this column, but it is not a period") == true, "\(errors)")
    }

    @Test func aTargetGivenInBothPlacesIsAnErrorNamingBoth() {
        let indicators = """
            indicators:
              families: {title: Families supported by early help, unit: count, target: 480}
              assessments: {title: Early help assessments completed within 45 days, unit: percent}
              re-referrals: {title: Re-referrals within 12 months, unit: percent, polarity: high}
              children-in-care: {title: Children in care, unit: count}
            """
        let (folder, project) = load(officerYML(indicators: indicators))
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        let sheet = folder.folder + "/officer-kpis.xlsx[KPI dashboard]"
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains(sheet + "!C6: error: families's target is given here and under indicators: in dashboard.yml (line 12); keep one"), "\(errors)")
        #expect(errors.contains(sheet + "!B10: error: re-referrals's polarity is high in dashboard.yml (line 14) but low here; keep one"), "\(errors)")
    }

    @Test func aSheetWithUnitAndPolarityColumnsDeclaresItsOwnIndicators() throws {
        // No indicators: in dashboard.yml at all: each row is an indicator, its id from its title.
        let yml = """
            title: KPIs
            organisation: Test council
            data:
              - file: officer-units.xlsx
                sheet: KPIs
                range: "A1:"
                header_rows: 2
                columns: {indicator: B, unit: C, polarity: D, commentary: H, source: I}
                skip: A
            """
        let (folder, project) = load(yml, file: "officer-units.xlsx")
        defer { folder.remove() }
        #expect(!project.hasErrors, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        let indicators = dashboard.definition.indicators
        #expect(indicators.map(\.id) == ["contacts", "assessments-on-time-percent"])
        #expect(indicators.map(\.unit) == [.count, .percent])
        #expect(indicators.map(\.polarity) == [.low, .high])
        #expect(indicators.map(\.source) == ["Case system", "Case system"])
        #expect(dashboard.definition.sections.map(\.indicatorIDs) == [["contacts", "assessments-on-time-percent"]])
        // "2019/20" merged over "Q1 19/20": the quarter's own heading names its year.
        #expect(dashboard.series["contacts"]?.map(\.period.label) == ["2019/20 Q1", "2019/20 Q2", "2019/20 Q3"])
        #expect(dashboard.series["assessments-on-time-percent"]?.map(\.value) == [88.5, 90.1, 91.0])
        #expect(indicators[0].periodCommentary[.quarter(financialYear: 2019, quarter: 3)] == "Fewer repeat contacts.")
        // The cover sheet no entry maps is said.
        #expect(messages(project).contains { $0.contains("'Cover'") && $0.contains("not read") })
    }

    @Test func badColumnsAreErrorsAtTheirKeys() {
        let entry = """
            data:
              - file: officer-kpis.xlsx
                sheet: KPI dashboard
                columns: {indicator: A, polarty: B, target: A, notes: 7}
                skip: [A]
            """
        let (folder, project) = load(officerYML(entry))
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.contains("'polarty' is not a role of a column") && $0.contains("did you mean 'polarity'?") }, "\(errors)")
        #expect(errors.contains { $0.contains("'notes' is not a role of a column") }, "\(errors)")
        #expect(errors.contains { $0.contains("column A is already the indicator column") }, "\(errors)")
        #expect(errors.contains { $0.contains("column A is the indicator column under columns:; it cannot be skipped too") }, "\(errors)")
    }

    @Test func columnsWithoutAnIndicatorColumnAreOneError() {
        let entry = "data:\n  - {file: officer-kpis.xlsx, header_rows: 2, columns: {polarity: B}, sections: rows}\n"
        let (folder, project) = load(officerYML(entry))
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(!errors.contains { $0.contains("sections: rows needs columns:") }, "\(errors)")
        #expect(errors.contains { $0.contains("columns: must say which column names each row's indicator") }, "\(errors)")
        #expect(project.dashboards.isEmpty)
    }

    @Test func anUnquotedOpenEndedRangeIsOneErrorSayingToQuoteIt() {
        let entry = "data:\n  - file: officer-kpis.xlsx\n    range: A3:    # open-ended\n"
        let (folder, project) = load(officerYML(entry))
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors == [folder.folder + "/dashboard.yml:5:14: error: the range A3: ends in a colon, which YAML reads as a key: quote it (range: \"A3:\")"])
    }

    @Test func sheetWordsForUnitsAndPolarities() {
        #expect(DashboardDecoder.sheetUnit("%") == .percent)
        #expect(DashboardDecoder.sheetUnit("Percentage") == .percent)
        #expect(DashboardDecoder.sheetUnit("Rate per 10,000") == .rate)
        #expect(DashboardDecoder.sheetUnit("No.") == .count)
        #expect(DashboardDecoder.sheetUnit("£") == .currency)
        #expect(DashboardDecoder.sheetUnit("Days") == .days)
        #expect(DashboardDecoder.sheetUnit("banana") == nil)
        #expect(DashboardDecoder.sheetPolarity("Higher is better") == .high)
        #expect(DashboardDecoder.sheetPolarity("Low is good") == .low)
        #expect(DashboardDecoder.sheetPolarity("↓") == .low)
        #expect(DashboardDecoder.sheetPolarity("n/a") == Polarity.none)
        #expect(DashboardDecoder.sheetPolarity("Higher or lower") == nil)
        #expect(Identifier.slug("Re-referrals within 12 months (%)") == "re-referrals-within-12-months-percent")
        #expect(Identifier.slug("Children's social care: CP plans") == "childrens-social-care-cp-plans")
        #expect(Identifier.isValid(Identifier.slug(String(repeating: "long title ", count: 20))))
    }
}

@Suite struct InitFromWorkbookPlanTests {
    @Test func theOfficersSheetIsRecognisedAndWhatIsNotIsNamedByCell() throws {
        let book = try Workbook(path: fixture("officer-kpis.xlsx"))
        let plan = try WorkbookStarter.plan(book, fileName: "officer-kpis.xlsx", sheet: nil, organisation: "Test council", label: "officer-kpis.xlsx")
        #expect(plan.indicators == 4)
        #expect(plan.yml.contains("title: \"Children's services performance: Quarter 1 2021/22\""))
        #expect(plan.yml.contains("    range: A3:K11 "))
        #expect(plan.yml.contains("    header_rows: 2 "))
        #expect(plan.yml.contains("      polarity: B "))
        #expect(plan.yml.contains("      commentary: J "))
        #expect(plan.yml.contains("    skip: [K] "))
        #expect(plan.yml.contains("    sections: rows "))
        #expect(plan.yml.contains("  early-help-assessments-completed-within-45-days:"))
        #expect(plan.recognised.contains("D3:H4: 5 period columns (2020/21 Q1 to 2021/22 Q1)"))
        #expect(plan.recognised.contains("A9 ('Children's social care'): a section"))
        #expect(plan.notRecognised.contains { $0.hasPrefix("K3 ('Workings', hidden)") })
        #expect(plan.notRecognised.contains { $0.hasPrefix("A13 ('Figures for 2021/22 Q1 are provisional.'): a note below the table") })
    }

    @Test func severalVisibleSheetsNeedSheet() throws {
        let book = try Workbook(path: fixture("officer-units.xlsx"))
        #expect(throws: Starter.Failure.self) {
            try WorkbookStarter.plan(book, fileName: "officer-units.xlsx", sheet: nil, organisation: "x", label: "officer-units.xlsx")
        }
        let plan = try WorkbookStarter.plan(book, fileName: "officer-units.xlsx", sheet: "KPIs", organisation: "x", label: "officer-units.xlsx")
        #expect(plan.yml.contains("    range: \"A1:\" "))
        #expect(plan.yml.contains("      unit: C "))
        #expect(!plan.yml.contains("\n    unit: "))
        #expect(plan.notRecognised.contains { $0.hasPrefix("A1 ('Ref')") })
    }
}

/// officer-table.xlsx: an Excel Table named KPIs (A3:F5) with role columns, and a table with a cell typed beside it.
@Suite struct ExcelTableTests {
    func load(_ entry: String) -> (DashboardFolder, Project) {
        let yml = "title: KPIs\norganisation: Test council\n" + entry + "\n"
        let folder = DashboardFolder(yml: yml, copying: ["officer-table.xlsx"])
        return (folder, folder.load())
    }

    @Test func aTableIsReadAsItsRangeStandsInTheFile() throws {
        let book = try Workbook(path: fixture("officer-table.xlsx"))
        #expect(try book.tables().map(\.name) == ["KPIs", "DraftKPIs"])
        #expect(try book.table(named: "kpis").ref == CellRange("A3:F5"))
        #expect(try book.table(named: "kpis").sheet == "Data")
        let (folder, project) = load(
            """
            data:
              - {file: officer-table.xlsx, table: KPIs, columns: {indicator: A, polarity: B, target: C}}
            indicators:
              contacts: {title: Contacts, unit: count}
              assessments: {title: Assessments on time, unit: percent}
            """)
        defer { folder.remove() }
        #expect(!project.hasErrors, "\(messages(project))")
        let dashboard = try #require(project.dashboards.first)
        #expect(dashboard.series["contacts"]?.map(\.value) == [1520, 1490, 1402])
        #expect(dashboard.definition.indicators.map(\.target) == [1500, 90])
        #expect(dashboard.definition.indicators.map(\.polarity) == [.low, .high])
        // The Draft sheet no entry maps is said; the mapped one, found through its table, is not.
        #expect(messages(project).contains { $0.contains("'Draft'") && $0.contains("not read") })
        #expect(!messages(project).contains { $0.contains("'Data'") })
    }

    @Test func aCellBesideATableIsAnErrorSayingToResizeIt() {
        let (folder, project) = load(
            """
            data: [{file: officer-table.xlsx, table: DraftKPIs}]
            indicators:
              contacts: {title: Contacts, unit: count, polarity: low}
            """)
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(
            errors == [
                folder.folder
                    + "/officer-table.xlsx[Draft]!C2: error: a filled cell beside the table 'DraftKPIs' (A1:B2): resize the table to take it in (in Excel, Table Design > Resize Table), or leave an empty column between"
            ], "\(errors)")
    }

    @Test func anUnknownTableIsAnErrorWithTheNearest() {
        let (folder, project) = load(
            """
            data: [{file: officer-table.xlsx, table: KPI, range: A1:B2}]
            indicators:
              contacts: {title: Contacts, unit: count, polarity: low}
            """)
        defer { folder.remove() }
        let errors = project.diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.contains("range: 'A1:B2' is given with table:") }, "\(errors)")
        #expect(errors.contains { $0.contains("there is no table 'KPI' in this workbook") && $0.contains("did you mean 'KPIs'?") }, "\(errors)")
    }
}

@Suite struct InitFromATableTests {
    @Test func aSheetWhoseTableIsAnExcelTableIsMappedByItsName() throws {
        let book = try Workbook(path: fixture("officer-table.xlsx"))
        let plan = try WorkbookStarter.plan(book, fileName: "officer-table.xlsx", sheet: "Data", organisation: "x", label: "officer-table.xlsx")
        #expect(plan.yml.contains("    table: KPIs "))
        #expect(!plan.yml.contains("    range: "))
        #expect(plan.recognised.contains("A3:F5: the Excel Table 'KPIs'"))
        #expect(plan.yml.contains("title: KPIs as Power Query loads them"))
    }
}
