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
        let n = categories.count

        let (legend, partsInLegend) = legend(spec, b: b)
        let region = b.frame(spec, legend: legend)
        let hasData = spec.series.contains { $0.values.contains { $0 != nil } }
        guard n > 0, hasData else {
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
        var sideLabels: [SideLabel] = []
        let maxSideWidth = b.width * 0.3
        func sideLines(_ name: String, _ value: String?) -> [String] {
            let single = value.map { name + " " + $0 } ?? name
            if b.measure(single, size: b.type.side) <= maxSideWidth { return [single] }
            return b.wrap(name, maxWidth: maxSideWidth, size: b.type.side) + (value.map { [$0] } ?? [])
        }
        for reference in shownReferences where !b.type.keyAbove {
            let value = AxisFormat.value(reference.value, unit: spec.axis.unit, decimals: referenceDecimals(reference, spec))
            sideLabels.append(
                SideLabel(
                    lines: sideLines(reference.name, value), wantedY: reference.value,
                    role: .referenceLabel(reference.role), swatch: nil))
        }
        for (index, series) in spec.series.enumerated() {
            if case .benchmark = series.role, !b.type.keyAbove, let last = series.values.lastIndex(where: { $0 != nil }) {
                // A stepped target is named with its latest level, as a target line is.
                let value = series.stepped ? series.label(last, axis: spec.axis) : nil
                sideLabels.append(SideLabel(lines: sideLines(series.name, value), wantedY: series.values[last]!, role: .seriesLabel, swatch: nil))
            }
            if case .part = series.role, !partsInLegend {
                sideLabels.append(
                    SideLabel(
                        lines: sideLines(series.name, nil), wantedY: .nan, role: .seriesLabel,
                        swatch: .fill(.part(index))))
            }
        }
        let swatchRoom = sideLabels.contains { $0.swatch != nil } ? 16.0 : 0
        let sideWidth = sideLabels.flatMap { $0.lines.map { b.measure($0, size: b.type.side) } }.max().map { $0 + swatchRoom } ?? 0
        let plotRight = region.maxX - (sideWidth > 0 ? sideWidth + 8 : 0)
        let plot = Box(x: plotLeft, y: plotTop, width: max(10, plotRight - plotLeft), height: plotHeight)
        b.plot = plot
        let y = LinearScale(domain: (axis.lower, axis.upper), range: (plot.maxY, plot.y))

        // Category positions; year-to-date columns stand apart from the periods with half a slot either side.
        var centres: [Double] = []
        var units = 0.0
        for (index, category) in categories.enumerated() {
            if isColumns, index > 0, category.isYearToDate || categories[index - 1].isYearToDate { units += 0.5 }
            centres.append(units + 0.5)
            units += 1
        }
        let slot = plot.width / units
        let xs = centres.map { plot.x + $0 * slot }

        // 1. Gap bands, behind everything.
        var gapLabelBoxes: [(Box, [String])] = []
        for gap in spec.gaps where gap.from >= 0 && gap.to < n && gap.from <= gap.to {
            let band = Box(x: xs[gap.from] - slot / 2, y: plot.y, width: xs[gap.to] - xs[gap.from] + slot, height: plot.height)
            b.addRect(.gapBand, band, Style.gapBand)
            let lines = b.wrap(gap.reason, maxWidth: max(band.width - 6, 40), size: b.type.small)
            gapLabelBoxes.append((band, lines))
        }

        // 2. Gridlines, the tick labels and the baseline.
        drawGrid(axis, tickLabels: tickLabels, y: y, plot: plot, labelSize: labelSize, into: &b)

        // 3. Category labels.
        let yearCarriers = foldYears ? Set(categories.indices.filter { $0 == 0 || categories[$0].secondary != categories[$0 - 1].secondary }) : []
        categoryLabels(labelled, xs: xs, slot: slot, plot: plot, ticks: !isColumns, yearCarriers: yearCarriers, into: &b)

        // 4. Reference lines, then halos for gap labels so the labels stay legible over them.
        for reference in shownReferences {
            let style = Style.reference(reference.role)
            let ry = y(reference.value)
            b.addLine(
                .reference(reference.role), [Point(plot.x, ry), Point(plot.maxX, ry)], width: style.width,
                colour: style.colour, dash: style.dash)
        }
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

        // 5. Data.
        var occupied: [Box] = gapTexts.map(\.bounds) + tickLabels.map(\.bounds)
        // Stepped series (a target changing by period) under the lines, so the latest label keeps clear of
        // them; over columns, so a target inside a column still shows.
        if spec.kind != .column { drawSteps(spec, xs: xs, slot: slot, y: y, into: &b, occupied: &occupied) }
        switch spec.kind {
        case .column:
            drawColumns(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, occupied: &occupied)
            drawSteps(spec, xs: xs, slot: slot, y: y, into: &b, occupied: &occupied)
        case .stacked:
            drawStacks(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, sideLabels: &sideLabels)
        case .line, .spc, .comparison, .sparkline:
            drawLines(spec, xs: xs, slot: slot, y: y, plot: plot, into: &b, occupied: &occupied)
        }
        for t in gapTexts { b.add(.gapLabel, .text(t)) }

        // 6. Side labels, pushed apart so none overlaps another.
        placeSideLabels(sideLabels, swatchRoom: swatchRoom, y: y, plot: plot, region: region, into: &b)
    }

    /// The key: a stack's parts where their names do not fit at the right, year-to-date columns, SPC point types,
    /// and in a narrow chart the reference lines and comparator series. Returns whether the parts are in it.
    static func legend(_ spec: ChartSpec, b: SceneBuilder) -> (entries: [LegendEntry], partsInLegend: Bool) {
        let categories = spec.categories
        let isColumns = spec.kind == .column || spec.kind == .stacked
        // Parts of a stack are named at the right of the last column when the names fit, else in a legend.
        var legend: [LegendEntry] = []
        var partsInLegend = false
        if spec.kind == .stacked {
            let widest = spec.series.map { b.measure($0.name, size: b.type.side) }.max() ?? 0
            partsInLegend = widest + 22 > b.width * 0.3
            if partsInLegend {
                legend = spec.series.enumerated().map { LegendEntry(swatch: .fill(.part($0.offset)), label: $0.element.name) }
            }
        }
        // Year-to-date columns are told apart by their fill, and by their own "YTD" on the axis: in the tightest
        // layout that label alone names them.
        if spec.kind == .column, b.type.gap >= 8, categories.contains(where: \.isYearToDate), categories.contains(where: { !$0.isYearToDate }) {
            legend = [
                LegendEntry(swatch: .fill(.main), label: spec.periodName ?? "Period"),
                LegendEntry(swatch: .fill(.yearToDate), label: "Year to date"),
            ]
        }
        if spec.kind == .spc {
            for type in [ChartSpec.PointType.improvement, .concern, .neither, .commonCause] where spec.points.contains(type) {
                let style = Style.spcPoint(type)
                let label: String
                // Shorter in the tightest layout, where the key sits in little space.
                let short = b.type.gap < 8
                switch type {
                case .improvement: label = short ? "Improvement" : "Special cause: improvement"
                case .concern: label = short ? "Concern" : "Special cause: concern"
                case .neither: label = "Special cause"
                case .commonCause: label = "Common cause"
                }
                legend.append(LegendEntry(swatch: .marker(style.shape, style.colour, style.size), label: label))
            }
        }

        // In a narrow chart, reference lines and comparator series are named in a key above the plot.
        if b.type.keyAbove {
            let lowest = spec.series.flatMap { $0.values.compactMap { $0 } }.min() ?? 0
            let cannotBeNegative = isColumns || spec.axis.includeZero || spec.axis.unit == .count || spec.axis.unit == .percent
            for reference in spec.references where !(cannotBeNegative && lowest >= 0 && reference.value < 0 && spec.axis.minimum == nil) {
                let style = Style.reference(reference.role)
                let value = AxisFormat.value(reference.value, unit: spec.axis.unit, decimals: referenceDecimals(reference, spec))
                legend.append(LegendEntry(swatch: .line(style.colour, style.width, style.dash), label: reference.name + " " + value))
            }
            for series in spec.series {
                if case .benchmark(let role) = series.role, series.values.contains(where: { $0 != nil }) {
                    let style = Style.reference(role)
                    legend.append(LegendEntry(swatch: .line(style.colour, style.width, style.dash), label: series.name))
                }
            }
            if spec.kind == .stacked, !partsInLegend {
                partsInLegend = true
                legend = spec.series.enumerated().map { LegendEntry(swatch: .fill(.part($0.offset)), label: $0.element.name) } + legend
            }
        }
        return (legend, partsInLegend)
    }

    /// The value axis: every figure drawn, including targets and limits, must fit, with as many ticks as leave
    /// room between their labels. Returns it with the reference lines that may be drawn on it.
    static func valueAxis(
        _ spec: ChartSpec, isColumns: Bool, plotHeight: Double, labelSize: Double, b: SceneBuilder
    ) -> (axis: ValueAxisScale, references: [ChartSpec.Reference]) {
        let n = spec.categories.count
        var domainValues: [Double] = []
        if spec.kind == .stacked {
            for index in 0..<n {
                let sum = spec.series.reduce(0.0) { $0 + max(0, $1.values[safe: index].flatMap { $0 } ?? 0) }
                domainValues.append(sum)
                if let total = spec.totals[safe: index].flatMap({ $0 }) { domainValues.append(total) }
            }
        } else {
            domainValues += spec.series.flatMap { $0.values.compactMap { $0 } }
        }
        let dataMinimum = domainValues.min() ?? 0
        // Counts and percentages cannot be negative: a reference below zero on such an axis (an SPC lower limit
        // of a count) is left off rather than pulling the axis below zero.
        let zeroBased = isColumns || spec.axis.includeZero || spec.axis.unit == .count || spec.axis.unit == .percent
        // A reference below zero on an axis of figures that cannot be negative (an SPC lower limit of a count)
        // is left off rather than pulling the axis below zero.
        let references = spec.references.filter { !(zeroBased && dataMinimum >= 0 && $0.value < 0 && spec.axis.minimum == nil) }
        domainValues += references.map(\.value)
        let headroom = isColumns ? (b.type.value * 1.3 + 4) / plotHeight : 0.02
        // As many ticks as leave at least four label heights between them, and never labels that touch.
        var tickCount = max(1, min(8, (plotHeight / (labelSize * 4)).rounded(.down)))
        var axis = ValueAxisScale.make(
            values: domainValues, unit: spec.axis.unit, includeZero: isColumns || spec.axis.includeZero,
            minimum: spec.axis.minimum, maximum: spec.axis.maximum, tickCount: tickCount, headroom: headroom)
        while tickCount > 1, axis.ticks.count > 2,
            plotHeight / Double(axis.ticks.count - 1) < labelSize * 1.6
        {
            tickCount -= 1
            axis = ValueAxisScale.make(
                values: domainValues, unit: spec.axis.unit, includeZero: isColumns || spec.axis.includeZero,
                minimum: spec.axis.minimum, maximum: spec.axis.maximum, tickCount: tickCount, headroom: headroom)
        }
        return (axis, references)
    }

    /// Gridlines with their tick labels, the baseline, and a break mark at the foot of an axis that does not start
    /// at zero.
    static func drawGrid(_ axis: ValueAxisScale, tickLabels: [Text], y: LinearScale, plot: Box, labelSize: Double, into b: inout SceneBuilder) {
        for (tick, label) in zip(axis.ticks, tickLabels) {
            let ty = y(tick)
            if abs(tick - axis.lower) > 1e-9 * max(1, abs(axis.upper - axis.lower)) {
                b.addRect(.gridline, Box(x: plot.x, y: ty - 0.5, width: plot.width, height: 1), tick == 0 ? Style.axis : Style.gridline)
            }
            var t = label
            t.x = plot.x - 7
            t.y = ty + labelSize * TextMetrics.centreToBaseline
            b.add(.valueTickLabel, .text(t))
        }
        b.addRect(.axis, Box(x: plot.x, y: plot.maxY - 0.5, width: plot.width, height: 1), Style.axis)
        // An axis that does not start at zero is marked with a break at its foot (two short slanted strokes
        // across the baseline, with a gap between) so the heights are not read as proportions.
        if axis.excludesZero {
            let h = 4.0, w = 3.0
            let x0 = plot.x
            let baseY = axis.upper < 0 ? plot.y : plot.maxY
            b.addRect(.axisBreak, Box(x: x0 - 1, y: baseY - h - 1, width: w * 2 + 4, height: 2 * h + 2), .white)
            for dx in [0.0, 4.0] {
                b.addLine(.axisBreak, [Point(x0 + dx - 1, baseY + h), Point(x0 + dx + w, baseY - h)], width: 1.3, colour: Style.axis)
            }
        }
    }

    /// Side labels at the right of the plot, each as near its line as it can be, pushed apart so none overlaps another.
    static func placeSideLabels(
        _ sideLabels: [SideLabel], swatchRoom: Double, y: LinearScale, plot: Box, region: Box, into b: inout SceneBuilder
    ) {
        guard !sideLabels.isEmpty else { return }
        let lineStep = b.type.side * TextMetrics.lineHeight
        let heights = sideLabels.map { Double($0.lines.count) * lineStep }
        let wanted = sideLabels.map { $0.role == .seriesLabel && $0.swatch != nil ? $0.wantedY : y($0.wantedY) }
        let centres = Repel.place(wanted: wanted, sizes: heights, gap: 1, lower: region.y, upper: region.maxY)
        for (label, centre) in zip(sideLabels, centres) {
            var baseline = centre - Double(label.lines.count) * lineStep / 2 + lineStep / 2 + b.type.side * TextMetrics.centreToBaseline
            let x = plot.maxX + 8
            if let swatch = label.swatch {
                b.drawSwatch(swatch, in: Box(x: x, y: centre - 5, width: 11, height: 10), role: .seriesLabel)
            }
            for line in label.lines {
                b.addText(label.role, line, x: x + swatchRoom, y: baseline, size: b.type.side)
                baseline += lineStep
            }
        }
    }

    static func referenceDecimals(_ reference: ChartSpec.Reference, _ spec: ChartSpec) -> Int {
        if let decimals = reference.decimals { return decimals }
        switch reference.role {
        case .mean, .upperLimit, .lowerLimit: return max(spec.axis.decimals, spec.axis.unit == .count ? 0 : 1)
        default: return spec.axis.decimals
        }
    }

    // MARK: Category axis

    /// From the plot's bottom edge to the top of the category labels: clear of the lowest value label, which
    /// is centred on the bottom edge.
    static func axisLabelOffset(_ size: Double) -> Double {
        max(5, size * (TextMetrics.centreToBaseline + TextMetrics.descent))
    }

    /// Categories labelled on one row: the first of each year carries its year, shortened ("Q1 19/20",
    /// "Jan 2020"); the others their period alone.
    static func folded(_ categories: [ChartSpec.Category]) -> [ChartSpec.Category] {
        var result: [ChartSpec.Category] = []
        var previous: String?
        for category in categories {
            var c = category
            if let year = category.secondary, year != previous {
                // "2019/20" → "19/20"; calendar years stay whole.
                let short = year.count == 7 && year.dropFirst(4).first == "/" ? String(year.dropFirst(2)) : year
                c.primary = category.primary + " " + short
            }
            previous = category.secondary
            c.secondary = nil
            result.append(c)
        }
        return result
    }

    /// Two rows of labels: the period within its year ("Q1", "May"), thinned to round positions until they do
    /// not collide, and below it the year, once per run of periods in that year.
    static func categoryLabels(
        _ categories: [ChartSpec.Category], xs: [Double], slot: Double, plot: Box, ticks: Bool,
        yearCarriers: Set<Int> = [], into b: inout SceneBuilder
    ) {
        let size = b.type.label
        let firstBaseline = plot.maxY + axisLabelOffset(size) + size * TextMetrics.ascent + 1
        let secondBaseline = firstBaseline + size * TextMetrics.lineHeight + 1
        let minimumGap = 6.0
        let texts = categories.enumerated().map { index, category in
            b.text(category.primary, x: xs[index], y: firstBaseline, size: size, anchor: .middle)
        }
        let widest = texts.map(\.width).max() ?? 0
        let usesOrdinals = categories.allSatisfy { $0.ordinal != nil || $0.isYearToDate }
        let maxOrdinal = categories.compactMap(\.ordinal).max() ?? 0
        let steps: [Int] = usesOrdinals ? (maxOrdinal > 4 ? [1, 2, 3, 4, 6, 12] : [1, 2, 4]) : Array(1...max(1, categories.count))
        var step = steps.last!
        for candidate in steps where Double(candidate) * slot >= widest + minimumGap {
            step = candidate
            break
        }
        var kept: [Int] = []
        for index in categories.indices {
            let category = categories[index]
            let wanted: Bool
            // A year on the periods' row is kept wherever it falls, so the first year is named too.
            if category.isYearToDate || yearCarriers.contains(index) {
                wanted = true
            } else if usesOrdinals, let ordinal = category.ordinal {
                wanted = (ordinal - 1) % step == 0
            } else {
                wanted = index % step == 0
            }
            if wanted { kept.append(index) }
        }
        // Safety net: keep labels left to right, dropping any that would touch the one before or leave the canvas.
        var placed: [Text] = []
        var placedIndices: [Int] = []
        for index in kept {
            var t = texts[index]
            let box = t.bounds
            if box.x < 0 {
                t.anchor = .start
                t.x = 0
            }
            if box.maxX > b.width {
                t.anchor = .end
                t.x = b.width
            }
            if let last = placed.last, last.bounds.maxX + minimumGap > t.bounds.x {
                // A year-to-date label, or one carrying its year, wins over an ordinary period.
                let carriesMore = { (i: Int) in categories[i].isYearToDate || yearCarriers.contains(i) }
                if carriesMore(index), !carriesMore(placedIndices.last!) {
                    placed.removeLast()
                    placedIndices.removeLast()
                } else {
                    continue
                }
            }
            placed.append(t)
            placedIndices.append(index)
        }
        for (t, index) in zip(placed, placedIndices) {
            b.add(.categoryLabel, .text(t))
            if ticks { b.addRect(.tick, Box(x: xs[index] - 0.5, y: plot.maxY, width: 1, height: 4), Style.axis) }
        }

        // Year labels, centred under their run of periods; the longest runs are placed first.
        var groups: [(name: String, first: Int, last: Int)] = []
        for (index, category) in categories.enumerated() {
            guard let name = category.secondary else { continue }
            if let last = groups.last, last.name == name, last.last == index - 1 {
                groups[groups.count - 1].last = index
            } else {
                groups.append((name, index, index))
            }
        }
        guard !groups.isEmpty else { return }
        var yearTexts: [Text] = []
        for group in groups.sorted(by: { ($0.last - $0.first, -$0.first) > ($1.last - $1.first, -$1.first) }) {
            var t = b.text(
                group.name, x: (xs[group.first] + xs[group.last]) / 2, y: secondBaseline, size: size,
                colour: Style.secondaryText, anchor: .middle)
            if t.bounds.x < 0 {
                t.anchor = .start
                t.x = 0
            }
            if t.bounds.maxX > b.width {
                t.anchor = .end
                t.x = b.width
            }
            if yearTexts.contains(where: { $0.bounds.inset(-minimumGap / 2).intersects(t.bounds) }) { continue }
            yearTexts.append(t)
        }
        for t in yearTexts.sorted(by: { $0.x < $1.x }) { b.add(.yearLabel, .text(t)) }
        // Dividers between years, down through both label rows.
        if groups.count > 1 {
            for group in groups.dropFirst() {
                let x = (xs[group.first - 1 >= 0 ? group.first - 1 : 0] + xs[group.first]) / 2
                b.addRect(.yearDivider, Box(x: x - 0.5, y: plot.maxY, width: 1, height: secondBaseline - plot.maxY + 3), Style.gridline)
            }
        }
    }

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

    static func redrawReferencesOver(_ spec: ChartSpec, y: LinearScale, plot: Box, into b: inout SceneBuilder) {
        for reference in spec.references where y.contains(reference.value) {
            let style = Style.reference(reference.role)
            let ry = y(reference.value)
            b.addLine(
                .reference(reference.role), [Point(plot.x, ry), Point(plot.maxX, ry)], width: style.width,
                colour: style.colour, dash: style.dash)
        }
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

    // MARK: Lines

    static func drawLines(
        _ spec: ChartSpec, xs: [Double], slot: Double, y: LinearScale, plot: Box,
        into b: inout SceneBuilder, occupied: inout [Box]
    ) {
        let isSPC = spec.kind == .spc
        for (seriesIndex, series) in spec.series.enumerated() where !series.stepped {
            let colour: Colour, width: Double, dash: [Double]
            switch series.role {
            case .main:
                (colour, width, dash) = isSPC ? (Style.spcLine, 1.5, []) : (Style.darkBlue, 2.5, [])
            case .benchmark(let role):
                let style = Style.reference(role)
                (colour, width, dash) = (style.colour, style.width, style.dash)
            case .part(let part):
                (colour, width, dash) = (Style.part(part).colour, 2, [])
            }
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
        // The latest figure, labelled beside its point: above unless the line comes down into it, else below,
        // else to its left; the first place that keeps clear of other points, labels and reference lines.
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

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
