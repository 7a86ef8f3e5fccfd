import Foundation
import TestSupport
import Testing

@testable import DashboardServe

@Suite struct SiteFilesTests {
    /// A small site beside a secret file, with a symbolic link that leads out of it.
    func site() -> (Scratch, SiteFiles) {
        let scratch = Scratch()
        let root = scratch.path + "/public"
        try! FileManager.default.createDirectory(atPath: root + "/cfws/charts", withIntermediateDirectories: true)
        write("<html><body>front</body></html>", to: root + "/index.html")
        write("<html><body>cfws</body></html>", to: root + "/cfws/index.html")
        write("png", to: root + "/cfws/charts/a b.png")
        write("{}", to: root + "/cfws/.dashboards-manifest.json")
        write("secret", to: scratch.path + "/secret.txt")
        try! FileManager.default.createSymbolicLink(atPath: root + "/out.txt", withDestinationPath: scratch.path + "/secret.txt")
        return (scratch, SiteFiles(root: root))
    }

    @Test func servesFilesAndFolderIndexes() {
        let (scratch, files) = site()
        defer { scratch.remove() }
        #expect(files.lookup("/") == .file(files.root + "/index.html"))
        #expect(files.lookup("/cfws/") == .file(files.root + "/cfws/index.html"))
        #expect(files.lookup("/cfws") == .redirect("/cfws/"))
        #expect(files.lookup("/cfws/charts/a%20b.png") == .file(files.root + "/cfws/charts/a b.png"))
        #expect(files.lookup("/cfws/missing.html") == .notFound)
        #expect(files.lookup("/cfws/charts/") == .notFound)
    }

    @Test func refusesEverythingOutsideTheSite() {
        let (scratch, files) = site()
        defer { scratch.remove() }
        for path in [
            "/../secret.txt", "/cfws/../../secret.txt", "/%2e%2e/secret.txt", "/cfws/..%2f..%2fsecret.txt", "/cfws%2f..%2f..%2fsecret.txt",
            "/..%5csecret.txt", "/cfws/.dashboards-manifest.json", "/out.txt", "/index.html%00.png", "/%zz", "relative.html", "",
        ] {
            #expect(files.lookup(path) == .notFound, "\(path)")
        }
    }

    @Test func contentTypesByExtension() {
        #expect(SiteFiles.contentType(of: "a/index.html") == "text/html; charset=utf-8")
        #expect(SiteFiles.contentType(of: "assets/site.css") == "text/css; charset=utf-8")
        #expect(SiteFiles.contentType(of: "cfws/kpi.csv") == "text/csv; charset=utf-8")
        #expect(SiteFiles.contentType(of: "cfws/charts/x-print.txt") == "text/plain; charset=utf-8")
        #expect(SiteFiles.contentType(of: "cfws/charts/x@2x.PNG") == "image/png")
        #expect(SiteFiles.contentType(of: "cfws/kpi.xlsx") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(SiteFiles.contentType(of: "CNAME") == "application/octet-stream")
    }
}

@Suite struct LiveReloadTests {
    @Test func scriptGoesBeforeTheLastClosingBody() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></body></html>\n".utf8)
        let injected = String(decoding: LiveReload.inject(into: page, state: .init()), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>&lt;/body&gt;</p><script>"))
        #expect(injected.hasSuffix("</script>\n</body></html>\n"))
        let bare = String(decoding: LiveReload.inject(into: Array("plain".utf8), state: .init()), as: UTF8.self)
        #expect(bare.hasPrefix("plain<script>"))
    }

    @Test func errorsCannotCloseTheScript() {
        var state = PreviewState.Snapshot()
        state.error = "a.csv:1:1: error: \"</script><script>alert(1)</script>\"\n\u{2028}"
        let injected = String(decoding: LiveReload.inject(into: [], state: state), as: UTF8.self)
        #expect(injected.components(separatedBy: "</script>").count == 2)
        #expect(LiveReload.json(state) == #"{"generation":0,"site":0,"error":"a.csv:1:1: error: \"</script><script>alert(1)</script>\"\n\u2028"}"#)
    }
}

@Suite struct FolderStampsTests {
    @Test func seesAddedChangedAndRemovedFiles() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let input = scratch.dashboard("kpis", "title: KPIs\n", files: ["a.csv": "indicator,period,value\n"])
        let before = FolderStamps.take([input, scratch.path + "/missing"])
        #expect(FolderStamps.take([input]).changes(since: before).isEmpty)
        write("indicator,period,value\nx,2020/21 Q1,1\n", to: input + "/kpis/a.csv")
        write("new", to: input + "/kpis/b.csv")
        try FileManager.default.removeItem(atPath: input + "/kpis/dashboard.yml")
        let after = FolderStamps.take([input])
        #expect(after.changes(since: before) == [input + "/kpis/a.csv", input + "/kpis/b.csv", input + "/kpis/dashboard.yml"])
    }
}
