import ArgumentParser
import DashboardCharts
import DashboardCore
import DashboardSite
import Foundation

struct Chart: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one indicator's chart for a committee report, with its caption and alt text beside it.",
        discussion: """
            Writes a PNG with its resolution (DPI) set, so Word and PDF tools place it at its physical size, and a \
            .txt file of the same name holding the caption, the alt text and the source. By default the chart is \
            15.9 cm wide (the text column of A4 with 2.54 cm margins) and 9/16 as high (at least 7.5 cm, and square when narrower) at 300 dpi. \
            Give the size in centimetres (--width-cm, --height-cm) or in pixels (--width, --height). Text is set in \
            points: as large as the space allows and never below 7 pt; a size too small for that is refused (exit \
            status 2) with the smallest size the chart can be drawn at.
            """)

    @Argument(help: ArgumentHelp("The chart to render, as dashboard-id/indicator-id (e.g. cfws/family-star-positive-rate).", valueName: "dashboard/indicator"))
    var target: String

    @OptionGroup var input: InputOptions

    @OptionGroup var assetOptions: AssetsOptions

    @Option(name: .long, help: ArgumentHelp("Width in pixels.", valueName: "px"))
    var width: Int?

    @Option(name: .customLong("width-cm"), help: ArgumentHelp("Width in centimetres (default 15.9).", valueName: "cm"))
    var widthCm: Double?

    @Option(name: .long, help: ArgumentHelp("Height in pixels.", valueName: "px"))
    var height: Int?

    @Option(name: .customLong("height-cm"), help: ArgumentHelp("Height in centimetres (default: 9/16 of the width, at least 7.5 cm or the width).", valueName: "cm"))
    var heightCm: Double?

    @Option(name: .long, help: ArgumentHelp("Resolution in dots per inch, written into the PNG.", valueName: "n"))
    var dpi = 300

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PNG to write (default: <indicator-id>.png here).", valueName: "file"))
    var output: String?

    @Option(
        name: .customLong("layout-json"),
        help: ArgumentHelp("Also write the laid-out chart (image size, plot area, every text's box, in pixels of the PNG) as JSON.", valueName: "file"))
    var layoutJSON: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Draw the chart as it stood at this period.", valueName: "period"), transform: PeriodArgument.parse)
    var asOf: PeriodArgument?

    func validate() throws {
        if width != nil && widthCm != nil { throw ValidationError("give the width once: --width or --width-cm") }
        if height != nil && heightCm != nil { throw ValidationError("give the height once: --height or --height-cm") }
        guard (72...1200).contains(dpi) else { throw ValidationError("--dpi must be from 72 to 1200") }
        if let width, !(16...10_000).contains(width) { throw ValidationError("--width must be from 16 to 10000 pixels") }
        if let height, !(16...10_000).contains(height) { throw ValidationError("--height must be from 16 to 10000 pixels") }
        if let widthCm, !(1...100).contains(widthCm) { throw ValidationError("--width-cm must be from 1 to 100") }
        if let heightCm, !(1...100).contains(heightCm) { throw ValidationError("--height-cm must be from 1 to 100") }
        let parts = target.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ Identifier.isValid(String($0)) }) else {
            throw ValidationError("name the chart as dashboard-id/indicator-id, e.g. cfws/family-star-positive-rate")
        }
    }

    /// The chart's size, as `PrintGeometry` makes every printed chart's.
    var size: ChartSize {
        PrintGeometry.chartSize(widthPixels: width, widthCm: widthCm, heightPixels: height, heightCm: heightCm, dpi: dpi)
    }

    mutating func run() throws {
        let parts = target.split(separator: "/").map(String.init)
        do {
            let export = try ChartExport.render(
                input: input.input, assets: assetOptions.path, dashboard: parts[0], indicator: parts[1],
                size: size, asOf: asOf?.period)
            Report.print(export.warnings)
            let path = output ?? "\(parts[1]).png"
            let textPath = (path.hasSuffix(".png") ? String(path.dropLast(4)) : path) + ".txt"
            try Data(export.png).write(to: URL(fileURLWithPath: path))
            try Data(export.text.utf8).write(to: URL(fileURLWithPath: textPath))
            if let layoutJSON { try Data(export.layoutJSON.utf8).write(to: URL(fileURLWithPath: layoutJSON)) }
            Report.line("Wrote \(path) (\(export.pixelWidth) × \(export.pixelHeight) pixels at \(dpi) dpi) and \(textPath)")
        } catch let error as ChartLayoutError {
            Report.line("error: \(error)")
            throw ExitCode(2)
        } catch let error as BuildError {
            throw Failure.report(error)
        }
    }
}
