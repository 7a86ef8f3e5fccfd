import DashboardSite
import Foundation
import ZIPFoundation

/// An Office Open XML package: named parts zipped in a fixed order with a fixed time, so the same parts always
/// give the same bytes.
struct WordPackage {
    struct Part {
        var name: String
        var bytes: [UInt8]
        /// PNGs are already compressed; XML is deflated.
        var compressed: Bool
    }

    private(set) var parts: [Part] = []

    /// 1980-01-01 00:00:00 UTC, the earliest time a zip entry can hold: no build time reaches the document.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    mutating func add(_ name: String, _ text: String) {
        parts.append(Part(name: name, bytes: Array(text.utf8), compressed: true))
    }

    mutating func add(_ name: String, bytes: [UInt8]) {
        parts.append(Part(name: name, bytes: bytes, compressed: false))
    }

    /// The zip's bytes: parts in the order they were added ([Content_Types].xml first, as readers expect).
    func zipped() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: WordPackage.timestamp, permissions: 0o644,
                compressionMethod: part.compressed ? .deflate : .none,
                provider: { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                })
        }
        guard let data = archive.data else { throw WordReportError.zip("the document's zip was not made") }
        return [UInt8](data)
    }
}

public enum WordReportError: Error, CustomStringConvertible {
    case zip(String)

    public var description: String {
        switch self {
        case .zip(let message): return message
        }
    }
}

/// Text and attribute values for XML, escaped by the site's one escaper (`Markup`), so no text from the data can
/// break the document.
enum XML {
    static func text(_ value: String) -> String {
        Markup.escape(value, for: .xmlText)
    }

    static func attribute(_ value: String) -> String {
        Markup.escape(value, for: .xmlAttribute)
    }
}
