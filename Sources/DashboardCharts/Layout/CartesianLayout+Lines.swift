import DashboardCore
import Foundation

extension CartesianLayout {
    // MARK: Lines

    /// Each series not drawn as steps, as a line broken at gaps, with markers on its points: SPC points by type,
    /// else every point where there is room (and always a lone point and the latest); then the latest figure's label.
    static func drawLines(
        _ spec: ChartSpec, xs: [Double], slot: Double, y: LinearScale, plot: Box,
        into b: inout SceneBuilder, occupied: inout [Box]
    ) {
        let isSPC = spec.kind == .spc
        for (seriesIndex, series) in spec.series.enumerated() where !series.stepped {
            let (colour, width, dash) = lineStyle(series.role, isSPC: isSPC)
            let points = series.values.enumerated().map { index, value in value.map { Point(xs[index], y(y.clamp($0))) } }
            var run: [Point] = []
            var isolated: [Point] = []
            for point in points + [nil] {
                if let point {
                    run.append(point)
                } else {
                    if run.count == 1 { isolated.append(run[0]) }
                    b.addLine(.series(seriesIndex), run, width: width, colour: colour, dash: dash)
                    run = []
                }
            }
            let present = points.compactMap { $0 }
            if isSPC, series.role == .main {
                for (index, point) in points.enumerated() {
                    guard let point, let type = spec.points[safe: index].flatMap({ $0 }) else { continue }
                    let style = Style.spcPoint(type)
                    b.add(
                        .spcPoint(type),
                        .marker(
                            Marker(
                                point, shape: style.shape, size: style.size, fill: style.colour,
                                outline: .white, outlineWidth: 1)))
                }
            } else {
                let markAll = present.count <= 60 && slot >= 9
                let radius = series.role == .main ? 3.6 : 2.8
                for (index, point) in points.enumerated() {
                    guard let point else { continue }
                    let last = index == points.lastIndex(where: { $0 != nil })
                    if markAll || isolated.contains(point) || last {
                        b.add(
                            .series(seriesIndex),
                            .marker(
                                Marker(
                                    point, shape: .circle, size: last && series.role == .main ? radius + 0.6 : radius,
                                    fill: colour, outline: .white, outlineWidth: 1)))
                    }
                }
            }
            for point in present { occupied.append(Box(x: point.x - 4, y: point.y - 4, width: 8, height: 8)) }
        }
        drawLatestLabel(spec, xs: xs, y: y, plot: plot, into: &b, occupied: occupied)
    }

    /// A line's colour, width and dashes by its series' role.
    static func lineStyle(_ role: ChartSpec.Series.Role, isSPC: Bool) -> (colour: Colour, width: Double, dash: [Double]) {
        switch role {
        case .main:
            return isSPC ? (Style.spcLine, 1.5, []) : (Style.darkBlue, 2.5, [])
        case .benchmark(let role):
            let style = Style.reference(role)
            return (style.colour, style.width, style.dash)
        case .part(let part):
            return (Style.part(part).colour, 2, [])
        }
    }

    /// The latest figure, labelled beside its point: above unless the line comes down into it, else below,
    /// else to its left; the first place that keeps clear of other points, labels and reference lines.
    static func drawLatestLabel(
        _ spec: ChartSpec, xs: [Double], y: LinearScale, plot: Box, into b: inout SceneBuilder, occupied: [Box]
    ) {
        let isSPC = spec.kind == .spc
        guard let main = spec.series.firstIndex(where: { $0.role == .main }) else { return }
        let values = spec.series[main].values
        guard let last = values.lastIndex(where: { $0 != nil }), let value = values[last],
            let label = spec.series[main].label(last, axis: spec.axis)
        else { return }
        let size = b.type.latest
        let px = xs[last], py = y(y.clamp(value))
        let previous = values[..<last].last(where: { $0 != nil }) ?? nil
        let comesFromAbove = previous.map { y(y.clamp($0)) < py } ?? false
        let above = b.text(label, x: px, y: py - 9, size: size, weight: .bold, colour: isSPC ? Style.text : Style.darkBlue, anchor: .middle)
        var below = above
        below.y = py + 9 + size * TextMetrics.ascent
        var left = above
        left.anchor = .end
        left.x = px - 8
        left.y = py + size * TextMetrics.centreToBaseline
        var aboveLeft = above
        aboveLeft.anchor = .end
        aboveLeft.x = px - 4
        var belowLeft = below
        belowLeft.anchor = .end
        belowLeft.x = px - 4
        let candidates = comesFromAbove ? [below, above, left, belowLeft, aboveLeft] : [above, below, left, aboveLeft, belowLeft]
        let ownPoint = Box(x: px - 4, y: py - 4, width: 8, height: 8)
        let obstacles = occupied.filter { $0 != ownPoint }
        let referenceYs = spec.references.filter { y.contains($0.value) }.map { y($0.value) }
        func fits(_ t: Text) -> Bool {
            let box = t.bounds
            guard box.x >= 0, box.maxX <= plot.maxX + 4, box.y >= plot.y - 2, box.maxY <= plot.maxY - 2 else { return false }
            if referenceYs.contains(where: { $0 > box.y - 1 && $0 < box.maxY + 1 }) { return false }
            return !obstacles.contains { $0.intersects(box) }
        }
        // Each place kept inside the plot horizontally; where none keeps clear of the other marks the label is
        // left off (the figure is in the table and the alt text) rather than drawn over a line.
        let shifted = candidates.map { candidate -> Text in
            var t = candidate
            let overhang = t.bounds.maxX - (plot.maxX + 4)
            if overhang > 0 { t.x -= overhang }
            return t
        }
        guard let chosen = shifted.first(where: fits) else { return }
        b.add(.latestLabel, .text(chosen))
    }
}
