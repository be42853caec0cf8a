import ArgumentParser
import Foundation
import Foyer

struct ArchetypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archetypes",
        abstract: "List the bundled dwelling archetypes.",
        discussion: """
        An archetype is a typical dwelling of a country, type and construction period, with its \
        sources (TABULA/EPISCOPE typology, 3CL-DPE defaults). Start a dwelling file from one with \
        "base" and override what you observed:

          { "schema": "foyer.dwelling/1", "base": "fr/sfh-1949-1974",
            "geometry": { "floor_area_m2": 82 },
            "thermostat": { "heating_setpoint_c": 17 } }

        Examples:
          foyer archetypes
          foyer archetypes --format json
        """
    )

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    struct Entry: Encodable {
        var id: String
        var name: String
        var description: String
    }

    func run() throws {
        guard let library = Inputs.archetypeLibrary else {
            printError("error: the bundled archetypes were not found next to the foyer executable")
            throw ExitCode.failure
        }
        let entries = library.summaries().map { Entry(id: $0.id, name: $0.name, description: $0.description) }
        switch format {
        case .json:
            print(try encodeJSON(entries))
        case .text:
            let width = entries.map(\.id.count).max() ?? 0
            for entry in entries {
                print(entry.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + entry.description)
            }
        }
    }
}
