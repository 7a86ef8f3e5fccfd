/// Where a figure sits within its national quartile, which the quartile key needs to tell
/// "high in the second quartile" from the rest.
public enum QuartilePosition: String, Sendable, CaseIterable {
    case high
    case low
}

/// Comparators for one period.
public struct Benchmarks: Sendable, Equatable {
    public var national: Double?
    public var regional: Double?
    public var statisticalNeighbours: Double?
    /// 1 is the top (best) quartile of local authorities.
    public var nationalQuartile: Int?
    public var quartilePosition: QuartilePosition?
    /// Year-on-year change nationally and regionally, as a fraction (0.102 for 10.2%), where papers compare growth.
    public var nationalChange: Double?
    public var regionalChange: Double?
    /// The statistical neighbours' own figures, in the neighbour workbook's order, where they were computed from
    /// a benchmark file (nil value: that neighbour has no figure for the period).
    public var neighbourFigures: [NeighbourFigure]
    /// Where the authority stands within `benchmarks: {group: …}`'s comparator group.
    public var group: GroupStanding? = nil
    public var location: SourceLocation

    public init(
        national: Double? = nil, regional: Double? = nil, statisticalNeighbours: Double? = nil,
        nationalQuartile: Int? = nil, quartilePosition: QuartilePosition? = nil,
        nationalChange: Double? = nil, regionalChange: Double? = nil,
        neighbourFigures: [NeighbourFigure] = [], location: SourceLocation
    ) {
        self.neighbourFigures = neighbourFigures
        self.national = national
        self.regional = regional
        self.statisticalNeighbours = statisticalNeighbours
        self.nationalQuartile = nationalQuartile
        self.quartilePosition = quartilePosition
        self.nationalChange = nationalChange
        self.regionalChange = regionalChange
        self.location = location
    }
}

/// One statistical neighbour's figure for a period.
public struct NeighbourFigure: Sendable, Equatable {
    public var name: String
    public var value: Double?

    public init(name: String, value: Double?) {
        self.name = name
        self.value = value
    }
}

/// A named comparator: a series by period, each figure perhaps as at another date than its period
/// (statistical neighbours at 31 March 2019 beside a 2020/21 Q1 figure).
public struct Comparator: Sendable, Equatable {
    public var name: String
    public var figures: [Period: ComparatorFigure] = [:]
    /// As at this date, for every figure that does not give its own.
    public var asAt: Period?
    public var source: String?
    public var location: SourceLocation

    public init(name: String, figures: [Period: ComparatorFigure] = [:], asAt: Period? = nil, source: String? = nil, location: SourceLocation) {
        self.name = name
        self.figures = figures
        self.asAt = asAt
        self.source = source
        self.location = location
    }
}

public struct ComparatorFigure: Sendable, Equatable {
    public var value: Double
    public var asAt: Period?
    public var location: SourceLocation

    public init(value: Double, asAt: Period? = nil, location: SourceLocation) {
        self.value = value
        self.asAt = asAt
        self.location = location
    }
}
