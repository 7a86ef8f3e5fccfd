import DashboardSite
import Foundation
import Hummingbird

/// `dashboards serve`: builds the site as `dashboards build` does, serves it, and builds again whenever a file in
/// the watched folders (the input and the assets) changes. A failed build leaves the last good site published
/// and served, its problems shown on the open pages; the next good build replaces it and the pages reload.
public struct PreviewSession: Sendable {
    public var build: BuildOptions
    public var host: String
    public var port: Int
    /// The folders whose changes start a new build.
    public var watched: [String]
    /// How often the watched folders are looked at.
    public var interval: Duration = .milliseconds(200)

    public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000, watched: [String]) {
        self.build = build
        self.host = host
        self.port = port
        self.watched = watched
    }

    public enum Event: Sendable {
        /// The server is listening at this address.
        case serving(url: String, port: Int)
        /// These files changed; building again.
        case changed([String])
        case built(BuildReport)
        case failed(BuildError)
    }

    public let state = PreviewState()

    /// Runs until cancelled (or the server fails to start, which throws).
    public func run(events: @escaping @Sendable (Event) -> Void) async throws {
        let start = FolderStamps.take(watched)
        if let refused = await buildOnce(events: events) { throw refused }
        let site = SiteFiles(root: build.output)
        let (host, port, state, watched, interval) = (host, port, state, watched, interval)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let application = PreviewServer.application(site: site, state: state, host: host, port: port) { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    events(.serving(url: "http://\(shown):\(port)/", port: port))
                }
                try await application.run()
            }
            group.addTask {
                var stamps = start
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    var now = FolderStamps.take(watched)
                    let changed = now.changes(since: stamps)
                    guard !changed.isEmpty else { continue }
                    // A save caught half-written (truncated, then written) is built once, when it has settled:
                    // the stamps must hold still for 50 ms (up to a second) before the build starts.
                    for _ in 0..<20 {
                        try await Task.sleep(for: .milliseconds(50))
                        let again = FolderStamps.take(watched)
                        if again.changes(since: now).isEmpty { break }
                        now = again
                    }
                    // Taken before building: a save during the build starts another.
                    stamps = now
                    events(.changed(changed))
                    _ = await buildOnce(events: events)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Builds once and tells the state; returns a usage error (an output inside the input), which no save can mend.
    func buildOnce(events: @escaping @Sendable (Event) -> Void) async -> BuildError? {
        do {
            let report = try await SiteBuilder.build(build)
            await state.published()
            events(.built(report))
        } catch let error as BuildError {
            if case .usage = error { return error }
            await state.failed(error.description)
            events(.failed(error))
        } catch {
            let failure = BuildError.output("\(error)")
            await state.failed(failure.description)
            events(.failed(failure))
        }
        return nil
    }
}
