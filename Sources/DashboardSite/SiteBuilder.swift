import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation

/// A build in named steps: load → analyse → plan → render → write → publish. The input is loaded and checked
/// before the output is touched; the site is staged and swapped in whole (docs/publishing.md). An error names
/// its step and the path it concerns.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var report = BuildReport()
        let context = try prepare(options)

        // Load: the input is read and checked before the output is touched at all, so bad input leaves no trace.
        // Which dashboards to read comes from a look at the previous manifest without the lock: only a guess, made
        // again under the lock, where anything the guess left out is read too.
        let guess = options.clean ? nil : Manifest.read(from: context.output)
        var loaded = Set<String>()
        var project = try load(
            options, folders: context.folders,
            only: changedDashboards(context.dashboardKeys, previous: guess, output: context.output).changed, loaded: &loaded)

        // Publish, first half: lock, recover, and only then decide from the previous site; every change to the
        // output is made while the lock is held.
        let lock = try await lockOutput(options, output: context.output)
        defer { lock.release() }
        let recorded = Manifest.read(from: context.output)
        let previous = options.clean ? nil : recorded
        if isUpToDate(previous, context: context) {
            report.upToDate = true
            report.dashboards = previous?.dashboards.count ?? 0
            report.seconds = (clock.now - started).seconds
            return report
        }

        // Only dashboards whose inputs changed are read: unchanged ones were valid when last built. What was read
        // already is built afresh, whatever the previous site holds.
        var (changed, carried) = changedDashboards(context.dashboardKeys, previous: previous, output: context.output)
        changed.formUnion(loaded)
        for id in loaded { carried[id] = nil }
        try await options.publishHook?(.planned)
        if !context.folders.isEmpty, !changed.isSubset(of: loaded) {
            let more = try load(options, folders: context.folders, only: changed.subtracting(loaded), loaded: &loaded)
            project.dashboards += more.dashboards
            project.diagnostics.append(contentsOf: more.diagnostics)
        }
        report.warnings = project.diagnostics.warnings

        let staged: StagedOutput
        do {
            staged = try StagedOutput(lock: lock, exchangeUnavailable: options.exchangeUnavailable)
        } catch {
            throw BuildError.at(.publish, options.output, error)
        }
        do {
            var writer = Writer(staged: staged, previous: previous, failAfterWrites: options.failAfterWrites)
            var manifest = Manifest(fingerprint: context.fingerprint)
            let renderer: ChartRenderer
            do { renderer = try ChartRenderer(fonts: context.fonts) } catch { throw BuildError.at(.render, context.assets.fontsDirectory, error) }

            // Analyse and plan each changed dashboard, write its pages, and carry the others over.
            var cards: [DashboardCard] = []
            var chartJobs: [ChartJob] = []
            for dashboard in project.dashboards {
                let planner = DashboardPlanner(
                    dashboard: dashboard, asOf: options.asOf, assets: context.assets,
                    fontsFingerprint: context.fontsFingerprint, renderer: renderer)
                let analysed = planner.analyse()
                let plan: DashboardPlanner.Plan
                do { plan = try planner.plan(analysed) } catch { throw BuildError.at(.plan, dashboard.id + "/", error) }
                var files = plan.files.map(\.path) + plan.charts.map(\.path)
                for file in plan.files { try writer.put(file.bytes, at: file.path) }
                files += try writeSnapshot(plan, of: dashboard.id, output: context.output, recorded: recorded, writer: &writer, report: &report)
                chartJobs += plan.charts
                report.pages += plan.pages
                report.charts += plan.charts.count
                cards.append(plan.card)
                manifest.dashboards[dashboard.id] = Manifest.DashboardEntry(
                    fingerprint: context.dashboardKeys[dashboard.id] ?? "", card: plan.card, files: files.sorted())
            }
            for (id, entry) in carried.sorted(by: { $0.key < $1.key }) {
                for path in entry.files {
                    try writer.carry(path)
                    if path.hasSuffix(".png") {
                        report.charts += 1
                        report.chartsReused += 1
                    } else if path.hasSuffix(".html") {
                        report.pages += 1
                    }
                }
                cards.append(entry.card)
                manifest.dashboards[id] = entry
            }

            // Render: the charts whose keys changed, written as each completes.
            let (rendered, reusedCharts) = try await renderCharts(
                chartJobs, renderer: renderer, writer: &writer, jobs: options.jobs,
                progress: options.progress)
            report.chartsRendered = rendered
            report.chartsReused += reusedCharts

            // Write: what the whole site shares, then what was added by hand, then the manifest.
            report.pages += try writeShared(cards: cards, assets: context.assets, renderer: renderer, writer: &writer)
            let kept: ForeignFiles.Result
            do {
                kept = try ForeignFiles.carry(from: context.output, recorded: recorded, into: staged, claimed: writer.keys)
            } catch {
                throw BuildError.at(.write, context.output, error)
            }
            report.kept = kept.kept
            report.warnings += kept.warnings
            manifest.files = writer.keys
            do { try staged.write(try manifest.encoded(), to: Manifest.fileName) } catch { throw BuildError.at(.write, Manifest.fileName, error) }

            // Publish: swap the staged site in whole, then remove the old one.
            try await options.publishHook?(.staged)
            do { try staged.exchange() } catch { throw BuildError.at(.publish, options.output, error) }
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

    /// What a build works from before it reads any input: assets, fonts, the output's real path, and the keys that
    /// decide what must be rebuilt.
    struct Context {
        var assets: SiteAssets
        var fonts: ChartFonts
        var fontsFingerprint: String
        var output: String
        var folders: [(String, String)]
        var dashboardKeys: [String: String]
        /// Everything the site depends on: tool version, assets, fonts, options and every input file.
        var fingerprint: String
    }

    static func prepare(_ options: BuildOptions) throws -> Context {
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
        return Context(
            assets: assets, fonts: fonts, fontsFingerprint: fontsFingerprint, output: output, folders: folders,
            dashboardKeys: dashboardKeys, fingerprint: siteHash.hex)
    }

    /// Takes the output's lock (waiting as asked) and removes what killed builds left; publishing steps 2 and 3.
    static func lockOutput(_ options: BuildOptions, output: String) async throws -> OutputLock {
        do { try StagedOutput.checkReplaceable(output, named: options.output) } catch { throw BuildError.at(.publish, options.output, error) }
        let lock: OutputLock
        do {
            lock = try await OutputLock.acquire(output: options.output, wait: options.wait, waiting: options.waiting ?? { _ in })
        } catch {
            throw BuildError.output("\(error)")
        }
        do {
            try await options.publishHook?(.locked)
            do { try lock.recover() } catch { throw BuildError.at(.publish, options.output, error) }
            try await options.publishHook?(.recovered)
        } catch {
            lock.release()
            throw error
        }
        return lock
    }

    /// Nothing changed, and nothing the last build wrote has gone missing since: nothing to do.
    static func isUpToDate(_ previous: Manifest?, context: Context) -> Bool {
        guard let previous, previous.fingerprint == context.fingerprint, !context.folders.isEmpty else { return false }
        return previous.files.keys.allSatisfy { FileManager.default.fileExists(atPath: context.output + "/" + $0) }
    }

    /// Keeps what the current edition shows beside it and, where the output had it from the last build, tells the
    /// report what changed since. Returns the path written.
    static func writeSnapshot(
        _ plan: DashboardPlanner.Plan, of id: String, output: String, recorded: Manifest?,
        writer: inout Writer, report: inout BuildReport
    ) throws -> [String] {
        guard let snapshot = plan.snapshot else { return [] }
        let path = DashboardSnapshot.path(id)
        if recorded != nil, let data = FileManager.default.contents(atPath: output + "/" + path),
            let before = try? JSONDecoder().decode(DashboardSnapshot.self, from: data)
        {
            report.changes.append(DashboardChanges(id: id, changes: SnapshotChanges.between(before, snapshot)))
        }
        let bytes: [UInt8]
        do { bytes = try DashboardSnapshot.encoded(snapshot) } catch { throw BuildError.at(.write, path, error) }
        try writer.put(bytes, at: path)
        return [path]
    }

    /// The site's front page, stylesheet and SPC icons; returns the pages written.
    static func writeShared(cards: [DashboardCard], assets: SiteAssets, renderer: ChartRenderer, writer: inout Writer) throws -> Int {
        // By title, then id; never by the machine's locale, so every machine writes the same index.
        let cards = cards.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        let index = IndexPage(
            page: PageChrome(
                pageTitle: "Performance dashboards", root: "", organisation: nil, brandStyle: nil,
                breadcrumbs: [], generator: DashboardPlanner.generator),
            dashboards: cards, hasDashboards: !cards.isEmpty)
        let page: String
        do { page = try assets.render(index, with: "index") } catch { throw BuildError.at(.plan, "index.html", error) }
        try writer.put(Array(page.utf8), at: "index.html")
        try writer.put(assets.stylesheet, at: "assets/site.css")
        // Making Data Count icons for the SPC columns and sections, at 1x and 2x.
        for icon in SPCIcon.allCases {
            for (scale, name) in [(1.0, icon.fileName), (2.0, icon.fileName2x)] {
                let path = "assets/spc/" + name
                let png: [UInt8]
                do { png = try renderer.png(icon, scale: scale) } catch { throw BuildError.at(.render, path, error) }
                try writer.put(png, at: path)
            }
        }
        return 1
    }

    /// Which dashboards changed since `previous` (their inputs' key differs, or a file it wrote is gone), and
    /// the entries of those that did not, to carry over.
    static func changedDashboards(_ keys: [String: String], previous: Manifest?, output: String)
        -> (changed: Set<String>, carried: [String: Manifest.DashboardEntry])
    {
        var carried: [String: Manifest.DashboardEntry] = [:]
        var changed = Set<String>()
        for (id, key) in keys {
            if let entry = previous?.dashboards[id], entry.fingerprint == key,
                entry.files.allSatisfy({ FileManager.default.fileExists(atPath: output + "/" + $0) })
            {
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
        guard
            let input = realpath(options.input, nil).map({ pointer -> String in
                defer { free(pointer) }
                return String(cString: pointer)
            })
        else { return output }
        if output == input || output.hasPrefix(input + "/") {
            throw BuildError.usage("--output \(options.output) is inside the input folder \(options.input); write the site elsewhere, e.g. --output public")
        }
        if input.hasPrefix(output + "/") {
            throw BuildError.usage("the input folder \(options.input) is inside --output \(options.output), which each build replaces; write the site elsewhere")
        }
        return output
    }

    /// Renders the charts whose key changed, up to `jobs` at once, writing each as it completes.
    static func renderCharts(
        _ jobs: [ChartJob], renderer: ChartRenderer, writer: inout Writer, jobs concurrency: Int,
        progress: (@Sendable (BuildProgress) -> Void)?
    ) async throws -> (rendered: Int, reused: Int) {
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
                group.addTask {
                    do { return (index, try renderer.png(job.spec, size: job.size)) } catch { throw BuildError.at(.render, job.path, error) }
                }
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
