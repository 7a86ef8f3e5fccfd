import DashboardCharts
import DashboardCore
import DashboardInput
import Foundation

/// One build once the output is locked: what it decided from the previous site, the staging folder and its
/// writer, and what each later step adds (docs/publishing.md). `SiteBuilder.build` calls its steps in order;
/// each names its step and path in any error it throws.
struct BuildRun {
    let options: BuildOptions
    let context: SiteBuilder.Context
    /// The previous site as recorded under the lock (nil when there is none or it cannot be read).
    let recorded: SiteRecord?
    /// What the previous site holds that dashboards did not write, and what it lacks of its own.
    let scan: ForeignFiles.Scan?
    /// The previous site to reuse from: none with `--clean`.
    let previous: SiteRecord?
    let staged: StagedOutput
    var report: BuildReport
    var project: Project
    var loaded: Set<String>
    var writer: Writer
    var changed: Set<String>
    var carried: [String: Manifest.DashboardEntry]
    /// Unchanged dashboards linked file by file from wherever each file is as recorded.
    var linking: [String: [String: String]] = [:]
    var manifest: Manifest
    var cards: [String: DashboardCard] = [:]
    var chartJobs: [ChartJob] = []
    var progress: BuildProgress

    /// Decides, under the lock, what the previous site lets this build carry over, and makes the staging folder.
    init(
        _ options: BuildOptions, context: SiteBuilder.Context, lock: OutputLock, site: SiteBuilder.PreviousSite,
        input: SiteBuilder.Loaded, report: BuildReport
    ) async throws {
        self.options = options
        self.context = context
        self.recorded = site.recorded
        self.scan = site.scan
        self.previous = site.previous
        self.report = report
        self.project = input.project
        self.loaded = input.ids
        // Only dashboards whose inputs changed are read: unchanged ones were valid when last built. What was read
        // already is built afresh, whatever the previous site holds.
        var (changed, carried) = SiteBuilder.changedDashboards(
            context.dashboardKeys, previous: site.previous, missing: site.scan?.missing ?? [])
        changed.formUnion(input.ids)
        for id in input.ids { carried[id] = nil }
        self.changed = changed
        self.carried = carried
        try await options.publishHook?(.planned)
        do {
            staged = try StagedOutput(lock: lock, exchangeUnavailable: options.exchangeUnavailable, fromSpare: !options.clean)
        } catch {
            throw BuildError.at(.publish, options.output, error)
        }
        writer = Writer(staged: staged, previous: site.previous, failAfterWrites: options.failAfterWrites)
        manifest = Manifest(fingerprint: context.fingerprint)
        progress = BuildProgress(dashboards: carried.count, dashboardsTotal: carried.count + input.project.dashboards.count)
        progress.pages = carried.values.reduce(0) { $0 + $1.pages }
    }

    /// Load, the rest: an unchanged dashboard the staging folder does not already hold as published is linked
    /// from the published site, file by file from its manifest, each file from wherever it is as recorded; one
    /// whose manifest cannot be read, or with a file changed in both places, is read and built again.
    mutating func loadRest() throws {
        for (id, entry) in carried where !staged.holds(dashboard: id, digest: entry.digest) {
            if let files = previous?.files(of: id), files.allSatisfy({ writer.verified($0.key, key: $0.value) }) {
                linking[id] = files
            } else {
                changed.insert(id)
                carried[id] = nil
            }
        }
        if !context.folders.isEmpty, !changed.isSubset(of: loaded) {
            let more = try SiteBuilder.load(options, folders: context.folders, only: changed.subtracting(loaded), loaded: &loaded)
            project.dashboards += more.dashboards
            project.diagnostics.append(contentsOf: more.diagnostics)
        }
        report.warnings = project.diagnostics.warnings
    }

    /// Analyse and plan each changed dashboard and write its pages; then carry the unchanged ones over.
    mutating func planDashboards(renderer: ChartRenderer) throws {
        let previous = previous
        for dashboard in project.dashboards {
            let planner = DashboardPlanner(
                dashboard: dashboard, asOf: options.asOf, assets: context.assets,
                fontsFingerprint: context.fontsFingerprint, renderer: renderer, published: { previous?.key(of: $0) })
            let analysed = planner.analyse()
            let plan: DashboardPlanner.Plan
            do { plan = try planner.plan(analysed) } catch { throw BuildError.at(.plan, dashboard.id + "/", error) }
            for file in plan.files { try writer.put(file) }
            try SiteBuilder.writeSnapshot(
                plan, of: dashboard.id, output: context.output, hadSite: recorded != nil, writer: &writer, report: &report)
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
    }

    /// Render: the charts whose keys changed, written as each completes.
    mutating func render(with renderer: ChartRenderer) async throws {
        let planned = progress
        let (rendered, reusedCharts) = try await SiteBuilder.renderCharts(
            chartJobs, renderer: renderer, writer: &writer, jobs: options.jobs,
            progress: options.progress.map { tell in { @Sendable done, total in tell(planned.with(charts: done, of: total)) } })
        report.chartsRendered = rendered
        report.chartsReused += reusedCharts
    }

    /// Write: each built or linked dashboard's manifest, then what the whole site shares.
    mutating func writeManifests(renderer: ChartRenderer) throws {
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
        report.pages += try SiteBuilder.writeShared(
            cards: Array(cards.values), assets: context.assets, renderer: renderer, fonts: context.fontsFingerprint, writer: &writer)
        report.pagesRendered = writer.pagesRendered
        // The site's own files: everything written outside the dashboards' folders.
        manifest.files = writer.keys.filter { SiteRecord.owner(of: $0.key).map { cards[$0] == nil } ?? true }
        try SiteBuilder.tidy(staged, writer: writer, manifest: manifest, previous: previous, report: &report)
    }
}
