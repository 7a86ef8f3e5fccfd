import Testing

@testable import DashboardCharts

/// The cases of d3-array's ticks, tickIncrement and nice tests: nice steps of 1, 2 and 5 times a power of ten.
@Suite("Nice ticks")
struct TicksTests {
    @Test func emptyForNaNArguments() {
        #expect(Ticks.ticks(.nan, 1, count: 1) == [])
        #expect(Ticks.ticks(0, .nan, count: 1) == [])
        #expect(Ticks.ticks(0, 1, count: .nan) == [])
        #expect(Ticks.ticks(.nan, .nan, count: 1) == [])
        #expect(Ticks.ticks(0, .nan, count: .nan) == [])
        #expect(Ticks.ticks(.nan, 1, count: .nan) == [])
        #expect(Ticks.ticks(.nan, .nan, count: .nan) == [])
    }

    @Test func oneTickWhenStartEqualsStop() {
        #expect(Ticks.ticks(1, 1, count: -1) == [])
        #expect(Ticks.ticks(1, 1, count: 0) == [])
        #expect(Ticks.ticks(1, 1, count: .nan) == [])
        #expect(Ticks.ticks(1, 1, count: 1) == [1])
        #expect(Ticks.ticks(1, 1, count: 10) == [1])
    }

    @Test func emptyForNonPositiveOrInfiniteCount() {
        #expect(Ticks.ticks(0, 1, count: 0) == [])
        #expect(Ticks.ticks(0, 1, count: -1) == [])
        #expect(Ticks.ticks(0, 1, count: .infinity) == [])
    }

    @Test func noNegativeZero() {
        let last = Ticks.ticks(-1, 0, count: 5).last!
        #expect(last == 0 && last.sign == .plus)
    }

    @Test func staysInsideTheDomain() {
        #expect(Ticks.ticks(0, 2.2, count: 3) == [0, 1, 2])
    }

    @Test(
        arguments: [
            (0.0, 1.0, 10.0, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
            (0, 1, 9, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
            (0, 1, 8, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
            (0, 1, 7, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 6, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 4, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0, 1, 3, [0.0, 0.5, 1.0]),
            (0, 1, 2, [0.0, 0.5, 1.0]),
            (0, 1, 1, [0.0, 1.0]),
            (0, 10, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0, 10, 9, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0, 10, 8, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0, 10, 7, [0, 2, 4, 6, 8, 10]),
            (0, 10, 6, [0, 2, 4, 6, 8, 10]),
            (0, 10, 5, [0, 2, 4, 6, 8, 10]),
            (0, 10, 4, [0, 2, 4, 6, 8, 10]),
            (0, 10, 3, [0, 5, 10]),
            (0, 10, 2, [0, 5, 10]),
            (0, 10, 1, [0, 10]),
            (-10, 10, 10, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 9, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 8, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 7, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10, 10, 6, [-10, -5, 0, 5, 10]),
            (-10, 10, 5, [-10, -5, 0, 5, 10]),
            (-10, 10, 4, [-10, -5, 0, 5, 10]),
            (-10, 10, 3, [-10, -5, 0, 5, 10]),
            (-10, 10, 2, [-10, 0, 10]),
            (-10, 10, 1, [0]),
        ] as [(Double, Double, Double, [Double])])
    func aboutCountPlusOneTicks(start: Double, stop: Double, count: Double, expected: [Double]) {
        #expect(Ticks.ticks(start, stop, count: count) == expected)
        // Reversed domains give the same ticks in reverse.
        #expect(Ticks.ticks(stop, start, count: count) == expected.reversed())
    }

    @Test func exactDecimalsWithoutFloatingPointNoise() {
        #expect(Ticks.ticks(0.98, 1.14, count: 10) == [0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14])
        #expect(Ticks.ticks(0, 0.3, count: 3) == [0, 0.1, 0.2, 0.3])
    }

    @Test(
        arguments: [
            (0.0, 1.0, 10.0, -10.0), (0, 1, 9, -10), (0, 1, 8, -10), (0, 1, 7, -5), (0, 1, 6, -5), (0, 1, 5, -5), (0, 1, 4, -5),
            (0, 1, 3, -2), (0, 1, 2, -2), (0, 1, 1, 1),
            (0, 10, 10, 1), (0, 10, 9, 1), (0, 10, 8, 1), (0, 10, 7, 2), (0, 10, 6, 2), (0, 10, 5, 2), (0, 10, 4, 2),
            (0, 10, 3, 5), (0, 10, 2, 5), (0, 10, 1, 10),
            (-10, 10, 10, 2), (-10, 10, 9, 2), (-10, 10, 8, 2), (-10, 10, 7, 2), (-10, 10, 6, 5), (-10, 10, 5, 5),
            (-10, 10, 4, 5), (-10, 10, 3, 5), (-10, 10, 2, 10), (-10, 10, 1, 20),
        ] as [(Double, Double, Double, Double)])
    func tickIncrement(start: Double, stop: Double, count: Double, expected: Double) {
        #expect(Ticks.increment(start, stop, count: count) == expected)
    }

    @Test func tickIncrementEdgeCases() {
        #expect(Ticks.increment(.nan, 1, count: 1).isNaN)
        #expect(Ticks.increment(1, 1, count: -1).isNaN)
        #expect(Ticks.increment(1, 1, count: 1) == -.infinity)
        #expect(Ticks.increment(0, 1, count: 0) == .infinity)
        #expect(Ticks.increment(0, 1, count: .infinity) == -.infinity)
    }

    @Test func tickStepIsSignedAndPlain() {
        #expect(Ticks.step(0, 1, count: 10) == 0.1)
        #expect(Ticks.step(0, 10, count: 5) == 2)
        #expect(Ticks.step(10, 0, count: 5) == -2)
        #expect(Ticks.step(0, 338, count: 5) == 50)
    }

    @Test(
        arguments: [
            (0.132, 0.876, 1000.0, 0.132, 0.876), (0.132, 0.876, 100, 0.13, 0.88), (0.132, 0.876, 30, 0.12, 0.88),
            (0.132, 0.876, 10, 0.1, 0.9), (0.132, 0.876, 6, 0.1, 0.9), (0.132, 0.876, 5, 0, 1), (0.132, 0.876, 1, 0, 1),
            (132, 876, 1000, 132, 876), (132, 876, 100, 130, 880), (132, 876, 30, 120, 880), (132, 876, 10, 100, 900),
            (132, 876, 6, 100, 900), (132, 876, 5, 0, 1000), (132, 876, 1, 0, 1000),
        ] as [(Double, Double, Double, Double, Double)])
    func nice(start: Double, stop: Double, count: Double, lower: Double, upper: Double) {
        let result = Ticks.nice(start, stop, count: count)
        #expect(result.0 == lower && result.1 == upper)
    }

    @Test func niceLeavesDegenerateDomainsAlone() {
        #expect(Ticks.nice(1, 1, count: 10) == (1, 1))
        #expect(Ticks.nice(0, 1, count: 0) == (0, 1))
        #expect(Ticks.nice(0, 1, count: .infinity) == (0, 1))
    }

    @Test(arguments: [(0.5, 1), (0.2, 1), (0.05, 2), (1.0, 0), (2.0, 0), (50.0, 0), (1000.0, 0), (0.001, 3)] as [(Double, Int)])
    func decimalsShowEveryTick(step: Double, decimals: Int) {
        #expect(Ticks.decimals(forStep: step) == decimals)
    }
}
