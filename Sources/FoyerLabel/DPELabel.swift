import FoyerEnergy

/// A DPE result: the five uses' final energy, primary energy and emissions, per m² of the
/// reference area, the two classes and the dwelling's.
public struct DPELabel: Sendable, Encodable {
    /// One use's energy, per energy bought.
    public struct UseLine: Sendable, Encodable {
        public var use: String
        public var energy: Energy
        public var finalKWh: Double
        public var primaryKWh: Double
        public var emissionsKg: Double
        enum CodingKeys: String, CodingKey {
            case use, energy, finalKWh = "final_kwh", primaryKWh = "primary_kwh", emissionsKg = "emissions_kg_co2eq"
        }
    }

    public var referenceAreaM2: Double
    public var zone: String
    public var altitude: AltitudeClass
    public var diagnosedOn: CivilDate
    public var lines: [UseLine]
    /// Primary energy of the five uses, kWh/m²/yr.
    public var primaryKWhPerM2: Double
    /// Emissions of the five uses, kg CO₂eq/m²/yr.
    public var emissionsKgPerM2: Double
    /// Final energy of the five uses, kWh/m²/yr (the 2023 "G+" rule: above 450 indecent).
    public var finalKWhPerM2: Double
    public var energyClass: DPEClass
    public var climateClass: DPEClass
    public var overallClass: DPEClass
    /// What the French rental rules make of the class, from the diagnosis date.
    public var rentalHorizon: [RentalStep]

    enum CodingKeys: String, CodingKey {
        case zone, altitude, lines
        case referenceAreaM2 = "reference_area_m2", diagnosedOn = "diagnosed_on"
        case primaryKWhPerM2 = "primary_kwh_per_m2", emissionsKgPerM2 = "emissions_kg_co2eq_per_m2", finalKWhPerM2 = "final_kwh_per_m2"
        case energyClass = "energy_class", climateClass = "climate_class", overallClass = "class", rentalHorizon = "rental_horizon"
    }

    /// The DPE result of the five uses' final energy (`finalKWh[use][energy]`), with the 3CL
    /// factors for the diagnosis date and the class rules.
    public static func from(finalKWh: [(use: EnergyUse, energy: Energy, kWh: Double)], referenceAreaM2: Double, zone: String,
                            altitude: AltitudeClass, diagnosedOn date: CivilDate) -> DPELabel {
        let lines = finalKWh.filter { DPELabel.fiveUses.contains($0.use) && $0.kWh != 0 }.map { item in
            UseLine(use: item.use.rawValue, energy: item.energy, finalKWh: item.kWh,
                    primaryKWh: item.kWh * PrimaryEnergy.factor(item.energy, on: date),
                    emissionsKg: item.kWh * Emissions.kgCO2PerKWh(item.energy, use: item.use))
        }
        let area = max(referenceAreaM2, 1e-9)
        let primary = lines.reduce(0) { $0 + $1.primaryKWh } / area
        let emissions = lines.reduce(0) { $0 + $1.emissionsKg } / area
        let final = lines.reduce(0) { $0 + $1.finalKWh } / area
        let energy = DPEThresholds.energyClass(primaryKWhPerM2: primary, referenceAreaM2: referenceAreaM2, altitude: altitude, zone: zone, diagnosedOn: date)
        let climate = DPEThresholds.climateClass(emissionsKgPerM2: emissions, referenceAreaM2: referenceAreaM2, altitude: altitude, zone: zone, diagnosedOn: date)
        let overall = DPEThresholds.overallClass(energy: energy, climate: climate)
        return DPELabel(referenceAreaM2: referenceAreaM2, zone: zone, altitude: altitude, diagnosedOn: date, lines: lines,
                        primaryKWhPerM2: primary, emissionsKgPerM2: emissions, finalKWhPerM2: final,
                        energyClass: energy, climateClass: climate, overallClass: overall,
                        rentalHorizon: RentalStep.france(overall, finalKWhPerM2: final))
    }

    /// The DPE's five uses.
    public static let fiveUses: Set<EnergyUse> = [.heating, .hotWater, .cooling, .lighting, .auxiliaries]
}

/// One step of the French rental rules (décret 2021-19; décret 2023-796 of 18 August 2023,
/// metropolitan France; `../shared/reference/works-gestures-labels.md` §A.3).
public struct RentalStep: Sendable, Encodable {
    public var from: CivilDate
    /// Whether the dwelling may still be let (a new lease, a renewal) from that day.
    public var mayBeLet: Bool
    public var rule: String
    public var ruleFr: String

    enum CodingKeys: String, CodingKey {
        case from, rule, mayBeLet = "may_be_let", ruleFr = "rule_fr"
    }

    /// The steps that concern a dwelling of class `overall` and `finalKWhPerM2` of final energy.
    public static func france(_ overall: DPEClass, finalKWhPerM2: Double) -> [RentalStep] {
        var steps: [RentalStep] = []
        if finalKWhPerM2 > 450 {
            steps.append(RentalStep(from: CivilDate(2023, 1, 1), mayBeLet: false,
                                    rule: "more than 450 kWh of final energy per m² a year: indecent since 1 Jan 2023 (décret 2021-19)",
                                    ruleFr: "plus de 450 kWh d'énergie finale par m² et par an : indécent depuis le 1er janvier 2023 (décret 2021-19)"))
        }
        let bans: [(DPEClass, CivilDate)] = [(.g, CivilDate(2025, 1, 1)), (.f, CivilDate(2028, 1, 1)), (.e, CivilDate(2034, 1, 1))]
        for (banned, day) in bans where overall >= banned {
            steps.append(RentalStep(from: day, mayBeLet: false,
                                    rule: "class \(banned.rawValue) and worse may not be let from \(day) (décret 2023-796): this dwelling, class \(overall.rawValue), is concerned",
                                    ruleFr: "les logements classés \(banned.rawValue) ou moins ne peuvent plus être loués à partir du \(day.frenchText) (décret 2023-796) : ce logement, classé \(overall.rawValue), est concerné"))
        }
        if overall >= .f {
            steps.append(RentalStep(from: CivilDate(2022, 8, 24), mayBeLet: true,
                                    rule: "rent may not be raised for classes F and G since 24 Aug 2022 (loi Climat et Résilience)",
                                    ruleFr: "loyer gelé pour les classes F et G depuis le 24 août 2022 (loi Climat et Résilience)"))
        }
        return steps.sorted { $0.from < $1.from }
    }
}

extension CivilDate {
    /// `1er janvier 2025`.
    var frenchText: String {
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        return "\(day == 1 ? "1er" : String(day)) \(months[max(0, min(11, month - 1))]) \(year)"
    }
}
