import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation

/// The steps of a build, in order (docs/publishing.md): read and check the input, work out every figure, plan
/// the pages and charts, render the charts, write the staged site, and publish it.
public enum BuildStep: String, Sendable, CaseIterable {
    case load, analyse, plan, render, write, publish
}

public enum BuildError: Error, CustomStringConvertible {
    /// Problems in the input; nothing was written.
    case input(Diagnostics)
    /// Problems in the templates, stylesheet or fonts; nothing was written.
    case assets(Diagnostics)
    /// The output could not be written; the previous site is untouched.
    case output(String)
    /// The options cannot work together (an output inside the input, say); nothing was read or written.
    case usage(String)
    /// One step of the build failed at one path of the site (or the output folder); the previous site is untouched.
    case failed(StepFailure)

    /// A failure in one step of the build at one path, as Publish's `PublishingError` keeps them: "the write step
    /// failed at cfws/index.html: No space left on device". An error that is already a build error is kept as is.
    static func at(_ step: BuildStep, _ path: String, _ error: any Error) -> BuildError {
        if let error = error as? BuildError { return error }
        return .failed(StepFailure(step: step, path: path, underlying: error))
    }

    public var description: String {
        switch self {
        case .input(let diagnostics), .assets(let diagnostics):
            return diagnostics.sorted.map(\.description).joined(separator: "\n")
        case .output(let message), .usage(let message):
            return message
        case .failed(let failure):
            return failure.description
        }
    }
}

/// The step that failed, the path it was at, and the error it met, kept as fields.
public struct StepFailure: Error, Sendable, CustomStringConvertible {
    public var step: BuildStep
    /// A path in the site ("cfws/index.html"), the output folder, or the fonts folder.
    public var path: String
    public var underlying: any Error

    public var description: String { "the \(step.rawValue) step failed at \(path): \(underlying)" }
}

public struct BuildOptions: Sendable {
    public var input: String
    public var output: String
    public var assets: String
    /// Build the site as it stood at this period (editions after it are left out).
    public var asOf: Period?
    /// Ignore the previous build and render everything.
    public var clean: Bool
    /// Charts rendered at once.
    public var jobs: Int
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// For tests: fail after this many files have been written, as a crash or full disk would.
    public var failAfterWrites: Int?
    /// Seconds to wait for another build of the same output to finish; 0 refuses at once.
    public var wait: Int
    /// Told once when another build holds the output, with its process id if known.
    public var waiting: (@Sendable (String?) -> Void)?
    /// Called at each publishing step, in order; a test may pause the build there, fail it, or kill the process.
    public var publishHook: (@Sendable (PublishStep) async throws -> Void)?
    /// For tests: publish as on a filesystem that cannot exchange two folders atomically.
    public var exchangeUnavailable = false

    public init(
        input: String = "dashboards", output: String = "public", assets: String = "assets", asOf: Period? = nil,
        clean: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (BuildProgress) -> Void)? = nil, failAfterWrites: Int? = nil, wait: Int = 600
    ) {
        self.input = input
        self.output = output
        self.assets = assets
        self.asOf = asOf
        self.clean = clean
        self.jobs = max(1, jobs)
        self.progress = progress
        self.failAfterWrites = failAfterWrites
        self.wait = max(0, wait)
    }
}

/// How far a build has got, told after each dashboard is planned and each chart rendered: dashboards whose pages
/// are written (of those in the site), the pages among them, and the charts rendered (of those to render).
public struct BuildProgress: Sendable, Equatable {
    public var dashboards = 0
    public var dashboardsTotal = 0
    public var pages = 0
    public var charts = 0
    public var chartsTotal = 0

    public init(dashboards: Int = 0, dashboardsTotal: Int = 0, pages: Int = 0, charts: Int = 0, chartsTotal: Int = 0) {
        self.dashboards = dashboards
        self.dashboardsTotal = dashboardsTotal
        self.pages = pages
        self.charts = charts
        self.chartsTotal = chartsTotal
    }

    /// One line for a terminal: "3/3 dashboards, 152 pages, 40/380 charts".
    public var line: String {
        var text = "\(dashboards)/\(dashboardsTotal) dashboard\(dashboardsTotal == 1 ? "" : "s"), \(pages) page\(pages == 1 ? "" : "s")"
        if chartsTotal > 0 { text += ", \(charts)/\(chartsTotal) chart\(chartsTotal == 1 ? "" : "s")" }
        return text
    }
}

public struct BuildReport: Sendable {
    public var dashboards = 0
    public var pages = 0
    /// Pages rendered; the others' values had not changed, so they were carried over without rendering.
    public var pagesRendered = 0
    public var charts = 0
    public var chartsRendered = 0
    public var chartsReused = 0
    /// Files written anew (pages whose values changed, charts rendered, other files whose bytes did).
    public var written = 0
    /// Files carried over from the previous site untouched.
    public var reused = 0
    /// Files of the previous site that the new one no longer has.
    public var removed = 0
    /// Files in the previous site that dashboards did not write (a `CNAME`, a PDF added by hand), carried over.
    public var kept = 0
    /// Files the published site or the spare had with the right key but that were changed outside dashboards
    /// since (edited, truncated or damaged in place), so were made again rather than reused.
    public var repaired = 0
    public var upToDate = false
    public var seconds = 0.0
    public var warnings: [Diagnostic] = []
    /// For each dashboard built again, what changed since the last build of it (new figures, revisions, status and
    /// direction changes); none for a dashboard the output did not have.
    public var changes: [DashboardChanges] = []

    /// What changed since the last build, in brief: a few lines for each dashboard whose figures changed.
    public var changeLines: [String] {
        var lines: [String] = []
        for dashboard in changes where !dashboard.changes.isEmpty {
            let brief = SnapshotChanges.brief(dashboard.changes, limit: 5)
            lines.append("\(dashboard.id): \(brief[0]) since the last build")
            lines += brief.dropFirst()
        }
        let unchanged = changes.filter(\.changes.isEmpty).count
        if unchanged > 0, !lines.isEmpty || unchanged == changes.count {
            lines.append("\(unchanged) dashboard\(unchanged == 1 ? "" : "s") built again with no figure, status or direction changed")
        }
        return lines
    }

    public var summary: String {
        let time = Formatting.number(seconds, decimals: 2) + " s"
        if upToDate {
            return "Up to date: no input, template or option changed since the last build (\(time))"
        }
        let kept = kept == 0 ? "" : ", \(kept) kept that dashboards did not write"
        let repaired = repaired == 0 ? "" : ", repaired \(repaired) file\(repaired == 1 ? "" : "s") changed outside dashboards"
        return
            "Built \(dashboards) dashboard\(dashboards == 1 ? "" : "s"): \(pages) pages (\(pagesRendered) rendered, \(pages - pagesRendered) reused), \(charts) charts (\(chartsRendered) rendered, \(chartsReused) reused), \(written) files written, \(reused) unchanged, \(removed) removed\(kept)\(repaired) in \(time)"
    }
}

/// What changed in one dashboard since the last build.
public struct DashboardChanges: Sendable {
    public var id: String
    public var changes: [SnapshotChange]
}

extension BuildProgress {
    func with(charts done: Int, of total: Int) -> BuildProgress {
        var progress = self
        progress.charts = done
        progress.chartsTotal = total
        return progress
    }
}
