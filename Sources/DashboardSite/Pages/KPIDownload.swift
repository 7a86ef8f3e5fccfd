import DashboardCore

/// The KPI table as a CSV file (`kpi.csv` beside the dashboard's page), in the words and figures the page shows,
/// one row an indicator, with its section, for an officer to paste into a spreadsheet or a member to sort.
enum KPIDownload {
    static let file = "kpi.csv"

    static func csv(_ page: DashboardPage) -> String {
        var rows = [heading(page)]
        for section in page.sections {
            for row in section.rows {
                rows.append(fields(row, section: section.title, page: page).map(CSVWriter.text))
            }
        }
        return CSVWriter.document(rows, lineEnding: .crlf)
    }

    /// The columns, in the page's order: those the page shows and no others.
    static func heading(_ page: DashboardPage) -> [String] {
        var heading = ["section", "indicator", "period", "figure"]
        if page.hasPrevious { heading += ["previous figure", "previous period"] }
        heading += ["compared with previous", "change"]
        if page.hasTargets { heading.append("target") }
        if page.hasRAG { heading += ["RAG status", "RAG rule"] }
        if page.hasQuartiles { heading.append((page.quartileHeading.prefix(1).lowercased() + page.quartileHeading.dropFirst()).replacingOccurrences(of: "\u{A0}", with: " ")) }
        heading += page.comparatorHeadings
        if page.hasSPC { heading.append("SPC") }
        heading += ["revised", "commentary"]
        return heading
    }

    static func fields(_ row: KPIRow, section: String, page: DashboardPage) -> [String] {
        var fields = [section, row.title, row.period, row.figure]
        if page.hasPrevious { fields += [row.previous?.figure ?? "", row.previous?.period ?? ""] }
        fields += [row.direction?.detail ?? "not compared", row.change ?? ""]
        if page.hasTargets { fields.append(row.target ?? "") }
        if page.hasRAG { fields += [row.rag?.text ?? "", row.rag?.detail ?? ""] }
        if page.hasQuartiles { fields.append(row.quartile ?? "") }
        for name in page.comparatorHeadings { fields.append(row.comparators.first { $0.name == name }?.text ?? "") }
        if page.hasSPC { fields.append(row.spc?.detail ?? "") }
        fields += [row.revised ?? "", row.commentary ?? ""]
        return fields
    }
}
