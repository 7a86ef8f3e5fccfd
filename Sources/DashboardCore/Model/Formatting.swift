/// Writes figures the way committee papers do: `1,537`, `94.9%`, `£2.50`, `12 days`.
///
/// Rounding is decimal and half away from zero on the figure as typed (69.345 → 69.3 at one place, 0.125 → 0.13
/// at two), never the binary artefacts of `printf`, and never depends on the machine's locale.
public enum Formatting {
    /// `1537` → `1,537`; `-2.25` at one decimal → `-2.3`.
    public static func number(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value > 0 ? "∞" : "-∞") }
        let (negative, integer, fraction) = decimalDigits(value, decimals: decimals)
        var whole = integer
        if grouping, whole.count > 3 {
            var grouped = ""
            for (index, char) in whole.enumerated() {
                if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(char)
            }
            whole = grouped
        }
        let isZero = integer.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        return (negative && !isZero ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A figure with its unit: `94.9%`, `£1,234`, `3 days`.
    public static func figure(_ value: Double, unit: MeasureUnit, decimals: Int) -> String {
        let digits = number(abs(value), decimals: decimals)
        let sign = value < 0 && number(value, decimals: decimals).hasPrefix("-") ? "-" : ""
        switch unit {
        case .percent: return sign + digits + "%"
        case .currency: return sign + "£" + digits
        case .days: return sign + digits + (digits == "1" ? " day" : " days")
        case .rank: return sign + digits + ordinalSuffix(digits)
        case .count, .rate, .ratio: return sign + digits
        }
    }

    /// "st" for 1, 21; "nd" for 2; "rd" for 3; "th" otherwise (11th, 12th, 13th).
    static func ordinalSuffix(_ digits: String) -> String {
        let n = Int(digits.filter(\.isNumber).suffix(2)) ?? 0
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// A change with its sign: `+2.3 pts` for percentages (percentage points), `+120` otherwise.
    public static func change(_ delta: Double, unit: MeasureUnit, decimals: Int) -> String {
        let magnitude = number(abs(delta), decimals: decimals)
        let isZero = magnitude.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        let sign = isZero ? "" : (delta < 0 ? "-" : "+")
        switch unit {
        case .percent: return sign + magnitude + (magnitude == "1" ? " pt" : " pts")
        case .currency: return sign + "£" + magnitude
        case .days: return sign + magnitude + (magnitude == "1" ? " day" : " days")
        case .rank: return sign + magnitude + (magnitude == "1" ? " place" : " places")
        case .count, .rate, .ratio: return sign + magnitude
        }
    }

    /// The size of a change without its sign: `2.3 pts`, `£0.50`, and `0.0 pts` (not `.0 pts`) for none.
    static func changeSize(_ delta: Double, unit: MeasureUnit, decimals: Int) -> String {
        let text = change(abs(delta), unit: unit, decimals: decimals)
        return text.hasPrefix("+") ? String(text.dropFirst()) : text
    }

    /// A relative change: `+12.5%`.
    public static func percentChange(_ ratio: Double, decimals: Int = 1) -> String {
        let magnitude = number(abs(ratio * 100), decimals: decimals)
        let isZero = magnitude.allSatisfy { $0 == "0" || $0 == "." }
        return (isZero ? "" : (ratio < 0 ? "-" : "+")) + magnitude + "%"
    }

    /// Whether two figures are the same as a paper would print them at `decimals` places (69.3 and 233/336).
    public static func agree(_ a: Double, _ b: Double, decimals: Int) -> Bool {
        number(a, decimals: decimals, grouping: false) == number(b, decimals: decimals, grouping: false)
    }

    /// The fewest decimal places, from `minimum` to `maximum`, that write `value` exactly: 13.8 → 1, 97 → 0,
    /// 92.15 → 2. For showing a target or benchmark as precisely as it was given, and no more.
    public static func decimalPlaces(of value: Double, minimum: Int = 0, maximum: Int = 6) -> Int {
        var places = minimum
        while places < maximum {
            let scaled = value * pow10(places)
            if abs(scaled.rounded() - scaled) < 1e-6 { break }
            places += 1
        }
        return places
    }

    static func pow10(_ places: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, places) { result *= 10 }
        return result
    }

    /// Splits a value rounded to `decimals` places into sign, integer digits and fraction digits.
    ///
    /// Works on the shortest decimal text that reads back as the same Double (Swift's `description`), so the
    /// rounding is of the number the officer typed.
    static func decimalDigits(_ value: Double, decimals: Int) -> (Bool, String, String) {
        let negative = value < 0
        var text = abs(value).description
        var digits: [UInt8]
        var pointPosition: Int
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let intPart = String(parts[0]), fracPart = parts.count > 1 ? String(parts[1]) : ""
            digits = Array((intPart + fracPart).utf8).map { $0 - 48 }
            pointPosition = intPart.count + exponent
        } else {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let intPart = String(parts[0]), fracPart = parts.count > 1 ? String(parts[1]) : ""
            digits = Array((intPart + fracPart).utf8).map { $0 - 48 }
            pointPosition = intPart.count
        }
        // Pad so that the point lies within the digits and there are enough fraction digits.
        if pointPosition <= 0 {
            digits = [UInt8](repeating: 0, count: 1 - pointPosition) + digits
            pointPosition = 1
        }
        let needed = pointPosition + decimals
        if digits.count < needed + 1 { digits += [UInt8](repeating: 0, count: needed + 1 - digits.count) }
        // Round half away from zero at position `needed`.
        var kept = Array(digits[..<needed])
        if digits[needed] >= 5 {
            var i = kept.count - 1
            while i >= 0 {
                if kept[i] == 9 {
                    kept[i] = 0
                    i -= 1
                } else {
                    kept[i] += 1
                    break
                }
            }
            if i < 0 {
                kept.insert(1, at: 0)
                pointPosition += 1
            }
        }
        var integer = String(decoding: kept[..<pointPosition].map { $0 + 48 }, as: UTF8.self)
        while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
        if integer.isEmpty { integer = "0" }
        let fraction = String(decoding: kept[pointPosition...].map { $0 + 48 }, as: UTF8.self)
        return (negative, integer, fraction)
    }
}
