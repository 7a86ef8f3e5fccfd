import DashboardCore
import Foundation
import Testing

@testable import DashboardSite

#if canImport(Glibc)
    import Glibc
#endif

/// Files of the site changed outside dashboards, in place (same inode): each build verifies what it reuses, so the
/// next build of any input is exactly its clean build, and its summary says how many files it repaired.
@Suite("Repairing files changed outside dashboards")
struct RepairTests {
    enum Damage: String, CaseIterable, Sendable {
        /// The page rewritten with other text, through the same inode (O_TRUNC), as an editor saving in place does.
        case rewritten
        /// The page truncated to nothing.
        case truncated
        /// 50 bytes in the middle of a chart zeroed, its size unchanged.
        case zeroed
    }

    /// A file of input `a` that input `b` does not have with the same bytes, so the build of `b` in between leaves
    /// the damaged one in the spare: `corpus/index.html`, or the first such chart.
    static func target(_ damage: Damage, _ inputs: PublishTests.Inputs) -> String {
        let a = inputs.clean["a"]!, b = inputs.clean["b"]!
        if damage != .zeroed { return "corpus/index.html" }
        return a.keys.filter { $0.hasPrefix("corpus/") && $0.hasSuffix(".png") && a[$0] != b[$0] && a[$0]!.count > 200 }.min()!
    }

    /// Changes a file in place: never a new file, so every hard link to it sees the change.
    static func damage(_ path: String, _ damage: Damage) throws {
        switch damage {
        case .rewritten:
            let descriptor = open(path, O_WRONLY | O_TRUNC)
            #expect(descriptor >= 0)
            let text = Array("<p>Edited by hand</p>\n".utf8)
            _ = text.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress!, $0.count) }
            close(descriptor)
        case .truncated:
            #expect(truncate(path, 0) == 0)
        case .zeroed:
            var info = stat()
            #expect(lstat(path, &info) == 0)
            let descriptor = open(path, O_WRONLY)
            #expect(descriptor >= 0)
            let zeros = [UInt8](repeating: 0, count: 50)
            _ = zeros.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, 50, off_t(info.st_size / 2)) }
            close(descriptor)
        }
    }

    static func inodeOf(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test("a published file damaged in place is repaired by the next build of the same input", arguments: Damage.allCases)
    func sameInputAgain(_ damage: Damage) async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await PublishTests.Inputs(scratch)
        let output = scratch.path + "/site/public"
        let path = Self.target(damage, inputs)
        // From a first build (the spare is the new site, by hard links) and from a later one.
        for builds in [["a"], ["b", "a"]] {
            for name in builds { _ = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output)) }
            let inode = Self.inodeOf(output + "/" + path)
            try Self.damage(output + "/" + path, damage)
            #expect(Self.inodeOf(output + "/" + path) == inode)
            let report = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
            #expect(!report.upToDate)
            #expect(PublishTests.differences(PublishTests.site(output), inputs.clean["a"]!) == [], "\(damage) \(path) after \(builds)")
            #expect(report.repaired == 1)
            #expect(report.summary.contains("repaired 1 file changed outside dashboards"), "\(report.summary)")
            // And the build after that has nothing left to repair.
            let again = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
            #expect(again.upToDate)
            #expect(PublishTests.differences(PublishTests.site(output), inputs.clean["a"]!) == [])
        }
    }

    @Test("a published file damaged in place does not come back from the spare", arguments: Damage.allCases)
    func anotherInputThenTheFirst(_ damage: Damage) async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await PublishTests.Inputs(scratch)
        let output = scratch.path + "/site/public"
        let path = Self.target(damage, inputs)
        for first in [["a"], ["c", "a"]] {
            for name in first { _ = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output)) }
            try Self.damage(output + "/" + path, damage)
            var repaired = 0
            for name in ["b", "a", "b", "a"] {
                let report = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output))
                #expect(PublishTests.differences(PublishTests.site(output), inputs.clean[name]!) == [], "\(damage) \(path): building \(name) after \(first)")
                if report.repaired > 0 { #expect(report.summary.contains("repaired \(report.repaired) file")) }
                repaired += report.repaired
            }
            #expect(repaired == 1, "\(damage) \(path) after \(first)")
            #expect(PublishTests.differences(PublishTests.site(PublishTests.spare(output)), inputs.clean["b"]!) == [])
        }
    }

    @Test("a published file damaged in place is taken intact from the spare and counted", arguments: Damage.allCases)
    func intactInTheSpare(_ damage: Damage) async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await PublishTests.Inputs(scratch)
        let output = scratch.path + "/site/public"
        let path = Self.target(damage, inputs)
        // After a clean build the spare's files are its own, not links to the published ones.
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output, clean: true))
        try Self.damage(output + "/" + path, damage)
        let report = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        #expect(PublishTests.differences(PublishTests.site(output), inputs.clean["a"]!) == [])
        #expect(report.repaired == 1)
        #expect(report.summary.contains("repaired 1 file changed outside dashboards"), "\(report.summary)")
    }

    @Test("a file of the spare damaged in place is not used", arguments: Damage.allCases)
    func damagedSpare(_ damage: Damage) async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await PublishTests.Inputs(scratch)
        let output = scratch.path + "/site/public"
        let spare = PublishTests.spare(output)
        let path = Self.target(damage, inputs)
        for name in ["a", "b"] { _ = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output)) }
        try Self.damage(spare + "/" + path, damage)
        #expect(PublishTests.differences(PublishTests.site(output), inputs.clean["b"]!) == [], "the published site does not share the damaged file")
        let report = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        #expect(PublishTests.differences(PublishTests.site(output), inputs.clean["a"]!) == [])
        #expect(report.repaired == 1)
        _ = try await SiteBuilder.build(options(input: inputs.paths["b"]!, output: output))
        #expect(PublishTests.differences(PublishTests.site(output), inputs.clean["b"]!) == [])
    }
}
