import DashboardCore
import DashboardSite
import Foundation
import Testing

/// Sites built from Excel workbooks and from comparators computed from a benchmark file.
@Suite("Workbooks and benchmark files in a build")
struct WorkbookSiteTests {
    static let workbook = repositoryRoot + "/Tests/DashboardInputTests/Fixtures/kpis.xlsx"

    static let indicators = """
        indicators:
          assessments-45-days:
            title: Assessments completed within 45 working days
            unit: percent
            polarity: high
          looked-after:
            title: Children looked after
            unit: count
            polarity: low
          care-leavers-eet:
            title: Care leavers in education, employment or training
            unit: percent
            polarity: high
        """

    @Test func aWorkbookWithATitleRowMergedHeadingAndHiddenSheetBuilds() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/input/q3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.workbook, toPath: folder + "/kpis.xlsx")
        write(
            """
            title: Q3 dashboard
            organisation: Test council
            data:
              - {file: kpis.xlsx, sheet: Q3 dashboard, header_rows: 2}
            \(Self.indicators)
            """, to: folder + "/dashboard.yml")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: scratch.path + "/input", output: output))
        let page = read(output + "/q3/assessments-45-days.html")
        #expect(page.contains("94.9%"))
        #expect(page.contains("2024/25 Q3"))
        #expect(read(output + "/q3/looked-after.html").contains("1,074"))
    }

    @Test func aChangedBenchmarkFileRebuildsTheDashboard() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/input/q3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(
            """
            title: Q3 dashboard
            organisation: Aville council
            authority: {name: Aville, neighbours: sn.csv}
            indicators:
              care-leavers-eet:
                title: Care leavers in education, employment or training
                unit: percent
                polarity: high
                benchmarks: {from: lait.csv, measure: CareLeaverEET}
            """, to: folder + "/dashboard.yml")
        write("indicator,2019/20,2020/21\ncare-leavers-eet,56%,61%\n", to: folder + "/kpis.csv")
        write("LA num,LA Name,GOReg,SN1,SN2\n1,Aville,North East,2,3\n", to: folder + "/sn.csv")
        let lait = """
            Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region
            CareLeaverEET,x,2020-21,Aville,60,1,North East
            CareLeaverEET,x,2020-21,Bton,50,2,North East
            CareLeaverEET,x,2020-21,Cford,40,3,North East
            CareLeaverEET,x,2020-21,England,53,970,NA

            """
        write(lait, to: folder + "/lait.csv")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: scratch.path + "/input", output: output))
        let before = read(output + "/q3/care-leavers-eet.html")
        #expect(before.contains("<td>45%</td>"))  // the neighbours' average of 50 and 40
        // The indicator page shows the neighbours' own figures behind that average.
        let neighbours = before.components(separatedBy: "<h2>Statistical neighbours</h2>").dropFirst().first ?? ""
        #expect(neighbours.contains("<th scope=\"row\">Bton</th><td class=\"num\">50%</td>"))
        #expect(neighbours.contains("<th scope=\"row\">Cford</th><td class=\"num\">40%</td>"))
        #expect(neighbours.contains("Average of the 2 of 2 with a figure"))
        write(lait.replacingOccurrences(of: "Bton,50", with: "Bton,70"), to: folder + "/lait.csv")
        let report = try await SiteBuilder.build(options(input: scratch.path + "/input", output: output))
        #expect(!report.upToDate)
        let after = read(output + "/q3/care-leavers-eet.html")
        #expect(after != before)
        #expect(after.contains("<td>55%</td>"))
        #expect(after.contains("<th scope=\"row\">Bton</th><td class=\"num\">70%</td>"))
    }
}
