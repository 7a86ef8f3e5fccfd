/// A reporting period as committee papers name them.
///
/// Financial years run April to March and are named by both calendar years (`2019/20`); quarters are
/// financial quarters (`2019/20 Q1` is April to June 2019). Year-to-date periods cover the financial
/// (or calendar) year up to the latest figure reported in it.
public enum Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    case day(CivilDate)
    case month(year: Int, month: Int)
    /// `financialYear` is the year the financial year starts in: 2019 is 2019/20.
    case quarter(financialYear: Int, quarter: Int)
    case financialYear(Int)
    case calendarYear(Int)
    case financialYearToDate(Int)
    case calendarYearToDate(Int)
    /// A school census, by the month it is taken in: the spring census is in January, summer in May, autumn in
    /// October (`Spring Census 2020` is January 2020).
    case census(year: Int, month: Int)
    /// A school term of an academic year (`academicYear` 2019 is 2019/20): term 1 autumn (September to
    /// December), 2 spring (January to March), 3 summer (April to August), so terms tile the year.
    case term(academicYear: Int, term: Int)
    /// An academic year, September to August; 2021 is 2021/22.
    case academicYear(Int)
    /// Any other stretch of time: month ranges and rolling windows (`Jul–Sep 2020`, `Oct 20 – Sep 21`,
    /// `12 months to September 2021`), date ranges (`1 April 2019 to 31 March 2020`) and spans of years for
    /// averages over several years (`2018 to 2020`, `2017/18 to 2019/20`).
    case span(start: CivilDate, end: CivilDate)

    /// The kind of period; a series is charted, compared and tested for special causes within one frequency.
    public enum Frequency: Int, Sendable, Comparable, CaseIterable {
        case day, month, quarter, financialYear, calendarYear, financialYearToDate, calendarYearToDate
        case census, term, academicYear, span

        public static func < (a: Frequency, b: Frequency) -> Bool { a.rawValue < b.rawValue }

        public var isYearToDate: Bool { self == .financialYearToDate || self == .calendarYearToDate }

        /// "quarterly", "monthly"…, for sentences such as "a quarterly series".
        public var adjective: String {
            switch self {
            case .day: return "dated"
            case .month: return "monthly"
            case .quarter: return "quarterly"
            case .financialYear: return "annual (financial year)"
            case .calendarYear: return "annual (calendar year)"
            case .financialYearToDate, .calendarYearToDate: return "year-to-date"
            case .census: return "census"
            case .term: return "termly"
            case .academicYear: return "annual (academic year)"
            case .span: return "period"
            }
        }
    }

    public var frequency: Frequency {
        switch self {
        case .day: return .day
        case .month: return .month
        case .quarter: return .quarter
        case .financialYear: return .financialYear
        case .calendarYear: return .calendarYear
        case .financialYearToDate: return .financialYearToDate
        case .calendarYearToDate: return .calendarYearToDate
        case .census: return .census
        case .term: return .term
        case .academicYear: return .academicYear
        case .span: return .span
        }
    }

    /// How long a period is, for comparing like with like: whole months where it starts on a month's first
    /// day and ends on a month's last, else days.
    public enum Length: Hashable, Sendable, Comparable {
        case months(Int)
        case days(Int)
    }

    public var length: Length {
        let s = start, e = end
        if s.day == 1, e.day == CivilDate.daysIn(month: e.month, year: e.year) {
            return .months((e.year - s.year) * 12 + e.month - s.month + 1)
        }
        return .days(e.dayNumber - s.dayNumber + 1)
    }

    /// The kind of a period and, for ranges, its length: a series is compared within one kind, so a rolling
    /// 12 months is never compared with a 3-month range.
    public struct Kind: Hashable, Sendable, Comparable {
        public var frequency: Frequency
        /// Only for ranges (`span`); nil for the fixed kinds, whose length is in their name.
        public var length: Length?

        public static func < (a: Kind, b: Kind) -> Bool {
            if a.frequency != b.frequency { return a.frequency < b.frequency }
            switch (a.length, b.length) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x < y
            }
        }

        /// "rolling 12 months", "3 months", "3-year", "quarterly": for sentences.
        public var name: String {
            if case .months(let n)? = length, n >= 24, n % 12 == 0 { return "\(n / 12)-year" }
            switch length {
            case .months(let n)?: return n == 1 ? "1-month" : "\(n)-month"
            case .days(let n)?: return n == 1 ? "1-day" : "\(n)-day"
            case nil: return frequency.adjective
            }
        }
    }

    public var kind: Kind { Kind(frequency: frequency, length: frequency == .span ? length : nil) }

    /// First day covered.
    public var start: CivilDate {
        switch self {
        case .day(let date): return date
        case .month(let year, let month): return CivilDate(year, month, 1)
        case .quarter(let fy, let q):
            let month = 4 + (q - 1) * 3
            return month > 12 ? CivilDate(fy + 1, month - 12, 1) : CivilDate(fy, month, 1)
        case .financialYear(let fy), .financialYearToDate(let fy): return CivilDate(fy, 4, 1)
        case .calendarYear(let year), .calendarYearToDate(let year): return CivilDate(year, 1, 1)
        case .census(let year, let month): return CivilDate(year, month, 1)
        case .term(let ay, let term):
            switch term {
            case 1: return CivilDate(ay, 9, 1)
            case 2: return CivilDate(ay + 1, 1, 1)
            default: return CivilDate(ay + 1, 4, 1)
            }
        case .academicYear(let ay): return CivilDate(ay, 9, 1)
        case .span(let start, _): return start
        }
    }

    /// Last day covered.
    public var end: CivilDate {
        switch self {
        case .day(let date): return date
        case .month(let year, let month): return CivilDate(year, month, CivilDate.daysIn(month: month, year: year))
        case .quarter:
            let s = start
            let month = s.month + 2
            return CivilDate(s.year, month, CivilDate.daysIn(month: month, year: s.year))
        case .financialYear(let fy), .financialYearToDate(let fy): return CivilDate(fy + 1, 3, 31)
        case .calendarYear(let year), .calendarYearToDate(let year): return CivilDate(year, 12, 31)
        case .census(let year, let month): return CivilDate(year, month, CivilDate.daysIn(month: month, year: year))
        case .term(let ay, let term):
            switch term {
            case 1: return CivilDate(ay, 12, 31)
            case 2: return CivilDate(ay + 1, 3, 31)
            default: return CivilDate(ay + 1, 8, 31)
            }
        case .academicYear(let ay): return CivilDate(ay + 1, 8, 31)
        case .span(_, let end): return end
        }
    }

    /// Ordered by the day a period ends; of two ending together the shorter comes first, so a
    /// year's Q4 precedes its year-to-date figure.
    public static func < (a: Period, b: Period) -> Bool {
        let (ae, be) = (a.end, b.end)
        if ae != be { return ae < be }
        let (as_, bs) = (a.start, b.start)
        if as_ != bs { return as_ > bs }
        return a.kind < b.kind
    }

    /// The period just before, for the "compared with previous" column; nil where periods are irregular (dates).
    ///
    /// A term's previous is the term before; a census's the census before in the termly cycle (January, May,
    /// October): a series holding only one census a year compares with `yearEarlier` instead (see `Comparison`).
    /// A range's previous is the range of the same length that ends the day before it starts: for a rolling
    /// 12 months, the 12 months a year earlier; for `Jul–Sep 2020`, April to June 2020.
    public var previous: Period? {
        switch self {
        case .day: return nil
        case .month(let year, let month): return month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
        case .quarter(let fy, let q): return q == 1 ? .quarter(financialYear: fy - 1, quarter: 4) : .quarter(financialYear: fy, quarter: q - 1)
        case .financialYear(let fy): return .financialYear(fy - 1)
        case .calendarYear(let year): return .calendarYear(year - 1)
        case .financialYearToDate(let fy): return .financialYearToDate(fy - 1)
        case .calendarYearToDate(let year): return .calendarYearToDate(year - 1)
        case .census(let year, let month):
            let cycle = Period.censusMonths
            guard let index = cycle.firstIndex(of: month) else { return .census(year: year - 1, month: month) }
            return index == 0 ? .census(year: year - 1, month: cycle.last!) : .census(year: year, month: cycle[index - 1])
        case .term(let ay, let term): return term == 1 ? .term(academicYear: ay - 1, term: 3) : .term(academicYear: ay, term: term - 1)
        case .academicYear(let ay): return .academicYear(ay - 1)
        case .span(let start, let end):
            switch length {
            case .months(let n):
                let (y, m) = Period.addMonths(start.year, start.month, -n)
                let (ey, em) = Period.addMonths(end.year, end.month, -n)
                return .span(start: CivilDate(y, m, 1), end: CivilDate(ey, em, CivilDate.daysIn(month: em, year: ey)))
            case .days(let n):
                return .span(start: CivilDate(dayNumber: start.dayNumber - n), end: CivilDate(dayNumber: end.dayNumber - n))
            }
        }
    }

    /// The months the school census is taken in: spring (January), summer (May), autumn (October).
    public static let censusMonths = [1, 5, 10]

    static func addMonths(_ year: Int, _ month: Int, _ delta: Int) -> (Int, Int) {
        let index = year * 12 + (month - 1) + delta
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return (y, index - y * 12 + 1)
    }

    /// The period just after, where periods follow each other without overlap (terms, academic years).
    public var next: Period? {
        switch self {
        case .term(let ay, let term): return term == 3 ? .term(academicYear: ay + 1, term: 1) : .term(academicYear: ay, term: term + 1)
        case .academicYear(let ay): return .academicYear(ay + 1)
        default: return nil
        }
    }

    /// The same period a year before (29 February falls back to the 28th).
    public var yearEarlier: Period {
        switch self {
        case .day(let d): return .day(CivilDate(d.year - 1, d.month, min(d.day, CivilDate.daysIn(month: d.month, year: d.year - 1))))
        case .month(let year, let month): return .month(year: year - 1, month: month)
        case .quarter(let fy, let q): return .quarter(financialYear: fy - 1, quarter: q)
        case .financialYear(let fy): return .financialYear(fy - 1)
        case .calendarYear(let year): return .calendarYear(year - 1)
        case .financialYearToDate(let fy): return .financialYearToDate(fy - 1)
        case .calendarYearToDate(let year): return .calendarYearToDate(year - 1)
        case .census(let year, let month): return .census(year: year - 1, month: month)
        case .term(let ay, let term): return .term(academicYear: ay - 1, term: term)
        case .academicYear(let ay): return .academicYear(ay - 1)
        case .span(let start, let end):
            if case .months = length {
                return .span(
                    start: CivilDate(start.year - 1, start.month, 1),
                    end: CivilDate(end.year - 1, end.month, CivilDate.daysIn(month: end.month, year: end.year - 1)))
            }
            func back(_ d: CivilDate) -> CivilDate { CivilDate(d.year - 1, d.month, min(d.day, CivilDate.daysIn(month: d.month, year: d.year - 1))) }
            return .span(start: back(start), end: back(end))
        }
    }

    /// The financial year a period falls in (by its last day), for year-to-date sums.
    public var financialYear: Int {
        switch self {
        case .quarter(let fy, _), .financialYear(let fy), .financialYearToDate(let fy): return fy
        default:
            let e = end
            return e.month >= 4 ? e.year : e.year - 1
        }
    }

    /// For a span of two or more whole years, calendar (January to December) or financial (April to March):
    /// the first and last years (a financial year by the year it starts in) and how many.
    public var wholeYears: (first: Int, last: Int, count: Int, financial: Bool)? {
        guard case .span(let s, let e) = self, s.day == 1, e.day == CivilDate.daysIn(month: e.month, year: e.year) else { return nil }
        if s.month == 1, e.month == 12, e.year > s.year { return (s.year, e.year, e.year - s.year + 1, false) }
        if s.month == 4, e.month == 3, e.year > s.year + 1 { return (s.year, e.year - 1, e.year - s.year, true) }
        return nil
    }

    /// The period's name as papers write it, and as the parser reads it back: `2019/20 Q1`, `May 2019`.
    public var label: String {
        switch self {
        case .day(let d): return "\(d.day) \(CivilDate.monthNames[d.month - 1]) \(d.year)"
        case .month(let year, let month): return "\(CivilDate.monthNames[month - 1]) \(year)"
        case .quarter(let fy, let q): return "\(Period.financialYearName(fy)) Q\(q)"
        case .financialYear(let fy): return Period.financialYearName(fy)
        case .calendarYear(let year): return String(year)
        case .financialYearToDate(let fy): return "\(Period.financialYearName(fy)) YTD"
        case .calendarYearToDate(let year): return "\(year) YTD"
        case .census(let year, let month):
            if let season = Period.censusSeason(month) { return "\(season) census \(year)" }
            return "\(CivilDate.monthNames[month - 1]) \(year) census"
        case .term(_, let term): return "\(Period.termNames[term - 1]) term \(start.year)"
        case .academicYear(let ay): return "academic year \(Period.financialYearName(ay))"
        case .span(let start, let end):
            if let years = wholeYears {
                if years.financial { return "\(Period.financialYearName(years.first)) to \(Period.financialYearName(years.last))" }
                if years.count > 2 { return "\(years.first) to \(years.last)" }
            }
            switch length {
            case .months:
                let a = CivilDate.shortMonthName(start.month), b = CivilDate.shortMonthName(end.month)
                if start.year == end.year { return start.month == end.month ? "\(a) \(start.year)" : "\(a)–\(b) \(end.year)" }
                return "\(a) \(start.year) – \(b) \(end.year)"
            case .days:
                return "\(start.day) \(CivilDate.monthNames[start.month - 1]) \(start.year) to \(end.day) \(CivilDate.monthNames[end.month - 1]) \(end.year)"
            }
        }
    }

    public static let termNames = ["Autumn", "Spring", "Summer"]

    /// "Spring" for a January census, "Summer" for May, "Autumn" for October.
    public static func censusSeason(_ month: Int) -> String? {
        switch month {
        case 1: return "Spring"
        case 5: return "Summer"
        case 10: return "Autumn"
        default: return nil
        }
    }

    public var description: String { label }

    /// A label with the months spelled out, for alt text and table captions: "2019/20 Q1 (April to June 2019)".
    public var longLabel: String {
        switch self {
        case .quarter:
            let s = start, e = end
            let months = "\(CivilDate.monthNames[s.month - 1]) to \(CivilDate.monthNames[e.month - 1]) \(e.year)"
            return "\(label) (\(months))"
        case .financialYear(let fy): return "\(label) (April \(fy) to March \(fy + 1))"
        case .financialYearToDate(let fy): return "\(Period.financialYearName(fy)) year to date"
        case .calendarYearToDate(let year): return "\(year) year to date"
        case .term, .academicYear:
            let s = start, e = end
            return "\(label) (\(CivilDate.monthNames[s.month - 1]) \(s.year) to \(CivilDate.monthNames[e.month - 1]) \(e.year))"
        case .span(let s, let e):
            guard case .months(let n) = length else { return label }
            if let years = wholeYears {
                return "\(label) (\(years.count) years, \(CivilDate.monthNames[s.month - 1]) \(s.year) to \(CivilDate.monthNames[e.month - 1]) \(e.year))"
            }
            return "\(label) (\(n) months, \(CivilDate.monthNames[s.month - 1]) \(s.year) to \(CivilDate.monthNames[e.month - 1]) \(e.year))"
        default: return label
        }
    }

    /// Two short lines for a chart axis: the period within its year, then the year.
    public var axisLabel: (primary: String, secondary: String?) {
        switch self {
        case .day(let d): return ("\(d.day) \(CivilDate.shortMonthName(d.month))", String(d.year))
        case .month(let year, let month): return (CivilDate.shortMonthName(month), String(year))
        case .quarter(let fy, let q): return ("Q\(q)", Period.financialYearName(fy))
        case .financialYear(let fy): return (Period.financialYearName(fy), nil)
        case .calendarYear(let year): return (String(year), nil)
        case .financialYearToDate(let fy): return ("YTD", Period.financialYearName(fy))
        case .calendarYearToDate(let year): return ("YTD", String(year))
        case .census(let year, let month): return (Period.censusSeason(month) ?? CivilDate.shortMonthName(month), String(year))
        case .term(_, let term): return (Period.termNames[term - 1], String(start.year))
        case .academicYear(let ay): return (Period.financialYearName(ay), nil)
        case .span(let s, let e):
            if let years = wholeYears {
                if years.financial { return ("\(Period.financialYearName(years.first))–", Period.financialYearName(years.last)) }
                return ("\(years.first)–\(years.last % 100 < 10 ? "0" : "")\(years.last % 100)", nil)
            }
            if s.year == e.year, case .months = length {
                return (s.month == e.month ? CivilDate.shortMonthName(s.month) : "\(CivilDate.shortMonthName(s.month))–\(CivilDate.shortMonthName(e.month))", String(e.year))
            }
            return ("to \(CivilDate.shortMonthName(e.month)) \(e.year % 100 < 10 ? "0" : "")\(e.year % 100)", String(e.year))
        }
    }

    /// A name safe in URLs and file names: `2019-20-q1`, `2019-05`.
    public var slug: String {
        switch self {
        case .day(let d): return d.iso
        case .month(let year, let month): return "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .quarter(let fy, let q): return "\(Period.financialYearSlug(fy))-q\(q)"
        case .financialYear(let fy): return Period.financialYearSlug(fy)
        case .calendarYear(let year): return String(year)
        case .financialYearToDate(let fy): return "\(Period.financialYearSlug(fy))-ytd"
        case .calendarYearToDate(let year): return "\(year)-ytd"
        case .census(let year, let month): return "\(year)-\(month < 10 ? "0" : "")\(month)-census"
        case .term(let ay, let term): return "\(Period.financialYearSlug(ay))-\(Period.termNames[term - 1].lowercased())-term"
        case .academicYear(let ay): return "\(Period.financialYearSlug(ay))-academic-year"
        case .span(let s, let e): return "\(s.iso)-to-\(e.iso)"
        }
    }

    /// `2019/20`
    public static func financialYearName(_ fy: Int) -> String {
        let next = (fy + 1) % 100
        return "\(fy)/\(next < 10 ? "0" : "")\(next)"
    }

    static func financialYearSlug(_ fy: Int) -> String {
        let next = (fy + 1) % 100
        return "\(fy)-\(next < 10 ? "0" : "")\(next)"
    }
}
