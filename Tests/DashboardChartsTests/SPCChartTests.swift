import DashboardCharts
import DashboardCore
import Testing

/// Rebased SPC limits drawn as separate segments, and the Making Data Count icons.
@Suite("SPC charts: rebased limits and icons")
struct SPCChartTests {
    let renderer = Shared.renderer

    /// 24 months, the process stepping down from about 100 to about 60 in May 2020, rebased there.
    static func rebased(rebase: Bool, movingRangeChart: Bool = false) -> DashboardAnalysis {
        let months: [Period] = (5...12).map { Fixtures.month(2019, $0) } + (1...12).map { Fixtures.month(2020, $0) } + (1...4).map { Fixtures.month(2021, $0) }
        let values: [Double] = [
            100, 104, 97, 101, 99, 103, 98, 102, 100, 96, 101, 99,
            60, 63, 58, 61, 59, 62, 57, 61, 60, 64, 58, 60,
        ]
        var indicator = Fixtures.indicator("waiting", "Children waiting", .count, .low, chart: .spc)
        indicator.spcOptions = SPC.Options(rebase: rebase ? [Fixtures.month(2020, 5)] : [], movingRangeChart: movingRangeChart)
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

    @Test func theMovingRangeChartIsDrawnOnlyWhenAskedWithItsAverageAndUpperRangeLimit() throws {
        #expect(ChartSpec.movingRange(Self.rebased(rebase: false).first) == nil)
        let analysis = Self.rebased(rebase: false, movingRangeChart: true)
        let spec = try #require(ChartSpec.movingRange(analysis.first))
        let ranges = spec.series[0].values
        #expect(ranges[0] == nil && ranges[1] == 4 && ranges[12] == 39, "none for the first figure; |104 − 100|; the step down |60 − 99|")
        #expect(spec.axis.includeZero)
        let average = try #require(spec.references.first { $0.role == .mean }).value
        let limit = try #require(spec.references.first { $0.role == .upperLimit }).value
        let expected =
            (1..<24).map { index -> Double in
                let v = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96, 101, 99, 60, 63, 58, 61, 59, 62, 57, 61, 60, 64, 58, 60.0]
                return abs(v[index] - v[index - 1])
            }.reduce(0, +) / 23
        #expect(abs(average - expected) < 1e-9 && abs(limit - 3.267 * expected) < 1e-9)
        let alt = try #require(ChartText.movingRangeAltText(analysis.first))
        #expect(alt.contains("Above the upper range limit: May 2020 (39.0)"))

        // Rebased: each stretch has its own average and limit, the step down is no moving range at all.
        let rebased = try #require(ChartSpec.movingRange(Self.rebased(rebase: true, movingRangeChart: true).first))
        #expect(rebased.series[0].values[12] == nil)
        #expect(rebased.series.filter(\.stepped).map(\.name) == ["Upper range limit", "Average moving range"])
        #expect(rebased.series.filter(\.stepped).allSatisfy { $0.breaks == [12] })
        #expect(try renderer.layout(rebased, size: .screen).texts.count > 0)
    }
}
