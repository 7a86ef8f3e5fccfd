import Testing

@testable import DashboardCore

@Suite("What changed between snapshots, and RAG key rules")
struct ChangesAndKeyTests {
    func indicator(_ id: String, _ figures: [(String, String)], statuses: [String] = [], direction: String? = nil) -> DashboardSnapshot.Indicator {
        DashboardSnapshot.Indicator(
            id: id, title: id, figures: figures.map { .init(period: $0.0, label: $0.0, shown: $0.1) },
            statuses: statuses, direction: direction, latest: figures.last?.0)
    }

    @Test func everyKindOfChangeIsFoundInTheLaterSnapshotsOrder() {
        let before = DashboardSnapshot(
            asOf: "2019/20 Q4",
            indicators: [
                indicator("star", [("2019/20 Q3", "70.3%"), ("2019/20 Q4", "71.8%")], statuses: ["Green"], direction: "Better"),
                indicator("gone", [("2019/20 Q4", "5")]),
                indicator("withdrawn", [("2019/20 Q3", "3"), ("2019/20 Q4", "4")]),
            ])
        let after = DashboardSnapshot(
            asOf: "2020/21 Q1",
            indicators: [
                indicator("star", [("2019/20 Q3", "70.3%"), ("2019/20 Q4", "65.0%"), ("2020/21 Q1", "68.0%")], statuses: ["Amber"], direction: "Better"),
                indicator("withdrawn", [("2019/20 Q4", "4")]),
                indicator("new", [("2020/21 Q1", "1")]),
            ])
        let changes = SnapshotChanges.between(before, after)
        #expect(
            changes.map(\.sentence) == [
                "star: 2019/20 Q4 revised from 71.8% to 65.0%",
                "star: 2020/21 Q1 68.0%",
                "star: status Green → Amber",
                "withdrawn: 2019/20 Q3 3 no longer shown",
                "new: new indicator",
                "gone: no longer reported",
            ])
        #expect(
            SnapshotChanges.brief(changes, limit: 2) == [
                "1 new figure, 1 revised figure, 1 figure no longer shown, 1 status change, 1 new indicator and 1 indicator no longer reported",
                "  star: 2019/20 Q4 revised from 71.8% to 65.0%",
                "  star: 2020/21 Q1 68.0%",
                "  and 4 more",
            ])
        #expect(SnapshotChanges.between(after, after).isEmpty)
    }

    @Test func contrastIsWCAGs() throws {
        // Values the WCAG examples give: #767676 on white is 4.54:1, the lightest grey that passes.
        let grey = try #require(Contrast.ratio("#767676", "#ffffff"))
        #expect(abs(grey - 4.54) < 0.01)
        #expect(Contrast.ratio("#000000", "#ffffff") == 21)
        #expect(Contrast.text(on: "#ffdd00") == "#000000")
        #expect(Contrast.text(on: "#1d70b8") == "#ffffff")
    }

    @Test func statusesAreFoundByNameOrUniqueInitials() {
        let key = RAGKey(statuses: [.green, .amber, RAGStatus(id: "red-amber", name: "Red/Amber", decision: .reported), .red])
        #expect(key.status(named: "R/A")?.name == "Red/Amber")
        #expect(key.status(named: " red/amber ")?.name == "Red/Amber")
        #expect(key.status(named: "g") == .green)
        #expect(key.status(named: "Blue") == nil)
        // A margin of 5% of a 90% target is 4.5 points: 94.5% exceeds it, 94.4% does not.
        let blue = RAGKey(statuses: [RAGStatus(id: "blue", name: "Blue", decision: .exceedsTarget(.relative(0.05))), .green])
        #expect(blue.exceeding(value: 94.5, target: 90, polarity: .high)?.name == "Blue")
        #expect(blue.exceeding(value: 94.4, target: 90, polarity: .high) == nil)
        #expect(blue.exceeding(value: 85.5, target: 90, polarity: .low)?.name == "Blue")
        #expect(blue.exceeding(value: 80, target: 90, polarity: .none) == nil)
    }
}
