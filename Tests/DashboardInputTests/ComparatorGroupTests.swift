import Foundation
import Testing

@testable import DashboardCore
@testable import DashboardInput

/// Comparator group files: `# title`, one authority a line by LAIT's name or LA number, comments and blank lines.
@Suite struct ComparatorGroupTests {
    static let yml = """
        title: Q3 dashboard
        organisation: Leicestershire County Council
        comparator_groups: {County councils: groups/county-councils.txt}
        indicators:
          care-leavers-eet:
            title: Care leavers in education, employment or training
            unit: percent
            polarity: high
        """

    static func folder(group: String, extra: [String: String] = [:]) -> DashboardFolder {
        let folder = DashboardFolder(yml: yml, writing: ["kpis.csv": "indicator,2019/20\ncare-leavers-eet,56%\n"])
        try! FileManager.default.createDirectory(atPath: folder.folder + "/groups", withIntermediateDirectories: true)
        for (name, text) in ["county-councils.txt": group].merging(extra, uniquingKeysWith: { a, _ in a }) {
            try! Data(text.utf8).write(to: URL(fileURLWithPath: folder.folder + "/groups/" + name))
        }
        return folder
    }

    @Test func titleCommentsNamesAndNumbers() {
        let text = "\u{FEFF}# County councils\r\n# a comment\r\n\r\n  leicestershire\r\n855 # Leicestershire again\r\nKent  # a note\r\n"
        let (group, problems) = ComparatorGroup.parse(text, file: "g.txt")
        #expect(problems.isEmpty)
        #expect(group.title == "County councils")
        #expect(group.members.map(\.text) == ["leicestershire", "855", "Kent"])
        #expect(group.members[0].location == SourceLocation(file: "g.txt", line: 4, column: 3))
        let (resolved, found) = group.resolved(against: LocalAuthorities.lait)
        #expect(resolved.members.map(\.name) == ["Leicestershire", "Kent"])
        #expect(resolved.members.map(\.laNumber) == [855, 886])
        #expect(found.warnings.map(\.message) == ["Leicestershire is in the group already (line 4); it is counted once"])
        #expect(ComparatorGroup.inSentence(resolved.name) == "county councils")
        #expect(ComparatorGroup.inSentence("CIPFA nearest neighbours") == "CIPFA nearest neighbours")
    }

    @Test func anUnknownNameIsAnErrorAtItsLineWithTheNearestName() {
        let (group, _) = ComparatorGroup.parse("# Counties\nKent\n  Leicestershre\n999\n", file: "g.txt")
        let (_, found) = group.resolved(against: LocalAuthorities.lait)
        #expect(
            found.errors.map(\.description) == [
                "g.txt:3:3: error: there is no local authority 'Leicestershre' as LAIT's file names them; the nearest is 'Leicestershire'",
                "g.txt:4:1: error: there is no local authority numbered 999 in LAIT's list",
            ])
    }

    /// The example's group: the 21 county councils, every name as LAIT's file writes it.
    @Test func theExampleCountyCouncils() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let path = root + "/dashboards/children-and-families/groups/county-councils.txt"
        let (read, problems) = ComparatorGroupFile.read(path)
        #expect(problems.isEmpty)
        let group = try #require(read)
        let (resolved, found) = group.resolved(against: LocalAuthorities.lait)
        #expect(found.isEmpty, "\(found.sorted)")
        #expect(resolved.members.count == 21)
        #expect(resolved.name == "County councils")
        #expect(resolved.members.map(\.text) == resolved.members.map(\.name))
    }

    @Test func aDashboardsGroupIsReadAndChecked() throws {
        let good = Self.folder(group: "# County councils\nKent\nLeicestershire\n")
        defer { good.remove() }
        let project = good.load()
        #expect(project.diagnostics.isEmpty, "\(messages(project))")
        let source = try #require(project.dashboards.first?.definition.comparatorGroups.first)
        #expect(source.name == "County councils")
        #expect(source.group?.members.map(\.laNumber) == [886, 855])
        #expect(project.dashboards.first?.files.contains("groups/county-councils.txt") == true)

        let bad = Self.folder(group: "# County councils\nKent\nLeics\n", extra: ["old.txt": "Kent\n"])
        defer { bad.remove() }
        let problems = messages(bad.load())
        #expect(problems.contains { $0.hasSuffix("groups/county-councils.txt:3:1: error: there is no local authority 'Leics' as LAIT's file names them; the nearest is 'Leeds'") })
        #expect(problems.contains { $0.contains("groups/old.txt: warning: this file is not read") })
    }

    @Test func aMissingOrOutsideGroupFileIsAnError() {
        var diagnostics = Diagnostics()
        let root = ConfigNode(
            .mapping([
                ConfigEntry(
                    key: "comparator_groups", keyLocation: SourceLocation(file: "d.yml", line: 1, column: 1),
                    value: ConfigNode(
                        .mapping([
                            ConfigEntry(
                                key: "Up", keyLocation: SourceLocation(file: "d.yml", line: 1, column: 2),
                                value: ConfigNode(.scalar("../x.txt"), at: SourceLocation(file: "d.yml", line: 1, column: 6)))
                        ]), at: SourceLocation(file: "d.yml", line: 1, column: 2)))
            ]), at: SourceLocation(file: "d.yml", line: 1, column: 1))
        var map = ConfigMapping(root, what: "dashboard.yml", diagnostics: &diagnostics)!
        let sources = DashboardDecoder.decodeComparatorGroups(&map, diagnostics: &diagnostics)
        #expect(sources.isEmpty)
        #expect(diagnostics.errors.map(\.description) == ["d.yml:1:6: error: '../x.txt' must be a path inside the dashboard's folder (such as groups/county-councils.txt)"])
    }
}
