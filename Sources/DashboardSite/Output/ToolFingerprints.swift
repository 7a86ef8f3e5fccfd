import DashboardCharts
import Foundation

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Fonts change chart pixels, so their bytes (or, for fontconfig patterns, their names) are part of every chart's key.
enum FontFingerprint {
    static func of(_ fonts: ChartFonts) -> String {
        var hash = ContentHash()
        for name in [fonts.regular, fonts.bold] {
            hash.combine(name)
            if !fonts.usesFontConfig, let data = FileManager.default.contents(atPath: name) { hash.combine(data) }
        }
        return hash.hex
    }
}

/// The running program's identity, so a rebuilt `dashboards` (a changed renderer or page code) never reuses
/// output made by an earlier build of itself, even when no version number was changed: the build ID the linker
/// wrote into it (its hash of the program, read in one small read), else a hash of all its bytes.
enum ToolIdentity {
    static let fingerprint: String = {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (Bundle.main.executablePath ?? "")
        if let id = ELFBuildID.read(path) { return "build-id " + ContentHash.of(id) }
        guard let data = FileManager.default.contents(atPath: path) else { return "unknown" }
        return ContentHash.of(data)
    }()
}

/// The GNU build ID note of a little-endian 64-bit ELF file (`readelf -n` shows it), or nil if it has none.
enum ELFBuildID {
    static func read(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func bytes(at offset: UInt64, count: Int) -> [UInt8]? {
            guard count > 0, count <= 1 << 16, (try? handle.seek(toOffset: offset)) != nil,
                let data = try? handle.read(upToCount: count), data.count == count
            else { return nil }
            return [UInt8](data)
        }
        guard let header = bytes(at: 0, count: 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else {
            return nil
        }
        let entrySize = Int(integer(header, at: 54, as: UInt16.self)), entries = Int(integer(header, at: 56, as: UInt16.self))
        guard entrySize >= 56, let table = bytes(at: integer(header, at: 32, as: UInt64.self), count: entrySize * entries) else { return nil }
        for entry in 0..<entries where integer(table, at: entry * entrySize, as: UInt32.self) == 4 {  // PT_NOTE
            let at = entry * entrySize
            guard let notes = bytes(at: integer(table, at: at + 8, as: UInt64.self), count: Int(integer(table, at: at + 32, as: UInt64.self))) else {
                continue
            }
            if let id = buildID(in: notes) { return id }
        }
        return nil
    }

    /// The NT_GNU_BUILD_ID note's bytes among a segment's notes: each is name size, description size and type,
    /// then the name and the description, each padded to 4 bytes.
    static func buildID(in notes: [UInt8]) -> [UInt8]? {
        var note = 0
        while note + 12 <= notes.count {
            let nameSize = Int(integer(notes, at: note, as: UInt32.self)), descSize = Int(integer(notes, at: note + 4, as: UInt32.self))
            let name = note + 12, description = name + ((nameSize + 3) & ~3)
            guard description + descSize <= notes.count, descSize <= notes.count else { return nil }
            if integer(notes, at: note + 8, as: UInt32.self) == 3, nameSize == 4, notes[name..<name + 4] == [0x47, 0x4E, 0x55, 0], descSize > 0 {
                return Array(notes[description..<description + descSize])
            }
            note = description + ((descSize + 3) & ~3)
        }
        return nil
    }

    static func integer<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int, as: T.Type) -> T {
        var value: T = 0
        for index in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(bytes[offset + index]) }
        return value
    }
}
