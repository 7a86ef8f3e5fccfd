import DashboardCharts
import DashboardCore
import Foundation

/// Turns analyses into the values the templates show. All wording a committee member reads is made here
/// (or in the core), so templates stay layout only.
enum PageFactory {
    static func directionBadge(_ analysis: IndicatorAnalysis) -> Badge? {
        guard let assessment = analysis.direction else { return nil }
        let style: String
        switch assessment.direction.judgement {
        case .improved: style = "better"
        case .declined: style = "worse"
        case .similar: style = "similar"
        case .noPolarity: style = "neutral"
        }
        let arrow = assessment.movement.arrow
        let text = arrow.isEmpty ? assessment.direction.words : "\(arrow) \(assessment.direction.words)"
        let detail = assessment.sentence(unit: analysis.unit, decimals: analysis.decimals, polarity: analysis.indicator.polarity)
        return Badge(text: text, style: style, detail: detail)
    }

    static func changeText(_ analysis: IndicatorAnalysis) -> String? {
        guard let change = analysis.change else { return nil }
        let text = change.describe(unit: analysis.unit, decimals: analysis.decimals)
        // Compared with another period than the one just before: name it.
        if let comparison = analysis.comparison, !comparison.isImmediatelyPrevious, comparison.expected != nil {
            return "\(text) on \(change.fromName)"
        }
        return text
    }

    static func ragBadge(_ analysis: IndicatorAnalysis) -> Badge? {
        guard let rag = analysis.rag else { return nil }
        var detail = "\(rag.status.name): \(rag.rule)"
        if let computed = rag.computed {
            if computed.status == rag.status {
                detail += "; the rules agree (\(computed.rule))"
            } else {
                detail += "; the rules would give \(computed.status.name) (\(computed.rule))"
            }
        }
        return Badge(text: rag.status.name, style: statusStyle(rag.status), detail: detail, badgeNote: rag.summary, colours: statusColours(rag.status))
    }

    /// The class a status's badge takes: the site's colours for Red, Amber and Green; a key's own colour is set inline.
    static func statusStyle(_ status: RAGStatus) -> String {
        if status.colour != nil { return "keyed" }
        return status.outcome?.rawValue ?? "neutral"
    }

    static func statusColours(_ status: RAGStatus) -> String? {
        guard let fill = status.colour, let text = status.writtenIn else { return nil }
        return "background: \(fill); color: \(text)"
    }

    /// The separate ratings for the latest period, each with its name: "Activity: Amber".
    static func ratingBadges(_ analysis: IndicatorAnalysis) -> [Badge] {
        analysis.ratings.map { rating in
            guard let status = rating.status else {
                return Badge(text: "\(rating.name): none", style: "neutral", detail: "\(rating.name) rating: none given for this period")
            }
            let meaning = status.meaning.map { " (\($0))" } ?? ""
            return Badge(
                text: "\(rating.name): \(status.name)", style: statusStyle(status),
                detail: "\(rating.name) rating: \(status.name)\(meaning), as reported", colours: statusColours(status))
        }
    }

    /// The dashboard's RAG key, where it sets its own: each status with its meaning and how it is given.
    static func ragKey(_ key: RAGKey) -> [KeyEntry] {
        guard key.isDeclared else { return [] }
        return key.statuses.map { status in
            let decided: String
            switch status.decision {
            case .rule(.green): decided = "given where the figure meets its target (or is green by the quartile key)"
            case .rule(.amber): decided = "given where the figure misses its target within the amber band (or is amber by the quartile key)"
            case .rule(.red): decided = "given where the figure misses its target beyond the amber band (or is red by the quartile key)"
            case .exceedsTarget(let margin):
                switch margin {
                case .absolute(let value):
                    decided =
                        "given where the figure beats its target by at least \(Formatting.number(value, decimals: Formatting.decimalPlaces(of: value, minimum: 0))) in the indicator's unit"
                case .relative, .smallerOf: decided = "given where the figure beats its target by at least \(margin.describeAroundTarget(unit: .rate, decimals: 0))"
                }
            case .reported: decided = "given only where the paper reports it"
            }
            return KeyEntry(
                badge: Badge(
                    text: status.name, style: statusStyle(status), detail: status.meaning ?? status.name,
                    colours: statusColours(status)),
                meaning: status.meaning, decided: decided)
        }
    }

    /// The KPI table's comparator columns: those the dashboard chooses, else the statistical neighbours' average
    /// where any indicator has one.
    static func comparatorColumns(_ definition: DashboardDefinition, analyses: [IndicatorAnalysis]) -> [String] {
        if let chosen = definition.kpiComparators { return chosen }
        let neighbours = BenchmarkComparison.Kind.statisticalNeighbours.name
        return analyses.contains { $0.benchmarks?.statisticalNeighbours != nil } ? [neighbours] : []
    }

    static func comparatorCells(_ analysis: IndicatorAnalysis, columns: [String]) -> [ComparatorCell] {
        columns.map { name in
            guard let (value, period, asAt) = ComparatorColumn.figure(name, in: analysis) else { return ComparatorCell(name: name, text: nil) }
            var text = benchmarkFigure(value, analysis)
            if let asAt, asAt != period { text += " (as at \(asAt.label))" }
            // The test against it, where the figure has counts: "similar, 95%".
            if let test = analysis.significance?.comparisons.first(where: { $0.name == name }) { text += " (\(test.word), \(test.level))" }
            return ComparatorCell(name: name, text: text)
        }
    }

    /// Whether chance could explain the figure: its interval, how it compares with each comparator and with the
    /// previous figure when tested, a caution for small numbers, or that no test could be made.
    static func chanceFact(_ analysis: IndicatorAnalysis) -> Fact? {
        guard analysis.latest?.value != nil else { return nil }
        guard let significance = analysis.significance else {
            return Fact(term: "Chance", details: "Not tested: no counts, so the comparisons above say only which figure is larger")
        }
        var sentences = ["Confidence interval: " + significance.describe(unit: analysis.unit, decimals: analysis.decimals)]
        if !significance.comparisons.isEmpty {
            sentences.append(AttentionPage.capitalised(Wording.list(significance.comparisons.map(\.sentence))))
        }
        if let change = significance.change {
            sentences.append("Change from \(change.fromPeriod.label): \(change.word) (\(change.level) confidence)")
        }
        if significance.smallNumbers { sentences.append("Caution: " + Significance.smallNumbersCaution) }
        return Fact(term: "Chance", details: sentences.joined(separator: ". ") + ".")
    }

    static func spcBadge(_ analysis: IndicatorAnalysis) -> Badge? {
        guard let spc = analysis.spc else { return spcUnavailableBadge(analysis) }
        let style: String
        switch spc.variation {
        case .commonCause: style = "common"
        case .improvementHigh, .improvementLow: style = "improvement"
        case .concernHigh, .concernLow: style = "concern"
        case .neitherHigh, .neitherLow: style = "neutral"
        }
        var text = spc.variation.shortText
        if let assurance = spc.assurance { text += "; " + assurance.shortText.lowercased() }
        // A signal says what it is judged against beside a direction judged against the previous figure, so
        // "Improvement" never seems to contradict "Worse" in one row; common cause names a stretch since a break.
        if spc.variation != .commonCause {
            text += ", " + spc.judgedAgainst
        } else if let since = spc.since {
            text += ", " + since
        }
        return Badge(text: text, style: style, detail: spcDetails(spc), icons: spcIcons(spc))
    }

    /// The variation icon, then the assurance icon where there is a target to assure.
    static func spcIcons(_ spc: SPC.Result) -> [IconImage] {
        func image(_ icon: SPCIcon, _ words: String) -> IconImage {
            IconImage(
                file: icon.fileName, file2x: icon.fileName2x,
                side: Int(SPCIcon.side), words: words)
        }
        var icons = [image(SPCIcon(spc.variation), spc.variationSentence)]
        if let assurance = spc.assurance { icons.append(image(SPCIcon(assurance), assurance.sentence)) }
        return icons
    }

    static func target(_ analysis: IndicatorAnalysis) -> String? {
        analysis.target.map { analysis.format($0, decimals: Formatting.decimalPlaces(of: $0, minimum: analysis.decimals)) }
    }

    static func benchmarkFigure(_ value: Double, _ analysis: IndicatorAnalysis) -> String {
        analysis.format(value, decimals: Formatting.decimalPlaces(of: value, minimum: analysis.decimals))
    }

    static func row(_ analysis: IndicatorAnalysis, url: String, sparkline: Image?, comparators: [String] = []) -> KPIRow {
        let latest = analysis.latest
        return KPIRow(
            title: analysis.indicator.displayTitle,
            url: url,
            period: latest?.label ?? "–",
            figure: latest.map { analysis.format($0) } ?? "No figure",
            previous: previousFigure(analysis),
            direction: directionBadge(analysis),
            change: changeText(analysis).map { text in
                // Said beside a direction that chance could explain, so "Better" never stands alone over a change a
                // test calls similar.
                guard let test = analysis.significance?.change else { return text }
                return text + (test.placement == .similar ? "; could be chance (\(test.level))" : "; beyond chance (\(test.level))")
            },
            notCompared: analysis.change == nil ? analysis.comparison?.note : nil,
            target: target(analysis),
            rag: ragBadge(analysis),
            ratings: ratingBadges(analysis),
            quartile: quartileText(analysis.benchmarks),
            neighbours: analysis.benchmarks?.statisticalNeighbours.map { benchmarkFigure($0, analysis) },
            comparators: comparatorCells(analysis, columns: comparators),
            spc: spcBadge(analysis),
            sparkline: sparkline,
            revised: revisedText(analysis, period: latest?.period),
            commentary: analysis.commentary?.text,
            paperSays: paperSays(analysis),
            figureNumber: latest?.value.map { KPINumber(value: $0, unit: analysis.unit, decimals: latest?.decimals ?? analysis.decimals) },
            targetNumber: analysis.target.map {
                KPINumber(value: $0, unit: analysis.unit, decimals: Formatting.decimalPlaces(of: $0, minimum: analysis.decimals))
            })
    }

    /// The figure the direction was judged against, with its period, as the paper printed it; the period
    /// compared with where it is a gap. Nil where the data has no earlier figure (a direction the paper states).
    static func previousFigure(_ analysis: IndicatorAnalysis) -> PreviousFigure? {
        guard analysis.latest != nil, let previous = analysis.previous else { return nil }
        let period = analysis.change?.fromName ?? analysis.label(previous.period)
        if previous.value == nil { return PreviousFigure(figure: "Gap (\(previous.gap?.phrase ?? "no figure"))", period: period) }
        return PreviousFigure(figure: analysis.format(previous), period: period)
    }

    /// Where the paper's stated direction and its own figures disagree, both, side by side: "The paper says:
    /// lower. The figures: 161 then 172, worse." Nil where they agree or the paper states none.
    static func paperSays(_ analysis: IndicatorAnalysis) -> String? {
        guard analysis.paperContradictsFigures, let reported = analysis.reportedDirection, case .stated(let stated, _) = reported.basis,
            let direction = analysis.direction, let latest = analysis.latest, let previous = analysis.previous
        else { return nil }
        return
            "The paper says: \(stated.rawValue). The figures: \(analysis.format(previous)) in \(previous.label) then \(analysis.format(latest)), \(direction.direction.words.lowercased())."
    }

    static func tiles(_ overview: Overview) -> [Tile] {
        var tiles = [
            Tile(count: overview.improved, label: "improved", style: "better"),
            Tile(count: overview.similar, label: "similar to the previous figure", style: "similar"),
            Tile(count: overview.declined, label: "declined", style: "worse"),
            Tile(count: overview.noPolarity, label: "information only (no polarity)", style: "neutral"),
        ]
        if overview.notCompared > 0 {
            tiles.append(Tile(count: overview.notCompared, label: "nothing to compare with", style: "neutral"))
        }
        return tiles
    }

    static func quartileTiles(_ overview: Overview) -> [Tile] {
        return overview.quartiles.enumerated().map { index, count in
            Tile(count: count, label: Wording.quartile(index + 1), style: "q\(index + 1)")
        }
    }

    /// The header's colours: the brand colour from dashboard.yml (#rrggbb) and, on it, white text where white
    /// reaches a contrast ratio of 4.5:1 (WCAG 2 AA), else black, which then always does.
    static func brandStyle(_ colour: String?) -> String? {
        guard let colour, let white = Contrast.ratio(colour, "#ffffff") else { return nil }
        let text = white >= 4.5 ? "#ffffff" : "#000000"
        return "--brand: \(colour); --brand-text: \(text)"
    }

    static func anchor(_ title: String, index: Int) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug.append("-")
            }
            if slug.count >= 40 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "section-\(index + 1)" + (slug.isEmpty ? "" : "-" + slug)
    }

    static func card(_ analysis: DashboardAnalysis, url: String) -> DashboardCard {
        let definition = analysis.dashboard.definition
        return DashboardCard(
            id: definition.id, title: definition.title, organisation: definition.organisation,
            asOf: analysis.asOf?.label ?? "no figures yet", url: url,
            overview: analysis.overview.paragraph, measures: analysis.overview.reported,
            cardStyle: brandStyle(definition.brandColour))
    }

    // MARK: - Indicator page

    /// The indicator's finding in words (`Finding`): the headline of its page, its pack part and its part of the
    /// Word report.
    static func headline(_ analysis: IndicatorAnalysis) -> String { Finding.sentence(analysis) }

    static func facts(_ analysis: IndicatorAnalysis) -> [Fact] {
        var facts: [Fact] = []
        let indicator = analysis.indicator
        if let latest = analysis.latest {
            facts.append(
                Fact(term: "Latest figure", details: latest.writtenLabel.map { "\(analysis.format(latest)) (\($0))" } ?? "\(analysis.format(latest)) (\(latest.period.longLabel))"))
            if let latestPeriod = analysis.latestPeriod, latestPeriod != latest.period,
                let gap = analysis.series.last, gap.isGap
            {
                facts.append(Fact(term: "Latest period", details: "\(latestPeriod.label): \(gap.gap?.phrase ?? "no figure")"))
            }
        }
        let comparisonNote = analysis.comparison?.note.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        if let badge = directionBadge(analysis) {
            var details = badge.detail
            if let comparisonNote { details += ". " + comparisonNote }
            facts.append(Fact(term: "Compared with previous", details: details))
        } else if analysis.latest != nil {
            facts.append(Fact(term: "Compared with previous", details: comparisonNote.map { "Nothing to compare with: \($0)" } ?? "No earlier figure to compare with"))
        }
        if let says = paperSays(analysis) {
            facts.append(Fact(term: "The paper and the figures disagree", details: says))
        } else if let reported = analysis.reportedDirection {
            if case .stated(let stated, _) = reported.basis {
                facts.append(Fact(term: "As the paper reported", details: "\(reported.direction.words) (\"\(stated.rawValue)\", against the paper's own previous period)"))
            }
        }
        if let yearOnYear = analysis.yearOnYear {
            facts.append(
                Fact(
                    term: "Compared with a year earlier",
                    details: "\(yearOnYear.describe(unit: analysis.unit, decimals: analysis.decimals, relativeForPercentages: true)) on \(yearOnYear.fromName)"))
        }
        if let chance = chanceFact(analysis) { facts.append(chance) }
        if let parts = analysis.partsNote { facts.append(Fact(term: "Parts and total", details: parts)) }
        facts.append(Fact(term: "Polarity", details: indicator.polarity.sentence.prefix(1).uppercased() + indicator.polarity.sentence.dropFirst()))
        if let target = target(analysis) {
            facts.append(Fact(term: "Target", details: target))
        }
        if let badge = ragBadge(analysis) {
            facts.append(Fact(term: "RAG status", details: badge.detail))
        }
        for rating in ratingBadges(analysis) {
            facts.append(Fact(term: "Rating", details: rating.detail))
        }
        if let spc = analysis.spc {
            facts.append(Fact(term: "Statistical process control", details: spcDetails(spc)))
        } else if let unavailable = analysis.spcUnavailable {
            facts.append(Fact(term: "Statistical process control", details: unavailable.sentence))
        }
        return facts
    }

    static func dataTable(_ analysis: IndicatorAnalysis) -> DataTable {
        let hasCounts = analysis.observations.contains { $0.numerator != nil || $0.denominator != nil }
        var headings = [Cell(text: "Period"), Cell(text: "Figure", numeric: true)]
        if hasCounts { headings += [Cell(text: "Numerator", numeric: true), Cell(text: "Denominator", numeric: true)] }
        headings.append(Cell(text: "Note"))
        let rows = analysis.observations.map { observation -> TableRow in
            var cells: [Cell] = []
            if observation.isGap {
                cells.append(Cell(text: "Gap: \(observation.gap?.phrase ?? "no figure")", numeric: true))
            } else {
                cells.append(Cell(text: Formatting.figure(observation.value!, unit: analysis.unit, decimals: observation.decimals), numeric: true))
            }
            if hasCounts {
                cells.append(Cell(text: observation.numerator.map { Formatting.number($0, decimals: 0) } ?? "", numeric: true))
                cells.append(Cell(text: observation.denominator.map { Formatting.number($0, decimals: 0) } ?? "", numeric: true))
            }
            // A gap's note repeats its reason when the cell said only that ("Break in data"): say it once.
            let note = observation.note.flatMap { $0.lowercased() == observation.gap?.phrase.lowercased() ? nil : $0 }
            let revised = revisedText(analysis, period: observation.period).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            cells.append(Cell(text: [note, revised].compactMap { $0 }.joined(separator: ". ")))
            return TableRow(cells: cells, header: observation.label, note: observation.note, isGap: observation.isGap)
        }
        let span = spanText(analysis.observations.map(\.period))
        return DataTable(caption: "\(analysis.indicator.title): figures \(span)", headings: headings, rows: rows)
    }

    /// "71.8% in the 2019/20 Q4 edition": what an edition published for a figure since revised.
    static func publishedText(_ revision: Revision, unit: MeasureUnit) -> String {
        let figure =
            revision.published.value.map { Formatting.figure($0, unit: unit, decimals: revision.published.decimals) }
            ?? "a gap (\(revision.published.gap?.phrase ?? "no figure"))"
        return "\(figure) in the \(revision.edition.label) edition"
    }

    /// The latest figure's revision, for its KPI table cell: "revised: 71.8% in the 2019/20 Q4 edition"; and
    /// the values published for the period before the one shown: "published earlier as 3,622 (1 September 2020,
    /// September 2020 committee report)".
    static func revisedText(_ analysis: IndicatorAnalysis, period: Period?) -> String? {
        var parts: [String] = []
        let revisions = analysis.revisions.filter { $0.period == period }
        if !revisions.isEmpty {
            parts.append("revised: " + revisions.map { publishedText($0, unit: analysis.unit) }.joined(separator: "; "))
        }
        if let period, let earlier = analysis.earlierVintages[period], !earlier.isEmpty {
            parts.append(
                "published earlier as "
                    + earlier.map { observation in
                        let figure = observation.value.map { Formatting.figure($0, unit: analysis.unit, decimals: observation.decimals) } ?? "a gap"
                        return observation.vintage.map { "\(figure) (\($0.phrase))" } ?? figure
                    }.joined(separator: ", then "))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// Every figure revised since an edition published it, oldest first, for the indicator page's list.
    static func revisions(_ analysis: IndicatorAnalysis) -> [String] {
        analysis.revisions.map { revision in
            let now =
                revision.current.map { current in
                    current.value.map { Formatting.figure($0, unit: analysis.unit, decimals: current.decimals) } ?? "a gap"
                } ?? "no figure"
            return "\(analysis.label(revision.period)): published as \(publishedText(revision, unit: analysis.unit)) (\(Period.day(revision.publishedOn).label)); now \(now)."
        }
    }

    static func spanText(_ periods: [Period]) -> String {
        guard let first = periods.first, let last = periods.last else { return "" }
        return first == last ? "for \(first.label)" : "from \(first.label) to \(last.label)"
    }

    static func yearToDateTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        // A snapshot's "year to date" is only its latest figure: worth a table only where the data gives one.
        // A year not totalled for missing periods is listed with why, so no one reads a partial sum elsewhere.
        let figures = analysis.yearToDate.filter {
            ($0.value != nil || (!$0.missing.isEmpty && $0.reason != nil)) && (analysis.indicator.aggregation != .last || $0.given != nil)
        }
        let hasTargets = !analysis.indicator.targets.isEmpty
        guard !figures.isEmpty else { return nil }
        let rows = figures.map { ytd -> TableRow in
            let decimals = max(ytd.given?.decimals ?? analysis.decimals, analysis.decimals)
            let given = ytd.given?.value.map { Formatting.figure($0, unit: analysis.unit, decimals: ytd.given?.decimals ?? decimals) } ?? "–"
            let computed = ytd.computed.map { Formatting.figure($0, unit: analysis.unit, decimals: decimals) } ?? "–"
            let through = ytd.through.map { ytd.isComplete ? "Whole year" : "To \($0.label)" } ?? "–"
            var note = ytd.reason ?? ""
            if let n = ytd.numerator, let d = ytd.denominator {
                note = "\(Formatting.number(n, decimals: 0)) / \(Formatting.number(d, decimals: 0))"
            }
            var cells = [Cell(text: through), Cell(text: given, numeric: true), Cell(text: computed, numeric: true)]
            if hasTargets {
                cells.append(Cell(text: ytd.target.map { analysis.format($0, decimals: Formatting.decimalPlaces(of: $0, minimum: analysis.decimals)) } ?? "–", numeric: true))
            }
            cells.append(Cell(text: note))
            return TableRow(cells: cells, header: ytd.period.label, note: nil, isGap: false)
        }
        let how: String
        switch analysis.indicator.aggregation {
        case .sum: how = "the sum of the periods"
        case .mean: how = "the mean of the periods"
        case .last: how = "the latest period's figure"
        case .ratio: how = "numerators and denominators added, then divided"
        case .given: how = "only the figure given (a unique count cannot be summed)"
        }
        return DataTable(
            caption: "Year to date: published and computed (\(how))",
            headings: [
                Cell(text: "Year"), Cell(text: "Covers"), Cell(text: "Published", numeric: true),
                Cell(text: "Computed", numeric: true),
            ] + (hasTargets ? [Cell(text: "Target", numeric: true)] : [])
                + [Cell(text: "Note")], rows: rows)
    }

    static func benchmarkTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        guard !analysis.comparisons.isEmpty || !analysis.namedComparisons.isEmpty, let latest = analysis.latest else { return nil }
        var rows: [TableRow] = []
        if let quartile = analysis.benchmarks?.nationalQuartile {
            let ordinal = Wording.quartileOrdinal(quartile)
            var text = "\(ordinal.prefix(1).uppercased() + ordinal.dropFirst()) quartile of local authorities"
            if let position = analysis.benchmarks?.quartilePosition { text += " (\(position.rawValue) in the quartile)" }
            rows.append(TableRow(cells: [Cell(text: text), Cell(text: ""), Cell(text: "")], header: "National quartile (1 = top)", note: nil, isGap: false))
        }
        rows += groupRows(analysis)
        // One row a comparator: its figure, the difference from ours and which is better by polarity.
        func row(_ header: String, figure: String, difference: String, better: Bool?, equal: Bool) -> TableRow {
            let judgement = better.map { $0 ? "Better" : "Worse" } ?? (equal ? "Same" : "–")
            return TableRow(cells: [Cell(text: figure), Cell(text: difference), Cell(text: judgement)], header: header, note: nil, isGap: false)
        }
        for comparison in analysis.comparisons {
            let header = "\(comparison.kind.name) (\(comparison.period.label))"
            if comparison.kind.isChange {
                let ours = Formatting.percentChange(comparison.value)
                rows.append(
                    row(
                        header, figure: Formatting.percentChange(comparison.benchmark),
                        difference: "ours \(ours): \(Formatting.change(comparison.gap, unit: .percent, decimals: 1))",
                        better: comparison.better, equal: comparison.gap == 0))
            } else {
                let decimals = Formatting.decimalPlaces(of: comparison.benchmark, minimum: analysis.decimals)
                rows.append(
                    row(
                        header, figure: analysis.format(comparison.benchmark, decimals: decimals),
                        difference: Formatting.change(comparison.gap, unit: analysis.unit, decimals: decimals),
                        better: comparison.better, equal: comparison.gap == 0))
            }
        }
        for named in analysis.namedComparisons {
            let decimals = Formatting.decimalPlaces(of: named.comparator, minimum: analysis.decimals)
            var when = named.period.label
            if let asAt = named.asAt, asAt != named.period { when += ", as at \(asAt.label)" }
            rows.append(
                row(
                    "\(named.name) (\(when))", figure: analysis.format(named.comparator, decimals: decimals),
                    difference: Formatting.change(named.gap, unit: analysis.unit, decimals: decimals),
                    better: named.better, equal: named.gap == 0))
        }
        return DataTable(
            caption: "Benchmarks beside \(analysis.format(latest)) (\(latest.period.label))",
            headings: ["Comparator", "Figure", "Difference", "Judged by polarity"].map { Cell(text: $0) }, rows: rows)
    }

    /// Each statistical neighbour's figure for the benchmark period, in the neighbour workbook's order, then their
    /// average over those with a figure: the table behind the KPI table's neighbour average.
    static func neighbourTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        guard let benchmarks = analysis.benchmarks, !benchmarks.neighbourFigures.isEmpty,
            let period = analysis.benchmarkPeriod
        else { return nil }
        let figures = benchmarks.neighbourFigures
        var rows = figures.map { neighbour in
            TableRow(
                cells: [Cell(text: neighbour.value.map { benchmarkFigure($0, analysis) } ?? "no figure", numeric: true)],
                header: neighbour.name, note: nil, isGap: neighbour.value == nil)
        }
        let present = figures.filter { $0.value != nil }.count
        if let average = benchmarks.statisticalNeighbours {
            rows.append(
                TableRow(
                    cells: [Cell(text: benchmarkFigure(average, analysis), numeric: true)],
                    header: "Average of the \(present) of \(figures.count) with a figure", note: nil, isGap: false))
        }
        return DataTable(
            caption: "Statistical neighbours' figures, \(period.label)",
            headings: [Cell(text: "Neighbour"), Cell(text: "Figure", numeric: true)], rows: rows)
    }

    static func spcSection(_ analysis: IndicatorAnalysis) -> SPCSection? {
        guard let spc = analysis.spc else { return nil }
        let format = { (value: Double) in analysis.format(value, decimals: max(analysis.decimals, 1)) }
        let limitsText =
            "Mean \(format(spc.mean)); process limits \(format(spc.lowerLimit)) to \(format(spc.upperLimit)) (mean ± 2.66 × the average moving range of \(format(spc.averageMovingRange))), from \(spc.observedCount) figures."
        var limits = limitsText
        if spc.segments.count > 1 { limits = stretchesText(spc, analysis: analysis, format: format) }
        if let trial = spc.trialLimitsSentence { limits += " " + trial + "." }
        let special = spc.points.filter { $0.type.isSpecial }.map { point -> String in
            let value = point.value.map { analysis.format($0, decimals: analysis.decimals) } ?? ""
            let kind: String
            switch point.type {
            case .improvement: kind = "improvement"
            case .concern: kind = "concern"
            case .neitherHigh: kind = "high"
            case .neitherLow: kind = "low"
            case .commonCause: kind = ""
            }
            let rules = point.rules.sorted().map(\.sentence).joined(separator: "; ")
            return "\(point.period.label): \(value), \(kind) (\(rules))"
        }
        return SPCSection(
            icons: spcIcons(spc), limits: limits,
            specialPoints: special, hasSpecialPoints: !special.isEmpty,
            method:
                "XmR chart as in NHS England's Making Data Count: special causes are a point outside the limits, a run of \(SPC.runLength) or more on one side of the mean, \(SPC.trendLength) points moving the same way, or 2 of 3 points close to a limit. Gaps are not bridged."
        )
    }

    /// Each figure's moving range, as the moving-range chart draws it, with the stretch's average and limit.
    static func movingRangeTable(_ analysis: IndicatorAnalysis) -> DataTable? {
        guard let spc = analysis.spc else { return nil }
        let format = { (value: Double) in Formatting.number(value, decimals: max(analysis.decimals, 1)) }
        var rows: [TableRow] = []
        for segment in spc.segments {
            let limit = segment.upperRangeLimit
            for point in spc.points[segment.range] {
                let range = point.movingRange.map(format) ?? "none"
                let note: String
                if let value = point.movingRange {
                    note = value > limit + 1e-9 ? "Above the upper range limit of \(format(limit))" : ""
                } else {
                    note = point.value == nil ? "Gap" : "First figure, or the first after a gap or a change in process"
                }
                rows.append(
                    TableRow(
                        cells: [
                            Cell(text: point.value.map { analysis.format($0, decimals: analysis.decimals) } ?? "–", numeric: true),
                            Cell(text: range, numeric: true), Cell(text: note),
                        ],
                        header: analysis.label(point.period), note: nil, isGap: point.value == nil))
            }
        }
        let unit = analysis.unit == .percent ? " (percentage points)" : ""
        return DataTable(
            caption: "Moving ranges\(unit): each figure's difference from the one before",
            headings: [Cell(text: "Period"), Cell(text: "Figure", numeric: true), Cell(text: "Moving range", numeric: true), Cell(text: "Note")],
            rows: rows)
    }

    static func notes(_ analysis: IndicatorAnalysis) -> [String] {
        var notes: [String] = []
        for gap in analysis.gaps {
            var text = "\(gap.period.label): \(gap.gap?.phrase ?? "no figure")"
            if let note = gap.note, note.lowercased() != gap.gap?.phrase { text += " (\(note))" }
            notes.append(text)
        }
        return notes
    }
}
