/// A zone ready to simulate: its compiled network and every hourly input, whatever model
/// (EN ISO 52016-1 or EN ISO 13790 5R1C) built it. The hourly engine only steps this.
///
/// An immutable final class: large, built once, read by the engine (and shareable across
/// threads).
public final class PreparedZone: Sendable {
    /// Which model built the zone.
    public let model: ThermalModel
    public let compiled: CompiledThermalNetwork
    /// The thermostat's controller (distribution of the heating power, controlled temperature).
    public let controller: LoadController
    /// Boundary temperatures, `[boundary][hour]`, °C.
    public let boundaryTemperaturesC: [[Double]]
    /// Solar gains transmitted through the windows in each hour, W, for the balance.
    public let solarGainsW: [Double]
    /// Heat flows attributed to an element family in the balance that do not pass through a
    /// boundary link, per hour, W: solar absorbed on the outer surfaces of opaque elements
    /// (part of the net conduction through them), or, in the 5R1C model, the share of the gains
    /// EN ISO 13790 C.2 sends straight out through the windows (negative).
    public let familyFlowsW: [String: [Double]]
    /// Internal gains of each hour, W, for the balance.
    public let internalGainsW: [Double]
    /// The zone air node.
    public let airNode: Int
    /// Weights giving the operative temperature from the node temperatures.
    public let operativeWeights: [Double]
    /// Element family of each boundary link (`links[k]` of the network), for the balance:
    /// "walls", "roofs", "floors", "doors", "windows", "thermal bridges", "ventilation".
    public let boundaryLinkFamilies: [String]
    /// Heating set-point of each hour, °C (`nil` when heating is off).
    public let heatingSetpointC: [Double?]
    /// Cooling set-point of each hour, °C (`nil` when cooling is off).
    public let coolingSetpointC: [Double?]
    public let maxHeatingW: Double
    public let maxCoolingW: Double
    /// Whether someone is at home, per hour (for comfort indicators).
    public let occupied: [Bool]
    /// Conditioned floor area, m².
    public let floorAreaM2: Double

    /// Eight factorisations of the network, each with its controller: the same nodes and
    /// boundary links with other conductances. Index bits: 1 = shutters closed, 2 = heat
    /// flowing up from the floors (h_ci upwards), 4 = heat flowing down from the ceilings (h_ci
    /// downwards). `variants[0]` is ``compiled`` with ``controller``; a variant that does not
    /// apply to the zone repeats another.
    public let variants: [NetworkVariant]
    /// The block of eight variants of each hour (the outside film's wind level), or empty when
    /// there is one block.
    public let variantBlockByHour: [UInt8]
    /// Hours in which the shutters are closed.
    public let shuttersClosed: [Bool]
    /// Internal surfaces of the floors (surface facing up), whose convective coefficient
    /// follows the direction of the heat flow; empty when it is fixed.
    public let floorSurfaces: SurfaceGroup
    /// Internal surfaces of the ceilings and roofs (surface facing down), likewise.
    public let ceilingSurfaces: SurfaceGroup
    /// Internal surfaces whose convective coefficient follows their temperature difference with
    /// the air (decision 0009): each hour adds to the right-hand side the difference between
    /// that coefficient, from the previous hour's temperatures, and the network's reference.
    public let convectiveSurfaces: ConvectiveSurfaces
    /// The hourly loop's heating set-points laid out flat once, when the zone is prepared,
    /// with −∞ for "off", °C.
    public let heatingSetpointFlatC: [Double]
    /// The cooling set-points likewise, with +∞ for "off", °C.
    public let coolingSetpointFlatC: [Double]
    /// The part of each hour's right-hand side that does not depend on the state, hour-major
    /// (`[hour * nodeCount + node]`): Φ_i + Σ_k H_k·θ_b,k over the boundary links of node i, W,
    /// with Φ_i the heat injected at the node (the `sourcesW` the zone was built with). The same
    /// for every variant (they differ in node–node conductances only).
    public let drivesW: [Double]
    /// Σ over the year's hours of H_k·θ_b,k for each boundary link k, W·h/h (the input side of
    /// the heat through the link; the node side follows from the sums of node temperatures).
    public let boundaryLinkInputSumsW: [Double]

    /// `sourcesW`: the heat injected at each node, hour-major (`[hour * nodeCount + node]`), W;
    /// taken over (it becomes ``drivesW`` in place: a year of every node's values is megabytes).
    /// `setpointFlatsC`: the set-points with −∞/+∞ for "off", when the caller keeps them
    /// (``ZoneInputs/setpoints(_:firstWeekday:)``, the same values as mapping the given ones);
    /// nil maps them here. Built by the models of this package only (``ISO52016``, ``ISO13790``).
    package init(
        model: ThermalModel, compiled: CompiledThermalNetwork, controller: LoadController, boundaryTemperaturesC: [[Double]],
        sourcesW: consuming [Double], solarGainsW: [Double], familyFlowsW: [String: [Double]], internalGainsW: [Double], airNode: Int,
        operativeWeights: [Double], boundaryLinkFamilies: [String], heatingSetpointC: [Double?], coolingSetpointC: [Double?],
        maxHeatingW: Double, maxCoolingW: Double, occupied: [Bool], floorAreaM2: Double,
        variants: [NetworkVariant] = [], variantBlockByHour: [UInt8] = [], shuttersClosed: [Bool] = [],
        floorSurfaces: SurfaceGroup = SurfaceGroup(), ceilingSurfaces: SurfaceGroup = SurfaceGroup(),
        convectiveSurfaces: ConvectiveSurfaces = ConvectiveSurfaces(),
        setpointFlatsC: (heating: [Double], cooling: [Double])? = nil
    ) {
        self.convectiveSurfaces = convectiveSurfaces
        let main = NetworkVariant(compiled: compiled, controller: controller)
        self.variants = variants.count >= 8 && variants.count % 8 == 0 ? variants : (0..<8).map { $0 < variants.count ? variants[$0] : main }
        self.variantBlockByHour = variantBlockByHour
        self.shuttersClosed = shuttersClosed
        self.floorSurfaces = floorSurfaces
        self.ceilingSurfaces = ceilingSurfaces
        self.model = model
        self.compiled = compiled
        self.controller = controller
        self.boundaryTemperaturesC = boundaryTemperaturesC
        self.solarGainsW = solarGainsW
        self.familyFlowsW = familyFlowsW
        self.internalGainsW = internalGainsW
        self.airNode = airNode
        self.operativeWeights = operativeWeights
        self.boundaryLinkFamilies = boundaryLinkFamilies
        self.heatingSetpointC = heatingSetpointC
        self.coolingSetpointC = coolingSetpointC
        self.maxHeatingW = maxHeatingW
        self.maxCoolingW = maxCoolingW
        self.occupied = occupied
        self.floorAreaM2 = floorAreaM2
        let hours = boundaryTemperaturesC.first?.count ?? 0
        // A boundary series shorter than the year reads as zeros beyond its end; the last series,
        // all zeros, is read by a link to a boundary that does not exist.
        let boundaries = boundaryTemperaturesC.map { Self.padded($0, to: hours) } + [[Double](repeating: 0, count: hours)]
        // The set-points with −∞/+∞ for "off", as given when the caller has them (a thermostat
        // shared by a sweep's jobs).
        if let flats = setpointFlatsC, flats.heating.count == heatingSetpointC.count, flats.cooling.count == coolingSetpointC.count {
            heatingSetpointFlatC = flats.heating
            coolingSetpointFlatC = flats.cooling
        } else {
            heatingSetpointFlatC = heatingSetpointC.map { $0 ?? -Double.infinity }
            coolingSetpointFlatC = coolingSetpointC.map { $0 ?? Double.infinity }
        }
        let n = compiled.nodeCount
        let links = compiled.network.boundaryLinks
        var drives = sourcesW
        if drives.count != hours * n { drives = [Double](repeating: 0, count: hours * n) }
        var inputSums = [Double](repeating: 0, count: links.count)
        let conductances = links.map(\.conductanceWPerK), linkNodes = links.map(\.node)
        Self.withBuffers(boundaries) { series in
        // Each link's boundary series, a year of hours each.
        let linkSeries = links.map { $0.boundary >= 0 && $0.boundary < series.count - 1 ? series[$0.boundary] : series[series.count - 1] }
        drives.withUnsafeMutableBufferPointer { drives in
        inputSums.withUnsafeMutableBufferPointer { sums in
        conductances.withUnsafeBufferPointer { conductances in
        linkNodes.withUnsafeBufferPointer { linkNodes in
        linkSeries.withUnsafeBufferPointer { linkSeries in
            let linkCount = conductances.count
            // Hour by hour, link after link: each cell of `drives` receives its links' flows in
            // link order. Consecutive links on one node (the 5R1C mass: opaque elements, then the
            // ground) add to a running value held in a register, stored when the node changes.
            for hour in 0..<hours {
                let row = hour &* n
                var openCell = -1, openValue = 0.0
                for k in 0..<linkCount {
                    let flow = conductances[k] * linkSeries[k][hour]
                    let cell = row &+ linkNodes[k]
                    if cell != openCell {
                        if openCell >= 0 { drives[openCell] = openValue }
                        openCell = cell
                        openValue = drives[cell]
                    }
                    openValue += flow
                }
                if openCell >= 0 { drives[openCell] = openValue }
            }
            // Each link's sum of its flows in hour order, eight links at a time in the lanes of
            // one vector held in a register: each lane is its own chain of additions, the same
            // ones as a scalar sum (summed in memory, each hour waited for the store of the one
            // before). Unused lanes repeat the group's first link and are dropped.
            var first = 0
            while first < linkCount {
                let count = min(8, linkCount - first)
                var conductance = SIMD8<Double>.zero
                for lane in 0..<count { conductance[lane] = conductances[first + lane] }
                let s0 = linkSeries[first], s1 = linkSeries[first + min(1, count - 1)], s2 = linkSeries[first + min(2, count - 1)]
                let s3 = linkSeries[first + min(3, count - 1)], s4 = linkSeries[first + min(4, count - 1)], s5 = linkSeries[first + min(5, count - 1)]
                let s6 = linkSeries[first + min(6, count - 1)], s7 = linkSeries[first + min(7, count - 1)]
                var sum = SIMD8<Double>.zero
                for hour in 0..<hours {
                    sum += conductance * SIMD8<Double>(s0[hour], s1[hour], s2[hour], s3[hour], s4[hour], s5[hour], s6[hour], s7[hour])
                }
                for lane in 0..<count { sums[first + lane] = sum[lane] }
                first += count
            }
        } } } } } }
        drivesW = drives
        boundaryLinkInputSumsW = inputSums
    }
}

extension PreparedZone {
    /// `series` with zeros after its end up to `hours` values (itself when long enough).
    static func padded(_ series: [Double], to hours: Int) -> [Double] {
        series.count >= hours ? series : series + [Double](repeating: 0, count: hours - series.count)
    }

    /// Calls `body` with a buffer over each of `arrays` (valid during the call only).
    static func withBuffers<R>(_ arrays: [[Double]], _ body: ([UnsafeBufferPointer<Double>]) -> R) -> R {
        func gather(_ index: Int, _ buffers: [UnsafeBufferPointer<Double>]) -> R {
            guard index < arrays.count else { return body(buffers) }
            return arrays[index].withUnsafeBufferPointer { gather(index + 1, buffers + [$0]) }
        }
        return gather(0, [])
    }
}

/// One factorisation of a zone's network and the thermostat's controller on it.
public struct NetworkVariant: Sendable {
    public let compiled: CompiledThermalNetwork
    public let controller: LoadController

    public init(compiled: CompiledThermalNetwork, controller: LoadController) {
        self.compiled = compiled
        self.controller = controller
    }
}

/// Internal surface nodes with their area weights (summing to 1), for an area-weighted mean
/// surface temperature.
public struct SurfaceGroup: Sendable {
    public var nodes: [Int] = []
    public var weights: [Double] = []

    public init(nodes: [Int] = [], areasM2: [Double] = []) {
        let total = areasM2.reduce(0, +)
        self.nodes = total > 0 ? nodes : []
        self.weights = total > 0 ? areasM2.map { $0 / total } : []
    }
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
