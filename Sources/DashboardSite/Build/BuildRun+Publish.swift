import DashboardCore
import Foundation

extension BuildRun {
    /// Write, the end: files added to the published site by hand are carried over, anything else the staging
    /// folder holds that is not the new site's is removed, and the site's manifest and stamps are written last.
    mutating func keepHandAdded() throws {
        // A path the new site has a file or a folder at is the site's.
        var ours = Set(cards.keys)
        for path in writer.keys.keys {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard ours.insert(String(folder)).inserted else { break }
            }
        }
        let kept: ForeignFiles.Result
        do {
            kept = try ForeignFiles.carry(
                scan ?? ForeignFiles.Scan(), before: (staged.start?.manifest.kept ?? []) + (previous?.manifest.kept ?? []),
                from: context.output, into: staged, claimed: { [writer] in writer.keys[$0] != nil || ours.contains($0) })
            let top = { (path: String) in SiteRecord.owner(of: path) ?? path }
            try staged.removeOthers(
                keeping: ours.union(manifest.files.keys.map(top)).union(kept.kept.map(top)).union([Manifest.fileName]))
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError.at(.write, context.output, error)
        }
        if recorded == nil, Folders.list(context.output).map({ !$0.isEmpty }) ?? false {
            report.warnings.append(
                Diagnostic(
                    .warning, "the previous site's \(Manifest.fileName) could not be read, so files in it that dashboards did not write cannot be told apart and were not kept",
                    at: SourceLocation(file: context.output)))
        }
        report.kept = kept.kept.count
        report.warnings += kept.warnings
        manifest.kept = kept.kept
    }

    /// Publish: the stamps of the staged site are taken and the site's manifest written last, the staged site is
    /// swapped in whole, and the old one is kept as the next build's spare.
    mutating func publish() async throws {
        let stamps = staged.stamps()
        // Every file dashboards wrote in the new site: the writer's, and those of the dashboards the staging
        // folder held whole.
        var wrote = writer.keys
        for id in carried.keys where linking[id] == nil { wrote.merge(staged.startingFiles(of: id)) { a, _ in a } }
        let fileStamps = staged.fileStamps(of: wrote.keys)
        report.repaired = repaired(wrote)
        do {
            try staged.write(try manifest.encoded(), to: Manifest.fileName)
            try staged.recordStamps(stamps, files: fileStamps, previous: recorded)
        } catch {
            throw BuildError.at(.write, Manifest.fileName, error)
        }
        try await options.publishHook?(.staged)
        do { try staged.exchange() } catch { throw BuildError.at(.publish, options.output, error) }
        try await options.publishHook?(.exchanged)
        staged.keepOld(stamps: stamps, files: fileStamps)
        try await options.publishHook?(.cleaned)

        report.dashboards = manifest.dashboards.count
        report.written = writer.written
        report.reused += writer.reused
    }

    /// Files made again because they were changed in place, and published files changed in place whose intact
    /// copy in the spare was used instead.
    func repaired(_ wrote: [String: String]) -> Int {
        var repaired = writer.repaired
        if let previous {
            for (path, _) in previous.fileStamps where wrote[path] != nil && previous.wasChanged(path) && previous.key(of: path) == wrote[path] {
                repaired.insert(path)
            }
        }
        return repaired.count
    }
}
