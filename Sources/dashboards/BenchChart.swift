import ArgumentParser
import DashboardCharts
import Foundation

/// The chart-speed benchmark's side for this project (bench/charts/run.sh): one chart drawn many times in one process.
struct BenchChart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-chart",
        abstract: "Render the benchmark's 1200 × 600 line chart repeatedly and write each chart's milliseconds.",
        shouldDisplay: false)

    @Option(name: .long, help: "How many charts to render.")
    var count = 50

    @Option(name: .long, help: ArgumentHelp("Where to write dashboards.png, data.tsv and dashboards-times.txt.", valueName: "dir"))
    var out = "."

    func validate() throws {
        guard (1...100_000).contains(count) else { throw ValidationError("--count must be from 1 to 100000") }
    }

    mutating func run() throws {
        let times = try ChartBenchmark.run(count: count, outputDirectory: out)
        let lines = times.map { String(format: "%.3f", $0) }.joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: out + "/dashboards-times.txt"))
    }
}
