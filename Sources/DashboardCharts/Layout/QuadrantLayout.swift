import Foundation

/// A performance-against-spend chart: spend per head across, performance up (by polarity, so better is always
/// up), one point per group member, the council a larger diamond named beside it, the group's medians as
/// dashed lines splitting the plot into quadrants, each quadrant named in its corner where there is room.
enum QuadrantLayout {
    struct Geometry {
        let plot: Box
        let x: LinearScale
        let y: LinearScale
        let size: Double
    }

    static let memberSize = 7.0
    static let councilSize = 12.0

    static func draw(_ spec: ChartSpec, into b: inout SceneBuilder) {
        guard let q = spec.quadrant, !q.points.isEmpty else {
            b.message("No member of the group has both figures.", in: b.frame(spec, legend: []))
            return
        }
        let council = q.points.first(where: \.isSubject)?.name
        var legend: [LegendEntry] = []
        if let council { legend.append(LegendEntry(swatch: .marker(.diamond, Style.darkBlue, 10), label: council)) }
        legend.append(LegendEntry(swatch: .marker(.circle, Style.comparatorBar, memberSize), label: "Other members"))
        legend.append(LegendEntry(swatch: .line(Style.axis, 1.5, [5, 3]), label: "Group median"))
        let region = b.frame(spec, legend: legend)
        let size = b.type.label
        let lineStep = size * TextMetrics.lineHeight

        // The y axis's title above the plot, the x axis's below its tick labels.
        let yTitle = b.wrap(q.yTitle, maxWidth: region.width, size: size, weight: .bold)
        let xTitle = b.wrap(q.xTitle, maxWidth: region.width, size: size, weight: .bold)
        let top = region.y + Double(yTitle.count) * lineStep + size * 0.6 + 4
        let bottom = region.maxY - Double(xTitle.count) * lineStep - lineStep - 11
        let yAxis = ValueAxisScale.make(
            values: padded(q.points.map(\.y) + [q.yMedian]), unit: q.yUnit, includeZero: false, minimum: nil, maximum: nil,
            tickCount: max(2, ((bottom - top) / (size * 3)).rounded(.down)))
        let yLabels = yAxis.ticks.map { b.type.shortNumbers ? yAxis.shortLabel($0) : yAxis.label($0) }
        let yLabelWidth = yLabels.map { b.measure($0, size: size) }.max() ?? 0
        let plot = Box(
            x: region.x + yLabelWidth + 8, y: top, width: max(40, region.maxX - 6 - (region.x + yLabelWidth + 8)),
            height: max(24, bottom - top))
        b.plot = plot
        let xAxis = ValueAxisScale.make(
            values: padded(q.points.map(\.x) + [q.xMedian]), unit: q.xUnit, includeZero: false, minimum: nil, maximum: nil,
            tickCount: max(2, (plot.width / (size * 7)).rounded(.down)))
        let x = LinearScale(domain: (xAxis.lower, xAxis.upper), range: (plot.x, plot.maxX))
        let y = LinearScale(domain: (yAxis.lower, yAxis.upper), range: q.lowerIsBetter ? (plot.y, plot.maxY) : (plot.maxY, plot.y))
        let g = Geometry(plot: plot, x: x, y: y, size: size)

        var baseline = region.y + size * TextMetrics.ascent
        for line in yTitle {
            b.addText(.axisTitle, line, x: region.x, y: baseline, size: size, weight: .bold)
            baseline += lineStep
        }
        drawAxes(xAxis: xAxis, yAxis: yAxis, yLabels: yLabels, g, into: &b)
        baseline = plot.maxY + 7 + lineStep + 4 + size * TextMetrics.ascent
        for line in xTitle {
            b.addText(.axisTitle, line, x: region.x, y: baseline, size: size, weight: .bold)
            baseline += lineStep
        }
        drawMedians(q, g, into: &b)
        if q.judged { drawQuadrantNames(q, g, into: &b) }
        drawPoints(q, g, into: &b)
    }

    /// The figures with a twentieth of their range beyond each end, so no point sits on the plot's edge (never
    /// below zero for figures that are not negative).
    static func padded(_ values: [Double]) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return values }
        let pad = high > low ? (high - low) / 20 : max(1, abs(high) / 20)
        return values + [low >= 0 ? max(0, low - pad) : low - pad, high + pad]
    }

    static func drawAxes(xAxis: ValueAxisScale, yAxis: ValueAxisScale, yLabels: [String], _ g: Geometry, into b: inout SceneBuilder) {
        let plot = g.plot, size = g.size
        for (tick, label) in zip(yAxis.ticks, yLabels) {
            let ty = g.y(tick)
            b.addRect(.gridline, Box(x: plot.x, y: ty - 0.5, width: plot.width, height: 1), Style.gridline)
            b.addText(.valueTickLabel, label, x: plot.x - 6, y: ty + size * TextMetrics.centreToBaseline, size: size, anchor: .end)
        }
        let yBoxes = b.items.filter { $0.role == .valueTickLabel }.compactMap { item -> Box? in
            if case .text(let t) = item.primitive { return t.bounds.inset(-2) } else { return nil }
        }
        var texts: [Text] = []
        for tick in xAxis.ticks {
            let tx = g.x(tick)
            b.addRect(.gridline, Box(x: tx - 0.5, y: plot.y, width: 1, height: plot.height), Style.gridline)
            let label = b.type.shortNumbers ? xAxis.shortLabel(tick) : xAxis.label(tick)
            texts.append(b.text(label, x: tx, y: plot.maxY + 7 + size * TextMetrics.ascent, size: size, anchor: .middle))
        }
        var stride = 1
        func clashes(_ stride: Int) -> Bool {
            let kept = texts.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            return zip(kept, kept.dropFirst()).contains { $0.bounds.maxX + 6 > $1.bounds.x }
        }
        while stride < texts.count, clashes(stride) { stride += 1 }
        for (index, t) in texts.enumerated() where index % stride == 0 {
            var t = t
            if t.bounds.maxX > b.width {
                t.anchor = .end
                t.x = b.width
            }
            // The first label where the axes meet may touch the y axis's lowest: that one is left off.
            if yBoxes.contains(where: { $0.intersects(t.bounds) }) { continue }
            b.add(.valueTickLabel, .text(t))
        }
        b.addRect(.axis, Box(x: plot.x - 0.5, y: plot.y, width: 1, height: plot.height), Style.axis)
        b.addRect(.axis, Box(x: plot.x, y: plot.maxY - 0.5, width: plot.width, height: 1), Style.axis)
    }

    static func drawMedians(_ q: ChartSpec.Quadrant, _ g: Geometry, into b: inout SceneBuilder) {
        let plot = g.plot
        let mx = g.x(q.xMedian), my = g.y(q.yMedian)
        b.addLine(.median, [Point(mx, plot.y), Point(mx, plot.maxY)], width: 1.5, colour: Style.axis, dash: [5, 3])
        b.addLine(.median, [Point(plot.x, my), Point(plot.maxX, my)], width: 1.5, colour: Style.axis, dash: [5, 3])
    }

    /// "High spend, better" and the rest in the plot's corners, left off where they would touch other text.
    static func drawQuadrantNames(_ q: ChartSpec.Quadrant, _ g: Geometry, into b: inout SceneBuilder) {
        let plot = g.plot, size = b.type.small, inset = 4.0
        let corners: [(String, Double, Double, Text.Anchor)] = [
            ("Low spend, better", plot.x + inset, plot.y + inset + size * TextMetrics.ascent, .start),
            ("High spend, better", plot.maxX - inset, plot.y + inset + size * TextMetrics.ascent, .end),
            ("Low spend, worse", plot.x + inset, plot.maxY - inset - size * TextMetrics.descent, .start),
            ("High spend, worse", plot.maxX - inset, plot.maxY - inset - size * TextMetrics.descent, .end),
        ]
        for (name, x, y, anchor) in corners {
            b.addText(.quadrantLabel, name, x: x, y: y, size: size, colour: Style.secondaryText, anchor: anchor)
        }
    }

    /// The members as grey circles, the council last (on top) as a larger dark diamond with its name beside it.
    static func drawPoints(_ q: ChartSpec.Quadrant, _ g: Geometry, into b: inout SceneBuilder) {
        let order = q.points.indices.filter { !q.points[$0].isSubject } + q.points.indices.filter { q.points[$0].isSubject }
        for index in order {
            let point = q.points[index]
            let centre = Point(g.x(point.x), g.y(point.y))
            if point.isSubject {
                b.add(.point(index), .marker(Marker(centre, shape: .diamond, size: councilSize, fill: Style.darkBlue, outline: .white, outlineWidth: 1.5)))
                var t = b.text(point.name, x: centre.x + councilSize / 2 + 4, y: centre.y + g.size * TextMetrics.centreToBaseline, size: g.size, weight: .bold)
                if t.bounds.maxX > g.plot.maxX {
                    t.anchor = .end
                    t.x = centre.x - councilSize / 2 - 4
                }
                b.add(.pointLabel, .text(t))
            } else {
                b.add(.point(index), .marker(Marker(centre, shape: .circle, size: memberSize, fill: Style.comparatorBar, outline: .white, outlineWidth: 1)))
            }
        }
    }
}
