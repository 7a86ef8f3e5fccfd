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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The measure's code (LAIT's Short Desc), or the indicator column of an EES file; repeat it for several (with --group, their average rank).",
            valueName: "code"))
    var measure: [String]

    @Option(name: .long, help: ArgumentHelp("A comparator group file: the authority's rank, band and quartiles within it too.", valueName: "file"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("Only this period, as the file writes it (2019-20, 2020 (Final)).", valueName: "label"))
    var period: String?

    @Option(name: .long, help: ArgumentHelp("The polarity when there is no dictionary: high or low (better).", valueName: "high|low"))
    var polarity: String?

    mutating func run() throws {
        var diagnostics = Diagnostics()
        guard !measure.isEmpty else { throw ValidationError("--measure is needed: the measure's code (LAIT's Short Desc)") }
        let benchmarks = readData(&diagnostics)
        let infos = try measureInfo(&diagnostics)
        let (neighbourTable, neighbourProblems) = BenchmarkFiles.readNeighbours(neighbours)
        diagnostics.append(contentsOf: neighbourProblems)
        var groupRead: ComparatorGroup?
        if let group {
            let (read, problems) = ComparatorGroupFile.read(group)
            diagnostics.append(contentsOf: problems)
            if let read, let benchmarks {
                let (resolved, resolveProblems) = ComparatorGroupFile.resolve(read, in: benchmarks)
                diagnostics.append(contentsOf: resolveProblems)
                groupRead = resolved
            }
        }
        guard let benchmarks, let neighbourTable, !diagnostics.hasErrors else {
            Report.print(diagnostics.sorted)
            throw ExitCode(1)
        }
        var rows: [LAITMethod.Figures] = []
        for code in measure {
            switch LAITMethod.compute(data: benchmarks, measure: code, info: infos[code], neighbours: neighbourTable, authority: authority, period: period) {
            case .success(let figures): rows += figures
            case .failure(let failure): try fail(failure, benchmarks: benchmarks, diagnostics: diagnostics)
            }
        }
        guard let groupRead else {
            Report.print(diagnostics.sorted)
            FileHandle.standardOutput.write(Data(LAITMethod.csv(rows).utf8))
            return
        }
        let output = try groupCSV(rows, data: benchmarks, group: groupRead, infos: infos, diagnostics: &diagnostics)
        Report.print(diagnostics.sorted)
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// The benchmark file, read for each measure an Explore Education Statistics file is read for.
    func readData(_ diagnostics: inout Diagnostics) -> BenchmarkData? {
        let (first, problems) = BenchmarkFiles.readData(data, measure: measure[0])
        diagnostics.append(contentsOf: problems)
        guard var result = first else { return nil }
        // LAIT's file holds every measure; an EES file is read for one column at a time.
        if measure.count > 1, result.rows.allSatisfy({ $0.measure == measure[0] }) {
            for code in measure.dropFirst() {
                let (more, found) = BenchmarkFiles.readData(data, measure: code)
                diagnostics.append(contentsOf: found)
                result.rows += more?.rows ?? []
            }
        }
        return result
    }

    /// Each measure's polarity and no-quartile flag, from the dictionary, or --polarity for every measure.
    func measureInfo(_ diagnostics: inout Diagnostics) throws -> [String: MeasureInfo] {
        var result: [String: MeasureInfo] = [:]
        var entries: [String: MeasureInfo]?
        if let dictionary {
            let (read, problems) = BenchmarkFiles.readDictionary(dictionary)
            diagnostics.append(contentsOf: problems)
            entries = read
        }
        for code in measure {
            var info = entries.flatMap { $0[code] ?? $0.first { $0.key.lowercased() == code.lowercased() }?.value }
            if let dictionary, entries != nil, info == nil {
                diagnostics.warning("the dictionary has no measure '\(code)', so it has no polarity: no rank or band", at: SourceLocation(file: dictionary))
            }
            if let polarity {
                let parsed = MeasureInfo.polarity(polarity)
                guard parsed != .none else { throw ValidationError("--polarity must be high or low, not '\(polarity)'") }
                info = MeasureInfo(
                    code: code, name: info?.name, polarity: parsed, decimals: info?.decimals, yearType: info?.yearType,
                    noQuartile: info?.noQuartile ?? false)
            }
            result[code] = info
        }
        return result
    }

    func fail(_ failure: LAITMethod.Failure, benchmarks: BenchmarkData, diagnostics: Diagnostics) throws -> Never {
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
