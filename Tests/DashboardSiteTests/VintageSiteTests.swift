import DashboardCore
import DashboardSite
import Foundation
import Testing

/// Figures with vintages: `--as-of` shows what had been published by then; the latest edition shows the latest
/// published and lists the earlier.
@Suite("Vintages in a build")
struct VintageSiteTests {
    /// The youth justice figures the 2020/21 Q1 committee saw (first-time entrants 30, re-offending 0.51, custody
    /// 2) and their later revisions (21, 0.4, 0), the revisions in a file whose `data:` entry dates them.
    func input(_ scratch: Scratch) throws -> String {
        let folder = scratch.path + "/input/yjs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(
            """
            title: Youth justice
            organisation: Test council
            data:
              - {file: revised.csv, published: 2021-06-15, source: YJB return}
            indicators:
              first-time-entrants:
                title: First-time entrants to the youth justice system
                unit: count
                polarity: low
              reoffending:
                title: Re-offences per re-offender
                unit: ratio
                polarity: low
              custody:
                title: Use of custody
                unit: count
                polarity: low
            """, to: folder + "/dashboard.yml")
        write(
            """
            indicator,period,value,published,source
            first-time-entrants,2019/20 Q4,28,2020-06-10,June 2020 committee report
            first-time-entrants,2020/21 Q1,30,2020-09-01,September 2020 committee report
            reoffending,2020/21 Q1,0.51,2020-09-01,September 2020 committee report
            custody,2020/21 Q1,2,2020-09-01,September 2020 committee report

            """, to: folder + "/published.csv")
        write(
            "indicator,period,value\nfirst-time-entrants,2020/21 Q1,21\nreoffending,2020/21 Q1,0.40\ncustody,2020/21 Q1,0\n",
            to: folder + "/revised.csv")
        return scratch.path + "/input"
    }

    @Test func asOfShowsWhatWasPublishedByThenAndTheLatestListsTheEarlier() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = try input(scratch)
        let q1 = Period.quarter(financialYear: 2020, quarter: 1)

        let asOf = scratch.path + "/as-of"
        _ = try await SiteBuilder.build(options(input: input, output: asOf, asOf: q1))
        let fte = read(asOf + "/yjs/first-time-entrants.html")
        // The finding names the figure as published by then.
        let lede = fte.components(separatedBy: "<p class=\"lede\">").dropFirst().first?.components(separatedBy: "</p>").first ?? ""
        #expect(lede.contains("30 in 2020/21 Q1"))
        #expect(!fte.contains(">21<"))
        let index = read(asOf + "/yjs/index.html")
        #expect(index.contains(">0.51<") && !index.contains(">0.40<"))

        let latest = scratch.path + "/latest"
        _ = try await SiteBuilder.build(options(input: input, output: latest))
        let page = read(latest + "/yjs/first-time-entrants.html")
        #expect(page.contains(">21<"))
        #expect(page.contains("Published earlier as 30 (1 September 2020, September 2020 committee report)"))
        let kpis = read(latest + "/yjs/index.html")
        #expect(kpis.contains("(published earlier as 2 (1 September 2020, September 2020 committee report))"))
        let download = read(latest + "/yjs/first-time-entrants.csv")
        #expect(
            download.contains(
                "first-time-entrants,2020/21 Q1,30,,,,2020-09-01,September 2020 committee report,,,,\r\n"
                    + "first-time-entrants,2020/21 Q1,21,,,,2021-06-15,YJB return,12.99,32.10,95%,Byar's method\r\n"))
    }
}
