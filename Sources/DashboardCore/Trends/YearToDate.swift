/// A year-to-date (or, once the year is complete, annual) figure made from the periods inside the year.
public struct YearToDate: Sendable, Equatable {
    public var period: Period
    /// The periods used, in order.
    public var periods: [Period]
    /// The last period included ("to Q2").
    public var through: Period?
    /// What the indicator's aggregation gives; nil when it cannot be computed (a gap inside the year,
    /// a unique count, or no numerators for a ratio). `reason` then says why.
    public var computed: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var reason: String?
    /// The figure the data gives for this period, if any.
    public var given: Observation?
    /// Every quarter (or month) of the year is present.
    public var isComplete: Bool
    /// Quarters (or months) with no figure at all inside the stretch the year's figure would cover: from the start
    /// of the year (or of the series, for a service that began in the year) to the latest period included, or to
    /// the year's end once the series has gone past it.
    public var missing: [Period] = []
    /// The target for the year, where one is set for it (see `IndicatorDefinition.target(for:)`).
    public var target: Double? = nil

    /// The figure to show: the data's own where it gives one, else the computed.
    public var value: Double? { given?.value ?? computed }
}

public enum YearToDateRules {
    /// Year-to-date figures for every year in which the series has in-year periods or a given YTD figure.
    ///
    /// Financial years gather quarters (or, without quarters, months); a calendar year to date gathers months.
    public static func figures(
        for indicator: IndicatorDefinition, in series: [Observation],
        numerators: [Period: Double] = [:], denominators: [Period: Double] = [:]
    ) -> [YearToDate] {
        let quarters = series.filter { $0.period.frequency == .quarter }
        let months = series.filter { $0.period.frequency == .month }
        var results: [YearToDate] = []

        var financialYears = Set<Int>()
        let inYear = quarters.isEmpty ? months : quarters
        for observation in inYear { financialYears.insert(observation.period.financialYear) }
        for observation in series { if case .financialYearToDate(let fy) = observation.period { financialYears.insert(fy) } }
        for fy in financialYears.sorted() {
            let period = Period.financialYearToDate(fy)
            let members = inYear.filter { $0.period.financialYear == fy }
            let perYear = quarters.isEmpty ? 12 : 4
            var result = make(
                period, members: members, perYear: perYear, indicator: indicator, series: series,
                numerators: numerators, denominators: denominators)
            let expected = expectedPeriods(
                financialYear: fy, quarterly: !quarters.isEmpty, seriesStart: inYear.first?.period.start,
                through: members.last?.period, yearEnded: inYear.contains { $0.period.financialYear > fy })
            result.missing = expected.filter { period in !members.contains { $0.period == period } }
            notTotalled(&result, indicator: indicator)
            result.target = indicator.target(for: period)
            results.append(result)
        }

        var calendarYears = Set<Int>()
        for observation in series { if case .calendarYearToDate(let year) = observation.period { calendarYears.insert(year) } }
        for year in calendarYears.sorted() {
            let period = Period.calendarYearToDate(year)
            let members = months.filter { $0.period.start.year == year }
            results.append(
                make(
                    period, members: members, perYear: 12, indicator: indicator, series: series,
                    numerators: numerators, denominators: denominators))
        }
        return results
    }

    /// The quarters (or months) of a financial year a year-to-date figure should be made of.
    static func expectedPeriods(financialYear fy: Int, quarterly: Bool, seriesStart: CivilDate?, through: Period?, yearEnded: Bool) -> [Period] {
        let all: [Period] =
            quarterly
            ? (1...4).map { Period.quarter(financialYear: fy, quarter: $0) }
            : (0..<12).map { offset in
                let (y, m) = Period.addMonths(fy, 4, offset)
                return Period.month(year: y, month: m)
            }
        return all.filter { period in
            if let seriesStart, period.end < seriesStart { return false }  // before the series began
            if yearEnded { return true }
            guard let through else { return false }
            return period <= through
        }
    }

    /// A year with periods missing is not totalled: never a partial sum as the year's figure.
    static func notTotalled(_ result: inout YearToDate, indicator: IndicatorDefinition) {
        guard !result.missing.isEmpty, indicator.aggregation != .last, indicator.aggregation != .given else { return }
        result.computed = nil
        result.numerator = nil
        result.denominator = nil
        // "2019/20 Q2 and Q4": a quarter's year once.
        var names: [String] = []
        for (index, period) in result.missing.enumerated() {
            if case .quarter(_, let q) = period, index > 0, case .quarter = result.missing[0] { names.append("Q\(q)") } else { names.append(period.label) }
        }
        let list = Wording.list(names)
        result.reason = "not totalled: \(list) missing"
    }

    static func make(
        _ period: Period, members: [Observation], perYear: Int, indicator: IndicatorDefinition, series: [Observation],
        numerators: [Period: Double], denominators: [Period: Double]
    ) -> YearToDate {
        let given = series.first { $0.period == period }
        var result = YearToDate(
            period: period, periods: members.map(\.period), through: members.last?.period,
            computed: nil, reason: nil, given: given, isComplete: members.count == perYear)
        if members.isEmpty {
            result.reason = "no figures inside the year"
            return result
        }
        if let gap = members.first(where: { $0.value == nil }) {
            result.reason = "\(gap.period.label) is a gap (\(gap.gap?.phrase ?? "no figure")), so the year cannot be totalled"
            if indicator.aggregation != .last { return result }
        }
        let values = members.compactMap(\.value)
        switch indicator.aggregation {
        case .sum:
            result.computed = values.reduce(0, +)
        case .mean:
            result.computed = values.reduce(0, +) / Double(values.count)
        case .last:
            if let last = members.last, let value = last.value {
                result.computed = value
                result.reason = nil
            } else {
                result.reason = "the latest period is a gap"
            }
        case .ratio:
            var numeratorTotal = 0.0, denominatorTotal = 0.0
            for member in members {
                guard let n = member.numerator ?? numerators[member.period],
                    let d = member.denominator ?? denominators[member.period]
                else {
                    result.reason = "\(member.period.label) has no numerator and denominator to recompute the year from"
                    return result
                }
                numeratorTotal += n
                denominatorTotal += d
            }
            guard denominatorTotal > 0 else {
                result.reason = "the denominators add up to 0"
                return result
            }
            result.numerator = numeratorTotal
            result.denominator = denominatorTotal
            result.computed = numeratorTotal / denominatorTotal * (indicator.unit == .percent ? 100 : 1)
        case .given:
            result.reason = "a unique count over the year cannot be made from its parts; only the figure given is used"
        }
        return result
    }
}
