import DashboardCore
import Foundation

/// Reads comparator group files: `dashboards benchmark --group FILE` and `comparator_groups:` in dashboard.yml.
public enum ComparatorGroupFile {
    /// A group file's title and authorities as written (checked against names later).
    public static func read(_ path: String) -> (ComparatorGroup?, Diagnostics) {
        var diagnostics = Diagnostics()
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
            return (nil, diagnostics)
        case .success(let bytes):
            if let bad = UTF8Check.firstInvalidPosition(bytes) {
                diagnostics.error("invalid UTF-8; save the group file as UTF-8", at: SourceLocation(file: path, line: bad.line, column: bad.column))
                return (nil, diagnostics)
            }
            let (group, problems) = ComparatorGroup.parse(String(decoding: bytes, as: UTF8.self), file: path)
            diagnostics.append(contentsOf: problems)
            return (problems.hasErrors ? nil : group, diagnostics)
        }
    }

    /// The group checked against the authorities of a benchmark file (or LAIT's names when it has none).
    public static func resolve(_ group: ComparatorGroup, in data: BenchmarkData?) -> (ComparatorGroup?, Diagnostics) {
        var authorities: [(number: Int, name: String)] = []
        var seen = Set<String>()
        for row in data?.rows ?? [] where row.level == .authority {
            guard let number = row.laNumber, seen.insert(row.area).inserted else { continue }
            authorities.append((number, row.area))
        }
        if authorities.isEmpty { authorities = LocalAuthorities.lait }
        let (resolved, problems) = group.resolved(against: authorities)
        return (problems.hasErrors ? nil : resolved, problems)
    }

    /// Reads each group `comparator_groups:` names, checked against LAIT's names unless benchmarks use it (then
    /// against their file's, as they are linked); returns the top-level names in the
    /// dashboard's folder the groups take (a file, or the folder it is in) and the group files' paths.
    static func link(
        _ definition: inout DashboardDefinition, directory: String, realRoot: String, diagnostics: inout Diagnostics
    ) -> (kept: Set<String>, files: [String]) {
        var kept = Set<String>(), files: [String] = []
        for index in definition.comparatorGroups.indices {
            let source = definition.comparatorGroups[index]
            let path = InputLoader.join(directory, source.file)
            if let target = InputLoader.outside(path, root: realRoot) {
                diagnostics.error("this group file is a symbolic link to \(target), outside the input folder; copy the file in", at: source.location)
                continue
            }
            guard FileManager.default.fileExists(atPath: path) else {
                diagnostics.error("there is no file '\(source.file)' in the dashboard's folder for the comparator group '\(source.name)'", at: source.location)
                continue
            }
            kept.insert(String(source.file.split(separator: "/")[0]))
            files.append(source.file)
            let (group, problems) = read(path)
            diagnostics.append(contentsOf: problems)
            guard let group else { continue }
            // A group benchmarks use is checked against their file's names; another against LAIT's.
            if definition.indicators.contains(where: { $0.benchmarkSource?.group?.lowercased() == source.name.lowercased() }) {
                definition.comparatorGroups[index].group = group
                continue
            }
            let (resolved, resolveProblems) = resolve(group, in: nil)
            diagnostics.append(contentsOf: resolveProblems)
            definition.comparatorGroups[index].group = resolved
        }
        // Anything else in a folder the groups are in is said, as anything beside dashboard.yml is.
        for folder in kept where files.contains(where: { $0.hasPrefix(folder + "/") }) {
            let inside = ((try? FileManager.default.contentsOfDirectory(atPath: InputLoader.join(directory, folder))) ?? []).sorted()
            for name in inside where !name.hasPrefix(".") && !files.contains(folder + "/" + name) {
                diagnostics.warning(
                    "this file is not read: no comparator group in dashboard.yml names it", at: SourceLocation(file: InputLoader.join(directory, folder + "/" + name)))
            }
        }
        return (kept, files.sorted())
    }
}
