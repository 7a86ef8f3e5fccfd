/// Finds a quote, apostrophe, `<`, `>` or `&` fused with a neighbouring mark into one character.
///
/// Page text is HTML-escaped character by character, and a Swift `Character` is a whole grapheme cluster:
/// `"` followed by a combining accent (U+0301), a joiner (U+200D) or a variation selector, or preceded by a
/// prefix sign (U+0600), is one character that is not `"`, so it would reach a page unescaped and could end an
/// attribute. No real title or note is written that way, so such text is refused where it is read.
public enum MarkupCheck {
    static let markup: [Unicode.Scalar: String] = [
        "\"": "quote (\")", "'": "apostrophe (')", "<": "less-than sign (<)", ">": "greater-than sign (>)", "&": "ampersand (&)",
    ]

    /// A sentence naming the first fused character and what it is fused with, or nil.
    public static func problem(in text: some StringProtocol) -> String? {
        // Plain text needs no look at its characters: nothing to escape, or nothing to fuse with.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }),
              utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        for character in text where character.unicodeScalars.count > 1 {
            let scalars = character.unicodeScalars
            guard let sign = scalars.first(where: { markup[$0] != nil }) else { continue }
            let others = scalars.filter { $0 != sign }.map(code).joined(separator: ", ")
            return "a \(markup[sign]!) in this text is fused with \(others) into one character, so a web page could not escape it; delete \(others)"
        }
        return nil
    }

    /// `U+0301`
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
