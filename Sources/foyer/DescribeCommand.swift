import ArgumentParser
import Foundation
import Foyer

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a dwelling as Foyer understands it, with its heat losses.",
        discussion: """
        Reads a dwelling file (or a bundled archetype id), applies the defaults, and prints its \
        geometry, each envelope element with its area and U-value, the air change, and the \
        steady-state heat transfer coefficients (EN ISO 13789): transmission per element family, \
        thermal bridges and ventilation, in W/K — the watts lost per kelvin of indoor–outdoor \
        difference — with the heating power needed at the climate's design temperature.

        Examples:
          foyer describe fr/sfh-1949-1974
          foyer describe my-house.json --show-defaults
          foyer describe my-house.json --format json
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "List the default values that were filled in, with their sources.")
    var showDefaults = false

    @OptionGroup var useOption: UseOption

    func run() throws {
        let loaded = Inputs.loadDwelling(dwelling, use: useOption.use)
        for warning in loaded.issues.warnings { printError(warning.description) }
        guard let resolved = loaded.dwelling else {
            for error in loaded.issues.errors { printError(error.description) }
            throw ExitCode.inputErrors
        }
        var weather: WeatherYear?
        if resolved.location.weather != .unspecified {
            do throws(InputError) {
                let loadedWeather = try Inputs.weather(for: resolved.location)
                for warning in loadedWeather.warnings { printError(warning.description) }
                weather = loadedWeather.year
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode.inputErrors
            }
        }
        let description = DwellingDescription(resolved, defaults: loaded.defaults, weather: weather)
        switch format {
        case .json:
            print(try encodeJSON(description))
        case .text:
            print(description.text(showDefaults: showDefaults))
        }
    }
}
