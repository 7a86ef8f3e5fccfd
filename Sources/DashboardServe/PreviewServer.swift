import Foundation
import Hummingbird
import Logging

/// The HTTP side of `dashboards serve`, on Hummingbird: the published site's files with their content types,
/// HTML pages with the reload script added, 404 for anything else, and the endpoint open pages wait on.
public enum PreviewServer {
    public static func application(
        site: SiteFiles, state: PreviewState, host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get(RouterPath(LiveReload.endpoint)) { request, _ -> Response in
            let after = request.uri.queryParameters.get("after", as: Int.self) ?? -1
            let snapshot = await state.next(after: after, timeout: .seconds(25))
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: LiveReload.json(snapshot))))
        }
        let files: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            await respond(to: request.uri.path, site: site, state: state)
        }
        router.get("/", use: files)
        router.get("**", use: files)
        return Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "dashboards"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: Logger(label: "dashboards-serve", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    static func respond(to path: String, site: SiteFiles, state: PreviewState) async -> Response {
        switch site.lookup(path) {
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            return await page(
                status: .notFound,
                "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>The site has no page at this address.</p></body></html>\n",
                state: state)
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else {
                return await page(
                    status: .notFound, "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1></body></html>\n",
                    state: state)
            }
            let type = SiteFiles.contentType(of: file)
            var bytes = [UInt8](data)
            if type.hasPrefix("text/html") { bytes = LiveReload.inject(into: bytes, state: await state.snapshot) }
            return Response(
                status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    static func page(status: HTTPResponse.Status, _ html: String, state: PreviewState) async -> Response {
        let bytes = LiveReload.inject(into: Array(html.utf8), state: await state.snapshot)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
