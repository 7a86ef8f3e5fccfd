import Testing

@testable import DashboardCore

/// Breaks in the data start a new SPC stretch, as a rebase does; trial limits under 13 figures, as
/// NHSRplotthedots warns (`ptd_add_short_group_warnings`, threshold 13).
@Suite("SPC across breaks in the data")
struct SPCBreakTests {
    /// 10, 11, 12, 10, 11, 12, …: mean 11 for any multiple of 3 figures.
    static func level(_ base: Double, _ count: Int) -> [Double?] { (0..<count).map { base + Double($0 % 3) } }

    static func options(_ series: [Observation], declared: [SPC.Break] = [], acrossBreaks: Bool = false) -> SPC.Options {
        SPC.Options(breaks: SPC.breaks(in: series, declared: declared), acrossBreaks: acrossBreaks)
    }

    @Test("a run of gaps noted as a break is one break at its first period; a note of a break in series says so")
    func breaksFound() {
        var series = monthly(from: "Apr-18", [1, 2, nil, nil, 3, nil, 4])
        series[5].gap = .suppressed
        series[2].note = "Break in series: new case system"
        let found = SPC.breaks(in: series)
        #expect(found.map(\.period) == [period("Jun-18")])
        #expect(found[0].phrase == "break in series")
        #expect(found[0].reason == "Break in series: new case system")
        #expect(found[0].description == "the break in series in June 2018")
    }

    @Test("after a break, the mean and limits are worked afresh from the first figure after it; no moving range crosses it")
    func newStretch() throws {
        // 15 figures around 11, a break (Jul-19), 15 figures around 21.
        let values = Self.level(10, 15) + [nil] + Self.level(20, 15)
        let series = monthly(from: "Apr-18", values)
        let result = try SPC.analyse(series, polarity: .high, target: nil, options: Self.options(series)).get()
        #expect(result.segments.count == 2)
        #expect(result.segments[0].range == 0..<15)
        #expect(result.segments[1].range == 15..<31)
        #expect(result.segments[1].start == .breakInData(SPC.Break(period: period("Jul-19"))))
        #expect(abs(result.segments[0].mean - 11) < 1e-9 && abs(result.segments[1].mean - 21) < 1e-9)
        #expect(result.points[16].movingRange == nil)
        #expect(result.variation == .commonCause)
        #expect(result.since == "since the break in data in July 2019")
        #expect(result.variationSentence == "Common cause variation: no significant change, against the process since the break in data in July 2019")
        #expect(!result.hasTrialLimits)
        // With one stretch the later figures are a shift above one mean: what the break prevents.
        let across = try SPC.analyse(series, polarity: .high, target: nil, options: Self.options(series, acrossBreaks: true)).get()
        #expect(across.segments.count == 1)
        #expect(across.variation == .improvementHigh)
        #expect(across.since == nil)
    }

    @Test("a stretch before a break too short for limits is left without them; the judgement is from the stretch since")
    func shortBefore() throws {
        let values = Self.level(10, 5) + [nil] + Self.level(20, 15)
        let series = monthly(from: "Apr-18", values)
        let result = try SPC.analyse(series, polarity: .high, target: nil, options: Self.options(series)).get()
        #expect(result.segments.count == 1)
        #expect(result.points.first?.period == period("Sep-18"))
        #expect(result.segments[0].observedCount == 15)
    }

    @Test("since a break with too few figures: said in words, not a signal")
    func shortSince() {
        let values = Self.level(10, 15) + [nil, nil] + Self.level(20, 5)
        let series = monthly(from: "Apr-18", values)
        let result = SPC.analyse(series, polarity: .low, target: nil, options: Self.options(series))
        guard case .failure(let failure) = result else {
            Issue.record("expected no SPC")
            return
        }
        #expect(failure.reason.sentence == "Not enough figures since the break in data in July 2019: 5 of 12")
    }

    @Test("a break declared in dashboard.yml starts a stretch at its own period, with its reason")
    func declared() throws {
        let values = Self.level(10, 15) + Self.level(20, 15)
        let series = monthly(from: "Apr-18", values)
        let change = SPC.Break(period: period("Jul-19"), reason: "recording moved to the case system")
        let result = try SPC.analyse(series, polarity: .high, target: nil, options: Self.options(series, declared: [change])).get()
        #expect(result.segments.map(\.range) == [0..<15, 15..<30])
        #expect(result.points[15].movingRange == nil)
        #expect(result.segments[1].start == .breakInData(change))
    }

    @Test("limits from 12 figures are trial limits; from 13 they are not")
    func trialLimits() throws {
        let twelve = try SPC.analyse(monthly(from: "Apr-18", Self.level(10, 12)), polarity: .high, target: nil).get()
        #expect(twelve.hasTrialLimits)
        #expect(
            twelve.trialLimitsSentence
                == "Trial limits: the mean and limits rest on 12 figures (fewer than 13), so they will change as figures are added")
        let thirteen = try SPC.analyse(monthly(from: "Apr-18", Self.level(10, 13)), polarity: .high, target: nil).get()
        #expect(!thirteen.hasTrialLimits)
        #expect(thirteen.trialLimitsSentence == nil)
    }

    @Test("break: {period: reason} and spc: {across_breaks: true} are read from dashboard.yml")
    func decoded() {
        var diagnostics = Diagnostics()
        let node = yaml([
            "title": s("Cases awaiting allocation"), "unit": s("count"), "polarity": s("low"),
            "spc": yaml(["across_breaks": s("true")]),
            "break": yaml(["2019-12": s("unassigned work introduced as an automated management report")]),
        ])
        let definition = DashboardDecoder.decodeIndicator(
            ConfigEntry(key: "allocation", keyLocation: at("dashboard.yml", 1, 1), value: node),
            diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(definition?.spcOptions.acrossBreaks == true)
        #expect(
            definition?.spcOptions.breaks == [
                SPC.Break(period: period("2019-12"), reason: "unassigned work introduced as an automated management report")
            ])
    }
}
