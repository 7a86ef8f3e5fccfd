import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The steps of publishing a site, in the order a build takes them. Each is a point where a test may pause a
/// build (to run another against it) or kill it; see `docs/publishing.md` for why every interleaving is safe.
public enum PublishStep: String, CaseIterable, Sendable {
    /// The output's lock is held; nothing about the previous site has been read yet.
    case locked
    /// Leftovers of killed builds are gone: a half-written staging folder removed, a complete site kept as the spare.
    case recovered
    /// The previous manifest is read and what to carry over is decided.
    case planned
    /// Every file of the new site, its manifest last, is in the staging folder.
    case staged
    /// The new site is in place (one atomic exchange); the old one sits where the staging folder was.
    case exchanged
    /// The old site is kept as the spare (or, after a first build, a spare is made); the lock is released next.
    case cleaned
}

/// Where a site is published and the lock that makes one build at a time its only writer.
///
/// The lock is an exclusive `flock` on `.NAME.lock` beside the output, so it is released by the system when
/// the holder exits or is killed: it is never stale. Everything that reads or changes the output, its
/// manifest or the staging folder happens while it is held; a build that cannot take it touches nothing.
public final class OutputLock {
    public enum Failure: Error, CustomStringConvertible {
        /// Another build held the lock for the whole wait.
        case busy(output: String, holder: String?, waited: Int)
        case io(String)

        public var description: String {
            switch self {
            case .busy(let output, let holder, let waited):
                let who = holder.map { " (process \($0))" } ?? ""
                let wait = waited == 0 ? "" : " after waiting \(waited) s"
                return "another build\(who) is still writing \(output)\(wait); nothing was touched. Run again when it has finished, or give --wait a longer time"
            case .io(let message): return message
            }
        }
    }

    /// The output folder as published: through a symbolic link to the folder it names.
    public let output: String
    /// The output as the user named it, for messages.
    public let named: String
    public let lockPath: String
    /// Where the next site is staged, beside the output so the swap is a rename within one filesystem.
    public let staging: String
    /// The previous site, kept complete beside the output after each build (unchanged files are hard links of
    /// the published ones): the next build stages its site by changing only what differs.
    public let spare: String
    /// The stamps of the folders of the published site and the spare (`FolderStamps`).
    public let stamps: String
    /// Where an interrupted two-rename swap of an earlier version of this tool left the old site.
    let legacyOld: String
    /// An empty folder exchanged with the staging folder to learn whether the filesystem can exchange at all.
    let probe: String
    private var descriptor: Int32

    /// Takes the lock on `output` if no other build holds it; else throws `busy`, having touched nothing.
    public init(output named: String) throws {
        let resolved = try OutputLock.resolve(named)
        output = resolved
        self.named = named
        let url = URL(fileURLWithPath: resolved)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        lockPath = parent + "/." + name + ".lock"
        staging = parent + "/." + name + ".staging"
        legacyOld = staging + ".old"
        spare = parent + "/." + name + ".spare"
        stamps = parent + "/." + name + ".folders"
        probe = staging + ".probe"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot create the folder \(parent) for \(named): \(error.localizedDescription)")
        }
        descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure.io("cannot create the lock file \(lockPath): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = OutputLock.holder(descriptor)
            close(descriptor)
            descriptor = -1
            throw Failure.busy(output: named, holder: holder, waited: 0)
        }
        // Say who holds it, for a build that has to wait.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Takes the lock on `output`, waiting up to `wait` seconds for another build to finish (0: refuse at
    /// once). `waiting` is told once, when the lock is found held, with the holder's process id if known. The
    /// wait sleeps between tries without holding a thread.
    public static func acquire(output: String, wait: Int, waiting: (String?) -> Void = { _ in }) async throws -> OutputLock {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(wait)
        var told = false
        while true {
            do {
                return try OutputLock(output: output)
            } catch Failure.busy(let named, let holder, _) {
                guard clock.now < deadline else { throw Failure.busy(output: named, holder: holder, waited: wait) }
                if !told {
                    waiting(holder)
                    told = true
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    deinit { release() }

    /// Lets the next build in. Everything this build staged must be committed or removed first.
    public func release() {
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        close(descriptor)
        descriptor = -1
    }

    /// The process id written into the lock file by its holder.
    static func holder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || !text.allSatisfy(\.isNumber) ? nil : text
    }

    /// The folder a site is published in: `output` itself, or the folder a symbolic link there names (so the
    /// link stays and the site is swapped in where it points). Trailing slashes do not count.
    static func resolve(_ output: String) throws -> String {
        var trimmed = output
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { throw Failure.io("--output is empty; name the folder to write the site to") }
        let absolute = trimmed.hasPrefix("/") ? trimmed : FileManager.default.currentDirectoryPath + "/" + trimmed
        var url = URL(fileURLWithPath: absolute).standardizedFileURL
        var info = stat()
        if lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = realpath(url.path, nil) else {
                throw Failure.io("\(output) is a symbolic link to a folder that does not exist; create the folder it names or choose another --output")
            }
            url = URL(fileURLWithPath: String(cString: real))
            free(real)
        }
        if url.path == "/" { throw Failure.io("refusing to publish to /: choose a folder for --output") }
        return url.path
    }

    /// Removes what killed builds left behind. A staging folder that holds a complete site (its manifest is
    /// written last) becomes the spare, whichever site it is: the next build only has to change what differs.
    /// One without a manifest is half-written and is removed. Before this tool used an atomic exchange only, a
    /// build killed between its two renames could leave no output and the old site in `.NAME.staging.old`: that
    /// site is put back first.
    public func recover() throws {
        if !Folders.exists(output), Folders.exists(legacyOld) {
            guard rename(legacyOld, output) == 0 else {
                throw Failure.io("cannot put the previous site back from \(legacyOld): \(String(cString: strerror(errno)))")
            }
        }
        if Folders.exists(staging), !Folders.exists(spare), isSpare(staging) {
            guard rename(staging, spare) == 0 else {
                throw Failure.io("cannot keep \(staging), left by an interrupted build: \(String(cString: strerror(errno)))")
            }
        }
        if Folders.exists(spare), !isSpare(spare) { try removeLeftover(spare) }
        for leftover in [staging, legacyOld, probe, stamps + ".new"] { try removeLeftover(leftover) }
    }

    private func removeLeftover(_ path: String) throws {
        do { try Folders.remove(path) } catch {
            throw Failure.io("cannot remove \(path), left by an interrupted build: \(error)")
        }
    }

    /// Whether a folder holds a complete site this version can update in place: its manifest is readable and
    /// the stamps of its folders are known.
    func isSpare(_ path: String) -> Bool {
        SiteRecord.read(path, stamps: stamps)?.hasStamps ?? false
    }

    /// Whether a folder is a mount point (its device differs from its parent's): a mount point cannot be
    /// renamed, so a site cannot be swapped in there.
    static func isMountPoint(_ path: String) -> Bool {
        var own = stat(), parent = stat()
        guard stat(path, &own) == 0, stat(URL(fileURLWithPath: path).deletingLastPathComponent().path, &parent) == 0 else { return false }
        return own.st_dev != parent.st_dev
    }
}
