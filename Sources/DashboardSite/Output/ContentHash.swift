/// A 128-bit content fingerprint (two independent 64-bit FNV-1a lanes) for deciding what changed between builds.
///
/// Not cryptographic: it guards against accidental staleness, not an adversary, and needs no C library.
/// Two 64-bit lanes make an accidental collision across a site's few hundred thousand files negligible.
public struct ContentHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        var a = self.a, b = self.b
        var count: UInt64 = 0
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
            count &+= 1
        }
        // The length separates fields, so ("ab", "c") and ("a", "bc") differ.
        for shift in stride(from: 0, to: 64, by: 8) {
            let byte = UInt64((count >> UInt64(shift)) & 0xFF)
            a = (a ^ byte) &* 0x0000_0100_0000_01B3
            b = (b ^ byte) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
        }
        self.a = a
        self.b = b
    }

    public mutating func combine(_ text: String) { combine(text.utf8) }

    public var hex: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(a) + hex(b)
    }

    public static func of(_ bytes: some Sequence<UInt8>) -> String {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash.hex
    }

    public static func of(_ text: String) -> String { of(text.utf8) }
}
