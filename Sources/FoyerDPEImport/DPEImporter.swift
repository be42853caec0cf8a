import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel

/// One approximation the importer made: what the DPE file did not say (or said in a form
/// Foyer's dwelling format does not hold) and the rule that filled the gap, in English and French.
public struct DPEApproximation: Sendable, Equatable, Encodable {
    /// The Foyer field(s) concerned, e.g. `envelope.windows`.
    public var path: String
    /// How many elements the rule was applied to.
    public var count: Int
    public var rule: String
    public var ruleFr: String

    enum CodingKeys: String, CodingKey {
        case path, count, rule
        case ruleFr = "rule_fr"
    }
}

/// What an official DPE says of itself: its figures, the yardstick for Foyer's own.
public struct OfficialDPE: Sendable, Equatable, Encodable {
    public var number: String
    /// `date_etablissement_dpe`: sets the electricity factor and the small-dwelling rules.
    public var diagnosedOn: CivilDate?
    public var method: Int
    public var referenceAreaM2: Double
    /// `ep_conso_5_usages_m2`, kWh of primary energy per m² and year.
    public var primaryKWhPerM2: Double?
    /// `emission_ges_5_usages_m2`, kg CO₂e per m² and year.
    public var emissionsKgPerM2: Double?
    public var energyClass: String?
    public var climateClass: String?
    /// `sortie/apport_et_besoin/besoin_ch`, kWh/yr.
    public var heatingNeedKWh: Double?
    /// `sortie/apport_et_besoin/besoin_ecs`, kWh/yr.
    public var hotWaterNeedKWh: Double?
    /// `sortie/ef_conso/conso_ch` and `conso_ecs`, kWh of final energy a year.
    public var heatingFinalKWh: Double?
    public var hotWaterFinalKWh: Double?

    enum CodingKeys: String, CodingKey {
        case number, method
        case diagnosedOn = "diagnosed_on"
        case referenceAreaM2 = "reference_area_m2"
        case primaryKWhPerM2 = "primary_kwh_per_m2"
        case emissionsKgPerM2 = "emissions_kg_per_m2"
        case energyClass = "energy_class"
        case climateClass = "climate_class"
        case heatingNeedKWh = "heating_need_kwh"
        case hotWaterNeedKWh = "hot_water_need_kwh"
        case heatingFinalKWh = "heating_final_kwh"
        case hotWaterFinalKWh = "hot_water_final_kwh"
    }
}

/// A dwelling made from an official DPE, with every approximation said.
public struct DPEImport: Sendable {
    public var dwelling: DwellingSpec
    public var approximations: [DPEApproximation]
    public var official: OfficialDPE

    public init(dwelling: DwellingSpec, approximations: [DPEApproximation], official: OfficialDPE) {
        self.dwelling = dwelling
        self.approximations = approximations
        self.official = official
    }
}

/// Turns an official DPE (the ADEME exchange XML of the DPE 2021, 3CL method) into a Foyer
/// dwelling: geometry, every wall, floor, ceiling, window and door with its area, orientation,
/// adjacency and b factor, the U-values the diagnostician's software computed
/// (`donnee_intermediaire`), the thermal bridges, the ventilation, the heating and hot-water
/// systems with their efficiencies, the climate zone — and the DPE's conventional occupancy
/// (adult equivalents, hot water, internal gains).
///
/// Houses and flats with their own heating and hot water are imported; a building, a flat
/// described through its building's envelope, a collective system or a generator Foyer has no
/// model for is refused with the part named. The element-by-element rules are in
/// `Docs/Research/dpe-import.md`.
public enum DPEImporter {
    /// Reads `path` (at most 8 MB) and imports it.
    public static func importFile(_ path: String, displayName: String? = nil) throws(InputError) -> DPEImport {
        let name = displayName ?? (path as NSString).lastPathComponent
        let data = try InputFile.read(path, kind: .dpeXML, displayName: name)
        return try importDocument(data, file: name)
    }

    /// Imports a DPE document; `file` names it in messages.
    public static func importDocument(_ data: Data, file: String) throws(InputError) -> DPEImport {
        let root = try XMLTree.parse(data, file: file)
        var reader = Reader(file: file)
        return try reader.read(root)
    }
}

/// The import itself: reads numbers with their bounds, collects approximations, refuses what
/// cannot be imported honestly.
struct Reader {
    let file: String
    var notes: [String: DPEApproximation] = [:]
    var noteOrder: [String] = []

    init(file: String) { self.file = file }

    // MARK: - Reading values

    func fail(_ node: XMLElementNode?, _ path: String, value: String? = nil, _ message: String, expected: String? = nil) -> InputError {
        let place = node.map { "\(path) (line \($0.line))" } ?? path
        return InputError(InputIssue(.error, file: file, path: place, value: value, message: message, expected: expected))
    }

    /// The number at `path` below `node`: nil when absent or empty; an error when it is not a
    /// finite number inside `range`.
    func number(_ node: XMLElementNode, _ path: String, in range: ClosedRange<Double>, unit: String = "", where place: String) throws(InputError) -> Double? {
        guard let element = node.at(path) else { return nil }
        let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        let shown = String(text.prefix(40))
        guard let value = Double(text), value.isFinite else {
            throw fail(element, "\(place)/\(path)", value: shown, "not a number", expected: "a decimal number \(bounds(range, unit))")
        }
        guard range.contains(value) else {
            throw fail(element, "\(place)/\(path)", value: shown, "out of range", expected: bounds(range, unit))
        }
        return value
    }

    func required(_ node: XMLElementNode, _ path: String, in range: ClosedRange<Double>, unit: String = "", where place: String) throws(InputError) -> Double {
        guard let value = try number(node, path, in: range, unit: unit, where: place) else {
            throw fail(node, "\(place)/\(path)", "missing: the DPE file must give it", expected: bounds(range, unit))
        }
        return value
    }

    func integer(_ node: XMLElementNode, _ path: String, where place: String) throws(InputError) -> Int? {
        guard let value = try number(node, path, in: 0...100_000, where: place) else { return nil }
        guard value == value.rounded() else {
            throw fail(node.at(path), "\(place)/\(path)", value: String(value), "an enumeration id is a whole number", expected: "a whole number")
        }
        return Int(value)
    }

    func bounds(_ range: ClosedRange<Double>, _ unit: String) -> String {
        "\(short(range.lowerBound))…\(short(range.upperBound))\(unit.isEmpty ? "" : " " + unit)"
    }

    func short(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    mutating func note(_ key: String, path: String, _ rule: String, _ ruleFr: String) {
        if var existing = notes[key] {
            existing.count += 1
            notes[key] = existing
        } else {
            notes[key] = DPEApproximation(path: path, count: 1, rule: rule, ruleFr: ruleFr)
            noteOrder.append(key)
        }
    }

    /// Rounds what goes into the file: the DPE's own precision is 3–4 decimals.
    func round(_ value: Double, _ decimals: Int = 4) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    func label(_ node: XMLElementNode) -> String? {
        node.string("donnee_entree/description").map { String($0.prefix(80)) }
    }

    // MARK: - The document

    mutating func read(_ root: XMLElementNode) throws(InputError) -> DPEImport {
        guard root.name == "dpe" else {
            throw fail(root, "<\(root.name)>", "not a DPE: the root element of a DPE file is <dpe>", expected: "an ADEME DPE 2021 XML file")
        }
        guard let logement = root.child("logement") else {
            throw fail(root, "dpe/logement", "missing: a DPE of a dwelling has a <logement> element")
        }
        let general = "logement/caracteristique_generale"
        guard let generalNode = logement.child("caracteristique_generale") else {
            throw fail(logement, general, "missing")
        }
        let methodId = try integer(generalNode, "enum_methode_application_dpe_log_id", where: general) ?? -1
        guard let method = DPEEnums.method(methodId) else {
            throw fail(generalNode.child("enum_methode_application_dpe_log_id"), general + "/enum_methode_application_dpe_log_id", value: String(methodId),
                       "Foyer imports a house, or a flat with its own heating and hot water described by its own walls; this DPE is of a whole building, of a flat through its building's envelope, or of a flat with collective heating or hot water — Foyer models one dwelling with its own systems",
                       expected: "1, 14, 18 (house) or 2 (flat with individual heating and hot water)")
        }
        let areaM2 = try required(generalNode, "surface_habitable_logement", in: 1...20_000, unit: "m²", where: general)
        let storeyHeightM = try number(generalNode, "hsp", in: 1.5...10, unit: "m", where: general)
        let storeys = try number(generalNode, "nombre_niveau_logement", in: 1...20, where: general)
        var year = try integer(generalNode, "annee_construction", where: general)
        if let given = year, !(1500...2100).contains(given) { year = nil }
        if year == nil, let period = try integer(generalNode, "enum_periode_construction_id", where: general), let inside = DPEEnums.yearForPeriod(period) {
            year = inside
            note("year", path: "geometry.year_built", "no construction year: a year inside the DPE's construction period", "année de construction absente : une année de la période de construction du DPE")
        }

        var spec = DwellingSpec()
        spec.schema = "foyer.dwelling/1"
        let number = root.string("numero_dpe") ?? root.string("administratif/numero_dpe") ?? (file as NSString).deletingPathExtension
        spec.name = "DPE \(number)"
        spec.description = "Imported from the official DPE \(number) by foyer import-dpe: the envelope, systems and conventional occupancy of the DPE, the U-values and efficiencies its 3CL calculation gave."
        spec.sources = ["DPE \(number) (ADEME exchange format, 3CL-DPE 2021), \(root.string("administratif/date_etablissement_dpe") ?? "undated")"]

        // Location.
        let meteo = "logement/meteo"
        var location = LocationSpec()
        location.country = "FR"
        if let meteoNode = logement.child("meteo"), let zoneId = try integer(meteoNode, "enum_zone_climatique_id", where: meteo) {
            guard let zone = DPEEnums.climateZone(zoneId) else {
                throw fail(meteoNode.child("enum_zone_climatique_id"), meteo + "/enum_zone_climatique_id", value: String(zoneId), "unknown climate zone", expected: "1…8 (H1a … H3)")
            }
            location.climateZone = zone
            if let altitude = try self.number(meteoNode, "altitude", in: -500...5_000, unit: "m", where: meteo) {
                location.altitudeM = altitude
            } else if let altitudeClass = try integer(meteoNode, "enum_classe_altitude_id", where: meteo), let middle = [1: 200.0, 2: 600, 3: 1000][altitudeClass] {
                location.altitudeM = middle
                note("altitude", path: "location.altitude_m", "no altitude: the middle of the DPE's altitude class (200, 600 or 1 000 m); Foyer's French climates are not corrected for altitude", "altitude absente : le milieu de la classe d'altitude du DPE (200, 600 ou 1 000 m) ; les climats français de Foyer ne sont pas corrigés de l'altitude")
            }
            if (location.altitudeM ?? 0) > 400 {
                note("altitude-weather", path: "location", "the dwelling is above 400 m: the zone's reference weather (at its station's altitude) is warmer than the DPE's altitude-corrected climate", "le logement est au-dessus de 400 m : le climat de référence de la zone (à l'altitude de sa station) est plus doux que le climat du DPE corrigé de l'altitude")
            }
        } else {
            throw fail(logement, meteo + "/enum_zone_climatique_id", "missing: the climate zone", expected: "1…8 (H1a … H3)")
        }
        spec.location = location

        // Envelope.
        guard let enveloppe = logement.child("enveloppe") else { throw fail(logement, "logement/enveloppe", "missing") }
        var envelope = EnvelopeSpec()
        let walls = try readWalls(enveloppe)
        envelope.walls = walls.elements
        envelope.floors = try readFloors(enveloppe)
        envelope.roofs = try readRoofs(enveloppe)
        envelope.windows = try readWindows(enveloppe)
        envelope.doors = try readDoors(enveloppe, wallAzimuths: walls.azimuthByReference)
        if !(enveloppe.child("ets_collection")?.children.isEmpty ?? true) {
            note("sunspace", path: "envelope", "a sunspace (espace tampon solarisé): its walls and windows toward the dwelling are kept as facing an unheated space with the DPE's b; its solar gains to the dwelling are not modelled", "une véranda (espace tampon solarisé) : ses parois vers le logement sont gardées comme donnant sur un local non chauffé avec le b du DPE ; ses apports solaires au logement ne sont pas modélisés")
        }

        // Heat capacity: the DPE's inertia class spread over the opaque elements, as Foyer's
        // own default does for the medium class (DwellingSchema §4.4).
        if let inertia = try integer(enveloppe, "inertie/enum_classe_inertie_id", where: "logement/enveloppe"),
           let perFloorM2 = DPEEnums.heatCapacityJPerM2K(inertiaClass: inertia) {
            let opaque = [envelope.walls, envelope.floors, envelope.roofs].compactMap { $0 }.joined()
            let opaqueArea = opaque.reduce(0) { $0 + ($1.areaM2 ?? 0) }
            if opaqueArea > 0 {
                let kappa = round(min(perFloorM2 * areaM2 / opaqueArea, 1_000_000), 0)
                for list in [\EnvelopeSpec.walls, \EnvelopeSpec.floors, \EnvelopeSpec.roofs] {
                    envelope[keyPath: list] = envelope[keyPath: list]?.map { element in
                        var element = element
                        element.arealHeatCapacityJPerM2K = kappa
                        return element
                    }
                }
            }
        }
        spec.envelope = envelope
        spec.thermalBridges = try readThermalBridges(enveloppe, officialWPerK: try self.number(logement, "sortie/deperdition/deperdition_pont_thermique", in: 0...1e7, unit: "W/K", where: "logement"))

        // Geometry.
        var geometry = GeometrySpec()
        geometry.floorAreaM2 = areaM2
        geometry.storeyHeightM = storeyHeightM
        geometry.storeys = storeys.map { Int($0.rounded()) }
        geometry.yearBuilt = year
        let volume = areaM2 * (storeyHeightM ?? 2.5)
        if storeyHeightM == nil {
            note("height", path: "geometry.storey_height_m", "no ceiling height: 2.5 m", "hauteur sous plafond absente : 2,5 m")
        }
        geometry.volumeM3 = round(volume, 2)
        switch method {
        case .flat:
            geometry.dwellingType = .apartment
        case .house:
            let allWalls = envelope.walls ?? []
            let total = allWalls.reduce(0) { $0 + ($1.areaM2 ?? 0) }
            let party = allWalls.filter { $0.boundary == .adjacentHeated }.reduce(0) { $0 + ($1.areaM2 ?? 0) }
            let share = total > 0 ? party / total : 0
            geometry.dwellingType = share == 0 ? .detachedHouse : share <= 0.3 ? .semiDetachedHouse : .terracedHouse
            note("type", path: "geometry.dwelling_type", "the DPE does not say detached, semi-detached or terraced: from the share of walls against heated neighbours (0: detached; up to 30 %: semi-detached; above: terraced)", "le DPE ne dit pas si la maison est isolée, jumelée ou mitoyenne : d'après la part des murs contre un logement chauffé (0 : isolée ; jusqu'à 30 % : jumelée ; au-delà : mitoyenne)")
        }
        spec.geometry = geometry

        // Ventilation.
        spec.ventilation = try readVentilation(logement, volumeM3: volume)

        // Conventional occupancy (3CL-DPE 2021, arrêté du 31 mars 2021 annexe 1 §11 and §6.1).
        let sortie = "logement/sortie/apport_et_besoin"
        let nadeq = try self.number(logement, "sortie/apport_et_besoin/nadeq", in: 0.01...1_000, where: "logement")
            ?? Reader.adultEquivalents(areaM2: areaM2, flat: method == .flat)
        let v40 = try self.number(logement, "sortie/apport_et_besoin/v40_ecs_journalier", in: 0...100_000, unit: "L/day", where: "logement")
        var occupancy = OccupancySpec()
        let occupants = max(1, min(30, Int(nadeq.rounded())))
        occupancy.occupants = occupants
        // Internal gains during heating: (3.18 + 0.34) W/m² × Sh + (132/168) × Nadeq × 90 W
        // (3CL §6.1, Open3CL `src/6.1_apport_gratuit.js`).
        occupancy.internalGainsW = round((3.18 + 0.34) * areaM2 + 132.0 / 168.0 * nadeq * 90, 1)
        spec.occupancy = occupancy
        var hotWater = HotWaterSpec()
        hotWater.deliveryTemperatureC = 40
        // 56 L/day at 40 °C per adult equivalent (3CL §11); the file's own daily volume when given.
        hotWater.litresPerPersonPerDay = round((v40 ?? 56 * nadeq) / Double(occupants), 2)
        if v40 == nil {
            note("v40", path: "hot_water.litres_per_person_per_day", "no daily hot-water volume in \(sortie): 56 L at 40 °C per adult equivalent (3CL)", "volume d'eau chaude journalier absent de \(sortie) : 56 L à 40 °C par adulte équivalent (3CL)")
        }
        note("occupants", path: "occupancy", "the DPE's conventional occupancy: \(occupants) occupant(s) for its \(String(format: "%.2f", nadeq)) adult equivalents, their daily hot water (\(Int((v40 ?? 56 * nadeq).rounded())) L at 40 °C) shared among them, and its internal gains (3.52 W/m² plus 90 W per adult equivalent 132 h a week)", "l'occupation conventionnelle du DPE : \(occupants) occupant(s) pour ses \(String(format: "%.2f", nadeq).replacingOccurrences(of: ".", with: ",")) adultes équivalents, leur eau chaude journalière (\(Int((v40 ?? 56 * nadeq).rounded())) L à 40 °C) répartie entre eux, et ses apports internes (3,52 W/m² plus 90 W par adulte équivalent 132 h par semaine)")

        // Systems.
        let gv = try self.number(logement, "sortie/deperdition/deperdition_enveloppe", in: 0...1e7, unit: "W/K", where: "logement")
        let heating = try readHeating(logement, volumeGV: gv.map { $0 / volume })
        if heating.spec.systems?.contains(where: { $0.intermittenceFactor != nil }) == true {
            note("intermittence", path: "heating.systems[].intermittence_factor", "the DPE's intermittence factor INT = I0/(1 + 0.1·(G − 1)) of each installation, kept for the label only (3CL §8)", "le facteur d'intermittence INT = I0/(1 + 0,1·(G − 1)) du DPE pour chaque installation, gardé pour l'étiquette seulement (3CL §8)")
        }
        spec.heating = heating.spec
        var hot = try readHotWater(logement, heating: heating)
        hot.litresPerPersonPerDay = hotWater.litresPerPersonPerDay
        hot.deliveryTemperatureC = hotWater.deliveryTemperatureC
        spec.hotWater = hot

        if !(logement.child("climatisation_collection")?.children.isEmpty ?? true) {
            note("cooling", path: "", "an air-conditioning system: Foyer's dwelling format has no cooling system yet, so the DPE's cooling use is left out", "une climatisation : le format de logement de Foyer n'a pas encore de système de refroidissement, l'usage refroidissement du DPE est laissé de côté")
        }
        if logement.string("production_elec_enr/donnee_entree/presence_production_pv") == "1" {
            note("pv", path: "", "photovoltaic panels: not imported (Foyer has no production model); the DPE deducts their self-consumed electricity", "des panneaux photovoltaïques : non importés (Foyer ne modélise pas la production) ; le DPE déduit l'électricité autoconsommée")
        }

        let official = try readOfficial(root, logement, number: number, method: methodId, areaM2: areaM2)
        return DPEImport(dwelling: spec, approximations: noteOrder.compactMap { notes[$0] }, official: official)
    }

    /// 3CL adult equivalents from the living area (§11, Open3CL `src/11_nadeq.js`): a house or
    /// a flat — Nmax 1 below 30 m², 1.75 − 0.01875·(70 − Sh) below 70 m², else 0.025·Sh; above
    /// 1.75 only 30 % of the excess counts.
    static func adultEquivalents(areaM2: Double, flat: Bool) -> Double {
        let maximum: Double = areaM2 < 30 ? 1 : areaM2 < 70 ? 1.75 - 0.01875 * (70 - areaM2) : 0.025 * areaM2
        return maximum < 1.75 ? maximum : 1.75 + 0.3 * (maximum - 1.75)
    }

    func readOfficial(_ root: XMLElementNode, _ logement: XMLElementNode, number: String, method: Int, areaM2: Double) throws(InputError) -> OfficialDPE {
        var official = OfficialDPE(number: number, method: method, referenceAreaM2: areaM2)
        official.diagnosedOn = root.string("administratif/date_etablissement_dpe").flatMap { CivilDate(iso: String($0.prefix(10))) }
        official.primaryKWhPerM2 = try self.number(logement, "sortie/ep_conso/ep_conso_5_usages_m2", in: -1_000...100_000, where: "logement")
        official.emissionsKgPerM2 = try self.number(logement, "sortie/emission_ges/emission_ges_5_usages_m2", in: -1_000...100_000, where: "logement")
        official.energyClass = logement.string("sortie/ep_conso/classe_bilan_dpe")
        official.climateClass = logement.string("sortie/emission_ges/classe_emission_ges")
        official.heatingNeedKWh = try self.number(logement, "sortie/apport_et_besoin/besoin_ch", in: 0...1e9, where: "logement")
        official.hotWaterNeedKWh = try self.number(logement, "sortie/apport_et_besoin/besoin_ecs", in: 0...1e9, where: "logement")
        official.heatingFinalKWh = try self.number(logement, "sortie/ef_conso/conso_ch", in: 0...1e9, where: "logement")
        official.hotWaterFinalKWh = try self.number(logement, "sortie/ef_conso/conso_ecs", in: 0...1e9, where: "logement")
        return official
    }
}
