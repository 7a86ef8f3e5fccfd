import Foundation
import Testing

/// `spend_chart:` in the Word report: the chart with its alt text, its caption and the table of every member.
/// Spend 2020-21: Aville 900, Bton 700, Cford 800 (median 800); re-referrals (lower is better) 20, 10, 30
/// (median 20): Aville has high spend and performance at the median.
@Suite("Performance against spend in the Word report")
struct SpendChartReportTests {
    static let files = [
        "lait.csv": """
        Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region
        ReReferral,Re-referrals,2020-21,Aville,20,1.0,North East
        ReReferral,Re-referrals,2020-21,Bton,10,2.0,North East
        ReReferral,Re-referrals,2020-21,Cford,30,3.0,North East
        SpendPerHead,Spend per head,2020-21,Aville,900,1.0,North East
        SpendPerHead,Spend per head,2020-21,Bton,700,2.0,North East
        SpendPerHead,Spend per head,2020-21,Cford,800,3.0,North East

        """,
        "sn.csv": "LA num,LA Name,GOReg,SN1,SN2\n1,Aville,North East,2,3\n",
        "dictionary.csv": "Measure_short,Polarity,dps,Year_Type,No_Quartile\nReReferral,Low,,,\n",
        "counties.txt": "# Counties\nAville\nBton\nCford\n",
        "kpis.csv": "indicator,2019/20,2020/21\nrereferral,12%,20%\n",
    ]

    static let yml = """
        title: Q3 dashboard
        organisation: Aville council
        authority: {name: Aville, neighbours: sn.csv, dictionary: dictionary.csv}
        comparator_groups: {Counties: counties.txt}
        indicators:
          rereferral:
            title: Re-referrals within a year
            unit: percent
            polarity: low
            benchmarks: {from: lait.csv, measure: ReReferral, group: Counties}
        spend_chart: {from: lait.csv, spend: SpendPerHead, performance: ReReferral, group: Counties}
        """

    @Test func theReportHasTheChartItsAltTextAndTheTable() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("q3", Self.yml, files: Self.files)
        let path = scratch.path + "/q3.docx"
        let result = try run(["report", "q3", "--input", input, "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let docx = try Docx(path: path)
        let xml = String(decoding: try #require(docx.parts["word/document.xml"]), as: UTF8.self)
        #expect(xml.contains("Re-referrals within a year against spend among counties"))
        #expect(xml.contains("Aville council spends £900 with 20.0%: high spend, median performance against the group"))
        #expect(xml.contains("every member&apos;s figures and quadrant") || xml.contains("every member's figures and quadrant"))
        #expect(xml.contains(">Group median<"))
    }
}
