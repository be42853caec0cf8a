import ArgumentParser
import Foundation
import Foyer

/// `foyer bills`: the household's own invoices.
struct BillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bills",
        abstract: "The household's own invoices: read them and analyse them.",
        subcommands: [Analyse.self]
    )

    struct Analyse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analyse",
            abstract: "Consumption and euros per meter, per year and per month, from invoices typed from paper.",
            discussion: """
            Reads an invoices file (CSV or JSON, one line per invoice line: energy, period, \
            quantity and unit or two meter indexes, amount in €, estimated or actual reading; \
            format and examples in Docs/InvoicesFormat.md) and prints, per meter: the energy \
            billed (natural gas in kWh PCS as on the bill, and kWh PCI as Foyer counts it), the \
            same per year over the days the bills cover, the euros paid and the mean price per \
            kWh, the months, and what to look at: estimated readings, days without a bill, days \
            billed twice, regularisations. A line with an error refuses the file; every error \
            names the line, the column, the value and what is allowed.

            Then each electricity and gas meter's consumption is priced at every offer in force \
            on the billed days (the shipped tariff files; --tariffs-dir adds others), against \
            what was paid: a cheaper offer, or a peak/off-peak option that does not fit the use, \
            is flagged. The bills do not give hours: each bill's kWh are spread over its days and \
            its register's hours, and the subscribed power is 6 kVA unless --kva says (both said).

            Examples:
              foyer bills analyse factures.csv
              foyer bills analyse factures.csv --weather H1c
              foyer bills analyse factures.json --weather station.epw --format json
              foyer bills analyse --curve gazpar.csv --energy natural_gas --weather H1b
              foyer bills analyse factures.csv --temperatures station-2025.csv --weather H1b
            """
        )

        @Argument(help: ArgumentHelp("An invoices file, CSV or JSON (or use --curve).", valueName: "file")) var file: String?
        @Option(help: ArgumentHelp("A smart-meter load curve instead (Linky, Gazpar daily export; Docs/LoadCurveCSV.md), analysed day by day.", valueName: "file.csv"))
        var curve: String?
        @Option(help: ArgumentHelp("The energy of the --curve: electricity or natural_gas (a gas curve counts kWh PCS, as the bills).", valueName: "energy"))
        var energy: Energy = .electricity
        @Option(help: ArgumentHelp("Temperatures for the degree-day model: an embedded climate id (H1a … H3, BE-Uccle) or an EPW file. Its days stand for the billed days of any year.", valueName: "climate|file.epw"))
        var weather: String?
        @Option(help: ArgumentHelp("A station's daily temperatures for the billed days (CSV: date and mean_c, or min_c and max_c; Météo-France TM/TN/TX). Needs --weather for the reference year the results are normalised to.", valueName: "file.csv"))
        var temperatures: String?
        @Option(help: ArgumentHelp("The household's dwelling (file or archetype id): calibrated to these bills, it shares the euros paid by use — heating, hot water, cooking, appliances, standby, lighting, fixed charges.", valueName: "dwelling"))
        var dwelling: String?
        @Option(help: "Thermal model for --dwelling: iso52016 or 5r1c.") var model: ThermalModel = .iso52016
        @OptionGroup var tariffs: TariffOptions
        @Option(help: "Country of the offers the bills are compared with: FR or BE.") var country: String = "FR"
        @Option(name: .customLong("distribution-operator"), help: ArgumentHelp("The Walloon network operator (ores, resa, aieg, aiesh, rew): the offers composed with its network tariff are compared too.", valueName: "operator"))
        var distributionOperator: DistributionOperator?
        @Option(help: ArgumentHelp("What the electricity meter counts: single, peak_off_peak or smart (the offers it can bill).", valueName: "meter"))
        var meter: ElectricityMeter = .smart
        @Flag(name: .customLong("no-offers"), help: "Do not compare the bills with the offers in force.") var noOffers = false
        @Option(help: "Output format.") var format: OutputFormat = .text

        func validate() throws {
            if (file == nil) == (curve == nil) { throw ValidationError("give either an invoices file or --curve FILE.csv") }
            if !["FR", "BE"].contains(country.uppercased()) { throw ValidationError("--country is FR or BE, not '\(country)'") }
            if tariffs.pricesOn != nil { throw ValidationError("--prices-on does not apply to invoices: each billed day is priced at the offers in force that day") }
            if temperatures != nil, weather == nil { throw ValidationError("--temperatures needs --weather: the reference year the results are normalised to (H1a … H3, BE-Uccle, or an EPW)") }
            if curve != nil, energy != .electricity, energy != .naturalGas {
                throw ValidationError("--energy for a curve is electricity or natural_gas, not \(energy.rawValue)")
            }
        }

        func run() throws {
            let book: InvoiceBook
            var meteredCurve: LoadCurve?
            if let curve {
                let loaded = try readCurve(curve, fillGaps: false)
                if energy == .electricity { meteredCurve = loaded }
                for warning in loaded.corrections.warnings { printError(warning.description) }
                var totals: [CivilDate: Double] = [:]
                for interval in loaded.intervals { totals[interval.start.date, default: 0] += interval.kWh }
                book = InvoiceBook.dailyTotals(totals.map { ($0.key, $0.value) }, energy: energy, meter: "curve", origin: curve)
            } else {
                book = try readInvoices(file ?? "")
            }
            if curve != nil {
                for issue in book.issues { printError(issue.description) }
                if book.issues.hasErrors { throw ExitCode.inputErrors }
            }
            var reference: DailyTemperatures?
            if let weather {
                do throws(InputError) {
                    let loaded = try Inputs.weather(source: weather)
                    for warning in loaded.warnings { printError(warning.description) }
                    reference = DailyTemperatures(typicalYear: loaded.year)
                } catch {
                    for issue in error.issues { printError(issue.description) }
                    throw ExitCode.inputErrors
                }
            }
            let measured = try temperatures.map { try readDailyTemperatures($0, strict: false) }
            var analysis = InvoiceAnalysis(book, temperatures: measured ?? reference, normalisation: reference)
            if !noOffers {
                // What the same consumption would have cost at the offers in force on the billed days.
                let library = try tariffs.library()
                analysis.offers = InvoiceOffers.compare(book, library: library, meter: InvoiceOffers.Meter(
                    country: country.uppercased(), subscribedKVA: tariffs.kva, offPeakHours: tariffs.windows.isEmpty ? nil : tariffs.windows,
                    electricityMeter: meter, curve: meteredCurve, distributionOperator: distributionOperator))
            }
            guard let dwelling else {
                switch format {
                case .text: print(analysis.text(), terminator: "")
                case .json: print(try encodeJSON(analysis))
                }
                return
            }
            // The dwelling calibrated to these bills shares the euros paid by use.
            let loaded = Inputs.loadDwelling(dwelling)
            for warning in loaded.issues.warnings { printError(warning.description) }
            guard let household = loaded.dwelling else {
                for error in loaded.issues.errors { printError(error.description) }
                throw ExitCode.inputErrors
            }
            let simulator = try CalibrateCommand.simulator(for: household, books: [book], weather: weather, billedWeather: nil,
                                                           temperatures: temperatures, model: model, billsFile: file ?? curve ?? "")
            let calibration: Calibration
            let daily: HouseholdSimulator.DailyEnergy
            do {
                calibration = try Calibration.calibrate(household, conventional: nil, bills: book, simulator: simulator)
                daily = try simulator.run(calibration.dwelling)
            } catch {
                printError("\(file ?? curve ?? ""): error: \(error)")
                throw ExitCode.inputErrors
            }
            let euros = PaidEurosByUse.allocate(book, daily: daily)
            switch format {
            case .text:
                print(analysis.text(), terminator: "")
                let fitted = calibration.parameters.map { "\($0.name.rawValue) \(NumberText.short($0.value, maxDecimals: 2))\($0.unit.isEmpty ? "" : " " + $0.unit)" }
                let fits = calibration.meters.compactMap { meter in meter.nmbePercent.map { "\(meter.energy.rawValue) NMBE \(NumberText.fixed($0, 1)) %, CV(RMSE) \(NumberText.fixed(meter.cvRMSEPercent ?? 0, 1)) %" } }
                print("\n\(household.name) calibrated to these bills (foyer calibrate for the details): " + fitted.joined(separator: ", ")
                      + (fits.isEmpty ? "" : "; " + fits.joined(separator: "; ")))
                for warning in calibration.warnings { print("warning: \(warning)") }
                print(euros.text(), terminator: "")
            case .json:
                struct Output: Encodable {
                    var analysis: InvoiceAnalysis
                    var calibration: Calibration
                    var eurosByUse: PaidEurosByUse
                    enum CodingKeys: String, CodingKey { case analysis, calibration, eurosByUse = "euros_by_use" }
                }
                print(try encodeJSON(Output(analysis: analysis, calibration: calibration, eurosByUse: euros)))
            }
        }
    }
}
