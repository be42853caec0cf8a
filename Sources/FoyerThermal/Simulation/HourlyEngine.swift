import FoyerClimate

/// The results of an hourly simulation of one zone.
public struct HourlyResult: Sendable {
    public var model: ThermalModel
    /// Per hour: outdoor, air and operative temperature (°C), heating and cooling power (W,
    /// both ≥ 0), unmet heating (W) when the system's capacity is too small.
    public var outdoorC: [Double]
    public var airC: [Double]
    public var operativeC: [Double]
    public var heatingW: [Double]
    public var coolingW: [Double]
    public var unmetHeatingW: [Double]
    /// Annual sums of the heat flows into the zone by component, kWh (losses negative): net
    /// conduction per element family (solar absorbed on their outer surfaces included),
    /// thermal bridges, ventilation, solar through the windows, internal gains, heating and
    /// cooling; and the change of stored heat. Their difference, the closure error, is zero for
    /// an exact balance.
    public var balanceKWh: [String: Double]
    public var storageChangeKWh: Double
    public var occupied: [Bool]
    public var floorAreaM2: Double

    /// Σ components − storage change, kWh.
    public var closureErrorKWh: Double { balanceKWh.values.reduce(0, +) - storageChangeKWh }
}

/// Steps a ``PreparedZone`` through the year: one back-substitution per hour for the
/// free-floating state, then the thermostat by superposition (``LoadController``).
public enum HourlyEngine {
    public static func run(_ zone: PreparedZone, warmUpHours: Int = 744) -> HourlyResult {
        let hours = WeatherYear.hoursPerYear
        let compiled = zone.compiled
        let n = compiled.nodeCount
        let boundaryCount = zone.boundaryTemperaturesC.count
        let links = compiled.network.boundaryLinks
        let capacities = compiled.network.capacitiesJPerK

        var state = [Double](repeating: zone.heatingSetpointC.first.flatMap { $0 } ?? 20, count: n)
        var previous = state
        var solution = [Double](repeating: 0, count: n)
        var boundary = [Double](repeating: 0, count: boundaryCount)
        var sources = [Double](repeating: 0, count: n)

        var outdoor = [Double](repeating: 0, count: hours)
        var airC = outdoor, operativeC = outdoor, heating = outdoor, cooling = outdoor, unmet = outdoor
        var linkEnergyJ = [Double](repeating: 0, count: links.count)
        var heatingJ = 0.0, coolingJ = 0.0, solarJ = 0.0, internalJ = 0.0, storageJ = 0.0
        let warmUp = max(0, min(warmUpHours, hours))

        for step in 0..<(warmUp + hours) {
            let recording = step >= warmUp
            let hour = recording ? step - warmUp : hours - warmUp + step
            for b in 0..<boundaryCount { boundary[b] = zone.boundaryTemperaturesC[b][hour] }
            let base = hour * n
            for i in 0..<n { sources[i] = zone.sourcesW[base + i] }
            compiled.rightHandSide(previousC: state, boundaryC: boundary, sourcesW: sources, into: &solution)
            compiled.solve(inPlace: &solution)
            let demand = LoadController.Demand(
                heatingSetpointC: zone.heatingSetpointC[hour], coolingSetpointC: zone.coolingSetpointC[hour],
                maxHeatingW: zone.maxHeatingW, maxCoolingW: zone.maxCoolingW)
            let outcome = zone.controller.control(freeFloating: &solution, demand: demand)
            if recording {
                outdoor[hour] = boundary[0]
                airC[hour] = solution[zone.airNode]
                var op = 0.0
                for i in 0..<n { op += zone.operativeWeights[i] * solution[i] }
                operativeC[hour] = op
                heating[hour] = max(outcome.powerW, 0)
                cooling[hour] = max(-outcome.powerW, 0)
                unmet[hour] = max(outcome.unrestrictedPowerW - outcome.powerW, 0)
                // Balance: heat entering through each boundary link during the step.
                for (k, link) in links.enumerated() {
                    linkEnergyJ[k] += link.conductanceWPerK * (boundary[link.boundary] - solution[link.node]) * compiled.timeStepS
                }
                heatingJ += heating[hour] * compiled.timeStepS
                coolingJ -= cooling[hour] * compiled.timeStepS
                solarJ += zone.solarGainsW[hour] * compiled.timeStepS
                internalJ += zone.internalGainsW[hour] * compiled.timeStepS
            }
            swap(&previous, &state)
            compiled.endOfStepState(solution: solution, previous: previous, into: &state)
            if recording {
                for i in 0..<n where capacities[i] > 0 { storageJ += capacities[i] * (state[i] - previous[i]) }
            }
        }

        var balance: [String: Double] = [:]
        for (k, family) in zone.boundaryLinkFamilies.enumerated() { balance[family, default: 0] += linkEnergyJ[k] / 3.6e6 }
        // Solar absorbed on an opaque element's outer surface is part of the net conduction
        // through it, so it is added to the family's transmission.
        // These flows do not depend on the solution: summed once, outside the hourly loop.
        for (family, series) in zone.familyFlowsW { balance[family, default: 0] += series.reduce(0, +) * compiled.timeStepS / 3.6e6 }
        balance["heating"] = heatingJ / 3.6e6
        balance["cooling"] = coolingJ / 3.6e6
        balance["solar"] = solarJ / 3.6e6
        balance["internal gains"] = internalJ / 3.6e6
        return HourlyResult(
            model: zone.model, outdoorC: outdoor, airC: airC, operativeC: operativeC, heatingW: heating, coolingW: cooling,
            unmetHeatingW: unmet, balanceKWh: balance, storageChangeKWh: storageJ / 3.6e6, occupied: zone.occupied,
            floorAreaM2: zone.floorAreaM2)
    }
}
