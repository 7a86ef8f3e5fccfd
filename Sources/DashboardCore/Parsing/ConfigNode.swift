/// A configuration document as a plain tree with positions, independent of the YAML library that read it,
/// so the core can decode and check `dashboard.yml` without depending on C code.
public struct ConfigNode: Sendable {
    public enum Value: Sendable {
        /// The scalar's text as written; the decoder decides what it means (no YAML 1.1 `no` → false surprises).
        case scalar(String)
        case sequence([ConfigNode])
        case mapping([ConfigEntry])
        case null
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public var kindName: String {
        switch value {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys to values"
        case .null: return "nothing"
        }
    }
}

public struct ConfigEntry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: ConfigNode

    public init(key: String, keyLocation: SourceLocation, value: ConfigNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// Reads a mapping key by key, reporting wrong types, and at the end every key it was not asked for
/// (a misspelt `polarty:` is an error with a suggestion, not a silently ignored setting).
struct ConfigMapping {
    let node: ConfigNode
    let entries: [ConfigEntry]
    private var used: Set<String> = []

    init?(_ node: ConfigNode, what: String, diagnostics: inout Diagnostics) {
        guard case .mapping(let entries) = node.value else {
            diagnostics.error("\(what) must be a mapping of keys to values, not \(node.kindName)", at: node.location)
            return nil
        }
        self.node = node
        self.entries = entries
        var seen: [String: SourceLocation] = [:]
        for entry in entries {
            if let first = seen[entry.key] {
                diagnostics.error("'\(entry.key)' is given twice (first at line \(first.line)); keep one", at: entry.keyLocation)
            } else {
                seen[entry.key] = entry.keyLocation
            }
        }
    }

    /// A mapping, or nil without a word where the node is something else (a value that may be written either way).
    init?(quiet node: ConfigNode) {
        var ignored = Diagnostics()
        guard case .mapping = node.value else { return nil }
        self.init(node, what: "", diagnostics: &ignored)
    }

    mutating func node(_ key: String) -> ConfigNode? {
        used.insert(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .null = entry.value.value { return nil }
        return entry.value
    }

    mutating func string(_ key: String, diagnostics: inout Diagnostics) -> (String, SourceLocation)? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let text) = node.value else {
            diagnostics.error("'\(key)' must be a single value, not \(node.kindName)", at: node.location)
            return nil
        }
        return (text, node.location)
    }

    mutating func requiredString(_ key: String, in what: String, diagnostics: inout Diagnostics) -> String? {
        guard let (text, location) = string(key, diagnostics: &diagnostics) else {
            if let entry = entries.first(where: { $0.key == key }) {
                // `title:` with nothing after it: YAML reads null, which `string` treats as absent.
                if case .null = entry.value.value { diagnostics.error("'\(key)' is empty", at: entry.keyLocation) }
            } else {
                diagnostics.error("\(what) has no '\(key)'", at: node.location)
            }
            return nil
        }
        if text.trimmingSpaces.isEmpty {
            diagnostics.error("'\(key)' is empty", at: location)
            return nil
        }
        return text
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, diagnostics: inout Diagnostics) -> T? where T.RawValue == String {
        guard let (text, location) = string(key, diagnostics: &diagnostics) else { return nil }
        if let value = T(rawValue: text.trimmingSpaces.lowercased()) { return value }
        let options = T.allCases.map(\.rawValue)
        let hint = Diagnostic.suggestion(for: text, among: options).map { "; \($0)" } ?? ""
        diagnostics.error("'\(text)' is not a valid \(key): use one of \(options.joined(separator: ", "))\(hint)", at: location)
        return nil
    }

    mutating func integer(_ key: String, range: ClosedRange<Int>, diagnostics: inout Diagnostics) -> Int? {
        guard let (text, location) = string(key, diagnostics: &diagnostics) else { return nil }
        guard let value = Int(text.trimmingSpaces), range.contains(value) else {
            diagnostics.error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'", at: location)
            return nil
        }
        return value
    }

    mutating func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let (text, location) = string(key, diagnostics: &diagnostics) else { return nil }
        switch text.trimmingSpaces.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.error("'\(key)' must be true or false, not '\(text)'", at: location)
            return nil
        }
    }

    /// Whether the key is missing or given with no value (YAML null): either way there is nothing to read.
    func isAbsentOrNull(_ key: String) -> Bool {
        guard let entry = entries.first(where: { $0.key == key }) else { return true }
        if case .null = entry.value.value { return true }
        return false
    }

    /// Every key present that no one asked for.
    func reportUnknownKeys(in what: String, diagnostics: inout Diagnostics) {
        for entry in entries where !used.contains(entry.key) {
            let hint = Diagnostic.suggestion(for: entry.key, among: used.sorted()).map { "; \($0)" } ?? ""
            diagnostics.error("unknown key '\(entry.key)' in \(what)\(hint)", at: entry.keyLocation)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, line breaks and no-break spaces.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{A0}" || s == "\u{FEFF}" }
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
