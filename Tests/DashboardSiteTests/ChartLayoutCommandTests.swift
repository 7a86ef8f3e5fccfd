import Foundation
import Testing

/// `dashboards chart` at report sizes: the default fits Word's A4 text column, a chart too small to read is
/// refused with the size it needs, and `--layout-json` shows where every text went.
@Suite("The chart command's sizes and layout")
struct ChartLayoutCommandTests {
    @Test func defaultIsTheWidthOfAnA4TextColumn() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let result = try run(["chart", "cfws/family-star-positive-rate", "-o", scratch.path + "/c.png"])
        #expect(result.status == 0, "\(result.stderr)")
        // 15.9 cm at 300 dpi is 1878 pixels; 9/16 of it is 1056.
        #expect(read(scratch.path + "/c.txt").contains("1878 × 1056 pixels at 300 dpi (15.9 × 8.9 cm)"))
    }

    @Test func tooSmallIsRefusedWithExitTwoNamingTheSmallestSize() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let png = scratch.path + "/c.png"
        let result = try run(["chart", "cfws/family-star-positive-rate", "--width-cm", "4", "--height-cm", "3", "-o", png])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a chart of 4.0 × 3.0 cm at 300 dpi is too small to read; the smallest this chart can be drawn is "))
        #expect(!result.stderr.contains("Wrote"))
        #expect(!FileManager.default.fileExists(atPath: png))
    }

    @Test func layoutJSONGivesEveryTextInPixelsOfThePNG() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let result = try run([
            "chart", "cfws/family-star-positive-rate", "--width-cm", "8", "-o", scratch.path + "/c.png",
            "--layout-json", scratch.path + "/c.json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let data = try #require(FileManager.default.contents(atPath: scratch.path + "/c.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // 8 cm at 300 dpi: 945 pixels wide; 7.5 cm high.
        #expect(json["width"] as? Int == 945)
        #expect(json["height"] as? Int == 886)
        let texts = try #require(json["texts"] as? [[String: Any]])
        let title = try #require(texts.first { ($0["role"] as? String) == "title" })
        #expect((title["text"] as? String)?.hasPrefix("Family Star") == true)
        // 7 pt at 300 dpi is 29 pixels; every text's box is at least that tall.
        #expect(texts.allSatisfy { ($0["h"] as? Double ?? 0) >= 29 })
        let plot = try #require(json["plot"] as? [String: Double])
        #expect(plot["w"]! * plot["h"]! >= 945.0 * 886 / 3)
    }
}
