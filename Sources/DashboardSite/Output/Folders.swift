import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Listing, stamping and removing folders with the system's own calls: a site has a hundred thousand files, and
/// these run over the parts of it a build must look at.
enum Folders {
    enum Kind { case file, folder, link }

    struct Entry {
        var name: String
        var kind: Kind
    }

    /// A folder's stamp: its inode, modification and change times to the nanosecond. Adding, removing or renaming
    /// anything in a folder changes the last two; neither can be set back to an earlier change time by hand.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        #if os(Linux)
            let modified = info.st_mtim, changed = info.st_ctim
        #else
            let modified = info.st_mtimespec, changed = info.st_ctimespec
        #endif
        return "\(info.st_ino) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)"
    }

    /// A regular file's stamp: its inode, size and modification time to the nanosecond. Writing into a file, as an
    /// editor saving in place or a disk tool does, changes its modification time and usually its size. The change
    /// time is not used: the hard links a build adds and removes change it routinely. So an edit that restores
    /// both the size and the modification time to the nanosecond is not seen (`--clean` repairs anything).
    static func fileStamp(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if os(Linux)
            let modified = info.st_mtim
        #else
            let modified = info.st_mtimespec
        #endif
        return "\(info.st_ino) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }

    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .file
        }
    }

    static func exists(_ path: String) -> Bool { kind(path) != nil }

    /// The entries of a folder, sorted by name; nil when it cannot be read.
    static func list(_ path: String) -> [Entry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN):
                guard let found = Folders.kind(path + "/" + name) else { continue }
                kind = found
            default: kind = .file
            }
            entries.append(Entry(name: name, kind: kind))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// Every path under `root`, relative to it, folders included, not following symbolic links.
    static func walk(_ root: String) -> [String] {
        var paths: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            for entry in list(folder.isEmpty ? root : root + "/" + folder) ?? [] {
                let relative = folder.isEmpty ? entry.name : folder + "/" + entry.name
                paths.append(relative)
                if entry.kind == .folder { pending.append(relative) }
            }
        }
        return paths
    }

    /// Removes a file, a link or a whole folder; an absent path is not an error.
    static func remove(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT { return }
        guard errno == EISDIR || errno == EPERM else { throw failure("remove", path) }
        for entry in list(path) ?? [] { try remove(path + "/" + entry.name) }
        guard rmdir(path) == 0 || errno == ENOENT else { throw failure("remove", path) }
    }

    static func failure(_ verb: String, _ path: String) -> StagedOutput.Failure {
        .io("cannot \(verb) \(path): \(String(cString: strerror(errno)))")
    }
}

/// The stamps of every folder of the sites beside an output (the published one, the spare, a staged one), kept
/// in one file beside the output (`.NAME.folders`) rather than in the sites, so every file of a site is the same
/// bytes between builds of one input. Each site's entry is found by its root folder's inode and its manifest's
/// digest, so a site renamed (published, kept as the spare) keeps its entry, and an entry that does not match
/// what is on disk is never used: that site's folders are all looked at, or it is not used as a spare.
///
/// Beside each site's folders, under its key followed by " files", are the stamps of the files dashboards wrote
/// in it (`Folders.fileStamp`): a file is reused from that site only while its stamp is unchanged.
enum FolderStamps {
    typealias Entries = [String: [String: String]]

    /// A site's recorded stamps: its folders' and its files'.
    struct Site {
        var root: String
        var folders: [String: String]
        var files: [String: String]
    }

    /// A site's key: its root folder's inode and its manifest's digest.
    static func key(of root: String) -> String? {
        var info = stat()
        guard lstat(root, &info) == 0, let manifest = FileManager.default.contents(atPath: root + "/" + Manifest.fileName) else { return nil }
        return "\(info.st_ino) \(ContentHash.of(manifest))"
    }

    static func read(_ file: String) -> Entries {
        guard let data = FileManager.default.contents(atPath: file), let entries = try? JSONDecoder().decode(Entries.self, from: data) else { return [:] }
        return entries
    }

    /// The stamps recorded for the site in `root`: its folders' and its files'.
    static func stamps(of root: String, in file: String) -> (folders: [String: String], files: [String: String])? {
        guard let key = key(of: root) else { return nil }
        let entries = read(file)
        guard let folders = entries[key] else { return nil }
        return (folders, entries[key + " files"] ?? [:])
    }

    /// Keeps the stamps of these sites only, written whole with a rename.
    static func write(_ sites: [Site], to file: String) throws {
        var entries: Entries = [:]
        for site in sites {
            guard let key = key(of: site.root) else { continue }
            entries[key] = site.folders
            entries[key + " files"] = site.files
        }
        let temporary = file + ".new"
        let bytes = try Manifest.encode(entries)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { throw Folders.failure("write", temporary) }
        guard rename(temporary, file) == 0 else { throw Folders.failure("write", file) }
    }
}
