import ArgumentParser
import DashboardServe
import DashboardSite
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine, and build again on every save.",
        discussion: """
            Builds as `dashboards build` does (to --output, default public/), then serves that folder at \
            http://127.0.0.1:8000/ and watches the input folder and the assets. Saving a file builds again and \
            reloads the pages open in a browser; a build with errors prints them here and shows them on the open \
            pages while the last good site is still served. The script that reloads pages is added only to pages \
            as served, never to the files written. Stop with Ctrl-C.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "public"

    @OptionGroup var assetOptions: AssetsOptions

    @Option(name: .long, help: ArgumentHelp("The port to serve on (0 picks a free one).", valueName: "port"))
    var port = 8000

    @Option(
        name: .long,
        help: ArgumentHelp("The address to serve on; only this machine (127.0.0.1) unless another is given, which others on the network can then reach.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("Build the dashboards as they stood at this period, e.g. 2020/21 Q1.", valueName: "period"), transform: PeriodArgument.parse)
    var asOf: PeriodArgument?

    @Option(name: .long, help: ArgumentHelp("Charts rendered at once (default: one per core).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port \(port) is not a port; give a number from 1 to 65535, or 0 for any free port") }
        if host.isEmpty { throw ValidationError("--host is empty; leave it out to serve on 127.0.0.1, or name an address") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if output.isEmpty { throw ValidationError("--output is empty; name the folder to write the site to") }
    }

    mutating func run() async throws {
        let progress = Report.isTerminal ? Report.progressLine : nil
        let options = BuildOptions(
            input: input.input, output: output, assets: assetOptions.path, asOf: asOf?.period,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, progress: progress)
        let session = PreviewSession(build: options, host: host, port: port, watched: [input.input, assetOptions.path])
        let output = output, input = input.input, assets = assetOptions.path
        let clearLine = progress == nil ? "" : "\r\u{1B}[K"
        do {
            try await session.run { event in
                switch event {
                case .serving(let url, _):
                    Report.line("Serving \(output)/ at \(url) (Ctrl-C to stop); watching \(input)/ and \(assets)/")
                case .changed(let paths):
                    let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
                    Report.line("Changed: \(shown); building again")
                case .built(let report):
                    Report.write(clearLine)
                    Report.print(report.warnings.sorted { $0.location < $1.location })
                    Report.line(report.summary)
                    for line in report.changeLines { Report.line(line) }
                case .failed(let error):
                    Report.write(clearLine)
                    _ = Failure.report(error)
                    Report.line("The last good site is still served; fix the problem and save to build again.")
                }
            }
        } catch let error as BuildError {
            throw Failure.report(error)
        } catch {
            Report.line("error: cannot serve on \(host) port \(port): \(error); give another --port, or 0 for any free one")
            throw ExitCode(1)
        }
    }
}
