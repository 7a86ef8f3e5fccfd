/// `action_plan:`, the file of a dashboard's action plan and the key its actions are rated on.
extension DashboardDecoder {
    /// The files `action_plan:` names (its actions' and its summary's), read even when the rest of dashboard.yml has errors, so the plan is never
    /// read as figures (which would bury the one real problem under an error for every heading).
    public static func declaredPlanFiles(_ root: ConfigNode) -> [String] {
        guard case .mapping(let entries) = root.value, let plan = entries.first(where: { $0.key == "action_plan" }),
            case .mapping(let keys) = plan.value.value
        else { return [] }
        func file(_ keys: [ConfigEntry]) -> String? {
            guard let entry = keys.first(where: { $0.key == "file" }), case .scalar(let name) = entry.value.value else { return nil }
            return name.trimmingSpaces
        }
        var names = [file(keys)].compactMap { $0 }
        if let summary = keys.first(where: { $0.key == "summary" }), case .mapping(let inner) = summary.value.value, let name = file(inner),
            !names.contains(name)
        {
            names.append(name)
        }
        return names
    }

    ///     action_plan:
    ///       file: plan.csv            # or plan.xlsx, with sheet: (or table:) and range: as under data:
    ///       title: Written Statement of Action
    ///       key:
    ///         - {status: Red, meaning: delayed, colour: "#d4351c"}
    ///         - {status: Blue, meaning: completed, colour: "#1d70b8", complete: true}
    ///       summary: {sheet: Summary}  # optional: activity and impact ratings per area
    static func decodeActionPlan(_ node: ConfigNode, diagnostics: inout Diagnostics) -> ActionPlanSource? {
        guard var map = ConfigMapping(node, what: "action_plan", diagnostics: &diagnostics) else { return nil }
        let actions = decodePlanTable(&map, what: "action_plan", at: node.location, defaultFile: nil, diagnostics: &diagnostics)
        let title = map.string("title", diagnostics: &diagnostics)?.0.trimmingSpaces
        let note = map.string("note", diagnostics: &diagnostics)?.0.trimmingSpaces
        let key = map.node("key").flatMap { decodePlanKey($0, diagnostics: &diagnostics) }
        if map.isAbsentOrNull("key") {
            diagnostics.error("action_plan has no 'key': list the statuses its actions are rated on, e.g. - {status: Green, meaning: on track}", at: node.location)
        }
        var summary: PlanTableSource?
        if let summaryNode = map.node("summary"), var summaryMap = ConfigMapping(summaryNode, what: "action_plan's summary", diagnostics: &diagnostics) {
            summary = decodePlanTable(
                &summaryMap, what: "action_plan's summary", at: summaryNode.location, defaultFile: actions?.file, diagnostics: &diagnostics)
            summaryMap.reportUnknownKeys(in: "action_plan's summary", diagnostics: &diagnostics)
        }
        map.reportUnknownKeys(in: "action_plan", diagnostics: &diagnostics)
        guard let actions, let key else { return nil }
        var source = ActionPlanSource(file: actions.file, title: title?.isEmpty == false ? title! : "Action plan", key: key, note: note, location: actions.location)
        source.sheet = actions.sheet
        source.table = actions.table
        source.range = actions.range
        source.summary = summary
        return source
    }

    /// `file:` and, for a workbook, `sheet:` (or `table:`) and `range:`, as an entry of `data:` maps a sheet.
    static func decodePlanTable(
        _ map: inout ConfigMapping, what: String, at location: SourceLocation, defaultFile: String?, diagnostics: inout Diagnostics
    ) -> PlanTableSource? {
        let given = map.string("file", diagnostics: &diagnostics)
        let fileLocation = given?.1 ?? location
        let sheet = map.string("sheet", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
        let table = map.string("table", diagnostics: &diagnostics).map { $0.0.trimmingSpaces }
        var range: CellRange?
        var rangeLocation = location
        if let (text, at) = map.string("range", diagnostics: &diagnostics) {
            rangeLocation = at
            range = CellRange(text) ?? DataMapping.openEndedRange(text)
            if range == nil {
                diagnostics.error(
                    "'\(text)' is not a range of cells; write it as Excel does, such as A3:K40, or open-ended, such as A3: (to the last filled cell)",
                    at: at)
                return nil
            }
        }
        guard let file = given?.0.trimmingSpaces ?? defaultFile, !file.isEmpty else {
            diagnostics.error("\(what) has no 'file': name the .csv, .tsv or .xlsx file beside dashboard.yml it is read from", at: location)
            return nil
        }
        if file.contains("/") || file.hasPrefix(".") || file == "dashboard.yml" {
            diagnostics.error("\(what)'s file is the name of a file beside dashboard.yml, such as plan.csv, not '\(file)'", at: fileLocation)
            return nil
        }
        let lowered = file.lowercased()
        if !lowered.hasSuffix(".csv") && !lowered.hasSuffix(".tsv") && !lowered.hasSuffix(".xlsx") {
            diagnostics.error("\(what)'s file is a .csv, .tsv or .xlsx file, not '\(file)'", at: fileLocation)
            return nil
        }
        let source = PlanTableSource(file: file, sheet: sheet, table: table, range: range, location: fileLocation)
        if !source.isWorkbook, sheet != nil || table != nil || range != nil {
            diagnostics.error("sheet:, table: and range: map a workbook's cells; \(file) is not a workbook (.xlsx), so leave them out", at: fileLocation)
            return nil
        }
        if table != nil, range != nil {
            diagnostics.error("range: is given with table:, which already says the cells; keep one", at: rangeLocation)
            return nil
        }
        return source
    }

    /// The plan's statuses, as `rag_key:` lists a dashboard's, with `complete: true` on those meaning done.
    static func decodePlanKey(_ node: ConfigNode, diagnostics: inout Diagnostics) -> PlanKey? {
        var statuses: [RAGStatus] = []
        var completed: Set<String> = []
        for item in list(node, what: "the action plan's key", diagnostics: &diagnostics) {
            guard var map = ConfigMapping(item, what: "a status of the action plan's key", diagnostics: &diagnostics) else { continue }
            let name = map.requiredString("status", in: "this status of the action plan's key", diagnostics: &diagnostics)?.trimmingSpaces
            let meaning = map.string("meaning", diagnostics: &diagnostics)?.0.trimmingSpaces
            let colour = map.string("colour", diagnostics: &diagnostics).flatMap { colourValue($0.0, key: "colour", at: $0.1, diagnostics: &diagnostics) }
            let textLocation = map.node("text_colour")?.location
            let textColour = map.string("text_colour", diagnostics: &diagnostics).flatMap { colourValue($0.0, key: "text_colour", at: $0.1, diagnostics: &diagnostics) }
            let complete = map.bool("complete", diagnostics: &diagnostics) ?? false
            map.reportUnknownKeys(in: "a status of the action plan's key", diagnostics: &diagnostics)
            guard let name, !name.isEmpty else { continue }
            let id = statusID(name)
            if statuses.contains(where: { $0.id == id }) {
                diagnostics.error("the action plan's key has the status '\(name)' twice; keep one", at: item.location)
                continue
            }
            // An action has no figure, so no rule decides its status: it is always as the plan states it.
            let status = RAGStatus(id: id, name: name, meaning: meaning, colour: colour, textColour: textColour, decision: .reported)
            checkContrast(status, at: textLocation ?? item.location, diagnostics: &diagnostics)
            statuses.append(status)
            if complete { completed.insert(id) }
        }
        guard !statuses.isEmpty else {
            diagnostics.error("the action plan's key lists no statuses", at: node.location)
            return nil
        }
        if completed.isEmpty {
            diagnostics.warning(
                "no status of the action plan's key is marked complete: true, so every action past its due date is shown as overdue",
                at: node.location)
        }
        return PlanKey(key: RAGKey(statuses: statuses), completed: completed)
    }
}
