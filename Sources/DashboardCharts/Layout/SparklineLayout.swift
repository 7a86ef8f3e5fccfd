/// A sparkline: the series as a thin line with its latest point dotted; no axes, gaps left as gaps.
enum SparklineLayout {
    static func draw(_ spec: ChartSpec, into b: inout SceneBuilder) {
        let pad = 3.5
        b.plot = Box(x: pad, y: pad, width: max(0, b.width - 2 * pad), height: max(0, b.height - 2 * pad))
        guard let values = spec.series.first?.values, values.count >= 2 else { return }
        let present = values.compactMap { $0 }
        guard let lowest = present.min(), let highest = present.max() else { return }
        let (lo, hi) = highest > lowest ? (lowest, highest) : (lowest - 1, highest + 1)
        let x = LinearScale(domain: (0, Double(values.count - 1)), range: (pad, b.width - pad))
        let y = LinearScale(domain: (lo, hi), range: (b.height - pad, pad))
        let points = values.enumerated().map { index, value in value.map { Point(x(Double(index)), y($0)) } }
        var run: [Point] = []
        for point in points + [nil] {
            if let point {
                run.append(point)
                continue
            }
            if run.count == 1 {
                b.add(.series(0), .marker(Marker(run[0], shape: .circle, size: 1.4, fill: Style.darkBlue)))
            }
            b.addLine(.series(0), run, width: 1.5, colour: Style.darkBlue)
            run = []
        }
        if let last = points.last(where: { $0 != nil }) ?? nil {
            b.add(.latestLabel, .marker(Marker(last, shape: .circle, size: 2.6, fill: Style.darkBlue)))
        }
    }
}
