import DashboardCore
import Foundation
import Testing

@testable import DashboardInput

/// An action plan read from a workbook's sheet (Fixtures/plan.xlsx, written by make_plan.py with openpyxl), mapped
/// as `data:` maps a sheet of figures, with its per-area summary from a second sheet.
@Suite struct PlanWorkbookTests {
    static let key = """
          key:
            - {status: Red, meaning: significant concerns, colour: "#d4351c"}
            - {status: Amber, meaning: some slippage, colour: "#ffdd00"}
            - {status: Green, meaning: on track, colour: "#00703c"}
            - {status: Blue, meaning: completed, colour: "#1d70b8", complete: true}
        """

    func folder(_ plan: String, key: String = PlanWorkbookTests.key, data: String = "data: [{file: kpis.xlsx, sheet: Q3 dashboard, header_rows: 2}]")
        -> DashboardFolder
    {
        DashboardFolder(yml: yml(data: data + "\naction_plan:\n" + plan + "\n" + key), copying: ["kpis.xlsx", "plan.xlsx"])
    }

    @Test func planAndSummaryFromSheets() throws {
        let folder = folder(
            """
              file: plan.xlsx
              sheet: Action plan
              title: Ofsted improvement plan
              summary: {sheet: Summary}
            """)
        defer { folder.remove() }
        let project = folder.load()
        #expect(!project.hasErrors, "\(messages(project))")
        let plan = try #require(project.dashboards.first?.actionPlan)
        #expect(plan.actions.map(\.ref) == ["1.1", "1.2", "2.1"])
        // The heading rows are the areas; the title row above the header is not read as headings.
        #expect(
            plan.areas.map(\.area) == ["Area for improvement 1: Timeliness of assessments", "Area for improvement 2: Quality of supervision"])
        #expect(plan.actions[0].owner == "Head of service")
        // A date cell is a date, said in words.
        #expect(plan.actions[0].due == .date(CivilDate(2020, 9, 30), written: "30 September 2020"))
        #expect(plan.actions[0].status == "Workshops held")
        #expect(plan.actions[0].rating?.name == "Amber")
        #expect(plan.actions[0].indicators == ["contacts"])
        #expect(plan.actions[2].due == .text("To be agreed with the board"))
        #expect(plan.actions[1].location.description == folder.folder + "/plan.xlsx[Action plan]!A6")
        #expect(plan.summary.map(\.area) == plan.areas.compactMap(\.area))
        #expect(plan.summary[0].activity?.name == "Amber")
        #expect(plan.summary[0].impact?.name == "Red")
        #expect(plan.summary[1].measures == "Quarterly audit of supervision")
        // The workbook is the plan's, not figures; its unread sheet is said.
        let all = messages(project)
        #expect(all.contains { $0.hasPrefix(folder.folder + "/plan.xlsx: warning:") && $0.contains("'Notes'") && $0.contains("not read") }, "\(all)")
        #expect(!all.contains { $0.contains("plan.xlsx") && !$0.contains("'Notes'") }, "\(all)")
        #expect(project.dashboards.first?.files.contains("plan.xlsx") == true)
    }

    @Test func aRatingNotOnTheKeyIsAnErrorAtItsCell() {
        let noBlue = """
              key:
                - {status: Red, meaning: significant concerns}
                - {status: Amber, meaning: some slippage}
                - {status: Green, meaning: on track, complete: true}
            """
        let folder = folder("  file: plan.xlsx\n  sheet: Action plan\n  summary: {sheet: Summary}", key: noBlue)
        defer { folder.remove() }
        let errors = folder.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(folder.folder + "/plan.xlsx[Action plan]!F8: error: 'Blue' is not a status of the action plan's key") == true, "\(errors)")
    }

    @Test func aFilledCellBesideAClosedRangeIsAnError() {
        let folder = folder("  file: plan.xlsx\n  sheet: Action plan\n  range: A3:F8")
        defer { folder.remove() }
        let errors = folder.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix(folder.folder + "/plan.xlsx[Action plan]!G3: error: a filled cell beside the mapped range A3:F8") == true, "\(errors)")
    }

    @Test func rangesAndTheWrongSheet() {
        let folder = folder("  file: plan.xlsx\n  sheet: Action plan\n  range: \"A3:\"\n  summary: {sheet: Summary, range: \"A1:\"}")
        defer { folder.remove() }
        #expect(!folder.load().hasErrors)
        let wrong = self.folder("  file: plan.xlsx\n  sheet: Summary\n  summary: {sheet: Summary}")
        defer { wrong.remove() }
        let errors = wrong.load().diagnostics.errors.map(\.description)
        // The summary's sheet read as actions has no ref or action column: said at its header row.
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.contains("plan.xlsx[Summary]!A1: error: the action plan has no ref column") == true, "\(errors)")
    }

    @Test func thePlansWorkbookIsNotAlsoFigures() {
        let folder = folder(
            "  file: plan.xlsx\n  sheet: Action plan",
            data: "data: [{file: kpis.xlsx, sheet: Q3 dashboard, header_rows: 2}, {file: plan.xlsx, sheet: Notes}]")
        defer { folder.remove() }
        let errors = folder.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("plan.xlsx holds the action plan (action_plan:), so it is not also read for figures") == true, "\(errors)")
    }

    @Test func sheetIsForAWorkbook() {
        let folder = DashboardFolder(
            yml: yml(data: "action_plan:\n  file: plan.csv\n  sheet: Plan\n" + Self.key), writing: ["plan.csv": "ref,action\n1.1,Do it\n"])
        defer { folder.remove() }
        let errors = folder.load().diagnostics.errors.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("sheet:, table: and range: map a workbook's cells; plan.csv is not a workbook") == true, "\(errors)")
    }
}
