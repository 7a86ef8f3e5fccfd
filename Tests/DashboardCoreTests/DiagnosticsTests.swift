import Testing

@testable import DashboardCore

@Suite("Diagnostics")
struct DiagnosticsTests {
    @Test("a location prints as file:line:column, leaving out what is 0")
    func locationDescription() {
        #expect(at("data.csv", 3, 7).description == "data.csv:3:7")
        #expect(at("data.csv", 3, 0).description == "data.csv:3")
        #expect(at("data.csv", 0, 0).description == "data.csv")
        #expect(
            Diagnostic(.error, "the period is empty", at: at("data.csv", 2, 5)).description
                == "data.csv:2:5: error: the period is empty")
    }

    @Test("sorted puts errors first, then warnings, each top to bottom, duplicates once")
    func sortedOrder() {
        var diagnostics = Diagnostics()
        diagnostics.warning("w", at: at("b.csv", 1, 1))
        diagnostics.error("late", at: at("a.csv", 10, 1))
        diagnostics.warning("same place", at: at("a.csv", 2, 4))
        diagnostics.error("same place", at: at("a.csv", 2, 4))
        diagnostics.error("late", at: at("a.csv", 10, 1))
        let sorted = diagnostics.sorted
        #expect(sorted.map(\.location.description) == ["a.csv:2:4", "a.csv:10:1", "a.csv:2:4", "b.csv:1:1"])
        #expect(sorted.map(\.severity) == [.error, .error, .warning, .warning])
        #expect(diagnostics.errors.count == 3)
        #expect(diagnostics.warnings.count == 2)
        #expect(diagnostics.hasErrors)
    }

    @Test(
        "a suggestion names the closest known word within a few edits",
        arguments: [
            ("polarty", ["title", "unit", "polarity"], "did you mean 'polarity'?"),
            ("family-star-postive", ["family-star-total", "family-star-positive"], "did you mean 'family-star-positive'?"),
            ("Unit", ["unit", "chart"], "did you mean 'unit'?"),
        ])
    func suggestion(word: String, candidates: [String], expected: String) {
        #expect(Diagnostic.suggestion(for: word, among: candidates) == expected)
    }

    @Test("no suggestion when nothing is close")
    func noSuggestion() {
        #expect(Diagnostic.suggestion(for: "benchmark-colour", among: ["title", "unit"]) == nil)
    }

    @Test(
        "edit distance counts insertions, deletions and substitutions",
        arguments: [
            ("", "abc", 3), ("kitten", "sitting", 3), ("polarty", "polarity", 1), ("same", "same", 0), ("£5", "£6", 1),
        ])
    func distance(a: String, b: String, expected: Int) {
        #expect(editDistance(a, b) == expected)
    }
}
