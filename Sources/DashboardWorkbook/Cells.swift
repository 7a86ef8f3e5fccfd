import DashboardCore

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}

/// What a cell holds, as Excel stores it.
public enum CellValue: Hashable, Sendable {
    case text(String)
    /// A number and how the cell is formatted to show it.
    case number(Double, NumberFormat)
    case boolean(Bool)
    /// An error a formula left (`#N/A`, `#DIV/0!`).
    case error(String)
}

/// How a number cell is shown, reduced to what matters for reading a figure.
public struct NumberFormat: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `General`: as many digits as the number needs.
        case general
        /// `0.0`, `#,##0`: a fixed number of decimals.
        case fixed(decimals: Int)
        /// `0.0%`: the number times 100, with a percent sign.
        case percent(decimals: Int)
        /// A date or time; which parts it shows decides what period it names.
        case date(day: Bool, month: Bool)
        /// `@`: the number is shown as text.
        case text
    }

    public var kind: Kind
    /// The format code as the workbook writes it (`0.0%`).
    public var code: String

    public init(kind: Kind, code: String) {
        self.kind = kind
        self.code = code
    }

    public static let general = NumberFormat(kind: .general, code: "General")

    /// Excel's built-in formats that have no code in styles.xml.
    static func builtIn(_ id: Int) -> NumberFormat? {
        let code: String
        switch id {
        case 0: code = "General"
        case 1: code = "0"
        case 2: code = "0.00"
        case 3: code = "#,##0"
        case 4: code = "#,##0.00"
        case 9: code = "0%"
        case 10: code = "0.00%"
        case 11: code = "0.00E+00"
        case 12, 13: code = "# ?/?"
        case 14: code = "dd/mm/yyyy"
        case 15: code = "d-mmm-yy"
        case 16: code = "d-mmm"
        case 17: code = "mmm-yy"
        case 18: code = "h:mm AM/PM"
        case 19: code = "h:mm:ss AM/PM"
        case 20: code = "h:mm"
        case 21: code = "h:mm:ss"
        case 22: code = "m/d/yy h:mm"
        case 37, 38: code = "#,##0 ;(#,##0)"
        case 39, 40: code = "#,##0.00;(#,##0.00)"
        case 45: code = "mm:ss"
        case 46: code = "[h]:mm:ss"
        case 47: code = "mmss.0"
        case 48: code = "##0.0E+0"
        case 49: code = "@"
        default: return nil
        }
        return NumberFormat(code: code)
    }

    /// Classifies a format code by its first section (the one for positive numbers).
    public init(code: String) {
        self.code = code
        var section: [Character] = []
        var quoted = false, bracket = false, skipNext = false
        for ch in code {
            if skipNext {
                skipNext = false
                continue
            }
            if quoted {
                if ch == "\"" { quoted = false }
                continue
            }
            if bracket {
                if ch == "]" { bracket = false }
                continue
            }
            switch ch {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": skipNext = true
            case ";": break
            default: section.append(ch)
            }
            if ch == ";" { break }
        }
        let lowered = String(section).lowercased()
        if lowered == "general" || lowered.isEmpty {
            kind = code.lowercased().contains("general") || code.isEmpty ? .general : .text
            if code.trimmingCharacters(in: " ") == "@" { kind = .text }
            return
        }
        if lowered == "@" {
            kind = .text
            return
        }
        let hasDigits = lowered.contains("0") || lowered.contains("#") || lowered.contains("?")
        if !hasDigits, lowered.contains(where: { "ymdhs".contains($0) }) {
            kind = .date(day: lowered.contains("d"), month: lowered.contains("m"))
            return
        }
        var decimals = 0
        if let dot = section.firstIndex(of: ".") {
            decimals = section[(dot + 1)...].prefix { $0 == "0" || $0 == "#" || $0 == "?" }.count
        }
        kind = lowered.contains("%") ? .percent(decimals: decimals) : .fixed(decimals: decimals)
    }
}
