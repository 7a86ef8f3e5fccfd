import DashboardCore
import Foundation

/// An Excel Table (a ListObject, Insert > Table): a named range that grows with its rows and columns as Excel or
/// Power Query writes them.
public struct TableInfo: Hashable, Sendable {
    /// The name Excel shows (Table Design > Table Name).
    public var name: String
    public var sheet: String
    /// The table's cells, its header row and any totals row included.
    public var ref: CellRange
    /// Rows of totals at its foot (Table Design > Total Row), which are not figures of their own.
    public var totalsRows: Int

    /// The table without its totals rows.
    public var body: CellRange {
        CellRange(first: ref.first, last: CellAddress(row: max(ref.first.row, ref.last.row - totalsRows), column: ref.last.column))
    }
}

extension Workbook {
    /// Every Table of the workbook's sheets, from each sheet's relationships to `xl/tables/tableN.xml`; read only
    /// when a mapping names a table.
    public func tables() throws(WorkbookError) -> [TableInfo] {
        var found: [TableInfo] = []
        for info in sheets {
            let folder = info.part.split(separator: "/").dropLast().joined(separator: "/")
            let file = info.part.split(separator: "/").last.map(String.init) ?? info.part
            let relsPath = folder + "/_rels/" + file + ".rels"
            guard archive[relsPath] != nil else { continue }
            let rels = try Workbook.parse(
                Workbook.extract(relsPath, from: archive, limits: limits, unpacked: &unpacked, missing: ""), part: relsPath)
            for relationship in rels.descendants("Relationship") where relationship.attribute("Type")?.hasSuffix("/table") == true {
                guard let target = relationship.attribute("Target") else { continue }
                let part = Workbook.resolve(target, from: folder)
                let root = try Workbook.parse(
                    Workbook.extract(
                        part, from: archive, limits: limits, unpacked: &unpacked,
                        missing: "the sheet '\(info.name)' names a table part \(part) that the zip does not have: the workbook is damaged; open it in Excel and save it again"),
                    part: part)
                guard let table = root.children.first(where: { $0.name == "table" }) ?? (root.name == "table" ? root : nil),
                    let name = table.attribute("displayName") ?? table.attribute("name"),
                    let refText = table.attribute("ref"), let ref = CellRange(refText)
                else {
                    throw WorkbookError("the table part \(part) has no name or range: the workbook is damaged; open it in Excel and save it again", sheet: info.name)
                }
                let totals = table.attribute("totalsRowCount").flatMap(Int.init) ?? 0
                found.append(TableInfo(name: name, sheet: info.name, ref: ref, totalsRows: max(0, totals)))
            }
        }
        return found
    }

    /// The Table of this name (Excel's names ignore case), or an error listing the workbook's tables.
    public func table(named name: String) throws(WorkbookError) -> TableInfo {
        let all = try tables()
        if let table = all.first(where: { $0.name.lowercased() == name.lowercased() }) { return table }
        guard !all.isEmpty else {
            throw WorkbookError(
                "this workbook has no Excel tables, so there is no table '\(name)'; make one (select the cells, Insert > Table) or map the sheet with sheet: and range:")
        }
        let hint = Workbook.closest(name, among: all.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
        throw WorkbookError("there is no table '\(name)' in this workbook (its tables: \(all.map { "'\($0.name)' on '\($0.sheet)'" }.joined(separator: ", ")))\(hint)")
    }

    /// A relationship's target as a part name: `../tables/table1.xml` from `xl/worksheets` is `xl/tables/table1.xml`.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
