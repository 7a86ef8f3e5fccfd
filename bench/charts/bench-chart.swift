// Our side of the chart benchmark: draws ChartBenchmark's 1200 × 600 line chart `--count` times in this one
// process and writes each chart's milliseconds, one a line, to DIR/dashboards-times.txt (and the data the
// other tools plot to DIR/data.tsv). run.sh builds this against the repository's DashboardCharts.
import DashboardCharts
import Foundation

var count = 50
var directory = "."
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--count": count = arguments.popFirst().flatMap { Int($0) } ?? count
    case "--out": directory = arguments.popFirst() ?? directory
    default:
        FileHandle.standardError.write("usage: bench-chart [--count N] [--out DIR]\n".data(using: .utf8)!)
        exit(2)
    }
}
let times = try ChartBenchmark.run(count: count, outputDirectory: directory)
try times.map { String(format: "%.3f", $0) }.joined(separator: "\n").appending("\n")
    .write(toFile: directory + "/dashboards-times.txt", atomically: true, encoding: .utf8)
