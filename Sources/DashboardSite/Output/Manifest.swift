import DashboardCore
import Foundation

/// What the last successful build wrote and from what, kept inside the output folder so it is swapped in
/// atomically with the site it describes. Sorted keys and no timestamps keep it byte-identical between builds.
struct Manifest: Codable, Equatable {
    static let fileName = ".dashboards-manifest.json"
    static let format = 1

    var format: Int = Manifest.format
    /// Everything the site depends on: tool version, assets, fonts, options and every input file.
    var fingerprint: String
    var dashboards: [String: DashboardEntry] = [:]
    /// Output path → the key it was made from (a page's own bytes, a chart's spec and size).
    var files: [String: String] = [:]

    struct DashboardEntry: Codable, Equatable {
        /// The dashboard's own input files together with everything global.
        var fingerprint: String
        var card: DashboardCard
        var files: [String]
    }

    static func read(from output: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: output + "/" + fileName),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
            manifest.format == format
        else { return nil }
        return manifest
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}
