import DashboardCore
import Foundation

extension CartesianLayout {
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

    /// The labels at the right of the plot (none in a narrow chart, where a key above names them): each reference
    /// line with its value, each comparator series (a stepped one with its latest level), and a stack's parts when
    /// they are not in the key.
    static func makeSideLabels(
        _ spec: ChartSpec, references: [ChartSpec.Reference], partsInLegend: Bool, b: SceneBuilder
    ) -> [SideLabel] {
        var sideLabels: [SideLabel] = []
        let maxSideWidth = b.width * 0.3
        func sideLines(_ name: String, _ value: String?) -> [String] {
            let single = value.map { name + " " + $0 } ?? name
            if b.measure(single, size: b.type.side) <= maxSideWidth { return [single] }
            return b.wrap(name, maxWidth: maxSideWidth, size: b.type.side) + (value.map { [$0] } ?? [])
        }
        for reference in references where !b.type.keyAbove {
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
        return sideLabels
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
}
