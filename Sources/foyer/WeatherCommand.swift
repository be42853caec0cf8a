import ArgumentParser
import Foundation
import Foyer

struct WeatherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weather",
        abstract: "Summarise a climate month by month: temperatures, sunshine, degree-days.",
        discussion: """
        SOURCE is an embedded reference climate — the French RT2012 zones H1a, H1b, H1c, H2a, H2b, \
        H2c, H2d, H3 and Brussels-Uccle (BE-Uccle), which need no file — or the path of an \
        EnergyPlus weather file (.epw).

        For each month: mean, minimum and maximum dry-bulb temperature (°C), global horizontal \
        irradiation (kWh/m²) and heating degree-days base 18 °C from daily means (K·day); then the \
        year, its heating degree-hours and its design temperature (the 1 % coldest hours).

        Examples:
          foyer weather H1a
          foyer weather BE-Uccle --format json
          foyer weather USA_CO_Denver-725650_TMY3.epw
        """
    )

    @Argument(help: ArgumentHelp("An embedded climate id (H1a … H3, BE-Uccle) or an EPW file.", valueName: "source"))
    var source: String

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .customLong("base-temperature"), help: "Base temperature of the degree-days, °C.", transform: plainNumber("--base-temperature"))
    var baseTemperatureC: Double = 18

    func validate() throws {
        guard baseTemperatureC.isFinite, (-10...30).contains(baseTemperatureC) else {
            throw ValidationError("--base-temperature \(baseTemperatureC) is outside -10…30 °C")
        }
    }

    struct MonthRow: Encodable {
        var month: Int
        var meanDryBulbC, minDryBulbC, maxDryBulbC, globalHorizontalKWhPerM2, heatingDegreeDays: Double

        enum CodingKeys: String, CodingKey {
            case month
            case meanDryBulbC = "mean_dry_bulb_c"
            case minDryBulbC = "min_dry_bulb_c"
            case maxDryBulbC = "max_dry_bulb_c"
            case globalHorizontalKWhPerM2 = "global_horizontal_kwh_per_m2"
            case heatingDegreeDays = "heating_degree_days_kd"
        }
    }

    struct Report: Encodable {
        var source, location: String
        var latitudeDeg, longitudeDeg, altitudeM, baseTemperatureC: Double
        var months: [MonthRow]
        var annual: MonthRow
        var heatingDegreeHours, designTemperatureC: Double

        enum CodingKeys: String, CodingKey {
            case source, location, months, annual
            case latitudeDeg = "latitude_deg"
            case longitudeDeg = "longitude_deg"
            case altitudeM = "altitude_m"
            case baseTemperatureC = "base_temperature_c"
            case heatingDegreeHours = "heating_degree_hours_kh"
            case designTemperatureC = "design_temperature_c"
        }
    }

    func run() throws {
        let year: WeatherYear
        do {
            let loaded = try Inputs.weather(source: source)
            for warning in loaded.warnings { printError(warning.description) }
            year = loaded.year
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        let summary = MonthlyClimateSummary(year, baseTemperatureC: baseTemperatureC)
        let months = summary.months.map {
            MonthRow(month: $0.month, meanDryBulbC: $0.meanDryBulbC, minDryBulbC: $0.minDryBulbC, maxDryBulbC: $0.maxDryBulbC,
                     globalHorizontalKWhPerM2: $0.globalHorizontalKWhPerM2, heatingDegreeDays: $0.heatingDegreeDaysKD)
        }
        let annual = MonthRow(month: 0, meanDryBulbC: summary.annualMeanDryBulbC, minDryBulbC: summary.annualMinDryBulbC,
                              maxDryBulbC: summary.annualMaxDryBulbC, globalHorizontalKWhPerM2: summary.annualGlobalHorizontalKWhPerM2,
                              heatingDegreeDays: summary.annualHeatingDegreeDaysKD)
        let location = year.location
        let report = Report(source: year.source, location: location.name, latitudeDeg: location.latitudeDeg, longitudeDeg: location.longitudeDeg,
                            altitudeM: location.altitudeM, baseTemperatureC: baseTemperatureC, months: months, annual: annual,
                            heatingDegreeHours: summary.annualHeatingDegreeHoursKH, designTemperatureC: summary.designHeatingTemperatureC)
        switch format {
        case .json:
            print(try encodeJSON(report))
        case .text:
            print(report.source)
            print("\(location.name): \(fixed(location.latitudeDeg, 2))° N, \(fixed(location.longitudeDeg, 2))° E, \(fixed(location.altitudeM, 0)) m")
            print("")
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            var rows = months.map { [names[$0.month - 1], fixed($0.meanDryBulbC, 1), fixed($0.minDryBulbC, 1), fixed($0.maxDryBulbC, 1),
                                     fixed($0.globalHorizontalKWhPerM2, 1), fixed($0.heatingDegreeDays, 0)] }
            rows.append(["Year", fixed(annual.meanDryBulbC, 1), fixed(annual.minDryBulbC, 1), fixed(annual.maxDryBulbC, 1),
                         fixed(annual.globalHorizontalKWhPerM2, 0), fixed(annual.heatingDegreeDays, 0)])
            let base = fixed(baseTemperatureC, baseTemperatureC == baseTemperatureC.rounded() ? 0 : 1)
            print(table(["month", "mean °C", "min °C", "max °C", "GHI kWh/m²", "HDD\(base) K·d"], rows))
            print("")
            print("Heating degree-hours (base \(base) °C): \(fixed(report.heatingDegreeHours, 0)) K·h")
            print("Design temperature (1 % coldest hours): \(fixed(report.designTemperatureC, 1)) °C")
        }
    }
}
