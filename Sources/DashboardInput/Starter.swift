import DashboardCore
import Foundation

/// `dashboards init DIR`: a small dashboard that validates and builds as it is, for an officer to edit into
/// their own (rather than copying the 200-line example and pruning it). Every key it uses is explained beside it.
public enum Starter {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder's name cannot be a dashboard id.
        case badName(String)
        /// The folder already holds a dashboard: nothing is overwritten.
        case exists(String)
        case unwritable(String)
        /// The workbook given with --from cannot be read or holds no table.
        case unreadable(String)

        public var description: String {
            switch self {
            case .badName(let name): return "'\(name)' cannot be a dashboard id (the folder's name): use \(Identifier.rule)"
            case .exists(let path): return "\(path) already holds a dashboard.yml; nothing was written (choose a new folder)"
            case .unwritable(let message), .unreadable(let message): return message
            }
        }
    }

    /// The starter's files, by name.
    public static func files(title: String, organisation: String) -> [String: String] {
        [
            "dashboard.yml": """
            # A starter dashboard: change the titles, add your own indicators and put their figures in figures.csv.
            # Every key is explained in docs/data-format.md; `dashboards validate` checks this file and the figures.
            title: \(yamlText(title))
            organisation: \(yamlText(organisation))

            # Sections group the KPI table's rows; each indicator is listed in one.
            sections:
              - title: Early help
                indicators: [assessments-on-time]
              - title: Children's social care
                indicators: [re-referrals, children-in-care]

            indicators:
              assessments-on-time:                # the id: the row's name in figures.csv and the page's file name
                title: Early help assessments completed within 45 days
                unit: percent                     # percent, count, rate, ratio, currency, days or rank
                polarity: high                    # high or low is better; none for a measure with no better way
                target: 90%                       # RAG: green meets it, amber misses by up to 5% of it, red by more
              re-referrals:
                title: Re-referrals to children's social care within 12 months
                unit: percent
                polarity: low
                target: 22%
              children-in-care:
                title: Children in care
                unit: count
                polarity: none
                chart: column

            """,
            "figures.csv": """
            # One row an indicator, one column a quarter, as pasted from Excel. A percentage may carry its count in
            # brackets; n/a, c (suppressed) and blank cells are gaps, never zeros.
            indicator,2019/20 Q1,2019/20 Q2,2019/20 Q3,2019/20 Q4,2020/21 Q1
            assessments-on-time,85.0% (170),88.2% (180),90.5% (191),91.3% (200),89.6% (189)
            re-referrals,24.0% (60),23.2% (58),21.4% (55),22.1% (57),20.8% (52)
            children-in-care,612,618,625,631,640

            """,
        ]
    }

    /// Writes the starter into `folder` (made if missing); the folder's name is the dashboard's id.
    @discardableResult
    public static func write(to folder: String, title: String, organisation: String) throws(Failure) -> [String] {
        let name = URL(fileURLWithPath: folder).lastPathComponent
        guard Identifier.isValid(name) else { throw .badName(name) }
        let yml = InputLoader.join(folder, "dashboard.yml")
        guard !FileManager.default.fileExists(atPath: yml) else { throw .exists(folder) }
        let files = self.files(title: title, organisation: organisation)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (file, text) in files.sorted(by: { $0.key < $1.key }) {
                let path = InputLoader.join(folder, file)
                guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unwritable("could not write the starter into \(folder): \(error.localizedDescription)")
        }
        return files.keys.sorted()
    }

    /// A YAML scalar for any text: plain where that reads back as the same text, else double-quoted.
    static func yamlText(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == " " || $0.properties.numericType != nil || "'’,.()-".unicodeScalars.contains($0) }
        if plain, let first = text.unicodeScalars.first, first.properties.isAlphabetic, !text.hasSuffix(" ") { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
