import DashboardInput
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds the site in a staging folder beside the output and swaps it in only when everything succeeded,
/// so readers and the next build see either the old site or the new one, never a half-written one.
///
/// Only the holder of the output's lock can make one, so the staging folder always belongs to the build that
/// made it: a build that is refused the lock never gets this far and touches nothing.
///
/// The staging folder starts as the spare, the site before the previous one, kept complete beside the output:
/// only what differs from it is changed, so a rebuild's cost follows what changed, not the size of the site.
/// A dashboard whose folders were touched since the spare was made, or a build without a spare, starts from
/// nothing. A file is never written into: it is removed and made again, because unchanged files are hard links
/// shared with the published site. Unchanged files are hard-linked from the published site (same inode, same
/// modification time); anything not carried over or written is absent from the new site, so files of removed
/// indicators disappear. Paths are checked to stay inside the output folder.
public final class StagedOutput {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String)
        case notASite(String)
        case mountPoint(String)
        case noExchange(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): return "refusing to write '\(path)': output paths must stay inside the output folder"
            case .io(let message): return message
            case .notASite(let path):
                return "refusing to replace \(path): it holds files that dashboards did not write (it has no \(Manifest.fileName)); choose a new or empty folder for --output"
            case .mountPoint(let path):
                return
                    "\(path) is a mount point, and a site is published by swapping a whole folder in with a rename, which a mount point cannot take; give --output a folder inside it, e.g. \(path)/site"
            case .noExchange(let path):
                return
                    "the filesystem of \(path) cannot swap two folders atomically (renameat2 RENAME_EXCHANGE), so the site could not be published without a moment with no site at all; build to a local folder (ext4, xfs, btrfs, tmpfs) and copy it from there"
            }
        }
    }

    public let lock: OutputLock
    public var output: String { lock.output }
    public var staging: String { lock.staging }
    /// Every folder in the staging folder but its root.
    private(set) var folders = Set<String>()
    /// The site the staging folder started as (the spare), and its dashboards whose files are still as its
    /// manifest says.
    private(set) var start: SiteRecord?
    private(set) var trusted = Set<String>()
    public private(set) var written = 0
    public private(set) var linked = 0
    private var created = false
    private var finished = false
    /// Whether the exchange swapped out a previous site (else the staging folder was renamed into place).
    private var swapped = false
    /// For tests: behave as on a filesystem without an atomic exchange.
    var exchangeUnavailable = false

    public init(lock: OutputLock, exchangeUnavailable: Bool = false, fromSpare: Bool = true) throws {
        self.lock = lock
        self.exchangeUnavailable = exchangeUnavailable
        try StagedOutput.checkReplaceable(lock.output, named: lock.named)
        // Fail now, not after rendering everything, where the swap cannot be made atomically.
        if Folders.exists(lock.output), !canExchange() { throw Failure.noExchange(lock.named) }
        if fromSpare, let spare = SiteRecord.read(lock.spare, stamps: lock.stamps), spare.hasStamps {
            guard rename(lock.spare, lock.staging) == 0 else { throw Folders.failure("move the spare site to", lock.staging) }
            created = true
            // From here the staging folder is being changed: without its manifest, it is no longer a spare.
            guard unlink(lock.staging + "/" + Manifest.fileName) == 0 else { throw Folders.failure("remove", lock.staging + "/" + Manifest.fileName) }
            let record = SiteRecord(root: lock.staging, manifest: spare.manifest, folders: spare.folders, fileStamps: spare.fileStamps)
            start = record
            trusted = Set(record.manifest.dashboards.keys)
            var touched = Set<String>()
            for (folder, stamp) in record.folders where Folders.stamp(lock.staging + "/" + folder) != stamp {
                touched.insert(SiteRecord.owner(of: folder) ?? folder)
            }
            folders = Set(record.folders.keys)
            for id in touched where trusted.contains(id) { try removeDashboard(id) }
        } else {
            if Folders.exists(lock.spare) { try Folders.remove(lock.spare) }
            do {
                try FileManager.default.createDirectory(atPath: lock.staging, withIntermediateDirectories: false)
            } catch {
                throw Failure.io("cannot create the staging folder \(lock.staging): \(error.localizedDescription)")
            }
            created = true
        }
    }

    /// Whether the output is absent, empty, or a site built here, and can be swapped.
    /// Made before the lock is taken, so a refusal leaves no trace, and again under it.
    public static func checkReplaceable(_ output: String, named: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure.io("\(named) exists and is not a folder; move it away or choose another --output") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty, !entries.contains(Manifest.fileName) { throw Failure.notASite(named) }
        if OutputLock.isMountPoint(output) { throw Failure.mountPoint(named) }
    }

    /// Exchanges two empty folders inside a probe folder beside the output: all are ours, so nothing else is
    /// touched.
    private func canExchange() -> Bool {
        let probe = lock.probe
        guard mkdir(probe, 0o777) == 0 else { return false }
        defer { try? Folders.remove(probe) }
        guard mkdir(probe + "/a", 0o777) == 0, mkdir(probe + "/b", 0o777) == 0 else { return false }
        return !exchangeUnavailable && StagedOutput.exchange(probe + "/a", probe + "/b")
    }

    deinit {
        if created && !finished { try? Folders.remove(lock.staging) }
    }

    /// Whether a relative output path is safe: no absolute paths, no `..`, no empty or hidden-dot components
    /// other than our own manifest.
    public static func isSafe(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\\"), !relative.contains("\0") else { return false }
        for component in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." || component == ".." { return false }
        }
        return true
    }

    /// Whether the staging folder already holds this file with this key, from the spare, as it was when the spare
    /// was recorded (its stamp unchanged).
    func holds(_ relative: String, key: String) -> Bool {
        guard let start, StagedOutput.isSafe(relative) else { return false }
        if let id = SiteRecord.owner(of: relative), start.manifest.dashboards[id] != nil, !trusted.contains(id) { return false }
        return start.key(of: relative) == key && start.isIntact(relative)
    }

    /// Whether the spare had this file with this key but it was changed in place since it was recorded.
    func heldChanged(_ relative: String, key: String) -> Bool {
        guard let start, StagedOutput.isSafe(relative) else { return false }
        if let id = SiteRecord.owner(of: relative), start.manifest.dashboards[id] != nil, !trusted.contains(id) { return false }
        return start.key(of: relative) == key && start.wasChanged(relative)
    }

    /// Whether the staging folder holds this dashboard exactly as a site whose manifest gives it `digest` does,
    /// every file of it as it was when the spare was recorded.
    func holds(dashboard id: String, digest: String) -> Bool {
        guard trusted.contains(id), let start, start.manifest.dashboards[id]?.digest == digest, let files = start.files(of: id) else {
            return false
        }
        return files.keys.allSatisfy { start.isIntact($0) }
    }

    /// The stamps of these files of the staging folder (those that are regular files).
    func fileStamps(of paths: some Sequence<String>) -> [String: String] {
        var result: [String: String] = [:]
        for path in paths {
            if let stamp = Folders.fileStamp(staging + "/" + path) { result[path] = stamp }
        }
        return result
    }

    /// The files the spare's manifest gives a dashboard the staging folder still holds as it says.
    func startingFiles(of id: String) -> [String: String] {
        guard trusted.contains(id) else { return [:] }
        return start?.files(of: id) ?? [:]
    }

    /// Creates the staging folders a relative path needs, once each; a file in the way (from the spare) goes.
    func makeParent(of relative: String) throws {
        guard StagedOutput.isSafe(relative) else { throw Failure.unsafePath(relative) }
        var end = relative.startIndex
        while let slash = relative[end...].firstIndex(of: "/") {
            let folder = String(relative[..<slash])
            end = relative.index(after: slash)
            if folders.contains(folder) { continue }
            let path = staging + "/" + folder
            if mkdir(path, 0o777) != 0 {
                let code = errno
                let kind = Folders.kind(path)
                if kind != .folder {
                    guard code == EEXIST, unlink(path) == 0, mkdir(path, 0o777) == 0 else {
                        throw Failure.io("cannot create the folder \(path): \(String(cString: strerror(code)))")
                    }
                }
            }
            folders.insert(folder)
        }
    }

    /// Writes a new file, replacing (never writing into) whatever the staging folder had there.
    public func write(_ bytes: [UInt8], to relative: String) throws {
        try makeParent(of: relative)
        let path = staging + "/" + relative
        try Folders.remove(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Folders.failure("write", path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Folders.failure("write", path)
            }
            offset += count
        }
        written += 1
    }

    public func write(_ text: String, to relative: String) throws {
        try write(Array(text.utf8), to: relative)
    }

    /// Whether the previous site has this file.
    public func previousExists(_ relative: String) -> Bool {
        StagedOutput.isSafe(relative) && Folders.kind(output + "/" + relative) == .file
    }

    /// Carries a file over from the previous site unchanged: a hard link, or a copy where links are not possible.
    public func reuse(_ relative: String) throws {
        try makeParent(of: relative)
        let target = staging + "/" + relative
        let source = output + "/" + relative
        try Folders.remove(target)
        if link(source, target) == 0 {
            linked += 1
            return
        }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
            linked += 1
        } catch {
            throw Failure.io("cannot carry over \(source): \(error.localizedDescription)")
        }
    }

    /// Makes a symbolic link, replacing whatever the staging folder had there.
    func symlink(_ relative: String, to destination: String) throws {
        try makeParent(of: relative)
        let path = staging + "/" + relative
        try Folders.remove(path)
        guard Glibc.symlink(destination, path) == 0 else { throw Folders.failure("link", path) }
    }

    /// Makes an empty folder (one added to the site by hand).
    func makeFolder(_ relative: String) throws {
        try makeParent(of: relative)
        let path = staging + "/" + relative
        guard mkdir(path, 0o777) == 0 || Folders.kind(path) == .folder else { throw Folders.failure("create", path) }
        folders.insert(relative)
    }

    /// Removes a file the new site does not have, and any folders that leaves empty.
    func remove(_ relative: String) throws {
        guard StagedOutput.isSafe(relative) else { throw Failure.unsafePath(relative) }
        try Folders.remove(staging + "/" + relative)
        folders.remove(relative)
        var folder = relative
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            guard rmdir(staging + "/" + folder) == 0 else { break }
            folders.remove(folder)
        }
    }

    /// Removes a whole top-level folder (a dashboard's), whatever it holds.
    func removeDashboard(_ id: String) throws {
        guard StagedOutput.isSafe(id), !id.contains("/") else { throw Failure.unsafePath(id) }
        try Folders.remove(staging + "/" + id)
        folders = folders.filter { $0 != id && !$0.hasPrefix(id + "/") }
        trusted.remove(id)
    }

    /// Removes whatever the staging folder holds at its top that the new site does not (`keep`: the first
    /// components of everything it has).
    func removeOthers(keeping keep: Set<String>) throws {
        for entry in Folders.list(staging) ?? [] where !keep.contains(entry.name) {
            if entry.kind == .folder { try removeDashboard(entry.name) } else { try remove(entry.name) }
        }
    }

    /// The stamp of every folder the staging folder holds, once it is complete.
    func stamps() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders {
            if let stamp = Folders.stamp(staging + "/" + folder) { result[folder] = stamp }
        }
        return result
    }

    /// Swaps the staging folder in for the output folder in one atomic exchange. The staging path then holds
    /// the previous site, which `keepOld` keeps as the spare; a build killed in between leaves it for the next build's
    /// `OutputLock.recover`.
    public func exchange() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw Failure.io("\(lock.named) exists and is not a folder; move it away or choose another --output")
        }
        if exists {
            guard !exchangeUnavailable, StagedOutput.exchange(staging, output) else {
                let code = errno
                if code == EBUSY { throw Failure.mountPoint(lock.named) }
                if exchangeUnavailable || code == EINVAL || code == ENOSYS || code == EOPNOTSUPP { throw Failure.noExchange(lock.named) }
                throw Failure.io("cannot swap the new site in for \(lock.named): \(String(cString: strerror(code)))")
            }
            swapped = true
        } else {
            guard rename(staging, output) == 0 else { throw Failure.io("cannot move the new site into place: \(String(cString: strerror(errno)))") }
        }
        finished = true
    }

    /// Records the stamps of the staged site's folders and files beside the output, with the published site's,
    /// just before the exchange: whichever of the two is published when a build stops, its stamps are known.
    func recordStamps(_ stamps: [String: String], files: [String: String], previous: SiteRecord?) throws {
        var sites = [FolderStamps.Site(root: staging, folders: stamps, files: files)]
        if let previous, previous.hasStamps { sites.append(.init(root: output, folders: previous.folders, files: previous.fileStamps)) }
        try FolderStamps.write(sites, to: lock.stamps)
    }

    /// Keeps the previous site, which the exchange left at the staging path, as the spare the next build starts
    /// from. After a first build there is no previous site: the spare is made by hard-linking the new one. A spare
    /// is only ever a help: if it cannot be made, the next build starts from nothing.
    func keepOld(stamps: [String: String], files: [String: String]) {
        if swapped {
            if rename(staging, lock.spare) != 0 { try? Folders.remove(staging) }
            return
        }
        do {
            created = true
            finished = false
            guard mkdir(staging, 0o777) == 0 else { throw Folders.failure("create", staging) }
            var made: [String] = []
            for relative in Folders.walk(output) {
                let source = output + "/" + relative, target = staging + "/" + relative
                switch Folders.kind(source) {
                case .folder:
                    guard mkdir(target, 0o777) == 0 else { throw Folders.failure("create", target) }
                    made.append(relative)
                case .link:
                    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: source)
                    guard Glibc.symlink(destination, target) == 0 else { throw Folders.failure("link", target) }
                case .file:
                    guard link(source, target) == 0 else { throw Folders.failure("link", target) }
                case nil: continue
                }
            }
            var copied: [String: String] = [:]
            for folder in made { copied[folder] = Folders.stamp(staging + "/" + folder) }
            // The spare's files are the published site's, by hard link: the same inodes, sizes and times.
            try FolderStamps.write([.init(root: output, folders: stamps, files: files), .init(root: staging, folders: copied, files: files)], to: lock.stamps)
            guard rename(staging, lock.spare) == 0 else { throw Folders.failure("keep", staging) }
            finished = true
        } catch {
            try? Folders.remove(staging)
            finished = true
        }
    }

    /// Discards everything staged; the previous site is untouched.
    public func abandon() {
        if created && !finished { try? Folders.remove(staging) }
        finished = true
    }

    /// `renameat2(RENAME_EXCHANGE)`, as a frozen edition is replaced too.
    static func exchange(_ a: String, _ b: String) -> Bool {
        FolderExchange.exchange(a, b)
    }
}
