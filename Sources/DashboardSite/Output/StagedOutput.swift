import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the site in a staging folder beside the output and swaps it in only when everything succeeded,
/// so readers and the next build see either the old site or the new one, never a half-written one.
///
/// Unchanged files are hard-linked from the previous site instead of rewritten (same inode, same modification
/// time), which keeps a rebuild cheap; anything not carried over or written is simply absent from the new site,
/// so files of removed indicators disappear. Paths are checked to stay inside the output folder.
public final class StagedOutput {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String)
        case busy(String)
        case notASite(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): return "refusing to write '\(path)': output paths must stay inside the output folder"
            case .io(let message): return message
            case .busy(let path): return "another build is writing \(path); wait for it to finish"
            case .notASite(let path):
                return "refusing to replace \(path): it holds files that dashboards did not write (it has no \(Manifest.fileName)); choose a new or empty folder for --output"
            }
        }
    }

    public let output: String
    public let staging: String
    private let lockPath: String
    private var lockDescriptor: Int32 = -1
    private var createdDirectories = Set<String>()
    public private(set) var written = 0
    public private(set) var linked = 0
    private var finished = false

    /// Prepares a fresh staging folder (removing any left by an interrupted build) and takes the build lock.
    ///
    /// The output folder is replaced whole, so it must be new, empty, or a site built here before (it holds the
    /// manifest): `--output dashboards`, `--output .` or `--output assets` would otherwise swap the input, a whole
    /// project or the templates out for the site and delete them.
    public init(output: String) throws {
        var trimmed = output
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: trimmed, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.io("\(trimmed) exists and is not a folder; move it away or choose another --output") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: trimmed)) ?? []
            if !entries.isEmpty, !entries.contains(Manifest.fileName) { throw Failure.notASite(trimmed) }
        }
        self.output = trimmed
        let url = URL(fileURLWithPath: trimmed)
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        lockPath = parent + "/." + name + ".lock"
        staging = parent + "/." + name + ".staging"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        lockDescriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else { throw Failure.io("cannot create the lock file \(lockPath): \(String(cString: strerror(errno)))") }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            lockDescriptor = -1
            throw Failure.busy(trimmed)
        }
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Failure.io("cannot create the staging folder \(staging): \(error.localizedDescription)")
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: staging) }
        if lockDescriptor >= 0 { close(lockDescriptor) }
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
        guard StagedOutput.isSafe(relative) else { throw Failure.unsafePath(relative) }
        let path = staging + "/" + relative
        if let slash = relative.lastIndex(of: "/") {
            let directory = staging + "/" + relative[..<slash]
            if !createdDirectories.contains(directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                createdDirectories.insert(directory)
            }
        }
        return path
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

    /// Swaps the staging folder in for the output folder and removes the old site.
    public func commit() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw Failure.io("\(output) exists and is not a folder; move it away or choose another --output")
        }
        if exists {
            if StagedOutput.exchange(staging, output) {
                // The staging path now holds the previous site.
                try? fileManager.removeItem(atPath: staging)
            } else {
                // No atomic exchange on this system: two renames, the gap between them a few microseconds.
                let old = staging + ".old"
                try? fileManager.removeItem(atPath: old)
                guard rename(output, old) == 0 else { throw Failure.io("cannot move the old site aside: \(String(cString: strerror(errno)))") }
                guard rename(staging, output) == 0 else {
                    _ = rename(old, output)
                    throw Failure.io("cannot move the new site into place: \(String(cString: strerror(errno)))")
                }
                try? fileManager.removeItem(atPath: old)
            }
        } else {
            guard rename(staging, output) == 0 else { throw Failure.io("cannot move the new site into place: \(String(cString: strerror(errno)))") }
        }
        finished = true
    }

    /// Discards everything staged; the previous site is untouched.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
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
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
