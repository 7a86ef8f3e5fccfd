import DashboardCore
import Foundation

/// What the last successful build wrote and from what, kept inside the output folder so it is swapped in
/// atomically with the site it describes. Sorted keys and no timestamps keep it byte-identical between builds of
/// the same input.
///
/// The site's manifest lists its dashboards, each with a digest of the dashboard's own manifest
/// (`<id>/.dashboards-manifest.json`, every file the dashboard wrote and its key): a rebuild reads only the
/// manifests of dashboards it has to touch, so its cost follows what changed, not the size of the site.
struct Manifest: Codable, Equatable {
    static let fileName = ".dashboards-manifest.json"
    static let format = 2

    var format: Int = Manifest.format
    /// Everything the site depends on: tool version, assets, fonts, options and every input file.
    var fingerprint: String
    var dashboards: [String: DashboardEntry] = [:]
    /// The site-wide files (front page, stylesheet, icons): output path → the key it was made from.
    var files: [String: String] = [:]
    /// Files and folders in the site that dashboards did not write, kept from the previous site (a folder ends
    /// in "/"): `ForeignFiles`.
    var kept: [String] = []

    struct DashboardEntry: Codable, Equatable {
        /// The dashboard's own input files together with everything global.
        var fingerprint: String
        var card: DashboardCard
        /// SHA-256 of the dashboard's manifest: two sites with the same digest for a dashboard hold the same files.
        var digest: String
        var files: Int
        var pages: Int
        var charts: Int

        /// An entry for a dashboard that wrote these files, counting its pages and charts.
        init(fingerprint: String, card: DashboardCard, digest: String, files: some Collection<String>) {
            self.fingerprint = fingerprint
            self.card = card
            self.digest = digest
            self.files = files.count
            pages = files.filter { $0.hasSuffix(".html") }.count
            charts = files.filter { $0.hasSuffix(".png") }.count
        }
    }

    /// The manifest of the site in `root`, if it is one this version can read. A site written by the previous
    /// format (one manifest listing every file) is read too, with its dashboards' files in `legacy`.
    static func read(from root: String) -> (manifest: Manifest, legacy: [String: [String: String]]?)? {
        guard let data = FileManager.default.contents(atPath: root + "/" + fileName) else { return nil }
        if let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == format {
            return (manifest, nil)
        }
        guard let old = try? JSONDecoder().decode(Format1.self, from: data), old.format == 1 else { return nil }
        var manifest = Manifest(fingerprint: old.fingerprint)
        var legacy: [String: [String: String]] = [:]
        var owned = Set<String>()
        for (id, entry) in old.dashboards {
            var files: [String: String] = [:]
            for path in entry.files {
                files[path] = old.files[path] ?? ""
                owned.insert(path)
            }
            legacy[id] = files
            manifest.dashboards[id] = DashboardEntry(fingerprint: entry.fingerprint, card: entry.card, digest: "", files: files.keys)
        }
        manifest.files = old.files.filter { !owned.contains($0.key) }
        return (manifest, legacy)
    }

    func encoded() throws -> [UInt8] { try Manifest.encode(self) }

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    /// The first format: one manifest listing every file of the site.
    private struct Format1: Decodable {
        var format: Int
        var fingerprint: String
        var dashboards: [String: Entry]
        var files: [String: String]
        struct Entry: Decodable {
            var fingerprint: String
            var card: DashboardCard
            var files: [String]
        }
    }
}

/// One dashboard's manifest, `<id>/.dashboards-manifest.json`: every file it wrote (paths from the site's root)
/// and the key each was made from.
struct DashboardManifest: Codable, Equatable {
    var files: [String: String]

    static func path(_ id: String) -> String { id + "/" + Manifest.fileName }

    func encoded() throws -> [UInt8] { try Manifest.encode(self) }

    /// Reads a dashboard's manifest, only if its bytes are the ones `digest` names.
    static func read(_ id: String, in root: String, digest: String) -> DashboardManifest? {
        guard let data = FileManager.default.contents(atPath: root + "/" + path(id)), ContentHash.of(data) == digest else { return nil }
        return try? JSONDecoder().decode(DashboardManifest.self, from: data)
    }
}

/// A site on disk (the published one, or the spare beside it) and its manifests, each dashboard's read only when
/// asked for.
final class SiteRecord {
    let root: String
    let manifest: Manifest
    /// Every folder of the site but its root → its stamp once the site was complete (`FolderStamps`); empty when
    /// not known, and then every folder is looked at.
    let folders: [String: String]
    /// Every file of the site that dashboards wrote (but the manifests, checked by their digests) → its stamp once
    /// the site was complete (`Folders.fileStamp`); a file is reused only while its stamp is unchanged, so none is
    /// when this is empty.
    let fileStamps: [String: String]
    /// A site of the first format: its dashboards have no manifests of their own.
    let isLegacy: Bool
    private var dashboardFiles: [String: [String: String]?]

    init(
        root: String, manifest: Manifest, folders: [String: String], fileStamps: [String: String] = [:],
        legacy: [String: [String: String]]? = nil
    ) {
        self.root = root
        self.manifest = manifest
        self.folders = folders
        self.fileStamps = fileStamps
        isLegacy = legacy != nil
        dashboardFiles = legacy ?? [:]
    }

    /// The site in `root`, with its folders' stamps from `stamps` (the file beside the output), if given.
    static func read(_ root: String, stamps: String?) -> SiteRecord? {
        guard let (manifest, legacy) = Manifest.read(from: root) else { return nil }
        let recorded = legacy == nil ? stamps.flatMap { FolderStamps.stamps(of: root, in: $0) } : nil
        return SiteRecord(root: root, manifest: manifest, folders: recorded?.folders ?? [:], fileStamps: recorded?.files ?? [:], legacy: legacy)
    }

    /// Whether a file of the site is as it was when the site was complete: its stamp is the one recorded.
    func isIntact(_ path: String) -> Bool {
        guard let recorded = fileStamps[path] else { return false }
        return Folders.fileStamp(root + "/" + path) == recorded
    }

    /// Whether a file of the site was changed since it was recorded (a recorded stamp that differs, the file there).
    func wasChanged(_ path: String) -> Bool {
        guard let recorded = fileStamps[path], let now = Folders.fileStamp(root + "/" + path) else { return false }
        return now != recorded
    }

    /// Whether the site's folder stamps are known, so unchanged folders need not be listed.
    var hasStamps: Bool { !folders.isEmpty }

    /// The files a dashboard wrote and their keys; nil when its manifest is missing or is not the one the site's
    /// manifest names.
    func files(of id: String) -> [String: String]? {
        if let known = dashboardFiles[id] { return known }
        guard let entry = manifest.dashboards[id] else { return nil }
        let files = DashboardManifest.read(id, in: root, digest: entry.digest)?.files
        dashboardFiles[id] = .some(files)
        return files
    }

    /// The key this site recorded for a path, looked up in the dashboard named by its first component, or among
    /// the site-wide files.
    func key(of path: String) -> String? {
        if let id = SiteRecord.owner(of: path), manifest.dashboards[id] != nil { return files(of: id)?[path] }
        return manifest.files[path]
    }

    /// The dashboard a path belongs to, if it is inside a folder at the top of the site.
    static func owner(of path: String) -> String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
