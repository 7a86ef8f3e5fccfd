/// A comparator group: the local authorities a council judges itself against (the county councils, its CIPFA
/// nearest neighbours, its region), read from a text file with one authority a line:
///
/// ```text
/// # County councils
/// Cambridgeshire
/// 830            # an LA number: Derbyshire
/// ```
///
/// The first `#` line before any authority is the group's title; other `#` lines, text after ` #` on a line, and
/// blank lines are comments. An authority is named as LAIT's long file writes it (case aside) or by its 3-digit
/// LA number.
public struct ComparatorGroup: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        /// As the file writes it.
        public var text: String
        /// The authority's name as LAIT writes it, once resolved.
        public var name: String
        public var laNumber: Int?
        public var location: SourceLocation

        public init(text: String, name: String, laNumber: Int?, location: SourceLocation) {
            self.text = text
            self.name = name
            self.laNumber = laNumber
            self.location = location
        }
    }

    public var title: String?
    public var file: String
    public var members: [Member]

    public init(title: String?, file: String, members: [Member]) {
        self.title = title
        self.file = file
        self.members = members
    }

    /// The group's name: its title, else the file's name without folder or extension.
    public var name: String {
        if let title, !title.isEmpty { return title }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    /// The name inside a sentence ("of 21 county councils"): a capital first letter is lowered unless the word
    /// is an abbreviation (`CIPFA nearest neighbours` stays as it is).
    public static func inSentence(_ name: String) -> String {
        let scalars = Array(name)
        guard scalars.count >= 2, scalars[0].isUppercase, !scalars[1].isUppercase else { return name }
        return scalars[0].lowercased() + String(scalars.dropFirst())
    }

    public func contains(name: String, number: Int?) -> Bool {
        members.contains { member in
            if let n = member.laNumber, let number { return n == number }
            return member.name.lowercased() == name.lowercased()
        }
    }

    /// Reads a group file's text: its title and the authorities as written (not yet checked against any names).
    public static func parse(_ text: String, file: String) -> (ComparatorGroup, Diagnostics) {
        var diagnostics = Diagnostics()
        var title: String?
        var members: [Member] = []
        var lineNumber = 0
        // "\r\n" is one Character, so lines are split on either ending.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = String(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let content = line.trimmingSpaces
            if content.isEmpty { continue }
            if content.hasPrefix("#") {
                if title == nil, members.isEmpty {
                    title = String(content.dropFirst()).trimmingSpaces
                }
                continue
            }
            var entry = content
            let characters = Array(entry)
            if let hash = characters.indices.first(where: { $0 > 0 && characters[$0] == "#" && (characters[$0 - 1] == " " || characters[$0 - 1] == "\t") }) {
                entry = String(characters[..<hash]).trimmingSpaces
            }
            let column = 1 + line.prefix { $0 == " " || $0 == "\t" }.count
            members.append(Member(text: entry, name: entry, laNumber: nil, location: SourceLocation(file: file, line: lineNumber, column: column)))
        }
        if members.isEmpty {
            diagnostics.error("this comparator group names no authority: write one a line, by name or LA number", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return (ComparatorGroup(title: title, file: file, members: members), diagnostics)
    }

    /// The group with each authority matched to a name and LA number among `authorities` (LAIT's file's, or
    /// `LocalAuthorities.lait`): an unknown name or number is an error at its line with the nearest name; an
    /// authority named twice is a warning.
    public func resolved(against authorities: [(number: Int, name: String)]) -> (ComparatorGroup, Diagnostics) {
        var diagnostics = Diagnostics()
        var byNumber: [Int: String] = [:]
        var byName: [String: (Int, String)] = [:]
        for authority in authorities {
            if byNumber[authority.number] == nil { byNumber[authority.number] = authority.name }
            if byName[authority.name.lowercased()] == nil { byName[authority.name.lowercased()] = (authority.number, authority.name) }
        }
        var resolved: [Member] = []
        var seen: [Int: SourceLocation] = [:]
        for member in members {
            var match: (Int, String)?
            if let number = Int(member.text) {
                match = byNumber[number].map { (number, $0) }
                if match == nil {
                    diagnostics.error("there is no local authority numbered \(number) in LAIT's list", at: member.location)
                    continue
                }
            } else {
                match = byName[member.text.lowercased()]
                if match == nil {
                    let nearest = Self.nearest(member.text, among: authorities.map(\.name)).map { "; the nearest is '\($0)'" } ?? ""
                    diagnostics.error("there is no local authority '\(member.text)' as LAIT's file names them\(nearest)", at: member.location)
                    continue
                }
            }
            guard let (number, name) = match else { continue }
            if let first = seen[number] {
                diagnostics.warning("\(name) is in the group already (line \(first.line)); it is counted once", at: member.location)
                continue
            }
            seen[number] = member.location
            resolved.append(Member(text: member.text, name: name, laNumber: number, location: member.location))
        }
        return (ComparatorGroup(title: title, file: file, members: resolved), diagnostics)
    }

    /// The candidate closest to a word by edit distance (case aside), however far.
    static func nearest(_ word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        return candidates.min { (editDistance(lowered, $0.lowercased()), $0) < (editDistance(lowered, $1.lowercased()), $1) }
    }
}
