import Foundation
import FoyerClimate
import FoyerCore
import FoyerModel

/// Options shared by the hourly models.
public struct SimulationOptions: Sendable, Equatable {
    /// Day of the week of January 1st: 1 = Monday … 7 = Sunday.
    public var firstWeekday: Int = 1
    /// Fraction of the heating and cooling power delivered to the air by convection (the rest
    /// radiates to the surfaces), overriding the dwelling's (from its emitters). `nil`: the
    /// dwelling's `heatingConvectiveFraction`.
    public var heatingConvectiveFraction: Double?
    /// How the outside surfaces exchange heat with the outdoor air (EN ISO 52016-1 model).
    public var outsideFilm: OutsideFilm = .weather
    /// How the internal surfaces exchange heat with the zone air by convection (EN ISO 52016-1
    /// model).
    public var insideConvection: InsideConvection = .temperatureDifference
    /// Ignore the heating systems' maximum power (ideal loads).
    public var idealLoads: Bool = false
    /// Hours simulated before January 1st to set the initial state (the end of the year, run
    /// first, as the weather of December leads into January).
    public var warmUpHours: Int = 744

    public init(firstWeekday: Int = 1, heatingConvectiveFraction: Double? = nil, idealLoads: Bool = false, warmUpHours: Int = 744) {
        self.firstWeekday = firstWeekday
        self.heatingConvectiveFraction = heatingConvectiveFraction
        self.idealLoads = idealLoads
        self.warmUpHours = warmUpHours
    }
}

/// The outside convective coefficient of the EN ISO 52016-1 model.
public enum OutsideFilm: String, Sendable, Equatable, CaseIterable {
    /// From the hour's wind at the house: EN ISO 6946 Annex C, h_c = 4 + 4·v, with the wind
    /// brought to the eaves through the site's terrain (decision 0008).
    case weather
    /// EN ISO 13789's constant 20 W/(m²·K), the conventional calculation's.
    case conventional
}

/// The internal convective coefficients of the EN ISO 52016-1 model.
public enum InsideConvection: String, Sendable, Equatable, CaseIterable {
    /// Natural convection from each surface's own temperature difference with the air and its
    /// orientation, hour by hour (Walton's correlations, decision 0009).
    case temperatureDifference = "temperature-difference"
    /// EN ISO 13789:2017 Table 8's fixed values by direction of the heat flow: 2.5 W/(m²·K) on
    /// walls, 5.0 upwards, 0.7 downwards (decision 0006).
    case conventional
}

/// Hourly schedules, set-points and gains common to the models.
enum ZoneInputs {
    /// Expands a week schedule to the 8 760 hours of the year.
    static func hourly(_ week: WeekSchedule, firstWeekday: Int) -> [Bool] {
        var result = [Bool](repeating: false, count: WeatherYear.hoursPerYear)
        forEachDay(firstWeekday: firstWeekday) { day, isWeekend in
            let source = isWeekend ? week.weekends : week.weekdays
            for hour in 0..<24 { result[day * 24 + hour] = source[hour] }
        }
        return result
    }

    /// Calls `body` for each day of the year (0…364) with whether it is a Saturday or a Sunday,
    /// 1 January being `firstWeekday` (1 = Monday).
    @inline(__always)
    private static func forEachDay(firstWeekday: Int, _ body: (Int, Bool) -> Void) {
        for day in 0..<(WeatherYear.hoursPerYear / 24) {
            let weekday = (firstWeekday - 1 + day) % 7  // 0 = Monday
            body(day, weekday >= 5)
        }
    }

    /// Heating and cooling set-points of each hour from the thermostat.
    static func setpoints(_ thermostat: ResolvedThermostat, firstWeekday: Int) -> Setpoints {
        recentSetpoints.value(for: ThermostatKey(thermostat: thermostat, firstWeekday: firstWeekday)) {
            let (heating, cooling) = expandSetpoints(thermostat, firstWeekday: firstWeekday)
            return Setpoints(heating: heating, cooling: cooling,
                             heatingFlat: heating.map { $0 ?? -Double.infinity }, coolingFlat: cooling.map { $0 ?? Double.infinity })
        }
    }

    /// A year of hourly set-points, °C (`nil` when off), and the same with −∞/+∞ for "off" (the
    /// hourly loop's form, ``PreparedZone/heatingSetpointFlatC``).
    struct Setpoints: Sendable {
        var heating: [Double?]
        var cooling: [Double?]
        var heatingFlat: [Double]
        var coolingFlat: [Double]
    }

    /// A year of hours at the annual mean outdoor temperature of `weather` (the ground's far
    /// side), kept with the year when `weather` is `solar`'s own.
    static func groundTemperaturesC(_ weather: WeatherYear, solar: SurfaceIrradiance) -> [Double] {
        solar.derivedSeries("annual-mean-outdoor", of: weather) {
            [Double](repeating: weather.dryBulbC.reduce(0, +) / Double(WeatherYear.hoursPerYear), count: WeatherYear.hoursPerYear)
        }
    }

    /// A thermostat and the weekday of 1 January, its temperatures compared bit for bit.
    struct ThermostatKey: Equatable, Sendable {
        var thermostat: ResolvedThermostat
        var firstWeekday: Int

        static func == (a: ThermostatKey, b: ThermostatKey) -> Bool {
            a.firstWeekday == b.firstWeekday && a.thermostat == b.thermostat
                && a.thermostat.heatingSetpointC.bitPattern == b.thermostat.heatingSetpointC.bitPattern
                && a.thermostat.heatingSetbackC.bitPattern == b.thermostat.heatingSetbackC.bitPattern
                && a.thermostat.coolingSetpointC.bitPattern == b.thermostat.coolingSetpointC.bitPattern
        }
    }

    /// The hourly set-points of the last few thermostats (a sweep's jobs share theirs).
    static let recentSetpoints = RecentValues<ThermostatKey, Setpoints>(capacity: 4)
    /// The hourly presence of the last few schedules.
    static let recentPresence = RecentValues<PresenceKey, [Bool]>(capacity: 4)

    struct PresenceKey: Equatable, Sendable {
        var week: WeekSchedule
        var firstWeekday: Int
    }

    /// ``hourly(_:firstWeekday:)`` of a presence schedule, kept for the next jobs.
    static func presence(_ week: WeekSchedule, firstWeekday: Int) -> [Bool] {
        recentPresence.value(for: PresenceKey(week: week, firstWeekday: firstWeekday)) { hourly(week, firstWeekday: firstWeekday) }
    }

    private static func expandSetpoints(_ thermostat: ResolvedThermostat, firstWeekday: Int) -> (heating: [Double?], cooling: [Double?]) {
        let comfort = hourly(thermostat.comfortPeriods, firstWeekday: firstWeekday)
        let heats = thermostat.mode == .heating || thermostat.mode == .heatingAndCooling
        let cools = thermostat.mode == .cooling || thermostat.mode == .heatingAndCooling
        let hours = WeatherYear.hoursPerYear
        var heating = [Double?](repeating: nil, count: hours)
        if heats {
            for day in 0..<(hours / 24) where thermostat.heatingSeason?.contains(dayOfYear: min(day, 364)) ?? true {
                for hour in (day * 24)..<(day * 24 + 24) {
                    heating[hour] = comfort[hour] ? thermostat.heatingSetpointC : thermostat.heatingSetbackC
                }
            }
        }
        let cooling = [Double?](repeating: cools ? thermostat.coolingSetpointC : nil, count: hours)
        return (heating, cooling)
    }

    /// Internal gains of each hour, W: the mean gains times the hourly weight of the dwelling's
    /// profile (weekly mean 1, so the annual gains do not depend on the profile).
    static func internalGainsW(_ occupancy: ResolvedOccupancy, firstWeekday: Int = 1) -> [Double] {
        var result = [Double](repeating: 0, count: WeatherYear.hoursPerYear)
        forEachDay(firstWeekday: firstWeekday) { day, isWeekend in
            let weights = isWeekend ? occupancy.internalGainsProfileWeekends : occupancy.internalGainsProfileWeekdays
            for hour in 0..<24 { result[day * 24 + hour] = occupancy.internalGainsW * weights[hour] }
        }
        return result
    }

    /// Maximum heating power of the dwelling's systems, W (∞ when any system has no limit).
    static func maxHeatingW(_ dwelling: ResolvedDwelling, options: SimulationOptions) -> Double {
        if options.idealLoads || dwelling.heatingSystems.isEmpty { return .infinity }
        var total = 0.0
        for system in dwelling.heatingSystems {
            guard let power = system.maxPowerW else { return .infinity }
            total += power
        }
        return total
    }

    /// Volumetric heat capacity of air, ρ_a·c_a = 1 200 J/(m³·K) (EN ISO 13789:2017).
    static let airVolumetricHeatCapacityJPerM3K = 1200.0

    /// H_ve, W/K: infiltration plus ventilation less the recovered part.
    static func ventilationWPerK(_ dwelling: ResolvedDwelling) -> Double {
        airVolumetricHeatCapacityJPerM3K * dwelling.ventilation.effectiveAirChangePerH * dwelling.volumeM3 / 3600
    }

    /// Temperature of an unheated space from its adjustment factor b (EN ISO 13789:2017):
    /// b = (θ_int − θ_u)/(θ_int − θ_e), so θ_u = b·θ_e + (1 − b)·θ_int, with θ_int the heating
    /// set-point (the reference interior temperature).
    static func unheatedSpaceTemperatureC(outdoorC: Double, b: Double, interiorC: Double) -> Double {
        b * outdoorC + (1 - b) * interiorC
    }
}

/// Ground heat transfer, EN ISO 13370:2017.
public enum ISO13370 {
    /// Thermal conductivity of the ground when unknown, λ = 2.0 W/(m·K) (EN ISO 13370:2017, 7.1).
    public static let defaultGroundConductivityWPerMK = 2.0
    /// Wall thickness used in the equivalent thickness when unknown, m.
    public static let defaultWallThicknessM = 0.3

    /// Thermal transmittance of a slab-on-ground floor including the ground, EN ISO 13370:2017,
    /// 9.1: characteristic dimension B' = A/(0.5 P), equivalent thickness
    /// d_t = w + λ(R_si + R_f + R_se); if d_t < B', U = 2λ/(πB' + d_t)·ln(πB'/d_t + 1),
    /// otherwise U = λ/(0.457 B' + d_t).
    /// - Parameters:
    ///   - areaM2: floor area A.
    ///   - exposedPerimeterM: exposed perimeter P.
    ///   - floorResistanceM2KPerW: R_f, the floor construction without surface resistances.
    public static func slabOnGroundUValue(areaM2: Double, exposedPerimeterM: Double, floorResistanceM2KPerW: Double,
                                          wallThicknessM: Double = defaultWallThicknessM,
                                          groundConductivityWPerMK: Double = defaultGroundConductivityWPerMK) -> Double {
        let lambda = groundConductivityWPerMK
        let bPrime = areaM2 / (0.5 * max(exposedPerimeterM, 1e-6))
        let dt = wallThicknessM + lambda * (0.17 + max(floorResistanceM2KPerW, 0) + 0.04)
        if dt < bPrime {
            let piB: Double = Double.pi * bPrime
            return 2 * lambda / (piB + dt) * Foundation.log(piB / dt + 1)
        }
        return lambda / (0.457 * bPrime + dt)
    }
}
