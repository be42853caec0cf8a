import Foundation
import Testing
@testable import FoyerModel

/// Inputs that say what the house is (issue 11, item 3): a sheltered outdoor boundary, the
/// capacity of the air node, doors and layered elements without misleading defaults.
@Suite("Envelope inputs that say what the house is")
struct EnvelopeInputsTests {
    private static let layeredFloor = """
    { "id": "floor", "area_m2": 80, "boundary": "outdoor_sheltered", "tilt_deg": 180,
      "layers": [ { "material": "concrete", "thickness_m": 0.16, "conductivity_w_per_mk": 1.6, "density_kg_per_m3": 2300, "specific_heat_j_per_kgk": 1000 } ] }
    """

    /// A floor over a ventilated crawl space: outdoor air on the far side, but without sun,
    /// wind or sky, so the outside surface resistance is the inside one (EN ISO 6946:2017,
    /// 6.9.4 and Table 7: R_si = 0.17 m²·K/W for a downward heat flow).
    @Test func shelteredOutdoorBoundaryUsesTheInsideResistanceOnBothSides() throws {
        let loaded = DwellingFixtures.load(DwellingFixtures.replacing(
            "{ \"id\": \"floor\", \"area_m2\": 80, \"u_value_w_per_m2k\": 0.8, \"exposed_perimeter_m\": 36 }", with: Self.layeredFloor))
        #expect(loaded.issues.errors.isEmpty, "\(loaded.issues)")
        let floor = try #require(loaded.dwelling?.opaqueElements.first { $0.id == "floor" })
        #expect(floor.boundary == .unheatedSpace(adjustmentFactorB: 1))
        // 0.16 m of concrete at 1.6 W/(m·K) = 0.10 m²·K/W; U = 1 / (0.17 + 0.10 + 0.17).
        #expect(abs(floor.uValueWPerM2K - 1 / 0.44) < 1e-9, "U = \(floor.uValueWPerM2K)")
        // Exposed to the outdoor air it would be 1 / (0.17 + 0.10 + 0.04).
        let exposed = try #require(DwellingFixtures.load(DwellingFixtures.replacing(
            "{ \"id\": \"floor\", \"area_m2\": 80, \"u_value_w_per_m2k\": 0.8, \"exposed_perimeter_m\": 36 }",
            with: Self.layeredFloor.replacingOccurrences(of: "outdoor_sheltered", with: "outdoor"))).dwelling?.opaqueElements.first { $0.id == "floor" })
        #expect(abs(exposed.uValueWPerM2K - 1 / 0.31) < 1e-9)
    }

    @Test func theAirNodeCapacityIsAnInputWithAReportedDefault() throws {
        let plain = DwellingFixtures.load(DwellingFixtures.valid)
        #expect(plain.dwelling?.internalHeatCapacityJPerM2K == 10_000)
        #expect(plain.defaults.contains { $0.path == "geometry.internal_heat_capacity_j_per_m2k" })

        let airOnly = DwellingFixtures.load(DwellingFixtures.replacing("\"storey_height_m\": 2.5 }",
                                                                       with: "\"storey_height_m\": 2.5, \"internal_heat_capacity_j_per_m2k\": 3240 }"))
        #expect(airOnly.dwelling?.internalHeatCapacityJPerM2K == 3_240)
        #expect(!airOnly.defaults.contains { $0.path == "geometry.internal_heat_capacity_j_per_m2k" })

        let tiny = DwellingFixtures.load(DwellingFixtures.replacing("\"storey_height_m\": 2.5 }",
                                                                    with: "\"storey_height_m\": 2.5, \"internal_heat_capacity_j_per_m2k\": 500 }"))
        #expect(tiny.dwelling != nil)
        #expect(tiny.issues.warnings.contains { $0.path == "geometry.internal_heat_capacity_j_per_m2k" })

        let absurd = DwellingFixtures.load(DwellingFixtures.replacing("\"storey_height_m\": 2.5 }",
                                                                      with: "\"storey_height_m\": 2.5, \"internal_heat_capacity_j_per_m2k\": 1e7 }"))
        #expect(absurd.dwelling == nil)
        #expect(absurd.issues.errors.contains { $0.path == "geometry.internal_heat_capacity_j_per_m2k" })
    }

    /// The default mass (EN ISO 13790 Table 12, 165 000 J/K per m² of floor) is spread over the
    /// walls, roofs and floors without a construction; a door gets the capacity of a 40 mm
    /// softwood leaf: 0.04 m × 500 kg/m³ × 1 600 J/(kg·K) = 32 000 J/(m²·K) (EN ISO 10456 Table 3).
    @Test func doorsAreNotTheBuildingsMass() throws {
        let dwelling = try #require(DwellingFixtures.load(DwellingFixtures.valid).dwelling)
        let door = try #require(dwelling.opaqueElements.first { $0.id == "door" })
        #expect(door.arealHeatCapacityJPerM2K == 32_000)
        // Unlayered: south 19 m² net, north 23, west 20, ceiling 80, floor 80 → 222 m² (the door's 2 m² not in it).
        let west = try #require(dwelling.opaqueElements.first { $0.id == "wall-west" })
        #expect(abs(west.arealHeatCapacityJPerM2K - 165_000 * 80 / 222) < 1e-6, "κ = \(west.arealHeatCapacityJPerM2K)")
    }

    @Test func layersPlaceTheMassSoNoDistributionDefaultIsReported() throws {
        let plain = DwellingFixtures.load(DwellingFixtures.valid)
        // wall-east (envelope.walls[2]) has layers; wall-west (walls[3]) has none.
        #expect(!plain.defaults.contains { $0.path == "envelope.walls[2].mass_distribution" })
        #expect(plain.defaults.contains { $0.path == "envelope.walls[3].mass_distribution" })

        let given = DwellingFixtures.load(DwellingFixtures.replacing("\"id\": \"wall-east\", \"area_m2\": 20, \"azimuth_deg\": 90,",
                                                                     with: "\"id\": \"wall-east\", \"area_m2\": 20, \"azimuth_deg\": 90, \"mass_distribution\": \"external\","))
        #expect(given.dwelling != nil)
        #expect(given.issues.warnings.contains { $0.path == "envelope.walls[2].mass_distribution" && $0.message.contains("layers") })
    }
}

/// Emitters and thermostats as they are (issue 11, item 2).
@Suite("Emitters and room thermostats")
struct EmitterAndThermostatTests {
    @Test func aDwellingThermostatSensesTheAirByDefault() throws {
        let loaded = DwellingFixtures.load(DwellingFixtures.valid)
        #expect(loaded.dwelling?.thermostat.controlTemperature == .air)
        #expect(loaded.defaults.contains { $0.path == "thermostat.control_temperature" && $0.reason.contains("room thermostat") })
    }

    @Test func theEmitterIsReportedAndSetsTheConvectiveShare() throws {
        // The fixture's gas boiler drives radiators: 0.7 convective (HEM FHS notional, EnergyPlus example).
        let loaded = DwellingFixtures.load(DwellingFixtures.valid)
        #expect(loaded.defaults.contains { $0.path == "heating.systems[0].emitter" })
        #expect(loaded.dwelling?.heatingConvectiveFraction == 0.7)
        // Underfloor: EN 1264-2 floor characteristic less its radiative part.
        let floor = DwellingFixtures.load(DwellingFixtures.replacing("\"max_power_w\": 15000", with: "\"max_power_w\": 15000, \"emitter\": \"underfloor\""))
        #expect(floor.dwelling?.heatingConvectiveFraction == 0.46)
        // Two systems by share: 0.6 × radiators 0.7 + 0.4 × stove 0.38 = 0.572.
        let two = DwellingFixtures.load(DwellingFixtures.replacing(
            "{ \"id\": \"boiler\", \"type\": \"gas_boiler_standard\", \"efficiency\": 0.8, \"max_power_w\": 15000 }",
            with: "{ \"id\": \"boiler\", \"type\": \"gas_boiler_standard\", \"efficiency\": 0.8, \"max_power_w\": 15000, \"share\": 0.6 }, { \"type\": \"wood_log_stove\", \"share\": 0.4 }"))
        #expect(two.issues.errors.isEmpty, "\(two.issues)")
        #expect(abs((two.dwelling?.heatingConvectiveFraction ?? 0) - 0.572) < 1e-12)
    }

    @Test func everyEmitterHasAConvectiveShareBetweenZeroAndOne() {
        for emitter in EmitterType.allCases {
            #expect(emitter.convectiveFraction > 0 && emitter.convectiveFraction <= 1, "\(emitter)")
        }
        for type in HeatingSystemType.allCases { _ = EmitterType.usual(for: type) }
    }
}
