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

    static func row(_ analysis: IndicatorAnalysis, url: String, sparkline: Image?, comparators: [String] = [], grouped: Bool = false) -> KPIRow {
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
            quartile: quartileText(analysis.benchmarks, grouped: grouped),
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
