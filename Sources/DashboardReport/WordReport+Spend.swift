import DashboardSite

extension WordReport {
    /// The performance-against-spend chart, its caption and the table of every member.
    static func spendChart(_ spend: ReportSpendChart, level: Int, into body: inout WordBody) {
        body.heading(spend.heading, level: level)
        let chart = spend.chart
        body.picture(
            png: chart.png, pixelWidth: chart.pixelWidth, pixelHeight: chart.pixelHeight, dpi: chart.dpi, name: "Chart: \(spend.heading)",
            description: chart.altText)
        body.caption("Figure", [Run(chart.caption)])
        let table = spend.table
        body.caption("Table", [Run(table.caption)], keepNext: true)
        body.table(
            headings: zip(table.headings, table.numeric).map { WordBody.Cell($0.0, numeric: $0.1) },
            rows: table.rows.map { row in
                WordBody.Row(cells: zip(row, table.numeric).enumerated().map { index, pair in WordBody.Cell(pair.0, numeric: pair.1, bold: index == 0) })
            },
            widths: [3.0, 1.6, 1.6, 4.0], title: table.caption, description: "\(spend.heading): every member's figures")
    }
}
