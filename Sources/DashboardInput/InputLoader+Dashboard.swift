import DashboardCore
import DashboardWorkbook
import Foundation

extension InputLoader {
    /// Reads one dashboard folder; `id` names a frozen edition's copy after its live dashboard.
    static func loadDashboard(root: String, folder: String, realRoot: String, id: String? = nil) -> (Dashboard?, Diagnostics) {
        var diagnostics = Diagnostics()
        let directory = join(root, folder)
        let isFrozenCopy = id != nil
        let ymlPath = join(directory, "dashboard.yml")
        let names = listing(directory, realRoot: realRoot, diagnostics: &diagnostics)
        if diagnostics.hasErrors, !names.contains("dashboard.yml") { return (nil, diagnostics) }
        guard names.contains("dashboard.yml") else {
            let alternative = names.first { $0 == "dashboard.yaml" }
            let hint = alternative.map { "; rename \($0) to dashboard.yml" } ?? ""
            diagnostics.error("this folder has no dashboard.yml\(hint)", at: SourceLocation(file: directory))
            return (nil, diagnostics)
        }

        var read = readDefinition(ymlPath, id: id ?? folder, names: names, directory: directory, diagnostics: &diagnostics)
        var definition = read.definition
        let declaredPlanFiles = read.declaredPlanFiles, roleSheets = read.roleSheets
        let benchmarkFiles = BenchmarkLinker.sourceFiles(definition)
        let groupFiles =
            definition == nil ? (kept: [], files: []) : ComparatorGroupFile.link(&definition!, directory: directory, realRoot: realRoot, diagnostics: &diagnostics)
        if definition != nil { BenchmarkLinker.link(&definition!, directory: directory, names: names, diagnostics: &diagnostics) }
        if definition != nil { SpendChartLinker.link(&definition!, directory: directory, names: names, diagnostics: &diagnostics) }
        let planFiles = Set(definition?.actionPlan?.files ?? declaredPlanFiles)
        let actionPlan = definition.flatMap { ActionPlanFile.read($0, directory: directory, names: names, diagnostics: &diagnostics) }
        var builder = definition.map(DashboardAssembler.Builder.init)
        for sheet in roleSheets { builder?.addFile(sheet.file) }
        for record in read.sheetFigures { builder?.add(record) }
        let dataNames = DataFileReader.readAll(
            names: names.filter { !benchmarkFiles.contains($0) && !planFiles.contains($0) }, directory: directory,
            // With errors in dashboard.yml its data: entries still say how the files are read (and checked).
            mappings: (definition?.data ?? read.mappings).filter { !planFiles.contains($0.file) }, into: &builder, workbooks: &read.workbooks, mappingsKnown: read.ymlRead,
            diagnostics: &diagnostics)
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
        // Under a disclosure rule, what is returned is what may be published: every later step sees only that.
        return (DisclosureControl.apply(result), diagnostics)
    }

    /// A dashboard folder's names, in order, less symbolic links that lead out of the input (each an error).
    static func listing(_ directory: String, realRoot: String, diagnostics: inout Diagnostics) -> [String] {
        var names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        names.removeAll { name in
            guard !name.hasPrefix("."), let target = outside(join(directory, name), root: realRoot) else { return false }
            diagnostics.error(
                "this file is a symbolic link to \(target), outside the input folder; dashboards reads only what is inside --input, so copy the file in",
                at: SourceLocation(file: join(directory, name)))
            return true
        }
        return names
    }

    /// What dashboard.yml gave: its definition (nil with errors), the plan files it names, the sheets with role
    /// columns and their figures, its `data:` mappings (which say how files are read even when the rest has
    /// errors), the workbooks opened so far, and whether the YAML itself could be read.
    struct DefinitionRead {
        var definition: DashboardDefinition?
        var declaredPlanFiles: [String] = []
        var workbooks: [String: Workbook?] = [:]
        var sheetFigures: [ObservationRecord] = []
        var roleSheets: [RoleTable.Table] = []
        var mappings: [DataMapping] = []
        var ymlRead = false
    }

    /// Reads and decodes dashboard.yml, refusing UTF-16, invalid UTF-8 and NUL bytes at their position; sheets
    /// with role columns are read first, as they declare indicators.
    static func readDefinition(
        _ ymlPath: String, id: String, names: [String], directory: String, diagnostics: inout Diagnostics
    ) -> DefinitionRead {
        var read = DefinitionRead()
        switch self.read(ymlPath) {
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
                    read.ymlRead = true
                    read.declaredPlanFiles = DashboardDecoder.declaredPlanFiles(root)
                    // Sheets with role columns declare indicators, so they are read before the rest is decoded.
                    read.mappings = DashboardDecoder.dataMappings(root)
                    read.roleSheets = DataFileReader.readRoleSheets(
                        names: names, directory: directory, mappings: read.mappings, workbooks: &read.workbooks, diagnostics: &diagnostics)
                    let (decoded, figures, problems) = DashboardDecoder.decode(root, id: id, sheets: read.roleSheets)
                    diagnostics.append(contentsOf: problems)
                    read.definition = decoded
                    read.sheetFigures = figures
                }
            }
        }
        return read
    }
}
