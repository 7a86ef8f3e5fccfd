import DashboardCore
import DashboardWorkbook
import Foundation

/// `dashboards init DIR --from BOOK.xlsx`: reads an officer's own KPI sheet and writes a dashboard.yml that maps it
/// explicitly (the table's range, its heading rows, what each column is, its section rows), beside a copy of the
/// workbook. What it recognises is decided here, once, and written down for the officer to read and edit: the
/// build reads the mapping as written and guesses nothing.
public enum WorkbookStarter {
    /// What was made of the sheet: the dashboard.yml text, and what was and was not recognised, by cell.
    public struct Plan: Sendable {
        public var yml: String
        public var recognised: [String] = []
        public var notRecognised: [String] = []
        public var indicators = 0
    }

    public struct Outcome: Sendable {
        public var files: [String]
        public var plan: Plan
    }

    /// Heading words for each role, matched as whole words of the heading.
    static let roleWords: [(DataMapping.ColumnRole, [String])] = [
        (.target, ["target", "targets"]),
        (.polarity, ["polarity", "good is", "good if", "aim", "better is", "higher or lower"]),
        (.rag, ["rag", "rag rating", "rag status", "status", "rating"]),
        (.commentary, ["notes", "note", "commentary", "comments", "comment", "narrative", "analysis"]),
        (.source, ["source", "data source"]),
        (.unit, ["unit", "units"]),
        (.definition, ["definition", "definitions"]),
        (.id, ["id"]),
        (.indicator, ["indicator", "indicators", "measure", "measures", "kpi", "performance indicator", "metric", "description"]),
    ]

    /// The role a heading names, if any.
    static func role(of heading: String) -> DataMapping.ColumnRole? {
        let words = heading.lowercased().split { !$0.isLetter }.map(String.init)
        let text = words.joined(separator: " ")
        for (role, names) in roleWords where names.contains(where: { name in text == name || text.hasPrefix(name + " ") || text.hasSuffix(" " + name) }) {
            return role
        }
        return nil
    }

    /// Reads the book, plans the mapping and writes `folder`/dashboard.yml beside a copy of the workbook.
    public static func write(to folder: String, from book: String, sheet sheetName: String?, organisation: String) throws(Starter.Failure) -> Outcome {
        let name = URL(fileURLWithPath: folder).lastPathComponent
        guard Identifier.isValid(name) else { throw .badName(name) }
        let yml = InputLoader.join(folder, "dashboard.yml")
        guard !FileManager.default.fileExists(atPath: yml) else { throw .exists(folder) }
        let bookName = URL(fileURLWithPath: book).lastPathComponent
        guard bookName.lowercased().hasSuffix(".xlsx") else { throw .unreadable("\(book): --from reads an Excel workbook (.xlsx)") }
        let workbook: Workbook
        do {
            workbook = try Workbook(path: book)
        } catch {
            throw .unreadable("\(book): \(error.message)")
        }
        let plan = try self.plan(workbook, fileName: bookName, sheet: sheetName, organisation: organisation, label: book)
        let copy = InputLoader.join(folder, bookName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: copy) { try FileManager.default.copyItem(atPath: book, toPath: copy) }
            try Data(plan.yml.utf8).write(to: URL(fileURLWithPath: yml), options: .withoutOverwriting)
        } catch {
            throw .unwritable("could not write into \(folder): \(error.localizedDescription)")
        }
        return Outcome(files: ["dashboard.yml", bookName], plan: plan)
    }

    /// The mapping of one sheet, and what was recognised.
    public static func plan(_ workbook: Workbook, fileName: String, sheet sheetName: String?, organisation: String, label: String) throws(Starter.Failure) -> Plan {
        let visible = workbook.sheets.filter { !$0.hidden }.map(\.name)
        let chosen: String
        if let sheetName {
            chosen = sheetName
        } else if visible.count == 1 {
            chosen = visible[0]
        } else {
            throw .unreadable(
                "\(label) has \(visible.count) visible sheets; say which holds the KPI table with --sheet (its sheets: \(visible.map { "'\($0)'" }.joined(separator: ", ")))")
        }
        let sheet: Sheet
        do {
            sheet = try workbook.sheet(named: chosen)
        } catch {
            throw .unreadable("\(label): \(error.message)")
        }
        var survey = try SheetSurvey(sheet, workbook: workbook, fileName: fileName, label: label)
        survey.findRoles()
        try survey.findPeriods()
        try survey.readRows()
        survey.plan.yml = survey.yml(organisation: organisation)
        return survey.plan
    }

    /// A unit from a row's figures and title, written into dashboard.yml for the officer to check.
    static func guessUnit(title: String, figures: [String]) -> MeasureUnit {
        if figures.contains(where: { $0.contains("%") }) { return .percent }
        if figures.contains(where: { $0.contains("£") }) { return .currency }
        let words = Set(title.lowercased().split { !$0.isLetter }.map(String.init))
        if title.contains("%") || !words.isDisjoint(with: ["percentage", "proportion", "percent"]) { return .percent }
        if words.contains("rate") { return .rate }
        return .count
    }
}
