import DashboardCharts
import Foundation

/// One PNG the site needs and the key it is made from.
struct ChartJob: Sendable {
    var path: String
    var spec: ChartSpec
    var size: ChartSize
    var key: String
}

/// Writes into the staging folder, carrying over files whose key is unchanged, and records every key.
struct Writer {
    let staged: StagedOutput
    let previous: Manifest?
    let failAfterWrites: Int?
    private(set) var keys: [String: String] = [:]
    private(set) var written = 0
    private(set) var reused = 0

    init(staged: StagedOutput, previous: Manifest?, failAfterWrites: Int?) {
        self.staged = staged
        self.previous = previous
        self.failAfterWrites = failAfterWrites
    }

    func canCarry(_ path: String, key: String) -> Bool {
        previous?.files[path] == key && staged.previousExists(path)
    }

    /// Two outputs with one path would leave only the last: a build error, never a silent loss.
    func checkUnclaimed(_ path: String) throws {
        if keys[path] != nil {
            throw BuildError.output("two files of the site would both be written to \(path), so one would be lost; rename the indicator or dashboard whose id makes that name")
        }
    }

    /// A file whose content is known: carried over when the previous site has the same bytes, else written.
    mutating func put(_ bytes: [UInt8], at path: String, key: String? = nil) throws {
        try checkUnclaimed(path)
        let key = key ?? ContentHash.of(bytes)
        if canCarry(path, key: key) {
            try carry(path, key: key)
            return
        }
        if let failAfterWrites, written >= failAfterWrites {
            throw BuildError.output("stopped after \(written) files, as asked (failAfterWrites)")
        }
        do { try staged.write(bytes, to: path) } catch { throw BuildError.at(.write, path, error) }
        keys[path] = key
        written += 1
    }

    /// Carries a file of an unchanged dashboard over with its recorded key.
    mutating func carry(_ path: String, key: String? = nil) throws {
        try checkUnclaimed(path)
        guard let key = key ?? previous?.files[path] else {
            throw BuildError.output("the previous build's manifest does not list \(path); run with --clean")
        }
        do { try staged.reuse(path) } catch { throw BuildError.at(.write, path, error) }
        keys[path] = key
        reused += 1
    }
}
