import ArgumentParser
import Foundation
import Foyer

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a dwelling hour by hour: heating and cooling needs, peaks, comfort, heat balance.",
        discussion: """
        Examples:
          foyer simulate fr/sfh-1949-1974
          foyer simulate validation/ashrae140-600 --weather USA_CO_Denver-725650_TMY3.epw --ideal-loads
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String

    @Option(help: "Weather: an embedded climate id (H1a … H3, BE-Uccle) or an EPW file; overrides the dwelling's.")
    var weather: String?

    @Flag(help: "Ignore the heating systems' maximum power.")
    var idealLoads = false

    @Option(help: "Day of the week of January 1st (1 = Monday … 7 = Sunday).")
    var firstWeekday: Int = 1

    func run() throws {
        let loaded = Inputs.loadDwelling(dwelling)
        for warning in loaded.issues.warnings { printError(warning.description) }
        guard let resolved = loaded.dwelling else {
            for error in loaded.issues.errors { printError(error.description) }
            throw ExitCode.inputErrors
        }
        let year: WeatherYear
        do throws(InputError) {
            if let weather { year = try Inputs.weather(source: weather).year } else { year = try Inputs.weather(for: resolved.location) }
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        let solar = SurfaceIrradiance(weather: year)
        let zone = try ISO52016.prepare(resolved, weather: year, solar: solar, options: SimulationOptions(firstWeekday: firstWeekday, idealLoads: idealLoads))
        let result = HourlyEngine.run(zone)
        print("heating \(fixed(result.heatingW.reduce(0, +) / 1000, 0)) kWh, cooling \(fixed(result.coolingW.reduce(0, +) / 1000, 0)) kWh, closure \(result.closureErrorKWh)")
    }
}
