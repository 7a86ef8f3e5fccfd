import ArgumentParser
import DashboardCore
import DashboardInput
import Foundation

struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute an authority's national benchmarks for a measure as DfE's LAIT does, and print them as CSV.",
        discussion: """
            Reads LAIT's long benchmark file (or an Explore Education Statistics open-data CSV, with --measure \
            naming its column), LAIT's data dictionary for the measure's polarity, and DfE's statistical \
            neighbours workbook. Prints one row a period: the authority's figure, England's, its region's, the \
            statistical-neighbour average, its rank (1 = best) and band (A best to D), and the quartiles over all \
            authorities' figures.
            """)

    @Option(name: .long, help: ArgumentHelp("LAIT's long benchmark file, or an Explore Education Statistics CSV.", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("LAIT's data dictionary (polarity, no-quartile flag).", valueName: "file"))
    var dictionary: String?

    @Option(name: .long, help: ArgumentHelp("DfE's statistical neighbours workbook (.xlsx).", valueName: "file"))
    var neighbours: String

    @Option(name: .long, help: ArgumentHelp("The local authority, by name or 3-digit LA number.", valueName: "name"))
    var authority: String

    @Option(name: .long, help: ArgumentHelp("The measure's code (LAIT's Short Desc), or the indicator column of an EES file.", valueName: "code"))
    var measure: String

    @Option(name: .long, help: ArgumentHelp("Only this period, as the file writes it (2019-20, 2020 (Final)).", valueName: "label"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("The polarity when there is no dictionary: high or low (better).", valueName: "high|low"))
    var polarity: String?

    mutating func run() throws {
        var diagnostics = Diagnostics()
        let (benchmarks, dataProblems) = BenchmarkFiles.readData(data, measure: measure)
        diagnostics.append(contentsOf: dataProblems)
        var info: MeasureInfo?
        if let dictionary {
            let (entries, problems) = BenchmarkFiles.readDictionary(dictionary)
            diagnostics.append(contentsOf: problems)
            if let entries {
                info = entries[measure] ?? entries.first { $0.key.lowercased() == measure.lowercased() }?.value
                if info == nil {
                    diagnostics.warning("the dictionary has no measure '\(measure)', so it has no polarity: no rank or band", at: SourceLocation(file: dictionary))
                }
            }
        }
        if let polarity {
            let parsed = MeasureInfo.polarity(polarity)
            guard parsed != .none else { throw ValidationError("--polarity must be high or low, not '\(polarity)'") }
            info = MeasureInfo(
                code: measure, name: info?.name, polarity: parsed, decimals: info?.decimals, yearType: info?.yearType,
                noQuartile: info?.noQuartile ?? false)
        }
        let (neighbourTable, neighbourProblems) = BenchmarkFiles.readNeighbours(neighbours)
        diagnostics.append(contentsOf: neighbourProblems)
        guard let benchmarks, let neighbourTable, !diagnostics.hasErrors else {
            Report.print(diagnostics.sorted)
            throw ExitCode(1)
        }
        switch LAITMethod.compute(data: benchmarks, measure: measure, info: info, neighbours: neighbourTable, authority: authority, period: period) {
        case .success(let rows):
            Report.print(diagnostics.sorted)
            FileHandle.standardOutput.write(Data(LAITMethod.csv(rows).utf8))
        case .failure(let failure):
            let message: String
            switch failure {
            case .noMeasure(let name, let suggestion):
                message =
                    "\(data): error: there is no measure '\(name)' in this file\(suggestion.map { "; \($0)" } ?? "") (its measures: \(benchmarks.measures.joined(separator: ", ")))"
            case .noAuthority(let name, let suggestion):
                message = "\(data): error: there is no local authority '\(name)' in this file\(suggestion.map { "; \($0)" } ?? "")"
            case .noPeriod(let label, let periods):
                message = "\(data): error: the measure has no period '\(label)' (its periods: \(periods.joined(separator: ", ")))"
            }
            Report.print(diagnostics.sorted)
            Report.line(message)
            throw ExitCode(1)
        }
    }
}
