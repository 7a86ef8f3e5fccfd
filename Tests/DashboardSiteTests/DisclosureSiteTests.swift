import DashboardSite
import Foundation
import TestSupport
import Testing

/// A dashboard built under `disclosure: {min_count: 5}`: the small counts and the one that would give a small
/// count back are `c` on the page, in the downloads and in the alt text, and no judgement is made from them.
@Suite("Disclosure control in the site")
struct DisclosureSiteTests {
    static let yml = """
        title: Child exploitation
        organisation: Test Council
        disclosure: {min_count: 5}
        indicators:
          referrals:
            title: Exploitation referrals
            unit: count
            polarity: none
            chart: stacked
            parts: [girls, boys]
          girls:
            title: Referrals of girls
            unit: count
            polarity: none
          boys:
            title: Referrals of boys
            unit: count
            polarity: none
        """

    static let figures = """
        indicator,period,value
        referrals,2020/21 Q1,32
        referrals,2020/21 Q2,40
        girls,2020/21 Q1,12
        girls,2020/21 Q2,3
        boys,2020/21 Q1,20
        boys,2020/21 Q2,37
        """

    @Test func smallCountsAndWhatWouldGiveThemAwayAreSuppressedInEveryOutput() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("cce", Self.yml, files: ["referrals.csv": Self.figures])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))

        let girls = read(output + "/cce/girls.csv")
        let boys = read(output + "/cce/boys.csv")
        #expect(girls.contains("2020/21 Q1,12"), "\(girls)")
        #expect(girls.contains("2020/21 Q2,c"), "\(girls)")
        #expect(boys.contains("2020/21 Q2,c"), "\(boys)")
        #expect(!girls.contains("2020/21 Q2,3"), "\(girls)")
        #expect(!boys.contains("2020/21 Q2,37"), "\(boys)")

        let page = read(output + "/cce/girls.html")
        #expect(!page.contains(">3<"), "the small count is on the page")
        #expect(page.contains("suppressed"), "the page says the figure is suppressed")
        // No direction from a suppressed figure: 12 to c is neither up nor down.
        #expect(!page.contains("down from 12"))
        let kpi = read(output + "/cce/kpi.csv")
        #expect(!kpi.contains(",3,") && !kpi.contains(",37,"), "\(kpi)")
        // The total stays: 40 alone gives neither part back.
        #expect(read(output + "/cce/referrals.csv").contains("2020/21 Q2,40"))
    }
}
