/// Paper, in one place: the A4 page with Word's 2.54 cm margins, its text column, the units between them
/// (centimetres, inches, CSS pixels, Word's twips and EMU) and the size of a chart printed in a report. The
/// `chart` command, the site's print charts and the Word report all take their sizes from here, so the same
/// width gives the same chart wherever it is asked for.
public enum PrintGeometry {
    public static let centimetresPerInch = 2.54
    /// CSS pixels are 1/96 inch: the layout's unit on screen and on paper.
    public static let cssPixelsPerInch = 96.0
    /// Word's twentieths of a point.
    public static let twipsPerInch = 1_440
    /// Word's English Metric Units, in which a picture's extent is given.
    public static let emuPerInch = 914_400

    /// A4, portrait.
    public static let pageWidthCm = 21.0
    public static let pageHeightCm = 29.7
    /// Word's default margin on every side.
    public static let marginCm = 2.54
    /// The text column of a portrait page: 21 cm less two margins, 15.92 cm.
    public static let portraitColumnCm = pageWidthCm - 2 * marginCm
    /// The text column of a landscape page: 24.62 cm.
    public static let landscapeColumnCm = pageHeightCm - 2 * marginCm

    /// A report chart's default width: the text column, rounded down to the millimetre (15.9 cm).
    public static let reportChartWidthCm = (portraitColumnCm * 10).rounded(.down) / 10
    /// A report chart's default height for a width: 9/16 of it, but at least 7.5 cm (and no more than the
    /// width), so a narrow chart keeps room for its plot under its title and above its source.
    public static func reportChartHeightCm(forWidthCm width: Double) -> Double {
        max(width * 9 / 16, min(width, 7.5))
    }

    /// A length in centimetres as twips, to the nearest.
    public static func twips(centimetres cm: Double) -> Int {
        Int((cm / centimetresPerInch * Double(twipsPerInch)).rounded())
    }

    /// A printed chart of whole device pixels: a width in pixels or centimetres (by default the report's
    /// 15.9 cm), a height in pixels or centimetres (by default `reportChartHeightCm` of the width), at `dpi`.
    /// Pixels come first, so the PNG is exactly the size asked for; the layout then has fractional CSS pixels.
    public static func chartSize(
        widthPixels: Int? = nil, widthCm: Double? = nil, heightPixels: Int? = nil, heightCm: Double? = nil, dpi: Int
    ) -> ChartSize {
        let perCm = Double(dpi) / centimetresPerInch
        let pixelWidth = (widthPixels.map(Double.init) ?? (widthCm ?? reportChartWidthCm) * perCm).rounded()
        let defaultHeight = reportChartHeightCm(forWidthCm: pixelWidth / perCm) * perCm
        let pixelHeight = (heightPixels.map(Double.init) ?? heightCm.map { $0 * perCm } ?? defaultHeight).rounded()
        return ChartSize.printed(pixelWidth: pixelWidth, pixelHeight: pixelHeight, dpi: dpi)
    }
}
