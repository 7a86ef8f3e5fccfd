import DashboardCore
import Foundation

/// Maps values in a domain to positions in a range, linearly; a pure value so tests can check where things go.
public struct LinearScale: Sendable, Hashable {
    public var domain: (lower: Double, upper: Double) { (d0, d1) }
    public var range: (start: Double, end: Double) { (r0, r1) }
    let d0, d1, r0, r1: Double

    public init(domain: (Double, Double), range: (Double, Double)) {
        (d0, d1, r0, r1) = (domain.0, domain.1, range.0, range.1)
    }

    public func callAsFunction(_ value: Double) -> Double {
        d1 == d0 ? (r0 + r1) / 2 : r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at a position (for tests and hit-testing).
    public func invert(_ position: Double) -> Double {
        r1 == r0 ? d0 : d0 + (position - r0) / (r1 - r0) * (d1 - d0)
    }

    /// Keeps a value inside the domain (a lower process limit below zero is drawn at zero, not below the axis).
    public func clamp(_ value: Double) -> Double { min(max(value, min(d0, d1)), max(d0, d1)) }

    public func contains(_ value: Double) -> Bool {
        value >= min(d0, d1) - 1e-9 * abs(d1 - d0) && value <= max(d0, d1) + 1e-9 * abs(d1 - d0)
    }
}

/// The value axis of a chart: its domain, its ticks and how their labels are written.
public struct ValueAxisScale: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var ticks: [Double]
    /// Decimals that show every tick exactly.
    public var decimals: Int
    public var unit: MeasureUnit

    /// Chooses the domain and ticks for `values` (every figure the chart draws: data, targets, benchmarks, limits),
    /// as the UK Government Analysis Function's guidance on axes asks.
    ///
    /// - With `includeZero` (columns and stacks, whose length is their value) the axis starts at zero.
    /// - Otherwise (lines) it shows the variation: it spans the figures, the target and the comparators with a
    ///   little room, and starts at zero only when the figures vary by as much as their lowest value (then
    ///   zero costs little room); else it starts where the figures do, and `startsAboveZero` tells the
    ///   layout to mark the axis as not starting at zero. Percentages stay within 0–100% when the figures do.
    /// - `minimum` / `maximum` (the indicator's `axis_minimum` / `axis_maximum`) override either end.
    /// - `tickCount` is about how many intervals fit (d3's count).
    public static func make(
        values: [Double], unit: MeasureUnit, includeZero: Bool, minimum: Double?, maximum: Double?,
        tickCount: Double, headroom: Double = 0
    ) -> ValueAxisScale {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        let dataLow = lo, dataHigh = hi
        // Zero is on the axis when asked for, or when the figures vary by at least their lowest value.
        let zeroBased = includeZero || (lo >= 0 && hi - lo >= lo) || (hi <= 0 && hi - lo >= -hi)
        if zeroBased {
            lo = min(0, lo)
            hi = max(0, hi)
        }
        let fixedLower = minimum, fixedUpper = maximum
        if let fixedLower { lo = fixedLower }
        if let fixedUpper { hi = fixedUpper }
        if hi <= lo {
            // One figure, or all the same: show it in the middle of a sensible span.
            let pad = hi == 0 ? 1 : abs(hi) * 0.5
            if fixedLower == nil && !zeroBased { lo -= pad }
            if fixedUpper == nil { hi += pad }
            if hi <= lo { hi = lo + 1 }
        } else if !zeroBased && fixedLower == nil {
            lo -= (hi - lo) * 0.08
        }
        if fixedUpper == nil { hi += (hi - lo) * (headroom + (zeroBased ? 0 : 0.08)) }
        var (niceLo, niceHi) = Ticks.nice(lo, hi, count: tickCount)
        if fixedLower != nil { niceLo = lo }
        if fixedUpper != nil { niceHi = hi }
        // An axis of figures that are not negative does not go below zero, nor a percentage above 100%.
        if dataLow >= 0, fixedLower == nil { niceLo = max(0, niceLo) }
        if unit == .percent, dataHigh <= 100, fixedUpper == nil { niceHi = min(100, niceHi) }
        let ticks = Ticks.ticks(niceLo, niceHi, count: tickCount)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : Ticks.step(niceLo, niceHi, count: tickCount)
        return ValueAxisScale(lower: niceLo, upper: niceHi, ticks: ticks, decimals: Ticks.decimals(forStep: step), unit: unit)
    }

    /// Whether the axis starts above zero (or ends below it): a line chart's axis that does not include zero,
    /// which the chart marks with a break so no one reads the heights as proportions.
    public var excludesZero: Bool { lower > 0 || upper < 0 }

    /// A tick label: `1,500`, `20%`, `£2.50`. Days are bare numbers (the subtitle names the unit).
    public func label(_ value: Double) -> String {
        AxisFormat.tick(value, unit: unit, decimals: decimals)
    }

    /// A tick label written short when the axis reaches ten thousand: "250k", "£1.5m".
    public func shortLabel(_ value: Double) -> String {
        let largest = max(abs(lower), abs(upper))
        guard largest >= 10_000, unit != .percent else { return label(value) }
        let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : largest
        let (divisor, suffix) = largest >= 1_000_000 ? (1_000_000.0, "m") : (1_000.0, "k")
        let places = Ticks.decimals(forStep: step / divisor)
        let number = Formatting.number(abs(value) / divisor, decimals: places)
        let sign = value < 0 && number.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + (unit == .currency ? "£" : "") + number + suffix
    }
}

/// How figures are written on charts, through the core's `Formatting` so a chart says what the tables say.
public enum AxisFormat {
    public static func tick(_ value: Double, unit: MeasureUnit, decimals: Int) -> String {
        // Pounds are written in whole pounds or with pence, never "£2.5".
        let decimals = unit == .currency && decimals == 1 ? 2 : decimals
        switch unit {
        case .percent: return Formatting.number(value, decimals: decimals) + "%"
        case .currency: return Formatting.figure(value, unit: .currency, decimals: decimals)
        case .count, .rate, .ratio, .days, .rank: return Formatting.number(value, decimals: decimals)
        }
    }

    /// A data label: as the tables write the figure, but days as a bare number like the axis.
    public static func value(_ value: Double, unit: MeasureUnit, decimals: Int) -> String {
        unit == .days ? Formatting.number(value, decimals: decimals) : Formatting.figure(value, unit: unit, decimals: decimals)
    }
}
