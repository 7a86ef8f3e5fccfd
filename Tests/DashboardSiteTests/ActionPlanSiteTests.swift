import DashboardCore
import DashboardSite
import Foundation
import Testing

/// A dashboard's action plan on the site: its own page (counts in words, overdue first, areas), each indicator's
/// actions on its page, the link from the dashboard, and frozen editions keeping the plan as published.
@Suite("Action plans on the site")
struct ActionPlanSiteTests {
    @Test func theSENDExampleHasAPlanPageWithOverdueActionsFirst() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: exampleInput, output: output))
        let page = read(output + "/send/plan.html")
        #expect(page.contains("<h1>Written Statement of Action</h1>"))
        #expect(page.contains("Illustrative rows"))
        // Counts in words, never by colour alone.
        #expect(page.contains("7 actions: 1 Red (delayed), 1 Amber (in progress), 1 Green (on track), 2 Blue (completed) and 2 Pink (to be started, awaiting other actions)."))
        // Overdue, computed: due before 31 August 2020 (the dashboard's as_of) and not Blue.
        let overdue = try #require(page.range(of: "<h2 id=\"overdue\">Overdue: 1</h2>"))
        let firstArea = try #require(page.range(of: "<h2 id=\"area-1\">"))
        #expect(overdue.lowerBound < firstArea.lowerBound)
        let overdueTable = String(page[overdue.lowerBound..<firstArea.lowerBound])
        #expect(overdueTable.contains("<a href=\"#action-1-2\">1.2</a>"))
        #expect(overdueTable.contains("31/07/2020 <strong class=\"plan__overdue\">(overdue)</strong>"))
        #expect(!overdueTable.contains("1.3"))
        #expect(page.contains("1 action was due before 31 August 2020, the end of August 2020, and is not rated Blue."))
        // Due dates in words are kept as written and never overdue.
        #expect(page.contains("<td>To be agreed following revised JSNA issue</td>"))
        // Each action's indicators with their current judgement in words.
        #expect(page.contains("<dd><a href=\"ehcp-local-20-weeks.html\">Plans within 20 weeks (August)</a>: worse (92%, August 2020)</dd>"))
        // Rows are headed by their ref; one id each.
        #expect(page.contains("<tr id=\"action-1-2\"><th scope=\"row\">1.2</th>"))
        #expect(page.components(separatedBy: "id=\"action-1-2\"").count == 2)
        // The key, with what it means and which status is complete.
        #expect(page.contains("completed (completed: never overdue)"))

        let index = read(output + "/send/index.html")
        #expect(index.contains("<a href=\"plan.html\">Written Statement of Action: 7 actions, 1 overdue, with the indicators each is meant to move</a>"))
        let indicator = read(output + "/send/ehcp-local-20-weeks.html")
        #expect(indicator.contains("<h2>Actions meant to move this indicator</h2>"))
        #expect(
            indicator.contains(
                "<li><a href=\"plan.html#action-1-2\">1.2</a>: Recruit additional EHC coordinators to meet the rise in requests for assessment (Red – delayed; due 31/07/2020; overdue)</li>"
            ))
        // A dashboard without a plan has no plan page or link.
        #expect(!FileManager.default.fileExists(atPath: output + "/cfws/plan.html"))
        #expect(!read(output + "/cfws/index.html").contains("plan.html"))
    }

    @Test func aFrozenEditionKeepsThePlanAsPublished() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let frozen = try run(["freeze", "send", "--edition", "2020-08", "--published", "2020-09-01", "--input", input])
        #expect(frozen.status == 0, "\(frozen.stderr)")
        #expect(read(input + "/send/editions/2020-08/plan.csv") == read(input + "/send/plan.csv"))
        // The next edition: a month on, with action 1.2 completed.
        edit(input + "/send/dashboard.yml", replacing: "as_of: 2020-08", with: "as_of: 2020-09")
        edit(input + "/send/plan.csv", replacing: "Recruitment paused during lockdown,Red", with: "Coordinators in post,Blue")
        edit(input + "/send/plan.csv", replacing: "Awaiting the revised JSNA,Pink", with: "Revised JSNA issued,Amber")
        edit(input + "/send/plan.csv", replacing: "31/10/2020,Survey questions", with: "15/09/2020,Survey questions")
        edit(
            input + "/send/plan.csv", replacing: "\n3.1,",
            with: "\n4.1,Preparation for adulthood,Map the routes to employment for young people with EHC plans,Head of service,31/12/2020,,Pink,,,\n3.1,")
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: input, output: output))
        let archived = read(output + "/send/editions/2020-08/plan.html")
        #expect(archived.contains("Recruitment paused during lockdown"))
        #expect(archived.contains("As published on 1 September 2020"))
        #expect(archived.contains("<h2 id=\"overdue\">Overdue: 1</h2>"))
        let latest = read(output + "/send/plan.html")
        #expect(latest.contains("Coordinators in post"))
        #expect(latest.contains("<h2 id=\"overdue\">Overdue: 1</h2>"))
        // What changed since the edition the committee saw: computed from the two plans, not typed.
        let changes = read(output + "/send/changes.html")
        #expect(changes.contains("Written Statement of Action: 1 rating change, 1 new action, 1 action completed and 1 action newly overdue."), "\(changes)")
        #expect(changes.contains("<h3 id=\"plan-changes-rating\">Rating changes</h3>"))
        #expect(
            changes.contains(
                "<tr><th scope=\"row\"><a href=\"plan.html\">2.1</a></th><td>Refresh the joint strategic needs assessment (JSNA) chapter on SEND</td><td>Pink</td><td>Amber</td></tr>"
            ))
        #expect(
            changes.contains(
                "<a href=\"plan.html\">1.2</a></th><td>Recruit additional EHC coordinators to meet the rise in requests for assessment</td><td>Red</td><td>Blue</td></tr>"))
        #expect(changes.contains("<a href=\"plan.html\">4.1</a></th><td>Map the routes to employment for young people with EHC plans</td><td>Pink</td></tr>"))
        #expect(changes.contains("<h3 id=\"plan-changes-newlyoverdue\">Newly overdue</h3>"))
        // The download lists the plan's changes too, not only the figures'.
        let download = read(output + "/send/changes.csv")
        #expect(
            download.contains(
                "Written Statement of Action: Rating changes,2.1 Refresh the joint strategic needs assessment (JSNA) chapter on SEND,,Pink,Amber\r\n"),
            "\(download)")
    }

    @Test func validateCountsThePlansActions() throws {
        let result = try run(["validate"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("3 dashboards, 57 indicators, 161 figures, 2 action plans (14 actions): no errors"), "\(result.stderr)")
    }

    @Test func aPlanWithoutItsFileOrWithABadCellIsRefusedAtItsPosition() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        edit(input + "/send/plan.csv", replacing: "ehcp-new-share", with: "ehcp-new-shares")
        edit(input + "/send/plan.csv", replacing: "Survey questions agreed with the parent carer forum,Green", with: "Survey questions agreed with the parent carer forum,Gren")
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("send/plan.csv:11:"), "\(result.stderr)")
        #expect(result.stderr.contains("names the indicator 'ehcp-new-shares', which this dashboard does not have; did you mean 'ehcp-new-share'?"), "\(result.stderr)")
        #expect(result.stderr.contains("'Gren' is not a status of the action plan's key"), "\(result.stderr)")

        try FileManager.default.removeItem(atPath: input + "/send/plan.csv")
        let missing = try run(["validate", "--input", input])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("send/dashboard.yml:"), "\(missing.stderr)")
        #expect(missing.stderr.contains("there is no action plan file 'plan.csv' beside dashboard.yml"), "\(missing.stderr)")
    }

    @Test func actionPlanKeysAreCheckedAtTheirPosition() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.copyOfExampleInput()
        let yml = input + "/send/dashboard.yml"
        edit(yml, replacing: "  title: Written Statement of Action\n", with: "  title: Written Statement of Action\n  owner: SEND board\n")
        edit(yml, replacing: "{status: Amber, meaning: in progress, colour: \"#ffdd00\"}", with: "{status: Amber, meaning: in progress, colour: \"#ffdd00\", complete: maybe}")
        edit(
            yml, replacing: "{status: Pink, meaning: \"to be started, awaiting other actions\", colour: \"#f499be\"}",
            with: "{status: Pink, colour: \"#f499be\", text_colour: \"#ffffff\"}")
        let result = try run(["validate", "--input", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("send/dashboard.yml:"), "\(result.stderr)")
        #expect(result.stderr.contains("'owner'"), "\(result.stderr)")
        #expect(result.stderr.contains("complete"), "\(result.stderr)")
        #expect(result.stderr.contains("the status 'Pink' would be written in #ffffff on #f499be"), "\(result.stderr)")
        // One error per root cause: the plan named by a dashboard.yml with errors is never read as figures.
        #expect(!result.stderr.contains("plan.csv"), "\(result.stderr)")

        // A key with no completed status: every action past its date is overdue, which is said.
        let fresh = scratch.path + "/fresh"
        try FileManager.default.copyItem(atPath: exampleInput, toPath: fresh)
        edit(fresh + "/send/dashboard.yml", replacing: ", complete: true}", with: "}")
        let warned = try run(["validate", "--input", fresh])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("no status of the action plan's key is marked complete: true"), "\(warned.stderr)")

        // The plan file is a .csv or .tsv beside dashboard.yml.
        edit(fresh + "/send/dashboard.yml", replacing: "file: plan.csv", with: "file: ../plan.xlsx")
        let misplaced = try run(["validate", "--input", fresh])
        #expect(misplaced.status == 1)
        #expect(misplaced.stderr.contains("action_plan's file is the name of a file beside dashboard.yml, such as plan.csv, not '../plan.xlsx'"), "\(misplaced.stderr)")
    }
}
