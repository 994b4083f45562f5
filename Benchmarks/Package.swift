// swift-tools-version: 6.0
// The benchmark is its own package, depending on PartnerGraph by path (as swift-collections'
// Benchmarks/Package.swift), so that `swift build` of the product builds only the product.
//
//   swift build -c release --package-path Benchmarks
//   swift run -c release --package-path Benchmarks PartnerGraphBenchmark list
//
// Benchmarks/run.py builds and drives it.
import PackageDescription

let package = Package(
    name: "PartnerGraphBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "PartnerGraph", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "PartnerGraphBenchmark",
            dependencies: [
                .product(name: "PartnerGraph", package: "PartnerGraph"),
                .product(name: "PartnerGraphAlgorithms", package: "PartnerGraph"),
                .product(name: "PartnerGraphFormats", package: "PartnerGraph"),
                .product(name: "GraphvizRendering", package: "PartnerGraph"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
