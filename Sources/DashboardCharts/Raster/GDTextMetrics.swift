import CGD
import Foundation

/// Text measured and set by FreeType through libgd, cached: charts repeat the same tick labels and names.
///
/// Layout widths are measured once per string at a large size and scaled, so they do not carry the rounding of
/// small hinted sizes; the rasteriser measures again at the device size to anchor text exactly.
///
/// Setting text is most of the cost of a chart (FreeType runs each glyph's hinting program every time libgd
/// draws it), so each string is set once per size and weight into a coverage mask, kept, and stamped.
public final class GDTextMetrics: TextMeasuring, @unchecked Sendable {
    public let fonts: ChartFonts
    // Guarded by `lock`.
    private var widths: [WidthKey: Double] = [:]
    private var stamps: [BoxKey: TextStamp] = [:]
    private var stampBytes = 0
    private let lock = NSLock()

    /// Masks kept at most (a site's labels at three sizes take a few megabytes).
    static let stampBudget = 48 << 20

    static let referenceSize = 64.0

    struct WidthKey: Hashable {
        var text: String
        var weight: FontWeight
    }
    struct BoxKey: Hashable {
        var text: String
        var weight: FontWeight
        var size: Int
    }

    public init(fonts: ChartFonts) {
        GD.setUp()
        self.fonts = fonts
    }

    public func width(_ text: String, size: Double, weight: FontWeight) -> Double {
        let key = WidthKey(text: text, weight: weight)
        if let cached = lock.withLock({ widths[key] }) { return cached * size / GDTextMetrics.referenceSize }
        let box = GDText.boundingBox(text, font: fonts.name(weight), fontConfig: fonts.usesFontConfig, pixelSize: GDTextMetrics.referenceSize)
        // A font that fails to load measures as a generous estimate, so the layout still leaves room.
        let width = box.map { Double($0.2 - $0.0) } ?? Double(text.count) * GDTextMetrics.referenceSize * 0.62
        lock.withLock { widths[key] = width }
        return width * size / GDTextMetrics.referenceSize
    }

    /// The string set at `pixelSize` as a coverage mask, from the cache or set now.
    func stamp(_ text: String, pixelSize: Double, weight: FontWeight) -> TextStamp? {
        let key = BoxKey(text: text, weight: weight, size: Int((pixelSize * 64).rounded()))
        if let cached = lock.withLock({ stamps[key] }) { return cached }
        let estimate = width(text, size: pixelSize, weight: weight)
        guard
            let stamp = TextStamp(
                text, estimatedWidth: estimate, pixelSize: pixelSize, font: fonts.name(weight),
                fontConfig: fonts.usesFontConfig)
        else {
            return nil
        }
        lock.withLock {
            if stampBytes + stamp.coverage.count > GDTextMetrics.stampBudget {
                stamps.removeAll()
                stampBytes = 0
            }
            stamps[key] = stamp
            stampBytes += stamp.coverage.count
        }
        return stamp
    }
}

/// A string as FreeType sets it: how much each pixel is covered (0–127, libgd's alpha scale), placed relative
/// to the pen origin on the baseline, with the ink box used to anchor it.
struct TextStamp: Sendable {
    var width: Int
    var height: Int
    /// Offset of the mask's top-left pixel from the pen origin.
    var left: Int
    var top: Int
    /// The ink's horizontal extent from the pen origin (for centring and right-aligning).
    var inkLeft: Int
    var inkRight: Int
    var coverage: [UInt8]

    /// Coverage rounded to 32 levels: steps of 1/31 are below what the eye sees on a glyph edge, and a chart then
    /// has few enough colours to be written as an indexed PNG (a third of the bytes to compress).
    static func quantise(_ coverage: UInt8) -> UInt8 {
        let level = (UInt32(coverage) * 31 + 63) / 127
        return UInt8((level * 127 + 15) / 31)
    }

    /// Sets the text once into a scratch image roomy enough for any hinting, with blending off on a fully
    /// transparent background so each pixel's alpha is what FreeType's anti-aliasing left there, then keeps the
    /// part inside the ink box that the same call reports.
    init?(_ text: String, estimatedWidth: Double, pixelSize: Double, font: String, fontConfig: Bool) {
        let pad = Int(pixelSize.rounded(.up)) + 2
        let scratchWidth = Int((estimatedWidth * 1.25).rounded(.up)) + 2 * pad
        let scratchHeight = 3 * pad
        let penX = pad, penY = 2 * pad
        guard scratchWidth <= 40_000, scratchHeight <= 8_000,
            let image = gdImageCreateTrueColor(Int32(scratchWidth), Int32(scratchHeight))
        else { return nil }
        defer { gdImageDestroy(image) }
        gdImageAlphaBlending(image, 0)
        let transparent = Int32(bitPattern: 0x7F00_0000)
        for y in 0..<scratchHeight { image.pointee.tpixels[y]!.update(repeating: transparent, count: scratchWidth) }
        var brect = [Int32](repeating: 0, count: 8)
        guard
            !GDText.draw(
                text, on: image, brect: &brect, colour: 0, font: font, fontConfig: fontConfig, pixelSize: pixelSize,
                x: Int32(penX), y: Int32(penY))
        else { return nil }
        // brect is in image coordinates: lower left, lower right, upper right, upper left.
        let margin = 2
        let x0 = max(0, Int(min(brect[0], brect[6])) - margin), x1 = min(scratchWidth, Int(max(brect[2], brect[4])) + 1 + margin)
        let y0 = max(0, Int(min(brect[5], brect[7])) - margin), y1 = min(scratchHeight, Int(max(brect[1], brect[3])) + 1 + margin)
        guard x1 > x0, y1 > y0 else { return nil }
        width = x1 - x0
        height = y1 - y0
        left = x0 - penX
        top = y0 - penY
        inkLeft = Int(min(brect[0], brect[6])) - penX
        inkRight = Int(max(brect[2], brect[4])) - penX
        var coverage = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = image.pointee.tpixels[y0 + y]! + x0
            for x in 0..<width { coverage[y * width + x] = TextStamp.quantise(UInt8(127 - (UInt32(bitPattern: row[x]) >> 24 & 0x7F))) }
        }
        self.coverage = coverage
    }
}
