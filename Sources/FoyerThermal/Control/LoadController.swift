/// Ideal and capacity-limited heating and cooling of a zone by superposition.
///
/// The network is linear, so the step's temperatures with a heating power Φ are
/// θ(Φ) = θ(0) + Φ·r, where r is the response to 1 W injected with the emitter's distribution
/// (precomputed once: ``CompiledThermalNetwork/unitResponse(distribution:)``). The controlled
/// temperature is a weighted sum of node temperatures (the air node, or the operative
/// temperature), so the power that holds a set-point is
///
///     Φ = (θ_set − w·θ(0)) / (w·r)
///
/// then clamped to the system's capacity. This is the procedure of EN ISO 52016-1:2017,
/// 6.5.5.2 (steps 1–4) and EN ISO 13790:2008, C.4.2, which interpolate linearly between a
/// free-floating solve and one with 10 W/m²: for a linear network the two are identical.
public struct LoadController: Sendable {
    /// Weights of the controlled temperature over the nodes (sum 1).
    public let controlWeights: [Double]
    /// Node response to 1 W of heating, K/W.
    public let heatingResponse: [Double]
    /// w·r: the controlled temperature's response to 1 W, K/W.
    public let controlResponseKPerW: Double

    /// - Parameters:
    ///   - network: the compiled network.
    ///   - heatingDistribution: fraction of the heating (or cooling) power going to each node.
    ///   - controlWeights: weights of the controlled temperature over the nodes.
    public init(network: CompiledThermalNetwork, heatingDistribution: [Double], controlWeights: [Double]) {
        self.controlWeights = controlWeights
        heatingResponse = network.unitResponse(distribution: heatingDistribution)
        var response = 0.0
        for i in 0..<controlWeights.count { response += controlWeights[i] * heatingResponse[i] }
        controlResponseKPerW = response
    }

    /// The controlled temperature of a solution.
    public func controlledTemperature(_ temperatures: [Double]) -> Double {
        var value = 0.0
        for i in 0..<controlWeights.count { value += controlWeights[i] * temperatures[i] }
        return value
    }

    /// The set-point band of one step. Powers in W; `nil` set-points mean no heating or no cooling.
    public struct Demand: Sendable, Equatable {
        public var heatingSetpointC: Double?
        public var coolingSetpointC: Double?
        public var maxHeatingW: Double
        public var maxCoolingW: Double

        public init(heatingSetpointC: Double?, coolingSetpointC: Double?, maxHeatingW: Double = .infinity, maxCoolingW: Double = .infinity) {
            self.heatingSetpointC = heatingSetpointC
            self.coolingSetpointC = coolingSetpointC
            self.maxHeatingW = maxHeatingW
            self.maxCoolingW = maxCoolingW
        }
    }

    /// The result of controlling one step.
    public struct Outcome: Sendable, Equatable {
        /// Heating (> 0) or cooling (< 0) power delivered, W.
        public var powerW: Double
        /// Power the set-point would have needed (before the capacity limit), W.
        public var unrestrictedPowerW: Double
    }

    /// Applies the thermostat to a free-floating solution: finds the power, clamps it, and
    /// updates `temperatures` to the controlled solution.
    public func control(freeFloating temperatures: inout [Double], demand: Demand) -> Outcome {
        let outcome = Self.power(
            freeFloatingC: controlledTemperature(temperatures), heatingSetpointC: demand.heatingSetpointC ?? -.infinity,
            coolingSetpointC: demand.coolingSetpointC ?? .infinity, responseKPerW: controlResponseKPerW,
            maxHeatingW: demand.maxHeatingW, maxCoolingW: demand.maxCoolingW)
        if outcome.powerW != 0 {
            for i in 0..<temperatures.count { temperatures[i] += outcome.powerW * heatingResponse[i] }
        }
        return outcome
    }

    /// The power that brings the controlled temperature from its free-floating value to the
    /// nearer set-point (none inside the band), and that power clamped to the capacities.
    /// `-∞`/`+∞` set-points turn heating/cooling off.
    @inline(__always)
    static func power(freeFloatingC free: Double, heatingSetpointC: Double, coolingSetpointC: Double, responseKPerW: Double,
                      maxHeatingW: Double, maxCoolingW: Double) -> Outcome {
        var needed = 0.0
        if free < heatingSetpointC {
            needed = (heatingSetpointC - free) / responseKPerW
        } else if free > coolingSetpointC {
            needed = (coolingSetpointC - free) / responseKPerW
        }
        return Outcome(powerW: min(max(needed, -maxCoolingW), maxHeatingW), unrestrictedPowerW: needed)
    }
}
