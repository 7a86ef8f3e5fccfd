import Foundation

/// Sees files saved in the folders the site is built from, by comparing each file's size, modification time and
/// inode with a moment before: portable, and cheap at the size of an input folder.
public struct FolderStamps: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var isFolder: Bool
    }

    var entries: [String: Stamp] = [:]

    /// Every file and folder under these folders (a missing folder has none).
    public static func take(_ roots: [String]) -> FolderStamps {
        var stamps = FolderStamps()
        for root in roots {
            stamps.add(root)
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                stamps.add(root + "/" + relative)
            }
        }
        return stamps
    }

    mutating func add(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        let modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        entries[path] = Stamp(
            size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino), isFolder: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    /// The files added, removed or changed since `before`, sorted.
    public func changes(since before: FolderStamps) -> [String] {
        var changed: [String] = []
        for (path, stamp) in entries where before.entries[path] != stamp {
            // A folder's own times change when a file in it does; the file says which.
            if stamp.isFolder, before.entries[path] != nil { continue }
            changed.append(path)
        }
        for path in before.entries.keys where entries[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
