import ArgumentParser
import DashboardSite

/// How every command tells a failed build and which status it exits with: the one mapping from `BuildError`.
enum Failure {
    /// Prints the error (every diagnostic, errors first; or the one message) and what was left as it was, and
    /// returns the exit status: 2 for options that cannot work together, 1 for anything else.
    /// - Parameters:
    ///   - untouchedByInput: said after problems in the input or assets ("Nothing was written.").
    ///   - untouchedByOutput: said after the output could not be written ("The previous public/ is as it was.").
    static func report(_ error: BuildError, untouchedByInput: String? = nil, untouchedByOutput: String? = nil) -> ExitCode {
        switch error {
        case .input(let diagnostics), .assets(let diagnostics):
            Report.print(diagnostics.sorted)
            if let untouchedByInput { Report.line(untouchedByInput) }
            return ExitCode(1)
        case .output, .failed:
            Report.line("error: \(error)")
            if let untouchedByOutput { Report.line(untouchedByOutput) }
            return ExitCode(1)
        case .usage(let message):
            Report.line("error: \(message)")
            return ExitCode(2)
        }
    }
}
