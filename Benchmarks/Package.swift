// swift-tools-version: 6.1
//
// Foyer's benchmarks, kept in their own package so that a normal `swift build` or `swift test`
// of Foyer does not compile the benchmark harness (Docs/Decisions/0002-benchmarks-package.md).
// Run from the repository root with `make benchmark`, or here with `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "FoyerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Foyer", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FoyerBenchmarks",
            dependencies: [
                .product(name: "Foyer", package: "Foyer"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "FoyerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
