import ArgumentParser
import Foundation
import Foyer

struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A household's dossier across visits: its dwelling, bills, visits and what was done (Docs/Dossier.md).",
        discussion: """
        One JSON file per household, named by a pseudonymous id (no name needed). Each command \
        checks the whole file first and writes it back atomically (never half-written).
          foyer dossier new h042.json --id H-2026-042 --dwelling fr/sfh-1949-1974 --persons 2 --children 1 --income-eur 16800
          foyer dossier add-bills h042.json factures-2025.csv
          foyer dossier add-visit h042.json --date 2026-01-15 --measure "séjour=17.5/68" --measure "chambre=15" --problem mould --cold yes --recommend setpoint-minus-1c
          foyer dossier add-action h042.json --date 2026-03-10 --kind work --measure attic-insulation-r7 --cost-eur 2400 --aid-eur 1200
          foyer dossier show h042.json
          foyer dossier analyse h042.json      (simulated: the indicators before and after each recommended measure)
          foyer dossier anonymise h042.json -o h042-stats.json
        """,
        subcommands: [DossierNewCommand.self, DossierAddBillsCommand.self, DossierAddVisitCommand.self, DossierAddActionCommand.self,
                      DossierShowCommand.self, DossierAnalyseCommand.self, DossierAnonymiseCommand.self]
    )
}

/// Loads a dossier, its problems printed; ends the command on errors.
func loadDossierOrExit(_ path: String) throws -> Dossier {
    let (dossier, issues) = DossierFile.load(path)
    for issue in issues.warnings { printError(issue.description) }
    guard let dossier else {
        for issue in issues.errors { printError(issue.description) }
        throw ExitCode.inputErrors
    }
    return dossier
}

/// Checks `dossier` as it will be read back (the same rules for every field: ranges, lengths,
/// dates), then writes it atomically; on a problem, prints it and ends the command.
func saveDossierOrExit(_ dossier: Dossier, to path: String) throws {
    let (checked, issues) = DossierFile.read(DossierFile.data(dossier), file: path)
    guard checked != nil else {
        for issue in issues.errors { printError(issue.description) }
        throw ExitCode.inputErrors
    }
    if let failure = DossierFile.save(dossier, to: path) {
        printError("\(path): error: cannot write the dossier: \(failure)")
        throw ExitCode.failure
    }
}

/// A date option, or today's (said on standard error).
func dateOrToday(_ text: String?, option: String) throws -> CivilDate {
    if let text {
        guard let date = CivilDate(iso: text), (1990...2100).contains(date.year) else {
            throw ValidationError("\(option) must be a date YYYY-MM-DD (1990 … 2100), not \(text)")
        }
        return date
    }
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
    let today = CivilDate(parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    printError("date: \(today) (today; \(option) to give another)")
    return today
}

/// A dossier analysed, with what it was analysed with (the technical report reuses them).
struct AnalysedDossier {
    var dossier: Dossier
    var analysis: DossierAnalysis
    var model: ThermalModel
    var library: TariffLibrary
    var catalogue: MeasureLibrary
}

/// The dossier at `path` and its simulation with `model` (`iso52016` or `5r1c`); problems
/// printed and the command ended.
func analyseDossierOrExit(_ path: String, model name: String, temperatures: String? = nil) throws -> AnalysedDossier {
    guard let model = ThermalModel(rawValue: name), model != .monthly else { throw ValidationError("--model must be iso52016 or 5r1c, not \(name)") }
    let dossier = try loadDossierOrExit(path)
    let days = try temperatures.map { try readDailyTemperatures($0) }
    do {
        let library = try EnergyPipeline.tariffs(), catalogue = MeasureLibrary.load()
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: path, library: library, catalogue: catalogue, model: model, temperatures: days)
        return AnalysedDossier(dossier: dossier, analysis: analysis, model: model, library: library, catalogue: catalogue)
    } catch {
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
}

/// A measure of the catalogue, or the command ends with the known ones.
func checkMeasureOrExit(_ id: String, path: String) throws {
    let library = MeasureLibrary.load()
    guard library.measure(id) == nil else { return }
    let known = library.measures.map(\.id)
    printError(InputIssue(.error, path: path, value: "\"\(id)\"", message: "not a measure of the catalogue", expected: "foyer works --help lists them; e.g. " + known.prefix(5).joined(separator: ", "),
                          suggestion: Suggestions.didYouMean(id, among: known)).description)
    throw ExitCode.inputErrors
}

struct DossierNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a household's dossier (refuses to overwrite one).")

    @Argument(help: ArgumentHelp("The dossier file to create.", valueName: "dossier.json")) var file: String
    @Option(help: "Pseudonymous id of the household: letters, digits, '.', '_', '-' (no name, no address).") var id: String
    @Option(help: ArgumentHelp("The dwelling: an archetype id (foyer archetypes) or a dwelling file.", valueName: "archetype|file")) var dwelling: String
    @Flag(help: "Copy the dwelling file into the dossier instead of naming it.") var embed = false
    @Option(help: "Persons aged 14 or more.") var persons: Int
    @Option(help: "Children under 14.") var children: Int = 0
    @Option(name: .customLong("income-eur"), help: "Disposable income of the household, € a year (optional, personal).") var incomeEUR: Double?
    @Option(name: .customLong("housing-costs-eur"), help: "Rent or loan and charges, energy excluded, € a year (optional).") var housingCostsEUR: Double?
    @Option(help: ArgumentHelp("Creation date (default: today).", valueName: "YYYY-MM-DD")) var date: String?

    func run() throws {
        if FileManager.default.fileExists(atPath: file) {
            printError("\(file): error: exists; a dossier is never overwritten (add to it with add-bills, add-visit, add-action)")
            throw ExitCode.inputErrors
        }
        let source: Dossier.DwellingSource
        if Inputs.archetypeLibrary?.url(for: dwelling) != nil {
            source = .archetype(dwelling)
        } else if embed {
            let data: Data
            do {
                data = try InputFile.read(dwelling, kind: .dwelling)
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode.inputErrors
            }
            do {
                source = .embedded(try JSONValue.parse(data, file: dwelling))
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode.inputErrors
            }
        } else {
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path
            let absolute = URL(fileURLWithPath: dwelling).standardizedFileURL.path
            source = .file(absolute.hasPrefix(folder + "/") ? String(absolute.dropFirst(folder.count + 1)) : absolute)
        }
        // The dwelling must load now, not at the first report.
        _ = try loadDwellingOrExit(dwelling, use: .automatic)
        var dossier = Dossier(householdID: id, createdOn: try dateOrToday(date, option: "--date"),
                              household: Dossier.Household(personsAged14AndOver: persons, childrenUnder14: children,
                                                           disposableIncomeEURPerYear: incomeEUR, housingCostsEURPerYear: housingCostsEUR),
                              dwelling: source)
        dossier.revision = 1
        try saveDossierOrExit(dossier, to: file)
        printError("\(file): dossier \(id) created (\(persons) person\(persons > 1 ? "s" : "") aged 14+, \(children) child\(children == 1 ? "" : "ren") under 14)")
    }
}

struct DossierAddBillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-bills", abstract: "Add invoice lines (CSV or JSON, Docs/InvoicesFormat.md) to a dossier.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "dossier.json")) var file: String
    @Argument(help: ArgumentHelp("The invoices file.", valueName: "bills.csv")) var bills: String
    @Option(help: ArgumentHelp("Date they were added (default: today).", valueName: "YYYY-MM-DD")) var date: String?

    func run() throws {
        var dossier = try loadDossierOrExit(file)
        let book: InvoiceBook
        do {
            book = InvoiceReader.read(data: try InputFile.read(bills, kind: .invoices), file: bills)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        for issue in book.issues.warnings { printError(issue.description) }
        guard !book.issues.hasErrors else {
            for issue in book.issues.errors { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        guard !book.lines.isEmpty else {
            printError("\(bills): error: no invoice line to add")
            throw ExitCode.inputErrors
        }
        dossier.addBills(book, source: URL(fileURLWithPath: bills).lastPathComponent, on: try dateOrToday(date, option: "--date"))
        try saveDossierOrExit(dossier, to: file)
        printError("\(file): \(book.lines.count) invoice lines added (\(dossier.bills.reduce(0) { $0 + $1.lines.count }) in all)")
    }
}

struct DossierAddVisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-visit", abstract: "Record a visit: measurements, problems seen, recommendations.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "dossier.json")) var file: String
    @Option(help: ArgumentHelp("Date of the visit (default: today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: "Who visited: technician, social_worker, other.") var role: String = "technician"
    @Option(help: ArgumentHelp("A room's reading: ROOM=TEMPERATURE_C or ROOM=TEMPERATURE_C/HUMIDITY_PERCENT (repeat).", valueName: "room=°C[/%]")) var measure: [String] = []
    @Option(help: ArgumentHelp("A problem seen (repeat): \(Dossier.Problem.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name")) var problem: [String] = []
    @Option(help: ArgumentHelp("Whether the household says it suffered from the cold at home.", valueName: "yes|no")) var cold: String?
    @Option(help: ArgumentHelp("A measure of the catalogue recommended (repeat).", valueName: "measure-id")) var recommend: [String] = []
    @Option(help: ArgumentHelp("Advice in words (repeat).", valueName: "text")) var advice: [String] = []
    @Option(help: "What was observed, in words.") var observations: String?

    func run() throws {
        var dossier = try loadDossierOrExit(file)
        guard let role = Dossier.Role(rawValue: role) else {
            throw ValidationError("--role must be one of \(Dossier.Role.allCases.map(\.rawValue).joined(separator: ", ")), not \(role)")
        }
        var measurements: [Dossier.Measurement] = []
        for text in measure {
            let parts = text.split(separator: "=", maxSplits: 1)
            let values = parts.count == 2 ? parts[1].split(separator: "/") : []
            func number(_ part: Substring?) -> Double? { part.flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) } }
            guard parts.count == 2, !parts[0].isEmpty, (1...2).contains(values.count), let temperature = number(values.first) else {
                throw ValidationError("--measure must be ROOM=°C or ROOM=°C/%, e.g. \"séjour=17.5/68\", not \(text)")
            }
            measurements.append(Dossier.Measurement(room: String(parts[0]), temperatureC: temperature, relativeHumidityPercent: values.count == 2 ? number(values[1]) : nil))
        }
        var problems: [Dossier.Problem] = []
        for name in problem {
            guard let found = Dossier.Problem(rawValue: name) else {
                let names = Dossier.Problem.allCases.map(\.rawValue)
                throw ValidationError("--problem \(name) is not a known problem\(Suggestions.didYouMean(name, among: names).map { " (did you mean '\($0)'?)" } ?? ""); known: \(names.joined(separator: ", "))")
            }
            problems.append(found)
        }
        var reportedCold: Bool?
        if let cold {
            switch cold.lowercased() {
            case "yes", "oui", "true": reportedCold = true
            case "no", "non", "false": reportedCold = false
            default: throw ValidationError("--cold must be yes or no, not \(cold)")
            }
        }
        for id in recommend { try checkMeasureOrExit(id, path: "--recommend") }
        let visit = Dossier.Visit(date: try dateOrToday(date, option: "--date"), role: role, observations: observations, measurements: measurements,
                                  problems: problems, reportedCold: reportedCold,
                                  recommendations: recommend.map { Dossier.Recommendation(measure: $0) } + advice.map { Dossier.Recommendation(text: $0) })
        dossier.addVisit(visit)
        try saveDossierOrExit(dossier, to: file)
        printError("\(file): visit of \(visit.date) added (\(dossier.visits.count) visit\(dossier.visits.count > 1 ? "s" : ""))")
    }
}

struct DossierAddActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-action", abstract: "Record what was done: a gesture adopted, a work done, a contract changed.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "dossier.json")) var file: String
    @Option(help: ArgumentHelp("Date it was done (default: today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: "gesture, work, contract, equipment, other.") var kind: String
    @Option(help: ArgumentHelp("The measure of the catalogue.", valueName: "measure-id")) var measure: String?
    @Option(help: ArgumentHelp("The new contract's offer (foyer tariffs list).", valueName: "offer-id")) var offer: String?
    @Option(name: .customLong("cost-eur"), help: "What it cost, € incl. VAT.") var costEUR: Double?
    @Option(name: .customLong("aid-eur"), help: "Aids received for it, €.") var aidEUR: Double?
    @Option(help: "A note.") var note: String?

    func run() throws {
        var dossier = try loadDossierOrExit(file)
        guard let kind = Dossier.ActionKind(rawValue: kind) else {
            throw ValidationError("--kind must be one of \(Dossier.ActionKind.allCases.map(\.rawValue).joined(separator: ", ")), not \(kind)")
        }
        if let measure { try checkMeasureOrExit(measure, path: "--measure") }
        if let offer {
            let library = try EnergyPipeline.tariffs()
            if library.versions(of: offer).isEmpty {
                printError(library.unknownOffer(offer, path: "--offer").description)
                throw ExitCode.inputErrors
            }
        }
        let action = Dossier.Action(date: try dateOrToday(date, option: "--date"), kind: kind, measure: measure, offer: offer, costEUR: costEUR, aidEUR: aidEUR, note: note)
        dossier.addAction(action)
        try saveDossierOrExit(dossier, to: file)
        printError("\(file): \(kind.rawValue) of \(action.date) added (\(dossier.actions.count) action\(dossier.actions.count > 1 ? "s" : ""))")
    }
}

struct DossierShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "What a dossier holds: household, dwelling, bills, visits, actions.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "dossier.json")) var file: String
    @Option(help: "text or json (the dossier as checked and rewritten).") var format: OutputFormat = .text

    func run() throws {
        let dossier = try loadDossierOrExit(file)
        if format == .json {
            FileHandle.standardOutput.write(DossierFile.data(dossier))
            return
        }
        print(DossierText.summary(dossier))
    }
}

struct DossierAnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Simulate the dossier's dwelling: energy cost, hours below 16 °C, fuel-poverty indicators before and after each measure recommended or done.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "dossier.json")) var file: String
    @Option(help: "Thermal model: iso52016 (EN ISO 52016-1) or 5r1c (faster screening).") var model: String = "iso52016"
    @Option(help: ArgumentHelp("A station's daily mean temperatures over the billed days (CSV, as foyer calibrate --temperatures): the measured impact of done actions is then normalised for the billed years' own weather.", valueName: "file.csv"))
    var temperatures: String?
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        let analysis = try analyseDossierOrExit(file, model: model, temperatures: temperatures).analysis
        print(format == .json ? try encodeJSON(analysis) : analysis.text())
    }
}

struct DossierAnonymiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymise",
        abstract: "A copy without what identifies the household, for statistics.",
        discussion: "Removes identity, every free text (observations, notes, advice in words, bill notes and file names), the dwelling file's folder and an embedded dwelling's name and description. Keeps the id (or --new-id), dates, persons, income and housing costs, measurements, problems, measures, costs and bills.")

    @Argument(help: ArgumentHelp("The dossier.", valueName: "dossier.json")) var file: String
    @Option(name: [.short, .long], help: ArgumentHelp("The anonymised copy (never overwritten).", valueName: "copy.json")) var output: String
    @Option(name: .customLong("new-id"), help: "Another pseudonymous id for the copy.") var newID: String?

    func run() throws {
        let dossier = try loadDossierOrExit(file)
        if FileManager.default.fileExists(atPath: output) {
            printError("\(output): error: exists; remove it first (anonymise never overwrites a file)")
            throw ExitCode.inputErrors
        }
        try saveDossierOrExit(dossier.anonymised(newID: newID), to: output)
        printError("\(output): anonymised copy of \(dossier.householdID) written")
    }
}
