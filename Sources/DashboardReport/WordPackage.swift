import DashboardSite
import Foundation
import ZIPFoundation

/// The Word document's zip: the same package the site's workbooks are written with.
typealias WordPackage = OfficePackage

public enum WordReportError: Error, CustomStringConvertible {
    case zip(String)

    public var description: String {
        switch self {
        case .zip(let message): return message
        }
    }
}

/// Text and attribute values for XML, escaped by the site's one escaper (`Markup`), so no text from the data can
/// break the document.
enum XML {
    static func text(_ value: String) -> String {
        Markup.escape(value, for: .xmlText)
    }

    static func attribute(_ value: String) -> String {
        Markup.escape(value, for: .xmlAttribute)
    }
}
