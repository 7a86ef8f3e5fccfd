import DashboardCore
import Foundation

extension CartesianLayout {
    // MARK: Columns

    static func drawColumns(
        _ spec: ChartSpec, xs: [Double], slot: Double, y: LinearScale, plot: Box,
        into b: inout SceneBuilder, occupied: inout [Box]
    ) {
        guard let series = spec.series.first else { return }
        let barWidth = min(slot * 0.68, 72)
        let labels = series.values.indices.map { series.label($0, axis: spec.axis) }
        let widest = labels.compactMap { $0 }.map { b.measure($0, size: b.type.value) }.max() ?? 0
        let showLabels = widest <= slot - 2
        let zero = y(max(y.domain.lower, min(0, y.domain.upper)))
        var valueTexts: [Text] = []
        for (index, value) in series.values.enumerated() {
            guard let value else { continue }
            let top = min(zero, y(value)), bottom = max(zero, y(value))
            let box = Box(x: xs[index] - barWidth / 2, y: top, width: barWidth, height: bottom - top)
            let ytd = spec.categories[index].isYearToDate
            b.fill(box, ytd ? .yearToDate : .main, role: ytd ? .yearToDateColumn(category: index) : .column(series: 0, category: index))
            if showLabels, let label = labels[index] {
                let baseline = value >= 0 ? top - 4 : bottom + 4 + b.type.value * TextMetrics.ascent
                valueTexts.append(b.text(label, x: xs[index], y: baseline, size: b.type.value, anchor: .middle))
            }
        }
        // Target and other references over the columns, so a target inside a column still shows.
        redrawReferencesOver(spec, y: y, plot: plot, into: &b)
        for t in valueTexts {
            b.add(.valueLabel, .text(t))
            occupied.append(t.bounds)
        }
    }

    /// The reference lines again, over the columns, so a target inside a column still shows.
    static func redrawReferencesOver(_ spec: ChartSpec, y: LinearScale, plot: Box, into b: inout SceneBuilder) {
        drawReferenceLines(spec.references.filter { y.contains($0.value) }, y: y, plot: plot, into: &b)
    }

    static func drawStacks(
        _ spec: ChartSpec, xs: [Double], slot: Double, y: LinearScale, plot: Box,
        into b: inout SceneBuilder, sideLabels: inout [SideLabel]
    ) {
        let barWidth = min(slot * 0.68, 72)
        let n = spec.categories.count
        var lastWithData: Int?
        var totalTexts: [Text] = []
        for index in 0..<n {
            var running = 0.0
            var drew = false
            var boundaries: [Double] = []
            for (part, series) in spec.series.enumerated() {
                guard let value = series.values[safe: index].flatMap({ $0 }), value > 0 else { continue }
                let bottom = y(running), top = y(running + value)
                if drew { boundaries.append(bottom) }
                b.fill(
                    Box(x: xs[index] - barWidth / 2, y: top, width: barWidth, height: bottom - top), .part(part),
                    role: .column(series: part, category: index))
                running += value
                drew = true
            }
            // Thin white lines between segments keep neighbouring parts apart (and in greyscale).
            for boundary in boundaries {
                b.addRect(.column(series: -1, category: index), Box(x: xs[index] - barWidth / 2, y: boundary - 0.5, width: barWidth, height: 1), .white)
            }
            if drew {
                lastWithData = index
                let total = spec.totals[safe: index].flatMap { $0 } ?? running
                let label = AxisFormat.value(total, unit: spec.axis.unit, decimals: spec.axis.decimals)
                totalTexts.append(b.text(label, x: xs[index], y: y(running) - 4, size: b.type.value, weight: .bold, anchor: .middle))
            }
        }
        redrawReferencesOver(spec, y: y, plot: plot, into: &b)
        let showTotals = totalTexts.allSatisfy { $0.width <= slot - 2 }
        if showTotals { for t in totalTexts { b.add(.totalLabel, .text(t)) } }
        // Side labels name each part beside its segment of the last column.
        guard let last = lastWithData else { return }
        var running = 0.0
        var partCentres: [Int: Double] = [:]
        for (part, series) in spec.series.enumerated() {
            let value = max(0, series.values[safe: last].flatMap { $0 } ?? 0)
            partCentres[part] = (y(running) + y(running + value)) / 2
            running += value
        }
        var partIndex = 0
        for index in sideLabels.indices where sideLabels[index].swatch != nil {
            sideLabels[index].wantedY = partCentres[partIndex] ?? plot.maxY
            partIndex += 1
        }
    }

    // MARK: Steps

    /// Each stepped series level across its periods' slots, joined by risers where the level changes and
    /// broken where a period has none or a new piece starts (`breaks`).
    static func drawSteps(
        _ spec: ChartSpec, xs: [Double], slot: Double, y: LinearScale, into b: inout SceneBuilder,
        occupied: inout [Box]
    ) {
        for (seriesIndex, series) in spec.series.enumerated() where series.stepped {
            guard case .benchmark(let role) = series.role else { continue }
            let style = Style.reference(role)
            var run: [Point] = []
            for index in 0...series.values.count {
                if series.breaks.contains(index) {
                    b.addLine(.series(seriesIndex), run, width: style.width, colour: style.colour, dash: style.dash)
                    run = []
                }
                guard index < xs.count, index < series.values.count, let value = series.values[index] else {
                    b.addLine(.series(seriesIndex), run, width: style.width, colour: style.colour, dash: style.dash)
                    run = []
                    continue
                }
                let vy = y(y.clamp(value))
                let left = xs[index] - slot / 2, right = xs[index] + slot / 2
                if let last = run.last, last.y != vy { run.append(Point(left, vy)) }
                if run.isEmpty { run.append(Point(left, vy)) }
                run.append(Point(right, vy))
                occupied.append(Box(x: left, y: vy - 1.5, width: right - left, height: 3))
            }
        }
    }
}
