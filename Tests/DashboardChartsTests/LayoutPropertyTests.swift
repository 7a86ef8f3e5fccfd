import DashboardCore
import Foundation
import Testing

@testable import DashboardCharts

/// Every chart kind over a grid of sizes and data shapes, against three rules checked from outside the layout
/// (from the scene's JSON, in pixels of the PNG): no two texts overlap, no text leaves the image, and the plot
/// keeps at least a third of the image.
@Suite("Chart layout holds at every size")
struct LayoutPropertyTests {
    let renderer = Shared.renderer

    /// 7 to 25 cm wide at 300 dpi at the report's default height, and the screen sizes of phones to desktops.
    static let sizes: [ChartSize] =
        [7.0, 8, 10, 12, 15.9, 16, 20, 25].map { ChartSize.print(widthCm: $0, heightCm: PrintGeometry.reportChartHeightCm(forWidthCm: $0), dpi: 300) }
        + [(320, 240), (390, 300), (480, 320), (640, 360), (800, 450), (1200, 600)].map { ChartSize(width: $0, height: $1) }

    /// From these sizes up every shape must be drawn; below them a chart with a very long title, a long key
    /// or a long note may instead be refused, naming a larger size that does draw.
    static func mustDraw(_ size: ChartSize) -> Bool {
        size.medium == .print ? size.width >= 10 / 2.54 * 96 - 0.01 : size.width >= 480
    }

    @Test(arguments: ChartSpec.Kind.allCases)
    func everyShapeAtEverySizeKeepsItsTextApartAndInside(kind: ChartSpec.Kind) throws {
        for (shape, spec) in Shapes.all(kind) {
            for size in Self.sizes {
                let scene: Scene
                do {
                    scene = try renderer.layout(spec, size: size)
                } catch ChartLayoutError.tooSmall(_, let smallest) {
                    #expect(!Self.mustDraw(size), "\(kind) \(shape) refused at \(size.width)×\(size.height) (\(size.medium))")
                    #expect(smallest.width > size.width && smallest.height > size.height)
                    #expect(throws: Never.self) { try renderer.layout(spec, size: smallest) }
                    continue
                }
                let problems = Rules.check(json: scene.layoutJSON(scale: size.scale))
                #expect(problems.isEmpty, "\(kind) \(shape) at \(size.width)×\(size.height) (\(size.medium)): \(problems)")
                #expect(
                    scene.texts.allSatisfy { $0.size >= size.medium.minimumTextSize - 1e-9 },
                    "\(kind) \(shape): no text below the readable minimum")
            }
        }
    }

    /// Below the smallest readable size a chart is refused, with the smallest size it can be drawn at, and
    /// that size does draw.
    @Test(arguments: ChartSpec.Kind.allCases.filter { $0 != .sparkline })
    func tooSmallIsRefusedNamingTheSmallestSize(kind: ChartSpec.Kind) throws {
        let spec = try #require(Shapes.all(kind).first { $0.0 == "long title" }?.1)
        let tiny = ChartSize.print(widthCm: 3, heightCm: 2, dpi: 300)
        do {
            _ = try renderer.layout(spec, size: tiny)
            Issue.record("a 3 × 2 cm \(kind) chart was drawn")
        } catch ChartLayoutError.tooSmall(let size, let smallest) {
            #expect(size == tiny)
            #expect(smallest.width > tiny.width && abs(smallest.width / smallest.height - 1.5) < 1e-6)
            #expect(throws: Never.self) { try renderer.layout(spec, size: smallest) }
            #expect("\(ChartLayoutError.tooSmall(size: size, smallest: smallest))".contains("cm at 300 dpi is too small to read"))
        }
    }

    /// Where there is room the type is the full size; in a narrow chart it shrinks but not below 7 pt.
    @Test func typeShrinksWithTheSpaceButNotBelowSevenPoints() throws {
        let spec = try #require(Shapes.all(.line).first { $0.0 == "gaps" }?.1)
        let wide = try renderer.layout(spec, size: .print(widthCm: 25, heightCm: 14, dpi: 300))
        let narrow = try renderer.layout(spec, size: .print(widthCm: 8, heightCm: 7.5, dpi: 300))
        #expect(wide.typography == .full)
        #expect(narrow.typography.label < Typography.full.label)
        #expect(narrow.typography.label >= 7.0 / 72 * 96 - 1e-9)
    }
}

/// The three rules, read from the layout JSON as an outside checker would.
enum Rules {
    static func check(json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let width = object["width"] as? Double, let height = object["height"] as? Double,
            let texts = object["texts"] as? [[String: Any]]
        else { return ["unreadable JSON"] }
        struct T {
            var text: String
            var x, y, w, h: Double
        }
        let boxes = texts.map {
            T(
                text: $0["text"] as? String ?? "", x: $0["x"] as? Double ?? .nan, y: $0["y"] as? Double ?? .nan,
                w: $0["w"] as? Double ?? .nan, h: $0["h"] as? Double ?? .nan)
        }
        var problems: [String] = []
        // Coordinates are rounded to 0.01 px in the JSON.
        let e = 0.02
        for t in boxes where !(t.x >= -e && t.y >= -e && t.x + t.w <= width + e && t.y + t.h <= height + e) {
            problems.append("\"\(t.text)\" leaves the image")
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                if a.x < b.x + b.w - e, b.x < a.x + a.w - e, a.y < b.y + b.h - e, b.y < a.y + a.h - e {
                    problems.append("\"\(a.text)\" overlaps \"\(b.text)\"")
                }
            }
        }
        if let plot = object["plot"] as? [String: Double], let w = plot["w"], let h = plot["h"] {
            if w * h < width * height / 3 - 1 { problems.append("plot is \(Int(100 * w * h / (width * height)))% of the image") }
        } else {
            problems.append("no plot")
        }
        return problems
    }
}

/// Data shapes that have broken charts: long titles, 60 months, gaps, negatives, one point, large numbers.
enum Shapes {
    static let longTitle = "Percentage of children becoming the subject of a child protection plan for a second or subsequent time within two years of the previous plan ending"
    static let source = "Children and Families Overview and Scrutiny Committee, 1 September 2020; DfE LAIT, children in need census"

    static func months(_ n: Int) -> [ChartSpec.Category] {
        (0..<n).map { i in ChartSpec.Category(.month(year: 2016 + (i + 3) / 12, month: (i + 3) % 12 + 1)) }
    }

    static func quarters(_ n: Int) -> [ChartSpec.Category] {
        (0..<n).map { i in ChartSpec.Category(.quarter(financialYear: 2017 + i / 4, quarter: i % 4 + 1)) }
    }

    /// (name, categories, values, unit, decimals)
    static var data: [(String, [ChartSpec.Category], [Double?], MeasureUnit, Int)] {
        let q = quarters(8)
        return [
            ("long title", q, [67.1, 67.5, 70.3, 71.8, 68.0, 69.2, 70.1, 72.4], .percent, 1),
            ("60 months", months(60), (0..<60).map { 300 + 80 * sin(Double($0) / 5) + Double($0) }, .count, 0),
            ("gaps", q, [290, 279, nil, nil, nil, 21, 24, 6], .count, 0),
            ("negatives", q, [-12.5, -3.1, 4.2, 9.8, -0.4, 2.2, -7.7, 1.1], .rate, 1),
            ("one point", [q[0]], [94.9], .percent, 1),
            ("large numbers", q, [1_234_567, 2_345_678, 3_456_789, 2_987_654, 4_123_456, 3_999_999, 4_567_890, 5_012_345], .currency, 0),
            ("high percentages near a target", q, [92.4, 93.1, 95.8, 94.2, 96.0, 93.7, 94.9, 95.5], .percent, 1),
        ]
    }

    static func all(_ kind: ChartSpec.Kind) -> [(String, ChartSpec)] {
        data.map { name, categories, values, unit, decimals in
            let title = name == "long title" ? longTitle : "Families open to the service"
            let axis = ChartSpec.Axis(unit: unit, decimals: decimals)
            var spec = ChartSpec(
                kind: kind, title: title, subtitle: "Figures, quarterly, \(categories.first!.name) to \(categories.last!.name)",
                source: source, axis: axis, categories: categories,
                series: [.init(name: "Families open", role: .main, values: values)])
            let present = values.compactMap { $0 }
            let high = present.max()!, low = present.min()!
            spec.references = [.init(role: .target, name: "Target", value: (high + low) / 2 + (high - low) * 0.6)]
            if let from = values.firstIndex(where: { $0 == nil }), let to = values.lastIndex(where: { $0 == nil }) {
                spec.gaps = [.init(from: from, to: to, reason: "Break in data while the report was developed")]
            }
            switch kind {
            case .line:
                spec.series.append(.init(name: "England", role: .benchmark(.national), values: values.map { $0.map { $0 * 0.95 + 1 } }))
                spec.references.append(.init(role: .statisticalNeighbours, name: "Statistical neighbours (2019/20)", value: low * 0.97))
            case .column:
                spec.axis.includeZero = true
            case .stacked:
                spec.axis.includeZero = true
                let parts = ["Family Wellbeing Worker", "Key Worker", "Wellbeing Practitioner", "Youth Worker", "YOT Worker"]
                spec.series = parts.enumerated().map { index, part in
                    ChartSpec.Series(name: part, role: .part(index), values: values.map { $0.map { abs($0) * Double(5 - index) / 15 } })
                }
                spec.totals = values.map { $0.map(abs) }
            case .spc:
                let mean = present.reduce(0, +) / Double(present.count)
                let spread = max(1, high - low)
                spec.references += [
                    .init(role: .upperLimit, name: "Upper limit", value: mean + spread * 0.7),
                    .init(role: .mean, name: "Mean", value: mean),
                    .init(role: .lowerLimit, name: "Lower limit", value: mean - spread * 0.7),
                ]
                spec.points = values.enumerated().map { index, value in
                    value == nil ? nil : [ChartSpec.PointType.commonCause, .improvement, .concern, .neither][index % 4]
                }
                spec.notes = ["Common cause variation. The target is within the process limits, so it may or may not be met."]
            case .comparison:
                spec.bars = [
                    .init(name: "Leicestershire County Council", value: present.last!, decimals: decimals, isSubject: true),
                    .init(name: "Statistical neighbours", value: present.last! * 0.9, decimals: decimals),
                    .init(name: "East Midlands", value: present.last! * 1.05, decimals: decimals),
                    .init(name: "England", value: present.last! * 0.97, decimals: decimals),
                ]
                spec.categories = []
                spec.series = []
            case .quadrant:
                let points = present.enumerated().map { index, value in
                    ChartSpec.Quadrant.Point(
                        name: index == 2 ? "Leicestershire County Council" : "Member \(index)", x: 300 + Double((index * 37) % 11) * 45, y: value,
                        isSubject: index == 2)
                }
                let middle = { (v: [Double]) in v.sorted()[v.count / 2] }
                spec.quadrant = .init(
                    points: points, xMedian: middle(points.map(\.x)), yMedian: middle(points.map(\.y)),
                    xTitle: "Spend per head on children's social care (£ per head), 2023-24", yTitle: "Families open (\(unit)), 2023-24, higher is better",
                    xUnit: .currency, yUnit: unit, xDecimals: 0, yDecimals: decimals, lowerIsBetter: false, judged: true)
                spec.categories = []
                spec.series = []
                spec.references = []
                spec.gaps = []
            case .sparkline:
                spec.title = ""
                spec.subtitle = nil
                spec.source = nil
                spec.references = []
                spec.gaps = []
            }
            return (name, spec)
        }
    }
}
