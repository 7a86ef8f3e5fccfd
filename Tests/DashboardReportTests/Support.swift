import Foundation
@_exported import TestSupport
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A .docx read back: every part's bytes by name, in the zip's order.
struct Docx {
    var names: [String] = []
    var parts: [String: Data] = [:]

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            names.append(entry.path)
            parts[entry.path] = data
        }
    }

    func xml(_ name: String) throws -> Element {
        let data = try #require(parts[name], "the document has no \(name)")
        return try Element.parse(data)
    }
}

/// An XML element with its qualified name ("w:p"), attributes and children, parsed strictly (a document that
/// is not well-formed fails the test).
final class Element {
    let name: String
    let attributes: [String: String]
    var children: [Element] = []
    var text = ""
    weak var parent: Element?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// Every element below this one named `name`, in document order.
    func all(_ name: String) -> [Element] {
        var found: [Element] = []
        for child in children {
            if child.name == name { found.append(child) }
            found += child.all(name)
        }
        return found
    }

    func first(_ name: String) -> Element? { all(name).first }

    /// The text of every w:t below, joined.
    var wordText: String { all("w:t").map(\.text).joined() }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ data: Data) throws -> Element {
        let delegate = Builder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        return root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = Element(name: qualifiedName ?? elementName, attributes: attributes)
            element.parent = stack.last
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
