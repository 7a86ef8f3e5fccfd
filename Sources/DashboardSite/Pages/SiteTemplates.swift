import DashboardCore
import Foundation
import Mustache

/// The templates' `{{ }}` escaping: `Markup`'s, by Unicode scalar.
///
/// swift-mustache's own HTML escaping compares whole `Character`s, and a Character is a grapheme cluster: a `"`
/// followed by a combining accent (U+0301), a joiner or a variation selector is one Character that is not `"`, so
/// it would pass unescaped and could end an attribute. Escaping each scalar leaves no such gap, whatever the text.
struct ScalarHTMLEscaping: MustacheContentType {
    static let name = "DASHBOARDS_HTML"

    /// Registered once, before any template naming it is parsed.
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Markup.escape(text, for: .html)
    }

    /// Every template is read with this escaping switched on in its first line, so an officer's own template
    /// cannot forget it. The line is standalone, so it adds nothing to pages.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
}

/// The officer-editable look of the site: Mustache templates and the stylesheet under `assets/`.
///
/// Templates print values with `{{ }}`, which escapes HTML (by scalar, see `ScalarHTMLEscaping`); the site's page
/// values never need `{{{ }}}`.
struct SiteAssets {
    static let requiredTemplates = ["layout", "index", "dashboard", "indicator", "kpi-sections", "pack", "changes", "plan", "plan-row", "plan-area-row", "benchmarking"]

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
            diagnostics.error(
                "no Mustache templates here; the site needs \(requiredTemplates.map { $0 + ".mustache" }.joined(separator: ", ")) (pass --assets to use another folder)",
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
                ScalarHTMLEscaping.registered
                library.register(try MustacheTemplate(string: ScalarHTMLEscaping.pragma + text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                // Lines count from the officer's file, not from the escaping line put before it.
                let line = max(1, error.context.lineNumber - 1)
                diagnostics.error("template syntax: \(error.error)", at: SourceLocation(file: path, line: line, column: error.context.columnNumber))
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
        return .success(
            SiteAssets(
                library: library, stylesheet: [UInt8](stylesheet), fingerprint: hash.hex,
                fontsDirectory: directory + "/fonts"))
    }

    /// A page rendered with `template`, keyed by its values (`ValueKey`): far cheaper than rendering them, so an
    /// unchanged page costs the writing out of its values only.
    func page(_ values: some Encodable, with template: String, at path: String) -> PlannedFile {
        var hash = ContentHash()
        hash.combine(ToolIdentity.fingerprint)
        hash.combine(fingerprint)
        hash.combine(template)
        hash.combine(ValueKey.bytes(of: values))
        return PlannedFile(path: path, key: hash.hex, isPage: true) { [self] in Array(try render(values, with: template).utf8) }
    }

    func render(_ page: Any, with template: String) throws -> String {
        guard let html = library.render(ReflectedValue.wrap(page), withTemplate: template) else {
            throw BuildError.output("the template \(template).mustache could not be rendered")
        }
        return html
    }
}

/// A page value as swift-mustache's `MustacheParent`: its fields are read once with `Mirror`, where the library
/// would reflect the value again for every name it looks up in it or passes through it on the context stack
/// (most of a page's render time). Renders exactly as the value itself: a field holding nil is absent, as the
/// library's own lookup has it, and only plain structs and classes are wrapped; strings, numbers, anything
/// describing itself and anything the library treats specially are left as they are.
final class ReflectedValue: MustacheParent {
    private let value: Any
    private lazy var fields: [String: Any] = {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, fields[label] == nil else { continue }
            let field = Mirror(reflecting: child.value)
            if field.displayStyle == .optional {
                if let some = field.children.first { fields[label] = ReflectedValue.wrap(some.value) }
            } else {
                fields[label] = ReflectedValue.wrap(child.value)
            }
        }
        return fields
    }()

    private init(_ value: Any) { self.value = value }

    func child(named name: String) -> Any? { fields[name] }

    static func wrap(_ value: Any) -> Any {
        if value is CustomStringConvertible || value is MustacheParent || value is MustacheLambda
            || value is MustacheCustomRenderable || value is MustacheCustomRepresentation
        {
            if let array = value as? [Any], !(value is MustacheCustomRenderable) { return array.map(wrap) }
            return value
        }
        let style = Mirror(reflecting: value).displayStyle
        return style == .struct || style == .class ? ReflectedValue(value) : value
    }
}
