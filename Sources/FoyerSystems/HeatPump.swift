import Foundation

/// Heat-pump coefficient of performance as a function of source and sink temperatures.
///
/// The COP is a constant fraction η of the Carnot COP between the sink (the emitter's flow
/// temperature) and the source (outdoor air):
///
///     COP = η · T_sink / (T_sink − T_source)      (temperatures in K)
///
/// with η fixed by the rated COP at the EN 14511 standard rating condition A7/W35 (outdoor air
/// 7 °C, water 35 °C). This "exergetic efficiency" model is the usual first-order one (e.g.
/// VDI 4650-1 and the simplified heat-pump models of EN 15316-4-2 start from it); typical
/// air-source values of η are 0.35–0.50. The lift is bounded below at 10 K (the Carnot COP
/// diverges as the lift vanishes; real machines do not). η = 0.40 for air-source units when no
/// rated COP is given (``SystemDefaults/airSourceCarnotEfficiency``).
///
/// Frost: below +2 °C outdoor air, defrost cycles cost 20 % of the COP (the icing factor 0.8 of
/// oemof-thermal's compression heat-pump model, with which η = 0.4 reproduces the German 2019
/// field averages; `Docs/SystemsReferences.md` §2.5).
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

    /// The Carnot COP between `sourceC` and `sinkC`.
    public static func carnotCOP(sourceC: Double, sinkC: Double) -> Double {
        let lift = max(10, sinkC - sourceC)
        return (sinkC + 273.15) / lift
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
}
