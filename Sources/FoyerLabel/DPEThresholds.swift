import FoyerEnergy

/// A French DPE class, A (best) to G.
public enum DPEClass: String, Sendable, Codable, CaseIterable, Comparable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F", g = "G"

    public static func < (lhs: DPEClass, rhs: DPEClass) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// The DPE's altitude classes (`enum_classe_altitude_id` 1, 2, 3 of the DPE exchange format).
public enum AltitudeClass: String, Sendable, Codable, CaseIterable {
    case below400 = "below_400_m"
    case from400To800 = "400_800_m"
    case above800 = "above_800_m"

    /// The class of an altitude in metres.
    public init(altitudeM: Double) {
        self = altitudeM < 400 ? .below400 : altitudeM <= 800 ? .from400To800 : .above800
    }
}

/// The double threshold of the DPE 2021 (arrêté of 31 March 2021 as amended; small dwellings:
/// arrêté of 25 March 2024): an energy class from the primary energy of the five uses per m²,
/// a climate class from their greenhouse-gas emissions per m², and the dwelling's class, the
/// worse of the two. Bounds are strict (`value < bound`) on unrounded values, as the official
/// engine and Open3CL (`src/conso.js`, `classe_bilan_dpe`, `classe_emission_ges`) compare them.
public enum DPEThresholds {
    /// Standard upper bounds of A…F, kWh EP/m²/yr (`../shared/reference/works-gestures-labels.md` §A.1).
    static let energyStandard: [Double] = [70, 110, 180, 250, 330, 420]
    /// Standard upper bounds of A…F, kg CO₂eq/m²/yr.
    static let climateStandard: [Double] = [6, 11, 30, 50, 70, 100]
    /// E and F bounds above 800 m in zones H1b, H1c and H2d: energy 390/500, climate 80/110.
    static let energyHighAltitudeEF: [Double] = [390, 500]
    static let climateHighAltitudeEF: [Double] = [80, 110]

    /// The day the small-dwelling table (arrêté of 25 March 2024) came into force; diagnoses
    /// before it used the standard bounds whatever the area (checked on the real DPEs of 2022–2023).
    public static let smallDwellingTableFrom = CivilDate(2024, 7, 1)

    /// The zones where the high-altitude E/F bounds apply (above 800 m).
    static let highAltitudeZones: Set<String> = ["H1b", "H1c", "H2d"]

    /// The energy class of `primaryKWhPerM2`.
    /// - Parameters:
    ///   - referenceAreaM2: Sref, the area the figures are per (the small-dwelling table applies
    ///     below 40.5 m², by the area rounded to a whole m²; below 3 m², the 3 m² row).
    ///   - zone: the DPE climate zone id (`H1a` … `H3`).
    ///   - diagnosedOn: the date of the diagnosis: the small-dwelling table applies from 1 July 2024.
    public static func energyClass(primaryKWhPerM2: Double, referenceAreaM2: Double, altitude: AltitudeClass, zone: String,
                                   diagnosedOn date: CivilDate = smallDwellingTableFrom) -> DPEClass {
        classOf(primaryKWhPerM2, bounds: bounds(standard: energyStandard, highAltitudeEF: energyHighAltitudeEF, small: date < smallDwellingTableFrom ? [:] : energySmallDwellingLimits,
                                               referenceAreaM2: referenceAreaM2, altitude: altitude, zone: zone))
    }

    /// The climate class of `emissionsKgPerM2` (kg CO₂eq/m²/yr).
    public static func climateClass(emissionsKgPerM2: Double, referenceAreaM2: Double, altitude: AltitudeClass, zone: String,
                                    diagnosedOn date: CivilDate = smallDwellingTableFrom) -> DPEClass {
        classOf(emissionsKgPerM2, bounds: bounds(standard: climateStandard, highAltitudeEF: climateHighAltitudeEF, small: date < smallDwellingTableFrom ? [:] : climateSmallDwellingLimits,
                                                referenceAreaM2: referenceAreaM2, altitude: altitude, zone: zone))
    }

    /// The dwelling's class: the worse of its energy and climate classes.
    public static func overallClass(energy: DPEClass, climate: DPEClass) -> DPEClass { max(energy, climate) }

    static func classOf(_ value: Double, bounds: [Double]) -> DPEClass {
        for (index, bound) in bounds.enumerated() where value < bound { return DPEClass.allCases[index] }
        return .g
    }

    /// The six bounds that apply: the small-dwelling row where the table has one (its missing
    /// entries, the standard bounds), else the standard bounds with the high-altitude E/F of
    /// H1b, H1c, H2d above 800 m — the order of Open3CL's `classe_bilan_dpe`.
    static func bounds(standard: [Double], highAltitudeEF: [Double], small: [AltitudeClass: [[Double?]]],
                       referenceAreaM2: Double, altitude: AltitudeClass, zone: String) -> [Double] {
        var result = standard
        if altitude == .above800, highAltitudeZones.contains(zone) {
            result[4] = highAltitudeEF[0]
            result[5] = highAltitudeEF[1]
        }
        let rounded = referenceAreaM2.isFinite ? Int(referenceAreaM2.rounded()) : 41
        guard rounded <= 40, let rows = small[altitude] else { return result }
        let row = rows[max(0, rounded - 3)]
        for index in 0..<6 {
            if let bound = row[index] { result[index] = bound }
        }
        return result
    }
}
