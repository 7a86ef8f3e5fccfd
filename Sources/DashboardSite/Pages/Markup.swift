/// The one escaper for text from the data placed in markup: the site's pages (through the templates' `{{ }}`)
/// and the Word report's XML.
///
/// - Markup characters become references, by Unicode scalar (never by `Character`: a `"` fused with a
///   combining mark is one Character that is not `"`, and would pass).
/// - Characters neither HTML nor XML 1.0 may hold (controls other than tab and line ends, U+FFFE, U+FFFF)
///   become U+FFFD. The input refuses them with their position, so this only guards what no check foresaw.
/// - Text holding bidirectional controls (U+202A–U+202E, U+2066–U+2069) is isolated, first-strong, so a
///   right-to-left override in a title cannot reverse the text after it: it is wrapped in U+2068 … U+2069, with
///   any isolate it leaves open closed and any unmatched U+2069 (which would close an isolate around it) dropped.
public enum Markup {
    public enum Context: Sendable {
        /// Page text and attribute values in double or single quotes.
        case html
        /// XML character data.
        case xmlText
        /// An XML attribute value in double quotes: line ends and tabs as references, so they survive
        /// attribute-value normalisation.
        case xmlAttribute
    }

    public static func escape(_ text: String, for context: Context) -> String {
        guard text.utf8.contains(where: needsLook) else { return text }
        var out = String.UnicodeScalarView()
        let isolate = text.unicodeScalars.contains(where: isBidiControl)
        if isolate { out.append(firstStrongIsolate) }
        var openIsolates = 0
        for scalar in text.unicodeScalars {
            switch (scalar, context) {
            case ("&", _): out.append(contentsOf: "&amp;".unicodeScalars)
            case ("<", _): out.append(contentsOf: "&lt;".unicodeScalars)
            case (">", _): out.append(contentsOf: "&gt;".unicodeScalars)
            case ("\"", .html), ("\"", .xmlAttribute): out.append(contentsOf: "&quot;".unicodeScalars)
            case ("'", .html): out.append(contentsOf: "&#39;".unicodeScalars)
            case ("\n", .xmlAttribute): out.append(contentsOf: "&#10;".unicodeScalars)
            case ("\r", .xmlAttribute): out.append(contentsOf: "&#13;".unicodeScalars)
            case ("\t", .xmlAttribute): out.append(contentsOf: "&#9;".unicodeScalars)
            case ("\t", _), ("\n", _), ("\r", _): out.append(scalar)
            case ("\u{2066}", _), ("\u{2067}", _), ("\u{2068}", _):
                openIsolates += 1
                out.append(scalar)
            case (popDirectionalIsolate, _):
                guard openIsolates > 0 else { continue }
                openIsolates -= 1
                out.append(scalar)
            default:
                let v = scalar.value
                out.append(v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        if isolate {
            for _ in 0..<openIsolates { out.append(popDirectionalIsolate) }
            out.append(popDirectionalIsolate)
        }
        return String(out)
    }

    static let firstStrongIsolate: Unicode.Scalar = "\u{2068}"
    static let popDirectionalIsolate: Unicode.Scalar = "\u{2069}"

    /// Bytes after which a text needs looking at scalar by scalar: markup characters, controls, and the lead
    /// bytes of C1 controls (0xC2), the bidirectional controls (0xE2) and U+FFFE/U+FFFF (0xEF).
    static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x7F, 0xC2, 0xE2, 0xEF: return true
        default: return byte < 0x20
        }
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The contents of a CSS string ("…" in `content:`), in ASCII letters, digits and spaces only, everything
    /// else as a `\hex ` escape: so it passes the templates' HTML escaping unchanged and nothing in it can end
    /// the string or the `<style>` element.
    public static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", " ": out.unicodeScalars.append(scalar)
            default: out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out
    }
}
