import ArgumentParser
import Foundation
import Foyer

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The report a visit leaves behind, from a household's dossier: printable HTML (A4), French by default.",
        discussion: """
        foyer report h042.json -o synthese.html              the family summary, in French
        foyer report h042.json --lang en -o summary.html     the same in English
        Print it to PDF from a browser (or headless Chromium: chromium --headless --print-to-pdf=…). \
        The page holds no name, address or income figure; the household's id only.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case family
    }

    @Argument(help: ArgumentHelp("The household's dossier (foyer dossier new).", valueName: "dossier.json")) var file: String
    @Option(help: "family: the family summary.") var kind: Kind = .family
    @Option(help: "fr or en.") var lang: ReportLanguage = .fr
    @Option(help: "Thermal model: iso52016 (EN ISO 52016-1) or 5r1c.") var model: String = "iso52016"
    @Option(name: [.short, .long], help: ArgumentHelp("Write the report here (default: standard output).", valueName: "report.html")) var output: String?

    func run() throws {
        let language = lang
        let (dossier, analysis) = try analyseDossierOrExit(file, model: model)
        let html = FamilyReport.html(dossier: dossier, analysis: analysis, language: language)
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
