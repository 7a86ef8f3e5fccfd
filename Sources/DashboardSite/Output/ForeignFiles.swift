import DashboardCore
import Foundation

/// Files in the output that dashboards did not write: a `CNAME`, an `.htaccess`, a PDF an officer added. The
/// previous manifests list everything the last build wrote, so anything else was put there by someone else,
/// and each build carries it over into the new site. Where the new site itself needs the path, the site's file
/// wins and a warning says so.
///
/// The site is not walked whole: the manifest has the stamp of every folder and the files kept last time, so
/// only folders whose stamp changed are listed (and the site's root, where the manifest itself is written).
/// Listing them also finds files of ours that have gone missing, whose dashboard is then built again.
enum ForeignFiles {
    struct Scan {
        /// Paths of files and links dashboards did not write, and of empty folders (ending in "/"), sorted.
        var foreign: [String] = []
        /// Dashboards with a file of theirs missing or a manifest that cannot be read; "" for a site-wide file.
        var missing = Set<String>()
    }

    struct Result {
        var kept: [String] = []
        var warnings: [Diagnostic] = []
    }

    static func scan(_ site: SiteRecord) -> Scan {
        let manifest = site.manifest
        var scan = Scan()
        var foreign = Set<String>()
        var owned: [String: [String: Set<String>]] = [:]  // owner → folder → our paths directly in it
        // The dashboard a path belongs to, or "" for the site's own files.
        func owner(of path: String) -> String {
            SiteRecord.owner(of: path).flatMap { manifest.dashboards[$0] != nil ? $0 : nil } ?? ""
        }

        // Our paths directly in a folder: a dashboard's from its manifest, the site's from the site manifest.
        func ours(in folder: String) -> Set<String> {
            let id = owner(of: folder + "/")
            if owned[id] == nil {
                var byFolder: [String: Set<String>] = [:]
                var paths: [String]
                if id.isEmpty {
                    paths = Array(manifest.files.keys) + [Manifest.fileName]
                } else if let files = site.files(of: id) {
                    paths = Array(files.keys) + (site.isLegacy ? [] : [DashboardManifest.path(id)])
                } else {
                    scan.missing.insert(id)
                    paths = []
                }
                for path in paths { byFolder[parent(of: path), default: []].insert(path) }
                owned[id] = byFolder
            }
            return owned[id]?[folder] ?? []
        }
        func isOurs(_ path: String) -> Bool {
            let folder = parent(of: path)
            if ours(in: folder).contains(path) { return true }
            // A dashboard whose manifest cannot be read: its files cannot be told apart and are not kept.
            let id = owner(of: path)
            return !id.isEmpty && site.files(of: id) == nil
        }

        // Folders to list: the root, and every folder whose stamp changed (all of them without stamps).
        var pending = [""]
        var unchanged = Set<String>()
        for (folder, stamp) in site.folders {
            if Folders.stamp(site.root + "/" + folder) == stamp { unchanged.insert(folder) } else { pending.append(folder) }
        }
        for path in manifest.kept {
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : parent(of: path)
            if unchanged.contains(folder) { foreign.insert(path) }
        }
        pending.sort(by: >)
        while let folder = pending.popLast() {
            let expected = ours(in: folder)
            guard let entries = Folders.list(folder.isEmpty ? site.root : site.root + "/" + folder) else {
                if !expected.isEmpty { scan.missing.insert(owner(of: folder + "/")) }
                continue
            }
            if entries.isEmpty, !folder.isEmpty { foreign.insert(folder + "/") }
            var present = Set<String>()
            for entry in entries {
                let path = folder.isEmpty ? entry.name : folder + "/" + entry.name
                if entry.kind == .folder {
                    if site.folders[path] == nil { pending.append(path) }
                } else if isOurs(path) {
                    present.insert(path)
                } else {
                    foreign.insert(path)
                }
            }
            for path in expected where !present.contains(path) {
                scan.missing.insert(owner(of: path))
            }
        }
        // A site of the first format has no stamps: a file of ours in a folder that is gone was not listed.
        if !site.hasStamps {
            for id in manifest.dashboards.keys.sorted() where !scan.missing.contains(id) {
                if (site.files(of: id) ?? [:]).keys.contains(where: { Folders.kind(site.root + "/" + $0) != .file }) { scan.missing.insert(id) }
            }
        }
        scan.foreign = foreign.sorted()
        return scan
    }

    /// Makes the staging folder hold exactly the foreign files `scan` found, linked from the published site:
    /// `before` lists those the staging folder may still hold from an earlier site.
    static func carry(
        _ scan: Scan, before: [String], from output: String, into staged: StagedOutput, claimed: (String) -> Bool
    ) throws -> Result {
        var result = Result()
        let now = Set(scan.foreign)
        for path in before.sorted(by: >) where !now.contains(path) {
            let relative = path.hasSuffix("/") ? String(path.dropLast()) : path
            if claimed(relative) { continue }
            if path.hasSuffix("/") {
                if rmdir(staged.staging + "/" + relative) == 0 { try staged.remove(relative) }
            } else {
                try staged.remove(relative)
            }
        }
        for path in scan.foreign {
            if path.hasSuffix("/") {
                let relative = String(path.dropLast())
                if claimed(relative) { continue }
                try staged.makeFolder(relative)
                result.kept.append(path)
                continue
            }
            if claimed(path) {
                result.warnings.append(
                    Diagnostic(
                        .warning, "this file was not written by dashboards and is replaced by the site's own file of that name; keep your copy elsewhere",
                        at: SourceLocation(file: output + "/" + path)))
                continue
            }
            let source = output + "/" + path
            if Folders.kind(source) == .link {
                try staged.symlink(path, to: try FileManager.default.destinationOfSymbolicLink(atPath: source))
            } else {
                try staged.reuse(path)
            }
            result.kept.append(path)
        }
        return result
    }

    /// The folder a relative path is in ("" for the root).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Every path under `root`, relative to it, not following symbolic links.
    static func walk(_ root: String) -> [String] { Folders.walk(root).sorted() }
}
