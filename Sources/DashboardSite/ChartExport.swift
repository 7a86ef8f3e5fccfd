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
        /// The laid-out scene, as `Scene.layoutJSON` writes it, in pixels of the PNG.
        public var layoutJSON: String
    }

    public static func render(
        input: String, assets: String, dashboard id: String, indicator: String, size: ChartSize,
        asOf: Period?
    ) throws -> Result {
        let project = InputLoader.load(from: input, only: [id])
        if project.hasErrors { throw BuildError.input(project.diagnostics) }
        guard let dashboard = project.dashboards.first else {
            var diagnostics = Diagnostics()
            diagnostics.error("there is no dashboard '\(id)'", at: SourceLocation(file: input))
            throw BuildError.input(diagnostics)
        }
        if indicator == SpendChartSection.chartName, dashboard.definition.indicator(indicator) == nil,
            let result = try spendChart(dashboard, size: size, assets: assets, warnings: project.diagnostics.warnings)
        {
            return result
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
        let (scene, png) = try render(ChartSpec.indicator(indicatorAnalysis, in: analysis), size: size, assets: assets)
        let text = ChartNotes.text(indicatorAnalysis, in: analysis, size: size)
        return Result(
            png: png, text: text, pixelWidth: size.pixelWidth, pixelHeight: size.pixelHeight,
            warnings: project.diagnostics.warnings, layoutJSON: scene.layoutJSON(scale: size.scale))
    }
}

/// What travels with a chart made for a report: the fonts it is set in, and the text pasted beside it.
enum ChartNotes {
    /// The chart fonts, or the reason there are none as an assets problem.
    static func fonts(in directory: String) throws -> ChartFonts {
        do {
            return try ChartFonts.locate(in: directory)
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error("\(error)", at: SourceLocation(file: directory))
            throw BuildError.assets(diagnostics)
        }
    }

    /// "2000 × 1125 pixels at 300 dpi (16.9 × 9.5 cm)": pixels / dpi × 2.54.
    static func physicalSize(_ size: ChartSize) -> String {
        let centimetres = { (pixels: Int) in Formatting.number(Double(pixels) / Double(size.dpi) * 2.54, decimals: 1) }
        return "\(size.pixelWidth) × \(size.pixelHeight) pixels at \(size.dpi) dpi (\(centimetres(size.pixelWidth)) × \(centimetres(size.pixelHeight)) cm)"
    }

    /// The words that go with a report chart, as the site's `-print.txt` and `dashboards chart` write them: the
    /// alt text first (Word's "Edit Alt Text" box), then the caption the Word report prints under the same chart
    /// (what it shows, over which periods, whose figures and their source), then the image's size.
    static func text(_ analysis: IndicatorAnalysis, in dashboard: DashboardAnalysis, size: ChartSize, image: String? = nil) -> String {
        """
        Alt text: \(ChartText.altText(analysis, in: dashboard))

        Caption: \(ChartText.caption(analysis, in: dashboard))

        Image: \(image.map { $0 + ", " } ?? "")\(physicalSize(size)); it carries the chart's title, period and source.

        """
    }
}

extension ChartExport {
    /// Lays out and draws one chart at one size with the assets' fonts. Too small to read is the caller's to
    /// report (a `ChartLayoutError`, a usage error), any other failure is the output's.
    static func render(_ spec: ChartSpec, size: ChartSize, assets: String) throws -> (Scene, [UInt8]) {
        let fonts = try ChartNotes.fonts(in: assets + "/fonts")
        do {
            let renderer = try ChartRenderer(fonts: fonts)
            try ChartRenderer.validate(size)
            let scene = try renderer.layout(spec, size: size)
            return (scene, try renderer.png(scene, size: size))
        } catch let error as ChartLayoutError {
            throw error
        } catch {
            throw BuildError.output("cannot render the chart: \(error)")
        }
    }
}
