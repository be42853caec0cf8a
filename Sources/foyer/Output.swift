import ArgumentParser
import Foundation
import Foyer

/// Writes to standard error (warnings, progress), keeping standard output for results.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Deterministic JSON: sorted keys, pretty printed, slashes unescaped.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// The dwelling `argument` resolved for `use`, its warnings printed; its errors printed and the
/// command ended with the input-errors status.
func loadDwellingOrExit(_ argument: String, use: UseChoice) throws -> ResolvedDwelling {
    let loaded = Inputs.loadDwelling(argument, use: use)
    for warning in loaded.issues.warnings { printError(warning.description) }
    guard let resolved = loaded.dwelling else {
        for error in loaded.issues.errors { printError(error.description) }
        throw ExitCode.inputErrors
    }
    return resolved
}

/// The weather `source` names (a climate id or an EPW file), else the dwelling's; its warnings
/// printed; its errors printed and the command ended with the input-errors status.
func loadWeatherOrExit(_ source: String?, for dwelling: ResolvedDwelling) throws -> WeatherYear {
    do throws(InputError) {
        let loaded: (year: WeatherYear, warnings: [InputIssue])
        if let source { loaded = try Inputs.weather(source: source) } else { loaded = try Inputs.weather(for: dwelling.location) }
        for warning in loaded.warnings { printError(warning.description) }
        return loaded.year
    } catch {
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
}

/// The weather `source` names (else the dwelling's), prepared for simulation, and what `load`
/// gives — the tariff library — computed on another thread meanwhile: the two are independent,
/// and with the sun's positions they are most of a command's start-up. Warnings printed; errors
/// printed (the weather's first) and the command ended with the input-errors status.
func loadWeatherOrExit<Loaded: Sendable>(_ source: String?, for dwelling: ResolvedDwelling,
                                         alongside load: @escaping @Sendable () throws(InputError) -> Loaded) throws -> (weather: PreparedWeather, loaded: Loaded) {
    let (weather, loaded) = Concurrently.run({ () -> Result<(weather: PreparedWeather, warnings: [InputIssue]), InputError> in
        do throws(InputError) {
            if let source { return .success(try Inputs.preparedWeather(source: source)) }
            return .success(try Inputs.preparedWeather(for: dwelling.location))
        } catch {
            return .failure(error)
        }
    }, alongside: { () -> Result<Loaded, InputError> in
        do throws(InputError) { return .success(try load()) } catch { return .failure(error) }
    })
    switch (weather, loaded) {
    case let (.success(weather), .success(loaded)):
        for warning in weather.warnings { printError(warning.description) }
        return (weather.weather, loaded)
    case let (.failure(error), _), let (.success, .failure(error)):
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
}

/// The tariffs of the dwelling's country (France when it names none) with `directories`.
func countryTariffs(_ dwelling: ResolvedDwelling, directories: [String]) -> @Sendable () throws(InputError) -> TariffLibrary {
    let country = (dwelling.location.country ?? "FR").uppercased()
    return { () throws(InputError) in try EnergyPipeline.tariffs(extraDirectories: directories, countries: [country]) }
}

/// The dwelling with the embedded climate `weather` names as its own (so that what depends on
/// the climate zone — the CEE zone of the aids — follows a `--weather H2b`); unchanged for an
/// EPW file or no option.
func withWeatherOption(_ dwelling: ResolvedDwelling, _ weather: String?) -> ResolvedDwelling {
    guard let weather, let climate = ReferenceClimate.allCases.first(where: { $0.rawValue.lowercased() == weather.lowercased() }) else { return dwelling }
    var changed = dwelling
    changed.location.weather = .referenceClimate(climate.rawValue)
    return changed
}
