import Foundation

/// The bytes a page's or chart's values are keyed by: each value written once, as it is encoded, with a tag for its
/// kind, strings by length, and every nested value bracketed, so two different values never give the same bytes.
///
/// Hand-written because it is on the path of every rebuild: `JSONEncoder` builds a tree of every value, sorts
/// its keys and escapes its text, several times the cost of writing the values out once. Fields come in the
/// order their type encodes them, fixed by the program; the one order that is not, a dictionary's or a set's, is
/// sorted (their keys must be `Comparable`, as every string and number is). A value whose type asks for what the
/// stream cannot bracket (a nested container, a super-encoder) is keyed by `JSONEncoder` with sorted keys instead.
enum ValueKey {
    static func bytes(of value: some Encodable) -> [UInt8] {
        let sink = Sink()
        do {
            try sink.value(value)
            if !sink.unsupported { return sink.bytes }
        } catch {}
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [0xFF] + Array((try? encoder.encode(value)) ?? Data())
    }

    final class Sink {
        var bytes: [UInt8] = []
        /// Set when the value used what the stream cannot bracket.
        var unsupported = false

        init() { bytes.reserveCapacity(4096) }

        func tag(_ tag: UInt8) { bytes.append(tag) }

        func word(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

        func string(_ text: String) {
            tag(0x73)
            counted(text)
        }

        func key(_ key: some CodingKey) { counted(key.stringValue) }

        /// Text as its UTF-8 length, then its bytes.
        func counted(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                word(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        func integer(_ value: some BinaryInteger) {
            tag(value.signum() < 0 ? 0x2D : 0x2B)
            word(UInt64(truncatingIfNeeded: Int64(truncatingIfNeeded: value)))
            if value.bitWidth > 64 { word(UInt64(truncatingIfNeeded: value >> 64)) }
        }

        func double(_ value: Double) {
            tag(0x64)
            word(value.bitPattern)
        }

        func bool(_ value: Bool) { tag(value ? 0x74 : 0x66) }

        func null() { tag(0x30) }

        /// A nested value, bracketed: its type writes whatever it writes, and the bracket closes when it returns.
        func value(_ value: some Encodable) throws {
            tag(0x28)
            if let unordered = value as? any UnorderedValues {
                try unordered.encodeSorted(to: self)
            } else {
                try value.encode(to: ValueEncoder(sink: self))
            }
            tag(0x29)
        }
    }

    // Each container writes every kind of number itself: the protocols' defaults for them would come back to the
    // generic `encode`, and from there to the number's own `encode(to:)`, without end.

    struct ValueEncoder: Encoder {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            sink.tag(0x7B)
            return KeyedEncodingContainer(Keyed<Key>(sink: sink))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.tag(0x5B)
            return Unkeyed(sink: sink)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink) }
    }

    /// A container for what the stream cannot bracket: marks the value as unsupported and writes nowhere.
    static func unsupported<Key: CodingKey>(_ sink: Sink, keyedBy: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.unsupported = true
        return KeyedEncodingContainer(Keyed<Key>(sink: Sink()))
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {
            sink.key(key)
            sink.null()
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            sink.key(key)
            sink.bool(value)
        }
        mutating func encode(_ value: String, forKey key: Key) throws {
            sink.key(key)
            sink.string(value)
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            sink.key(key)
            sink.double(value)
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            sink.key(key)
            sink.double(Double(value))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: Int8, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: Int16, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: Int32, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: Int64, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: UInt, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: UInt8, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: UInt16, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: UInt32, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            sink.key(key)
            sink.integer(value)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            sink.key(key)
            try sink.value(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            ValueKey.unsupported(sink, keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.unsupported = true
            return Unkeyed(sink: Sink())
        }
        mutating func superEncoder() -> any Encoder {
            sink.unsupported = true
            return ValueEncoder(sink: Sink())
        }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() throws {
            count += 1
            sink.null()
        }
        mutating func encode(_ value: Bool) throws {
            count += 1
            sink.bool(value)
        }
        mutating func encode(_ value: String) throws {
            count += 1
            sink.string(value)
        }
        mutating func encode(_ value: Double) throws {
            count += 1
            sink.double(value)
        }
        mutating func encode(_ value: Float) throws {
            count += 1
            sink.double(Double(value))
        }
        mutating func encode(_ value: Int) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: Int8) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: Int16) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: Int32) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: Int64) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: UInt) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: UInt8) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: UInt16) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: UInt32) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode(_ value: UInt64) throws {
            count += 1
            sink.integer(value)
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            try sink.value(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            ValueKey.unsupported(sink, keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.unsupported = true
            return Unkeyed(sink: Sink())
        }
        mutating func superEncoder() -> any Encoder {
            sink.unsupported = true
            return ValueEncoder(sink: Sink())
        }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { sink.null() }
        mutating func encode(_ value: Bool) throws { sink.bool(value) }
        mutating func encode(_ value: String) throws { sink.string(value) }
        mutating func encode(_ value: Double) throws { sink.double(value) }
        mutating func encode(_ value: Float) throws { sink.double(Double(value)) }
        mutating func encode(_ value: Int) throws { sink.integer(value) }
        mutating func encode(_ value: Int8) throws { sink.integer(value) }
        mutating func encode(_ value: Int16) throws { sink.integer(value) }
        mutating func encode(_ value: Int32) throws { sink.integer(value) }
        mutating func encode(_ value: Int64) throws { sink.integer(value) }
        mutating func encode(_ value: UInt) throws { sink.integer(value) }
        mutating func encode(_ value: UInt8) throws { sink.integer(value) }
        mutating func encode(_ value: UInt16) throws { sink.integer(value) }
        mutating func encode(_ value: UInt32) throws { sink.integer(value) }
        mutating func encode(_ value: UInt64) throws { sink.integer(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value) }
    }
}

/// A collection whose own encoding follows its storage order, which differs from run to run: keyed by its
/// elements in sorted order instead.
protocol UnorderedValues {
    func encodeSorted(to sink: ValueKey.Sink) throws
}

extension Dictionary: UnorderedValues where Key: Comparable & Encodable, Value: Encodable {
    func encodeSorted(to sink: ValueKey.Sink) throws {
        sink.tag(0x44)
        for key in keys.sorted() {
            try sink.value(key)
            try sink.value(self[key]!)
        }
    }
}

extension Set: UnorderedValues where Element: Comparable & Encodable {
    func encodeSorted(to sink: ValueKey.Sink) throws {
        sink.tag(0x53)
        for element in sorted() { try sink.value(element) }
    }
}
