import DashboardCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files in the output that dashboards did not write: a `CNAME`, an `.htaccess`, a PDF an officer added. The
/// previous manifest lists everything the last build wrote, so anything else was put there by someone else,
/// and each build carries it over into the new site. Where the new site itself needs the path, the site's file
/// wins and a warning says so.
enum ForeignFiles {
    struct Result {
        var kept = 0
        var warnings: [Diagnostic] = []
    }

    static func carry(from output: String, recorded: Manifest?, into staged: StagedOutput, claimed: [String: String]) throws -> Result {
        var result = Result()
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: output), !entries.isEmpty else { return result }
        guard let recorded else {
            result.warnings.append(
                Diagnostic(
                    .warning, "the previous site's \(Manifest.fileName) could not be read, so files in it that dashboards did not write cannot be told apart and were not kept",
                    at: SourceLocation(file: output)))
            return result
        }
        let ours = Set(recorded.files.keys)
        for relative in walk(output) where relative != Manifest.fileName && !ours.contains(relative) {
            let source = output + "/" + relative
            var info = stat()
            guard lstat(source, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                // Only an empty folder needs making; one with files is made by carrying them.
                if ((try? fileManager.contentsOfDirectory(atPath: source)) ?? []).isEmpty, claimed[relative] == nil {
                    try fileManager.createDirectory(atPath: staged.staging + "/" + relative, withIntermediateDirectories: true)
                    result.kept += 1
                }
                continue
            }
            if claimed[relative] != nil {
                result.warnings.append(
                    Diagnostic(
                        .warning, "this file was not written by dashboards and is replaced by the site's own file of that name; keep your copy elsewhere",
                        at: SourceLocation(file: source)))
                continue
            }
            if kind == S_IFLNK {
                let target = try fileManager.destinationOfSymbolicLink(atPath: source)
                try staged.makeParent(of: relative)
                try fileManager.createSymbolicLink(atPath: staged.staging + "/" + relative, withDestinationPath: target)
            } else {
                try staged.reuse(relative)
            }
            result.kept += 1
        }
        return result
    }

    /// Every path under `root`, relative to it, not following symbolic links.
    static func walk(_ root: String) -> [String] {
        var paths: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let path = folder.isEmpty ? root : root + "/" + folder
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                let relative = folder.isEmpty ? name : folder + "/" + name
                paths.append(relative)
                var info = stat()
                if lstat(root + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { pending.append(relative) }
            }
        }
        return paths
    }
}
