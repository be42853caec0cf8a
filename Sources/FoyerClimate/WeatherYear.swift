/// Where a weather year was observed or for which it was generated.
public struct WeatherLocation: Sendable, Equatable, Codable {
    /// A human-readable name ("DENVER INTL AP", "RT2012 H1a").
    public var name: String
    /// Latitude in degrees, north positive.
    public var latitudeDeg: Double
    /// Longitude in degrees, east positive.
    public var longitudeDeg: Double
    /// Offset of the data's clock from UTC in hours (east positive: France in winter is +1).
    ///
    /// Hour `h` of a day in the data covers local clock time `[h, h+1)`; the UTC instant of its
    /// midpoint is `h + 0.5 − timeZoneHours`.
    public var timeZoneHours: Double
    /// Altitude above sea level in metres.
    public var altitudeM: Double

    public init(name: String, latitudeDeg: Double, longitudeDeg: Double, timeZoneHours: Double, altitudeM: Double) {
        self.name = name
        self.latitudeDeg = latitudeDeg
        self.longitudeDeg = longitudeDeg
        self.timeZoneHours = timeZoneHours
        self.altitudeM = altitudeM
    }
}

/// One year of hourly weather: 8 760 hours of a non-leap year, January 1st 00:00 first.
///
/// Hour index `i` covers the interval `[i, i+1)` hours after January 1st 00:00 local standard
/// time (EPW hour `i+1`). Temperatures and humidity are the values of that hour as given by the
/// source; irradiances are the mean over the hour in W/m² (numerically the hour's Wh/m²).
///
/// Every array has exactly ``hoursPerYear`` elements; the initialiser checks it.
public struct WeatherYear: Sendable {
    /// Hours in a non-leap year.
    public static let hoursPerYear = 8760
    /// Days in each month of a non-leap year.
    public static let daysPerMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public var location: WeatherLocation
    /// Where the data comes from: a file path or an embedded reference year's description.
    public var source: String
    /// Outdoor dry-bulb air temperature, °C.
    public var dryBulbC: [Double]
    /// Dew-point temperature, °C.
    public var dewPointC: [Double]
    /// Relative humidity, %.
    public var relativeHumidityPercent: [Double]
    /// Atmospheric station pressure, Pa.
    public var pressurePa: [Double]
    /// Global horizontal irradiance, W/m² (mean over the hour).
    public var globalHorizontalWPerM2: [Double]
    /// Direct normal irradiance, W/m² (mean over the hour).
    public var directNormalWPerM2: [Double]
    /// Diffuse horizontal irradiance, W/m² (mean over the hour).
    public var diffuseHorizontalWPerM2: [Double]
    /// Downwelling long-wave (infrared) irradiance on a horizontal surface, W/m².
    public var horizontalInfraredWPerM2: [Double]
    /// Wind speed, m/s.
    public var windSpeedMPerS: [Double]
    /// Wind direction, degrees clockwise from north (where the wind comes from).
    public var windDirectionDeg: [Double]

    /// Creates a weather year, checking that every series has 8 760 finite values.
    /// - Throws: ``WeatherError/wrongLength(series:count:)`` or ``WeatherError/nonFinite(series:hour:)``.
    public init(
        location: WeatherLocation, source: String,
        dryBulbC: [Double], dewPointC: [Double], relativeHumidityPercent: [Double], pressurePa: [Double],
        globalHorizontalWPerM2: [Double], directNormalWPerM2: [Double], diffuseHorizontalWPerM2: [Double],
        horizontalInfraredWPerM2: [Double], windSpeedMPerS: [Double], windDirectionDeg: [Double]
    ) throws(WeatherError) {
        let series: [(String, [Double])] = [
            ("dry_bulb_c", dryBulbC), ("dew_point_c", dewPointC),
            ("relative_humidity_percent", relativeHumidityPercent), ("pressure_pa", pressurePa),
            ("global_horizontal_w_per_m2", globalHorizontalWPerM2), ("direct_normal_w_per_m2", directNormalWPerM2),
            ("diffuse_horizontal_w_per_m2", diffuseHorizontalWPerM2),
            ("horizontal_infrared_w_per_m2", horizontalInfraredWPerM2),
            ("wind_speed_m_per_s", windSpeedMPerS), ("wind_direction_deg", windDirectionDeg),
        ]
        for (name, values) in series {
            guard values.count == Self.hoursPerYear else { throw .wrongLength(series: name, count: values.count) }
            if let hour = values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(series: name, hour: hour) }
        }
        self.location = location
        self.source = source
        self.dryBulbC = dryBulbC
        self.dewPointC = dewPointC
        self.relativeHumidityPercent = relativeHumidityPercent
        self.pressurePa = pressurePa
        self.globalHorizontalWPerM2 = globalHorizontalWPerM2
        self.directNormalWPerM2 = directNormalWPerM2
        self.diffuseHorizontalWPerM2 = diffuseHorizontalWPerM2
        self.horizontalInfraredWPerM2 = horizontalInfraredWPerM2
        self.windSpeedMPerS = windSpeedMPerS
        self.windDirectionDeg = windDirectionDeg
    }

    /// The month (1–12) and day of month (1–31) of hour index `hour` (0–8759).
    public static func monthAndDay(ofHour hour: Int) -> (month: Int, day: Int) {
        var dayOfYear = hour / 24
        for (index, days) in daysPerMonth.enumerated() {
            if dayOfYear < days { return (index + 1, dayOfYear + 1) }
            dayOfYear -= days
        }
        return (12, 31)
    }

    /// The index of the first hour of month `month` (1–12).
    public static func firstHour(ofMonth month: Int) -> Int {
        daysPerMonth.prefix(month - 1).reduce(0, +) * 24
    }
}

/// Why a weather year could not be built.
public enum WeatherError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongLength(series: String, count: Int)
    case nonFinite(series: String, hour: Int)

    public var description: String {
        switch self {
        case let .wrongLength(series, count):
            "weather series \(series) has \(count) values; a year needs exactly \(WeatherYear.hoursPerYear) hourly values"
        case let .nonFinite(series, hour):
            "weather series \(series) has a non-finite value at hour index \(hour)"
        }
    }
}
