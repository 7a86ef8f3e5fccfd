import DashboardCore
import Foundation

extension CartesianLayout {
    // MARK: Value axis

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
        let texts = categories.enumerated().map { index, category in
            b.text(category.primary, x: xs[index], y: firstBaseline, size: size, anchor: .middle)
        }
        let widest = texts.map(\.width).max() ?? 0
        let kept = thinnedCategories(categories, slot: slot, widest: widest, yearCarriers: yearCarriers)
        let (placed, placedIndices) = placeCategoryLabels(kept, texts: texts, categories: categories, yearCarriers: yearCarriers, width: b.width)
        for (t, index) in zip(placed, placedIndices) {
            b.add(.categoryLabel, .text(t))
            if ticks { b.addRect(.tick, Box(x: xs[index] - 0.5, y: plot.maxY, width: 1, height: 4), Style.axis) }
        }
        yearLabels(categories, xs: xs, plot: plot, baseline: secondBaseline, into: &b)
    }

    /// The least room kept between neighbouring category or year labels.
    static let minimumLabelGap = 6.0

    /// The categories whose labels are wanted: every `step`-th, the step the smallest that leaves room for the
    /// widest label, counted by position within the year (so quarters keep Q1, months January) where every
    /// category has one; year-to-date labels and those carrying their year always.
    static func thinnedCategories(_ categories: [ChartSpec.Category], slot: Double, widest: Double, yearCarriers: Set<Int>) -> [Int] {
        let usesOrdinals = categories.allSatisfy { $0.ordinal != nil || $0.isYearToDate }
        let maxOrdinal = categories.compactMap(\.ordinal).max() ?? 0
        let steps: [Int] = usesOrdinals ? (maxOrdinal > 4 ? [1, 2, 3, 4, 6, 12] : [1, 2, 4]) : Array(1...max(1, categories.count))
        var step = steps.last!
        for candidate in steps where Double(candidate) * slot >= widest + minimumLabelGap {
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
        return kept
    }

    /// Safety net: keeps labels left to right, dropping any that would touch the one before or leave the canvas.
    /// Returns the labels kept with their categories' indices.
    static func placeCategoryLabels(
        _ kept: [Int], texts: [Text], categories: [ChartSpec.Category], yearCarriers: Set<Int>, width: Double
    ) -> (texts: [Text], indices: [Int]) {
        var placed: [Text] = []
        var placedIndices: [Int] = []
        for index in kept {
            var t = texts[index]
            let box = t.bounds
            if box.x < 0 {
                t.anchor = .start
                t.x = 0
            }
            if box.maxX > width {
                t.anchor = .end
                t.x = width
            }
            if let last = placed.last, last.bounds.maxX + minimumLabelGap > t.bounds.x {
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
        return (placed, placedIndices)
    }

    /// Year labels on the second row, centred under their run of periods; the longest runs are placed first, and
    /// one that would touch a year already placed is left off. Dividers between years run down through both rows.
    static func yearLabels(_ categories: [ChartSpec.Category], xs: [Double], plot: Box, baseline secondBaseline: Double, into b: inout SceneBuilder) {
        let size = b.type.label
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
            if yearTexts.contains(where: { $0.bounds.inset(-minimumLabelGap / 2).intersects(t.bounds) }) { continue }
            yearTexts.append(t)
        }
        for t in yearTexts.sorted(by: { $0.x < $1.x }) { b.add(.yearLabel, .text(t)) }
        if groups.count > 1 {
            for group in groups.dropFirst() {
                let x = (xs[group.first - 1 >= 0 ? group.first - 1 : 0] + xs[group.first]) / 2
                b.addRect(.yearDivider, Box(x: x - 0.5, y: plot.maxY, width: 1, height: secondBaseline - plot.maxY + 3), Style.gridline)
            }
        }
    }
}
