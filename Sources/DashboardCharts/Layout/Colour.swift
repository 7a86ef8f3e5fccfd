import Foundation

/// An sRGB colour with opacity (255 opaque).
public struct Colour: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8, alpha: UInt8 = 255) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// `0x12436D`
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    public var description: String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [red, green, blue].map { String(digits[Int($0 >> 4)]) + String(digits[Int($0 & 15)]) }.joined()
    }

    /// Relative luminance as WCAG defines it (0 black … 1 white).
    public var luminance: Double {
        func channel(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// Grey level as a greyscale printer would make it (Rec. 601 luma, 0–255).
    public var grey: Double { 0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue) }

    /// Mixed with white: 0 is this colour, 1 is white. For light tints that stay opaque.
    public func tint(_ amount: Double) -> Colour {
        func mix(_ c: UInt8) -> UInt8 { UInt8((Double(c) + (255 - Double(c)) * amount).rounded()) }
        return Colour(mix(red), mix(green), mix(blue), alpha: alpha)
    }

    public static let white = Colour(255, 255, 255)
    public static let black = Colour(0, 0, 0)
}
