import ArgumentParser
import Foundation
import Foyer

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The report a visit leaves behind, from a household's dossier: printable HTML (A4), French by default.",
        discussion: """
        foyer report h042.json -o synthese.html                      the family summary, in French
        foyer report h042.json --lang en -o summary.html             the same in English
        foyer report h042.json --kind technical -o technique.html    the technical summary for the landlord
        The family summary: what the household pays and where the money goes (by use, month by \
        month), what the visits measured, the measures that save most with euros a year, what \
        the actions done changed (read from the bills before and after), contract advice, aids. \
        The technical summary: the dwelling at the DPE's conventions, what the visits found, the \
        heat loss by element, health and safety first, the works ranked with costs, aids, savings \
        and the class after each, the rental horizon, the measured impact of the works done.
        Print it to PDF from a browser (or headless Chromium: chromium --headless --print-to-pdf=…). \
        The page holds no name, address or income figure; the household's id only.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case family, technical
    }

    @Argument(help: ArgumentHelp("The household's dossier (foyer dossier new).", valueName: "dossier.json")) var file: String
    @Option(help: "family: the family summary; technical: the technical summary for the landlord.") var kind: Kind = .family
    @Option(help: "fr or en.") var lang: ReportLanguage = .fr
    @Option(help: "Thermal model: iso52016 (EN ISO 52016-1) or 5r1c.") var model: String = "iso52016"
    @Option(help: ArgumentHelp("A station's daily mean temperatures over the billed days (CSV): the measured impact of done works is then normalised for the billed years' own weather.", valueName: "file.csv"))
    var temperatures: String?
    @Option(name: [.short, .long], help: ArgumentHelp("Write the report here (default: standard output).", valueName: "report.html")) var output: String?

    func run() throws {
        let language = lang
        let analysed = try analyseDossierOrExit(file, model: model, temperatures: temperatures)
        let (dossier, analysis) = (analysed.dossier, analysed.analysis)
        let html: String
        switch kind {
        case .family:
            html = FamilyReport.html(dossier: dossier, analysis: analysis, language: language)
        case .technical:
            let technical: TechnicalAnalysis
            do throws(InputError) {
                technical = try TechnicalAnalysis.analyse(dossier, dossierPath: file, library: analysed.library, catalogue: analysed.catalogue, model: analysed.model)
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode.inputErrors
            }
            html = TechnicalReport.html(dossier: dossier, analysis: analysis, technical: technical, language: language)
        }
        if let output {
            if let failure = OutputFile.write(Data(html.utf8), to: output) {
                printError("\(output): error: cannot write the report: \(failure)")
                throw ExitCode.failure
            }
            printError("\(output): \(kind.rawValue) report written (\(language.rawValue))")
        } else {
            print(html, terminator: "")
        }
    }
}
