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

    /// Chooses the domain and ticks for `values` (every figure the chart draws: data, targets, benchmarks, limits).
    ///
    /// - Counts, and any axis with `includeZero`, start at zero: a column's length must be its value.
    /// - Percentages run 0–100 so that 60% looks like 60% of the way, unless every figure is at most 25%:
    ///   then 0 to a nice maximum, or a 0.3% figure and its 1.8% benchmark would be slivers.
    /// - `minimum` / `maximum` (the indicator's `axis_minimum` / `axis_maximum`) override either end.
    /// - Other units (rates, ratios, days, pounds on a line) fit the figures with a little room, then round
    ///   outwards to ticks.
    /// - `tickCount` is about how many intervals fit (d3's count).
    public static func make(values: [Double], unit: MeasureUnit, includeZero: Bool, minimum: Double?, maximum: Double?,
                            tickCount: Double, headroom: Double = 0) -> ValueAxisScale {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        let zeroBased = includeZero || unit == .count || unit == .percent
        var fixedLower = minimum, fixedUpper = maximum
        if unit == .percent {
            if fixedLower == nil { fixedLower = min(0, lo) }
            if fixedUpper == nil, hi > 25 || lo < 0 { fixedUpper = max(100, hi) }
        }
        if zeroBased {
            lo = min(0, lo)
            hi = max(0, hi)
        }
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
        // A zero-based axis for positive figures stays at zero even when `nice` could go below it.
        if zeroBased, lo >= 0, fixedLower == nil { niceLo = max(0, niceLo) }
        let ticks = Ticks.ticks(niceLo, niceHi, count: tickCount)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : Ticks.step(niceLo, niceHi, count: tickCount)
        return ValueAxisScale(lower: niceLo, upper: niceHi, ticks: ticks, decimals: Ticks.decimals(forStep: step), unit: unit)
    }

    /// A tick label: `1,500`, `20%`, `£2.50`. Days are bare numbers (the subtitle names the unit).
    public func label(_ value: Double) -> String {
        AxisFormat.tick(value, unit: unit, decimals: decimals)
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
