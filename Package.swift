// swift-tools-version: 6.0
//
// Foyer — energy-bill and dwelling thermal simulation engine.
//
// Dependency direction (each line depends only on those above it):
//   FoyerCore (input issues, "did you mean", unit conversions)
//   CLapack (system library: LAPACKE + OpenBLAS from Debian)
//   FoyerNumerics (dense matrices, LU factorise-once/solve-many, least squares)
//   FoyerClimate (EPW reader, embedded reference years, solar geometry and irradiance)
//   FoyerModel (dwelling JSON schema: spec → resolve → resolved dwelling; archetypes)
//   FoyerEnergy (energy carriers, purchase units, primary-energy and CO₂ factors, calendar)
//   FoyerThermal (thermal network solved with LAPACK; EN ISO 52016-1 and ISO 13790 5R1C builders)
//   FoyerTariffs (tariff files and their checks) → FoyerBills (bills, load curves, comparison)
//   FoyerSystems (heating, hot water, other uses: heat need → delivered energy per fuel)
//   FoyerInvoices (the household's bills: read, checked, degree-day analysis)
//   FoyerCalibration (household use fitted to the bills on prepared weather)
//   Foyer (umbrella library: re-exports the domains and holds the pipeline the CLI uses)
//   foyer (the command-line tool: commands only)
//
// The benchmarks live in their own package in Benchmarks/ so that a normal build or test does
// not compile the benchmark harness (see Docs/Decisions/0002-benchmarks-package.md).
import PackageDescription

let package = Package(
    name: "Foyer",
    platforms: [.macOS(.v13)],
    products: [
        // MARK: Public API
        .library(name: "Foyer", targets: ["Foyer"]),
        .executable(name: "foyer", targets: ["foyer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Load-curve CSV files (smart-meter exports).
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // Property-based tests of the readers (the hostile-input corpus, tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: Domains
        .target(name: "FoyerCore"),
        .target(name: "FoyerNumerics", dependencies: ["CLapack"]),
        .target(name: "FoyerClimate", dependencies: ["FoyerCore", "FoyerNumerics"]),
        .target(name: "FoyerModel", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerClimate", "FoyerArchetypeFiles"]),
        .target(name: "FoyerThermal", dependencies: ["FoyerCore", "FoyerNumerics", "FoyerClimate", "FoyerModel"]),
        // Energy carriers, units, primary-energy and CO₂ factors (issue 4's foundation).
        .target(name: "FoyerEnergy", dependencies: ["FoyerCore"]),
        // Tariff files: format, checks, the shipped offers, day colours.
        .target(name: "FoyerTariffs", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerTariffFiles"]),
        // Bills from load curves (simulated or metered CSV), offer comparison.
        .target(name: "FoyerBills", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerTariffs", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Heating, hot-water and other-use systems: from heat need to delivered energy per fuel.
        // The household's own invoices: read, checked, analysed (issue 12).
        .target(name: "FoyerInvoices", dependencies: ["FoyerCore", "FoyerNumerics", "FoyerClimate", "FoyerEnergy", "FoyerModel", "FoyerTariffs", "FoyerBills", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .target(name: "FoyerSystems", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerClimate"]),
        // A dwelling calibrated to its household's bills: household-use parameters fitted by
        // bounded least squares on prepared weather (issue 12).
        .target(name: "FoyerCalibration", dependencies: ["FoyerCore", "FoyerNumerics", "FoyerClimate", "FoyerModel", "FoyerThermal", "FoyerEnergy", "FoyerSystems", "FoyerInvoices"]),
        // A simulated year turned into what a household sees: the simulation report, delivered
        // energy, bills, offers and mismatches, heat losses, the inputs' loading.
        .target(name: "FoyerAnalysis", dependencies: ["FoyerCore", "FoyerClimate", "FoyerModel", "FoyerThermal", "FoyerEnergy", "FoyerTariffs", "FoyerBills", "FoyerSystems"]),
        // Eco-gestures and works: the catalogue (Buildings/measures), their application to a
        // dwelling and the savings of each, cumulated, on one prepared weather year (issue 14).
        .target(name: "FoyerMeasures", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerThermal", "FoyerSystems", "FoyerTariffs", "FoyerAnalysis", "FoyerLabel", "FoyerArchetypeFiles"]),
        // The energy label (DPE classes, factors, rental rules), estimated from the analysis.
        .target(name: "FoyerLabel", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerClimate", "FoyerThermal", "FoyerTariffs", "FoyerAnalysis", "FoyerDPEImport"]),
        // An official DPE (ADEME XML) read and turned into a Foyer dwelling.
        .target(name: "FoyerDPEImport", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerSystems"]),
        // Batch: JSON Lines of jobs on every core, resumable (issue 16).
        .target(name: "FoyerBatch", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerClimate", "FoyerThermal", "FoyerTariffs", "FoyerAnalysis", "FoyerLabel", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // The household's dossier across visits: format, checks, edits, anonymisation (issue 17).
        .target(name: "FoyerDossier", dependencies: ["FoyerCore", "FoyerEnergy", "FoyerModel", "FoyerInvoices"]),
        // A dossier simulated: indicators before and after each measure; the reports (issue 17).
        .target(name: "FoyerReports", dependencies: ["FoyerCore", "FoyerClimate", "FoyerModel", "FoyerThermal", "FoyerTariffs", "FoyerInvoices", "FoyerAnalysis", "FoyerMeasures", "FoyerDossier", "FoyerCalibration", "FoyerLabel"]),
        // The umbrella: re-exports the domain targets, no logic of its own.
        .target(name: "Foyer", dependencies: ["FoyerCore", "FoyerNumerics", "FoyerClimate", "FoyerModel", "FoyerThermal", "FoyerEnergy", "FoyerTariffs", "FoyerBills", "FoyerSystems", "FoyerInvoices", "FoyerCalibration", "FoyerAnalysis", "FoyerMeasures", "FoyerLabel", "FoyerDPEImport", "FoyerBatch", "FoyerDossier", "FoyerReports"]),
        .executableTarget(
            name: "foyer",
            dependencies: ["Foyer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: Implementation details
        // The archetype JSON files of Buildings/, shipped as resources.
        .target(
            name: "FoyerArchetypeFiles",
            path: "Buildings",
            exclude: ["README.md"],
            resources: [.copy("fr"), .copy("be"), .copy("validation"), .copy("examples"), .copy("measures")]
        ),
        // The tariff JSON files of Tariffs/, shipped as resources.
        .target(
            name: "FoyerTariffFiles",
            path: "Tariffs",
            exclude: ["README.md"],
            resources: [.copy("fr"), .copy("be")]
        ),
        .systemLibrary(
            name: "CLapack",
            pkgConfig: "lapacke",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),

        // MARK: Tests
        .testTarget(name: "FoyerNumericsTests", dependencies: ["FoyerNumerics"]),
        .testTarget(name: "FoyerClimateTests", dependencies: ["FoyerClimate", "FoyerCore"], exclude: ["Fixtures"]),
        .testTarget(name: "FoyerModelTests", dependencies: ["FoyerModel", "Foyer"]),
        .testTarget(name: "FoyerThermalTests", dependencies: ["FoyerThermal"]),
        .testTarget(name: "FoyerEnergyTests", dependencies: ["FoyerEnergy"]),
        .testTarget(name: "FoyerBillsTests", dependencies: ["FoyerBills", "FoyerTariffs", "FoyerTariffFiles", "FoyerEnergy", "FoyerModel"]),
        .testTarget(name: "FoyerInvoicesTests", dependencies: ["FoyerInvoices", "FoyerEnergy", "FoyerClimate", "FoyerTariffs", "FoyerBills", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "FoyerCalibrationTests", dependencies: ["FoyerCalibration", "Foyer"]),
        .testTarget(name: "FoyerSystemsTests", dependencies: ["FoyerSystems", "Foyer"]),
        .testTarget(name: "FoyerMeasuresTests", dependencies: ["FoyerMeasures", "Foyer"]),
        .testTarget(name: "FoyerReportsTests", dependencies: ["FoyerReports", "Foyer"]),
        .testTarget(name: "FoyerDossierTests", dependencies: ["FoyerDossier", "FoyerCore", "FoyerModel", "FoyerEnergy", "FoyerInvoices", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "FoyerBatchTests", dependencies: ["FoyerBatch", "FoyerCore", "FoyerModel", "FoyerEnergy", "FoyerTariffs", "FoyerAnalysis"]),
        .testTarget(name: "FoyerDPEImportTests", dependencies: ["FoyerDPEImport", "FoyerCore", "FoyerModel", "FoyerEnergy"]),
        .testTarget(name: "FoyerLabelTests", dependencies: ["FoyerLabel", "FoyerEnergy", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Validation against published references (ASHRAE 140, real weather years): its own
        // target so that the unit tests stay fast.
        .testTarget(name: "FoyerValidationTests", dependencies: ["Foyer", "FoyerAnalysis"], exclude: ["Data"]),
        .testTarget(name: "FoyerCLITests", dependencies: ["foyer", "Foyer", "FoyerEnergy"]),
        // The hostile-input corpus: every field of every shipped file and every reader's column
        // given values a careless or hostile user could type (issue 10).
        .testTarget(name: "FoyerHostileInputTests", dependencies: ["Foyer", "FoyerModel", "FoyerTariffFiles", "FoyerArchetypeFiles", .product(name: "PropertyBased", package: "swift-property-based")]),
    ]
)
