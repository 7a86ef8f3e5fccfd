import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation
import Testing

@testable import DashboardSite

/// The moving-range chart under an XmR chart has the phone layout the indicator chart has: on a 390 px phone
/// it is drawn at the column's width, so its text, at least 12 px in the layout, is at least 12 CSS px there.
@Suite("The moving-range chart on a phone")
struct MovingRangePhoneTests {
    /// Monthly figures (two years, or five) for an indicator, with or without a change of process.
    static func input(at folder: String, title: String, percent: Bool = false, rebased: Bool = true, years: Int = 2) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(
            """
            title: Waiting
            organisation: Test council
            indicators:
              waiting:
                title: \(title)
                unit: \(percent ? "percent" : "count")
                polarity: low
                chart: spc
                target: \(percent ? "90%" : "120")
                source: Performance appendix, Children and Families Overview and Scrutiny Committee, 1 September 2020
                spc: {\(rebased ? "rebase: [2020-05], " : "")moving_range_chart: true}
            """, to: folder + "/dashboard.yml")
        let twoYears = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96, 101, 99, 60, 63, 58, 61, 59, 62, 57, 61, 60, 64, 58, 60]
        let values = (0..<years * 12).map { twoYears[$0 % 24] }
        let rows = values.indices.map { index in
            let month = 5 + index
            let figure = percent ? String(format: "%.1f%%", Double(values[index]) * 0.8) : "\(values[index])"
            return String(format: "waiting,%04d-%02d,", 2019 + (month - 1) / 12, (month - 1) % 12 + 1) + figure
        }
        write("indicator,period,value\n" + rows.joined(separator: "\n") + "\n", to: folder + "/waiting.csv")
    }

    static let titles = [
        "Children waiting", "Pathway decisions waiting to be assigned",
        "Pathway decisions waiting to be assigned to a worker after the triage of a contact by the front door",
    ]

    /// Short and long titles; counts and percentages; one stretch or two; two years of months or five.
    static let shapes: [(title: String, percent: Bool, rebased: Bool, years: Int)] =
        titles.map { ($0, false, true, 2) } + [
            (titles[1], true, true, 2), (titles[1], false, false, 2), (titles[1], true, false, 5), (titles[2], false, true, 5),
        ]

    @Test(arguments: shapes.indices) func phoneLayoutTextIsAtLeastTwelvePixels(shape: Int) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let (title, percent, rebased, years) = Self.shapes[shape]
        try Self.input(at: scratch.path + "/input/spc", title: title, percent: percent, rebased: rebased, years: years)
        let project = InputLoader.load(from: scratch.path + "/input")
        let analysis = Analysis.dashboard(try #require(project.dashboards.first))
        let indicator = try #require(analysis.indicators.first)
        let spec = try #require(ChartSpec.movingRange(indicator))
        let renderer = try ChartRenderer(fonts: ChartFonts.locate(in: exampleAssets + "/fonts"))
        let scene = try renderer.layout(spec, size: ChartLayouts.phone.size)
        #expect(scene.texts.allSatisfy { $0.size >= 12 }, "\(scene.texts.map { "\($0.string) \($0.size)" })")
        #expect(scene.texts(.valueTickLabel).allSatisfy { $0.size >= 12 })
    }

    @Test func thePageOffersThePhoneLayout() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        try Self.input(at: scratch.path + "/input/spc", title: Self.titles[1])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: scratch.path + "/input", output: output))
        let page = read(output + "/spc/waiting.html")
        let section = try #require(page.components(separatedBy: "<h3>Moving ranges</h3>").dropFirst().first)
        #expect(section.contains(#"<source media="(max-width: 30em)" srcset="charts/waiting-mr-phone.png 358w, charts/waiting-mr-phone@2x.png 716w""#))
        #expect(FileManager.default.fileExists(atPath: output + "/spc/charts/waiting-mr-phone@2x.png"))
    }
}
