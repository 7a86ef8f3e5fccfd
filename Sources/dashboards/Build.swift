import ArgumentParser
import DashboardCore
import DashboardSite
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the input and write the static site.",
        discussion: """
            Checks everything first; on any error nothing is written and the previous output stays as it was. \
            The site is built in a staging folder beside the output and swapped in when complete. Pages and charts \
            whose inputs did not change are carried over from the previous build unless --clean is given.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "public"

    @OptionGroup var assetOptions: AssetsOptions

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("Build the dashboards as they stood at this period, e.g. 2020/21 Q1.", valueName: "period"), transform: PeriodArgument.parse)
    var asOf: PeriodArgument?

    @Flag(name: .long, help: "Render everything, ignoring the previous build.")
    var clean = false

    @Option(name: .long, help: ArgumentHelp("Charts rendered at once (default: one per core).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another build of the same output to finish; 0 refuses at once without touching anything.", valueName: "seconds"))
    var wait = 600

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if wait < 0 { throw ValidationError("--wait must be 0 or more seconds") }
        if output.isEmpty { throw ValidationError("--output is empty; name the folder to write the site to") }
    }

    mutating func run() async throws {
        let showProgress = !quiet && Report.isTerminal
        let progress = showProgress ? Report.progressLine : nil
        var options = BuildOptions(
            input: input.input, output: output, assets: assetOptions.path, asOf: asOf?.period, clean: clean,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, progress: progress, wait: wait)
        let output = output, wait = wait
        if wait > 0 {
            options.waiting = { holder in
                let who = holder.map { " (process \($0))" } ?? ""
                Report.line("Waiting up to \(wait) s for another build\(who) of \(output) to finish…")
            }
        }
        options.publishHook = FaultPoint.hook
        do {
            let report = try await SiteBuilder.build(options)
            if showProgress { Report.write("\r\u{1B}[K") }
            Report.print(report.warnings.sorted { $0.location < $1.location })
            if !quiet {
                Report.line(report.summary)
                for line in report.changeLines { Report.line(line) }
            }
        } catch let error as BuildError {
            if showProgress { Report.write("\r\u{1B}[K") }
            throw Failure.report(
                error, untouchedByInput: "Nothing was written; \(output)/ is as it was.",
                untouchedByOutput: "The previous \(output)/ is as it was.")
        }
    }
}

extension Report {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Progress on one line of a terminal, written over as the build goes (never when standard error is not a
    /// terminal: a log or a pipe gets the same bytes as without it).
    static let progressLine: @Sendable (BuildProgress) -> Void = { step in write("\r" + step.line + "\u{1B}[K") }
}

/// A test seam: `DASHBOARDS_TEST_KILL_AT=<step>` (a `PublishStep`, e.g. `exchanged`) kills the build with
/// SIGKILL when it reaches that step, as a power cut or `kill -9` would, so tests can check what every such
/// moment leaves behind. Unset, it does nothing.
enum FaultPoint {
    static let hook: (@Sendable (PublishStep) async throws -> Void)? = {
        // Compiled into debug builds only (the tests'): a release build never reads the variable.
        #if DEBUG
            guard let name = ProcessInfo.processInfo.environment["DASHBOARDS_TEST_KILL_AT"],
                let target = PublishStep(rawValue: name)
            else { return nil }
            return { step in
                if step == target { kill(getpid(), SIGKILL) }
            }
        #else
            return nil
        #endif
    }()
}
