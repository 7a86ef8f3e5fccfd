/// Measures text for layout, in CSS pixels. The libgd implementation asks FreeType; tests may pass their own.
public protocol TextMeasuring: Sendable {
    /// The advance width of `text` set at `size` CSS pixels.
    func width(_ text: String, size: Double, weight: FontWeight) -> Double
}

/// Vertical metrics shared by layout and rasteriser, as fractions of the font size.
///
/// DejaVu Sans and most UI sans-serifs have capitals about 0.73 em tall and descenders about 0.24 em deep;
/// boxes use these rather than each string's own ink so that labels in a row line up.
public enum TextMetrics {
    public static let ascent = 0.76
    public static let descent = 0.24
    /// Baseline-to-baseline distance for wrapped lines.
    public static let lineHeight = 1.25
    /// From a line's vertical centre down to its baseline (centres figures and capitals on a tick).
    public static let centreToBaseline = 0.36
}

/// A measurer with a fixed advance per character, for tests that must not depend on a font file.
public struct MonospacedMetrics: TextMeasuring {
    public var advance: Double
    public init(advance: Double = 0.6) { self.advance = advance }
    public func width(_ text: String, size: Double, weight: FontWeight) -> Double {
        Double(text.count) * size * advance * (weight == .bold ? 1.08 : 1)
    }
}
