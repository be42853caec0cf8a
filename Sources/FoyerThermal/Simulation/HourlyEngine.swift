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
        let timeStep = compiled.timeStepS
        // Flat, local copies of everything the hourly loop reads (no nested arrays, optionals or
        // dictionaries in the loop).
        let boundaryCount = zone.boundaryTemperaturesC.count
        let boundaryFlat = zone.boundaryTemperaturesFlatC
        let links = compiled.network.boundaryLinks
        let linkNode = links.map(\.node), linkBoundary = links.map(\.boundary), linkConductance = links.map(\.conductanceWPerK)
        let capacityRate = compiled.stepCapacityRatesWPerK
        let capacities = compiled.network.capacitiesJPerK
        let crankNicolson = compiled.scheme == .crankNicolson
        let heatingSet = zone.heatingSetpointFlatC
        let coolingSet = zone.coolingSetpointFlatC
        let weights = zone.controller.controlWeights
        // Factorisations of the network (shutters closed, direction of the heat flow at the
        // floors and ceilings), chosen hour by hour; their responses to 1 W of heating, flat.
        let variantCompiled = zone.variants.map(\.compiled)
        let variantResponses = zone.variants.flatMap(\.controller.heatingResponse)
        let variantResponseAtControl = zone.variants.map(\.controller.controlResponseKPerW)
        let shuttersClosed = zone.shuttersClosed.count == hours ? zone.shuttersClosed : [Bool](repeating: false, count: hours)
        let floorNodes = zone.floorSurfaces.nodes, floorWeights = zone.floorSurfaces.weights
        let ceilingNodes = zone.ceilingSurfaces.nodes, ceilingWeights = zone.ceilingSurfaces.weights
        let operativeWeights = zone.operativeWeights
        let sources = zone.sourcesW
        let maxHeating = zone.maxHeatingW, maxCooling = zone.maxCoolingW
        let air = zone.airNode

        let initialC = zone.heatingSetpointC.first.flatMap { $0 } ?? 20
        // Hourly records, series after series: outdoor, air, operative, heating, cooling, unmet.
        var records = [Double](repeating: 0, count: 6 * hours)
        var linkEnergyJ = [Double](repeating: 0, count: links.count)
        var heatingJ = 0.0, coolingJ = 0.0, storageJ = 0.0
        let warmUp = max(0, min(warmUpHours, hours))
        let linkCount = linkNode.count

        // The hourly loop reads and writes through buffer pointers (no bounds checks, no
        // copy-on-write checks); every index stays within the sizes set above.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * n) { memory in
            var state = UnsafeMutableBufferPointer(rebasing: memory[0..<n])
            var previous = UnsafeMutableBufferPointer(rebasing: memory[n..<(2 * n)])
            let solution = UnsafeMutableBufferPointer(rebasing: memory[(2 * n)..<(3 * n)])
            for i in 0..<n { state[i] = initialC; previous[i] = initialC }
            capacityRate.withUnsafeBufferPointer { capacityRate in
            capacities.withUnsafeBufferPointer { capacities in
            sources.withUnsafeBufferPointer { sources in
            boundaryFlat.withUnsafeBufferPointer { boundaryFlat in
            linkNode.withUnsafeBufferPointer { linkNode in
            linkBoundary.withUnsafeBufferPointer { linkBoundary in
            linkConductance.withUnsafeBufferPointer { linkConductance in
            weights.withUnsafeBufferPointer { weights in
            variantResponses.withUnsafeBufferPointer { variantResponses in
            operativeWeights.withUnsafeBufferPointer { operativeWeights in
            linkEnergyJ.withUnsafeMutableBufferPointer { linkEnergyJ in
            records.withUnsafeMutableBufferPointer { records in
            var heatingSum = 0.0, coolingSum = 0.0, storageSum = 0.0
            for step in 0..<(warmUp + hours) {
                let recording = step >= warmUp
                let hour = recording ? step - warmUp : hours - warmUp + step
                let boundaryBase = hour * boundaryCount
                let sourceBase = hour * n
                // Right-hand side: C/Δt·θ⁻ + Σ H·θ_b + Φ.
                for i in 0..<n { solution[i] = capacityRate[i] * state[i] + sources[sourceBase + i] }
                for k in 0..<linkCount { solution[linkNode[k]] += linkConductance[k] * boundaryFlat[boundaryBase + linkBoundary[k]] }
                // The variant of this hour: shutters from the schedule; the direction of the
                // heat flow at the floors and ceilings from the previous hour's temperatures
                // (EN ISO 13789:2017 Table 8 coefficients; the direction as HEM's EN ISO 52016-1
                // implementation decides it, surface against air temperature).
                var variant = shuttersClosed[hour] ? 1 : 0
                if !floorNodes.isEmpty {
                    var mean = 0.0
                    for (k, node) in floorNodes.enumerated() { mean += floorWeights[k] * state[node] }
                    if mean > state[air] { variant |= 2 }
                }
                if !ceilingNodes.isEmpty {
                    var mean = 0.0
                    for (k, node) in ceilingNodes.enumerated() { mean += ceilingWeights[k] * state[node] }
                    if mean > state[air] { variant |= 4 }
                }
                let response = UnsafeBufferPointer(rebasing: variantResponses[(variant * n)..<((variant + 1) * n)])
                let responseAtControl = variantResponseAtControl[variant]
                variantCompiled[variant].solve(inPlaceBuffer: solution)
                // Thermostat by superposition (LoadController's rule on flat data).
                var controlled = 0.0
                for i in 0..<n { controlled += weights[i] * solution[i] }
                let outcome = LoadController.power(
                    freeFloatingC: controlled, heatingSetpointC: heatingSet[hour], coolingSetpointC: coolingSet[hour],
                    responseKPerW: responseAtControl, maxHeatingW: maxHeating, maxCoolingW: maxCooling)
                let power = outcome.powerW, needed = outcome.unrestrictedPowerW
                if power != 0 { for i in 0..<n { solution[i] += power * response[i] } }
                if recording {
                    records[hour] = boundaryFlat[boundaryBase]
                    records[hours + hour] = solution[air]
                    var operative = 0.0
                    for i in 0..<n { operative += operativeWeights[i] * solution[i] }
                    records[2 * hours + hour] = operative
                    records[3 * hours + hour] = max(power, 0)
                    records[4 * hours + hour] = max(-power, 0)
                    records[5 * hours + hour] = max(needed - power, 0)
                    for k in 0..<linkCount {
                        linkEnergyJ[k] += linkConductance[k] * (boundaryFlat[boundaryBase + linkBoundary[k]] - solution[linkNode[k]]) * timeStep
                    }
                    heatingSum += max(power, 0) * timeStep
                    coolingSum -= max(-power, 0) * timeStep
                }
                swap(&previous, &state)
                for i in 0..<n {
                    state[i] = crankNicolson && capacityRate[i] > 0 ? 2 * solution[i] - previous[i] : solution[i]
                    if recording && capacities[i] > 0 { storageSum += capacities[i] * (state[i] - previous[i]) }
                }
            }
            heatingJ = heatingSum
            coolingJ = coolingSum
            storageJ = storageSum
            } } } } } } } } } } } }
        }
        let outdoor = Array(records[0..<hours]), airC = Array(records[hours..<(2 * hours)])
        let operativeC = Array(records[(2 * hours)..<(3 * hours)]), heating = Array(records[(3 * hours)..<(4 * hours)])
        let cooling = Array(records[(4 * hours)..<(5 * hours)]), unmet = Array(records[(5 * hours)..<(6 * hours)])
        let solarJ = zone.solarGainsW.reduce(0, +) * timeStep
        let internalJ = zone.internalGainsW.reduce(0, +) * timeStep

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
