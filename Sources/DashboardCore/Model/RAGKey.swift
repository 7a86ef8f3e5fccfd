/// One status of a RAG key: its name as the paper prints it ("Blue", "Red/Amber", "NA"), what it means, its
/// colour (always shown with its name, never alone) and how it is decided.
public struct RAGStatus: Sendable, Hashable {
    /// How a status is given to a figure.
    public enum Decision: Sendable, Hashable {
        /// It stands for this outcome of the indicator's rule (against the target, or the quartile key).
        case rule(RAG)
        /// Better than the target by at least this much (checked before the rule's green).
        case exceedsTarget(Margin)
        /// Only where a paper states it (`reported:`), never worked out.
        case reported
    }

    /// For class names and matching: lower-case letters, digits and hyphens ("red-amber").
    public var id: String
    public var name: String
    /// "exceeding target", "not applicable".
    public var meaning: String?
    /// The badge's fill, `#rrggbb`; nil: the site's own colour for the outcome it stands for, else a neutral grey.
    public var colour: String?
    /// The badge's text colour as the key sets it (`text_colour:`); see `writtenIn` for the one used.
    public var textColour: String?
    public var decision: Decision

    public init(id: String, name: String, meaning: String? = nil, colour: String? = nil, textColour: String? = nil, decision: Decision) {
        self.id = id
        self.name = name
        self.meaning = meaning
        self.colour = colour
        self.textColour = textColour
        self.decision = decision
    }

    /// The colour its name is written in on its fill: the key's own, else black or white, whichever contrasts
    /// more; nil without a fill of its own.
    public var writtenIn: String? {
        colour.map { textColour ?? Contrast.text(on: $0) }
    }

    /// The outcome this status counts as in the overview's tally; nil for one only reported.
    public var outcome: RAG? {
        switch decision {
        case .rule(let rag): return rag
        case .exceedsTarget: return .green
        case .reported: return nil
        }
    }

    public static let red = RAGStatus(id: "red", name: "Red", decision: .rule(.red))
    public static let amber = RAGStatus(id: "amber", name: "Amber", decision: .rule(.amber))
    public static let green = RAGStatus(id: "green", name: "Green", decision: .rule(.green))

    public static func standard(_ rag: RAG) -> RAGStatus {
        switch rag {
        case .red: return .red
        case .amber: return .amber
        case .green: return .green
        }
    }
}

/// A dashboard's RAG key (`rag_key:`): its statuses in the order the key lists them.
public struct RAGKey: Sendable, Equatable {
    public var statuses: [RAGStatus]
    /// Whether dashboard.yml defined it; the standard key (Green, Amber, Red) otherwise.
    public var isDeclared: Bool

    public init(statuses: [RAGStatus], isDeclared: Bool = true) {
        self.statuses = statuses
        self.isDeclared = isDeclared
    }

    public static let standard = RAGKey(statuses: [.green, .amber, .red], isDeclared: false)

    /// The status a paper's word names: its name or id, any case, or its first letter where that is unique
    /// (`G`, `R/A` for Red/Amber).
    public func status(named text: String) -> RAGStatus? {
        let wanted = RAGKey.normalised(text)
        guard !wanted.isEmpty else { return nil }
        if let exact = statuses.first(where: { RAGKey.normalised($0.name) == wanted || $0.id == wanted }) { return exact }
        let initials = statuses.filter { RAGKey.initials($0.name) == wanted }
        return initials.count == 1 ? initials[0] : nil
    }

    /// The key's status for an outcome of the rules: the one that stands for it (the first listed, if several).
    public func status(for rag: RAG) -> RAGStatus? {
        statuses.first { $0.decision == .rule(rag) }
    }

    /// A status better than green, where the key has one and the figure beats its target by the status's margin.
    public func exceeding(value: Double, target: Double, polarity: Polarity) -> RAGStatus? {
        for status in statuses {
            guard case .exceedsTarget(let margin) = status.decision else { continue }
            guard let beatBy = polarity.advantage(of: value, over: target) else { return nil }
            if beatBy + 1e-9 * max(1, abs(target)) >= margin.amount(relativeTo: target) { return status }
        }
        return nil
    }

    public var names: [String] { statuses.map(\.name) }

    static func normalised(_ text: String) -> String {
        text.trimmingSpaces.lowercased().filter { !$0.isWhitespace }
    }

    static func initials(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " })
            .compactMap { $0.first.map(String.init) }.joined(separator: name.contains("/") ? "/" : "")
    }
}

/// Colour contrast as WCAG 2 measures it.
public enum Contrast {
    /// `#rrggbb` → relative luminance; nil if the text is not such a colour.
    public static func luminance(_ hex: String) -> Double? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xff) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    public static func ratio(_ a: String, _ b: String) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// A colour as `#rrggbb` in lower case, or nil where the text is not one.
    public static func hexColour(_ text: String) -> String? {
        let colour = text.trimmingSpaces
        guard colour.count == 7, colour.hasPrefix("#"), colour.dropFirst().allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        return colour.lowercased()
    }

    /// Black or white text, whichever contrasts more with the fill.
    public static func text(on fill: String) -> String {
        (ratio(fill, "#000000") ?? 0) >= (ratio(fill, "#ffffff") ?? 0) ? "#000000" : "#ffffff"
    }

    /// `a` to the power 2.4 (sRGB's gamma) for 0 < a ≤ 1, without a maths library in the core: a² times the fifth
    /// root of a², by Newton's method.
    static func pow(_ a: Double, _ exponent: Double) -> Double {
        precondition(exponent == 2.4)
        let square = a * a
        var root = 1.0
        for _ in 0..<60 {
            let r4 = root * root * root * root
            root -= (r4 * root - square) / (5 * r4)
        }
        return square * root
    }
}
