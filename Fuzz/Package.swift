// swift-tools-version: 6.0
//
// Fuzz targets for Foyer's readers (issue 10), kept in their own package so that a normal
// `swift build` or `swift test` of Foyer does not build them: each target is linked with
// libFuzzer (`-sanitize=fuzzer,address`) and has no `main` of its own. Run from the
// repository root with `make fuzz` (see Fuzz/README.md).
import PackageDescription

let foyer: Target.Dependency = .product(name: "Foyer", package: "Foyer")
let support: Target.Dependency = "FuzzSupport"

let package = Package(
    name: "FoyerFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Foyer", path: "..")],
    targets: [
        // libFuzzer's driver, called from each target's entry point.
        .target(name: "FuzzSupport"),
        // JSON parser, archetype merge, collecting decoder and resolver of dwelling files.
        .executableTarget(name: "FuzzDwelling", dependencies: [foyer, support]),
        // Tariff files: parser, decoder and every tariff check.
        .executableTarget(name: "FuzzTariff", dependencies: [foyer, support]),
        // Load-curve CSV reader (smart-meter exports), then a bill of what it accepts.
        .executableTarget(name: "FuzzLoadCurve", dependencies: [foyer, support]),
        // EPW weather reader.
        .executableTarget(name: "FuzzEPW", dependencies: [foyer, support]),
    ]
)
