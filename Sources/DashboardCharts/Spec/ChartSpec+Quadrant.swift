import DashboardCore

extension ChartSpec {
    /// A performance-against-spend chart's data: the members' points, the group's medians and the axes' names.
    public struct Quadrant: Sendable, Hashable, Codable {
        public struct Point: Sendable, Hashable, Codable {
            public var name: String
            /// Spend per head.
            public var x: Double
            /// The performance figure.
            public var y: Double
            public var isSubject: Bool

            public init(name: String, x: Double, y: Double, isSubject: Bool) {
                self.name = name
                self.x = x
                self.y = y
                self.isSubject = isSubject
            }
        }

        public var points: [Point]
        public var xMedian: Double
        public var yMedian: Double
        /// "Spend per head (£), 2023-24".
        public var xTitle: String
        /// "Re-referrals (%), 2023-24, lower is better".
        public var yTitle: String
        public var xUnit: MeasureUnit
        public var yUnit: MeasureUnit
        public var xDecimals: Int
        public var yDecimals: Int
        /// Lower figures are better, so the y axis runs upwards from the highest figure to the lowest.
        public var lowerIsBetter: Bool
        /// Whether the measure has a polarity (the quadrants are then named better and worse).
        public var judged: Bool

        public init(
            points: [Point], xMedian: Double, yMedian: Double, xTitle: String, yTitle: String, xUnit: MeasureUnit,
            yUnit: MeasureUnit, xDecimals: Int, yDecimals: Int, lowerIsBetter: Bool, judged: Bool
        ) {
            self.points = points
            self.xMedian = xMedian
            self.yMedian = yMedian
            self.xTitle = xTitle
            self.yTitle = yTitle
            self.xUnit = xUnit
            self.yUnit = yUnit
            self.xDecimals = xDecimals
            self.yDecimals = yDecimals
            self.lowerIsBetter = lowerIsBetter
            self.judged = judged
        }
    }

    /// The chart of a group's performance against spend. `spendUnit` is normally `.currency` (£ per head).
    public static func quadrant(
        _ q: SpendQuadrant, organisation: String, performanceUnit: MeasureUnit, performanceDecimals: Int,
        spendUnit: MeasureUnit = .currency, spendDecimals: Int = 0, source: String? = nil
    ) -> ChartSpec {
        let better: String
        switch q.polarity {
        case .high: better = ", higher is better"
        case .low: better = ", lower is better"
        case .none: better = ""
        }
        let data = Quadrant(
            points: q.members.map { Quadrant.Point(name: $0.name, x: $0.spend, y: $0.performance, isSubject: $0.isCouncil) },
            xMedian: q.spendMedian, yMedian: q.performanceMedian,
            xTitle: "\(q.spendName) (\(quadrantUnitName(spendUnit))), \(q.spendPeriod)",
            yTitle: "\(q.performanceName) (\(quadrantUnitName(performanceUnit))), \(q.performancePeriod)\(better)",
            xUnit: spendUnit, yUnit: performanceUnit, xDecimals: spendDecimals, yDecimals: performanceDecimals,
            lowerIsBetter: q.polarity == .low, judged: q.polarity != .none)
        return ChartSpec(
            kind: .quadrant, title: "\(q.performanceName) against spend, \(organisation) among \(ComparatorGroup.inSentence(q.group))",
            subtitle: "\(q.members.count) \(ComparatorGroup.inSentence(q.group)); lines at the group's medians", source: source,
            axis: Axis(unit: performanceUnit, decimals: performanceDecimals), quadrant: data)
    }

    /// The unit as an axis title writes it: "£", "%", "number".
    static func quadrantUnitName(_ unit: MeasureUnit) -> String {
        switch unit {
        case .currency: return "£ per head"
        case .percent: return "%"
        case .rate: return "rate"
        case .ratio: return "ratio"
        case .days: return "days"
        case .rank: return "rank, 1 = best"
        case .count: return "number"
        }
    }
}
