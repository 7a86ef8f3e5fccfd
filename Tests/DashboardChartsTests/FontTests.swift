import Foundation
import Testing

@testable import DashboardCharts

@Suite("Fonts")
struct FontTests {
    @Test func fallsBackToDejaVuWithoutProjectFonts() throws {
        for directory in [nil, "/nonexistent/assets/fonts"] as [String?] {
            let fonts = try ChartFonts.locate(in: directory)
            #expect(fonts == ChartFonts(regular: ChartFonts.dejaVuRegular, bold: ChartFonts.dejaVuBold))
        }
    }

    @Test func prefersAPairInTheProjectFolder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chart-fonts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, target) in [
            ("Brand-Regular.ttf", ChartFonts.dejaVuRegular), ("Brand-Bold.ttf", ChartFonts.dejaVuBold),
            ("Brand-BoldItalic.ttf", ChartFonts.dejaVuBold), ("Brand-Light.ttf", ChartFonts.dejaVuRegular),
        ] {
            try FileManager.default.createSymbolicLink(atPath: directory + "/" + name, withDestinationPath: target)
        }
        let fonts = try ChartFonts.locate(in: directory)
        #expect(fonts.regular == directory + "/Brand-Regular.ttf")
        #expect(fonts.bold == directory + "/Brand-Bold.ttf")
    }

    @Test func aFolderWithOnlyOneWeightIsPassedOver() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chart-fonts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory + "/Brand-Regular.ttf", withDestinationPath: ChartFonts.dejaVuRegular)
        #expect(try ChartFonts.locate(in: directory).regular == ChartFonts.dejaVuRegular)
    }

    @Test func errorSaysWhereItLookedAndWhatToDo() {
        let error = ChartFontError(lookedFor: ["a regular and a bold .ttf or .otf in assets/fonts", "\(ChartFonts.dejaVuRegular) and \(ChartFonts.dejaVuBold)"])
        #expect(error.description.contains("assets/fonts"))
        #expect(error.description.contains(ChartFonts.dejaVuRegular))
        #expect(error.description.contains("apt-get install fonts-dejavu-core"))
    }

    @Test func boldIsWiderThanRegular() {
        let metrics = Shared.renderer.metrics
        let regular = metrics.width("Leicestershire County Council", size: 12, weight: .regular)
        let bold = metrics.width("Leicestershire County Council", size: 12, weight: .bold)
        #expect(regular > 100 && regular < 250)
        #expect(bold > regular)
        #expect(abs(metrics.width("1,363", size: 24, weight: .regular) - 2 * metrics.width("1,363", size: 12, weight: .regular)) < 1e-9)
    }
}
