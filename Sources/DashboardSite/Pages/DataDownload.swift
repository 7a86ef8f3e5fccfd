import DashboardCharts
import DashboardCore
import Foundation

/// The indicator's figures as a long-form CSV that `dashboards` itself reads back.
enum DataDownload {
    /// Every value shown, and every earlier published value of a period beside it, with its vintage where the data
    /// gave one (`published` and `source` columns only then).
    static func csv(_ analysis: IndicatorAnalysis) -> String {
        let hasVintages = !analysis.earlierVintages.isEmpty || analysis.observations.contains { $0.vintage != nil }
        // Interval columns where any figure has counts to give one.
        let hasIntervals = !analysis.intervals.isEmpty
        var lines = [
            ["indicator", "period", "value", "numerator", "denominator", "note"] + (hasVintages ? ["published", "source"] : [])
                + (hasIntervals ? ["interval lower", "interval upper", "interval level", "interval method"] : [])
        ]
        // Each row with whether it is the figure shown: an earlier vintage has its own counts, so the shown
        // figure's interval is not its.
        let rows = analysis.observations.flatMap { shown in
            (analysis.earlierVintages[shown.period] ?? []).map { (observation: $0, isShown: false) } + [(observation: shown, isShown: true)]
        }
        for (observation, isShown) in rows {
            var value = ""
            if let number = observation.value {
                value = Formatting.number(number, decimals: observation.decimals, grouping: false)
                if analysis.unit == .percent { value += "%" }
            } else {
                switch observation.gap {
                case .notApplicable?: value = "n/a"
                case .notAvailable?: value = "x"
                case .suppressed?: value = "c"
                case .breakInData?: value = "Break in data"
                case .missing?, nil: value = ""
                }
            }
            let fields =
                [
                    analysis.indicator.id, observation.label, value,
                    observation.numerator.map { Formatting.number($0, decimals: 0, grouping: false) } ?? "",
                    observation.denominator.map { Formatting.number($0, decimals: 0, grouping: false) } ?? "",
                    CSVWriter.text(observation.note ?? ""),
                ] + (hasVintages ? [publishedText(observation.vintage?.published), CSVWriter.text(observation.vintage?.source ?? "")] : [])
            lines.append(fields + (hasIntervals ? intervalFields(isShown ? analysis.intervals[observation.period] : nil, analysis: analysis) : []))
        }
        return CSVWriter.document(lines, lineEnding: .crlf)
    }

    /// An interval's ends in the indicator's unit (to one more decimal than the figures), its level and method.
    static func intervalFields(_ estimate: FigureInterval?, analysis: IndicatorAnalysis) -> [String] {
        guard let estimate else { return ["", "", "", ""] }
        let decimals = max(analysis.decimals, 1) + 1
        let end = { (value: Double) in Formatting.number(value, decimals: decimals, grouping: false) + (analysis.unit == .percent ? "%" : "") }
        return [end(estimate.interval.lower), end(estimate.interval.upper), "\(estimate.level)", estimate.method.name]
    }

    /// A publication date as `2020-09-01`, an edition as its period's name.
    static func publishedText(_ published: Period?) -> String {
        guard let published else { return "" }
        if case .day(let date) = published { return EditionDecoder.iso(date) }
        return published.label
    }
}

/// The layouts of an indicator page's chart, by screen width. The chart fills the content column (the page is
/// at most 75rem wide with 1rem padding each side); each layout keeps its 12 px text at least 12 px there.
enum ChartLayouts {
    /// Phones up to 30em (480 px): laid out at a 390 px phone's column width, taller, with text of at least 12 px.
    static let phone = (name: "phone", media: "(max-width: 30em)", size: SiteSettings.standard.phoneChart)
    static let narrower = [phone]
    /// Tablets and small windows up to 64em: the standard 640 × 360 layout.
    static let standardMedia = "(max-width: 64em)"
    /// Wider screens: a 960 × 480 layout, shown at up to the column's 1168 px.
    static let wide = SiteSettings.standard.wideChart
    /// The image's width on the page: the column, less its padding.
    static let columnSizes = "(min-width: 75rem) 73rem, calc(100vw - 2rem)"
}
