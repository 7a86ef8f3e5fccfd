import Foundation
import Testing

// What the test targets share: the repository's paths, scratch folders with a dashboard in them, file helpers,
// running the built `dashboards`, and a seeded generator for reproducible random input.

/// The repository root, found from this file's path, so tests read the shipped example input and assets.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

public let exampleInput = repositoryRoot + "/dashboards"
public let exampleAssets = repositoryRoot + "/assets"

/// A fresh temporary folder, removed when the returned value's `remove` is called.
public struct Scratch: Sendable {
    public let path: String

    public init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "dashboards-test-" + safe + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A copy of the example input that a test may change.
    public func copyOfExampleInput() -> String {
        let input = path + "/dashboards"
        try! FileManager.default.copyItem(atPath: exampleInput, toPath: input)
        return input
    }

    /// An input folder `input/` holding one dashboard folder `id` with this `dashboard.yml` and these files
    /// (name → text); returns the input folder.
    @discardableResult
    public func dashboard(_ id: String, _ yml: String, files: [String: String] = [:]) -> String {
        let input = path + "/input"
        let folder = input + "/" + id
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        write(yml, to: folder + "/dashboard.yml")
        for (name, text) in files { write(text, to: folder + "/" + name) }
        return input
    }
}

/// Every file under a folder with its bytes, for byte-identical comparisons.
public func snapshot(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = root + "/" + relative
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = FileManager.default.contents(atPath: path)
        }
    }
    return files
}

public func inode(_ path: String) -> UInt64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
}

public func read(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
}

public func write(_ text: String, to path: String) {
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Replaces the first occurrence of `old` in a file, failing the test if it is not there.
public func edit(_ path: String, replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = read(path)
    #expect(text.contains(old), "\(path) does not contain \(old)", sourceLocation: sourceLocation)
    write(text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)), to: path)
}

/// The `dashboards` executable built beside the tests.
public let executable: String = {
    var url = Bundle.main.bundleURL
    if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
    return url.appendingPathComponent("dashboards").path
}()

public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Ended by a signal (`status` is then the signal's number), not by exiting.
    public var signalled = false
}

/// Runs the built `dashboards` with these arguments and waits for it.
public func run(
    _ arguments: [String], in directory: String = repositoryRoot, executable: String = executable,
    environment: [String: String] = [:]
) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed.
public struct SplitMix: Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // Our own arithmetic rather than the standard library's random(in:using:), whose algorithm may change
    // between Swift releases: the same seed gives the same inputs with any toolchain.
    public mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    public mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
    public mutating func element<T>(_ array: [T]) -> T { array[int(0..<array.count)] }

    /// `count` bytes from `seed`.
    public static func bytes(seed: UInt64, count: Int) -> [UInt8] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }
}
