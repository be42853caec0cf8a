import Foundation
import FoyerBills
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerTariffs
import FoyerThermal

/// Steady-state heat transfer coefficients of a resolved dwelling (EN ISO 13789:2017).
///
/// The quick "how leaky is it" figures a technician reads before any simulation: transmission
/// through each family of elements, thermal bridges, ventilation, and the heat loss at a design
/// outdoor temperature. Floors on the ground count with their EN ISO 13370 transmittance
/// (ground included), steady state.
public struct HeatLossSummary: Sendable, Equatable, Codable {
    /// H_tr per element family (walls, roofs, floors, doors, windows), W/K, each element's
    /// A·U weighted by its boundary's adjustment factor b (1 outdoors and to the ground, b for
    /// an unheated space, 0 toward a heated neighbour).
    public var transmissionByFamilyWPerK: [String: Double]
    /// Thermal bridges, W/K.
    public var thermalBridgesWPerK: Double
    /// H_ve = ρ_a·c_a·n·V with ρ_a·c_a = 1 200 J/(m³·K) (EN ISO 13789:2017), W/K.
    public var ventilationWPerK: Double
    /// Sum of all of the above, W/K.
    public var totalWPerK: Double
    /// Total per m² of heated floor, W/(m²·K).
    public var totalPerFloorAreaWPerM2K: Double

    enum CodingKeys: String, CodingKey {
        case transmissionByFamilyWPerK = "transmission_by_family_w_per_k"
        case thermalBridgesWPerK = "thermal_bridges_w_per_k"
        case ventilationWPerK = "ventilation_w_per_k"
        case totalWPerK = "total_w_per_k"
        case totalPerFloorAreaWPerM2K = "total_per_floor_area_w_per_m2k"
    }

    /// Volumetric heat capacity of air, ρ_a·c_a, J/(m³·K) (EN ISO 13789:2017 value).
    public static let airVolumetricHeatCapacityJPerM3K = 1200.0

    public init(_ dwelling: ResolvedDwelling) {
        func weight(_ boundary: ResolvedBoundary) -> Double {
            switch boundary {
            case .outdoor, .ground: 1
            case let .unheatedSpace(b): b
            case .adiabatic: 0
            }
        }
        var families: [String: Double] = [:]
        for element in dwelling.opaqueElements {
            var u = element.uValueWPerM2K
            if case let .ground(perimeter) = element.boundary {
                // The ground adds its own resistance (EN ISO 13370:2017, 9.1).
                let rf = max(1 / u - 2 * ISO6946.internalSurfaceResistance(ISO6946.HeatFlowDirection(tiltDeg: element.tiltDeg)), 0)
                u = ISO13370.slabOnGroundUValue(areaM2: element.netAreaM2, exposedPerimeterM: perimeter ?? 4 * element.netAreaM2.squareRoot(),
                                                floorResistanceM2KPerW: rf)
            }
            families[element.kind.rawValue + "s", default: 0] += weight(element.boundary) * element.netAreaM2 * u
        }
        for window in dwelling.windows {
            families["windows", default: 0] += weight(window.boundary) * window.areaM2 * window.uValueWPerM2K
        }
        transmissionByFamilyWPerK = families
        thermalBridgesWPerK = dwelling.thermalBridgeHeatTransferWPerK
        ventilationWPerK = Self.airVolumetricHeatCapacityJPerM3K * dwelling.ventilation.effectiveAirChangePerH * dwelling.volumeM3 / 3600
        totalWPerK = families.sumInKeyOrder + thermalBridgesWPerK + ventilationWPerK
        totalPerFloorAreaWPerM2K = totalWPerK / dwelling.floorAreaM2
    }
}
