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
/// Unchanged files are hard-linked from the previous site instead of rewritten (same inode, same modification
/// time), which keeps a rebuild cheap; anything not carried over or written is simply absent from the new site,
/// so files of removed indicators disappear. Paths are checked to stay inside the output folder.
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
    private var createdDirectories = Set<String>()
    public private(set) var written = 0
    public private(set) var linked = 0
    private var created = false
    private var finished = false
    /// For tests: behave as on a filesystem without an atomic exchange.
    var exchangeUnavailable = false

    /// Checks the output can take a site and creates the staging folder. The lock must be held and leftovers
    /// recovered (`OutputLock.recover`).
    ///
    /// The output folder is replaced whole, so it must be new, empty, or a site built here before (it holds the
    /// manifest): `--output dashboards`, `--output .` or `--output assets` would otherwise swap the input, a whole
    /// project or the templates out for the site and delete them.
    public init(lock: OutputLock, exchangeUnavailable: Bool = false) throws {
        self.lock = lock
        self.exchangeUnavailable = exchangeUnavailable
        try StagedOutput.checkReplaceable(lock.output, named: lock.named)
        do {
            try FileManager.default.createDirectory(atPath: lock.staging, withIntermediateDirectories: false)
        } catch {
            throw Failure.io("cannot create the staging folder \(lock.staging): \(error.localizedDescription)")
        }
        created = true
        // Fail now, not after rendering everything, where the swap cannot be made atomically.
        if FileManager.default.fileExists(atPath: lock.output) {
            if !canExchange() { throw Failure.noExchange(lock.named) }
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

    /// Exchanges the (empty) staging folder with an empty probe folder beside it: both are ours, so nothing
    /// else is touched.
    private func canExchange() -> Bool {
        let probe = lock.probe
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: false)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        return !exchangeUnavailable && StagedOutput.exchange(lock.staging, probe)
    }

    deinit {
        if created && !finished { try? FileManager.default.removeItem(atPath: lock.staging) }
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

    private func destination(_ relative: String) throws -> String {
        try makeParent(of: relative)
        return staging + "/" + relative
    }

    /// Creates the staging folders a relative path needs, once each.
    func makeParent(of relative: String) throws {
        guard StagedOutput.isSafe(relative) else { throw Failure.unsafePath(relative) }
        if let slash = relative.lastIndex(of: "/") {
            let directory = staging + "/" + relative[..<slash]
            if !createdDirectories.contains(directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                createdDirectories.insert(directory)
            }
        }
    }

    public func write(_ bytes: [UInt8], to relative: String) throws {
        let path = try destination(relative)
        let ok = bytes.withUnsafeBytes { buffer in
            FileManager.default.createFile(atPath: path, contents: Data(buffer))
        }
        guard ok else { throw Failure.io("cannot write \(path): \(String(cString: strerror(errno)))") }
        written += 1
    }

    public func write(_ text: String, to relative: String) throws {
        try write(Array(text.utf8), to: relative)
    }

    /// Whether the previous site has this file.
    public func previousExists(_ relative: String) -> Bool {
        StagedOutput.isSafe(relative) && FileManager.default.fileExists(atPath: output + "/" + relative)
    }

    /// Carries a file over from the previous site unchanged: a hard link, or a copy where links are not possible.
    public func reuse(_ relative: String) throws {
        let target = try destination(relative)
        let source = output + "/" + relative
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

    /// Swaps the staging folder in for the output folder in one atomic exchange. The staging path then holds
    /// the previous site, which `removeOld` deletes; a build killed in between leaves it for the next build's
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
        } else {
            guard rename(staging, output) == 0 else { throw Failure.io("cannot move the new site into place: \(String(cString: strerror(errno)))") }
        }
        finished = true
    }

    /// Removes the previous site, which the exchange left at the staging path.
    public func removeOld() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Discards everything staged; the previous site is untouched.
    public func abandon() {
        if created && !finished { try? FileManager.default.removeItem(atPath: staging) }
        finished = true
    }

    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `renameat2(RENAME_EXCHANGE)`, looked up at run time because Swift's Glibc module does not declare it.
    static let renameat2: Renameat2? = {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: Renameat2.self)
        #else
            return nil
        #endif
    }()

    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else {
            errno = ENOSYS
            return false
        }
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
