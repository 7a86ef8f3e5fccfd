import DashboardSite
import Foundation
import TestSupport
import Testing

@testable import DashboardServe

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `dashboards serve` over loopback: the example built, served on a free port, a figure changed in its CSV file,
/// the new figure served and the reload signal given; then a bad figure, whose error reaches the page while the
/// last good site is still served. Waits are bounded and generous (the whole suite may be running beside it);
/// nothing is timed.
@Suite(.serialized) struct PreviewLoopbackTests {
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [PreviewSession.Event] = []

        func add(_ event: PreviewSession.Event) { lock.withLock { events.append(event) } }

        var port: Int? {
            lock.withLock {
                events.lazy.compactMap { event -> Int? in
                    if case .serving(_, let port) = event { return port }
                    return nil
                }.first
            }
        }
    }

    struct Reply {
        var status: Int
        var type: String
        var body: String
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForRequest = 300
        return URLSession(configuration: configuration)
    }()

    func get(_ port: Int, _ path: String) async throws -> Reply {
        let (data, response) = try await Self.session.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        let http = response as! HTTPURLResponse
        return Reply(status: http.statusCode, type: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: String(decoding: data, as: UTF8.self))
    }

    func state(_ port: Int, after generation: Int) async throws -> [String: Any] {
        let reply = try await get(port, LiveReload.endpoint + "?after=\(generation)")
        return try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as! [String: Any]
    }

    /// Waits (long polling, as an open page does) until `done` holds of the state, for at most `limit`.
    func waitFor(_ port: Int, after generation: Int, limit: Duration = .seconds(900), _ done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var state = try await self.state(port, after: generation)
        while !done(state), clock.now < deadline {
            state = try await self.state(port, after: state["generation"] as! Int)
        }
        return state
    }

    @Test func servesRebuildsOnSaveAndSignalsOpenPages() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        // The example's Children and Family Wellbeing Service dashboard alone: the others would only add time.
        let input = scratch.path + "/dashboards"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: exampleInput + "/cfws", toPath: input + "/cfws")
        let output = scratch.path + "/public"
        let preview = PreviewSession(build: BuildOptions(input: input, output: output, assets: exampleAssets, jobs: 2), port: 0, watched: [input])
        let events = Events()
        let running = Task { try await preview.run { events.add($0) } }
        defer { running.cancel() }

        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(900)
        while events.port == nil, clock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let port = try #require(events.port)

        let pagePath = "/cfws/open-cases-family-wellbeing-worker.html"
        let page = try await get(port, pagePath)
        #expect(page.status == 200)
        #expect(page.type == "text/html; charset=utf-8")
        #expect(page.body.contains("The latest figure is 657 in 2020/21 Q1"))
        #expect(page.body.contains(LiveReload.endpoint))
        // The script is in the page as served, never in the file published.
        let published = read(output + pagePath)
        #expect(!published.contains("<script"))
        #expect(page.body.replacingOccurrences(of: LiveReload.script(.init(generation: 1, site: 1)), with: "") == published)

        let css = try await get(port, "/assets/site.css")
        #expect(css.status == 200 && css.type == "text/css; charset=utf-8" && !css.body.contains("<script"))
        #expect(try await get(port, "/cfws/missing.html").status == 404)
        #expect(try await get(port, "/%2e%2e/dashboards/cfws/dashboard.yml").status == 404)
        #expect(try await get(port, "/cfws/..%2f..%2fdashboards/cfws/dashboard.yml").status == 404)

        // A figure changed and saved: a new site is published, the signal given, the new figure served.
        let first = try await state(port, after: -1)
        let site = first["site"] as! Int
        edit(input + "/cfws/open-cases.csv", replacing: "2039,657", with: "2039,658")
        let rebuilt = try await waitFor(port, after: first["generation"] as! Int) { ($0["site"] as! Int) > site }
        #expect(rebuilt["site"] as? Int == site + 1)
        #expect(rebuilt["error"] is NSNull)
        #expect(try await get(port, pagePath).body.contains("The latest figure is 658 in 2020/21 Q1"))

        // A bad figure: the build fails, the page learns its error, the last good site is still served.
        edit(input + "/cfws/open-cases.csv", replacing: "2039,658", with: "2039,65x8")
        let failed = try await waitFor(port, after: rebuilt["generation"] as! Int) { !($0["error"] is NSNull) }
        #expect(failed["site"] as? Int == site + 1)
        let error = try #require(failed["error"] as? String)
        #expect(error.contains("open-cases.csv:3:59: error: '65x8' is not a number"))
        let stale = try await get(port, pagePath)
        #expect(stale.body.contains("The latest figure is 658 in 2020/21 Q1"))
        #expect(stale.body.contains("65x8"))
        #expect(!read(output + pagePath).contains("<script"))
    }
}
