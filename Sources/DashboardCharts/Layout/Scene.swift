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

public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned box; also used for text bounds.
public struct Box: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    public func intersects(_ other: Box) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func inset(_ d: Double) -> Box { Box(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }

    public func isInside(_ container: Box, tolerance: Double = 0.01) -> Bool {
        x >= container.x - tolerance && y >= container.y - tolerance
            && maxX <= container.maxX + tolerance && maxY <= container.maxY + tolerance
    }
}

/// A filled rectangle, snapped to device pixels when drawn so edges stay crisp.
public struct Rect: Sendable, Hashable {
    public var box: Box
    public var fill: Colour
    public init(_ box: Box, fill: Colour) {
        self.box = box
        self.fill = fill
    }
    public init(x: Double, y: Double, width: Double, height: Double, fill: Colour) {
        self.init(Box(x: x, y: y, width: width, height: height), fill: fill)
    }
}

/// A stroked polyline. Dashes are on/off lengths in CSS pixels. Lines whose segments are all horizontal or
/// vertical are drawn as crisp pixel-aligned rectangles; others are anti-aliased with round joins.
public struct Line: Sendable, Hashable {
    public var points: [Point]
    public var width: Double
    public var colour: Colour
    public var dash: [Double]

    public init(_ points: [Point], width: Double, colour: Colour, dash: [Double] = []) {
        self.points = points
        self.width = width
        self.colour = colour
        self.dash = dash
    }
}

public struct Polygon: Sendable, Hashable {
    public var points: [Point]
    public var fill: Colour
    public init(_ points: [Point], fill: Colour) {
        self.points = points
        self.fill = fill
    }
}

/// A data point's symbol. `size` is the radius of the circle that holds it.
public struct Marker: Sendable, Hashable {
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        case circle, square, diamond, triangleUp, triangleDown
    }

    public var centre: Point
    public var shape: Shape
    public var size: Double
    public var fill: Colour
    /// An outline (drawn as a ring of this colour around the fill), e.g. white to lift a point off a line.
    public var outline: Colour?
    public var outlineWidth: Double

    public init(_ centre: Point, shape: Shape, size: Double, fill: Colour, outline: Colour? = nil, outlineWidth: Double = 0) {
        self.centre = centre
        self.shape = shape
        self.size = size
        self.fill = fill
        self.outline = outline
        self.outlineWidth = outlineWidth
    }

    /// The shape's outline as a polygon of `radius` (circles as a polygon fine enough at `segments`).
    public func outline(radius: Double, segments: Int = 24) -> [Point] {
        let c = centre, r = radius
        switch shape {
        case .circle:
            return (0..<segments).map { i in
                let a = Double(i) / Double(segments) * 2 * Double.pi
                return Point(c.x + r * cos(a), c.y + r * sin(a))
            }
        case .square:
            let h = r * 0.82
            return [Point(c.x - h, c.y - h), Point(c.x + h, c.y - h), Point(c.x + h, c.y + h), Point(c.x - h, c.y + h)]
        case .diamond:
            let h = r * 1.12
            return [Point(c.x, c.y - h), Point(c.x + h, c.y), Point(c.x, c.y + h), Point(c.x - h, c.y)]
        case .triangleUp:
            let h = r * 1.2
            return [Point(c.x, c.y - h), Point(c.x + h * 0.866, c.y + h * 0.5), Point(c.x - h * 0.866, c.y + h * 0.5)]
        case .triangleDown:
            let h = r * 1.2
            return [Point(c.x, c.y + h), Point(c.x - h * 0.866, c.y - h * 0.5), Point(c.x + h * 0.866, c.y - h * 0.5)]
        }
    }
}

public enum FontWeight: String, Sendable, Hashable, Codable {
    case regular, bold
}

/// One line of text. `y` is the baseline; `width` is as measured when laid out, so tests can check bounds.
public struct Text: Sendable, Hashable {
    public enum Anchor: String, Sendable, Hashable { case start, middle, end }

    public var string: String
    public var x: Double
    public var y: Double
    public var size: Double
    public var weight: FontWeight
    public var colour: Colour
    public var anchor: Anchor
    public var width: Double

    public init(
        _ string: String, x: Double, y: Double, size: Double, weight: FontWeight = .regular, colour: Colour,
        anchor: Anchor = .start, width: Double
    ) {
        self.string = string
        self.x = x
        self.y = y
        self.size = size
        self.weight = weight
        self.colour = colour
        self.anchor = anchor
        self.width = width
    }

    /// The box the glyphs occupy: from the ascent of capitals to the descent of "g" and "y".
    public var bounds: Box {
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - width / 2
        case .end: left = x - width
        }
        return Box(x: left, y: y - size * TextMetrics.ascent, width: width, height: size * (TextMetrics.ascent + TextMetrics.descent))
    }
}

/// An sRGB colour with opacity (255 opaque).
public struct Colour: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// `0x12436D`
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    public var description: String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [red, green, blue].map { String(digits[Int($0 >> 4)]) + String(digits[Int($0 & 15)]) }.joined()
    }

    /// Relative luminance as WCAG defines it (0 black … 1 white).
    public var luminance: Double {
        func channel(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// Grey level as a greyscale printer would make it (Rec. 601 luma, 0–255).
    public var grey: Double { 0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue) }

    /// Mixed with white: 0 is this colour, 1 is white. For light tints that stay opaque.
    public func tint(_ amount: Double) -> Colour {
        func mix(_ c: UInt8) -> UInt8 { UInt8((Double(c) + (255 - Double(c)) * amount).rounded()) }
        return Colour(mix(red), mix(green), mix(blue), alpha: alpha)
    }

    public static let white = Colour(255, 255, 255)
    public static let black = Colour(0, 0, 0)
}
