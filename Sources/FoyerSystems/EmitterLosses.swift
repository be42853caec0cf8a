import Foundation

/// Heat a hydronic heating system loses on its way to the rooms, computed from the physics of
/// the pipe or the wall rather than taken as a percentage: the heat lost by pipes crossing
/// unheated spaces, and the extra heat lost through the external wall behind a radiator (which
/// a reflective foil cuts).
///
/// The 3CL-DPE 2021 chain carries both as fixed efficiencies (distribution Rd 0.91 for an
/// individual uninsulated network, emission Re 0.95). Foyer keeps those defaults for a dwelling
/// that says nothing more; when a file describes the pipes in unheated spaces, their loss is
/// computed here hour by hour (and the distribution efficiency defaults to 1); a radiator
/// reflector removes, hour by hour, the part of the back loss computed here.
public enum EmitterLosses {
    /// Stefan–Boltzmann constant, W/(m²·K⁴).
    static let sigma = 5.670_374e-8

    /// Heat lost by one metre of pipe, W/m, water at `waterC` in air at `airC` (surroundings at
    /// the same temperature).
    ///
    /// Cylindrical insulation layer, EN ISO 12241:2008 §4.2.2 (R′ = ln(D_e/D_i)/(2πλ)), and an
    /// outer surface resistance 1/(h_se·π·D_e) with h_se = h_c + h_r: free convection from a
    /// horizontal cylinder in air, laminar, h_c = 1.32·(ΔT/D)^0.25 W/(m²·K) (ASHRAE Handbook —
    /// Fundamentals, ch. 4, simplified free-convection equations for air), and linearised
    /// radiation h_r = ε·σ·(T_s² + T_a²)·(T_s + T_a). The pipe wall and the water film are
    /// neglected (copper or steel: resistances two orders smaller). The surface temperature is
    /// found by fixed-point iteration (h depends on it).
    /// - Parameters:
    ///   - outerDiameterM: the pipe's outer diameter, m.
    ///   - insulationThicknessM: lagging thickness, m (0: bare pipe).
    ///   - conductivityWPerMK: the lagging's conductivity, W/(m·K).
    ///   - emissivity: of the outer surface (bare metal or lagging), 0–1.
    public static func pipeLossWPerM(waterC: Double, airC: Double, outerDiameterM: Double, insulationThicknessM: Double,
                                     conductivityWPerMK: Double, emissivity: Double) -> Double {
        let deltaK = waterC - airC
        guard deltaK > 0, outerDiameterM > 0 else { return 0 }
        let outer = outerDiameterM + 2 * max(0, insulationThicknessM)
        let insulation = insulationThicknessM > 0 ? log(outer / outerDiameterM) / (2 * Double.pi * conductivityWPerMK) : 0
        var surfaceC = insulationThicknessM > 0 ? airC + 0.1 * deltaK : waterC
        var loss = 0.0
        for _ in 0..<30 {
            let surfaceK = surfaceC + 273.15, airK = airC + 273.15
            let excess = max(1e-6, surfaceC - airC)
            let convection = 1.32 * pow(excess / outer, 0.25)
            let radiation = emissivity * sigma * (surfaceK * surfaceK + airK * airK) * (surfaceK + airK)
            let surface = 1 / ((convection + radiation) * Double.pi * outer)
            loss = deltaK / (insulation + surface)
            let next = airC + loss * surface
            if abs(next - surfaceC) < 1e-6 { break }
            surfaceC = 0.5 * (surfaceC + next)
        }
        return loss
    }

    /// Emissivity of a bare heating pipe (painted steel or oxidised copper, ≈ 0.9) and of the
    /// outer face of pipe lagging (foam, elastomer, ≈ 0.9): ASHRAE Handbook — Fundamentals,
    /// ch. 4, table of emissivities of non-metallic and oxidised surfaces.
    public static let pipeSurfaceEmissivity = 0.9

    /// Extra heat lost through an external wall behind a radiator, W per m² of radiator back,
    /// compared with the same wall facing the room.
    ///
    /// The wall's inner surface behind the radiator exchanges by radiation with the radiator's
    /// back (two parallel grey plates, ε_eff = 1/(1/ε_radiator + 1/ε_wall − 1), linearised
    /// h_r = 4·σ·T_m³·ε_eff) and by convection with the air of the gap (h_c 2.5 W/(m²·K), the
    /// convective part of the inside surface resistance of EN ISO 6946:2017 Table 7 for a
    /// horizontal heat flow), and conducts to the outside through K = 1/(1/U − R_si),
    /// R_si = 0.13 m²·K/W (EN ISO 6946:2017 Table 7). Its balance
    ///
    ///     h_r·(θ_water − θ_s) + h_c·(θ_room − θ_s) = K·(θ_s − θ_out)
    ///
    /// gives θ_s and the loss K·(θ_s − θ_out), set against U·(θ_room − θ_out) for the wall
    /// facing the room. A reflective foil (ε ≈ 0.05) on the wall's face cuts h_r twenty-fold.
    /// - Parameters:
    ///   - wallUWPerM2K: U of the wall behind the radiator.
    ///   - wallEmissivity: of the wall's face towards the radiator (0.9 plaster, 0.05 aluminium foil).
    public static func radiatorBackExtraLossWPerM2(waterC: Double, roomC: Double, outdoorC: Double, wallUWPerM2K: Double,
                                                   wallEmissivity: Double, radiatorEmissivity: Double = 0.9) -> Double {
        guard wallUWPerM2K > 0, waterC > roomC else { return 0 }
        let conduction = 1 / max(1e-3, 1 / wallUWPerM2K - 0.13)
        let effective = 1 / (1 / radiatorEmissivity + 1 / wallEmissivity - 1)
        let meanK = (waterC + roomC) / 2 + 273.15
        let radiation = 4 * sigma * meanK * meanK * meanK * effective
        let convection = 2.5
        let surfaceC = (radiation * waterC + convection * roomC + conduction * outdoorC) / (radiation + convection + conduction)
        return conduction * (surfaceC - outdoorC) - wallUWPerM2K * (roomC - outdoorC)
    }

    /// Emissivity of a reflective radiator foil (aluminium face): 0.05, the polished-aluminium
    /// value of EN ISO 6946:2017 Annex D (low-emissivity surfaces) and of ASHRAE Fundamentals ch. 4.
    public static let reflectorFoilEmissivity = 0.05
    /// Emissivity of a painted or plastered wall, 0.9 (EN ISO 6946:2017 Annex D, ordinary
    /// building materials).
    public static let wallEmissivity = 0.9
    /// Back area of one radiator, m²: 0.6 m × 1.2 m, the radiator of the worked example in
    /// `Docs/Research/measures-parameters.md` §3 (alexrice.co.uk).
    public static let radiatorBackAreaM2 = 0.72

    /// The mean water temperature in a weather-compensated radiator circuit: the flow curve of
    /// EN 442-2 (``CarnotHeatPump/flowTemperatureC(outdoorC:designFlowC:designOutdoorC:exponent:roomC:)``)
    /// less half a 10 K design flow/return drop, scaled like the flow's excess over the room.
    public static func meanWaterC(outdoorC: Double, designFlowC: Double, designOutdoorC: Double, exponent: Double, roomC: Double) -> Double {
        let flow = CarnotHeatPump.flowTemperatureC(outdoorC: outdoorC, designFlowC: designFlowC, designOutdoorC: designOutdoorC, exponent: exponent, roomC: roomC)
        let designExcess = max(1, designFlowC - roomC)
        return roomC + (flow - roomC) * max(0, designExcess - 5) / designExcess
    }
}
