import FoyerClimate
import FoyerCore

/// The results of an hourly simulation of one zone.
public struct HourlyResult: Sendable {
    public var model: ThermalModel
    /// Per hour: outdoor, air and operative temperature (°C), heating and cooling power (W,
    /// both ≥ 0).
    public var outdoorC: [Double]
    public var airC: [Double]
    public var operativeC: [Double]
    public var heatingW: [Double]
    public var coolingW: [Double]
    /// Per hour, when the heating is capped: the power beyond the cap that would have brought
    /// the zone back to its set-point within that hour, W. Not energy left undelivered: after
    /// a capped hour the zone is colder and the next hour's shortfall counts that deficit again.
    /// ``unmetHeatingKWh`` is the energy not delivered.
    public var shortfallToSetpointW: [Double]
    /// The heating need of the same zone with unlimited power, kWh, when the cap was reached
    /// (`nil` otherwise: the delivered heat is the need).
    public var uncappedHeatingKWh: Double?

    /// Heat the system could not deliver: the uncapped heating need minus the heat delivered
    /// under the cap, kWh (0 when the cap was never reached).
    public var unmetHeatingKWh: Double {
        guard let uncappedHeatingKWh else { return 0 }
        return max(0, uncappedHeatingKWh - heatingW.reduce(0, +) / 1000)
    }

    /// Hours in which the heating ran at its cap without holding the set-point.
    public var unmetHeatingHours: Int {
        // Without a branch per hour (which hours fall short is not predictable).
        shortfallToSetpointW.reduce(0) { $0 &+ ($1 > 1 ? 1 : 0) }
    }
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
    public var closureErrorKWh: Double { balanceKWh.sumInKeyOrder - storageChangeKWh }
}

/// Steps a ``PreparedZone`` through the year: one back-substitution per hour for the
/// free-floating state, then the thermostat by superposition (``LoadController``).
public enum HourlyEngine {
    /// w·x over n values, with four partial sums (independent additions the processor overlaps).
    @inline(__always)
    static func dot(_ w: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, _ n: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
            s0 += w[i] * x[i]; s1 += w[i + 1] * x[i + 1]; s2 += w[i + 2] * x[i + 2]; s3 += w[i + 3] * x[i + 3]
            i += 4
        }
        while i < n { s0 += w[i] * x[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// Simulates the year. When the heating is capped and the cap is reached, the year is run
    /// a second time without the cap, so that the heat not delivered is the difference of two
    /// annual needs (``HourlyResult/unmetHeatingKWh``).
    public static func run(_ zone: PreparedZone, warmUpHours: Int = 744) -> HourlyResult {
        var result = simulate(zone, warmUpHours: warmUpHours, heatingCapW: zone.maxHeatingW)
        if zone.maxHeatingW.isFinite, result.shortfallToSetpointW.contains(where: { $0 > 1 }) {
            let uncapped = simulate(zone, warmUpHours: warmUpHours, heatingCapW: .infinity)
            result.uncappedHeatingKWh = uncapped.heatingW.reduce(0, +) / 1000
        }
        return result
    }

    static func simulate(_ zone: PreparedZone, warmUpHours: Int, heatingCapW: Double) -> HourlyResult {
        let hours = WeatherYear.hoursPerYear
        let compiled = zone.compiled
        let n = compiled.nodeCount
        let timeStep = compiled.timeStepS
        // Flat, local copies of everything the hourly loop reads (no nested arrays, optionals or
        // dictionaries in the loop).
        // The outdoor temperature of each hour, for the record (the network's first boundary).
        let outdoorSeries = PreparedZone.padded(zone.boundaryTemperaturesC.first ?? [], to: hours)
        let drives = zone.drivesW
        let links = compiled.network.boundaryLinks
        let capacityRate = compiled.stepCapacityRatesWPerK
        let capacities = compiled.network.capacitiesJPerK
        let crankNicolson = compiled.scheme == .crankNicolson
        let heatingSet = zone.heatingSetpointFlatC
        let coolingSet = zone.coolingSetpointFlatC
        let weights = zone.controller.controlWeights
        // A controlled temperature on one node (the air, as ASHRAE 140 asks) is read, not summed.
        let controlNode = weights.filter { $0 != 0 }.count == 1 ? weights.firstIndex { $0 == 1 } ?? -1 : -1
        // Factorisations of the network (shutters closed, direction of the heat flow at the
        // floors and ceilings), chosen hour by hour; their responses to 1 W of heating, flat.
        let variantCompiled = zone.variants.map(\.compiled)
        let variantResponses = zone.variants.flatMap(\.controller.heatingResponse)
        let variantResponseAtControl = zone.variants.map(\.controller.controlResponseKPerW)
        // Per-hour variant inputs; empty when the zone has none (no year-long arrays of zeros).
        let shuttersClosed = zone.shuttersClosed.count == hours ? zone.shuttersClosed : []
        let blockByHour = zone.variantBlockByHour.count == hours && zone.variants.count > 8 ? zone.variantBlockByHour : []
        let hasShutters = !shuttersClosed.isEmpty, hasBlocks = !blockByHour.isEmpty
        let floorNodes = zone.floorSurfaces.nodes, floorWeights = zone.floorSurfaces.weights
        let ceilingNodes = zone.ceilingSurfaces.nodes, ceilingWeights = zone.ceilingSurfaces.weights
        // The operative temperature reads the air and the internal surfaces only: its nonzero
        // weights, gathered once.
        let operativeNodes = zone.operativeWeights.indices.filter { zone.operativeWeights[$0] != 0 }
        let operativeWeights = operativeNodes.map { zone.operativeWeights[$0] }
        let maxHeating = heatingCapW, maxCooling = zone.maxCoolingW
        let air = zone.airNode
        // Surfaces whose convective coefficient follows their temperature difference with the
        // air (decision 0009).
        let convective = zone.convectiveSurfaces
        let convectiveReference = convective.referenceWPerM2K
        let lowestCoefficient = ISO52016.naturalConvectionBoundsWPerM2K.minimum
        let highestCoefficient = ISO52016.naturalConvectionBoundsWPerM2K.maximum

        let initialC = zone.heatingSetpointC.first.flatMap { $0 } ?? 20
        // Hourly records, written in place: outdoor, air, operative, heating, cooling, unmet.
        var outdoor = [Double](repeating: 0, count: hours), airC = [Double](repeating: 0, count: hours)
        var operativeC = [Double](repeating: 0, count: hours), heating = [Double](repeating: 0, count: hours)
        var cooling = [Double](repeating: 0, count: hours), unmet = [Double](repeating: 0, count: hours)
        // Σ over the recorded hours of each node's temperature: with the precomputed input
        // side, it gives the heat through every boundary link without a per-hour loop over links.
        var nodeSums = [Double](repeating: 0, count: n)
        // Only the nodes on a boundary link need their sums.
        let linkedNodes = Array(Set(links.map(\.node))).sorted()
        // Node temperatures when recording starts and at the end: the change of stored heat is
        // Σ C_i·(θ_i,end − θ_i,start) (the hourly changes telescope).
        var startState = [Double](repeating: initialC, count: n)
        var endState = [Double](repeating: initialC, count: n)
        var heatingJ = 0.0, coolingJ = 0.0
        let warmUp = max(0, min(warmUpHours, hours))

        // Small zones with a single factorisation (the 5R1C network): the step is linear in the
        // state, θ = A⁻¹·(C/Δt ⊙ θ⁻) + A⁻¹·(Σ H·θ_b + Φ). The second term does not depend on
        // the state: it is solved for all hours first, in one pass without a dependency chain,
        // and the loop keeps a small matrix–vector product over the capacitive nodes.
        let singleVariant = zone.variants.allSatisfy { $0.compiled === compiled } && zone.convectiveSurfaces.isEmpty
        let capacitiveNodes = (0..<n).filter { capacityRate[$0] > 0 }
        // The 5R1C zone (three nodes, one capacitive, one factorisation, no surface terms) has a
        // loop of its own below, which forms the state-free solution hour by hour from A⁻¹.
        let smallInverse = singleVariant && n == 3 ? compiled.smallInverseColumnMajor ?? [] : []
        let threeNodeLoop = smallInverse.count == 9 && capacitiveNodes.count == 1 && floorNodes.isEmpty && ceilingNodes.isEmpty
            && blockByHour.isEmpty && shuttersClosed.isEmpty && variantResponses.count >= 3 && weights.count == 3
        let transition: (capacitive: [Int], matrix: [Double], free: [Double])? = singleVariant && n <= 8 ? {
            let capacitive = capacitiveNodes
            var matrix = [Double](repeating: 0, count: n * capacitive.count)
            for (c, node) in capacitive.enumerated() {
                var column = [Double](repeating: 0, count: n)
                column[node] = capacityRate[node]
                compiled.solve(inPlace: &column)
                for i in 0..<n { matrix[c * n + i] = column[i] }
            }
            if threeNodeLoop { return (capacitive, matrix, []) }
            var free = drives
            free.withUnsafeMutableBufferPointer { compiled.solve(columns: $0, count: hours) }
            return (capacitive, matrix, free)
        }() : nil
        let transitionNodes = transition?.capacitive ?? []
        let transitionMatrix = transition?.matrix ?? []
        let freeSolutions = transition?.free ?? []

        // The hourly loop reads and writes through buffer pointers (no bounds checks, no
        // copy-on-write checks); every index stays within the sizes set above.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * n) { memory in
            var state = UnsafeMutableBufferPointer(rebasing: memory[0..<n])
            var previous = UnsafeMutableBufferPointer(rebasing: memory[n..<(2 * n)])
            var solution = UnsafeMutableBufferPointer(rebasing: memory[(2 * n)..<(3 * n)])
            for i in 0..<n { state[i] = initialC; previous[i] = initialC }
            capacityRate.withUnsafeBufferPointer { capacityRate in
            drives.withUnsafeBufferPointer { drives in
            freeSolutions.withUnsafeBufferPointer { freeSolutions in
            heatingSet.withUnsafeBufferPointer { heatingSet in
            coolingSet.withUnsafeBufferPointer { coolingSet in
            shuttersClosed.withUnsafeBufferPointer { shuttersClosed in
            transitionNodes.withUnsafeBufferPointer { transitionNodes in
            transitionMatrix.withUnsafeBufferPointer { transitionMatrix in
            outdoorSeries.withUnsafeBufferPointer { outdoorSeries in
            weights.withUnsafeBufferPointer { weights in
            variantResponses.withUnsafeBufferPointer { variantResponses in
            operativeWeights.withUnsafeBufferPointer { operativeWeights in
            operativeNodes.withUnsafeBufferPointer { operativeNodes in
            nodeSums.withUnsafeMutableBufferPointer { nodeSums in
            linkedNodes.withUnsafeBufferPointer { linkedNodes in
            blockByHour.withUnsafeBufferPointer { blockByHour in
            outdoor.withUnsafeMutableBufferPointer { outdoor in
            airC.withUnsafeMutableBufferPointer { airC in
            operativeC.withUnsafeMutableBufferPointer { operativeC in
            heating.withUnsafeMutableBufferPointer { heating in
            cooling.withUnsafeMutableBufferPointer { cooling in
            unmet.withUnsafeMutableBufferPointer { unmet in
            convective.nodes.withUnsafeBufferPointer { convectiveNodes in
            convective.areasM2.withUnsafeBufferPointer { convectiveAreas in
            convective.facingUp.withUnsafeBufferPointer { convectiveFacingUp in
            convective.unstableFactors.withUnsafeBufferPointer { convectiveUnstable in
            convective.stableFactors.withUnsafeBufferPointer { convectiveStable in
            var heatingSum = 0.0, coolingSum = 0.0
            if threeNodeLoop {
                // The 5R1C zone (three nodes, one capacitive, one factorisation, no surface
                // terms): the loop below with the three temperatures held in registers, the same
                // operations in the same order (the general loop went through memory at every
                // step of the hour's chain of dependent operations).
                @inline(__always) func pick(_ i: Int, _ a: Double, _ b: Double, _ c: Double) -> Double { i == 0 ? a : (i == 1 ? b : c) }
                let m = transitionNodes[0]
                let a00 = smallInverse[0], a10 = smallInverse[1], a20 = smallInverse[2]
                let a01 = smallInverse[3], a11 = smallInverse[4], a21 = smallInverse[5]
                let a02 = smallInverse[6], a12 = smallInverse[7], a22 = smallInverse[8]
                let t0 = transitionMatrix[0], t1 = transitionMatrix[1], t2 = transitionMatrix[2]
                let r0 = variantResponses[0], r1 = variantResponses[1], r2 = variantResponses[2]
                let responseAtControl = variantResponseAtControl[0]
                let w0 = weights[0], w1 = weights[1], w2 = weights[2]
                let capacitive0 = capacityRate[0] > 0, capacitive1 = capacityRate[1] > 0, capacitive2 = capacityRate[2] > 0
                let linked0 = linkedNodes.contains(0), linked1 = linkedNodes.contains(1), linked2 = linkedNodes.contains(2)
                var s0 = state[0], s1 = state[1], s2 = state[2]
                var p0 = previous[0], p1 = previous[1], p2 = previous[2]
                var sum0 = nodeSums[0], sum1 = nodeSums[1], sum2 = nodeSums[2]
                for step in 0..<(warmUp + hours) {
                    let recording = step >= warmUp
                    let hour = recording ? step - warmUp : hours - warmUp + step
                    if step == warmUp { startState[0] = s0; startState[1] = s1; startState[2] = s2 }
                    // A⁻¹·(Σ H·θ_b + Φ), column after column from zero (ExplicitInverse's sums).
                    let d0 = drives[hour * 3], d1 = drives[hour * 3 + 1], d2 = drives[hour * 3 + 2]
                    var x0 = 0.0, x1 = 0.0, x2 = 0.0
                    x0 += a00 * d0; x1 += a10 * d0; x2 += a20 * d0
                    x0 += a01 * d1; x1 += a11 * d1; x2 += a21 * d1
                    x0 += a02 * d2; x1 += a12 * d2; x2 += a22 * d2
                    let value = pick(m, s0, s1, s2)
                    x0 += t0 * value; x1 += t1 * value; x2 += t2 * value
                    // The surface terms' sum, zero here, still added to the air node.
                    if air == 0 { x0 += 0.0 } else if air == 1 { x1 += 0.0 } else { x2 += 0.0 }
                    let controlled: Double
                    if controlNode >= 0 {
                        controlled = pick(controlNode, x0, x1, x2)
                    } else {
                        // `dot` over three values: its first partial sum, then the others (zero).
                        var first = 0.0
                        first += w0 * x0; first += w1 * x1; first += w2 * x2
                        controlled = (first + 0.0) + (0.0 + 0.0)
                    }
                    let outcome = LoadController.power(
                        freeFloatingC: controlled, heatingSetpointC: heatingSet[hour], coolingSetpointC: coolingSet[hour],
                        responseKPerW: responseAtControl, maxHeatingW: maxHeating, maxCoolingW: maxCooling)
                    let power = outcome.powerW, needed = outcome.unrestrictedPowerW
                    if power != 0 { x0 += power * r0; x1 += power * r1; x2 += power * r2 }
                    if recording {
                        outdoor[hour] = outdoorSeries[hour]
                        airC[hour] = pick(air, x0, x1, x2)
                        var operative = 0.0
                        for k in 0..<operativeNodes.count { operative += operativeWeights[k] * pick(operativeNodes[k], x0, x1, x2) }
                        operativeC[hour] = operative
                        heating[hour] = max(power, 0)
                        cooling[hour] = max(-power, 0)
                        unmet[hour] = max(needed - power, 0)
                        if linked0 { sum0 += x0 }
                        if linked1 { sum1 += x1 }
                        if linked2 { sum2 += x2 }
                        heatingSum += max(power, 0) * timeStep
                        coolingSum -= max(-power, 0) * timeStep
                    }
                    if crankNicolson {
                        p0 = s0; p1 = s1; p2 = s2
                        s0 = capacitive0 ? 2 * x0 - p0 : x0
                        s1 = capacitive1 ? 2 * x1 - p1 : x1
                        s2 = capacitive2 ? 2 * x2 - p2 : x2
                    } else {
                        s0 = x0; s1 = x1; s2 = x2
                    }
                }
                nodeSums[0] = sum0; nodeSums[1] = sum1; nodeSums[2] = sum2
                endState[0] = s0; endState[1] = s1; endState[2] = s2
                heatingJ = heatingSum
                coolingJ = coolingSum
                return
            }
            for step in 0..<(warmUp + hours) {
                let recording = step >= warmUp
                let hour = recording ? step - warmUp : hours - warmUp + step
                if step == warmUp { for i in 0..<n { startState[i] = state[i] } }
                if transition != nil {
                    // θ = A⁻¹·(Σ H·θ_b + Φ) + Σ_c θ⁻_c·A⁻¹(C_c/Δt·e_c).
                    for i in 0..<n { solution[i] = freeSolutions[hour * n + i] }
                    for (c, node) in transitionNodes.enumerated() {
                        let value = state[node]
                        for i in 0..<n { solution[i] += transitionMatrix[c * n + i] * value }
                    }
                } else {
                    // Right-hand side: C/Δt·θ⁻ + (Σ H·θ_b + Φ), the bracket precomputed.
                    let drive = UnsafeBufferPointer(rebasing: drives[(hour * n)..<((hour + 1) * n)])
                    for i in 0..<n { solution[i] = capacityRate[i] * state[i] + drive[i] }
                }
                // The convective exchange the network's reference coefficient misses, from the
                // previous hour's temperatures: (h − h_ref)·A·(θ_s − θ_air) leaves the surface
                // for the air (equal and opposite, so the balance is unchanged).
                var toAir = 0.0
                for k in 0..<convectiveNodes.count {
                    let node = convectiveNodes[k]
                    let difference = state[node] - state[air]
                    // ISO52016.naturalConvectionWPerM2K, written out with the bounds hoisted.
                    let magnitude = abs(difference)
                    var h = lowestCoefficient
                    if magnitude > 1e-6 {
                        h = magnitude < 1e6
                            ? (difference * convectiveFacingUp[k] > 0 ? convectiveUnstable[k] : convectiveStable[k]) * ISO52016.cubeRoot(magnitude)
                            : highestCoefficient
                        h = min(max(h, lowestCoefficient), highestCoefficient)
                    }
                    let extra = (h - convectiveReference) * convectiveAreas[k] * difference
                    solution[node] -= extra
                    toAir += extra
                }
                solution[air] += toAir
                // The variant of this hour: shutters from the schedule; the direction of the
                // heat flow at the floors and ceilings from the previous hour's temperatures
                // (EN ISO 13789:2017 Table 8 coefficients; the direction as HEM's EN ISO 52016-1
                // implementation decides it, surface against air temperature).
                var variant = (hasBlocks ? Int(blockByHour[hour]) * 8 : 0) + (hasShutters && shuttersClosed[hour] ? 1 : 0)
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
                if transition == nil { variantCompiled[variant].solve(inPlaceBuffer: solution) }
                // Thermostat by superposition (LoadController's rule on flat data).
                let controlled = controlNode >= 0 ? solution[controlNode] : dot(weights, UnsafeBufferPointer(solution), n)
                let outcome = LoadController.power(
                    freeFloatingC: controlled, heatingSetpointC: heatingSet[hour], coolingSetpointC: coolingSet[hour],
                    responseKPerW: variantResponseAtControl[variant], maxHeatingW: maxHeating, maxCoolingW: maxCooling)
                let power = outcome.powerW, needed = outcome.unrestrictedPowerW
                if power != 0 { for i in 0..<n { solution[i] += power * response[i] } }
                if recording {
                    outdoor[hour] = outdoorSeries[hour]
                    airC[hour] = solution[air]
                    var operative = 0.0
                    for k in 0..<operativeNodes.count { operative += operativeWeights[k] * solution[operativeNodes[k]] }
                    operativeC[hour] = operative
                    heating[hour] = max(power, 0)
                    cooling[hour] = max(-power, 0)
                    unmet[hour] = max(needed - power, 0)
                    for i in linkedNodes { nodeSums[i] += solution[i] }
                    heatingSum += max(power, 0) * timeStep
                    coolingSum -= max(-power, 0) * timeStep
                }
                if crankNicolson {
                    // EN ISO 13790 C.4: the mid-step solution extrapolated to the end of the
                    // step for the capacitive nodes.
                    swap(&previous, &state)
                    for i in 0..<n { state[i] = capacityRate[i] > 0 ? 2 * solution[i] - previous[i] : solution[i] }
                } else {
                    swap(&state, &solution)
                }
            }
            for i in 0..<n { endState[i] = state[i] }
            heatingJ = heatingSum
            coolingJ = coolingSum
            } } } } } } } } } } } } } } } } } } } } } } } } } } }
        }
        var storageJ = 0.0
        for i in 0..<n where capacities[i] > 0 { storageJ += capacities[i] * (endState[i] - startState[i]) }
        var linkEnergyJ = [Double](repeating: 0, count: links.count)
        for (k, link) in links.enumerated() {
            linkEnergyJ[k] = (zone.boundaryLinkInputSumsW[k] - link.conductanceWPerK * nodeSums[link.node]) * timeStep
        }
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
            shortfallToSetpointW: unmet, uncappedHeatingKWh: nil, balanceKWh: balance, storageChangeKWh: storageJ / 3.6e6, occupied: zone.occupied,
            floorAreaM2: zone.floorAreaM2)
    }
}
