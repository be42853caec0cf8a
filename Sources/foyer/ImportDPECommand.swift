import ArgumentParser
import Foundation
import Foyer

struct ImportDPECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-dpe",
        abstract: "Turn an official DPE (ADEME XML) into a Foyer dwelling file, saying every approximation.",
        discussion: """
        Reads the DPE's exchange file (DPE 2021, 3CL method: the XML the diagnostician's \
        software sends to the ADEME observatory) and writes a dwelling: floor area and height, \
        every wall, floor, ceiling, window and door with its area, orientation, what it faces \
        and its b factor, the U-values and thermal bridges the DPE computed, the ventilation as \
        air changes, the heating generators and emitters with their four efficiencies, the hot \
        water, the climate zone, and the DPE's conventional occupancy. What the DPE does not \
        say is filled by a stated rule, listed in the report (e.g. a window without \
        orientation is split into four equal parts N, E, S, W).
        Houses and flats with their own heating and hot water are imported. A whole building, \
        a flat described through its building's envelope, a collective installation or a \
        generator Foyer has no model for is refused, naming the part.
        Without --output the dwelling goes to standard output and the report to standard error.
        --compare then estimates the label of the imported dwelling (as `foyer label` does, at \
        the date of the DPE) and sets it beside the official figures.
        Examples:
          foyer import-dpe 2187E0981996L.xml --output house.json
          foyer import-dpe dpe.xml -o house.json --compare
          foyer import-dpe dpe.xml > house.json 2> approximations.txt
          foyer simulate house.json; foyer savings house.json; foyer works house.json --target E
        """
    )

    @Argument(help: ArgumentHelp("The DPE's XML file (at most 8 MB).", valueName: "dpe.xml"))
    var file: String
    @Option(name: [.short, .long], help: ArgumentHelp("Write the dwelling to this file instead of standard output.", valueName: "house.json"))
    var output: String?
    @Flag(help: "Estimate the imported dwelling's label and compare it with the official one.")
    var compare = false
    @Option(help: "Thermal model for --compare: iso52016 or 5r1c.")
    var model: ThermalModel = .iso52016
    @Option(help: "Language of the text report: fr (default) or en.")
    var lang: ReportLanguage = .fr
    @Option(help: "Format of the report: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let imported: DPEImport
        do {
            imported = try DPEImporter.importFile(file)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        let data = try DPEImportText.dwellingData(imported.dwelling)
        if let output {
            if let problem = OutputFile.write(data, to: output) {
                printError("\(output): error: cannot write the dwelling (\(problem))")
                throw ExitCode.failure
            }
        } else {
            FileHandle.standardOutput.write(data)
        }
        var comparison: DPEComparison?
        if compare {
            do {
                comparison = try DPEComparison.run(imported, dwellingData: data, model: model, file: output ?? file)
            } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode.inputErrors
            }
        }
        let french = lang == .fr
        let report: String
        switch format {
        case .json:
            report = try encodeJSON(DPEImportReport(approximations: imported.approximations, official: imported.official, comparison: comparison))
        case .text:
            report = DPEImportText.render(imported, comparison: comparison, output: output, french: french)
        }
        if output != nil { print(report) } else { printError(report) }
    }
}

struct DPEImportReport: Encodable {
    var approximations: [DPEApproximation]
    var official: OfficialDPE
    var comparison: DPEComparison?
}

enum DPEImportText {
    /// The dwelling file: pretty, keys sorted, the same bytes for the same DPE.
    static func dwellingData(_ spec: DwellingSpec) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(spec) + Data("\n".utf8)
    }

    static func render(_ imported: DPEImport, comparison: DPEComparison?, output: String?, french: Bool) -> String {
        let official = imported.official
        let number = { (value: Double, decimals: Int) in SavingsText.number(value, decimals, french: french) }
        var out = ""
        let envelope = imported.dwelling.envelope
        let counts = [envelope?.walls?.count ?? 0, envelope?.floors?.count ?? 0, envelope?.roofs?.count ?? 0,
                      envelope?.windows?.count ?? 0, envelope?.doors?.count ?? 0, imported.dwelling.heating?.systems?.count ?? 0]
        if french {
            out += "DPE \(official.number) importé\(output.map { " dans \($0)" } ?? "") : \(number(official.referenceAreaM2, 1)) m², zone \(imported.dwelling.location?.climateZone ?? "?")\n"
            out += "\(counts[0]) murs, \(counts[1]) planchers bas, \(counts[2]) planchers hauts, \(counts[3]) fenêtres, \(counts[4]) portes, \(counts[5]) générateur(s) de chauffage\n"
            out += "\nApproximations (\(imported.approximations.count)) :\n"
        } else {
            out += "DPE \(official.number) imported\(output.map { " into \($0)" } ?? ""): \(number(official.referenceAreaM2, 1)) m², zone \(imported.dwelling.location?.climateZone ?? "?")\n"
            out += "\(counts[0]) walls, \(counts[1]) floors, \(counts[2]) ceilings/roofs, \(counts[3]) windows, \(counts[4]) doors, \(counts[5]) heat generator(s)\n"
            out += "\nApproximations (\(imported.approximations.count)):\n"
        }
        for note in imported.approximations {
            let where_ = note.path.isEmpty ? "" : "\(note.path)"
            let times = note.count > 1 ? " (×\(note.count))" : ""
            out += "  - \(where_)\(times)\(where_.isEmpty && times.isEmpty ? "" : ": ")\(french ? note.ruleFr : note.rule)\n"
        }
        if imported.approximations.isEmpty { out += french ? "  aucune\n" : "  none\n" }
        if let comparison {
            out += "\n" + comparison.text(french: french)
        }
        return out
    }
}
