import DashboardCore

/// A sparkline: the series as a thin line with its latest point dotted, the target dashed; no axes, gaps left
/// as gaps.
enum SparklineLayout {
    static func draw(_ spec: ChartSpec, into b: inout SceneBuilder) {
        let pad = 3.5
        b.plot = Box(x: pad, y: pad, width: max(0, b.width - 2 * pad), height: max(0, b.height - 2 * pad))
        guard let values = spec.series.first?.values, values.count >= 2 else { return }
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { return }
        let target = spec.references.first { $0.role == .target }?.value
        let (lo, hi) = domain(present, target: target, unit: spec.axis.unit)
        let x = LinearScale(domain: (0, Double(values.count - 1)), range: (pad, b.width - pad))
        let y = LinearScale(domain: (lo, hi), range: (b.height - pad, pad))
        if let target {
            let ty = y(target)
            b.addLine(.reference(.target), [Point(pad, ty), Point(b.width - pad, ty)], width: 1, colour: Style.axis, dash: [3, 2])
        }
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

    /// A scale that does not exaggerate: the figures and the target, over at least a quarter of the largest
    /// figure's size (so 67% to 72% fills a third of the height, not all of it), kept at or above zero for
    /// figures that are, and at or below 100% for percentages.
    static func domain(_ values: [Double], target: Double?, unit: MeasureUnit) -> (Double, Double) {
        let all = values + (target.map { [$0] } ?? [])
        var lo = all.min()!, hi = all.max()!
        let span = max(hi - lo, 0.25 * max(abs(lo), abs(hi)), 1e-9)
        if span > hi - lo {
            let middle = (lo + hi) / 2
            (lo, hi) = (middle - span / 2, middle + span / 2)
        }
        if all.min()! >= 0, lo < 0 { (lo, hi) = (0, hi - lo) }
        if unit == .percent, all.max()! <= 100, hi > 100 { (lo, hi) = (max(0, lo - (hi - 100)), 100) }
        if hi <= lo { hi = lo + 1 }
        return (lo, hi)
    }
}
