import Foundation
import Testing
@testable import FoyerClimate
@testable import FoyerModel
@testable import FoyerThermal

/// The EN ISO 52016-1 zone structure (network, factorisations, solar gains) is built once per
/// envelope and year and shared by the households simulated on it: a structure taken from the
/// cache must give the same bits as one built afresh, and anything that changes the network must
/// not be served another envelope's.
@Suite("Zone structures shared by the households of one envelope")
struct StructureCacheTests {
    static let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]

    static func dwelling() throws -> ResolvedDwelling {
        let library = try #require(ArchetypeLibrary.bundled)
        let url = try #require(library.url(for: "fr/sfh-1949-1974"))
        return try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
    }

    /// Hour-by-hour results compared bit for bit.
    static func same(_ a: HourlyResult, _ b: HourlyResult) -> Bool {
        func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }
        return bits(a.heatingW) == bits(b.heatingW) && bits(a.airC) == bits(b.airC) && bits(a.operativeC) == bits(b.operativeC)
            && a.balanceKWh.keys.sorted() == b.balanceKWh.keys.sorted()
            && a.balanceKWh.keys.allSatisfy { a.balanceKWh[$0]?.bitPattern == b.balanceKWh[$0]?.bitPattern }
    }

    @Test func householdsOnOneEnvelopeShareOneStructureWithTheSameBits() throws {
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let options = SimulationOptions()
        let first = try Self.dwelling()
        var second = first
        second.thermostat.heatingSetpointC = 21
        second.occupancy.occupants += 2
        second.occupancy.internalGainsW *= 1.5

        let cache = ISO52016.StructureCache()
        let firstZone = try ISO52016.prepare(first, weather: weather, solar: solar, options: options, cache: cache)
        let shared = try ISO52016.prepare(second, weather: weather, solar: solar, options: options, cache: cache)
        #expect(cache.count == 1)
        #expect(shared.compiled === firstZone.compiled)

        let fresh = try ISO52016.prepare(second, weather: weather, solar: solar, options: options, cache: ISO52016.StructureCache())
        #expect(fresh.compiled !== shared.compiled)
        let sharedResult = HourlyEngine.run(shared), freshResult = HourlyEngine.run(fresh)
        #expect(Self.same(sharedResult, freshResult))
        // And the household did change the result.
        #expect(sharedResult.heatingW.reduce(0, +) != HourlyEngine.run(firstZone).heatingW.reduce(0, +))
    }

    @Test func aChangedEnvelopeOrOptionGetsItsOwnStructure() throws {
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        let base = try Self.dwelling()
        let cache = ISO52016.StructureCache()
        let baseZone = try ISO52016.prepare(base, weather: weather, solar: solar, options: SimulationOptions(), cache: cache)

        var insulated = base
        insulated.opaqueElements[0].uValueWPerM2K /= 2
        var conventional = SimulationOptions()
        conventional.insideConvection = .conventional
        var airControlled = base
        airControlled.thermostat.controlTemperature = airControlled.thermostat.controlTemperature == .air ? .operative : .air
        let variants: [(ResolvedDwelling, SimulationOptions)] = [(insulated, SimulationOptions()), (base, conventional), (airControlled, SimulationOptions())]
        for (index, (dwelling, options)) in variants.enumerated() {
            let zone = try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options, cache: cache)
            #expect(zone.compiled !== baseZone.compiled || zone.controller.controlWeights != baseZone.controller.controlWeights)
            #expect(cache.count == min(index + 2, ISO52016.StructureCache.limit))
            let fresh = try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options, cache: ISO52016.StructureCache())
            #expect(Self.same(HourlyEngine.run(zone), HourlyEngine.run(fresh)))
        }
    }

    @Test func anotherYearOnTheSameIrradianceIsNotCached() throws {
        let weather = ReferenceClimate.h1a.weatherYear
        let solar = SurfaceIrradiance(weather: weather)
        var warmer = weather
        warmer.dryBulbC = weather.dryBulbC.map { $0 + 2 }
        let cache = ISO52016.StructureCache()
        let dwelling = try Self.dwelling()
        let zone = try ISO52016.prepare(dwelling, weather: warmer, solar: solar, options: SimulationOptions(), cache: cache)
        #expect(cache.count == 0)
        _ = try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: SimulationOptions(), cache: cache)
        #expect(cache.count == 1)
        let again = try ISO52016.prepare(dwelling, weather: warmer, solar: solar, options: SimulationOptions(), cache: cache)
        #expect(Self.same(HourlyEngine.run(zone), HourlyEngine.run(again)))
    }
}
