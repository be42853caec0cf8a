import Foundation
import FoyerBills
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerTariffs
import FoyerThermal

/// The steps the CLI chains for bills: simulate a dwelling, read a load curve, load tariffs.
public enum EnergyPipeline {
    /// A simulated dwelling: the resolved dwelling, its hourly year and its weather.
    public struct Simulated: Sendable {
        public var dwelling: ResolvedDwelling
        public var result: HourlyResult
        public var weather: WeatherYear
        /// The weather file's warnings (repairs, a dropped 29 February).
        public var weatherWarnings: [InputIssue] = []
    }

    /// Loads and simulates `argument` (a file or an archetype id) with `model` (hourly).
    /// The simulated year starts on the weekday of 1 January of `calendarYear`.
    public static func simulate(_ argument: String, weather: String?, model: ThermalModel, calendarYear: Int,
                                use: UseChoice = .automatic) throws(InputError) -> Simulated {
        let loaded = Inputs.loadDwelling(argument, use: use)
        guard let dwelling = loaded.dwelling else { throw InputError(loaded.issues) }
        let loadedWeather: (year: WeatherYear, warnings: [InputIssue])
        if let weather { loadedWeather = try Inputs.weather(source: weather) } else { loadedWeather = try Inputs.weather(for: dwelling.location) }
        let (year, weatherWarnings) = loadedWeather
        let options = SimulationOptions(firstWeekday: CivilDate(calendarYear, 1, 1).isoWeekday)
        do {
            let result = try PreparedWeather(year).simulate(dwelling, model: model, options: options)
            return Simulated(dwelling: dwelling, result: result, weather: year, weatherWarnings: weatherWarnings)
        } catch {
            throw InputError(InputIssue(.error, file: argument, path: "", message: "\(error)"))
        }
    }

    /// Reads a load-curve CSV file.
    public static func loadCurve(path: String, fillGaps: Bool) throws(InputError) -> LoadCurve {
        let data = try InputFile.read(path, kind: .loadCurve)
        let (curve, issues) = LoadCurveCSV.read(data: data, file: path, gaps: fillGaps ? .fillWithTypicalWeek : .refuse)
        guard let curve, !issues.hasErrors else { throw InputError(issues) }
        return curve
    }

    /// The tariff library (shipped files plus `extraDirectories`); errors in any file are thrown.
    /// - Parameter countries: only the offers of these countries (``TariffLibrary/load(extraDirectories:countries:)``).
    public static func tariffs(extraDirectories: [String] = [], countries: Set<String>? = nil) throws(InputError) -> TariffLibrary {
        let library = TariffLibrary.load(extraDirectories: extraDirectories, countries: countries)
        if library.issues.hasErrors { throw InputError(library.issues) }
        return library
    }
}
