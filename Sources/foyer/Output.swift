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

/// The dwelling with the embedded climate `weather` names as its own (so that what depends on
/// the climate zone — the CEE zone of the aids — follows a `--weather H2b`); unchanged for an
/// EPW file or no option.
func withWeatherOption(_ dwelling: ResolvedDwelling, _ weather: String?) -> ResolvedDwelling {
    guard let weather, let climate = ReferenceClimate.allCases.first(where: { $0.rawValue.lowercased() == weather.lowercased() }) else { return dwelling }
    var changed = dwelling
    changed.location.weather = .referenceClimate(climate.rawValue)
    return changed
}
