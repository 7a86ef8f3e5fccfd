import DashboardSite
import Foundation
import Testing

/// A figure is shown as the paper printed it: its decimals and, where the paper gave them, its numerator and
/// denominator, which tell a member how few children a percentage is of.
@Suite("Figures as printed")
struct PrintedPrecisionTests {
    @Test func countsAreShownWithTheirDenominatorAsPrinted() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard(
            "d",
            """
            title: Precision
            organisation: Test council
            indicators:
              seen:
                title: Children seen within 10 days
                unit: percent
                polarity: high
                decimals: 0
              plans:
                title: Plans on time
                unit: percent
                polarity: high
            """,
            files: ["d.csv": "indicator,2019/20 Q1,2019/20 Q2\nseen,3 of 6 (50%),4 of 7 (57%)\nplans,4/18 (22.2%),24 of 39\n"])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let index = read(output + "/d/index.html")
        // The latest figures in the KPI table, and the previous ones on the indicator pages' tables.
        #expect(index.contains("4 of 7 (57%)"))
        #expect(!index.contains("57% (4)"))
        #expect(index.contains("24 of 39 (61.5%)"))
        #expect(read(output + "/d/seen.html").contains("3 of 6 (50%)"))
        #expect(read(output + "/d/plans.html").contains("4/18 (22.2%)"))
    }
}
