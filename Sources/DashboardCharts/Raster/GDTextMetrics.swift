import Foundation

/// Text measured by FreeType through libgd, cached: charts repeat the same tick labels and names.
///
/// Layout widths are measured once per string at a large size and scaled, so they do not carry the rounding of
/// small hinted sizes; the rasteriser measures again at the device size to anchor text exactly.
public final class GDTextMetrics: TextMeasuring, @unchecked Sendable {
    public let fonts: ChartFonts
    // Guarded by `lock`.
    private var widths: [WidthKey: Double] = [:]
    private var boxes: [BoxKey: (Int, Int, Int, Int)] = [:]
    private let lock = NSLock()

    static let referenceSize = 64.0

    struct WidthKey: Hashable { var text: String; var weight: FontWeight }
    struct BoxKey: Hashable { var text: String; var weight: FontWeight; var size: Int }

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

    /// The ink box at a device pixel size (quantised to 1/64 px), for anchoring when drawing.
    func box(_ text: String, pixelSize: Double, weight: FontWeight) -> (Int, Int, Int, Int)? {
        let key = BoxKey(text: text, weight: weight, size: Int((pixelSize * 64).rounded()))
        if let cached = lock.withLock({ boxes[key] }) { return cached }
        guard let box = GDText.boundingBox(text, font: fonts.name(weight), fontConfig: fonts.usesFontConfig, pixelSize: pixelSize) else {
            return nil
        }
        lock.withLock { boxes[key] = box }
        return box
    }
}
