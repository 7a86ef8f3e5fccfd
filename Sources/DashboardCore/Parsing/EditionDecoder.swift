/// `editions/<period>/edition.yml`, written by `dashboards freeze`:
///
/// ```yaml
/// edition: 2019/20 Q4
/// published: 2020-06-15
/// ```
public enum EditionDecoder {
    public struct Record: Sendable, Equatable {
        public var period: Period
        public var published: CivilDate

        public init(period: Period, published: CivilDate) {
            self.period = period
            self.published = published
        }
    }

    /// The edition's period and publication date; `folder` is the folder it sits in, which must be the period's slug
    /// so that each period has at most one frozen copy.
    public static func decode(_ root: ConfigNode, folder: String) -> (Record?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard var map = ConfigMapping(root, what: "edition.yml", diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let period = map.node("edition").flatMap { DashboardDecoder.period($0, diagnostics: &diagnostics) }
        if !map.entries.contains(where: { $0.key == "edition" }) {
            diagnostics.error("edition.yml has no 'edition' (the period it reports on, such as 2019/20 Q4)", at: root.location)
        }
        var published: CivilDate?
        if let (text, location) = map.string("published", diagnostics: &diagnostics) {
            if case .success(.day(let date)) = PeriodParser.parse(text) {
                published = date
            } else {
                diagnostics.error("'published' must be the date the edition was published, such as 2020-06-15, not '\(text)'", at: location)
            }
        } else if !map.entries.contains(where: { $0.key == "published" }) {
            diagnostics.error("edition.yml has no 'published' (the date the edition was published, such as 2020-06-15)", at: root.location)
        }
        map.reportUnknownKeys(in: "edition.yml", diagnostics: &diagnostics)
        if let period, period.slug != folder {
            diagnostics.error(
                "this folder holds the \(period.label) edition, so it must be named \(period.slug), not \(folder)",
                at: map.entries.first { $0.key == "edition" }?.value.location ?? root.location)
            return (nil, diagnostics)
        }
        guard let period, let published, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Record(period: period, published: published), diagnostics)
    }

    /// The file `dashboards freeze` writes.
    public static func encode(_ record: Record) -> String {
        """
        # The \(record.period.label) edition as published: its pages are built from the files in this folder, not
        # from the live data beside dashboard.yml. Written by `dashboards freeze`; keep it under version control.
        edition: \(record.period.label)
        published: \(iso(record.published))

        """
    }

    public static func iso(_ date: CivilDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }
}
