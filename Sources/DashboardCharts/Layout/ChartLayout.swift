import Foundation

/// Lays a chart out as a `Scene`: title and subtitle at the top left, source at the bottom, the plot between.
///
/// Everything is measured: long titles wrap, axis labels are thinned until they do not collide, labels at
/// the right of the plot are pushed apart, and no text is placed outside the canvas. The type is the largest
/// that fits (see `Typography`): a layout is accepted when no two texts overlap, every text is inside the
/// image and the plot keeps at least a third of the image's area. Below the smallest readable size the
/// chart is refused with `ChartLayoutError.tooSmall`.
public enum ChartLayout {
    /// The share of the image's area the plot keeps at least.
    public static let minimumPlotShare = 1.0 / 3

    /// The chart at the largest type that fits, or the reason it cannot be drawn legibly at this size.
    public static func layout(_ spec: ChartSpec, size: ChartSize, metrics: some TextMeasuring) throws(ChartLayoutError) -> Scene {
        if let scene = fitted(spec, width: size.width, height: size.height, medium: size.medium, metrics: metrics) {
            return scene
        }
        throw ChartLayoutError.tooSmall(size: size, smallest: smallestSize(spec, like: size, metrics: metrics))
    }

    /// The chart laid out as well as it can be: as `layout`, or at the smallest readable type when even that
    /// does not fit (for tests and callers that check the scene themselves).
    public static func scene(_ spec: ChartSpec, size: ChartSize, metrics: some TextMeasuring) -> Scene {
        if let scene = fitted(spec, width: size.width, height: size.height, medium: size.medium, metrics: metrics) {
            return scene
        }
        let steps = Typography.steps(minimum: size.medium.minimumTextSize)
        return attempt(spec.finite, width: size.width, height: size.height, type: steps.last!, metrics: metrics)
    }

    /// What keeps a scene from being readable: overlapping or clipped texts, or a plot too small. Empty when
    /// the scene is fine.
    public static func problems(_ scene: Scene) -> [String] {
        var problems: [String] = []
        let canvas = Box(x: 0, y: 0, width: scene.width, height: scene.height)
        let texts = scene.texts.filter { !$0.string.isEmpty }
        for t in texts where !t.bounds.isInside(canvas) {
            problems.append("\"\(t.string)\" leaves the image")
        }
        let boxes = texts.map { $0.bounds.inset(0.01) }
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) {
                problems.append("\"\(texts[i].string)\" overlaps \"\(texts[j].string)\"")
            }
        }
        // A little over a third, so the figure stays above a third after the JSON rounds it to 0.01 px.
        // A chart without text (a sparkline) has nothing to make room for.
        guard !texts.isEmpty else { return problems }
        if let plot = scene.plot, plot.width * plot.height < (minimumPlotShare + 0.002) * scene.width * scene.height {
            problems.append("the plot has less than a third of the image")
        }
        if let plot = scene.plot, plot.height < 24 || plot.width < 40 {
            problems.append("the plot is too small")
        }
        return problems
    }

    static func fitted(
        _ spec: ChartSpec, width: Double, height: Double, medium: ChartSize.Medium,
        metrics: some TextMeasuring
    ) -> Scene? {
        let spec = spec.finite
        guard width.isFinite, height.isFinite, width > 0, height > 0 else { return nil }
        for type in Typography.steps(minimum: medium.minimumTextSize) {
            let scene = attempt(spec, width: width, height: height, type: type, metrics: metrics)
            if problems(scene).isEmpty { return scene }
        }
        return nil
    }

    /// One layout at one set of type sizes, with labels that may be left off (data labels, gap reasons)
    /// dropped where they would collide.
    static func attempt(_ spec: ChartSpec, width: Double, height: Double, type: Typography, metrics: some TextMeasuring) -> Scene {
        var builder = SceneBuilder(width: width, height: height, metrics: metrics, type: type)
        switch spec.kind {
        case .sparkline:
            SparklineLayout.draw(spec, into: &builder)
        case .comparison:
            BarLayout.draw(spec, into: &builder)
        case .quadrant:
            QuadrantLayout.draw(spec, into: &builder)
        case .line, .column, .stacked, .spc:
            CartesianLayout.draw(spec, into: &builder)
        }
        var scene = builder.scene
        settle(&scene)
        return scene
    }

    /// Texts that can be left off without losing anything the chart must say (each is also in the data
    /// table): dropped when they would leave the image or touch a text already kept.
    static func isOptional(_ role: Scene.Role) -> Bool {
        switch role {
        case .valueLabel, .totalLabel, .gapLabel, .quadrantLabel: return true
        default: return false
        }
    }

    static func settle(_ scene: inout Scene) {
        let canvas = Box(x: 0, y: 0, width: scene.width, height: scene.height)
        var kept: [Box] = scene.items.compactMap { item in
            guard !isOptional(item.role), case .text(let t) = item.primitive else { return nil }
            return t.bounds
        }
        scene.items = scene.items.filter { item in
            guard isOptional(item.role), case .text(let t) = item.primitive else { return true }
            let box = t.bounds
            guard box.isInside(canvas), !kept.contains(where: { $0.inset(0.01).intersects(box) }) else { return false }
            kept.append(box)
            return true
        }
    }

    /// The smallest size, in the proportions of `size`, at which the chart can be drawn legibly.
    static func smallestSize(_ spec: ChartSpec, like size: ChartSize, metrics: some TextMeasuring) -> ChartSize {
        func fits(_ factor: Double) -> Bool {
            fitted(spec, width: size.width * factor, height: size.height * factor, medium: size.medium, metrics: metrics) != nil
        }
        var high = 1.0, low = 1.0
        while !fits(high), high < 64 {
            low = high
            high *= 2
        }
        for _ in 0..<8 {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle }
        }
        var smallest = size
        smallest.width = size.width * high
        smallest.height = size.height * high
        return smallest
    }
}

/// Why a chart was not drawn.
public enum ChartLayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// At `size` the chart's text would fall below the readable minimum or overlap; `smallest` is the
    /// smallest size (in the same proportions) that can be drawn.
    case tooSmall(size: ChartSize, smallest: ChartSize)

    public var description: String {
        switch self {
        case .tooSmall(let size, let smallest):
            return "a chart of \(ChartLayoutError.describe(size)) is too small to read; the smallest this chart can be drawn "
                + "is \(ChartLayoutError.describe(smallest, rounding: .up))"
        }
    }

    /// "7.0 × 3.9 cm at 300 dpi" for print, "320 × 180 pixels" for screen.
    static func describe(_ size: ChartSize, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        switch size.medium {
        case .print:
            let cm = { (css: Double) in (ChartSize.centimetres(css) * 10).rounded(rounding) / 10 }
            return "\(format(cm(size.width))) × \(format(cm(size.height))) cm at \(size.dpi) dpi"
        case .screen, .phone:
            return "\(Int(size.width.rounded(rounding))) × \(Int(size.height.rounded(rounding))) pixels"
        }
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
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
    static let yearToDate = FillStyle(
        colour: Style.darkBlue.tint(0.82), pattern: .diagonal, patternColour: Style.darkBlue,
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
        let pad = type.padding
        let inner = width - 2 * pad
        var y = pad - 2
        for line in wrap(spec.title, maxWidth: inner, size: type.title, weight: .bold) {
            y += type.title * TextMetrics.lineHeight
            addText(.title, line, x: pad, y: y - type.title * 0.3, size: type.title, weight: .bold)
        }
        if let subtitle = spec.subtitle, !subtitle.isEmpty {
            y += 1
            for line in wrap(subtitle, maxWidth: inner, size: type.subtitle) {
                y += type.subtitle * TextMetrics.lineHeight
                addText(.subtitle, line, x: pad, y: y - type.subtitle * 0.28, size: type.subtitle, colour: Style.secondaryText)
            }
        }
        if !legend.isEmpty {
            y += type.gap
            y = drawLegend(legend, top: y, left: pad, maxWidth: inner)
        }

        var bottom = height - pad + 4
        var footer: [(String, Scene.Role)] = []
        for note in spec.notes { footer += wrap(note, maxWidth: inner, size: type.small).map { ($0, .note) } }
        if let source = spec.source, !source.isEmpty {
            footer += wrap("Source: " + source, maxWidth: inner, size: type.small).map { ($0, .source) }
        }
        for (line, role) in footer.reversed() {
            addText(
                role, line, x: pad, y: bottom - type.small * TextMetrics.descent, size: type.small,
                colour: Style.secondaryText)
            bottom -= type.small * TextMetrics.lineHeight
        }
        if !footer.isEmpty { bottom -= type.gap * 0.75 }
        return Box(x: pad, y: y + type.gap, width: inner, height: max(20, bottom - (y + type.gap)))
    }

    /// Legend entries in a row, wrapping onto more rows when they do not fit. Returns the y below the legend.
    mutating func drawLegend(_ entries: [LegendEntry], top: Double, left: Double, maxWidth: Double) -> Double {
        let size = type.label
        let rowHeight = size * (type.keyAbove ? 1.3 : 1.35)
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
            x += entryWidth + (type.keyAbove ? 12 : 18)
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
        let lines = wrap(text, maxWidth: box.width - 8, size: type.label)
        var y = box.y + box.height / 2 - Double(lines.count - 1) * type.label * 0.625
        for line in lines {
            addText(
                .message, line, x: box.x + box.width / 2, y: y + type.label * TextMetrics.centreToBaseline,
                size: type.label, colour: Style.secondaryText, anchor: .middle)
            y += type.label * TextMetrics.lineHeight
        }
    }
}
