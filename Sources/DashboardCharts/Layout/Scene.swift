import Foundation

/// A chart laid out as plain drawing primitives in CSS pixels (y down, origin top left), in paint order.
///
/// A scene is the same at every scale: the rasteriser multiplies by the device scale, snaps rectangles and
/// horizontal or vertical lines to whole device pixels, anti-aliases the rest and draws text last. Tests
/// inspect scenes to check where things are without looking at pixels.
public struct Scene: Sendable, Hashable, CustomStringConvertible {
    public var width: Double
    public var height: Double
    public var background: Colour
    public var items: [Item]
    /// The plot area: where the data are drawn, inside the axes (nil for a chart with nothing to plot).
    public var plot: Box?
    /// The type the chart was set in, chosen from its space.
    public var typography: Typography

    public init(
        width: Double, height: Double, background: Colour = .white, items: [Item] = [], plot: Box? = nil,
        typography: Typography = .full
    ) {
        self.width = width
        self.height = height
        self.background = background
        self.items = items
        self.plot = plot
        self.typography = typography
    }

    /// A primitive with the part of the chart it draws, so tests can find "the target line".
    public struct Item: Sendable, Hashable {
        public var role: Role
        public var primitive: Primitive

        public init(_ role: Role, _ primitive: Primitive) {
            self.role = role
            self.primitive = primitive
        }
    }

    public enum Role: Sendable, Hashable {
        case title, subtitle, legend, note, source
        case gridline, axis, tick, valueTickLabel, categoryLabel, yearLabel, yearDivider
        /// The mark on a value axis that does not start at zero.
        case axisBreak
        /// The main series (its line and markers), or a stacked part / benchmark series by index.
        case series(Int)
        /// The label of the latest figure.
        case latestLabel
        case column(series: Int, category: Int)
        case yearToDateColumn(category: Int)
        case valueLabel
        case totalLabel
        case gapBand, gapLabel
        case reference(ChartSpec.Reference.Role)
        case referenceLabel(ChartSpec.Reference.Role)
        case spcPoint(ChartSpec.PointType)
        case bar(Int)
        case barLabel, seriesLabel
        case message
        /// A Making Data Count icon (variation or assurance).
        case icon
        /// A quadrant chart's point for a group member (by index), the council's name beside its point, the
        /// group's median lines, the quadrants' names and the axes' titles.
        case point(Int), pointLabel, median, medianLabel, quadrantLabel, axisTitle
    }

    /// A summary (a full dump of a scene is thousands of lines).
    public var description: String {
        "Scene \(width)×\(height), \(items.count) items: " + texts.prefix(3).map { "\"\($0.string)\"" }.joined(separator: ", ") + "…"
    }

    public var texts: [Text] { items.compactMap { if case .text(let t) = $0.primitive { return t } else { return nil } } }

    public func items(_ role: Role) -> [Primitive] { items.filter { $0.role == role }.map(\.primitive) }

    public func texts(_ role: Role) -> [Text] {
        items(role).compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }
}

public enum Primitive: Sendable, Hashable {
    case rect(Rect)
    case line(Line)
    case polygon(Polygon)
    case marker(Marker)
    case text(Text)
}
