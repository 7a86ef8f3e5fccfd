import Testing

@testable import DashboardCore

/// An action plan read as the packs print one: refs, areas, owners, due dates as written, ratings on the plan's
/// own key, and the indicators each action is meant to move.
@Suite("Action plans")
struct ActionPlanTests {
    static let key = PlanKey(
        key: RAGKey(statuses: [
            RAGStatus(id: "red", name: "Red", meaning: "delayed", colour: "#d4351c", decision: .reported),
            RAGStatus(id: "amber", name: "Amber", meaning: "in progress", decision: .reported),
            RAGStatus(id: "green", name: "Green", meaning: "on track", decision: .reported),
            RAGStatus(id: "blue", name: "Blue", meaning: "completed", decision: .reported),
            RAGStatus(id: "pink", name: "Pink", meaning: "to be started", decision: .reported),
        ]), completed: ["blue"])
    static let source = ActionPlanSource(file: "plan.csv", title: "Written Statement of Action", key: key, location: at("dashboard.yml", 3, 9))

    func read(_ text: String, indicators: [String] = ["ehcp-20-weeks", "ehcp-total"]) -> (ActionPlan?, [String]) {
        let (records, found) = CSVReader.read(Array(text.utf8), file: "plan.csv")
        #expect(!found.hasErrors)
        let (plan, diagnostics) = ActionPlanReader.read(records, file: "plan.csv", source: Self.source, indicatorIDs: indicators)
        return (plan, diagnostics.items.map(\.description))
    }

    static let plan = """
        Ref,Focus area,Actions,Lead,Completion date,Status,Progress,Impact RAG,Evidence,How we will monitor and measure impact,Indicators
        1.1,Timeliness,Review the pathway,Head of service,30/09/2020,Workshops held,Amber,Red,Notes,Plans within 20 weeks,ehcp-20-weeks
        1.2,Timeliness,Recruit coordinators,Head of service,31/07/2020,Paused,Red,,Plan,,"ehcp-20-weeks, ehcp-total"
        1.3,Timeliness,Report caseloads,Lead,31/05/2020,Complete,Blue,,,,
        2.1,Commissioning,Refresh the JSNA,Public health,To be agreed following revised JSNA issue,,Pink,,,,ehcp-total
        3.1,,Survey families,Lead,October 2020,,g,,,,
        """

    @Test("columns named as the packs name them are read; due dates as written")
    func reads() throws {
        let (plan, messages) = read(Self.plan)
        #expect(messages.isEmpty, "\(messages)")
        let actions = try #require(plan).actions
        #expect(actions.map(\.ref) == ["1.1", "1.2", "1.3", "2.1", "3.1"])
        #expect(actions[0].area == "Timeliness")
        #expect(actions[0].owner == "Head of service")
        #expect(actions[0].due == .date(CivilDate(2020, 9, 30), written: "30/09/2020"))
        #expect(actions[0].rating?.name == "Amber")
        #expect(actions[0].impact?.name == "Red")
        #expect(actions[0].impactMeasures == "Plans within 20 weeks")
        #expect(actions[1].indicators == ["ehcp-20-weeks", "ehcp-total"])
        #expect(actions[3].due == .text("To be agreed following revised JSNA issue"))
        #expect(actions[3].due?.date == nil)
        // A month is due by its last day; a status by its unique initial.
        #expect(actions[4].due == .date(CivilDate(2020, 10, 31), written: "October 2020"))
        #expect(actions[4].rating?.name == "Green")
    }

    @Test("overdue: due before the date and not on a completed status; words are never overdue")
    func overdue() throws {
        let plan = try #require(read(Self.plan).0)
        #expect(plan.overdue(on: CivilDate(2020, 8, 31)).map(\.ref) == ["1.2"])
        #expect(plan.overdue(on: CivilDate(2020, 12, 31)).map(\.ref) == ["1.1", "1.2", "3.1"])
        // Due on the day itself is not yet overdue.
        #expect(plan.overdue(on: CivilDate(2020, 7, 31)).isEmpty)
        #expect(plan.overdue(on: nil).isEmpty)
    }

    @Test("counts by rating in the key's order, in words")
    func counts() throws {
        let plan = try #require(read(Self.plan).0)
        #expect(plan.counts().byStatus.map(\.count) == [1, 1, 1, 1, 1])
        #expect(
            plan.countSentence()
                == "5 actions: 1 Red (delayed), 1 Amber (in progress), 1 Green (on track), 1 Blue (completed) and 1 Pink (to be started).")
        #expect(plan.areas.map(\.area) == ["Timeliness", "Commissioning", nil])
        #expect(plan.actions(for: "ehcp-total").map(\.ref) == ["1.2", "2.1"])
    }

    @Test("an unknown indicator is an error naming its cell, with the nearest id")
    func unknownIndicator() {
        let (plan, messages) = read("ref,action,indicators\n1.1,Do it,\"ehcp-total, ehcp-20-week\"\n")
        #expect(plan == nil)
        #expect(messages == ["plan.csv:2:11: error: the action 1.1 names the indicator 'ehcp-20-week', which this dashboard does not have; did you mean 'ehcp-20-weeks'?"])
    }

    @Test("a rating not on the plan's key is an error naming its cell and the key")
    func unknownRating() {
        let (plan, messages) = read("ref,action,rating\n1.1,Do it,Purple\n")
        #expect(plan == nil)
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("plan.csv:2:11: error: 'Purple' is not a status of the action plan's key ('Red', 'Amber', 'Green', 'Blue', 'Pink')"))
    }

    @Test("an unknown column is said, not used; a missing ref or action column is an error")
    func columns() {
        let (plan, messages) = read("ref,action,cost\n1.1,Do it,£5k\n")
        #expect(plan?.actions.count == 1)
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("plan.csv:1:12: warning: the column 'cost' is not an action plan column, so it is not read"))
        let (none, errors) = read("area,owner\nA,B\n")
        #expect(none == nil)
        #expect(errors.contains("plan.csv:1:1: error: the action plan has no ref column"))
        #expect(errors.contains("plan.csv:1:1: error: the action plan has no action column"))
    }

    @Test("a ref given twice and an action without words are errors at their cells")
    func duplicates() {
        let (plan, messages) = read("ref,action\n1.1,Do it\n1.1,Again\n1.2,\n")
        #expect(plan == nil)
        #expect(messages.contains("plan.csv:3:1: error: the action 1.1 is given twice (first on line 2); each ref names one action"))
        #expect(messages.contains("plan.csv:4:5: error: the action 1.2 has no action: say what will be done"))
    }

    @Test("changes between two editions' plans: ratings, new, completed, newly overdue and dropped")
    func changes() throws {
        let before = try #require(read(Self.plan).0)
        var after = before
        after.actions[0].rating = Self.key.key.status(named: "Green")  // 1.1 Amber → Green, and due 30/09/2020: overdue by November
        after.actions[1].rating = Self.key.key.status(named: "Blue")  // 1.2 completed
        after.actions.remove(at: 3)  // 2.1 dropped
        after.actions.append(PlanAction(ref: "4.1", action: "New", rating: Self.key.key.status(named: "Pink"), location: at()))
        let changes = PlanChanges.between(PlanSnapshot(before, on: CivilDate(2020, 8, 31)), PlanSnapshot(after, on: CivilDate(2020, 11, 30)))
        #expect(changes.map(\.sentence) == ["1.1: Amber → Green", "1.1: overdue", "1.2: Red → Blue", "3.1: overdue", "4.1: new (Pink)", "2.1: no longer in the plan"])
        #expect(changes.map(\.kind) == [.rating, .newlyOverdue, .completed, .newlyOverdue, .newAction, .removed])
        #expect(PlanChanges.between(nil, PlanSnapshot(after, on: nil)).isEmpty)
    }
}
