/// A cell's place in a sheet: row and column count from 1, written as Excel writes them (`C6`).
public struct CellAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Excel's last row and column: references beyond them are not cells.
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    /// `A` is 1, `Z` 26, `AA` 27.
    public static func columnName(_ column: Int) -> String {
        var n = column, letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    public var description: String { CellAddress.columnName(column) + String(row) }

    /// Reads `C6` or `$C$6` (case does not matter); nil when it is not a cell reference within Excel's limits.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "$": continue
            case "A"..."Z", "a"..."z":
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
                letters += 1
            case "0"..."9":
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value) - 48
                digits += 1
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= CellAddress.maximumRow, column <= CellAddress.maximumColumn else { return nil }
        self.init(row: row, column: column)
    }

    public static func < (a: CellAddress, b: CellAddress) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells, `A3:D8`; a single cell is a range of one.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let a = CellAddress(parts[0].trimmingSpaces),
            let b = CellAddress(parts[parts.count - 1].trimmingSpaces)
        else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ cell: CellAddress) -> Bool {
        cell.row >= first.row && cell.row <= last.row && cell.column >= first.column && cell.column <= last.column
    }

    public var rows: Int { last.row - first.row + 1 }
    public var columns: Int { last.column - first.column + 1 }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
