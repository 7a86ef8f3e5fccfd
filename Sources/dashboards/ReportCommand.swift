import ArgumentParser
import DashboardCharts
import DashboardCore
import DashboardReport
import DashboardSite
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the committee report: one or more dashboards as an editable Word document (.docx).",
        discussion: """
            The document has a title block, each dashboard's overview, its KPI table on landscape pages (the header \
            row repeats on every page), then a part per indicator: a heading in Word's Heading style, the headline, \
            the chart (its alt text is the picture's description), a caption with the source, the commentary and the \
            latest figures. Give no dashboard for all of them. The same input always gives the same bytes. On any \
            error in the data nothing is written.
            """)

    @Argument(help: ArgumentHelp("The dashboards to report on, in order (default: all, by title).", valueName: "dashboard"))
    var dashboards: [String] = []

    @OptionGroup var input: InputOptions

    @OptionGroup var assetOptions: AssetsOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The Word document to write.", valueName: "file.docx"))
    var output: String

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("Report the dashboards as they stood at this period, e.g. 2020/21 Q1.", valueName: "period"), transform: PeriodArgument.parse
    )
    var asOf: PeriodArgument?

    @Option(name: .long, help: ArgumentHelp("Only these sections, by title or number, separated by commas (may be repeated).", valueName: "sections"))
    var sections: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only these indicators, as id or dashboard/id, separated by commas (may be repeated).", valueName: "ids"))
    var indicators: [String] = []

    @Option(name: .long, help: ArgumentHelp("The document's title (default: the dashboard's, or \"Performance report\" for several).", valueName: "text"))
    var title: String?

    @Option(
        name: .customLong("chart-width-cm"),
        help: ArgumentHelp("Chart width in centimetres, at most the text column's 15.92; the height is as `dashboards chart` makes it.", valueName: "cm"))
    var chartWidthCm = PrintGeometry.reportChartWidthCm

    @Option(name: .long, help: ArgumentHelp("Chart resolution in dots per inch.", valueName: "n"))
    var dpi = 300

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    func validate() throws {
        guard output.lowercased().hasSuffix(".docx") else { throw ValidationError("the report is a Word document: name it with .docx, e.g. -o report.docx") }
        guard (4...PrintGeometry.portraitColumnCm).contains(chartWidthCm) else {
            throw ValidationError("--chart-width-cm must be from 4 to 15.9, the text column's width")
        }
        guard (96...600).contains(dpi) else { throw ValidationError("--dpi must be from 96 to 600") }
        for id in dashboards where !Identifier.isValid(id) {
            throw ValidationError("'\(id)' is not a dashboard id (the name of its folder, e.g. cfws)")
        }
    }

    /// Comma-separated lists, possibly given several times.
    static func list(_ values: [String]) -> [String]? {
        let items = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return values.isEmpty ? nil : items
    }

    mutating func run() throws {
        let size = PrintGeometry.chartSize(widthCm: chartWidthCm, dpi: dpi)
        let assets = assetOptions.path
        let request = ReportRequest(
            input: input.input, assets: assets, dashboards: dashboards, asOf: asOf?.period,
            sections: ReportCommand.list(sections), indicators: ReportCommand.list(indicators), chartSize: size)
        do {
            let stylesPath = assets + "/report/styles.xml"
            guard let stylesData = FileManager.default.contents(atPath: stylesPath),
                let styles = String(data: stylesData, encoding: .utf8)
            else {
                var diagnostics = Diagnostics()
                diagnostics.error(
                    "the report's styles are missing or not UTF-8 text (pass --assets to use another folder)",
                    at: SourceLocation(file: stylesPath))
                throw BuildError.assets(diagnostics)
            }
            let content = try ReportContent.make(request)
            Report.print(content.warnings.sorted { $0.location < $1.location })
            let bytes: [UInt8]
            do {
                bytes = try WordReport.document(content, options: WordReport.Options(title: title, styles: styles))
            } catch {
                throw BuildError.output("cannot make the document: \(error)")
            }
            try ReportCommand.write(bytes, to: output)
            if !quiet {
                let parts = content.dashboards.reduce(0) { $0 + $1.sections.reduce(0) { $0 + $1.indicators.count } }
                Report.line(
                    "Wrote \(output): \(content.dashboards.count) dashboard\(content.dashboards.count == 1 ? "" : "s"), \(parts) indicator\(parts == 1 ? "" : "s") (\(bytes.count / 1024) KiB)"
                )
            }
        } catch let error as BuildError {
            throw Failure.report(error, untouchedByInput: "Nothing was written.")
        }
    }

    /// Written beside the target and renamed over it, so a reader never sees half a document.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".partial-\(getpid())"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw BuildError.output("cannot write \(path): \(reason)")
            }
        } catch let error as BuildError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw BuildError.output("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
