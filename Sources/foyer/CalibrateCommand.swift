import ArgumentParser
import Foundation
import Foyer

extension HouseholdParameter: ExpressibleByArgument {}

/// `foyer calibrate`: the dwelling's household use fitted to the household's bills.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the household's use (set-point, heated share, season, hot water, appliances) to its bills.",
        discussion: """
        Simulates the dwelling on the billed days and fits the household-use parameters so that \
        the simulated energy of each billing period meets the bill: bounded nonlinear least \
        squares (Levenberg–Marquardt, LAPACK), residuals weighted by the days of each period. \
        Prints each fitted value with its standard error, the correlations of the estimates \
        (set-point and heated share trade off: the bills may fix only their combination), how \
        well each meter's bills are reproduced (ASHRAE Guideline 14 NMBE and CV(RMSE) with \
        n − p) and the ratio of the actual consumption to the conventional use's over the same \
        days. With -o, writes the dwelling file with its household_use set to the fitted values: \
        simulate it with --use household.

        Estimated readings are merged into the next actual reading's period (with the \
        regularisations dated within it); deliveries are not fitted.

        Weather: --temperatures with a station's daily means for the billed days (laid on the \
        reference year's hours), or --billed-weather with an EPW file of the billed year; \
        otherwise the reference year (--weather, or the dwelling's), with a warning.

        Parameters: by default those the bills can inform (the set-point with heating bills, \
        the appliances with electricity bills, the hot water with summer bills, the heated \
        share from 6 heating periods, the season from 8). --fit chooses them; --fix holds one \
        at what was seen at the visit.

        Examples:
          foyer calibrate examples/household-1949-1974 --bills factures.csv
          foyer calibrate maison.json --bills factures.csv --temperatures station-2025.csv -o maison-calibree.json
          foyer calibrate maison.json --bills factures.csv --fix heated_share=0.5 --fit setpoint,season_days
          foyer calibrate maison.json --bills factures.json --model 5r1c --format json
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String

    @Option(help: ArgumentHelp("The household's invoices (CSV or JSON, Docs/InvoicesFormat.md).", valueName: "file"))
    var bills: String

    @Option(help: ArgumentHelp("Reference year: an embedded climate id (H1a … H3, BE-Uccle) or an EPW file; default the dwelling's.", valueName: "climate|file.epw"))
    var weather: String?

    @Option(name: .customLong("billed-weather"), help: ArgumentHelp("An EPW file of the billed year itself (its hours are the billed days').", valueName: "file.epw"))
    var billedWeather: String?

    @Option(help: ArgumentHelp("A station's daily temperatures for the billed days (CSV: date and mean_c, or min_c and max_c; Météo-France TM/TN/TX).", valueName: "file.csv"))
    var temperatures: String?

    @Option(help: "Thermal model: iso52016 or 5r1c.")
    var model: ThermalModel = .iso52016

    @Option(help: ArgumentHelp("The parameters to fit, comma-separated: setpoint, heated_share, season_days, hot_water_litres_per_day, appliances_kwh_per_year.", valueName: "list"))
    var fit: String?

    @Option(help: ArgumentHelp("Hold a parameter at a value seen at the visit, e.g. heated_share=0.5 (repeat for several).", valueName: "name=value"))
    var fix: [String] = []

    @Option(help: ArgumentHelp("Bills after a measure (works, a new boiler): the saving is read from them against the calibrated household on their days and weather.", valueName: "file"))
    var after: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the calibrated dwelling file here.", valueName: "file.json"))
    var output: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
        if model == .monthly { throw ValidationError("--model is iso52016 or 5r1c: the bills are compared day by day") }
        if billedWeather != nil, temperatures != nil { throw ValidationError("give --billed-weather or --temperatures, not both") }
        if after != nil, billedWeather != nil {
            throw ValidationError("--after needs the weather of both periods: give --temperatures with a station's days for the bills before and after")
        }
        _ = try parsedFit()
        _ = try parsedFixes()
    }

    func parsedFit() throws -> [HouseholdParameter]? {
        guard let fit else { return nil }
        return try fit.split(separator: ",").map { name in
            let text = name.trimmingCharacters(in: .whitespaces)
            guard let parameter = HouseholdParameter(rawValue: text) else {
                let known = HouseholdParameter.allCases.map(\.rawValue)
                let hint = Suggestions.didYouMean(text, among: known).map { " (\($0))" } ?? ""
                throw ValidationError("--fit: unknown parameter '\(text)'\(hint); allowed: \(known.joined(separator: ", "))")
            }
            return parameter
        }
    }

    func parsedFixes() throws -> [HouseholdParameter: Double] {
        var fixed: [HouseholdParameter: Double] = [:]
        for item in fix {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let parameter = HouseholdParameter(rawValue: parts[0].trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--fix \(item): expected name=value with name one of \(HouseholdParameter.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let value = DecimalText.number(parts[1].trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ValidationError("--fix \(item): '\(parts[1])' is not a number")
            }
            let range = parameter.bounds(occupants: 30)
            guard range.contains(value) || (parameter == .hotWaterLitresPerDay && value >= 0) else {
                throw ValidationError("--fix \(item): \(parameter.rawValue) must lie in \(NumberText.short(range.lowerBound))…\(NumberText.short(range.upperBound)) \(parameter.unit)")
            }
            fixed[parameter] = value
        }
        return fixed
    }

    func run() throws {
        let loaded = Inputs.loadDwelling(dwelling)
        for warning in loaded.issues.warnings { printError(warning.description) }
        guard let household = loaded.dwelling else {
            for error in loaded.issues.errors { printError(error.description) }
            throw ExitCode.inputErrors
        }
        let conventional = Inputs.loadDwelling(dwelling, use: .conventional).dwelling

        let book = try readInvoices(bills)
        let afterBook = try after.map(readInvoices)
        let simulator = try prepareWeather(household, book: book, after: afterBook)
        let options = CalibrationOptions(parameters: try parsedFit(), fixed: try parsedFixes())
        var calibration: Calibration
        do throws(CalibrationError) {
            calibration = try Calibration.calibrate(household, conventional: conventional, bills: book, simulator: simulator, options: options)
        } catch {
            printError("\(bills): error: \(error)")
            throw ExitCode.inputErrors
        }
        if let afterBook, let after {
            do throws(CalibrationError) {
                calibration.measuredSaving = try MeasuredSaving.compute(calibration, after: afterBook, simulator: simulator)
            } catch {
                printError("\(after): error: \(error)")
                throw ExitCode.inputErrors
            }
        }
        if let output {
            let original: JSONValue? = FileManager.default.fileExists(atPath: dwelling)
                ? (try? JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: dwelling)), file: dwelling)) : nil
            let periods = calibration.periods
            let from = periods.map(\.start).min().map { "\($0)" } ?? "", to = periods.map(\.end).max().map { "\($0)" } ?? ""
            let fits = calibration.meters.compactMap { meter in
                meter.nmbePercent.map { "\(meter.energy.rawValue) NMBE \(NumberText.fixed($0, 1)) %, CV(RMSE) \(NumberText.fixed(meter.cvRMSEPercent ?? 0, 1)) %" }
            }
            let weatherName: String = switch calibration.weatherKind {
            case .referenceYear: "reference year " + (weather ?? household.location.weatherName)
            case .billedYear: "billed year " + ((billedWeather ?? "") as NSString).lastPathComponent
            case .stationDays: "station days " + ((temperatures ?? "") as NSString).lastPathComponent
            }
            let source = "foyer calibrate on \((bills as NSString).lastPathComponent) (\(from) to \(to)), model \(model.rawValue), weather: \(weatherName)"
                + (fits.isEmpty ? "" : "; " + fits.joined(separator: "; "))
            let document = CalibratedFile.document(calibration, original: original, archetype: original == nil ? dwelling : nil, source: source)
            let data = try CalibratedFile.data(document)
            if let problem = OutputFile.write(data, to: output) {
                printError("\(output): error: cannot write the calibrated file (\(problem))")
                throw ExitCode.failure
            }
        }
        switch format {
        case .json: print(try encodeJSON(calibration))
        case .text:
            print(calibration.text(dwellingName: household.name, billsFile: bills), terminator: "")
            if let saving = calibration.measuredSaving { print("\n" + saving.text(), terminator: "") }
            if let output { print("\nCalibrated dwelling written to \(output) (household_use); simulate it with: foyer simulate \(output) --use household") }
        }
    }


    func prepareWeather(_ dwelling: ResolvedDwelling, book: InvoiceBook, after: InvoiceBook?) throws -> HouseholdSimulator {
        try Self.simulator(for: dwelling, books: [book] + (after.map { [$0] } ?? []), weather: weather, billedWeather: billedWeather,
                           temperatures: temperatures, model: model, billsFile: bills)
    }

    /// The weather of the billed days, prepared once: an hourly file of the billed year, a
    /// station's days laid on the reference year, or the reference year itself.
    static func simulator(for dwelling: ResolvedDwelling, books: [InvoiceBook], weather: String?, billedWeather: String?,
                          temperatures: String?, model: ThermalModel, billsFile: String) throws -> HouseholdSimulator {
        func orExit<T>(_ body: () throws(InputError) -> T) throws -> T {
            do throws(InputError) { return try body() } catch {
                for issue in error.issues { printError(issue.description) }
                throw ExitCode.inputErrors
            }
        }
        if let billedWeather {
            let loaded = try orExit { () throws(InputError) in try Inputs.weather(source: billedWeather) }
            for warning in loaded.warnings { printError(warning.description) }
            return HouseholdSimulator(weather: .billedYear(loaded.year), model: model)
        }
        let reference = try orExit { () throws(InputError) in
            if let weather { return try Inputs.weather(source: weather) }
            return try Inputs.weather(for: dwelling.location)
        }
        for warning in reference.warnings { printError(warning.description) }
        guard let temperatures else { return HouseholdSimulator(weather: .referenceYear(reference.year), model: model) }
        let days = try readDailyTemperatures(temperatures)
        let years = Set(books.flatMap(\.lines).flatMap { [$0.start.year, $0.end.year] }).sorted()
        guard years.count <= 10 else {
            printError("\(billsFile): error: the bills span \(years.count) calendar years (\(years.first ?? 0)–\(years.last ?? 0)); calibrate on at most 10")
            throw ExitCode.inputErrors
        }
        return HouseholdSimulator(weather: .stationDays(days, reference: reference.year, years: years), model: model)
    }
}

/// Reads a station's daily mean temperatures (CSV), printing its issues; exits when nothing could
/// be read, or on any error when `strict`.
func readDailyTemperatures(_ path: String, strict: Bool = true) throws -> DailyTemperatures {
    let data: Data
    do throws(InputError) {
        data = try InputFile.read(path, kind: .dailyTemperatures)
    } catch {
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
    let (read, issues) = DailyTemperatureCSV.read(data: data, file: path)
    for issue in issues { printError(issue.description) }
    guard let read, !(strict && issues.hasErrors) else { throw ExitCode.inputErrors }
    return read
}

/// Reads an invoices file, printing its issues; exits on errors.
func readInvoices(_ path: String) throws -> InvoiceBook {
    let data: Data
    do throws(InputError) {
        data = try InputFile.read(path, kind: .invoices)
    } catch {
        for issue in error.issues { printError(issue.description) }
        throw ExitCode.inputErrors
    }
    let book = InvoiceReader.read(data: data, file: path)
    for issue in book.issues { printError(issue.description) }
    if book.issues.hasErrors { throw ExitCode.inputErrors }
    return book
}

