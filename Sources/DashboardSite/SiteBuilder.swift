import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation

public enum BuildError: Error, CustomStringConvertible {
    /// Problems in the input; nothing was written.
    case input(Diagnostics)
    /// Problems in the templates, stylesheet or fonts; nothing was written.
    case assets(Diagnostics)
    /// The output could not be written; the previous site is untouched.
    case output(String)
    /// The options cannot work together (an output inside the input, say); nothing was read or written.
    case usage(String)

    public var description: String {
        switch self {
        case .input(let diagnostics), .assets(let diagnostics):
            return diagnostics.sorted.map(\.description).joined(separator: "\n")
        case .output(let message), .usage(let message):
            return message
        }
    }
}

public struct BuildOptions: Sendable {
    public var input: String
    public var output: String
    public var assets: String
    /// Build the site as it stood at this period (editions after it are left out).
    public var asOf: Period?
    /// Ignore the previous build and render everything.
    public var clean: Bool
    /// Charts rendered at once.
    public var jobs: Int
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// For tests: fail after this many files have been written, as a crash or full disk would.
    public var failAfterWrites: Int?
    /// Seconds to wait for another build of the same output to finish; 0 refuses at once.
    public var wait: Int
    /// Told once when another build holds the output, with its process id if known.
    public var waiting: (@Sendable (String?) -> Void)?
    /// Called at each publishing step, in order; a test may pause the build there, fail it, or kill the process.
    public var publishHook: (@Sendable (PublishStep) async throws -> Void)?
    /// For tests: publish as on a filesystem that cannot exchange two folders atomically.
    public var exchangeUnavailable = false

    public init(input: String = "dashboards", output: String = "public", assets: String = "assets", asOf: Period? = nil,
                clean: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (BuildProgress) -> Void)? = nil, failAfterWrites: Int? = nil, wait: Int = 600) {
        self.input = input
        self.output = output
        self.assets = assets
        self.asOf = asOf
        self.clean = clean
        self.jobs = max(1, jobs)
        self.progress = progress
        self.failAfterWrites = failAfterWrites
        self.wait = max(0, wait)
    }
}

public struct BuildProgress: Sendable {
    public var done: Int
    public var total: Int
}

public struct BuildReport: Sendable {
    public var dashboards = 0
    public var pages = 0
    public var charts = 0
    public var chartsRendered = 0
    public var chartsReused = 0
    /// Files written anew (pages whose bytes changed, charts rendered, data files).
    public var written = 0
    /// Files carried over from the previous site untouched.
    public var reused = 0
    /// Files of the previous site that the new one no longer has.
    public var removed = 0
    /// Files in the previous site that dashboards did not write (a `CNAME`, a PDF added by hand), carried over.
    public var kept = 0
    public var upToDate = false
    public var seconds = 0.0
    public var warnings: [Diagnostic] = []
    /// For each dashboard built again, what changed since the last build of it (new figures, revisions, status and
    /// direction changes); none for a dashboard the output did not have.
    public var changes: [DashboardChanges] = []

    /// What changed since the last build, in brief: a few lines for each dashboard whose figures changed.
    public var changeLines: [String] {
        var lines: [String] = []
        for dashboard in changes where !dashboard.changes.isEmpty {
            let brief = SnapshotChanges.brief(dashboard.changes, limit: 5)
            lines.append("\(dashboard.id): \(brief[0]) since the last build")
            lines += brief.dropFirst()
        }
        let unchanged = changes.filter(\.changes.isEmpty).count
        if unchanged > 0, !lines.isEmpty || unchanged == changes.count {
            lines.append("\(unchanged) dashboard\(unchanged == 1 ? "" : "s") built again with no figure, status or direction changed")
        }
        return lines
    }

    public var summary: String {
        let time = Formatting.number(seconds, decimals: 2) + " s"
        if upToDate {
            return "Up to date: no input, template or option changed since the last build (\(time))"
        }
        let kept = kept == 0 ? "" : ", \(kept) kept that dashboards did not write"
        return "Built \(dashboards) dashboard\(dashboards == 1 ? "" : "s"): \(pages) pages, \(charts) charts (\(chartsRendered) rendered, \(chartsReused) reused), \(written) files written, \(reused) unchanged, \(removed) removed\(kept) in \(time)"
    }
}

/// What changed in one dashboard since the last build.
public struct DashboardChanges: Sendable {
    public var id: String
    public var changes: [SnapshotChange]
}

/// The version written into every page's footer and every fingerprint: a new version rebuilds everything.
public enum DashboardsVersion {
    public static let string = "0.1.0"
}

/// load → validate → compute → lay out → rasterise → write, into a staging folder swapped in at the end.
public enum SiteBuilder {
    /// The indicator page's chart: laid out once in CSS pixels, rasterised at 1x, 2x and 300 dpi.
    public static let pageChart = ChartSize(width: 640, height: 360)
    public static let printDPI = 300

    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var report = BuildReport()

        let assets: SiteAssets
        switch SiteAssets.load(from: options.assets) {
        case .success(let loaded): assets = loaded
        case .failure(let diagnostics): throw BuildError.assets(diagnostics)
        }
        let fonts = try ChartNotes.fonts(in: assets.fontsDirectory)
        let output = try checkPaths(options)

        // Fingerprints decide what must be rebuilt; the previous manifest says what was built from what.
        var global = ContentHash()
        global.combine(DashboardsVersion.string)
        global.combine(ChartRenderer.version)
        global.combine(ToolIdentity.fingerprint)
        global.combine(assets.fingerprint)
        let fontsFingerprint = FontFingerprint.of(fonts)
        global.combine(fontsFingerprint)
        global.combine(options.asOf?.label ?? "latest")
        let globalKey = global.hex
        let folders = InputFingerprint.folders(in: options.input)
        var siteHash = ContentHash()
        siteHash.combine(globalKey)
        var dashboardKeys: [String: String] = [:]
        for (id, key) in folders {
            var hash = ContentHash()
            hash.combine(globalKey)
            hash.combine(id)
            hash.combine(key)
            dashboardKeys[id] = hash.hex
            siteHash.combine(id)
            siteHash.combine(key)
        }
        let fingerprint = siteHash.hex

        // The input is read and checked before the output is touched at all, so bad input leaves no trace. Which
        // dashboards to read comes from a look at the previous manifest without the lock: only a guess, made
        // again under the lock below, where anything the guess left out is read too.
        let guess = options.clean ? nil : Manifest.read(from: output)
        var loaded = Set<String>()
        var project = try load(options, folders: folders, only: changedDashboards(dashboardKeys, previous: guess, output: output).changed,
                               loaded: &loaded)

        // The publishing protocol (docs/publishing.md): lock, recover, and only then decide from the previous
        // site; every change to the output is made while the lock is held.
        do { try StagedOutput.checkReplaceable(output, named: options.output) } catch { throw BuildError.output("\(error)") }
        let lock: OutputLock
        do {
            lock = try await OutputLock.acquire(output: options.output, wait: options.wait, waiting: options.waiting ?? { _ in })
        } catch {
            throw BuildError.output("\(error)")
        }
        defer { lock.release() }
        try await options.publishHook?(.locked)
        do { try lock.recover() } catch { throw BuildError.output("\(error)") }
        try await options.publishHook?(.recovered)

        let recorded = Manifest.read(from: output)
        let previous = options.clean ? nil : recorded

        // Nothing changed, and nothing the last build wrote has gone missing since: nothing to do.
        if let previous, previous.fingerprint == fingerprint, !folders.isEmpty,
           previous.files.keys.allSatisfy({ FileManager.default.fileExists(atPath: output + "/" + $0) }) {
            report.upToDate = true
            report.dashboards = previous.dashboards.count
            report.seconds = (clock.now - started).seconds
            return report
        }

        // Only dashboards whose inputs changed are read: unchanged ones were valid when last built. What was read
        // already is built afresh, whatever the previous site holds.
        var (changed, carried) = changedDashboards(dashboardKeys, previous: previous, output: output)
        changed.formUnion(loaded)
        for id in loaded { carried[id] = nil }
        try await options.publishHook?(.planned)
        if !folders.isEmpty, !changed.isSubset(of: loaded) {
            let more = try load(options, folders: folders, only: changed.subtracting(loaded), loaded: &loaded)
            project.dashboards += more.dashboards
            project.diagnostics.append(contentsOf: more.diagnostics)
        }
        report.warnings = project.diagnostics.warnings

        let staged: StagedOutput
        do {
            staged = try StagedOutput(lock: lock, exchangeUnavailable: options.exchangeUnavailable)
        } catch {
            throw BuildError.output("\(error)")
        }
        do {
            var writer = Writer(staged: staged, previous: previous, failAfterWrites: options.failAfterWrites)
            let renderer = try ChartRenderer(fonts: fonts)
            var manifest = Manifest(fingerprint: fingerprint)
            var cards: [DashboardCard] = []
            var chartJobs: [ChartJob] = []

            for dashboard in project.dashboards {
                let planner = DashboardPlanner(dashboard: dashboard, asOf: options.asOf, assets: assets,
                                               fontsFingerprint: fontsFingerprint, renderer: renderer)
                let plan = try planner.plan()
                for file in plan.files {
                    try writer.put(file.bytes, at: file.path)
                }
                // What the current edition shows, kept beside it so the next build can say what changed.
                var snapshotPaths: [String] = []
                if let snapshot = plan.snapshot {
                    let path = DashboardSnapshot.path(dashboard.id)
                    if recorded != nil, let data = FileManager.default.contents(atPath: output + "/" + path),
                       let before = try? JSONDecoder().decode(DashboardSnapshot.self, from: data) {
                        report.changes.append(DashboardChanges(id: dashboard.id, changes: SnapshotChanges.between(before, snapshot)))
                    }
                    try writer.put(try DashboardSnapshot.encoded(snapshot), at: path)
                    snapshotPaths = [path]
                }
                chartJobs += plan.charts
                report.pages += plan.pages
                report.charts += plan.charts.count
                cards.append(plan.card)
                manifest.dashboards[dashboard.id] = Manifest.DashboardEntry(
                    fingerprint: dashboardKeys[dashboard.id] ?? "", card: plan.card,
                    files: (plan.files.map(\.path) + plan.charts.map(\.path) + snapshotPaths).sorted())
            }
            for (id, entry) in carried.sorted(by: { $0.key < $1.key }) {
                for path in entry.files {
                    try writer.carry(path)
                    if path.hasSuffix(".png") { report.charts += 1; report.chartsReused += 1 } else if path.hasSuffix(".html") { report.pages += 1 }
                }
                cards.append(entry.card)
                manifest.dashboards[id] = entry
            }

            let (rendered, reusedCharts) = try await renderCharts(chartJobs, renderer: renderer, writer: &writer, jobs: options.jobs,
                                                                  progress: options.progress)
            report.chartsRendered = rendered
            report.chartsReused += reusedCharts

            // By title, then id; never by the machine's locale, so every machine writes the same index.
            cards.sort { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
            let index = IndexPage(page: PageChrome(pageTitle: "Performance dashboards", root: "", organisation: nil, brandStyle: nil,
                                                   breadcrumbs: [], generator: DashboardPlanner.generator),
                                  dashboards: cards, hasDashboards: !cards.isEmpty)
            try writer.put(Array(try assets.render(index, with: "index").utf8), at: "index.html")
            report.pages += 1
            try writer.put(assets.stylesheet, at: "assets/site.css")
            // Making Data Count icons for the SPC columns and sections, at 1x and 2x.
            for icon in SPCIcon.allCases {
                try writer.put(try renderer.png(icon, scale: 1), at: "assets/spc/" + icon.fileName)
                try writer.put(try renderer.png(icon, scale: 2), at: "assets/spc/" + icon.fileName2x)
            }

            let kept = try ForeignFiles.carry(from: output, recorded: recorded, into: staged, claimed: writer.keys)
            report.kept = kept.kept
            report.warnings += kept.warnings

            manifest.files = writer.keys
            try staged.write(try manifest.encoded(), to: Manifest.fileName)
            try await options.publishHook?(.staged)
            try staged.exchange()
            try await options.publishHook?(.exchanged)
            staged.removeOld()
            try await options.publishHook?(.cleaned)

            report.dashboards = project.dashboards.count + carried.count
            report.written = writer.written
            report.reused = writer.reused
            report.removed = Set(previous?.files.keys ?? [:].keys).subtracting(writer.keys.keys).count
        } catch let error as BuildError {
            staged.abandon()
            throw error
        } catch {
            staged.abandon()
            throw BuildError.output("\(error)")
        }
        report.seconds = (clock.now - started).seconds
        return report
    }

    /// Which dashboards changed since `previous` (their inputs' key differs, or a file it wrote is gone), and
    /// the entries of those that did not, to carry over.
    static func changedDashboards(_ keys: [String: String], previous: Manifest?, output: String)
        -> (changed: Set<String>, carried: [String: Manifest.DashboardEntry]) {
        var carried: [String: Manifest.DashboardEntry] = [:]
        var changed = Set<String>()
        for (id, key) in keys {
            if let entry = previous?.dashboards[id], entry.fingerprint == key,
               entry.files.allSatisfy({ FileManager.default.fileExists(atPath: output + "/" + $0) }) {
                carried[id] = entry
            } else {
                changed.insert(id)
            }
        }
        return (changed, carried)
    }

    /// Reads and checks these dashboards (every one when the input has none: the loader says so).
    static func load(_ options: BuildOptions, folders: [(String, String)], only ids: Set<String>, loaded: inout Set<String>) throws -> Project {
        let project = InputLoader.load(from: options.input, only: folders.isEmpty ? nil : ids)
        if project.hasErrors { throw BuildError.input(project.diagnostics) }
        loaded.formUnion(ids)
        return project
    }

    /// Where the site goes, as published (through a symbolic link). It may not be, hold, or sit inside the input
    /// folder: the first build would put the site among the dashboards, and the next would read it as one.
    static func checkPaths(_ options: BuildOptions) throws -> String {
        let output: String
        do { output = try OutputLock.resolve(options.output) } catch { throw BuildError.usage("\(error)") }
        guard let input = realpath(options.input, nil).map({ pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        }) else { return output }
        if output == input || output.hasPrefix(input + "/") {
            throw BuildError.usage("--output \(options.output) is inside the input folder \(options.input); write the site elsewhere, e.g. --output public")
        }
        if input.hasPrefix(output + "/") {
            throw BuildError.usage("the input folder \(options.input) is inside --output \(options.output), which each build replaces; write the site elsewhere")
        }
        return output
    }

    /// Renders the charts whose key changed, up to `jobs` at once, writing each as it completes.
    static func renderCharts(_ jobs: [ChartJob], renderer: ChartRenderer, writer: inout Writer, jobs concurrency: Int,
                             progress: (@Sendable (BuildProgress) -> Void)?) async throws -> (rendered: Int, reused: Int) {
        var pending: [ChartJob] = []
        var reused = 0
        for job in jobs {
            if writer.canCarry(job.path, key: job.key) {
                try writer.carry(job.path, key: job.key)
                reused += 1
            } else {
                pending.append(job)
            }
        }
        let total = pending.count
        var done = 0
        try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            var next = 0
            func start() {
                let index = next
                let job = pending[index]
                next += 1
                group.addTask { (index, try renderer.png(job.spec, size: job.size)) }
            }
            while next < min(concurrency, total) { start() }
            while let (index, bytes) = try await group.next() {
                try writer.put(bytes, at: pending[index].path, key: pending[index].key)
                done += 1
                progress?(BuildProgress(done: done, total: total))
                if next < total { start() }
            }
        }
        return (total, reused)
    }
}

extension DashboardSnapshot {
    /// Where a dashboard's snapshot is kept in the site: a hidden file in its folder, swapped in with the pages.
    static func path(_ id: String) -> String { "\(id)/.dashboards-snapshot.json" }

    static func encoded(_ snapshot: DashboardSnapshot) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(snapshot)) + [UInt8(ascii: "\n")]
    }
}

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
        try staged.write(bytes, to: path)
        keys[path] = key
        written += 1
    }

    /// Carries a file of an unchanged dashboard over with its recorded key.
    mutating func carry(_ path: String, key: String? = nil) throws {
        try checkUnclaimed(path)
        guard let key = key ?? previous?.files[path] else {
            throw BuildError.output("the previous build's manifest does not list \(path); run with --clean")
        }
        try staged.reuse(path)
        keys[path] = key
        reused += 1
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Fonts change chart pixels, so their bytes (or, for fontconfig patterns, their names) are part of every chart's key.
enum FontFingerprint {
    static func of(_ fonts: ChartFonts) -> String {
        var hash = ContentHash()
        for name in [fonts.regular, fonts.bold] {
            hash.combine(name)
            if !fonts.usesFontConfig, let data = FileManager.default.contents(atPath: name) { hash.combine(data) }
        }
        return hash.hex
    }
}

/// The running program's own bytes, so a rebuilt `dashboards` (a changed renderer or page code) never reuses
/// output made by an earlier build of itself, even when no version number was changed.
enum ToolIdentity {
    static let fingerprint: String = {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (Bundle.main.executablePath ?? "")
        guard let data = FileManager.default.contents(atPath: path) else { return "unknown" }
        return ContentHash.of(data)
    }()
}
