import DashboardCore
import Testing

@testable import DashboardSite

/// Escaping works on Unicode scalars: a `"`, `<`, `=` fused with an accent or joiner into one Character is still
/// the character a browser, a CSV reader or a spreadsheet sees.
@Suite("Escaping by scalar")
struct EscapingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("Café & <crème> \"x\" 'y'", "Café &amp; &lt;crème&gt; &quot;x&quot; &#39;y&#39;"),
        ("x\"\u{301} onload=y", "x&quot;\u{301} onload=y"),
        ("<\u{200D}b>", "&lt;\u{200D}b&gt;"),
        ("\u{600}&", "\u{600}&amp;"),
    ])
    func html(_ text: String, _ escaped: String) {
        #expect(ScalarHTMLEscaping().escapeText(text) == escaped)
    }

    @Test func csvFieldsAreQuotedAndFormulasDisarmedEvenWhenFused() {
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("Note \u{600}\"<img>") == "\"Note \u{600}\"\"<img>\"")
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.text("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(CSVWriter.text("=\u{301}HYPERLINK(1)") == "'=\u{301}HYPERLINK(1)")
        #expect(CSVWriter.text("Break in data") == "Break in data")
    }

    /// One escaper for pages and Word's XML: each context escapes what it must, and characters no page or
    /// document may hold become U+FFFD (the input refuses them first, with their position).
    @Test(arguments: [
        ("a\u{1}b\u{B}c", Markup.Context.html, "a\u{FFFD}b\u{FFFD}c"),
        ("a\u{85}b\u{FFFE}", .xmlText, "a\u{FFFD}b\u{FFFD}"),
        ("line\none\t\"'", .xmlAttribute, "line&#10;one&#9;&quot;'"),
        ("line\none\t\"'", .xmlText, "line\none\t\"'"),
        ("line\none", .html, "line\none"),
    ])
    func markup(_ text: String, _ context: Markup.Context, _ escaped: String) {
        #expect(Markup.escape(text, for: context) == escaped)
    }

    /// A right-to-left override (U+202E) in a title would reverse everything after it on the page; text holding
    /// one is isolated, so the override ends with the text. An isolate it leaves open is closed, and a stray
    /// U+2069 that would close an isolate around it is dropped.
    @Test(arguments: [
        ("Service \u{202E}performance", "\u{2068}Service \u{202E}performance\u{2069}"),
        ("\u{2067}left open", "\u{2068}\u{2067}left open\u{2069}\u{2069}"),
        ("stray\u{2069} & pop", "\u{2068}stray &amp; pop\u{2069}"),
        ("\u{2066}closed\u{2069}", "\u{2068}\u{2066}closed\u{2069}\u{2069}"),
        ("no controls: \u{2019}", "no controls: \u{2019}"),
    ])
    func bidirectionalControlsAreIsolated(_ text: String, _ escaped: String) {
        #expect(Markup.escape(text, for: .html) == escaped)
        #expect(Markup.escape(text, for: .xmlText) == escaped)
    }

    /// A CSS string for a printed page's footer: nothing in the text can end the string or the <style> element,
    /// and what is written passes the templates' HTML escaping unchanged.
    @Test func cssStringsAreEscapedToASCII() {
        let css = Markup.cssString("Council's \"KPIs\"</style>: Q1 £")
        #expect(css == "Council\\27 s \\22 KPIs\\22 \\3c \\2f style\\3e \\3a  Q1 \\a3 ")
        #expect(Markup.escape(css, for: .html) == css)
    }
}
