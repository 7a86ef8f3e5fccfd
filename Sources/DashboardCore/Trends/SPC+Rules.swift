extension SPC {
    /// The mean and the process limits: mean ± 2.66 × the mean moving range, and two thirds of the way to each
    /// (two sigma), beyond which a point inside the limits is "close to a limit".
    struct Limits {
        let mean: Double
        let upper: Double
        let lower: Double
        let upperNear: Double
        let lowerNear: Double

        init(mean: Double, averageMovingRange: Double) {
            self.mean = mean
            upper = mean + limitFactor * averageMovingRange
            lower = mean - limitFactor * averageMovingRange
            upperNear = mean + limitFactor * 2 / 3 * averageMovingRange
            lowerNear = mean - limitFactor * 2 / 3 * averageMovingRange
        }
    }

    /// Runs of observed points in consecutive periods: a moving range, a shift or a trend never crosses a gap.
    struct Runs {
        /// For each point, the index of its run, or -1 for a gap.
        let runOf: [Int]

        init(_ observations: [Observation]) {
            var runOf = [Int](repeating: -1, count: observations.count)
            var run = -1
            for (index, observation) in observations.enumerated() where observation.value != nil {
                let continues =
                    index > 0 && observations[index - 1].value != nil
                    && isConsecutive(observations[index - 1].period, observation.period)
                if !continues { run += 1 }
                runOf[index] = run
            }
            self.runOf = runOf
        }

        /// Each point's moving range from the point before it in the same run.
        func movingRanges(_ observations: [Observation]) -> [Double?] {
            var ranges = [Double?](repeating: nil, count: observations.count)
            for index in observations.indices.dropFirst() where runOf[index] >= 0 && runOf[index] == runOf[index - 1] {
                ranges[index] = abs(observations[index].value! - observations[index - 1].value!)
            }
            return ranges
        }

        /// The indices of each run, in order.
        var indices: [[Int]] {
            var result: [[Int]] = []
            for (index, run) in runOf.enumerated() where run >= 0 {
                if run == result.count { result.append([]) }
                result[run].append(index)
            }
            return result
        }
    }

    /// The special-cause rules each point meets, and the direction of any trend through it.
    struct RuleMarks {
        private(set) var rules: [Set<Rule>]
        private(set) var trendDirection: [Int]
        /// Each point's side of the mean: 1 above, -1 below, 0 on it or a gap.
        let side: [Int]

        init(_ observations: [Observation], runs: Runs, limits: Limits) {
            rules = [Set<Rule>](repeating: [], count: observations.count)
            trendDirection = [Int](repeating: 0, count: observations.count)
            side = observations.map { o in o.value.map { $0 > limits.mean ? 1 : $0 < limits.mean ? -1 : 0 } ?? 0 }
            let outside = observations.map { o in o.value.map { $0 > limits.upper || $0 < limits.lower } ?? false }
            let close = observations.indices.map { i in
                guard let v = observations[i].value, !outside[i] else { return false }
                return v > limits.upperNear || v < limits.lowerNear
            }
            for i in observations.indices where outside[i] { rules[i].insert(.outsideLimits) }
            for run in runs.indices {
                markShifts(run)
                markTrends(run, observations)
                markTwoOfThree(run, close: close)
            }
        }

        /// Shift: 7 or more consecutive points on the same side (a point on the mean breaks the run).
        private mutating func markShifts(_ indices: [Int]) {
            var runStart = 0
            for k in 1...indices.count {
                let broken = k == indices.count || side[indices[k]] == 0 || side[indices[k]] != side[indices[runStart]]
                guard broken else { continue }
                if side[indices[runStart]] != 0, k - runStart >= runLength {
                    for j in runStart..<k { rules[indices[j]].insert(.shift) }
                }
                runStart = k
            }
        }

        /// Trend: 7 points, each strictly above (or below) the one before.
        private mutating func markTrends(_ indices: [Int], _ observations: [Observation]) {
            guard indices.count >= trendLength else { return }
            for last in (trendLength - 1)..<indices.count {
                let window = indices[(last - trendLength + 1)...last]
                let steps = zip(window, window.dropFirst()).map { a, b in observations[b].value! - observations[a].value! }
                let direction = steps.allSatisfy { $0 > 0 } ? 1 : steps.allSatisfy { $0 < 0 } ? -1 : 0
                guard direction != 0 else { continue }
                for j in window {
                    rules[j].insert(.trend)
                    trendDirection[j] = direction
                }
            }
        }

        /// Two of three: in any 3 consecutive points all on one side, at least 2 close to the limit.
        private mutating func markTwoOfThree(_ indices: [Int], close: [Bool]) {
            guard indices.count >= 3 else { return }
            for first in 0...(indices.count - 3) {
                let window = indices[first..<(first + 3)]
                let sides = Set(window.map { side[$0] })
                guard sides.count == 1, sides.first != 0 else { continue }
                let near = window.filter { close[$0] }
                if near.count >= 2 { for j in near { rules[j].insert(.twoOfThree) } }
            }
        }

        /// Each point with its rules and its type by the indicator's polarity.
        ///
        /// Precedence as NHSRplotthedots (Making Data Count): outside the limits, then a 7-point trend (its
        /// direction from the differences, not the side of the mean), then 2 of 3 close to a limit, then 7 points
        /// on one side. A rising run below the mean is an improvement where high is good.
        func points(_ observations: [Observation], movingRanges: [Double?], polarity: Polarity) -> [Point] {
            let good = polarity.sign
            return observations.enumerated().map { i, observation in
                var type = PointType.commonCause
                if !rules[i].isEmpty {
                    let direction =
                        !rules[i].contains(.outsideLimits) && rules[i].contains(.trend) ? trendDirection[i] : side[i]
                    if good == 0 {
                        type = direction >= 0 ? .neitherHigh : .neitherLow
                    } else {
                        type = direction == good ? .improvement : .concern
                    }
                }
                return Point(
                    period: observation.period, value: observation.value, movingRange: movingRanges[i],
                    rules: rules[i], type: type)
            }
        }
    }
}
