import DashboardCore
import Testing

@testable import DashboardCharts

@Suite("Chart scenes")
struct SceneTests {
    let renderer = Shared.renderer

    @Test func targetLineSitsAtTheTargetAndIsNamed() throws {
        let scene = renderer.scene(Fixtures.familyStar(target: 70).spec(), size: .screen)
        let y68 = try #require(scene.y(ofTick: "68%")), y72 = try #require(scene.y(ofTick: "72%"))
        let target = try #require(scene.items(.reference(.target)).first?.line)
        #expect(abs(target.points[0].y - (y68 + y72) / 2) < 0.01)
        #expect(!scene.items(.axisBreak).isEmpty, "the axis does not start at zero, and says so")
        #expect(target.points[0].y == target.points[1].y)
        #expect(!target.dash.isEmpty, "a target is dashed, not told by colour alone")
        #expect(scene.texts(.referenceLabel(.target)).map(\.string) == ["Target 70.0%"])
    }

    @Test func breakInDataBreaksTheLineAndIsLabelled() throws {
        let scene = renderer.scene(Fixtures.casesAwaitingAllocation.spec(), size: .screen)
        let lines = scene.items(.series(0)).compactMap(\.line)
        #expect(lines.map(\.points.count) == [7, 5], "May to November 2019, then March to July 2020")
        let band = try #require(scene.items(.gapBand).first?.rect?.box)
        #expect(band.x > lines[0].points.last!.x)
        #expect(band.maxX < lines[1].points.first!.x)
        let label = scene.texts(.gapLabel)
        #expect(label.map(\.string).joined(separator: " ") == "Break in data")
        #expect(label.allSatisfy { $0.bounds.isInside(band) })
        #expect(scene.texts(.categoryLabel).map(\.string).contains("Jan"), "gap periods keep their axis labels")
    }

    @Test func specialCausesAreMarkedByShapeAndColour() throws {
        let scene = renderer.scene(Fixtures.casesAwaitingAllocation.spec(), size: .screen)
        let improvement = scene.items(.spcPoint(.improvement)).compactMap(\.marker)
        let concern = scene.items(.spcPoint(.concern)).compactMap(\.marker)
        let common = scene.items(.spcPoint(.commonCause)).compactMap(\.marker)
        #expect(improvement.count == 5, "March to July 2020: two of three close to the lower limit")
        #expect(concern.count == 2, "May and July 2019: above the upper limit")
        #expect(common.count == 5)
        #expect(Set(improvement.map(\.shape)).count == 1 && Set(concern.map(\.shape)).count == 1)
        #expect(improvement[0].shape != concern[0].shape && improvement[0].shape != common[0].shape && concern[0].shape != common[0].shape)
        #expect(improvement[0].fill != concern[0].fill && improvement[0].fill != common[0].fill)
        #expect(scene.texts(.legend).map(\.string) == ["Special cause: improvement", "Special cause: concern", "Common cause"])
    }

    /// The pathway's lower process limit is −21.2: a count cannot go below zero, so the limit is not drawn.
    @Test func negativeLowerLimitOfACountIsLeftOff() throws {
        let scene = renderer.scene(Fixtures.casesAwaitingAllocation.spec(), size: .screen)
        #expect(scene.items(.reference(.lowerLimit)).isEmpty)
        #expect(scene.texts(.valueTickLabel).first?.string == "0")
        let upper = try #require(scene.items(.reference(.upperLimit)).first?.line)
        let y200 = try #require(scene.y(ofTick: "200")), y300 = try #require(scene.y(ofTick: "300"))
        let expected = y200 + (283.0686666666667 - 200) / 100 * (y300 - y200)
        #expect(abs(upper.points[0].y - expected) < 0.01)
        #expect(scene.texts(.referenceLabel(.upperLimit)).map(\.string) == ["Upper limit 283"])
        #expect(scene.texts(.referenceLabel(.mean)).map(\.string) == ["Mean 131"])
    }

    @Test func yearToDateColumnsStandApartAndLookDifferent() throws {
        let spec = Fixtures.familiesOpen.spec()
        #expect(spec.categories.map(\.name) == ["2018/19 YTD", "2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4", "2019/20 YTD", "2020/21 Q1"])
        let scene = renderer.scene(spec, size: .screen)
        func column(_ index: Int) -> [Primitive] {
            scene.items(.column(series: 0, category: index)) + scene.items(.yearToDateColumn(category: index))
        }
        let quarter = try #require(column(4).first?.rect), yearToDate = try #require(column(5).first?.rect)
        #expect(quarter.fill == Style.darkBlue)
        #expect(yearToDate.fill != quarter.fill)
        #expect(abs(yearToDate.fill.grey - quarter.fill.grey) > 100, "told apart in greyscale too")
        #expect(column(5).contains { $0.polygon != nil }, "hatched")
        let next = try #require(column(3).first?.rect)
        #expect(yearToDate.box.x - quarter.box.maxX > quarter.box.x - next.box.maxX, "a wider space before the year to date")
        #expect(scene.texts(.categoryLabel).filter { $0.string == "YTD" }.count == 2)
        #expect(scene.texts(.legend).map(\.string) == ["Quarter", "Year to date"])
        #expect(scene.texts(.valueLabel).map(\.string) == ["3,285", "1,537", "1,555", "1,453", "1,388", "2,733", "1,360"])
    }

    @Test func stackedSegmentsAddUpToTheTotal() throws {
        let spec = Fixtures.openCasesByWorkerType.spec()
        #expect(spec.totals == [1363, 1133, 963, 1193, 1355])
        let scene = renderer.scene(spec, size: .screen)
        let y0 = try #require(scene.y(ofTick: "0")), y1000 = try #require(scene.y(ofTick: "1,000"))
        let perUnit = (y0 - y1000) / 1000
        for (category, total) in [1363.0, 1133, 963, 1193, 1355].enumerated() {
            var height = 0.0
            for part in 0..<5 {
                let fill = Style.part(part).colour
                height += scene.items(.column(series: part, category: category)).compactMap(\.rect).filter { $0.fill == fill }.map(\.box.height).reduce(0, +)
            }
            #expect(abs(height - total * perUnit) < 0.01)
        }
        #expect(scene.texts(.totalLabel).map(\.string) == ["1,363", "1,133", "963", "1,193", "1,355"])
        #expect(Set(scene.texts(.seriesLabel).map(\.string)) == Set(Fixtures.workerTypes.map(\.name)))
        // Neighbouring parts differ in grey level or pattern, so the stack reads in greyscale.
        for part in 1..<5 {
            let (a, b) = (Style.part(part - 1), Style.part(part))
            #expect(abs(a.colour.grey - b.colour.grey) > 40 || a.pattern != b.pattern)
        }
    }

    @Test func comparisonBarsShowTheCouncilAgainstItsComparatorsAndTarget() throws {
        let scene = renderer.scene(Fixtures.childProtectionReviews.spec(), size: .screen)
        let council = try #require(scene.items(.bar(0)).first?.rect), neighbours = try #require(scene.items(.bar(1)).first?.rect)
        #expect(council.fill == Style.darkBlue && neighbours.fill != council.fill)
        #expect(abs(council.box.width / neighbours.box.width - 94.9 / 90.8) < 1e-9)
        let x80 = try #require(scene.x(ofTick: "80%")), x100 = try #require(scene.x(ofTick: "100%"))
        let target = try #require(scene.items(.reference(.target)).first?.line)
        #expect(abs(target.points[0].x - (x80 + (x100 - x80) * 0.85)) < 0.5)
        let values = scene.texts(.barLabel)
        #expect(values.map(\.string) == ["94.9%", "90.8%"])
        #expect(values.allSatisfy { !($0.bounds.x...$0.bounds.maxX).contains(target.points[0].x) }, "the target line crosses no label")
        #expect(scene.texts(.categoryLabel).map(\.string) == ["Leicestershire County Council", "Statistical neighbours"])
        #expect(scene.texts(.categoryLabel)[0].weight == .bold)
    }

    /// Family Star fell from 71.8% to 68.0%: the line comes down into the last point, so its label goes below.
    @Test func latestFigureIsLabelledClearOfTheLine() throws {
        let scene = renderer.scene(Fixtures.familyStar().spec(), size: .screen)
        let label = try #require(scene.texts(.latestLabel).first)
        let last = try #require(scene.items(.series(0)).compactMap(\.line).first?.points.last)
        #expect(label.string == "68.0%")
        #expect(label.bounds.y > last.y, "below the point")
        let sen2 = renderer.scene(Fixtures.plansWithinTwentyWeeks.spec(), size: .screen)
        #expect(sen2.texts(.latestLabel).map(\.string) == ["92%"])
    }

    @Test func longTitlesWrapWithinTheChart() {
        let size = Shared.printSize
        let spec = Fixtures.childProtectionPlansTwoYears.spec()
        let scene = renderer.scene(spec, size: size)
        let lines = scene.texts(.title)
        #expect(lines.count >= 2)
        #expect(lines.map(\.string).joined(separator: " ") == spec.title)
        #expect(lines.allSatisfy { $0.bounds.maxX <= size.width - Style.padding + 0.01 })
    }

    static let allSpecs: [ChartSpec] = [
        Fixtures.casesAwaitingAllocation.spec(), Fixtures.familyStar(target: 70).spec(), Fixtures.familyStar(chart: .spc).spec(),
        Fixtures.familiesOpen.spec(), Fixtures.openCasesByWorkerType.spec(), Fixtures.childProtectionReviews.spec(),
        Fixtures.childProtectionPlansTwoYears.spec(), Fixtures.plansWithinTwentyWeeks.spec(),
    ]

    @Test(arguments: [ChartSize.screen, Shared.printSize, ChartSize(width: 420, height: 260), ChartSize(width: 1200, height: 600)])
    func noTextLeavesTheCanvasAndNoLabelsCollide(size: ChartSize) {
        for spec in SceneTests.allSpecs {
            let scene = renderer.scene(spec, size: size)
            for text in scene.texts {
                #expect(text.bounds.isInside(scene.canvas), "\(spec.kind) \"\(text.string)\" at \(size.width)×\(size.height)")
            }
            for role: Scene.Role in [.categoryLabel, .yearLabel, .valueTickLabel, .referenceLabel(.target), .seriesLabel] {
                let texts =
                    scene.texts(role)
                    + (role == .seriesLabel
                        ? scene.items.compactMap {
                            if case .referenceLabel = $0.role, case .text(let t) = $0.primitive { return t } else { return nil }
                        } : [])
                for (i, a) in texts.enumerated() {
                    for b in texts[(i + 1)...] {
                        #expect(!a.bounds.intersects(b.bounds), "\(spec.kind): \"\(a.string)\" overlaps \"\(b.string)\" at \(size.width)×\(size.height)")
                    }
                }
            }
        }
    }

    /// Monthly labels thin to round months (every third: Jan, Apr, Jul, Oct) when the chart is narrow.
    @Test func crowdedMonthLabelsThinToRoundMonths() {
        let scene = renderer.scene(Fixtures.casesAwaitingAllocation.spec(), size: ChartSize(width: 360, height: 240))
        let labels = scene.texts(.categoryLabel).map(\.string)
        #expect(labels.count < 15)
        // In a tight chart the year joins the first month of each year on one row ("Jan 2020").
        let months = labels.map { String($0.split(separator: " ")[0]) }
        let years = scene.texts(.yearLabel).map(\.string) + labels.compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
        #expect(Set(months).isSubset(of: ["Jan", "Mar", "May", "Jul", "Sep", "Nov", "Apr", "Oct"]))
        #expect(years == ["2019", "2020"])
    }

    @Test func sparklineIsALineWithItsLastPointDotted() throws {
        #expect(ChartSpec.sparkline(Fixtures.childProtectionReviews.first) == nil, "one figure is not a trend")
        let spec = try #require(ChartSpec.sparkline(Fixtures.casesAwaitingAllocation.first))
        let scene = renderer.scene(spec, size: .sparkline)
        let lines = scene.items(.series(0)).compactMap(\.line)
        #expect(lines.count == 2, "the break in data stays a break")
        let dot = try #require(scene.items(.latestLabel).first?.marker)
        #expect(dot.centre == lines[1].points.last!)
        #expect(scene.texts.isEmpty)
        #expect(lines.flatMap(\.points).allSatisfy { $0.x >= 0 && $0.x <= 120 && $0.y >= 0 && $0.y <= 32 })
    }

    @Test func chartsWithoutFiguresSaySo() {
        var spec = Fixtures.familyStar().spec()
        spec.series[0].values = spec.series[0].values.map { _ in nil }
        let scene = renderer.scene(spec, size: .screen)
        #expect(scene.texts(.message).map(\.string) == ["No figures to chart yet."])
    }
}

@Suite("Odd input")
struct OddInputTests {
    let renderer = Shared.renderer

    /// A NaN or infinite figure (a division by zero upstream) is drawn as a gap, never as a position.
    @Test func nonFiniteFiguresAreGaps() throws {
        var spec = Fixtures.familyStar(target: 70).spec()
        spec.series[0].values = [67.1, .nan, 70.3, .infinity, 68.0]
        spec.references.append(ChartSpec.Reference(role: .mean, name: "Mean", value: .nan))
        let scene = renderer.scene(spec, size: .screen)
        #expect(scene.items(.series(0)).compactMap(\.line).isEmpty, "no two figures are neighbours")
        #expect(scene.items(.reference(.mean)).isEmpty)
        #expect(try renderer.png(spec, size: .screen).count > 100)
    }

    @Test(arguments: [ChartSize(width: 1, height: 1), ChartSize(width: 40, height: 24), ChartSize(width: 9000, height: 60)])
    func everyKindRendersAtExtremeSizes(size: ChartSize) throws {
        // A chart too small to read is refused; a sparkline, which has no text, is drawn at any size.
        for spec in SceneTests.allSpecs + [ChartSpec.sparkline(Fixtures.casesAwaitingAllocation.first)!] {
            do {
                let png = try renderer.png(spec, size: size)
                #expect(PNGChunks(png).first { $0.type == "IHDR" }?.data.uint32(at: 0) == UInt32(size.pixelWidth))
                #expect(spec.kind == .sparkline || size.width == 9000 && spec.title.isEmpty, "\(spec.kind) drawn at \(size)")
            } catch let error as ChartLayoutError {
                #expect(spec.kind != .sparkline, "\(error)")
            }
        }
    }
}
