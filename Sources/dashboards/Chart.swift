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
        16 cm wide and 9 cm high at 300 dpi. Give the size in centimetres (--width-cm, --height-cm) or in pixels \
        (--width, --height); the layout is the same as on the website, scaled to the resolution.
        """)

    @Argument(help: ArgumentHelp("The chart to render, as dashboard-id/indicator-id (e.g. cfws/family-star-positive-rate).", valueName: "dashboard/indicator"))
    var target: String

    @OptionGroup var input: InputOptions

    @OptionGroup var assetOptions: AssetsOptions

    @Option(name: .long, help: ArgumentHelp("Width in pixels.", valueName: "px"))
    var width: Int?

    @Option(name: .customLong("width-cm"), help: ArgumentHelp("Width in centimetres (default 16).", valueName: "cm"))
    var widthCm: Double?

    @Option(name: .long, help: ArgumentHelp("Height in pixels.", valueName: "px"))
    var height: Int?

    @Option(name: .customLong("height-cm"), help: ArgumentHelp("Height in centimetres (default: 9/16 of the width).", valueName: "cm"))
    var heightCm: Double?

    @Option(name: .long, help: ArgumentHelp("Resolution in dots per inch, written into the PNG.", valueName: "n"))
    var dpi = 300

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The PNG to write (default: <indicator-id>.png here).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Draw the chart as it stood at this period.", valueName: "period"))
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

    /// The chart's size: pixels = centimetres / 2.54 × dpi; the layout is in CSS pixels (1/96 inch).
    var size: ChartSize {
        let scale = Double(dpi) / 96
        // Whole pixels first, so the PNG is exactly the size asked for; the layout then has fractional CSS pixels.
        let pixelWidth = (width.map(Double.init) ?? (widthCm ?? 16) / 2.54 * Double(dpi)).rounded()
        let pixelHeight = (height.map(Double.init) ?? heightCm.map { $0 / 2.54 * Double(dpi) } ?? pixelWidth * 9 / 16).rounded()
        return ChartSize(width: pixelWidth / scale, height: pixelHeight / scale, scale: scale, dpi: dpi)
    }

    mutating func run() throws {
        let parts = target.split(separator: "/").map(String.init)
        do {
            let export = try ChartExport.render(input: input.input, assets: assetOptions.path, dashboard: parts[0], indicator: parts[1],
                                                size: size, asOf: asOf?.period)
            Report.print(export.warnings)
            let path = output ?? "\(parts[1]).png"
            let textPath = (path.hasSuffix(".png") ? String(path.dropLast(4)) : path) + ".txt"
            try Data(export.png).write(to: URL(fileURLWithPath: path))
            try Data(export.text.utf8).write(to: URL(fileURLWithPath: textPath))
            Report.line("Wrote \(path) (\(export.pixelWidth) × \(export.pixelHeight) pixels at \(dpi) dpi) and \(textPath)")
        } catch let error as BuildError {
            switch error {
            case .input(let diagnostics), .assets(let diagnostics): Report.print(diagnostics.sorted)
            case .output(let message): Report.line("error: \(message)")
            case .usage(let message):
                Report.line("error: \(message)")
                throw ExitCode(2)
            }
            throw ExitCode(1)
        }
    }
}
