import ArgumentParser
import DashboardCore
import DashboardSite
import Foundation

@main
struct Dashboards: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboards",
        abstract: "Build accessible performance dashboards and print-ready charts from plain data files.",
        discussion: """
            Each dashboard is a folder under the input folder holding dashboard.yml and its CSV files \
            (see docs/data-format.md). Exit status: 0 success, 1 problems in the data, 2 wrong usage.
            """,
        version: DashboardsVersion.string,
        subcommands: [Build.self, Serve.self, Validate.self, Init.self, Freeze.self, Chart.self, ReportCommand.self, Benchmark.self, BenchChart.self],
        defaultSubcommand: Build.self)

    /// Wrong usage exits 2 (the argument parser's own default is 64), so scripts can tell it from bad data (1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every command that reads input shares.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding one sub-folder per dashboard.", valueName: "dir"))
    var input = "dashboards"

    /// A missing or unreadable input folder is wrong usage (exit 2), not a problem in the data.
    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw ValidationError("the input folder \(Report.visible(input)) does not exist; run in the folder that holds dashboards/, or pass --input")
        }
        guard isDirectory.boolValue else { throw ValidationError("--input \(Report.visible(input)) is a file; name the folder that holds one folder per dashboard") }
        guard FileManager.default.isReadableFile(atPath: input), (try? FileManager.default.contentsOfDirectory(atPath: input)) != nil else {
            throw ValidationError("the input folder \(Report.visible(input)) cannot be read; check its permissions")
        }
    }
}

/// A period given on the command line, read by the same rules as the data files.
/// A period given on the command line, read as dashboard.yml reads one; a period it cannot read is refused with
/// the reason ("a year has four quarters"), not only "invalid".
struct PeriodArgument {
    var period: Period

    static func parse(_ argument: String) throws -> PeriodArgument {
        switch PeriodParser.parse(argument) {
        case .success(let period): return PeriodArgument(period: period)
        case .failure(let failure): throw ValidationError(failure.message)
        }
    }
}

/// Prints diagnostics compiler-style to standard error, then a count.
enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        var text = diagnostics.map { visible($0.description) }.joined(separator: "\n") + "\n"
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        text += counts.joined(separator: ", ") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func line(_ text: String) {
        FileHandle.standardError.write(Data((visible(text) + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Text from file names, keys and messages as it can safely reach a terminal: control characters (ESC,
    /// BEL, a line break inside a folder name) and bidirectional overrides are shown as `\u{…}` escapes, so
    /// input can neither drive the terminal nor forge a diagnostic line.
    static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || (0x7F...0x9F).contains(value)
            let bidi = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            if control || bidi {
                result += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
