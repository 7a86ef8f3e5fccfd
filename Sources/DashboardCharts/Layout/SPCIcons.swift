import DashboardCore

/// NHS England "Making Data Count" icons, as small images for the KPI table and the indicator page: the
/// variation of the latest point (common cause; improvement, concern or neither, high or low) and the assurance
/// of meeting the target (pass, fail, hit and miss). Each is a ring in the colour of the chart's SPC markers with a
/// letter (H high, L low, P pass, F fail, ? hit and miss; three dots for common cause), so the icon reads in
/// greyscale too; pages always print its words beside it.
public enum SPCIcon: String, Sendable, CaseIterable {
    case commonCause = "common-cause"
    case improvementHigh = "improvement-high", improvementLow = "improvement-low"
    case concernHigh = "concern-high", concernLow = "concern-low"
    case neitherHigh = "neither-high", neitherLow = "neither-low"
    case pass = "assurance-pass", fail = "assurance-fail", hitAndMiss = "assurance-hit-and-miss"

    /// CSS pixels per side at 1x.
    public static let side = 32.0

    /// The icon for the core's judgement of the latest point.
    public init(_ variation: SPC.Variation) {
        switch variation {
        case .commonCause: self = .commonCause
        case .improvementHigh: self = .improvementHigh
        case .improvementLow: self = .improvementLow
        case .concernHigh: self = .concernHigh
        case .concernLow: self = .concernLow
        case .neitherHigh: self = .neitherHigh
        case .neitherLow: self = .neitherLow
        }
    }

    public init(_ assurance: SPC.Assurance) {
        switch assurance {
        case .consistentlyPass: self = .pass
        case .consistentlyFail: self = .fail
        case .hitAndMiss: self = .hitAndMiss
        }
    }

    /// `spc-improvement-high.png`.
    public var fileName: String { "spc-\(rawValue).png" }
    /// `spc-improvement-high@2x.png`, the same at twice the pixels.
    public var fileName2x: String { "spc-\(rawValue)@2x.png" }

    var colour: Colour {
        switch self {
        case .commonCause, .hitAndMiss: return Style.spcPoint(.commonCause).colour
        case .improvementHigh, .improvementLow, .pass: return Style.spcPoint(.improvement).colour
        case .concernHigh, .concernLow, .fail: return Style.spcPoint(.concern).colour
        case .neitherHigh, .neitherLow: return Style.spcPoint(.neither).colour
        }
    }

    var letter: String? {
        switch self {
        case .commonCause: return nil
        case .improvementHigh, .concernHigh, .neitherHigh: return "H"
        case .improvementLow, .concernLow, .neitherLow: return "L"
        case .pass: return "P"
        case .fail: return "F"
        case .hitAndMiss: return "?"
        }
    }

    /// The icon laid out as a scene of `side` CSS pixels.
    public func scene(metrics: any TextMeasuring) -> Scene {
        let side = SPCIcon.side, centre = Point(side / 2, side / 2)
        var b = SceneBuilder(width: side, height: side, metrics: metrics)
        b.add(.icon, .marker(Marker(centre, shape: .circle, size: side / 2 - 1, fill: colour)))
        b.add(.icon, .marker(Marker(centre, shape: .circle, size: side / 2 - 4, fill: .white)))
        if let letter {
            let size = 15.0
            // Centred on the cap height (about 0.73 of the size in DejaVu Sans Bold).
            b.addText(.icon, letter, x: centre.x, y: centre.y + size * 0.73 / 2, size: size, weight: .bold, colour: colour, anchor: .middle)
        } else {
            for dx in [-6.5, 0, 6.5] {
                b.add(.icon, .marker(Marker(Point(centre.x + dx, centre.y), shape: .circle, size: 2.4, fill: colour)))
            }
        }
        return b.scene
    }
}

extension ChartRenderer {
    /// The icon as PNG at `scale` (1 or 2 for screens).
    public func png(_ icon: SPCIcon, scale: Double) throws -> [UInt8] {
        let size = ChartSize(width: SPCIcon.side, height: SPCIcon.side, scale: scale)
        return try png(icon.scene(metrics: metrics), size: size)
    }
}
