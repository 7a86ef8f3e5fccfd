@testable import DashboardCore

/// The period-reading helpers the period suites share.
enum PeriodText {
    /// The period a paper's label reads as, with the label kept as written where it differs.
    static func written(_ text: String) -> (Period, String?)? {
        guard case .success(let result) = PeriodParser.parseWritten(text) else { return nil }
        return (result.period, result.written)
    }

    /// Why a label is refused, or nil when it reads.
    static func message(_ text: String) -> String? {
        guard case .failure(let failure) = PeriodParser.parse(text) else { return nil }
        return failure.message
    }
}
