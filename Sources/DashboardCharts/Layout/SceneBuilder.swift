import Foundation

/// Collects primitives in paint order and measures text as it goes.
struct SceneBuilder {
    let width: Double
    let height: Double
    let metrics: any TextMeasuring
    /// The sizes of this layout's text.
    let type: Typography
    private(set) var items: [Scene.Item] = []
    /// The plot area, once the layout has placed it.
    var plot: Box?

    init(width: Double, height: Double, metrics: any TextMeasuring, type: Typography = .full) {
        self.width = width
        self.height = height
        self.metrics = metrics
        self.type = type
    }

    var scene: Scene { Scene(width: width, height: height, background: .white, items: items, plot: plot, typography: type) }
    var canvas: Box { Box(x: 0, y: 0, width: width, height: height) }

    mutating func add(_ role: Scene.Role, _ primitive: Primitive) { items.append(Scene.Item(role, primitive)) }

    func measure(_ string: String, size: Double, weight: FontWeight = .regular) -> Double {
        string.isEmpty ? 0 : metrics.width(string, size: size, weight: weight)
    }

    /// A text primitive, measured (not yet added).
    func text(
        _ string: String, x: Double, y: Double, size: Double, weight: FontWeight = .regular,
        colour: Colour = Style.text, anchor: Text.Anchor = .start
    ) -> Text {
        Text(
            string, x: x, y: y, size: size, weight: weight, colour: colour, anchor: anchor,
            width: measure(string, size: size, weight: weight))
    }

    @discardableResult
    mutating func addText(
        _ role: Scene.Role, _ string: String, x: Double, y: Double, size: Double,
        weight: FontWeight = .regular, colour: Colour = Style.text, anchor: Text.Anchor = .start
    ) -> Text {
        let t = text(string, x: x, y: y, size: size, weight: weight, colour: colour, anchor: anchor)
        add(role, .text(t))
        return t
    }

    mutating func addRect(_ role: Scene.Role, _ box: Box, _ fill: Colour) {
        guard box.width > 0, box.height > 0 else { return }
        add(role, .rect(Rect(box, fill: fill)))
    }

    mutating func addLine(_ role: Scene.Role, _ points: [Point], width: Double, colour: Colour, dash: [Double] = []) {
        guard points.count >= 2 else { return }
        add(role, .line(Line(points, width: width, colour: colour, dash: dash)))
    }

    /// Splits text into lines no wider than `maxWidth`, at spaces; a word too long for a line is broken.
    func wrap(_ string: String, maxWidth: Double, size: Double, weight: FontWeight = .regular) -> [String] {
        let words = string.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return [] }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if measure(candidate, size: size, weight: weight) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if measure(word, size: size, weight: weight) <= maxWidth {
                current = word
            } else {
                // Break the word itself, keeping as many characters per line as fit.
                var piece = ""
                for character in word {
                    if !piece.isEmpty, measure(piece + String(character), size: size, weight: weight) > maxWidth {
                        lines.append(piece)
                        piece = ""
                    }
                    piece.append(character)
                }
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Places labels along one axis near where they want to be without overlapping: sorted by their wish, pushed
/// apart just enough, then moved back inside the bounds. Returns centres in the input order.
enum Repel {
    static func place(wanted: [Double], sizes: [Double], gap: Double, lower: Double, upper: Double) -> [Double] {
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        var placed = order.map { wanted[$0] }
        let size = order.map { sizes[$0] }
        guard !placed.isEmpty else { return [] }
        for k in placed.indices {
            let low = k == 0 ? lower + size[k] / 2 : placed[k - 1] + (size[k - 1] + size[k]) / 2 + gap
            placed[k] = max(placed[k], low)
        }
        for k in placed.indices.reversed() {
            let high = k == placed.count - 1 ? upper - size[k] / 2 : placed[k + 1] - (size[k + 1] + size[k]) / 2 - gap
            placed[k] = min(placed[k], high)
        }
        // If the labels do not fit at all, the forward pass wins: overlap past the bottom rather than the top.
        for k in placed.indices {
            let low = k == 0 ? lower + size[k] / 2 : placed[k - 1] + (size[k - 1] + size[k]) / 2 + gap
            placed[k] = max(placed[k], low)
        }
        var result = [Double](repeating: 0, count: wanted.count)
        for (k, index) in order.enumerated() { result[index] = placed[k] }
        return result
    }
}

/// Hatching: parallel strips at 45°, clipped exactly to a box so no stroke spills over its edge.
enum Hatch {
    /// Strips `thickness` wide, `spacing` apart, rising to the right (`rising`) or falling. Aligned to the canvas,
    /// so neighbouring boxes' hatching lines up.
    static func strips(in box: Box, spacing: Double, thickness: Double, rising: Bool) -> [[Point]] {
        guard box.width > 0, box.height > 0 else { return [] }
        // Each strip is the set c − h ≤ u ≤ c + h with u = x + y (rising) or u = x − y (falling).
        let u: (Point) -> Double = rising ? { $0.x + $0.y } : { $0.x - $0.y }
        let corners = [Point(box.x, box.y), Point(box.maxX, box.y), Point(box.maxX, box.maxY), Point(box.x, box.maxY)]
        let values = corners.map(u)
        let h = thickness * 2.0.squareRoot() / 2  // half-width along u for a strip `thickness` wide
        var c = ((values.min()! - h) / spacing).rounded(.up) * spacing
        var result: [[Point]] = []
        while c - h < values.max()! {
            var polygon = clip(corners, keep: { u($0) >= c - h }, edge: c - h, u: u)
            polygon = clip(polygon, keep: { u($0) <= c + h }, edge: c + h, u: u)
            if polygon.count >= 3 { result.append(polygon) }
            c += spacing
        }
        return result
    }

    /// Sutherland–Hodgman against the half-plane `keep`, whose boundary is u = edge.
    static func clip(_ polygon: [Point], keep: (Point) -> Bool, edge: Double, u: (Point) -> Double) -> [Point] {
        guard !polygon.isEmpty else { return [] }
        var output: [Point] = []
        for (index, current) in polygon.enumerated() {
            let previous = polygon[(index + polygon.count - 1) % polygon.count]
            let (inCurrent, inPrevious) = (keep(current), keep(previous))
            if inCurrent != inPrevious {
                let (a, b) = (u(previous), u(current))
                let t = (edge - a) / (b - a)
                output.append(Point(previous.x + (current.x - previous.x) * t, previous.y + (current.y - previous.y) * t))
            }
            if inCurrent { output.append(current) }
        }
        return output
    }
}
