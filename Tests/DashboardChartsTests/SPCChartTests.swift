import DashboardCharts
import DashboardCore
import Testing

/// Rebased SPC limits drawn as separate segments, and the Making Data Count icons.
@Suite("SPC charts: rebased limits and icons")
struct SPCChartTests {
    let renderer = Shared.renderer

    /// 24 months, the process stepping down from about 100 to about 60 in May 2020, rebased there.
    static func rebased(rebase: Bool) -> DashboardAnalysis {
        let months: [Period] = (5...12).map { Fixtures.month(2019, $0) } + (1...12).map { Fixtures.month(2020, $0) } + (1...4).map { Fixtures.month(2021, $0) }
        let values: [Double] = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96, 101, 99,
                                60, 63, 58, 61, 59, 62, 57, 61, 60, 64, 58, 60]
        var indicator = Fixtures.indicator("waiting", "Children waiting", .count, .low, chart: .spc)
        if rebase { indicator.spcOptions = SPC.Options(rebase: [Fixtures.month(2020, 5)]) }
        return Fixtures.analysis("d", [indicator], ["waiting": zip(months, values).map { Fixtures.figure($0, $1) }])
    }

    @Test func rebasedLimitsAreSeparateSegmentsEachAtItsStretchsLevel() throws {
        let spec = Self.rebased(rebase: true).spec()
        #expect(spec.references.isEmpty, "no limit across the whole chart")
        let limits = spec.series.filter { $0.stepped }
        #expect(limits.map(\.name) == ["Upper limit", "Mean", "Lower limit"])
        #expect(limits.allSatisfy { $0.breaks == [12] })
        let mean = try #require(limits.first { $0.name == "Mean" })
        #expect(abs(mean.values[0]! - 100) < 0.01 && abs(mean.values[23]! - 60.25) < 0.01)

        let scene = renderer.scene(spec, size: .screen)
        let meanIndex = try #require(spec.series.firstIndex { $0.name == "Mean" })
        let pieces = scene.items(.series(meanIndex)).compactMap(\.line)
        #expect(pieces.count == 2, "one segment for each stretch, with no riser joining them")
        #expect(pieces.allSatisfy { line in line.points.allSatisfy { $0.y == line.points[0].y } })
        #expect(pieces[0].points.last!.x <= pieces[1].points.first!.x)
        #expect(pieces[0].points[0].y < pieces[1].points[0].y, "the later stretch's mean is lower")

        let alt = ChartText.altText(Self.rebased(rebase: true).indicators[0], in: Self.rebased(rebase: true))
        #expect(alt.contains("The mean and limits are worked afresh from May 2020, after a change in the process."))
    }

    @Test func withoutARebaseTheLimitsStayReferenceLines() {
        let spec = Self.rebased(rebase: false).spec()
        #expect(spec.series.allSatisfy { !$0.stepped })
        #expect(spec.references.map(\.role) == [.upperLimit, .mean, .lowerLimit])
    }

    @Test func eachIconHasItsOwnLetterOrDotsAndTheColourOfItsMarkers() throws {
        var seen = Set<[String]>()
        for icon in SPCIcon.allCases {
            let scene = icon.scene(metrics: renderer.metrics)
            let letters = scene.texts.map(\.string)
            let dots = scene.items.map(\.primitive).compactMap(\.marker).count
            let colour = scene.items.map(\.primitive).compactMap(\.marker).first.map { "\($0.fill)" } ?? ""
            let inserted = seen.insert(letters + [String(dots), colour]).inserted
            #expect(inserted, "\(icon) looks like another icon")
            for text in scene.texts { #expect(text.bounds.isInside(Box(x: 0, y: 0, width: scene.width, height: scene.height))) }
            let png = try renderer.png(icon, scale: 2)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
        #expect(SPCIcon(.improvementHigh).scene(metrics: renderer.metrics).texts.map(\.string) == ["H"])
        #expect(SPCIcon(.consistentlyFail).scene(metrics: renderer.metrics).texts.map(\.string) == ["F"])
        #expect(SPCIcon(.commonCause).scene(metrics: renderer.metrics).texts.isEmpty)
    }
}
