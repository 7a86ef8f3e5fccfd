import DashboardCore
import Foundation
import Testing

@testable import DashboardSite

/// The publishing protocol (docs/publishing.md) under every ordering of overlapping builds and a kill at every
/// step: the output is always exactly a clean build of one input, and the next build of any input yields exactly
/// its own clean build.
@Suite("Publishing: overlapping builds, kills and leftovers")
struct PublishTests {
    static let minimal = repositoryRoot + "/Tests/DashboardSiteTests/Corpus/minimal"

    /// Three small inputs that share paths but differ in content, so a build that carried over another build's
    /// files under its own keys would publish a site that differs from its clean build.
    struct Inputs {
        var paths: [String: String] = [:]
        /// Each input's clean build, manifest aside.
        var clean: [String: [String: Data]] = [:]

        init(_ scratch: Scratch) async throws {
            paths = try Inputs.make(in: scratch.path + "/inputs")
            clean = try await Inputs.references.value
        }

        static func make(in folder: String) throws -> [String: String] {
            let fileManager = FileManager.default
            var paths: [String: String] = [:]
            for name in ["a", "b", "c"] {
                let input = folder + "/" + name
                try fileManager.createDirectory(atPath: input, withIntermediateDirectories: true)
                try fileManager.copyItem(atPath: PublishTests.minimal, toPath: input + "/corpus")
                paths[name] = input
            }
            edit(paths["b"]! + "/corpus/figures.csv", replacing: "referrals,2019/20 Q1,120", with: "referrals,2019/20 Q1,220")
            try fileManager.copyItem(atPath: PublishTests.minimal, toPath: paths["b"]! + "/second")
            edit(paths["b"]! + "/second/dashboard.yml", replacing: "title: Corpus dashboard", with: "title: Second dashboard")
            edit(paths["c"]! + "/corpus/dashboard.yml", replacing: "target: 85%", with: "target: 90%")
            return paths
        }

        /// The clean builds, made once for every test in this run.
        static let references = Task<[String: [String: Data]], Error> {
            let scratch = Scratch("publish-references")
            defer { scratch.remove() }
            var clean: [String: [String: Data]] = [:]
            for (name, input) in try make(in: scratch.path + "/inputs") {
                let output = scratch.path + "/clean/" + name
                _ = try await SiteBuilder.build(options(input: input, output: output))
                clean[name] = PublishTests.site(output)
            }
            return clean
        }
    }

    /// Every file of a site but its manifest.
    static func site(_ output: String) -> [String: Data] {
        snapshot(output).filter { $0.key != Manifest.fileName }
    }

    /// What sits beside an output once a build has finished: the output, its lock file, the spare site and the
    /// stamps of both sites' folders.
    static let finished = [".public.folders", ".public.lock", ".public.spare", "public"]

    /// What sits beside the output.
    static func beside(_ output: String) -> [String] {
        let parent = URL(fileURLWithPath: output).deletingLastPathComponent().path
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
    }

    /// Every path and file under a folder, hidden ones included, with each file's bytes and inode.
    static func everything(_ root: String) -> [String: String] {
        var result: [String: String] = [:]
        for relative in ForeignFiles.walk(root) {
            let path = root + "/" + relative
            let bytes = FileManager.default.contents(atPath: path).map { ContentHash.of($0) } ?? "folder"
            result[relative] = bytes + " " + String(inode(path) ?? 0)
        }
        return result
    }

    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    /// The differences but the dashboards' manifests, for a site built by the `dashboards` binary: their chart keys
    /// include the running program's bytes, which differ from the test runner's.
    static func differencesBesideManifests(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        differences(a, b).filter { !$0.hasSuffix("/" + Manifest.fileName) }
    }

    // MARK: Overlapping builds, in process, paused at each step

    @Test("a build refused the lock touches nothing, whatever step the running build is at", arguments: PublishStep.allCases)
    func refusedBuildTouchesNothing(_ step: PublishStep) async throws {
        let scratch = Scratch("refused-\(step)")
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/site/public"
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))

        let pause = Pause(at: step)
        var running = options(input: inputs.paths["b"]!, output: output, clean: true)
        running.publishHook = pause.hook
        let first = Task { try await SiteBuilder.build(running) }
        await pause.reached()

        let before = Self.everything(scratch.path + "/site")
        var refused = options(input: inputs.paths["a"]!, output: output)
        refused.wait = 0
        do {
            _ = try await SiteBuilder.build(refused)
            Issue.record("a second build ran while the first held the lock")
        } catch BuildError.output(let message) {
            #expect(message.contains("another build"), "\(message)")
        }
        #expect(Self.everything(scratch.path + "/site") == before, "the refused build changed the output or the running build's staging")

        pause.open()
        _ = try await first.value
        #expect(Self.differences(Self.site(output), inputs.clean["b"]!) == [])
        #expect(Self.beside(output) == Self.finished)
    }

    @Test("builds that wait for the lock each publish exactly their clean build, in every interleaving", arguments: PublishStep.allCases)
    func waitingBuildsPublishTheirOwnSites(_ step: PublishStep) async throws {
        let scratch = Scratch("waiting-\(step)")
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/site/public"
        _ = try await SiteBuilder.build(options(input: inputs.paths["c"]!, output: output))

        let order = Order()
        let pause = Pause(at: step)
        var first = options(input: inputs.paths["a"]!, output: output)
        first.publishHook = { step in
            try await pause.hook(step)
            if step == .exchanged { await order.append("a") }
        }
        let running = Task { try await SiteBuilder.build(first) }
        await pause.reached()

        // Two more builds of other inputs arrive while the first is paused, and wait.
        var waiters: [Task<BuildReport, Error>] = []
        for name in ["b", "c"] {
            var waiting = options(input: inputs.paths[name]!, output: output)
            waiting.waiting = { _ in Task { await order.arrived() } }
            waiting.publishHook = { step in if step == .exchanged { await order.append(name) } }
            waiters.append(Task { try await SiteBuilder.build(waiting) })
        }
        while await order.waiting < 2 { try await Task.sleep(for: .milliseconds(10)) }
        pause.open()
        _ = try await running.value
        for waiter in waiters { _ = try await waiter.value }

        let published = await order.names
        #expect(published.first == "a")
        #expect(Set(published) == ["a", "b", "c"])
        let last = try #require(published.last)
        #expect(Self.differences(Self.site(output), inputs.clean[last]!) == [], "the site is not a clean build of \(last)")
        #expect(Self.beside(output) == Self.finished)

        // And the next build of any input is exactly its own clean build.
        for name in ["a", "b", "c"] where name != last {
            _ = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output))
            #expect(Self.differences(Self.site(output), inputs.clean[name]!) == [], "rebuilding \(name) after \(last)")
        }
    }

    // MARK: A kill at each step, in a real process

    @Test("a build killed at any step leaves one clean site, and the next build of any input is its clean build", arguments: PublishStep.allCases)
    func killedAtEachStep(_ step: PublishStep) async throws {
        let scratch = Scratch("killed-\(step)")
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        // Built clean, the killed build starts from nothing; else from the spare, a site of another input.
        for clean in [true, false] {
            let output = scratch.path + "/site-\(clean)/public"
            func build(_ name: String, kill: PublishStep? = nil) throws -> Run {
                try run(
                    ["build", "--input", inputs.paths[name]!, "--assets", exampleAssets, "--output", output, "--jobs", "2"]
                        + (clean && kill != nil ? ["--clean"] : []),
                    in: scratch.path, environment: kill.map { ["DASHBOARDS_TEST_KILL_AT": $0.rawValue] } ?? [:])
            }
            #expect(try build("a").status == 0)
            if !clean { #expect(try build("c").status == 0) }
            let before = clean ? "a" : "c"

            let killed = try build("b", kill: step)
            #expect(killed.signalled && killed.status == SIGKILL, "exit \(killed.status): \(killed.stderr)")
            let published = [.exchanged, .cleaned].contains(step) ? "b" : before
            #expect(
                Self.differencesBesideManifests(Self.site(output), inputs.clean[published]!) == [],
                "after a kill at \(step) (clean: \(clean)) the site is not a clean build of \(published)")

            // The same input again: leftovers are removed even where the site is already up to date.
            let again = try build("b")
            #expect(again.status == 0, "\(again.stderr)")
            #expect(Self.differencesBesideManifests(Self.site(output), inputs.clean["b"]!) == [])
            #expect(Self.beside(output) == Self.finished, "leftovers after a kill at \(step)")

            // The next build starts from whatever spare the kill left, and publishes exactly its clean build;
            // the site it replaced is kept whole as the next spare.
            let other = try build("c")
            #expect(other.status == 0, "\(other.stderr)")
            #expect(Self.differencesBesideManifests(Self.site(output), inputs.clean["c"]!) == [])
            #expect(Self.differencesBesideManifests(Self.site(Self.spare(output)), inputs.clean["b"]!) == [], "the spare is not the site it replaced")
            #expect(try build("a").status == 0)
            #expect(Self.differencesBesideManifests(Self.site(output), inputs.clean["a"]!) == [])
        }
    }

    /// The spare site kept beside an output.
    static func spare(_ output: String) -> String {
        URL(fileURLWithPath: output).deletingLastPathComponent().path + "/." + URL(fileURLWithPath: output).lastPathComponent + ".spare"
    }

    @Test("two real processes building different inputs at once: the site is a clean build of one of them")
    func twoProcessesAtOnce() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/site/public"
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        let processes = try ["b", "c"].map { name in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["build", "--input", inputs.paths[name]!, "--assets", exampleAssets, "--output", output, "--clean", "-q"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let site = Self.site(output)
        #expect(Self.differencesBesideManifests(site, inputs.clean["b"]!) == [] || Self.differencesBesideManifests(site, inputs.clean["c"]!) == [])
        #expect(Self.beside(output) == Self.finished)
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        #expect(Self.differencesBesideManifests(Self.site(output), inputs.clean["a"]!) == [])
    }

    // MARK: Leftovers and filesystems

    @Test("leftovers of killed builds are removed by the next build, up to date or not")
    func leftoversAreRemoved() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/site/public"
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        try FileManager.default.copyItem(atPath: output, toPath: scratch.path + "/site/.public.staging")
        let report = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        #expect(report.upToDate)
        #expect(Self.beside(output) == Self.finished)

        // A two-rename swap of an earlier version killed between its renames: no output, the old site aside.
        try FileManager.default.moveItem(atPath: output, toPath: scratch.path + "/site/.public.staging.old")
        try FileManager.default.createDirectory(atPath: scratch.path + "/site/.public.staging", withIntermediateDirectories: false)
        let recovered = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        #expect(recovered.upToDate, "the old site was not put back")
        #expect(Self.differences(Self.site(output), inputs.clean["a"]!) == [])
        #expect(Self.beside(output) == Self.finished)
    }

    @Test("where folders cannot be exchanged atomically the build is refused and the site stays as it was")
    func noAtomicExchange() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/site/public"
        var first = options(input: inputs.paths["a"]!, output: output)
        first.exchangeUnavailable = true
        _ = try await SiteBuilder.build(first)  // nothing to exchange with: a rename
        #expect(Self.differences(Self.site(output), inputs.clean["a"]!) == [])

        var second = options(input: inputs.paths["b"]!, output: output)
        second.exchangeUnavailable = true
        do {
            _ = try await SiteBuilder.build(second)
            Issue.record("published without an atomic exchange")
        } catch BuildError.failed(let failure) {
            #expect(failure.step == .publish && failure.path == output, "\(failure)")
            #expect(failure.description.contains("cannot swap two folders atomically"), "\(failure)")
        }
        #expect(Self.differences(Self.site(output), inputs.clean["a"]!) == [])
        #expect(Self.beside(output) == Self.finished)
    }

    @Test("an output that is a symbolic link stays a link, and the site is published where it points")
    func outputThroughALink() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        try FileManager.default.createDirectory(atPath: scratch.path + "/www/site", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/public", withDestinationPath: "www/site")
        for name in ["a", "b"] {
            _ = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: scratch.path + "/public"))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/public") == "www/site")
            #expect(Self.differences(Self.site(scratch.path + "/www/site"), inputs.clean[name]!) == [])
        }
        #expect(Self.beside(scratch.path + "/www/site") == [".site.folders", ".site.lock", ".site.spare", "site"])

        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/dangling", withDestinationPath: "nowhere")
        await #expect(throws: BuildError.self) {
            try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: scratch.path + "/dangling"))
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/nowhere"))
    }

    @Test("a mount point is recognised, so the build can say why it cannot be swapped")
    func mountPoints() {
        #expect(OutputLock.isMountPoint("/proc"))
        let scratch = Scratch()
        defer { scratch.remove() }
        #expect(!OutputLock.isMountPoint(scratch.path))
    }

    // MARK: Files added by hand

    @Test("files added to the site by hand are kept by every build, and the site's own file of that name wins with a warning")
    func handAddedFilesAreKept() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/public"
        _ = try await SiteBuilder.build(options(input: inputs.paths["a"]!, output: output))
        let added = [
            "CNAME": "dashboards.example.gov.uk\n", ".htaccess": "Options -Indexes\n",
            "reports/annual.pdf": "%PDF-1.7", "second/index.html": "<p>by hand</p>",
        ]
        for (path, text) in added {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: output + "/" + path).deletingLastPathComponent().path,
                withIntermediateDirectories: true)
            write(text, to: output + "/" + path)
        }
        try FileManager.default.createDirectory(atPath: output + "/empty", withIntermediateDirectories: false)

        let report = try await SiteBuilder.build(options(input: inputs.paths["b"]!, output: output, clean: true))
        #expect(report.kept == 4)
        #expect(report.warnings.contains { $0.location.file == output + "/second/index.html" && $0.message.contains("replaced by the site's own file") })
        for (path, text) in added where path != "second/index.html" { #expect(read(output + "/" + path) == text) }
        #expect(FileManager.default.fileExists(atPath: output + "/empty"))
        let ours = Self.site(output).filter { !["CNAME", ".htaccess", "reports/annual.pdf"].contains($0.key) }
        #expect(Self.differences(ours, inputs.clean["b"]!) == [])

        // Still there after a further build of another input.
        _ = try await SiteBuilder.build(options(input: inputs.paths["c"]!, output: output))
        #expect(read(output + "/CNAME") == added["CNAME"])
    }

    @Test("builds that start from the spare publish exactly their clean build, whatever was changed by hand in the site or the spare")
    func buildsFromTheSpare() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let inputs = try await Inputs(scratch)
        let output = scratch.path + "/site/public"
        let spare = Self.spare(output)
        func build(_ name: String) async throws -> BuildReport {
            let report = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output))
            #expect(Self.differences(Self.site(output), inputs.clean[name]!) == [], "building \(name)")
            return report
        }
        // Each build starts from the site before the last one; a dashboard added and removed on the way.
        for name in ["a", "b", "c", "a", "b"] { _ = try await build(name) }
        #expect(Self.differences(Self.site(spare), inputs.clean["a"]!) == [])

        // A file of the published site deleted by hand is put back by the next build, though no input changed.
        try FileManager.default.removeItem(atPath: output + "/corpus/index.html")
        #expect(try await !build("b").upToDate)

        // A file removed from the spare and one added to it: those dashboards' copies there are not used.
        #expect(!FileManager.default.fileExists(atPath: spare + "/corpus/index.html"), "the spare is the site as it was")
        try FileManager.default.removeItem(atPath: spare + "/second/index.html")
        write("stray", to: spare + "/corpus/stray.html")
        _ = try await build("c")
        _ = try await build("a")

        // Files added by hand at the top, in a dashboard's folder and in a folder of their own are kept, and
        // once removed by hand they go from the next site too, spare or not.
        let added = ["CNAME": "dashboards.example.gov.uk\n", "corpus/extra.pdf": "%PDF-1.7", "reports/annual.pdf": "%PDF-1.7"]
        try FileManager.default.createDirectory(atPath: output + "/reports", withIntermediateDirectories: false)
        for (path, text) in added { write(text, to: output + "/" + path) }
        for name in ["b", "c", "a"] {
            let report = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output))
            #expect(report.kept == 3)
            let ours = Self.site(output).filter { added[$0.key] == nil }
            #expect(Self.differences(ours, inputs.clean[name]!) == [], "building \(name) with files added by hand")
            for (path, text) in added { #expect(read(output + "/" + path) == text) }
        }
        try FileManager.default.removeItem(atPath: output + "/corpus/extra.pdf")
        try FileManager.default.removeItem(atPath: output + "/reports")
        for name in ["b", "c"] {
            let report = try await SiteBuilder.build(options(input: inputs.paths[name]!, output: output))
            #expect(report.kept == 1)
            #expect(Self.differences(Self.site(output).filter { $0.key != "CNAME" }, inputs.clean[name]!) == [])
        }
        try FileManager.default.removeItem(atPath: output + "/CNAME")
        for name in ["a", "b", "c"] { _ = try await build(name) }
        #expect(Self.beside(output) == Self.finished)
    }

    // MARK: Keys, inputs and options

    @Test("content keys are SHA-256 over length-delimited fields")
    func contentKeys() {
        var ab = ContentHash(), a = ContentHash()
        ab.combine("ab")
        ab.combine("c")
        a.combine("a")
        a.combine("bc")
        #expect(ab.hex != a.hex)
        #expect(ab.hex.count == 64)
        // "abc" followed by its length as eight little-endian bytes, as Python computes it:
        // hashlib.sha256(b"abc" + (3).to_bytes(8, "little")).hexdigest()
        #expect(ContentHash.of(Array("abc".utf8)) == "baba775df93bdbf9d34cd8eb1cfe68727c19de118e74f374100e75baeea41d90")
    }

    @Test("a different build of dashboards (another build ID) renders every page and chart again")
    func changedBinaryRendersCharts() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: input + "/corpus")
        let arguments = ["build", "--input", input, "--assets", exampleAssets, "--output", scratch.path + "/public"]
        #expect(try run(arguments, in: scratch.path).status == 0)
        // Another build of the tool, as the linker marks it: the same program with another build ID.
        let other = scratch.path + "/dashboards-other"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: executable))
        let id = try #require(ELFBuildID.read(executable))
        let at = try #require(bytes.range(of: Data(id))).lowerBound
        bytes[at] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: other))
        #expect(chmod(other, 0o755) == 0)
        #expect(ELFBuildID.read(other) != id)
        let result = try run(arguments, in: scratch.path, executable: other)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("5 pages (5 rendered, 0 reused), 18 charts (18 rendered, 0 reused)"), "\(result.stderr)")
    }

    @Test("a dashboard folder or data file linked from outside the input is refused; links within it are followed")
    func linksOutsideTheInput() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: input + "/corpus")
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: scratch.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: input + "/outside", withDestinationPath: scratch.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: input + "/corpus/more.csv", withDestinationPath: scratch.path + "/elsewhere/figures.csv")
        do {
            _ = try await SiteBuilder.build(options(input: input, output: scratch.path + "/public"))
            Issue.record("a folder outside the input was published")
        } catch BuildError.input(let diagnostics) {
            let messages = diagnostics.errors.map(\.description)
            #expect(diagnostics.errors.contains { $0.location.file == input + "/outside" && $0.message.contains("outside the input folder") }, "\(messages)")
            #expect(diagnostics.errors.contains { $0.location.file == input + "/corpus/more.csv" && $0.message.contains("outside the input folder") }, "\(messages)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/public"))

        try FileManager.default.removeItem(atPath: input + "/outside")
        try FileManager.default.removeItem(atPath: input + "/corpus/more.csv")
        try FileManager.default.createSymbolicLink(atPath: input + "/alias", withDestinationPath: "corpus")
        let report = try await SiteBuilder.build(options(input: input, output: scratch.path + "/public"))
        #expect(report.dashboards == 2)
    }

    @Test("control characters in folder names reach the terminal escaped, never raw")
    func controlCharactersEscaped() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        for name in ["bad\u{1B}[2Jname", "two\nlines", "bell\u{07}"] {
            try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.minimal, toPath: input + "/" + name)
        }
        let result = try run(["validate", "--input", input], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad\\u{1B}[2Jname"), "\(result.stderr)")
        #expect(result.stderr.contains("two\\u{A}lines"), "\(result.stderr)")
        #expect(result.stderr.contains("bell\\u{7}"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a raw control character reached the terminal")
        // Every line is a diagnostic or the count: none forged by a line break in a name.
        for line in result.stderr.split(separator: "\n") {
            #expect(line.hasPrefix(input) || line.hasSuffix("errors") || line.hasSuffix("error"), "\(line)")
        }
    }

    @Test("an empty --output, or one inside the input folder, is wrong usage every time, and nothing is written")
    func outputsThatCannotWork() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: input + "/corpus")
        let before = snapshot(scratch.path)
        let empty = try run(["build", "--input", input, "--assets", exampleAssets, "--output", ""], in: scratch.path)
        #expect(empty.status == 2, "\(empty.stderr)")
        #expect(empty.stderr.contains("--output is empty"), "\(empty.stderr)")
        for _ in 0..<2 {
            let inside = try run(["build", "--input", input, "--assets", exampleAssets, "--output", input + "/site"], in: scratch.path)
            #expect(inside.status == 2, "\(inside.stderr)")
            #expect(inside.stderr.contains("is inside the input folder"), "\(inside.stderr)")
        }
        #expect(snapshot(scratch.path) == before)
        #expect(ForeignFiles.walk(input).allSatisfy { !$0.contains("site") })
    }
}

/// Holds a build at one publishing step until the test opens it.
final class Pause: Sendable {
    let step: PublishStep
    private let arrival: (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)
    private let release: (stream: AsyncStream<Void>, continuation: AsyncStream<Void>.Continuation)

    init(at step: PublishStep) {
        self.step = step
        arrival = AsyncStream<Void>.makeStream()
        release = AsyncStream<Void>.makeStream()
    }

    var hook: @Sendable (PublishStep) async throws -> Void {
        { [self] reached in
            guard reached == step else { return }
            arrival.continuation.yield()
            for await _ in release.stream { break }
        }
    }

    /// Returns once the build has reached the step.
    func reached() async {
        for await _ in arrival.stream { break }
    }

    func open() {
        release.continuation.yield()
        release.continuation.finish()
    }
}

/// The order in which builds published, and how many are waiting for the lock.
actor Order {
    private(set) var names: [String] = []
    private(set) var waiting = 0
    func append(_ name: String) { names.append(name) }
    func arrived() { waiting += 1 }
}
