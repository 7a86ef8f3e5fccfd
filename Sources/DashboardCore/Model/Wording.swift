/// Words used in more than one place (pages, alt text, the overview, the Word report), kept in one home so
/// every place says a thing the same way.
public enum Wording {
    /// "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// A national quartile by its ordinal, 1 the top: "top", "second", "third", "fourth".
    public static func quartileOrdinal(_ quartile: Int) -> String {
        ["top", "second", "third", "fourth"][min(max(quartile, 1), 4) - 1]
    }

    /// "top quartile", "second quartile" …
    public static func quartile(_ quartile: Int) -> String { quartileOrdinal(quartile) + " quartile" }

    /// "1 measure", "3 measures".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
