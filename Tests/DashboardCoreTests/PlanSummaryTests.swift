import Testing

@testable import DashboardCore

/// An Ofsted (ILACS) plan's shape: Ref, Action, Action owner, Due by, Status, BRAG rating, each area for improvement
/// as a heading row over its actions, and a per-area summary of Activity RAG, Impact RAG and how impact is measured.
@Suite("Action plans in the Ofsted (ILACS) shape")
struct PlanSummaryTests {
    static let plan = """
        Ofsted improvement plan
        Ref,Action,Action owner,Due by,Status,BRAG rating
        Area for improvement 1: Timeliness of allocation,,,,,
        1.1,Set a daily triage,Head of service,31/05/2020,In place,Blue
        1.2,Report time to allocation,Performance manager,30/06/2020,Drafted,Amber
        Area for improvement 2: Consistency of assessments,,,,,
        2.1,Audit assessments monthly,Principal social worker,30/04/2020,Paused,Red
        """

    func actions(_ text: String = PlanSummaryTests.plan) throws -> ActionPlan {
        let (records, _) = CSVReader.read(Array(text.utf8), file: "plan.csv")
        let (plan, diagnostics) = ActionPlanReader.read(records, file: "plan.csv", source: ActionPlanTests.source, indicatorIDs: [])
        #expect(diagnostics.items.isEmpty, "\(diagnostics.items.map(\.description))")
        return try #require(plan)
    }

    func summary(_ text: String, areas: [String]) -> ([AreaSummary], [String]) {
        let (records, _) = CSVReader.read(Array(text.utf8), file: "summary.csv")
        let (summary, diagnostics) = PlanSummaryReader.read(records, file: "summary.csv", key: ActionPlanTests.key, areas: areas)
        return (summary, diagnostics.items.map(\.description))
    }

    @Test("the packs' headings are read; heading rows are the areas; the title row is not read")
    func headingsAndAreaRows() throws {
        let plan = try actions()
        #expect(plan.actions.map(\.ref) == ["1.1", "1.2", "2.1"])
        #expect(plan.areas.map(\.area) == ["Area for improvement 1: Timeliness of allocation", "Area for improvement 2: Consistency of assessments"])
        #expect(plan.actions[1].owner == "Performance manager")
        #expect(plan.actions[1].due?.date == CivilDate(2020, 6, 30))
        #expect(plan.actions[1].status == "Drafted")
        #expect(plan.actions[2].rating?.name == "Red")
        #expect(plan.overdue(on: CivilDate(2020, 6, 30)).map(\.ref) == ["2.1"])
    }

    @Test("a row holding only a ref is still an action without an action")
    func refAloneIsNoHeading() {
        let (records, _) = CSVReader.read(Array("Ref,Action\n1.5,\n".utf8), file: "plan.csv")
        let (plan, diagnostics) = ActionPlanReader.read(records, file: "plan.csv", source: ActionPlanTests.source, indicatorIDs: [])
        #expect(plan == nil)
        #expect(diagnostics.items.map(\.description) == ["plan.csv:2:5: error: the action 1.5 has no action: say what will be done"])
    }

    @Test("the per-area summary: activity and impact on the key, measures as written, areas matched loosely")
    func summaryRows() throws {
        let areas = try actions().areas.compactMap(\.area)
        let (rows, messages) = summary(
            """
            Area for improvement,Activity RAG,Impact RAG,How we will monitor and measure impact
            area for improvement 1 - timeliness of allocation,Amber,Red,Time from referral to allocation
            Area for improvement 2: Consistency of assessments,Red,,Audit grades
            """, areas: areas)
        #expect(messages.isEmpty, "\(messages)")
        #expect(rows.map(\.area) == areas)
        #expect(rows[0].activity?.name == "Amber")
        #expect(rows[0].impact?.name == "Red")
        #expect(rows[0].measures == "Time from referral to allocation")
        #expect(rows[1].impact == nil)
        #expect(rows[0].location == SourceLocation(file: "summary.csv", line: 2, column: 1))
    }

    @Test("an area no action is in, an area twice, a rating off the key: errors at their cells; an action's column is said")
    func summaryProblems() throws {
        let areas = try actions().areas.compactMap(\.area)
        let (_, messages) = summary(
            """
            Area for improvement,Activity RAG,Impact RAG,Action owner
            Area for improvement 1: Timeliness of alocation,Amber,Red,Lead
            Area for improvement 2: Consistency of assessments,Purple,,
            Area for improvement 2: consistency of assessments,Red,,
            """, areas: areas)
        #expect(messages.contains { $0.hasPrefix("summary.csv:1:") && $0.contains("warning: the column 'Action owner' is an action's, not a column of the plan's summary") })
        #expect(
            messages.contains {
                $0.hasPrefix("summary.csv:2:1: error: the summary names the area 'Area for improvement 1: Timeliness of alocation', which no action of the plan is in")
            }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("summary.csv:3:") && $0.contains("'Purple' is not a status of the action plan's key") }, "\(messages)")
        #expect(
            messages.contains { $0.hasPrefix("summary.csv:4:1: error: the area 'Area for improvement 2: Consistency of assessments' is summarised twice (first on line 3)") },
            "\(messages)")
        #expect(messages.count == 4, "\(messages)")
    }

    @Test("what changed: each area's activity and impact rating changes, beside the actions'")
    func areaRatingChanges() throws {
        var before = try actions()
        let areas = before.areas.compactMap(\.area)
        let key = ActionPlanTests.key.key
        before.summary = [
            AreaSummary(area: areas[0], activity: key.status(named: "Red"), impact: key.status(named: "Red"), location: at("s.csv", 2, 1)),
            AreaSummary(area: areas[1], activity: key.status(named: "Amber"), location: at("s.csv", 3, 1)),
        ]
        var after = before
        after.summary[0].activity = key.status(named: "Amber")
        after.summary[1].impact = key.status(named: "Green")
        let changes = PlanChanges.between(PlanSnapshot(before, on: nil), PlanSnapshot(after, on: nil))
        #expect(
            changes.map(\.sentence) == [
                "Area for improvement 1: Timeliness of allocation, activity rating: Red → Amber",
                "Area for improvement 2: Consistency of assessments, impact rating: not rated → Green",
            ])
        #expect(changes.allSatisfy { $0.kind == .areaRating })
        #expect(PlanChanges.counts(changes) == "2 area rating changes")
        // A plan without a summary keeps no areas in its snapshot, so older snapshots read the same.
        #expect(PlanSnapshot(try actions(), on: nil).areas == nil)
        var earlier = PlanSnapshot(before, on: nil)
        earlier.areas = nil
        #expect(PlanChanges.between(earlier, PlanSnapshot(after, on: nil)).isEmpty)
    }
}
