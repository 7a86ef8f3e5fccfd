import DashboardCharts
import Testing

@testable import DashboardCore

/// The performance-against-spend chart for a small group worked by hand.
///
/// Six members: spend per head 100, 150, 200, 400, 450 (the council), 500, so the median spend is
/// (200 + 400) / 2 = 300; performance 50, 55, 60, 70, 80 (the council), 40, so the median is (55 + 60) / 2 = 57.5.
@Suite("Performance against spend")
struct QuadrantChartTests {
    static let figures: [(String, Int, Double?, Double?)] = [
        ("Avon", 801, 100, 50), ("Bucks", 802, 200, 60), ("Cumbria", 803, 450, 80), ("Dorset", 804, 400, 70),
        ("Essex", 805, 500, 40), ("Fenland", 806, 150, 55), ("Gwent", 807, nil, 65),
    ]

    static func data() -> BenchmarkData {
        var rows: [BenchmarkData.Row] = []
        let at = SourceLocation(file: "lait.csv")
        for (name, number, spend, performance) in figures {
            rows.append(.init(measure: "Spend", period: "2023-24", area: name, laNumber: number, region: nil, level: .authority, value: spend, location: at))
            rows.append(.init(measure: "Perf", period: "2023-24", area: name, laNumber: number, region: nil, level: .authority, value: performance, location: at))
        }
        return BenchmarkData(rows: rows)
    }

    static func group() -> ComparatorGroup {
        ComparatorGroup(
            title: "County councils", file: "groups/c.txt",
            members: figures.map { .init(text: $0.0, name: $0.0, laNumber: $0.1, location: SourceLocation(file: "groups/c.txt")) })
    }

    static func quadrant(_ polarity: MeasureInfo.Polarity) -> SpendQuadrant {
        SpendQuadrant.make(
            data: data(), spend: "Spend", performance: "Perf", group: group(), groupName: "County councils", authority: 803,
            polarity: polarity, names: ("Spend per head", "Performance"))!
    }

    static func spec(_ polarity: MeasureInfo.Polarity) -> ChartSpec {
        ChartSpec.quadrant(quadrant(polarity), organisation: "Cumbria", performanceUnit: .percent, performanceDecimals: 0)
    }

    @Test func mediansAndQuadrantByHand() {
        let q = Self.quadrant(.high)
        #expect(q.members.count == 6)
        #expect(q.unplaced == ["Gwent"])
        #expect(q.spendMedian == 300)
        #expect(q.performanceMedian == 57.5)
        #expect(q.council?.name == "Cumbria")
        #expect(q.quadrantWords(q.council!) == "high spend, better performance than the group's median")
        #expect(Self.quadrant(.low).quadrantWords(q.council!) == "high spend, worse performance than the group's median")
        #expect(q.quadrantWords(q.members[0]) == "low spend, worse performance than the group's median")
        var onTheLine = q.members[0]
        onTheLine.spend = 300
        #expect(q.quadrantWords(onTheLine) == "median spend, worse performance against the group's medians")
    }

    @Test func altTextNamesTheCouncilsQuadrant() {
        let q = Self.quadrant(.high)
        let text = q.altText(organisation: "Cumbria", spendFigure: { "£\(Int($0))" }, performanceFigure: { "\($0)%" })
        #expect(text.contains("for 6 county councils"))
        #expect(text.contains("spend £300, Performance 57.5%"))
        #expect(text.contains("Cumbria spends £450 with 80.0%: high spend, better performance than the group's median."))
        #expect(text.contains("Not shown, without both figures: Gwent."))
    }

    @Test func sceneHasEveryPointTheMediansAndTheCouncilLabelled() throws {
        let scene = try Shared.renderer.layout(Self.spec(.high), size: ChartSize(width: 720, height: 440))
        let plot = try #require(scene.plot)
        let points = (0..<6).compactMap { scene.items(.point($0)).first?.marker }
        #expect(points.count == 6)
        let medians = scene.items(.median).compactMap(\.line)
        #expect(medians.count == 2)
        let vertical = try #require(medians.first { $0.points[0].x == $0.points[1].x })
        let horizontal = try #require(medians.first { $0.points[0].y == $0.points[1].y })
        // Spend 300 lies between Bucks (200) and Dorset (400), at their midpoint; 57.5 between Fenland's 55 and Bucks's 60.
        let mx = vertical.points[0].x, my = horizontal.points[0].y
        #expect(abs(mx - (points[1].centre.x + points[3].centre.x) / 2) < 0.01)
        #expect(abs(my - (points[5].centre.y + points[1].centre.y) / 2) < 0.01)
        // The council: right of the spend median, above the performance median (better is up), a larger diamond.
        let council = points[2]
        #expect(council.centre.x > mx && council.centre.y < my)
        #expect(council.shape == .diamond && council.size > points[0].size)
        #expect(scene.texts(.pointLabel).map(\.string) == ["Cumbria"])
        #expect(points.allSatisfy { plot.x < $0.centre.x && $0.centre.x < plot.maxX && plot.y < $0.centre.y && $0.centre.y < plot.maxY })
        let titles = scene.texts(.axisTitle).map(\.string).joined(separator: " ")
        #expect(titles.contains("Spend per head (£ per head), 2023-24"))
        #expect(titles.contains("Performance (%), 2023-24, higher is better"))
    }

    @Test func lowerIsBetterTurnsTheAxisSoBetterIsUp() throws {
        let scene = try Shared.renderer.layout(Self.spec(.low), size: ChartSize(width: 720, height: 440))
        let points = (0..<6).compactMap { scene.items(.point($0)).first?.marker }
        // Essex's 40 is the best figure: the highest point.
        #expect(points[4].centre.y == points.map(\.centre.y).min())
        #expect(scene.texts(.axisTitle).map(\.string).joined(separator: " ").contains("lower is better"))
    }

    @Test(arguments: [7.0, 8, 12, 15.9, 16, 25])
    func holdsAtEveryPrintWidth(widthCm: Double) throws {
        let size = ChartSize.print(widthCm: widthCm, heightCm: PrintGeometry.reportChartHeightCm(forWidthCm: widthCm), dpi: 300)
        let scene = try Shared.renderer.layout(Self.spec(.high), size: size)
        #expect(ChartLayout.problems(scene).isEmpty)
        #expect(scene.texts.allSatisfy { $0.size >= ChartSize.Medium.print.minimumTextSize - 0.01 })
        #expect(scene.texts(.pointLabel).count == 1)
    }

    @Test(arguments: [(320.0, 240.0), (390, 300), (640, 360), (720, 400), (1200, 600)])
    func holdsAtEveryScreenSize(width: Double, height: Double) throws {
        for medium in [ChartSize.Medium.screen, .phone] {
            let size = ChartSize(width: width, height: height, medium: medium)
            do {
                let scene = try Shared.renderer.layout(Self.spec(.high), size: size)
                #expect(ChartLayout.problems(scene).isEmpty)
                #expect(scene.texts.allSatisfy { $0.size >= medium.minimumTextSize - 0.01 })
                #expect(scene.texts(.pointLabel).count == 1)
            } catch ChartLayoutError.tooSmall(_, let smallest) {
                // As the other kinds: only a quarter of a phone's screen may refuse, naming a size under 400 wide.
                #expect(width == 320, "refused at \(width)×\(height) \(medium)")
                #expect(smallest.width < 400)
            }
        }
    }

    @Test func drawsAPNG() throws {
        let png = try Shared.renderer.png(Self.spec(.high), size: Shared.printSize)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
