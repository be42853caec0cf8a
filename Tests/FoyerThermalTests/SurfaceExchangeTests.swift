import Foundation
import Testing
import FoyerClimate
import FoyerModel
@testable import FoyerThermal

/// Inputs that used to be accepted and ignored by the EN ISO 52016-1 model (issue 11, item 3).
@Suite("EN ISO 52016-1 honours emissivity and the air node's capacity")
struct SurfaceExchangeTests {
    private static func archetype() throws -> ResolvedDwelling {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        return try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
    }

    /// h_re = ε·4σT³ (EN ISO 6946:2017, Annex C, eq. C.2 with h_r0 = 4σT³): EN ISO 13789's
    /// 4.14 W/(m²·K) is ε = 0.9 × 4.6.
    @Test func externalRadiativeCoefficientScalesWithEmissivity() {
        #expect(abs(ISO52016.externalRadiativeWPerM2K(emissivity: 0.9) - 4.14) < 1e-12)
        #expect(abs(ISO52016.externalRadiativeWPerM2K(emissivity: 0.1) - 0.46) < 1e-12)
    }

    /// A low-emissivity outside face loses less to the cold night sky (and absorbs less
    /// long-wave from the air): with ε = 0.1 on every outdoor element, the heating need falls.
    @Test func lowEmissivityOutsideSurfacesLowerTheHeatingNeed() throws {
        let base = try Self.archetype()
        var lowE = base
        for index in lowE.opaqueElements.indices where lowE.opaqueElements[index].boundary == .outdoor {
            lowE.opaqueElements[index].thermalEmissivity = 0.1
        }
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let ideal = SimulationOptions(idealLoads: true)
        let needBase = HourlyEngine.run(try ISO52016.prepare(base, weather: weather, solar: solar, options: ideal)).heatingW.reduce(0, +)
        let needLowE = HourlyEngine.run(try ISO52016.prepare(lowE, weather: weather, solar: solar, options: ideal)).heatingW.reduce(0, +)
        #expect(needLowE < needBase * 0.995, "ε 0.9: \(needBase / 1000) kWh, ε 0.1: \(needLowE / 1000) kWh")
    }

    /// The air node's capacity is κ_m,int × floor area (EN ISO 52016-1 6.5.6): with the air
    /// alone (about 3 000 J/(m²·K)) instead of air and furniture (10 000 by default), the
    /// free-floating air temperature moves faster from one hour to the next.
    @Test func theAirNodeCapacityComesFromTheDwelling() throws {
        let furnished = try Self.archetype()
        var furnishedFree = furnished
        furnishedFree.thermostat.mode = .freeFloating
        var airOnly = furnishedFree
        airOnly.internalHeatCapacityJPerM2K = 3_000
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        func meanHourlyChange(_ dwelling: ResolvedDwelling) throws -> Double {
            let air = HourlyEngine.run(try ISO52016.prepare(dwelling, weather: weather, solar: solar)).airC
            return zip(air.dropFirst(), air).map { abs($0 - $1) }.reduce(0, +) / Double(air.count - 1)
        }
        let slow = try meanHourlyChange(furnishedFree), fast = try meanHourlyChange(airOnly)
        #expect(fast > slow * 1.01, "mean |Δθ_air| per hour: furnished \(slow) K, air only \(fast) K")
    }
}

/// The radiated part of the heating warms the surfaces (issue 11, item 2).
@Suite("Radiators radiate")
struct EmitterSplitTests {
    @Test func radiantHeatRaisesTheOperativeTemperatureAtTheSameAirSetPoint() throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        var radiators = try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
        #expect(radiators.thermostat.controlTemperature == .air)
        #expect(radiators.heatingConvectiveFraction == 0.7)
        var convective = radiators
        convective.heatingConvectiveFraction = 1
        radiators.heatingSystems = []   // ideal heating, so only the split differs
        convective.heatingSystems = []
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let withRadiation = HourlyEngine.run(try ISO52016.prepare(radiators, weather: weather, solar: solar))
        let allConvective = HourlyEngine.run(try ISO52016.prepare(convective, weather: weather, solar: solar))
        func januaryMean(_ values: [Double]) -> Double { values[0..<744].reduce(0, +) / 744 }
        // Same air temperature (held by the thermostat), warmer surfaces: a higher operative temperature.
        #expect(abs(januaryMean(withRadiation.airC) - januaryMean(allConvective.airC)) < 0.05)
        #expect(januaryMean(withRadiation.operativeC) > januaryMean(allConvective.operativeC) + 0.2,
                "operative: \(januaryMean(withRadiation.operativeC)) vs \(januaryMean(allConvective.operativeC)) °C")
    }
}

/// The outside film from the hour's wind (issue 11, item 1; decision 0008).
@Suite("Outside convection follows the wind")
struct WindDrivenFilmTests {
    /// EN ISO 6946:2017 Annex C: h_c = 4 + 4v, 20 W/(m²·K) at 4 m/s (the conventional value).
    @Test func convectiveCoefficientFromTheWind() {
        #expect(ISO52016.externalConvectiveWPerM2K(windSpeedMPerS: 4) == 20)
        #expect(ISO52016.externalConvectiveWPerM2K(windSpeedMPerS: 0) == 4)
        #expect(ISO52016.externalConvectiveWPerM2K(windSpeedMPerS: .nan) == 4)
    }

    /// ASHRAE Fundamentals 2017 ch. 24 eq. 4: at the station's own 10 m in open country the
    /// speed is the station's; a 5 m house in a suburb sees 27^0.14·(5/370)^0.22 = 0.615 of it.
    @Test func windProfileByTerrain() {
        #expect(abs(ISO52016.localWindSpeedMPerS(5, heightM: 10, terrain: .open) - 5) < 1e-12)
        #expect(abs(ISO52016.localWindSpeedMPerS(1, heightM: 5, terrain: .suburban) - 0.615) < 0.001)
        #expect(ISO52016.localWindSpeedMPerS(1, heightM: 5, terrain: .urban) < ISO52016.localWindSpeedMPerS(1, heightM: 5, terrain: .suburban))
    }

    @Test func aWindierYearNeedsMoreHeatAndTheConventionalFilmIsKept() throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        var dwelling = try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
        dwelling.heatingSystems = []
        var calm = ReferenceClimate.h1a.weatherYear, windy = calm
        calm.windSpeedMPerS = calm.windSpeedMPerS.map { _ in 0 }
        windy.windSpeedMPerS = windy.windSpeedMPerS.map { _ in 12 }
        let solar = SurfaceIrradiance(weather: calm)
        func need(_ weather: WeatherYear, _ film: OutsideFilm) throws -> Double {
            var options = SimulationOptions()
            options.outsideFilm = film
            let result = HourlyEngine.run(try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options))
            #expect(abs(result.closureErrorKWh) < 1e-4 * max(1, result.heatingW.reduce(0, +) / 1000))
            return result.heatingW.reduce(0, +) / 1000
        }
        let calmNeed = try need(calm, .weather), windyNeed = try need(windy, .weather)
        #expect(calmNeed < windyNeed * 0.97, "calm \(calmNeed) kWh, windy \(windyNeed) kWh")
        // The conventional film ignores the wind.
        #expect(abs(try need(calm, .conventional) - (try need(windy, .conventional))) < 1e-6)
    }
}
