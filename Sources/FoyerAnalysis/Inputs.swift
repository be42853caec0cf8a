import Foundation
import FoyerBills
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerTariffs
import FoyerThermal

/// Where Foyer's inputs come from: dwelling files or archetype ids, embedded climates or EPW
/// files. The command line uses these; library users can too.
public enum Inputs {
    /// The archetypes bundled with Foyer.
    public static var archetypeLibrary: ArchetypeLibrary? { ArchetypeLibrary.bundled }

    /// The embedded climates as the dwelling resolver needs them (ids and reference stations).
    public static var climateZones: [ClimateZoneInfo] {
        ReferenceClimate.allCases.map { climate in
            let location = climate.location
            return ClimateZoneInfo(
                id: climate.rawValue, country: climate == .uccle ? "BE" : "FR", stationName: climate.station,
                latitudeDeg: location.latitudeDeg, longitudeDeg: location.longitudeDeg, altitudeM: location.altitudeM)
        }
    }

    /// Loads a dwelling from a file path or, when no such file exists, a bundled archetype id.
    /// - Parameter use: the use scenario to resolve (default: the household's when the file
    ///   describes it, else the conventional one).
    public static func loadDwelling(_ argument: String, library: ArchetypeLibrary? = Inputs.archetypeLibrary, use: UseChoice = .automatic) -> LoadedDwelling {
        if FileManager.default.fileExists(atPath: argument) {
            return DwellingLoader.load(path: argument, library: library, climateZones: climateZones, use: use)
        }
        if let library, let url = library.url(for: argument) {
            var loaded = DwellingLoader.load(path: url.path, library: library, climateZones: climateZones, use: use)
            loaded.file = argument
            loaded.issues = loaded.issues.map { $0.inFile(argument) }
            return loaded
        }
        let known = library?.ids() ?? []
        let issue = InputIssue(
            .error, file: argument, path: "", message: "no such file, and no bundled archetype has this id",
            expected: "a dwelling JSON file, or an archetype id (\(known.joined(separator: ", ")))",
            suggestion: Suggestions.didYouMean(argument, among: known))
        return LoadedDwelling(file: argument, issues: [issue], defaults: [])
    }

    /// A weather year from an embedded climate id (`H1a`, `BE-Uccle`) or an EPW file path.
    /// - Returns: the year and any warnings (e.g. a leap-day dropped from an EPW file).
    /// - Throws: ``InputError`` naming the file, line and field, or listing the known climates.
    public static func weather(source: String) throws(InputError) -> (year: WeatherYear, warnings: [InputIssue]) {
        if let climate = ReferenceClimate.allCases.first(where: { $0.rawValue.lowercased() == source.lowercased() }) {
            return (climate.weatherYear, [])
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw InputError(InputIssue(.error, file: source, path: "", message: "is a directory, not a file", expected: "the path of an EPW weather file"))
            }
            return try EPW.read(contentsOf: URL(fileURLWithPath: source))
        }
        let known = ReferenceClimate.allCases.map(\.rawValue)
        if source.lowercased().hasSuffix(".epw") {
            throw InputError(InputIssue(.error, file: source, path: "", message: "no such file", expected: "the path of an EPW weather file"))
        }
        throw InputError(InputIssue(
            .error, path: "", value: source, message: "neither an embedded climate nor an existing EPW file",
            expected: known.joined(separator: ", ") + ", or the path of an EPW file",
            suggestion: Suggestions.didYouMean(source, among: known)))
    }

    /// The weather `source` names, prepared for simulation (``PreparedWeather``): an embedded
    /// climate's typical year is generated while the sun's positions at its site are computed
    /// on another thread; an EPW year is read, then its sun and irradiance computed.
    /// - Returns: the same year, sun and irradiance as ``weather(source:)`` then
    ///   `PreparedWeather(year)`, and the reader's warnings.
    public static func preparedWeather(source: String) throws(InputError) -> (weather: PreparedWeather, warnings: [InputIssue]) {
        if let climate = ReferenceClimate.allCases.first(where: { $0.rawValue.lowercased() == source.lowercased() }) {
            return (PreparedWeather.reference(climate), [])
        }
        let (year, warnings) = try weather(source: source)
        return (PreparedWeather(year), warnings)
    }

    /// The weather a resolved dwelling names, prepared for simulation (see
    /// ``preparedWeather(source:)``).
    public static func preparedWeather(for location: ResolvedLocation) throws(InputError) -> (weather: PreparedWeather, warnings: [InputIssue]) {
        switch location.weather {
        case let .referenceClimate(id): return try preparedWeather(source: id)
        case let .epwFile(path): return try preparedWeather(source: path)
        case .unspecified: return try (PreparedWeather(weather(for: location).year), [])
        }
    }

    /// The weather a resolved dwelling names, with the EPW reader's warnings (repairs, a dropped
    /// 29 February), which every command shows.
    /// - Throws: ``InputError`` if the dwelling names none, or its EPW file is unusable.
    public static func weather(for location: ResolvedLocation) throws(InputError) -> (year: WeatherYear, warnings: [InputIssue]) {
        switch location.weather {
        case let .referenceClimate(id): return try weather(source: id)
        case let .epwFile(path): return try weather(source: path)
        case .unspecified:
            throw InputError(InputIssue(.error, path: "location", message: "no weather: give location.climate_zone or location.weather_file, or a --weather option"))
        }
    }
}
