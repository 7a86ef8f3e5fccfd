/// The checks between parts of one dashboard.yml once it is decoded: sections, parts, numerators and denominators
/// that name indicators of the dashboard, and totals that do not contain themselves. Decoding reads each key;
/// these check what the keys say of each other.
enum ReferenceChecks {
    /// `failed` holds the ids of indicators that dashboard.yml defines but that could not be read (a misspelt
    /// polarity, say): their own error is the one root cause, so a section or total naming them is not a second.
    static func check(_ definition: inout DashboardDefinition, failed: Set<String> = [], diagnostics: inout Diagnostics) {
        let byID = Dictionary(definition.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = definition.indicators.map(\.id)
        func unknown(_ id: String, at location: SourceLocation, role: String) {
            guard !failed.contains(id) else { return }
            let hint = Diagnostic.suggestion(for: id, among: ids).map { "; \($0)" } ?? ""
            diagnostics.error("\(role) '\(id)', which is not an indicator of this dashboard\(hint)", at: location)
        }
        // An indicator's sparkline and printed chart are named <id>-spark and <id>-print: no other id may take those names.
        for indicator in definition.indicators {
            for suffix in ["-spark", "-print"] where indicator.id.hasSuffix(suffix) {
                let stem = String(indicator.id.dropLast(suffix.count))
                if byID[stem] != nil {
                    diagnostics.error(
                        "'\(indicator.id)' cannot be an indicator id beside '\(stem)': the \(suffix == "-spark" ? "sparkline" : "printed chart") of '\(stem)' has that file name; choose another id",
                        at: indicator.location)
                }
            }
        }
        var placed: [String: SourceLocation] = [:]
        for section in definition.sections {
            for id in section.indicatorIDs {
                if byID[id] == nil { unknown(id, at: section.location, role: "section '\(section.title)' lists") }
                if let first = placed[id] {
                    diagnostics.error("'\(id)' is listed in more than one section (first at line \(first.line))", at: section.location)
                }
                placed[id] = section.location
            }
        }
        for indicator in definition.indicators {
            if placed[indicator.id] == nil, !definition.sections.isEmpty {
                diagnostics.warning("indicator '\(indicator.id)' is in no section, so no page links to it", at: indicator.location)
            }
            for part in indicator.parts {
                guard let partDefinition = byID[part] else {
                    unknown(part, at: indicator.location, role: "'\(indicator.id)' lists the part")
                    continue
                }
                if part == indicator.id {
                    diagnostics.error("'\(indicator.id)' cannot be a part of itself", at: indicator.location)
                } else if partDefinition.unit != indicator.unit {
                    diagnostics.error(
                        "part '\(part)' is measured in \(partDefinition.unit.rawValue) but '\(indicator.id)' in \(indicator.unit.rawValue); parts must add up to their total",
                        at: indicator.location)
                }
            }
            for (role, reference) in [("numerator", indicator.numeratorID), ("denominator", indicator.denominatorID)] {
                guard let reference else { continue }
                if byID[reference] == nil { unknown(reference, at: indicator.location, role: "'\(indicator.id)' names the \(role)") }
            }
            if (indicator.numeratorID == nil) != (indicator.denominatorID == nil) {
                diagnostics.error("'\(indicator.id)' needs both a numerator and a denominator, or neither", at: indicator.location)
            }
            if indicator.chart == .stacked, indicator.parts.isEmpty {
                diagnostics.error("a stacked chart shows an indicator's parts, but '\(indicator.id)' has no 'parts'", at: indicator.location)
            }
        }
        if let cycle = partsCycle(definition.indicators) {
            diagnostics.error("parts go round in a circle: \(cycle.joined(separator: " → "))", at: definition.location)
        }
    }

    /// A cycle among `parts`, if any (a total that is its own part through others).
    static func partsCycle(_ indicators: [IndicatorDefinition]) -> [String]? {
        let parts = Dictionary(indicators.map { ($0.id, $0.parts) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ id: String) -> [String]? {
            if state[id] == 2 { return nil }
            if state[id] == 1 {
                let start = stack.firstIndex(of: id) ?? 0
                return Array(stack[start...]) + [id]
            }
            state[id] = 1
            stack.append(id)
            for part in parts[id] ?? [] where part != id {
                if let cycle = visit(part) { return cycle }
            }
            stack.removeLast()
            state[id] = 2
            return nil
        }
        for indicator in indicators {
            if let cycle = visit(indicator.id) { return cycle }
        }
        return nil
    }
}
