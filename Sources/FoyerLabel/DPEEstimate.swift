import FoyerAnalysis
import FoyerCore
import FoyerEnergy
import FoyerModel

/// A DPE estimated with Foyer's physics: the label and what differs from the official method.
public struct DPEEstimate: Sendable, Encodable {
    public var label: DPELabel
    /// The thermal model the needs come from.
    public var model: String
    /// How this estimate departs from the official 3CL calculation, in English and French.
    public var notes: [String]
    public var notesFr: [String]

    enum CodingKeys: String, CodingKey {
        case label, model, notes, notesFr = "notes_fr"
    }

    /// The DPE of `dwelling` from `report`, its energy analysis at the conventional use.
    ///
    /// The five uses' final energy is Foyer's (heating, hot water, cooling and the ventilation
    /// fans as auxiliaries, by energy); lighting is the method's convention
    /// (``DPEFactors/lightingKWhPerM2(zone:)``), not the household's lamps; cooking, appliances
    /// and standby are left out, as the DPE leaves them out. The reference area is the
    /// dwelling's floor area.
    /// - Throws: when the dwelling has no French climate zone (the DPE's classes are French).
    public static func estimate(_ dwelling: ResolvedDwelling, report: EnergyReport, model: String, diagnosedOn date: CivilDate) throws(InputError) -> DPEEstimate {
        guard case let .referenceClimate(zone) = dwelling.location.weather, DPEFactors.lightingHours(zone: zone) != nil else {
            throw InputError(InputIssue(.error, path: "location.climate_zone", value: nil,
                                        message: "the DPE is computed for a French climate zone; this dwelling has none",
                                        expected: "climate_zone H1a, H1b, H1c, H2a, H2b, H2c, H2d or H3"))
        }
        var uses: [(use: EnergyUse, energy: Energy, kWh: Double)] = []
        for delivered in report.delivered {
            for use in [EnergyUse.heating, .hotWater, .cooling, .auxiliaries] {
                if let kWh = delivered.byUseKWh[use.rawValue], kWh != 0 { uses.append((use, delivered.energy, kWh)) }
            }
        }
        let area = dwelling.floorAreaM2
        uses.append((.lighting, .electricity, (DPEFactors.lightingKWhPerM2(zone: zone) ?? 0) * area))
        let label = DPELabel.from(finalKWh: uses, referenceAreaM2: area, zone: zone, altitude: AltitudeClass(altitudeM: dwelling.location.altitudeM), diagnosedOn: date)
        var notes = [
            "needs from Foyer's hourly \(model) simulation at the conventional use (19 °C, the whole dwelling), on the zone's reference year — not the 3CL monthly method with its degree-hours and intermittence factor",
            "lighting at the method's convention (0.9 × 1.4 W/m² × \(Int(DPEFactors.lightingHours(zone: zone) ?? 0)) h); cooking, appliances and standby left out, as in the DPE",
            "auxiliaries: the ventilation fans only (3CL also counts the heating and hot-water circulators and the generators' auxiliaries)",
        ]
        var notesFr = [
            "besoins issus de la simulation horaire \(model) de Foyer à l'usage conventionnel (19 °C dans tout le logement), sur l'année type de la zone — pas la méthode mensuelle 3CL avec ses degrés-heures et son facteur d'intermittence",
            "éclairage selon la convention de la méthode (0,9 × 1,4 W/m² × \(Int(DPEFactors.lightingHours(zone: zone) ?? 0)) h) ; cuisson, électroménager et veilles exclus, comme dans le DPE",
            "auxiliaires : la ventilation seulement (la méthode 3CL compte aussi les circulateurs et les auxiliaires des générateurs)",
        ]
        if dwelling.useScenario != .conventional {
            notes.insert("computed at the household's use, not the conventional one: not a DPE", at: 0)
            notesFr.insert("calculé à l'usage du ménage, pas à l'usage conventionnel : ce n'est pas un DPE", at: 0)
        }
        return DPEEstimate(label: label, model: model, notes: notes, notesFr: notesFr)
    }
}
