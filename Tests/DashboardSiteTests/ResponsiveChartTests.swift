import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation
import Testing

@testable import DashboardSite

/// The indicator chart fills the content column at every width: `srcset`/`sizes` over two widths for each of
/// three layouts, and a taller phone layout through `<picture>` whose text is at least 12 CSS px on a 390 px
/// screen.
@Suite("Charts that fill the column")
struct ResponsiveChartTests {
    @Test func indicatorPageOffersPhoneStandardAndWideLayouts() async throws {
        let output = try await ExampleSite.shared.build().output
        let html = read("\(output)/cfws/family-star-positive-rate.html")
        let picture = try #require(html.components(separatedBy: "<picture>").dropFirst().first?.components(separatedBy: "</picture>").first)
        #expect(
            picture.contains(#"<source media="(max-width: 30em)" srcset="charts/family-star-positive-rate-phone.png 358w, charts/family-star-positive-rate-phone@2x.png 716w""#))
        #expect(picture.contains(#"<source media="(max-width: 64em)" srcset="charts/family-star-positive-rate.png 640w, charts/family-star-positive-rate@2x.png 1280w""#))
        #expect(
            picture.contains(
                #"<img src="charts/family-star-positive-rate-wide.png" srcset="charts/family-star-positive-rate-wide.png 960w, charts/family-star-positive-rate-wide@2x.png 1920w""#
            ))
        #expect(picture.components(separatedBy: #"sizes="(min-width: 75rem) 73rem, calc(100vw - 2rem)""#).count == 4)
        for file in ["phone", "phone@2x", "wide", "wide@2x"] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/cfws/charts/family-star-positive-rate-\(file).png"), "\(file)")
        }
        let css = read("\(output)/assets/site.css")
        #expect(css.contains(".chart img { display: block; width: 100%; height: auto;"))
        let dashboard = read("\(output)/cfws/index.html")
        #expect(dashboard.contains(#"-spark.png 120w, "#) && dashboard.contains(#"-spark@2x.png 240w" sizes="120px""#))
    }

    /// On a 390 px phone the column is 358 px: the phone layout is drawn at that width, so its text, at least
    /// 12 px in the layout, is at least 12 CSS px on the screen; every example chart fits it or falls back.
    @Test func phoneLayoutTextIsAtLeastTwelvePixels() throws {
        let renderer = try ChartRenderer(fonts: ChartFonts.locate(in: exampleAssets + "/fonts"))
        let project = InputLoader.load(from: exampleInput)
        var fitted = 0
        for dashboard in project.dashboards {
            let analysis = Analysis.dashboard(dashboard)
            for indicator in analysis.indicators {
                let spec = ChartSpec.indicator(indicator, in: analysis)
                guard let scene = try? renderer.layout(spec, size: ChartLayouts.phone.size) else { continue }
                fitted += 1
                #expect(scene.texts.allSatisfy { $0.size >= 12 }, "\(indicator.indicator.id)")
                #expect(scene.texts(.valueTickLabel).allSatisfy { $0.size >= 12 })
            }
        }
        #expect(fitted == project.dashboards.map { Analysis.dashboard($0).indicators.count }.reduce(0, +))
    }
}
