import DashboardCore
import DashboardWorkbook

/// Reads the files the benchmark figures come from: LAIT's long file or an Explore Education Statistics CSV,
/// LAIT's data dictionary, and DfE's statistical-neighbours workbook.
public enum BenchmarkFiles {
    /// The benchmark figures of one measure's file. An Explore Education Statistics file (its header has
    /// `time_period` and `geographic_level`) is read for the column named `measure`.
    public static func readData(_ path: String, measure: String) -> (BenchmarkData?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let records = readText(path, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let header = records.first { !$0.isBlank }?.fields.map { $0.text.trimmingSpaces.lowercased() } ?? []
        let (data, problems) =
            header.contains("time_period") && header.contains("geographic_level")
            ? BenchmarkData.readEES(records, file: path, measure: measure)
            : BenchmarkData.readLAIT(records, file: path)
        diagnostics.append(contentsOf: problems)
        return (problems.hasErrors ? nil : data, diagnostics)
    }

    public static func readDictionary(_ path: String) -> ([String: MeasureInfo]?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let records = readText(path, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let (dictionary, problems) = MeasureInfo.readDictionary(records, file: path)
        diagnostics.append(contentsOf: problems)
        return (problems.hasErrors ? nil : dictionary, diagnostics)
    }

    /// The neighbours table of a workbook's first sheet that has one (or of a CSV file).
    public static func readNeighbours(_ path: String) -> (StatisticalNeighbours?, Diagnostics) {
        var diagnostics = Diagnostics()
        if !path.lowercased().hasSuffix(".xlsx") {
            guard let records = readText(path, diagnostics: &diagnostics) else { return (nil, diagnostics) }
            let (neighbours, problems) = StatisticalNeighbours.read(records, file: path)
            diagnostics.append(contentsOf: problems)
            return (problems.hasErrors ? nil : neighbours, diagnostics)
        }
        let bytes: [UInt8]
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
            return (nil, diagnostics)
        case .success(let read): bytes = read
        }
        do {
            let workbook = try Workbook(bytes: bytes)
            var last = Diagnostics()
            for info in workbook.sheets {
                let sheet = try workbook.sheet(named: info.name)
                let label = "\(path)[\(sheet.name)]"
                let (records, _) = SheetTable.records(
                    sheet, workbook: workbook, range: sheet.usedRange ?? CellRange(first: CellAddress(row: 1, column: 1), last: CellAddress(row: 1, column: 1)), file: label)
                let (neighbours, problems) = StatisticalNeighbours.read(records, file: label)
                if !problems.hasErrors { return (neighbours, diagnostics) }
                last = problems
            }
            diagnostics.append(contentsOf: last)
        } catch {
            diagnostics.error(
                error.message,
                at: SourceLocation(
                    file: error.sheet.map { "\(path)[\($0)]" } ?? path,
                    line: error.cell?.row ?? 0, column: error.cell?.column ?? 0))
        }
        return (nil, diagnostics)
    }

    static func readText(_ path: String, diagnostics: inout Diagnostics) -> [CSVRecord]? {
        switch InputLoader.read(path) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let bytes):
            let delimiter = path.lowercased().hasSuffix(".tsv") || DataFileReader.isTabSeparated(bytes) ? UInt8(ascii: "\t") : UInt8(ascii: ",")
            let (records, problems) = CSVReader.read(bytes, file: path, delimiter: delimiter)
            diagnostics.append(contentsOf: problems)
            if problems.hasErrors && records.isEmpty { return nil }
            return records
        }
    }
}
