import Foundation

/// Finds the file of the published site a request path names, refusing anything outside the site: `..` and every
/// other dot segment (which also keeps the build's own `.dashboards-manifest.json` files unserved), encoded
/// slashes and NULs, and symbolic links that lead out of it. Each lookup starts from the output folder's path, so
/// it sees the site as published at that moment: the build swaps a complete new site in with one rename, never a
/// half-written one (docs/publishing.md).
public struct SiteFiles: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public enum Lookup: Equatable, Sendable {
        /// The file's path on disk.
        case file(String)
        /// A folder named without its trailing slash: where its index page is.
        case redirect(String)
        case notFound
    }

    public func lookup(_ requestPath: String) -> Lookup {
        guard let segments = Self.segments(of: requestPath) else { return .notFound }
        var path = root
        for segment in segments { path += "/" + segment }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard requestPath.hasSuffix("/") else { return .redirect(requestPath + "/") }
            path += "/index.html"
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return .notFound }
        }
        // A symbolic link inside the site may not lead out of it.
        guard let real = Self.realPath(path), let base = Self.realPath(root), real.hasPrefix(base + "/") else { return .notFound }
        return .file(path)
    }

    /// The path's segments, percent-decoded, or nil when any is refused.
    static func segments(of requestPath: String) -> [String]? {
        guard requestPath.hasPrefix("/") else { return nil }
        var segments: [String] = []
        for raw in requestPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding else { return nil }
            if segment.hasPrefix(".") || segment.contains("/") || segment.contains("\\") || segment.contains("\u{0}") { return nil }
            segments.append(segment)
        }
        return segments
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The content type the site's files are served with, by extension.
    public static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        return types[ext] ?? "application/octet-stream"
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "json": "application/json",
        "png": "image/png",
        "svg": "image/svg+xml",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "ttf": "font/ttf",
        "woff2": "font/woff2",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
}
