import ArgumentParser
import Foundation
import Foyer

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dwelling files and report every problem of each file.",
        discussion: """
        Each file is read, merged over its archetype ("base"), and checked. Every error and warning \
        is printed with the file, the field path, the value and what is allowed, for example:

          house.json: error: envelope.walls[2].u_value_w_per_m2k = 0: a U-value must be greater than zero (allowed: > 0 W/(m²·K))

        Errors make the file unusable (a negative area, U ≤ 0, a window larger than its wall); \
        warnings flag unusual values. The exit code is 1 if any file has an error.

        Examples:
          foyer validate my-house.json
          foyer validate Buildings/fr/*.json --show-defaults
          foyer validate fr/sfh-1949-1974          (a bundled archetype, by id)
        """
    )

    @Argument(help: ArgumentHelp("Dwelling JSON files, or bundled archetype ids.", valueName: "file"))
    var files: [String]

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Also list the default values that were filled in, with their sources.")
    var showDefaults = false

    @Option(name: .customLong("tariffs-dir"), help: ArgumentHelp("A folder of extra tariff files, for the offers the contracts name.", valueName: "folder"))
    var tariffDirectories: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one dwelling file (or an archetype id such as fr/sfh-1949-1974)") }
    }

    struct FileReport: Encodable {
        var file: String
        var valid: Bool
        var errors: [InputIssue]
        var warnings: [InputIssue]
        var defaults: [DefaultedValue]?
    }

    func run() throws {
        var reports: [FileReport] = []
        // The contracts name offers: they are checked against the tariff library.
        let library: TariffLibrary
        do throws(InputError) {
            library = try EnergyPipeline.tariffs(extraDirectories: tariffDirectories)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        for file in files {
            // Both scenarios are checked: the conventional one, and the household's when the
            // file describes it (its values are range-checked only once merged).
            let loaded = Inputs.loadDwelling(file, use: .conventional)
            var issues = loaded.issues
            if loaded.spec?.householdUse != nil {
                let household = Inputs.loadDwelling(file, use: .household)
                let known = Set(issues.map(\.description))
                issues += household.issues.filter { !known.contains($0.description) }
                issues.sort(by: InputIssue.reportOrder)
            }
            // A weather file is read now: its errors are the dwelling's.
            if let dwelling = loaded.dwelling, case .epwFile = dwelling.location.weather {
                do throws(InputError) {
                    issues += try Inputs.weather(for: dwelling.location).warnings
                } catch {
                    issues += error.issues
                }
            }
            if let spec = loaded.spec, let supply = spec.energySupply {
                let country = loaded.dwelling?.location.country ?? spec.location?.country
                issues += library.contractIssues(supply, country: country).map { $0.inFile(file) }
                issues.sort(by: InputIssue.reportOrder)
            }
            reports.append(FileReport(
                file: file, valid: !issues.hasErrors, errors: issues.errors, warnings: issues.warnings,
                defaults: showDefaults ? loaded.defaults : nil))
        }
        switch format {
        case .json:
            print(try encodeJSON(reports))
        case .text:
            for report in reports {
                for issue in report.errors + report.warnings { print(issue.description) }
                let counts = "\(report.errors.count) error\(report.errors.count == 1 ? "" : "s"), \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
                print("\(report.file): \(report.valid ? "valid" : "INVALID") (\(counts))")
                if let defaults = report.defaults, !defaults.isEmpty {
                    print("  defaults applied:")
                    for value in defaults { print("    \(value)") }
                }
            }
            if reports.count > 1 {
                let invalid = reports.filter { !$0.valid }.count
                print("\(reports.count - invalid) valid, \(invalid) invalid")
            }
        }
        if reports.contains(where: { !$0.valid }) { throw ExitCode.inputErrors }
    }
}
