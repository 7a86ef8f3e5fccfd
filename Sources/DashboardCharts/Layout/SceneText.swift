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
