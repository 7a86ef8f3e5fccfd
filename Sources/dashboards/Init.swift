import ArgumentParser
import DashboardInput
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a dashboard: a small working starter, or a mapping of your own KPI workbook (--from).",
        discussion: """
            The folder's name is the dashboard's id (dashboards/kpis for a dashboard 'kpis'); nothing already there \
            is overwritten. The starter validates and builds as it is: edit its titles, indicators and figures into \
            your own (docs/data-format.md explains every key). With --from, the workbook's KPI sheet is read: its \
            title row, heading rows (a year merged over its quarters), columns such as Indicator, Polarity, Target, \
            RAG and Commentary, and section rows are written into dashboard.yml as an explicit mapping, beside a copy \
            of the workbook; what is not recognised is named by cell.
            """)

    @Argument(help: ArgumentHelp("The new dashboard's folder, inside the input folder (e.g. dashboards/kpis).", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: "The dashboard's title.")
    var title = "Children's services performance"

    @Option(name: .long, help: "The council or organisation it reports on.")
    var organisation = "Your council"

    @Option(name: .long, help: ArgumentHelp("Map this Excel workbook's KPI sheet, copied into the folder.", valueName: "book.xlsx"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The sheet to map (needed when the workbook has several visible sheets).", valueName: "name"))
    var sheet: String?

    mutating func run() throws {
        if let from {
            do {
                let outcome = try WorkbookStarter.write(to: folder, from: from, sheet: sheet, organisation: organisation)
                for line in outcome.plan.recognised { Report.line("recognised: \(line)") }
                for line in outcome.plan.notRecognised { Report.line("not recognised: \(line)") }
                Report.line(
                    "Wrote \(outcome.files.joined(separator: " and a copy of ")) into \(Report.visible(folder))/ (\(outcome.plan.indicators) indicators): read dashboard.yml, then run `dashboards validate` and `dashboards build`"
                )
            } catch {
                Report.line("error: \(error)")
                if case .unwritable = error { throw ExitCode(1) }
                throw ExitCode(2)
            }
            return
        }
        if sheet != nil {
            Report.line("error: --sheet names the sheet of the workbook given with --from")
            throw ExitCode(2)
        }
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
