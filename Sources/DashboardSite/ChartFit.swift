import DashboardCharts
import DashboardCore

/// Whether every indicator's chart can be drawn at the sizes each indicator page needs (the standard chart at 1x
/// and 2x, and the 300 dpi chart for print). A title whose words take too much room cannot be, and `build` would
/// stop at rendering; `validate` asks this first, so the two agree, and the error names the indicator's place in
/// dashboard.yml. (Phone and wide layouts are optional: a chart that does not fit them is served another.)
public enum ChartFit {
    public static func problems(in dashboards: [Dashboard], fontsDirectory: String, settings: SiteSettings = .standard) throws -> Diagnostics {
        let renderer = try ChartRenderer(fonts: try ChartNotes.fonts(in: fontsDirectory))
        let sizes = [settings.pageChart, settings.pageChart.scaled(2), settings.printChart]
        var diagnostics = Diagnostics()
        for dashboard in dashboards.flatMap({ [$0] + $0.frozenEditions.map(\.dashboard) }) {
            // One indicator's analysis at a time: a dashboard of a million figures is checked in the memory of one.
            Analysis.forEachIndicator(dashboard) { indicatorAnalysis, analysis in
                let specs = [ChartSpec.indicator(indicatorAnalysis, in: analysis)] + [ChartSpec.movingRange(indicatorAnalysis)].compactMap { $0 }
                if let failure = firstFailure(specs, sizes: sizes, renderer: renderer) {
                    diagnostics.error(
                        "this indicator's chart cannot be drawn at the size every indicator page needs: \(failure); shorten its title or its longest words",
                        at: indicatorAnalysis.indicator.location)
                }
            }
        }
        return diagnostics
    }

    static func firstFailure(_ specs: [ChartSpec], sizes: [ChartSize], renderer: ChartRenderer) -> ChartLayoutError? {
        for spec in specs {
            for size in sizes {
                do { _ = try renderer.layout(spec, size: size) } catch { return error }
            }
        }
        return nil
    }
}
