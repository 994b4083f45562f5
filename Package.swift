// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PartnerGraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PartnerGraph", targets: ["PartnerGraph"]),
        .library(name: "PartnerGraphAlgorithms", targets: ["PartnerGraphAlgorithms"]),
        .library(name: "PartnerGraphFormats", targets: ["PartnerGraphFormats"]),
        .library(name: "GraphvizRendering", targets: ["GraphvizRendering"]),
        .executable(name: "partnergraph", targets: ["PartnerGraphCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "PartnerGraph"),
        // The algorithms' internal kernel layer (heaps, gathers, work on the cores, scratch memory).
        // Not a product, so only this package's targets can import it. Its declarations are
        // `public`, not `package`: Swift 6.3 does not inline `@inlinable package` methods into
        // another module (free functions it does), and the heap and scratch accessors must inline.
        .target(name: "PartnerGraphKernels"),
        .target(name: "PartnerGraphAlgorithms", dependencies: ["PartnerGraph", "PartnerGraphKernels"]),
        .target(
            name: "PartnerGraphFormats",
            dependencies: ["PartnerGraph", .product(name: "Yams", package: "Yams"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "GraphvizRendering", dependencies: ["PartnerGraph", "PartnerGraphFormats", "CGraphviz"]),
        .executableTarget(
            name: "PartnerGraphCLI",
            dependencies: [
                "PartnerGraph", "PartnerGraphAlgorithms", "PartnerGraphFormats", "GraphvizRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.embedInCode("Report/report-core.js"), .embedInCode("Report/report.js"), .embedInCode("Report/report.css")]
        ),
        .executableTarget(
            name: "NordicFounders",
            dependencies: ["PartnerGraph", "PartnerGraphFormats"],
            path: "Examples/NordicFounders"
        ),
        .executableTarget(
            name: "PartnerGraphFuzz",
            dependencies: ["PartnerGraph", "PartnerGraphFormats", "GraphvizRendering"],
            path: "Fuzz/PartnerGraphFuzz"
        ),
        .target(name: "PartnerGraphTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PartnerGraphTests", dependencies: ["PartnerGraph", "PartnerGraphFormats"]),
        .testTarget(
            name: "PartnerGraphFormatsTests",
            dependencies: ["PartnerGraph", "PartnerGraphFormats", "PartnerGraphTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PartnerGraphAlgorithmsTests",
            dependencies: ["PartnerGraph", "PartnerGraphAlgorithms", "PartnerGraphFormats",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GraphvizRenderingTests",
            dependencies: ["PartnerGraph", "PartnerGraphFormats", "GraphvizRendering", "PartnerGraphTestSupport"]
        ),
        .testTarget(
            name: "PartnerGraphCLITests",
            dependencies: ["PartnerGraphCLI", "NordicFounders", "PartnerGraphFuzz", "PartnerGraphTestSupport"],
            resources: [.copy("Resources")]
        ),
    ]
)
