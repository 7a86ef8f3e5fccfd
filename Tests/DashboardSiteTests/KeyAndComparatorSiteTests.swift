import DashboardCore
import DashboardSite
import Foundation
import Testing

/// A dashboard's own RAG key, separate ratings, named comparators and what changed between builds and editions.
@Suite("RAG keys, comparators and what changed")
struct KeyAndComparatorSiteTests {
    static let keyed = """
        title: Youth justice
        organisation: Test council
        rag_key:
          - {status: Blue, meaning: Exceeding target, colour: "#1d70b8", exceeds_target_by: 5%}
          - {status: Green, meaning: On target}
          - {status: Amber, meaning: Within 5% of target}
          - {status: Red/Amber, meaning: Improving but below target, rule: reported}
          - {status: Red, meaning: Off target}
          - {status: NA, meaning: Not applicable}
        indicators:
          exceeding:
            title: Plans reviewed in time
            unit: percent
            polarity: high
            target: 90%
          meeting:
            title: Assessments in time
            unit: percent
            polarity: high
            target: 90%
          near:
            title: Visits in time
            unit: percent
            polarity: high
            target: 90%
            ratings:
              Impact: {2020/21 Q1: R/A}
          stated:
            title: Reoffending
            unit: rate
            polarity: low
            reported:
              2020/21 Q1: {rag: red/amber}
          information:
            title: Referrals
            unit: count
            polarity: none
            reported:
              2020/21 Q1: {rag: NA}
        """

    static let keyedData = "indicator,2020/21 Q1\nexceeding,95%\nmeeting,91%\nnear,87%\nstated,0.4\ninformation,120\n"

    func keyedSite(_ scratch: Scratch) async throws -> String {
        let input = scratch.dashboard("yj", Self.keyed, files: ["figures.csv": Self.keyedData])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        return output
    }

    @Test func aDashboardsOwnKeyDecidesAndShowsItsStatusesWithTheirNames() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = try await keyedSite(scratch)
        let index = read(output + "/yj/index.html")
        // 95% beats 90% by 5 points, at least 5% of the target (4.5): Blue, in its own colour with white words.
        #expect(
            index.contains(
                "<span class=\"badge badge--keyed\" style=\"background: #1d70b8; color: #ffffff\" title=\"Blue: beats the target of 90% by at least 5% of the target (high is good)\">Blue</span>"
            ),
            "\(index)")
        // 91% meets it: the key's Green, in the site's green; 87% is within the amber band.
        #expect(index.contains("title=\"Green: meets the target of 90% (high is good)\">Green</span>"))
        #expect(index.contains(">Amber</span>"))
        // Stated statuses by name or initials, and a separate rating beside the status.
        #expect(index.contains("title=\"Red/Amber: as reported for 2020/21 Q1\">Red/Amber</span>"))
        #expect(index.contains(">Impact: Red/Amber</span>"))
        #expect(index.contains("title=\"NA: as reported for 2020/21 Q1\">NA</span>"))
        // The key itself, with meanings and how each is given, and the tally in the key's order.
        #expect(index.contains("<h3 class=\"tiles__heading\">RAG key</h3>"))
        #expect(index.contains("<dd>Improving but below target: given only where the paper reports it</dd>"))
        #expect(index.contains("<dd>Exceeding target: given where the figure beats its target by at least 5% of the target</dd>"))
        #expect(index.contains("RAG status: 1 blue, 1 green, 1 amber, 1 red/amber and 1 NA."))
        #expect(read(output + "/yj/near.html").contains("Impact rating: Red/Amber (Improving but below target), as reported"))
        #expect(read(output + "/yj/pack.html").contains("<h3 class=\"tiles__heading\">RAG key</h3>"))
    }

    @Test func aStatusTheKeyDoesNotHaveIsAnErrorWithTheNearest() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("yj", Self.keyed.replacingOccurrences(of: "{rag: NA}", with: "{rag: Ambr}"), files: ["figures.csv": Self.keyedData])
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "dashboard.yml:39:25: error: 'Ambr' is not a status of this dashboard's RAG key ('Blue', 'Green', 'Amber', 'Red/Amber', 'Red', 'NA'); did you mean 'Amber'?"),
            "\(result.stderr)")
        // The standard key says how to declare others.
        scratch.dashboard("yj", Self.keyed.replacingOccurrences(of: "rag_key:", with: "unused_key:"))
        let standard = try run(["validate", "--input", input])
        #expect(
            standard.stderr.contains("'red/amber' is not a status of the RAG key ('Green', 'Amber', 'Red'); a dashboard with other statuses lists them under rag_key:"),
            "\(standard.stderr)")
    }

    @Test func aStatusWhoseNameCannotBeReadOnItsColourIsRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let yellow = Self.keyed.replacingOccurrences(
            of: "{status: Green, meaning: On target}",
            with: "{status: Green, meaning: On target, colour: \"#ffdd00\", text_colour: \"#ffffff\"}")
        let input = scratch.dashboard("yj", yellow, files: ["figures.csv": Self.keyedData])
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("the status 'Green' would be written in #ffffff on #ffdd00, a contrast of 1.3:1; text needs at least 4.5:1"),
            "\(result.stderr)")
    }

    @Test func namedComparatorsWithTheirOwnDatesAreColumnsTheDashboardChooses() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard(
            "send",
            """
            title: EHC plans
            organisation: Test council
            kpi_comparators: [East Midlands, England]
            indicators:
              within-20-weeks:
                title: New EHC plans issued within 20 weeks
                unit: percent
                polarity: high
                comparators:
                  East Midlands: {2020-08: {value: 67.8%, as_at: January 2020}}
                  England:
                    as_at: January 2020
                    figures: {2020-08: 58.7%}
                  YOTs of our choice: {2020-08: 95%}
            """, files: ["figures.csv": "indicator,2020-07,2020-08\nwithin-20-weeks,93%,92%\n"])
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let index = read(output + "/send/index.html")
        #expect(
            index.contains(
                "<th scope=\"col\" class=\"num\" role=\"columnheader\">East Midlands</th>\n<th scope=\"col\" class=\"num\" role=\"columnheader\">England</th>"))
        #expect(index.contains("<td data-label=\"East Midlands\" class=\"num\" role=\"cell\">67.8% (as at January 2020)</td>"))
        #expect(!index.contains("YOTs of our choice"))
        // The indicator page lists every comparator, with its date and the difference judged by polarity.
        let page = read(output + "/send/within-20-weeks.html")
        #expect(page.contains("East Midlands (August 2020, as at January 2020)</th><td>67.8%</td><td>+24.2 pts</td><td>Better</td>"), "\(page)")
        #expect(page.contains("YOTs of our choice (August 2020)</th>"))
        #expect(page.contains("England 58.7% (as at January 2020)"))

        // A column no indicator has is an error, with the nearest name.
        edit(input + "/send/dashboard.yml", replacing: "[East Midlands, England]", with: "[East Midland, England]")
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("dashboard.yml:3:19: error: no indicator has a comparator named 'East Midland'; did you mean 'East Midlands'?"),
            "\(result.stderr)")
    }

    @Test func eachBuildSaysWhatChangedAndEachEditionHasAChangesPage() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let output = scratch.path + "/public"
        let first = try await SiteBuilder.build(options(input: input, output: output))
        #expect(first.changes.isEmpty)  // nothing built before into this output
        edit(input + "/cfws/family-star.csv", replacing: "70.3%,71.8%", with: "70.3%,65.0%")
        let second = try await SiteBuilder.build(options(input: input, output: output))
        #expect(second.changeLines.contains("cfws: 1 revised figure and 1 direction change since the last build"), "\(second.changeLines)")
        #expect(second.changeLines.contains("  Family Star positive progress: 2019/20 Q4 revised from 71.8% to 65.0%"))
        #expect(second.changeLines.contains("  Family Star positive progress: direction Worse → Better"))

        // The latest edition against the 2020/21 Q1 one: the July figures are new.
        let page = read(output + "/cfws/changes.html")
        #expect(page.contains("<h1>What changed since the 2020/21 Q1 edition</h1>"))
        #expect(page.contains("<h2 id=\"changes-newfigure\">New figures</h2>"))
        #expect(
            page.contains(
                "<tr><th scope=\"row\"><a href=\"allocation-pathway.html\">Pathway decisions awaiting allocation</a></th><td>July 2020</td><td class=\"num\">10</td></tr>"),
            "\(page)")
        #expect(read(output + "/cfws/index.html").contains("<a href=\"changes.html\">What changed since the 2020/21 Q1 edition"))
        // The 2020/21 Q1 edition against 2019/20 Q4: the new quarter's figures.
        let q1 = read(output + "/cfws/editions/2020-21-q1/changes.html")
        #expect(q1.contains("What changed since the 2019/20 Q4 edition"))
        #expect(q1.contains("<a href=\"family-star-positive-rate.html\">Family Star positive progress</a></th><td>2020/21 Q1</td><td class=\"num\">68.0%</td>"), "\(q1)")
        // The oldest edition has nothing before it.
        #expect(!FileManager.default.fileExists(atPath: output + "/cfws/editions/2019-20-q3/changes.html"))
    }
}
