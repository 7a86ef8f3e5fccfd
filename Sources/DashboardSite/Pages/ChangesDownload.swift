import DashboardCore

/// The what-changed list as a CSV file (`changes.csv` beside `changes.html`): one row a change, with its kind,
/// as the page's tables show it.
enum ChangesDownload {
    static let file = "changes.csv"

    static func csv(_ groups: [ChangeGroup], since: String) -> String {
        var rows = [["change", "indicator", "period", "in the \(since) edition", "now"]]
        for group in groups {
            for row in group.rows {
                let before = group.hasBefore ? row.before : ""
                rows.append([group.heading, row.indicator, row.period, before, row.after].map(CSVWriter.text))
            }
        }
        return CSVWriter.document(rows, lineEnding: .crlf)
    }
}
