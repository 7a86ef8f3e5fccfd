import DashboardCharts
import DashboardCore

/// What a committee report asks for: which dashboards, as at which period, which of their parts, and how big
/// the charts are printed.
public struct ReportRequest: Sendable {
    public var input: String
    public var assets: String
    /// Dashboard ids, in the order the report gives them; empty means every dashboard, by title.
    public var dashboards: [String]
    public var asOf: Period?
    /// Sections to include, by title, anchor (`family-star-outcomes`) or number (1 is the first); nil for all.
    public var sections: [String]?
    /// Indicators to include, as `indicator-id` or `dashboard-id/indicator-id`; nil for all.
    public var indicators: [String]?
    /// The size each chart is rendered at (its DPI says how large it prints).
    public var chartSize: ChartSize

    public init(
        input: String = "dashboards", assets: String = "assets", dashboards: [String] = [], asOf: Period? = nil,
        sections: [String]? = nil, indicators: [String]? = nil, chartSize: ChartSize
    ) {
        self.input = input
        self.assets = assets
        self.dashboards = dashboards
        self.asOf = asOf
        self.sections = sections
        self.indicators = indicators
        self.chartSize = chartSize
    }
}
