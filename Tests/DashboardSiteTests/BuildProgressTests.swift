import DashboardSite
import Foundation
import Testing

/// Progress while building: told to the program after each dashboard and chart, shown on a terminal only.
@Suite("Build progress")
struct BuildProgressTests {
    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private var steps: [BuildProgress] = []
        func add(_ step: BuildProgress) { lock.withLock { steps.append(step) } }
        var all: [BuildProgress] { lock.withLock { steps } }
    }

    @Test func everyDashboardPageAndChartIsCounted() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/dashboards"
        #expect(try run(["init", input + "/kpis"]).status == 0)
        #expect(try run(["init", input + "/more"]).status == 0)
        let steps = Steps()
        let options = BuildOptions(input: input, output: scratch.path + "/public", assets: exampleAssets, jobs: 1, progress: { steps.add($0) })
        let report = try await SiteBuilder.build(options)
        let all = steps.all
        // One step for each dashboard planned, then one for each chart rendered.
        #expect(all.count == 2 + report.chartsRendered)
        #expect(all[0].dashboards == 1 && all[0].dashboardsTotal == 2 && all[0].chartsTotal == 0)
        #expect(all[1].dashboards == 2 && all[1].pages == report.pages - 1)  // the front page is written after them
        #expect(all.last?.charts == report.chartsRendered && all.last?.chartsTotal == report.chartsRendered)
        #expect(all.dropFirst(2).map(\.charts) == Array(1...report.chartsRendered))
        #expect(all.last?.line == "2/2 dashboards, \(report.pages - 1) pages, \(report.chartsRendered)/\(report.chartsRendered) charts")
    }

    /// Standard error is not a terminal (a pipe, a log file, CI): the same bytes as without progress at all.
    @Test func notOnATerminalNothingExtraIsWritten() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/dashboards"
        #expect(try run(["init", input + "/kpis"]).status == 0)
        let built = try run(["build", "--input", input, "--output", scratch.path + "/public"])
        #expect(built.status == 0)
        #expect(!built.stderr.contains("\r") && !built.stderr.contains("\u{1B}"))
        #expect(!built.stderr.contains("dashboards,"))
        let lines = built.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[0].hasPrefix("Built 1 dashboard: ") && lines[1].isEmpty, "\(built.stderr)")
        let again = try run(["build", "--input", input, "--output", scratch.path + "/public"])
        #expect(again.stderr.hasPrefix("Up to date: ") && !again.stderr.contains("\r"))
    }

    /// On a terminal (a pseudo-terminal made by `script`), the count is written over on one line and cleared
    /// before the summary.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"))) func onATerminalProgressIsShown() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/dashboards"
        #expect(try run(["init", input + "/kpis"]).status == 0)
        let command = [executable, "build", "--input", input, "--output", scratch.path + "/public"].map { "'\($0)'" }.joined(separator: " ")
        let shown = try run(["-qec", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\r1/1 dashboard, "))
        #expect(shown.stdout.contains("\r\u{1B}[KBuilt 1 dashboard: "))
    }
}
