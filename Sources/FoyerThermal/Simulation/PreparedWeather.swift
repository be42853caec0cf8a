import FoyerClimate
import FoyerCore
import FoyerModel

/// A weather year ready to simulate any number of dwellings: the weather, and the sun's position
/// and the irradiance on every orientation computed once (NREL SPA and Perez, the costly part of
/// a run). Savings, calibration and batch runs build one and share it by every variant.
public struct PreparedWeather: Sendable {
    public var weather: WeatherYear
    public var solar: SurfaceIrradiance

    public init(_ weather: WeatherYear) {
        self.weather = weather
        solar = SurfaceIrradiance(weather: weather)
    }

    /// The prepared year of an embedded climate: its typical year generated on this thread while
    /// the sun's positions at its site are computed on another (they need the site only), then
    /// the irradiance. The same year and positions as ``init(_:)`` on `climate.weatherYear`.
    public static func reference(_ climate: ReferenceClimate) -> PreparedWeather {
        let location = climate.location
        let (year, sun) = Concurrently.run({ climate.weatherYear }, alongside: { SurfaceIrradiance.sunPositions(location: location) })
        guard year.location == location else { return PreparedWeather(year) }
        return PreparedWeather(year, sun: sun)
    }

    private init(_ weather: WeatherYear, sun: [SolarPosition]) {
        self.weather = weather
        solar = SurfaceIrradiance(weather: weather, sun: sun)
    }

    /// Simulates `dwelling` on this year with `model`: the hourly year after the warm-up.
    /// - Throws: the thermal network's error when the dwelling cannot be solved.
    public func simulate(_ dwelling: ResolvedDwelling, model: ThermalModel, options: SimulationOptions = SimulationOptions()) throws -> HourlyResult {
        let zone = model == .fiveR1C
            ? try ISO13790.prepare(dwelling, weather: weather, solar: solar, options: options)
            : try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options)
        return HourlyEngine.run(zone, warmUpHours: options.warmUpHours)
    }
}
