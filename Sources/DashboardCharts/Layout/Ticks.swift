import Foundation

/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, as d3-array's `ticks`, `tickIncrement` and
/// `nice` choose them, so an axis reads 0, 200, 400… rather than 0, 187, 374….
///
/// Fractional steps are kept as their reciprocal (a step of 0.1 is the increment -10) and ticks are made by
/// dividing integers by it, so 0.3 comes out as 0.3 and not 0.30000000000000004.
public enum Ticks {
    // A step is rounded up to the next of 1, 2, 5, 10 when the raw step exceeds the geometric mean of the pair.
    static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// (first index, last index, increment): ticks are `i * inc` for a positive increment, `i / -inc` for a negative one.
    static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double, Double) {
        let step = (stop - start) / max(0, count)
        let power = (log10(step)).rounded(.down)
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = (start * inc).rounded(.toNearestOrAwayFromZero)
            i2 = (stop * inc).rounded(.toNearestOrAwayFromZero)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = (start / inc).rounded(.toNearestOrAwayFromZero)
            i2 = (stop / inc).rounded(.toNearestOrAwayFromZero)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        // With a count below 2 the only multiple may fall outside the domain: try again with a finer step.
        if i2 < i1, 0.5 <= count, count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// About `count + 1` ticks between `start` and `stop` inclusive (in the order given), all inside the domain.
    public static func ticks(_ start: Double, _ stop: Double, count: Double) -> [Double] {
        guard start.isFinite, stop.isFinite, count > 0, count.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, inc) = reverse ? spec(stop, start, count) : spec(start, stop, count)
        // More than a few thousand ticks means a count no axis asks for; refuse rather than allocate.
        guard i2 >= i1, inc.isFinite, inc != 0, i2 - i1 < 10_000 else { return [] }
        let n = Int(i2 - i1) + 1
        var result: [Double] = []
        result.reserveCapacity(n)
        for k in 0..<n {
            let i = reverse ? i2 - Double(k) : i1 + Double(k)
            let value = inc < 0 ? i / -inc : i * inc
            result.append(value == 0 ? 0 : value)  // never -0
        }
        return result
    }

    /// The tick step as an increment: positive for steps of 1 or more, the negated reciprocal for smaller steps.
    /// NaN for NaN arguments or a count of NaN with an empty domain, as d3 gives.
    public static func increment(_ start: Double, _ stop: Double, count: Double) -> Double {
        if start.isNaN || stop.isNaN || count.isNaN { return .nan }
        if start == stop { return count > 0 ? -.infinity : .nan }
        return spec(start, stop, count).2
    }

    /// The tick step as a plain number (0.1, 2, 500), negative when `stop < start`.
    public static func step(_ start: Double, _ stop: Double, count: Double) -> Double {
        let reverse = stop < start
        let inc = reverse ? increment(stop, start, count: count) : increment(start, stop, count: count)
        return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc)
    }

    /// Extends `[start, stop]` outwards to whole multiples of the tick step, so the axis begins and ends on a tick.
    public static func nice(_ start: Double, _ stop: Double, count: Double) -> (Double, Double) {
        guard start.isFinite, stop.isFinite, count > 0, count.isFinite, start != stop else { return (start, stop) }
        var lo = start, hi = stop
        let reversed = hi < lo
        if reversed { swap(&lo, &hi) }
        var previous: Double?
        for _ in 0..<10 {
            let step = increment(lo, hi, count: count)
            if step == previous { break }
            if step > 0 {
                lo = (lo / step).rounded(.down) * step
                hi = (hi / step).rounded(.up) * step
            } else if step < 0 {
                lo = (lo * step).rounded(.up) / step
                hi = (hi * step).rounded(.down) / step
            } else {
                break
            }
            previous = step
        }
        return reversed ? (hi, lo) : (lo, hi)
    }

    /// Decimal places that show every tick of this step exactly (d3-format's `precisionFixed`): 0.5 → 1, 20 → 0.
    public static func decimals(forStep step: Double) -> Int {
        let magnitude = abs(step)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        return max(0, -Int((log10(magnitude) + 1e-9).rounded(.down)))
    }
}
