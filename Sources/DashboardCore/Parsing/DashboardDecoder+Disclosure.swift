import DashboardStatistics

/// `disclosure:`, the small-count rule a dashboard is published under.
extension DashboardDecoder {
    ///     disclosure:
    ///       min_count: 5        # counts from 1 to 4 are published as "c"
    ///       show_zero: true     # the default, as DfE's statistics show zeros
    static func decodeDisclosure(_ node: ConfigNode, diagnostics: inout Diagnostics) -> DisclosureRule? {
        guard var map = ConfigMapping(node, what: "disclosure", diagnostics: &diagnostics) else { return nil }
        let minCount = map.integer("min_count", range: 2...100, diagnostics: &diagnostics)
        if map.isAbsentOrNull("min_count") {
            diagnostics.error("disclosure has no 'min_count': the smallest count that may be published, e.g. min_count: 5", at: node.location)
        }
        let showZero = map.bool("show_zero", diagnostics: &diagnostics) ?? true
        map.reportUnknownKeys(in: "disclosure", diagnostics: &diagnostics)
        return minCount.map { DisclosureRule(minCount: $0, showZero: showZero) }
    }
}
