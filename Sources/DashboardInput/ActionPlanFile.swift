import DashboardCore

/// Reads the action plan file `action_plan:` names, beside dashboard.yml.
enum ActionPlanFile {
    static func read(_ definition: DashboardDefinition, directory: String, names: [String], diagnostics: inout Diagnostics) -> ActionPlan? {
        guard let source = definition.actionPlan else { return nil }
        guard names.contains(source.file) else {
            let hint = Diagnostic.suggestion(for: source.file, among: names.filter { DataFileReader.isDataFile($0) }).map { "; \($0)" } ?? ""
            diagnostics.error("there is no action plan file '\(source.file)' beside dashboard.yml\(hint)", at: source.location)
            return nil
        }
        let path = InputLoader.join(directory, source.file)
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let bytes):
            let delimiter = source.file.lowercased().hasSuffix(".tsv") ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            let (records, found) = CSVReader.read(bytes, file: path, delimiter: delimiter)
            diagnostics.append(contentsOf: found)
            if found.hasErrors { return nil }
            let (plan, problems) = ActionPlanReader.read(records, file: path, source: source, indicatorIDs: definition.indicators.map(\.id))
            diagnostics.append(contentsOf: problems)
            return plan
        }
    }
}
