/// `action_plan:`, the file of a dashboard's action plan and the key its actions are rated on.
extension DashboardDecoder {
    /// The file `action_plan:` names, read even when the rest of dashboard.yml has errors, so the plan is never
    /// read as figures (which would bury the one real problem under an error for every heading).
    public static func declaredPlanFile(_ root: ConfigNode) -> String? {
        guard case .mapping(let entries) = root.value, let plan = entries.first(where: { $0.key == "action_plan" }),
            case .mapping(let keys) = plan.value.value, let file = keys.first(where: { $0.key == "file" }),
            case .scalar(let name) = file.value.value
        else { return nil }
        return name.trimmingSpaces
    }

    ///     action_plan:
    ///       file: plan.csv
    ///       title: Written Statement of Action
    ///       key:
    ///         - {status: Red, meaning: delayed, colour: "#d4351c"}
    ///         - {status: Blue, meaning: completed, colour: "#1d70b8", complete: true}
    static func decodeActionPlan(_ node: ConfigNode, diagnostics: inout Diagnostics) -> ActionPlanSource? {
        guard var map = ConfigMapping(node, what: "action_plan", diagnostics: &diagnostics) else { return nil }
        let file = map.requiredString("file", in: "action_plan", diagnostics: &diagnostics)?.trimmingSpaces
        let fileLocation = map.node("file")?.location ?? node.location
        let title = map.string("title", diagnostics: &diagnostics)?.0.trimmingSpaces
        let note = map.string("note", diagnostics: &diagnostics)?.0.trimmingSpaces
        let key = map.node("key").flatMap { decodePlanKey($0, diagnostics: &diagnostics) }
        if map.isAbsentOrNull("key") {
            diagnostics.error("action_plan has no 'key': list the statuses its actions are rated on, e.g. - {status: Green, meaning: on track}", at: node.location)
        }
        map.reportUnknownKeys(in: "action_plan", diagnostics: &diagnostics)
        guard let file, !file.isEmpty, let key else { return nil }
        if file.contains("/") || file.hasPrefix(".") || file == "dashboard.yml" {
            diagnostics.error("action_plan's file is the name of a file beside dashboard.yml, such as plan.csv, not '\(file)'", at: fileLocation)
            return nil
        }
        if !file.lowercased().hasSuffix(".csv") && !file.lowercased().hasSuffix(".tsv") {
            diagnostics.error("action_plan's file is a .csv or .tsv file, not '\(file)'", at: fileLocation)
            return nil
        }
        return ActionPlanSource(file: file, title: title?.isEmpty == false ? title! : "Action plan", key: key, note: note, location: fileLocation)
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
