import Foundation
import Testing
import FoyerClimate
import FoyerModel
@testable import FoyerThermal

/// A heating system too small for the house: what it could not deliver (issue 11, item 5).
@Suite("Unmet heat under a capped heating power")
struct UnmetHeatTests {
    @Test func unmetHeatIsTheUncappedNeedMinusTheHeatDelivered() throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        var dwelling = try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
        // A 2.5 kW heater in a house whose design loss is about 14 kW.
        var heater = HeatingSystemSpec()
        heater.type = .electricConvector
        heater.maxPowerW = 2_500
        dwelling.heatingSystems = [heater]
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let capped = HourlyEngine.run(try ISO52016.prepare(dwelling, weather: weather, solar: solar))
        let ideal = HourlyEngine.run(try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: SimulationOptions(idealLoads: true)))
        let delivered = capped.heatingW.reduce(0, +) / 1000, need = ideal.heatingW.reduce(0, +) / 1000
        #expect(capped.heatingW.allSatisfy { $0 <= 2_500 + 1e-6 })
        #expect(abs(capped.unmetHeatingKWh - (need - delivered)) < 0.01, "unmet \(capped.unmetHeatingKWh), need − delivered \(need - delivered)")
        // The hour-by-hour shortfall counts a growing deficit again and again: it overstates.
        let summedShortfall = capped.shortfallToSetpointW.reduce(0, +) / 1000
        #expect(summedShortfall > capped.unmetHeatingKWh)
        #expect(capped.unmetHeatingHours > 0 && capped.unmetHeatingHours <= 8760)
        #expect(ideal.unmetHeatingKWh == 0 && ideal.uncappedHeatingKWh == nil)
    }
}
