import DashboardCharts
import DashboardCore

extension ChartExport {
    /// `dashboards chart DASHBOARD/spend-against-performance`: the dashboard's `spend_chart:` for a report,
    /// where no indicator has that id.
    static func spendChart(_ dashboard: Dashboard, size: ChartSize, assets: String, warnings: [Diagnostic]) throws -> Result? {
        let definition = dashboard.definition
        guard let source = definition.spendChart, let spec = SpendChartSection.spec(source, organisation: definition.organisation) else { return nil }
        let (scene, png) = try render(spec, size: size, assets: assets)
        let caption = SpendChartSection.make(source, organisation: definition.organisation, chart: placeholder)?.caption ?? ""
        let text = """
            Alt text: \(SpendChartSection.altText(source, organisation: definition.organisation))

            Caption: \(caption) Source: \(source.file).

            Image: \(ChartNotes.physicalSize(size)); it carries the chart's title and source.

            """
        return Result(
            png: png, text: text, pixelWidth: size.pixelWidth, pixelHeight: size.pixelHeight, warnings: warnings,
            layoutJSON: scene.layoutJSON(scale: size.scale))
    }

    static var placeholder: Image { Image(src: "", srcset: "", sizes: "", printSrc: "", alt: "", width: 0, height: 0) }
}
