extension GroupMethod {
    public static let csvHeader =
        LAITMethod.csvHeader + ",group,group_rank,group_ranked,group_band,group_lower_quartile,group_median,group_upper_quartile"

    /// `dashboards benchmark --group`'s CSV: LAIT's columns and the group's for each row, then (with several
    /// measures) the `average rank` row, whose `value` is the mean rank and `group_rank` that mean's rank.
    public static func csv(_ rows: [(LAITMethod.Figures, Figures)], average: (authority: String, group: String, rank: AverageRank)?) -> String {
        var lines = [csvHeader.split(separator: ",").map(String.init)]
        for (lait, g) in rows {
            lines.append(
                LAITMethod.fields(lait) + [
                    CSVWriter.text(g.group), g.rank.map(String.init) ?? "", String(g.ranked), g.band ?? "",
                    LAITMethod.number(g.lowerQuartile), LAITMethod.number(g.median), LAITMethod.number(g.upperQuartile),
                ])
        }
        if let average {
            let a = average.rank
            lines.append(
                ["average rank", "", CSVWriter.text(average.authority), LAITMethod.number(a.value)] + Array(repeating: "", count: 11)
                    + [CSVWriter.text(average.group), a.rank.map(String.init) ?? "", String(a.ranked), "", "", "", ""])
        }
        return CSVWriter.document(lines, lineEnding: .lf)
    }
}
