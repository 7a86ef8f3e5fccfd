/// Reads the period names officers type or paste from spreadsheets.
///
/// Accepted (case and spacing do not matter):
/// - financial quarters `2019/20 Q1`, `2019-20 Q1`, `2019/2020 Q1`, `Q1 2019/20`;
/// - financial years `2019/20`, `2019/2020`, and `2019-20` where the second number cannot be a month;
/// - months `2019-05`, `May-19`, `May 2019`, `Sept 2019`;
/// - calendar years `2019`;
/// - dates `2020-06-03`, `03/06/2020` (day first, as in the UK), `3 June 2020`, `03-Jun-2020`;
/// - year to date `2019/20 YTD` (financial) and `2020 YTD` (calendar).
///
/// `2019-05` is always May 2019 (ISO 8601), never a financial year.
public enum PeriodParser {
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
    }

    public static let examples =
        "2019/20 Q1, 2019/20, May 2019, 2019-05, 2020-06-03, 31st March 2020, Spring Census 2020, autumn term 2019, academic year 2021/22, Oct 20 – Sep 21, Return Year 2020, 2018 to 2020 or 2019/20 YTD"

    public static func parse(_ text: String) -> Result<Period, Failure> {
        parseWritten(text).map(\.period)
    }

    /// The period and, for the kinds shown as papers write them (censuses, terms, academic years, ranges, dates
    /// written with ordinals or "as at"), the text as written, trimmed.
    public static func parseWritten(_ text: String) -> Result<(period: Period, written: String?), Failure> {
        let raw = tokenize(text)
        if let period = match(raw) { return .success((period, nil)) }
        let (tokens, normalised) = normalise(raw)
        let written = text.trimmingSpaces
        if normalised, let period = match(tokens) {
            return .success((period, keepsWrittenLabel(period, normalised: true) ? written : nil))
        }
        switch paperForm(tokens) {
        case .period(let period)?:
            // A financial year reached here is a paper's own name for it (`Return Year 2020`), kept as written.
            let keeps = keepsWrittenLabel(period, normalised: normalised) || period.frequency == .financialYear
            return .success((period, keeps ? written : nil))
        case .failure(let reason)?:
            let shown = "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
            return .failure(Failure(message: "\(shown) \(reason)"))
        case nil:
            return .failure(Failure(message: explain(text, tokens)))
        }
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case slash
        case dash
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var digits = "", letters = ""
        func flush() {
            if !digits.isEmpty {
                // Long digit runs cannot be periods; cap them so Int() never overflows.
                tokens.append(.number(digits.count > 8 ? -1 : Int(digits)!, digits: digits.count))
                digits = ""
            }
            if !letters.isEmpty {
                tokens.append(.word(letters.lowercased()))
                letters = ""
            }
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                if !letters.isEmpty { flush() }
                digits.unicodeScalars.append(scalar)
            case "a"..."z", "A"..."Z":
                if !digits.isEmpty { flush() }
                letters.unicodeScalars.append(scalar)
            case "/":
                flush()
                tokens.append(.slash)
            case "-", "\u{2013}", "\u{2014}", "\u{2212}":
                flush()
                tokens.append(.dash)
            case ".":
                flush()  // "Sept. 2019"
            default:
                flush()
                if !(scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == ",") {
                    tokens.append(.word(String(scalar)))  // anything else makes the text unreadable as a period
                }
            }
        }
        flush()
        return tokens
    }

    static let monthWords: [String: Int] = {
        var map: [String: Int] = [:]
        for (index, name) in CivilDate.monthNames.enumerated() {
            map[name.lowercased()] = index + 1
            map[String(name.lowercased().prefix(3))] = index + 1
        }
        map["sept"] = 9
        return map
    }()

    static let years = 1900...2199

    private static func year(_ token: Token) -> Int? {
        if case .number(let n, 4) = token, years.contains(n) { return n }
        return nil
    }

    /// A two- or four-digit year; two digits mean 20xx below 70 and 19xx from 70, as spreadsheets do.
    private static func shortOrLongYear(_ token: Token) -> Int? {
        switch token {
        case .number(let n, 2): return n < 70 ? 2000 + n : 1900 + n
        case .number(let n, 4) where years.contains(n): return n
        default: return nil
        }
    }

    /// `2019/20`, `2019/2020`, `2019-20`: the financial year starting in the first year.
    static func financialYear(_ t: ArraySlice<Token>) -> Int? {
        // `22/23`: a short financial year, with a slash only (`22-23` reads as nothing else either, but is rarer).
        if t.count == 3, case .number(let a, 2) = t[t.startIndex], t[t.startIndex + 1] == .slash,
            case .number(let b, 2) = t[t.startIndex + 2], b == (a + 1) % 100
        {
            return a < 70 ? 2000 + a : 1900 + a
        }
        guard t.count == 3, let first = year(t[t.startIndex]) else { return nil }
        let separator = t[t.startIndex + 1]
        guard separator == .slash || separator == .dash else { return nil }
        switch t[t.startIndex + 2] {
        case .number(let n, 2):
            if separator == .dash && (1...12).contains(n) { return nil }  // ISO month wins
            return n == (first + 1) % 100 ? first : nil
        case .number(let n, 4):
            return n == first + 1 ? first : nil
        default:
            return nil
        }
    }

    private static func quarterNumber(_ a: Token, _ b: Token) -> Int? {
        if a == .word("q"), case .number(let n, 1) = b, (1...4).contains(n) { return n }
        return nil
    }

    static func match(_ tokens: [Token]) -> Period? {
        let t = tokens[...]
        switch t.count {
        case 1:
            if let y = year(t[0]) { return .calendarYear(y) }
        case 2:
            if let y = year(t[0]), t[1] == .word("ytd") { return .calendarYearToDate(y) }
            if case .word(let w) = t[0], let m = monthWords[w], let y = shortOrLongYear(t[1]) { return .month(year: y, month: m) }
        case 3:
            if let fy = financialYear(t) { return .financialYear(fy) }
            if let y = year(t[0]), t[1] == .dash, case .number(let m, 2) = t[2], (1...12).contains(m) { return .month(year: y, month: m) }
            if case .word(let w) = t[0], let m = monthWords[w], t[1] == .dash, let y = shortOrLongYear(t[2]) { return .month(year: y, month: m) }
            if case .number(let d, let digits) = t[0], digits <= 2, case .word(let w) = t[1], let m = monthWords[w], let y = year(t[2]) {
                return day(y, m, d)
            }
        case 4:
            if let fy = financialYear(t.prefix(3)), t[3] == .word("ytd") { return .financialYearToDate(fy) }
        case 5:
            if let fy = financialYear(t.prefix(3)), let q = quarterNumber(t[3], t[4]) { return .quarter(financialYear: fy, quarter: q) }
            if let q = quarterNumber(t[0], t[1]), let fy = financialYear(t.suffix(3)) { return .quarter(financialYear: fy, quarter: q) }
            if let y = year(t[0]), t[1] == .dash, case .number(let m, 2) = t[2], t[3] == .dash, case .number(let d, 2) = t[4] {
                return day(y, m, d)
            }
            if case .number(let d, let dd) = t[0], dd <= 2, t[1] == .slash, case .number(let m, let md) = t[2], md <= 2,
                t[3] == .slash, let y = year(t[4])
            {
                return day(y, m, d)
            }
            if case .number(let d, let dd) = t[0], dd <= 2, t[1] == .dash, case .word(let w) = t[2], let m = monthWords[w],
                t[3] == .dash, let y = shortOrLongYear(t[4])
            {
                return day(y, m, d)
            }
        default:
            break
        }
        return nil
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int) -> Period? {
        let date = CivilDate(y, m, d)
        return date.isValid ? .day(date) : nil
    }

    /// Why a text is not a period, as specifically as the tokens allow.
    static func explain(_ text: String, _ tokens: [Token]) -> String {
        let shown = "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        if tokens.isEmpty { return "the period is empty; write one such as \(examples)" }
        let t = tokens[...]
        if t.count == 2, let q = quarterNumber(t[0], t[1]) {
            return "\(shown) has no year: write the financial year with the quarter, e.g. 2020/21 Q\(q)"
        }
        // yyyy-mm whose mm is no month: checked before the financial year, as the parser reads yyyy-mm as a month first.
        if t.count == 3, let y = year(t[0]), t[1] == .dash, case .number(let m, 2) = t[2], !(1...12).contains(m) {
            return "\(shown) is not a month (\(m) is not 01 to 12) nor a financial year (that would be \(Period.financialYearName(y)))"
        }
        if t.count == 3, let first = year(t[0]), t[1] == .slash || t[1] == .dash, case .number(let n, let digits) = t[2], digits == 2 || digits == 4 {
            let expected = digits == 2 ? (first + 1) % 100 : first + 1
            if n != expected {
                return "\(shown) is not a financial year: one runs April to March over two consecutive years, e.g. \(Period.financialYearName(first))"
            }
        }
        if looksLikeDate(t) {
            return "\(shown) is not a real date"
        }
        if t.count == 3, let q = quarterNumber(t[0], t[1]), let y = year(t[2]) {
            return "\(shown) does not say which financial year: write \(Period.financialYearName(y - 1)) Q\(q) or \(Period.financialYearName(y)) Q\(q)"
        }
        if t.count == 2 || t.count == 3, case .word(let w) = t[0], monthWords[w] == nil, w.count >= 3, t.contains(where: { year($0) != nil || shortOrLongYear($0) != nil }) {
            if let hint = Diagnostic.suggestion(for: w, among: CivilDate.monthNames) {
                return "\(shown) is not a period: '\(w)' is not a month name; \(hint)"
            }
        }
        if t.count == 2, case .word(let w) = t[0], let season = seasonWords[w] != nil ? w : nil, let y = year(t[1]) {
            let name = season.prefix(1).uppercased() + season.dropFirst()
            return "\(shown) could be the \(name) term or the \(name) census: write \(name) term \(y) or \(name) Census \(y)"
        }
        if t.count == 2, case .word("q") = t[0] {
            return "\(shown) is not a quarter: quarters are Q1 to Q4 of a financial year, e.g. 2020/21 Q1"
        }
        if let q = t.firstIndex(of: .word("q")), q + 1 < t.endIndex, case .number(let n, _) = t[q + 1], !(1...4).contains(n) {
            return "\(shown) is not a period: a financial year has four quarters, Q1 (April to June) to Q4 (January to March), so there is no Q\(n)"
        }
        return "\(shown) is not a period; write one such as \(examples)"
    }

    private static func looksLikeDate(_ t: ArraySlice<Token>) -> Bool {
        // yyyy-mm-dd or dd/mm/yyyy shapes whose numbers do not make a calendar date
        if t.count == 5, year(t[t.startIndex]) != nil, t[t.startIndex + 1] == .dash, t[t.startIndex + 3] == .dash { return true }
        if t.count == 5, t[t.startIndex + 1] == .slash, t[t.startIndex + 3] == .slash, year(t[t.startIndex + 4]) != nil { return true }
        return false
    }
}
