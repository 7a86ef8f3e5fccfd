import Testing

@testable import DashboardStatistics

/// The intervals against PHEindicatormethods' published test values: repository
/// ukhsa-collaboration/PHEindicatormethods, tests/testthat/testWilson.R and tests/testthat/testByars.R, expected values
/// in tests/testthat/testdata_Byars_Wilson.xlsx (as quoted in shared/notes/significance.md). R prints 17 digits; the
/// last one or two differ with the order of floating-point operations, so they agree here within 1e-12.
@Suite("Intervals as PHEindicatormethods computes them")
struct IntervalTests {
    func near(_ a: Double, _ b: Double, within tolerance: Double = 1e-12) -> Bool { abs(a - b) <= tolerance }

    @Test("z for 95% and 99.8%")
    func levels() {
        #expect(ConfidenceLevel.ninetyFive.z == 1.959963984540054)
        #expect(ConfidenceLevel.ninetyNinePointEight.z == 3.090232306167813)
        #expect(ConfidenceLevel(percent: 99.8) == .ninetyNinePointEight)
        #expect(ConfidenceLevel(percent: 90) == nil)
        #expect(ConfidenceLevel.ninetyFive.description == "95%" && ConfidenceLevel.ninetyNinePointEight.description == "99.8%")
    }

    @Test("Wilson: 65 of 100, 1045 of 5000 (testWilson.R)")
    func wilson() throws {
        let a = try #require(Wilson.interval(successes: 65, trials: 100))
        #expect(near(a.lower, 0.55254443296887967) && near(a.upper, 0.73635751756902468))
        let b = try #require(Wilson.interval(successes: 1045, trials: 5000))
        #expect(near(b.lower, 0.19795549880013297) && near(b.upper, 0.22049130373189027))
    }

    @Test("Wilson at 99.8%: 65 of 100 (testWilson.R)")
    func wilson998() throws {
        let a = try #require(Wilson.interval(successes: 65, trials: 100, level: .ninetyNinePointEight))
        #expect(near(a.lower, 0.49549465740704313) && near(a.upper, 0.77835406140896968))
    }

    @Test("Wilson: no trials, or more successes than trials, give no interval; 0 of n starts at 0")
    func wilsonEdges() throws {
        #expect(Wilson.interval(successes: 1, trials: 0) == nil)
        #expect(Wilson.interval(successes: 5, trials: 4) == nil)
        let none = try #require(Wilson.interval(successes: 0, trials: 20))
        #expect(near(none.lower, 0))
        let all = try #require(Wilson.interval(successes: 20, trials: 20))
        #expect(near(all.upper, 1))
    }

    @Test("Byar's: 65, 1045 and 1 events (testByars.R)")
    func byars() throws {
        let a = try #require(Byar.interval(count: 65))
        #expect(near(a.lower, 50.163187710459454, within: 1e-10) && near(a.upper, 82.849138545939837, within: 1e-10))
        let b = try #require(Byar.interval(count: 1045))
        #expect(near(b.lower, 982.59320180733255, within: 1e-9) && near(b.upper, 1110.3312129856499, within: 1e-9))
        let c = try #require(Byar.interval(count: 1))
        #expect(near(c.lower, 0.013072132901504351) && near(c.upper, 5.5637555824752605))
        #expect(Byar.interval(count: 0)?.lower == 0)
    }

    @Test("a crude rate's interval: Byar's limits over the population, times the multiplier")
    func rate() throws {
        // 65 events in 100,000 people per 100,000: the count's limits unchanged.
        let a = try #require(Byar.rateInterval(count: 65, population: 100_000, multiplier: 100_000))
        #expect(near(a.lower, 50.163187710459454, within: 1e-10) && near(a.upper, 82.849138545939837, within: 1e-10))
        // Per 10,000 of 20,000 children: halved.
        let b = try #require(Byar.rateInterval(count: 65, population: 20_000, multiplier: 10_000))
        #expect(near(b.lower, 50.163187710459454 / 2, within: 1e-10))
    }

    @Test("issue 24: 4 of 18 against England's 10% is similar (9.0%–45.2%); 1,074 of 1,132 against 90.0% is higher (93.4%–96.0%)")
    func issueExamples() throws {
        let small = try #require(Wilson.interval(successes: 4, trials: 18))
        #expect(near(small.lower, 0.09000928108601693) && near(small.upper, 0.4521458431621262))
        #expect(Placement.of(small, against: 0.10) == .similar)
        let large = try #require(Wilson.interval(successes: 1074, trials: 1132))
        #expect(near(large.lower, 0.9343339093163374) && near(large.upper, 0.960157123837954))
        #expect(Placement.of(large, against: 0.90) == .higher)
    }

    @Test("Fingertips' rule: 65 of 100 is similar to 70% and higher than 50% at 95%, similar to 50% at 99.8%")
    func levelMatters() throws {
        let at95 = try #require(Wilson.interval(successes: 65, trials: 100))
        #expect(Placement.of(at95, against: 0.70) == .similar)
        #expect(Placement.of(at95, against: 0.50) == .higher)
        #expect(Placement.of(at95, against: 0.80) == .lower)
        let at998 = try #require(Wilson.interval(successes: 65, trials: 100, level: .ninetyNinePointEight))
        #expect(Placement.of(at998, against: 0.50) == .similar)
    }

    @Test("Newcombe: the difference of two proportions from their Wilson intervals")
    func newcombe() throws {
        // 65/100 − 45/100, worked by hand from the Wilson intervals (0.5525444, 0.7363575) and (0.3561454, 0.5475540):
        // lower 0.2 − √(0.0974556² + 0.0975540²) = 0.0621074, upper 0.2 + √(0.0863575² + 0.0938546²) = 0.3275394.
        let d = try #require(Newcombe.difference(65, of: 100, minus: 45, of: 100))
        #expect(near(d.lower, 0.06210741639555559) && near(d.upper, 0.3275394471310218))
        #expect(d.lower > 0, "a rise of 20 points in 100 is not chance")
        // 4 of 18 then 6 of 18: the interval contains 0, so similar.
        let small = try #require(Newcombe.difference(6, of: 18, minus: 4, of: 18))
        #expect(small.contains(0))
    }

    @Test("small numbers: a numerator or denominator under 10")
    func smallNumbers() {
        #expect(SmallNumbers.isSmall(4, 18))
        #expect(!SmallNumbers.isSmall(10, 18))
        #expect(!SmallNumbers.isSmall(nil, 1132))
    }
}
