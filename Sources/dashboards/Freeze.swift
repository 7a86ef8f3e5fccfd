import ArgumentParser
import DashboardCore
import DashboardInput
import Foundation

struct Freeze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep a dashboard's edition as published: copy its settings and data into editions/PERIOD/.",
        discussion: """
            The copy sits beside dashboard.yml (dashboards/ID/editions/2019-20-q4/) as plain files with an edition.yml \
            recording the period and the publication date. From then on the archived edition is built from the copy, \
            not from the live data, and the latest edition marks every figure revised since. Freezing adds the edition \
            to the archive: there is no need to list it under editions:. Nothing is frozen from data with errors.
            """)

    @Argument(help: ArgumentHelp("The dashboard to freeze (its folder name).", valueName: "dashboard"))
    var dashboard: String

    @Option(name: .long, help: ArgumentHelp("The period the edition reports on, e.g. 2019/20 Q4.", valueName: "period"), transform: PeriodArgument.parse)
    var edition: PeriodArgument

    @Option(name: .long, help: ArgumentHelp("The date it was published, as YYYY-MM-DD (default: today).", valueName: "date"))
    var published: String?

    @Flag(name: .long, help: "Freeze an edition that is already frozen again, from the current data.")
    var replace = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let published, publishedDate(published) == nil {
            throw ValidationError("--published must be a date such as 2020-06-15, not '\(published)'")
        }
    }

    func publishedDate(_ text: String) -> CivilDate? {
        guard case .success(.day(let date)) = PeriodParser.parse(text) else { return nil }
        return date
    }

    mutating func run() throws {
        let date = published.flatMap(publishedDate) ?? Freeze.today
        do {
            let frozen = try EditionFreezer.freeze(input: input.input, id: dashboard, edition: edition.period, published: date, replace: replace)
            Report.line(
                "\(frozen.replaced ? "Froze again" : "Froze") the \(edition.period.label) edition of \(dashboard) (published \(Period.day(date).label)): \(frozen.files.count) files in \(frozen.folder)/"
            )
        } catch {
            switch error {
            case .input(let diagnostics):
                Report.print(diagnostics.sorted)
                Report.line("nothing frozen: fix the errors above first")
            case .refused(let message):
                Report.line("error: \(message)")
            }
            throw ExitCode(1)
        }
    }

    static var today: CivilDate {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return CivilDate(dayNumber: days)
    }
}
