import Testing

@testable import DashboardCore

@Suite("Change, direction and RAG")
struct ChangeDirectionRAGTests {
    // MARK: Changes, to the digit against the SEN2 paper

    @Test("SEN2 total plans: 4,222 to 4,751 is +529, the paper's +12.5%")
    func sen2TotalPlans() {
        let totalPlans = Change(from: 4222, in: period("2019"), to: 4751, in: period("2020"))
        #expect(totalPlans.absolute == 529)
        #expect(Formatting.percentChange(totalPlans.relative!) == "+12.5%")
        #expect(totalPlans.describe(unit: .count, decimals: 0) == "+529 (+12.5%)")
    }

    @Test("SEN2 new plans: 635 to 760 is +125, the paper's +19.7%")
    func sen2NewPlans() {
        let newPlans = Change(from: 635, in: period("2018"), to: 760, in: period("2019"))
        #expect(newPlans.absolute == 125)
        #expect(Formatting.percentChange(newPlans.relative!) == "+19.7%")
    }

    @Test("SEN2 within 20 weeks: 98.1% to 92% is -6.1 points, and the paper's '- 6.2%' is the relative change")
    func sen2TwentyWeeks() {
        let withinTwentyWeeks = Change(from: 98.1, in: period("2019"), to: 92, in: period("2020"))
        #expect(Formatting.change(withinTwentyWeeks.absolute, unit: .percent, decimals: 1) == "-6.1 pts")
        #expect(Formatting.percentChange(withinTwentyWeeks.relative!) == "-6.2%")
        // For a percentage the points are the change; no relative figure beside them.
        #expect(withinTwentyWeeks.describe(unit: .percent, decimals: 1) == "-6.1 pts")
    }

    @Test("no relative change from zero")
    func fromZero() {
        let change = Change(from: 0, in: period("2019"), to: 5, in: period("2020"))
        #expect(change.relative == nil)
        #expect(change.describe(unit: .count, decimals: 0) == "+5")
        #expect(Change(from: -4, in: period("2019"), to: -2, in: period("2020")).relative == 0.5)
    }

    // MARK: Direction by polarity

    private func judged(_ from: Double, _ to: Double, _ polarity: Polarity, unit: MeasureUnit = .percent) -> Direction {
        TrendRules.direction(
            of: Change(from: from, in: period("2019/20 Q4"), to: to, in: period("2020/21 Q1")),
            polarity: polarity, similarWithin: TrendRules.defaultSimilarWithin(unit)
        ).direction
    }

    @Test("higher is worse when low is good, better when high is good; no polarity says higher or lower")
    func byPolarity() {
        #expect(judged(19.1, 26.4, .low) == .worse)
        #expect(judged(26.4, 19.1, .low) == .better)
        #expect(judged(90, 94.9, .high) == .better)
        #expect(judged(94.9, 90, .high) == .worse)
        #expect(judged(3031, 3622, .none, unit: .count) == .higher)
        #expect(judged(3622, 3031, .none, unit: .count) == .lower)
        #expect(judged(735, 735, .none, unit: .count) == .same)
        // With no polarity even a tiny move is named: "similar" is a judgement, and there is none to make.
        #expect(judged(1000, 1001, .none, unit: .count) == .higher)
    }

    @Test(
        "within the default threshold is similar: at most 1 point for percentages",
        arguments: [
            (94.0, 94.9, Direction.similar), (94.0, 95.0, .similar), (94.0, 93.0, .similar), (94.0, 95.1, .better), (94.0, 92.9, .worse),
            (0.3, 0.3, .similar),
        ])
    func percentThreshold(from: Double, to: Double, expected: Direction) {
        #expect(judged(from, to, .high) == expected)
    }

    @Test("NEET (low is good): 2.9% to 2.4% is better and 2.0% to 2.8% is worse, as the papers say, not 'similar'")
    func smallRates() {
        #expect(judged(2.9, 2.4, .low) == .better)
        #expect(judged(2.0, 2.8, .low) == .worse)
        #expect(judged(2.0, 2.8, .none) == .higher)
        // Small in both terms is similar: 20% to 20.9% is 0.9 points and 4.5% relative.
        #expect(judged(20, 20.9, .low) == .similar)
        // 1 point on 10% is 10% relative: not similar.
        #expect(judged(10, 11, .low) == .worse)
    }

    @Test("the default for percentages is the smaller of 1 point and 5% of the earlier figure, and says so")
    func smallerOfSentence() {
        let assessment = TrendRules.direction(
            of: Change(from: 2.9, in: period("2020/21 Q1"), to: 2.8, in: period("2020/21 Q2")),
            polarity: .low, similarWithin: TrendRules.defaultSimilarWithin(.percent))
        #expect(assessment.direction == .similar)
        #expect(TrendRules.defaultSimilarWithin(.percent).describe(unit: .percent, decimals: 1) == "1.0 pts and 5%")
        #expect(
            assessment.sentence(unit: .percent, decimals: 1, polarity: .low)
                == "Similar: -0.1 pts (-3.4% relative) on 2020/21 Q1 (low is good; changes within 0.1 pts count as similar)")
    }

    @Test(
        "within the default threshold is similar: 2% of the earlier figure otherwise",
        arguments: [
            (1000.0, 1020.0, Direction.similar), (1000.0, 980.0, .similar), (1000.0, 1021.0, .worse), (1000.0, 979.0, .better),
            (30.0, 30.6, .similar), (30.0, 31.0, .worse),
        ])
    func countThreshold(from: Double, to: Double, expected: Direction) {
        #expect(judged(from, to, .low, unit: .count) == expected)
    }

    @Test("a threshold set per indicator")
    func customThreshold() {
        let change = Change(from: 50, in: period("2019/20 Q4"), to: 53, in: period("2020/21 Q1"))
        #expect(TrendRules.direction(of: change, polarity: .high, similarWithin: .absolute(3)).direction == .similar)
        #expect(TrendRules.direction(of: change, polarity: .high, similarWithin: .absolute(2.9)).direction == .better)
        #expect(TrendRules.direction(of: change, polarity: .high, similarWithin: .relative(0.1)).direction == .similar)
    }

    @Test("movement arrows follow the figure, not the judgement")
    func movement() {
        let down = TrendRules.direction(
            of: Change(from: 26.4, in: period("2019/20 Q4"), to: 19.1, in: period("2020/21 Q1")),
            polarity: .low, similarWithin: .absolute(1))
        #expect(down.direction == .better)
        #expect(down.movement == .down)
        #expect(down.movement.arrow == "▼")
        #expect(DirectionAssessment.Movement.up.arrow == "▲")
    }

    @Test("the direction sentence")
    func sentence() {
        let worse = TrendRules.direction(
            of: Change(from: 98.1, in: period("2019"), to: 92, in: period("2020")),
            polarity: .high, similarWithin: .absolute(1))
        #expect(worse.sentence(unit: .percent, decimals: 1, polarity: .high) == "Worse: -6.1 pts (-6.2% relative) on 2019 (high is good)")
        let similar = TrendRules.direction(
            of: Change(from: 0.3, in: period("2019/20 Q4"), to: 0.3, in: period("2020/21 Q1")),
            polarity: .low, similarWithin: .absolute(1))
        #expect(
            similar.sentence(unit: .percent, decimals: 1, polarity: .low)
                == "Similar: 0.0 pts on 2019/20 Q4 (low is good; changes within 1.0 pts count as similar)")
        // A zero threshold (a relative margin of a zero figure) is written as 0.0, not '.0'.
        let flatFromZero = TrendRules.direction(
            of: Change(from: 0, in: period("2019/20 Q4"), to: 0, in: period("2020/21 Q1")),
            polarity: .high, similarWithin: .relative(0.02))
        #expect(
            flatFromZero.sentence(unit: .count, decimals: 0, polarity: .high)
                == "Similar: 0 on 2019/20 Q4 (high is good; changes within 0.0 count as similar)")
    }

    // MARK: Stated directions, as the KPI paper words them

    @Test(
        "a stated direction judged by polarity",
        arguments: [
            (StatedDirection.higher, Polarity.low, Direction.worse, DirectionAssessment.Movement.up),  // "Higher (low is good)"
            (.lower, .low, .better, .down),  // "Lower (low is good)"
            (.lower, .high, .worse, .down),  // "Lower (high is good)"
            (.higher, .high, .better, .up),  // "Higher (high is good)"
            (.better, .high, .better, .up),
            (.better, .low, .better, .down),
            (.worse, .high, .worse, .down),
            (.worse, .low, .worse, .up),
            (.similar, .high, .similar, .flat),
            (.similar, .none, .same, .flat),
            (.higher, .none, .higher, .up),  // "Higher (no polarity)"
            (.lower, .none, .lower, .down),
            (.better, .none, .same, .unknown),
        ])
    func stated(stated: StatedDirection, polarity: Polarity, direction: Direction, movement: DirectionAssessment.Movement) {
        let assessment = TrendRules.direction(stated: stated, in: period("2020/21 Q1"), polarity: polarity)
        #expect(assessment.direction == direction)
        #expect(assessment.movement == movement)
    }

    @Test("a stated direction's sentence says the previous figure is not in the data")
    func statedSentence() {
        let assessment = TrendRules.direction(stated: .higher, in: period("2020/21 Q1"), polarity: .low)
        #expect(
            assessment.sentence(unit: .percent, decimals: 1, polarity: .low)
                == "Worse: as reported for 2020/21 Q1 (\"higher\"; the previous figure is not in the data)")
    }

    @Test("the overview's tally of directions")
    func judgements() {
        #expect(Direction.better.judgement == .improved)
        #expect(Direction.worse.judgement == .declined)
        #expect(Direction.similar.judgement == .similar)
        #expect([Direction.higher, .lower, .same].allSatisfy { $0.judgement == .noPolarity })
    }

    // MARK: RAG against a target (default tolerance 5% of the target)

    private func byTarget(
        _ value: Double, target: Double, _ polarity: Polarity, tolerance: Margin = .relative(0.05),
        unit: MeasureUnit = .percent, decimals: Int = 1
    ) -> RAGAssessment? {
        RAGRules.byTarget(value: value, target: target, polarity: polarity, tolerance: tolerance, unit: unit, decimals: decimals)
    }

    @Test(
        "high is good, target 97.0%: green from 97, amber down to 92.15 (97 − 4.85), red below",
        arguments: [
            (98.0, RAG.green), (97.0, .green), (96.99, .amber), (94.9, .amber), (92.15, .amber), (92.1, .red), (55.6, .red),
        ])
    func highIsGoodBands(value: Double, expected: RAG) {
        #expect(byTarget(value, target: 97, .high)?.status.outcome == expected)
    }

    @Test(
        "low is good, target 19.1%: green to 19.1, amber to 20.055 (19.1 + 0.955), red above",
        arguments: [
            (7.3, RAG.green), (19.1, .green), (19.2, .amber), (20.05, .amber), (20.1, .red), (26.4, .red),
        ])
    func lowIsGoodBands(value: Double, expected: RAG) {
        #expect(byTarget(value, target: 19.1, .low)?.status.outcome == expected)
    }

    @Test(
        "the KPI paper's target-based statuses",
        arguments: [
            // (measure, value, target, polarity, RAG by target)
            ("CP reviews in timescale", 94.9, 97.0, Polarity.high, RAG.amber),
            ("repeat CP plans", 26.4, 19.1, .low, .red),
            ("re-referrals", 26.0, 19.2, .low, .red),
            ("CP plans 2 years or more", 0.3, 1.7, .low, .green),
            ("3 or more placements", 7.3, 9.0, .low, .green),
            ("same placement 2+ years", 55.6, 71.0, .high, .red),
            ("care leavers in EET", 61.5, 55.0, .high, .green),
            ("early education take-up", 93.0, 96.0, .high, .amber),
            ("primary schools good", 88.0, 90.0, .high, .amber),
        ] as [(String, Double, Double, Polarity, RAG)])
    func kpiTargets(measure: String, value: Double, target: Double, polarity: Polarity, expected: RAG) {
        #expect(byTarget(value, target: target, polarity)?.status.outcome == expected, "\(measure)")
    }

    @Test("the rule says what was missed and by how much")
    func ruleText() {
        #expect(
            byTarget(94.9, target: 97, .high)?.rule
                == "misses the target of 97.0% by 2.1 pts, within the amber band of 5% of the target (down to 92.15%)")
        #expect(
            byTarget(26.4, target: 19.1, .low)?.rule
                == "misses the target of 19.1% by 7.3 pts, beyond the amber band of 5% of the target (up to 20.06%)")
        #expect(byTarget(61.5, target: 55, .high)?.rule == "meets the target of 55.0% (high is good)")
        #expect(byTarget(61.5, target: 55, .high)?.method == .target)
        // A miss that rounds to nothing at the indicator's decimals keeps its leading zero.
        #expect(
            byTarget(96.96, target: 97, .high)?.rule
                == "misses the target of 97.0% by 0.0 pts, within the amber band of 5% of the target (down to 92.15%)")
    }

    @Test("each status carries its rule in brief for a table cell")
    func summaries() {
        #expect(byTarget(97, target: 97, .high)?.summary == "meets the target")
        #expect(byTarget(94.9, target: 97, .high)?.summary == "misses the target, within the amber band")
        #expect(byTarget(26.4, target: 19.1, .low)?.summary == "misses the target, beyond the amber band")
        #expect(RAGRules.byQuartile(quartile: 1, position: nil, direction: nil).summary == "top quartile")
        #expect(RAGRules.byQuartile(quartile: 2, position: .high, direction: .better).summary == "high in 2nd quartile, improving")
        #expect(RAGRules.byQuartile(quartile: 3, position: .low, direction: .worse).summary == "low in 3rd quartile, declining")
        #expect(RAGRules.byQuartile(quartile: 4, position: nil, direction: nil).summary == "bottom quartile")
    }

    @Test("a tolerance in the indicator's unit")
    func absoluteTolerance() {
        #expect(byTarget(12, target: 10, .low, tolerance: .absolute(2), unit: .count, decimals: 0)?.status == .amber)
        #expect(byTarget(12.5, target: 10, .low, tolerance: .absolute(2), unit: .count, decimals: 0)?.status == .red)
        #expect(byTarget(8, target: 10, .high, tolerance: .absolute(2), unit: .count, decimals: 0)?.status == .amber)
        #expect(
            byTarget(12, target: 10, .low, tolerance: .absolute(2), unit: .count, decimals: 0)?.rule
                == "misses the target of 10 by 2, within the amber band of 2 (up to 12)")
    }

    @Test("no status for an indicator with no polarity")
    func noPolarityNoStatus() {
        #expect(byTarget(735, target: 700, .none, unit: .count, decimals: 0) == nil)
    }

    // MARK: RAG by the councils' quartile key

    @Test(
        "the quartile key printed under the KPI dashboard",
        arguments: [
            (1, nil, nil, RAG.green),
            (1, QuartilePosition.low, Direction.worse, RAG.green),
            (2, .high, .better, .green),  // high in the second quartile with an improving trend
            (2, .high, .worse, .amber),
            (2, .high, .similar, .amber),
            (2, .low, .better, .amber),
            (2, nil, .better, .amber),  // position not given: the stronger status cannot be shown to apply
            (3, .low, .worse, .red),  // low in the third quartile with a declining trend
            (3, .low, .better, .amber),
            (3, .high, .worse, .amber),
            (3, nil, .worse, .amber),
            (4, .high, .better, .red),
            (4, nil, nil, .red),
        ] as [(Int, QuartilePosition?, Direction?, RAG)])
    func quartileKey(quartile: Int, position: QuartilePosition?, direction: Direction?, expected: RAG) {
        let assessment = RAGRules.byQuartile(quartile: quartile, position: position, direction: direction)
        #expect(assessment.status.outcome == expected)
        #expect(assessment.method == .quartile)
    }

    @Test("the quartile key's rules in words")
    func quartileRules() {
        #expect(RAGRules.byQuartile(quartile: 1, position: nil, direction: nil).rule == "top quartile nationally")
        #expect(RAGRules.byQuartile(quartile: 2, position: .high, direction: .better).rule == "high in the second quartile with an improving trend")
        #expect(
            RAGRules.byQuartile(quartile: 2, position: nil, direction: .worse).rule
                == "second quartile with a declining trend; the position within the quartile is not given, so room for improvement")
        #expect(RAGRules.byQuartile(quartile: 3, position: .low, direction: .worse).rule == "low in the third quartile with a declining trend")
        #expect(RAGRules.byQuartile(quartile: 4, position: nil, direction: nil).rule == "bottom (fourth) quartile nationally")
    }

    @Test("RAG names and order")
    func ragNames() {
        #expect(RAG.amber.name == "Amber")
        #expect(RAG.green.letter == "G")
        #expect([RAG.green, .red, .amber].sorted() == [.red, .amber, .green])
    }
}
