import DashboardCore
import DashboardSite
import Foundation
import Testing

/// The KPI table can be downloaded as CSV, in the words and figures the page shows, and read back.
@Suite("KPI table download")
struct KPIDownloadTests {
    @Test func theKPITableIsACSVOfWhatThePageShows() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        #expect(
            read(output + "/children-and-families/index.html").contains(
                "Download the KPI table: <a href=\"kpi.csv\" download>CSV</a> or <a href=\"kpi.xlsx\" download>Excel workbook (.xlsx)</a>"))
        let text = read(output + "/children-and-families/kpi.csv")
        let (records, problems) = CSVReader.read(Array(text.utf8), file: "kpi.csv")
        #expect(problems.isEmpty)
        let heading = try #require(records.first).fields.map(\.text)
        #expect(
            heading == [
                "section", "indicator", "period", "figure", "compared with previous", "change", "target", "RAG status", "RAG rule",
                "national quartile (1 = top)", "Statistical neighbours", "revised", "commentary",
            ])
        // One row for each of the 25 measures, as the table shows them.
        #expect(records.count == 26)
        let row = try #require(records.first { $0.fields.count > 1 && $0.fields[1].text == "Repeat child protection plans" }).fields.map(\.text)
        #expect(row[2...3] == ["2020/21 Q1", "26.4% (62)"])
        #expect(row[6...7] == ["19.1%", "Red"])
        #expect(row[9...10] == ["4", "22.1%"])
        // The paper states every direction here, so no previous figure is in the data and there is no column for
        // one; where the figures give the direction, the figure it was judged against, with its period.
        let cfws = read(output + "/cfws/kpi.csv")
        #expect(cfws.hasPrefix("section,indicator,period,figure,previous figure,previous period,compared with previous,change,"))
        #expect(cfws.contains(",July 2020,50,36,June 2020,"))
        // A change that starts with a minus sign is kept from opening as a formula.
        #expect(read(output + "/cfws/kpi.csv").contains(",'-28 (-2.0%),"))
    }
}
