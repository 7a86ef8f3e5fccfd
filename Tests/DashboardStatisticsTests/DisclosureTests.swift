import Testing

@testable import DashboardStatistics

/// Primary and secondary suppression of small counts, checked by solving what is published (`recoverable`), the
/// way an attacker with the published tables would, not by looking for small digits.
@Suite("Disclosure control")
struct DisclosureTests {
    typealias Table = DisclosureTable<String>
    let five = DisclosureRule(minCount: 5)

    @Test("counts from 1 to min_count − 1 are sensitive; zero only where zeros are not shown")
    func primaryRule() {
        #expect([0.0, 1, 4, 5, 120].map(five.isSensitive) == [false, true, true, false, false])
        let hideZeros = DisclosureRule(minCount: 5, showZero: false)
        #expect([0.0, 1, 5].map(hideZeros.isSensitive) == [true, true, false])
        #expect(DisclosureRule(minCount: 10).isSensitive(9))
    }

    /// Children in care by ethnicity: one small category beside its total gives itself away by subtraction
    /// (175 − 120 − 40 − 12 = 3), so the next smallest category, 12, is suppressed with it.
    @Test("one small category: the next smallest is suppressed with it, and neither can be worked out")
    func oneSmallCategory() {
        let table = Table(
            counts: ["asian": 12, "black": 3, "mixed": 40, "white": 120, "total": 175],
            sums: [.init(total: "total", parts: ["asian", "black", "mixed", "white"])])
        #expect(table.recoverable(["black"]) == ["black"])
        let suppressed = table.protect(five)
        #expect(suppressed == ["black", "asian"])
        #expect(table.recoverable(suppressed).isEmpty)
    }

    @Test("two small categories protect each other; nothing more is suppressed")
    func twoSmallCategories() {
        let table = Table(
            counts: ["a": 3, "b": 2, "c": 50, "total": 55], sums: [.init(total: "total", parts: ["a", "b", "c"])])
        #expect(table.protect(five) == ["a", "b"])
    }

    @Test("a category beside its total alone: the other category goes, never the total first")
    func twoCategories() {
        let table = Table(counts: ["girls": 3, "boys": 52, "total": 55], sums: [.init(total: "total", parts: ["girls", "boys"])])
        #expect(table.protect(five) == ["girls", "boys"])
    }

    @Test("a zero is suppressed to protect only when no non-zero count is left in the sum")
    func zerosLast() {
        let table = Table(
            counts: ["a": 3, "b": 0, "c": 9, "total": 12], sums: [.init(total: "total", parts: ["a", "b", "c"])])
        #expect(table.protect(five) == ["a", "c"])
    }

    /// Quarters and their year to date are a sum too: Q1 = 25 − 10 − 12 would give the 3 away.
    @Test("across periods: a quarter is protected from its year to date")
    func yearToDate() {
        let table = Table(
            counts: ["q1": 3, "q2": 10, "q3": 12, "ytd": 25], sums: [.init(total: "ytd", parts: ["q1", "q2", "q3"])])
        let suppressed = table.protect(five)
        #expect(suppressed == ["q1", "q2"])
        #expect(table.recoverable(suppressed).isEmpty)
    }

    /// A two-way table (locality by gender, with row, column and grand totals): suppressing one cell in its row
    /// leaves it recoverable from its column; the pattern must close as a rectangle of four.
    @Test("a two-way table: rows, columns and totals together, solved as one system")
    func twoWayTable() {
        var counts: [String: Double] = [:]
        let grid = [("n", "f", 3.0), ("n", "m", 20), ("s", "f", 15), ("s", "m", 30)]
        for (row, column, value) in grid { counts[row + column] = value }
        counts["n"] = 23
        counts["s"] = 45
        counts["f"] = 18
        counts["m"] = 50
        counts["all"] = 68
        let table = Table(
            counts: counts,
            sums: [
                .init(total: "n", parts: ["nf", "nm"]), .init(total: "s", parts: ["sf", "sm"]),
                .init(total: "f", parts: ["nf", "sf"]), .init(total: "m", parts: ["nm", "sm"]),
                .init(total: "all", parts: ["n", "s"]), .init(total: "all", parts: ["f", "m"]),
            ])
        // Row-wise only, as a rule of thumb would do: the column gives 3 back (18 − 15).
        #expect(table.recoverable(["nf", "nm"]) == ["nf", "nm"])
        let suppressed = table.protect(five)
        #expect(suppressed == ["nf", "nm", "sf", "sm"])
        #expect(table.recoverable(suppressed).isEmpty)
    }

    /// The same figure in two dashboards is one cell: a breakdown in one and the total with another breakdown in
    /// the other are solved together.
    @Test("two breakdowns of one total, as two dashboards publish them, are protected together")
    func linkedBreakdowns() {
        let table = Table(
            counts: ["g-f": 3, "g-m": 40, "age-u10": 20, "age-10plus": 23, "total": 43],
            sums: [.init(total: "total", parts: ["g-f", "g-m"]), .init(total: "total", parts: ["age-u10", "age-10plus"])])
        let suppressed = table.protect(five)
        #expect(suppressed == ["g-f", "g-m"])
        #expect(table.recoverable(suppressed).isEmpty)
    }

    @Test("suppressed parts that must add up to zero are each known to be zero")
    func zeroRemainder() {
        let table = Table(counts: ["a": 0, "b": 0, "c": 7, "total": 7], sums: [.init(total: "total", parts: ["a", "b", "c"])])
        #expect(table.recoverable(["a", "b"]) == ["a", "b"])
    }

    @Test("nothing small, nothing suppressed; a sum over an unpublished cell ties nothing")
    func nothingToDo() {
        #expect(Table(counts: ["a": 10, "b": 12, "total": 22], sums: [.init(total: "total", parts: ["a", "b"])]).protect(five).isEmpty)
        let partial = Table(counts: ["a": 3, "total": 30], sums: [.init(total: "total", parts: ["a", "b"])])
        #expect(partial.sums.isEmpty)
        #expect(partial.protect(five) == ["a"])
    }

    /// Each period's breakdown is its own table: solved apart, the work grows with the largest, not the total.
    @Test("sums that share no cell are solved apart; a shared cell joins them")
    func groupsOfSums() {
        let apart = Table(
            counts: ["q1-a": 3, "q1-b": 9, "q1": 12, "q2-a": 8, "q2-b": 9, "q2": 17],
            sums: [.init(total: "q1", parts: ["q1-a", "q1-b"]), .init(total: "q2", parts: ["q2-a", "q2-b"])])
        #expect(apart.groups().map { $0.counts.keys.sorted() } == [["q1", "q1-a", "q1-b"], ["q2", "q2-a", "q2-b"]])
        #expect(apart.protect(five) == ["q1-a", "q1-b"])
        let joined = Table(
            counts: ["a": 3, "b": 9, "total": 12, "x": 4, "y": 8],
            sums: [.init(total: "total", parts: ["a", "b"]), .init(total: "total", parts: ["x", "y"])])
        #expect(joined.groups().count == 1)
        #expect(joined.recoverable(joined.protect(five)).isEmpty)
    }
}
