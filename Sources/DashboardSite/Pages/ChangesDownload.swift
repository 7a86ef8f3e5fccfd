import DashboardCore

/// The what-changed list as a CSV file (`changes.csv` beside `changes.html`): one row a change, with its kind,
/// as the page's tables show it. The action plan's changes follow the figures' ones, their kind prefixed by the
/// plan's title ("Written Statement of Action: Rating changes") and the action in the indicator column by its ref.
enum ChangesDownload {
    static let file = "changes.csv"

    static func csv(_ groups: [ChangeGroup], since: String, planTitle: String = "", planGroups: [PlanChangeGroup] = []) -> String {
        var rows = [["change", "indicator", "period", "in the \(since) edition", "now"]]
        for group in groups {
            for row in group.rows {
                let before = group.hasBefore ? row.before : ""
                rows.append([group.heading, row.indicator, row.period, before, row.after].map(CSVWriter.text))
            }
        }
        for group in planGroups {
            for row in group.rows {
                let fields = [
                    "\(planTitle): \(group.heading)", "\(row.ref) \(row.action)", "",
                    group.hasBefore ? row.before : "", group.hasAfter ? row.after : "",
                ]
                rows.append(fields.map(CSVWriter.text))
            }
        }
        return CSVWriter.document(rows, lineEnding: .crlf)
    }
}
