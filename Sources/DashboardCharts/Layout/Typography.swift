/// The text sizes and spacing of one layout, in CSS pixels (1/96 inch, so 12 px is 9 pt on paper).
///
/// A chart is laid out at the largest type that fits its space: the sizes of `Typography.full` where there is
/// room, shrinking together (titles stay larger than labels) down to the medium's readable minimum, 7 pt
/// printed or 11 px on screen. A chart that does not fit even then is refused rather than drawn illegibly.
public struct Typography: Sendable, Hashable {
    public var title: Double
    public var subtitle: Double
    /// Axis labels, legend entries, bar names.
    public var label: Double
    /// Notes, the source, gap reasons.
    public var small: Double
    /// Names of reference lines and series at the right of the plot.
    public var side: Double
    /// Data labels on columns.
    public var value: Double
    /// The latest figure beside its point.
    public var latest: Double
    /// Space round the chart's edge.
    public var padding: Double
    /// Lines are named in a key above the plot rather than beside their ends at the right, leaving the plot
    /// the full width (for narrow charts).
    public var keyAbove = false
    /// Large tick labels written short ("£1.5m", "25k") to leave the plot more width.
    public var shortNumbers = false
    /// Space between the title block, the key, the plot and the footer.
    public var gap = 8.0

    /// The sizes at full size: 16 px (12 pt) titles over 12 px (9 pt) labels.
    public static let full = Typography(factor: 1, minimum: 0)

    /// The full sizes times `factor`, none below `minimum` (titles not below 1.2 × `minimum`).
    public init(factor: Double, minimum: Double) {
        func sized(_ base: Double, floor: Double = minimum) -> Double { max(floor, base * factor) }
        title = sized(16, floor: minimum * 1.2)
        subtitle = sized(12.5)
        label = sized(12)
        small = sized(11)
        side = sized(11.5)
        value = sized(11)
        latest = sized(12.5)
        padding = max(6, 14 * min(1, factor))
    }

    /// The smallest text it sets.
    public var smallest: Double { min(title, subtitle, label, small, side, value, latest) }

    /// From the largest type to the smallest readable, for a medium whose readable minimum is `minimum` px.
    /// At each size, the usual layout first, then the key above the plot, then short numbers as well.
    static func steps(minimum: Double) -> [Typography] {
        var result: [Typography] = []
        var factor = 1.0
        while true {
            var type = Typography(factor: factor, minimum: minimum)
            if result.last != type {
                result.append(type)
                type.keyAbove = true
                result.append(type)
                type.shortNumbers = true
                result.append(type)
                // The tightest: less space between parts, the year on the periods' row, titles at the minimum.
                type.gap = 4
                type.title = max(minimum, type.title * 0.9)
                result.append(type)
            }
            // Stop once every size is at its floor.
            if 11 * factor <= minimum && 16 * factor <= minimum * 1.2 && factor <= 6 / 14 { break }
            factor -= 0.05
            if factor < 0.3 { break }
        }
        return result
    }
}
