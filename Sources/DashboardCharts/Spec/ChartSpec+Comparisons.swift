import DashboardCore

/// What a spec's figures are compared with: reference lines (targets, benchmarks, SPC limits) and comparison bars.
extension ChartSpec {
    /// A horizontal (or, on a comparison chart, vertical) line at a value, labelled "name value".
    public struct Reference: Sendable, Hashable, Codable {
        public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
            case target, national, regional, statisticalNeighbours, mean, upperLimit, lowerLimit
        }

        public var role: Role
        public var name: String
        public var value: Double
        /// Decimals for its label, when they differ from the axis's (a benchmark of 13.8% beside whole-number data).
        public var decimals: Int?

        public init(role: Role, name: String, value: Double, decimals: Int? = nil) {
            self.role = role
            self.name = name
            self.value = value
            self.decimals = decimals
        }

        /// The places that write `value` exactly, between `minimum` and `maximum` (13.8 → 1, 97 → 0).
        public static func decimals(for value: Double, minimum: Int, maximum: Int = 2) -> Int {
            Formatting.decimalPlaces(of: value, minimum: minimum, maximum: max(minimum, maximum))
        }
    }

    /// One bar of a comparison chart.
    public struct Bar: Sendable, Hashable, Codable {
        public var name: String
        public var value: Double
        /// Decimals to write the value with.
        public var decimals: Int
        /// The council's own figure, drawn distinct from its comparators.
        public var isSubject: Bool

        public init(name: String, value: Double, decimals: Int, isSubject: Bool = false) {
            self.name = name
            self.value = value
            self.decimals = decimals
            self.isSubject = isSubject
        }
    }
}
