import Foundation
import FoyerClimate
import FoyerCore
import FoyerModel

extension ISO52016 {
    /// Everything a zone's EN ISO 52016-1 network depends on, apart from the weather year: the
    /// envelope of the heated zone, its air's capacity, thermal bridges and ventilation, the
    /// building's height and terrain (the wind at the eaves), how the heating and the solar
    /// gains reach the room, the controlled temperature, and the options that change the
    /// network. Not the household's set-points, presence or internal gains.
    ///
    /// ``ZoneStructure`` is built from these inputs alone, so that two zones with equal inputs
    /// on the same year have the same structure (the key of ``StructureCache``).
    ///
    /// Equality compares the numbers with `==`, so +0 and −0 match: every number here enters the
    /// network as a factor of a product added to a positive sum, through a `> 0` test or a
    /// `max`, and the sign of a zero does not reach any result.
    struct StructureInputs: Equatable, Sendable {
        var airCapacityJPerK: Double
        var opaqueElements: [ResolvedOpaqueElement]
        var windows: [ResolvedWindow]
        var controlTemperature: ControlTemperature
        var thermalBridgeWPerK: Double
        var ventilationWPerK: Double
        /// Height of the eaves for the wind, m (at least 1).
        var heightM: Double
        var terrain: Terrain
        var interiorSolarDistribution: ResolvedInteriorSolarDistribution?
        var heatingConvectiveFraction: Double
        var outsideFilm: OutsideFilm
        var insideConvection: InsideConvection

        /// The inputs of `dwelling`'s heated zone (the caller passes ``ResolvedDwelling/heatedZone``).
        init(_ dwelling: ResolvedDwelling, options: SimulationOptions) {
            airCapacityJPerK = dwelling.internalHeatCapacityJPerM2K * dwelling.floorAreaM2
            opaqueElements = dwelling.opaqueElements
            windows = dwelling.windows
            controlTemperature = dwelling.thermostat.controlTemperature
            thermalBridgeWPerK = dwelling.thermalBridgeHeatTransferWPerK
            ventilationWPerK = ZoneInputs.ventilationWPerK(dwelling)
            heightM = max(Double(dwelling.storeys) * dwelling.storeyHeightM, 1)
            terrain = dwelling.location.terrain
            interiorSolarDistribution = dwelling.interiorSolarDistribution
            heatingConvectiveFraction = options.heatingConvectiveFraction ?? dwelling.heatingConvectiveFraction
            outsideFilm = options.outsideFilm
            insideConvection = options.insideConvection
        }
    }

    /// A boundary added after the outdoor air, the sky and the supply air, in the network's order.
    enum ExtraBoundary {
        /// An unheated space of adjustment factor b (its temperature follows the set-point).
        case unheatedSpace(b: Double)
        /// The ground, at the annual mean outdoor temperature.
        case ground
    }

    /// The part of a zone's model that does not depend on the household: the network and its
    /// factorised variants with their controllers, the variant of each hour, the distribution
    /// of the gains over the nodes, the solar gains through the windows and on the outer
    /// surfaces. Built once for a sweep's dwellings that share an envelope (the set-points and
    /// occupancies of a grid, the households of a calibration), and read by every one of them.
    final class ZoneStructure: Sendable {
        let compiled: CompiledThermalNetwork
        let controller: LoadController
        let variants: [NetworkVariant]
        let variantBlockByHour: [UInt8]
        let shuttersClosed: [Bool]
        let floorSurfaces: SurfaceGroup
        let ceilingSurfaces: SurfaceGroup
        let convectiveSurfaces: ConvectiveSurfaces
        let airNode: Int
        let nodeCount: Int
        let linkFamilies: [String]
        let operative: [Double]
        let skyC: [Double]
        let extraBoundaries: [ExtraBoundary]
        /// A year of hours at the annual mean outdoor temperature (the ground's far side), empty
        /// when the zone has no floor on the ground.
        let groundTemperaturesC: [Double]
        /// Solar absorbed on the outer surfaces: node, α·A and the orientation's total irradiance.
        let absorbed: [(node: Int, absorptanceArea: Double, totalWPerM2: [Double])]
        /// Internal surfaces with their shares of the radiative internal gains and of the solar
        /// gains through the windows; the share of those going to the air.
        let surfaceNodes: [Int], surfaceRadiative: [Double], surfaceSolar: [Double]
        let solarToAir: Double
        /// Solar through the windows each hour, W, and what the zone retains of it.
        let windowSolarW: [Double]
        let solarGainsW: [Double]
        let familyFlowsW: [String: [Double]]

        /// - Throws: ``ThermalNetworkError`` when the network cannot be solved.
        init(_ inputs: StructureInputs, weather: WeatherYear, solar: SurfaceIrradiance) throws {
            let hours = WeatherYear.hoursPerYear
            var network = ThermalNetwork()
            let air = network.addNode("air", capacityJPerK: inputs.airCapacityJPerK)
            let outdoor = network.addBoundary("outdoor air")
            let sky = network.addBoundary("sky")
            let supply = network.addBoundary("supply air")
            let skyC = solar.derivedSeries("iso52016-equivalent-sky", of: weather) { equivalentSkyTemperaturesC(weather) }
            var extraBoundaries: [ExtraBoundary] = []
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
                if inputs.insideConvection == .temperatureDifference {
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

            for element in inputs.opaqueElements {
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
                        extraBoundaries.append(.unheatedSpace(b: b))
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
                        extraBoundaries.append(.ground)
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

            for window in inputs.windows {
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
            link(air, outdoor, inputs.thermalBridgeWPerK, family: "thermal bridges")
            link(air, supply, inputs.ventilationWPerK, family: "ventilation")
            linkFamilies = (0..<network.boundaryLinks.count).map { linkFamilyByIndex[$0] ?? "other" }

            let compiled = try network.compile(timeStepS: 3600)
            let n = network.nodeCount
            // Variants of the same network, each factorised once (index bits as in
            // PreparedZone.variants): shutters closed in the hours without sun (global horizontal
            // irradiance zero), heat flowing up from the floors, down from the ceilings.
            // Wind: the outside convective coefficient of each hour, on a ladder of levels (one
            // block of eight variants per level that the year uses; decision 0008).
            let windLevels: [Int]
            if inputs.outsideFilm == .weather, !windLinks.isEmpty {
                let heightM = inputs.heightM
                windLevels = weather.windSpeedMPerS.map { speed in
                    windLevel(convectiveWPerM2K: externalConvectiveWPerM2K(windSpeedMPerS: localWindSpeedMPerS(speed, heightM: heightM, terrain: inputs.terrain)))
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
            if let given = inputs.interiorSolarDistribution {
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
            let convective = inputs.heatingConvectiveFraction
            var heatingDistribution = radiativeShare.map { (1 - convective) * $0 }
            heatingDistribution[air] += convective
            let controlWeights = inputs.controlTemperature == .air ? airOnly : operative
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

            // Solar absorbed on the outer surfaces, per element family (indexed, not hashed).
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
                && $0.groundReflectedWPerM2.count == hours && $0.totalWPerM2.count == hours && $0.incidenceDeg.count == hours },
                "irradiance series are not a year of hours")
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
            for (a, surface) in absorbed.enumerated() {
                let absorptanceArea = surface.absorptanceArea
                seriesList[surface.series].totalWPerM2.withUnsafeBufferPointer { total in
                absorbedByFamilyIndex[absorbedFamilyIndex[a]].withUnsafeMutableBufferPointer { familyFlow in
                    for hour in 0..<hours { familyFlow[hour] += absorptanceArea * total[hour] }
                } }
            }

            self.compiled = compiled
            self.controller = controller
            self.variants = variants
            variantBlockByHour = windLevels.map { UInt8(blockByLevel[$0] ?? 0) }
            shuttersClosed = shutterLinks.isEmpty ? [] : weather.globalHorizontalWPerM2.map { $0 <= 0 }
            floorSurfaces = SurfaceGroup(nodes: floorConvection.map(\.node), areasM2: floorConvection.map(\.areaM2))
            ceilingSurfaces = SurfaceGroup(nodes: ceilingConvection.map(\.node), areasM2: ceilingConvection.map(\.areaM2))
            self.convectiveSurfaces = convectiveSurfaces
            airNode = air
            nodeCount = n
            self.linkFamilies = linkFamilies
            self.operative = operative
            self.skyC = skyC
            self.extraBoundaries = extraBoundaries
            groundTemperaturesC = groundBoundary == nil ? [] : [Double](repeating: annualMeanOutdoorC, count: hours)
            self.absorbed = absorbed.map { ($0.node, $0.absorptanceArea, seriesList[$0.series].totalWPerM2) }
            surfaceNodes = internalSurfaces.map(\.node)
            surfaceRadiative = surfaceNodes.map { radiativeShare[$0] }
            surfaceSolar = surfaceNodes.map { solarShare[$0] }
            self.solarToAir = solarToAir
            windowSolarW = windowSolar
            solarGainsW = windowSolar.map { solarRetained * $0 }
            familyFlowsW = Dictionary(uniqueKeysWithValues: zip(familyNames, absorbedByFamilyIndex))
        }
    }
}

extension ISO52016 {
    /// The last few zone structures built, per weather year, shared by every thread of the
    /// process: a sweep's jobs on one envelope (set-points × occupancies) or a calibration's
    /// households build the network and its factorisations once.
    ///
    /// An entry is reused only for the same prepared year (the same ``SurfaceIrradiance``,
    /// whose weather the zone's weather must be) and inputs equal in every field
    /// (``StructureInputs``): the structure is a function of those alone, so a hit gives the
    /// same bits as a fresh build, whatever the order of the jobs. At most ``limit`` entries
    /// are kept (a structure holds its factorisations, a few MB), the least recently used
    /// replaced first.
    final class StructureCache: Sendable {
        static let shared = StructureCache()
        static let limit = 4

        private let kept = RecentValues<Key, ZoneStructure>(capacity: StructureCache.limit)

        init() {}

        /// A prepared year, held weakly (a year no longer alive matches nothing, and its
        /// identity cannot be reused while the reference is non-nil), and the inputs.
        struct Key: Equatable, @unchecked Sendable {
            weak var year: AnyObject?
            let inputs: StructureInputs

            static func == (a: Key, b: Key) -> Bool { a.year != nil && a.year === b.year && a.inputs == b.inputs }
        }

        /// The structure for `inputs` on `weather`, built (outside the lock) when not kept.
        func structure(_ inputs: StructureInputs, weather: WeatherYear, solar: SurfaceIrradiance) throws -> ZoneStructure {
            guard solar.isOwnYear(weather) else { return try ZoneStructure(inputs, weather: weather, solar: solar) }
            return try kept.value(for: Key(year: solar.yearToken, inputs: inputs)) { () throws -> ZoneStructure in
                try ZoneStructure(inputs, weather: weather, solar: solar)
            }
        }

        /// Number of structures kept (tests).
        var count: Int { kept.count }
    }
}
