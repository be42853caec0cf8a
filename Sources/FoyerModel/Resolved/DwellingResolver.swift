import FoyerCore
import FoyerEnergy

/// Turns a ``DwellingSpec`` into a ``ResolvedDwelling``: applies every default in one place,
/// reports each default it applied, and checks every value.
///
/// Physically impossible values (negative area, U ≤ 0, g > 1, windows larger than their wall,
/// a volume inconsistent with area × height…) are errors; merely unusual values are warnings.
/// All issues of the spec are collected in one pass.
public enum DwellingResolver {
    /// The schema identifiers this version reads.
    public static let supportedSchemas = ["foyer.dwelling/1"]

    /// What resolving a spec produced.
    public struct Outcome: Sendable {
        /// The resolved dwelling, `nil` when there are errors.
        public var dwelling: ResolvedDwelling?
        /// Errors and warnings, sorted by path.
        public var issues: [InputIssue]
        /// The defaults that were applied.
        public var defaults: [DefaultedValue]
    }

    /// Resolves `spec`.
    /// - Parameter climateZones: the ids of the embedded climates, with the reference station
    ///   used to default latitude, longitude and altitude.
    /// - Parameter decodeIssues: the problems the decoder already reported (a value of the
    ///   wrong type leaves its field empty): the resolver then neither reports that field again
    ///   as missing nor checks sums and consistencies that involve it. They are not repeated in
    ///   the outcome.
    /// - Parameter scenario: which use `spec` describes; the household scenario also resolves
    ///   `household_use.heated_share` (the caller has merged the rest of `household_use` over the
    ///   top-level fields, see ``DwellingLoader``).
    /// - Parameter envelopeDocument: the JSON `envelope` that `spec.envelope` was decoded from,
    ///   when there is one: an envelope already resolved from the same JSON (and floor area)
    ///   is taken from ``EnvelopeMemo`` instead of being resolved again.
    public static func resolve(_ spec: DwellingSpec, climateZones: [ClimateZoneInfo], decodeIssues: [InputIssue] = [],
                               scenario: UseScenario = .conventional, envelopeDocument: JSONValue? = nil) -> Outcome {
        let r = Resolution()
        r.issues = decodeIssues

        if let schema = spec.schema {
            if !supportedSchemas.contains(schema) {
                r.error("schema", "\"\(schema)\"", "unsupported schema", expected: supportedSchemas.joined(separator: ", "),
                        suggestion: Suggestions.didYouMean(schema, among: supportedSchemas))
            }
        } else if !r.hasIssue(at: "schema") {
            r.error("schema", nil, "missing: every dwelling file starts with \"schema\": \"foyer.dwelling/1\"")
        }

        let location = resolveLocation(spec.location ?? LocationSpec(), zones: climateZones, r)
        let geometry = resolveGeometry(spec.geometry ?? GeometrySpec(), r)
        let envelope = resolveEnvelope(spec.envelope, document: envelopeDocument, floorAreaM2: geometry?.floorAreaM2, r)
        let bridges = resolveThermalBridges(spec.thermalBridges, envelope: envelope, r)
        let ventilation = resolveVentilation(spec.ventilation ?? VentilationSpec(), yearBuilt: spec.geometry?.yearBuilt, r)
        let thermostat = resolveThermostat(spec.thermostat ?? ThermostatSpec(), r)
        let occupancy = resolveOccupancy(spec.occupancy ?? OccupancySpec(), floorAreaM2: geometry?.floorAreaM2, r)
        let heating = resolveHeating(spec.heating, r)
        let hotWater = resolveHotWater(spec.hotWater, heatingIDs: heating.compactMap(\.id), r)
        let otherUses = resolveOtherUses(spec.otherUses, r)
        // Air and furniture on the air node (EN ISO 52016-1:2017, 6.5.6: C_int = κ_m,int·A_use,
        // κ_m,int = 10 000 J/(m²·K) by its Annex B default).
        let capacityPath = "geometry.internal_heat_capacity_j_per_m2k"
        r.check(spec.geometry?.internalHeatCapacityJPerM2K, at: capacityPath, in: 0...200_000, unit: "J/(m²·K)")
        r.warnUnusual(spec.geometry?.internalHeatCapacityJPerM2K, at: capacityPath, usual: 1_000...60_000, unit: "J/(m²·K)",
                      why: "air alone is about 3 000 per m² of floor (2.5 m of air at 1 200 J/(m³·K)); furnished rooms 10 000–40 000")
        let internalCapacity = r.value(spec.geometry?.internalHeatCapacityJPerM2K, at: capacityPath, default: 10_000, { "\(format($0)) J/(m²·K)" },
                                       reason: "EN ISO 52016-1:2017 Annex B default κ_m,int for the zone air and its furniture")
        let supply = resolveEnergySupply(spec.energySupply, country: location?.country ?? spec.location?.country, commune: spec.location?.commune, r)
        let heatedShare = resolveHeatedShare(spec.householdUse?.heatedShare, floorAreaM2: geometry?.floorAreaM2, apply: scenario == .household, r)

        let issues = Array(r.issues.dropFirst(decodeIssues.count)).sorted(by: InputIssue.reportOrder)
        guard !issues.hasErrors, let location, let geometry, let envelope, let ventilation, let thermostat, let occupancy
        else { return Outcome(dwelling: nil, issues: issues, defaults: r.defaults) }

        let dwelling = ResolvedDwelling(
            name: spec.name ?? "dwelling", description: spec.description ?? "",
            location: location, dwellingType: geometry.type, yearBuilt: geometry.yearBuilt,
            floorAreaM2: geometry.floorAreaM2, storeys: geometry.storeys, storeyHeightM: geometry.storeyHeightM,
            volumeM3: geometry.volumeM3, opaqueElements: envelope.opaque, windows: envelope.windows,
            interiorSolarDistribution: envelope.interiorSolar,
            thermalBridgeHeatTransferWPerK: bridges, ventilation: ventilation, thermostat: thermostat,
            occupancy: occupancy, heatingSystems: heating, hotWater: hotWater)
        var complete = dwelling
        complete.internalHeatCapacityJPerM2K = internalCapacity
        complete.heatingConvectiveFraction = heatingConvectiveFraction(heating)
        complete.otherUses = otherUses
        complete.energySupply = supply
        complete.useScenario = scenario
        complete.heatedShare = heatedShare
        if scenario == .household { complete.useDescription = spec.householdUse?.description }
        return Outcome(dwelling: complete, issues: issues, defaults: r.defaults)
    }

    // MARK: - Household use

    /// `household_use.heated_share`, checked in both scenarios and applied in the household one.
    static func resolveHeatedShare(_ spec: HeatedShareSpec?, floorAreaM2: Double?, apply: Bool, _ r: Resolution) -> ResolvedHeatedShare? {
        guard let spec else { return nil }
        let p = "household_use.heated_share"
        var ok = r.check(spec.fraction, at: p + ".fraction", in: 0.1...1, unit: "", what: "the heated share of the floor area")
        ok = r.checkPositive(spec.partitionAreaM2, at: p + ".partition_area_m2", largest: Limits.largestFloorAreaM2, smallest: Limits.smallestElementAreaM2, unit: "m²") && ok
        ok = r.check(spec.partitionUValueWPerM2K, at: p + ".partition_u_value_w_per_m2k", in: 0.05...10, unit: "W/(m²·K)") && ok
        ok = r.check(spec.airTransferM3PerH, at: p + ".air_transfer_m3_per_h", in: 0...2_000, unit: "m³/h") && ok
        guard let fraction = r.required(spec.fraction, at: p + ".fraction", "the heated share of the floor area, 0.1–1 (0.5: half the rooms heated)"),
              ok, apply, let floorAreaM2 else { return nil }
        let coldArea = (1 - fraction) * floorAreaM2
        let area = r.value(spec.partitionAreaM2, at: p + ".partition_area_m2", default: max(coldArea, Limits.smallestElementAreaM2), { "\(format($0)) m²" },
                           reason: "the cold rooms' floor area: an intermediate floor under cold bedrooms, or the walls and doors around cold rooms, are of that order")
        let u = r.value(spec.partitionUValueWPerM2K, at: p + ".partition_u_value_w_per_m2k", default: ResolvedHeatedShare.defaultPartitionUValueWPerM2K,
                        { "\(format($0)) W/(m²·K)" }, reason: "EN ISO 6946: R_si 0.13 on both sides and 0.25 m²·K/W of plastered brick or timber floor")
        let air = r.value(spec.airTransferM3PerH, at: p + ".air_transfer_m3_per_h", default: ResolvedHeatedShare.defaultAirTransferM3PerH,
                          { "\(format($0)) m³/h" }, reason: "the gaps under closed interior doors; an order of magnitude")
        var share = ResolvedHeatedShare(fraction: fraction, partitionAreaM2: area, partitionUValueWPerM2K: u, airTransferM3PerH: air)
        share.partitionAreaIsDefault = spec.partitionAreaM2 == nil
        return share
    }

    // MARK: - Location

    static func resolveLocation(_ spec: LocationSpec, zones: [ClimateZoneInfo], _ r: Resolution) -> ResolvedLocation? {
        let ids = zones.map(\.id)
        var zone: ClimateZoneInfo?
        if let id = spec.climateZone {
            zone = zones.first { $0.id == id }
            if zone == nil {
                r.error("location.climate_zone", "\"\(id)\"", "unknown climate zone", expected: ids.joined(separator: ", "),
                        suggestion: Suggestions.didYouMean(id, among: ids))
            }
        }
        let weather: WeatherSource
        if let file = spec.weatherFile {
            if file.isEmpty { r.error("location.weather_file", "\"\"", "empty path", expected: "the path of an EPW file") }
            weather = .epwFile(file)
        } else if let zone {
            weather = .referenceClimate(zone.id)
        } else if spec.climateZone == nil, spec.country == "BE", let uccle = zones.first(where: { $0.country == "BE" }) {
            r.defaults.append(DefaultedValue(path: "location.climate_zone", value: uccle.id, reason: "the only embedded Belgian climate"))
            zone = uccle
            weather = .referenceClimate(uccle.id)
        } else {
            weather = .unspecified
        }
        r.check(spec.latitudeDeg, at: "location.latitude_deg", in: -90...90, unit: "°")
        r.check(spec.longitudeDeg, at: "location.longitude_deg", in: -180...180, unit: "°")
        r.check(spec.altitudeM, at: "location.altitude_m", in: -450...5000, unit: "m")
        let station = zone.map { "the reference station of \($0.id) (\($0.stationName))" } ?? "no climate zone given"
        let latitude = r.value(spec.latitudeDeg, at: "location.latitude_deg", default: zone?.latitudeDeg ?? 0, { "\(format($0))°" }, reason: station)
        let longitude = r.value(spec.longitudeDeg, at: "location.longitude_deg", default: zone?.longitudeDeg ?? 0, { "\(format($0))°" }, reason: station)
        let altitude = r.value(spec.altitudeM, at: "location.altitude_m", default: zone?.altitudeM ?? 0, { "\(format($0)) m" }, reason: station)
        if case .unspecified = weather, spec.latitudeDeg == nil {
            r.warning("location", nil, "no climate_zone or weather_file: a weather source must be given when simulating",
                      expected: "climate_zone (\(ids.joined(separator: ", "))) or weather_file")
        }
        var location = ResolvedLocation(weather: weather, country: spec.country ?? zone?.country, latitudeDeg: latitude, longitudeDeg: longitude, altitudeM: altitude)
        location.terrain = r.value(spec.terrain, at: "location.terrain", default: .suburban, \.rawValue,
                                   reason: "houses among houses and trees (ASHRAE Fundamentals ch. 24, Table 1: α 0.22, δ 370 m)")
        return location
    }

    // MARK: - Geometry

    struct Geometry {
        var type: DwellingType
        var yearBuilt: Int?
        var floorAreaM2: Double
        var storeys: Int
        var storeyHeightM: Double
        var volumeM3: Double
    }

    static func resolveGeometry(_ spec: GeometrySpec, _ r: Resolution) -> Geometry? {
        let type = r.value(spec.dwellingType, at: "geometry.dwelling_type", default: .detachedHouse, \.rawValue, reason: "the most common case")
        if let year = spec.yearBuilt, !(1000...2100).contains(year) {
            r.error("geometry.year_built", String(year), "not a construction year", expected: "1000…2100")
        }
        let area = r.required(spec.floorAreaM2, at: "geometry.floor_area_m2", "the heated floor area in m² (no heated volume without it)")
        let areaOK = r.checkPositive(area, at: "geometry.floor_area_m2", largest: Limits.largestFloorAreaM2, smallest: 1, unit: "m²",
                                     why: "a dwelling's heated floor area (up to a whole block of flats modelled as one zone)")
        r.warnUnusual(area, at: "geometry.floor_area_m2", usual: 9...1000, unit: "m²", why: "a dwelling is rarely this size")
        if let storeys = spec.storeys, !(1...Limits.mostStoreys).contains(storeys) {
            r.error("geometry.storeys", String(storeys), storeys < 1 ? "a dwelling has at least one storey" : "more storeys than any building has",
                    expected: "1…\(Limits.mostStoreys)")
        }
        let storeys = r.value(spec.storeys, at: "geometry.storeys", default: 1, { String($0) }, reason: "single storey unless given")
        let storeysOK = (1...Limits.mostStoreys).contains(storeys)
        let heightOK = r.checkPositive(spec.storeyHeightM, at: "geometry.storey_height_m", largest: 20, smallest: 1, unit: "m",
                                       why: "a storey's floor-to-ceiling height")
        r.warnUnusual(spec.storeyHeightM, at: "geometry.storey_height_m", usual: 2.0...5.0, unit: "m", why: "floor-to-ceiling heights lie between 2 and 5 m in dwellings")
        let height = r.value(spec.storeyHeightM, at: "geometry.storey_height_m", default: 2.5, { "\(format($0)) m" },
                             reason: "TABULA reference room height 2.5 m (boundary conditions EU.SUH)")
        let volumeOK = r.checkPositive(spec.volumeM3, at: "geometry.volume_m3", largest: Limits.largestFloorAreaM2 * 20, smallest: 1, unit: "m³",
                                       why: "the heated volume of a dwelling")
        guard let area, areaOK, heightOK, volumeOK, storeysOK else { return nil }
        let expected = area * height
        let volume: Double
        if let given = spec.volumeM3 {
            volume = given
            let ratio = given / expected
            if ratio < 0.75 || ratio > 1.33 {
                r.error("geometry.volume_m3", format(given),
                        "inconsistent with floor_area_m2 × storey_height_m = \(format(expected)) m³",
                        expected: "within −25 %/+33 % of \(format(expected)) m³; check the area, the height or the volume")
            } else if ratio < 0.9 || ratio > 1.11 {
                r.warning("geometry.volume_m3", format(given), "differs by more than 10 % from floor_area_m2 × storey_height_m = \(format(expected)) m³")
            }
        } else {
            volume = expected
            r.defaults.append(DefaultedValue(path: "geometry.volume_m3", value: "\(format(volume)) m³", reason: "floor area × storey height"))
        }
        return Geometry(type: type, yearBuilt: spec.yearBuilt, floorAreaM2: area, storeys: storeys, storeyHeightM: height, volumeM3: volume)
    }

    // MARK: - Envelope

    struct Envelope: Sendable {
        var opaque: [ResolvedOpaqueElement]
        var windows: [ResolvedWindow]
        var interiorSolar: ResolvedInteriorSolarDistribution?
    }

    /// ``resolveEnvelope(_:floorAreaM2:_:)`` through the process's ``EnvelopeMemo`` when the
    /// JSON it came from is known and nothing under `envelope` has been reported yet (the
    /// resolution then depends only on that JSON and the floor area).
    static func resolveEnvelope(_ spec: EnvelopeSpec?, document: JSONValue?, floorAreaM2: Double?, _ r: Resolution) -> Envelope? {
        guard let document, spec != nil, !r.hasIssue(at: "envelope") else { return resolveEnvelope(spec, floorAreaM2: floorAreaM2, r) }
        let key = EnvelopeMemo.Key(floorAreaBits: floorAreaM2?.bitPattern)
        if let known = EnvelopeMemo.shared.entry(key, value: document) {
            r.issues += known.issues
            r.defaults += known.defaults
            return known.envelope
        }
        let issuesBefore = r.issues.count, defaultsBefore = r.defaults.count
        let envelope = resolveEnvelope(spec, floorAreaM2: floorAreaM2, r)
        let issues = Array(r.issues[issuesBefore...])
        if !issues.hasErrors, issues.count <= EnvelopeMemo.maximumIssues {
            EnvelopeMemo.shared.store(key, value: document, EnvelopeMemo.Entry(envelope: envelope, issues: issues, defaults: Array(r.defaults[defaultsBefore...])))
        }
        return envelope
    }

    static func resolveEnvelope(_ spec: EnvelopeSpec?, floorAreaM2: Double?, _ r: Resolution) -> Envelope? {
        guard let spec else {
            if !r.hasIssue(at: "envelope") { r.error("envelope", nil, "missing: the walls, roofs, floors and windows of the dwelling") }
            return nil
        }
        var ids: [String: String] = [:]  // id → path of its first use
        func register(_ id: String?, _ path: String) {
            guard let id else { return }
            if let first = ids[id] {
                r.error(path + ".id", "\"\(id)\"", "duplicate id, already used by \(first)", expected: "ids unique within the dwelling")
            } else {
                ids[id] = path
            }
        }
        var families: [(OpaqueElementKind, String, [OpaqueElementSpec])] = [
            (.wall, "envelope.walls", spec.walls ?? []), (.roof, "envelope.roofs", spec.roofs ?? []),
            (.floor, "envelope.floors", spec.floors ?? []), (.door, "envelope.doors", spec.doors ?? []),
        ]
        if families.allSatisfy({ $0.2.isEmpty }), (spec.windows ?? []).isEmpty {
            if !r.hasIssue(at: "envelope") { r.error("envelope", nil, "no elements: a dwelling needs walls, a roof or ceiling, and a floor") }
            return nil
        }
        let elementCount = families.reduce(0) { $0 + $1.2.count } + (spec.windows ?? []).count
        if elementCount > Limits.mostEnvelopeElements {
            // Checked first: nothing is built for a file that is not a dwelling.
            r.error("envelope", "\(elementCount) elements", "more elements than a dwelling model takes",
                    expected: "at most \(Limits.mostEnvelopeElements) walls, roofs, floors, doors and windows together; merge elements of the same construction and orientation")
            return nil
        }
        for (_, prefix, elements) in families {
            for (index, element) in elements.enumerated() { register(element.id, "\(prefix)[\(index)]") }
        }
        for (index, window) in (spec.windows ?? []).enumerated() { register(window.id, "envelope.windows[\(index)]") }

        // Openings hosted by each wall, to net its area.
        let wallIDs = (spec.walls ?? []).compactMap(\.id)
        var hostedAreaM2: [String: Double] = [:]
        func host(_ wall: String?, area: Double?, path: String) {
            guard let wall else { return }
            guard wallIDs.contains(wall) else {
                r.error(path + ".wall", "\"\(wall)\"", "no wall has this id", expected: wallIDs.isEmpty ? "the id of a wall (no wall has an id)" : wallIDs.joined(separator: ", "),
                        suggestion: Suggestions.didYouMean(wall, among: wallIDs))
                return
            }
            if let area, area > 0 { hostedAreaM2[wall, default: 0] += area }
        }
        for (index, window) in (spec.windows ?? []).enumerated() { host(window.wall, area: window.areaM2, path: "envelope.windows[\(index)]") }
        for (index, door) in (spec.doors ?? []).enumerated() { host(door.wall, area: door.areaM2, path: "envelope.doors[\(index)]") }

        // Default heat capacity: EN ISO 13790:2008, 12.3.1.2, Table 12, "medium" class
        // (C_m = 165 000 J/K per m² of floor), spread over the opaque area of elements without
        // layers or a given capacity.
        var unspecifiedMassAreaM2 = 0.0
        // Doors are left out: a door is not the building's mass (its own default is below).
        for (kind, _, elements) in families where kind != .door {
            for element in elements where element.layers == nil && element.arealHeatCapacityJPerM2K == nil {
                unspecifiedMassAreaM2 += max(0, element.areaM2 ?? 0) - (element.id.flatMap { hostedAreaM2[$0] } ?? 0)
            }
        }
        let defaultKappa = (floorAreaM2 ?? 0) > 0 && unspecifiedMassAreaM2 > 0 ? 165_000 * (floorAreaM2 ?? 0) / unspecifiedMassAreaM2 : 0

        var opaque: [ResolvedOpaqueElement] = []
        for index in families.indices {
            let (kind, prefix, elements) = families[index]
            for (position, element) in elements.enumerated() {
                let path = "\(prefix)[\(position)]"
                let hosted = element.id.flatMap { hostedAreaM2[$0] } ?? 0
                if let resolved = resolveOpaque(element, kind: kind, path: path, hostedAreaM2: hosted, defaultKappa: defaultKappa, r) {
                    opaque.append(resolved)
                }
            }
        }
        families.removeAll()
        var windows: [ResolvedWindow] = []
        for (position, window) in (spec.windows ?? []).enumerated() {
            if let resolved = resolveWindow(window, path: "envelope.windows[\(position)]", r) { windows.append(resolved) }
        }
        // Consistency of hosted openings with their wall, and hosts that are not walls.
        let wallAzimuths = Dictionary((spec.walls ?? []).compactMap { wall in wall.id.flatMap { id in wall.azimuthDeg.map { (id, $0) } } },
                                      uniquingKeysWith: { first, _ in first })
        for (position, window) in (spec.windows ?? []).enumerated() {
            guard let host = window.wall, let wallAzimuth = wallAzimuths[host], let azimuth = window.azimuthDeg else { continue }
            var difference = abs(azimuth - wallAzimuth).truncatingRemainder(dividingBy: 360)
            difference = min(difference, 360 - difference)
            if difference > 1 {
                r.warning("envelope.windows[\(position)].azimuth_deg", format(azimuth),
                          "differs from the azimuth of its wall '\(host)' (\(format(wallAzimuth))°)", expected: "the wall's azimuth")
            }
        }
        for (prefix, elements) in [("envelope.walls", spec.walls ?? []), ("envelope.roofs", spec.roofs ?? []), ("envelope.floors", spec.floors ?? [])] {
            for (position, element) in elements.enumerated() where element.wall != nil {
                r.warning("\(prefix)[\(position)].wall", element.wall.map { "\"\($0)\"" }, "ignored: only windows and doors are hosted by a wall")
            }
        }
        if (spec.windows ?? []).isEmpty {
            r.warning("envelope.windows", nil, "no windows: solar gains will be zero")
        }
        // Ids declared in the file (an element refused for another reason keeps its id here,
        // so that its fraction is not reported as pointing at nothing).
        let declaredIDs = [spec.walls, spec.roofs, spec.floors, spec.doors].flatMap { ($0 ?? []).enumerated().map { $1.id } }
            + (spec.windows ?? []).map(\.id)
        let interiorSolar = spec.interiorSolarDistribution.flatMap {
            resolveInteriorSolar($0, elementIDs: opaque.map(\.id) + windows.map(\.id),
                                 declaredIDs: declaredIDs.compactMap { $0 }, r)
        }
        return Envelope(opaque: opaque, windows: windows, interiorSolar: interiorSolar)
    }

    /// Checks the interior solar fractions: each 0–1, on an element of the dwelling, and with
    /// the lost fraction adding up to 1 (within 0.005, the rounding of published tables).
    static func resolveInteriorSolar(
        _ spec: InteriorSolarDistributionSpec, elementIDs: [String], declaredIDs: [String], _ r: Resolution
    ) -> ResolvedInteriorSolarDistribution? {
        let path = "envelope.interior_solar_distribution"
        if r.hasIssue(at: path) { return nil }  // a value of the wrong type: the sum means nothing
        guard let given = spec.fractions, !given.isEmpty else {
            r.error(path + ".fractions", nil, "missing: the fraction absorbed by each surface, by element id",
                    expected: "an object such as {\"floor\": 0.64, \"roof\": 0.17, …}")
            return nil
        }
        var valid = true
        func check(_ value: Double, _ fieldPath: String) {
            guard value.isFinite, value >= 0, value <= 1 else {
                r.error(fieldPath, format(value), "a fraction must be between 0 and 1", expected: "0–1")
                valid = false
                return
            }
        }
        for id in given.keys.sorted() {
            let value = given[id] ?? 0
            check(value, "\(path).fractions.\(id)")
            if !declaredIDs.contains(id) {
                r.error("\(path).fractions.\(id)", format(value), "no element has the id \"\(id)\"",
                        expected: declaredIDs.joined(separator: ", "), suggestion: Suggestions.didYouMean(id, among: declaredIDs))
                valid = false
            }
        }
        let lost = spec.lostThroughWindows ?? 0
        check(lost, path + ".lost_through_windows")
        guard valid else { return nil }
        let total = given.sumInKeyOrder + lost
        if abs(total - 1) > 0.005 {
            r.error(path + ".fractions", format(total),
                    "the fractions and lost_through_windows add up to \(format(total)), not 1", expected: "a sum of 1 (± 0.005)")
            return nil
        }
        // Normalised to exactly 1 so that the energy balance closes.
        let fractions = elementIDs.compactMap { id in given[id].map { (elementID: id, fraction: $0 / total) } }
        return ResolvedInteriorSolarDistribution(fractions: fractions, lostThroughWindows: lost / total)
    }

    static func resolveOpaque(
        _ e: OpaqueElementSpec, kind: OpaqueElementKind, path: String, hostedAreaM2: Double, defaultKappa: Double, _ r: Resolution
    ) -> ResolvedOpaqueElement? {
        let id = e.id ?? path
        let area = r.required(e.areaM2, at: path + ".area_m2", "the element's area in m²")
        var ok = r.checkPositive(area, at: path + ".area_m2", largest: Limits.largestFloorAreaM2, smallest: Limits.smallestElementAreaM2, unit: "m²",
                                 why: "a building element (merge elements smaller than 10 × 10 cm into their neighbour)")
        if let area, ok, hostedAreaM2 >= area {
            r.error(path + ".area_m2", format(area),
                    "the windows and doors in this \(kind.rawValue) (\(format(hostedAreaM2)) m²) are as large as or larger than the \(kind.rawValue)",
                    expected: "the gross \(kind.rawValue) area, openings included: more than \(format(hostedAreaM2)) m²")
            ok = false
        }
        let defaultBoundary: Boundary = kind == .floor ? .ground : .outdoor
        let boundarySpec = r.value(e.boundary, at: path + ".boundary", default: defaultBoundary, \.rawValue,
                                   reason: kind == .floor ? "floors lie on the ground unless told" : "elements face outdoor air unless told")
        let defaultTilt: Double = switch kind { case .wall, .door: 90; case .roof: 0; case .floor: 180 }
        ok = r.check(e.tiltDeg, at: path + ".tilt_deg", in: 0...180, unit: "° (0 roof facing up, 90 wall, 180 floor facing down)") && ok
        let tilt = r.value(e.tiltDeg, at: path + ".tilt_deg", default: defaultTilt, { "\(format($0))°" }, reason: "usual tilt of a \(kind.rawValue)")
        ok = r.check(e.azimuthDeg, at: path + ".azimuth_deg", in: 0...360, unit: "° clockwise from north") && ok
        let azimuth: Double
        if let given = e.azimuthDeg {
            azimuth = given.truncatingRemainder(dividingBy: 360)
        } else if boundarySpec == .outdoor && (kind == .wall || kind == .door) {
            _ = r.required(e.azimuthDeg, at: path + ".azimuth_deg", "the direction the \(kind.rawValue) faces, clockwise from north (N 0, E 90, S 180, W 270)")
            azimuth = 0
        } else {
            azimuth = r.value(nil, at: path + ".azimuth_deg", default: 180, { "\(format($0))°" },
                              reason: kind == .roof ? "a roof faces south unless told (only matters if tilted)" : "irrelevant for this element")
        }

        // U-value and layers (EN ISO 6946:2017).
        let direction = ISO6946.HeatFlowDirection(tiltDeg: tilt)
        let rsi = ISO6946.internalSurfaceResistance(direction)
        let rse = ISO6946.externalSurfaceResistance(direction, toOutdoorAir: boundarySpec == .outdoor)
        var layers: [ResolvedLayer] = []
        if let layerSpecs = e.layers, layerSpecs.count > Limits.mostLayers {
            r.error(path + ".layers", "\(layerSpecs.count) layers", "more layers than a construction has", expected: "at most \(Limits.mostLayers)")
            ok = false
        } else if let layerSpecs = e.layers {
            if layerSpecs.isEmpty { r.error(path + ".layers", "[]", "empty list of layers", expected: "at least one layer, outside to inside") ; ok = false }
            for (index, layer) in layerSpecs.enumerated() {
                if let resolved = resolveLayer(layer, path: "\(path).layers[\(index)]", r) { layers.append(resolved) } else { ok = false }
            }
        }
        var uValue: Double?
        let layerU = layers.isEmpty || layers.count != (e.layers?.count ?? 0) ? nil
            : ISO6946.uValue(layerResistancesM2KPerW: layers.map(\.thermalResistanceM2KPerW), rsi: rsi, rse: rse)
        if let given = e.uValueWPerM2K {
            if r.checkPositive(given, at: path + ".u_value_w_per_m2k", largest: 1 / (rsi + rse), smallest: 0.01, unit: "W/(m²·K)",
                               what: "a U-value must be greater than zero",
                               why: "from 0.01 (R = 100 m²·K/W) to the surface resistances alone for this orientation (EN ISO 6946 R_si + R_se)") {
                uValue = given
                r.warnUnusual(given, at: path + ".u_value_w_per_m2k", usual: 0.08...(kind == .door ? 6.0 : 4.0), unit: "W/(m²·K)",
                              why: "outside the range of real constructions")
                if let layerU, abs(layerU - given) > 0.1 * given {
                    r.warning(path + ".u_value_w_per_m2k", format(given),
                              "differs from the U computed from the layers (\(format(layerU)) W/(m²·K)); the given U is used, the layers give the heat capacity")
                }
            } else { ok = false }
        } else if let layerU {
            uValue = layerU
        } else if e.layers == nil {
            _ = r.required(e.uValueWPerM2K, at: path + ".u_value_w_per_m2k", "a U-value in W/(m²·K), or the construction as \"layers\"")
            ok = false
        }

        // Heat capacity.
        ok = r.check(e.arealHeatCapacityJPerM2K, at: path + ".areal_heat_capacity_j_per_m2k", in: 0...2_000_000, unit: "J/(m²·K)") && ok
        let kappa: Double
        if let given = e.arealHeatCapacityJPerM2K {
            kappa = given
        } else if !layers.isEmpty {
            kappa = layers.reduce(0) { $0 + $1.arealHeatCapacityJPerM2K }
        } else if kind == .door {
            kappa = r.value(nil, at: path + ".areal_heat_capacity_j_per_m2k", default: 32_000, { "\(format($0)) J/(m²·K)" },
                            reason: "a 40 mm softwood door: ρ 500 kg/m³, c_p 1 600 J/(kg·K) (EN ISO 10456:2007, Table 3)")
        } else {
            kappa = r.value(nil, at: path + ".areal_heat_capacity_j_per_m2k", default: defaultKappa, { "\(format($0)) J/(m²·K)" },
                            reason: "EN ISO 13790:2008 Table 12 'medium' class (165 000 J/K per m² of floor) spread over the opaque elements without a construction")
        }
        // With layers the capacity sits where the layers are: no class, so no default to report.
        let mass = layers.isEmpty
            ? r.value(e.massDistribution, at: path + ".mass_distribution", default: .distributed, \.rawValue,
                      reason: "EN ISO 52016-1 class D (uninsulated or unknown construction)")
            : e.massDistribution ?? .distributed
        if !layers.isEmpty, let given = e.massDistribution {
            r.warning(path + ".mass_distribution", given.rawValue, "ignored: the layers place the heat capacity")
        }

        // Boundary.
        var boundary = ResolvedBoundary.outdoor
        switch boundarySpec {
        case .outdoor: boundary = .outdoor
        case .ground:
            ok = r.checkPositive(e.exposedPerimeterM, at: path + ".exposed_perimeter_m", largest: 10_000, unit: "m") && ok
            boundary = .ground(exposedPerimeterM: e.exposedPerimeterM)
        case .unheatedSpace:
            ok = r.check(e.adjustmentFactorB, at: path + ".adjustment_factor_b", in: 0...1, unit: "", what: "b = (θ_int − θ_u)/(θ_int − θ_e) lies between 0 and 1") && ok
            let b = r.value(e.adjustmentFactorB, at: path + ".adjustment_factor_b", default: 0.8, format,
                            reason: "assumed: a poorly insulated unheated space; give the value of the 3CL b table for your case")
            boundary = .unheatedSpace(adjustmentFactorB: b)
        case .adjacentHeated: boundary = .adiabatic
        case .outdoorSheltered: boundary = .unheatedSpace(adjustmentFactorB: 1)
        }
        if boundarySpec != .unheatedSpace, let b = e.adjustmentFactorB {
            r.warning(path + ".adjustment_factor_b", format(b), "ignored: only used with boundary \"unheated_space\"")
        }
        ok = r.check(e.solarAbsorptance, at: path + ".solar_absorptance", in: 0...1, unit: "") && ok
        ok = r.check(e.thermalEmissivity, at: path + ".thermal_emissivity", in: 0...1, unit: "") && ok
        let absorptance = r.value(e.solarAbsorptance, at: path + ".solar_absorptance", default: 0.6, format,
                                  reason: "a medium-coloured surface (the ASHRAE 140 value)")
        let emissivity = r.value(e.thermalEmissivity, at: path + ".thermal_emissivity", default: 0.9, format,
                                 reason: "long-wave emissivity of usual building materials (the ASHRAE 140 value)")
        guard ok, let area, let uValue else { return nil }
        return ResolvedOpaqueElement(
            id: id, kind: kind, description: e.description ?? "", path: path, netAreaM2: area - hostedAreaM2,
            azimuthDeg: azimuth, tiltDeg: tilt, uValueWPerM2K: uValue, layers: layers, arealHeatCapacityJPerM2K: kappa,
            massDistribution: mass, boundary: boundary, solarAbsorptance: absorptance, thermalEmissivity: emissivity)
    }

    static func resolveLayer(_ l: LayerSpec, path: String, _ r: Resolution) -> ResolvedLayer? {
        var ok = true
        ok = r.checkPositive(l.thicknessM, at: path + ".thickness_m", largest: 10, smallest: 1e-5, unit: "m", why: "a layer from a 10 µm foil to 10 m") && ok
        ok = r.checkPositive(l.conductivityWPerMK, at: path + ".conductivity_w_per_mk", largest: 1000, smallest: 0.001, unit: "W/(m·K)",
                             why: "from vacuum insulation panels (~0.004) to copper (~400)") && ok
        ok = r.checkPositive(l.thermalResistanceM2KPerW, at: path + ".thermal_resistance_m2k_per_w", largest: 100, smallest: 1e-5, unit: "m²·K/W") && ok
        ok = r.check(l.densityKgPerM3, at: path + ".density_kg_per_m3", in: 0...25_000, unit: "kg/m³") && ok
        ok = r.check(l.specificHeatJPerKgK, at: path + ".specific_heat_j_per_kgk", in: 0...10_000, unit: "J/(kg·K)") && ok
        r.warnUnusual(l.thicknessM, at: path + ".thickness_m", usual: 0.0005...1.5, unit: "m", why: "layers are rarely this thick or thin (metres, not centimetres?)")
        r.warnUnusual(l.conductivityWPerMK, at: path + ".conductivity_w_per_mk", usual: 0.015...5, unit: "W/(m·K)", why: "outside the conductivities of building materials")
        guard ok else { return nil }
        let resistance: Double
        if let given = l.thermalResistanceM2KPerW {
            resistance = given
            if l.conductivityWPerMK != nil {
                r.warning(path + ".conductivity_w_per_mk", l.conductivityWPerMK.map(format), "ignored: thermal_resistance_m2k_per_w is given")
            }
        } else if let d = l.thicknessM, let k = l.conductivityWPerMK {
            resistance = ISO6946.layerResistance(thicknessM: d, conductivityWPerMK: k)
        } else {
            r.error(path, nil, "a layer needs thickness_m and conductivity_w_per_mk, or thermal_resistance_m2k_per_w")
            return nil
        }
        let thickness = l.thicknessM ?? 0
        let capacity = thickness * (l.densityKgPerM3 ?? 0) * (l.specificHeatJPerKgK ?? 0)
        if thickness > 0, (l.densityKgPerM3 == nil) != (l.specificHeatJPerKgK == nil) {
            r.warning(path, nil, "density_kg_per_m3 and specific_heat_j_per_kgk go together; the layer is taken as massless")
        }
        return ResolvedLayer(material: l.material ?? "", thicknessM: thickness, thermalResistanceM2KPerW: resistance, arealHeatCapacityJPerM2K: capacity)
    }

    /// Default window properties by glazing and frame: U_w from the 3CL-DPE 2021 tables
    /// (`uw`, casement windows: domain-facts §1.6, Open3CL `tv.js`), g from the TABULA window
    /// constructions (single 0.85 ≈ FR 0.83 / BE 0.87, double 0.75, low-e 0.63; `constructions_fr_be.csv`)
    /// and triple glazing 0.5 (assumed: typical triple low-e).
    static func windowDefaults(_ glazing: GlazingType, _ frame: FrameMaterial) -> (u: Double, g: Double) {
        let g: Double = switch glazing { case .single: 0.85; case .double: 0.75; case .doubleLowE: 0.63; case .triple: 0.5 }
        let u: Double = switch (glazing, frame) {
        case (.single, .pvc): 4.9
        case (.single, .wood): 5.4
        case (.single, .metal): 6.4
        case (.single, .metalThermalBreak): 5.8
        case (.double, .pvc): 2.6
        case (.double, .wood): 2.9
        case (.double, .metal): 3.8
        case (.double, .metalThermalBreak): 3.2
        case (.doubleLowE, .pvc): 1.6
        case (.doubleLowE, .wood): 1.8
        case (.doubleLowE, .metal): 2.7
        case (.doubleLowE, .metalThermalBreak): 2.1
        case (.triple, .metal): 1.6
        case (.triple, _): 1.0
        }
        return (u, g)
    }

    static func resolveWindow(_ w: WindowSpec, path: String, _ r: Resolution) -> ResolvedWindow? {
        let id = w.id ?? path
        let area = r.required(w.areaM2, at: path + ".area_m2", "the window area in m², frame included")
        var ok = r.checkPositive(area, at: path + ".area_m2", largest: Limits.largestFloorAreaM2, smallest: Limits.smallestElementAreaM2, unit: "m²",
                                 why: "a window, frame included")
        r.warnUnusual(area, at: path + ".area_m2", usual: 0.1...30, unit: "m²", why: "windows are rarely this size")
        ok = r.check(w.azimuthDeg, at: path + ".azimuth_deg", in: 0...360, unit: "° clockwise from north") && ok
        ok = r.check(w.tiltDeg, at: path + ".tilt_deg", in: 0...180, unit: "°") && ok
        let tilt = r.value(w.tiltDeg, at: path + ".tilt_deg", default: 90, { "\(format($0))°" }, reason: "a façade window")
        if w.azimuthDeg == nil && tilt > 0 {
            _ = r.required(w.azimuthDeg, at: path + ".azimuth_deg", "the direction the window faces, clockwise from north (N 0, E 90, S 180, W 270)")
            ok = false
        }
        let azimuth = (w.azimuthDeg ?? 180).truncatingRemainder(dividingBy: 360)
        var defaults: (u: Double, g: Double)?
        if let glazing = w.glazing {
            let frame = r.value(w.frame, at: path + ".frame", default: .pvc, \.rawValue, reason: "the most common frame in French and Belgian dwellings")
            defaults = windowDefaults(glazing, frame)
        }
        let source = "3CL-DPE 2021 U_w table (glazing and frame) and TABULA g-values"
        ok = r.check(w.frameFraction, at: path + ".frame_fraction", in: 0...0.95, unit: "", what: "the frame is a fraction of the window") && ok
        var layers: ResolvedGlazingLayers?
        if let spec = w.glazingLayers {
            if w.glazing != nil {
                r.error(path + ".glazing_layers", nil, "the glazing is given twice: as a type (glazing) and layer by layer (glazing_layers)",
                        expected: "one of glazing or glazing_layers")
                ok = false
            }
            layers = resolveGlazingLayers(spec, path: path + ".glazing_layers", r)
            if layers == nil { ok = false }
        }
        // Layers given but refused: their errors say why; U and g are not asked for again.
        let layersRefused = w.glazingLayers != nil && layers == nil
        let u: Double?
        if layersRefused, w.uValueWPerM2K == nil {
            u = nil
        } else if let layers, w.uValueWPerM2K == nil {
            // EN 673 gives the glazing alone: the window's U_w is that only without a frame.
            if r.hasIssue(at: path + ".frame_fraction") {
                u = nil
                ok = false
            } else if let fraction = w.frameFraction, fraction == 0 {
                u = r.value(nil, at: path + ".u_value_w_per_m2k", default: layers.centreUValueWPerM2K, { "\(format($0)) W/(m²·K)" },
                            reason: "EN 673 centre-of-glass U of glazing_layers (a window without frame)")
            } else {
                r.error(path + ".u_value_w_per_m2k", nil,
                        "missing: the whole window's U_w; glazing_layers give the glazing alone (U_g \(format(layers.centreUValueWPerM2K)) W/(m²·K), EN 673), the frame and spacer are not known",
                        expected: "u_value_w_per_m2k (EN ISO 10077-1), or frame_fraction 0 for a window without frame")
                u = nil
                ok = false
            }
        } else if let given = w.uValueWPerM2K {
            ok = r.checkPositive(given, at: path + ".u_value_w_per_m2k", largest: 10, smallest: 0.1, unit: "W/(m²·K)", what: "a U-value must be greater than zero",
                                 why: "from the best triple glazing (~0.5) to a single pane in a metal frame (~6.4)") && ok
            r.warnUnusual(given, at: path + ".u_value_w_per_m2k", usual: 0.5...6.5, unit: "W/(m²·K)", why: "outside the range of real windows")
            u = given
        } else if let defaults {
            u = r.value(nil, at: path + ".u_value_w_per_m2k", default: defaults.u, { "\(format($0)) W/(m²·K)" }, reason: source)
        } else {
            u = r.required(nil as Double?, at: path + ".u_value_w_per_m2k", "the window U-value, or its \"glazing\" (\(GlazingType.allowedNames.joined(separator: ", "))) and \"frame\"")
            ok = false
        }
        ok = r.check(w.gValue, at: path + ".g_value", in: 0...1, unit: "", what: "a transmittance lies between 0 and 1") && ok
        let g: Double?
        if let given = w.gValue {
            g = given
            r.warnUnusual(given, at: path + ".g_value", usual: 0.1...0.9, unit: "", why: "outside the range of real glazing")
            if let layers {
                r.warning(path + ".g_value", format(given), "given: it is used instead of the g-value of glazing_layers (\(format(layers.gValue)), EN 410)")
            }
        } else if let layers {
            g = r.value(nil, at: path + ".g_value", default: layers.gValue, format, reason: "EN 410 g-value of glazing_layers at normal incidence")
        } else if layersRefused {
            g = nil
        } else if let defaults {
            g = r.value(nil, at: path + ".g_value", default: defaults.g, format, reason: source)
        } else {
            g = r.required(nil as Double?, at: path + ".g_value", "the glazing's g-value (0–1), or its \"glazing\" type")
            ok = false
        }
        let frameFraction = r.value(w.frameFraction, at: path + ".frame_fraction", default: 0.3, format,
                                    reason: "TABULA boundary conditions (window_frame_fraction 0.3)")
        var shutter: ResolvedShutter?
        if let s = w.shutter, s.type != ShutterType.none {
            ok = r.check(s.additionalResistanceM2KPerW, at: path + ".shutter.additional_resistance_m2k_per_w", in: 0...1, unit: "m²·K/W") && ok
            let type = r.value(s.type, at: path + ".shutter.type", default: .roller, \.rawValue, reason: "the most common shutter")
            let deltaR = r.value(s.additionalResistanceM2KPerW, at: path + ".shutter.additional_resistance_m2k_per_w", default: 0.15, { "\(format($0)) m²·K/W" },
                                 reason: "EN ISO 10077-1 Annex G order of magnitude for a closed shutter of average air permeability")
            let closed = r.value(s.closedAtNight, at: path + ".shutter.closed_at_night", default: true, { String($0) }, reason: "shutters are usually closed at night")
            shutter = ResolvedShutter(type: type, additionalResistanceM2KPerW: deltaR, closedAtNight: closed)
        }
        let boundary = r.value(w.boundary, at: path + ".boundary", default: .outdoor, \.rawValue, reason: "windows open to outdoor air unless told")
        if boundary == .unheatedSpace {
            r.defaults.append(DefaultedValue(path: path + ".boundary", value: "b = 0.8",
                                             reason: "assumed adjustment factor for a window onto an unheated space (a glazed veranda, a stairwell)"))
        }
        if boundary == .ground || boundary == .adjacentHeated || boundary == .outdoorSheltered {
            r.error(path + ".boundary", boundary.rawValue, "a window opens to outdoor air or an unheated space", expected: "outdoor, unheated_space")
            ok = false
        }
        guard ok, let area, let u, let g else { return nil }
        var window = ResolvedWindow(
            id: id, description: w.description ?? "", path: path, areaM2: area, azimuthDeg: azimuth, tiltDeg: tilt,
            uValueWPerM2K: u, gValue: g, frameFraction: frameFraction, shutter: shutter, hostWallID: w.wall,
            boundary: boundary == .unheatedSpace ? .unheatedSpace(adjustmentFactorB: 0.8) : .outdoor,
            panes: layers?.panes.count ?? w.glazing.map { switch $0 { case .single: 1; case .double, .doubleLowE: 2; case .triple: 3 } },
            glazingLayers: layers)
        if let layers, w.uValueWPerM2K == nil { window.glassToGlassResistanceM2KPerW = layers.glassToGlassResistanceM2KPerW }
        return window
    }

    /// `glazing_layers`: panes and gaps, checked one by one.
    static func resolveGlazingLayers(_ spec: GlazingLayersSpec, path: String, _ r: Resolution) -> ResolvedGlazingLayers? {
        let paneSpecs = spec.panes ?? [], gapSpecs = spec.gaps ?? []
        guard (1...Limits.mostPanes).contains(paneSpecs.count) else {
            if spec.panes == nil, !r.hasIssue(at: path + ".panes") {
                r.error(path + ".panes", nil, "missing: the panes, outside to inside")
            } else if !r.hasIssue(at: path + ".panes") {
                r.error(path + ".panes", "\(paneSpecs.count) panes", "a glazing has 1 to \(Limits.mostPanes) panes", expected: "1…\(Limits.mostPanes) panes")
            }
            return nil
        }
        guard gapSpecs.count == paneSpecs.count - 1 else {
            if !r.hasIssue(at: path + ".gaps") {
                r.error(path + ".gaps", "\(gapSpecs.count) gaps", "there is one gap between each two panes",
                        expected: "\(paneSpecs.count - 1) gap\(paneSpecs.count == 2 ? "" : "s") for \(paneSpecs.count) panes")
            }
            return nil
        }
        var ok = true
        var panes: [ResolvedPane] = []
        for (index, pane) in paneSpecs.enumerated() {
            let at = "\(path).panes[\(index)]"
            let thickness = r.required(pane.thicknessM, at: at + ".thickness_m", "the pane's thickness in m (4 mm: 0.004)")
            ok = r.checkPositive(pane.thicknessM, at: at + ".thickness_m", largest: 0.05, smallest: 0.0005, unit: "m",
                                 why: "a pane from 0.5 mm (a film) to 50 mm (thick laminated glass)") && ok
            ok = r.checkPositive(pane.conductivityWPerMK, at: at + ".conductivity_w_per_mk", largest: 5, smallest: 0.05, unit: "W/(m·K)",
                                 why: "glass is 1.0, plastic glazing about 0.2") && ok
            let transmittance = r.required(pane.solarTransmittance, at: at + ".solar_transmittance", "the pane's solar transmittance at normal incidence (0–1)")
            let reflectance = r.required(pane.solarReflectance, at: at + ".solar_reflectance", "the pane's solar reflectance (0–1)")
            for (value, key) in [(pane.solarTransmittance, "solar_transmittance"), (pane.solarReflectance, "solar_reflectance"),
                                 (pane.solarReflectanceBack, "solar_reflectance_back")] {
                ok = r.check(value, at: "\(at).\(key)", in: 0...1, unit: "", what: "a fraction of the incident radiation") && ok
            }
            for (value, key) in [(pane.emissivity, "emissivity"), (pane.emissivityBack, "emissivity_back")] {
                ok = r.checkPositive(value, at: "\(at).\(key)", largest: 1, smallest: 0.01, unit: "", why: "from a low-e coating (~0.02) to uncoated glass (0.837)") && ok
            }
            guard ok, let thickness, let transmittance, let reflectance else { ok = false; continue }
            let back = pane.solarReflectanceBack ?? reflectance
            if transmittance + max(reflectance, back) > 1 {
                r.error(at + ".solar_transmittance", format(transmittance), "transmittance and reflectance add up to more than 1 (\(format(transmittance + max(reflectance, back))))",
                        expected: "solar_transmittance + solar_reflectance ≤ 1")
                ok = false
                continue
            }
            let glass = GlazingPhysics.glassConductivityWPerMK, uncoated = GlazingPhysics.uncoatedEmissivity
            panes.append(ResolvedPane(
                thicknessM: thickness,
                conductivityWPerMK: r.value(pane.conductivityWPerMK, at: at + ".conductivity_w_per_mk", default: glass, { "\(format($0)) W/(m·K)" }, reason: "soda-lime glass (EN 572-1)"),
                solarTransmittance: transmittance, solarReflectanceFront: reflectance,
                solarReflectanceBack: r.value(pane.solarReflectanceBack, at: at + ".solar_reflectance_back", default: reflectance, format, reason: "the same as the outer face (uncoated glass)"),
                emissivityFront: r.value(pane.emissivity, at: at + ".emissivity", default: uncoated, format, reason: "uncoated glass (EN 673)"),
                emissivityBack: r.value(pane.emissivityBack, at: at + ".emissivity_back", default: uncoated, format, reason: "uncoated glass (EN 673)")))
        }
        var gaps: [ResolvedGap] = []
        for (index, gap) in gapSpecs.enumerated() {
            let at = "\(path).gaps[\(index)]"
            let width = r.required(gap.widthM, at: at + ".width_m", "the gap's width in m (16 mm: 0.016)")
            ok = r.checkPositive(gap.widthM, at: at + ".width_m", largest: 0.1, smallest: 0.001, unit: "m", why: "a sealed glazing gap (usually 6 to 20 mm)") && ok
            r.warnUnusual(gap.widthM, at: at + ".width_m", usual: 0.004...0.03, unit: "m", why: "sealed glazing gaps are 6 to 20 mm (millimetres, not metres?)")
            ok = r.check(gap.fillFraction, at: at + ".fill_fraction", in: 0...1, unit: "", what: "a volume fraction") && ok
            let gas = r.value(gap.gas, at: at + ".gas", default: .air, \.rawValue, reason: "an ordinary sealed unit")
            let fill = gas == .air ? 1 : r.value(gap.fillFraction, at: at + ".fill_fraction", default: 0.9, format,
                                                 reason: "a typical filling of a sealed unit (90 % gas, 10 % air)")
            guard ok, let width else { ok = false; continue }
            gaps.append(ResolvedGap(widthM: width, gas: gas, fillFraction: fill))
        }
        return ok ? ResolvedGlazingLayers(panes: panes, gaps: gaps) : nil
    }

    // MARK: - Thermal bridges

    static func resolveThermalBridges(_ spec: ThermalBridgesSpec?, envelope: Envelope?, _ r: Resolution) -> Double {
        var total = 0.0
        if let count = spec?.linear?.count, count > Limits.mostThermalBridges {
            r.error("thermal_bridges.linear", "\(count) bridges", "more linear thermal bridges than a dwelling has",
                    expected: "at most \(Limits.mostThermalBridges); group bridges of the same kind by total length")
            return 0
        }
        for (index, bridge) in (spec?.linear ?? []).enumerated() {
            let path = "thermal_bridges.linear[\(index)]"
            let psi = r.required(bridge.psiWPerMK, at: path + ".psi_w_per_mk", "ψ in W/(m·K)")
            let length = r.required(bridge.lengthM, at: path + ".length_m", "the length in m")
            r.check(psi, at: path + ".psi_w_per_mk", in: -0.5...3, unit: "W/(m·K)")
            r.checkPositive(length, at: path + ".length_m", largest: 10_000, unit: "m")
            if let psi, let length { total += psi * length }
        }
        r.check(spec?.surchargeWPerM2K, at: "thermal_bridges.surcharge_w_per_m2k", in: 0...0.5, unit: "W/(m²·K)")
        let surcharge = r.value(
            spec?.surchargeWPerM2K, at: "thermal_bridges.surcharge_w_per_m2k", default: (spec?.linear ?? []).isEmpty ? 0.1 : 0,
            { "\(format($0)) W/(m²·K)" },
            reason: (spec?.linear ?? []).isEmpty ? "TABULA thermal-bridging class 'Medium' (generic_classes.csv)" : "linear thermal bridges are given")
        if let envelope {
            let area = envelope.opaque.filter { $0.boundary != .adiabatic }.reduce(0) { $0 + $1.netAreaM2 }
                + envelope.windows.reduce(0) { $0 + $1.areaM2 }
            total += surcharge * area
        }
        return total
    }

    // MARK: - Ventilation

    static func resolveVentilation(_ v: VentilationSpec, yearBuilt: Int?, _ r: Resolution) -> ResolvedVentilation? {
        let p = "ventilation"
        var ok = true
        ok = r.check(v.airChangePerH, at: p + ".air_change_per_h", in: 0...20, unit: "1/h") && ok
        ok = r.check(v.n50PerH, at: p + ".n50_per_h", in: 0...60, unit: "1/h") && ok
        ok = r.check(v.infiltrationPerH, at: p + ".infiltration_per_h", in: 0...10, unit: "1/h") && ok
        ok = r.check(v.mechanicalAirChangePerH, at: p + ".mechanical_air_change_per_h", in: 0...10, unit: "1/h") && ok
        ok = r.check(v.heatRecoveryEfficiency, at: p + ".heat_recovery_efficiency", in: 0...0.95, unit: "", what: "a recovery efficiency is a fraction") && ok
        ok = r.check(v.fanPowerW, at: p + ".fan_power_w", in: 0...2_000, unit: "W", what: "a dwelling's fans draw up to about 200 W (2 000 W accepted for a building)") && ok
        r.warnUnusual(v.airChangePerH, at: p + ".air_change_per_h", usual: 0.1...3, unit: "1/h", why: "dwellings usually renew their air 0.3–1.5 times an hour")
        let type = r.value(v.type, at: p + ".type", default: .natural, \.rawValue, reason: "no mechanical ventilation unless told")
        if type != .balanced, let hr = v.heatRecoveryEfficiency, hr > 0 {
            r.error(p + ".heat_recovery_efficiency", format(hr), "heat recovery needs balanced ventilation", expected: "type \"balanced\", or remove the efficiency")
            ok = false
        }
        guard ok else { return nil }
        let heatRecovery = type == .balanced
            ? r.value(v.heatRecoveryEfficiency, at: p + ".heat_recovery_efficiency", default: 0.7, format,
                      reason: "assumed: a typical balanced unit; give the rated efficiency")
            : 0
        // Infiltration: given, or from the blower-door n50 by the "divide by 20" rule
        // (M. Sherman, "Estimation of infiltration from leakage and climate indicators",
        // Energy and Buildings 10(1), 1987, 81–86).
        let infiltration: Double
        if let given = v.infiltrationPerH {
            infiltration = given
        } else if let n50 = v.n50PerH {
            infiltration = n50 / 20
            r.defaults.append(DefaultedValue(path: p + ".infiltration_per_h", value: "\(format(infiltration)) 1/h",
                                             reason: "n50 / 20 (Sherman 1987)"))
        } else if let total = v.airChangePerH {
            // The total is given: count it all as air change, nothing separate for infiltration.
            infiltration = type == .natural ? total : 0
        } else {
            infiltration = r.value(nil, at: p + ".infiltration_per_h", default: 0.2, { "\(format($0)) 1/h" },
                                   reason: "TABULA infiltration class 'Medium' (generic_classes.csv)")
        }
        var ventilation: Double
        if type == .natural {
            if let total = v.airChangePerH, v.infiltrationPerH != nil || v.n50PerH != nil {
                ventilation = max(0, total - infiltration)
            } else if v.airChangePerH != nil {
                ventilation = 0
            } else {
                ventilation = r.value(nil, at: p + ".air_change_per_h", default: 0.4, { "\(format(infiltration + $0)) 1/h (\(format(infiltration)) infiltration + \(format($0)) from use)" },
                                      reason: "TABULA air change from use n_air,use 0.4 1/h (boundary conditions EU.SUH) added to the infiltration")
            }
        } else {
            let defaultMechanical = v.airChangePerH.map { max(0, $0 - infiltration) } ?? 0.4
            ventilation = r.value(v.mechanicalAirChangePerH, at: p + ".mechanical_air_change_per_h", default: defaultMechanical, { "\(format($0)) 1/h" },
                                  reason: v.airChangePerH != nil ? "air_change_per_h less infiltration" : "TABULA air change from use 0.4 1/h (EU.SUH)")
        }
        if ventilation + infiltration <= 0 {
            r.warning(p, nil, "no air change at all: unusual for a dwelling")
        }
        ventilation = max(0, ventilation)
        if type == .natural, let fan = v.fanPowerW, fan > 0 {
            r.warning(p + ".fan_power_w", format(fan), "natural ventilation has no fans; the power is counted anyway")
        }
        let fan = type == .natural && v.fanPowerW == nil ? 0 : r.value(v.fanPowerW, at: p + ".fan_power_w", default: defaultFanPowerW(type, recent: (yearBuilt ?? 0) > 2012), { "\(format($0)) W" },
                          reason: "3CL-DPE 2021 mean fan power of a house's \(type.rawValue) ventilation, \((yearBuilt ?? 0) > 2012 ? "after" : "before") 2012 (Open3CL src/5_conso_ventilation.js, pvent_moy_maison)")
        return ResolvedVentilation(type: type, infiltrationPerH: infiltration, ventilationPerH: ventilation, heatRecoveryEfficiency: heatRecovery, fanPowerW: fan)
    }

    /// 3CL-DPE 2021 mean fan power of a house's ventilation, W (Open3CL `src/5_conso_ventilation.js`
    /// `pvent_moy_maison`; `Docs/Research/measures-parameters.md` §13.1): single-flow self-regulating
    /// 65 (before 2012) / 35 (after), humidity-controlled 50 / 15, balanced 80 / 35; natural 0.
    public static func defaultFanPowerW(_ type: VentilationType, recent: Bool) -> Double {
        switch type {
        case .natural: 0
        case .exhaust: recent ? 35 : 65
        case .exhaustHumidityControlled: recent ? 15 : 50
        case .balanced: recent ? 35 : 80
        }
    }

    // MARK: - Thermostat and occupancy

    static func resolveSchedule(_ s: WeekScheduleSpec?, path: String, _ r: Resolution) -> WeekSchedule? {
        guard let s else { return nil }
        func day(_ periods: [[Double]]?, _ dayPath: String) -> [Bool]? {
            guard let periods else { return nil }
            var hours = [Bool](repeating: false, count: 24)
            var ok = true
            for (index, period) in periods.enumerated() {
                let p = "\(dayPath)[\(index)]"
                guard period.count == 2, period[0].isFinite, period[1].isFinite else {
                    r.error(p, "\(period.map(format))", "a period is [start, end] in hours", expected: "[start, end] with 0 ≤ start < end ≤ 24, e.g. [17, 23]")
                    ok = false
                    continue
                }
                let (start, end) = (period[0], period[1])
                guard start >= 0, end <= 24, start < end else {
                    r.error(p, "[\(format(start)), \(format(end))]", "not a period of the day", expected: "0 ≤ start < end ≤ 24 (hours); split a period that crosses midnight in two")
                    ok = false
                    continue
                }
                guard start == start.rounded(), end == end.rounded() else {
                    r.error(p, "[\(format(start)), \(format(end))]", "periods are in whole hours", expected: "whole hours, e.g. [6, 9]")
                    ok = false
                    continue
                }
                if hours[Int(start)..<Int(end)].contains(true) {
                    r.warning(p, "[\(format(start)), \(format(end))]", "overlaps an earlier period")
                }
                for hour in Int(start)..<Int(end) { hours[hour] = true }
            }
            return ok ? hours : nil
        }
        let weekdays = day(s.weekdays, path + ".weekdays")
        let weekends = day(s.weekends, path + ".weekends")
        if s.weekdays == nil && s.weekends == nil { r.error(path, nil, "empty schedule", expected: "\"weekdays\" and/or \"weekends\" periods") }
        guard let days = weekdays ?? weekends else { return nil }
        return WeekSchedule(weekdays: weekdays ?? days, weekends: weekends ?? days)
    }

    static func resolveThermostat(_ t: ThermostatSpec, _ r: Resolution) -> ResolvedThermostat? {
        let p = "thermostat"
        var ok = true
        let mode = r.value(t.mode, at: p + ".mode", default: .heating, \.rawValue, reason: "dwellings are heated, not cooled, unless told")
        let control = r.value(t.controlTemperature, at: p + ".control_temperature", default: .air, \.rawValue,
                              reason: "a room thermostat senses the air temperature (EN ISO 52016-1's convention is the operative temperature: give \"operative\" for it)")
        ok = r.check(t.heatingSetpointC, at: p + ".heating_setpoint_c", in: 5...30, unit: "°C") && ok
        ok = r.check(t.heatingSetbackC, at: p + ".heating_setback_c", in: 0...30, unit: "°C") && ok
        ok = r.check(t.coolingSetpointC, at: p + ".cooling_setpoint_c", in: 15...40, unit: "°C") && ok
        r.warnUnusual(t.heatingSetpointC, at: p + ".heating_setpoint_c", usual: 14...24, unit: "°C", why: "households rarely heat outside this range")
        let heating = r.value(t.heatingSetpointC, at: p + ".heating_setpoint_c", default: 19, { "\(format($0)) °C" },
                              reason: "French regulatory reference 19 °C (Code de l'énergie, art. R241-26)")
        let setback = r.value(t.heatingSetbackC, at: p + ".heating_setback_c", default: heating, { "\(format($0)) °C" }, reason: "no set-back unless told")
        let cooling = r.value(t.coolingSetpointC, at: p + ".cooling_setpoint_c", default: 26, { "\(format($0)) °C" },
                              reason: "French regulatory reference 26 °C for cooling (Code de l'énergie, art. R241-30)")
        if setback > heating {
            r.error(p + ".heating_setback_c", format(setback), "the set-back is above the heating set-point (\(format(heating)) °C)", expected: "≤ \(format(heating)) °C")
            ok = false
        }
        if mode == .heatingAndCooling, cooling <= heating {
            r.error(p + ".cooling_setpoint_c", format(cooling), "the cooling set-point must be above the heating set-point (\(format(heating)) °C)",
                    expected: "> \(format(heating)) °C")
            ok = false
        }
        let comfort = resolveSchedule(t.comfortPeriods, path: p + ".comfort_periods", r)
        if t.comfortPeriods != nil, comfort == nil { ok = false }
        if t.comfortPeriods != nil, t.heatingSetbackC == nil {
            r.warning(p + ".comfort_periods", nil, "comfort periods without heating_setback_c have no effect")
        }
        var season: HeatingSeason?
        if let spec = t.heatingSeason {
            func day(_ text: String?, _ key: String) -> (month: Int, day: Int)? {
                let path = p + ".heating_season." + key
                guard let text = r.required(text, at: path, "the \(key == "start" ? "first" : "last") day of the heating season, MM-DD (\(key == "start" ? "\"10-15\"" : "\"04-30\""))") else { return nil }
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                      let month = Int(parts[0]), let dayOfMonth = Int(parts[1]), (1...12).contains(month),
                      (1...[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(dayOfMonth)
                else {
                    r.error(path, "\"\(text.prefix(40))\"", "not a day of the year", expected: "MM-DD, e.g. \"10-15\" (29 February is not a season's bound)")
                    return nil
                }
                return (month, dayOfMonth)
            }
            let start = day(spec.start, "start"), end = day(spec.end, "end")
            if let start, let end {
                season = HeatingSeason(start: start, end: end)
                if HeatingSeason.dayOfYear(start) == HeatingSeason.dayOfYear(end) {
                    r.warning(p + ".heating_season", nil, "the season is a single day")
                }
            } else {
                ok = false
            }
        } else {
            r.defaults.append(DefaultedValue(path: p + ".heating_season", value: "all year", reason: "heating whenever it is needed, as the conventional calculation does"))
        }
        guard ok else { return nil }
        return ResolvedThermostat(mode: mode, controlTemperature: control, heatingSetpointC: heating, heatingSetbackC: setback,
                                  coolingSetpointC: cooling, comfortPeriods: comfort ?? .always, heatingSeason: season)
    }

    static func resolveOccupancy(_ o: OccupancySpec, floorAreaM2: Double?, _ r: Resolution) -> ResolvedOccupancy? {
        let p = "occupancy"
        var ok = true
        if let n = o.occupants, !(0...30).contains(n) {
            r.error(p + ".occupants", String(n), "out of range", expected: "0…30 people")
            ok = false
        }
        // 3CL-DPE 2021 conventional occupancy is tied to the floor area; here a simple assumption
        // of one person per 40 m² (at least one) is used and reported.
        let occupants = r.value(o.occupants, at: p + ".occupants", default: max(1, Int(((floorAreaM2 ?? 40) / 40).rounded())), { String($0) },
                                reason: "assumed: one person per 40 m² of floor, at least one")
        ok = r.check(o.internalGainsWPerM2, at: p + ".internal_gains_w_per_m2", in: 0...50, unit: "W/m²") && ok
        ok = r.check(o.internalGainsW, at: p + ".internal_gains_w", in: 0...20_000, unit: "W") && ok
        ok = r.check(o.internalGainsRadiativeFraction, at: p + ".internal_gains_radiative_fraction", in: 0...1, unit: "") && ok
        if o.internalGainsW != nil, o.internalGainsWPerM2 != nil {
            r.error(p + ".internal_gains_w", o.internalGainsW.map(format), "give internal_gains_w or internal_gains_w_per_m2, not both")
            ok = false
        }
        let gains: Double
        if let watts = o.internalGainsW {
            gains = watts
        } else {
            let perM2 = r.value(o.internalGainsWPerM2, at: p + ".internal_gains_w_per_m2", default: 3.0, { "\(format($0)) W/m²" },
                                reason: "TABULA boundary conditions EU.SUH (3 W/m²)")
            gains = perM2 * (floorAreaM2 ?? 0)
        }
        let radiative = r.value(o.internalGainsRadiativeFraction, at: p + ".internal_gains_radiative_fraction", default: 0.6, format,
                                reason: "EN ISO 52016-1:2017 Annex B default convective fraction 0.4 for internal gains")
        let presence = resolveSchedule(o.presence, path: p + ".presence", r)
        if o.presence != nil, presence == nil { ok = false }
        var weekdays = [Double](repeating: 1, count: 24), weekends = weekdays
        if let profile = o.internalGainsProfile {
            func day(_ values: [Double]?, _ path: String) -> [Double]? {
                guard let values else { return nil }
                guard values.count == 24 else {
                    r.error(path, "\(values.count) values", "a daily profile has one weight per hour", expected: "24 values (hours 0–23)")
                    return nil
                }
                if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                    r.error("\(path)[\(bad)]", format(values[bad]), "a weight cannot be negative", expected: "≥ 0")
                    return nil
                }
                return values
            }
            let weekdayValues = day(profile.weekdays, p + ".internal_gains_profile.weekdays")
            let weekendValues = day(profile.weekends, p + ".internal_gains_profile.weekends")
            if profile.weekdays == nil && profile.weekends == nil {
                r.error(p + ".internal_gains_profile", nil, "empty profile", expected: "\"weekdays\" and/or \"weekends\": 24 weights each")
                ok = false
            } else if let days = weekdayValues ?? weekendValues {
                let weekdayProfile = weekdayValues ?? days, weekendProfile = weekendValues ?? days
                // Weekly mean of 1: 5 weekdays and 2 weekend days.
                let weekdaySum: Double = weekdayProfile.reduce(0, +)
                let weekendSum: Double = weekendProfile.reduce(0, +)
                let mean: Double = (5 * weekdaySum + 2 * weekendSum) / 168
                if mean > 0 {
                    weekdays = weekdayProfile.map { $0 / mean }
                    weekends = weekendProfile.map { $0 / mean }
                } else {
                    r.error(p + ".internal_gains_profile", nil, "all weights are zero", expected: "at least one positive weight")
                    ok = false
                }
            } else {
                ok = false
            }
        }
        guard ok else { return nil }
        var occupancy = ResolvedOccupancy(occupants: occupants, presence: presence ?? .always, internalGainsW: gains,
                                          internalGainsRadiativeFraction: radiative)
        occupancy.internalGainsProfileWeekdays = weekdays
        occupancy.internalGainsProfileWeekends = weekends
        return occupancy
    }

    // MARK: - Systems (held now, modelled in a later step)

    static func resolveHeating(_ spec: HeatingSpec?, _ r: Resolution) -> [HeatingSystemSpec] {
        var systems = spec?.systems ?? []
        if systems.count > Limits.mostSystems {
            r.error("heating.systems", "\(systems.count) systems", "more heating systems than a dwelling has", expected: "at most \(Limits.mostSystems)")
            return []
        }
        for index in systems.indices {
            if systems[index].emitter == nil, let type = systems[index].type {
                let usual = EmitterType.usual(for: type)
                systems[index].emitter = r.value(nil, at: "heating.systems[\(index)].emitter", default: usual, \.rawValue,
                                                 reason: "the usual emitter of a \(type.rawValue) (convective fraction \(format(usual.convectiveFraction)))")
            }
            if systems[index].fuel == nil, let type = systems[index].type {
                systems[index].fuel = r.value(nil, at: "heating.systems[\(index)].fuel", default: type.naturalFuel, \.rawValue,
                                              reason: "the fuel of a \(type.rawValue)")
            }
        }
        var systemIDs: [String: Int] = [:]
        for (index, system) in systems.enumerated() {
            guard let id = system.id else { continue }
            if let first = systemIDs[id] {
                r.error("heating.systems[\(index)].id", "\"\(id)\"", "duplicate id, already used by heating.systems[\(first)]", expected: "ids unique within the dwelling")
            } else {
                systemIDs[id] = index
            }
        }
        var shareSum = 0.0
        for (index, system) in systems.enumerated() {
            let p = "heating.systems[\(index)]"
            _ = r.required(system.type, at: p + ".type", "the generator type (\(HeatingSystemType.allowedNames.joined(separator: ", ")))")
            r.check(system.efficiency, at: p + ".efficiency", in: 0.05...1.1, unit: "", what: "a seasonal efficiency on the lower heating value")
            r.check(system.copNominal, at: p + ".cop_nominal", in: 1...8, unit: "")
            r.checkPositive(system.maxPowerW, at: p + ".max_power_w", largest: 2_000_000, smallest: 10, unit: "W",
                            why: "from a 10 W heater to a 2 MW collective boiler")
            r.warnUnusual(system.maxPowerW, at: p + ".max_power_w", usual: 300...100_000, unit: "W", why: "a dwelling's heating power")
            if let year = system.yearInstalled, !(1850...2100).contains(year) {
                r.error(p + ".year_installed", String(year), "not an installation year", expected: "1850…2100")
            }
            r.check(system.share, at: p + ".share", in: 0...1, unit: "")
            r.check(system.generationEfficiency, at: p + ".generation_efficiency", in: 0.05...1.1, unit: "")
            r.check(system.distributionEfficiency, at: p + ".distribution_efficiency", in: 0.3...1, unit: "")
            r.check(system.emissionEfficiency, at: p + ".emission_efficiency", in: 0.3...1, unit: "")
            r.check(system.regulationEfficiency, at: p + ".regulation_efficiency", in: 0.3...1, unit: "")
            r.check(system.intermittenceFactor, at: p + ".intermittence_factor", in: 0.3...1, unit: "")
            r.check(system.designFlowTemperatureC, at: p + ".design_flow_temperature_c", in: 25...90, unit: "°C")
            if let count = system.emitterCount, !(1...500).contains(count) {
                r.error(p + ".emitter_count", String(count), "not a number of emitters", expected: "1…500")
            }
            let hydronic = system.emitter.map { [.radiatorsHighTemperature, .radiatorsLowTemperature, .underfloor, .fanCoil].contains($0) } ?? false
            if let pipes = system.pipesOutsideHeatedVolume {
                let q = p + ".pipes_outside_heated_volume"
                _ = r.required(pipes.lengthM, at: q + ".length_m", "the length of pipe in unheated spaces, flow and return together, m")
                r.checkPositive(pipes.lengthM, at: q + ".length_m", largest: 500, smallest: 0.1, unit: "m", why: "a dwelling's pipe runs")
                r.checkPositive(pipes.outerDiameterMm, at: q + ".outer_diameter_mm", largest: 110, smallest: 8, unit: "mm", why: "domestic heating pipes, 8–110 mm")
                r.check(pipes.insulationThicknessMm, at: q + ".insulation_thickness_mm", in: 0...150, unit: "mm")
                r.check(pipes.insulationConductivityWPerMK, at: q + ".insulation_conductivity_w_per_mk", in: 0.015...0.1, unit: "W/(m·K)",
                        what: "pipe lagging conducts 0.02–0.06 W/(m·K)")
                r.check(pipes.spaceBFactor, at: q + ".space_b_factor", in: 0...1, unit: "", what: "b is 0 at room temperature, 1 outdoors")
                if !hydronic {
                    r.error(q, nil, "pipes need a water-based emitter (radiators, underfloor, fan coils); this system has \(system.emitter?.rawValue ?? "none")",
                            expected: "remove pipes_outside_heated_volume, or set the emitter")
                }
            }
            if system.radiatorReflectors == true {
                if system.emitter != .radiatorsHighTemperature && system.emitter != .radiatorsLowTemperature {
                    r.error(p + ".radiator_reflectors", "true", "reflectors go behind water radiators; this system has \(system.emitter?.rawValue ?? "no emitter")",
                            expected: "false, or radiators")
                } else if system.emitterCount == nil {
                    r.warning(p + ".radiator_reflectors", "true", "reflectors are counted by radiator: not counted until emitter_count (the number of radiators) is given")
                }
            }
            if system.efficiency != nil, [system.generationEfficiency, system.distributionEfficiency, system.emissionEfficiency, system.regulationEfficiency].contains(where: { $0 != nil }) {
                r.error(p + ".efficiency", system.efficiency.map(format), "the whole-chain efficiency and its parts are both given",
                        expected: "either efficiency (the whole chain) or generation/distribution/emission/regulation_efficiency")
            }
            if let type = system.type, type.isHeatPump, system.efficiency != nil, system.copNominal == nil {
                r.warning(p + ".efficiency", system.efficiency.map(format), "a heat pump is rated by cop_nominal, not an efficiency")
            }
            if let type = system.type, let fuel = system.fuel, fuel != type.naturalFuel, type != .districtHeating {
                r.warning(p + ".fuel", fuel.rawValue, "unusual fuel for a \(type.rawValue)", expected: type.naturalFuel.rawValue)
            }
            shareSum += system.share ?? (systems.count == 1 ? 1 : 0)
        }
        if systems.count > 1, systems.allSatisfy({ $0.share != nil }), abs(shareSum - 1) > 0.01 {
            r.error("heating.systems", format(shareSum), "the shares of the heating systems add up to \(format(shareSum))", expected: "a sum of 1")
        }
        return systems
    }

    /// The share of the heating power convected to the air: the emitters' fractions weighted by
    /// the systems' shares (main systems alike when no share is given); 1 (all convective, as
    /// ASHRAE 140's ideal heating) for a dwelling without heating systems.
    static func heatingConvectiveFraction(_ systems: [HeatingSystemSpec]) -> Double {
        let carrying = systems.filter { $0.role != .backup && $0.emitter != nil }
        guard !carrying.isEmpty else { return 1 }
        let weights = carrying.map { $0.share ?? 1 }
        let total = weights.reduce(0, +)
        guard total > 0 else { return 1 }
        return zip(carrying, weights).reduce(0) { $0 + ($1.0.emitter?.convectiveFraction ?? 1) * $1.1 } / total
    }

    static func resolveHotWater(_ spec: HotWaterSpec?, heatingIDs: [String], _ r: Resolution) -> HotWaterSpec {
        let hotWater = spec ?? HotWaterSpec()
        if let count = hotWater.systems?.count, count > Limits.mostSystems {
            r.error("hot_water.systems", "\(count) systems", "more water heaters than a dwelling has", expected: "at most \(Limits.mostSystems)")
            return HotWaterSpec()
        }
        r.check(hotWater.litresPerPersonPerDay, at: "hot_water.litres_per_person_per_day", in: 0...500, unit: "L/day")
        r.check(hotWater.deliveryTemperatureC, at: "hot_water.delivery_temperature_c", in: 25...80, unit: "°C")
        for (index, system) in (hotWater.systems ?? []).enumerated() {
            let p = "hot_water.systems[\(index)]"
            _ = r.required(system.type, at: p + ".type", "the water-heater type (\(HotWaterSystemType.allowedNames.joined(separator: ", ")))")
            r.check(system.efficiency, at: p + ".efficiency", in: 0.05...1.1, unit: "")
            r.check(system.copNominal, at: p + ".cop_nominal", in: 1...8, unit: "")
            r.check(system.storageVolumeL, at: p + ".storage_volume_l", in: 0...3000, unit: "L")
            r.check(system.setpointC, at: p + ".setpoint_c", in: 40...85, unit: "°C")
            r.check(system.solarFraction, at: p + ".solar_fraction", in: 0...1, unit: "")
            if let heatingID = system.heatingSystem, !heatingIDs.contains(heatingID) {
                r.error(p + ".heating_system", "\"\(heatingID)\"", "no heating system has this id",
                        expected: heatingIDs.isEmpty ? "the id of a heating system" : heatingIDs.joined(separator: ", "),
                        suggestion: Suggestions.didYouMean(heatingID, among: heatingIDs))
            }
            if system.type == .fromHeatingSystem, system.heatingSystem == nil {
                r.error(p + ".heating_system", nil, "missing: type from_heating_system names the heating system that heats the water")
            }
        }
        return hotWater
    }
}

extension DwellingResolver {
    static func resolveOtherUses(_ spec: OtherUsesSpec?, _ r: Resolution) -> OtherUsesSpec {
        let uses = spec ?? OtherUsesSpec()
        r.check(uses.lightingKWhPerYear, at: "other_uses.lighting_kwh_per_year", in: 0...20_000, unit: "kWh/yr")
        r.check(uses.appliancesKWhPerYear, at: "other_uses.appliances_kwh_per_year", in: 0...50_000, unit: "kWh/yr")
        r.check(uses.cookingKWhPerYear, at: "other_uses.cooking_kwh_per_year", in: 0...20_000, unit: "kWh/yr")
        r.check(uses.standbyW, at: "other_uses.standby_w", in: 0...2_000, unit: "W")
        if let energy = uses.cookingEnergy, ![.electricity, .naturalGas, .butane, .propane].contains(energy) {
            r.error("other_uses.cooking_energy", energy.rawValue, "not a cooking energy", expected: "electricity, natural_gas, butane, propane")
        }
        return uses
    }

    /// A Walloon household's network operator from its commune (``WalloonDistributionOperators``),
    /// when the file does not give it; a given one that the commune contradicts is a warning.
    static func resolveOperator(of commune: String, country: String?, supply: inout EnergySupplySpec, _ r: Resolution) {
        let path = "location.commune"
        guard commune.count <= 60, !commune.allSatisfy(\.isWhitespace),
              !commune.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            r.error(path, "\"\(commune.prefix(40))\(commune.count > 40 ? "…" : "")\"", "not a commune name", expected: "a municipality's name, e.g. \"Soignies\" (at most 60 characters)")
            return
        }
        guard country?.uppercased() == "BE" else { return }
        let table = "Foyer's commune → operator table holds only the communes of the Walloon Government's designation orders found (RESA's 51 of 5 May 2022, AIESH's of 8 Sep 2022)"
        switch WalloonDistributionOperators.lookUp(commune) {
        case let .designated(op, source):
            if let given = supply.distributionOperator {
                if given != op {
                    r.warning("energy_supply.distribution_operator", given.rawValue, "\(commune)'s operator is \(op.displayName) by \(source)",
                              expected: "\(op.rawValue), unless the dwelling is on another network")
                }
            } else {
                supply.distributionOperator = op
                r.defaults.append(DefaultedValue(path: "energy_supply.distribution_operator", value: op.rawValue, reason: "the operator of \(commune), by \(source)"))
            }
        case let .split(text):
            if supply.distributionOperator == nil {
                r.warning(path, "\"\(commune)\"", text, expected: "energy_supply.distribution_operator (aiesh or ores) for the dwelling's section")
            }
        case .notInTable:
            if supply.distributionOperator == nil {
                r.warning(path, "\"\(commune)\"", "no operator known for this commune: \(table)",
                          expected: "energy_supply.distribution_operator (ores, resa, aieg, aiesh, rew), from an electricity bill or the EAN's operator")
            }
        }
    }

    static func resolveEnergySupply(_ spec: EnergySupplySpec?, country: String?, commune: String?, _ r: Resolution) -> EnergySupplySpec {
        var supply = spec ?? EnergySupplySpec()
        let p = "energy_supply"
        if let commune {
            resolveOperator(of: commune, country: country, supply: &supply, r)
        }
        r.check(supply.subscribedKVA, at: p + ".subscribed_kva", in: 1...250, unit: "kVA")
        if let sub = supply.subMeter {
            let price = r.required(sub.priceEURPerKWh, at: p + ".sub_meter.price_eur_per_kwh", "the price per kWh the household is charged, taxes included (e.g. 0.33)")
            r.checkPositive(price, at: p + ".sub_meter.price_eur_per_kwh", largest: 5, unit: "€/kWh", why: "household electricity costs 0.10–0.60 €/kWh")
            r.check(sub.fixedEURPerYear, at: p + ".sub_meter.fixed_eur_per_year", in: 0...5_000, unit: "€/yr")
        }
        if let count = supply.offPeakHours?.count, count > Limits.mostOffPeakWindows {
            r.error(p + ".off_peak_hours", "\(count) windows", "more off-peak windows than any meter has", expected: "at most \(Limits.mostOffPeakWindows)")
            return EnergySupplySpec()
        }
        if let count = supply.contracts?.count, count > Limits.mostContracts {
            r.error(p + ".contracts", "\(count) contracts", "more contracts than a household has", expected: "at most \(Limits.mostContracts)")
            return EnergySupplySpec()
        }
        var windows: [ClockWindow] = []
        for (index, text) in (supply.offPeakHours ?? []).enumerated() {
            if let window = ClockWindow(text) {
                windows.append(window)
            } else {
                r.error(p + ".off_peak_hours[\(index)]", "\"\(text)\"", "not a clock window", expected: "HH:MM-HH:MM on quarter-hours, e.g. \"22:00-06:00\"")
            }
        }
        if windows.count == (supply.offPeakHours ?? []).count, !windows.isEmpty {
            if let problem = ClockWindow.problem(in: windows) {
                r.error(p + ".off_peak_hours[\(problem.index)]", "\"\(windows[problem.index])\"", problem.message,
                        expected: "separate windows that leave peak hours, e.g. [\"22:00-06:00\"] or [\"12:30-14:30\", \"01:30-07:30\"]")
            } else if country == "FR", ClockWindow.totalMinutes(windows) != FrenchSubscribedPower.offPeakMinutesPerDay {
                r.warning(p + ".off_peak_hours", windows.map(\.description).joined(separator: ", "),
                          "\(NumberText.short(Double(ClockWindow.totalMinutes(windows)) / 60)) off-peak hours a day; French HP/HC meters have 8",
                          expected: "8 h a day in one or two windows (Enedis)")
            }
        }
        if country == "FR", let kva = supply.subscribedKVA, kva.isFinite, !FrenchSubscribedPower.levelsKVA.contains(kva) {
            r.error(p + ".subscribed_kva", format(kva), "not a subscribed power of French household contracts",
                    expected: FrenchSubscribedPower.levelsKVA.map { format($0) }.joined(separator: ", ") + " kVA")
        }
        var seen: [String: Int] = [:]
        for (index, contract) in (supply.contracts ?? []).enumerated() {
            let cp = p + ".contracts[\(index)]"
            let energy = r.required(contract.energy, at: cp + ".energy", "the energy the contract sells")
            _ = r.required(contract.offer, at: cp + ".offer", "a tariff offer id (foyer tariffs list)")
            if contract.circuit == .exclusiveNight, energy != .electricity {
                r.error(cp + ".circuit", "exclusive_night", "only electricity has an exclusive-night circuit")
            }
            let key = "\(energy?.rawValue ?? "")/\(contract.circuit?.rawValue ?? "main")"
            if let first = seen[key] {
                r.error(cp, nil, "a second contract for \(key), already contracts[\(first)]", expected: "one contract per energy and circuit")
            }
            seen[key] = index
        }
        return supply
    }
}

/// An embedded climate, as the resolver needs to know it.
public struct ClimateZoneInfo: Sendable, Equatable {
    public var id: String
    public var country: String
    public var stationName: String
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var altitudeM: Double

    public init(id: String, country: String, stationName: String, latitudeDeg: Double, longitudeDeg: Double, altitudeM: Double) {
        self.id = id
        self.country = country
        self.stationName = stationName
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.altitudeM = altitudeM
    }
}
