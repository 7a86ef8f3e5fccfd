import DashboardCore
import DashboardWorkbook
import Foundation

/// Everything read from an input folder: the dashboards that loaded and every problem found on the way.
public struct Project: Sendable {
    public var dashboards: [Dashboard]
    public var diagnostics: Diagnostics
    /// The input folder as the user named it (diagnostics name files beneath it).
    public var root: String

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads `<input>/<dashboard-id>/dashboard.yml` and the `.csv`, `.tsv` and `.xlsx` files beside it.
///
/// Every file is checked and every problem collected; a dashboard with errors is still reported in full but
/// not returned, so a build never works from half-read data.
public enum InputLoader {
    /// Larger files are refused before reading: no committee dataset comes near it, and it bounds memory.
    public static let maximumFileBytes = 64 * 1024 * 1024

    public static func load(from root: String, only ids: Set<String>? = nil) -> Project {
        var diagnostics = Diagnostics()
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error(
                "the input folder does not exist (run in the folder that holds dashboards/, or pass --input)",
                at: SourceLocation(file: root))
            return Project(dashboards: [], diagnostics: diagnostics, root: root)
        }
        let folders = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .filter { name in
                var dir: ObjCBool = false
                return fileManager.fileExists(atPath: join(root, name), isDirectory: &dir) && dir.boolValue
            }
            .sorted()
        // Files beside the dashboards' folders (said once, when every dashboard is read).
        let loose = ids != nil ? [] : ((try? fileManager.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") && !folders.contains($0) }
        for name in loose.sorted() {
            diagnostics.warning(
                "this file is not read: the input folder holds one folder per dashboard, each with its dashboard.yml and data files",
                at: SourceLocation(file: join(root, name)))
        }
        if folders.isEmpty {
            diagnostics.error(
                "no dashboards here: each dashboard is a folder holding dashboard.yml and its CSV files",
                at: SourceLocation(file: root))
        }
        var dashboards: [Dashboard] = []
        let realRoot = realPath(root) ?? root
        for folder in folders {
            if let ids, !ids.contains(folder) { continue }
            if let target = outside(join(root, folder), root: realRoot) {
                diagnostics.error(
                    "this dashboard folder is a symbolic link to \(target), outside the input folder; dashboards reads only what is inside --input, so copy the folder in or move it inside",
                    at: SourceLocation(file: join(root, folder)))
                continue
            }
            let (dashboard, found) = loadDashboard(root: root, folder: folder, realRoot: realRoot)
            diagnostics.append(contentsOf: found)
            if let dashboard, !found.hasErrors { dashboards.append(dashboard) }
        }
        if let ids {
            for id in ids.sorted() where !folders.contains(id) {
                let hint = Diagnostic.suggestion(for: id, among: folders).map { "; \($0)" } ?? ""
                diagnostics.error("there is no dashboard '\(id)' in this folder\(hint)", at: SourceLocation(file: root))
            }
        }
        return Project(dashboards: dashboards, diagnostics: diagnostics, root: root)
    }

    static func join(_ a: String, _ b: String) -> String {
        a.hasSuffix("/") ? a + b : a + "/" + b
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Where a path really is, when a symbolic link on the way takes it outside the input folder `root` (a
    /// real path): symbolic links are followed only within the input, so nothing outside it is published.
    static func outside(_ path: String, root: String) -> String? {
        guard let real = realPath(path) else { return nil }
        return real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? nil : real
    }

    /// The raw bytes of a file, or a diagnostic.
    static func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        let location = SourceLocation(file: path, line: 1, column: 1)
        // Through a symbolic link to what it names, so the size checked is the size read.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target) else {
            return .failure(Diagnostic(.error, "cannot read this file", at: location))
        }
        // A folder, a named pipe or a device given a .csv name: reading one would fail or never end.
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(Diagnostic(.error, "this is not a file (a folder, a pipe or a device has this name); move it out of the dashboard's folder", at: location))
        }
        if let size = attributes[.size] as? Int, size > maximumFileBytes {
            return .failure(
                Diagnostic(
                    .error,
                    "this file is larger than \(maximumFileBytes / 1_048_576) MiB (\(Formatting.number(Double(size), decimals: 0)) bytes); files that large are refused: is it the right file?",
                    at: location))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(.error, "cannot read this file", at: location))
        }
        return .success([UInt8](data))
    }

    /// Reads one dashboard folder; `id` names a frozen edition's copy after its live dashboard.
    static func loadDashboard(root: String, folder: String, realRoot: String, id: String? = nil) -> (Dashboard?, Diagnostics) {
        var diagnostics = Diagnostics()
        let directory = join(root, folder)
        let isFrozenCopy = id != nil
        let ymlPath = join(directory, "dashboard.yml")
        var names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        names.removeAll { name in
            guard !name.hasPrefix("."), let target = outside(join(directory, name), root: realRoot) else { return false }
            diagnostics.error(
                "this file is a symbolic link to \(target), outside the input folder; dashboards reads only what is inside --input, so copy the file in",
                at: SourceLocation(file: join(directory, name)))
            return true
        }
        if diagnostics.hasErrors, !names.contains("dashboard.yml") { return (nil, diagnostics) }
        guard names.contains("dashboard.yml") else {
            let alternative = names.first { $0 == "dashboard.yaml" }
            let hint = alternative.map { "; rename \($0) to dashboard.yml" } ?? ""
            diagnostics.error("this folder has no dashboard.yml\(hint)", at: SourceLocation(file: directory))
            return (nil, diagnostics)
        }

        var definition: DashboardDefinition?
        var declaredPlanFile: String?
        var workbooks: [String: Workbook?] = [:]
        var sheetFigures: [ObservationRecord] = []
        var roleSheets: [RoleTable.Table] = []
        var mappings: [DataMapping] = []
        var ymlRead = false
        switch read(ymlPath) {
        case .failure(let problem):
            diagnostics.append(problem)
        case .success(var bytes):
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if UTF8Check.isUTF16(bytes) {
                diagnostics.error("dashboard.yml is saved as UTF-16; save it as UTF-8", at: SourceLocation(file: ymlPath, line: 1, column: 1))
            } else if let bad = UTF8Check.firstInvalidPosition(bytes) {
                diagnostics.error("invalid UTF-8; save dashboard.yml as UTF-8", at: SourceLocation(file: ymlPath, line: bad.line, column: bad.column))
            } else if let nul = bytes.firstIndex(of: 0) {
                let at = UTF8Check.position(of: nul, in: bytes)
                diagnostics.error("dashboard.yml contains a NUL byte here: it is not text", at: SourceLocation(file: ymlPath, line: at.line, column: at.column))
            } else {
                let (root, found) = YAMLReader.read(String(decoding: bytes, as: UTF8.self), file: ymlPath)
                diagnostics.append(contentsOf: found)
                if let root {
                    ymlRead = true
                    declaredPlanFile = DashboardDecoder.declaredPlanFile(root)
                    // Sheets with role columns declare indicators, so they are read before the rest is decoded.
                    mappings = DashboardDecoder.dataMappings(root)
                    roleSheets = DataFileReader.readRoleSheets(names: names, directory: directory, mappings: mappings, workbooks: &workbooks, diagnostics: &diagnostics)
                    let (decoded, figures, problems) = DashboardDecoder.decode(root, id: id ?? folder, sheets: roleSheets)
                    diagnostics.append(contentsOf: problems)
                    definition = decoded
                    sheetFigures = figures
                }
            }
        }

        let benchmarkFiles = BenchmarkLinker.sourceFiles(definition)
        let groupFiles =
            definition == nil ? (kept: [], files: []) : ComparatorGroupFile.link(&definition!, directory: directory, realRoot: realRoot, diagnostics: &diagnostics)
        if definition != nil { BenchmarkLinker.link(&definition!, directory: directory, names: names, diagnostics: &diagnostics) }
        let planFiles = Set([definition?.actionPlan?.file ?? declaredPlanFile].compactMap { $0 })
        let actionPlan = definition.flatMap { ActionPlanFile.read($0, directory: directory, names: names, diagnostics: &diagnostics) }
        var builder = definition.map(DashboardAssembler.Builder.init)
        for sheet in roleSheets { builder?.addFile(sheet.file) }
        for record in sheetFigures { builder?.add(record) }
        let dataNames = DataFileReader.readAll(
            names: names.filter { !benchmarkFiles.contains($0) && !planFiles.contains($0) }, directory: directory,
            // With errors in dashboard.yml its data: entries still say how the files are read (and checked).
            mappings: definition?.data ?? mappings, into: &builder, workbooks: &workbooks, mappingsKnown: ymlRead, diagnostics: &diagnostics)
        if dataNames.isEmpty {
            diagnostics.warning("no .csv, .tsv or .xlsx data files beside dashboard.yml", at: SourceLocation(file: directory))
        }
        let kept = Set(["dashboard.yml", editionsFolder] + (isFrozenCopy ? ["edition.yml"] : [])).union(benchmarkFiles).union(planFiles).union(groupFiles.kept)
        for name in names where !kept.contains(name) && !DataFileReader.isDataFile(name) && !name.hasPrefix(".") {
            diagnostics.warning(notRead(name, in: directory), at: SourceLocation(file: join(directory, name)))
        }
        // Taken out of the optional, not copied: a second reference to its figures would make `finish` copy them all.
        guard var assembler = builder.take() else { return (nil, diagnostics) }
        let (dashboard, assembly) = assembler.finish()
        diagnostics.append(contentsOf: assembly)
        // Checked as shown: the latest published value of each period.
        diagnostics.append(contentsOf: ConsistencyChecks.check(Vintages.resolved(dashboard, asOf: nil).0))
        var result = dashboard
        result.files = ["dashboard.yml"] + dataNames + benchmarkFiles.sorted() + planFiles.filter { names.contains($0) }.sorted() + groupFiles.files
        result.actionPlan = actionPlan
        if names.contains(editionsFolder) {
            if isFrozenCopy {
                diagnostics.error(
                    "a frozen edition's copy holds no editions of its own; move this folder out",
                    at: SourceLocation(file: join(directory, editionsFolder)))
            } else {
                result.frozenEditions = loadEditions(directory: directory, id: dashboard.id, realRoot: realRoot, diagnostics: &diagnostics)
            }
        }
        return (result, diagnostics)
    }

    /// Why a name beside dashboard.yml is left out, so that nothing in a dashboard's folder is passed over unsaid.
    static func notRead(_ name: String, in directory: String) -> String {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: join(directory, name), isDirectory: &isDirectory)
        if name.hasPrefix("~$") {
            return "Excel's lock file for \(name.dropFirst(2)) (the workbook is open in Excel, or Excel did not close cleanly); not read"
        }
        if isDirectory.boolValue {
            return
                "this folder is not read: a dashboard's data files sit beside its dashboard.yml (only editions/ is read below it); move any file it should read up beside dashboard.yml"
        }
        return "this file is not read: dashboards reads dashboard.yml and the .csv, .tsv and .xlsx files beside it"
    }

    /// The folder beside dashboard.yml that holds frozen editions, one sub-folder per edition.
    public static let editionsFolder = "editions"

    /// Each `editions/<period>/` folder: its `edition.yml` and the copy of the dashboard it holds, read in full as any
    /// dashboard is. A folder that is not a frozen edition is an error, never skipped.
    static func loadEditions(directory: String, id: String, realRoot: String, diagnostics: inout Diagnostics) -> [FrozenEdition] {
        let editionsPath = join(directory, editionsFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: editionsPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.error(
                "'editions' beside dashboard.yml is kept for frozen editions, one folder each; rename this file",
                at: SourceLocation(file: editionsPath))
            return []
        }
        var editions: [FrozenEdition] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: editionsPath)) ?? []).sorted()
        for name in names {
            guard let leftover = EditionFreezer.Leftover(name: name) else { continue }
            let what =
                leftover.isRunning
                ? "a freeze of this dashboard is writing this folder now; it is not read"
                : "left by a `dashboards freeze` that was stopped before it finished; not read (the next freeze of this dashboard removes it)"
            diagnostics.warning(what, at: SourceLocation(file: join(editionsPath, name)))
        }
        let folders = names.filter { !$0.hasPrefix(".") }
        for folder in folders {
            let path = join(editionsPath, folder)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                diagnostics.error(
                    "editions/ holds only frozen editions, one folder each (made by `dashboards freeze`); move this file out",
                    at: SourceLocation(file: path))
                continue
            }
            let recordPath = join(path, "edition.yml")
            guard FileManager.default.fileExists(atPath: recordPath) else {
                diagnostics.error(
                    "this is not a frozen edition: it has no edition.yml (make one with `dashboards freeze \(id) --edition PERIOD`)",
                    at: SourceLocation(file: path))
                continue
            }
            var record: EditionDecoder.Record?
            switch read(recordPath) {
            case .failure(let problem):
                diagnostics.append(problem)
            case .success(let bytes):
                let (node, found) = YAMLReader.read(String(decoding: bytes, as: UTF8.self), file: recordPath)
                diagnostics.append(contentsOf: found)
                if let node {
                    let (decoded, problems) = EditionDecoder.decode(node, folder: folder)
                    diagnostics.append(contentsOf: problems)
                    record = decoded
                }
            }
            let (copy, found) = loadDashboard(root: editionsPath, folder: folder, realRoot: realRoot, id: id)
            diagnostics.append(contentsOf: found)
            guard let record, let copy, !found.hasErrors else { continue }
            editions.append(
                FrozenEdition(
                    period: record.period, published: record.published, dashboard: copy,
                    location: SourceLocation(file: recordPath, line: 1, column: 1)))
        }
        return editions.sorted { $0.period < $1.period }
    }
}
