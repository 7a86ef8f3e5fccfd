import DashboardCore
import Foundation

/// `dashboards freeze`: copies a dashboard's settings and data, as they stand, into `editions/<period>/` beside its
/// dashboard.yml, with an `edition.yml` recording the period and the publication date. The archived edition is
/// built from that copy from then on. The copy is written beside its final place and renamed into it, so an
/// interrupted freeze leaves no half-written edition.
public enum EditionFreezer {
    public struct Frozen: Sendable {
        /// `dashboards/cfws/editions/2019-20-q4`.
        public var folder: String
        public var files: [String]
        public var replaced: Bool
    }

    public enum Failure: Error, Sendable {
        /// Problems in the dashboard's files: nothing is frozen from data with errors.
        case input(Diagnostics)
        case refused(String)
    }

    public static func freeze(input: String, id: String, edition: Period, published: CivilDate, replace: Bool) throws(Failure) -> Frozen {
        let project = InputLoader.load(from: input, only: [id])
        guard !project.hasErrors, let dashboard = project.dashboards.first(where: { $0.id == id }) else {
            throw .input(project.diagnostics)
        }
        let latest = Analysis.asOf(dashboard)
        if let latest, edition > latest {
            throw .refused("\(id)'s figures go up to \(latest.label); freeze the \(edition.label) edition once its figures are in")
        }
        if let existing = dashboard.frozenEdition(edition), !replace {
            throw .refused(
                "the \(edition.label) edition of \(id) is already frozen (published \(existing.publishedLabel)); pass --replace to freeze it again from the current data")
        }
        let fileManager = FileManager.default
        let directory = InputLoader.join(input, id)
        let editions = InputLoader.join(directory, InputLoader.editionsFolder)
        let final = InputLoader.join(editions, edition.slug)
        let staging = InputLoader.join(editions, Leftover.stagingName(edition.slug, pid: getpid()))
        removeLeftovers(in: editions)
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for file in dashboard.files {
                // A comparator group's file may sit in a folder (groups/county-councils.txt).
                if file.contains("/") {
                    let folder = String(file[..<file.lastIndex(of: "/")!])
                    try fileManager.createDirectory(atPath: InputLoader.join(staging, folder), withIntermediateDirectories: true)
                }
                try fileManager.copyItem(atPath: InputLoader.join(directory, file), toPath: InputLoader.join(staging, file))
            }
            let record = EditionDecoder.encode(EditionDecoder.Record(period: edition, published: published))
            try Data(record.utf8).write(to: URL(fileURLWithPath: InputLoader.join(staging, "edition.yml")))
            var replaced = false
            if fileManager.fileExists(atPath: final) {
                // One exchange: the edition's folder holds the old copy or the new one at every moment, and a
                // freeze killed after it leaves only the old copy under the staging name, removed next time.
                if FolderExchange.exchange(staging, final) {
                    try? fileManager.removeItem(atPath: staging)
                } else {
                    let old = InputLoader.join(editions, Leftover.replacedName(edition.slug, pid: getpid()))
                    try fileManager.moveItem(atPath: final, toPath: old)
                    try fileManager.moveItem(atPath: staging, toPath: final)
                    try? fileManager.removeItem(atPath: old)
                }
                replaced = true
            } else {
                try fileManager.moveItem(atPath: staging, toPath: final)
            }
            return Frozen(folder: final, files: dashboard.files + ["edition.yml"], replaced: replaced)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw .refused("could not write \(final): \(error.localizedDescription)")
        }
    }

    /// What a freeze that was stopped part way (killed, or the machine off) leaves in `editions/`: its copy in the
    /// making (`.2019-20-q4.freezing-1234`) or, where folders cannot be exchanged, the edition it was replacing
    /// (`.2019-20-q4.replaced-1234`). The loader names them as not read; the next freeze removes them.
    public struct Leftover: Sendable, Equatable {
        public var slug: String
        public var pid: Int32
        /// The edition being replaced, moved aside: the only copy of it where its folder is missing.
        public var isReplaced: Bool

        static func stagingName(_ slug: String, pid: Int32) -> String { ".\(slug).freezing-\(pid)" }
        static func replacedName(_ slug: String, pid: Int32) -> String { ".\(slug).replaced-\(pid)" }

        /// The leftover a name in `editions/` is, if it is one.
        public init?(name: String) {
            guard name.hasPrefix(".") else { return nil }
            for (marker, replaced) in [(".freezing-", false), (".replaced-", true)] {
                guard let range = name.range(of: marker, options: .backwards), let pid = Int32(name[range.upperBound...]) else { continue }
                let slug = String(name[name.index(after: name.startIndex)..<range.lowerBound])
                guard !slug.isEmpty else { return nil }
                self.slug = slug
                self.pid = pid
                self.isReplaced = replaced
                return
            }
            return nil
        }

        /// Whether the freeze that made it is still running (then it is its work in progress, not a leftover).
        public var isRunning: Bool { pid == getpid() || kill(pid, 0) == 0 || errno == EPERM }
    }

    /// Removes what stopped freezes left in `editions/`; an edition moved aside whose folder is missing is put back.
    static func removeLeftovers(in editions: String) {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: editions)) ?? [] {
            guard let leftover = Leftover(name: name), !leftover.isRunning else { continue }
            let path = InputLoader.join(editions, name)
            let final = InputLoader.join(editions, leftover.slug)
            if leftover.isReplaced, !fileManager.fileExists(atPath: final), (try? fileManager.moveItem(atPath: path, toPath: final)) != nil {
                continue
            }
            try? fileManager.removeItem(atPath: path)
        }
    }
}
