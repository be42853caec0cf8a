import FoyerCore
import FoyerModel

/// A health-and-safety item of the landlord's list: listed first and not ranked by its savings,
/// as the US Weatherization audit (NEAT) keeps such items out of the cost-effectiveness test
/// (10 CFR 440.21(c); `Docs/Research/health-safety.md` §4).
public struct HealthSafetyItem: Sendable, Encodable, Equatable {
    /// `mould_risk`, `ventilation_check`.
    public var kind: String
    public var messageFr: String
    public var messageEn: String
    /// The elements concerned (ids).
    public var elements: [String]
    public var source: String

    enum CodingKeys: String, CodingKey {
        case kind, elements, source
        case messageFr = "message_fr", messageEn = "message_en"
    }
}

public enum HealthSafety {
    /// Internal surface resistance of the mould check, m²·K/W (DIN 4108-2; CTE DB-HE G.2.1.1).
    public static let mouldCheckRsiM2KPerW = 0.25
    /// The lowest temperature factor of an element's plain surface without mould risk (DIN 4108-2
    /// minimum thermal protection; the Belgian CSTC convention τ ≥ 0.70): fRsi = 1 − 0.25·U below
    /// 0.70 means U above 1.2 W/(m²·K).
    public static let minimumTemperatureFactor = 0.70

    /// The items to treat before the energy works.
    public static func check(_ dwelling: ResolvedDwelling) -> [HealthSafetyItem] {
        var items: [HealthSafetyItem] = []
        var cold: [(String, Double)] = []
        for element in dwelling.opaqueElements where element.kind != .door && element.netAreaM2 > 0 {
            // The surface temperature falls by Rsi·U of the difference across the element: to the
            // outdoor air, or to an unheated space b of the way to it (EN ISO 13789 b factor). A floor
            // on the ground has the ground's resistance below it (EN ISO 13370): left out here.
            let b: Double
            switch element.boundary {
            case .outdoor: b = 1
            case let .unheatedSpace(factor): b = factor
            case .ground, .adiabatic: continue
            }
            let factor = 1 - mouldCheckRsiM2KPerW * element.uValueWPerM2K * b
            if factor < minimumTemperatureFactor { cold.append((element.id, factor)) }
        }
        if !cold.isEmpty {
            let worst = cold.map(\.1).min() ?? 0
            let list = cold.map(\.0).joined(separator: ", ")
            items.append(HealthSafetyItem(
                kind: "mould_risk",
                messageFr: "Risque de moisissures en surface : \(cold.count) paroi\(cold.count > 1 ? "s" : "") (\(list)) \(cold.count > 1 ? "ont" : "a") un facteur de température fRsi = 1 − 0,25·U·b de \(NumberText.fixed(worst, 2).replacingOccurrences(of: ".", with: ",")) au pire, sous 0,70 (murs et plafonds froids : U au-dessus de 1,2 W/(m²·K)). Les isoler (voir la liste), avec une ventilation suffisante, est une question de santé et pas seulement d'économies.",
                messageEn: "Surface mould risk: \(cold.count) element\(cold.count > 1 ? "s" : "") (\(list)) \(cold.count > 1 ? "have" : "has") a temperature factor fRsi = 1 − 0.25·U·b of \(NumberText.fixed(worst, 2)) at worst, below 0.70 (cold walls and ceilings: U above 1.2 W/(m²·K)). Insulating them (see the list), with enough ventilation, is a matter of health, not only of savings.",
                elements: cold.map(\.0),
                source: "EN ISO 13788 temperature factor; Rsi 0.25 m²·K/W and fRsi ≥ 0.70 from DIN 4108-2 (also the Belgian CSTC convention); b the element's adjustment factor toward an unheated space (1 outdoors); plane surfaces only — thermal bridges need a 2-D calculation, floors on the ground are left out (Docs/Research/health-safety.md §1)"))
        }
        if dwelling.ventilation.type == .natural {
            items.append(HealthSafetyItem(
                kind: "ventilation_check",
                messageFr: "Ventilation naturelle : vérifier les entrées d'air des pièces de vie et l'extraction de la cuisine et des pièces d'eau (arrêté du 24 mars 1982) avant tout travail qui rend le logement plus étanche (fenêtres, joints) ; un logement mal ventilé garde l'humidité.",
                messageEn: "Natural ventilation: check the air inlets of the living rooms and the extract from the kitchen and wet rooms (French order of 24 March 1982) before any work that makes the dwelling tighter (windows, seals); a poorly ventilated home keeps its moisture.",
                elements: [],
                source: "arrêté du 24 mars 1982 (extract airflows by number of rooms); US EPA and DOE WPN 11-6: do not tighten a dwelling whose moisture or combustion safety is not checked (Docs/Research/health-safety.md §2)"))
        }
        return items
    }
}
