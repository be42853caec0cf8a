import ArgumentParser
import Foundation
import Foyer

struct BillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bill",
        abstract: "Monthly and annual bills (fixed charge, energy by period, taxes, VAT) of a dwelling or a metered load curve.",
        discussion: """
        For a dwelling: simulates its year, turns the heat need into delivered energy per fuel \
        through its systems, and bills each energy under --tariff (or its energy_supply \
        contracts). The simulated year is laid on the calendar of the prices' year.
        For a load curve (--load FILE.csv, a smart-meter export of timestamped kWh; format in \
        Docs/LoadCurveCSV.md): bills it as metered. Gaps, duplicates, daylight-saving changes \
        and negative values are refused or corrected as that document says, and every \
        correction is printed.

        Examples:
          foyer bill fr/sfh-1975-1989 --tariff fr-edf-bleu-base
          foyer bill my-house.json --tariff fr-edf-bleu-hphc --off-peak-hours 23:00-07:00 --kva 9
          foyer bill --load linky.csv --tariff fr-edf-bleu-base --tariff fr-edf-bleu-tempo --kva 6
          foyer bill --load linky.csv --tariff fr-edf-bleu-base --prices-on 2026-08-01 --format json
        """
    )

    @Argument(help: "A dwelling JSON file or an archetype id (or use --load).") var dwelling: String?
    @Option(help: ArgumentHelp("A metered load curve (CSV).", valueName: "file.csv")) var load: String?
    @Option(help: ArgumentHelp("An offer id (repeat to bill under several; foyer tariffs list).", valueName: "offer")) var tariff: [String] = []
    @Flag(help: "Fill the load curve's gaps with the same weekday and time of day's mean (reported).") var fillGaps = false
    @Option(help: "Weather for the dwelling: an embedded climate id or an EPW file.") var weather: String?
    @Flag(help: "Print each month's lines too.") var monthly = false
    @OptionGroup var useOption: UseOption
    @OptionGroup var tariffs: TariffOptions
    @Option(help: "Output format.") var format: OutputFormat = .text

    func validate() throws {
        if (dwelling == nil) == (load == nil) { throw ValidationError("give either a dwelling or --load FILE.csv") }
        if load != nil, tariff.isEmpty { throw ValidationError("--load needs at least one --tariff (see foyer tariffs list)") }
    }

    func run() throws {
        let library = try tariffs.library()
        for offer in tariff where library.versions(of: offer).isEmpty {
            printError(library.unknownOffer(offer, path: "--tariff").description)
            throw ExitCode.inputErrors
        }
        var bills: [Bill] = []
        var useLine: String?
        if let load {
            let curve = try readCurve(load, fillGaps: fillGaps)
            for warning in curve.corrections.warnings { printError(warning.description) }
            let options = BillingOptions(subscribedKVA: tariffs.kva, offPeakHours: tariffs.windows.isEmpty ? nil : tariffs.windows, pricesOn: tariffs.pricesDate)
            for offer in tariff {
                do throws(InputError) {
                    bills.append(try BillEngine.bill(curve, offer: offer, library: library, options: options))
                } catch {
                    for issue in error.issues { printError(issue.inFile(load).description) }
                    throw ExitCode.inputErrors
                }
            }
        } else if let dwelling {
            let simulated = try simulateForBills(dwelling, weather: weather, tariffs: tariffs, library: library, use: useOption.use)
            useLine = UseSummary(simulated.dwelling).text
            if tariff.isEmpty {
                bills = try analyse(simulated, file: dwelling, tariffs: tariffs, library: library).bills
                if bills.isEmpty {
                    printError("\(dwelling): no contract in energy_supply.contracts: give --tariff OFFER (foyer tariffs list), or see foyer tariffs compare")
                    throw ExitCode.inputErrors
                }
            } else {
                for offer in tariff {
                    guard let latest = library.latest(offer) else { continue }
                    var named = simulated
                    named.dwelling.energySupply.contracts = [ContractSpec(energy: latest.energy, offer: offer, circuit: latest.meter == .exclusiveNight ? .exclusiveNight : .main)]
                    let report = try analyse(named, file: dwelling, tariffs: tariffs, library: library)
                    guard !report.bills.isEmpty else {
                        printError("\(dwelling): \(offer) sells \(latest.energy.rawValue), which this dwelling does not buy")
                        throw ExitCode.inputErrors
                    }
                    bills += report.bills
                }
            }
        }
        switch format {
        case .json: print(try encodeJSON(bills))
        case .text:
            if let useLine { print(useLine + "\n") }
            print(bills.map { EnergyText.bill($0, monthly: monthly) }.joined(separator: "\n\n"))
        }
    }
}
