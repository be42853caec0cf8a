import Foundation
import Testing
import FoyerClimate
import FoyerModel
@testable import FoyerThermal

/// A household that heats from mid-October to April only (issue 12, item 1): no heat outside
/// the season in any model, less over the year, and colder hours in the shoulder months.
@Suite("Heating season in the simulation")
struct HeatingSeasonSimulationTests {
    @Test func noHeatOutsideTheSeason() throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        let allYear = try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
        var seasonal = allYear
        seasonal.thermostat.heatingSeason = HeatingSeason(start: (10, 15), end: (4, 30))
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let options = SimulationOptions(idealLoads: true)
        for model in [ThermalModel.iso52016, .fiveR1C] {
            func run(_ dwelling: ResolvedDwelling) throws -> HourlyResult {
                HourlyEngine.run(model == .iso52016 ? try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options)
                                                    : try ISO13790.prepare(dwelling, weather: weather, solar: solar, options: options))
            }
            let full = try run(allYear), season = try run(seasonal)
            // 1 May (hour 2880) to 14 October (hour 287·24 − 1): nothing.
            let off = 120 * 24..<287 * 24
            #expect(season.heatingW[off].allSatisfy { $0 == 0 }, "\(model): heat outside the season")
            let offSeason: Double = full.heatingW[off].reduce(0, +)
            #expect(offSeason > 0, "\(model): the all-year run heats in May or October")
            let fullKWh: Double = full.heatingW.reduce(0, +), seasonKWh: Double = season.heatingW.reduce(0, +)
            #expect(seasonKWh < fullKWh)
            // In season the two agree but for the days after the restart in October (a colder house).
            let january = 0..<744
            let seasonJanuary: Double = season.heatingW[january].reduce(0, +)
            let fullJanuary: Double = full.heatingW[january].reduce(0, +)
            #expect(abs(seasonJanuary / fullJanuary - 1) < 0.01, "\(model): January \(seasonJanuary) vs \(fullJanuary)")
        }
        let monthly = ISO13790.monthlyNeeds(seasonal, weather: weather, solar: solar, options: options)
        #expect(monthly[4].heatingNeedKWh == 0 && monthly[8].heatingNeedKWh == 0)
    }
}
