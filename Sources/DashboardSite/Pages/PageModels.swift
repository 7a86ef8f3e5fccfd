import DashboardCore

// Plain values handed to the Mustache templates in assets/templates. Templates print them with {{ }}, which
// escapes HTML, so no text from the data can become markup. Field names are the templates' vocabulary:
// rename one here and the templates must follow. An optional field's name is not reused at an enclosing
// level, because Mustache looks a nil name up in the enclosing values (a section without a summary would
// otherwise show the dashboard's).

/// What every page shares: its title, where the site's root is relative to it, and the dashboard chrome.
struct PageChrome: Encodable {
    var pageTitle: String
    /// "../" repeated to reach the site root from this page ("" at the root).
    var root: String
    var organisation: String?
    /// CSS custom properties for the header: the dashboard's brand colour and a text colour readable on it.
    var brandStyle: String?
    var breadcrumbs: [Link]
    var hasBreadcrumbs: Bool
    var generator: String
    /// What a printed page says at its foot, beside its page number: whose and which page (as a CSS string).
    var printFooter: String

    init(pageTitle: String, root: String, organisation: String?, brandStyle: String?, breadcrumbs: [Link], generator: String) {
        self.pageTitle = pageTitle
        self.root = root
        self.organisation = organisation
        self.brandStyle = brandStyle
        self.breadcrumbs = breadcrumbs
        self.hasBreadcrumbs = !breadcrumbs.isEmpty
        self.generator = generator
        self.printFooter = PageChrome.footer(organisation, pageTitle)
    }

    mutating func retitle(_ title: String) {
        pageTitle = title
        printFooter = PageChrome.footer(organisation, title)
    }

    static func footer(_ organisation: String?, _ title: String) -> String {
        Markup.cssString([organisation, title].compactMap { $0 }.joined(separator: ": "))
    }
}

struct Link: Encodable {
    var text: String
    var url: String
    var current: Bool = false
}

struct IndexPage: Encodable {
    var page: PageChrome
    var dashboards: [DashboardCard]
    var hasDashboards: Bool
}

struct DashboardCard: Codable, Equatable {
    var id: String
    var title: String
    var organisation: String
    var asOf: String
    var url: String
    var overview: String
    var measures: Int
    /// The dashboard's brand colours (as `PageChrome.brandStyle`) for its card's top border on the site's index.
    var cardStyle: String? = nil
}

struct Tile: Encodable {
    var count: Int
    var label: String
    var style: String
}

/// A small image that repeats words printed beside it (so its alt text is empty).
struct IconImage: Encodable {
    var file: String
    var file2x: String
    var side: Int
    var words: String
}

struct Image: Encodable {
    var src: String
    /// Widths the browser chooses from ("a.png 640w, a@2x.png 1280w"), for the space `sizes` gives the image.
    var srcset: String
    var sizes: String
    /// Other layouts of the same chart for narrower screens (a `<picture>`'s `<source>`s), narrowest first.
    var sources: [PictureSource] = []
    /// The image a printed page uses instead of `src` (set through the stylesheet, so screens never fetch it).
    var printSrc: String
    var alt: String
    var width: Int
    var height: Int
}

/// One layout of a chart for screens up to a width: `<source media="(max-width: 30em)" srcset=… sizes=…>`.
struct PictureSource: Encodable {
    var media: String
    var srcset: String
    var sizes: String
    var width: Int
    var height: Int
}
