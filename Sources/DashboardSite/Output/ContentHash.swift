import Crypto
import Foundation

/// A SHA-256 content key for deciding what changed between builds: a page or chart is carried over from the
/// previous site only when its key is the same, so a collision would silently publish stale output; SHA-256
/// makes one out of reach, accidental or contrived.
public struct ContentHash {
    private var hasher = SHA256()

    public init() {}

    /// Adds one field. Its length follows it, so ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ bytes: some DataProtocol) {
        hasher.update(data: bytes)
        withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
    }

    public mutating func combine(_ text: String) { combine(Array(text.utf8)) }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in hasher.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func of(_ bytes: some DataProtocol) -> String {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash.hex
    }

    public static func of(_ text: String) -> String { of(Array(text.utf8)) }
}
