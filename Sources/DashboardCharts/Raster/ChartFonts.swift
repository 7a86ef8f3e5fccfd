import CGD
import Foundation

/// The two TrueType fonts charts are set in: a regular and a bold of one family.
public struct ChartFonts: Sendable, Hashable {
    /// File paths, or fontconfig patterns when `usesFontConfig`.
    public var regular: String
    public var bold: String
    public var usesFontConfig: Bool

    public init(regular: String, bold: String, usesFontConfig: Bool = false) {
        self.regular = regular
        self.bold = bold
        self.usesFontConfig = usesFontConfig
    }

    public static let dejaVuRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    public static let dejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    public static let fontConfigRegular = "DejaVu Sans,Liberation Sans,Arial,sans-serif"
    public static let fontConfigBold = "DejaVu Sans,Liberation Sans,Arial,sans-serif:bold"

    public func name(_ weight: FontWeight) -> String { weight == .bold ? bold : regular }

    /// Finds a regular and a bold font: first in `directory` (the project's `assets/fonts`; may be nil or
    /// missing), then DejaVu Sans where Debian's fonts-dejavu-core puts it, then through fontconfig.
    public static func locate(in directory: String?) throws -> ChartFonts {
        var looked: [String] = []
        if let directory {
            if let pair = pair(in: directory), pair.loads {
                return pair
            }
            looked.append("a regular and a bold .ttf or .otf in \(directory)")
        }
        let dejaVu = ChartFonts(regular: dejaVuRegular, bold: dejaVuBold)
        if FileManager.default.fileExists(atPath: dejaVuRegular), FileManager.default.fileExists(atPath: dejaVuBold), dejaVu.loads {
            return dejaVu
        }
        looked.append("\(dejaVuRegular) and \(dejaVuBold)")
        let fontConfig = ChartFonts(regular: fontConfigRegular, bold: fontConfigBold, usesFontConfig: true)
        if fontConfig.loads { return fontConfig }
        looked.append("fontconfig patterns \"\(fontConfigRegular)\" and \"\(fontConfigBold)\"")
        throw ChartFontError(lookedFor: looked)
    }

    /// A regular and a bold face in one folder: names containing "Bold" (not "SemiBold"… or italic) for the
    /// bold, "Regular" or no style word for the regular, of the same family where there is a choice.
    static func pair(in directory: String) -> ChartFonts? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        let fonts = names.filter { name in [".ttf", ".otf"].contains { name.lowercased().hasSuffix($0) } }.sorted()
        func styleWords(_ name: String) -> Set<String> {
            let lower = name.lowercased()
            return Set(
                [
                    "bold", "italic", "oblique", "light", "thin", "medium", "black", "semi", "demi", "extra", "ultra",
                    "condensed", "narrow", "mono", "heavy", "book",
                ].filter { lower.contains($0) })
        }
        func family(_ name: String) -> String {
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            return String(stem.prefix { $0 != "-" && $0 != "_" }).lowercased()
        }
        let regulars = fonts.filter { name in
            let words = styleWords(name)
            return words.isEmpty || (name.lowercased().contains("regular") && words.isSubset(of: ["book"]))
        }
        let bolds = fonts.filter { styleWords($0) == ["bold"] }
        for regular in regulars {
            if let bold = bolds.first(where: { family($0) == family(regular) }) ?? (bolds.count == 1 ? bolds.first : nil) {
                let join = { (file: String) in directory.hasSuffix("/") ? directory + file : directory + "/" + file }
                return ChartFonts(regular: join(regular), bold: join(bold))
            }
        }
        return nil
    }

    /// Whether FreeType (through libgd) can open both faces.
    var loads: Bool {
        GD.setUp()
        return [regular, bold].allSatisfy { GDText.boundingBox("Ag", font: $0, fontConfig: usesFontConfig, pixelSize: 12) != nil }
    }
}

/// No usable fonts: says where it looked and how to fix it.
public struct ChartFontError: Error, CustomStringConvertible, Sendable {
    public var lookedFor: [String]
    public var description: String {
        "no fonts for charts: looked for " + lookedFor.joined(separator: "; then ")
            + ". Install fonts-dejavu-core (apt-get install fonts-dejavu-core) or put a regular and a bold TTF in assets/fonts."
    }
}

/// One-time libgd set-up, before any thread renders.
enum GD {
    // Swift initialises a static stored property once, thread-safely.
    private static let fontCache: Int32 = gdFontCacheSetup()

    /// FreeType's font cache in libgd is created lazily without a lock; create it before rendering in parallel.
    static func setUp() { _ = fontCache }
}

/// Text through libgd's FreeType renderer, sizes in pixels (72 dpi, so points are pixels).
enum GDText {
    /// The ink box of `text` relative to its pen origin: (left, top, right, bottom), y down. Nil if the font fails.
    static func boundingBox(_ text: String, font: String, fontConfig: Bool, pixelSize: Double) -> (Int, Int, Int, Int)? {
        var brect = [Int32](repeating: 0, count: 8)
        let failed = draw(text, on: nil, brect: &brect, colour: 0, font: font, fontConfig: fontConfig, pixelSize: pixelSize, x: 0, y: 0)
        guard !failed else { return nil }
        // brect: lower left, lower right, upper right, upper left (x, y) pairs.
        return (Int(min(brect[0], brect[6])), Int(min(brect[5], brect[7])), Int(max(brect[2], brect[4])), Int(max(brect[1], brect[3])))
    }

    /// Draws (or with a nil image, measures) text; returns true when libgd reports an error.
    @discardableResult
    static func draw(
        _ text: String, on image: gdImagePtr?, brect: inout [Int32], colour: Int32, font: String, fontConfig: Bool,
        pixelSize: Double, x: Int32, y: Int32
    ) -> Bool {
        var extra = gdFTStringExtra()
        extra.flags = gdFTEX_RESOLUTION | gdFTEX_CHARMAP | (fontConfig ? gdFTEX_FONTCONFIG : 0)
        extra.charmap = gdFTEX_Unicode
        extra.hdpi = 72
        extra.vdpi = 72
        let error: UnsafeMutablePointer<CChar>? = brect.withUnsafeMutableBufferPointer { rect in
            font.withCString { fontName in
                text.withCString { string in
                    gdImageStringFTEx(image, rect.baseAddress, colour, fontName, pixelSize, 0, x, y, string, &extra)
                }
            }
        }
        // libgd's error strings are static text, not to be freed.
        return error != nil
    }
}
