import ArgumentParser
import Foundation
import Foyer

struct LabelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "label",
        abstract: "The French DPE class of a dwelling, estimated with Foyer's physics under the DPE's conventions.",
        discussion: """
        Simulates the dwelling at the conventional use (19 °C in the whole dwelling, the DPE's \
        hot water per adult equivalent), takes the five uses of the DPE — heating, hot water, \
        cooling, lighting at the method's convention, auxiliaries — and applies the 3CL factors \
        (electricity 2.3 for a diagnosis before 1 January 2026, 1.9 from then; emissions by \
        energy and use) and the double threshold: an energy class from the primary energy per \
        m², a climate class from the emissions per m², the dwelling's class the worse of the two \
        (small dwellings from 1 July 2024 and altitude above 800 m have their own bounds). Then \
        the French rental steps that follow (G may not be let from 2025, F from 2028, E from 2034).
        It is an estimate: the needs come from Foyer's hourly model, not the 3CL monthly method, \
        and the report says where it departs from the official calculation.
        Examples:
          foyer label fr/sfh-1949-1974
          foyer label my-house.json --diagnosed-on 2025-06-01 --lang en
          foyer label fr/sfh-1975-1989 --model 5r1c --format json
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String
    @Option(name: .customLong("diagnosed-on"), help: ArgumentHelp("Date of the diagnosis (YYYY-MM-DD): sets the electricity factor (2.3 before 2026, 1.9 from 1 Jan 2026) and the small-dwelling bounds (from 1 Jul 2024). Default: 2026-01-01, the rules in force since then.", valueName: "date"))
    var diagnosedOn: String = "2026-01-01"
    @Option(help: "Weather: an embedded climate id (H1a … H3) or an EPW file; overrides the dwelling's.")
    var weather: String?
    @Option(help: "Thermal model: iso52016 or 5r1c.")
    var model: ThermalModel = .iso52016
    @Option(name: .customLong("tariffs-dir"), help: ArgumentHelp("A folder of extra tariff files.", valueName: "folder"))
    var tariffDirectories: [String] = []
    @Option(help: "Language of the text report: fr (default) or en.")
    var lang: ReportLanguage = .fr
    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
        guard let date = CivilDate(iso: diagnosedOn), (2021...2100).contains(date.year), date >= CivilDate(2021, 7, 1) else {
            throw ValidationError("--diagnosed-on must be a date YYYY-MM-DD from 2021-07-01 (the DPE 2021), not \(diagnosedOn)")
        }
    }

    func run() throws {
        let date = CivilDate(iso: diagnosedOn) ?? CivilDate(2026, 1, 1)
        let resolved = withWeatherOption(try loadDwellingOrExit(dwelling, use: .conventional), weather)
        let year = try loadWeatherOrExit(weather, for: resolved)
        var estimate: DPEEstimate?
        var peb: PEBEstimate?
        do throws(InputError) {
            let library = try EnergyPipeline.tariffs(extraDirectories: tariffDirectories, countries: [(resolved.location.country ?? "FR").uppercased()])
            if (resolved.location.country ?? "FR").uppercased() != "BE" {
                estimate = try DPEEstimate.compute(resolved, weather: year, model: model, library: library, diagnosedOn: date, file: dwelling)
            } else {
                let report = try DPEEstimate.conventionalReport(resolved, weather: year, model: model, library: library, file: dwelling)
                peb = PEBEstimate.estimate(resolved, report: report)
            }
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        if let peb {
            switch format {
            case .json: print(try encodeJSON(["walloon_peb_estimate": peb]))
            case .text: print(LabelText.render(peb, french: lang == .fr))
            }
            return
        }
        guard let estimate else { return }
        switch format {
        case .json: print(try encodeJSON(estimate))
        case .text: print(LabelText.render(estimate, french: lang == .fr))
        }
    }
}

/// The label as text, French by default.
enum LabelText {
    static func render(_ peb: PEBEstimate, french: Bool) -> String {
        let number = { (value: Double, decimals: Int) in SavingsText.number(value, decimals, french: french) }
        var out = french
            ? "Certificat PEB wallon estimé (méthode de Foyer) — \(number(peb.referenceAreaM2, 1)) m² chauffés\nClasse \(peb.pebClass.rawValue) (consommation spécifique \(number(peb.specificKWhPerM2, 0)) kWh d'énergie primaire/m²/an)\n\nCe n'est pas un certificat PEB :\n"
            : "Estimated Walloon PEB certificate (Foyer's method) — \(number(peb.referenceAreaM2, 1)) m² heated\nClass \(peb.pebClass.rawValue) (specific consumption \(number(peb.specificKWhPerM2, 0)) kWh primary/m²/yr)\n\nNot a PEB certificate:\n"
        for note in french ? peb.notesFr : peb.notes { out += "  - \(note)\n" }
        return out
    }

    static func render(_ estimate: DPEEstimate, french: Bool) -> String {
        let label = estimate.label
        let number = { (value: Double, decimals: Int) in SavingsText.number(value, decimals, french: french) }
        var out = ""
        if french {
            out += "DPE estimé (méthode de Foyer, conventions du DPE 2021) — zone \(label.zone), \(number(label.referenceAreaM2, 1)) m², diagnostic du \(label.diagnosedOn)\n"
            out += "Classe \(label.overallClass.rawValue)  (énergie \(label.energyClass.rawValue) : \(number(label.primaryKWhPerM2, 0)) kWh d'énergie primaire/m²/an ; climat \(label.climateClass.rawValue) : \(number(label.emissionsKgPerM2, 1)) kg CO₂eq/m²/an)\n"
            out += "Énergie finale des cinq usages : \(number(label.finalKWhPerM2, 0)) kWh/m²/an\n\nPar usage :\n"
        } else {
            out += "Estimated DPE (Foyer's method, DPE 2021 conventions) — zone \(label.zone), \(number(label.referenceAreaM2, 1)) m², diagnosis of \(label.diagnosedOn)\n"
            out += "Class \(label.overallClass.rawValue)  (energy \(label.energyClass.rawValue): \(number(label.primaryKWhPerM2, 0)) kWh primary/m²/yr; climate \(label.climateClass.rawValue): \(number(label.emissionsKgPerM2, 1)) kg CO₂eq/m²/yr)\n"
            out += "Final energy of the five uses: \(number(label.finalKWhPerM2, 0)) kWh/m²/yr\n\nBy use:\n"
        }
        let usesFr = ["heating": "chauffage", "hot_water": "eau chaude", "cooling": "refroidissement", "lighting": "éclairage", "auxiliaries": "auxiliaires"]
        for line in label.lines {
            let use = french ? usesFr[line.use] ?? line.use : line.use
            let energy = french ? line.energy.frenchName : line.energy.rawValue
            out += "  \(use) (\(energy)): \(number(line.finalKWh, 0)) kWh, \(number(line.primaryKWh, 0)) kWh \(french ? "EP" : "primary"), \(number(line.emissionsKg, 0)) kg CO₂eq\n"
        }
        if label.rentalHorizon.isEmpty {
            out += french ? "\nLocation : pas concerné par les interdictions de 2025, 2028 et 2034.\n" : "\nRenting: not concerned by the 2025, 2028 and 2034 bans.\n"
        } else {
            out += french ? "\nLocation :\n" : "\nRenting:\n"
            for step in label.rentalHorizon { out += "  \(french ? step.ruleFr : step.rule)\n" }
        }
        out += french ? "\nCe n'est pas un DPE officiel :\n" : "\nNot an official DPE:\n"
        for note in french ? estimate.notesFr : estimate.notes { out += "  - \(note)\n" }
        return out
    }
}
