import DashboardCore
import Yams

/// Reads `dashboard.yml` text into the core's plain configuration tree, with positions.
enum YAMLReader {
    /// Aliases may point at each other so that a small file expands to billions of values
    /// (the "billion laughs"); reading stops past this many values with an error.
    static let maximumValues = 200_000
    /// Deeper nesting than any dashboard needs, and a guard for the recursive reader.
    static let maximumDepth = 64

    static func read(_ text: String, file: String) -> (ConfigNode?, Diagnostics) {
        var diagnostics = Diagnostics()
        if let depth = flowNestingProblem(text, file: file) {
            diagnostics.append(depth)
            return (nil, diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, text: text, file: file))
            return (nil, diagnostics)
        } catch {
            diagnostics.error("cannot read this YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
            return (nil, diagnostics)
        }
        guard let root else {
            diagnostics.error(
                "dashboard.yml is empty; it needs at least title, organisation and indicators",
                at: SourceLocation(file: file, line: 1, column: 1))
            return (nil, diagnostics)
        }
        var budget = maximumValues
        do {
            let tree = try convert(root, file: file, depth: 0, budget: &budget, diagnostics: &diagnostics)
            return (tree, diagnostics)
        } catch let problem as Diagnostic {
            diagnostics.append(problem)
            return (nil, diagnostics)
        } catch {
            return (nil, diagnostics)
        }
    }

    static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Throws for problems that stop reading (too many values, too deep); collects those that do not.
    static func convert(_ node: Node, file: String, depth: Int, budget: inout Int, diagnostics: inout Diagnostics) throws -> ConfigNode {
        budget -= 1
        if budget < 0 {
            throw Diagnostic(
                .error, "dashboard.yml expands to more than \(maximumValues) values; are aliases (*name) repeating each other?",
                at: location(node.mark, file: file))
        }
        if depth > maximumDepth {
            throw Diagnostic(.error, "dashboard.yml nests deeper than \(maximumDepth) levels", at: location(node.mark, file: file))
        }
        let at = location(node.mark, file: file)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["~", "null", "Null", "NULL", ""].contains(scalar.string) {
                return ConfigNode(.null, at: at)
            }
            if let control = scalar.string.unicodeScalars.first(where: UTF8Check.isRefusedControl) {
                diagnostics.error(UTF8Check.controlProblem(control.value), at: at)
            }
            return ConfigNode(.scalar(scalar.string), at: at)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try convert(item, file: file, depth: depth + 1, budget: &budget, diagnostics: &diagnostics)) }
            return ConfigNode(.sequence(items), at: at)
        case .mapping(let mapping):
            var entries: [ConfigEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Diagnostic(.error, "a key must be a single word or phrase, not a list or mapping", at: location(key.mark, file: file))
                }
                entries.append(
                    ConfigEntry(
                        key: keyScalar.string.trimmingSpaces, keyLocation: location(key.mark, file: file),
                        value: try convert(value, file: file, depth: depth + 1, budget: &budget, diagnostics: &diagnostics)))
            }
            return ConfigNode(.mapping(entries), at: at)
        case .alias(let alias):
            throw Diagnostic(.error, "unresolved alias *\(alias.anchor)", at: at)
        }
    }

    /// libyaml recurses once per nesting level of `[` and `{`; refuse absurd nesting before it can exhaust the stack.
    static func flowNestingProblem(_ text: String, file: String) -> Diagnostic? {
        var depth = 0, line = 1, column = 0
        var quote: UInt8? = nil
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                continue
            }
            if let q = quote {
                if byte == q { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth {
                    return Diagnostic(.error, "dashboard.yml nests brackets deeper than \(maximumDepth) levels", at: SourceLocation(file: file, line: line, column: column))
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func message(_ problem: String, _ context: YamlError.Context?) -> String {
            var text = "YAML: \(problem)"
            if let context { text += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return text + "; check the indentation and quoting here"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml's own limit on nesting (its message names a C function), reached before ours can be checked.
            if problem.contains("nesting level") {
                return Diagnostic(
                    .error, "dashboard.yml nests too deeply here (a dashboard needs at most \(maximumDepth) levels); check the indentation",
                    at: location(mark, file: file))
            }
            // A tab where YAML expects indentation: libyaml says only that a character "cannot start any token".
            if indentationHasTab(text, line: mark.line) {
                return Diagnostic(
                    .error, "a tab in the indentation: YAML indents with spaces only; replace the tab with spaces",
                    at: location(mark, file: file))
            }
            // `range: A3:`: the open-ended range's colon reads as the start of a mapping.
            if problem.contains("mapping values are not allowed"), let range = openRange(text, line: mark.line) {
                return Diagnostic(
                    .error, "the range \(range) ends in a colon, which YAML reads as a key: quote it (range: \"\(range)\")",
                    at: location(mark, file: file))
            }
            return Diagnostic(.error, message(problem, context), at: location(mark, file: file))
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, "YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the first of the two; the one to remove is usually the later, so point there.
            if let key = duplicates.first, let second = laterKey(key, after: context.mark, in: text) {
                return Diagnostic(
                    .error, "'\(key)' is given twice (first at line \(context.mark.line)); keep one",
                    at: SourceLocation(file: file, line: second.line, column: second.column))
            }
            return Diagnostic(.error, "the key '\(duplicates.joined(separator: "', '"))' is given twice; keep one", at: location(context.mark, file: file))
        default:
            return Diagnostic(.error, "YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The unquoted open-ended range (`A3:`) a `range:` line gives, if it is one.
    static func openRange(_ text: String, line: Int) -> String? {
        let all = lines(text)
        guard line >= 1, line <= all.count else { return nil }
        var content = all[line - 1].trimmingSpaces
        if content.hasPrefix("- ") { content = String(content.dropFirst(2)).trimmingSpaces }
        guard content.hasPrefix("range:") else { return nil }
        var value = String(content.dropFirst("range:".count))
        if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]) }
        value = value.trimmingSpaces
        guard value.hasSuffix(":"), value.count > 1, DataMapping.openEndedRange(value) != nil else { return nil }
        return value
    }

    /// The lines of the text as libyaml counts them (LF, CRLF or CR ends a line).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Whether a (1-based) line's leading white space holds a tab.
    static func indentationHasTab(_ text: String, line: Int) -> Bool {
        let all = lines(text)
        guard line >= 1, line <= all.count else { return false }
        return all[line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t")
    }

    /// Where a block mapping's key written at `first` is written again: a later line indented to the same column
    /// with nothing but spaces before the key, before any line indented less (where the mapping ends).
    static func laterKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let all = lines(text)
        guard first.line >= 1, first.column >= 1 else { return nil }
        for index in first.line..<max(first.line, all.count) {
            let scalars = Array(all[index].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let rest = String(String.UnicodeScalarView(scalars[indent...]))
            if rest.trimmingSpaces.isEmpty || rest.hasPrefix("#") { continue }
            if indent + 1 < first.column { return nil }
            guard indent + 1 == first.column else { continue }
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                if rest.dropFirst(written.count).drop(while: { $0 == " " }).hasPrefix(":") { return (index + 1, first.column) }
            }
        }
        return nil
    }
}
