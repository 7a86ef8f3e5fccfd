import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation
import Testing

/// Every chart of the example, at the report widths and screen sizes the charts are used at: drawn (not
/// refused), no two texts overlapping, none leaving the image, the plot at least a third of the image.
@Suite("Every example chart at every size")
struct ExampleChartSizeTests {
    static let sizes: [ChartSize] =
        [7.0, 8, 12, 15.9, 16, 25].map { ChartSize.print(widthCm: $0, heightCm: PrintGeometry.reportChartHeightCm(forWidthCm: $0), dpi: 300) }
        + [(320, 240), (390, 300), (640, 360), (1200, 600)].map { ChartSize(width: $0, height: $1) }

    @Test func everyChartHoldsAtEverySize() throws {
        let renderer = try ChartRenderer(fonts: ChartFonts.locate(in: exampleAssets + "/fonts"))
        let project = InputLoader.load(from: exampleInput)
        #expect(!project.hasErrors)
        var charts = 0
        for dashboard in project.dashboards {
            let analysis = Analysis.dashboard(dashboard)
            for indicator in analysis.indicators {
                let spec = ChartSpec.indicator(indicator, in: analysis)
                for size in Self.sizes {
                    let where_ = "\(dashboard.id)/\(indicator.indicator.id) at \(size.width)×\(size.height) \(size.medium)"
                    do {
                        let scene = try renderer.layout(spec, size: size)
                        let problems = overlapsAndOverflows(scene)
                        #expect(problems.isEmpty, "\(where_): \(problems)")
                        charts += 1
                    } catch ChartLayoutError.tooSmall(_, let smallest) {
                        // 320 × 240 is a quarter of a phone's screen: a chart with a key of five parts or an SPC
                        // note may not fit it at 11 px, and is refused naming the size it needs.
                        #expect(size.width == 320, "\(where_) refused")
                        #expect(smallest.width < 400, "\(where_) needs \(smallest.width)")
                    }
                }
            }
        }
        #expect(charts > 100)
    }

    /// The three rules, from the scene's texts and plot.
    func overlapsAndOverflows(_ scene: Scene) -> [String] {
        var problems: [String] = []
        let texts = scene.texts.filter { !$0.string.isEmpty }
        for t in texts {
            let b = t.bounds
            if b.x < -0.01 || b.y < -0.01 || b.maxX > scene.width + 0.01 || b.maxY > scene.height + 0.01 {
                problems.append("\"\(t.string)\" leaves the image")
            }
        }
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i].bounds, b = texts[j].bounds
                if a.x < b.maxX - 0.01, b.x < a.maxX - 0.01, a.y < b.maxY - 0.01, b.y < a.maxY - 0.01 {
                    problems.append("\"\(texts[i].string)\" overlaps \"\(texts[j].string)\"")
                }
            }
        }
        let plot = try? #require(scene.plot)
        if let plot, plot.width * plot.height < scene.width * scene.height / 3 { problems.append("plot under a third") }
        return problems
    }
}
