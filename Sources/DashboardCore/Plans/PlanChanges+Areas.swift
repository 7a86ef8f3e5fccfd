extension PlanChanges {
    /// Each area's activity or impact rating that changed between two editions' summaries ("Area for improvement 1,
    /// activity rating: Red → Amber"), in the later summary's order. An area new to the summary, or an earlier edition with
    /// no summary, is not a change of rating.
    static func areaChanges(_ earlier: PlanSnapshot?, _ later: PlanSnapshot) -> [PlanChange] {
        guard let before = earlier?.areas, let now = later.areas else { return [] }
        let old = Dictionary(before.map { ($0.area, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [PlanChange] = []
        for area in now {
            guard let was = old[area.area] else { continue }
            if was.activity != area.activity {
                changes.append(PlanChange(kind: .areaRating, ref: area.area, action: "Activity rating", before: was.activity, after: area.activity))
            }
            if was.impact != area.impact {
                changes.append(PlanChange(kind: .areaRating, ref: area.area, action: "Impact rating", before: was.impact, after: area.impact))
            }
        }
        return changes
    }
}
