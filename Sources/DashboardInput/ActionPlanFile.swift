import DashboardCore
import DashboardWorkbook

/// Reads the action plan `action_plan:` names, beside dashboard.yml: a CSV or TSV file, or a workbook's sheet
/// mapped as `data:` maps figures, and the plan's per-area summary where `summary:` names one.
enum ActionPlanFile {
    static func read(_ definition: DashboardDefinition, directory: String, names: [String], diagnostics: inout Diagnostics) -> ActionPlan? {
        guard let source = definition.actionPlan else { return nil }
        for mapping in definition.data where source.files.contains(where: { $0.lowercased() == mapping.file.lowercased() }) {
            diagnostics.error(
                "\(mapping.file) holds the action plan (action_plan:), so it is not also read for figures under data:; keep the figures in a file of their own",
                at: mapping.location)
        }
        var workbooks: [String: Workbook?] = [:]
        var sheetsRead: [String: Set<String>] = [:]
        guard
            let (records, label) = table(
                source.actionsTable, directory: directory, names: names, workbooks: &workbooks, sheetsRead: &sheetsRead, diagnostics: &diagnostics)
        else { return nil }
        let (read, problems) = ActionPlanReader.read(records, file: label, source: source, indicatorIDs: definition.indicators.map(\.id))
        diagnostics.append(contentsOf: problems)
        guard var plan = read else { return nil }
        if let summarySource = source.summary {
            guard
                let (summaryRecords, summaryLabel) = table(
                    summarySource, directory: directory, names: names, workbooks: &workbooks, sheetsRead: &sheetsRead, diagnostics: &diagnostics)
            else { return nil }
            let (summary, found) = PlanSummaryReader.read(summaryRecords, file: summaryLabel, key: source.key, areas: plan.areas.compactMap(\.area))
            diagnostics.append(contentsOf: found)
            if found.hasErrors { return nil }
            plan.summary = summary
        }
        unreadSheets(workbooks, read: sheetsRead, diagnostics: &diagnostics)
        return plan
    }

    /// The records of one of the plan's tables and the name its problems are placed by (`plan.xlsx[Action plan]`),
    /// or nil with the problem said.
    static func table(
        _ source: PlanTableSource, directory: String, names: [String], workbooks: inout [String: Workbook?],
        sheetsRead: inout [String: Set<String>], diagnostics: inout Diagnostics
    ) -> ([CSVRecord], String)? {
        guard names.contains(source.file) else {
            let hint = Diagnostic.suggestion(for: source.file, among: names.filter { DataFileReader.isDataFile($0) }).map { "; \($0)" } ?? ""
            diagnostics.error("there is no action plan file '\(source.file)' beside dashboard.yml\(hint)", at: source.location)
            return nil
        }
        let path = InputLoader.join(directory, source.file)
        if source.isWorkbook {
            guard let workbook = DataFileReader.open(path, workbooks: &workbooks, diagnostics: &diagnostics) else { return nil }
            var mapping = DataMapping(file: source.file, sheet: source.sheet, range: source.range, location: source.location)
            mapping.table = source.table
            guard let mapped = DataFileReader.resolve(mapping, in: workbook, path: path, diagnostics: &diagnostics) else { return nil }
            sheetsRead[path, default: []].insert(mapped.sheet.name.lowercased())
            let label = "\(path)[\(mapped.sheet.name)]"
            let (records, found) = SheetTable.records(mapped.sheet, workbook: workbook, range: mapped.range, file: label, table: mapped.table)
            diagnostics.append(contentsOf: found)
            return found.hasErrors ? nil : (records, label)
        }
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let bytes):
            let delimiter = source.file.lowercased().hasSuffix(".tsv") ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            let (records, found) = CSVReader.read(bytes, file: path, delimiter: delimiter)
            diagnostics.append(contentsOf: found)
            return found.hasErrors ? nil : (records, path)
        }
    }

    /// The visible sheets of a plan's workbook that neither the actions nor the summary are read from: said, never passed over.
    static func unreadSheets(_ workbooks: [String: Workbook?], read: [String: Set<String>], diagnostics: inout Diagnostics) {
        for (path, book) in workbooks.sorted(by: { $0.key < $1.key }) {
            guard let book else { continue }
            let unread = book.sheets.filter { !$0.hidden && !(read[path] ?? []).contains($0.name.lowercased()) }.map(\.name)
            guard !unread.isEmpty else { continue }
            diagnostics.warning(
                "the \(unread.count == 1 ? "sheet" : "sheets") \(unread.map { "'\($0)'" }.joined(separator: ", ")) of the action plan's workbook \(unread.count == 1 ? "is" : "are") not read: action_plan: reads its actions (and summary:) from one sheet each",
                at: SourceLocation(file: path))
        }
    }
}
