import Foundation
import FoyerCore

// MARK: - Inputs

/// The monthly statistics of a climate from which ``ReferenceYearGenerator`` builds an hourly year.
///
/// Only the mean dry-bulb temperature and the global horizontal irradiation are required; every
/// optional figure that is given is honoured (see ``ReferenceYearGenerator`` for how).
public struct MonthlyClimateFigures: Sendable, Equatable, Codable {
    /// Mean of the hourly dry-bulb temperatures of the month, °C. Reproduced exactly.
    public var meanDryBulbC: Double
    /// Global horizontal irradiation of the month, kWh/m². Reproduced exactly.
    public var globalHorizontalKWhPerM2: Double
    /// Lowest hourly dry-bulb temperature of the month, °C (a typical year's extreme, not a record).
    public var minDryBulbC: Double?
    /// Highest hourly dry-bulb temperature of the month, °C.
    public var maxDryBulbC: Double?
    /// Mean over the month of the daily range (daily maximum − daily minimum), K.
    public var meanDailyRangeK: Double?
    /// Heating degree-days of the month computed from *hourly* values, base 18 °C:
    /// Σₕ max(0, 18 − θₕ) / 24, K·d. (This is how the RT2012 monthly table counts them; it is
    /// larger than the degree-days of daily means whenever nights dip below 18 °C on mild days.)
    public var hourlyHeatingDegreeDays18C: Double?

    public init(
        meanDryBulbC: Double, globalHorizontalKWhPerM2: Double,
        minDryBulbC: Double? = nil, maxDryBulbC: Double? = nil,
        meanDailyRangeK: Double? = nil, hourlyHeatingDegreeDays18C: Double? = nil
    ) {
        self.meanDryBulbC = meanDryBulbC
        self.globalHorizontalKWhPerM2 = globalHorizontalKWhPerM2
        self.minDryBulbC = minDryBulbC
        self.maxDryBulbC = maxDryBulbC
        self.meanDailyRangeK = meanDailyRangeK
        self.hourlyHeatingDegreeDays18C = hourlyHeatingDegreeDays18C
    }
}

/// Where a reference year is generated, and the few site figures the monthly table does not hold.
public struct ReferenceSite: Sendable, Equatable {
    /// Identifier of the climate ("H1a", "BE-Uccle"); it seeds the pseudo-random sequence.
    public var id: String
    /// Position and clock of the generated year.
    public var location: WeatherLocation
    /// Annual mean wind speed, m/s.
    public var meanWindSpeedMPerS: Double
    /// Direction the wind most often comes from, degrees clockwise from north.
    public var prevailingWindDirectionDeg: Double
    /// K₀ in T_dew ≈ T_min − K₀ (FAO-56 Annex 6): 0 K in humid climates, ≈ 2 K where the air is dry.
    public var dewPointBelowDailyMinimumK: Double

    public init(
        id: String, location: WeatherLocation, meanWindSpeedMPerS: Double,
        prevailingWindDirectionDeg: Double, dewPointBelowDailyMinimumK: Double
    ) {
        self.id = id
        self.location = location
        self.meanWindSpeedMPerS = meanWindSpeedMPerS
        self.prevailingWindDirectionDeg = prevailingWindDirectionDeg
        self.dewPointBelowDailyMinimumK = dewPointBelowDailyMinimumK
    }
}

// MARK: - Generator

/// Builds a deterministic hourly ``WeatherYear`` from monthly climate figures.
///
/// **Postconditions** (by construction, not by luck):
/// - each month's mean hourly dry-bulb temperature equals ``MonthlyClimateFigures/meanDryBulbC``
///   (to rounding, < 10⁻⁹ K): daily means are shifted so that they average to it, and the hourly
///   profile of every day is then corrected to reproduce its daily mean exactly;
/// - each month's global horizontal irradiation equals ``MonthlyClimateFigures/globalHorizontalKWhPerM2``
///   (to rounding): daily totals are rescaled to the month, and every day's hourly split sums to 1;
/// - irradiance is zero whenever the sun is below the horizon at mid-hour;
/// - the same inputs give the same year, bit for bit (a SplitMix64 sequence seeded from
///   ``ReferenceSite/id``; no system random number generator; no parallelism).
///
/// **Method** (see `Docs/EmbeddedClimate.md` for the validation against the RT2012 hourly years):
/// 1. Sun: declination, equation of time and hour angle with the simple formulas of
///    EN ISO 52010-1:2017 (as transcribed in the project's reference notes, thermal-references §6.1);
///    extraterrestrial irradiance I₀ = 1367 (1 + 0.033 cos(360° n/365)) W/m² (Duffie & Beckman,
///    *Solar Engineering of Thermal Processes*, 4th ed., eq. 1.4.1a).
/// 2. Daily clearness Kₜ: each month's days take the quantiles of the Bendt, Collares-Pereira & Rabl
///    (1981) distribution for the month's mean clearness, in the order of a seeded AR(1) sequence
///    (lag-1 correlation 0.3), then are rescaled to the month's irradiation.
/// 3. Hourly global irradiance: the Collares-Pereira & Rabl (1979) hourly-to-daily ratio
///    r = (π/24)(a + b cos ω)(cos ω − cos ωₛ)/(sin ωₛ − ωₛ cos ωₛ) (Duffie & Beckman eq. 2.13.2),
///    normalised so that the day's hours sum to the day's total.
/// 4. Direct and diffuse: Erbs, Klein & Duffie (1982) diffuse fraction of the hourly clearness,
///    DNI = (GHI − DHI)/cos θz; below 3.7° of elevation (cos θz < 0.065) all is diffuse.
/// 5. Daily mean temperature: a smooth seasonal baseline that averages to each month's mean, plus
///    σₘ × a seeded AR(1) anomaly (lag-1 correlation 0.7, correlated with cloudiness: clear days
///    are colder in winter, warmer in summer), standardised within each month.
/// 6. Diurnal cycle: Parton & Logan (1981), *Agricultural Meteorology* 23, 205–216 — a sine from
///    sunrise peaking 1.86 h after solar noon, then an exponential decay (b = 2.2) to the next
///    sunrise — with a daily range Rₘ × (0.4 + 0.6 Kₜ/K̄ₜ) (clear days have wider ranges).
/// 7. σₘ and Rₘ per month minimise a sum of squares: the month's hourly degree-days (if given,
///    tolerance 1 %), its hourly minimum and maximum (if given, tolerance 1.5 K each), and priors
///    σ ≈ 2.5 ± 1.0 K and R ≈ R₀ ± s (R₀ = the given mean daily range, s = 0.5 K; otherwise an
///    estimate from clearness and extremes fitted on the RT2012 years, s = 1.2 or 1.7 K).
/// 8. Humidity: dew point = the day's minimum temperature − K₀ (FAO-56, Allen et al. 1998, Annex 6),
///    never above the dry bulb; relative humidity from the Magnus formula (Alduchov & Eskridge 1996).
/// 9. Pressure: standard atmosphere at the site altitude (ISO 2533) ± 800 Pa with cloudiness.
/// 10. Wind: Weibull (k = 2) daily speeds with persistence, a daytime maximum, a seasonal swing of
///     ±15 % and each month rescaled to its mean; direction = prevailing ± a persistent 50° wander.
/// 11. Long-wave sky irradiance: Clark & Allen (1978) sky emissivity with an opaque sky cover
///     estimated from the daily clearness, as EnergyPlus computes it.
public enum ReferenceYearGenerator {
    /// What the per-month calibration chose (for diagnostics and the validation document).
    public struct MonthCalibration: Sendable, Equatable {
        /// Standard deviation of the daily mean temperatures within the month, K.
        public var dailyMeanSpreadK: Double
        /// Mean daily range of the hourly temperatures, K.
        public var meanDailyRangeK: Double
        /// Mean daily clearness index of the month.
        public var meanClearnessIndex: Double
    }

    /// Generates the hourly year of `site` from its twelve months of figures.
    /// - Throws: ``InputError`` naming the month and figure when a figure is missing, not finite
    ///   or outside what the method can reproduce.
    /// - Complexity: O(8760 × a few hundred) operations, a few tens of milliseconds.
    public static func generate(
        site: ReferenceSite, months: [MonthlyClimateFigures], source: String
    ) throws(InputError) -> WeatherYear {
        try generateWithCalibration(site: site, months: months, source: source).year
    }

    /// ``generate(site:months:source:)`` that also returns the calibrated monthly parameters.
    public static func generateWithCalibration(
        site: ReferenceSite, months: [MonthlyClimateFigures], source: String
    ) throws(InputError) -> (year: WeatherYear, calibration: [MonthCalibration]) {
        try validate(site: site, months: months)
        var engine = Engine(site: site, months: months)
        engine.run()
        do {
            let year = try WeatherYear(
                location: site.location, source: source,
                dryBulbC: engine.dryBulb, dewPointC: engine.dewPoint,
                relativeHumidityPercent: engine.relativeHumidity, pressurePa: engine.pressure,
                globalHorizontalWPerM2: engine.ghi, directNormalWPerM2: engine.dni,
                diffuseHorizontalWPerM2: engine.dhi, horizontalInfraredWPerM2: engine.infrared,
                windSpeedMPerS: engine.windSpeed, windDirectionDeg: engine.windDirection)
            return (year, engine.calibration)
        } catch {
            throw InputError(InputIssue(
                .error, path: "", value: site.id,
                message: "the generated year is invalid (\(error.description)); the monthly figures are probably inconsistent",
                expected: "monthly figures of a real climate"))
        }
    }

    // MARK: Validation

    static func validate(site: ReferenceSite, months: [MonthlyClimateFigures]) throws(InputError) {
        var issues: [InputIssue] = []
        func check(_ ok: Bool, _ path: String, _ value: Double?, _ message: String, _ expected: String) {
            if !ok {
                issues.append(InputIssue(.error, path: path, value: value.map { "\($0)" }, message: message, expected: expected))
            }
        }
        let loc = site.location
        check(loc.latitudeDeg.isFinite && abs(loc.latitudeDeg) <= 66, "site.latitude_deg", loc.latitudeDeg,
              "latitude outside the range where every day has a sunrise and a sunset", "−66 … 66")
        check(loc.longitudeDeg.isFinite && abs(loc.longitudeDeg) <= 180, "site.longitude_deg", loc.longitudeDeg,
              "longitude out of range", "−180 … 180")
        check(loc.timeZoneHours.isFinite && loc.timeZoneHours >= -12 && loc.timeZoneHours <= 14,
              "site.time_zone_hours", loc.timeZoneHours, "time zone out of range", "−12 … 14 h")
        check(loc.altitudeM.isFinite && loc.altitudeM > -500 && loc.altitudeM < 9000, "site.altitude_m",
              loc.altitudeM, "altitude out of range", "−500 … 9000 m")
        check(site.meanWindSpeedMPerS.isFinite && site.meanWindSpeedMPerS >= 0 && site.meanWindSpeedMPerS <= 30,
              "site.mean_wind_speed_m_per_s", site.meanWindSpeedMPerS, "wind speed out of range", "0 … 30 m/s")
        check(site.prevailingWindDirectionDeg.isFinite, "site.prevailing_wind_direction_deg",
              site.prevailingWindDirectionDeg, "not a finite direction", "0 … 360°")
        check(site.dewPointBelowDailyMinimumK.isFinite && site.dewPointBelowDailyMinimumK >= 0
              && site.dewPointBelowDailyMinimumK <= 10, "site.dew_point_below_daily_minimum_k",
              site.dewPointBelowDailyMinimumK, "dew-point depression out of range", "0 … 10 K")
        guard months.count == 12 else {
            issues.append(InputIssue(.error, path: "months", value: "\(months.count) months",
                                     message: "a year needs twelve months of figures", expected: "12 entries, January first"))
            throw InputError(issues)
        }
        if !issues.isEmpty { throw InputError(issues) }
        let sun = SunTable(location: loc)
        for (index, month) in months.enumerated() {
            let path = "months[\(index)]"
            check(month.meanDryBulbC.isFinite && month.meanDryBulbC > -60 && month.meanDryBulbC < 50,
                  path + ".mean_dry_bulb_c", month.meanDryBulbC, "mean temperature out of range", "−60 … 50 °C")
            let range = sun.monthRange(index)
            let h0 = sun.dailyExtraterrestrialWhPerM2[range].reduce(0, +) / 1000
            let kt = month.globalHorizontalKWhPerM2 / h0
            check(month.globalHorizontalKWhPerM2.isFinite && kt > 0.03 && kt < 0.8,
                  path + ".global_horizontal_kwh_per_m2", month.globalHorizontalKWhPerM2,
                  "irradiation impossible at this latitude (clearness index \(String(format: "%.2f", kt)))",
                  String(format: "%.1f … %.1f kWh/m² (clearness 0.03 … 0.8)", 0.03 * h0, 0.8 * h0))
            if let low = month.minDryBulbC {
                check(low.isFinite && low <= month.meanDryBulbC, path + ".min_dry_bulb_c", low,
                      "monthly minimum above the monthly mean", "≤ mean_dry_bulb_c")
            }
            if let high = month.maxDryBulbC {
                check(high.isFinite && high >= month.meanDryBulbC, path + ".max_dry_bulb_c", high,
                      "monthly maximum below the monthly mean", "≥ mean_dry_bulb_c")
            }
            if let range = month.meanDailyRangeK {
                check(range.isFinite && range > 0.5 && range < 30, path + ".mean_daily_range_k", range,
                      "mean daily range out of range", "0.5 … 30 K")
            }
            if let hdd = month.hourlyHeatingDegreeDays18C {
                let days = Double(WeatherYear.daysPerMonth[index])
                let floor = max(0, 18 - month.meanDryBulbC) * days
                check(hdd.isFinite && hdd >= floor - 1 && hdd <= floor + 25 * days, path + ".hourly_heating_degree_days_18c",
                      hdd, "degree-days inconsistent with the monthly mean (they cannot be below days × (18 − mean))",
                      String(format: "%.0f … %.0f K·d", max(0, floor - 1), floor + 25 * days))
            }
        }
        if !issues.isEmpty { throw InputError(issues) }
    }
}

// MARK: - Engine

/// The generator's working state; one instance generates one year.
private struct Engine {
    static let days = 365
    static let hours = WeatherYear.hoursPerYear

    let site: ReferenceSite
    let months: [MonthlyClimateFigures]
    let sun: SunTable
    var random: SplitMix64

    // Daily sequences
    var cloudAnomaly = [Double](repeating: 0, count: Engine.days)   // AR(1), N(0,1); high = clear
    var warmAnomaly = [Double](repeating: 0, count: Engine.days)    // AR(1), N(0,1)
    var clearness = [Double](repeating: 0, count: Engine.days)
    var monthClearness = [Double](repeating: 0, count: 12)
    var dailyMeanC = [Double](repeating: 0, count: Engine.days)
    var dailyRangeK = [Double](repeating: 0, count: Engine.days)

    // Outputs
    var dryBulb = [Double](repeating: 0, count: Engine.hours)
    var dewPoint = [Double](repeating: 0, count: Engine.hours)
    var relativeHumidity = [Double](repeating: 0, count: Engine.hours)
    var pressure = [Double](repeating: 0, count: Engine.hours)
    var ghi = [Double](repeating: 0, count: Engine.hours)
    var dni = [Double](repeating: 0, count: Engine.hours)
    var dhi = [Double](repeating: 0, count: Engine.hours)
    var infrared = [Double](repeating: 0, count: Engine.hours)
    var windSpeed = [Double](repeating: 0, count: Engine.hours)
    var windDirection = [Double](repeating: 0, count: Engine.hours)
    var calibration: [ReferenceYearGenerator.MonthCalibration] = []

    init(site: ReferenceSite, months: [MonthlyClimateFigures]) {
        self.site = site
        self.months = months
        self.sun = SunTable(location: site.location)
        self.random = SplitMix64(seed: SplitMix64.fnv1a(site.id))
    }

    mutating func run() {
        drawAnomalies()
        generateSolar()
        let shape = diurnalShape()
        generateDailyTemperatures(shape: shape)
        buildHourlyTemperatures(shape: shape)
        generateHumidity()
        generatePressure()
        generateWind(shape: shape)
        generateInfrared()
    }

    // MARK: Pseudo-random daily anomalies

    /// Two AR(1) sequences: cloudiness (lag-1 correlation 0.3) and temperature (0.7), the second
    /// driven partly by the first with a seasonal sign (clear winter days are cold, clear summer
    /// days warm). A 60-day spin-up makes the first day a draw from the stationary distribution.
    mutating func drawAnomalies() {
        let spinUp = 60
        let phiCloud = 0.3, phiWarm = 0.7, couplingAmplitude = 0.35
        var cloud = 0.0, warm = 0.0
        for i in 0..<(Self.days + spinUp) {
            let eCloud = random.nextGaussian()
            let eWarm = random.nextGaussian()
            cloud = phiCloud * cloud + (1 - phiCloud * phiCloud).squareRoot() * eCloud
            let day = (i - spinUp + Self.days) % Self.days
            let rho = -couplingAmplitude * cos(2 * Double.pi * Double(day + 1 - 15) / 365)
            let innovation = rho * eCloud + (1 - rho * rho).squareRoot() * eWarm
            warm = phiWarm * warm + (1 - phiWarm * phiWarm).squareRoot() * innovation
            if i >= spinUp {
                cloudAnomaly[i - spinUp] = cloud
                warmAnomaly[i - spinUp] = warm
            }
        }
    }

    // MARK: Solar

    mutating func generateSolar() {
        for month in 0..<12 {
            let range = sun.monthRange(month)
            let target = months[month].globalHorizontalKWhPerM2 * 1000
            let extraterrestrial = sun.dailyExtraterrestrialWhPerM2[range].reduce(0, +)
            let meanKt = target / extraterrestrial
            monthClearness[month] = meanKt
            let ranks = Self.ranks(of: Array(cloudAnomaly[range]))
            let distribution = ReferenceYearGenerator.Bendt1981(meanClearness: meanKt)
            var totals = [Double](repeating: 0, count: range.count)
            for (offset, day) in range.enumerated() {
                let probability = (Double(ranks[offset]) + 0.5) / Double(range.count)
                totals[offset] = distribution.quantile(probability) * sun.dailyExtraterrestrialWhPerM2[day]
            }
            let scale = target / totals.reduce(0, +)
            for (offset, day) in range.enumerated() {
                let total = totals[offset] * scale
                clearness[day] = total / sun.dailyExtraterrestrialWhPerM2[day]
                distributeDay(day, totalWhPerM2: total)
            }
        }
    }

    /// Splits a day's irradiation over its hours (Collares-Pereira & Rabl 1979) and each hour into
    /// direct and diffuse (Erbs et al. 1982).
    mutating func distributeDay(_ day: Int, totalWhPerM2: Double) {
        let sunset = sun.sunsetHourAngleRad[day]
        let a = 0.409 + 0.5016 * sin(sunset - Double.pi / 3)
        let b = 0.6609 - 0.4767 * sin(sunset - Double.pi / 3)
        var weights = [Double](repeating: 0, count: 24)
        for hour in 0..<24 {
            let k = day * 24 + hour
            guard sun.cosZenith[k] > 0 else { continue }
            let cosOmega = cos(sun.hourAngleRad[k])
            weights[hour] = max(0, (a + b * cosOmega) * (cosOmega - cos(sunset)))
        }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return }
        for hour in 0..<24 where weights[hour] > 0 {
            let k = day * 24 + hour
            let global = totalWhPerM2 * weights[hour] / sum
            ghi[k] = global
            let cosZ = sun.cosZenith[k]
            if cosZ < 0.065 {
                dhi[k] = global
                dni[k] = 0
            } else {
                let kt = global / (sun.extraterrestrialNormalWPerM2[day] * cosZ)
                let diffuse = ReferenceYearGenerator.Erbs1982.diffuseFraction(clearnessIndex: kt) * global
                dhi[k] = diffuse
                dni[k] = (global - diffuse) / cosZ
            }
        }
    }

    // MARK: Temperature

    /// Parton & Logan (1981) diurnal shape, 0 at sunrise and 1 at its maximum, for each hour
    /// (solar time at mid-hour), then centred so that each day's 24 values average to zero.
    func diurnalShape() -> [Double] {
        let lag = 1.86       // a: time of maximum after solar noon, h (Parton & Logan 1981, 150 cm air)
        let decay = 2.2      // b: night-time decay coefficient (same source)
        var shape = [Double](repeating: 0, count: Self.hours)
        for day in 0..<Self.days {
            let dayLength = 2 * sun.sunsetHourAngleRad[day] * 180 / Double.pi / 15
            let sunrise = 12 - dayLength / 2
            let sunsetTime = 12 + dayLength / 2
            let nightLength = 24 - dayLength
            let atSunset = sin(Double.pi * dayLength / (dayLength + 2 * lag))
            var mean = 0.0
            for hour in 0..<24 {
                var t = sun.solarTimeH[day * 24 + hour]
                while t < sunrise { t += 24 }
                while t >= sunrise + 24 { t -= 24 }
                let value: Double
                if t <= sunsetTime {
                    value = sin(Double.pi * (t - sunrise) / (dayLength + 2 * lag))
                } else {
                    let n = t - sunsetTime
                    value = atSunset * (exp(-decay * n / nightLength) - exp(-decay)) / (1 - exp(-decay))
                }
                shape[day * 24 + hour] = value
                mean += value / 24
            }
            for hour in 0..<24 { shape[day * 24 + hour] -= mean }
        }
        return shape
    }

    /// Daily means (baseline + σₘ × anomaly) and daily ranges, calibrated month by month.
    mutating func generateDailyTemperatures(shape: [Double]) {
        let baseline = Self.seasonalBaseline(monthMeans: months.map(\.meanDryBulbC))
        for month in 0..<12 {
            let range = sun.monthRange(month)
            let figures = months[month]
            let anomaly = Self.standardised(Array(warmAnomaly[range]))
            let base = Array(baseline[range])
            let meanKt = clearness[range].reduce(0, +) / Double(range.count)
            let rangeFactor = range.map { 0.4 + 0.6 * clearness[$0] / meanKt }
            let centredShape = Array(shape[(range.lowerBound * 24)..<(range.upperBound * 24)])

            // Prior on the mean daily range.
            let prior: (value: Double, spread: Double)
            if let given = figures.meanDailyRangeK {
                prior = (given, 0.5)
            } else if let low = figures.minDryBulbC, let high = figures.maxDryBulbC {
                // OLS on the 96 months of the eight RT2012 years (rmse 1.13 K).
                prior = (max(1, -5.0748 + 15.2887 * monthClearness[month] + 0.33033 * (high - low)), 1.2)
            } else {
                // OLS on the same months, clearness only (rmse 1.72 K).
                prior = (max(1, 0.0635 + 19.6351 * monthClearness[month]), 1.7)
            }
            let problem = MonthProblem(
                base: base, anomaly: anomaly, rangeFactor: rangeFactor, shape: centredShape,
                hourlyDegreeDays: figures.hourlyHeatingDegreeDays18C,
                extremes: figures.minDryBulbC.flatMap { low in figures.maxDryBulbC.map { (low, $0) } },
                rangePrior: prior)
            let (spread, dailyRange) = problem.solve()
            for (offset, day) in range.enumerated() {
                dailyMeanC[day] = base[offset] + spread * anomaly[offset]
                dailyRangeK[day] = dailyRange * rangeFactor[offset]
            }
            calibration.append(.init(dailyMeanSpreadK: spread, meanDailyRangeK: dailyRange, meanClearnessIndex: monthClearness[month]))
        }
    }

    /// Hourly dry bulb: a piecewise-linear curve through day-centre nodes whose daily averages are
    /// the daily means, plus the diurnal shape scaled by a range interpolated between day centres;
    /// a fixed-point correction then makes every day's mean exact.
    mutating func buildHourlyTemperatures(shape: [Double]) {
        var targets = dailyMeanC
        var hourly = [Double](repeating: 0, count: Self.hours)
        for _ in 0..<4 {
            hourly = Self.hourlyCurve(dailyTargets: targets, dailyRange: dailyRangeK, shape: shape)
            for day in 0..<Self.days {
                targets[day] += dailyMeanC[day] - Self.dayMean(hourly, day)
            }
        }
        hourly = Self.hourlyCurve(dailyTargets: targets, dailyRange: dailyRangeK, shape: shape)
        for day in 0..<Self.days {
            let correction = dailyMeanC[day] - Self.dayMean(hourly, day)
            for hour in 0..<24 { hourly[day * 24 + hour] += correction }
        }
        // Guarantee the monthly means whatever rounding did above.
        for month in 0..<12 {
            let range = sun.monthRange(month)
            let hours = (range.lowerBound * 24)..<(range.upperBound * 24)
            let shift = months[month].meanDryBulbC - hourly[hours].reduce(0, +) / Double(hours.count)
            for k in hours { hourly[k] += shift }
        }
        dryBulb = hourly
    }

    static func hourlyCurve(dailyTargets: [Double], dailyRange: [Double], shape: [Double]) -> [Double] {
        // Nodes v at 12:00 with (v[d−1] + 6 v[d] + v[d+1]) / 8 = target[d] (cyclic year): the
        // exact daily average of the piecewise-linear curve sampled at mid-hours. Jacobi iteration,
        // contraction factor 1/3 per sweep.
        var nodes = dailyTargets
        for _ in 0..<40 {
            var next = nodes
            for day in 0..<days {
                next[day] = (8 * dailyTargets[day] - nodes[(day + days - 1) % days] - nodes[(day + 1) % days]) / 6
            }
            nodes = next
        }
        var hourly = [Double](repeating: 0, count: hours)
        for day in 0..<days {
            let previous = (day + days - 1) % days, next = (day + 1) % days
            for hour in 0..<24 {
                let t = Double(hour) + 0.5
                let value: Double, amplitude: Double
                if t < 12 {
                    let f = (t + 12) / 24
                    value = nodes[previous] + (nodes[day] - nodes[previous]) * f
                    amplitude = dailyRange[previous] + (dailyRange[day] - dailyRange[previous]) * f
                } else {
                    let f = (t - 12) / 24
                    value = nodes[day] + (nodes[next] - nodes[day]) * f
                    amplitude = dailyRange[day] + (dailyRange[next] - dailyRange[day]) * f
                }
                hourly[day * 24 + hour] = value + amplitude * shape[day * 24 + hour]
            }
        }
        return hourly
    }

    // MARK: Humidity, pressure, wind, long-wave

    /// Dew point ≈ daily minimum − K₀ (FAO-56 Annex 6), interpolated between day centres.
    mutating func generateHumidity() {
        var dailyDew = [Double](repeating: 0, count: Self.days)
        for day in 0..<Self.days {
            dailyDew[day] = (dryBulb[(day * 24)..<(day * 24 + 24)].min() ?? 0) - site.dewPointBelowDailyMinimumK
        }
        let dew = Self.interpolateDaily(dailyDew)
        for k in 0..<Self.hours {
            let d = min(dew[k], dryBulb[k])
            dewPoint[k] = d
            relativeHumidity[k] = min(100, 100 * Magnus.saturationPressurePa(d) / Magnus.saturationPressurePa(dryBulb[k]))
        }
    }

    mutating func generatePressure() {
        let standard = StandardAtmosphere.pressurePa(altitudeM: site.location.altitudeM)
        let daily = cloudAnomaly.map { standard + min(4000, max(-4000, 800 * $0)) }
        pressure = Self.interpolateDaily(daily)
    }

    mutating func generateWind(shape: [Double]) {
        // Daily Weibull(k = 2) factors with mean 1 from a persistent Gaussian sequence (lag-1 0.5).
        var z = 0.0
        var dailyFactor = [Double](repeating: 1, count: Self.days)
        var wander = [Double](repeating: 0, count: Self.days)
        var w = 0.0
        let weibullScale = 1 / 0.886_226_925_452_758 // 1/Γ(1.5)
        for day in 0..<(Self.days + 30) {
            z = 0.5 * z + (0.75).squareRoot() * random.nextGaussian()
            w = 0.6 * w + (0.64).squareRoot() * random.nextGaussian()
            guard day >= 30 else { continue }
            let u = min(1 - 1e-12, max(1e-12, 0.5 * erfc(-z / 2.0.squareRoot())))
            dailyFactor[day - 30] = weibullScale * (-log(1 - u)).squareRoot()
            wander[day - 30] = 50 * w
        }
        let wanderHourly = Self.interpolateDaily(wander)
        for month in 0..<12 {
            let range = sun.monthRange(month)
            let midDay = Double(range.lowerBound + range.upperBound) / 2
            let target = site.meanWindSpeedMPerS * (1 + 0.15 * cos(2 * Double.pi * (midDay + 1 - 15) / 365))
            var sum = 0.0
            for day in range {
                for hour in 0..<24 {
                    let k = day * 24 + hour
                    let speed = max(0, dailyFactor[day] * (1 + 0.6 * shape[k]))
                    windSpeed[k] = speed
                    sum += speed
                }
            }
            let scale = sum > 0 ? target * Double(range.count * 24) / sum : 0
            for k in (range.lowerBound * 24)..<(range.upperBound * 24) { windSpeed[k] *= scale }
        }
        for k in 0..<Self.hours {
            let jitter = 8 * random.nextGaussian()
            var direction = (site.prevailingWindDirectionDeg + wanderHourly[k] + jitter)
                .truncatingRemainder(dividingBy: 360)
            if direction < 0 { direction += 360 }
            windDirection[k] = direction
        }
    }

    /// Clark & Allen (1978) with the opaque sky cover estimated from the daily clearness:
    /// N = 10 × clamp((0.75 − Kₜ)/0.6, 0, 1) tenths (overcast below Kₜ = 0.15, clear above 0.75).
    mutating func generateInfrared() {
        for k in 0..<Self.hours {
            let kt = clearness[k / 24]
            let cover = 10 * min(1, max(0, (0.75 - kt) / 0.6))
            infrared[k] = ClarkAllen1978.horizontalInfraredWPerM2(
                dryBulbC: dryBulb[k], dewPointC: dewPoint[k], opaqueSkyCoverTenths: cover)
        }
    }

    // MARK: Helpers

    /// Ranks 0…n−1 of `values` (ties broken by position), so that equal inputs give equal outputs.
    static func ranks(of values: [Double]) -> [Int] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var ranks = [Int](repeating: 0, count: values.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank }
        return ranks
    }

    static func standardised(_ values: [Double]) -> [Double] {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let sd = variance.squareRoot()
        return values.map { sd > 0 ? ($0 - mean) / sd : 0 }
    }

    static func dayMean(_ hourly: [Double], _ day: Int) -> Double {
        hourly[(day * 24)..<(day * 24 + 24)].reduce(0, +) / 24
    }

    /// Daily values placed at 12:00 and interpolated linearly to mid-hours (cyclic year).
    static func interpolateDaily(_ daily: [Double]) -> [Double] {
        var hourly = [Double](repeating: 0, count: hours)
        for day in 0..<days {
            let previous = daily[(day + days - 1) % days], current = daily[day], next = daily[(day + 1) % days]
            for hour in 0..<24 {
                let t = Double(hour) + 0.5
                hourly[day * 24 + hour] = t < 12
                    ? previous + (current - previous) * (t + 12) / 24
                    : current + (next - current) * (t - 12) / 24
            }
        }
        return hourly
    }

    /// A smooth daily curve through mid-month nodes, adjusted so each month averages to its mean.
    static func seasonalBaseline(monthMeans: [Double]) -> [Double] {
        var starts = [0]
        for length in WeatherYear.daysPerMonth { starts.append(starts[starts.count - 1] + length) }
        let middles = (0..<12).map { Double(starts[$0]) + Double(WeatherYear.daysPerMonth[$0]) / 2 - 0.5 }
        func curve(_ nodes: [Double]) -> [Double] {
            (0..<days).map { day -> Double in
                let x = Double(day)
                // Segment containing x among middles extended cyclically.
                var leftX = middles[11] - 365, leftY = nodes[11], rightX = middles[0], rightY = nodes[0]
                if x >= middles[11] {
                    leftX = middles[11]; leftY = nodes[11]; rightX = middles[0] + 365; rightY = nodes[0]
                } else if x >= middles[0] {
                    var m = 0
                    while m < 11 && x >= middles[m + 1] { m += 1 }
                    leftX = middles[m]; leftY = nodes[m]; rightX = middles[m + 1]; rightY = nodes[m + 1]
                }
                return leftY + (rightY - leftY) * (x - leftX) / (rightX - leftX)
            }
        }
        var nodes = monthMeans
        for _ in 0..<30 {
            let values = curve(nodes)
            for m in 0..<12 {
                let mean = values[starts[m]..<starts[m + 1]].reduce(0, +) / Double(WeatherYear.daysPerMonth[m])
                nodes[m] += monthMeans[m] - mean
            }
        }
        var values = curve(nodes)
        for m in 0..<12 {
            let mean = values[starts[m]..<starts[m + 1]].reduce(0, +) / Double(WeatherYear.daysPerMonth[m])
            for day in starts[m]..<starts[m + 1] { values[day] += monthMeans[m] - mean }
        }
        return values
    }
}

// MARK: - Monthly calibration of the temperature spread and the daily range

/// Chooses (σ, R) for one month by minimising
/// J = ((DH − DH*)/tol)² + ((θ_min − θ_min*)/1.5 K)² + ((θ_max − θ_max*)/1.5 K)² + ((σ − 2.5 K)/1 K)²
/// + ((R − R₀)/s)²
/// on a coarse then a fine grid, with the hourly temperature approximated by
/// θ = base + σ·z + R·f·shape (the final curve adds the smooth between-day interpolation).
private struct MonthProblem {
    let base: [Double]
    let anomaly: [Double]
    let rangeFactor: [Double]
    let shape: [Double]           // 24 per day, centred
    let hourlyDegreeDays: Double?
    let extremes: (min: Double, max: Double)?
    let rangePrior: (value: Double, spread: Double)

    static let spreadPrior = 2.5, spreadPriorSD = 1.0, extremeTolerance = 1.5

    /// The objective of up to eight spreads at one range, one spread per lane: each lane does
    /// the operations of the scalar evaluation, in the same order (the month's hours one after
    /// the other), so each lane's value is the one evaluating that spread alone gives.
    func objectives(spreads: SIMD8<Double>, range: Double) -> [Double] {
        var degreeHours = SIMD8<Double>.zero
        var low = SIMD8<Double>(repeating: .infinity), high = SIMD8<Double>(repeating: -.infinity)
        let threshold = SIMD8<Double>(repeating: 18)
        base.withUnsafeBufferPointer { base in
        anomaly.withUnsafeBufferPointer { anomaly in
        rangeFactor.withUnsafeBufferPointer { rangeFactor in
        shape.withUnsafeBufferPointer { shape in
            for day in 0..<base.count {
                let mean = SIMD8(repeating: base[day]) + spreads * SIMD8(repeating: anomaly[day])
                let amplitude = range * rangeFactor[day]
                for hour in 0..<24 {
                    let theta = mean + SIMD8(repeating: amplitude * shape[day * 24 + hour])
                    // Below 18 °C the hour adds 18 − θ; otherwise it adds nothing (+0 leaves a
                    // sum of non-negative terms unchanged).
                    let below = theta .< threshold
                    degreeHours += (threshold - theta).replacing(with: 0, where: .!below)
                    low.replace(with: theta, where: theta .< low)
                    high.replace(with: theta, where: theta .> high)
                }
            }
        } } } }
        return (0..<8).map { lane in
            let spread = spreads[lane]
            var j = pow((spread - Self.spreadPrior) / Self.spreadPriorSD, 2)
                + pow((range - rangePrior.value) / rangePrior.spread, 2)
            if let target = hourlyDegreeDays {
                let tolerance = max(1, 0.01 * target)
                j += pow((degreeHours[lane] / 24 - target) / tolerance, 2)
            }
            if let target = extremes {
                j += pow((low[lane] - target.min) / Self.extremeTolerance, 2) + pow((high[lane] - target.max) / Self.extremeTolerance, 2)
            }
            return j
        }
    }

    /// The objective of each spread at one range, in the order given (eight lanes at a time; the
    /// unused lanes of the last group repeat its first spread and are dropped).
    func objectives(spreads: [Double], range: Double) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(spreads.count)
        var first = 0
        while first < spreads.count {
            let count = min(8, spreads.count - first)
            var lanes = SIMD8<Double>(repeating: spreads[first])
            for lane in 0..<count { lanes[lane] = spreads[first + lane] }
            values += objectives(spreads: lanes, range: range).prefix(count)
            first += count
        }
        return values
    }

    /// A grid search on (spread, range), then a finer grid around the best point; ties keep the
    /// point met first (range outer, spread inner).
    func solve() -> (spread: Double, range: Double) {
        if hourlyDegreeDays == nil && extremes == nil {
            return (Self.spreadPrior, rangePrior.value)
        }
        let rangeLow = max(0.5, rangePrior.value - 4 * rangePrior.spread)
        let rangeHigh = rangePrior.value + 4 * rangePrior.spread
        let rangeStep = (rangeHigh - rangeLow) / 16
        let spreadStep = 0.25
        var best = (j: Double.infinity, spread: Self.spreadPrior, range: rangePrior.value)
        let coarseSpreads = (0...24).map { Double($0) * spreadStep }
        for i in 0...16 {
            let r = rangeLow + Double(i) * rangeStep
            for (sigma, j) in zip(coarseSpreads, objectives(spreads: coarseSpreads, range: r)) where j < best.j {
                best = (j, sigma, r)
            }
        }
        let coarse = best
        let fineSpreads = (-5...5).map { max(0, coarse.spread + Double($0) * spreadStep / 5) }
        for i in -5...5 {
            let r = max(0.5, coarse.range + Double(i) * rangeStep / 5)
            for (sigma, j) in zip(fineSpreads, objectives(spreads: fineSpreads, range: r)) where j < best.j {
                best = (j, sigma, r)
            }
        }
        return (best.spread, best.range)
    }
}

// MARK: - Sun

/// Hour-by-hour sun geometry of a non-leap year at a site (mid-hour, local standard time).
///
/// Declination, equation of time and solar time follow the simple formulas of EN ISO 52010-1:2017
/// (as transcribed in thermal-references §6.1); cos θz = sin δ sin φ + cos δ cos φ cos ω with the
/// hour angle ω = 15°(t_sol − 12) (negative in the morning). Deliberately independent of the SPA
/// implementation in `Solar/`: the generator only needs the daily path of the sun.
struct SunTable: Sendable {
    var cosZenith: [Double]
    var hourAngleRad: [Double]
    var solarTimeH: [Double]
    var sunsetHourAngleRad: [Double]
    var extraterrestrialNormalWPerM2: [Double]
    /// H₀ = (24/π) I₀ (cos φ cos δ sin ωₛ + ωₛ sin φ sin δ), Duffie & Beckman eq. 1.10.3, Wh/m².
    var dailyExtraterrestrialWhPerM2: [Double]

    init(location: WeatherLocation) {
        let days = 365
        let phi = location.latitudeDeg * Double.pi / 180
        cosZenith = [Double](repeating: 0, count: days * 24)
        hourAngleRad = cosZenith
        solarTimeH = cosZenith
        sunsetHourAngleRad = [Double](repeating: 0, count: days)
        extraterrestrialNormalWPerM2 = sunsetHourAngleRad
        dailyExtraterrestrialWhPerM2 = sunsetHourAngleRad
        for day in 0..<days {
            let n = Double(day + 1)
            let declination = Self.declinationDeg(dayOfYear: day + 1) * Double.pi / 180
            let normal = 1367 * (1 + 0.033 * cos(2 * Double.pi * n / 365))
            let x = max(-1, min(1, -tan(phi) * tan(declination)))
            let sunset = acos(x)
            sunsetHourAngleRad[day] = sunset
            extraterrestrialNormalWPerM2[day] = normal
            dailyExtraterrestrialWhPerM2[day] = 24 / Double.pi * normal
                * (cos(phi) * cos(declination) * sin(sunset) + sunset * sin(phi) * sin(declination))
            let shift = -Self.equationOfTimeMin(dayOfYear: day + 1) / 60
                - (location.timeZoneHours - location.longitudeDeg / 15)
            for hour in 0..<24 {
                let k = day * 24 + hour
                let t = Double(hour) + 0.5 + shift
                let omega = 15 * (t - 12) * Double.pi / 180
                solarTimeH[k] = t
                hourAngleRad[k] = omega
                cosZenith[k] = sin(declination) * sin(phi) + cos(declination) * cos(phi) * cos(omega)
            }
        }
    }

    /// EN ISO 52010-1:2017 declination, degrees; R = 360° n/365.
    static func declinationDeg(dayOfYear n: Int) -> Double {
        let r = 2 * Double.pi * Double(n) / 365
        return 0.33281 - 22.984 * cos(r) + 3.7872 * sin(r) - 0.3499 * cos(2 * r) + 0.03205 * sin(2 * r)
            - 0.1398 * cos(3 * r) + 0.07187 * sin(3 * r)
    }

    /// EN ISO 52010-1:2017 equation of time t_eq, minutes (solar time = clock − t_eq/60 − (TZ − λ/15)).
    static func equationOfTimeMin(dayOfYear n: Int) -> Double {
        let x = Double(n)
        switch n {
        case ..<21: return 2.6 + 0.44 * x
        case ..<136: return 5.2 + 9 * cos((x - 43) * 0.0357)
        case ..<241: return 1.4 - 5 * cos((x - 135) * 0.0449)
        case ..<336: return -6.3 - 10 * cos((x - 306) * 0.036)
        default: return 0.45 * (x - 359)
        }
    }

    /// The days (0-based day-of-year indices) of month `month` (0-based).
    func monthRange(_ month: Int) -> Range<Int> {
        let start = WeatherYear.daysPerMonth.prefix(month).reduce(0, +)
        return start..<(start + WeatherYear.daysPerMonth[month])
    }
}

// MARK: - Published models

extension ReferenceYearGenerator {
    /// Frequency distribution of daily clearness indices for a given monthly mean.
    ///
    /// Bendt, P., Collares-Pereira, M. & Rabl, A. (1981), "The frequency distribution of daily insolation
    /// values", *Solar Energy* 27(1) 1–5: F(Kₜ) = (e^{γKₜ,min} − e^{γKₜ}) / (e^{γKₜ,min} − e^{γKₜ,max}),
    /// Kₜ,min = 0.05, Kₜ,max = 0.6313 + 0.267 K̄ₜ − 11.9 (K̄ₜ − 0.75)⁸, γ such that the mean is K̄ₜ.
    struct Bendt1981: Sendable {
        let minimum = 0.05
        let maximum: Double
        let gamma: Double

        init(meanClearness: Double) {
            let maximum = 0.6313 + 0.267 * meanClearness - 11.9 * pow(meanClearness - 0.75, 8)
            self.maximum = maximum
            let target = min(max(meanClearness, 0.05 + 0.02), maximum - 0.02)
            var low = -80.0, high = 80.0
            for _ in 0..<200 {
                let mid = (low + high) / 2
                if Self.mean(gamma: mid, minimum: 0.05, maximum: maximum) < target { low = mid } else { high = mid }
            }
            gamma = (low + high) / 2
        }

        static func mean(gamma g: Double, minimum a: Double, maximum b: Double) -> Double {
            if abs(g) < 1e-8 { return (a + b) / 2 }
            let ea = exp(g * a), eb = exp(g * b)
            return ((a - 1 / g) * ea - (b - 1 / g) * eb) / (ea - eb)
        }

        func quantile(_ probability: Double) -> Double {
            if abs(gamma) < 1e-8 { return minimum + probability * (maximum - minimum) }
            let ea = exp(gamma * minimum), eb = exp(gamma * maximum)
            return log(ea + probability * (eb - ea)) / gamma
        }
    }

    /// Erbs, D. G., Klein, S. A. & Duffie, J. A. (1982), "Estimation of the diffuse radiation fraction for
    /// hourly, daily and monthly-average global radiation", *Solar Energy* 28(4) 293–302.
    enum Erbs1982 {
        /// Diffuse fraction k_d of hourly global irradiance for the hourly clearness index kₜ.
        static func diffuseFraction(clearnessIndex kt: Double) -> Double {
            if kt <= 0.22 { return 1 - 0.09 * kt }
            if kt <= 0.80 {
                return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * pow(kt, 3) + 12.336 * pow(kt, 4)
            }
            return 0.165
        }
    }
}

/// Clark, G. & Allen, C. (1978), "The estimation of atmospheric radiation for clear and cloudy skies",
/// Proc. 2nd National Passive Solar Conference (AS/ISES), 675–678 — the sky model EnergyPlus uses
/// when a weather file lacks horizontal infrared (EnergyPlus Engineering Reference, "Sky Radiation
/// Modeling"): ε_sky = (0.787 + 0.764 ln(T_dp/273)) (1 + 0.0224 N − 0.0035 N² + 0.00028 N³),
/// IR = ε_sky σ T_db⁴, temperatures in K, N opaque sky cover in tenths.
enum ClarkAllen1978 {
    static let stefanBoltzmann = 5.6697e-8

    static func horizontalInfraredWPerM2(dryBulbC: Double, dewPointC: Double, opaqueSkyCoverTenths n: Double) -> Double {
        let dewK = max(dewPointC + 273.15, 150)
        let emissivity = (0.787 + 0.764 * log(dewK / 273)) * (1 + 0.0224 * n - 0.0035 * n * n + 0.00028 * n * n * n)
        return max(0, emissivity * stefanBoltzmann * pow(dryBulbC + 273.15, 4))
    }
}

/// Saturation vapour pressure over water, Magnus form with the coefficients of Alduchov, O. A. &
/// Eskridge, R. E. (1996), "Improved Magnus form approximation of saturation vapor pressure",
/// *J. Appl. Meteorology* 35(4) 601–609: e_s = 610.94 exp(17.625 θ / (θ + 243.04)) Pa.
enum Magnus {
    static func saturationPressurePa(_ celsius: Double) -> Double {
        610.94 * exp(17.625 * celsius / (celsius + 243.04))
    }

    /// Dew point from dry bulb and relative humidity (inverse of the same formula).
    static func dewPointC(dryBulbC: Double, relativeHumidityPercent rh: Double) -> Double {
        let gamma = log(max(rh, 0.1) / 100) + 17.625 * dryBulbC / (dryBulbC + 243.04)
        return 243.04 * gamma / (17.625 - gamma)
    }

    /// Relative humidity from dry bulb and dew point, %.
    static func relativeHumidityPercent(dryBulbC: Double, dewPointC: Double) -> Double {
        100 * saturationPressurePa(dewPointC) / saturationPressurePa(dryBulbC)
    }
}

/// Pressure of the ICAO/ISO 2533 standard atmosphere below 11 km:
/// p = 101 325 (1 − 2.25577 × 10⁻⁵ Z)^5.2559 Pa (ASHRAE Handbook—Fundamentals 2017, ch. 1, eq. 3).
enum StandardAtmosphere {
    static func pressurePa(altitudeM z: Double) -> Double {
        101_325 * pow(1 - 2.25577e-5 * z, 5.2559)
    }
}

// MARK: - Pseudo-random numbers

/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA '14): a 64-bit state advanced by the golden-ratio increment, output through two
/// xor-shift-multiply rounds. Deterministic on every platform.
struct SplitMix64: Sendable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1), 53 random bits.
    mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// Standard normal deviate by the Box–Muller transform (one of the pair is used).
    mutating func nextGaussian() -> Double {
        let u1 = nextUniform(), u2 = nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// 64-bit FNV-1a hash of a string's UTF-8 bytes: the seed of a climate's sequence.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
