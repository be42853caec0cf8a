import Foundation
import FoyerClimate
import FoyerModel

extension ISO13790 {
    /// External surface resistance for the solar and sky terms of opaque elements,
    /// R_se = 0.04 m²·K/W (EN ISO 6946:2017, Table 7).
    static let externalSurfaceResistanceM2KPerW = 0.04

    /// Effective heat capacity and mass area of the zone from its elements (EN ISO 13790:2008,
    /// 12.3.1.1): C_m = Σ κ_j A_j and A_m = C_m² / Σ κ_j² A_j, with κ_j the capacity on the
    /// element's room side. The room side is taken as the two inner nodes of the EN ISO 52016-1
    /// discretisation and half of the middle one (about the layers within reach of the daily
    /// cycle); both faces count for an element between two heated spaces.
    static func effectiveMass(_ dwelling: ResolvedDwelling) -> (capacityJPerK: Double, areaM2: Double) {
        var capacity = 0.0, squares = 0.0
        for element in dwelling.opaqueElements {
            let nodes = element.layers.isEmpty
                ? ISO52016.nodeCapacities(element.arealHeatCapacityJPerM2K, element.massDistribution)
                : ISO52016.nodeCapacities(layers: element.layers)
            var kappa = 0.5 * nodes[2] + nodes[3] + nodes[4]
            if element.boundary == .adiabatic { kappa = nodes.reduce(0, +) }
            capacity += kappa * element.netAreaM2
            squares += kappa * kappa * element.netAreaM2
        }
        guard capacity > 0, squares > 0 else {
            let medium = MassClass.medium
            return (medium.heatCapacityPerFloorAreaJPerM2K * dwelling.floorAreaM2, medium.massAreaPerFloorArea * dwelling.floorAreaM2)
        }
        return (capacity, capacity * capacity / squares)
    }

    /// The heat transfer and solar properties of a dwelling's envelope as EN ISO 13790:2008
    /// uses them: windows H_tr,w; opaque elements and thermal bridges H_tr,op (8.3, with the
    /// adjustment factor b of unheated spaces); floors on the ground through their EN ISO 13370
    /// transmittance; the effective solar collecting areas per orientation (11.3.4: windows
    /// F_w·g·(1 − F_F)·A; opaque elements α·R_se·U·A) and the coefficient of the long-wave loss
    /// to the sky Σ F_r·R_se·U·A·h_r (11.3.5, h_r = 5ε, 11.4.6); the effective mass (12.3.1.1).
    public struct EnvelopeSummary: Sendable {
        public var windowsWPerK = 0.0
        public var opaqueWPerK = 0.0
        public var groundWPerK = 0.0
        public var ventilationWPerK = 0.0
        public var apertures: [(series: SurfaceIrradiance.Series, areaM2: Double)] = []
        public var skyCoefficientWPerK = 0.0
        public var heatCapacityJPerK = 0.0
        public var massAreaM2 = 0.0

        public init(_ dwelling: ResolvedDwelling, solar: SurfaceIrradiance) {
            opaqueWPerK = dwelling.thermalBridgeHeatTransferWPerK
            ventilationWPerK = ZoneInputs.ventilationWPerK(dwelling)
            let rse = externalSurfaceResistanceM2KPerW
            for element in dwelling.opaqueElements {
                let ua = element.uValueWPerM2K * element.netAreaM2
                switch element.boundary {
                case .outdoor:
                    opaqueWPerK += ua
                    addAperture(solar, tilt: element.tiltDeg, azimuth: element.azimuthDeg, area: element.solarAbsorptance * rse * ua)
                    skyCoefficientWPerK += 0.5 * (1 + cos(element.tiltDeg * .pi / 180)) * rse * ua * 5 * element.thermalEmissivity
                case let .unheatedSpace(b):
                    opaqueWPerK += b * ua
                case let .ground(perimeter):
                    let direction = ISO6946.HeatFlowDirection(tiltDeg: element.tiltDeg)
                    let rc = max(1 / element.uValueWPerM2K - 2 * ISO6946.internalSurfaceResistance(direction), 0)
                    groundWPerK += ISO13370.slabOnGroundUValue(
                        areaM2: element.netAreaM2, exposedPerimeterM: perimeter ?? 4 * element.netAreaM2.squareRoot(),
                        floorResistanceM2KPerW: rc) * element.netAreaM2
                case .adiabatic:
                    break
                }
            }
            for window in dwelling.windows {
                let ua = window.uValueWPerM2K * window.areaM2
                windowsWPerK += ua
                addAperture(solar, tilt: window.tiltDeg, azimuth: window.azimuthDeg,
                            area: ISO52016.nonPerpendicularFactor * window.gValue * (1 - window.frameFraction) * window.areaM2)
                skyCoefficientWPerK += 0.5 * (1 + cos(window.tiltDeg * .pi / 180)) * rse * ua * 5 * 0.84
            }
            let mass = effectiveMass(dwelling)
            heatCapacityJPerK = mass.capacityJPerK
            massAreaM2 = mass.areaM2
        }

        private mutating func addAperture(_ solar: SurfaceIrradiance, tilt: Double, azimuth: Double, area: Double) {
            if let index = apertures.firstIndex(where: { $0.series.tiltDeg == tilt && $0.series.azimuthDeg == azimuth }) {
                apertures[index].areaM2 += area
            } else {
                apertures.append((solar.series(tiltDeg: tilt, azimuthDeg: azimuth), area))
            }
        }

        /// Solar gains less the loss to the sky in one hour, W (11.3).
        public func solarGainW(hour: Int, outdoorC: Double, skyC: Double) -> Double {
            var gain = 0.0
            for aperture in apertures { gain += aperture.areaM2 * aperture.series.totalWPerM2[hour] }
            return gain - skyCoefficientWPerK * (outdoorC - skyC)
        }
    }

    /// Builds the 5R1C zone of `dwelling` under `weather`: EN ISO 13790:2008 Annex C, with the
    /// transmission of 8.3 (windows H_tr,w; opaque elements and thermal bridges H_tr,op with the
    /// adjustment factor b of unheated spaces), the solar gains of 11.3 and the gain distribution
    /// of C.2. Floors on the ground are linked from the mass node to a ground temperature equal to
    /// the annual mean outdoor temperature through their EN ISO 13370 transmittance (the steady
    /// part of the ground heat flow).
    /// A household that heats part of its dwelling is simulated on the heated zone
    /// (``ResolvedDwelling/heatedZone``); results per m² stay per m² of the whole dwelling.
    public static func prepare(_ whole: ResolvedDwelling, weather: WeatherYear, solar: SurfaceIrradiance,
                               options: SimulationOptions = SimulationOptions()) throws -> PreparedZone {
        let dwelling = whole.heatedZone
        let hours = WeatherYear.hoursPerYear
        let skyC = solar.skyTemperaturesC(of: weather)
        let envelope = EnvelopeSummary(dwelling, solar: solar)
        let groundWPerK = envelope.groundWPerK
        let parameters = ZoneParameters(
            floorAreaM2: dwelling.floorAreaM2, massAreaM2: envelope.massAreaM2, heatCapacityJPerK: envelope.heatCapacityJPerK,
            windowsWPerK: envelope.windowsWPerK, opaqueWPerK: envelope.opaqueWPerK, ventilationWPerK: envelope.ventilationWPerK)
        let zone = Zone5R1C(parameters)
        var network = zone.network
        var boundaries = [weather.dryBulbC, weather.dryBulbC]
        if groundWPerK > 0 {
            let ground = network.addBoundary("ground")
            network.connect(Zone5R1C.massNode, boundary: ground, conductanceWPerK: groundWPerK)
            boundaries.append(ZoneInputs.groundTemperaturesC(weather, solar: solar))
        }
        let families = network.boundaryLinks.map { link -> String in
            switch (link.node, link.boundary) {
            case (Zone5R1C.airNode, _): "ventilation"
            case (Zone5R1C.surfaceNode, _): "windows"
            case (Zone5R1C.massNode, Zone5R1C.outdoorBoundary): "opaque elements and thermal bridges"
            default: "floors on the ground"
            }
        }
        let compiled = try network.compile(timeStepS: 3600, scheme: .crankNicolson)
        let airOnly = [1.0, 0, 0]
        let operative = [0.3, 0.7, 0]
        let controller = LoadController(
            network: compiled, heatingDistribution: airOnly,
            controlWeights: dwelling.thermostat.controlTemperature == .air ? airOnly : operative)

        let internalGains = ZoneInputs.internalGainsW(dwelling.occupancy, firstWeekday: options.firstWeekday)
        var sources = [Double](repeating: 0, count: hours * 3)
        var solarGains = [Double](repeating: 0, count: hours)
        // C.2 distributes (1 − H_tr,w/(9.1·A_t)) of 0.5 Φ_int + Φ_sol to the surface and mass
        // nodes: the rest is taken to leave through the windows at once.
        var directWindowLoss = [Double](repeating: 0, count: hours)
        // Aperture after aperture over the year (the sums in the order of solarGainW(hour:…)),
        // read through pointers: every series is a year of hours.
        precondition(envelope.apertures.allSatisfy { $0.series.totalWPerM2.count == hours }, "irradiance series are not a year of hours")
        for aperture in envelope.apertures {
            let area = aperture.areaM2
            aperture.series.totalWPerM2.withUnsafeBufferPointer { total in
                for hour in 0..<hours { solarGains[hour] += area * total[hour] }
            }
        }
        let sky = envelope.skyCoefficientWPerK
        let shares = zone.gainShares
        precondition(weather.dryBulbC.count == hours && skyC.count == hours && internalGains.count == hours, "weather or gains series are not a year of hours")
        solarGains.withUnsafeMutableBufferPointer { solarGains in
        sources.withUnsafeMutableBufferPointer { sources in
        directWindowLoss.withUnsafeMutableBufferPointer { directWindowLoss in
        weather.dryBulbC.withUnsafeBufferPointer { outdoorC in
        skyC.withUnsafeBufferPointer { skyC in
        internalGains.withUnsafeBufferPointer { internalGains in
            for hour in 0..<hours {
                let gain = solarGains[hour] - sky * (outdoorC[hour] - skyC[hour])
                solarGains[hour] = gain
                let split = Zone5R1C.split(internalW: internalGains[hour], solarW: gain, shares: shares)
                sources[hour * 3] = split.air
                sources[hour * 3 + 1] = split.surface
                sources[hour * 3 + 2] = split.mass
                directWindowLoss[hour] = split.air + split.surface + split.mass - internalGains[hour] - gain
            }
        } } } } } }
        let setpoints = ZoneInputs.setpoints(dwelling.thermostat, firstWeekday: options.firstWeekday)
        return PreparedZone(
            model: .fiveR1C, compiled: compiled, controller: controller, boundaryTemperaturesC: boundaries,
            sourcesW: consume sources, solarGainsW: solarGains, familyFlowsW: ["windows": directWindowLoss], internalGainsW: internalGains,
            airNode: Zone5R1C.airNode, operativeWeights: operative, boundaryLinkFamilies: families,
            heatingSetpointC: setpoints.heating, coolingSetpointC: setpoints.cooling,
            maxHeatingW: ZoneInputs.maxHeatingW(dwelling, options: options), maxCoolingW: .infinity,
            occupied: ZoneInputs.presence(dwelling.occupancy.presence, firstWeekday: options.firstWeekday),
            floorAreaM2: whole.floorAreaM2, setpointFlatsC: (setpoints.heatingFlat, setpoints.coolingFlat))
    }
}
