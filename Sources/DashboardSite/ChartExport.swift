import DashboardCharts
import DashboardCore
import DashboardInput

/// One chart for a committee report, with the text an officer pastes beside it.
public enum ChartExport {
    public struct Result: Sendable {
        public var png: [UInt8]
        public var text: String
        public var pixelWidth: Int
        public var pixelHeight: Int
        public var warnings: [Diagnostic]
    }

    public static func render(input: String, assets: String, dashboard id: String, indicator: String, size: ChartSize,
                              asOf: Period?) throws -> Result {
        let project = InputLoader.load(from: input, only: [id])
        if project.hasErrors { throw BuildError.input(project.diagnostics) }
        guard let dashboard = project.dashboards.first else {
            var diagnostics = Diagnostics()
            diagnostics.error("there is no dashboard '\(id)'", at: SourceLocation(file: input))
            throw BuildError.input(diagnostics)
        }
        guard dashboard.definition.indicator(indicator) != nil else {
            var diagnostics = Diagnostics()
            let hint = Diagnostic.suggestion(for: indicator, among: dashboard.definition.indicators.map(\.id)).map { "; \($0)" } ?? ""
            diagnostics.error("dashboard '\(id)' has no indicator '\(indicator)'\(hint)", at: dashboard.definition.location)
            throw BuildError.input(diagnostics)
        }
        let analysis = Analysis.dashboard(dashboard, asOf: asOf)
        guard let indicatorAnalysis = analysis.analysis(indicator) else {
            throw BuildError.output("no analysis for \(indicator)")
        }
        let fonts: ChartFonts
        do {
            fonts = try ChartFonts.locate(in: assets + "/fonts")
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error("\(error)", at: SourceLocation(file: assets + "/fonts"))
            throw BuildError.assets(diagnostics)
        }
        let spec = ChartSpec.indicator(indicatorAnalysis, in: analysis)
        let png: [UInt8]
        do {
            png = try ChartRenderer(fonts: fonts).png(spec, size: size)
        } catch {
            throw BuildError.output("cannot render the chart: \(error)")
        }
        let centimetres = { (pixels: Int) in Formatting.number(Double(pixels) / Double(size.dpi) * 2.54, decimals: 1) }
        let text = """
        Caption: \(ChartText.caption(indicatorAnalysis, in: analysis))

        Alt text: \(ChartText.altText(indicatorAnalysis, in: analysis))

        Source: \(indicatorAnalysis.indicator.source ?? "not stated")

        Image: \(size.pixelWidth) × \(size.pixelHeight) pixels at \(size.dpi) dpi (\(centimetres(size.pixelWidth)) × \(centimetres(size.pixelHeight)) cm).

        """
        return Result(png: png, text: text, pixelWidth: size.pixelWidth, pixelHeight: size.pixelHeight,
                      warnings: project.diagnostics.warnings)
    }
}
