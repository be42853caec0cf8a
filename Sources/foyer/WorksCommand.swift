import ArgumentParser
import Foundation
import Foyer

struct WorksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "works",
        abstract: "The landlord's list: priority works ranked with their interactions, the best package for a budget, the cheapest for a target.",
        discussion: """
        Ranks the works of the catalogue (Buildings/measures; gestures are left to `foyer \
        savings`) that apply to the dwelling by a sequential search: at each step, every \
        remaining work is simulated on the dwelling with the works already chosen, and the one \
        with the best savings-to-investment ratio (4 % discounting over its lifetime, net of \
        aids) comes next — so each line's saving is "after the ones above". Works made \
        pointless by one above (external after internal wall insulation) leave the list.
        --budget: the best package whose net cost fits, found two ways and compared — greedy \
        down the ranked list, and exact over every combination of the 7 best-ranked works \
        (each combination simulated as a whole). Works that do not repay themselves over their \
        lifetime (savings-to-investment ratio below 1) are listed apart, not in the packages.
        --target: the cheapest package (net cost) that reaches a DPE class (a letter, A … G: \
        the class estimated under the DPE 2021 conventions, as `foyer label` does, French \
        dwellings) or a primary energy per m² (a number, kWh/(m²·yr) at Foyer's conventions, \
        every use). Each ranked work shows the DPE class after it; the French rental ban by \
        class is recalled (G from 2025, F from 2028, E from 2034).
        Examples:
          foyer works fr/sfh-1949-1974
          foyer works fr/sfh-1949-1974 --budget 8000 --income-band low
          foyer works fr/sfh-1949-1974 --target E --income-band very_low
          foyer works my-house.json --target 250 --format json
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String
    @Option(help: ArgumentHelp("The owner's budget, € net of aids.", valueName: "€"))
    var budget: Double?
    @Option(help: ArgumentHelp("What to reach: a DPE class (A … G) or a primary energy, kWh per m² of floor a year (every use, Foyer's conventions).", valueName: "class|kWh/m²"))
    var target: String?
    @Option(help: ArgumentHelp("Only these measures (comma-separated ids; see foyer savings --list).", valueName: "ids"))
    var measures: String?
    @OptionGroup var shared: MeasureRunOptions

    func validate() throws {
        if let budget, !(budget.isFinite && budget >= 0 && budget <= 10_000_000) { throw ValidationError("--budget must be 0 … 10 000 000 €, not \(budget)") }
        if let target, DPEClass(rawValue: target.uppercased()) == nil {
            guard let value = Double(target), value.isFinite, value > 0, value <= 2_000 else {
                throw ValidationError("--target must be a DPE class (A … G) or a primary energy of 1 … 2 000 kWh/(m²·yr), not \(target)")
            }
        }
    }

    func run() throws {
        let catalogue = MeasureLibrary.load(extraDirectories: shared.measureDirectories)
        for issue in catalogue.issues { printError(issue.description) }
        if catalogue.issues.hasErrors { throw ExitCode.inputErrors }
        let chosen = try SavingsCommand.choose(measures, from: catalogue)
        let resolved = withWeatherOption(try loadDwellingOrExit(dwelling, use: shared.use), shared.weather)
        let (prepared, library) = try loadWeatherOrExit(shared.weather, for: resolved,
                                                        alongside: countryTariffs(resolved, directories: shared.tariffDirectories))
        let report: WorksReport
        do throws(InputError) {
            report = try WorksPlanner.plan(resolved, measures: chosen, weather: prepared, library: library, savings: shared.savingsOptions,
                                           options: WorksOptions(budgetEUR: budget, targetPrimaryEnergyKWhPerM2: target.flatMap { Double($0) },
                                                                 targetDPEClass: target.flatMap { DPEClass(rawValue: $0.uppercased()) }))
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        switch shared.format {
        case .json: print(try encodeJSON(report))
        case .text: print(WorksText.render(report, french: shared.lang == .fr))
        }
    }
}

/// The landlord's list as text, French by default.
enum WorksText {
    static func render(_ report: WorksReport, french: Bool) -> String {
        let number = { (value: Double, decimals: Int) in SavingsText.number(value, decimals, french: french) }
        func euros(_ value: Double?) -> String { value.map { number($0, 0) + " €" } ?? "—" }
        let perYear = french ? "/an" : "/yr"
        var out = ""
        let base = report.baseline
        out += french
            ? "Usage : \(report.use.scenario == .household ? "celui du ménage" : "conventionnel (tout le logement chauffé, conventions du DPE ou de la PEB)")\nAujourd'hui : facture \(euros(base.billEUR))\(perYear), énergie primaire \(number(report.baselinePrimaryEnergyKWhPerM2, 0)) kWh/m²/an (tous usages)\(report.baselineDPEClass.map { ", classe DPE estimée \($0.rawValue)" } ?? "")\n\nTravaux prioritaires, dans l'ordre (chaque ligne après celles du dessus) :\n"
            : "Use: \(report.use.scenario.rawValue)\nNow: bill \(euros(base.billEUR))\(perYear), primary energy \(number(report.baselinePrimaryEnergyKWhPerM2, 0)) kWh/m²/yr (every use)\(report.baselineDPEClass.map { ", estimated DPE class \($0.rawValue)" } ?? "")\n\nPriority works in order (each line after the ones above):\n"
        if !report.healthAndSafety.isEmpty {
            out = out.replacingOccurrences(of: "\n\nTravaux prioritaires", with: "\n\nD'abord, santé et sécurité (hors classement) :\n" + report.healthAndSafety.map { "  ⚠ \($0.messageFr)\n" }.joined() + "\nTravaux prioritaires")
                .replacingOccurrences(of: "\n\nPriority works", with: "\n\nFirst, health and safety (not ranked):\n" + report.healthAndSafety.map { "  ⚠ \($0.messageEn)\n" }.joined() + "\nPriority works")
        }
        for (index, step) in report.ranked.enumerated() {
            out += "\n\(index + 1). \(french ? step.nameFr : step.nameEn)  [\(step.id)]\n    \(french ? step.summaryFr : step.summary)\n"
            out += french
                ? "    économie \(number(step.saving.kWh, 0)) kWh, \(euros(step.saving.eur))\(perYear) ; coût \(euros(step.costTypicalEUR)), aides \(euros(step.aidsEUR)), reste \(euros(step.netCostEUR)) (cumulé \(euros(step.cumulativeNetCostEUR)))\n"
                : "    saves \(number(step.saving.kWh, 0)) kWh, \(euros(step.saving.eur))\(perYear); cost \(euros(step.costTypicalEUR)), aids \(euros(step.aidsEUR)), net \(euros(step.netCostEUR)) (cumulative \(euros(step.cumulativeNetCostEUR)))\n"
            if let sir = step.savingsToInvestmentRatio {
                out += french ? "    gains sur la durée de vie ÷ reste à payer : \(number(sir, 1)) ; " : "    savings-to-investment ratio: \(number(sir, 1)); "
            } else {
                out += "    "
            }
            out += french ? "énergie primaire après : \(number(step.primaryEnergyKWhPerM2After, 0)) kWh/m²/an" : "primary energy after: \(number(step.primaryEnergyKWhPerM2After, 0)) kWh/m²/yr"
            out += step.dpeClassAfter.map { french ? ", classe DPE \($0.rawValue)\n" : ", DPE class \($0.rawValue)\n" } ?? "\n"
        }
        func package(_ title: String, _ package: WorksPackage?) {
            guard let package else { return }
            out += "\n\(title) : \(package.measures.joined(separator: ", "))\n"
            out += french
                ? "    reste à payer \(euros(package.netCostEUR)), économie \(euros(package.savingEURPerYear))\(perYear) (\(number(package.savingKWh, 0)) kWh), énergie primaire \(number(package.primaryEnergyKWhPerM2, 0)) kWh/m²/an\(package.dpeClass.map { ", classe DPE \($0.rawValue)" } ?? "") — \(package.combinationsSimulated) simulation(s)\n"
                : "    net cost \(euros(package.netCostEUR)), saving \(euros(package.savingEURPerYear))\(perYear) (\(number(package.savingKWh, 0)) kWh), primary energy \(number(package.primaryEnergyKWhPerM2, 0)) kWh/m²/yr\(package.dpeClass.map { ", DPE class \($0.rawValue)" } ?? "") — \(package.combinationsSimulated) simulation(s)\n"
        }
        if let budget = report.budgetEUR {
            package(french ? "Budget \(euros(budget)), en suivant la liste" : "Budget \(euros(budget)), down the list", report.budgetGreedy)
            package(french ? "Budget \(euros(budget)), meilleure combinaison" : "Budget \(euros(budget)), best combination", report.budgetExact)
        }
        if let wanted = report.targetDPEClass {
            package(french ? "Objectif classe DPE \(wanted.rawValue) ou mieux, le moins cher" : "Target DPE class \(wanted.rawValue) or better, cheapest", report.targetCheapest)
        } else if let target = report.targetPrimaryEnergyKWhPerM2 {
            package(french ? "Objectif \(number(target, 0)) kWh/m²/an, le moins cher" : "Target \(number(target, 0)) kWh/m²/yr, cheapest", report.targetCheapest)
        }
        if !report.notApplicable.isEmpty {
            out += french ? "\nSans objet ici :\n" : "\nNot applicable here:\n"
            for (id, reason) in report.notApplicable.sorted(by: { $0.key < $1.key }) { out += "  \(id): \(reason)\n" }
        }
        out += "\nnote: \(report.rentalHorizon)\n"
        for note in report.notes { out += "note: \(note)\n" }
        return out
    }
}
