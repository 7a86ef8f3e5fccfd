import Testing

@testable import DashboardCore

/// `dashboard.yml` trees built as the YAML reader would hand them over.
@Suite("Decoding dashboard.yml")
struct DashboardDecoderTests {
    /// The smallest useful dashboard: a title, an organisation and one indicator.
    static func minimalCFWS(indicators: ConfigNode? = nil, extra: KeyValuePairs<String, ConfigNode> = [:]) -> ConfigNode {
        var entries: [(String, ConfigNode)] = [
            ("title", s("Children and Family Wellbeing Service performance")),
            ("organisation", s("Leicestershire County Council")),
            (
                "indicators",
                indicators
                    ?? YAML.map(
                        [
                            (
                                "family-star-total",
                                YAML.map(
                                    [
                                        ("title", s("Family Star: total number of assessments")), ("unit", s("count")), ("polarity", s("none")),
                                    ], line: 10)
                            )
                        ], line: 9)
            ),
        ]
        entries += extra.map { ($0.key, $0.value) }
        return YAML.map(entries)
    }

    static func indicatorNode(_ entries: KeyValuePairs<String, ConfigNode>, line: Int = 20) -> ConfigNode {
        yaml(entries, line: line)
    }

    /// A dashboard of the given indicators (id → its keys).
    static func dashboard(_ indicators: [(String, ConfigNode)], extra: KeyValuePairs<String, ConfigNode> = [:]) -> ConfigNode {
        minimalCFWS(indicators: YAML.map(indicators, line: 9), extra: extra)
    }

    private func messages(_ root: ConfigNode, id: String = "cfws") -> [String] {
        DashboardDecoder.decode(root, id: id).1.items.map(\.message)
    }

    @Test("a minimal dashboard decodes, with one section holding every indicator")
    func minimal() throws {
        let (definition, diagnostics) = DashboardDecoder.decode(Self.minimalCFWS(), id: "cfws")
        #expect(diagnostics.isEmpty)
        let cfws = try #require(definition)
        #expect(cfws.id == "cfws")
        #expect(cfws.title == "Children and Family Wellbeing Service performance")
        #expect(cfws.organisation == "Leicestershire County Council")
        #expect(cfws.indicators.map(\.id) == ["family-star-total"])
        #expect(cfws.sections.map(\.title) == ["Indicators"])
        #expect(cfws.sections.first?.indicatorIDs == ["family-star-total"])
        let total = try #require(cfws.indicator("family-star-total"))
        #expect(total.unit == .count)
        #expect(total.polarity == .none)
        #expect(total.aggregation == .sum)
        #expect(total.chart == .line)
        #expect(total.ragMethod == .auto)
        #expect(total.location == at("dashboard.yml", 9, 3))
    }

    @Test("without aggregation, counts add up and percentages are never summed")
    func defaultAggregation() throws {
        let root = Self.dashboard([
            ("assessments", yaml(["title": s("Assessments"), "unit": s("count"), "polarity": s("none")])),
            ("positive", yaml(["title": s("Positive"), "unit": s("count"), "polarity": s("none")])),
            (
                "rate",
                yaml([
                    "title": s("Rate"), "unit": s("percent"), "polarity": s("high"),
                    "numerator": s("positive"), "denominator": s("assessments"),
                ])
            ),
            ("timeliness", yaml(["title": s("In 45 days"), "unit": s("percent"), "polarity": s("high")])),
            ("reoffending", yaml(["title": s("Re-offending"), "unit": s("rate"), "polarity": s("low")])),
        ])
        let definition = try #require(DashboardDecoder.decode(root, id: "cfws").0)
        #expect(definition.indicator("assessments")?.aggregation == .sum)
        #expect(definition.indicator("rate")?.aggregation == .ratio)
        #expect(definition.indicator("timeliness")?.aggregation == .given)
        #expect(definition.indicator("reoffending")?.aggregation == .given)
    }

    @Test("every indicator key, as the CFWS and KPI dashboards use them")
    func everyKey() throws {
        let rate = Self.indicatorNode([
            "title": s(" Family Star: positive progress made in at least 3 of the 10 domains (%) "),
            "short_title": s("Family Star positive progress"),
            "unit": s("Percent"), "polarity": s("HIGH"), "aggregation": s("ratio"), "chart": s("spc"),
            "numerator": s("family-star-positive"), "denominator": s("family-star-total"),
            "decimals": s("1"), "rag": s("target"), "similar_within": s("2"), "rag_tolerance": s("10%"),
            "target": s("97.0%"),
            "axis": yaml(["min": s("0"), "max": s("100")]),
            "source": s("CFWS performance appendix"), "definition": s("Of families completing a Family Star…"),
            "commentary": s("At the end of 2019/20, 69% of families…"),
            "benchmarks": yaml([
                "2020/21 Q1": yaml([
                    "national": s("88%"), "regional": s("89.5%"), "statistical_neighbours": s("90.8%"),
                    "national_quartile": s("2"), "quartile_position": s("high"),
                    "national_change": s("10.2%"), "regional_change": s("9.5"),
                ])
            ]),
            "reported": yaml(["2020/21 Q1": yaml(["direction": s("Higher (low is good)"), "rag": s("A")])]),
        ])
        let count = { (title: String) in Self.indicatorNode(["title": s(title), "unit": s("count"), "polarity": s("none")]) }
        let root = Self.dashboard(
            [
                ("family-star-positive-rate", rate),
                ("family-star-total", count("Family Star: total")),
                ("family-star-positive", count("Family Star: positive")),
            ],
            extra: [
                "summary": s("The CFWS was introduced in April 2019."),
                "as_of": s("2020/21 Q1"),
                "editions": YAML.list("2020/21 Q1", "2019/20 Q3", "2019/20 Q4"),
                "brand_colour": s("#12436D"),
                "sections": YAML.list([
                    yaml([
                        "title": s("Family Star outcomes"), "summary": s("A Family Star assessment…"),
                        "indicators": YAML.list("family-star-positive-rate", "family-star-total", "family-star-positive"),
                    ])
                ]),
            ])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(diagnostics.isEmpty, "\(diagnostics.items)")
        let cfws = try #require(definition)
        #expect(cfws.summary == "The CFWS was introduced in April 2019.")
        #expect(cfws.asOf == period("2020/21 Q1"))
        #expect(cfws.editions == ["2019/20 Q3", "2019/20 Q4", "2020/21 Q1"].map { period($0) })
        #expect(cfws.brandColour == "#12436d")
        #expect(cfws.sections.map(\.title) == ["Family Star outcomes"])
        #expect(cfws.sections.first?.summary == "A Family Star assessment…")

        let indicator = try #require(cfws.indicator("family-star-positive-rate"))
        #expect(indicator.title == "Family Star: positive progress made in at least 3 of the 10 domains (%)")
        #expect(indicator.displayTitle == "Family Star positive progress")
        #expect(indicator.unit == .percent)
        #expect(indicator.polarity == .high)
        #expect(indicator.aggregation == .ratio)
        #expect(indicator.chart == .spc)
        #expect(indicator.numeratorID == "family-star-positive")
        #expect(indicator.denominatorID == "family-star-total")
        #expect(indicator.decimals == 1)
        #expect(indicator.ragMethod == .target)
        #expect(indicator.similarWithin == .absolute(2))
        #expect(indicator.ragTolerance == .relative(0.1))
        #expect(indicator.target == 97.0)
        #expect(indicator.axisMinimum == 0)
        #expect(indicator.axisMaximum == 100)
        #expect(indicator.source == "CFWS performance appendix")
        let benchmarks = try #require(indicator.benchmarks[period("2020/21 Q1")])
        #expect(benchmarks.national == 88)
        #expect(benchmarks.regional == 89.5)
        #expect(benchmarks.statisticalNeighbours == 90.8)
        #expect(benchmarks.nationalQuartile == 2)
        #expect(benchmarks.quartilePosition == .high)
        #expect(benchmarks.nationalChange == 0.102)
        #expect(benchmarks.regionalChange == 0.095)
        #expect(indicator.reported[period("2020/21 Q1")]?.direction == .higher)
        #expect(indicator.reported[period("2020/21 Q1")]?.rag == .amber)
    }

    @Test("targets per period override the indicator's target")
    func targetsPerPeriod() throws {
        let root = Self.dashboard([
            (
                "neet-16-17",
                Self.indicatorNode([
                    "title": s("NEET young people aged 16-17"), "unit": s("percent"), "polarity": s("low"),
                    "target": yaml(["2019/20": s("2.5%"), "2020/21 Q1": s("2.0")]),
                ])
            )
        ])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "children-and-families")
        #expect(diagnostics.isEmpty)
        let neet = try #require(definition?.indicator("neet-16-17"))
        #expect(neet.target == nil)
        #expect(neet.target(for: period("2020/21 Q1")) == 2.0)
        #expect(neet.target(for: period("2019/20")) == 2.5)
        // A financial year's target applies to the quarters inside it; a quarter's only to that quarter.
        #expect(neet.target(for: period("2019/20 Q4")) == 2.5)
        #expect(neet.target(for: period("2020/21 Q2")) == nil)
    }

    // MARK: Missing and empty keys

    @Test("a dashboard with no title, organisation or indicators")
    func missingDashboardKeys() {
        let root = yaml(["summary": s("nothing else")])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(definition == nil)
        #expect(
            diagnostics.errors.map(\.message) == [
                "the dashboard has no 'title'", "the dashboard has no 'organisation'", "the dashboard has no 'indicators'",
            ])
    }

    @Test("an indicator without title, unit or polarity: each named, at the indicator's key")
    func missingIndicatorKeys() {
        let root = Self.dashboard([("custody-instances", Self.indicatorNode(["chart": s("comparison")]))])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "children-and-families")
        #expect(definition == nil)
        #expect(
            diagnostics.errors.map(\.message) == [
                "indicator 'custody-instances' has no 'title'",
                "indicator 'custody-instances' has no 'unit' (count | percent | rate | ratio | currency | days | rank)",
                "indicator 'custody-instances' has no 'polarity' (high | low | none)",
            ])
        #expect(diagnostics.errors[1].location == at("dashboard.yml", 9, 3))
    }

    @Test("a key given with no value (YAML null) is reported, not silently dropped")
    func emptyValues() {
        let root = YAML.map([
            ("title", YAML.null), ("organisation", s("Leicestershire County Council")),
            (
                "indicators",
                YAML.map(
                    [
                        (
                            "custody-instances",
                            YAML.map(
                                [
                                    ("title", YAML.null), ("unit", YAML.null), ("polarity", YAML.null),
                                ], line: 10)
                        )
                    ], line: 9)
            ),
        ])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "children-and-families")
        #expect(definition == nil)
        #expect(diagnostics.hasErrors)
        #expect(
            diagnostics.errors.map(\.message) == [
                "'title' is empty",
                "'title' is empty",
                "indicator 'custody-instances' has no 'unit' (count | percent | rate | ratio | currency | days | rank)",
                "indicator 'custody-instances' has no 'polarity' (high | low | none)",
            ])
    }

    @Test("an empty title is reported at its value")
    func blankTitle() {
        let root = YAML.map([
            ("title", YAML.scalar("  ", at: at("dashboard.yml", 1, 8))), ("organisation", s("Leicestershire County Council")),
            ("indicators", YAML.map([])),
        ])
        let (_, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(diagnostics.errors.map(\.message) == ["'title' is empty"])
        #expect(diagnostics.errors.first?.location == at("dashboard.yml", 1, 8))
    }

    // MARK: Misspellings and bad values

    @Test(
        "an unknown key is an error with a 'did you mean'",
        arguments: [
            ("polarty", "unknown key 'polarty' in indicator 'x'; did you mean 'polarity'?"),
            ("agregation", "unknown key 'agregation' in indicator 'x'; did you mean 'aggregation'?"),
            ("colour", "unknown key 'colour' in indicator 'x'"),
        ])
    func unknownIndicatorKey(key: String, message: String) {
        let root = Self.dashboard([
            (
                "x",
                YAML.map(
                    [
                        ("title", s("X")), ("unit", s("count")), ("polarity", s("none")), (key, s("high")),
                    ], line: 10)
            )
        ])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(definition == nil)
        #expect(diagnostics.errors.map(\.message) == [message])
        #expect(diagnostics.errors.first?.location == at("dashboard.yml", 13, 3))
    }

    @Test("a misspelt dashboard key is reported twice over: unknown, and the real key missing")
    func unknownDashboardKey() {
        let root = YAML.map([
            ("title", s("KPIs")), ("organization", s("Leicestershire County Council")), ("indicators", YAML.map([])),
        ])
        #expect(
            messages(root) == [
                "the dashboard has no 'organisation'",
                "unknown key 'organization' in the dashboard; did you mean 'organisation'?",
            ])
    }

    @Test(
        "an invalid choice names the choices and the closest one",
        arguments: [
            ("unit", "percentage", "'percentage' is not a valid unit: use one of count, percent, rate, ratio, currency, days, rank; did you mean 'percent'?"),
            ("polarity", "hihg", "'hihg' is not a valid polarity: use one of high, low, none; did you mean 'high'?"),
            ("chart", "bar", "'bar' is not a valid chart: use one of line, column, stacked, spc, comparison"),
            ("aggregation", "total", "'total' is not a valid aggregation: use one of sum, mean, last, ratio, given"),
            ("rag", "quartiles", "'quartiles' is not a valid rag: use one of auto, quartile, target, none; did you mean 'quartile'?"),
        ])
    func invalidChoice(key: String, value: String, message: String) {
        var entries: [(String, ConfigNode)] = [("title", s("X")), ("unit", s("count")), ("polarity", s("none"))]
        if let index = entries.firstIndex(where: { $0.0 == key }) { entries[index].1 = s(value) } else { entries.append((key, s(value))) }
        let (definition, diagnostics) = DashboardDecoder.decode(Self.dashboard([("x", YAML.map(entries, line: 10))]), id: "cfws")
        #expect(definition == nil)
        #expect(diagnostics.errors.map(\.message) == [message])
    }

    @Test("a value of the wrong kind")
    func wrongKind() {
        let root = Self.dashboard([
            (
                "x",
                yaml([
                    "title": YAML.list("a", "b"), "unit": s("count"), "polarity": s("none"), "parts": s("y"),
                ])
            )
        ])
        #expect(
            messages(root) == [
                "'title' must be a single value, not a list",
                "parts must be a list (lines starting '- ' or [a, b]), not a single value",
            ])
        #expect(messages(YAML.scalar("just text")) == ["dashboard.yml must be a mapping of keys to values, not a single value"])
    }

    @Test("a key given twice")
    func duplicateKey() {
        let root = Self.dashboard([
            (
                "x",
                yaml(
                    [
                        "title": s("X"), "unit": s("count"), "polarity": s("none"), "unit": s("percent"),
                    ], line: 10)
            )
        ])
        #expect(messages(root) == ["'unit' is given twice (first at line 11); keep one"])
    }

    @Test(
        "numbers in the wrong unit are rejected",
        arguments: [
            ("target", "5%", "'target' is a percentage but the indicator's unit is count"),
            ("target", "£5", "'target' is in pounds but the indicator's unit is count"),
            ("target", "n/a", "'target' must be a number; leave it out when there is none"),
            ("target", "lots", "'target': 'lots' is not a number, and not a gap marker (\(FigureParser.markerList))"),
            ("similar_within", "-2", "'similar_within' must be a non-negative number in the indicator's unit (2) or a percentage of the figure (5%)"),
            ("decimals", "7", "'decimals' must be a whole number from 0 to 6, not '7'"),
        ])
    func wrongUnit(key: String, value: String, message: String) {
        let root = Self.dashboard([
            (
                "custody-instances",
                YAML.map(
                    [
                        ("title", s("Use of custody")), ("unit", s("count")), ("polarity", s("low")), (key, s(value)),
                    ], line: 10)
            )
        ])
        #expect(messages(root, id: "children-and-families") == [message])
    }

    @Test("a currency target for a currency indicator is fine")
    func currencyTarget() throws {
        let root = Self.dashboard([("cost", yaml(["title": s("Cost per case"), "unit": s("currency"), "polarity": s("low"), "target": s("£1,234.50")]))])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(diagnostics.isEmpty)
        #expect(definition?.indicator("cost")?.target == 1234.5)
    }

    @Test("benchmarks and reported judgements are checked")
    func badBenchmarks() {
        let root = Self.dashboard([
            (
                "x",
                yaml([
                    "title": s("X"), "unit": s("percent"), "polarity": s("high"),
                    "benchmarks": yaml(["2020/21 Q1": yaml(["national_quartile": s("5"), "quartile_position": s("top"), "national": s("£3")])]),
                    "reported": yaml(["2020/21 Q1": yaml(["direction": s("sideways"), "rag": s("purple")]), "Q1": yaml(["rag": s("G")])]),
                ])
            )
        ])
        #expect(
            messages(root) == [
                "'national' is in pounds but the indicator's unit is percent",
                "'national_quartile' must be a whole number from 1 to 4, not '5'",
                "'top' is not a valid quartile_position: use one of high, low; did you mean 'low'?",
                "'sideways' is not a direction: use better, worse, similar, higher or lower",
                "'purple' is not a status of the RAG key ('Green', 'Amber', 'Red'); a dashboard with other statuses lists them under rag_key:",
                "'Q1' has no year: write the financial year with the quarter, e.g. 2020/21 Q1",
            ])
    }

    @Test("other dashboard values are checked")
    func badDashboardValues() {
        let root = Self.minimalCFWS(extra: [
            "brand_colour": s("blue"), "as_of": s("Q1"), "editions": YAML.list("2019/20 Q3", "Q3 2019/20"),
        ])
        #expect(
            messages(root) == [
                "'Q1' has no year: write the financial year with the quarter, e.g. 2020/21 Q1",
                "the edition 2019/20 Q3 is listed twice",
                "brand_colour must be a colour written #RRGGBB, such as #12436d, not 'blue'",
            ])
    }

    @Test(
        "the words papers use in 'compared to previous'",
        arguments: [
            ("Better", StatedDirection.better), ("Higher (low is good)", .higher), ("Lower (high is good)", .lower),
            ("Higher (no polarity)", .higher), ("Same", .similar), ("Similar", .similar), ("  worse ", .worse),
            ("Improved", .better), ("Declined", .worse), ("Lower", .lower),
        ])
    func statedDirection(text: String, expected: StatedDirection) {
        #expect(DashboardDecoder.statedDirection(text) == expected)
    }

    @Test("words that are no direction", arguments: ["", "n/a", "sideways", "- better"])
    func notADirection(text: String) {
        #expect(DashboardDecoder.statedDirection(text) == nil)
    }

    // MARK: Ids and cross references

    @Test(
        "ids are lower-case letters, digits and single hyphens",
        arguments: [
            ("family-star-positive", true), ("cp-plans-2-years", true), ("2020", true), ("a", true),
            ("../x", false), ("Bad_ID", false), ("bad id", false), ("-x", false), ("x-", false), ("", false),
            ("café", false), (String(repeating: "a", count: 80), true), (String(repeating: "a", count: 81), false),
        ])
    func identifiers(id: String, valid: Bool) {
        #expect(Identifier.isValid(id) == valid)
    }

    @Test("an invalid indicator id is an error at its key", arguments: ["../x", "Bad_ID"])
    func invalidIndicatorID(id: String) {
        let root = Self.dashboard([(id, yaml(["title": s("X"), "unit": s("count"), "polarity": s("none")]))])
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(definition == nil)
        #expect(diagnostics.errors.map(\.message) == ["'\(id)' cannot be an indicator id: use \(Identifier.rule)"])
        #expect(diagnostics.errors.first?.location == at("dashboard.yml", 9, 3))
    }

    @Test(
        "ids whose pages or charts would take another's file name are errors",
        arguments: [
            (["index"], "'index' cannot be an indicator id: the dashboard's own page is index.html; choose another id"),
            (
                ["open-cases", "open-cases-spark"],
                "'open-cases-spark' cannot be an indicator id beside 'open-cases': the sparkline of 'open-cases' has that file name; choose another id"
            ),
            (
                ["open-cases-print", "open-cases"],
                "'open-cases-print' cannot be an indicator id beside 'open-cases': the printed chart of 'open-cases' has that file name; choose another id"
            ),
        ])
    func idsThatWouldShareFileNames(ids: [String], message: String) {
        let root = Self.dashboard(ids.map { ($0, yaml(["title": s("X \($0)"), "unit": s("count"), "polarity": s("none")])) })
        let (definition, diagnostics) = DashboardDecoder.decode(root, id: "cfws")
        #expect(definition == nil)
        #expect(diagnostics.errors.map(\.message) == [message])
    }

    @Test("an id ending -spark or -print with no indicator of its stem is fine")
    func sparkSuffixAlone() {
        let root = Self.dashboard([("open-cases-spark", yaml(["title": s("X"), "unit": s("count"), "polarity": s("none")]))])
        #expect(DashboardDecoder.decode(root, id: "cfws").1.errors.isEmpty)
    }

    @Test("an invalid dashboard id (the folder name)", arguments: ["../x", "Bad_ID"])
    func invalidDashboardID(id: String) {
        let (definition, diagnostics) = DashboardDecoder.decode(Self.minimalCFWS(), id: id)
        #expect(definition == nil)
        #expect(diagnostics.errors.map(\.message) == ["the folder name '\(id)' cannot be a dashboard id: use \(Identifier.rule)"])
    }

    private static let count = yaml(["title": s("X"), "unit": s("count"), "polarity": s("none")])

    @Test("a section listing an unknown indicator, with a suggestion")
    func sectionUnknownIndicator() {
        let root = Self.dashboard(
            [("family-star-total", Self.count), ("family-star-positive", Self.count)],
            extra: [
                "sections": YAML.list([yaml(["title": s("Family Star outcomes"), "indicators": YAML.list("family-star-totl", "family-star-positive")])])
            ])
        #expect(
            messages(root) == [
                "section 'Family Star outcomes' lists 'family-star-totl', which is not an indicator of this dashboard; did you mean 'family-star-total'?",
                "indicator 'family-star-total' is in no section, so no page links to it",
            ])
    }

    @Test("an indicator in two sections, and a section without indicators or title")
    func sectionProblems() {
        let root = Self.dashboard(
            [("x", Self.count)],
            extra: [
                "sections": YAML.list([
                    yaml(["title": s("One"), "indicators": YAML.list("x")]),
                    yaml(["title": s("Two"), "indicators": YAML.list("x")]),
                    yaml(["summary": s("no title")]),
                ])
            ])
        #expect(
            messages(root) == [
                "this section has no 'title'",
                "this section has no 'indicators'",
                "'x' is listed in more than one section (first at line 1)",
            ])
    }

    @Test("parts must share their total's unit")
    func partsOfAnotherUnit() {
        let root = Self.dashboard([
            (
                "open-cases-total",
                yaml(["title": s("Open cases"), "unit": s("count"), "polarity": s("none"), "parts": YAML.list("open-cases-key-worker", "family-star-positive-rate")])
            ),
            ("open-cases-key-worker", Self.count),
            ("family-star-positive-rate", yaml(["title": s("Rate"), "unit": s("percent"), "polarity": s("high")])),
        ])
        #expect(
            messages(root) == [
                "part 'family-star-positive-rate' is measured in percent but 'open-cases-total' in count; parts must add up to their total"
            ])
    }

    @Test("parts that go round in a circle")
    func partsCycle() {
        let root = Self.dashboard([
            ("a", yaml(["title": s("A"), "unit": s("count"), "polarity": s("none"), "parts": YAML.list("b")])),
            ("b", yaml(["title": s("B"), "unit": s("count"), "polarity": s("none"), "parts": YAML.list("c")])),
            ("c", yaml(["title": s("C"), "unit": s("count"), "polarity": s("none"), "parts": YAML.list("a")])),
        ])
        #expect(messages(root) == ["parts go round in a circle: a → b → c → a"])
    }

    @Test("a part of itself, an unknown part, and a stacked chart without parts")
    func partsProblems() {
        let root = Self.dashboard([
            ("a", yaml(["title": s("A"), "unit": s("count"), "polarity": s("none"), "parts": YAML.list("a", "bee")])),
            ("b", yaml(["title": s("B"), "unit": s("count"), "polarity": s("none"), "chart": s("stacked")])),
        ])
        #expect(
            messages(root) == [
                "'a' cannot be a part of itself",
                "'a' lists the part 'bee', which is not an indicator of this dashboard; did you mean 'b'?",
                "a stacked chart shows an indicator's parts, but 'b' has no 'parts'",
            ])
    }

    @Test("a numerator needs a denominator, and both must be indicators")
    func numeratorDenominator() {
        let root = Self.dashboard([
            ("rate", yaml(["title": s("Rate"), "unit": s("percent"), "polarity": s("high"), "numerator": s("positive")])),
            ("positives", Self.count),
        ])
        #expect(
            Set(messages(root)) == [
                "'rate' names the numerator 'positive', which is not an indicator of this dashboard; did you mean 'positives'?",
                "'rate' needs both a numerator and a denominator, or neither",
            ])
    }
}
