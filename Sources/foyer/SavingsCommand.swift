import ArgumentParser
import Foundation
import Foyer

extension IncomeBand: ExpressibleByArgument {}

extension ReportLanguage: ExpressibleByArgument {}

struct SavingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "savings",
        abstract: "What each eco-gesture and work saves, alone and cumulated: kWh, €, primary energy, CO₂, comfort, cost, aids, payback.",
        discussion: """
        Simulates the dwelling as it is, then with each applicable measure of the catalogue \
        (Buildings/measures, or --measures-dir) alone, then with the measures cumulated in the \
        recommended order — gestures first by euros saved, then works by savings-to-investment \
        ratio — each "after the ones above", as the US Weatherization audit (NEAT) and the UK EPC \
        recommendations do. Every variant runs on the same prepared weather year (sun positions \
        and irradiance computed once). The euros are the bills at the household's contracts \
        (or, for an energy without one, at the cheapest offer, said). Savings are relative to \
        the household's use when the file has one, else the conventional use — the output says \
        which (--use chooses).
        Each measure shows its cost (low/typical/high, € incl. VAT, sourced), the aids by scheme \
        (MaPrimeRénov' by --income-band, CEE by French climate zone), the net cost, the simple \
        payback and the savings-to-investment ratio over its lifetime (4 % discounting, the CEE \
        convention), and the published saving it can be compared with (ADEME, CEE fiches).
        Examples:
          foyer savings fr/sfh-1949-1974
          foyer savings my-house.json --income-band low --lang fr
          foyer savings my-house.json --measures attic-insulation-r7,setpoint-minus-1c --format json
          foyer savings my-house.json --package attic-insulation-r7,window-replacement-uw13 --package wall-insulation-external-r37
          foyer savings --list
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String?
    @Option(help: ArgumentHelp("Only these measures (comma-separated ids; see --list).", valueName: "ids"))
    var measures: String?
    @Option(name: .customLong("package"), help: ArgumentHelp("A package of measures to simulate as a whole (comma-separated ids, applied in that order); repeat for several.", valueName: "ids"))
    var packages: [String] = []
    @Flag(help: "List the measures of the catalogue and exit.")
    var list = false
    @OptionGroup var shared: MeasureRunOptions

    func validate() throws {
        if !list, dwelling == nil { throw ValidationError("give a dwelling file or archetype id (or --list)") }
    }

    func run() throws {
        let catalogue = MeasureLibrary.load(extraDirectories: shared.measureDirectories)
        for issue in catalogue.issues { printError(issue.description) }
        if catalogue.issues.hasErrors { throw ExitCode.inputErrors }
        if list {
            for measure in catalogue.measures {
                let name = shared.lang == .fr ? measure.nameFr : measure.nameEn
                print("\(measure.id.padding(toLength: 30, withPad: " ", startingAt: 0)) \(measure.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(name)")
            }
            return
        }
        let chosen = try Self.choose(measures, from: catalogue)
        let packageMeasures = try packages.map { try Self.choose($0, from: catalogue) }
        guard let dwelling else { return }
        let resolved = withWeatherOption(try loadDwellingOrExit(dwelling, use: shared.use), shared.weather)
        // A household's use: the savings are also given at the conventional use.
        let conventional = resolved.useScenario == .household ? Inputs.loadDwelling(dwelling, use: .conventional).dwelling.map { withWeatherOption($0, shared.weather) } : nil
        let (prepared, library) = try loadWeatherOrExit(shared.weather, for: resolved,
                                                        alongside: countryTariffs(resolved, directories: shared.tariffDirectories))
        let report: SavingsReport
        do throws(InputError) {
            report = try SavingsEngine.run(resolved, measures: chosen, weather: prepared, weatherName: prepared.weather.source,
                                           library: library, options: shared.savingsOptions, conventional: conventional, packages: packageMeasures)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        switch shared.format {
        case .json: print(try encodeJSON(report))
        case .text: print(SavingsText.render(report, french: shared.lang == .fr))
        }
    }
}

/// The options `foyer savings` and `foyer works` share: weather, model, use, aids, prices,
/// extra folders, language and format.
struct MeasureRunOptions: ParsableArguments {
    @Option(help: "Weather: an embedded climate id (H1a … H3, BE-Uccle) or an EPW file; overrides the dwelling's.")
    var weather: String?
    @Option(help: "Thermal model: iso52016 or 5r1c.")
    var model: ThermalModel = .iso52016
    @Option(help: ArgumentHelp("Use of the dwelling: conventional, household or auto (household when the file has one).", valueName: "auto|conventional|household"))
    var use: UseChoice = .automatic
    @Option(name: .customLong("income-band"), help: ArgumentHelp("The MaPrimeRénov' income category of whoever pays (very_low = très modeste, low = modeste, intermediate, high = supérieur); without it the income-based aids are not counted.", valueName: "band"))
    var incomeBand: IncomeBand?
    @Option(help: ArgumentHelp("Price at the tariffs in force on this day (YYYY-MM-DD).", valueName: "date"))
    var pricesOn: String?
    @Option(name: .customLong("tariffs-dir"), help: ArgumentHelp("A folder of extra tariff files.", valueName: "folder"))
    var tariffDirectories: [String] = []
    @Option(name: .customLong("measures-dir"), help: ArgumentHelp("A folder of extra measure files (format foyer-measure-1, Docs/Measures.md).", valueName: "folder"))
    var measureDirectories: [String] = []
    @Option(help: "Language of the text report: fr (default) or en.")
    var lang: ReportLanguage = .fr
    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
        try TariffOptions.checkPricesOn(pricesOn)
        if model == .monthly { throw ValidationError("--model must be iso52016 or 5r1c: measures need hourly comfort and bills") }
    }

    var savingsOptions: SavingsOptions {
        SavingsOptions(model: model, pricesOn: pricesOn.flatMap(CivilDate.init(iso:)), incomeBand: incomeBand)
    }
}

extension SavingsCommand {
    /// The measures `ids` names (comma-separated), or the whole catalogue; an unknown id ends the
    /// command with the known ones and the nearest.
    static func choose(_ ids: String?, from catalogue: MeasureLibrary) throws -> [Measure] {
        guard let ids else { return catalogue.measures }
        var chosen: [Measure] = []
        for id in ids.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
            guard let measure = catalogue.measure(id) else {
                printError(catalogue.unknown(id, path: "--measures").description)
                throw ExitCode.inputErrors
            }
            chosen.append(measure)
        }
        return chosen
    }
}

/// The savings table as text, French by default (decimal commas, thin-space thousands).
enum SavingsText {
    /// `value` with `decimals`, in French with a decimal comma and thin-space thousands.
    static func number(_ value: Double, _ decimals: Int, french: Bool) -> String {
        let text = NumberText.fixed(value, decimals)
        guard french else { return text }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var whole = parts.first ?? text, sign = ""
        if whole.hasPrefix("-") { sign = "−"; whole.removeFirst() }
        var grouped = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append("\u{202F}") }
            grouped.append(character)
        }
        return sign + String(grouped.reversed()) + (parts.count > 1 ? "," + parts[1] : "")
    }

    static func render(_ report: SavingsReport, french: Bool) -> String {
        func number(_ value: Double, _ decimals: Int = 0) -> String { Self.number(value, decimals, french: french) }
        func euros(_ value: Double?) -> String { value.map { number($0) + " €" } ?? "—" }
        func kWh(_ value: Double) -> String { number(value) + " kWh" }
        let perYear = french ? "/an" : "/yr"
        var out = ""
        let base = report.baseline
        if french {
            out += "Usage : \(report.use.scenario == .household ? "celui du ménage" : "conventionnel (tout le logement chauffé, conventions du DPE ou de la PEB)") — chauffage \(number(report.use.heatingSetpointC)) °C\n"
            out += "Aujourd'hui : \(kWh(base.kWhByEnergy.sumInKeyOrder)) achetés par an (dont chauffage \(kWh(base.heatingKWh))), facture \(euros(base.billEUR))\(perYear), \(number(base.co2Kg)) kg CO₂, \(base.hoursBelow16C) h de présence sous 16 °C\n\n"
            out += "Mesures dans l'ordre conseillé (« après » = après celles du dessus) :\n"
        } else {
            out += "Use: \(report.use.scenario.rawValue) — heating \(number(report.use.heatingSetpointC)) °C\n"
            out += "Now: \(kWh(base.kWhByEnergy.sumInKeyOrder)) bought a year (heating \(kWh(base.heatingKWh))), bill \(euros(base.billEUR))\(perYear), \(number(base.co2Kg)) kg CO₂, \(base.hoursBelow16C) occupied hours below 16 °C\n\n"
            out += "Measures in the recommended order (\"after\" = after the ones above):\n"
        }
        for line in report.measures where line.notApplicable == nil {
            out += "\n• \(french ? line.nameFr : line.nameEn)  [\(line.id)]\n"
            if let summary = french ? line.summaryFr : line.summary { out += "    \(summary)\n" }
            if let alone = line.alone {
                out += (french ? "    seule : " : "    alone: ") + "\(kWh(alone.kWh)), \(euros(alone.eur))\(perYear), \(number(alone.co2Kg)) kg CO₂"
                    + (french ? ", heures sous 16 °C \(signed(alone.hoursBelow16C))\n" : ", hours below 16 °C \(signed(alone.hoursBelow16C))\n")
            }
            if let conventional = line.aloneAtConventionalUse, let alone = line.alone {
                out += (french ? "    à l'usage conventionnel (tout le logement chauffé) : " : "    at the conventional use (whole dwelling heated): ")
                    + "\(kWh(conventional.kWh)), \(euros(conventional.eur))\(perYear)"
                // Said only where it holds: the household saves clearly less than the convention.
                if alone.kWh < 0.9 * conventional.kWh {
                    out += french ? " — le chiffre d'un calcul conventionnel : ce ménage chauffe moins, il économise moins et gagne surtout en confort"
                                  : " — a conventional calculation's figure: this household heats less, so it saves less and gains mostly warmth"
                }
                out += "\n"
            }
            if let colder = line.colderHours {
                out += french ? "    attention : \(colder) heures de présence de plus sous 16 °C — à ne pas conseiller à un ménage qui a déjà froid\n"
                              : "    caution: \(colder) more occupied hours below 16 °C — not to be advised to a household that is already cold\n"
            }
            if let cumulative = line.cumulative {
                out += (french ? "    après : " : "    after: ") + "\(kWh(cumulative.kWh)), \(euros(cumulative.eur))\(perYear)\n"
            } else if line.alone != nil {
                out += french ? "    après : sans objet (une mesure du dessus a déjà fait ce changement)\n" : "    after: not applicable (a measure above already made this change)\n"
            }
            if let cost = line.costTypicalEUR, cost > 0 {
                out += (french ? "    coût : " : "    cost: ") + "\(euros(line.costLowEUR)) – \(euros(line.costHighEUR)) (\(french ? "typique" : "typical") \(euros(cost)))"
                let aids = line.aids.map { aid in "\(aid.scheme) \(aid.eur.map { euros($0) } ?? (french ? Self.frenchAidNote(aid.note) : (aid.note ?? "—")))" }
                if !aids.isEmpty { out += (french ? " ; aides : " : "; aids: ") + aids.joined(separator: ", ") }
                out += (french ? " ; reste à payer " : "; net ") + euros(line.netCostEUR) + "\n"
                if let payback = line.simplePaybackYears {
                    out += (french ? "    remboursée en " : "    simple payback: ") + number(payback, 1) + (french ? " ans" : " years")
                    if let sir = line.savingsToInvestmentRatio {
                        out += (french ? " ; gains sur \(number(line.lifetimeYears)) ans ÷ reste à payer : " : "; savings-to-investment ratio over \(number(line.lifetimeYears)) years: ") + number(sir, 1)
                    }
                    out += "\n"
                }
            }
            for note in (french ? line.pricingNotesFr : line.pricingNotes) ?? [] { out += (french ? "    prix : " : "    pricing: ") + note + "\n" }
            if let reference = line.referenceKWhPerYear, let source = line.referenceSource {
                out += (french ? "    chiffre publié : " : "    published figure: ") + "\(kWh(reference))\(perYear) (\(source))\n"
            }
        }
        let advice = report.measures.filter(\.isAdvice)
        if !advice.isEmpty {
            out += french ? "\nConseils dont l'effet n'est pas chiffré :\n" : "\nAdvice whose effect is not quantified:\n"
            for line in advice {
                out += "  \(french ? line.nameFr : line.nameEn): \(french ? line.adviceFr ?? "" : String((line.notApplicable ?? "").dropFirst("advice, not quantified: ".count)))\n"
            }
        }
        let skipped = report.measures.filter { $0.notApplicable != nil && !$0.isAdvice }
        if !skipped.isEmpty {
            out += french ? "\nSans objet ici :\n" : "\nNot applicable here:\n"
            for line in skipped { out += "  \(line.id): \(line.notApplicable ?? "")\n" }
        }
        if let package = report.package {
            out += french ? "\nToutes ensemble : " : "\nAll together: "
            out += "\(kWh(package.kWhByEnergy.sumInKeyOrder)), \(euros(package.billEUR))\(perYear), \(package.hoursBelow16C) h \(french ? "sous" : "below") 16 °C\n"
        }
        for package in report.packages {
            out += (french ? "\nBouquet " : "\nPackage ") + package.measures.joined(separator: " + ")
            if !package.skipped.isEmpty { out += (french ? " (sans objet : " : " (not applicable: ") + package.skipped.joined(separator: ", ") + ")" }
            out += (french ? " : économie " : ": saves ") + "\(kWh(package.saving.kWh)), \(euros(package.saving.eur))\(perYear)"
            out += (french ? " ; coût \(euros(package.costTypicalEUR)), reste à payer \(euros(package.netCostEUR))" : "; cost \(euros(package.costTypicalEUR)), net \(euros(package.netCostEUR))")
            if let payback = package.simplePaybackYears { out += (french ? ", remboursé en \(number(payback, 1)) ans" : ", payback \(number(payback, 1)) years") }
            out += "\n"
        }
        for note in report.notes { out += "note: \(note)\n" }
        return out
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// The French words for why an aid has no amount.
    static func frenchAidNote(_ note: String?) -> String {
        guard let note else { return "—" }
        if note.hasPrefix("depends on the income band") { return "selon les revenus (--income-band)" }
        if note.contains("not published") { return "montants pas encore publiés, non comptés" }
        if note.contains("climate zone") { return "pas de zone climatique CEE pour ce logement" }
        return "non chiffrée"
    }
}
