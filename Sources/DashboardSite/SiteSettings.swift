import DashboardCharts

/// What every part of a build takes as given: the program's version, the sizes each chart is laid out at and the
/// resolution of print charts. One value, so a page, its charts, their print copies and the report agree.
public struct SiteSettings: Sendable {
    /// Written into every page's footer, the Word report and every fingerprint: a new version rebuilds everything.
    public static let version = "0.1.0"

    /// The indicator page's chart: laid out in CSS pixels, rasterised at 1x and 2x, and for print.
    public var pageChart = ChartSize(width: 640, height: 360)
    /// Wider screens' layout, shown at up to the content column's 1168 px.
    public var wideChart = ChartSize(width: 960, height: 480)
    /// Phones' layout: a 390 px phone's column, taller, with text of at least 12 px.
    public var phoneChart = ChartSize(width: 358, height: 340, medium: .phone)
    /// The KPI table's sparkline.
    public var sparkline = ChartSize.sparkline
    /// Dots per inch of the charts for printed reports.
    public var printDPI = 300

    /// The page chart as printed: the same layout at `printDPI`.
    public var printChart: ChartSize { .printed(width: pageChart.width, height: pageChart.height, dpi: printDPI) }

    public static let standard = SiteSettings()
}

/// The version, as the rest of the program names it.
public enum DashboardsVersion {
    public static let string = SiteSettings.version
}
