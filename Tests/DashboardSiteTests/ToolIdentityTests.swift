import Foundation
import Testing

@testable import DashboardSite

/// Output is keyed by the program that made it: by the build ID the linker wrote into it where there is one.
@Suite("The program's identity")
struct ToolIdentityTests {
    /// Name size, description size, type, then the name and description each padded to 4 bytes.
    static func note(name: [UInt8], type: UInt32, description: [UInt8]) -> [UInt8] {
        func word(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        func padded(_ bytes: [UInt8]) -> [UInt8] { bytes + Array(repeating: 0, count: (4 - bytes.count % 4) % 4) }
        return word(UInt32(name.count)) + word(UInt32(description.count)) + word(type) + padded(name) + padded(description)
    }

    @Test func theBuildIDIsFoundAmongOtherNotes() {
        let id: [UInt8] = Array(1...20)
        let notes =
            Self.note(name: Array("GNU\0".utf8), type: 1, description: [3, 2, 0, 0])  // an ABI tag: not the ID
            + Self.note(name: Array("Go\0".utf8), type: 3, description: [9, 9])  // type 3 of another owner
            + Self.note(name: Array("GNU\0".utf8), type: 3, description: id)
        #expect(ELFBuildID.buildID(in: notes) == id)
    }

    @Test func truncatedOrMissingNotesGiveNone() {
        let whole = Self.note(name: Array("GNU\0".utf8), type: 3, description: Array(1...20))
        #expect(ELFBuildID.buildID(in: Array(whole.dropLast(4))) == nil)
        #expect(ELFBuildID.buildID(in: []) == nil)
        var huge = whole
        huge[4] = 0xFF
        huge[7] = 0x7F  // a description size far past the end
        #expect(ELFBuildID.buildID(in: huge) == nil)
    }

    @Test func theRunningProgramHasOneAndAFileThatIsNotAProgramHasNone() throws {
        let own = try #require(ELFBuildID.read("/proc/self/exe"))
        #expect(own.count >= 8)
        #expect(ELFBuildID.read(repositoryRoot + "/Package.swift") == nil)
        #expect(ELFBuildID.read("/no/such/file") == nil)
        #expect(ToolIdentity.fingerprint.hasPrefix("build-id "))
    }
}
