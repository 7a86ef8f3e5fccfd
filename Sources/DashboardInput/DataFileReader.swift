import DashboardCore
import DashboardWorkbook

/// Reads the data files beside dashboard.yml: CSV and TSV files, mapped or not, and the sheets of workbooks
/// that `data:` maps. A workbook that no entry maps is an error naming the key to add, never skipped.
enum DataFileReader {
    static let workbookExtension = ".xlsx"

    /// Whether a file name is one this reader reads or reports (not dashboard.yml, not hidden).
    static func isDataFile(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return !name.hasPrefix(".") && !name.hasPrefix("~$")
            && (lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") || lowered.hasSuffix(workbookExtension)
                || lowered.hasSuffix(".xls") || lowered.hasSuffix(".xlsm") || lowered.hasSuffix(".ods"))
    }

    /// Reads every data file into `builder` (nil when dashboard.yml could not be read: the files are still
    /// checked, and their figures dropped). Returns the names of the files read.
    static func readAll(
        names: [String], directory: String, mappings: [DataMapping], into builder: inout DashboardAssembler.Builder?,
        workbooks: inout [String: Workbook?], mappingsKnown: Bool = true, diagnostics: inout Diagnostics
    ) -> [String] {
        var read: [String] = []
        let dataNames = names.filter(isDataFile)
        var mapped: [String: [DataMapping]] = [:]
        for mapping in mappings {
            guard let name = fileName(mapping, among: dataNames) else {
                let hint = Diagnostic.suggestion(for: mapping.file, among: dataNames).map { "; \($0)" } ?? ""
                diagnostics.error("data: names '\(mapping.file)', but there is no such file beside dashboard.yml\(hint)", at: mapping.location)
                continue
            }
            if let earlier = mapped[name]?.first(where: { $0.sheet == mapping.sheet && $0.table?.lowercased() == mapping.table?.lowercased() }) {
                diagnostics.error(
                    "\(name)\(mapping.sheet.map { "[\($0)]" } ?? "") is mapped twice under data: (also at line \(earlier.location.line)); keep one entry for each sheet",
                    at: mapping.location)
                continue
            }
            mapped[name, default: []].append(mapping)
        }
        for name in dataNames {
            let path = InputLoader.join(directory, name)
            let lowered = name.lowercased()
            if lowered.hasSuffix(".xls") || lowered.hasSuffix(".xlsm") || lowered.hasSuffix(".ods") {
                let advice =
                    lowered.hasSuffix(".xlsm")
                    ? "a workbook with macros (.xlsm) is not read; save a copy as Excel Workbook (.xlsx) without macros"
                    : lowered.hasSuffix(".ods")
                        ? "an OpenDocument spreadsheet (.ods) is not read; save it as Excel Workbook (.xlsx) or CSV UTF-8"
                        : "an old-style Excel workbook (.xls) is not read; in Excel use File > Save As > Excel Workbook (.xlsx)"
                diagnostics.error(advice, at: SourceLocation(file: path))
                continue
            }
            if lowered.hasSuffix(workbookExtension) {
                read.append(name)
                // Where dashboard.yml could not be read at all, which workbooks it maps is not known: its error is the one said.
                if !mappingsKnown, mapped[name] == nil { continue }
                readWorkbook(path: path, mappings: mapped[name] ?? [], into: &builder, workbooks: &workbooks, diagnostics: &diagnostics)
                continue
            }
            read.append(name)
            let entries: [DataMapping?] = mapped[name] ?? [nil]
            for mapping in entries {
                readText(path: path, name: name, mapping: mapping, into: &builder, diagnostics: &diagnostics)
            }
        }
        return read
    }

    static func readText(
        path: String, name: String, mapping: DataMapping?, into builder: inout DashboardAssembler.Builder?,
        diagnostics: inout Diagnostics
    ) {
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
        case .success(let bytes):
            var delimiter = name.lowercased().hasSuffix(".tsv") ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            if delimiter == UInt8(ascii: ","), isTabSeparated(bytes) { delimiter = UInt8(ascii: "\t") }
            var table = ObservationTable.Reader(file: path)
            var sawRecord = false
            let csvProblems: Diagnostics
            if let mapping {
                // A mapped range or header rows reshape the table as a whole, so its records are read first.
                var (records, problems) = CSVReader.read(bytes, file: path, delimiter: delimiter)
                csvProblems = problems
                if let range = mapping.range { records = cut(records, to: range) }
                records = TableShaper.shape(records, headerRows: mapping.headerRows)
                sawRecord = !records.isEmpty
                for record in records { table.add(record) { builder?.add($0.withVintage(mapping.vintage)) } }
            } else {
                // Record by record, straight into the dashboard's figures: a big file is held once, as its bytes.
                csvProblems = CSVReader.read(bytes, file: path, delimiter: delimiter) { record in
                    sawRecord = true
                    table.add(record) { builder?.add($0) }
                }
            }
            diagnostics.append(contentsOf: csvProblems)
            if csvProblems.hasErrors && !sawRecord { return }
            builder?.addFile(path)
            diagnostics.append(contentsOf: table.finish())
        }
    }

    /// A `.csv` file whose first line of data is separated by tabs and has no comma: text pasted from Excel and
    /// saved with a `.csv` name. It is read as the tab-separated text it is.
    static func isTabSeparated(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let line = bytes[start..<end]
            let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if !blank, line.first != UInt8(ascii: "#") {
                return line.contains(0x09) && !line.contains(UInt8(ascii: ","))
            }
            start = end + 1
        }
        return false
    }

    /// The part of a text table inside a range: rows by line, columns by field.
    static func cut(_ records: [CSVRecord], to range: CellRange) -> [CSVRecord] {
        records.compactMap { record in
            guard record.line >= range.first.row, record.line <= range.last.row else { return nil }
            let fields = record.fields.enumerated().filter { range.first.column...range.last.column ~= $0.offset + 1 }.map(\.element)
            return CSVRecord(fields: fields, line: record.line, unreadable: record.unreadable)
        }
    }

    /// The file beside dashboard.yml an entry names: exactly, else ignoring case.
    static func fileName(_ mapping: DataMapping, among names: [String]) -> String? {
        names.first(where: { $0 == mapping.file }) ?? names.first(where: { $0.lowercased() == mapping.file.lowercased() })
    }

    /// A workbook read once for all its entries; nil (in `workbooks` too) when it cannot be read, said once.
    static func open(_ path: String, workbooks: inout [String: Workbook?], diagnostics: inout Diagnostics) -> Workbook? {
        if let known = workbooks[path] { return known }
        var workbook: Workbook?
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
        case .success(let bytes):
            do {
                workbook = try Workbook(bytes: bytes)
            } catch {
                diagnostics.error(error.message, at: SourceLocation(file: path))
            }
        }
        workbooks[path] = .some(workbook)
        return workbook
    }

    /// The cells an entry maps: its sheet, its range (a table's as the file has it) and the table's name.
    struct Mapped {
        var sheet: Sheet
        var range: CellRange?
        var table: String?
    }

    /// The sheet and range an entry maps, or nil with the problem said.
    static func resolve(_ mapping: DataMapping, in workbook: Workbook, path: String, diagnostics: inout Diagnostics) -> Mapped? {
        guard let tableName = mapping.table else {
            return sheet(of: mapping, in: workbook, path: path, diagnostics: &diagnostics).map { Mapped(sheet: $0, range: mapping.range) }
        }
        let table: TableInfo
        do {
            table = try workbook.table(named: tableName)
        } catch {
            diagnostics.error(error.message, at: mapping.location)
            return nil
        }
        if let given = mapping.sheet, given.lowercased() != table.sheet.lowercased() {
            diagnostics.error("the table '\(table.name)' is on the sheet '\(table.sheet)', not '\(given)'; leave sheet: out with table:", at: mapping.location)
            return nil
        }
        var entry = mapping
        entry.sheet = table.sheet
        return sheet(of: entry, in: workbook, path: path, diagnostics: &diagnostics).map { Mapped(sheet: $0, range: table.body, table: table.name) }
    }

    /// The sheet an entry maps, or nil with the problem said.
    static func sheet(of mapping: DataMapping, in workbook: Workbook, path: String, diagnostics: inout Diagnostics) -> Sheet? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let visible = workbook.sheets.filter { !$0.hidden }.map(\.name)
        var sheetName = mapping.sheet
        if sheetName == nil {
            if visible.count == 1 {
                sheetName = visible[0]
            } else {
                diagnostics.error("\(name) has \(visible.count) visible sheets; say which to read with sheet: (its sheets: \(listing(workbook)))", at: mapping.location)
                return nil
            }
        }
        do {
            return try workbook.sheet(named: sheetName!)
        } catch {
            let file = error.sheet.map { "\(path)[\($0)]" } ?? path
            let at =
                error.cell.map { SourceLocation(file: file, line: $0.row, column: $0.column) }
                ?? (error.sheet == nil && error.message.hasPrefix("there is no sheet") ? mapping.location : SourceLocation(file: file))
            diagnostics.error(error.message, at: at)
            return nil
        }
    }

    /// The sheets mapped with role columns (`columns:`), read before dashboard.yml's indicators are decoded, as
    /// their rows declare indicators. Every other entry is read by `readAll`.
    static func readRoleSheets(
        names: [String], directory: String, mappings: [DataMapping], workbooks: inout [String: Workbook?], diagnostics: inout Diagnostics
    ) -> [RoleTable.Table] {
        let dataNames = names.filter(isDataFile)
        var tables: [RoleTable.Table] = []
        for mapping in mappings where mapping.hasRoles {
            // A missing file, or a second entry for the sheet, is said when the files are read.
            guard let name = fileName(mapping, among: dataNames), name.lowercased().hasSuffix(workbookExtension),
                !mappings.contains(where: {
                    $0.location < mapping.location && $0.file.lowercased() == mapping.file.lowercased() && $0.sheet == mapping.sheet
                        && $0.table?.lowercased() == mapping.table?.lowercased()
                })
            else { continue }
            let path = InputLoader.join(directory, name)
            guard let workbook = open(path, workbooks: &workbooks, diagnostics: &diagnostics),
                let mapped = resolve(mapping, in: workbook, path: path, diagnostics: &diagnostics)
            else { continue }
            let sheet = mapped.sheet
            let label = "\(path)[\(sheet.name)]"
            let (grid, sheetProblems) = SheetTable.records(sheet, workbook: workbook, range: mapped.range, file: label, table: mapped.table)
            diagnostics.append(contentsOf: sheetProblems)
            let table = RoleTable.read(grid, mapping: mapping, merged: sheet.merged, file: label)
            diagnostics.append(contentsOf: table.diagnostics)
            tables.append(table)
        }
        return tables
    }

    static func readWorkbook(
        path: String, mappings: [DataMapping], into builder: inout DashboardAssembler.Builder?, workbooks: inout [String: Workbook?],
        diagnostics: inout Diagnostics
    ) {
        guard let workbook = open(path, workbooks: &workbooks, diagnostics: &diagnostics) else { return }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let visible = workbook.sheets.filter { !$0.hidden }.map(\.name)
        guard !mappings.isEmpty else {
            let example = visible.first ?? workbook.sheetNames.first ?? "Sheet1"
            diagnostics.error(
                "this workbook is not read: no entry under data: in dashboard.yml maps it; add one such as `data: [{file: \(name), sheet: \(example)}]` (its sheets: \(listing(workbook)))",
                at: SourceLocation(file: path))
            return
        }
        // Entries with role columns were read before dashboard.yml was decoded.
        var read: Set<String> = []
        for mapping in mappings {
            if mapping.hasRoles {
                // Only its sheet's name, for the warning below.
                if let table = mapping.table, let info = try? workbook.table(named: table) { read.insert(info.sheet.lowercased()) }
                if let sheet = mapping.sheet ?? (visible.count == 1 && mapping.table == nil ? visible[0] : nil) { read.insert(sheet.lowercased()) }
                continue
            }
            guard let mapped = resolve(mapping, in: workbook, path: path, diagnostics: &diagnostics) else { continue }
            let sheet = mapped.sheet
            read.insert(sheet.name.lowercased())
            let label = "\(path)[\(sheet.name)]"
            let (grid, sheetProblems) = SheetTable.records(sheet, workbook: workbook, range: mapped.range, file: label, table: mapped.table)
            diagnostics.append(contentsOf: sheetProblems)
            let records = TableShaper.shape(grid, headerRows: mapping.headerRows)
            let (_, observations, tableProblems) = ObservationTable.read(records, file: label)
            diagnostics.append(contentsOf: tableProblems)
            builder?.addFile(label)
            for observation in observations { builder?.add(observation.withVintage(mapping.vintage)) }
        }
        let unmapped = visible.filter { !read.contains($0.lowercased()) }
        if mappings.allSatisfy({ $0.sheet != nil || $0.table != nil }), !unmapped.isEmpty {
            diagnostics.warning(
                "the \(unmapped.count == 1 ? "sheet" : "sheets") \(unmapped.map { "'\($0)'" }.joined(separator: ", ")) of this workbook \(unmapped.count == 1 ? "is" : "are") not read: no entry under data: maps \(unmapped.count == 1 ? "it" : "them")",
                at: SourceLocation(file: path))
        }
    }

    static func listing(_ workbook: Workbook) -> String {
        workbook.sheets.map { "'\($0.name)'\($0.hidden ? " (hidden)" : "")" }.joined(separator: ", ")
    }
}
