import DashboardCore

extension DashboardPlanner {
    /// The benchmarking page, where an indicator is ranked within a comparator group; its file name, or nil.
    func addBenchmarkingPage(_ analysis: DashboardAnalysis, base: String, crumbs: [Link], edition: Edition, plan: inout Plan) -> String? {
        let groups = BenchmarkingPage.groups(analysis)
        let spend = spendChartSection(analysis, base: base, plan: &plan)
        guard !groups.isEmpty || spend != nil else { return nil }
        let title = analysis.dashboard.definition.title
        let page = BenchmarkingPage(
            page: chrome("Benchmarking, \(title)", base: base, crumbs: crumbs + [Link(text: "Benchmarking", url: BenchmarkingPage.file, current: true)]),
            dashboardTitle: title, groups: groups, spendChart: spend, archiveNote: edition.archiveNote)
        plan.files.append(assets.page(page, with: "benchmarking", at: base + BenchmarkingPage.file))
        plan.pages += 1
        return BenchmarkingPage.file
    }
}
