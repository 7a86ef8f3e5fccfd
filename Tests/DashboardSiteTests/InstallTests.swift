import Foundation
import Testing

@Suite("The installed program")
struct InstallTests {
    @Test("from any folder the program finds its assets: beside the installed binary first, else in its package")
    func assetsFromAnyFolder() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.path + "/input"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/DashboardSiteTests/Corpus/minimal", toPath: input + "/corpus")

        // Built in the package: its assets/.
        let packaged = try run(["build", "--input", input, "--output", scratch.path + "/packaged"], in: "/")
        #expect(packaged.status == 0, "\(packaged.stderr)")
        #expect(read(scratch.path + "/packaged/assets/site.css") == read(exampleAssets + "/css/site.css"))

        // Installed as make install lays it out: PREFIX/bin/dashboards and PREFIX/share/dashboards.
        let prefix = scratch.path + "/prefix"
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: executable, toPath: prefix + "/bin/dashboards")
        try FileManager.default.copyItem(atPath: exampleAssets, toPath: prefix + "/share/dashboards")
        let css = prefix + "/share/dashboards/css/site.css"
        write(read(css) + "/* installed copy */\n", to: css)
        let installed = try run(
            ["build", "--input", input, "--output", scratch.path + "/installed"], in: "/",
            executable: prefix + "/bin/dashboards")
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(read(scratch.path + "/installed/assets/site.css").hasSuffix("/* installed copy */\n"))
    }
}
