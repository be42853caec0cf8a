/// Monthly and annual statistics of any ``WeatherYear``: the figures used to describe a climate,
/// to compare two weather years, and to check the embedded reference years.
///
/// Definitions (base temperature θ_b, 18 °C unless said otherwise):
/// - **Heating degree-days** from daily means: HDD = Σ_days max(0, θ_b − θ̄_day), θ̄_day the mean of
///   the day's 24 hourly values (the usual definition, e.g. EN ISO 15927-6:2007 with daily means).
/// - **Heating degree-hours**: DH = Σ_hours max(0, θ_b − θₕ), K·h. DH/24 ≥ HDD; the difference comes
///   from mild days whose nights are cold.
/// - **Design temperature**: the 1 % percentile of the 8 760 hourly dry-bulb temperatures, i.e. the
///   ASHRAE "99 % annual heating design dry-bulb" (ASHRAE Handbook—Fundamentals, ch. 14: the
///   temperature that 99 % of the hours of the year exceed). Computed by nearest rank: the 88th
///   lowest hourly value (⌈0.01 × 8760⌉ = 88).
public struct MonthlyClimateSummary: Sendable, Equatable {
    /// Statistics of one month.
    public struct Month: Sendable, Equatable {
        /// 1 … 12.
        public var month: Int
        /// Mean of the hourly dry-bulb temperatures, °C.
        public var meanDryBulbC: Double
        /// Lowest hourly dry-bulb temperature, °C.
        public var minDryBulbC: Double
        /// Highest hourly dry-bulb temperature, °C.
        public var maxDryBulbC: Double
        /// Mean over the month's days of (daily maximum − daily minimum) of the hourly values, K.
        public var meanDailyRangeK: Double
        /// Global horizontal irradiation, kWh/m².
        public var globalHorizontalKWhPerM2: Double
        /// Heating degree-days from daily means, K·d.
        public var heatingDegreeDaysKD: Double
        /// Heating degree-hours, K·h.
        public var heatingDegreeHoursKH: Double
    }

    /// Base temperature of the degree-days and degree-hours, °C.
    public var baseTemperatureC: Double
    /// January first.
    public var months: [Month]
    /// Mean of the 8 760 hourly dry-bulb temperatures, °C.
    public var annualMeanDryBulbC: Double
    public var annualMinDryBulbC: Double
    public var annualMaxDryBulbC: Double
    /// Global horizontal irradiation of the year, kWh/m².
    public var annualGlobalHorizontalKWhPerM2: Double
    /// Heating degree-days of the year from daily means, K·d.
    public var annualHeatingDegreeDaysKD: Double
    /// Heating degree-hours of the year, K·h.
    public var annualHeatingDegreeHoursKH: Double
    /// 1 % percentile of the hourly dry-bulb temperature (99 % heating design condition), °C.
    public var designHeatingTemperatureC: Double

    /// Summarises `year` with degree-days and degree-hours at `baseTemperatureC` (default 18 °C).
    /// - Complexity: O(*n* log *n*) for the percentile, *n* = 8 760.
    public init(_ year: WeatherYear, baseTemperatureC: Double = 18) {
        self.baseTemperatureC = baseTemperatureC
        let temperature = year.dryBulbC
        var months: [Month] = []
        var day = 0
        for (index, length) in WeatherYear.daysPerMonth.enumerated() {
            let hours = (day * 24)..<((day + length) * 24)
            var degreeDays = 0.0, degreeHours = 0.0, rangeSum = 0.0
            for d in day..<(day + length) {
                let values = temperature[(d * 24)..<(d * 24 + 24)]
                let mean = values.reduce(0, +) / 24
                degreeDays += max(0, baseTemperatureC - mean)
                rangeSum += (values.max() ?? 0) - (values.min() ?? 0)
            }
            for k in hours { degreeHours += max(0, baseTemperatureC - temperature[k]) }
            months.append(Month(
                month: index + 1,
                meanDryBulbC: temperature[hours].reduce(0, +) / Double(hours.count),
                minDryBulbC: temperature[hours].min() ?? 0,
                maxDryBulbC: temperature[hours].max() ?? 0,
                meanDailyRangeK: rangeSum / Double(length),
                globalHorizontalKWhPerM2: year.globalHorizontalWPerM2[hours].reduce(0, +) / 1000,
                heatingDegreeDaysKD: degreeDays,
                heatingDegreeHoursKH: degreeHours))
            day += length
        }
        self.months = months
        annualMeanDryBulbC = temperature.reduce(0, +) / Double(temperature.count)
        annualMinDryBulbC = temperature.min() ?? 0
        annualMaxDryBulbC = temperature.max() ?? 0
        annualGlobalHorizontalKWhPerM2 = months.reduce(0) { $0 + $1.globalHorizontalKWhPerM2 }
        annualHeatingDegreeDaysKD = months.reduce(0) { $0 + $1.heatingDegreeDaysKD }
        annualHeatingDegreeHoursKH = months.reduce(0) { $0 + $1.heatingDegreeHoursKH }
        designHeatingTemperatureC = Self.percentile(temperature, fraction: 0.01)
    }

    /// Nearest-rank percentile: the ⌈fraction × n⌉-th smallest value (fraction in (0, 1]).
    public static func percentile(_ values: [Double], fraction: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
