import DashboardCore
import Testing

@testable import DashboardCharts

/// Axes that do not exaggerate, as the Analysis Function's guidance asks.
@Suite("Honest axes")
struct HonestAxisTests {
    let renderer = Shared.renderer

    /// Family Star 67.1% to 71.8% with a 97% target: the line chart's axis reaches the target and shows the
    /// variation; the latest label is beside its own point, not over the target line.
    @Test func lineChartIncludesTheTargetAndMarksItsNonZeroStart() throws {
        let scene = try renderer.layout(Fixtures.familyStar(target: 97).spec(), size: .screen)
        let ticks = scene.texts(.valueTickLabel).map(\.string)
        #expect(!ticks.contains("0%"))
        // The axis reaches the 97% target: its top tick is at or above it.
        let top = try #require(ticks.last.flatMap { Double($0.dropLast()) }, "\(ticks)")
        #expect(top >= 97, "\(ticks)")
        #expect(scene.items(.axisBreak).count >= 2)
        let target = try #require(scene.items(.reference(.target)).first?.line)
        let latest = try #require(scene.texts(.latestLabel).first)
        #expect(!(latest.bounds.y < target.points[0].y && target.points[0].y < latest.bounds.maxY))
    }

    /// Columns start at zero and carry no break mark.
    @Test func columnsStartAtZeroWithoutABreak() throws {
        let scene = try renderer.layout(Fixtures.familyStar(chart: .column).spec(), size: .screen)
        #expect(scene.texts(.valueTickLabel).first?.string == "0%")
        #expect(scene.items(.axisBreak).isEmpty)
    }

    /// A sparkline of 67% to 72% does not stretch the five points over the whole height.
    @Test func sparklineOfASmallChangeIsNotStretched() throws {
        let spec = try #require(ChartSpec.sparkline(Fixtures.familyStar().first))
        let scene = try renderer.layout(spec, size: .sparkline)
        let ys = scene.items(.series(0)).compactMap(\.line).flatMap(\.points).map(\.y)
        let spread = try #require(ys.max()) - ys.min()!
        let plot = try #require(scene.plot)
        #expect(spread < plot.height * 0.5, "67.1%–71.8% is a small change, drawn \(spread) of \(plot.height) px")
        #expect(spread > 0)
    }

    /// A sparkline's scale includes its target, drawn as a dashed line.
    @Test func sparklineIncludesItsTarget() throws {
        let spec = try #require(ChartSpec.sparkline(Fixtures.familyStar(target: 90).first))
        let scene = try renderer.layout(spec, size: .sparkline)
        let target = try #require(scene.items(.reference(.target)).first?.line)
        #expect(target.points[0].y >= 0 && target.points[0].y <= scene.height)
        let ys = scene.items(.series(0)).compactMap(\.line).flatMap(\.points).map(\.y)
        #expect(ys.allSatisfy { $0 > target.points[0].y }, "every figure is below the 90% target")
    }
}
