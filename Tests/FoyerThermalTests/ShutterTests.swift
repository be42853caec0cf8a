import Foundation
import Testing
import FoyerClimate
import FoyerModel
@testable import FoyerThermal

/// Shutters closed at night: the EN ISO 52016-1 zone switches to a second factorisation of the
/// same network in the hours without sun.
@Suite("Night shutters")
struct ShutterTests {
    @Test func closingShuttersAtNightSavesHeatWithinTheSteadyStateBound() throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        var dwelling = try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let options = SimulationOptions(idealLoads: true)
        let open = HourlyEngine.run(try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options))

        let deltaR = 0.15
        for index in dwelling.windows.indices {
            dwelling.windows[index].shutter = ResolvedShutter(type: .roller, additionalResistanceM2KPerW: deltaR, closedAtNight: true)
        }
        let zone = try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options)
        #expect(zone.variants[1].compiled !== zone.variants[0].compiled)
        let shut = HourlyEngine.run(zone)
        let openNeed = open.heatingW.reduce(0, +) / 1000, shutNeed = shut.heatingW.reduce(0, +) / 1000
        #expect(shutNeed < openNeed)
        // Upper bound: the steady-state saving of the lower window U in every night hour,
        // Σ_night ΔU·A·max(0, θ_set − θ_e), with ΔU = U − 1/(1/U + ΔR).
        var bound = 0.0
        for window in dwelling.windows {
            let deltaU = window.uValueWPerM2K - 1 / (1 / window.uValueWPerM2K + deltaR)
            for hour in 0..<WeatherYear.hoursPerYear where weather.globalHorizontalWPerM2[hour] <= 0 {
                bound += deltaU * window.areaM2 * max(0, dwelling.thermostat.heatingSetpointC - weather.dryBulbC[hour]) / 1000
            }
        }
        #expect(openNeed - shutNeed <= bound, "saving \(openNeed - shutNeed) kWh, bound \(bound) kWh")
        #expect(abs(shut.closureErrorKWh) < 1e-4 * shutNeed)
    }
}

@Suite("Internal gains profile")
struct InternalGainsProfileTests {
    /// A profile moves the gains in time but keeps their annual total (weekly mean of 1).
    @Test func profileKeepsTheAnnualGains() throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let spec = """
        { "schema": "foyer.dwelling/1", "base": "fr/sfh-1990-2005",
          "occupancy": { "internal_gains_profile": {
            "weekdays": [1,1,1,1,1,1,2,3,2,1,1,1,1,1,1,1,1,2,3,4,4,3,2,1],
            "weekends": [1,1,1,1,1,1,1,1,2,3,3,3,3,2,2,2,2,2,3,4,4,3,2,1] } } }
        """
        let loaded = DwellingLoader.load(data: Data(spec.utf8), file: "profile.json", library: library, climateZones: zones)
        let dwelling = try #require(loaded.dwelling, "\(loaded.issues)")
        let gains = ZoneInputs.internalGainsW(dwelling.occupancy, firstWeekday: 1)
        let mean = gains.reduce(0, +) / Double(gains.count)
        // 52 weeks and one day: the year's mean differs from the weekly mean by at most one day's share.
        #expect(abs(mean - dwelling.occupancy.internalGainsW) < 0.01 * dwelling.occupancy.internalGainsW)
        // 19:00 on a weekday carries four times the 03:00 gains.
        #expect(abs(gains[19] / gains[3] - 4) < 1e-12)
        let broken = DwellingLoader.load(
            data: Data(#"{"schema": "foyer.dwelling/1", "base": "fr/sfh-1990-2005", "occupancy": {"internal_gains_profile": {"weekdays": [1, 2]}}}"#.utf8),
            file: "broken.json", library: library, climateZones: zones)
        #expect(broken.issues.errors.contains { $0.path == "occupancy.internal_gains_profile.weekdays" && $0.description.contains("24 values") })
    }
}
