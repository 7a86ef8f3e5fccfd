import DashboardCore
import DashboardSite
import Foundation
import Testing

/// SPC on the pages: Making Data Count icons beside their words, rebased limits said, the moving-range chart.
@Suite("SPC on the pages")
struct SPCPageTests {
    @Test func iconsWordsRebasedLimitsAndTheMovingRangeChart() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/input/spc"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(
            """
            title: Waiting
            organisation: Test council
            indicators:
              waiting:
                title: Children waiting for allocation
                unit: count
                polarity: low
                chart: spc
                target: 120
                spc: {rebase: [2020-05], moving_range_chart: true}
            """, to: folder + "/dashboard.yml")
        let values = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96, 101, 99, 60, 63, 58, 61, 59, 62, 57, 61, 60, 64, 58, 60]
        var months: [String] = []
        for index in values.indices {
            let month = 5 + index
            months.append(String(format: "%04d-%02d", 2019 + (month - 1) / 12, (month - 1) % 12 + 1))
        }
        write("indicator,period,value\n" + zip(months, values).map { "waiting,\($0),\($1)" }.joined(separator: "\n") + "\n", to: folder + "/waiting.csv")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: scratch.path + "/input", output: output))

        let index = read(output + "/spc/index.html")
        // The icons repeat the words beside them, so their alt text is empty; the words are always there.
        #expect(index.contains(#"<img class="spc-icon" src="../assets/spc/spc-common-cause.png" srcset="../assets/spc/spc-common-cause@2x.png 2x" width="32" height="32" alt="">"#))
        #expect(index.contains(#"src="../assets/spc/spc-assurance-pass.png""#))
        #expect(index.contains("Common cause; consistently passes"))
        for icon in ["spc-common-cause.png", "spc-improvement-low@2x.png", "spc-assurance-hit-and-miss.png"] {
            #expect(FileManager.default.fileExists(atPath: output + "/assets/spc/" + icon), "\(icon)")
        }

        let page = read(output + "/spc/waiting.html")
        // The judgement is from the latest stretch, and says so.
        #expect(page.contains("<strong>Common cause variation: no significant change, against the process since the change in process in May 2020</strong>"))
        #expect(page.contains("<strong>Assurance: the process will consistently meet the target</strong>"))
        #expect(page.contains("The limits are worked afresh from each change in the process (rebased): May 2019 to April 2020: mean 100.0"))
        #expect(page.contains("May 2020 to April 2021 (after a change in process): mean 60.3"))
        #expect(page.contains("Trial limits: the mean and limits rest on 12 figures (fewer than 13), so they will change as figures are added."))
        #expect(page.contains("<h3>Moving ranges</h3>"))
        #expect(page.contains(#"src="charts/waiting-mr-wide.png""#))
        #expect(page.contains("alt=\"Moving-range chart of Children waiting for allocation: each figure&#39;s difference from the one before, May 2019 to April 2021."))
        #expect(
            page.contains(
                "<th scope=\"row\">May 2020</th><td class=\"num\">60</td><td class=\"num\">none</td><td>First figure, or the first after a gap or a change in process</td>"))
        #expect(FileManager.default.fileExists(atPath: output + "/spc/charts/waiting-mr-print.png"))
        #expect(FileManager.default.fileExists(atPath: output + "/spc/charts/waiting-mr-phone.png"))
    }
}
