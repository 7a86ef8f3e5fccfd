import Foundation

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
