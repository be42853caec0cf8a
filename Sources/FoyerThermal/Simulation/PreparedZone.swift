/// A zone ready to simulate: its compiled network and every hourly input, whatever model
/// (EN ISO 52016-1 or EN ISO 13790 5R1C) built it. The hourly engine only steps this.
public struct PreparedZone: Sendable {
    /// Which model built the zone.
    public var model: ThermalModel
    public var compiled: CompiledThermalNetwork
    /// The thermostat's controller (distribution of the heating power, controlled temperature).
    public var controller: LoadController
    /// Boundary temperatures, `[boundary][hour]`, °C.
    public var boundaryTemperaturesC: [[Double]]
    /// Heat injected at each node, hour-major: `sourcesW[hour * nodeCount + node]`, W.
    public var sourcesW: [Double]
    /// Solar gains transmitted through the windows in each hour, W, for the balance.
    public var solarGainsW: [Double]
    /// Heat flows attributed to an element family in the balance that do not pass through a
    /// boundary link, per hour, W: solar absorbed on the outer surfaces of opaque elements
    /// (part of the net conduction through them), or, in the 5R1C model, the share of the gains
    /// EN ISO 13790 C.2 sends straight out through the windows (negative).
    public var familyFlowsW: [String: [Double]]
    /// Internal gains of each hour, W, for the balance.
    public var internalGainsW: [Double]
    /// The zone air node.
    public var airNode: Int
    /// Weights giving the operative temperature from the node temperatures.
    public var operativeWeights: [Double]
    /// Element family of each boundary link (`links[k]` of the network), for the balance:
    /// "walls", "roofs", "floors", "doors", "windows", "thermal bridges", "ventilation".
    public var boundaryLinkFamilies: [String]
    /// Heating set-point of each hour, °C (`nil` when heating is off).
    public var heatingSetpointC: [Double?]
    /// Cooling set-point of each hour, °C (`nil` when cooling is off).
    public var coolingSetpointC: [Double?]
    public var maxHeatingW: Double
    public var maxCoolingW: Double
    /// Whether someone is at home, per hour (for comfort indicators).
    public var occupied: [Bool]
    /// Conditioned floor area, m².
    public var floorAreaM2: Double
}

/// The thermal models Foyer offers.
public enum ThermalModel: String, Sendable, CaseIterable, Codable {
    /// EN ISO 52016-1:2017 hourly method: 5 nodes per opaque element, 2 per window.
    case iso52016
    /// EN ISO 13790:2008 Annex C, 5R1C: the fast screening model.
    case fiveR1C = "5r1c"
    /// EN ISO 13790:2008 monthly quasi-steady-state method.
    case monthly
}
