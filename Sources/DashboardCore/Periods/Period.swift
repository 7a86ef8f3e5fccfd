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

    /// The kind of period; a series is charted, compared and tested for special causes within one frequency.
    public enum Frequency: Int, Sendable, Comparable, CaseIterable {
        case day, month, quarter, financialYear, calendarYear, financialYearToDate, calendarYearToDate

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
        }
    }

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
        }
    }

    /// Ordered by the day a period ends; of two ending together the shorter comes first, so a
    /// year's Q4 precedes its year-to-date figure.
    public static func < (a: Period, b: Period) -> Bool {
        let (ae, be) = (a.end, b.end)
        if ae != be { return ae < be }
        let (as_, bs) = (a.start, b.start)
        if as_ != bs { return as_ > bs }
        return a.frequency < b.frequency
    }

    /// The period just before, for the "compared with previous" column; nil where periods are irregular (dates).
    public var previous: Period? {
        switch self {
        case .day: return nil
        case .month(let year, let month): return month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
        case .quarter(let fy, let q): return q == 1 ? .quarter(financialYear: fy - 1, quarter: 4) : .quarter(financialYear: fy, quarter: q - 1)
        case .financialYear(let fy): return .financialYear(fy - 1)
        case .calendarYear(let year): return .calendarYear(year - 1)
        case .financialYearToDate(let fy): return .financialYearToDate(fy - 1)
        case .calendarYearToDate(let year): return .calendarYearToDate(year - 1)
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
