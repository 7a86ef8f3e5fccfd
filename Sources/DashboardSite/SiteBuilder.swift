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
        let guess = options.clean ? nil : SiteRecord.read(context.output, stamps: nil)
        var loaded = Set<String>()
        var project = try load(
            options, folders: context.folders,
            only: changedDashboards(context.dashboardKeys, previous: guess, missing: []).changed, loaded: &loaded)

        // Publish, first half: lock, recover, and only then decide from the previous site; every change to the
        // output is made while the lock is held.
        let lock = try await lockOutput(options, output: context.output)
        defer { lock.release() }
        let recorded = SiteRecord.read(context.output, stamps: lock.stamps)
        let scan = recorded.map { ForeignFiles.scan($0) }
        let previous = options.clean ? nil : recorded
        if let previous, let scan, isUpToDate(previous, scan: scan, context: context) {
            report.upToDate = true
            report.dashboards = previous.manifest.dashboards.count
            report.seconds = (clock.now - started).seconds
            return report
        }

        // Only dashboards whose inputs changed are read: unchanged ones were valid when last built. What was read
        // already is built afresh, whatever the previous site holds.
        var (changed, carried) = changedDashboards(context.dashboardKeys, previous: previous, missing: scan?.missing ?? [])
        changed.formUnion(loaded)
        for id in loaded { carried[id] = nil }
        try await options.publishHook?(.planned)

        let staged: StagedOutput
        do {
            staged = try StagedOutput(lock: lock, exchangeUnavailable: options.exchangeUnavailable, fromSpare: !options.clean)
        } catch {
            throw BuildError.at(.publish, options.output, error)
        }
        do {
            var writer = Writer(staged: staged, previous: previous, failAfterWrites: options.failAfterWrites)
            // An unchanged dashboard the staging folder does not already hold as published is linked from the
            // published site, file by file from its manifest, each file from wherever it is as recorded; one whose
            // manifest cannot be read, or with a file changed in both places, is built again.
            var linking: [String: [String: String]] = [:]
            for (id, entry) in carried where !staged.holds(dashboard: id, digest: entry.digest) {
                if let files = previous?.files(of: id), files.allSatisfy({ writer.verified($0.key, key: $0.value) }) {
                    linking[id] = files
                } else {
                    changed.insert(id)
                    carried[id] = nil
                }
            }
            if !context.folders.isEmpty, !changed.isSubset(of: loaded) {
                let more = try load(options, folders: context.folders, only: changed.subtracting(loaded), loaded: &loaded)
                project.dashboards += more.dashboards
                project.diagnostics.append(contentsOf: more.diagnostics)
            }
            report.warnings = project.diagnostics.warnings

            var manifest = Manifest(fingerprint: context.fingerprint)
            let renderer: ChartRenderer
            do { renderer = try ChartRenderer(fonts: context.fonts) } catch { throw BuildError.at(.render, context.assets.fontsDirectory, error) }

            // Analyse and plan each changed dashboard, write its pages, and carry the others over.
            var cards: [String: DashboardCard] = [:]
            var chartJobs: [ChartJob] = []
            var progress = BuildProgress(dashboards: carried.count, dashboardsTotal: carried.count + project.dashboards.count)
            progress.pages = carried.values.reduce(0) { $0 + $1.pages }
            for dashboard in project.dashboards {
                let planner = DashboardPlanner(
                    dashboard: dashboard, asOf: options.asOf, assets: context.assets,
                    fontsFingerprint: context.fontsFingerprint, renderer: renderer, published: { previous?.key(of: $0) })
                let analysed = planner.analyse()
                let plan: DashboardPlanner.Plan
                do { plan = try planner.plan(analysed) } catch { throw BuildError.at(.plan, dashboard.id + "/", error) }
                for file in plan.files { try writer.put(file) }
                try writeSnapshot(plan, of: dashboard.id, output: context.output, hadSite: recorded != nil, writer: &writer, report: &report)
                chartJobs += plan.charts
                report.pages += plan.pages
                report.charts += plan.charts.count
                cards[dashboard.id] = plan.card
                progress.dashboards += 1
                progress.pages += plan.pages
                options.progress?(progress)
            }
            for (_, files) in linking.sorted(by: { $0.key < $1.key }) {
                for (path, key) in files.sorted(by: { $0.key < $1.key }) { try writer.carry(path, key: key) }
            }
            for (id, entry) in carried {
                cards[id] = entry.card
                report.pages += entry.pages
                report.charts += entry.charts
                report.chartsReused += entry.charts
                if linking[id] == nil { report.reused += entry.files }
                manifest.dashboards[id] = entry
            }

            // Render: the charts whose keys changed, written as each completes.
            let planned = progress
            let (rendered, reusedCharts) = try await renderCharts(
                chartJobs, renderer: renderer, writer: &writer, jobs: options.jobs,
                progress: options.progress.map { tell in { @Sendable done, total in tell(planned.with(charts: done, of: total)) } })
            report.chartsRendered = rendered
            report.chartsReused += reusedCharts

            // Write: each built or linked dashboard's manifest, what the whole site shares, what was added by
            // hand, and the site's manifest last.
            for id in Set(cards.keys).subtracting(manifest.dashboards.keys).union(linking.keys).sorted() {
                let files = writer.keys(of: id)
                try writer.removeStale(of: id)
                let bytes: [UInt8]
                do {
                    bytes = try DashboardManifest(files: files).encoded()
                    try staged.write(bytes, to: DashboardManifest.path(id))
                } catch {
                    throw BuildError.at(.write, DashboardManifest.path(id), error)
                }
                manifest.dashboards[id] = Manifest.DashboardEntry(
                    fingerprint: context.dashboardKeys[id] ?? "", card: cards[id]!, digest: ContentHash.of(bytes), files: files.keys)
                if let before = previous?.files(of: id) { report.removed += Set(before.keys).subtracting(files.keys).count }
            }
            report.pages += try writeShared(
                cards: Array(cards.values), assets: context.assets, renderer: renderer, fonts: context.fontsFingerprint, writer: &writer)
            report.pagesRendered = writer.pagesRendered
            // The site's own files: everything written outside the dashboards' folders.
            manifest.files = writer.keys.filter { SiteRecord.owner(of: $0.key).map { cards[$0] == nil } ?? true }
            try tidy(staged, writer: writer, manifest: manifest, previous: previous, report: &report)
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
            let stamps = staged.stamps()
            // Every file dashboards wrote in the new site: the writer's, and those of the dashboards the staging
            // folder held whole.
            var wrote = writer.keys
            for id in carried.keys where linking[id] == nil { wrote.merge(staged.startingFiles(of: id)) { a, _ in a } }
            let fileStamps = staged.fileStamps(of: wrote.keys)
            // Repaired: files made again because they were changed in place, and published files changed in place
            // whose intact copy in the spare was used instead.
            var repaired = writer.repaired
            if let previous {
                for (path, _) in previous.fileStamps where wrote[path] != nil && previous.wasChanged(path) && previous.key(of: path) == wrote[path] {
                    repaired.insert(path)
                }
            }
            report.repaired = repaired.count
            do {
                try staged.write(try manifest.encoded(), to: Manifest.fileName)
                try staged.recordStamps(stamps, files: fileStamps, previous: recorded)
            } catch {
                throw BuildError.at(.write, Manifest.fileName, error)
            }

            // Publish: swap the staged site in whole, then keep the old one as the next build's spare.
            try await options.publishHook?(.staged)
            do { try staged.exchange() } catch { throw BuildError.at(.publish, options.output, error) }
            try await options.publishHook?(.exchanged)
            staged.keepOld(stamps: stamps, files: fileStamps)
            try await options.publishHook?(.cleaned)

            report.dashboards = manifest.dashboards.count
            report.written = writer.written
            report.reused += writer.reused
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

    /// Nothing changed, nothing the last build wrote has gone missing since, and every file it wrote is as it was
    /// recorded (its stamp unchanged): nothing to do.
    static func isUpToDate(_ previous: SiteRecord, scan: ForeignFiles.Scan, context: Context) -> Bool {
        previous.manifest.fingerprint == context.fingerprint && !context.folders.isEmpty && scan.missing.isEmpty
            && !previous.isLegacy && !previous.fileStamps.isEmpty && previous.fileStamps.keys.allSatisfy { previous.isIntact($0) }
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
