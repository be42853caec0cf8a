/// EN ISO 13790:2008, Annex C: the simple hourly method, a five-resistance, one-capacity (5R1C)
/// network per zone. Foyer's fast screening model.
public enum ISO13790 {
    /// Heat transfer coefficient between the air node and the central (star) node per m² of
    /// internal surface, h_is = 3.45 W/(m²·K) (EN ISO 13790:2008, 7.2.2.2, eq. 9).
    public static let airToSurfaceCoefficientWPerM2K = 3.45
    /// Ratio of the internal surface area to the floor area, Λ_at = 4.5 (EN ISO 13790:2008, 7.2.2.2).
    public static let surfaceToFloorAreaRatio = 4.5
    /// Heat transfer coefficient between the mass node and the central node per m² of effective
    /// mass area, h_ms = 9.1 W/(m²·K) (EN ISO 13790:2008, 12.2.2, eq. 64).
    public static let massToSurfaceCoefficientWPerM2K = 9.1

    /// Mass classes of EN ISO 13790:2008, 12.3.1.2, Table 12: effective mass area A_m and
    /// internal heat capacity C_m, both per m² of floor.
    public enum MassClass: String, Sendable, CaseIterable {
        case veryLight = "very_light", light, medium, heavy, veryHeavy = "very_heavy"

        /// A_m / A_f.
        public var massAreaPerFloorArea: Double {
            switch self {
            case .veryLight, .light, .medium: 2.5
            case .heavy: 3.0
            case .veryHeavy: 3.5
            }
        }

        /// C_m / A_f, J/(m²·K).
        public var heatCapacityPerFloorAreaJPerM2K: Double {
            switch self {
            case .veryLight: 80_000
            case .light: 110_000
            case .medium: 165_000
            case .heavy: 260_000
            case .veryHeavy: 370_000
            }
        }
    }

    /// The physical parameters of one 5R1C zone.
    public struct ZoneParameters: Sendable, Equatable {
        /// Conditioned floor area A_f, m².
        public var floorAreaM2: Double
        /// Area of all internal surfaces A_t, m² (default Λ_at·A_f).
        public var internalSurfaceAreaM2: Double
        /// Effective mass area A_m, m².
        public var massAreaM2: Double
        /// Internal heat capacity C_m, J/K.
        public var heatCapacityJPerK: Double
        /// H_tr,w: windows and other massless elements, W/K.
        public var windowsWPerK: Double
        /// H_tr,op: opaque elements (with their adjustment factors), W/K.
        public var opaqueWPerK: Double
        /// H_ve: ventilation, W/K.
        public var ventilationWPerK: Double

        public init(floorAreaM2: Double, internalSurfaceAreaM2: Double? = nil, massAreaM2: Double, heatCapacityJPerK: Double,
                    windowsWPerK: Double, opaqueWPerK: Double, ventilationWPerK: Double) {
            self.floorAreaM2 = floorAreaM2
            self.internalSurfaceAreaM2 = internalSurfaceAreaM2 ?? ISO13790.surfaceToFloorAreaRatio * floorAreaM2
            self.massAreaM2 = massAreaM2
            self.heatCapacityJPerK = heatCapacityJPerK
            self.windowsWPerK = windowsWPerK
            self.opaqueWPerK = opaqueWPerK
            self.ventilationWPerK = ventilationWPerK
        }

        /// H_tr,is = h_is·A_t (eq. 9), W/K.
        public var airToSurfaceWPerK: Double { airToSurfaceCoefficientWPerM2K * internalSurfaceAreaM2 }
        /// H_tr,ms = h_ms·A_m (eq. 64), W/K.
        public var surfaceToMassWPerK: Double { massToSurfaceCoefficientWPerM2K * massAreaM2 }
        /// H_tr,em = 1/(1/H_tr,op − 1/H_tr,ms) (eq. 63), W/K: the opaque elements' conductance
        /// between outdoors and the mass node.
        public var outdoorToMassWPerK: Double {
            guard opaqueWPerK > 0 else { return 0 }
            return 1 / (1 / opaqueWPerK - 1 / surfaceToMassWPerK)
        }
    }

    /// A 5R1C zone as a ``ThermalNetwork``: three nodes (air, central surface, mass) and two
    /// boundary temperatures (outdoor air θ_e, supply air θ_sup).
    public struct Zone5R1C: Sendable {
        public let parameters: ZoneParameters
        public let network: ThermalNetwork
        public static let airNode = 0, surfaceNode = 1, massNode = 2
        public static let outdoorBoundary = 0, supplyBoundary = 1

        public init(_ parameters: ZoneParameters) {
            self.parameters = parameters
            var network = ThermalNetwork()
            let air = network.addNode("air")
            let surface = network.addNode("surface")
            let mass = network.addNode("mass", capacityJPerK: parameters.heatCapacityJPerK)
            let outdoor = network.addBoundary("outdoor air")
            let supply = network.addBoundary("supply air")
            network.connect(air, boundary: supply, conductanceWPerK: parameters.ventilationWPerK)
            network.connect(air, surface, conductanceWPerK: parameters.airToSurfaceWPerK)
            network.connect(surface, boundary: outdoor, conductanceWPerK: parameters.windowsWPerK)
            network.connect(surface, mass, conductanceWPerK: parameters.surfaceToMassWPerK)
            network.connect(mass, boundary: outdoor, conductanceWPerK: parameters.outdoorToMassWPerK)
            self.network = network
        }

        /// Distribution of the internal and solar gains over the three nodes,
        /// EN ISO 13790:2008, C.2, eqs. C.1–C.3:
        /// Φ_ia = 0.5 Φ_int; Φ_m = (A_m/A_t)(0.5 Φ_int + Φ_sol);
        /// Φ_st = (1 − A_m/A_t − H_tr,w/(9.1 A_t))(0.5 Φ_int + Φ_sol).
        public func gainsW(internalW: Double, solarW: Double) -> (air: Double, surface: Double, mass: Double) {
            Self.split(internalW: internalW, solarW: solarW, shares: gainShares)
        }

        /// The shares of 0.5 Φ_int + Φ_sol that C.2 gives the mass and surface nodes (C.2, C.3).
        public var gainShares: (mass: Double, surface: Double) {
            let p = parameters
            let massShare = p.massAreaM2 / p.internalSurfaceAreaM2
            let surfaceShare = 1 - massShare - p.windowsWPerK / (massToSurfaceCoefficientWPerM2K * p.internalSurfaceAreaM2)
            return (massShare, surfaceShare)
        }

        /// ``gainsW(internalW:solarW:)`` with the shares computed once.
        @inline(__always)
        static func split(internalW: Double, solarW: Double, shares: (mass: Double, surface: Double)) -> (air: Double, surface: Double, mass: Double) {
            let shared = 0.5 * internalW + solarW
            return (0.5 * internalW, shares.surface * shared, shares.mass * shared)
        }

        /// Operative temperature θ_op = 0.3 θ_air + 0.7 θ_s (EN ISO 13790:2008, C.3, eq. C.12).
        public static func operativeTemperatureC(airC: Double, surfaceC: Double) -> Double { 0.3 * airC + 0.7 * surfaceC }
    }
}
