import ArgumentParser
import DashboardCore
import DashboardInput
import DashboardSite

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every dashboard's files and print each problem as file:line:column.",
        discussion: "Exit status: 0 when there are no errors (warnings are printed but allowed), 1 when there are errors.")

    @OptionGroup var input: InputOptions

    @OptionGroup var assetOptions: AssetsOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    mutating func run() throws {
        let project = InputLoader.load(from: input.input)
        var found = project.diagnostics
        // Only data that read cleanly is laid out: a chart of half-read data says nothing.
        if !project.hasErrors {
            do {
                found.append(contentsOf: try ChartFit.problems(in: project.dashboards, fontsDirectory: assetOptions.path + "/fonts"))
            } catch let error as BuildError {
                guard case .assets(let problems) = error else { throw error }
                found.append(contentsOf: problems)
            }
        }
        let diagnostics = found.sorted
        Report.print(diagnostics)
        let failed = found.hasErrors || (strict && !diagnostics.isEmpty)
        if failed { throw ExitCode(1) }
        let indicators = project.dashboards.reduce(0) { $0 + $1.definition.indicators.count }
        let figures = project.dashboards.reduce(0) { $0 + $1.series.values.reduce(0) { $0 + $1.count } }
        let count = { (n: Int, noun: String) in "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let plans = project.dashboards.compactMap(\.actionPlan)
        // Said only where there are plans, so a dashboard without one reads as before.
        let planWords =
            plans.isEmpty
            ? "" : ", \(count(plans.count, "action plan")) (\(count(plans.reduce(0) { $0 + $1.actions.count }, "action")))"
        Report.line(
            "\(count(project.dashboards.count, "dashboard")), \(count(indicators, "indicator")), \(count(figures, "figure"))\(planWords): no errors")
    }
}
