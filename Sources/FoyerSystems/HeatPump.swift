import Foundation

/// Heat-pump coefficient of performance as a function of source and sink temperatures.
///
/// The COP is a constant fraction η of the Carnot COP between the refrigerant's condensing and
/// evaporating temperatures, each set apart from the water (or air) and the outdoor air by a
/// heat-exchanger approach:
///
///     θ_cond = θ_sink + 4 K      θ_evap = θ_outdoor − 6 K
///     COP = η · T_cond / (T_cond − T_evap)      (temperatures in K)
///
/// (the approaches of the open-source emoncms heat-pump model, `Docs/SystemsReferences.md` §2.2;
/// the Carnot-fraction form is the first-order model of VDI 4650-1 and of the simplified
/// methods of EN 15316-4-2). η is fixed by the COP at the EN 14511 rating point A7/W35
/// (outdoor air 7 °C, water 35 °C): the rated COP when the dwelling file gives it, else
/// ``SystemDefaults/airSourceRatedCOP``. The approaches keep the COP from running away at the
/// small lifts of mild weather and underfloor heating, where a bare Carnot fraction overshoots
/// the field data. The lift is bounded below at 15 K.
///
/// Frost: below +2 °C outdoor air, defrost cycles cost 20 % of the COP (the icing factor 0.8 of
/// oemof-thermal's compression heat-pump model; `Docs/SystemsReferences.md` §2.5).
public enum CarnotHeatPump {
    /// The flow temperature of a weather-compensated emitter system:
    ///
    ///     θ_flow = θ_room + (θ_design − θ_room) · ((θ_room − θ_out)/(θ_room − θ_out,design))^(1/n)
    ///
    /// the emitter characteristic of EN 442-2 (heat output ∝ ΔT^n) inverted for the load, with
    /// the load taken proportional to θ_room − θ_out. n = 1.3 for radiators, 1.1 for underfloor
    /// heating (EN 1264), 1.0 for fan coils and air-to-air units.
    public static func flowTemperatureC(outdoorC: Double, designFlowC: Double, designOutdoorC: Double, exponent: Double, roomC: Double = 20) -> Double {
        let load = max(0, min(1.2, (roomC - outdoorC) / (roomC - designOutdoorC)))
        return roomC + (designFlowC - roomC) * pow(load, 1 / exponent)
    }

    /// Condensing temperature above the sink, K, and evaporating temperature below the outdoor
    /// air, K (emoncms heat-pump model).
    public static let condenserApproachK = 4.0
    public static let evaporatorApproachK = 6.0

    /// The Carnot COP between the refrigerant temperatures that serve a source at `sourceC`
    /// and a sink at `sinkC`.
    public static func carnotCOP(sourceC: Double, sinkC: Double) -> Double {
        let condensingC = sinkC + condenserApproachK, evaporatingC = sourceC - evaporatorApproachK
        let lift = max(15, condensingC - evaporatingC)
        return (condensingC + 273.15) / lift
    }

    /// η from a rated COP at A7/W35.
    public static func exergeticEfficiency(ratedCOP: Double) -> Double {
        ratedCOP / carnotCOP(sourceC: 7, sinkC: 35)
    }

    /// The COP at `outdoorC` delivering water (or air) at `sinkC`.
    public static func cop(outdoorC: Double, sinkC: Double, efficiency: Double) -> Double {
        var cop = efficiency * carnotCOP(sourceC: outdoorC, sinkC: sinkC)
        if outdoorC < 2 { cop *= 0.8 }
        return max(1, cop)
    }

    // MARK: Part load and off-mode consumption (EN 14825)

    /// The lowest output an inverter heat pump holds without cycling, as a share of its design
    /// capacity: 0.35. ASSUMPTION between the two figures found: compressors that run "maybe 40 %
    /// up to 100 %" of their speed (J. Ewbank's monitoring of air-to-air units, 2025) and the
    /// 1/3 capacity reduction of most mini-splits' specifications (GreenBuildingAdvisor, 2018).
    /// Manufacturers rarely publish it; `Docs/SystemsReferences.md` §2.5.
    public static let minimumModulation = 0.35

    /// Degradation coefficient for cycling of water-based heat pumps, Cdh = 0.9 (EN 14825 §8,
    /// the default when it is not measured).
    public static let waterCyclingCdh = 0.9

    /// Degradation coefficient for cycling of air-to-air units, Cd = 0.25 (EN 14825 default).
    public static let airCyclingCd = 0.25

    /// Power drawn while the compressor is idle in the heating season, W: crankcase heater
    /// 10 W + off mode 10 W, the default values of an EN 14825 bin calculation when a product
    /// does not declare them (vpnytt.blogspot.com, 2014, a Norwegian SCOP calculation).
    /// ASSUMPTION for units without a declared P_CK and P_OFF.
    public static let idleAuxiliaryW = 20.0

    /// The share of the steady-state COP kept when the heat pump delivers `loadKW` but cannot
    /// modulate below `minimumKW` and so cycles on and off:
    ///
    ///     water units: CR / (Cdh · CR + 1 − Cdh)     air-to-air: 1 − Cd · (1 − CR)
    ///
    /// with the capacity ratio CR = load / minimum output (EN 14825 §8.4 for fixed-capacity
    /// units, applied below the lowest capacity step of variable-capacity ones). 1 when the
    /// load is at or above the minimum.
    public static func cyclingFactor(loadKW: Double, minimumKW: Double, airToAir: Bool) -> Double {
        guard minimumKW > 0, loadKW < minimumKW else { return 1 }
        let ratio = max(0, loadKW / minimumKW)
        if airToAir { return 1 - airCyclingCd * (1 - ratio) }
        return ratio / (waterCyclingCdh * ratio + 1 - waterCyclingCdh)
    }
}
