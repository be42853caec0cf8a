import Foundation
import FoyerClimate
import FoyerModel

/// EN ISO 52016-1:2017 hourly method for one thermal zone: every opaque element discretised
/// in five nodes, every window in two, one air node (6.5.6 and 6.5.7).
public enum ISO52016 {
    /// External convective surface coefficient h_ce, W/(m²·K) (EN ISO 13789:2017, Table 8, as
    /// used by EN ISO 52016-1).
    public static let externalConvectiveWPerM2K = 20.0
    /// External radiative surface coefficient h_re, W/(m²·K) (same source): ε·4σT³ with
    /// ε = 0.9 and 4σT³ = 4.6 W/(m²·K) (EN ISO 6946:2017, Annex C, h_r0 at 10 °C is 5.1;
    /// EN ISO 13789 takes 4.6). An element's own emissivity scales it.
    public static let externalRadiativeWPerM2K = 4.14
    /// The black-body part 4σT³ of h_re, W/(m²·K): h_re = ε·4.6.
    public static func externalRadiativeWPerM2K(emissivity: Double) -> Double { emissivity * externalRadiativeWPerM2K / 0.9 }
    /// Conductance tying a family's outdoor-air node to the outdoor temperature, W/K: large
    /// against any film (10⁶ W/K leaves the node within a few millikelvin of the outdoor air).
    static let outdoorTieWPerK = 1e6

    /// Outside convective coefficient from the wind at the surface, h_c = 4 + 4·v W/(m²·K)
    /// (EN ISO 6946:2017, Annex C, C.2).
    public static func externalConvectiveWPerM2K(windSpeedMPerS: Double) -> Double {
        4 + 4 * max(0, windSpeedMPerS.isFinite ? windSpeedMPerS : 0)
    }

    /// The meteorological wind speed (10 m, open terrain) brought to height `heightM` in
    /// `terrain`: v_H = v_met·(δ_met/10)^α_met·(H/δ)^α, α_met 0.14, δ_met 270 m (ASHRAE Handbook —
    /// Fundamentals 2017, ch. 24, eq. 4 and Table 1).
    public static func localWindSpeedMPerS(_ meteorologicalMPerS: Double, heightM: Double, terrain: Terrain) -> Double {
        let (alpha, delta) = terrain.profile
        return meteorologicalMPerS * pow(270.0 / 10, 0.14) * pow(heightM / delta, alpha)
    }

    /// Share of an outer surface's long-wave exchange that goes to the sky at the sky
    /// temperature, F_sky·β, the rest going to the ground and the sky near the horizon, taken at
    /// the outdoor air temperature: F_sky = (1 + cos s)/2 is the sky view factor of a surface of
    /// tilt s (EN ISO 52016-1:2017, 6.5.13.3), and β = √F_sky the part of that view whose
    /// radiance is the sky's rather than the air's near the horizon (EnergyPlus Engineering
    /// Reference, outside surface heat balance, external long-wave radiation). 1 for a roof,
    /// 0.354 for a wall, 0 for a floor facing down.
    public static func skyExchangeFraction(tiltDeg: Double) -> Double {
        let view = min(max(0.5 * (1 + cos(tiltDeg * .pi / 180)), 0), 1)
        return view * view.squareRoot()
    }

    /// The sky temperature the network's sky links see each hour, °C. The links hold the
    /// long-wave coefficient ε·4.6 W/(m²·K) (h_r0 at 0 °C); the hour's coefficient is
    /// ε·4σT_m³ with T_m the mean of the outdoor air and sky temperatures (EN ISO 6946:2017,
    /// Annex C.3, the outer surface taken at the air temperature for the coefficient). The
    /// ratio r = 4σT_m³/4.6 applies to the air-to-sky difference: the link then carries
    /// h·(θ_s − θ_e) + r·h·(θ_e − θ_sky) through a sky at θ_e − r·(θ_e − θ_sky). On a clear
    /// winter night (air −19 °C, sky −38 °C) r = 0.71.
    public static func equivalentSkyTemperaturesC(_ weather: WeatherYear) -> [Double] {
        let sigma = 5.670374419e-8
        let sky = SurfaceIrradiance.skyTemperaturesC(weather)
        return zip(weather.dryBulbC, sky).map { air, sky in
            let meanK = (air + sky) / 2 + 273.15
            let ratio = 4 * sigma * meanK * meanK * meanK / (externalRadiativeWPerM2K / 0.9)
            return air - ratio * (air - sky)
        }
    }

    /// Ladder of outside convective coefficients: level l stands for 4·1.2^l W/(m²·K), up to
    /// level 15 (62 W/(m²·K), a 14 m/s wind at the surface). Steps of 20 % change R_se by at
    /// most ±10 %, a few hundredths of a m²·K/W.
    static let windLevelCount = 16
    static func windLevelConvectiveWPerM2K(_ level: Int) -> Double { 4 * pow(1.2, Double(level)) }
    static func windLevel(convectiveWPerM2K h: Double) -> Int {
        min(windLevelCount - 1, max(0, Int((log(max(h, 4) / 4) / log(1.2)).rounded())))
    }

    /// Internal radiative surface coefficient h_ri, W/(m²·K) (same source).
    public static let internalRadiativeWPerM2K = 5.13
    /// Convective fraction of the solar gains through windows, f_sol,c (Annex B default).
    public static let solarConvectiveFraction = 0.1
    /// Correction of the glazing's normal-incidence g-value for the varying angle of incidence,
    /// F_w = 0.9 (EN ISO 13790:2008, 11.4.2; TABULA's f_nonperpendicular): used by the 5R1C and
    /// monthly models, which follow EN ISO 13790. The EN ISO 52016-1 model computes the angular
    /// dependence hour by hour instead (``GlazingAngularModel``).
    public static let nonPerpendicularFactor = 0.9
    /// Soil under a ground floor: a virtual layer of 0.5 m, volumetric heat capacity
    /// 2 × 10⁶ J/(m³·K) (EN ISO 13370:2017 default for clay/silt).
    public static let soilLayerHeatCapacityJPerM2K = 1.0e6

    /// Internal convective surface coefficient h_ci, W/(m²·K), by direction of the heat flow
    /// (EN ISO 13789:2017, Table 8): horizontal 2.5, upwards 5.0, downwards 0.7. These are the
    /// directions of the heating season (air warmer than the surfaces: upwards into a ceiling,
    /// downwards into a floor); ``reversedInternalConvectiveWPerM2K(tiltDeg:)`` gives the other.
    public static func internalConvectiveWPerM2K(tiltDeg: Double) -> Double {
        switch ISO6946.HeatFlowDirection(tiltDeg: tiltDeg) {
        case .horizontal: 2.5
        case .upwards: 5.0
        case .downwards: 0.7
        }
    }

    /// h_ci when the heat flows the other way than in the heating season: up from a floor
    /// warmer than the air (sun patch), down from a ceiling warmer than the air (EN ISO
    /// 13789:2017, Table 8). Walls keep 2.5.
    public static func reversedInternalConvectiveWPerM2K(tiltDeg: Double) -> Double {
        switch ISO6946.HeatFlowDirection(tiltDeg: tiltDeg) {
        case .horizontal: 2.5
        case .upwards: 0.7
        case .downwards: 5.0
        }
    }

    /// Conductances between the five nodes of an opaque element of construction resistance
    /// R_c (EN ISO 52016-1:2017, 6.5.7.2): h_pl1 = 6/R_c, h_pl2 = 3/R_c, h_pl3 = 3/R_c,
    /// h_pl4 = 6/R_c, W/(m²·K). Node 1 is the external surface, node 5 the internal one.
    public static func opaqueNodeConductances(constructionResistanceM2KPerW rc: Double) -> [Double] {
        [6 / rc, 3 / rc, 3 / rc, 6 / rc]
    }

    /// Areal heat capacity of the five nodes for a mass class (EN ISO 52016-1:2017, 6.5.7.2,
    /// classes of Table B.13).
    public static func nodeCapacities(_ kappa: Double, _ distribution: MassDistribution) -> [Double] {
        switch distribution {
        case .internal: [0, 0, 0, 0, kappa]
        case .external: [kappa, 0, 0, 0, 0]
        case .internalAndExternal: [kappa / 2, 0, 0, 0, kappa / 2]
        case .distributed: [kappa / 8, kappa / 4, kappa / 4, kappa / 4, kappa / 8]
        case .middle: [0, 0, kappa, 0, 0]
        }
    }

    /// Areal heat capacity of the five nodes from the element's actual layers: each layer's
    /// capacity is placed at the thermal-resistance position of its middle and shared between
    /// the two nodes around it in proportion to the distance (nodes at R = 0, R_c/6, R_c/2,
    /// 5R_c/6 and R_c from the outside, the positions the conductances of 6.5.7.2 imply).
    public static func nodeCapacities(layers: [ResolvedLayer]) -> [Double] {
        let total = layers.reduce(0) { $0 + $1.thermalResistanceM2KPerW }
        var capacities = [Double](repeating: 0, count: 5)
        guard total > 0 else {
            capacities[4] = layers.reduce(0) { $0 + $1.arealHeatCapacityJPerM2K }
            return capacities
        }
        let positions = [0, 1.0 / 6, 0.5, 5.0 / 6, 1]
        var start = 0.0
        for layer in layers {
            let middle = (start + layer.thermalResistanceM2KPerW / 2) / total
            start += layer.thermalResistanceM2KPerW
            var upper = 1
            while upper < 4 && positions[upper] < middle { upper += 1 }
            let lower = upper - 1
            let weight = min(max((middle - positions[lower]) / (positions[upper] - positions[lower]), 0), 1)
            capacities[lower] += (1 - weight) * layer.arealHeatCapacityJPerM2K
            capacities[upper] += weight * layer.arealHeatCapacityJPerM2K
        }
        return capacities
    }

    /// Builds the zone of `dwelling` under `weather`.
    /// - Throws: ``ThermalNetworkError`` when the network cannot be solved.
    /// A household that heats part of its dwelling is simulated on the heated zone
    /// (``ResolvedDwelling/heatedZone``); results per m² stay per m² of the whole dwelling.
    ///
    /// The network, its factorisations and the solar gains (``ZoneStructure``) are taken from
    /// ``StructureCache`` when a zone with the same envelope was prepared on this year: the
    /// household's set-points, presence and gains are then the only work.
    public static func prepare(_ whole: ResolvedDwelling, weather: WeatherYear, solar: SurfaceIrradiance,
                               options: SimulationOptions = SimulationOptions()) throws -> PreparedZone {
        try prepare(whole, weather: weather, solar: solar, options: options, cache: .shared)
    }

    /// ``prepare(_:weather:solar:options:)`` with the structures kept in `cache` (tests give
    /// their own).
    static func prepare(_ whole: ResolvedDwelling, weather: WeatherYear, solar: SurfaceIrradiance, options: SimulationOptions,
                        cache: StructureCache) throws -> PreparedZone {
        let dwelling = whole.heatedZone
        let structure = try cache.structure(StructureInputs(dwelling, options: options), weather: weather, solar: solar)
        return prepare(dwelling, whole: whole, structure: structure, weather: weather, options: options)
    }

    /// The zone of `dwelling` (a heated zone) on a structure built for its envelope: the
    /// household's part of ``prepare(_:weather:solar:options:)``.
    static func prepare(_ dwelling: ResolvedDwelling, whole: ResolvedDwelling, structure: ZoneStructure, weather: WeatherYear,
                        options: SimulationOptions) -> PreparedZone {
        let hours = WeatherYear.hoursPerYear
        let n = structure.nodeCount, air = structure.airNode
        // Boundaries in the network's order: outdoor air, sky, supply air, then unheated spaces
        // (following the set-point, the reference interior temperature) and the ground.
        let referenceInteriorC = dwelling.thermostat.heatingSetpointC
        var boundaryTemperatures: [[Double]] = [weather.dryBulbC, structure.skyC, weather.dryBulbC]
        for boundary in structure.extraBoundaries {
            switch boundary {
            case let .unheatedSpace(b):
                boundaryTemperatures.append(weather.dryBulbC.map {
                    ZoneInputs.unheatedSpaceTemperatureC(outdoorC: $0, b: b, interiorC: referenceInteriorC)
                })
            case .ground:
                boundaryTemperatures.append(structure.groundTemperaturesC)
            }
        }

        // Hourly sources.
        let internalGains = ZoneInputs.internalGainsW(dwelling.occupancy, firstWeekday: options.firstWeekday)
        let radiativeFraction = dwelling.occupancy.internalGainsRadiativeFraction
        var sources = [Double](repeating: 0, count: hours * n)
        // The loops below read through pointers: every series is a year of hours.
        precondition(structure.absorbed.allSatisfy { $0.totalWPerM2.count == hours } && internalGains.count == hours
            && structure.windowSolarW.count == hours, "irradiance or gains series are not a year of hours")
        sources.withUnsafeMutableBufferPointer { sources in
            for surface in structure.absorbed {
                let node = surface.node, absorptanceArea = surface.absorptanceArea
                surface.totalWPerM2.withUnsafeBufferPointer { total in
                    for hour in 0..<hours { sources[hour * n + node] += absorptanceArea * total[hour] }
                }
            }
            let surfaceNodes = structure.surfaceNodes, surfaceRadiative = structure.surfaceRadiative, surfaceSolar = structure.surfaceSolar
            let solarToAir = structure.solarToAir
            structure.windowSolarW.withUnsafeBufferPointer { windowSolar in
                for hour in 0..<hours {
                    let base = hour * n
                    let solarHere = windowSolar[hour]
                    let radiantInternal = radiativeFraction * internalGains[hour]
                    sources[base + air] += solarToAir * solarHere + (1 - radiativeFraction) * internalGains[hour]
                    for k in 0..<surfaceNodes.count {
                        sources[base + surfaceNodes[k]] += radiantInternal * surfaceRadiative[k] + solarHere * surfaceSolar[k]
                    }
                }
            }
        }

        let setpoints = ZoneInputs.setpoints(dwelling.thermostat, firstWeekday: options.firstWeekday)
        return PreparedZone(
            model: .iso52016, compiled: structure.compiled, controller: structure.controller, boundaryTemperaturesC: boundaryTemperatures,
            sourcesW: consume sources, solarGainsW: structure.solarGainsW, familyFlowsW: structure.familyFlowsW, internalGainsW: internalGains,
            airNode: air, operativeWeights: structure.operative,
            boundaryLinkFamilies: structure.linkFamilies, heatingSetpointC: setpoints.heating, coolingSetpointC: setpoints.cooling,
            maxHeatingW: ZoneInputs.maxHeatingW(dwelling, options: options), maxCoolingW: .infinity,
            occupied: ZoneInputs.presence(dwelling.occupancy.presence, firstWeekday: options.firstWeekday),
            floorAreaM2: whole.floorAreaM2,
            variants: structure.variants,
            variantBlockByHour: structure.variantBlockByHour,
            shuttersClosed: structure.shuttersClosed,
            floorSurfaces: structure.floorSurfaces,
            ceilingSurfaces: structure.ceilingSurfaces,
            convectiveSurfaces: structure.convectiveSurfaces,
            setpointFlatsC: (setpoints.heatingFlat, setpoints.coolingFlat))
    }
}
