import ArgumentParser
import Foundation
import Foyer

extension Energy: ExpressibleByArgument {}
extension OutsideFilm: ExpressibleByArgument {}
extension InsideConvection: ExpressibleByArgument {}
extension ElectricityMeter: ExpressibleByArgument {}

/// Reads a command-line number as a plain decimal (no hexadecimal, no `inf`, no `nan`), naming
/// the option when it is not one.
func plainNumber(_ option: String) -> @Sendable (String) throws -> Double {
    { text in
        guard let value = DecimalText.number(text) else {
            throw ValidationError("\(option) must be a plain decimal number such as 6 or 9.5, not '\(text)'")
        }
        return value
    }
}

/// `--use`, for the commands that simulate or describe a dwelling.
struct UseOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use of the dwelling: auto (the household's when the file has a household_use), conventional or household.", valueName: "auto|conventional|household"))
    var use: UseChoice = .automatic
}

/// Options shared by the tariff and bill commands.
struct TariffOptions: ParsableArguments {
    @Option(name: .customLong("tariffs-dir"), help: ArgumentHelp("A folder of extra tariff files (searched recursively), besides the shipped ones.", valueName: "folder"))
    var tariffDirectories: [String] = []

    @Option(help: ArgumentHelp("Price every hour at the tariffs in force on this day (YYYY-MM-DD). Default: a bill of metered data uses the prices of each day; a simulated year and a comparison use the newest date on which most offers have prices.", valueName: "date"))
    var pricesOn: String?

    @Option(help: "Subscribed power, kVA (electricity offers priced by power). Default: the dwelling's, or the level its peak calls for.",
            transform: plainNumber("--kva"))
    var kva: Double?

    @Option(name: .customLong("off-peak-hours"), help: ArgumentHelp("The meter's off-peak hours, e.g. 22:00-06:00 (repeat for several windows). Default: the dwelling's, or the offer's.", valueName: "HH:MM-HH:MM"))
    var offPeakHours: [String] = []

    /// Checks a `--prices-on` value: a real date, in the years tariff files may cover.
    static func checkPricesOn(_ pricesOn: String?) throws {
        guard let pricesOn else { return }
        guard let date = CivilDate(iso: pricesOn) else { throw ValidationError("--prices-on must be a date YYYY-MM-DD, not '\(pricesOn)'") }
        guard (2000...2100).contains(date.year) else {
            throw ValidationError("--prices-on \(pricesOn): no tariff file covers that year (the shipped prices run from 2025; dates 2000–2100 are accepted)")
        }
    }

    func validate() throws {
        try Self.checkPricesOn(pricesOn)
        if let kva, !(kva >= 1 && kva <= 250) {
            throw ValidationError("--kva must be a subscribed power from 1 to 250 kVA (French household levels: 3, 6, 9, 12, 15, 18, 24, 30, 36), not \(NumberText.short(kva))")
        }
        if let kva, !FrenchSubscribedPower.levelsKVA.contains(where: { abs($0 - kva) < 1e-9 }) {
            printError("warning: --kva \(NumberText.short(kva)): not a French household level (3, 6, 9, 12, 15, 18, 24, 30, 36 kVA); French offers priced by power will not price it")
        }
        for window in offPeakHours where ClockWindow(window) == nil {
            throw ValidationError("--off-peak-hours must be HH:MM-HH:MM on quarter-hours, e.g. 22:00-06:00, not '\(window)'")
        }
        if let problem = ClockWindow.problem(in: windows) {
            throw ValidationError("--off-peak-hours \(windows[problem.index]): \(problem.message)")
        }
        if tariffDirectories.contains("") { throw ValidationError("--tariffs-dir needs a folder name, not an empty string") }
    }

    var pricesDate: CivilDate? { pricesOn.flatMap(CivilDate.init(iso:)) }
    var windows: [ClockWindow] { offPeakHours.compactMap(ClockWindow.init) }

    func library() throws -> TariffLibrary {
        do throws(InputError) {
            let library = try EnergyPipeline.tariffs(extraDirectories: tariffDirectories)
            for warning in library.issues.warnings { printError(warning.description) }
            return library
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
    }
}

struct TariffsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs",
        abstract: "List, show and compare the energy offers (dated, sourced tariff files).",
        discussion: """
        The shipped tariffs live in Tariffs/ (format in Tariffs/README.md): one file per offer \
        and period of validity, each citing its source. Add your own with --tariffs-dir.

        Examples:
          foyer tariffs list
          foyer tariffs list --country BE
          foyer tariffs show fr-edf-bleu-tempo
          foyer tariffs compare fr/sfh-1975-1989
          foyer tariffs compare --load my-linky-export.csv --kva 9
        """,
        subcommands: [List.self, Show.self, Compare.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the offers and their versions.")
        @Option(help: "Only this country (FR, BE).") var country: String?
        @Option(help: "Only this energy.") var energy: Energy?
        @Option(name: .customLong("distribution-operator"),
                help: ArgumentHelp("Walloon offers composed for this network operator only (ores, resa, aieg, aiesh, rew); offers without a network part are kept.", valueName: "operator"))
        var distributionOperator: String?
        @OptionGroup var tariffs: TariffOptions
        @Option(help: "Output format.") var format: OutputFormat = .text

        func validate() throws {
            if let distributionOperator, DistributionOperator(rawValue: distributionOperator.lowercased()) == nil {
                throw ValidationError("--distribution-operator must be one of \(DistributionOperator.allowedNames.joined(separator: ", ")), not '\(distributionOperator)'")
            }
            if let country, !["FR", "BE"].contains(country.uppercased()) {
                throw ValidationError("--country must be FR or BE (the countries Foyer has tariffs for), not '\(country)'")
            }
        }

        func run() throws {
            let library = try tariffs.library()
            let offers = library.offers.filter { offer in
                guard let latest = library.latest(offer) else { return false }
                let network = distributionOperator.flatMap { DistributionOperator(rawValue: $0.lowercased()) }
                return (country.map { $0.uppercased() == latest.country } ?? true) && (energy.map { $0 == latest.energy } ?? true)
                    && (network == nil || latest.distributionOperator == nil || latest.distributionOperator == network)
            }
            /// One version's validity: ISO dates, `valid_to` null while it is the current one.
            struct Version: Encodable {
                var validFrom: String
                var validTo: String?
                enum CodingKeys: String, CodingKey { case validFrom = "valid_from", validTo = "valid_to" }
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    try container.encode(validFrom, forKey: .validFrom)
                    try container.encode(validTo, forKey: .validTo)  // null, not absent, for the current version
                }
            }
            struct Row: Encodable { var offer, name, country, energy, meter, eligibility: String; var versions: [Version] }
            let rows = offers.compactMap { offer -> Row? in
                guard let latest = library.latest(offer) else { return nil }
                return Row(offer: offer, name: latest.name, country: latest.country, energy: latest.energy.rawValue,
                           meter: latest.energy == .electricity ? latest.meter.rawValue : "-", eligibility: latest.eligibility.rawValue,
                           versions: library.versions(of: offer).map { Version(validFrom: $0.validFrom.description, validTo: $0.validTo?.description) })
            }
            switch format {
            case .json: print(try encodeJSON(rows))
            case .text:
                let width = max(38, rows.map(\.offer.count).max() ?? 0)
                for row in rows {
                    print("\(row.offer.padding(toLength: width, withPad: " ", startingAt: 0)) \(row.country)  \(row.energy.padding(toLength: 12, withPad: " ", startingAt: 0)) \(row.meter.padding(toLength: 16, withPad: " ", startingAt: 0)) \(row.name)")
                    let versions = row.versions.map { "\($0.validFrom) → \($0.validTo ?? "(current)")" }
                    print("    versions: " + versions.joined(separator: "; ") + (row.eligibility == "everyone" ? "" : "  [\(row.eligibility)]"))
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an offer: prices, hours, fixed charges, taxes and sources of each version.")
        @Argument(help: "An offer id (foyer tariffs list).") var offer: String
        @OptionGroup var tariffs: TariffOptions

        func run() throws {
            let library = try tariffs.library()
            let versions = library.versions(of: offer)
            guard !versions.isEmpty else {
                printError(library.unknownOffer(offer, path: "offer").description)
                throw ExitCode.inputErrors
            }
            let shown = versions.filter { tariff in tariffs.pricesDate.map { tariff.isValid(on: $0) } ?? true }
            guard !shown.isEmpty else {
                let day = tariffs.pricesDate.map(\.description) ?? ""
                printError(InputIssue(.error, path: "--prices-on", value: day, message: "no version of \(offer) is in force on that day",
                                      expected: versions.map(\.validityText).joined(separator: "; ")).description)
                throw ExitCode.inputErrors
            }
            for tariff in shown { print(TariffText.describe(tariff)) }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank every applicable offer by annual cost, for a dwelling or a metered load curve.",
            discussion: """
            For a dwelling: simulates it, works out its delivered energy per fuel, and ranks the \
            offers of its country for each energy it buys (the meter in energy_supply decides \
            which offers apply), with the difference to its current contract and the mismatches \
            found (a peak/off-peak meter billed at a single rate, off-peak hours not used by the \
            water heater, a subscribed power far above the peak).
            For a load curve (--load, electricity): ranks the electricity offers of --country.
            """
        )
        @Argument(help: "A dwelling JSON file or an archetype id (or use --load).") var dwelling: String?
        @Option(help: ArgumentHelp("A metered electricity load curve (CSV, Docs/LoadCurveCSV.md).", valueName: "file.csv")) var load: String?
        @Flag(help: "Fill the load curve's gaps with the same weekday and time of day's mean (reported).") var fillGaps = false
        @Option(help: "Country of the offers for a load curve.") var country: String = "FR"
        @Option(help: "What the meter can do, for a load curve: single, peak_off_peak or smart.") var meter: ElectricityMeter = .smart
        @Option(help: "Weather for the dwelling: an embedded climate id or an EPW file.") var weather: String?
        @OptionGroup var useOption: UseOption
        @OptionGroup var tariffs: TariffOptions
        @Option(help: "Output format.") var format: OutputFormat = .text

        func validate() throws {
            if (dwelling == nil) == (load == nil) { throw ValidationError("give either a dwelling or --load FILE.csv") }
            if !["FR", "BE"].contains(country.uppercased()) {
                throw ValidationError("--country must be FR or BE (the countries Foyer has tariffs for), not '\(country)'")
            }
        }

        func run() throws {
            let library = try tariffs.library()
            if let load {
                let curve = try readCurve(load, fillGaps: fillGaps)
                var supply = EnergySupplySpec()
                supply.electricityMeter = meter
                let offers = EnergyAnalysis.candidates(.electricity, circuit: .main, country: country.uppercased(), supply: supply, library: library)
                let kva = tariffs.kva ?? (EnergyAnalysis.standardKVA.first { $0 >= curve.peakKW * 1.3 } ?? 36)
                var options = BillingOptions(subscribedKVA: kva, offPeakHours: tariffs.windows.isEmpty ? nil : tariffs.windows, pricesOn: tariffs.pricesDate)
                options.colours = DayColourCalendar()
                var rows: [(String, String, Double)] = []
                var excluded: [String] = []
                for offer in offers {
                    do throws(InputError) {
                        let bill = try BillEngine.bill(curve, offer: offer, library: library, options: options)
                        rows.append((offer, bill.name, bill.totalEUR))
                    } catch {
                        excluded.append("\(offer): \(error.issues.first?.messageWithAllowed ?? "")")
                    }
                }
                rows.sort { ($0.2, $0.0) < ($1.2, $1.0) }
                for warning in curve.corrections.warnings { printError(warning.description) }
                if rows.isEmpty {
                    printError("\(load): error: no offer could price this curve")
                    for line in excluded { printError("  \(line)") }
                    throw ExitCode.inputErrors
                }
                struct Row: Encodable { var offer: String; var name: String; var totalEUR: Double
                    enum CodingKeys: String, CodingKey { case offer, name, totalEUR = "total_eur" } }
                switch format {
                case .json: print(try encodeJSON(["options": rows.map { Row(offer: $0.0, name: $0.1, totalEUR: $0.2) }]))
                case .text:
                    print(String(format: "%@: %.1f kWh from %@ to %@, peak %.2f kW; %.0f kVA", load, curve.totalKWh,
                                 curve.dateRange?.lowerBound.description ?? "", curve.dateRange?.upperBound.description ?? "", curve.peakKW, kva))
                    for (offer, name, total) in rows {
                        print(String(format: "  %10.2f €  %@  (%@)", total, name, offer))
                    }
                    for line in excluded { print("  not priced: \(line)") }
                }
                return
            }
            guard let dwelling else { return }
            let simulated = try simulateForBills(dwelling, weather: weather, tariffs: tariffs, library: library, use: useOption.use)
            let report = try analyse(simulated, file: dwelling, tariffs: tariffs, library: library)
            let unpriced = report.comparisons.filter { $0.options.isEmpty }
            if !report.comparisons.isEmpty, unpriced.count == report.comparisons.count {
                printError("\(dwelling): error: no offer could price this dwelling's use")
                for comparison in unpriced { for line in comparison.excluded { printError("  \(line)") } }
                throw ExitCode.inputErrors
            }
            for comparison in unpriced {
                printError("\(dwelling): warning: no \(comparison.energy.rawValue) offer could be priced on \(comparison.pricesOn)")
            }
            switch format {
            case .json: print(try encodeJSON(report))
            case .text:
                if let use = report.use { print(use.text + "\n") }
                print(EnergyText.comparisons(report))
            }
        }
    }
}

/// Reads a load curve, printing its issues.
func readCurve(_ path: String, fillGaps: Bool) throws -> LoadCurve {
    do throws(InputError) {
        return try EnergyPipeline.loadCurve(path: path, fillGaps: fillGaps)
    } catch {
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
}

/// Simulates a dwelling for its bills (the year laid on the prices' calendar year), with the
/// command line's power and off-peak hours applied, printing issues.
func simulateForBills(_ dwelling: String, weather: String?, tariffs: TariffOptions, library: TariffLibrary, model: ThermalModel = .iso52016,
                      use: UseChoice = .automatic) throws -> EnergyPipeline.Simulated {
    do throws(InputError) {
        let loaded = Inputs.loadDwelling(dwelling, use: use)
        for warning in loaded.issues.warnings { printError(warning.description) }
        let year = loaded.dwelling.map { EnergyAnalysis.billingYear($0, library: library, pricesOn: tariffs.pricesDate) } ?? tariffs.pricesDate?.year ?? 2026
        var simulated = try EnergyPipeline.simulate(dwelling, weather: weather, model: model, calendarYear: year, use: use)
        for warning in simulated.weatherWarnings { printError(warning.description) }
        if let kva = tariffs.kva { simulated.dwelling.energySupply.subscribedKVA = kva }
        if !tariffs.offPeakHours.isEmpty { simulated.dwelling.energySupply.offPeakHours = tariffs.offPeakHours }
        return simulated
    } catch {
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
}

/// The energy analysis of a simulated dwelling, printing issues.
func analyse(_ simulated: EnergyPipeline.Simulated, file: String, tariffs: TariffOptions, library: TariffLibrary) throws -> EnergyReport {
    do throws(InputError) {
        return try EnergyAnalysis.analyse(simulated.dwelling, result: simulated.result, weather: simulated.weather, library: library,
                                          options: EnergyOptions(pricesOn: tariffs.pricesDate))
    } catch {
        for issue in error.issues { printError((issue.file == nil ? issue.inFile(file) : issue).description) }
        throw ExitCode.inputErrors
    }
}
extension DistributionOperator: ExpressibleByArgument {}
