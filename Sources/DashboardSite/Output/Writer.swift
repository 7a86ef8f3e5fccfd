import DashboardCharts
import Foundation

/// One PNG the site needs and the key it is made from.
struct ChartJob: Sendable {
    var path: String
    var spec: ChartSpec
    var size: ChartSize
    var key: String
}

/// A file the site needs, keyed by what it is made from and made only when the writer asks: a page by the program,
/// the templates and its values, so an unchanged page is carried over without being rendered again; a file of
/// known bytes by those bytes.
struct PlannedFile {
    var path: String
    var key: String
    var isPage = false
    var bytes: () throws -> [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.key = ContentHash.of(bytes)
        self.bytes = { bytes }
    }

    init(path: String, key: String, isPage: Bool, make: @escaping () throws -> [UInt8]) {
        self.path = path
        self.key = key
        self.isPage = isPage
        self.bytes = make
    }
}

/// Writes into the staging folder, records every key, and touches as little as it can: a file the staging
/// folder already holds with the same key (from the spare) is left alone, one the published site holds with the
/// same key is hard-linked from there, and only the rest is written.
struct Writer {
    let staged: StagedOutput
    /// The published site, unless the build is clean.
    let previous: SiteRecord?
    let failAfterWrites: Int?
    private(set) var keys: [String: String] = [:]
    /// The same keys by the top-level folder they are in ("" for the site's root).
    private var byFolder: [String: [String: String]] = [:]
    /// Files written anew (their keys differ from the published site's), and files carried over unchanged.
    private(set) var written = 0
    private(set) var reused = 0
    /// Pages rendered (the rest were carried over unrendered).
    private(set) var pagesRendered = 0
    /// Files the published site or the spare had with the same key but changed in place since, so made again.
    private(set) var repaired = Set<String>()

    init(staged: StagedOutput, previous: SiteRecord?, failAfterWrites: Int?) {
        self.staged = staged
        self.previous = previous
        self.failAfterWrites = failAfterWrites
    }

    /// Whether the published site has this file with this key, as it was when the site was recorded (its stamp
    /// unchanged).
    private func published(_ path: String, key: String) -> Bool {
        guard let previous, StagedOutput.isSafe(path) else { return false }
        return previous.key(of: path) == key && previous.isIntact(path)
    }

    /// Whether the published site or the spare holds this file with this key as it was recorded, so it can be
    /// carried over.
    func verified(_ path: String, key: String) -> Bool {
        staged.holds(path, key: key) || published(path, key: key)
    }

    /// Whether the published site or the spare had this file with this key but it was changed in place since.
    private func changedOutside(_ path: String, key: String) -> Bool {
        if let previous, StagedOutput.isSafe(path), previous.key(of: path) == key, previous.wasChanged(path) { return true }
        return staged.heldChanged(path, key: key)
    }

    /// Two outputs with one path would leave only the last: a build error, never a silent loss.
    func checkUnclaimed(_ path: String) throws {
        if keys[path] != nil {
            throw BuildError.output("two files of the site would both be written to \(path), so one would be lost; rename the indicator or dashboard whose id makes that name")
        }
    }

    /// A file whose content is known: kept or carried over when an earlier site has the same bytes, else written.
    mutating func put(_ bytes: [UInt8], at path: String) throws {
        try put(PlannedFile(path: path, bytes: bytes))
    }

    /// A planned file: carried over when an earlier site has it with the same key, so a page whose values did not
    /// change is never rendered; else made and written.
    mutating func put(_ file: PlannedFile) throws {
        if try carryIfKept(file.path, key: file.key) { return }
        let bytes: [UInt8]
        do { bytes = try file.bytes() } catch { throw BuildError.at(file.isPage ? .plan : .render, file.path, error) }
        if file.isPage { pagesRendered += 1 }
        try write(bytes, at: file.path, key: file.key)
    }

    /// Carries a file over when an earlier site has it with this key; false, and nothing done, when none has.
    mutating func carryIfKept(_ path: String, key: String) throws -> Bool {
        try checkUnclaimed(path)
        let held = staged.holds(path, key: key), published = published(path, key: key)
        guard held || published else {
            if changedOutside(path, key: key) { repaired.insert(path) }
            return false
        }
        try keep(path, key: key, held: held, published: published)
        return true
    }

    /// Carries a file of the published site over with its key (an unchanged dashboard's, from its manifest, each
    /// file of which was `verified` first).
    mutating func carry(_ path: String, key: String) throws {
        try checkUnclaimed(path)
        let held = staged.holds(path, key: key), published = published(path, key: key)
        guard held || published else { throw BuildError.at(.write, path, StagedOutput.Failure.io("\(path) changed while the site was built")) }
        try keep(path, key: key, held: held, published: published)
    }

    /// Left as the staging folder holds it, or linked from the published site.
    private mutating func keep(_ path: String, key: String, held: Bool, published: Bool) throws {
        if !held {
            do { try staged.reuse(path) } catch { throw BuildError.at(.write, path, error) }
        }
        record(path, key)
        if published { reused += 1 } else { written += 1 }
    }

    /// Writes a file that no earlier site has with its key.
    mutating func write(_ bytes: [UInt8], at path: String, key: String) throws {
        try checkUnclaimed(path)
        if let failAfterWrites, written >= failAfterWrites {
            throw BuildError.output("stopped after \(written) files, as asked (failAfterWrites)")
        }
        do { try staged.write(bytes, to: path) } catch { throw BuildError.at(.write, path, error) }
        record(path, key)
        written += 1
    }

    private mutating func record(_ path: String, _ key: String) {
        keys[path] = key
        byFolder[SiteRecord.owner(of: path) ?? "", default: [:]][path] = key
    }

    /// The keys recorded for the files under a top-level folder (a dashboard's).
    func keys(of id: String) -> [String: String] { byFolder[id] ?? [:] }

    /// Leaves out of the staging folder what the spare had for a dashboard and the new site does not.
    func removeStale(of id: String) throws {
        for path in staged.startingFiles(of: id).keys.sorted() where keys[path] == nil {
            do { try staged.remove(path) } catch { throw BuildError.at(.write, path, error) }
        }
    }
}
