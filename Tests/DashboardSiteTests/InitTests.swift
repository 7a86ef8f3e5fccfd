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
}
