/// The one CSV writer: every CSV the program writes (an indicator's data download, `dashboards benchmark`)
/// goes through it, so each is quoted and guarded the same way and `CSVReader` reads each back.
///
/// - A field holding a comma, a double quote, a carriage return or a line feed is quoted, its quotes doubled.
///   Both look at Unicode scalars, not Characters: a `"` fused with a following accent into one Character is
///   still the byte a spreadsheet or CSV reader sees.
/// - Text (never a number) that would open in a spreadsheet as a formula (=, +, -, @, or a tab or carriage
///   return first) starts with an apostrophe, which keeps it text.
public enum CSVWriter {
    /// Line ends: CRLF as RFC 4180 and Excel expect of a file to open; LF for a command's output to pipe.
    public enum LineEnding: String, Sendable {
        case crlf = "\r\n"
        case lf = "\n"
    }

    /// The rows, each a line, with a line end after the last.
    public static func document(_ rows: [[String]], lineEnding: LineEnding) -> String {
        var out = ""
        for row in rows {
            out += line(row)
            out += lineEnding.rawValue
        }
        return out
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// A field as written: quoted when it must be.
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// Free text from the data (a note, a source, a name), kept from opening as a formula.
    public static func text(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
