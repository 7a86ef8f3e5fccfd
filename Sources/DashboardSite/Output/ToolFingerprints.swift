import DashboardCharts
import Foundation

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Fonts change chart pixels, so their bytes (or, for fontconfig patterns, their names) are part of every chart's key.
enum FontFingerprint {
    static func of(_ fonts: ChartFonts) -> String {
        var hash = ContentHash()
        for name in [fonts.regular, fonts.bold] {
            hash.combine(name)
            if !fonts.usesFontConfig, let data = FileManager.default.contents(atPath: name) { hash.combine(data) }
        }
        return hash.hex
    }
}

/// The running program's own bytes, so a rebuilt `dashboards` (a changed renderer or page code) never reuses
/// output made by an earlier build of itself, even when no version number was changed.
enum ToolIdentity {
    static let fingerprint: String = {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (Bundle.main.executablePath ?? "")
        guard let data = FileManager.default.contents(atPath: path) else { return "unknown" }
        return ContentHash.of(data)
    }()
}
