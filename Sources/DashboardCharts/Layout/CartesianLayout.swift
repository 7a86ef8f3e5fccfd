import DashboardCore
import Foundation

/// Line, column, stacked and SPC charts: categories along x, values up y.
enum CartesianLayout {
    /// A label in the column at the right of the plot, beside the line or segment it names.
    struct SideLabel {
        var lines: [String]
        var wantedY: Double
        var role: Scene.Role
        var swatch: LegendEntry.Swatch?
    }

    static func draw(_ spec: ChartSpec, into b: inout SceneBuilder) {
        let isColumns = spec.kind == .column || spec.kind == .stacked
        let categories = spec.categories

        let (legend, partsInLegend) = legend(spec, b: b)
        let region = b.frame(spec, legend: legend)
        let hasData = spec.series.contains { $0.values.contains { $0 != nil } }
        guard !categories.isEmpty, hasData else {
            b.message("No figures to chart yet.", in: region)
            return
        }

        // Vertical budget: x labels below, half a label above for the top tick's label.
        let labelSize = b.type.label
        let rowHeight = labelSize * TextMetrics.lineHeight
        // In the tightest layout the year joins the first period of each year on one row ("Q1 19/20").
        let foldYears = b.type.gap < 8 && categories.contains { $0.secondary != nil }
        let labelled = foldYears ? folded(categories) : categories
        let hasSecondary = labelled.contains { $0.secondary != nil }
        let plotTop = region.y + labelSize * 0.5
        let plotBottom = region.maxY - (axisLabelOffset(labelSize) + rowHeight + (hasSecondary ? rowHeight + 1 : 0))
        let plotHeight = max(10, plotBottom - plotTop)

        let (axis, references) = valueAxis(spec, isColumns: isColumns, plotHeight: plotHeight, labelSize: labelSize, b: b)
        let shownReferences = references.filter { axis.lower - 1e-9 <= $0.value && $0.value <= axis.upper + 1e-9 }

        // Horizontal budget: tick labels at the left, side labels at the right.
        let short = b.type.shortNumbers
        let tickLabels = axis.ticks.map { b.text(short ? axis.shortLabel($0) : axis.label($0), x: 0, y: 0, size: labelSize, anchor: .end) }
        let plotLeft = region.x + (tickLabels.map(\.width).max() ?? 0) + 8
        var sideLabels = makeSideLabels(spec, references: shownReferences, partsInLegend: partsInLegend, b: b)
        let swatchRoom = sideLabels.contains { $0.swatch != nil } ? 16.0 : 0
        let sideWidth = sideLabels.flatMap { $0.lines.map { b.measure($0, size: b.type.side) } }.max().map { $0 + swatchRoom } ?? 0
        let plotRight = region.maxX - (sideWidth > 0 ? sideWidth + 8 : 0)
        let plot = Box(x: plotLeft, y: plotTop, width: max(10, plotRight - plotLeft), height: plotHeight)
        b.plot = plot
        let y = LinearScale(domain: (axis.lower, axis.upper), range: (plot.maxY, plot.y))
        let (xs, slot) = categoryPositions(categories, isColumns: isColumns, plot: plot)

        // 1. Gap bands, behind everything.
        let gapLabelLines = drawGapBands(spec, xs: xs, slot: slot, plot: plot, into: &b)

        // 2. Gridlines, the tick labels and the baseline.
        drawGrid(axis, tickLabels: tickLabels, y: y, plot: plot, labelSize: labelSize, into: &b)

        // 3. Category labels.
        let yearCarriers = foldYears ? Set(categories.indices.filter { $0 == 0 || categories[$0].secondary != categories[$0 - 1].secondary }) : []
        categoryLabels(labelled, xs: xs, slot: slot, plot: plot, ticks: !isColumns, yearCarriers: yearCarriers, into: &b)

        // 4. Reference lines, then halos for gap labels so the labels stay legible over them.
        drawReferenceLines(shownReferences, y: y, plot: plot, into: &b)
        let gapTexts = drawGapLabelHalos(gapLabelLines, plot: plot, into: &b)

        // 5. Data.
        var occupied: [Box] = gapTexts.map(\.bounds) + tickLabels.map(\.bounds)
        drawData(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, occupied: &occupied, sideLabels: &sideLabels)
        for t in gapTexts { b.add(.gapLabel, .text(t)) }

        // 6. Side labels, pushed apart so none overlaps another.
        placeSideLabels(sideLabels, swatchRoom: swatchRoom, y: y, plot: plot, region: region, into: &b)
    }

    /// Each category's x position and the width of one slot; year-to-date columns stand apart from the periods
    /// with half a slot either side.
    static func categoryPositions(_ categories: [ChartSpec.Category], isColumns: Bool, plot: Box) -> (xs: [Double], slot: Double) {
        var centres: [Double] = []
        var units = 0.0
        for (index, category) in categories.enumerated() {
            if isColumns, index > 0, category.isYearToDate || categories[index - 1].isYearToDate { units += 0.5 }
            centres.append(units + 0.5)
            units += 1
        }
        let slot = plot.width / units
        return (centres.map { plot.x + $0 * slot }, slot)
    }

    /// A band across each run of categories with no figure; returns each band with its reason wrapped to fit it.
    static func drawGapBands(_ spec: ChartSpec, xs: [Double], slot: Double, plot: Box, into b: inout SceneBuilder) -> [(Box, [String])] {
        let n = spec.categories.count
        var gapLabelBoxes: [(Box, [String])] = []
        for gap in spec.gaps where gap.from >= 0 && gap.to < n && gap.from <= gap.to {
            let band = Box(x: xs[gap.from] - slot / 2, y: plot.y, width: xs[gap.to] - xs[gap.from] + slot, height: plot.height)
            b.addRect(.gapBand, band, Style.gapBand)
            let lines = b.wrap(gap.reason, maxWidth: max(band.width - 6, 40), size: b.type.small)
            gapLabelBoxes.append((band, lines))
        }
        return gapLabelBoxes
    }

    /// A halo in the band's colour behind each line of the gaps' reasons, at the top of their bands; returns the
    /// lines, to be drawn over the data.
    static func drawGapLabelHalos(_ gapLabelBoxes: [(Box, [String])], plot: Box, into b: inout SceneBuilder) -> [Text] {
        var gapTexts: [Text] = []
        for (band, lines) in gapLabelBoxes {
            var baseline = plot.y + 4 + b.type.small * TextMetrics.ascent
            for line in lines {
                let t = b.text(line, x: band.x + band.width / 2, y: baseline, size: b.type.small, colour: Style.gapText, anchor: .middle)
                b.addRect(.gapBand, t.bounds.inset(-1.5), Style.gapBand)
                gapTexts.append(t)
                baseline += b.type.small * TextMetrics.lineHeight
            }
        }
        return gapTexts
    }

    /// Horizontal lines across the plot at each reference's value.
    static func drawReferenceLines(_ references: [ChartSpec.Reference], y: LinearScale, plot: Box, into b: inout SceneBuilder) {
        for reference in references {
            let style = Style.reference(reference.role)
            let ry = y(reference.value)
            b.addLine(
                .reference(reference.role), [Point(plot.x, ry), Point(plot.maxX, ry)], width: style.width,
                colour: style.colour, dash: style.dash)
        }
    }

    /// The figures, as the chart's kind draws them, each mark's box added to `occupied`.
    static func drawData(
        _ spec: ChartSpec, xs: [Double], slot: Double, y: LinearScale, plot: Box, into b: inout SceneBuilder,
        occupied: inout [Box], sideLabels: inout [SideLabel]
    ) {
        // Stepped series (a target changing by period) under the lines, so the latest label keeps clear of
        // them; over columns, so a target inside a column still shows.
        if spec.kind != .column { drawSteps(spec, xs: xs, slot: slot, y: y, into: &b, occupied: &occupied) }
        switch spec.kind {
        case .column:
            drawColumns(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, occupied: &occupied)
            drawSteps(spec, xs: xs, slot: slot, y: y, into: &b, occupied: &occupied)
        case .stacked:
            drawStacks(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, sideLabels: &sideLabels)
        case .line, .spc, .comparison, .sparkline, .quadrant:
            drawLines(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, occupied: &occupied)
        }
    }

    static func referenceDecimals(_ reference: ChartSpec.Reference, _ spec: ChartSpec) -> Int {
        if let decimals = reference.decimals { return decimals }
        switch reference.role {
        case .mean, .upperLimit, .lowerLimit: return max(spec.axis.decimals, spec.axis.unit == .count ? 0 : 1)
        default: return spec.axis.decimals
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
