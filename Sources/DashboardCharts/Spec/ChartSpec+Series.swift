/// What a spec draws along its categories: the series, the gaps between their figures and the SPC point types.
extension ChartSpec {
    public struct Series: Sendable, Hashable, Codable {
        public enum Role: Sendable, Hashable, Codable {
            /// The indicator's own figures.
            case main
            /// A comparator over time (when benchmarks are given for several periods).
            case benchmark(Reference.Role)
            /// A part of a stacked column, by its place in the stack (0 at the bottom).
            case part(Int)
        }

        public var name: String
        public var role: Role
        public var values: [Double?]
        /// Decimals each figure was published with (94.9% and 26% in one series); empty for the axis's.
        public var decimals: [Int]
        /// Drawn as steps, level across each period (a target that changes from year to year).
        public var stepped: Bool
        /// For a stepped series, the periods where a new piece starts with no riser from the one before (SPC
        /// limits worked afresh after a change in process: each stretch is a separate segment).
        public var breaks: [Int]

        public init(name: String, role: Role, values: [Double?], decimals: [Int] = [], stepped: Bool = false, breaks: [Int] = []) {
            self.name = name
            self.role = role
            self.values = values
            self.decimals = decimals
            self.stepped = stepped
            self.breaks = breaks
        }

        /// A figure as its data label writes it.
        public func label(_ index: Int, axis: Axis) -> String? {
            guard let value = values[index] else { return nil }
            let places = decimals.indices.contains(index) ? decimals[index] : axis.decimals
            return AxisFormat.value(value, unit: axis.unit, decimals: places)
        }
    }

    /// Categories `from...to` have no figure, for `reason` ("Break in data").
    public struct Gap: Sendable, Hashable, Codable {
        public var from: Int
        public var to: Int
        public var reason: String

        public init(from: Int, to: Int, reason: String) {
            self.from = from
            self.to = to
            self.reason = reason
        }
    }

    /// How an SPC point is marked: special causes by shape and colour, common cause plain.
    public enum PointType: String, Sendable, Hashable, Codable, CaseIterable {
        case commonCause, improvement, concern, neither
    }
}
