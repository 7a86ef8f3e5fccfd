// swift-tools-version:6.0
import PackageDescription

// The chart renderer and the analysis are compiled optimised in debug builds too: the test suite builds the
// example site dozens of times, and unoptimised rasterising made most of its time. Behaviour is the same
// (Swift's -O keeps IEEE arithmetic and overflow checks). To step through them in a debugger, drop
// `swiftSettings: optimisedInDebug` from their targets for the while.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "dashboards",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dashboards", targets: ["dashboards"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
    ],
    targets: [
        // Confidence intervals (Wilson, Byar's, Newcombe) and comparisons, as PHEindicatormethods and Fingertips make them.
        // Pure Swift arithmetic: no C, no I/O, no dependencies; the core depends on it, never the reverse.
        .target(name: "DashboardStatistics", swiftSettings: optimisedInDebug),
        // Model, periods, value and CSV parsing, trend maths, validation. Pure Swift: no C, no I/O beyond what callers pass in.
        .target(name: "DashboardCore", dependencies: ["DashboardStatistics"], swiftSettings: optimisedInDebug),
        // Reads Office Open XML workbooks (.xlsx) into grids of cells, with bounded memory and time.
        .target(
            name: "DashboardWorkbook",
            dependencies: [
                "DashboardCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]),
        // Reads an input folder (dashboard.yml through Yams, CSV and .xlsx files) into the core model, collecting diagnostics.
        .target(
            name: "DashboardInput",
            dependencies: [
                "DashboardCore", "DashboardWorkbook",
                .product(name: "Yams", package: "Yams"),
            ]),
        // libgd, found through pkg-config; libpng comes with it.
        .systemLibrary(name: "CGD", pkgConfig: "gdlib", providers: [.apt(["libgd-dev"])]),
        // Lays charts out as scenes of primitives, then rasterises them with libgd.
        .target(name: "DashboardCharts", dependencies: ["DashboardCore", "CGD"], swiftSettings: optimisedInDebug),
        // Pages, downloads (CSV, .xlsx), assets, staging and atomic, incremental writes.
        .target(
            name: "DashboardSite",
            dependencies: [
                "DashboardCore", "DashboardInput", "DashboardCharts",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // The committee report: the site's page values and charts as an editable Word (Office Open XML) document.
        .target(
            name: "DashboardReport",
            dependencies: [
                "DashboardCore", "DashboardCharts", "DashboardSite",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // `dashboards serve`: builds, serves the site over HTTP on loopback, watches the input and builds again.
        .target(
            name: "DashboardServe",
            dependencies: [
                "DashboardSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "dashboards",
            dependencies: [
                "DashboardCore", "DashboardInput", "DashboardSite", "DashboardReport", "DashboardServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // What the test targets share: scratch folders, file helpers, running the built program, a seeded generator.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The example is read through DashboardInput, as the program reads it.
        .testTarget(name: "DashboardCoreTests", dependencies: ["DashboardCore", "DashboardInput", "TestSupport"]),
        .testTarget(name: "DashboardChartsTests", dependencies: ["DashboardCharts"]),
        .testTarget(name: "DashboardStatisticsTests", dependencies: ["DashboardStatistics"]),
        // Fixtures/ holds the workbooks, read from their paths at test time.
        .testTarget(name: "DashboardInputTests", dependencies: ["DashboardInput", "DashboardWorkbook"], exclude: ["Fixtures"]),
        // Corpus/ holds the bad-input fixtures and Golden/ the reviewed pages, read from their paths at test time.
        .testTarget(
            name: "DashboardSiteTests",
            dependencies: ["DashboardSite", "dashboards", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Corpus", "Golden"]),
        .testTarget(name: "DashboardServeTests", dependencies: ["DashboardServe", "TestSupport"]),
        .testTarget(
            name: "DashboardReportTests",
            dependencies: [
                "DashboardReport", "dashboards", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ]
)
