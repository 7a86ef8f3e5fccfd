/// A place in an input file, in the form compilers and editors understand (`file:line:column`).
///
/// Lines and columns count from 1. Columns count Unicode scalars, so a `£` or an accented letter
/// is one column, as editors show it. A line or column of 0 means "the whole file" or "the whole line".
///
/// A worksheet is named as its workbook with the sheet in brackets (`kpis.xlsx[Q3 dashboard]`); its line is the
/// row and its column the column, and the place is written as Excel writes a reference: `kpis.xlsx[Q3 dashboard]!C6`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Whether this is a cell of a worksheet (`book.xlsx[Sheet]`: Excel allows no `]` in a sheet's name).
    public var isCell: Bool { file.hasSuffix("]") }

    public var description: String {
        if isCell, line > 0 {
            return column > 0 ? "\(file)!\(CellAddress(row: line, column: column))" : "\(file)!\(line):\(line)"
        }
        switch (line, column) {
        case (0, _): return file
        case (_, 0): return "\(file):\(line)"
        default: return "\(file):\(line):\(column)"
        }
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in the input: where it is and a sentence that says what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects every problem before anything is reported, as a compiler does, so one run shows them all.
public struct Diagnostics: Sendable, Error {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func error(_ message: String, at location: SourceLocation) {
        items.append(Diagnostic(.error, message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        items.append(Diagnostic(.warning, message, at: location))
    }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var isEmpty: Bool { items.isEmpty }

    /// Errors first, then warnings, each in file order, so the report reads top to bottom and what stops a build
    /// is read before what does not; duplicates (the same sentence at the same place) once.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return
            items
            .filter { seen.insert($0).inserted }
            .sorted { ($0.severity, $0.location, $0.message) < ($1.severity, $1.location, $1.message) }
    }
}

extension Diagnostic {
    /// A sentence naming the closest known word, for typos in ids and keys ("did you mean …?").
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= max(2, lowered.count / 3), distance < (best?.1 ?? .max) {
                best = (candidate, distance)
            }
        }
        return best.map { "did you mean '\($0.0)'?" }
    }
}

/// Levenshtein distance over Unicode scalars: small words only, so the quadratic cost is nothing.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
