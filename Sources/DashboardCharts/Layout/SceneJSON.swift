import Foundation

extension Scene {
    /// The laid-out scene as JSON, in pixels of the PNG drawn at `scale`: the image's size, the plot area and
    /// every text's box (from the ascent of capitals to the descent of "g", as wide as the font measures it),
    /// so the layout can be checked from outside:
    ///
    ///     {"width": W, "height": H, "plot": {"x": …, "y": …, "w": …, "h": …},
    ///      "texts": [{"text": "Target 97%", "role": "referenceLabel", "size": 12, "x": …, "y": …, "w": …, "h": …}, …]}
    ///
    /// `size` is the text's size in CSS pixels (1/96 inch; 12 px is 9 pt on paper).
    public func layoutJSON(scale: Double) -> String {
        func number(_ value: Double) -> String {
            let rounded = (value * 100).rounded() / 100
            if rounded == rounded.rounded() { return String(Int(rounded)) }
            return String(format: "%.2f", rounded)
        }
        func box(_ b: Box) -> String {
            "\"x\": \(number(b.x * scale)), \"y\": \(number(b.y * scale)), \"w\": \(number(b.width * scale)), \"h\": \(number(b.height * scale))"
        }
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"width\": \(Int((width * scale).rounded())),")
        lines.append("  \"height\": \(Int((height * scale).rounded())),")
        lines.append("  \"plot\": " + (plot.map { "{" + box($0) + "}" } ?? "null") + ",")
        let texts = items.compactMap { item -> String? in
            guard case .text(let t) = item.primitive, !t.string.isEmpty else { return nil }
            return "    {\"text\": \(JSONText.quote(t.string)), \"role\": \"\(item.role.name)\", \"size\": \(number(t.size)), " + box(t.bounds) + "}"
        }
        lines.append("  \"texts\": [" + (texts.isEmpty ? "]" : "\n" + texts.joined(separator: ",\n") + "\n  ]"))
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Scene.Role {
    /// The role's name without its associated values ("referenceLabel").
    var name: String {
        let full = String(describing: self)
        return String(full.prefix { $0 != "(" })
    }
}

enum JSONText {
    static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
