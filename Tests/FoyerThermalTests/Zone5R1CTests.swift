import Testing
@testable import FoyerThermal

/// Single time steps of the 5R1C model against the unit tests of RC_BuildingSimulator
/// (architecture-building-systems/RC_BuildingSimulator, `rc_simulator/tests/testRCmodel.py`,
/// commit 97c1cdd7), an established implementation of EN ISO 13790:2008 Annex C, as listed in
/// ../shared/reference/thermal-references.md §3.5. Its inputs: windows 13.5 m² with U 1.1,
/// opaque walls 1.69 m² with U 0.2, floor 34.3 m², volume 106.33 m³, A_t 142.38 m², 1.5 1/h
/// ventilation + 0.5 1/h infiltration, C_m 165 000 J/(m²·K)·A_f, A_m 2.5·A_f, set-points 20/26 °C,
/// power limited to ±12 W/m²·A_f, internal gains 10 W, all heating and cooling at the air node.
/// The expected values are printed there with two decimals; the tolerances are half a unit of
/// the last printed digit plus a little for rounding of the inputs.
@Suite("EN ISO 13790 5R1C, single steps")
struct Zone5R1CTests {
    static func zone(heatRecovery: Double) throws -> (ISO13790.Zone5R1C, CompiledThermalNetwork, LoadController) {
        let floor = 34.3
        // H_ve = ρc·V·n·b_ek with b_ek = 1 − (n_vent/n_total)·η_HR (RC_BuildingSimulator's form).
        let ventilation = 1200 * (1 - 1.5 / 2.0 * heatRecovery) * 106.33 * 2.0 / 3600
        let parameters = ISO13790.ZoneParameters(
            floorAreaM2: floor, internalSurfaceAreaM2: 142.38, massAreaM2: 2.5 * floor, heatCapacityJPerK: 165_000 * floor,
            windowsWPerK: 13.5 * 1.1, opaqueWPerK: 1.69 * 0.2, ventilationWPerK: ventilation)
        let zone = ISO13790.Zone5R1C(parameters)
        let compiled = try zone.network.compile(timeStepS: 3600, scheme: .crankNicolson)
        let controller = LoadController(network: compiled, heatingDistribution: [1, 0, 0], controlWeights: [1, 0, 0])
        return (zone, compiled, controller)
    }

    @Test(arguments: [
        // (name, outdoor °C, previous mass °C, solar W, heat recovery, expected mass °C, expected power W)
        ("NoHVACNoLight", 10.0, 22.0, 2000.0, 0.0, 22.33, 0.0),
        ("HeatingRequired", 10, 20, 2000, 0, 20.46, 328.09),
        ("CoolingRequired", 25, 24, 4000, 0, 25.15, -264.75),
        ("MaxCoolingRequired", 30, 25, 5000, 0, 26.49, -411.6),
        ("MaxHeatingRequired", 5, 19, 2000, 0, 19.39, 411.6),
        ("HeatingRequired_infl", 10, 20, 2000, 0.6, 20.46, 9.1),
        ("CoolingRequired_infl", 25, 24, 4000, 0.6, nil, -296.65),
        ("NoHVACNoLight_infl", 10, 22, 2000, 0.66, 22.44, 0),
    ] as [(String, Double, Double, Double, Double, Double?, Double)])
    func stepMatchesRCBuildingSimulator(_ name: String, outdoor: Double, previousMass: Double, solar: Double, heatRecovery: Double,
                                        expectedMass: Double?, expectedPower: Double) throws {
        let (zone, compiled, controller) = try Self.zone(heatRecovery: heatRecovery)
        let gains = zone.gainsW(internalW: 10, solarW: solar)
        // Only the mass node carries state; the massless nodes' previous values do not matter.
        let previous = [0, 0, previousMass]
        var temperatures = [0.0, 0.0, 0.0]
        compiled.rightHandSide(previousC: previous, boundaryC: [outdoor, outdoor], sourcesW: [gains.air, gains.surface, gains.mass], into: &temperatures)
        compiled.solve(inPlace: &temperatures)
        let outcome = controller.control(freeFloating: &temperatures, demand: .init(heatingSetpointC: 20, coolingSetpointC: 26, maxHeatingW: 12 * 34.3, maxCoolingW: 12 * 34.3))
        #expect(abs(outcome.powerW - expectedPower) < 0.006, "\(name): power \(outcome.powerW)")
        if let expectedMass {
            // RC_BuildingSimulator reports t_m, the step average of C.9.
            #expect(abs(temperatures[ISO13790.Zone5R1C.massNode] - expectedMass) < 0.006, "\(name): mass \(temperatures[2])")
        }
    }
}
