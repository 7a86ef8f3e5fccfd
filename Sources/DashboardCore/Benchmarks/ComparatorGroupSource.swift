/// `comparator_groups:` in dashboard.yml: named groups of authorities, each a file in the dashboard's folder.
///
/// ```yaml
/// comparator_groups: {County councils: groups/county-councils.txt}
/// ```
public struct ComparatorGroupSource: Sendable, Equatable {
    /// The name dashboard.yml gives it (`benchmarks: {group: County councils}` names it so).
    public var name: String
    /// The file's path inside the dashboard's folder.
    public var file: String
    public var location: SourceLocation
    /// The group as read and checked, set when the folder is read.
    public var group: ComparatorGroup?

    public init(name: String, file: String, location: SourceLocation, group: ComparatorGroup? = nil) {
        self.name = name
        self.file = file
        self.location = location
        self.group = group
    }
}

extension DashboardDecoder {
    /// `comparator_groups:`: a mapping of names to files inside the dashboard's folder (a relative path with no
    /// `..`).
    static func decodeComparatorGroups(_ map: inout ConfigMapping, diagnostics: inout Diagnostics) -> [ComparatorGroupSource] {
        guard let node = map.node("comparator_groups") else { return [] }
        guard case .mapping(let entries) = node.value else {
            diagnostics.error(
                "comparator_groups must be a mapping of group names to files (`{County councils: groups/county-councils.txt}`), not \(node.kindName)",
                at: node.location)
            return []
        }
        var result: [ComparatorGroupSource] = []
        for entry in entries {
            let name = entry.key.trimmingSpaces
            guard case .scalar(let text) = entry.value.value, !text.trimmingSpaces.isEmpty else {
                diagnostics.error("the comparator group '\(name)' must name its file, a single value", at: entry.value.location)
                continue
            }
            let file = text.trimmingSpaces
            let parts = file.split(separator: "/", omittingEmptySubsequences: false)
            if file.hasPrefix("/") || parts.contains("..") || parts.contains("") {
                diagnostics.error("'\(file)' must be a path inside the dashboard's folder (such as groups/county-councils.txt)", at: entry.value.location)
                continue
            }
            if result.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                diagnostics.error("the comparator group '\(name)' is named twice; keep one", at: entry.keyLocation)
                continue
            }
            result.append(ComparatorGroupSource(name: name, file: file, location: entry.value.location))
        }
        return result
    }
}
