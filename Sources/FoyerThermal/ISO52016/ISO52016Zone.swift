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
    public static func prepare(_ whole: ResolvedDwelling, weather: WeatherYear, solar: SurfaceIrradiance,
                               options: SimulationOptions = SimulationOptions()) throws -> PreparedZone {
        let dwelling = whole.heatedZone
        let hours = WeatherYear.hoursPerYear
        var network = ThermalNetwork()
        let air = network.addNode("air", capacityJPerK: dwelling.internalHeatCapacityJPerM2K * dwelling.floorAreaM2)
        let outdoor = network.addBoundary("outdoor air")
        let sky = network.addBoundary("sky")
        let supply = network.addBoundary("supply air")
        let skyC = solar.derivedSeries("iso52016-equivalent-sky", of: weather) { equivalentSkyTemperaturesC(weather) }
        var boundaryTemperatures: [[Double]] = [weather.dryBulbC, skyC, weather.dryBulbC]
        var linkFamilies: [String] = []  // filled after the network is built, by boundary link order
        var linkFamilyByIndex: [Int: String] = [:]
        func link(_ node: Int, _ boundary: Int, _ conductance: Double, family: String) {
            guard conductance > 0 else { return }
            network.connect(node, boundary: boundary, conductanceWPerK: conductance)
            linkFamilyByIndex[network.boundaryLinks.count - 1] = family
        }

        // Outside films. Each family's outer surfaces meet the outdoor air through a node of its
        // own, tied to the outdoor boundary by a conductance large enough to hold it at the
        // outdoor temperature: the film itself is then a node–node link, whose conductance can
        // follow the wind hour by hour in variants of the same network (decision 0008), while
        // the flows stay counted per family on the boundary link.
        var outdoorFilmNodes: [String: Int] = [:]
        var windLinks: [(link: Int, convectiveAreaM2: Double, otherWPerK: Double)] = []
        func outsideFilm(_ surface: Int, areaM2: Double, radiativeToAirWPerM2K: Double, family: String) {
            let filmNode: Int
            if let existing = outdoorFilmNodes[family] {
                filmNode = existing
            } else {
                filmNode = network.addNode("\(family) outdoor air")
                link(filmNode, outdoor, outdoorTieWPerK, family: family)
                outdoorFilmNodes[family] = filmNode
            }
            network.connect(surface, filmNode, conductanceWPerK: (externalConvectiveWPerM2K + radiativeToAirWPerM2K) * areaM2)
            windLinks.append((network.links.count - 1, areaM2, radiativeToAirWPerM2K * areaM2))
        }

        // Internal surfaces for the radiative star and the radiative gains.
        var internalSurfaces: [(node: Int, areaM2: Double)] = []
        // Each internal surface's radiative coefficient to the others, W/(m²·K): h_ri for the
        // opaque elements (ε = 0.9), scaled by the glass's own emissivity for the windows.
        var internalRadiative: [Int: Double] = [:]
        var internalSurfaceNodeByID: [String: Int] = [:]
        // Convective links of the horizontal surfaces whose coefficient follows the direction
        // of the heat flow: link index, reversed conductance; floors (facing up) and ceilings.
        var floorConvection: [(link: Int, reversedWPerK: Double, node: Int, areaM2: Double)] = []
        var ceilingConvection: [(link: Int, reversedWPerK: Double, node: Int, areaM2: Double)] = []
        // Or, by default, surfaces whose coefficient follows their own temperature difference
        // with the air, hour by hour (decision 0009): the network holds a reference coefficient.
        var convectiveSurfaces = ConvectiveSurfaces()
        func convect(_ surface: Int, tiltDeg: Double, areaM2: Double) {
            if options.insideConvection == .temperatureDifference {
                network.connect(surface, air, conductanceWPerK: convectiveSurfaces.referenceWPerM2K * areaM2)
                // The element's tilt is that of its outer face: the inner face looks the other way.
                let facingUp = -cos(tiltDeg * .pi / 180)
                convectiveSurfaces.append(node: surface, areaM2: areaM2, facingUp: abs(facingUp) < 1e-9 ? 0 : facingUp)
                return
            }
            network.connect(surface, air, conductanceWPerK: internalConvectiveWPerM2K(tiltDeg: tiltDeg) * areaM2)
            let entry = (network.links.count - 1, reversedInternalConvectiveWPerM2K(tiltDeg: tiltDeg) * areaM2, surface, areaM2)
            switch ISO6946.HeatFlowDirection(tiltDeg: tiltDeg) {
            case .downwards: floorConvection.append(entry)
            case .upwards: ceilingConvection.append(entry)
            case .horizontal: break
            }
        }
        // Solar absorbed at external nodes: (node, α·A, series index).
        var absorbed: [(node: Int, absorptanceArea: Double, series: Int, family: String)] = []
        // Windows' transmitted solar: g·(1−F_F)·A, series index, panes, and the relative
        // transmittances of the sky-diffuse and ground-reflected parts (GlazingAngularModel).
        var transmitted: [(effectiveArea: Double, series: Int, panes: Int, sky: Double, ground: Double)] = []
        var seriesList: [SurfaceIrradiance.Series] = []
        func seriesIndex(tilt: Double, azimuth: Double) -> Int {
            if let index = seriesList.firstIndex(where: { abs($0.tiltDeg - tilt) < 1e-9 && abs($0.azimuthDeg - azimuth) < 1e-9 }) { return index }
            seriesList.append(solar.series(tiltDeg: tilt, azimuthDeg: azimuth))
            return seriesList.count - 1
        }
        let annualMeanOutdoorC = weather.dryBulbC.reduce(0, +) / Double(hours)
        var groundBoundary: Int?
        // Windows whose shutters close at night: node–node link index and its closed conductance.
        var shutterLinks: [(link: Int, closedConductanceWPerK: Double)] = []
        var unheatedBoundaries: [Double: Int] = [:]
        let referenceInteriorC = dwelling.thermostat.heatingSetpointC

        for element in dwelling.opaqueElements {
            let family = element.kind.rawValue + "s"
            let direction = ISO6946.HeatFlowDirection(tiltDeg: element.tiltDeg)
            let rsi = ISO6946.internalSurfaceResistance(direction)
            let isOutdoor = element.boundary == .outdoor
            let rse = ISO6946.externalSurfaceResistance(direction, toOutdoorAir: isOutdoor)
            let rc = max(1 / element.uValueWPerM2K - rsi - rse, 1e-4)
            let area = element.netAreaM2
            let kappas = element.layers.isEmpty
                ? nodeCapacities(element.arealHeatCapacityJPerM2K, element.massDistribution)
                : nodeCapacities(layers: element.layers)
            let nodes = (0..<5).map { network.addNode("\(element.id) node \($0 + 1)", capacityJPerK: kappas[$0] * area) }
            for (index, h) in opaqueNodeConductances(constructionResistanceM2KPerW: rc).enumerated() {
                network.connect(nodes[index], nodes[index + 1], conductanceWPerK: h * area)
            }
            // Internal surface: convection to the air; radiation joins the star below.
            convect(nodes[4], tiltDeg: element.tiltDeg, areaM2: area)
            internalSurfaces.append((nodes[4], area))
            internalSurfaceNodeByID[element.id] = nodes[4]
            let external = nodes[0]
            switch element.boundary {
            case .outdoor:
                // (h_ce + h_re) to the air, less the sky's share: the long-wave exchange
                // h_re·f_sky·(θ_e − θ_sky) of 6.5.6 eq. 41 written as a link to the sky.
                let skyFactor = skyExchangeFraction(tiltDeg: element.tiltDeg)
                let hre = externalRadiativeWPerM2K(emissivity: element.thermalEmissivity)
                outsideFilm(external, areaM2: area, radiativeToAirWPerM2K: hre * (1 - skyFactor), family: family)
                link(external, sky, hre * skyFactor * area, family: family)
                absorbed.append((external, element.solarAbsorptance * area, seriesIndex(tilt: element.tiltDeg, azimuth: element.azimuthDeg), family))
            case let .unheatedSpace(b):
                let boundary: Int
                if let existing = unheatedBoundaries[b] {
                    boundary = existing
                } else {
                    boundary = network.addBoundary("unheated space b \(b)")
                    boundaryTemperatures.append(weather.dryBulbC.map {
                        ZoneInputs.unheatedSpaceTemperatureC(outdoorC: $0, b: b, interiorC: referenceInteriorC)
                    })
                    unheatedBoundaries[b] = boundary
                }
                link(external, boundary, area / rse, family: family)
            case let .ground(perimeter):
                // EN ISO 13370: the ground's resistance makes the floor's U the slab-on-ground
                // value; a virtual soil node carries the soil's capacity, and the far side is
                // held at the annual mean outdoor temperature (the steady-state part of the
                // ground heat flow; the periodic part is not modelled).
                let boundary: Int
                if let existing = groundBoundary {
                    boundary = existing
                } else {
                    boundary = network.addBoundary("ground")
                    boundaryTemperatures.append([Double](repeating: annualMeanOutdoorC, count: hours))
                    groundBoundary = boundary
                }
                let exposedPerimeter = perimeter ?? 4 * area.squareRoot()
                let uGround = ISO13370.slabOnGroundUValue(areaM2: area, exposedPerimeterM: exposedPerimeter, floorResistanceM2KPerW: rc)
                let soilResistance = max(1 / uGround - 1 / element.uValueWPerM2K, 0.01)
                let soil = network.addNode("\(element.id) soil", capacityJPerK: soilLayerHeatCapacityJPerM2K * area)
                network.connect(external, soil, conductanceWPerK: area / (rse + soilResistance / 2))
                link(soil, boundary, 2 * area / soilResistance, family: family)
            case .adiabatic:
                break
            }
        }

        for window in dwelling.windows {
            let rsi = ISO6946.internalSurfaceResistance(.horizontal)
            let rse = ISO6946.externalSurfaceResistance(.horizontal, toOutdoorAir: true)
            // A window whose U is its glazing's, given layer by layer: the glass-to-glass
            // resistance (EN 673), since that U carries an inside film for its own emissivity that the network's
            // radiative exchange already represents.
            let rc = window.glassToGlassResistanceM2KPerW ?? max(1 / window.uValueWPerM2K - rsi - rse, 1e-4)
            let area = window.areaM2
            let external = network.addNode("\(window.id) outer surface")
            let inner = network.addNode("\(window.id) inner surface")
            network.connect(external, inner, conductanceWPerK: area / rc)
            if let shutter = window.shutter, shutter.closedAtNight {
                // Closed, the shutter adds its ΔR (EN ISO 10077-1, Annex G) to the glazing's R_c.
                shutterLinks.append((network.links.count - 1, area / (rc + shutter.additionalResistanceM2KPerW)))
            }
            convect(inner, tiltDeg: window.tiltDeg, areaM2: area)
            internalSurfaces.append((inner, area))
            internalRadiative[inner] = internalRadiativeWPerM2K * window.innerEmissivity / 0.9
            internalSurfaceNodeByID[window.id] = inner
            let skyFactor = skyExchangeFraction(tiltDeg: window.tiltDeg)
            // Glass's own emissivity (uncoated 0.837, EN 673) for its long-wave exchange.
            let hre = externalRadiativeWPerM2K(emissivity: window.outerEmissivity)
            outsideFilm(external, areaM2: area, radiativeToAirWPerM2K: hre * (1 - skyFactor), family: "windows")
            link(external, sky, hre * skyFactor * area, family: "windows")
            // Angle-dependent transmittance instead of a constant F_w (Duffie & Beckman ch. 5;
            // Brandemuehl & Beckman effective angles for the diffuse parts).
            let panes = window.panes ?? GlazingAngularModel.assumedPanes(uValueWPerM2K: window.uValueWPerM2K)
            transmitted.append((
                window.gValue * (1 - window.frameFraction) * area, seriesIndex(tilt: window.tiltDeg, azimuth: window.azimuthDeg), panes,
                GlazingAngularModel.relativeTransmittance(
                    incidenceDeg: GlazingAngularModel.effectiveSkyDiffuseIncidenceDeg(tiltDeg: window.tiltDeg), panes: panes),
                GlazingAngularModel.relativeTransmittance(
                    incidenceDeg: GlazingAngularModel.effectiveGroundReflectedIncidenceDeg(tiltDeg: window.tiltDeg), panes: panes)))
        }

        // Radiative exchange between internal surfaces through the mean radiant temperature
        // (6.5.6, eq. 39): each surface i exchanges h_ri,i·A_i with a massless mean-radiant
        // node, which, eliminated, links surfaces i and k by G_i·G_k/ΣG (h_ri·A_i·A_k/A_tot
        // when all coefficients are equal). h_ri,i = ε_i·4σT³: 5.13 W/(m²·K) for ε = 0.9.
        let totalInternalArea = internalSurfaces.reduce(0) { $0 + $1.areaM2 }
        let radiativeConductances = internalSurfaces.map { (internalRadiative[$0.node] ?? internalRadiativeWPerM2K) * $0.areaM2 }
        let totalRadiativeConductance = radiativeConductances.reduce(0, +)
        for i in 0..<internalSurfaces.count {
            for k in (i + 1)..<internalSurfaces.count {
                let conductance = radiativeConductances[i] * radiativeConductances[k] / totalRadiativeConductance
                network.connect(internalSurfaces[i].node, internalSurfaces[k].node, conductanceWPerK: conductance)
            }
        }
        link(air, outdoor, dwelling.thermalBridgeHeatTransferWPerK, family: "thermal bridges")
        link(air, supply, ZoneInputs.ventilationWPerK(dwelling), family: "ventilation")
        linkFamilies = (0..<network.boundaryLinks.count).map { linkFamilyByIndex[$0] ?? "other" }

        let compiled = try network.compile(timeStepS: 3600)
        let n = network.nodeCount
        // Variants of the same network, each factorised once (index bits as in
        // PreparedZone.variants): shutters closed in the hours without sun (global horizontal
        // irradiance zero), heat flowing up from the floors, down from the ceilings.
        // Wind: the outside convective coefficient of each hour, on a ladder of levels (one
        // block of eight variants per level that the year uses; decision 0008).
        let windLevels: [Int]
        if options.outsideFilm == .weather, !windLinks.isEmpty {
            let heightM = max(Double(dwelling.storeys) * dwelling.storeyHeightM, 1)
            windLevels = weather.windSpeedMPerS.map { speed in
                windLevel(convectiveWPerM2K: externalConvectiveWPerM2K(windSpeedMPerS: localWindSpeedMPerS(speed, heightM: heightM, terrain: dwelling.location.terrain)))
            }
        } else {
            windLevels = []
        }
        let usedLevels = Array(Set(windLevels)).sorted()
        let blockByLevel = Dictionary(uniqueKeysWithValues: usedLevels.enumerated().map { ($1, $0) })
        let blockLevels: [Int?] = usedLevels.isEmpty ? [nil] : usedLevels.map { Optional($0) }
        var variantNetworks: [ThermalNetwork?] = []
        for level in blockLevels {
            for index in 0..<8 {
                let shutters = index & 1 != 0, floorsUp = index & 2 != 0, ceilingsDown = index & 4 != 0
                if (shutters && shutterLinks.isEmpty) || (floorsUp && floorConvection.isEmpty) || (ceilingsDown && ceilingConvection.isEmpty) {
                    variantNetworks.append(nil)
                    continue
                }
                var variant = network
                if let level {
                    let convective = windLevelConvectiveWPerM2K(level)
                    for film in windLinks { variant.setLinkConductance(film.link, conductanceWPerK: convective * film.convectiveAreaM2 + film.otherWPerK) }
                }
                if shutters { for shutter in shutterLinks { variant.setLinkConductance(shutter.link, conductanceWPerK: shutter.closedConductanceWPerK) } }
                if floorsUp { for link in floorConvection { variant.setLinkConductance(link.link, conductanceWPerK: link.reversedWPerK) } }
                if ceilingsDown { for link in ceilingConvection { variant.setLinkConductance(link.link, conductanceWPerK: link.reversedWPerK) } }
                variantNetworks.append(variant)
            }
        }

        // Distribution of radiative gains: equal W/m² on every internal surface (6.5.6).
        var radiativeShare = [Double](repeating: 0, count: n)
        for surface in internalSurfaces { radiativeShare[surface.node] = surface.areaM2 / totalInternalArea }
        // Share of the window solar gains absorbed by each internal surface: the file's
        // fractions when it gives them (all absorbed by surfaces, some lost back outside);
        // otherwise f_sol,c to the air and the rest by area (6.5.6).
        var solarShare = radiativeShare.map { (1 - solarConvectiveFraction) * $0 }
        var solarToAir = solarConvectiveFraction
        var solarRetained = 1.0
        if let given = dwelling.interiorSolarDistribution {
            solarShare = [Double](repeating: 0, count: n)
            for (id, fraction) in given.fractions {
                if let node = internalSurfaceNodeByID[id] { solarShare[node] += fraction }
            }
            solarToAir = 0
            solarRetained = 1 - given.lostThroughWindows
        }
        var operative = radiativeShare.map { 0.5 * $0 }
        operative[air] += 0.5
        var airOnly = [Double](repeating: 0, count: n)
        airOnly[air] = 1
        let convective = options.heatingConvectiveFraction ?? dwelling.heatingConvectiveFraction
        var heatingDistribution = radiativeShare.map { (1 - convective) * $0 }
        heatingDistribution[air] += convective
        let controlWeights = dwelling.thermostat.controlTemperature == .air ? airOnly : operative
        let controller = LoadController(network: compiled, heatingDistribution: heatingDistribution, controlWeights: controlWeights)
        var variants: [NetworkVariant] = []
        let applicableBits = (shutterLinks.isEmpty ? 0 : 1) | (floorConvection.isEmpty ? 0 : 2) | (ceilingConvection.isEmpty ? 0 : 4)
        for (index, variant) in variantNetworks.enumerated() {
            let block = index / 8 * 8
            guard let variant else {
                // Never selected; the variant without the bits that do not apply stands in.
                variants.append(variants[block + (index % 8) & applicableBits])
                continue
            }
            if blockLevels[0] == nil, index == 0 {
                variants.append(NetworkVariant(compiled: compiled, controller: controller))
                continue
            }
            let variantCompiled = try variant.compile(timeStepS: 3600)
            variants.append(NetworkVariant(
                compiled: variantCompiled,
                controller: LoadController(network: variantCompiled, heatingDistribution: heatingDistribution, controlWeights: controlWeights)))
        }

        // Hourly sources.
        let internalGains = ZoneInputs.internalGainsW(dwelling.occupancy, firstWeekday: options.firstWeekday)
        let radiativeFraction = dwelling.occupancy.internalGainsRadiativeFraction
        var sources = [Double](repeating: 0, count: hours * n)
        var solarGains = [Double](repeating: 0, count: hours)
        // Solar absorbed on the outer surfaces, per element family (indexed, not hashed, in the
        // hourly loop).
        var familyNames: [String] = []
        for surface in absorbed where !familyNames.contains(surface.family) { familyNames.append(surface.family) }
        let absorbedFamilyIndex = absorbed.map { surface in familyNames.firstIndex(of: surface.family) ?? 0 }
        var absorbedByFamilyIndex = [[Double]](repeating: [Double](repeating: 0, count: hours), count: familyNames.count)
        // The beam's relative transmittance depends on the orientation and the number of panes
        // only: computed once per (orientation, panes) and weather year, shared by the windows
        // and the dwellings that have them.
        func beamFactors(_ series: SurfaceIrradiance.Series, panes: Int) -> [Double] {
            let name = "beam-transmittance|\(series.tiltDeg.bitPattern)|\(series.azimuthDeg.bitPattern)|\(panes)"
            return solar.derivedSeries(name) {
                (0..<hours).map { hour in
                    series.beamWPerM2[hour] > 0 ? GlazingAngularModel.relativeTransmittance(incidenceDeg: series.incidenceDeg[hour], panes: panes) : 0
                }
            }
        }
        // Window after window, then surface after surface, over the year: each hour's sums
        // add in the same order as an hour-by-hour loop would.
        // The loops below read through pointers: every series is a year of hours.
        precondition(seriesList.allSatisfy { $0.beamWPerM2.count == hours && $0.skyDiffuseWPerM2.count == hours
            && $0.groundReflectedWPerM2.count == hours && $0.totalWPerM2.count == hours && $0.incidenceDeg.count == hours }
            && internalGains.count == hours, "irradiance or gains series are not a year of hours")
        var windowSolar = [Double](repeating: 0, count: hours)
        windowSolar.withUnsafeMutableBufferPointer { windowSolar in
            for window in transmitted {
                let series = seriesList[window.series]
                let factors = beamFactors(series, panes: window.panes)
                let area = window.effectiveArea, skyFactor = window.sky, groundFactor = window.ground
                series.beamWPerM2.withUnsafeBufferPointer { beam in
                factors.withUnsafeBufferPointer { factors in
                series.skyDiffuseWPerM2.withUnsafeBufferPointer { skyDiffuse in
                series.groundReflectedWPerM2.withUnsafeBufferPointer { ground in
                    for hour in 0..<hours {
                        windowSolar[hour] += area * (beam[hour] * factors[hour] + skyDiffuse[hour] * skyFactor + ground[hour] * groundFactor)
                    }
                } } } }
            }
        }
        sources.withUnsafeMutableBufferPointer { sources in
            for (a, surface) in absorbed.enumerated() {
                let family = absorbedFamilyIndex[a], node = surface.node, absorptanceArea = surface.absorptanceArea
                seriesList[surface.series].totalWPerM2.withUnsafeBufferPointer { total in
                absorbedByFamilyIndex[family].withUnsafeMutableBufferPointer { familyFlow in
                    for hour in 0..<hours {
                        let gain = absorptanceArea * total[hour]
                        sources[hour * n + node] += gain
                        familyFlow[hour] += gain
                    }
                } }
            }
            let surfaceNodes = internalSurfaces.map(\.node)
            let surfaceRadiative = surfaceNodes.map { radiativeShare[$0] }
            let surfaceSolar = surfaceNodes.map { solarShare[$0] }
            for hour in 0..<hours {
                let base = hour * n
                let solarHere = windowSolar[hour]
                let radiantInternal = radiativeFraction * internalGains[hour]
                sources[base + air] += solarToAir * solarHere + (1 - radiativeFraction) * internalGains[hour]
                for k in 0..<surfaceNodes.count {
                    sources[base + surfaceNodes[k]] += radiantInternal * surfaceRadiative[k] + solarHere * surfaceSolar[k]
                }
                solarGains[hour] = solarRetained * solarHere
            }
        }

        let setpoints = ZoneInputs.setpoints(dwelling.thermostat, firstWeekday: options.firstWeekday)
        return PreparedZone(
            model: .iso52016, compiled: compiled, controller: controller, boundaryTemperaturesC: boundaryTemperatures,
            sourcesW: sources, solarGainsW: solarGains, familyFlowsW: Dictionary(uniqueKeysWithValues: zip(familyNames, absorbedByFamilyIndex)), internalGainsW: internalGains, airNode: air, operativeWeights: operative,
            boundaryLinkFamilies: linkFamilies, heatingSetpointC: setpoints.heating, coolingSetpointC: setpoints.cooling,
            maxHeatingW: ZoneInputs.maxHeatingW(dwelling, options: options), maxCoolingW: .infinity,
            occupied: ZoneInputs.hourly(dwelling.occupancy.presence, firstWeekday: options.firstWeekday),
            floorAreaM2: whole.floorAreaM2,
            variants: variants,
            variantBlockByHour: windLevels.map { UInt8(blockByLevel[$0] ?? 0) },
            shuttersClosed: shutterLinks.isEmpty ? [] : weather.globalHorizontalWPerM2.map { $0 <= 0 },
            floorSurfaces: SurfaceGroup(nodes: floorConvection.map(\.node), areasM2: floorConvection.map(\.areaM2)),
            ceilingSurfaces: SurfaceGroup(nodes: ceilingConvection.map(\.node), areasM2: ceilingConvection.map(\.areaM2)),
            convectiveSurfaces: convectiveSurfaces)
    }
}
