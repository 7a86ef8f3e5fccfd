/// The look of every chart: the UK Government Analysis Function palette, GOV.UK text colours and sizes in
/// CSS pixels. Sizes are fixed in CSS pixels so a print chart (16 cm wide) has the same 9 pt labels as on screen.
public enum Style {
    // Analysis Function categorical palette, in its recommended order.
    public static let darkBlue = Colour(hex: 0x12436D)
    public static let turquoise = Colour(hex: 0x28A197)
    public static let darkPink = Colour(hex: 0x801650)
    public static let orange = Colour(hex: 0xF46A25)
    public static let darkGrey = Colour(hex: 0x3D3D3D)
    public static let lightPurple = Colour(hex: 0xA285D1)
    public static let palette = [darkBlue, turquoise, darkPink, orange, darkGrey, lightPurple]

    public static let text = Colour(hex: 0x0B0C0C)
    /// GOV.UK secondary text: 7:1 on white.
    public static let secondaryText = Colour(hex: 0x505A5F)
    public static let gridline = Colour(hex: 0xE1E1E1)
    public static let axis = Colour(hex: 0x6F777B)
    public static let gapBand = Colour(hex: 0xF3F2F1)
    public static let gapText = Colour(hex: 0x505A5F)
    /// Comparator bars: a mid grey (3:1 on white) so the council's dark blue bar stands out.
    public static let comparatorBar = Colour(hex: 0x949494)
    public static let commonCause = Colour(hex: 0x7F7F7F)
    public static let spcLine = Colour(hex: 0x8A8F92)

    public static let titleSize = 16.0
    public static let subtitleSize = 12.5
    public static let labelSize = 12.0
    public static let smallSize = 11.0
    public static let padding = 14.0

    /// Line colour and dash of each reference line: never colour alone, each has its own dash and label.
    public static func reference(_ role: ChartSpec.Reference.Role) -> (colour: Colour, width: Double, dash: [Double]) {
        switch role {
        case .target: return (text, 2, [7, 4])
        case .national: return (darkPink, 2, [2, 3])
        case .regional: return (orange, 2, [10, 3, 2, 3])
        case .statisticalNeighbours: return (turquoise, 2, [4, 4])
        case .mean: return (darkGrey, 1, [])
        case .upperLimit, .lowerLimit: return (axis, 1, [5, 3])
        }
    }

    /// The fill of a stacked part: palette colours whose greys differ from their neighbours', and a pattern on
    /// the parts whose grey matches an earlier one, so the stack reads on a greyscale printout.
    public static func part(_ index: Int) -> (colour: Colour, pattern: Pattern) {
        let order: [(Colour, Pattern)] = [
            (darkBlue, .solid), (turquoise, .solid), (darkPink, .diagonal), (orange, .diagonal),
            (lightPurple, .crossed), (darkGrey, .dotted),
        ]
        return order[index % order.count]
    }

    public enum Pattern: String, Sendable, Hashable {
        case solid, diagonal, crossed, dotted
    }

    /// SPC markers: shape and colour both carry the meaning.
    public static func spcPoint(_ type: ChartSpec.PointType) -> (shape: Marker.Shape, colour: Colour, size: Double) {
        switch type {
        case .commonCause: return (.circle, commonCause, 3)
        case .improvement: return (.diamond, darkBlue, 5)
        case .concern: return (.square, orange, 4.6)
        case .neither: return (.triangleUp, lightPurple, 5)
        }
    }
}
