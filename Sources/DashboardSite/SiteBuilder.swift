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
        let context = try prepare(options)
        let input = try loadGuessed(options, context: context)
        let lock = try await lockOutput(options, output: context.output)
        defer { lock.release() }
        let site = PreviousSite(output: context.output, lock: lock, clean: options.clean)
        if site.isUpToDate(context) {
            var report = BuildReport()
            report.upToDate = true
            report.dashboards = site.recorded?.manifest.dashboards.count ?? 0
            report.seconds = (clock.now - started).seconds
            return report
        }
        var run = try await BuildRun(options, context: context, lock: lock, site: site, input: input, report: BuildReport())
        do {
            try run.loadRest()
            let renderer: ChartRenderer
            do { renderer = try ChartRenderer(fonts: context.fonts) } catch { throw BuildError.at(.render, context.assets.fontsDirectory, error) }
            try run.planDashboards(renderer: renderer)
            try await run.render(with: renderer)
            try run.writeManifests(renderer: renderer)
            try run.keepHandAdded()
            try await run.publish()
        } catch let error as BuildError {
            run.staged.abandon()
            throw error
        } catch {
            run.staged.abandon()
            throw BuildError.output("\(error)")
        }
        run.report.seconds = (clock.now - started).seconds
        return run.report
    }

    /// What load read before the lock, and which dashboards.
    struct Loaded {
        var project: Project
        var ids: Set<String>
    }

    /// Load: the input is read and checked before the output is touched at all, so bad input leaves no trace.
    /// Which dashboards to read comes from a look at the previous manifest without the lock: only a guess, made
    /// again under the lock, where anything the guess left out is read too.
    static func loadGuessed(_ options: BuildOptions, context: Context) throws -> Loaded {
        let guess = options.clean ? nil : SiteRecord.read(context.output, stamps: nil)
        var loaded = Set<String>()
        let project = try load(
            options, folders: context.folders,
            only: changedDashboards(context.dashboardKeys, previous: guess, missing: []).changed, loaded: &loaded)
        return Loaded(project: project, ids: loaded)
    }

    /// The previous site as read under the lock: only now is anything decided from it.
    struct PreviousSite {
        var recorded: SiteRecord?
        var scan: ForeignFiles.Scan?
        /// What may be reused: nothing with `--clean`.
        var previous: SiteRecord?

        init(output: String, lock: OutputLock, clean: Bool) {
            recorded = SiteRecord.read(output, stamps: lock.stamps)
            scan = recorded.map { ForeignFiles.scan($0) }
            previous = clean ? nil : recorded
        }

        /// Nothing changed, nothing the last build wrote has gone missing since, and every file it wrote is as it
        /// was recorded (its stamp unchanged): nothing to do.
        func isUpToDate(_ context: Context) -> Bool {
            guard let previous, let scan else { return false }
            return previous.manifest.fingerprint == context.fingerprint && !context.folders.isEmpty && scan.missing.isEmpty
                && !previous.isLegacy && !previous.fileStamps.isEmpty && previous.fileStamps.keys.allSatisfy { previous.isIntact($0) }
        }
    }

    /// Leaves out of the staging folder what the spare had and the new site does not: dashboards no longer
    /// built, and site-wide files no longer written. Counts what the published site had and the new one does not.
    static func tidy(_ staged: StagedOutput, writer: Writer, manifest: Manifest, previous: SiteRecord?, report: inout BuildReport) throws {
        do {
            for id in (staged.start?.manifest.dashboards.keys).map(Array.init) ?? [] where manifest.dashboards[id] == nil {
                try staged.removeDashboard(id)
            }
            for path in (staged.start?.manifest.files.keys.sorted() ?? []) where manifest.files[path] == nil && writer.keys[path] == nil {
                try staged.remove(path)
            }
        } catch {
            throw BuildError.at(.write, staged.output, error)
        }
        guard let previous else { return }
        for (id, entry) in previous.manifest.dashboards where manifest.dashboards[id] == nil { report.removed += entry.files }
        report.removed += previous.manifest.files.keys.filter { manifest.files[$0] == nil }.count
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

    /// Keeps what the current edition shows beside it and, where the output had it from the last build, tells the
    /// report what changed since.
    static func writeSnapshot(
        _ plan: DashboardPlanner.Plan, of id: String, output: String, hadSite: Bool,
        writer: inout Writer, report: inout BuildReport
    ) throws {
        guard let snapshot = plan.snapshot else { return }
        let path = DashboardSnapshot.path(id)
        if hadSite, let data = FileManager.default.contents(atPath: output + "/" + path),
            let before = try? JSONDecoder().decode(DashboardSnapshot.self, from: data)
        {
            report.changes.append(DashboardChanges(id: id, changes: SnapshotChanges.between(before, snapshot)))
        }
        let bytes: [UInt8]
        do { bytes = try DashboardSnapshot.encoded(snapshot) } catch { throw BuildError.at(.write, path, error) }
        try writer.put(bytes, at: path)
    }

    /// The site's front page, stylesheet and SPC icons; returns the pages written.
    static func writeShared(
        cards: [DashboardCard], assets: SiteAssets, renderer: ChartRenderer, fonts: String, writer: inout Writer
    ) throws -> Int {
        // By title, then id; never by the machine's locale, so every machine writes the same index.
        let cards = cards.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
        let index = IndexPage(
            page: PageChrome(
                pageTitle: "Performance dashboards", root: "", organisation: nil, brandStyle: nil,
                breadcrumbs: [], generator: DashboardPlanner.generator),
            dashboards: cards, hasDashboards: !cards.isEmpty)
        try writer.put(assets.page(index, with: "index", at: "index.html"))
        try writer.put(assets.stylesheet, at: "assets/site.css")
        // Making Data Count icons for the SPC columns and sections, at 1x and 2x: keyed by the program and the fonts.
        for icon in SPCIcon.allCases {
            for (scale, name) in [(1.0, icon.fileName), (2.0, icon.fileName2x)] {
                var key = ContentHash()
                key.combine(ToolIdentity.fingerprint)
                key.combine(fonts)
                key.combine(name)
                try writer.put(PlannedFile(path: "assets/spc/" + name, key: key.hex, isPage: false) { try renderer.png(icon, scale: scale) })
            }
        }
        return 1
    }

    /// Which dashboards changed since `previous` (their inputs' key differs, or a file it wrote is `missing`),
    /// and the entries of those that did not, to carry over.
    static func changedDashboards(_ keys: [String: String], previous: SiteRecord?, missing: Set<String>)
        -> (changed: Set<String>, carried: [String: Manifest.DashboardEntry])
    {
        var carried: [String: Manifest.DashboardEntry] = [:]
        var changed = Set<String>()
        for (id, key) in keys {
            if let entry = previous?.manifest.dashboards[id], entry.fingerprint == key, !missing.contains(id) {
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
        progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> (rendered: Int, reused: Int) {
        var pending: [ChartJob] = []
        var reused = 0
        for job in jobs {
            if try writer.carryIfKept(job.path, key: job.key) {
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
                try writer.write(bytes, at: pending[index].path, key: pending[index].key)
                done += 1
                progress?(done, total)
                if next < total { start() }
            }
        }
        return (total, reused)
    }
}
