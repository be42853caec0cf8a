import FoyerAnalysis
import FoyerCore
import FoyerEnergy
import FoyerModel

/// A Walloon PEB class (certificate of an existing dwelling).
public enum PEBClass: String, Sendable, Codable, CaseIterable {
    case aPlusPlus = "A++", aPlus = "A+", a = "A", b = "B", c = "C", d = "D", e = "E", f = "F", g = "G"

    /// The class of a specific consumption, kWh of primary energy per m² a year: A++ ≤ 0, A+ ≤ 45,
    /// A ≤ 85, B ≤ 170, C ≤ 255, D ≤ 340, E ≤ 425, F ≤ 510, G above (bounds inclusive;
    /// `../shared/reference/works-gestures-labels.md` §A.4, from arthurwhite/epb and peb.immo).
    public init(specificKWhPerM2 value: Double) {
        let bounds: [(Double, PEBClass)] = [(0, .aPlusPlus), (45, .aPlus), (85, .a), (170, .b), (255, .c), (340, .d), (425, .e), (510, .f)]
        self = bounds.first { value <= $0.0 }?.1 ?? .g
    }
}

/// The Walloon PEB class estimated with Foyer's physics — a rough estimate, said so: the
/// certificate's software (PACE) and its conventions (climate, set-points, hot water) are not
/// in Foyer's references.
public struct PEBEstimate: Sendable, Encodable {
    public var referenceAreaM2: Double
    /// Primary energy of heating, hot water, auxiliaries and cooling, kWh/yr.
    public var primaryKWh: Double
    /// The certificate's "consommation spécifique", kWh/m²/yr.
    public var specificKWhPerM2: Double
    public var pebClass: PEBClass
    public var notes: [String]
    public var notesFr: [String]

    enum CodingKeys: String, CodingKey {
        case notes, notesFr = "notes_fr", referenceAreaM2 = "reference_area_m2", primaryKWh = "primary_kwh"
        case specificKWhPerM2 = "specific_kwh_per_m2", pebClass = "class"
    }

    /// Walloon PEB primary-energy factor on the gross calorific value: electricity 2.5, every
    /// other energy (fossil fuels, biomass, district heat) 1 — energieplus-lesite.be (id 16927,
    /// UCLouvain for the Walloon Region, undated, "conformément à la réglementation PEB"; secondary,
    /// `Docs/Research/dpe-import.md` §5).
    public static func primaryFactor(_ energy: Energy) -> Double { energy == .electricity ? 2.5 : 1 }

    /// The estimate from `report`, the dwelling's energy analysis at the conventional use: final
    /// energy of heating, hot water, auxiliaries and cooling (not lighting or appliances), on the
    /// gross calorific value (the PEB counts fuels on it), × the factor, per m² of the heated floor.
    public static func estimate(_ dwelling: ResolvedDwelling, report: EnergyReport) -> PEBEstimate {
        var primary = 0.0
        for delivered in report.delivered {
            let final = [EnergyUse.heating, .hotWater, .auxiliaries, .cooling].reduce(0.0) { $0 + (delivered.byUseKWh[$1.rawValue] ?? 0) }
            primary += final * delivered.energy.grossOverNetCalorificValue * primaryFactor(delivered.energy)
        }
        let area = max(dwelling.floorAreaM2, 1e-9)
        let specific = primary / area
        return PEBEstimate(referenceAreaM2: dwelling.floorAreaM2, primaryKWh: primary, specificKWhPerM2: specific, pebClass: PEBClass(specificKWhPerM2: specific),
                           notes: ["a rough estimate: the certificate's software (PACE) and its conventions are not in Foyer's references; Foyer's conventional use (18 °C, the whole dwelling) stands for them",
                                   "primary factors electricity 2.5, others 1, on the gross calorific value, from a secondary source (energieplus-lesite.be); whether 2.5 still applies is not sourced",
                                   "no rental rule by label is in force in Wallonia as of Foyer's references (a minimum-label calendar is a plan)"],
                           notesFr: ["estimation grossière : le logiciel du certificat (PACE) et ses conventions ne sont pas dans les références de Foyer ; l'usage conventionnel de Foyer (18 °C dans tout le logement) en tient lieu",
                                     "facteurs d'énergie primaire : électricité 2,5, autres 1, sur le pouvoir calorifique supérieur, d'une source secondaire (energieplus-lesite.be) ; on ne sait pas si 2,5 s'applique toujours",
                                     "aucune règle de location liée au label n'est en vigueur en Wallonie selon les références de Foyer (un calendrier d'exigences minimales est en projet)"])
    }
}
