import DashboardCore
import DashboardSite
import Foundation
import Testing

/// `benchmarks: {from: …, measure: …, group: Counties}`: the KPI table's quartile says the group, and the
/// benchmarking page lists each measure's rank within it, the average rank and its rank, now and a year before.
/// The figures below are worked by hand.
@Suite("Comparator groups in the site")
struct GroupBenchmarkSiteTests {
    // EET (High): 2020-21 Aville 60, Bton 50, Cford 40, Dham 30 in the group (Eham 90 is not): Aville 1st of 4;
    // quartiles 37.5, 45, 52.5, so band A. 2019-20: Aville 55, Bton 45, Cford -, Dham 58: Aville 2nd of 3.
    // ReReferral (Low): 2020-21 Aville 20, Bton 10, Cford 30, Dham 15: Aville 3rd of 4; quartiles 13.75, 17.5,
    // 22.5, so band C. 2019-20: 12, 14, 16, 18: Aville 1st.
    // Average rank 2020-21: Aville (1 + 3) / 2 = 2, Bton 1.5, Cford 3.5, Dham 3: Aville 2nd of 4. 2019-20: Aville
    // (2 + 1) / 2 = 1.5, Bton 2.5, Dham 2.5 (Cford has one measure, so is not ranked): Aville 1st of 3.
    static let lait = """
        Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region
        CareLeaverEET,EET,2019-20,Aville,55,1.0,North East
        CareLeaverEET,EET,2019-20,Bton,45,2.0,North East
        CareLeaverEET,EET,2019-20,Cford,-,3.0,North East
        CareLeaverEET,EET,2019-20,Dham,58,4.0,North East
        CareLeaverEET,EET,2019-20,Eham,90,5.0,North East
        CareLeaverEET,EET,2020-21,Aville,60,1.0,North East
        CareLeaverEET,EET,2020-21,Bton,50,2.0,North East
        CareLeaverEET,EET,2020-21,Cford,40,3.0,North East
        CareLeaverEET,EET,2020-21,Dham,30,4.0,North East
        CareLeaverEET,EET,2020-21,Eham,90,5.0,North East
        ReReferral,Re-referrals,2019-20,Aville,12,1.0,North East
        ReReferral,Re-referrals,2019-20,Bton,14,2.0,North East
        ReReferral,Re-referrals,2019-20,Cford,16,3.0,North East
        ReReferral,Re-referrals,2019-20,Dham,18,4.0,North East
        ReReferral,Re-referrals,2020-21,Aville,20,1.0,North East
        ReReferral,Re-referrals,2020-21,Bton,10,2.0,North East
        ReReferral,Re-referrals,2020-21,Cford,30,3.0,North East
        ReReferral,Re-referrals,2020-21,Dham,15,4.0,North East
        ReReferral,Re-referrals,2020-21,Eham,5,5.0,North East

        """

    static func yml(group: String = "Counties") -> String {
        """
        title: Q3 dashboard
        organisation: Aville council
        authority: {name: Aville, neighbours: sn.csv, dictionary: dictionary.csv}
        comparator_groups: {Counties: counties.txt}
        indicators:
          eet:
            title: Care leavers in education, employment or training
            unit: percent
            polarity: high
            benchmarks: {from: lait.csv, measure: CareLeaverEET, group: \(group)}
          rereferral:
            title: Re-referrals within a year
            unit: percent
            polarity: low
            benchmarks: {from: lait.csv, measure: ReReferral, group: \(group)}
        """
    }

    static let files = [
        "lait.csv": lait,
        "sn.csv": "LA num,LA Name,GOReg,SN1,SN2\n1,Aville,North East,2,3\n",
        "dictionary.csv": "Measure_short,Polarity,dps,Year_Type,No_Quartile\nCareLeaverEET,High,,,\nReReferral,Low,,,\n",
        "counties.txt": "# Counties\nAville\nBton\nCford\nDham\n",
        "kpis.csv": "indicator,2019/20,2020/21\neet,56%,61%\nrereferral,12%,20%\n",
    ]

    @Test func theKPITableAndTheBenchmarkingPageSayTheGroup() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("q3", Self.yml(), files: Self.files)
        let output = scratch.path + "/public"
        let report = try await SiteBuilder.build(options(input: input, output: output))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let index = read(output + "/q3/index.html")
        #expect(index.contains("1st quartile of 4 counties"), "\(index)")
        #expect(index.contains("3rd quartile of 4 counties"))
        // The column is not called national when its rows are within the group.
        #expect(index.contains("role=\"columnheader\">Quartile (1st\u{A0}=\u{A0}top)</th>"))
        #expect(!index.contains("columnheader\">National quartile"))
        #expect(read(output + "/q3/kpi.csv").contains(",quartile (1st = top),"))
        #expect(index.contains("href=\"benchmarking.html\""))
        let page = read(output + "/q3/benchmarking.html")
        let rows = page.components(separatedBy: "<tr>").map { $0.replacingOccurrences(of: "</td>", with: "|") }
        #expect(rows.contains { $0.contains("Care leavers") && $0.contains("<td>2020-21|<td>1st of 4 counties|<td>1st|<td>2019-20|<td>2nd of 3 counties|<td>up 1 place|") })
        #expect(rows.contains { $0.contains("Re-referrals") && $0.contains("<td>3rd of 4 counties|<td>3rd|<td>2019-20|<td>1st of 4 counties|<td>down 2 places|") })
        #expect(rows.contains { $0.contains("Average rank") && $0.contains("<td>2.0|") && $0.contains("<td>1.5|") })
        #expect(
            rows.contains {
                $0.contains("Rank of average rank") && $0.contains("<td>2nd of 4 counties with every measure|")
                    && $0.contains("<td>1st of 3 counties with every measure|<td>down 1 place|")
            }, "\(page)")
        let indicator = read(output + "/q3/eet.html")
        #expect(indicator.contains("Rank among counties"))
        #expect(indicator.contains("1st of 4 counties (1st quartile), 2020-21"))
    }

    @Test func anUnknownGroupOrAnAuthorityOutsideItIsAnError() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        for (yml, files, words) in [
            (Self.yml(group: "Countys"), Self.files, "there is no comparator group 'Countys' (comparator_groups: names Counties); did you mean 'Counties'?"),
            (Self.yml(), Self.files.merging(["counties.txt": "# Counties\nBton\nCford\n"]) { $1 }, "Aville is not in the comparator group 'Counties' (counties.txt)"),
        ] {
            let input = scratch.dashboard("q3", yml, files: files)
            do {
                _ = try await SiteBuilder.build(options(input: input, output: scratch.path + "/public"))
                Issue.record("the build accepted it")
            } catch BuildError.input(let diagnostics) {
                let errors = diagnostics.errors.map(\.description)
                #expect(errors.contains { $0.contains("dashboard.yml:") && $0.contains(words) }, "\(errors)")
            }
        }
    }
}
