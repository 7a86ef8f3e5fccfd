import DashboardCore
import Foundation
import Mustache

/// The officer-editable look of the site: Mustache templates and the stylesheet under `assets/`.
///
/// Templates print values with `{{ }}`, which escapes HTML; the site's page values never need `{{{ }}}`.
struct SiteAssets {
    static let requiredTemplates = ["layout", "index", "dashboard", "indicator"]

    let library: MustacheLibrary
    let stylesheet: [UInt8]
    /// Changes whenever a template or the stylesheet changes, so every page is rebuilt.
    let fingerprint: String
    let fontsDirectory: String

    static func load(from directory: String) -> Result<SiteAssets, Diagnostics> {
        var diagnostics = Diagnostics()
        let fileManager = FileManager.default
        let templatesDirectory = directory + "/templates"
        let stylesheetPath = directory + "/css/site.css"
        var hash = ContentHash()
        var library = MustacheLibrary()

        let names = ((try? fileManager.contentsOfDirectory(atPath: templatesDirectory)) ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        if names.isEmpty {
            diagnostics.error("no Mustache templates here; the site needs \(requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", ")) (pass --assets to use another folder)",
                              at: SourceLocation(file: templatesDirectory))
        }
        for name in names {
            let path = templatesDirectory + "/" + name
            guard let data = fileManager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.error("cannot read this template as UTF-8 text", at: SourceLocation(file: path))
                continue
            }
            hash.combine(name)
            hash.combine(data)
            do {
                library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error("template syntax: \(error.error)", at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                diagnostics.error("template syntax: \(error)", at: SourceLocation(file: path))
            }
        }
        for required in requiredTemplates where !names.contains(required + ".mustache") && !names.isEmpty {
            diagnostics.error("the template \(required).mustache is missing", at: SourceLocation(file: templatesDirectory))
        }
        guard let stylesheet = fileManager.contents(atPath: stylesheetPath) else {
            diagnostics.error("the stylesheet is missing", at: SourceLocation(file: stylesheetPath))
            return .failure(diagnostics)
        }
        hash.combine(stylesheet)
        if diagnostics.hasErrors { return .failure(diagnostics) }
        return .success(SiteAssets(library: library, stylesheet: [UInt8](stylesheet), fingerprint: hash.hex,
                                   fontsDirectory: directory + "/fonts"))
    }

    func render(_ page: Any, with template: String) throws -> String {
        guard let html = library.render(page, withTemplate: template) else {
            throw BuildError.output("the template \(template).mustache could not be rendered")
        }
        return html
    }
}
