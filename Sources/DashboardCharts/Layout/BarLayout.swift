import Foundation

/// A comparison chart: horizontal bars for the council's figure and its comparators, the target as a line.
enum BarLayout {
    /// Where the chart's parts go, worked out once and shared by the steps that draw them.
    struct Geometry {
        /// The space inside the chart's frame.
        let region: Box
        /// The bars' area, inside the names, value labels and axis labels.
        let plot: Box
        /// Values to x positions across the plot.
        let x: LinearScale
        /// The type size of every label.
        let size: Double
        /// From one line of a wrapped name to the next.
        let lineStep: Double
        /// In a narrow chart the names stand above their bars rather than at their left.
        let namesAbove: Bool
    }

    static func draw(_ spec: ChartSpec, into b: inout SceneBuilder) {
        let region = b.frame(spec, legend: [])
        guard !spec.bars.isEmpty else {
            b.message("No figure to compare yet.", in: region)
            return
        }
        let size = b.type.label
        let lineStep = size * TextMetrics.lineHeight
        let unit = spec.axis.unit

        // Names at the left, wrapped to at most a third of the width; in a narrow chart, above their bars.
        let namesAbove = b.type.keyAbove
        let maxNameWidth = namesAbove ? region.width : region.width * 0.34
        let names = spec.bars.map { bar in
            b.wrap(bar.name, maxWidth: maxNameWidth, size: size, weight: bar.isSubject ? .bold : .regular)
        }
        let nameWidth =
            zip(names, spec.bars).flatMap { lines, bar in
                lines.map { b.measure($0, size: size, weight: bar.isSubject ? .bold : .regular) }
            }.max() ?? 0
        let values = spec.bars.map { AxisFormat.value($0.value, unit: unit, decimals: $0.decimals) }
        let valueWidth = zip(values, spec.bars).map { b.measure($0, size: size, weight: $1.isSubject ? .bold : .regular) }.max() ?? 0

        let target = spec.references.first { $0.role == .target }
        let plotTop = region.y + (target != nil ? lineStep + 4 : 2)
        let plotBottom = region.maxY - (6 + lineStep)
        let plotLeft = region.x + (namesAbove ? 0 : nameWidth + 10)
        let plotRight = region.maxX - valueWidth - 10
        let plot = Box(x: plotLeft, y: plotTop, width: max(10, plotRight - plotLeft), height: max(10, plotBottom - plotTop))
        b.plot = plot

        let axis = ValueAxisScale.make(
            values: spec.bars.map(\.value) + spec.references.map(\.value), unit: unit, includeZero: true,
            minimum: spec.axis.minimum, maximum: spec.axis.maximum,
            tickCount: max(1, (plot.width / (size * 7.5)).rounded(.down)))
        let x = LinearScale(domain: (axis.lower, axis.upper), range: (plot.x, plot.maxX))
        let geometry = Geometry(region: region, plot: plot, x: x, size: size, lineStep: lineStep, namesAbove: namesAbove)

        let zero = drawValueAxis(axis, geometry, into: &b)
        // The bars' and lines' labels are drawn last, over every bar and line.
        var labels = drawBars(spec, names: names, values: values, zero: zero, geometry, into: &b)
        labels += drawReferences(spec, geometry, into: &b)
        for (role, t) in labels { b.add(role, .text(t)) }
    }

    /// Vertical gridlines with their labels below, every other label dropped if they would touch, and the line
    /// at zero. Returns zero's x position, where the bars start.
    static func drawValueAxis(_ axis: ValueAxisScale, _ g: Geometry, into b: inout SceneBuilder) -> Double {
        let plot = g.plot, size = g.size
        var tickTexts: [Text] = []
        for tick in axis.ticks {
            let tx = g.x(tick)
            if abs(tick - axis.lower) > 1e-9 { b.addRect(.gridline, Box(x: tx - 0.5, y: plot.y, width: 1, height: plot.height), Style.gridline) }
            tickTexts.append(
                b.text(
                    b.type.shortNumbers ? axis.shortLabel(tick) : axis.label(tick), x: tx, y: plot.maxY + 5 + size * TextMetrics.ascent, size: size,
                    colour: Style.text, anchor: .middle))
        }
        var stride = 1
        while stride < tickTexts.count,
            zip(
                tickTexts.enumerated().filter { $0.offset % stride == 0 }.map(\.element),
                tickTexts.enumerated().filter { $0.offset % stride == 0 }.map(\.element).dropFirst()
            )
            .contains(where: { $0.bounds.maxX + 6 > $1.bounds.x })
        {
            stride += 1
        }
        for (index, t) in tickTexts.enumerated() where index % stride == 0 {
            var t = t
            if t.bounds.maxX > b.width {
                t.anchor = .end
                t.x = b.width
            }
            if t.bounds.x < 0 {
                t.anchor = .start
                t.x = 0
            }
            b.add(.valueTickLabel, .text(t))
        }
        let zero = g.x(max(axis.lower, min(0, axis.upper)))
        b.addRect(.axis, Box(x: zero - 0.5, y: plot.y, width: 1, height: plot.height), Style.axis)
        return zero
    }

    /// The bars, top to bottom, from zero; returns their names and value labels.
    static func drawBars(
        _ spec: ChartSpec, names: [[String]], values: [String], zero: Double, _ g: Geometry, into b: inout SceneBuilder
    ) -> [(Scene.Role, Text)] {
        let plot = g.plot, size = g.size, lineStep = g.lineStep
        let target = spec.references.first { $0.role == .target }
        let rowHeight = plot.height / Double(spec.bars.count)
        let nameHeight = g.namesAbove ? Double(names.map(\.count).max() ?? 1) * lineStep + 2 : 0
        let barHeight = min((rowHeight - nameHeight) * 0.7, 44)
        var labels: [(Scene.Role, Text)] = []
        for (index, bar) in spec.bars.enumerated() {
            let centre = plot.y + rowHeight * (Double(index) + 0.5) + nameHeight / 2
            let end = g.x(bar.value)
            let box = Box(x: min(zero, end), y: centre - barHeight / 2, width: abs(end - zero), height: barHeight)
            b.addRect(.bar(index), box, bar.isSubject ? Style.darkBlue : Style.comparatorBar)
            let weight: FontWeight = bar.isSubject ? .bold : .regular
            if g.namesAbove {
                var baseline = centre - barHeight / 2 - 3 - Double(names[index].count - 1) * lineStep - size * TextMetrics.descent
                for line in names[index] {
                    labels.append((.categoryLabel, b.text(line, x: plot.x, y: baseline, size: size, weight: weight)))
                    baseline += lineStep
                }
            } else {
                var baseline = centre - Double(names[index].count - 1) * lineStep / 2 + size * TextMetrics.centreToBaseline
                for line in names[index] {
                    labels.append((.categoryLabel, b.text(line, x: plot.x - 10, y: baseline, size: size, weight: weight, anchor: .end)))
                    baseline += lineStep
                }
            }
            var valueX = bar.value >= 0 ? max(end, zero) + 6 : min(end, zero) - 6
            // A label that the target line would cross moves to the far side of the line.
            if let target, g.x.contains(target.value), bar.value >= 0 {
                let tx = g.x(target.value)
                let label = b.text(values[index], x: valueX, y: 0, size: size, weight: weight)
                if tx > valueX - 3, tx < valueX + label.width + 3 { valueX = tx + 6 }
            }
            labels.append(
                (
                    .barLabel,
                    b.text(
                        values[index], x: valueX, y: centre + size * TextMetrics.centreToBaseline, size: size,
                        weight: weight, anchor: bar.value >= 0 ? .start : .end)
                ))
        }
        return labels
    }

    /// The target (and any other reference) as a vertical line across the bars, the target named above the plot;
    /// returns that name.
    static func drawReferences(_ spec: ChartSpec, _ g: Geometry, into b: inout SceneBuilder) -> [(Scene.Role, Text)] {
        let plot = g.plot, region = g.region
        let target = spec.references.first { $0.role == .target }
        let others = spec.references.filter { $0.role != .target }
        var labels: [(Scene.Role, Text)] = []
        for reference in others + (target.map { [$0] } ?? []) where g.x.contains(reference.value) {
            let style = Style.reference(reference.role)
            let rx = g.x(reference.value)
            b.addLine(
                .reference(reference.role), [Point(rx, plot.y - 2), Point(rx, plot.maxY)], width: style.width,
                colour: style.colour, dash: style.dash)
            if reference.role == .target {
                let label = reference.name + " " + AxisFormat.value(reference.value, unit: spec.axis.unit, decimals: reference.decimals ?? spec.axis.decimals)
                var t = b.text(label, x: rx, y: plot.y - 6, size: g.size, anchor: .middle)
                if t.bounds.x < region.x {
                    t.anchor = .start
                    t.x = region.x
                }
                if t.bounds.maxX > region.maxX {
                    t.anchor = .end
                    t.x = region.maxX
                }
                labels.append((.referenceLabel(.target), t))
            }
        }
        return labels
    }
}
