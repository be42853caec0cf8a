/// Thermal resistance and transmittance of building components, EN ISO 6946:2017.
public enum ISO6946 {
    /// Direction of the heat flow through an element, from its tilt.
    public enum HeatFlowDirection: Sendable, Equatable {
        case upwards, horizontal, downwards

        /// EN ISO 6946:2017, Table 7 note: "horizontal" applies to heat flow within ±30° of the
        /// horizontal plane, i.e. surface tilts from 60° to 120°. In winter heat leaves a roof
        /// upwards and a floor downwards.
        public init(tiltDeg: Double) {
            if tiltDeg < 60 {
                self = .upwards
            } else if tiltDeg <= 120 {
                self = .horizontal
            } else {
                self = .downwards
            }
        }
    }

    /// Internal surface resistance R_si, m²·K/W. Source: EN ISO 6946:2017, 6.8 and Table 7
    /// (upwards 0.10, horizontal 0.13, downwards 0.17).
    public static func internalSurfaceResistance(_ direction: HeatFlowDirection) -> Double {
        switch direction {
        case .upwards: 0.10
        case .horizontal: 0.13
        case .downwards: 0.17
        }
    }

    /// External surface resistance R_se, m²·K/W: 0.04 for an element to outdoor air
    /// (EN ISO 6946:2017, 6.8 and Table 7). Toward an unheated space the internal value applies
    /// on both sides (a surface facing another room is an internal surface, EN ISO 6946:2017,
    /// 6.8); toward the ground the soil is handled by EN ISO 13370, and the film on the element's
    /// far side is likewise taken as R_si.
    public static func externalSurfaceResistance(_ direction: HeatFlowDirection, toOutdoorAir: Bool) -> Double {
        toOutdoorAir ? 0.04 : internalSurfaceResistance(direction)
    }

    /// Thermal resistance of a homogeneous layer, R = d/λ (EN ISO 6946:2017, 6.7.1).
    public static func layerResistance(thicknessM: Double, conductivityWPerMK: Double) -> Double {
        thicknessM / conductivityWPerMK
    }

    /// Total resistance R_T = R_si + ΣR_i + R_se and transmittance U = 1/R_T
    /// for an element of homogeneous layers (EN ISO 6946:2017, 6.7.1 and clause 7).
    public static func uValue(layerResistancesM2KPerW: [Double], rsi: Double, rse: Double) -> Double {
        1 / (rsi + layerResistancesM2KPerW.reduce(0, +) + rse)
    }
}
