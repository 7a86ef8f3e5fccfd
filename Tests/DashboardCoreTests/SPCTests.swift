import Testing

@testable import DashboardCore

/// Statistical process control (XmR, NHS England's "Making Data Count").
///
/// Every expected mean, moving range, limit and rule hit here was worked out apart from the code under test, by hand
/// and with a short independent Python script (mean of the observed points; moving ranges only between consecutive
/// observed points; limits mean ± 2.66 × mean moving range; "close" beyond two thirds of the way to a limit; shift 7+ on
/// one side, a point on the mean breaking it; trend 7 each strictly higher or lower; 2 of 3 consecutive points on one
/// side, 2+ of them close). Its output is pasted in beside each series.
@Suite("Statistical process control")
struct SPCTests {
    private func analyse(_ values: [Double?], polarity: Polarity = .high, target: Double? = nil, from first: String = "Apr-18") -> SPC.Result? {
        switch SPC.analyse(monthly(from: first, values), polarity: polarity, target: target) {
        case .success(let result): return result
        case .failure(let failure):
            Issue.record("SPC unavailable: \(failure.reason.sentence)")
            return nil
        }
    }

    private func flagged(_ result: SPC.Result) -> [Int: Set<SPC.Rule>] {
        var flags: [Int: Set<SPC.Rule>] = [:]
        for (index, point) in result.points.enumerated() where !point.rules.isEmpty { flags[index] = point.rules }
        return flags
    }

    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    // MARK: The real allocation series (CFWS appendix)

    /// Pathway decisions waiting to be assigned, May-19 to Jul-20, with the break Dec-19 to Feb-20.
    static let allocationPathway: [Double?] = [290, 279, 338, 146, 47, 207, 189, nil, nil, nil, 21, 24, 6, 14, 10]
    /// Locality decisions, aligned with the pathway row (see the CFWS dashboard's commentary).
    static let allocationLocality: [Double?] = [321, 351, 187, 194, 132, 81, 116, nil, nil, nil, 82, 33, 28, 36, 50]

    @Test("pathway decisions awaiting allocation: limits, and the fall after the break as special-cause improvement")
    func allocationPathwaySPC() throws {
        // n 12, sum 1571, mean 130.91666666666666
        // moving ranges [11, 59, 192, 99, 160, 18 | 3, 18, 8, 4] (none across the break): sum 572, mR-bar 57.2
        // UCL 130.91667 + 2.66 × 57.2 = 283.0686666666667; LCL -21.235333333333358
        // close beyond 232.35133333333334 (upper) and 29.481999999999985 (lower)
        // flagged {May-19: outside, Jul-19: outside, Mar-20..Jul-20: twoOfThree}
        let result = try #require(analyse(Self.allocationPathway, polarity: .low, from: "May-19"))
        #expect(result.observedCount == 12)
        #expect(close(result.mean, 1571.0 / 12))
        #expect(close(result.averageMovingRange, 57.2))
        #expect(close(result.upperLimit, 283.0686666666667))
        #expect(close(result.lowerLimit, -21.235333333333358))
        #expect(close(result.upperNear, 232.35133333333334))
        #expect(close(result.lowerNear, 29.481999999999985))
        #expect(result.points.map(\.movingRange) == [nil, 11, 59, 192, 99, 160, 18, nil, nil, nil, nil, 3, 18, 8, 4])
        #expect(
            flagged(result) == [
                0: [.outsideLimits], 2: [.outsideLimits],
                10: [.twoOfThree], 11: [.twoOfThree], 12: [.twoOfThree], 13: [.twoOfThree], 14: [.twoOfThree],
            ])
        // Low is good: the high points of May and July 2019 are concerns, the low run from March 2020 improvement.
        #expect(result.points[0].type == .concern)
        #expect(result.points[2].type == .concern)
        #expect(result.points[1].type == .commonCause)
        #expect(result.points[10...].allSatisfy { $0.type == .improvement })
        #expect(result.points[7...9].allSatisfy { $0.value == nil && $0.type == .commonCause })
        #expect(result.variation == .improvementLow)
        #expect(result.specialPoints.count == 7)
        #expect(result.assurance == nil)
    }

    @Test("locality decisions awaiting allocation")
    func allocationLocalitySPC() throws {
        // n 12, sum 1611, mean 134.25
        // moving ranges [30, 164, 7, 62, 51, 35 | 49, 5, 8, 14]: sum 425, mR-bar 42.5
        // UCL 247.3, LCL 21.19999999999999; close beyond 209.61666666666667 and 58.883333333333326
        // flagged {May-19: outside, Jun-19: outside, Apr-20..Jul-20: twoOfThree}; Mar-20 (82) is not close
        let result = try #require(analyse(Self.allocationLocality, polarity: .low, from: "May-19"))
        #expect(close(result.mean, 134.25))
        #expect(close(result.averageMovingRange, 42.5))
        #expect(close(result.upperLimit, 247.3))
        #expect(close(result.lowerLimit, 21.19999999999999))
        #expect(
            flagged(result) == [
                0: [.outsideLimits], 1: [.outsideLimits],
                11: [.twoOfThree], 12: [.twoOfThree], 13: [.twoOfThree], 14: [.twoOfThree],
            ])
        #expect(result.points[0].type == .concern && result.points[1].type == .concern)
        #expect(result.points[10].type == .commonCause)
        #expect(result.variation == .improvementLow)
    }

    @Test("the allocation series through the whole pipeline: the CFWS files, analysed, counted in the overview")
    func allocationThroughAnalysis() throws {
        let (dashboard, _) = try exampleDashboard("cfws")
        let analysis = Analysis.dashboard(dashboard, asOf: period("Jul-20"))
        let pathway = try #require(analysis.analysis("allocation-pathway"))
        #expect(pathway.frequency == .month)
        #expect(pathway.gaps.map(\.period.label) == ["December 2019", "January 2020", "February 2020"])
        #expect(pathway.gaps.allSatisfy { $0.gap == .breakInData })
        // The break in data (a recording change) starts a new stretch: five figures since it are too few for
        // limits, so the fall after it is not called special-cause improvement.
        #expect(pathway.spc == nil)
        #expect(pathway.spcUnavailable == .tooFewSinceBreak(5, SPC.Break(period: period("Dec-19"))))
        #expect(pathway.spcUnavailable?.sentence == "Not enough figures since the break in data in December 2019: 5 of 12")
        let locality = try #require(analysis.analysis("allocation-locality"))
        #expect(locality.spc == nil)
        #expect(locality.spcUnavailable?.sentence == "Not enough figures since the break in data in December 2019: 5 of 12")
        // Quarterly series of the same dashboard have too few points.
        #expect(analysis.analysis("open-cases-total")?.spcUnavailable == .tooFewPoints(5))
        #expect(analysis.overview.specialImprovement == 0)
        #expect(analysis.overview.specialConcern == 0)
    }

    // MARK: The rules, one series each

    @Test("a run of 8 points above the mean is a shift")
    func shift() throws {
        // [10,12,9,11,10,9,12,13,13,12,14,13,12,13]: n 14, sum 163, mean 11.642857142857142
        // moving ranges sum 19 over 13: mR-bar 1.4615384615384615; UCL 15.53054945054945, LCL 7.755164835164835
        // flagged {6..13: shift}
        let result = try #require(analyse([10, 12, 9, 11, 10, 9, 12, 13, 13, 12, 14, 13, 12, 13]))
        #expect(close(result.mean, 163.0 / 14))
        #expect(close(result.averageMovingRange, 19.0 / 13))
        #expect(close(result.upperLimit, 15.53054945054945))
        #expect(close(result.lowerLimit, 7.755164835164835))
        #expect(flagged(result) == Dictionary(uniqueKeysWithValues: (6...13).map { ($0, Set([SPC.Rule.shift])) }))
        #expect(result.variation == .improvementHigh)
    }

    @Test("7 points each higher than the one before are a trend")
    func trend() throws {
        // [10,12,9,11,10,9,12,8,9,10,11,12,13,14]: n 14, sum 150, mean 10.714285714285714
        // mR-bar 22/13 = 1.6923076923076923; UCL 15.215824175824174, LCL 6.212747252747252
        // flagged {7..13: trend} (8, 9, …, 14); only 4 points above the mean, so no shift
        let result = try #require(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 12, 13, 14]))
        #expect(close(result.mean, 150.0 / 14))
        #expect(close(result.averageMovingRange, 22.0 / 13))
        #expect(close(result.upperLimit, 15.215824175824174))
        #expect(flagged(result) == Dictionary(uniqueKeysWithValues: (7...13).map { ($0, Set([SPC.Rule.trend])) }))
        // A rising trend: improvement when high is good, concern when low is good, "higher" with no polarity.
        #expect(result.points[7].type == .improvement)  // 8 is below the mean, but the trend is what is special
        #expect(result.variation == .improvementHigh)
        #expect(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 12, 13, 14], polarity: .low)?.variation == .concernHigh)
        #expect(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 12, 13, 14], polarity: .none)?.variation == .neitherHigh)
        // Six rises are not enough: drop the last point.
        #expect(flagged(try #require(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 12, 13]))).isEmpty)
    }

    @Test("a 7-point rising run below the mean is improvement where high is good: a trend takes precedence over a shift, as in NHSRplotthedots")
    func trendBeforeShift() throws {
        // [16,10,17,9,16,10,17,7,7.5,8,8.5,9,9.5,10]: mean 154.5/14 = 11.04, mR-bar 54/13 = 4.15, limits -0.01 to 22.08;
        // points 7..13 rise each time and all lie below the mean: both a trend and a shift, none near a limit.
        let values: [Double?] = [16, 10, 17, 9, 16, 10, 17, 7, 7.5, 8, 8.5, 9, 9.5, 10]
        let result = try #require(analyse(values))
        #expect(flagged(result) == Dictionary(uniqueKeysWithValues: (7...13).map { ($0, Set([SPC.Rule.trend, .shift])) }))
        #expect(result.points[13].type == .improvement)
        #expect(result.variation == .improvementHigh)
        #expect(analyse(values, polarity: .low)?.points[13].type == .concern)
    }

    @Test("2 of 3 points close to the upper limit, all three above the mean")
    func twoOfThree() throws {
        // [10,11,9,10,11,10,11,9,10,11,10,15,11,15,10]: n 15, sum 163, mean 10.866666666666667
        // mR-bar 30/14 = 2.142857142857143; UCL 16.566666666666666; close above 14.666666666666668
        // (15, 11, 15) are all above the mean and two are close: flagged {11, 13: twoOfThree}; 11 itself is not close
        let result = try #require(analyse([10, 11, 9, 10, 11, 10, 11, 9, 10, 11, 10, 15, 11, 15, 10]))
        #expect(close(result.mean, 163.0 / 15))
        #expect(close(result.averageMovingRange, 30.0 / 14))
        #expect(close(result.upperLimit, 16.566666666666666))
        #expect(flagged(result) == [11: [.twoOfThree], 13: [.twoOfThree]])
        #expect(result.points[11].type == .improvement)
        #expect(result.points[12].type == .commonCause)
        #expect(result.variation == .commonCause)  // the latest point, 10, is common cause
    }

    @Test("2 of 3 close to the limit but the three straddle the mean: not special")
    func twoOfThreeStraddling() throws {
        // [10,11,9,10,11,10,11,9,10,11,10,15.5,9.5,15.5,10]: n 15, sum 162.5, mean 10.833333333333334
        // mR-bar 35/14 = 2.5; UCL 17.483333333333334; close above 15.266666666666667
        // Both 15.5s are close, but 9.5 between them is below the mean: no window of three lies on one side.
        let result = try #require(analyse([10, 11, 9, 10, 11, 10, 11, 9, 10, 11, 10, 15.5, 9.5, 15.5, 10]))
        #expect(close(result.averageMovingRange, 2.5))
        #expect(close(result.upperNear, 15.266666666666667))
        #expect(result.points[11].value! > result.upperNear && result.points[11].value! < result.upperLimit)
        #expect(flagged(result).isEmpty)
    }

    @Test("a point exactly on the mean breaks a run")
    func pointOnMean() throws {
        // [9,10,12,9,10,9,10,12,13,12,11,12,13,12,12,10]: n 16, sum 176, mean exactly 11.0
        // 12, 13, 12, then 11 on the mean, then 12, 13, 12, 12: seven points above, but not in a row. flagged {}
        let result = try #require(analyse([9, 10, 12, 9, 10, 9, 10, 12, 13, 12, 11, 12, 13, 12, 12, 10]))
        #expect(result.mean == 11)
        #expect(close(result.averageMovingRange, 19.0 / 15))
        #expect(flagged(result).isEmpty)
    }

    @Test("a gap breaks moving ranges and runs")
    func gapBreaksRun() throws {
        // [9,10,8,9,10,9,12,13,12,12,gap,13,12,12,9]: n 14, sum 150, mean 10.714285714285714
        // moving ranges [1,2,1,1,1,3,1,1,0 | 1,0,3] (none into or out of the gap): sum 15 over 12, mR-bar 1.25
        // 12, 13, 12, 12 | 13, 12, 12: seven above the mean, split by the gap. flagged {}
        let withGap = try #require(analyse([9, 10, 8, 9, 10, 9, 12, 13, 12, 12, nil, 13, 12, 12, 9]))
        #expect(close(withGap.mean, 150.0 / 14))
        #expect(close(withGap.averageMovingRange, 1.25))
        #expect(withGap.points[10].movingRange == nil)
        #expect(withGap.points[11].movingRange == nil)
        #expect(withGap.points[12].movingRange == 1)
        #expect(flagged(withGap).isEmpty)
        // The same figures with 12 in place of the gap: mean 10.8, eight in a row above it (6..13), a shift.
        let filled = try #require(analyse([9, 10, 8, 9, 10, 9, 12, 13, 12, 12, 12, 13, 12, 12, 9]))
        #expect(close(filled.mean, 10.8))
        #expect(flagged(filled) == Dictionary(uniqueKeysWithValues: (6...13).map { ($0, Set([SPC.Rule.shift])) }))
    }

    @Test("a month missing from the data (no record at all) breaks the series like a gap")
    func missingPeriodBreaks() throws {
        var observations = monthly(from: "Apr-18", [9, 10, 8, 9, 10, 9, 12, 13, 12, 12, 12, 13, 12, 12, 9])
        observations.remove(at: 10)
        let result = try SPC.analyse(observations, polarity: .high, target: nil).get()
        #expect(result.points[10].movingRange == nil)
        #expect(!result.points.contains { $0.rules.contains(.shift) })
    }

    @Test("a trend does not continue across a gap")
    func gapBreaksTrend() throws {
        // 8, 9, 10, 11 | gap | 12, 13, 14: seven rising values but never seven in one unbroken stretch.
        let result = try #require(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, nil, 12, 13, 14]))
        #expect(!result.points.contains { $0.rules.contains(.trend) })
    }

    // MARK: Classification by polarity

    @Test(
        "a point above the upper limit, by polarity",
        arguments: [
            (Polarity.high, SPC.PointType.improvement, SPC.Variation.improvementHigh),
            (.low, .concern, .concernHigh),
            (.none, .neitherHigh, .neitherHigh),
        ])
    func highPoint(polarity: Polarity, type: SPC.PointType, variation: SPC.Variation) throws {
        // [10,12,9,11,10,9,12,8,9,10,11,20]: n 12, sum 131, mean 10.916666666666666
        // mR-bar 28/11 = 2.5454545454545454; UCL 17.687575757575758, LCL 4.145757575757575; flagged {11: outside}
        let result = try #require(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 20], polarity: polarity))
        #expect(close(result.upperLimit, 17.687575757575758))
        #expect(close(result.lowerLimit, 4.145757575757575))
        #expect(flagged(result) == [11: [.outsideLimits]])
        #expect(result.points[11].type == type)
        #expect(result.variation == variation)
    }

    @Test(
        "a point below the lower limit, by polarity",
        arguments: [
            (Polarity.high, SPC.PointType.concern, SPC.Variation.concernLow),
            (.low, .improvement, .improvementLow),
            (.none, .neitherLow, .neitherLow),
        ])
    func lowPoint(polarity: Polarity, type: SPC.PointType, variation: SPC.Variation) throws {
        // [10,12,9,11,10,9,12,8,9,10,11,2]: n 12, sum 113, mean 9.416666666666666
        // mR-bar 28/11; UCL 16.187575757575758, LCL 2.6457575757575746; flagged {11: outside}
        let result = try #require(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 2], polarity: polarity))
        #expect(close(result.lowerLimit, 2.6457575757575746))
        #expect(flagged(result) == [11: [.outsideLimits]])
        #expect(result.points[11].type == type)
        #expect(result.variation == variation)
    }

    // MARK: Assurance

    @Test(
        "assurance compares the target with the process limits (4.15 to 17.69)",
        arguments: [
            (Polarity.high, 20.0, SPC.Assurance.consistentlyFail),  // target above the upper limit: never reached
            (.high, 3.0, .consistentlyPass),  // target below the lower limit: always met
            (.high, 12.0, .hitAndMiss),
            (.low, 20.0, .consistentlyPass),
            (.low, 3.0, .consistentlyFail),
            (.low, 12.0, .hitAndMiss),
        ])
    func assurance(polarity: Polarity, target: Double, expected: SPC.Assurance) throws {
        let result = try #require(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 20], polarity: polarity, target: target))
        #expect(result.assurance == expected)
    }

    @Test("no assurance without a target or without a polarity")
    func noAssurance() {
        #expect(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 20], polarity: .high)?.assurance == nil)
        #expect(analyse([10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11, 20], polarity: .none, target: 20)?.assurance == nil)
    }

    // MARK: When SPC cannot be done

    @Test("fewer than 12 figures: unavailable, saying how many there are")
    func tooFewPoints() {
        let eleven = monthly(from: "Apr-18", [10, 12, 9, 11, 10, 9, 12, 8, 9, 10, 11])
        #expect(throws: SPC.UnavailableError(reason: .tooFewPoints(11))) {
            try SPC.analyse(eleven, polarity: .high, target: nil).get()
        }
        // Twelve periods but one a gap is still eleven figures.
        let withGap = monthly(from: "Apr-18", [10, 12, 9, 11, 10, nil, 12, 8, 9, 10, 11, 13])
        #expect(throws: SPC.UnavailableError(reason: .tooFewPoints(11))) {
            try SPC.analyse(withGap, polarity: .high, target: nil).get()
        }
        #expect(SPC.Unavailable.tooFewPoints(11).sentence == "Too few points for SPC: 11 figures, at least 12 needed")
    }

    @Test("every figure the same: no variation to chart")
    func noVariation() {
        #expect(throws: SPC.UnavailableError(reason: .noVariation)) {
            try SPC.analyse(monthly(from: "Apr-18", Array(repeating: 10, count: 12)), polarity: .high, target: nil).get()
        }
        #expect(SPC.Unavailable.noVariation.sentence == "No SPC: every figure is the same")
    }

    @Test("twelve figures with no two consecutive: no moving range at all")
    func noMovingRange() {
        let alternate = monthly(from: "Apr-18", (0..<23).map { $0 % 2 == 0 ? Double($0) : nil })
        #expect(throws: SPC.UnavailableError(reason: .tooFewPoints(12))) {
            try SPC.analyse(alternate, polarity: .high, target: nil).get()
        }
    }

    @Test("variation and assurance sentences")
    func sentences() {
        #expect(SPC.Variation.improvementLow.sentence == "Special cause variation: improvement (lower)")
        #expect(SPC.Variation.commonCause.shortText == "Common cause")
        #expect(SPC.Assurance.consistentlyFail.shortText == "Consistently fails")
        #expect(SPC.Rule.shift.sentence == "a run of 7 or more points on one side of the mean")
        #expect(SPC.Rule.allCases.sorted() == [.outsideLimits, .shift, .trend, .twoOfThree])
    }
}

@Suite("SPC rebasing and moving-range screening")
struct SPCRebaseTests {
    func monthly(_ values: [Double]) -> [Observation] {
        DashboardCoreTests.monthly(from: "Apr-18", values.map { Optional($0) })
    }

    @Test("rebase: [2020-03] works the mean and limits afresh from March 2020, as separate segments")
    func rebase() throws {
        // April 2018 to February 2020 around 10; March 2020 on around 20 (the pandemic's change in demand).
        let before: [Double] = (0..<23).map { 10 + Double($0 % 3) }  // 10, 11, 12, …: mean 10.96
        let after: [Double] = (0..<12).map { 20 + Double($0 % 2) }  // 20, 21, …: mean 20.5
        let series = monthly(before + after)
        let result = try SPC.analyse(series, polarity: .high, target: nil, options: SPC.Options(rebase: [period("2020-03")])).get()
        #expect(result.segments.count == 2)
        #expect(result.segments[0].range == 0..<23)
        #expect(result.segments[1].range == 23..<35)
        #expect(abs(result.segments[1].mean - 20.5) < 1e-9)
        #expect(abs(result.mean - 20.5) < 1e-9)
        #expect(abs(result.segments[0].mean - before.reduce(0, +) / 23) < 1e-9)
        // Without rebasing, the later figures are all a shift above one mean.
        let plain = try SPC.analyse(series, polarity: .high, target: nil).get()
        #expect(plain.segments.count == 1)
        #expect(plain.points[34].rules.contains(.shift))
        #expect(result.points[34].rules.isEmpty)
    }

    @Test("a stretch after a rebase with too few figures is said, not charted")
    func shortStretch() {
        let series = monthly((0..<20).map { 10 + Double($0 % 3) })
        let result = SPC.analyse(series, polarity: .high, target: nil, options: SPC.Options(rebase: [period("2019-06")]))
        #expect((try? result.get()) == nil)
    }

    @Test("screening leaves out moving ranges of 3.267 × their mean or more, as NHSRplotthedots does by default")
    func screening() throws {
        // Moving ranges: 1 eleven times and one jump of 30 and back: mean mR (11 + 59) / 13 = 5.38; screened, 1.
        let values: [Double] = [10, 11, 10, 11, 10, 11, 40, 10, 11, 10, 11, 10, 11, 10]
        let plain = try SPC.analyse(monthly(values), polarity: .high, target: nil).get()
        let screened = try SPC.analyse(monthly(values), polarity: .high, target: nil, options: SPC.Options(screenMovingRanges: true)).get()
        #expect(abs(plain.averageMovingRange - 70.0 / 13) < 1e-9)
        #expect(abs(screened.averageMovingRange - 1) < 1e-9)
        #expect(screened.upperLimit < plain.upperLimit)
    }

    @Test("spc: {rebase: [2020-03], screen_moving_ranges: true} is read from dashboard.yml")
    func decoded() {
        var diagnostics = Diagnostics()
        let node = yaml([
            "title": s("Cases awaiting allocation"), "unit": s("count"), "polarity": s("low"),
            "spc": yaml(["rebase": YAML.list("2020-03"), "screen_moving_ranges": s("true")]),
        ])
        let definition = DashboardDecoder.decodeIndicator(
            ConfigEntry(key: "allocation", keyLocation: at("dashboard.yml", 1, 1), value: node),
            diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(definition?.spcOptions == SPC.Options(rebase: [period("2020-03")], screenMovingRanges: true))
    }
}
