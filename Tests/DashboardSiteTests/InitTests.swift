import Foundation
import Testing

/// `dashboards init`: a starter an officer can build at once and edit into their own.
@Suite("Starting a dashboard")
struct InitTests {
    @Test func theStarterValidatesWithoutAWarningAndBuilds() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/dashboards"
        let made = try run(["init", input + "/kpis", "--title", "Children's services: Quarter 1", "--organisation", "Leicestershire County Council"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("Wrote dashboard.yml and figures.csv into"))
        let validated = try run(["validate", "--input", input])
        #expect(validated.status == 0)
        #expect(validated.stderr == "1 dashboard, 3 indicators, 15 figures: no errors\n")
        let built = try run(["build", "--input", input, "--output", scratch.path + "/public"])
        #expect(built.status == 0, "\(built.stderr)")
        let page = read(scratch.path + "/public/kpis/index.html")
        // The title with its colon and apostrophe is read back as written.
        #expect(page.contains("Children&#39;s services: Quarter 1"))
        #expect(page.contains("Leicestershire County Council"))
    }

    @Test func nothingIsOverwrittenAndABadNameIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/dashboards/kpis"
        #expect(try run(["init", folder]).status == 0)
        write("title: Mine\n", to: folder + "/dashboard.yml")
        let again = try run(["init", folder])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds a dashboard.yml; nothing was written"))
        #expect(read(folder + "/dashboard.yml") == "title: Mine\n")
        let bad = try run(["init", scratch.path + "/dashboards/Key Measures"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'Key Measures' cannot be a dashboard id"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/dashboards/Key Measures"))
    }

    static let officerBook = repositoryRoot + "/Tests/DashboardInputTests/Fixtures/officer-kpis.xlsx"

    @Test func anOfficersWorkbookBecomesADashboardWithItsTargetsNotesAndSections() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/dashboards"
        let made = try run(["init", input + "/kpis", "--from", Self.officerBook, "--organisation", "Leicestershire County Council"])
        #expect(made.status == 0, "\(made.stderr)")
        // What was recognised, and what was not, each named by its cell.
        #expect(made.stderr.contains("recognised: D3:H4: 5 period columns (2020/21 Q1 to 2021/22 Q1)"))
        #expect(made.stderr.contains("recognised: A5 ('Early help'): a section"))
        #expect(made.stderr.contains("not recognised: K3 ('Workings', hidden)"))
        #expect(made.stderr.contains("not recognised: A13 ('Figures for 2021/22 Q1 are provisional.')"))
        #expect(FileManager.default.contentsEqual(atPath: input + "/kpis/officer-kpis.xlsx", andPath: Self.officerBook))
        let validated = try run(["validate", "--input", input])
        #expect(validated.stderr == "1 dashboard, 4 indicators, 20 figures: no errors\n", "\(validated.stderr)")
        let built = try run(["build", "--input", input, "--output", scratch.path + "/public"])
        #expect(built.status == 0, "\(built.stderr)")
        let overview = read(scratch.path + "/public/kpis/index.html")
        #expect(overview.contains("Early help</h2>"))
        #expect(overview.contains("Children&#39;s social care</h2>"))
        let page = read(scratch.path + "/public/kpis/early-help-assessments-completed-within-45-days.html")
        #expect(page.contains("Recovered after the staffing gap in Q4."))
        #expect(page.contains("90%"))
        #expect(page.contains("High is good"))
        // Nothing is overwritten: a second init into the folder is refused and leaves it as it was.
        let before = read(input + "/kpis/dashboard.yml")
        let again = try run(["init", input + "/kpis", "--from", Self.officerBook])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already holds a dashboard.yml; nothing was written"))
        #expect(read(input + "/kpis/dashboard.yml") == before)
    }

    @Test func aWorkbookOfSeveralSheetsNeedsSheetAndABadBookIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let book = repositoryRoot + "/Tests/DashboardInputTests/Fixtures/officer-units.xlsx"
        let folder = scratch.path + "/dashboards/units"
        let refused = try run(["init", folder, "--from", book])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("has 2 visible sheets; say which holds the KPI table with --sheet (its sheets: 'Cover', 'KPIs')"))
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(try run(["init", folder, "--from", book, "--sheet", "KPIs"]).status == 0)
        #expect(try run(["validate", "--input", scratch.path + "/dashboards"]).status == 0)
        let legacy = try run(["init", scratch.path + "/dashboards/old", "--from", repositoryRoot + "/Tests/DashboardInputTests/Fixtures/legacy.xls"])
        #expect(legacy.status == 2)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/dashboards/old"))
    }
}
