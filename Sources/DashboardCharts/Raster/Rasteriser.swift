import CGD
import Foundation

/// Draws a scene into a truecolor libgd image at a device scale.
///
/// - Rectangles, and lines that are all horizontal or vertical, are snapped to whole device pixels and
///   written straight into the image: axes, gridlines and column edges stay crisp at every scale.
/// - Everything else (diagonal lines, markers, hatching) is anti-aliased by drawing it at twice the device
///   resolution and averaging each 2×2 block (a box filter). Only the 16×16 tiles those shapes touch are
///   supersampled, so the cost follows the ink, not the canvas.
/// - Text is drawn last, at the device scale, by FreeType: glyphs are hinted for the pixels they land on.
///
/// Pixels are gd's truecolor ints (0x00RRGGBB, alpha 0 = opaque), read and written through `tpixels`.
struct Rasteriser {
    let image: gdImagePtr
    let width: Int
    let height: Int
    let scale: Double
    let metrics: GDTextMetrics
    let scratch: ScratchPool

    /// Shapes waiting to be supersampled, in paint order, in supersampled (2× device) pixels.
    private var batch: [Shape] = []
    private var dirty: [Bool]
    private let tilesX: Int
    private let tilesY: Int
    static let tile = 16

    struct Shape {
        var subpaths: [[Point]]
        var colour: Colour
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

        init(_ subpaths: [[Point]], colour: Colour) {
            self.subpaths = subpaths
            self.colour = colour
            for path in subpaths {
                for p in path {
                    minX = min(minX, p.x)
                    maxX = max(maxX, p.x)
                    minY = min(minY, p.y)
                    maxY = max(maxY, p.y)
                }
            }
        }
    }

    init(image: gdImagePtr, scale: Double, metrics: GDTextMetrics, scratch: ScratchPool) {
        self.scratch = scratch
        self.image = image
        self.width = Int(image.pointee.sx)
        self.height = Int(image.pointee.sy)
        self.scale = scale
        self.metrics = metrics
        tilesX = (width + Rasteriser.tile - 1) / Rasteriser.tile
        tilesY = (height + Rasteriser.tile - 1) / Rasteriser.tile
        dirty = [Bool](repeating: false, count: tilesX * tilesY)
    }

    @inline(__always) func row(_ y: Int) -> UnsafeMutablePointer<Int32> { image.pointee.tpixels[y]! }

    /// A coordinate as a whole number, saturating: off-canvas and non-finite values must not trap.
    @inline(__always) static func whole(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? 1 << 40 : -(1 << 40) }
        return Int(max(-1e12, min(1e12, value)))
    }

    static func pixel(_ colour: Colour) -> Int32 {
        Int32(bitPattern: UInt32(colour.red) << 16 | UInt32(colour.green) << 8 | UInt32(colour.blue))
    }

    // MARK: Scene

    mutating func draw(_ scene: Scene) throws {
        fill(scene.background)
        var texts: [Text] = []
        for item in scene.items {
            switch item.primitive {
            case .rect(let rect):
                crisp(rect.box, rect.fill)
            case .line(let line):
                stroke(line)
            case .polygon(let polygon):
                enqueue(Shape([polygon.points.map(supersampled)], colour: polygon.fill))
            case .marker(let marker):
                if let outline = marker.outline, marker.outlineWidth > 0 {
                    enqueue(Shape([circlePoints(marker, radius: marker.size + marker.outlineWidth)], colour: outline))
                }
                enqueue(Shape([circlePoints(marker, radius: marker.size)], colour: marker.fill))
            case .text(let text):
                texts.append(text)
            }
        }
        flush()
        for text in texts { try draw(text) }
    }

    private func supersampled(_ p: Point) -> Point { Point(p.x * scale * 2, p.y * scale * 2) }

    private func circlePoints(_ marker: Marker, radius: Double) -> [Point] {
        let segments = max(12, min(64, Rasteriser.whole(radius * scale * 2 * 2 * Double.pi / 3)))
        return marker.outline(radius: radius, segments: segments).map(supersampled)
    }

    // MARK: Crisp shapes

    /// Whole device pixels for an edge pair: thin boxes keep their thickness wherever they fall (every 1 px
    /// gridline is the same number of device pixels); wide ones round both edges so neighbours meet exactly.
    private func snap(_ start: Double, _ length: Double) -> (Int, Int) {
        if length < 4 {
            let thickness = max(1, (length * scale).rounded())
            let first = ((start + length / 2) * scale - thickness / 2).rounded()
            return (Rasteriser.whole(first), Rasteriser.whole(first + thickness))
        }
        let a = (start * scale).rounded(), b = ((start + length) * scale).rounded()
        return (Rasteriser.whole(a), Rasteriser.whole(max(b, a + 1)))
    }

    mutating func crisp(_ box: Box, _ colour: Colour) {
        guard box.width > 0, box.height > 0, colour.alpha > 0, box.x.isFinite, box.y.isFinite, box.maxX.isFinite, box.maxY.isFinite
        else { return }
        var (x0, x1) = snap(box.x, box.width)
        var (y0, y1) = snap(box.y, box.height)
        x0 = max(0, x0)
        y0 = max(0, y0)
        x1 = min(width, x1)
        y1 = min(height, y1)
        guard x1 > x0, y1 > y0 else { return }
        if !batch.isEmpty, touchesDirty(x0, y0, x1, y1) { flush() }
        let value = Rasteriser.pixel(colour)
        for y in y0..<y1 {
            let p = row(y) + x0
            if colour.alpha == 255 {
                p.update(repeating: value, count: x1 - x0)
            } else {
                for i in 0..<(x1 - x0) { p[i] = Rasteriser.blend(p[i], value, colour.alpha) }
            }
        }
    }

    mutating func fill(_ colour: Colour) {
        let value = Rasteriser.pixel(Colour(colour.red, colour.green, colour.blue))
        for y in 0..<height { row(y).update(repeating: value, count: width) }
    }

    /// `src` over `dst` at `alpha` (0–255), rounding each channel to nearest: x / 255 is computed as
    /// (x + 128 + ((x + 128) >> 8)) >> 8, exact for 0…255², in two 16-bit lanes (red and blue) and one (green).
    static func blend(_ dst: Int32, _ src: Int32, _ alpha: UInt8) -> Int32 {
        let a = UInt32(alpha), ia = 255 - a
        let d = UInt32(bitPattern: dst), s = UInt32(bitPattern: src)
        var rb = (s & 0xFF00FF) &* a &+ (d & 0xFF00FF) &* ia &+ 0x0080_0080
        rb = ((rb &+ ((rb >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var g = ((s >> 8) & 0xFF) &* a &+ ((d >> 8) & 0xFF) &* ia &+ 0x80
        g = ((g &+ (g >> 8)) >> 8) & 0xFF
        return Int32(bitPattern: rb | g << 8)
    }

    // MARK: Lines

    mutating func stroke(_ line: Line) {
        guard line.points.count >= 2, line.width > 0, line.width.isFinite, line.points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return }
        let pieces = line.dash.count >= 2 && line.dash.allSatisfy({ $0 > 0 }) ? Rasteriser.dashes(line.points, line.dash) : [line.points]
        let axisAligned = line.points.indices.dropFirst().allSatisfy { i in
            line.points[i].x == line.points[i - 1].x || line.points[i].y == line.points[i - 1].y
        }
        if axisAligned {
            let half = line.width / 2
            for piece in pieces {
                for (a, b) in zip(piece, piece.dropFirst()) {
                    if a.y == b.y {
                        crisp(Box(x: min(a.x, b.x), y: a.y - half, width: abs(b.x - a.x), height: line.width), line.colour)
                    } else {
                        crisp(Box(x: a.x - half, y: min(a.y, b.y), width: line.width, height: abs(b.y - a.y)), line.colour)
                    }
                }
            }
            return
        }
        // One shape for the whole line: segments as quads, round joins; filled with the non-zero rule, so
        // overlaps at joins are painted once.
        let halfWidth = line.width * scale  // half the width, in supersampled pixels
        var subpaths: [[Point]] = []
        for piece in pieces {
            let points = piece.map(supersampled)
            for (a, b) in zip(points, points.dropFirst()) {
                let dx = b.x - a.x, dy = b.y - a.y
                let length = (dx * dx + dy * dy).squareRoot()
                guard length > 1e-9 else { continue }
                let nx = -dy / length * halfWidth, ny = dx / length * halfWidth
                subpaths.append(
                    Rasteriser.positive([
                        Point(a.x + nx, a.y + ny), Point(b.x + nx, b.y + ny),
                        Point(b.x - nx, b.y - ny), Point(a.x - nx, a.y - ny),
                    ]))
            }
            if points.count > 2 {
                let segments = max(12, min(48, Rasteriser.whole(halfWidth * 2 * Double.pi / 3)))
                for joint in points.dropFirst().dropLast() {
                    subpaths.append(
                        (0..<segments).map { i in
                            let angle = Double(i) / Double(segments) * 2 * Double.pi
                            return Point(joint.x + halfWidth * cos(angle), joint.y + halfWidth * sin(angle))
                        })
                }
            }
        }
        enqueue(Shape(subpaths, colour: line.colour))
    }

    /// A polygon with positive signed area (so every piece of a stroke winds the same way).
    static func positive(_ points: [Point]) -> [Point] {
        var area = 0.0
        for (a, b) in zip(points, points.dropFirst() + [points[0]]) { area += a.x * b.y - b.x * a.y }
        return area < 0 ? points.reversed() : points
    }

    /// The "on" pieces of a dashed polyline; the pattern runs on across corners.
    static func dashes(_ points: [Point], _ pattern: [Double]) -> [[Point]] {
        var pieces: [[Point]] = []
        var index = 0
        var remaining = pattern[0]
        var on = true
        var current: [Point] = [points[0]]
        for (a, b) in zip(points, points.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            var travelled = 0.0
            while length - travelled > remaining {
                travelled += remaining
                let t = travelled / length
                let p = Point(a.x + dx * t, a.y + dy * t)
                if on {
                    current.append(p)
                    pieces.append(current)
                } else {
                    current = [p]
                }
                on.toggle()
                index = (index + 1) % pattern.count
                remaining = pattern[index]
            }
            remaining -= length - travelled
            if on { current.append(b) } else { current = [b] }
        }
        if on, current.count >= 2 { pieces.append(current) }
        return pieces.filter { $0.count >= 2 }
    }

    // MARK: Supersampled shapes

    private mutating func enqueue(_ shape: Shape) {
        guard shape.minX.isFinite, shape.minY.isFinite, shape.maxX.isFinite, shape.maxY.isFinite, shape.colour.alpha > 0 else { return }
        let t = Double(Rasteriser.tile) * 2
        let tx0 = max(0, Rasteriser.whole(((shape.minX - 2) / t).rounded(.down))), tx1 = min(tilesX - 1, Rasteriser.whole(((shape.maxX + 2) / t).rounded(.down)))
        let ty0 = max(0, Rasteriser.whole(((shape.minY - 2) / t).rounded(.down))), ty1 = min(tilesY - 1, Rasteriser.whole(((shape.maxY + 2) / t).rounded(.down)))
        guard tx0 <= tx1, ty0 <= ty1 else { return }
        for ty in ty0...ty1 { for tx in tx0...tx1 { dirty[ty * tilesX + tx] = true } }
        batch.append(shape)
    }

    private func touchesDirty(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> Bool {
        let t = Rasteriser.tile
        for ty in (y0 / t)...((y1 - 1) / t) { for tx in (x0 / t)...((x1 - 1) / t) where dirty[ty * tilesX + tx] { return true } }
        return false
    }

    /// Supersamples the dirty tiles: copy each device pixel into a 2×2 block, fill the waiting shapes at the
    /// finer resolution, then average each block back.
    mutating func flush() {
        guard !batch.isEmpty else { return }
        defer {
            batch.removeAll(keepingCapacity: true)
            for i in dirty.indices { dirty[i] = false }
        }
        let t = Rasteriser.tile
        var tx0 = tilesX, tx1 = -1, ty0 = tilesY, ty1 = -1
        for ty in 0..<tilesY {
            for tx in 0..<tilesX where dirty[ty * tilesX + tx] {
                tx0 = min(tx0, tx)
                tx1 = max(tx1, tx)
                ty0 = min(ty0, ty)
                ty1 = max(ty1, ty)
            }
        }
        guard tx1 >= 0 else { return }
        let originX = tx0 * t, originY = ty0 * t
        let regionWidth = min(width, (tx1 + 1) * t) - originX, regionHeight = min(height, (ty1 + 1) * t) - originY
        let fineWidth = regionWidth * 2, fineHeight = regionHeight * 2
        scratch.withScratch(bytes: fineWidth * fineHeight * 4) { memory in
            supersample(
                into: memory.bindMemory(to: Int32.self, capacity: fineWidth * fineHeight), fineWidth: fineWidth,
                fineHeight: fineHeight, originX: originX, originY: originY, tiles: (tx0, tx1, ty0, ty1))
        }
    }

    private func supersample(
        into fine: UnsafeMutablePointer<Int32>, fineWidth: Int, fineHeight: Int, originX: Int, originY: Int,
        tiles: (Int, Int, Int, Int)
    ) {
        let t = Rasteriser.tile
        let (tx0, tx1, ty0, ty1) = tiles

        // Spans of dirty tiles per tile row, so copies skip clean tiles.
        var spans: [(y0: Int, y1: Int, x0: Int, x1: Int)] = []
        for ty in ty0...ty1 {
            var tx = tx0
            while tx <= tx1 {
                guard dirty[ty * tilesX + tx] else {
                    tx += 1
                    continue
                }
                var end = tx
                while end + 1 <= tx1, dirty[ty * tilesX + end + 1] { end += 1 }
                spans.append((ty * t, min(height, (ty + 1) * t), tx * t, min(width, (end + 1) * t)))
                tx = end + 1
            }
        }
        for span in spans {
            for y in span.y0..<span.y1 {
                let source = row(y)
                let top = fine + (2 * (y - originY)) * fineWidth
                let bottom = top + fineWidth
                for x in span.x0..<span.x1 {
                    let p = source[x], i = 2 * (x - originX)
                    top[i] = p
                    top[i + 1] = p
                    bottom[i] = p
                    bottom[i + 1] = p
                }
            }
        }
        for shape in batch {
            Rasteriser.fill(
                shape, into: fine, width: fineWidth, height: fineHeight,
                offsetX: Double(2 * originX), offsetY: Double(2 * originY))
        }
        for span in spans {
            for y in span.y0..<span.y1 {
                let target = row(y)
                let top = fine + (2 * (y - originY)) * fineWidth
                let bottom = top + fineWidth
                for x in span.x0..<span.x1 {
                    let i = 2 * (x - originX)
                    let a = UInt32(bitPattern: top[i]), b = UInt32(bitPattern: top[i + 1])
                    let c = UInt32(bitPattern: bottom[i]), d = UInt32(bitPattern: bottom[i + 1])
                    // Red and blue, then green, summed in parallel lanes of one integer.
                    let rb = (a & 0xFF00FF) &+ (b & 0xFF00FF) &+ (c & 0xFF00FF) &+ (d & 0xFF00FF) &+ 0x0002_0002
                    let g = (a & 0xFF00) &+ (b & 0xFF00) &+ (c & 0xFF00) &+ (d & 0xFF00) &+ 0x0200
                    target[x] = Int32(bitPattern: ((rb >> 2) & 0xFF00FF) | ((g >> 2) & 0xFF00))
                }
            }
        }
    }

    /// Fills a shape's subpaths with the non-zero rule, sampling each pixel at its centre.
    static func fill(_ shape: Shape, into pixels: UnsafeMutablePointer<Int32>, width: Int, height: Int, offsetX: Double, offsetY: Double) {
        struct Edge {
            var y0: Double
            var y1: Double
            var x0: Double
            var slope: Double
            var winding: Int
        }
        var edges: [Edge] = []
        for path in shape.subpaths where path.count >= 3 {
            for (index, a) in path.enumerated() {
                let b = path[(index + 1) % path.count]
                let ay = a.y - offsetY, by = b.y - offsetY
                guard ay != by else { continue }
                let ax = a.x - offsetX, bx = b.x - offsetX
                if ay < by {
                    edges.append(Edge(y0: ay, y1: by, x0: ax, slope: (bx - ax) / (by - ay), winding: 1))
                } else {
                    edges.append(Edge(y0: by, y1: ay, x0: bx, slope: (ax - bx) / (ay - by), winding: -1))
                }
            }
        }
        guard !edges.isEmpty else { return }
        edges.sort { $0.y0 < $1.y0 }
        let top = max(0, whole((shape.minY - offsetY - 0.5).rounded(.up)))
        let bottom = min(height, whole((shape.maxY - offsetY - 0.5).rounded(.up)))
        guard top < bottom else { return }
        let value = pixel(shape.colour)
        let opaque = shape.colour.alpha == 255
        var next = 0
        var active: [Int] = []
        var crossings: [(x: Double, winding: Int)] = []
        for y in top..<bottom {
            let centre = Double(y) + 0.5
            while next < edges.count, edges[next].y0 <= centre {
                active.append(next)
                next += 1
            }
            active.removeAll { edges[$0].y1 <= centre }
            crossings.removeAll(keepingCapacity: true)
            for index in active where edges[index].y0 <= centre {
                let edge = edges[index]
                crossings.append((edge.x0 + (centre - edge.y0) * edge.slope, edge.winding))
            }
            guard crossings.count >= 2 else { continue }
            crossings.sort { $0.x < $1.x }
            let line = pixels + y * width
            var winding = 0
            var start = 0.0
            for crossing in crossings {
                let before = winding
                winding += crossing.winding
                if before == 0, winding != 0 {
                    start = crossing.x
                } else if before != 0, winding == 0 {
                    let first = max(0, whole((start - 0.5).rounded(.up)))
                    let end = min(width, whole((crossing.x - 0.5).rounded(.up)))
                    if end > first {
                        if opaque {
                            (line + first).update(repeating: value, count: end - first)
                        } else {
                            for x in first..<end { line[x] = blend(line[x], value, shape.colour.alpha) }
                        }
                    }
                }
            }
        }
    }

    // MARK: Text

    func draw(_ text: Text) throws {
        guard !text.string.isEmpty else { return }
        let pixelSize = text.size * scale
        guard let stamp = metrics.stamp(text.string, pixelSize: pixelSize, weight: text.weight) else {
            throw ChartRenderError.font("FreeType could not set \"\(text.string)\" in \(metrics.fonts.name(text.weight))")
        }
        var x = text.x * scale
        switch text.anchor {
        case .start: break
        case .middle: x -= Double(stamp.inkLeft + stamp.inkRight) / 2
        case .end: x -= Double(stamp.inkRight)
        }
        guard x.isFinite, text.y.isFinite else { return }
        stampText(stamp, x: Rasteriser.whole(x.rounded()) + stamp.left, y: Rasteriser.whole((text.y * scale).rounded()) + stamp.top, colour: text.colour)
    }

    /// Blends the text colour over the image by each pixel's coverage.
    func stampText(_ stamp: TextStamp, x originX: Int, y originY: Int, colour: Colour) {
        let value = Rasteriser.pixel(colour)
        let opacity = UInt32(colour.alpha)
        let x0 = max(0, originX), x1 = min(width, originX + stamp.width)
        let y0 = max(0, originY), y1 = min(height, originY + stamp.height)
        guard x0 < x1, y0 < y1 else { return }
        stamp.coverage.withUnsafeBufferPointer { coverage in
            for y in y0..<y1 {
                let target = row(y)
                let source = coverage.baseAddress! + (y - originY) * stamp.width
                for x in x0..<x1 {
                    let c = UInt32(source[x - originX])
                    guard c > 0 else { continue }
                    // 0–127 coverage to 0–255 opacity, times the colour's own opacity.
                    let alpha = (c * 255 + 63) / 127 * opacity / 255
                    target[x] = alpha >= 255 ? value : Rasteriser.blend(target[x], value, UInt8(alpha))
                }
            }
        }
    }
}
