import DashboardCore

/// The size a chart is laid out at (CSS pixels) and rasterised at (`scale` device pixels per CSS pixel).
///
/// The layout is the same at every scale, so a print chart is the screen chart with finer pixels; `dpi` is
/// written into the PNG so Word and PDF tools place it at its physical size.
public struct ChartSize: Sendable, Hashable, Codable {
    public var width: Double
    public var height: Double
    public var scale: Double
    public var dpi: Int
    /// Where the chart is read, which sets the smallest text it may use.
    public var medium: Medium

    public enum Medium: String, Sendable, Hashable, Codable {
        /// A web page: text at least 11 CSS pixels.
        case screen
        /// Paper: text at least 7 points (9.33 CSS pixels).
        case print
        /// A phone's screen: text at least 12 CSS pixels, as large as on a desktop.
        case phone

        /// The smallest readable text, in CSS pixels.
        public var minimumTextSize: Double {
            switch self {
            case .screen: return 11
            case .print: return 7.0 / 72 * ChartSize.cssPixelsPerInch
            case .phone: return 12
            }
        }
    }

    /// CSS pixels per inch: the one constant behind every conversion between layout, dots per inch and centimetres.
    public static let cssPixelsPerInch = PrintGeometry.cssPixelsPerInch
    public static let centimetresPerInch = PrintGeometry.centimetresPerInch

    /// A length in CSS pixels as centimetres on paper.
    public static func centimetres(_ css: Double) -> Double { css / cssPixelsPerInch * centimetresPerInch }
    /// A length in centimetres on paper as CSS pixels.
    public static func cssPixels(centimetres cm: Double) -> Double { cm / centimetresPerInch * cssPixelsPerInch }

    /// The layout of `width` × `height` CSS pixels printed at `dpi` dots per inch.
    public static func printed(width: Double, height: Double, dpi: Int) -> ChartSize {
        ChartSize(width: width, height: height, scale: Double(dpi) / cssPixelsPerInch, dpi: dpi, medium: .print)
    }

    /// Exactly `pixelWidth` × `pixelHeight` device pixels at `dpi`, laid out in the CSS pixels that makes.
    public static func printed(pixelWidth: Double, pixelHeight: Double, dpi: Int) -> ChartSize {
        let scale = Double(dpi) / cssPixelsPerInch
        return ChartSize(width: pixelWidth / scale, height: pixelHeight / scale, scale: scale, dpi: dpi, medium: .print)
    }

    public init(width: Double, height: Double, scale: Double = 1, dpi: Int = 96, medium: Medium = .screen) {
        self.width = width
        self.height = height
        self.scale = scale
        self.dpi = dpi
        self.medium = medium
    }

    /// Pixel dimensions of the PNG.
    public var pixelWidth: Int { Int((width * scale).rounded()) }
    public var pixelHeight: Int { Int((height * scale).rounded()) }

    /// The indicator page's chart.
    public static let screen = ChartSize(width: 720, height: 400)
    /// The KPI table's sparkline.
    public static let sparkline = ChartSize(width: 120, height: 32)

    public func scaled(_ factor: Double) -> ChartSize {
        ChartSize(width: width, height: height, scale: scale * factor, dpi: Int((Double(dpi) * factor).rounded()), medium: medium)
    }

    /// A chart for a printed report: `widthCm` × `heightCm` at `dpi` dots per inch, laid out as on screen
    /// (CSS pixels are 1/96 inch) so text and lines keep their proportions.
    public static func print(widthCm: Double, heightCm: Double, dpi: Int) -> ChartSize {
        printed(width: cssPixels(centimetres: widthCm), height: cssPixels(centimetres: heightCm), dpi: dpi)
    }
}
