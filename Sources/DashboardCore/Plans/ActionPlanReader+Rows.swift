extension ActionPlanReader {
    /// Reads the plan's rows one by one into actions, each problem at its cell.
    struct Rows {
        let columns: [Column: Int]
        let header: CSVRecord
        let file: String
        let key: RAGKey
        let indicatorIDs: [String]
        var actions: [PlanAction] = []
        /// The line each ref was first given on.
        var refs: [String: Int] = [:]
        /// The area a heading row started, in a plan with no area column.
        var area: String?

        init(columns: [Column: Int], header: CSVRecord, file: String, key: RAGKey, indicatorIDs: [String]) {
            self.columns = columns
            self.header = header
            self.file = file
            self.key = key
            self.indicatorIDs = indicatorIDs
        }

        func field(_ column: Column, of record: CSVRecord) -> CSVField? {
            guard let index = columns[column], index < record.fields.count else { return nil }
            return record.fields[index]
        }

        func text(_ column: Column, of record: CSVRecord) -> String? {
            guard let value = field(column, of: record)?.text.trimmingSpaces, !value.isEmpty else { return nil }
            return value
        }

        func location(_ column: Column, of record: CSVRecord) -> SourceLocation {
            let f = field(column, of: record)
            return SourceLocation(file: file, line: f?.line ?? record.line, column: f?.column ?? 1)
        }

        /// A row whose only filled cell (within the header's columns) has words: an area's heading, where the plan has no area column.
        func areaHeading(_ record: CSVRecord) -> String? {
            guard columns[.area] == nil else { return nil }
            let filled = record.fields.prefix(header.fields.count).map(\.text.trimmingSpaces).filter { !$0.isEmpty }
            guard filled.count == 1, filled[0].contains(where: \.isLetter) else { return nil }
            return filled[0]
        }

        mutating func read(_ record: CSVRecord, diagnostics: inout Diagnostics) {
            if record.fields.count > header.fields.count,
                let extra = record.fields[header.fields.count...].first(where: { !$0.text.trimmingSpaces.isEmpty })
            {
                diagnostics.warning("this cell is beyond the header's columns, so it is not read", at: SourceLocation(file: file, line: extra.line, column: extra.column))
            }
            if let heading = areaHeading(record) {
                area = heading
                return
            }
            guard let ref = text(.ref, of: record) else {
                diagnostics.error("this action has no ref: each action has a reference, such as 1.4", at: location(.ref, of: record))
                return
            }
            if let line = refs[ref] {
                diagnostics.error("the action \(ref) is given twice (first on line \(line)); each ref names one action", at: location(.ref, of: record))
                return
            }
            refs[ref] = record.line
            guard let actionText = text(.action, of: record) else {
                diagnostics.error("the action \(ref) has no action: say what will be done", at: location(.action, of: record))
                return
            }
            let rating = ActionPlanReader.status(text(.rating, of: record), key: key, at: location(.rating, of: record), diagnostics: &diagnostics)
            let impact = ActionPlanReader.status(text(.impact, of: record), key: key, at: location(.impact, of: record), diagnostics: &diagnostics)
            actions.append(
                PlanAction(
                    ref: ref, area: text(.area, of: record) ?? area, action: actionText, owner: text(.owner, of: record),
                    due: text(.due, of: record).map { dated(DueDate.read($0)) }, status: text(.status, of: record), rating: rating, impact: impact,
                    evidence: text(.evidence, of: record), impactMeasures: text(.impactMeasures, of: record),
                    indicators: indicators(record, ref: ref, diagnostics: &diagnostics),
                    location: SourceLocation(file: file, line: record.line, column: 1)))
        }

        /// A date cell of a sheet (read as `2020-09-30`) in words, "30 September 2020", as no format code is kept to show it as Excel does.
        func dated(_ due: DueDate) -> DueDate {
            guard SourceLocation(file: file).isCell, case .date(let date, let written) = due, written.count == 10,
                written.split(separator: "-").count == 3
            else { return due }
            return .date(date, written: "\(date.day) \(CivilDate.monthNames[date.month - 1]) \(date.year)")
        }

        /// The indicator ids an action names, each one the dashboard has (else an error with the nearest).
        func indicators(_ record: CSVRecord, ref: String, diagnostics: inout Diagnostics) -> [String] {
            guard let list = text(.indicators, of: record) else { return [] }
            let known = Set(indicatorIDs)
            var indicators: [String] = []
            for id in list.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\n" }).map(String.init) {
                if known.contains(id) {
                    if !indicators.contains(id) { indicators.append(id) }
                } else {
                    let hint = Diagnostic.suggestion(for: id, among: indicatorIDs).map { "; \($0)" } ?? ""
                    diagnostics.error(
                        "the action \(ref) names the indicator '\(id)', which this dashboard does not have\(hint)", at: location(.indicators, of: record))
                }
            }
            return indicators
        }
    }
}
