import Testing

@testable import DashboardReport

@Suite("Report page geometry")
struct GeometryTests {
    @Test func aPictureIsPlacedAtItsPhysicalSizeFromItsDPI() {
        // 1878 × 1056 pixels at 300 dpi: 6.26 × 3.52 inches, 914400 EMU an inch.
        let extent = PageGeometry.pictureExtent(pixelWidth: 1878, pixelHeight: 1056, dpi: 300, column: PageGeometry.portraitColumn)
        #expect(extent.cx == 5_724_144)
        #expect(extent.cy == 3_218_688)
    }

    @Test func aPictureWiderThanTheColumnIsMadeToFitKeepingItsShape() {
        // 20 cm at 300 dpi is wider than A4's 15.92 cm column: it is placed at the column's width, half as high.
        let extent = PageGeometry.pictureExtent(pixelWidth: 2362, pixelHeight: 1181, dpi: 300, column: PageGeometry.portraitColumn)
        #expect(extent.cx == PageGeometry.portraitColumn * 635)
        #expect(abs(Double(extent.cy) - Double(extent.cx) / 2) < 3000)
        // On a landscape page the same picture fits as it is.
        let wide = PageGeometry.pictureExtent(pixelWidth: 2362, pixelHeight: 1181, dpi: 300, column: PageGeometry.landscapeColumn)
        #expect(wide.cx == 2362 * 914_400 / 300)
    }

    @Test func theTextColumnsAreA4LessWordsDefaultMargins() {
        #expect(PageGeometry.portraitColumn == 9026)  // 15.92 cm
        #expect(PageGeometry.landscapeColumn == 13_958)  // 24.62 cm
    }

    @Test func textThatXMLCannotHoldIsReplacedAndMarkupEscaped() {
        #expect(XML.text("a < b & \"c\"") == "a &lt; b &amp; \"c\"")
        #expect(XML.attribute("say \"hi\"\nthen") == "say &quot;hi&quot;&#10;then")
        #expect(XML.text("bell\u{07}nul\u{00}") == "bell\u{FFFD}nul\u{FFFD}")
    }
}
