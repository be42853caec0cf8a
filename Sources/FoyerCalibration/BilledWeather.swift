import Foundation
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerInvoices
import FoyerThermal

/// The weather the billed days are simulated with, prepared once (weather, sun positions and
/// irradiance on every orientation) and shared by every run of a calibration.
public struct BilledWeather: Sendable {
    /// Where the billed days' weather comes from.
    public enum Kind: String, Sendable, Encodable {
        /// A reference (typical) year stands for every billed year: the bills' own weather is
        /// unknown, and the fit absorbs the difference (a warning says so).
        case referenceYear = "reference_year"
        /// An hourly file of the billed year itself (an EPW of that year).
        case billedYear = "billed_year"
        /// A station's measured daily means laid on the reference year's hours.
        case stationDays = "station_days"
    }

    /// One year ready to simulate (the shared ``PreparedWeather``).
    public typealias PreparedYear = PreparedWeather

    public var kind: Kind
    public var source: String
    /// The year used for billed days of any calendar year (reference year, billed-year file).
    var anyYear: PreparedYear?
    /// Calendar year → its year (station days).
    var byYear: [Int: PreparedYear]
    /// Days of the billed years without a station measurement (they keep the reference year's).
    public var daysWithoutMeasurement: Int

    /// A reference year for every billed day.
    public static func referenceYear(_ weather: WeatherYear) -> BilledWeather {
        BilledWeather(kind: .referenceYear, source: weather.source, anyYear: PreparedYear(weather), byYear: [:], daysWithoutMeasurement: 0)
    }

    /// An hourly file of the billed year itself.
    public static func billedYear(_ weather: WeatherYear) -> BilledWeather {
        BilledWeather(kind: .billedYear, source: weather.source, anyYear: PreparedYear(weather), byYear: [:], daysWithoutMeasurement: 0)
    }

    /// A station's daily means for `years`, laid on `reference`'s hours by shifting each day's
    /// hourly temperatures (air and dew point) by the difference of the daily means — the "shift"
    /// morphing of Belcher, Hacker & Powell, Building Services Engineering Research & Technology
    /// 26(1), 2005, 49–61. The sky's long-wave radiation is shifted with it (same sky
    /// depression); sun and wind stay the reference year's. 29 February is not simulated (its
    /// bills take 28 February's day).
    public static func stationDays(_ days: DailyTemperatures, reference: WeatherYear, years: [Int]) -> BilledWeather {
        var prepared: [Int: PreparedYear] = [:]
        var missing = 0
        let sigma = 5.670374419e-8
        for year in years {
            var weather = reference
            for day in 0..<365 {
                let (month, dayOfMonth) = HouseholdParameter.monthAndDay(day)
                let date = CivilDate(year, month, dayOfMonth)
                guard days.firstMissingDay(from: date, to: date) == nil else {
                    missing += 1
                    continue
                }
                let hours = day * 24..<(day + 1) * 24
                let referenceMean = hours.reduce(0) { $0 + reference.dryBulbC[$1] } / 24
                let shift = days.meanC(on: date) - referenceMean
                for hour in hours {
                    weather.dryBulbC[hour] += shift
                    weather.dewPointC[hour] += shift
                    let infrared = weather.horizontalInfraredWPerM2[hour]
                    if infrared > 0 {
                        let skyK = pow(infrared / sigma, 0.25)
                        weather.horizontalInfraredWPerM2[hour] = sigma * pow(max(skyK + shift, 150), 4)
                    }
                }
            }
            weather.source = "\(days.source) for \(year), on the hours of \(reference.source)"
            prepared[year] = PreparedYear(weather)
        }
        return BilledWeather(kind: .stationDays, source: days.source, anyYear: nil, byYear: prepared, daysWithoutMeasurement: missing)
    }

    /// The same weather `kelvin` warmer every hour (air, dew point and sky together): what a
    /// billed year milder than the reference would be, for the weather sensitivity of a fit.
    public func shifted(byK kelvin: Double) -> BilledWeather {
        let sigma = 5.670374419e-8
        func shift(_ year: PreparedYear) -> PreparedYear {
            var weather = year.weather
            weather.dryBulbC = weather.dryBulbC.map { $0 + kelvin }
            weather.dewPointC = weather.dewPointC.map { $0 + kelvin }
            weather.horizontalInfraredWPerM2 = weather.horizontalInfraredWPerM2.map { infrared in
                infrared > 0 ? sigma * pow(max(pow(infrared / sigma, 0.25) + kelvin, 150), 4) : infrared
            }
            // The sun does not move: the irradiance prepared for the year stays valid.
            var prepared = year
            prepared.weather = weather
            return prepared
        }
        var copy = self
        copy.anyYear = anyYear.map(shift)
        copy.byYear = byYear.mapValues(shift)
        return copy
    }

    /// The calendar years to simulate (`nil`: one year stands for all).
    var calendarYears: [Int?] { anyYear != nil ? [nil] : byYear.keys.sorted().map { $0 } }

    /// The prepared year for calendar year `year`.
    public func prepared(_ year: Int?) -> PreparedYear? {
        if let anyYear { return anyYear }
        return year.flatMap { byYear[$0] }
    }
}
