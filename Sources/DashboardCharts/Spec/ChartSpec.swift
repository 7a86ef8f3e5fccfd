import DashboardCore
import Foundation

/// A plain-data description of one chart: everything that decides its pixels and nothing else.
///
/// The site hashes a spec (JSON with sorted keys) together with `ChartRenderer.version`, the fonts and the size
/// to decide whether a PNG must be drawn again, so a spec holds no dates, ids or other data that do not show;
/// the only words kept that a chart may not draw are the names of its periods and main series, which change
/// only with what is drawn. Colours, fonts and spacing are the layout's; the spec says what is shown and in
/// what role.
public struct ChartSpec: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A time series as a line, with target, benchmarks and gaps.
        case line
        /// Columns per period; year-to-date columns set apart.
        case column
        /// Columns split into parts (cases by worker type), each total on top.
        case stacked
        /// An XmR control chart: the series with its mean, process limits and special-cause points.
        case spc
        /// Horizontal bars: one figure against its comparators and target.
        case comparison
        /// A small line with no axes, for a table cell.
        case sparkline
        /// Performance against spend: one point per comparator-group member, quadrants at the group's medians.
        case quadrant
    }

    public var kind: Kind
    public var title: String
    /// What the figures are and when: "Number, quarterly, 2019/20 Q1 to 2020/21 Q1".
    public var subtitle: String?
    /// Shown at the bottom left as "Source: …".
    public var source: String?
    /// Short notes above the source ("Too few points for SPC: …").
    public var notes: [String]
    public var axis: Axis
    /// The x positions of line, column, stacked and SPC charts, in order.
    public var categories: [Category]
    /// One value per category. For a stacked chart, the parts from the bottom up.
    public var series: [Series]
    /// A stacked chart's totals, one per category (labelled on top of each column).
    public var totals: [Double?]
    /// Runs of categories with no figure, drawn as a labelled band.
    public var gaps: [Gap]
    /// Horizontal lines across the plot: target, benchmarks, SPC mean and limits.
    public var references: [Reference]
    /// What one category is ("Quarter", "Month"), for the legend when year-to-date columns stand beside them.
    public var periodName: String?
    /// SPC point types, one per category (nil for a gap).
    public var points: [PointType?]
    /// A comparison chart's bars, top to bottom.
    public var bars: [Bar]
    /// A quadrant chart's points and medians.
    public var quadrant: Quadrant?

    public init(
        kind: Kind, title: String, subtitle: String? = nil, source: String? = nil, notes: [String] = [],
        axis: Axis, categories: [Category] = [], series: [Series] = [], totals: [Double?] = [], gaps: [Gap] = [],
        references: [Reference] = [], periodName: String? = nil, points: [PointType?] = [], bars: [Bar] = [],
        quadrant: Quadrant? = nil
    ) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.source = source
        self.notes = notes
        self.axis = axis
        self.categories = categories
        self.series = series
        self.totals = totals
        self.gaps = gaps
        self.references = references
        self.periodName = periodName
        self.points = points
        self.bars = bars
        self.quadrant = quadrant
    }

    public struct Axis: Sendable, Hashable, Codable {
        public var unit: MeasureUnit
        /// Decimals for data labels (the figures' own precision).
        public var decimals: Int
        /// The indicator's `axis_minimum` / `axis_maximum`, when set.
        public var minimum: Double?
        public var maximum: Double?
        /// Start at zero whatever the unit (columns and stacks always do).
        public var includeZero: Bool

        public init(unit: MeasureUnit, decimals: Int, minimum: Double? = nil, maximum: Double? = nil, includeZero: Bool = false) {
            self.unit = unit
            self.decimals = decimals
            self.minimum = minimum
            self.maximum = maximum
            self.includeZero = includeZero
        }
    }

    /// One period on the x axis, named as the axis writes it: "Q1" over "2019/20".
    public struct Category: Sendable, Hashable, Codable {
        /// The full name, for alt text and tests: "2019/20 Q1".
        public var name: String
        public var primary: String
        /// The year line; consecutive categories with the same secondary label share one.
        public var secondary: String?
        /// Position within its year (month 1–12, quarter 1–4) so thinned labels fall on round positions.
        public var ordinal: Int?
        public var isYearToDate: Bool

        public init(name: String, primary: String, secondary: String? = nil, ordinal: Int? = nil, isYearToDate: Bool = false) {
            self.name = name
            self.primary = primary
            self.secondary = secondary
            self.ordinal = ordinal
            self.isYearToDate = isYearToDate
        }

        public init(_ period: Period) {
            let axis = period.axisLabel
            var ordinal: Int?
            switch period {
            case .month(_, let month): ordinal = month
            case .quarter(_, let quarter): ordinal = quarter
            default: ordinal = nil
            }
            self.init(
                name: period.label, primary: axis.primary, secondary: axis.secondary, ordinal: ordinal,
                isYearToDate: period.frequency.isYearToDate)
        }
    }
}
