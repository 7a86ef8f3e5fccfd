import DashboardCore
import Foundation

extension DashboardSnapshot {
    /// Where a dashboard's snapshot is kept in the site: a hidden file in its folder, swapped in with the pages.
    static func path(_ id: String) -> String { "\(id)/.dashboards-snapshot.json" }

    static func encoded(_ snapshot: DashboardSnapshot) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(snapshot)) + [UInt8(ascii: "\n")]
    }
}
