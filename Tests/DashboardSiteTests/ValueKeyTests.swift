import Foundation
import Testing

@testable import DashboardSite

/// Pages and charts are keyed by their values written out once (`ValueKey`): different values never the same
/// bytes, the same values always the same bytes, whatever order a dictionary or set happens to hold them in.
@Suite("Keys of values")
struct ValueKeyTests {
    struct Row: Encodable, Equatable {
        var text: String
        var note: String?
        var cells: [String]
    }

    struct Numbers: Encodable {
        var small: UInt8 = 200
        var short: Int16 = -3
        var wide: UInt64 = .max
        var float: Float = 1.5
        var double = 0.1
        var flag = true
    }

    @Test func differentValuesGiveDifferentBytes() {
        let rows = [
            [Row(text: "a", note: nil, cells: ["b", "c"])],
            [Row(text: "a", note: nil, cells: ["bc"])],
            [Row(text: "ab", note: nil, cells: ["c"])],
            [Row(text: "a", note: "", cells: ["b", "c"])],
            [Row(text: "a", note: nil, cells: ["b"]), Row(text: "c", note: nil, cells: [])],
            [Row(text: "a", note: nil, cells: []), Row(text: "b", note: nil, cells: ["c"])],
            [],
        ]
        let keys = rows.map { ValueKey.bytes(of: $0) }
        #expect(Set(keys).count == rows.count)
        #expect(ValueKey.bytes(of: rows[0]) == ValueKey.bytes(of: rows[0]))
    }

    @Test func everyKindOfNumberIsWrittenAndTellsApart() {
        let numbers = ValueKey.bytes(of: Numbers())
        var other = Numbers()
        other.wide -= 1
        #expect(numbers != ValueKey.bytes(of: other))
        other = Numbers()
        other.double = 0.1.nextUp
        #expect(numbers != ValueKey.bytes(of: other))
        other = Numbers()
        other.float = 1.25
        #expect(numbers != ValueKey.bytes(of: other))
        other = Numbers()
        other.small = 201
        #expect(numbers != ValueKey.bytes(of: other))
        #expect(ValueKey.bytes(of: Int8(-1)) != ValueKey.bytes(of: UInt8(255)))
    }

    @Test func dictionariesAndSetsAreKeyedInSortedOrder() {
        // Different capacities hold the same keys in different orders.
        var forward = [String: Int](minimumCapacity: 4096), backward: [String: Int] = [:]
        let names = (0..<200).map { "key \($0)" }
        for (index, name) in names.enumerated() { forward[name] = index }
        for (index, name) in names.enumerated().reversed() { backward[name] = index }
        #expect(Array(forward.keys) != Array(backward.keys))
        #expect(ValueKey.bytes(of: forward) == ValueKey.bytes(of: backward))
        var roomy = Set<String>(minimumCapacity: 4096)
        roomy.formUnion(names)
        #expect(Array(roomy) != Array(Set(names)))
        #expect(ValueKey.bytes(of: roomy) == ValueKey.bytes(of: Set(names)))
        backward["key 7"] = 8
        #expect(ValueKey.bytes(of: forward) != ValueKey.bytes(of: backward))
    }

    /// A type that nests its own containers is keyed by sorted JSON instead, still telling its values apart.
    struct Nested: Encodable {
        var inner: String
        enum Keys: CodingKey { case outer, inner }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try nested.encode(inner, forKey: .inner)
        }
    }

    @Test func aTypeWithNestedContainersFallsBackToJSON() {
        let a = ValueKey.bytes(of: Nested(inner: "a")), b = ValueKey.bytes(of: Nested(inner: "b"))
        #expect(a.first == 0xFF)
        #expect(a != b)
        #expect(String(decoding: a.dropFirst(), as: UTF8.self) == #"{"outer":{"inner":"a"}}"#)
    }
}
