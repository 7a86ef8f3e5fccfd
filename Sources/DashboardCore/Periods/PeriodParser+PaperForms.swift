/// Period forms committee papers print beside the spreadsheet ones: dates with ordinals and "as at", school
/// censuses and terms, academic years, month ranges, rolling windows and date ranges.
///
/// - `31st March 2020`, `As at 31st March 2020`, `1st April 2021`: that day;
/// - `Spring Census 2020`, `January 2020 census`, `School Census January 2021`, `Autumn census 2020`: the census
///   of that month (spring is January, summer May, autumn October);
/// - `autumn term 2019`, `Spring term 2020`, `Summer term 2021` (or `autumn term 2019/20`): that school term;
/// - `academic year 2021/22`, `2020/21 academic year`: September 2021 to August 2022;
/// - `Oct 20 – Sep 21`, `Jul–Sep 2020`, `July to September 2020`, `12 months to September 2021`,
///   `1 April 2019 to 31 March 2020`: that range of months or days;
/// - `Return Year 2020`: a DfE return's year, the financial year ending 31 March 2020 (2019/20), shown as written;
/// - `2018 to 2020`, `2017-2020`, `2017–2020`: the calendar years from the first to the last, inclusive (a
///   three-year average is a span of three years, compared only with spans of as many years), and
///   `2017/18 to 2019/20`: those financial years.
///
/// A census or term without a year, a season without "census" or "term", and a range that can be read two
/// ways are refused with the reason, never guessed.
extension PeriodParser {
    enum PaperForm {
        case period(Period)
        case failure(String)
    }

    /// Drops what adds nothing to the period: "as at", "as of" before it, "st", "nd", "rd", "th" after a day.
    static func normalise(_ tokens: [Token]) -> (tokens: [Token], changed: Bool) {
        var t = tokens
        var changed = false
        if t.count > 2, t[0] == .word("as"), t[1] == .word("at") || t[1] == .word("of") {
            t.removeFirst(2)
            changed = true
        }
        var result: [Token] = []
        for token in t {
            if case .word(let w) = token, ["st", "nd", "rd", "th"].contains(w),
                case .number(let n, let digits)? = result.last, digits <= 2, (1...31).contains(n)
            {
                changed = true
                continue
            }
            result.append(token)
        }
        return (result, changed)
    }

    static func paperForm(_ tokens: [Token]) -> PaperForm? {
        let words = Set(tokens.compactMap { token -> String? in if case .word(let w) = token { return w } else { return nil } })
        if words.contains("census") { return census(tokens) }
        if words.contains("term") { return term(tokens) }
        if words.contains("academic") { return academicYear(tokens) }
        if words.contains("return") { return returnYear(tokens) }
        if let years = yearSpan(tokens) { return years }
        if let rolling = rollingWindow(tokens) { return rolling }
        return range(tokens)
    }

    static let seasonWords = ["spring": 1, "summer": 5, "autumn": 10]
    static let termWords = ["autumn": 1, "spring": 2, "summer": 3]

    private static func fourDigitYear(_ token: Token) -> Int? {
        if case .number(let n, 4) = token, years.contains(n) { return n }
        return nil
    }

    static func census(_ tokens: [Token]) -> PaperForm {
        let rest = tokens.filter { $0 != .word("census") && $0 != .word("school") }
        var month: Int?, year: Int?
        for token in rest {
            if case .word(let w) = token, let m = seasonWords[w] ?? monthWords[w], month == nil {
                month = m
                continue
            }
            if let y = fourDigitYear(token), year == nil {
                year = y
                continue
            }
            return .failure("is not a census: write the season or month and the year, e.g. Spring Census 2020 or January 2020 census")
        }
        guard let year else { return .failure("has no year: a census is named with its year, e.g. Spring Census 2020") }
        guard let month else { return .failure("does not say which census: write Spring (January), Summer (May) or Autumn (October), e.g. Spring Census \(year)") }
        return .period(.census(year: year, month: month))
    }

    static func term(_ tokens: [Token]) -> PaperForm {
        let rest = tokens.filter { $0 != .word("term") && $0 != .word("school") }
        var term: Int?
        var remaining: [Token] = []
        for token in rest {
            if case .word(let w) = token, let t = termWords[w], term == nil { term = t } else { remaining.append(token) }
        }
        guard let term else { return .failure("does not say which term: write autumn, spring or summer term and the year, e.g. autumn term 2019") }
        if remaining.isEmpty {
            return .failure("has no year: a term is named with its year, e.g. \(Period.termNames[term - 1]) term 2020")
        }
        if remaining.count == 1, let year = fourDigitYear(remaining[0]) {
            // The autumn term starts the academic year; spring and summer fall in its second calendar year.
            return .period(.term(academicYear: term == 1 ? year : year - 1, term: term))
        }
        if let ay = financialYear(remaining[...]) { return .period(.term(academicYear: ay, term: term)) }
        return .failure("is not a term: write the term and its year, e.g. \(Period.termNames[term - 1]) term 2020")
    }

    static func academicYear(_ tokens: [Token]) -> PaperForm {
        let rest = tokens.filter { $0 != .word("academic") && $0 != .word("year") }
        if let ay = financialYear(rest[...]) { return .period(.academicYear(ay)) }
        if rest.count == 1, let year = fourDigitYear(rest[0]) {
            return .failure("does not say which academic year: write \(Period.financialYearName(year - 1)) or \(Period.financialYearName(year)) (September to August)")
        }
        return .failure("is not an academic year: write it as academic year 2021/22 or 2021/22 academic year")
    }

    /// `Return Year 2020`: the year a DfE return covers, which ends on 31 March of the year named.
    static func returnYear(_ tokens: [Token]) -> PaperForm {
        let rest = tokens.filter { $0 != .word("return") && $0 != .word("year") }
        if rest.count == 1, let year = fourDigitYear(rest[0]) { return .period(.financialYear(year - 1)) }
        if let fy = financialYear(rest[...]) { return .period(.financialYear(fy)) }
        return .failure("is not a return year: write the year the return ends in, e.g. Return Year 2020 (April 2019 to March 2020)")
    }

    /// The longest span of years read as one period.
    static let yearSpanLimit = 10

    /// `2018 to 2020`, `2017-2020`, `2017–2020` (calendar years, inclusive), `2017/18 to 2019/20` (financial years).
    static func yearSpan(_ tokens: [Token]) -> PaperForm? {
        for index in tokens.indices where tokens[index] == .dash || tokens[index] == .word("to") {
            if let form = yearSpan(tokens[..<index], tokens[(index + 1)...]) { return form }
        }
        return nil
    }

    private static func yearSpan(_ left: ArraySlice<Token>, _ right: ArraySlice<Token>) -> PaperForm? {
        if let first = financialYear(left), let last = financialYear(right) {
            if last <= first { return .failure("ends before it starts") }
            if last - first + 1 > yearSpanLimit { return .failure("is not a period: a span of years is at most \(yearSpanLimit) years") }
            return .period(.span(start: CivilDate(first, 4, 1), end: CivilDate(last + 1, 3, 31)))
        }
        guard left.count == 1, right.count == 1, let first = fourDigitYear(left[left.startIndex]),
            let last = fourDigitYear(right[right.startIndex])
        else { return nil }
        if last < first { return .failure("ends before it starts") }
        if last == first { return .failure("is one year: write \(first)") }
        if last == first + 1 {
            // `2019-2020` with a hyphen is the financial year (read before this); `2019 to 2020` could be either.
            return .failure(
                "can be read as the financial year \(Period.financialYearName(first)) or the calendar years \(first) and \(last); write \(Period.financialYearName(first)) or Jan \(first) – Dec \(last)"
            )
        }
        if last - first + 1 > yearSpanLimit { return .failure("is not a period: a span of years is at most \(yearSpanLimit) years") }
        return .period(.span(start: CivilDate(first, 1, 1), end: CivilDate(last, 12, 31)))
    }

    /// A month or a day: the end of a range.
    private static func point(_ tokens: ArraySlice<Token>) -> Period? {
        guard let period = match(Array(tokens)) else { return nil }
        switch period {
        case .month, .day: return period
        default: return nil
        }
    }

    /// `12 months to September 2021`, `12 months ending 30 September 2021`, `year to September 2021`.
    static func rollingWindow(_ tokens: [Token]) -> PaperForm? {
        var t = tokens[...]
        var months: Int?
        if case .number(let n, _)? = t.first, t.count > 3, t[t.startIndex + 1] == .word("months") || t[t.startIndex + 1] == .word("month") {
            months = n
            t = t.dropFirst(2)
        } else if t.first == .word("year"), t.count > 2 {
            months = 12
            t = t.dropFirst()
        }
        guard let months, let keyword = t.first, keyword == .word("to") || keyword == .word("ending") else { return nil }
        guard (1...120).contains(months) else { return .failure("is not a period: a rolling window is 1 to 120 months") }
        guard let end = point(t.dropFirst()) else {
            return .failure("does not say when the window ends: write e.g. 12 months to September 2021")
        }
        let endDate = end.end
        if case .day(let d) = end, d.day != CivilDate.daysIn(month: d.month, year: d.year) {
            return .failure(
                "ends on a day that is not the last of its month; write the range of dates, e.g. 1 October 2020 to \(d.day) \(CivilDate.monthNames[d.month - 1]) \(d.year)")
        }
        let (y, m) = Period.addMonths(endDate.year, endDate.month, -(months - 1))
        return .period(.span(start: CivilDate(y, m, 1), end: endDate))
    }

    /// `Oct 20 – Sep 21`, `Jul–Sep 2020`, `July to September 2020`, `1 April 2019 to 31 March 2020`.
    static func range(_ tokens: [Token]) -> PaperForm? {
        var complete = Set<Period>(), partial = Set<Period>()
        for index in tokens.indices where tokens[index] == .dash || tokens[index] == .word("to") {
            let left = tokens[..<index], right = tokens[(index + 1)...]
            guard !left.isEmpty, let end = point(right) else { continue }
            let endDate = end.end
            var start: CivilDate?
            var isComplete = true
            if let first = point(left) {
                start = first.start
            } else if left.count == 1, case .word(let w) = left[left.startIndex], let m = monthWords[w] {
                start = CivilDate(m > endDate.month ? endDate.year - 1 : endDate.year, m, 1)
                isComplete = false
            } else if left.count == 2, case .number(let d, let digits) = left[left.startIndex], digits <= 2,
                case .word(let w) = left[left.startIndex + 1], let m = monthWords[w]
            {
                let date = CivilDate(m > endDate.month ? endDate.year - 1 : endDate.year, m, d)
                if date.isValid { start = date }
                isComplete = false
            }
            guard let start else { continue }
            if start > endDate { return .failure("ends before it starts") }
            let period = Period.span(start: start, end: endDate)
            if isComplete { complete.insert(period) } else { partial.insert(period) }
        }
        let found = complete.isEmpty ? partial : complete
        if found.count > 1 {
            let readings = found.sorted().map(\.label).joined(separator: " or ")
            return .failure("can be read more than one way (\(readings)); write the months or dates in full, e.g. Jan 2020 – Mar 2020")
        }
        return found.first.map { .period($0) }
    }

    /// Whether the period is of a kind shown as the paper wrote it (rather than in one standard form).
    static func keepsWrittenLabel(_ period: Period, normalised: Bool) -> Bool {
        switch period {
        case .census, .term, .academicYear, .span: return true
        case .day: return normalised
        default: return false
        }
    }
}
