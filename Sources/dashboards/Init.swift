import ArgumentParser
import DashboardInput
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a dashboard: write a small working dashboard.yml and figures.csv into a new folder.",
        discussion: """
            The folder's name is the dashboard's id (dashboards/kpis for a dashboard 'kpis'); nothing already there \
            is overwritten. The starter validates and builds as it is: edit its titles, indicators and figures into \
            your own (docs/data-format.md explains every key).
            """)

    @Argument(help: ArgumentHelp("The new dashboard's folder, inside the input folder (e.g. dashboards/kpis).", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: "The dashboard's title.")
    var title = "Children's services performance"

    @Option(name: .long, help: "The council or organisation it reports on.")
    var organisation = "Your council"

    mutating func run() throws {
        do {
            let files = try Starter.write(to: folder, title: title, organisation: organisation)
            Report.line("Wrote \(files.joined(separator: " and ")) into \(Report.visible(folder))/: run `dashboards validate`, then `dashboards build`")
        } catch {
            Report.line("error: \(error)")
            if case .unwritable = error { throw ExitCode(1) }
            throw ExitCode(2)
        }
    }
}
