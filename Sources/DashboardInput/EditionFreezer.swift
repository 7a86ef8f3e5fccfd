import DashboardCore
import Foundation

/// `dashboards freeze`: copies a dashboard's settings and data, as they stand, into `editions/<period>/` beside its
/// dashboard.yml, with an `edition.yml` recording the period and the publication date. The archived edition is
/// built from that copy from then on. The copy is written beside its final place and renamed into it, so an
/// interrupted freeze leaves no half-written edition.
public enum EditionFreezer {
    public struct Frozen: Sendable {
        /// `dashboards/cfws/editions/2019-20-q4`.
        public var folder: String
        public var files: [String]
        public var replaced: Bool
    }

    public enum Failure: Error, Sendable {
        /// Problems in the dashboard's files: nothing is frozen from data with errors.
        case input(Diagnostics)
        case refused(String)
    }

    public static func freeze(input: String, id: String, edition: Period, published: CivilDate, replace: Bool) throws(Failure) -> Frozen {
        let project = InputLoader.load(from: input, only: [id])
        guard !project.hasErrors, let dashboard = project.dashboards.first(where: { $0.id == id }) else {
            throw .input(project.diagnostics)
        }
        let latest = Analysis.asOf(dashboard)
        if let latest, edition > latest {
            throw .refused("\(id)'s figures go up to \(latest.label); freeze the \(edition.label) edition once its figures are in")
        }
        if let existing = dashboard.frozenEdition(edition), !replace {
            throw .refused(
                "the \(edition.label) edition of \(id) is already frozen (published \(existing.publishedLabel)); pass --replace to freeze it again from the current data")
        }
        let fileManager = FileManager.default
        let directory = InputLoader.join(input, id)
        let editions = InputLoader.join(directory, InputLoader.editionsFolder)
        let final = InputLoader.join(editions, edition.slug)
        let staging = InputLoader.join(editions, ".\(edition.slug).freezing-\(getpid())")
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for file in dashboard.files {
                try fileManager.copyItem(atPath: InputLoader.join(directory, file), toPath: InputLoader.join(staging, file))
            }
            let record = EditionDecoder.encode(EditionDecoder.Record(period: edition, published: published))
            try Data(record.utf8).write(to: URL(fileURLWithPath: InputLoader.join(staging, "edition.yml")))
            var replaced = false
            if fileManager.fileExists(atPath: final) {
                let old = InputLoader.join(editions, ".\(edition.slug).replaced-\(getpid())")
                try fileManager.moveItem(atPath: final, toPath: old)
                try fileManager.moveItem(atPath: staging, toPath: final)
                try? fileManager.removeItem(atPath: old)
                replaced = true
            } else {
                try fileManager.moveItem(atPath: staging, toPath: final)
            }
            return Frozen(folder: final, files: dashboard.files + ["edition.yml"], replaced: replaced)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw .refused("could not write \(final): \(error.localizedDescription)")
        }
    }
}
