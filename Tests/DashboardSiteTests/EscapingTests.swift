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
        #expect(DataDownload.quote("a,b") == "\"a,b\"")
        #expect(DataDownload.quote("Note \u{600}\"<img>") == "\"Note \u{600}\"\"<img>\"")
        #expect(DataDownload.quote("plain") == "plain")
        #expect(DataDownload.safeText("=HYPERLINK(1)") == "'=HYPERLINK(1)")
        #expect(DataDownload.safeText("=\u{301}HYPERLINK(1)") == "'=\u{301}HYPERLINK(1)")
        #expect(DataDownload.safeText("Break in data") == "Break in data")
    }
}
