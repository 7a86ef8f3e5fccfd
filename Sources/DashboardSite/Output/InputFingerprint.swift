import Foundation

/// Fingerprints of each dashboard folder's files, so an unchanged dashboard is not read again.
enum InputFingerprint {
    /// `(dashboard id, fingerprint)` for every visible sub-folder of `input`, in name order.
    static func folders(in input: String) -> [(String, String)] {
        let fileManager = FileManager.default
        let names = ((try? fileManager.contentsOfDirectory(atPath: input)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var result: [(String, String)] = []
        for name in names {
            let directory = input + "/" + name
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            var hash = ContentHash()
            let files = ((try? fileManager.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            for file in files {
                let path = directory + "/" + file
                var fileIsDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: path, isDirectory: &fileIsDirectory), !fileIsDirectory.boolValue else { continue }
                hash.combine(file)
                if let data = fileManager.contents(atPath: path) { hash.combine(data) }
            }
            result.append((name, hash.hex))
        }
        return result
    }
}
