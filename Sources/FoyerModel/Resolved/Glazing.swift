import Foundation

/// One pane of a glazing described layer by layer, outside to inside.
public struct ResolvedPane: Sendable, Equatable {
    public var thicknessM: Double
    public var conductivityWPerMK: Double
    /// Solar (direct) transmittance at normal incidence.
    public var solarTransmittance: Double
    /// Solar reflectance of the face turned outwards, and of the face turned to the room.
    public var solarReflectanceFront: Double
    public var solarReflectanceBack: Double
    /// Corrected (hemispherical) emissivity of the outer and inner faces.
    public var emissivityFront: Double
    public var emissivityBack: Double

    public init(thicknessM: Double, conductivityWPerMK: Double, solarTransmittance: Double, solarReflectanceFront: Double,
                solarReflectanceBack: Double, emissivityFront: Double, emissivityBack: Double) {
        self.thicknessM = thicknessM
        self.conductivityWPerMK = conductivityWPerMK
        self.solarTransmittance = solarTransmittance
        self.solarReflectanceFront = solarReflectanceFront
        self.solarReflectanceBack = solarReflectanceBack
        self.emissivityFront = emissivityFront
        self.emissivityBack = emissivityBack
    }
}

/// One gas-filled gap between two panes.
public struct ResolvedGap: Sendable, Equatable {
    public var widthM: Double
    public var gas: GapGas
    /// Volume fraction of `gas`; the rest is air.
    public var fillFraction: Double

    public init(widthM: Double, gas: GapGas, fillFraction: Double) {
        self.widthM = widthM
        self.gas = gas
        self.fillFraction = fillFraction
    }
}

/// A glazing described pane by pane and gap by gap (outside to inside), with its centre-of-glass
/// thermal transmittance (EN 673) and total solar energy transmittance (EN 410).
public struct ResolvedGlazingLayers: Sendable, Equatable {
    public var panes: [ResolvedPane]
    public var gaps: [ResolvedGap]

    public init(panes: [ResolvedPane], gaps: [ResolvedGap]) {
        self.panes = panes
        self.gaps = gaps
    }

    /// Centre-of-glass U_g, W/(m²·K) (EN 673).
    public var centreUValueWPerM2K: Double { GlazingPhysics.centreUValueWPerM2K(self) }
    /// Total solar energy transmittance g at normal incidence (EN 410).
    public var gValue: Double { GlazingPhysics.gValue(self) }
    /// Resistance from the outer to the inner glass surface, 1/h_t, m²·K/W (EN 673): the
    /// glazing without its surface films.
    public var glassToGlassResistanceM2KPerW: Double { GlazingPhysics.glassToGlassResistanceM2KPerW(self) }
}

/// EN 673 and EN 410 for a glazing of up to a few panes.
///
/// Sources: EN 673:2011 (Glass in building — Determination of thermal transmittance (U value) —
/// Calculation method) and EN 410:2011 (Glass in building — Determination of luminous and
/// solar characteristics of glazing), as summarised in `../shared/reference` and the notes of
/// decision 0009. The solar part treats every pane as specular and grey (one solar
/// transmittance and reflectance per face), the usual simplification when spectral data are
/// not at hand.
public enum GlazingPhysics {
    /// EN 673 conventional conditions: mean temperature of the glazing, K, and temperature
    /// difference across it (outer to inner glass surface), K.
    static let meanTemperatureK = 283.0
    static let temperatureDifferenceK = 15.0
    /// External coefficient h_e = 23 W/(m²·K) and internal h_i = 3.6 + 4.4·ε_i/0.837 (8.0 for
    /// uncoated glass) of EN 673:1997 and EN 410 (§5.4.6.1), as HoareLea/SAM implements them
    /// ("EN 673:1997"; EN 673:2011 amended them "slightly", its values not verified here). They
    /// give the reported U_g; the thermal network uses the glazing's glass-to-glass resistance
    /// with its own surface exchanges.
    static let externalCoefficientWPerM2K = 23.0
    /// Corrected emissivity of uncoated soda-lime glass (EN 673, EN 12898).
    public static let uncoatedEmissivity = 0.837
    /// Thermal conductivity of soda-lime glass, W/(m·K) (EN 572-1, EN 673).
    public static let glassConductivityWPerMK = 1.0
    /// Nusselt correlation for a vertical gap, Nu = A·(Gr·Pr)^n, Nu at least 1 (EN 673).
    static let nusseltA = 0.035, nusseltN = 0.38
    static let stefanBoltzmann = 5.670374419e-8

    /// Gas properties at 10 °C (EN 673, Table of gas properties): density kg/m³, dynamic
    /// viscosity kg/(m·s), thermal conductivity W/(m·K), specific heat J/(kg·K).
    struct GasProperties {
        var density, viscosity, conductivity, specificHeat: Double
    }

    static func properties(_ gas: GapGas) -> GasProperties {
        switch gas {
        case .air: GasProperties(density: 1.232, viscosity: 1.761e-5, conductivity: 2.496e-2, specificHeat: 1.008e3)
        case .argon: GasProperties(density: 1.699, viscosity: 2.164e-5, conductivity: 1.684e-2, specificHeat: 0.519e3)
        case .krypton: GasProperties(density: 3.56, viscosity: 2.4e-5, conductivity: 0.9e-2, specificHeat: 0.245e3)
        }
    }

    /// A gas mixed with air by volume fraction: each property the fraction-weighted mean (EN 673).
    static func properties(_ gap: ResolvedGap) -> GasProperties {
        let fill = min(max(gap.fillFraction, 0), 1)
        let gas = properties(gap.gas), air = properties(.air)
        func mix(_ a: Double, _ b: Double) -> Double { fill * a + (1 - fill) * b }
        return GasProperties(density: mix(gas.density, air.density), viscosity: mix(gas.viscosity, air.viscosity),
                             conductivity: mix(gas.conductivity, air.conductivity), specificHeat: mix(gas.specificHeat, air.specificHeat))
    }

    /// Radiative conductance of a gap between faces of emissivities ε₁, ε₂, W/(m²·K):
    /// h_r = 4σ·(1/ε₁ + 1/ε₂ − 1)⁻¹·T_m³ (EN 673).
    static func radiativeConductanceWPerM2K(_ e1: Double, _ e2: Double) -> Double {
        let t = meanTemperatureK
        return 4 * stefanBoltzmann * t * t * t / (1 / e1 + 1 / e2 - 1)
    }

    /// Gas conductance of a gap of width s with a temperature difference ΔT across it,
    /// W/(m²·K): h_g = Nu·λ/s, Nu = max(1, A·(Gr·Pr)^n), Gr = 9.81·s³·ΔT·ρ²/(T_m·μ²),
    /// Pr = μ·c/λ (EN 673).
    static func gasConductanceWPerM2K(_ gap: ResolvedGap, temperatureDifferenceK: Double) -> Double {
        let p = properties(gap)
        let s = gap.widthM
        let grashof = 9.81 * s * s * s * max(temperatureDifferenceK, 0) * p.density * p.density / (meanTemperatureK * p.viscosity * p.viscosity)
        let prandtl = p.viscosity * p.specificHeat / p.conductivity
        let nusselt = max(1, nusseltA * pow(grashof * prandtl, nusseltN))
        return nusselt * p.conductivity / s
    }

    /// Conductances h_s = h_g + h_r of the gaps, W/(m²·K), with EN 673's 15 K shared between
    /// the gaps in proportion to their resistances (a few fixed-point passes; one gap takes
    /// all of it).
    static func gapConductancesWPerM2K(_ glazing: ResolvedGlazingLayers) -> [Double] {
        let count = min(glazing.gaps.count, max(glazing.panes.count - 1, 0))
        guard count > 0 else { return [] }
        let radiative = (0..<count).map { radiativeConductanceWPerM2K(glazing.panes[$0].emissivityBack, glazing.panes[$0 + 1].emissivityFront) }
        var differences = [Double](repeating: temperatureDifferenceK / Double(count), count: count)
        var conductances = [Double](repeating: 0, count: count)
        for _ in 0..<8 {
            for j in 0..<count {
                conductances[j] = gasConductanceWPerM2K(glazing.gaps[j], temperatureDifferenceK: differences[j]) + radiative[j]
            }
            let total = conductances.reduce(0) { $0 + 1 / $1 }
            differences = conductances.map { temperatureDifferenceK * (1 / $0) / total }
        }
        return conductances
    }

    /// Resistance from the outer to the inner glass surface, 1/h_t = Σ 1/h_s + Σ d/λ, m²·K/W.
    public static func glassToGlassResistanceM2KPerW(_ glazing: ResolvedGlazingLayers) -> Double {
        gapConductancesWPerM2K(glazing).reduce(0) { $0 + 1 / $1 }
            + glazing.panes.reduce(0) { $0 + $1.thicknessM / $1.conductivityWPerMK }
    }

    /// Internal coefficient for an inner face of emissivity ε: 3.6 + 4.4·ε/0.837 W/(m²·K).
    static func internalCoefficientWPerM2K(emissivity: Double) -> Double {
        3.6 + 4.4 * emissivity / uncoatedEmissivity
    }

    /// Centre-of-glass U_g = 1/(1/h_e + 1/h_t + 1/h_i), W/(m²·K) (EN 673).
    public static func centreUValueWPerM2K(_ glazing: ResolvedGlazingLayers) -> Double {
        let inner = glazing.panes.last?.emissivityBack ?? uncoatedEmissivity
        return 1 / (1 / externalCoefficientWPerM2K + glassToGlassResistanceM2KPerW(glazing) + 1 / internalCoefficientWPerM2K(emissivity: inner))
    }

    /// Solar transmittance, reflectance and each pane's absorptance at normal incidence, by the
    /// net-radiation (adding) method over the panes' interreflections.
    public static func solarOptics(_ panes: [ResolvedPane]) -> (transmittance: Double, reflectance: Double, absorptances: [Double]) {
        let n = panes.count
        guard n > 0 else { return (1, 0, []) }
        // Seen from outside, the stack of the first k panes: transmittance T[k], back
        // reflectance B[k] (k = 0: nothing).
        var stackT = [1.0], stackBack = [0.0]
        for pane in panes {
            let t = stackT.last ?? 1, b = stackBack.last ?? 0
            let denominator = 1 - b * pane.solarReflectanceFront
            stackT.append(t * pane.solarTransmittance / denominator)
            stackBack.append(pane.solarReflectanceBack + pane.solarTransmittance * pane.solarTransmittance * b / denominator)
        }
        // Reflectance of panes k..n seen from outside, F[k] (F[n] = 0: the room reflects nothing back).
        var front = [Double](repeating: 0, count: n + 1)
        for k in stride(from: n - 1, through: 0, by: -1) {
            let pane = panes[k], behind = front[k + 1]
            front[k] = pane.solarReflectanceFront + pane.solarTransmittance * pane.solarTransmittance * behind / (1 - pane.solarReflectanceBack * behind)
        }
        // Net inward flux in front of pane k: the flux reaching it, D = T[k]/(1 − B[k]·F[k]),
        // less what comes back, D·F[k].
        let net = (0...n).map { k -> Double in
            let down = stackT[k] / (1 - stackBack[k] * front[k])
            return down * (1 - front[k])
        }
        let absorptances = (0..<n).map { max(net[$0] - net[$0 + 1], 0) }
        return (stackT[n], front[0], absorptances)
    }

    /// Total solar energy transmittance g = τ_e + q_i at normal incidence (EN 410): the
    /// secondary heat transfer q_i is each pane's absorptance times the share of it that flows
    /// inwards, the resistance on its outer side over the total, with the h_e and h_i above and
    /// the gaps' EN 673 conductances; the outer pane absorbs at
    /// its outer face, the inner pane at its inner face and middle panes at their centres, as
    /// EN 410 writes q_i for double and triple glazing.
    public static func gValue(_ glazing: ResolvedGlazingLayers) -> Double {
        let panes = glazing.panes
        guard !panes.isEmpty else { return 1 }
        let optics = solarOptics(panes)
        let gaps = gapConductancesWPerM2K(glazing)
        let he = externalCoefficientWPerM2K
        let hi = internalCoefficientWPerM2K(emissivity: panes.last?.emissivityBack ?? uncoatedEmissivity)
        // Resistance positions from the outdoor air: the faces and centres of the panes.
        var position = 1 / he
        var absorptionPositions: [Double] = []
        for (k, pane) in panes.enumerated() {
            let glass = pane.thicknessM / pane.conductivityWPerMK
            let own: Double = panes.count == 1 ? glass / 2 : (k == 0 ? 0 : (k == panes.count - 1 ? glass : glass / 2))
            absorptionPositions.append(position + own)
            position += glass + (k < gaps.count ? 1 / gaps[k] : 0)
        }
        let total = position + 1 / hi
        let inward = zip(optics.absorptances, absorptionPositions).reduce(0) { $0 + $1.0 * $1.1 / total }
        return optics.transmittance + inward
    }
}
