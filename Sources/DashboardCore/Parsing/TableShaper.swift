/// Turns a table as officers lay it out (a title above it, a heading over two rows) into one header row and
/// its data rows, for `ObservationTable` to read.
///
/// - Leading rows with at most one filled cell, above a row with more, are titles ("Q3 dashboard 2024/25") and
///   are not read as figures.
/// - With `headerRows` of 2 or more, those rows head the columns together: an empty cell in an upper heading
///   row continues the heading to its left, as a merged cell does, and the parts of a column's heading are
///   joined by a space, so `2020/21` over `Q1 Q2 Q3` heads `2020/21 Q1`, `2020/21 Q2`, `2020/21 Q3`.
public enum TableShaper {
    public static func shape(_ records: [CSVRecord], headerRows: Int) -> [CSVRecord] {
        var rows = records.filter { !$0.isBlank }[...]
        func filled(_ record: CSVRecord) -> Int { record.fields.filter { !$0.text.trimmingSpaces.isEmpty }.count }
        if rows.contains(where: { filled($0) >= 2 }) {
            while let first = rows.first, filled(first) <= 1 { rows = rows.dropFirst() }
        }
        guard headerRows > 1, rows.count >= 1 else { return Array(rows) }
        let heading = Array(rows.prefix(headerRows))
        let body = rows.dropFirst(heading.count)
        let width = heading.map(\.fields.count).max() ?? 0
        var texts = [[String]](repeating: [], count: width)
        for (index, row) in heading.enumerated() {
            var carry = ""
            for column in 0..<width {
                var text = column < row.fields.count ? row.fields[column].text.trimmingSpaces : ""
                if index < heading.count - 1, column > 0 {
                    if text.isEmpty { text = carry } else { carry = text }
                }
                if !text.isEmpty, texts[column].last != text { texts[column].append(text) }
            }
        }
        var fields: [CSVField] = []
        for column in 0..<width {
            // The place of the lowest heading cell that says something, so a bad heading is pointed at.
            let at =
                heading.reversed().compactMap { column < $0.fields.count && !$0.fields[column].text.trimmingSpaces.isEmpty ? $0.fields[column] : nil }.first
                ?? heading.last!.fields.last!
            fields.append(
                CSVField(text: texts[column].joined(separator: " "), line: at.line, column: column < heading.last!.fields.count ? heading.last!.fields[column].column : at.column))
        }
        let header = CSVRecord(fields: fields, line: heading.last!.line, unreadable: heading.contains(where: \.unreadable))
        return [header] + Array(body)
    }
}
