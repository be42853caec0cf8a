import Foundation
import Testing
import FoyerClimate
import FoyerModel
@testable import FoyerThermal

/// The condensed (chain-eliminating) solve must give the dense LU solution.
@Suite("Static condensation of element chains")
struct CondensedSolverTests {
    static func maxDifference(_ compiled: CompiledThermalNetwork, seed: UInt64) -> (difference: Double, scale: Double) {
        var state = seed
        var worst = 0.0, scale = 0.0
        for _ in 0..<5 {
            let b = (0..<compiled.nodeCount).map { _ -> Double in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(state >> 11) / Double(1 << 53) * 2000 - 500
            }
            var condensed = b, dense = b
            compiled.solve(inPlace: &condensed)
            compiled.solveDense(inPlace: &dense)
            for i in 0..<b.count {
                worst = max(worst, abs(condensed[i] - dense[i]))
                scale = max(scale, abs(dense[i]))
            }
        }
        return (worst, scale)
    }

    @Test(arguments: ["fr/sfh-1949-1974", "fr/apartment-1949-1974", "be/terraced-pre-1945", "validation/ashrae140-900"])
    func archetypeNetworksSolveAsTheDenseLU(_ id: String) throws {
        let library = try #require(ArchetypeLibrary.bundled)
        let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0),
                     ClimateZoneInfo(id: "BE-Uccle", country: "BE", stationName: "Uccle", latitudeDeg: 50.8, longitudeDeg: 4.36, altitudeM: 100)]
        let url = try #require(library.url(for: id))
        let dwelling = try #require(DwellingLoader.load(path: url.path, library: library, climateZones: zones).dwelling)
        let weather = ReferenceClimate.h1a.weatherYear
        let zone = try ISO52016.prepare(dwelling, weather: weather, solar: SurfaceIrradiance(weather: weather))
        #expect(zone.compiled.reducedOrder < zone.compiled.nodeCount / 2, "\(zone.compiled.reducedOrder) of \(zone.compiled.nodeCount)")
        let (difference, scale) = Self.maxDifference(zone.compiled, seed: 7)
        // Both are backward-stable solves of a well-conditioned system: agreement to ~1e-12 relative.
        #expect(difference <= 1e-10 * max(scale, 1), "difference \(difference)")
    }

    /// A ring of massless nodes around a capacitive one (every node has two neighbours): the
    /// ring must be broken by keeping one node, and the answer must not change.
    @Test func ringsAreHandled() throws {
        var network = ThermalNetwork()
        let nodes = (0..<6).map { network.addNode("n\($0)", capacityJPerK: $0 == 0 ? 1e5 : 0) }
        let outdoor = network.addBoundary("outdoor")
        for i in 0..<6 { network.connect(nodes[i], nodes[(i + 1) % 6], conductanceWPerK: Double(i + 1)) }
        network.connect(nodes[3], boundary: outdoor, conductanceWPerK: 2)
        let compiled = try network.compile(timeStepS: 3600)
        let (difference, scale) = Self.maxDifference(compiled, seed: 11)
        #expect(difference <= 1e-10 * max(scale, 1))
    }
}
