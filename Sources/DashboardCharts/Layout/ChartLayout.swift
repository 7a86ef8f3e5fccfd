import Foundation

/// Lays a chart out as a `Scene`: title and subtitle at the top left, source at the bottom, the plot between.
///
/// Everything is measured: long titles wrap, axis labels are thinned until they do not collide, labels at
/// the right of the plot are pushed apart, and no text is placed outside the canvas.
public enum ChartLayout {
    public static func scene(_ spec: ChartSpec, size: ChartSize, metrics: some TextMeasuring) -> Scene {
        let spec = spec.finite
        var builder = SceneBuilder(width: size.width, height: size.height, metrics: metrics)
        switch spec.kind {
        case .sparkline:
            SparklineLayout.draw(spec, into: &builder)
        case .comparison:
            BarLayout.draw(spec, into: &builder)
        case .line, .column, .stacked, .spc:
            CartesianLayout.draw(spec, into: &builder)
        }
        return builder.scene
    }
}

extension ChartSpec {
    /// The spec with any NaN or infinite figure treated as missing, so nothing non-finite reaches a position.
    var finite: ChartSpec {
        var spec = self
        spec.series = series.map { series in
            var series = series
            series.values = series.values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
            return series
        }
        spec.totals = totals.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        spec.references = references.filter(\.value.isFinite)
        spec.bars = bars.filter(\.value.isFinite)
        if let minimum = axis.minimum, !minimum.isFinite { spec.axis.minimum = nil }
        if let maximum = axis.maximum, !maximum.isFinite { spec.axis.maximum = nil }
        if let minimum = spec.axis.minimum, let maximum = spec.axis.maximum, minimum >= maximum {
            spec.axis.minimum = nil
            spec.axis.maximum = nil
        }
        return spec
    }
}

/// How a column or a legend swatch is filled.
struct FillStyle: Hashable {
    var colour: Colour
    var pattern: Style.Pattern = .solid
    var patternColour: Colour = .white
    var outline: Colour?

    static let main = FillStyle(colour: Style.darkBlue)
    /// Year-to-date columns: a pale tint, hatched and outlined in the series colour, so they read as "of a
    /// different kind" in colour and in greyscale.
    static let yearToDate = FillStyle(colour: Style.darkBlue.tint(0.82), pattern: .diagonal, patternColour: Style.darkBlue,
                                      outline: Style.darkBlue)

    static func part(_ index: Int) -> FillStyle {
        let (colour, pattern) = Style.part(index)
        return FillStyle(colour: colour, pattern: pattern, patternColour: .white)
    }
}

/// A legend entry: a small sample of what it names.
struct LegendEntry {
    enum Swatch {
        case fill(FillStyle)
        case marker(Marker.Shape, Colour, Double)
        case line(Colour, Double, [Double])
    }
    var swatch: Swatch
    var label: String
}

extension SceneBuilder {
    /// Draws the title, subtitle, legend, notes and source; returns the box left for the plot.
    mutating func frame(_ spec: ChartSpec, legend: [LegendEntry]) -> Box {
        let pad = Style.padding
        let inner = width - 2 * pad
        var y = pad - 2
        for line in wrap(spec.title, maxWidth: inner, size: Style.titleSize, weight: .bold) {
            y += Style.titleSize * TextMetrics.lineHeight
            addText(.title, line, x: pad, y: y - Style.titleSize * 0.3, size: Style.titleSize, weight: .bold)
        }
        if let subtitle = spec.subtitle, !subtitle.isEmpty {
            y += 1
            for line in wrap(subtitle, maxWidth: inner, size: Style.subtitleSize) {
                y += Style.subtitleSize * TextMetrics.lineHeight
                addText(.subtitle, line, x: pad, y: y - Style.subtitleSize * 0.28, size: Style.subtitleSize, colour: Style.secondaryText)
            }
        }
        if !legend.isEmpty {
            y += 8
            y = drawLegend(legend, top: y, left: pad, maxWidth: inner)
        }

        var bottom = height - pad + 4
        var footer: [(String, Scene.Role)] = []
        for note in spec.notes { footer += wrap(note, maxWidth: inner, size: Style.smallSize).map { ($0, .note) } }
        if let source = spec.source, !source.isEmpty {
            footer += wrap("Source: " + source, maxWidth: inner, size: Style.smallSize).map { ($0, .source) }
        }
        for (line, role) in footer.reversed() {
            addText(role, line, x: pad, y: bottom - Style.smallSize * TextMetrics.descent, size: Style.smallSize,
                    colour: Style.secondaryText)
            bottom -= Style.smallSize * TextMetrics.lineHeight
        }
        if !footer.isEmpty { bottom -= 6 }
        return Box(x: pad, y: y + 8, width: inner, height: max(20, bottom - (y + 8)))
    }

    /// Legend entries in a row, wrapping onto more rows when they do not fit. Returns the y below the legend.
    mutating func drawLegend(_ entries: [LegendEntry], top: Double, left: Double, maxWidth: Double) -> Double {
        let size = Style.labelSize
        let rowHeight = size * 1.35
        let swatchWidth = 14.0
        var x = left, rowTop = top
        for entry in entries {
            let labelWidth = measure(entry.label, size: size)
            let entryWidth = swatchWidth + 5 + labelWidth
            if x > left, x + entryWidth > left + maxWidth {
                x = left
                rowTop += rowHeight
            }
            let centreY = rowTop + rowHeight / 2
            drawSwatch(entry.swatch, in: Box(x: x, y: centreY - 6, width: swatchWidth, height: 12), role: .legend)
            addText(.legend, entry.label, x: x + swatchWidth + 5, y: centreY + size * TextMetrics.centreToBaseline, size: size)
            x += entryWidth + 18
        }
        return rowTop + rowHeight
    }

    mutating func drawSwatch(_ swatch: LegendEntry.Swatch, in box: Box, role: Scene.Role) {
        switch swatch {
        case .fill(let style):
            fill(box, style, role: role)
        case .marker(let shape, let colour, let size):
            add(role, .marker(Marker(Point(box.x + box.width / 2, box.y + box.height / 2), shape: shape, size: size, fill: colour)))
        case .line(let colour, let width, let dash):
            addLine(role, [Point(box.x, box.y + box.height / 2), Point(box.maxX, box.y + box.height / 2)], width: width, colour: colour, dash: dash)
        }
    }

    /// A box filled with a colour and its pattern (hatching or dots) and outline.
    mutating func fill(_ box: Box, _ style: FillStyle, role: Scene.Role) {
        guard box.width > 0, box.height > 0 else { return }
        addRect(role, box, style.colour)
        switch style.pattern {
        case .solid:
            break
        case .diagonal, .crossed:
            let thickness = style.outline == nil ? 1.4 : 1.1
            for strip in Hatch.strips(in: box, spacing: 5.5, thickness: thickness, rising: true) {
                add(role, .polygon(Polygon(strip, fill: style.patternColour)))
            }
            if style.pattern == .crossed {
                for strip in Hatch.strips(in: box, spacing: 5.5, thickness: thickness, rising: false) {
                    add(role, .polygon(Polygon(strip, fill: style.patternColour)))
                }
            }
        case .dotted:
            let step = 4.0, dot = 1.5
            var yy = (box.y / step).rounded(.up) * step
            while yy + dot <= box.maxY {
                let odd = abs((yy / step).rounded().truncatingRemainder(dividingBy: 2)) == 1
                var xx = (box.x / step).rounded(.up) * step + (odd ? step / 2 : 0)
                while xx + dot <= box.maxX {
                    addRect(role, Box(x: xx, y: yy, width: dot, height: dot), style.patternColour)
                    xx += step
                }
                yy += step
            }
        }
        if let outline = style.outline {
            let w = min(1.5, box.width / 2, box.height / 2)
            addRect(role, Box(x: box.x, y: box.y, width: box.width, height: w), outline)
            addRect(role, Box(x: box.x, y: box.maxY - w, width: box.width, height: w), outline)
            addRect(role, Box(x: box.x, y: box.y + w, width: w, height: box.height - 2 * w), outline)
            addRect(role, Box(x: box.maxX - w, y: box.y + w, width: w, height: box.height - 2 * w), outline)
        }
    }

    /// A sentence in the middle of the plot area, for a chart with nothing to draw.
    mutating func message(_ text: String, in box: Box) {
        let lines = wrap(text, maxWidth: box.width - 8, size: Style.labelSize)
        var y = box.y + box.height / 2 - Double(lines.count - 1) * Style.labelSize * 0.625
        for line in lines {
            addText(.message, line, x: box.x + box.width / 2, y: y + Style.labelSize * TextMetrics.centreToBaseline,
                    size: Style.labelSize, colour: Style.secondaryText, anchor: .middle)
            y += Style.labelSize * TextMetrics.lineHeight
        }
    }
}
