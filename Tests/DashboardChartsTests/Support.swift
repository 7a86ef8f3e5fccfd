import DashboardCharts
import DashboardCore

/// One renderer for all tests (fonts are looked up once).
enum Shared {
    static let renderer: ChartRenderer = {
        do { return try ChartRenderer(fonts: ChartFonts.locate(in: nil)) } catch { fatalError("\(error)") }
    }()

    static let printSize = ChartSize.print(widthCm: 16, heightCm: 8, dpi: 300)
}

extension Primitive {
    var line: Line? { if case .line(let l) = self { return l } else { return nil } }
    var rect: Rect? { if case .rect(let r) = self { return r } else { return nil } }
    var marker: Marker? { if case .marker(let m) = self { return m } else { return nil } }
    var polygon: Polygon? { if case .polygon(let p) = self { return p } else { return nil } }
}

extension Scene {
    /// The y of a value, read from the axis's own tick labels (each is centred on its gridline).
    func y(ofTick label: String) -> Double? {
        texts(.valueTickLabel).first { $0.string == label }.map { $0.y - $0.size * TextMetrics.centreToBaseline }
    }

    /// The x of a value on a horizontal value axis, from its tick label.
    func x(ofTick label: String) -> Double? {
        texts(.valueTickLabel).first { $0.string == label }.map { $0.bounds.x + $0.bounds.width / 2 }
    }

    var canvas: Box { Box(x: 0, y: 0, width: width, height: height) }
}

extension DashboardAnalysis {
    var first: IndicatorAnalysis { indicators[0] }
    func spec(_ id: String? = nil) -> ChartSpec {
        ChartSpec.indicator(id.flatMap { analysis($0) } ?? indicators[0], in: self)
    }
}
