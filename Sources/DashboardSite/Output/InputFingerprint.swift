import DashboardInput
import Foundation

/// Fingerprints of each dashboard folder's files, so an unchanged dashboard is not read again.
enum InputFingerprint {
    /// `(dashboard id, fingerprint)` for every visible sub-folder of `input`, in name order.
    static func folders(in input: String) -> [(String, String)] {
        let fileManager = FileManager.default
        let names = ((try? fileManager.contentsOfDirectory(atPath: input)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var result: [(String, String)] = []
        for name in names {
            let directory = input + "/" + name
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            var hash = ContentHash()
            combine(directory, into: &hash)
            // Other sub-folders (a comparator group's groups/county-councils.txt): their files, one level down.
            for folder in visible(directory) where folder != InputLoader.editionsFolder {
                var isFolder: ObjCBool = false
                guard fileManager.fileExists(atPath: directory + "/" + folder, isDirectory: &isFolder), isFolder.boolValue else { continue }
                hash.combine(folder + "/")
                combine(directory + "/" + folder, into: &hash)
            }
            // Frozen editions: each `editions/<period>/` copy is part of what the dashboard's pages are built from.
            let editions = directory + "/" + InputLoader.editionsFolder
            for edition in visible(editions) {
                var isEdition: ObjCBool = false
                guard fileManager.fileExists(atPath: editions + "/" + edition, isDirectory: &isEdition), isEdition.boolValue else { continue }
                hash.combine(InputLoader.editionsFolder + "/" + edition + "/")
                combine(editions + "/" + edition, into: &hash)
            }
            result.append((name, hash.hex))
        }
        return result
    }

    static func visible(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Each file's name and content key, in name order (sub-folders are left to the caller).
    static func combine(_ directory: String, into hash: inout ContentHash) {
        for file in visible(directory) {
            let path = directory + "/" + file
            var fileIsDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &fileIsDirectory), !fileIsDirectory.boolValue else { continue }
            hash.combine(file)
            hash.combine(contentKey(path))
        }
    }

    /// A file's bytes; for anything the loader refuses to read (larger than its limit, not a regular file) only
    /// its kind, size and modification time, so a stray multi-gigabyte file or a named pipe is never read into
    /// memory or waited on here.
    static func contentKey(_ path: String) -> [UInt8] {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: target)) ?? [:]
        let size = attributes[.size] as? Int ?? -1
        if attributes[.type] as? FileAttributeType == .typeRegular, size <= InputLoader.maximumFileBytes,
            let data = FileManager.default.contents(atPath: target)
        {
            return [UInt8](data)
        }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Array("not read: \((attributes[.type] as? FileAttributeType)?.rawValue ?? "missing") \(size) \(modified)".utf8)
    }
}
