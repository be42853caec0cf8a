import ArgumentParser
import Foundation
import Foyer

extension ThermalModel: ExpressibleByArgument {}
extension UseChoice: ExpressibleByArgument {}

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a dwelling hour by hour: heating and cooling needs, peaks, comfort, heat balance.",
        discussion: """
        Runs a year of hourly weather through the dwelling's thermal network and reports the \
        heating and cooling needs (kWh, per month and per year), the peak powers (W) with their \
        hour, the hours of discomfort during occupancy (operative temperature below 16 °C and \
        19 °C, above 28 °C), and the heat balance by component with its closure error; then, \
        through the dwelling's heating, hot-water and other-use systems, the delivered energy \
        per fuel, primary energy and CO₂, the bill under its contracts and every applicable \
        offer ranked (--no-energy skips this part).

        Models: iso52016 (EN ISO 52016-1, the reference: 5 nodes per wall, 2 per window), \
        5r1c (EN ISO 13790 Annex C, the fast hourly screening model) and monthly (EN ISO 13790 \
        monthly method alone: needs per month with heat transfer, gains and utilisation; no \
        peaks, comfort or hourly file). The monthly method's needs are also reported beside \
        every hourly run. The heating power is limited to the dwelling's systems' \
        max_power_w unless --ideal-loads is given.

        Examples:
          foyer simulate fr/sfh-1949-1974
          foyer simulate my-house.json --model 5r1c --format json
          foyer simulate my-house.json --model monthly
          foyer simulate my-house.json --weather H2b --hourly hours.csv
          foyer simulate validation/ashrae140-600 --weather USA_CO_Denver-725650_TMY3.epw --first-weekday 7
        """
    )

    @Argument(help: ArgumentHelp("A dwelling JSON file or a bundled archetype id.", valueName: "dwelling"))
    var dwelling: String

    @Option(help: "Weather: an embedded climate id (H1a … H3, BE-Uccle) or an EPW file; overrides the dwelling's.")
    var weather: String?

    @Option(help: "Thermal model: iso52016, 5r1c (hourly) or monthly (the monthly method is also reported beside the hourly ones).")
    var model: ThermalModel = .iso52016

    @Option(help: ArgumentHelp("Use of the dwelling: conventional (the file's top-level fields: 19 °C everywhere, all year, as the DPE), household (its household_use: the household's own season, set-points, heated share, hot water, appliances) or auto (household when the file has one).", valueName: "auto|conventional|household"))
    var use: UseChoice = .automatic

    @Option(help: ArgumentHelp("Write the hourly temperatures and powers to this CSV file.", valueName: "file.csv"))
    var hourly: String?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "Ignore the heating systems' maximum power.")
    var idealLoads = false

    @Option(name: .customLong("outside-film"), help: ArgumentHelp("Outside convective coefficient (iso52016): weather (from the hour's wind at the house and the site's location.terrain, EN ISO 6946 Annex C) or conventional (a constant 20 W/(m²·K), EN ISO 13789).", valueName: "weather|conventional"))
    var outsideFilm: OutsideFilm = .weather

    @Option(name: .customLong("inside-convection"), help: ArgumentHelp("Inside convective coefficients (iso52016): temperature-difference (each surface's own, from its difference with the air and its orientation, hour by hour; Walton's natural-convection correlations) or conventional (EN ISO 13789's fixed 2.5 W/(m²·K) on walls, 5.0 upwards, 0.7 downwards).", valueName: "temperature-difference|conventional"))
    var insideConvection: InsideConvection = .temperatureDifference

    @Option(help: ArgumentHelp("Day of the week of January 1st (1 = Monday … 7 = Sunday). Default: that of the year the bills are laid on (the year of the prices used, e.g. 2026: 4, Thursday), so occupancy and tariff weekdays agree; 1 with --no-energy.", valueName: "1-7"))
    var firstWeekday: Int?

    @Flag(help: "Skip the systems, fuels and bills (thermal results only).")
    var noEnergy = false

    @Option(help: ArgumentHelp("Price at the tariffs in force on this day (YYYY-MM-DD); default: the newest date on which most offers have prices.", valueName: "date"))
    var pricesOn: String?

    @Option(name: .customLong("tariffs-dir"), help: ArgumentHelp("A folder of extra tariff files.", valueName: "folder"))
    var tariffDirectories: [String] = []

    func validate() throws {
        try TariffOptions.checkPricesOn(pricesOn)
        if let firstWeekday, !(1...7).contains(firstWeekday) { throw ValidationError("--first-weekday must be 1 (Monday) … 7 (Sunday), not \(firstWeekday)") }
        if model == .monthly, hourly != nil {
            throw ValidationError("--hourly needs an hourly model (--model iso52016 or 5r1c); the monthly method has no hours")
        }
    }

    func run() throws {
        let resolved = try loadDwellingOrExit(dwelling, use: use)
        // The simulated year is laid on the calendar of the prices' year for the bills: its
        // weekdays must be those the occupancy schedules ran on.
        let wantsEnergy = !noEnergy && model != .monthly
        let tariffs = countryTariffs(resolved, directories: tariffDirectories)
        let (prepared, library) = try loadWeatherOrExit(weather, for: resolved) { () throws(InputError) -> TariffLibrary? in
            wantsEnergy ? try tariffs() : nil
        }
        let year = prepared.weather
        let pricesDate = pricesOn.flatMap(CivilDate.init(iso:))
        let weekday = firstWeekday ?? library.map { CivilDate(EnergyAnalysis.billingYear(resolved, library: $0, pricesOn: pricesDate), 1, 1).isoWeekday } ?? 1
        var options = SimulationOptions(firstWeekday: weekday, idealLoads: idealLoads)
        options.outsideFilm = outsideFilm
        options.insideConvection = insideConvection
        let solar = prepared.solar
        if model == .monthly {
            var report = MonthlyMethodReport(
                ISO13790.monthlyNeeds(resolved, weather: year, solar: solar, options: options),
                dwelling: resolved.name, weather: year.source, floorAreaM2: resolved.floorAreaM2)
            report.use = UseSummary(resolved)
            guard report.isFinite else {
                printError("\(dwelling): error: the monthly method produced non-finite values; nothing was written (please report this dwelling file)")
                throw ExitCode.failure
            }
            switch format {
            case .json: print(try encodeJSON(report))
            case .text: print(report.text())
            }
            return
        }
        let zone: PreparedZone
        do {
            zone = model == .fiveR1C
                ? try ISO13790.prepare(resolved, weather: year, solar: solar, options: options)
                : try ISO52016.prepare(resolved, weather: year, solar: solar, options: options)
        } catch {
            printError("\(dwelling): error: \(error)")
            throw ExitCode.inputErrors
        }
        let result = HourlyEngine.run(zone, warmUpHours: options.warmUpHours)
        let monthlyNeeds = ISO13790.monthlyNeeds(resolved, weather: year, solar: solar, options: options)
        var report = SimulationReport(result, dwelling: resolved.name, weather: year.source, monthlyMethod: monthlyNeeds)
        report.use = UseSummary(resolved)
        if let library {
            // From heat to the bill: systems, fuels, tariffs (issue 4).
            do throws(InputError) {
                report.energy = try EnergyAnalysis.analyse(resolved, result: result, weather: year, library: library,
                                                           options: EnergyOptions(pricesOn: pricesDate))
            } catch {
                for issue in error.issues { printError((issue.file == nil ? issue.inFile(dwelling) : issue).description) }
                throw ExitCode.inputErrors
            }
        }
        guard report.isFinite else {
            printError("\(dwelling): error: the simulation produced non-finite values; nothing was written (please report this dwelling file)")
            throw ExitCode.failure
        }
        if let hourly {
            if let problem = OutputFile.write(Data(SimulationReport.hourlyCSV(result).utf8), to: hourly) {
                printError("\(hourly): error: cannot write the hourly file (\(problem))")
                throw ExitCode.failure
            }
        }
        switch format {
        case .json: print(try encodeJSON(report))
        case .text:
            print(report.text())
            if let energy = report.energy { print("\n" + EnergyText.summary(energy)) }
        }
    }
}
