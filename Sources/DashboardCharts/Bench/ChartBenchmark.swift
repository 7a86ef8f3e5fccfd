import DashboardCore
import Foundation

/// The chart-speed benchmark of `bench/charts`: the same 1200 × 600 line chart (40 monthly figures, a dashed
/// target, gridlines) rendered here, by gnuplot's libgd `png` terminal and by matplotlib's Agg, each in one
/// process, timing only the loop that draws and writes the PNGs.
///
/// The CLI runs it as `dashboards bench-chart --count 50 --out DIR`; `bench/charts/run.sh` runs the others on
/// the `data.tsv` this writes, so all three draw the same figures.
public enum ChartBenchmark {
    /// Monthly figures, April 2017 to July 2020: a caseload that rises, falls and recovers.
    public static let values: [Double] = [
        157, 197, 189, 227, 216, 202, 234, 214, 240, 215, 187, 205, 173, 187, 153, 119, 133, 101, 118, 89,
        63, 89, 68, 51, 85, 72, 111, 102, 94, 134, 126, 165, 154, 141, 173, 154, 181, 157, 129, 148,
    ]
    public static let target = 120.0
    public static let size = ChartSize(width: 1200, height: 600)

    public static var periods: [Period] {
        values.indices.map { index in
            let month = 4 + index
            return .month(year: 2017 + (month - 1) / 12, month: (month - 1) % 12 + 1)
        }
    }

    public static var spec: ChartSpec {
        ChartSpec(
            kind: .line, title: "Cases awaiting allocation", subtitle: "Number, monthly, April 2017 to July 2020",
            source: "Benchmark data", axis: .init(unit: .count, decimals: 0),
            categories: periods.map(ChartSpec.Category.init),
            series: [.init(name: "Cases awaiting allocation", role: .main, values: values)],
            references: [.init(role: .target, name: "Target", value: target)])
    }

    /// `period<TAB>label<TAB>value` rows (ISO month, "Apr 2017", figure), with the target on a comment line.
    public static var dataTSV: String {
        var text = "# target\t\(Int(target))\nmonth\tlabel\tvalue\n"
        for (period, value) in zip(periods, values) {
            let (short, year) = (period.axisLabel.primary, period.axisLabel.secondary ?? "")
            text += "\(period.slug)\t\(short) \(year)\t\(Int(value))\n"
        }
        return text
    }

    /// Renders the chart `count` times, writing each PNG over `outputDirectory/dashboards.png` (as the other
    /// tools do), and returns each chart's milliseconds. Also writes `data.tsv` there for the other tools.
    public static func run(count: Int, size: ChartSize = ChartBenchmark.size, outputDirectory: String) throws -> [Double] {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        try dataTSV.write(toFile: outputDirectory + "/data.tsv", atomically: true, encoding: .utf8)
        let renderer = try ChartRenderer(fonts: ChartFonts.locate(in: nil))
        let spec = self.spec
        let url = URL(fileURLWithPath: outputDirectory + "/dashboards.png")
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<max(1, count) {
            let start = clock.now
            let png = try renderer.png(spec, size: size)
            try Data(png).write(to: url)
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return times
    }
}
