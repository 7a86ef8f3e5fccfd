import DashboardCore
import DashboardSite
import Foundation
import Testing

/// The repository root, found from this file's path, so tests read the shipped example input and assets.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let exampleInput = repositoryRoot + "/dashboards"
let exampleAssets = repositoryRoot + "/assets"

/// A fresh temporary folder, removed when the returned value's `remove` is called.
struct Scratch {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = NSTemporaryDirectory() + "dashboards-test-" + safe + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A copy of the example input that a test may change.
    func copyOfExampleInput() -> String {
        let input = path + "/dashboards"
        try! FileManager.default.copyItem(atPath: exampleInput, toPath: input)
        return input
    }
}

/// Every file under a folder with its bytes, for byte-identical comparisons.
func snapshot(_ root: String) -> [String: Data] {
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

func inode(_ path: String) -> UInt64? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
}

func read(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
}

func write(_ text: String, to path: String) {
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func options(input: String, output: String, clean: Bool = false, failAfterWrites: Int? = nil, asOf: Period? = nil) -> BuildOptions {
    BuildOptions(input: input, output: output, assets: exampleAssets, asOf: asOf, clean: clean, jobs: 2, failAfterWrites: failAfterWrites)
}

/// Replaces the first occurrence of `old` in a file, failing the test if it is not there.
func edit(_ path: String, replacing old: String, with new: String) {
    let text = read(path)
    #expect(text.contains(old), "\(path) does not contain \(old)")
    write(text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)), to: path)
}

/// The `dashboards` executable built beside the tests.
let executable: String = {
    var url = Bundle.main.bundleURL
    if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
    return url.appendingPathComponent("dashboards").path
}()

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Ended by a signal (`status` is then the signal's number), not by exiting.
    var signalled = false
}

func run(_ arguments: [String], in directory: String = repositoryRoot, executable: String = executable,
         environment: [String: String] = [:]) throws -> Run {
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
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
}
