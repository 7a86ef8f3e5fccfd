import Foundation
import ZIPFoundation

/// An Office Open XML package (a Word document, an Excel workbook): named parts zipped in a fixed order with a
/// fixed time, so the same parts always give the same bytes.
public struct OfficePackage {
    public struct Part {
        public var name: String
        public var bytes: [UInt8]
        /// PNGs are already compressed; XML is deflated.
        public var compressed: Bool
    }

    public private(set) var parts: [Part] = []

    public init() {}

    /// 1980-01-01 00:00:00 UTC, the earliest time a zip entry can hold: no build time reaches the package.
    public static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    public mutating func add(_ name: String, _ text: String) {
        parts.append(Part(name: name, bytes: Array(text.utf8), compressed: true))
    }

    public mutating func add(_ name: String, bytes: [UInt8]) {
        parts.append(Part(name: name, bytes: bytes, compressed: false))
    }

    /// The zip's bytes: parts in the order they were added ([Content_Types].xml first, as readers expect).
    public func zipped() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.bytes)
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: OfficePackage.timestamp, permissions: 0o644,
                compressionMethod: part.compressed ? .deflate : .none,
                provider: { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                })
        }
        guard let data = archive.data else { throw OfficePackageError("the package's zip was not made") }
        return [UInt8](data)
    }
}

public struct OfficePackageError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
