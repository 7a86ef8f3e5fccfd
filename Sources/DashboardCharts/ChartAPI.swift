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
            case .print: return 7.0 / 72 * 96
            case .phone: return 12
            }
        }
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
        let cssWidth = widthCm / 2.54 * 96
        let cssHeight = heightCm / 2.54 * 96
        return ChartSize(width: cssWidth, height: cssHeight, scale: Double(dpi) / 96, dpi: dpi, medium: .print)
    }

    /// A report chart's default width: A4's 21 cm less two margins of 2.54 cm, the width of a Word document's text.
    public static let reportWidthCm = 15.9

    /// A report chart's default height for a width: 9/16 of it, but at least 7.5 cm (and no more than the
    /// width), so a narrow chart keeps room for its plot under its title and above its source.
    public static func reportHeightCm(forWidthCm width: Double) -> Double {
        max(width * 9 / 16, min(width, 7.5))
    }
}
