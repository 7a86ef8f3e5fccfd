import Testing

@testable import DashboardCore

/// Figures as committee papers print them.
@Suite("Reading figures as papers print them")
struct PaperFigureTests {
    func parsed(_ text: String) -> Figure? {
        guard case .success(let figure) = FigureParser.parse(text) else { return nil }
        return figure
    }

    func message(_ text: String) -> String? {
        guard case .failure(let failure) = FigureParser.parse(text) else { return nil }
        return failure.message
    }

    @Test("4/18 (22.2%): numerator, denominator and the printed percentage")
    func slashWithPercentage() throws {
        let figure = try #require(parsed("4/18 (22.2%)"))
        #expect(figure.value == 22.2)
        #expect(figure.decimals == 1)
        #expect(figure.hasPercentSign)
        #expect(figure.count == 4)
        #expect(figure.denominator == 18)
        #expect(!figure.isFromCounts)
    }

    @Test("24 of 39 and 66/14: a numerator over a denominator, with no percentage printed")
    func counts() throws {
        let of = try #require(parsed("24 of 39"))
        #expect(of.count == 24)
        #expect(of.denominator == 39)
        #expect(of.isFromCounts)
        let slash = try #require(parsed("66/14"))
        #expect(slash.count == 66)
        #expect(slash.denominator == 14)
    }

    @Test("415 90.4%: the count, then the percentage")
    func countThenPercentage() throws {
        let figure = try #require(parsed("415 90.4%"))
        #expect(figure.value == 90.4)
        #expect(figure.count == 415)
        #expect(figure.hasPercentSign)
    }

    @Test("£14.2m and £850k are pounds in full", arguments: [("£14.2m", 14_200_000.0), ("£850k", 850_000.0), ("£1.25bn", 1_250_000_000.0), ("£0.5M", 500_000.0)])
    func multipliers(text: String, value: Double) throws {
        let figure = try #require(parsed(text))
        #expect(figure.value == value)
        #expect(figure.hasCurrencySign)
        #expect(figure.decimals == 0)
    }

    @Test(
        "ranks: 4th, 1st, 22nd, 3rd and 11 out of 32",
        arguments: [
            ("4th", 4.0, nil as Double?), ("1st", 1, nil), ("22nd", 22, nil), ("3rd", 3, nil),
            ("11 out of 32", 11, 32),
        ])
    func ranks(text: String, value: Double, outOf: Double?) throws {
        let figure = try #require(parsed(text))
        #expect(figure.value == value)
        #expect(figure.isRank)
        #expect(figure.denominator == outOf)
    }

    @Test("a rank is written as papers write it, and its change in places")
    func rankFormatting() {
        #expect(Formatting.figure(4, unit: .rank, decimals: 0) == "4th")
        #expect(Formatting.figure(11, unit: .rank, decimals: 0) == "11th")
        #expect(Formatting.figure(21, unit: .rank, decimals: 0) == "21st")
        #expect(Formatting.figure(12, unit: .rank, decimals: 0) == "12th")
        #expect(Formatting.change(-3, unit: .rank, decimals: 0) == "-3 places")
    }

    @Test("malformed forms are refused with the reason")
    func refused() {
        #expect(message("24 of") == "'24 of' needs a whole number after 'of', as in 24 of 39 or 4/18")
        #expect(message("4/0") == "the denominator is 0")
        #expect(message("4/18 (22.2)") == "write the percentage in brackets with its sign, as in 4/18 (22.2%)")
        #expect(message("415 90.4") != nil)
    }

    // MARK: Through the assembler

    func assemble(_ definition: IndicatorDefinition, _ rows: [(String, String)]) -> (Dashboard, Diagnostics) {
        let records = rows.enumerated().map { index, row in
            ObservationRecord(
                indicator: definition.id, indicatorLocation: at("data.csv", index + 2, 1), period: period(row.0),
                figure: figure(row.1), valueLocation: at("data.csv", index + 2, 20))
        }
        let dashboardDefinition = DashboardDefinition(id: "d", title: "D", organisation: "O", indicators: [definition], location: at())
        return DashboardAssembler.assemble(dashboardDefinition, files: [DashboardAssembler.DataFile(path: "data.csv", records: records)])
    }

    @Test("re-offences per re-offender 26/12 then 66/14 is +117.6%, worked from the counts, not from rounded rates")
    func rateFromCounts() throws {
        let definition = indicator("reoffences-per-reoffender", unit: .rate, polarity: .low)
        let (dashboard, diagnostics) = assemble(definition, [("Jul 19 – Jun 20", "26/12"), ("Jul 20 – Jun 21", "66/14")])
        #expect(diagnostics.isEmpty)
        let analysis = Analysis.indicator(definition, in: dashboard, asOf: nil)
        let change = try #require(analysis.change)
        #expect(Formatting.percentChange(try #require(change.relative)) == "+117.6%")
        // Shown as printed, with the rate the counts make.
        #expect(analysis.format(try #require(analysis.latest)) == "66/14 (4.71)")
        #expect(analysis.direction?.direction == .worse)
    }

    @Test("a percentage with its counts is worked from them: 4/18 (22.2%) is 22.22…%, shown as 22.2%")
    func percentageFromCounts() throws {
        let definition = indicator("care-leavers-eet", unit: .percent, polarity: .high)
        let (dashboard, diagnostics) = assemble(definition, [("2020/21 Q1", "4/18 (22.2%)"), ("2020/21 Q2", "24 of 39")])
        #expect(diagnostics.isEmpty)
        let figures = dashboard.observations("care-leavers-eet")
        #expect(abs((figures[0].value ?? 0) - 400.0 / 18) < 1e-9)
        #expect(figures[0].numerator == 4)
        #expect(figures[0].denominator == 18)
        let analysis = Analysis.indicator(definition, in: dashboard, asOf: nil)
        // Shown as printed, the denominator kept: it tells a reader how few this is.
        #expect(analysis.format(figures[0]) == "4/18 (22.2%)")
        #expect(analysis.format(figures[1]) == "24 of 39 (61.5%)")
    }

    @Test("a printed percentage that its own counts contradict warns")
    func contradictingCounts() {
        let definition = indicator("care-leavers-eet", unit: .percent, polarity: .high)
        let (_, diagnostics) = assemble(definition, [("2020/21 Q1", "4/18 (24.2%)")])
        #expect(diagnostics.warnings.map(\.message) == ["24.2% does not match 4 / 18 = 22.2%"])
    }

    @Test("a rank figure needs unit: rank, and a rank unit needs a rank")
    func rankUnit() {
        let (_, wrong) = assemble(indicator("ks2-rank", unit: .count), [("2019", "11 out of 32")])
        #expect(wrong.errors.map(\.message) == ["ks2-rank is measured in count, but this figure is a rank; set unit: rank for a league-table place"])
        let rank = indicator("ks2-rank", unit: .rank, polarity: .low)
        let (dashboard, diagnostics) = assemble(rank, [("2019", "11 out of 32"), ("2020", "4th")])
        #expect(diagnostics.isEmpty)
        #expect(dashboard.observations("ks2-rank").first?.note == "out of 32")
        let analysis = Analysis.indicator(rank, in: dashboard, asOf: nil)
        #expect(analysis.direction?.direction == .better)
    }

    @Test("a wide-form percentage linked to its numerator and denominator indicators is checked: 3.7% against 171 / 5,039 warns")
    func linkedPercentage() {
        var share = indicator("ehcp-share-under-5", unit: .percent)
        share.numeratorID = "ehcp-under-5"
        share.denominatorID = "ehcp-local-total"
        let definition = DashboardDefinition(
            id: "send", title: "SEND", organisation: "O",
            indicators: [share, indicator("ehcp-under-5"), indicator("ehcp-local-total")], location: at())
        let dashboard = Dashboard(
            definition: definition,
            series: [
                "ehcp-share-under-5": [observation("2020-08", 3.7, decimals: 1)],
                "ehcp-under-5": [observation("2020-08", 171)],
                "ehcp-local-total": [observation("2020-08", 5039)],
            ])
        let warnings = ConsistencyChecks.check(dashboard).warnings.map(\.message)
        #expect(warnings == ["ehcp-share-under-5 for August 2020 is 3.7%, but ehcp-under-5 / ehcp-local-total is 171 / 5,039 = 3.4%"])
    }
}
