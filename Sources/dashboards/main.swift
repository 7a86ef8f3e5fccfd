import DashboardCore
import DashboardInput

let project = InputLoader.load(from: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "dashboards")
for d in project.diagnostics.sorted { print(d) }
for dashboard in project.dashboards {
    let analysis = Analysis.dashboard(dashboard)
    print("== \(dashboard.id) as of \(analysis.asOf?.label ?? "-")")
    for a in analysis.indicators {
        let latest = a.latest.map { a.format($0) } ?? "-"
        let dir = a.direction.map { $0.sentence(unit: a.unit, decimals: a.decimals, polarity: a.indicator.polarity) } ?? "-"
        let rag = a.rag.map { "\($0.status.name) [\($0.rule)]" + ($0.computed.map { " computed \($0.status.name): \($0.rule)" } ?? "") } ?? "-"
        print("  \(a.indicator.id): \(latest) @ \(a.latest?.period.label ?? "-") | \(dir) | RAG \(rag)")
        for y in a.yearToDate { print("     YTD \(y.period.label): given \(y.given?.value.map { String($0) } ?? "-") computed \(y.computed.map { String($0) } ?? "-") \(y.reason ?? "")") }
        if let s = a.spc { print("     SPC mean \(s.mean) amr \(s.averageMovingRange) UPL \(s.upperLimit) LPL \(s.lowerLimit) \(s.variation.sentence) special: \(s.specialPoints.map { "\($0.period.label) \($0.rules.sorted())" })") }
        if let u = a.spcUnavailable { print("     \(u.sentence)") }
        for c in a.comparisons { print("     vs \(c.kind.name) \(c.benchmark): gap \(c.gap) better \(String(describing: c.better))") }
    }
    print(analysis.overview.paragraph)
}
