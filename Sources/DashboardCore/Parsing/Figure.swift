/// Why a figure is missing. A gap is never a zero: it is drawn as a gap and named in words.
public enum GapReason: String, Sendable, CaseIterable, Codable {
    /// An empty cell or a dash.
    case missing
    /// `n/a`, `z`: the measure does not apply.
    case notApplicable
    /// `x`, `..`, `:`: the figure exists but is not available.
    case notAvailable
    /// `c`, `*`: withheld to protect confidentiality (small numbers).
    case suppressed
    /// A change in how data is collected, e.g. "break in data while the report was developed".
    case breakInData

    public var phrase: String {
        switch self {
        case .missing: return "no figure"
        case .notApplicable: return "not applicable"
        case .notAvailable: return "not available"
        case .suppressed: return "suppressed (small numbers)"
        case .breakInData: return "break in data"
        }
    }
}

/// How a figure's numerator and denominator were printed: `4 of 7` or `4/18`.
public enum CountsForm: String, Sendable, Hashable, Codable {
    case of
    case slash
}

/// One cell of data as written: `94.9% (1074)`, `1,537`, `£2.50`, `n/a`, `Break in data`.
public struct Figure: Hashable, Sendable {
    /// nil when the cell is a gap.
    public var value: Double?
    /// Decimal places written, so a figure is shown as precisely as it was published and no more.
    public var decimals: Int
    public var hasPercentSign: Bool
    public var hasCurrencySign: Bool
    /// The count written in brackets after a percentage: the 1074 of `94.9% (1074)`.
    public var count: Double?
    public var gap: GapReason?
    /// The cell's own words when it is a gap with a note ("Break in data while tableau was developed").
    public var gapText: String?
    /// The denominator written with a numerator: the 18 of `4/18 (22.2%)` or of `24 of 39` (whose 24 is `count`),
    /// or the 32 of the rank `11 out of 32`.
    public var denominator: Double? = nil
    /// The figure is only a numerator over a denominator (`24 of 39`): its value is count / denominator, made a
    /// percentage or rate by the indicator's unit.
    public var isFromCounts: Bool = false
    /// A rank as papers print it: `4th`, `11 out of 32`.
    public var isRank: Bool = false
    /// How a numerator and denominator were written with the figure (`4 of 7 (57%)`, `4/18 (22.2%)`), so it is
    /// shown as printed, with the denominator that tells a reader how few it is.
    public var countsForm: CountsForm? = nil

    public init(
        value: Double?, decimals: Int = 0, hasPercentSign: Bool = false, hasCurrencySign: Bool = false,
        count: Double? = nil, gap: GapReason? = nil, gapText: String? = nil
    ) {
        self.value = value
        self.decimals = decimals
        self.hasPercentSign = hasPercentSign
        self.hasCurrencySign = hasCurrencySign
        self.count = count
        self.gap = gap
        self.gapText = gapText
    }

    public static func gap(_ reason: GapReason, text: String? = nil) -> Figure {
        Figure(value: nil, gap: reason, gapText: text)
    }
}

public enum FigureParser {
    public struct Failure: Error, Equatable, Sendable {
        public var message: String
        /// Offset in Unicode scalars from the start of the cell to the offending character.
        public var offset: Int
    }

    /// Gap markers, after trimming and removing square brackets (`[c]` as in the GSS symbols guidance).
    static let markers: [String: GapReason] = [
        "": .missing, "-": .missing, "\u{2013}": .missing, "\u{2014}": .missing,
        "n/a": .notApplicable, "na": .notApplicable, "n.a.": .notApplicable, "z": .notApplicable,
        "x": .notAvailable, "..": .notAvailable, ":": .notAvailable,
        "c": .suppressed, "*": .suppressed, "supp": .suppressed, "suppressed": .suppressed,
    ]

    /// Words that make a note of a cell a gap rather than an error: "Break in data while tableau was developed".
    static let gapPhrases: [(String, GapReason)] = [
        ("break in data", .breakInData), ("break in series", .breakInData), ("data break", .breakInData),
        ("not available", .notAvailable), ("data not available", .notAvailable), ("no data", .missing),
        ("not collected", .notAvailable), ("not applicable", .notApplicable), ("not published", .notAvailable),
        ("suppressed", .suppressed),
    ]

    public static let markerList = "empty, n/a, x, c, *, -, or a note such as 'break in data'"

    /// Significant digits a figure may have: a Double holds any 15-digit decimal exactly, so each reads back as written.
    public static let maximumDigits = 15

    public static func parse(_ text: some StringProtocol) -> Result<Figure, Failure> {
        let scalars = Array(text.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, isSpace(scalars[hi - 1]) { hi -= 1 }
        let body = scalars[lo..<hi]

        var marker = String(String.UnicodeScalarView(body)).lowercased()
        if marker.hasPrefix("["), marker.hasSuffix("]"), marker.count > 2 { marker = String(marker.dropFirst().dropLast()) }
        if let reason = markers[marker] { return .success(.gap(reason)) }
        for (phrase, reason) in gapPhrases where marker.hasPrefix(phrase) {
            return .success(.gap(reason, text: String(String.UnicodeScalarView(body))))
        }

        var reader = Reader(scalars: scalars, index: lo, end: hi)
        return reader.figure()
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{A0}" || s == "\u{202F}" || s == "\r" || s == "\n"
    }

    struct Reader {
        let scalars: [Unicode.Scalar]
        var index: Int
        let end: Int
        /// Where digit grouping went wrong (`1,53`, `94,9%`): the comma that cannot separate thousands.
        var badComma: Int?
        /// Where a number starts that has more significant digits than a figure holds exactly.
        var tooManyDigits: Int?

        var current: Unicode.Scalar? { index < end ? scalars[index] : nil }

        mutating func skipSpaces() { while let c = current, FigureParser.isSpace(c) { index += 1 } }

        func fail(_ message: String, at position: Int? = nil) -> Result<Figure, Failure> {
            .failure(Failure(message: message, offset: position ?? index))
        }

        mutating func figure() -> Result<Figure, Failure> {
            let start = index
            var negative = false
            var currency = false
            if current == "-" || current == "\u{2212}" || current == "+" {
                negative = current != "+"
                index += 1
                skipSpaces()
            }
            if current == "£" {
                currency = true
                index += 1
            }
            if !negative, current == "-" || current == "\u{2212}" {
                negative = true
                index += 1
            }  // "£-5"
            guard let read = self.number() else {
                if let comma = badComma { return fail(commaMessage(from: start), at: comma) }
                if let long = tooManyDigits {
                    return fail(
                        "'\(text(from: start))' has more than \(FigureParser.maximumDigits) digits, more than a figure can hold exactly; is it a reference number rather than a figure?",
                        at: long)
                }
                return notANumber(from: start)
            }
            var number = read
            // £14.2m, £850k, £1.2bn: the multiplier is part of the figure.
            if let multiplier = multiplierSuffix() {
                let scaled = (number.value * multiplier.factor * 1e6).rounded() / 1e6
                number = (scaled, max(0, number.decimals - multiplier.places))
            }
            // Ranks: 4th, 1st, 22nd, 3rd.
            if number.decimals == 0, !currency, let suffix = ordinalSuffix() {
                if current != nil { return notANumber(from: start, at: index) }
                _ = suffix
                var rank = Figure(value: number.value, decimals: 0)
                rank.isRank = true
                return .success(rank)
            }
            skipSpaces()
            // 11 out of 32 (a rank), 24 of 39 and 4/18 (22.2%) (a numerator over a denominator).
            if number.decimals == 0, !currency, !negative, let form = ofForm() {
                return counts(number, form: form, from: start)
            }
            // 415 90.4%: a count, then its percentage.
            if number.decimals == 0, !currency, !negative, let c = current, c.isASCIIDigit {
                return countThenPercent(number, from: start)
            }
            return plain(number, negative: negative, currency: currency, from: start)
        }

        /// `24 of 39`, `4/18 (22.2%)` (a numerator over a denominator) or `11 out of 32` (a rank), after the first number.
        mutating func counts(_ number: (value: Double, decimals: Int), form: String, from start: Int) -> Result<Figure, Failure> {
            skipSpaces()
            let denominatorStart = index
            guard let denominator = self.number(), denominator.decimals == 0 else {
                return fail("'\(text(from: start))' needs a whole number after '\(form)', as in 24 of 39 or 4/18", at: denominatorStart)
            }
            skipSpaces()
            if form == "out of" {
                if current != nil { return notANumber(from: start, at: index) }
                var rank = Figure(value: number.value, decimals: 0)
                rank.isRank = true
                rank.denominator = denominator.value
                return .success(rank)
            }
            guard denominator.value > 0 else { return fail("the denominator is 0", at: denominatorStart) }
            var printed: (value: Double, decimals: Int)?
            if current == "(" {
                let open = index
                index += 1
                skipSpaces()
                guard let inner = self.number() else { return fail("write the percentage in brackets, as in 4/18 (22.2%)", at: open) }
                skipSpaces()
                guard current == "%" else { return fail("write the percentage in brackets with its sign, as in 4/18 (22.2%)", at: index) }
                index += 1
                skipSpaces()
                guard current == ")" else { return fail("the bracket opened here is not closed", at: open) }
                index += 1
                skipSpaces()
                printed = inner
            }
            if current != nil { return notANumber(from: start, at: index) }
            var result: Figure
            if let printed {
                result = Figure(value: printed.value, decimals: printed.decimals, hasPercentSign: true, count: number.value)
            } else {
                result = Figure(value: number.value / denominator.value, decimals: 0, count: number.value)
                result.isFromCounts = true
            }
            result.denominator = denominator.value
            result.countsForm = form == "/" ? .slash : .of
            return .success(result)
        }

        /// `415 90.4%`: a count, then its percentage.
        mutating func countThenPercent(_ number: (value: Double, decimals: Int), from start: Int) -> Result<Figure, Failure> {
            let second = index
            if let pct = self.number() {
                skipSpaces()
                if current == "%" {
                    index += 1
                    skipSpaces()
                    if current == nil {
                        return .success(Figure(value: pct.value, decimals: pct.decimals, hasPercentSign: true, count: number.value))
                    }
                }
            }
            return notANumber(from: start, at: second)
        }

        /// A number with its sign, `%` and a count in brackets (`94.9% (1074)`), after the first number.
        mutating func plain(_ number: (value: Double, decimals: Int), negative: Bool, currency: Bool, from start: Int) -> Result<Figure, Failure> {
            var percent = false
            if current == "%" {
                percent = true
                index += 1
                skipSpaces()
            }
            var count: Double?
            if current == "(" {
                let open = index
                index += 1
                skipSpaces()
                guard let inner = self.number(), inner.decimals == 0 else {
                    if let long = tooManyDigits {
                        return fail("the count in brackets has more than \(FigureParser.maximumDigits) digits, more than a figure can hold exactly", at: long)
                    }
                    return fail("the count in brackets must be a whole number, as in 94.9% (1074)", at: open)
                }
                skipSpaces()
                guard current == ")" else { return fail("the bracket opened here is not closed", at: open) }
                index += 1
                count = inner.value
                skipSpaces()
            }
            if let c = current {
                if c == "," || c == "." {
                    return fail(commaMessage(from: start))
                }
                return notANumber(from: start, at: index)
            }
            if currency && percent {
                return fail("a figure cannot be both pounds and a percentage", at: start)
            }
            return .success(
                Figure(
                    value: negative ? -number.value : number.value, decimals: number.decimals,
                    hasPercentSign: percent, hasCurrencySign: currency, count: count))
        }

        /// `k`, `m`, `bn` right after a number (`£850k`, `£14.2m`): the factor, and the decimal places it moves.
        mutating func multiplierSuffix() -> (factor: Double, places: Int)? {
            func word(_ w: String) -> Bool {
                let letters = Array(w.unicodeScalars)
                guard index + letters.count <= end else { return false }
                for (offset, letter) in letters.enumerated() where Character(scalars[index + offset]).lowercased() != String(letter) { return false }
                // The word must end the figure or be followed by a space, not run into more letters.
                let after = index + letters.count
                return after == end || !Character(scalars[after]).isLetter
            }
            if word("bn") {
                index += 2
                return (1e9, 9)
            }
            if word("m") {
                index += 1
                return (1e6, 6)
            }
            if word("k") {
                index += 1
                return (1e3, 3)
            }
            return nil
        }

        /// `st`, `nd`, `rd`, `th` right after a whole number.
        mutating func ordinalSuffix() -> String? {
            for suffix in ["st", "nd", "rd", "th"] {
                let letters = Array(suffix.unicodeScalars)
                guard index + 2 <= end else { return nil }
                if Character(scalars[index]).lowercased() == String(letters[0]), Character(scalars[index + 1]).lowercased() == String(letters[1]) {
                    index += 2
                    return suffix
                }
            }
            return nil
        }

        /// `/`, `of` or `out of` between a numerator and a denominator (or a rank and the number ranked).
        mutating func ofForm() -> String? {
            if current == "/" {
                index += 1
                return "/"
            }
            let rest = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
            if rest.hasPrefix("out of ") || rest == "out of" {
                index += 6
                return "out of"
            }
            if rest.hasPrefix("of ") || rest == "of" {
                index += 2
                return "of"
            }
            return nil
        }

        func text(from start: Int) -> String {
            let shown = String(String.UnicodeScalarView(scalars[start..<end]))
            return shown.count > 40 ? String(shown.prefix(40)) + "…" : shown
        }

        /// The whole cell is quoted; the offset is of the first character that cannot be read (`start` by default).
        func notANumber(from start: Int, at position: Int? = nil) -> Result<Figure, Failure> {
            fail("'\(text(from: start))' is not a number, and not a gap marker (\(FigureParser.markerList))", at: position ?? start)
        }

        func commaMessage(from start: Int) -> String {
            "'\(text(from: start))' is not a number: use a full stop for decimals and commas between groups of three digits, as in 1,537.5"
        }

        /// Digits with optional thousands commas (in groups of three) and an optional decimal part.
        mutating func number() -> (value: Double, decimals: Int)? {
            var digits = ""
            var groupLength = 0
            var sawComma = false
            var lastComma = 0
            let begin = index
            while let c = current {
                if c.isASCIIDigit {
                    digits.unicodeScalars.append(c)
                    groupLength += 1
                    index += 1
                } else if c == ",", !digits.isEmpty, index + 1 < end, scalars[index + 1].isASCIIDigit {
                    if sawComma ? groupLength != 3 : groupLength > 3 {
                        badComma = sawComma ? lastComma : index
                        index = begin
                        return nil
                    }
                    sawComma = true
                    lastComma = index
                    groupLength = 0
                    index += 1
                } else {
                    break
                }
            }
            if digits.isEmpty {
                index = begin
                return nil
            }
            if sawComma && groupLength != 3 {
                badComma = lastComma
                index = begin
                return nil
            }
            var decimals = 0
            if current == ".", index + 1 < end, scalars[index + 1].isASCIIDigit {
                index += 1
                digits.unicodeScalars.append(".")
                while let c = current, c.isASCIIDigit {
                    digits.unicodeScalars.append(c)
                    decimals += 1
                    index += 1
                }
            }
            // Past 15 significant digits a Double no longer holds every figure exactly: the page would show another number.
            let significant = digits.drop { $0 == "0" || $0 == "." }.filter { $0 != "." }.count
            guard significant <= FigureParser.maximumDigits, let value = Double(digits) else {
                if significant > FigureParser.maximumDigits { tooManyDigits = begin }
                index = begin
                return nil
            }
            return (value, decimals)
        }
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
