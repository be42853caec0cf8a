import ArgumentParser
import Foyer

@main
struct FoyerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foyer",
        abstract: "Dwelling thermal simulation and energy bills, for home energy visits and building-stock studies.",
        discussion: """
        Foyer models a dwelling from a few observations (an archetype plus what you measured), \
        with real weather and tariffs, to explain a household's bill and rank eco-gestures and works.

        Start from an archetype:
          foyer archetypes                       list the bundled archetypes
          foyer describe fr/sfh-1949-1974        what the archetype holds, and its heat losses
          foyer validate my-house.json           check a dwelling file you wrote
          foyer weather H1a                      the monthly climate of zone H1a
          foyer simulate fr/sfh-1949-1974        hourly heating need, peaks, comfort, heat balance,
                                                 delivered energy per fuel, cost, primary energy, CO₂
          foyer bill fr/sfh-1949-1974 --tariff fr-cre-gas-reference
                                                 the bill, month by month, line by line
          foyer tariffs compare my-house.json    every applicable offer ranked, and contract mismatches
          foyer tariffs list                     the shipped offers (dated, sourced)

        Exit codes: 0 success; 1 an input has errors (each is printed with its file, field path, \
        value and what is allowed); 64 the command line itself is wrong.
        Results go to standard output; warnings and progress to standard error.
        """,
        version: "0.1.0",
        subcommands: [ValidateCommand.self, ArchetypesCommand.self, DescribeCommand.self, WeatherCommand.self, SimulateCommand.self, BillCommand.self, BillsCommand.self, CalibrateCommand.self, SavingsCommand.self, WorksCommand.self, LabelCommand.self, ImportDPECommand.self, BatchCommand.self, DossierCommand.self, ReportCommand.self, TariffsCommand.self]
    )

    /// Makes OpenBLAS single-threaded before anything runs (Docs/Decisions/0001), then parses
    /// the command line.
    static func main() {
        BLASThreads.useSingleThread()
        main(nil)
    }
}

/// Output formats shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Exit code for input errors (documented in `foyer --help`).
extension ExitCode {
    static let inputErrors = ExitCode(1)
}
