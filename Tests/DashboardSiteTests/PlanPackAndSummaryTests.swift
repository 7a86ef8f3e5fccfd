import DashboardCore
import DashboardSite
import Foundation
import Testing

/// The action plan in the printed pack, and an Ofsted (ILACS) plan's per-area summary on its plan page (the
/// children-and-families example's illustrative plan).
@Suite("Action plans in the pack and by area")
struct PlanPackAndSummaryTests {
    @Test func theOfstedPlanPageShowsActivityAndImpactByArea() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let page = read(output + "/children-and-families/plan.html")
        #expect(page.contains("<h1>Ofsted improvement plan</h1>"))
        #expect(page.contains("Illustrative rows in the shape of an Ofsted (ILACS) improvement plan"))
        // The heading rows are the areas; overdue computed on 30 June 2020 (2020/21 Q1), Blue being complete.
        #expect(page.contains("<h2 id=\"area-1\">Area for improvement 1: The timeliness of early help allocation after a referral</h2>"))
        #expect(page.contains("<h2 id=\"overdue\">Overdue: 1</h2>"))
        #expect(page.contains("7 actions: 1 Blue (completed), 1 Red (off track), 2 Amber (at risk of slipping) and 3 Green (on track)."), "\(page)")
        let table = try #require(page.range(of: "<h2 id=\"plan-areas\">Activity and impact by area</h2>"))
        let contents = try #require(page.range(of: "<nav class=\"contents\""))
        let areas = String(page[table.lowerBound..<contents.lowerBound])
        #expect(areas.contains("<th scope=\"row\"><a href=\"#area-2\">Area for improvement 2: The consistency of assessments and plans for children in need</a></th>"))
        // Ratings in words beside their colour, never by colour alone.
        #expect(areas.contains(">Red</span> <span class=\"plan__meaning\">off track</span>"))
        #expect(areas.contains("<td>Monthly audit grades; single assessments within 45 working days; repeat child protection plans</td>"))
        // Each area's own ratings above its actions.
        #expect(page.contains("<dl class=\"plan__area-summary\"><dt>Activity</dt><dd>Red – off track</dd><dt>Impact</dt><dd>Amber – at risk of slipping</dd>"))
        // The indicator page links its action.
        #expect(read(output + "/children-and-families/single-assessments-45-days.html").contains("plan.html#action-2-1"))
    }

    @Test func thePackEndsWithThePlansCountsKeyAndTable() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let pack = read(output + "/send/pack.html")
        let start = try #require(pack.range(of: "<section class=\"pack-section pack-plan\" aria-labelledby=\"pack-plan\">"))
        let plan = String(pack[start.lowerBound...])
        let lastPart = try #require(pack.range(of: "<article class=\"pack-part\"", options: .backwards))
        #expect(lastPart.lowerBound < start.lowerBound)
        #expect(plan.contains("<h2 id=\"pack-plan\">Written Statement of Action</h2>"))
        #expect(plan.contains("7 actions: 1 Red (delayed), 1 Amber (in progress), 1 Green (on track), 2 Blue (completed) and 2 Pink (to be started, awaiting other actions)."))
        #expect(plan.contains("<caption>Actions by progress rating</caption>"))
        #expect(plan.contains("completed (completed: never overdue)"))
        #expect(plan.contains("1 action was due before 31 August 2020, the end of August 2020, and is not rated Blue."))
        #expect(plan.contains("<tr id=\"action-1-2\"><th scope=\"row\">1.2</th>"))
        #expect(plan.contains("<a href=\"#action-1-2\">1.2</a>"))
        #expect(plan.components(separatedBy: "id=\"action-1-2\"").count == 2)
        // No per-area summary in a plan without one.
        #expect(!plan.contains("Activity and impact by area"))
        let ofsted = read(output + "/children-and-families/pack.html")
        #expect(ofsted.contains("<h3 id=\"pack-plan-areas\">Activity and impact by area</h3>"))
        #expect(ofsted.contains("<h3 id=\"area-3\">Area for improvement 3: Stability for children in care</h3>"))
        // A dashboard without a plan prints none.
        #expect(!read(output + "/cfws/pack.html").contains("pack-plan"))
        // Printed on landscape pages.
        #expect(read(output + "/assets/site.css").contains(".pack-plan { page: landscape; }"))
    }

    @Test func aFrozenEditionKeepsTheSummaryAndWhatChangedListsAreaRatings() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        try Data(
            """
            Area for improvement,Activity RAG,Impact RAG,How we will monitor and measure impact
            Timeliness of EHC needs assessments,Red,Red,Plans issued within 20 weeks
            Joint commissioning,Pink,Pink,
            """.utf8
        ).write(to: URL(fileURLWithPath: input + "/send/plan-summary.csv"))
        edit(input + "/send/dashboard.yml", replacing: "  file: plan.csv\n", with: "  file: plan.csv\n  summary: {file: plan-summary.csv}\n")
        let frozen = try run(["freeze", "send", "--edition", "2020-08", "--published", "2020-09-01", "--input", input])
        #expect(frozen.status == 0, "\(frozen.stderr)")
        #expect(read(input + "/send/editions/2020-08/plan-summary.csv") == read(input + "/send/plan-summary.csv"))
        edit(input + "/send/dashboard.yml", replacing: "as_of: 2020-08", with: "as_of: 2020-09")
        edit(input + "/send/plan-summary.csv", replacing: "assessments,Red,Red", with: "assessments,Amber,Red")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let area = "<dl class=\"plan__area-summary\"><dt>Activity</dt><dd>"
        #expect(read(output + "/send/editions/2020-08/plan.html").contains(area + "Red – delayed</dd>"))
        #expect(read(output + "/send/plan.html").contains(area + "Amber – in progress</dd>"))
        let changes = read(output + "/send/changes.html")
        #expect(changes.contains("1 area rating change"), "\(changes)")
        #expect(changes.contains("<h3 id=\"plan-changes-arearating\">Area ratings (activity and impact) changed</h3>"))
        #expect(
            changes.contains(
                "<tr><th scope=\"row\"><a href=\"plan.html\">Timeliness of EHC needs assessments</a></th><td>Activity rating</td><td>Red</td><td>Amber</td></tr>"),
            "\(changes)")
    }
}
