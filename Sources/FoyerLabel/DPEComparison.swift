import FoyerAnalysis
import FoyerClimate
import FoyerCore
import FoyerDPEImport
import FoyerEnergy
import FoyerModel
import FoyerTariffs
import FoyerThermal
import Foundation

/// An imported DPE's official figures beside Foyer's estimate of the same dwelling: what
/// `foyer import-dpe --compare` prints and what the regression on real DPEs measures.
public struct DPEComparison: Sendable, Encodable {
    public var number: String
    public var method: Int
    public var official: OfficialDPE
    public var estimate: DPEEstimate
    /// (Foyer − official) / official primary energy per m², %.
    public var primaryDifferencePercent: Double?
    /// Classes between the two (0 same class; +1 Foyer one class worse).
    public var classDifference: Int?

    enum CodingKeys: String, CodingKey {
        case number, method, official, estimate
        case primaryDifferencePercent = "primary_difference_percent"
        case classDifference = "class_difference"
    }

    /// Loads the imported dwelling from its file bytes (exactly what `import-dpe` writes, so the
    /// comparison sees what `simulate`, `savings` and `works` will), simulates it on its zone's
    /// reference year at the conventional use and labels it at the DPE's own date.
    public static func run(_ imported: DPEImport, dwellingData: Data, model: ThermalModel = .iso52016, file: String? = nil,
                           library: TariffLibrary? = nil) throws(InputError) -> DPEComparison {
        let loaded = DwellingLoader.load(data: dwellingData, file: file, library: nil, climateZones: Inputs.climateZones, use: .conventional)
        guard let dwelling = loaded.dwelling, !loaded.issues.hasErrors else {
            throw InputError(loaded.issues.errors.isEmpty
                ? [InputIssue(.error, file: file, path: "", message: "the imported dwelling did not resolve")] : loaded.issues.errors)
        }
        let weather = try Inputs.weather(for: dwelling.location).year
        let tariffs: TariffLibrary
        if let library { tariffs = library } else { tariffs = try EnergyPipeline.tariffs() }
        let date = max(imported.official.diagnosedOn ?? CivilDate(2026, 1, 1), CivilDate(2021, 7, 1))
        let estimate = try DPEEstimate.compute(dwelling, weather: weather, model: model, library: tariffs, diagnosedOn: date, file: file)
        var comparison = DPEComparison(number: imported.official.number, method: imported.official.method, official: imported.official, estimate: estimate)
        if let official = imported.official.primaryKWhPerM2, official > 0 {
            comparison.primaryDifferencePercent = (estimate.label.primaryKWhPerM2 - official) / official * 100
        }
        if let letter = imported.official.energyClass, let official = DPEClass(rawValue: letter),
           let mine = DPEClass.allCases.firstIndex(of: estimate.label.overallClass), let theirs = DPEClass.allCases.firstIndex(of: official) {
            comparison.classDifference = mine - theirs
        }
        return comparison
    }

    /// The comparison as a few lines of text, French or English.
    public func text(french: Bool) -> String {
        let label = estimate.label
        func fixed(_ value: Double?, _ decimals: Int) -> String {
            guard let value else { return "–" }
            let text = String(format: "%.\(decimals)f", value)
            return french ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        let delta = primaryDifferencePercent.map { ($0 >= 0 ? "+" : "") + fixed($0, 1) + " %" } ?? "–"
        if french {
            return """
            Comparaison avec le DPE officiel (diagnostic du \(label.diagnosedOn)) :
              énergie primaire : officiel \(fixed(official.primaryKWhPerM2, 0)) kWh/m²/an, Foyer \(fixed(label.primaryKWhPerM2, 0)) (\(delta))
              émissions : officiel \(fixed(official.emissionsKgPerM2, 1)) kg CO₂eq/m²/an, Foyer \(fixed(label.emissionsKgPerM2, 1))
              classe : officielle \(official.energyClass ?? "–"), Foyer \(label.overallClass.rawValue)
              besoin de chauffage : officiel \(fixed(official.heatingNeedKWh, 0)) kWh ; consommation de chauffage : officielle \(fixed(official.heatingFinalKWh, 0)) kWh, Foyer \(fixed(label.lines.filter { $0.use == "heating" }.reduce(0) { $0 + $1.finalKWh }, 0)) kWh

            """
        }
        return """
        Compared with the official DPE (diagnosis of \(label.diagnosedOn)):
          primary energy: official \(fixed(official.primaryKWhPerM2, 0)) kWh/m²/yr, Foyer \(fixed(label.primaryKWhPerM2, 0)) (\(delta))
          emissions: official \(fixed(official.emissionsKgPerM2, 1)) kg CO₂eq/m²/yr, Foyer \(fixed(label.emissionsKgPerM2, 1))
          class: official \(official.energyClass ?? "–"), Foyer \(label.overallClass.rawValue)
          heating need: official \(fixed(official.heatingNeedKWh, 0)) kWh; heating consumption: official \(fixed(official.heatingFinalKWh, 0)) kWh, Foyer \(fixed(label.lines.filter { $0.use == "heating" }.reduce(0) { $0 + $1.finalKWh }, 0)) kWh

        """
    }
}
