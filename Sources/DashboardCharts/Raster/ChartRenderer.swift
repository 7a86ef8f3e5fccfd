import CGD
import Foundation

/// Renders chart specs to PNG. Thread-safe: the site renders charts in parallel; each call creates, uses and
/// destroys its own libgd image, and FreeType (libgd serialises it) is set up once before any thread uses it.
public final class ChartRenderer: Sendable {
    /// Changes whenever the same spec and size would give different pixels, so cached PNGs are redrawn.
    public static let version = "2"

    /// The largest chart, in device pixels per side: far above a 300 dpi A4 page, and a guard against a
    /// mistyped size asking for gigabytes.
    public static let maximumPixels = 10_000

    public let fonts: ChartFonts
    public let metrics: GDTextMetrics
    let scratch = ScratchPool()

    public init(fonts: ChartFonts) throws {
        GD.setUp()
        guard fonts.loads else {
            throw ChartFontError(lookedFor: ["\(fonts.regular) and \(fonts.bold) (FreeType could not open them)"])
        }
        self.fonts = fonts
        self.metrics = GDTextMetrics(fonts: fonts)
    }

    /// Frees libgd's FreeType cache (for a clean valgrind run). Call once at exit, after every chart is drawn:
    /// the cache is global, and rendering after this is not supported.
    public static func releaseFontCache() {
        gdFontCacheShutdown()
    }

    /// The chart laid out, before pixels, as well as it fits (see `layout` for the checked one).
    public func scene(_ spec: ChartSpec, size: ChartSize) -> Scene {
        ChartLayout.scene(spec, size: size, metrics: metrics)
    }

    /// The chart laid out as it is drawn, or `ChartLayoutError.tooSmall` when it cannot be drawn legibly.
    public func layout(_ spec: ChartSpec, size: ChartSize) throws(ChartLayoutError) -> Scene {
        try ChartLayout.layout(spec, size: size, metrics: metrics)
    }

    public func png(_ spec: ChartSpec, size: ChartSize) throws -> [UInt8] {
        try ChartRenderer.validate(size)
        return try png(layout(spec, size: size), size: size)
    }

    /// A scene already laid out (by `layout`, at this size) as PNG.
    public func png(_ scene: Scene, size: ChartSize) throws -> [UInt8] {
        try withImage(scene, size: size) { image in
            PNGEncoder.encode(width: size.pixelWidth, height: size.pixelHeight, dpi: size.dpi) { UnsafePointer(image.pointee.tpixels[$0]!) }
        }
    }

    /// The pixels themselves (for checks and for embedding without PNG).
    public func image(_ spec: ChartSpec, size: ChartSize) throws -> ChartImage {
        try ChartRenderer.validate(size)
        return try withImage(layout(spec, size: size), size: size) { image in
            let (width, height) = (size.pixelWidth, size.pixelHeight)
            var rgb = [UInt8](repeating: 0, count: width * height * 3)
            for y in 0..<height {
                let row = image.pointee.tpixels[y]!
                for x in 0..<width {
                    let p = UInt32(bitPattern: row[x])
                    let i = (y * width + x) * 3
                    rgb[i] = UInt8(truncatingIfNeeded: p >> 16)
                    rgb[i + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    rgb[i + 2] = UInt8(truncatingIfNeeded: p)
                }
            }
            return ChartImage(width: width, height: height, rgb: rgb)
        }
    }

    /// Checks a size before any C call sees it.
    public static func validate(_ size: ChartSize) throws {
        guard size.width.isFinite, size.height.isFinite, size.scale.isFinite, size.scale > 0 else {
            throw ChartRenderError.invalidSize("width, height and scale must be finite and the scale positive (got \(size))")
        }
        let (w, h) = (size.pixelWidth, size.pixelHeight)
        guard (1...maximumPixels).contains(w), (1...maximumPixels).contains(h) else {
            throw ChartRenderError.invalidSize("a chart must be 1 to \(maximumPixels) pixels a side; \(size.width)×\(size.height) at scale \(size.scale) is \(w)×\(h)")
        }
        guard (1...100_000).contains(size.dpi) else {
            throw ChartRenderError.invalidSize("dpi must be 1 to 100000 (got \(size.dpi))")
        }
    }

    /// The one place a libgd image lives: created, drawn, handed to `body`, destroyed.
    func withImage<T>(_ scene: Scene, size: ChartSize, _ body: (gdImagePtr) throws -> T) throws -> T {
        try ChartRenderer.validate(size)
        guard let image = gdImageCreateTrueColor(Int32(size.pixelWidth), Int32(size.pixelHeight)) else {
            throw ChartRenderError.outOfMemory(size.pixelWidth, size.pixelHeight)
        }
        defer { gdImageDestroy(image) }
        gdImageAlphaBlending(image, 1)
        gdImageSaveAlpha(image, 0)
        var rasteriser = Rasteriser(image: image, scale: size.scale, metrics: metrics, scratch: scratch)
        try rasteriser.draw(scene)
        return try body(image)
    }
}

/// A rendered chart's pixels: 8-bit RGB, rows top to bottom.
public struct ChartImage: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var rgb: [UInt8]

    public func pixel(_ x: Int, _ y: Int) -> Colour {
        let i = (y * width + x) * 3
        return Colour(rgb[i], rgb[i + 1], rgb[i + 2])
    }
}

public enum ChartRenderError: Error, CustomStringConvertible, Sendable, Equatable {
    case invalidSize(String)
    case outOfMemory(Int, Int)
    case font(String)

    public var description: String {
        switch self {
        case .invalidSize(let reason): return "cannot draw a chart of this size: \(reason)"
        case .outOfMemory(let w, let h): return "not enough memory for a \(w)×\(h) chart"
        case .font(let reason): return reason
        }
    }
}
