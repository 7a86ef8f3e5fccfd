import Foundation
import Testing

/// `dashboards chart`: one chart for a committee report, at a physical size, with its words beside it.
@Suite("The chart command")
struct ChartCommandTests {
    @Test func writesAPrintPNGWithItsResolutionAndTextBesideIt() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let png = scratch.path + "/family-star.png"
        let result = try run(["chart", "cfws/family-star-positive-rate", "--width-cm", "16", "--height-cm", "9", "--dpi", "300", "-o", png])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: png)))
        // 16 cm at 300 dpi is 1890 pixels; 9 cm is 1063.
        let header = Array(bytes[16..<24])
        let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        #expect(width == 1890)
        #expect(height == 1063)
        let pHYs = try #require(findChunk("pHYs", in: bytes))
        let perMetre = Int(pHYs[0]) << 24 | Int(pHYs[1]) << 16 | Int(pHYs[2]) << 8 | Int(pHYs[3])
        #expect(abs(Double(perMetre) * 0.0254 - 300) < 0.5)

        let text = read(scratch.path + "/family-star.txt")
        #expect(text.hasPrefix("Alt text: "), "alt text first")
        // The caption the Word report prints under the same chart, ready to paste under it.
        #expect(
            text.contains(
                "\n\nCaption: Family Star: positive progress made in at least 3 of the 10 domains (%), 2019/20 Q1 to 2020/21 Q1. Leicestershire County Council. Source: "))
        #expect(text.contains("The latest figure is 68.0% in 2020/21 Q1, down 3.8 pts from 71.8% in 2019/20 Q4"))
        #expect(text.contains("1890 × 1063 pixels at 300 dpi (16.0 × 9.0 cm)"))
    }

    @Test func pixelSizesAndAsOf() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let png = scratch.path + "/open-cases.png"
        let result = try run([
            "chart", "cfws/open-cases-total", "--width", "1200", "--height", "600", "--dpi", "96",
            "--as-of", "2019/20 Q4", "-o", png,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let text = read(scratch.path + "/open-cases.txt")
        #expect(text.contains("1200 × 600 pixels at 96 dpi"))
        #expect(text.contains("2019/20 Q4"))
        #expect(!text.contains("2020/21 Q1"))
    }

    @Test func anUnknownIndicatorIsNamedWithASuggestion() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let result = try run(["chart", "cfws/family-star-positive-rat", "-o", scratch.path + "/x.png"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean 'family-star-positive-rate'"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/x.png"))
    }

    @Test func conflictingSizesAreAUsageError() throws {
        #expect(try run(["chart", "cfws/eh-assessments", "--width", "800", "--width-cm", "16"]).status == 2)
        #expect(try run(["chart", "cfws/eh-assessments", "--dpi", "5"]).status == 2)
    }
}
