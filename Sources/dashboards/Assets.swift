import ArgumentParser
import Foundation

/// Where the templates, stylesheet and chart fonts are: `--assets`, else beside the installed binary
/// (`PREFIX/share/dashboards` for `PREFIX/bin/dashboards`, as `make install` lays them out), else in the package
/// this binary was built from, else `assets` in the current folder. So `dashboards` works from any folder.
struct AssetsOptions: ParsableArguments {
    @Option(
        name: .customLong("assets"),
        help: ArgumentHelp("Templates, stylesheet and chart fonts (default: installed beside the program, or the package's assets/).", valueName: "dir"))
    var given: String?

    var path: String { given ?? AssetsOptions.installed ?? "assets" }

    /// The first of the default places that holds the stylesheet.
    static let installed: String? = {
        var candidates: [String] = []
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let bin = URL(fileURLWithPath: executable).deletingLastPathComponent()
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/dashboards").path)
        }
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { package.deleteLastPathComponent() }
        candidates.append(package.appendingPathComponent("assets").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/css/site.css") }
    }()
}
