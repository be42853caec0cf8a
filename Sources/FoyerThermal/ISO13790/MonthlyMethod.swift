import Foundation
import FoyerClimate
import FoyerModel

extension ISO13790 {
    /// Heating and cooling needs of one month by the quasi-steady-state method.
    public struct MonthlyNeed: Sendable, Equatable {
        public var month: Int
        public var heatingNeedKWh: Double
        public var coolingNeedKWh: Double
        /// Gain utilisation factor for heating η_H,gn.
        public var gainUtilisation: Double
        /// Loss utilisation factor for cooling η_C,ls.
        public var lossUtilisation: Double
        /// Total heat transfer at the heating set-point Q_ht = Q_tr + Q_ve, kWh (0 without heating).
        public var heatTransferKWh: Double = 0
        /// Internal heat gains Q_int over the month, kWh.
        public var internalGainsKWh: Double = 0
        /// Solar heat gains Q_sol over the month (through the windows and absorbed by the opaque
        /// elements, less the long-wave loss to the sky), kWh.
        public var solarGainsKWh: Double = 0
    }

    /// The monthly quasi-steady-state method of EN ISO 13790:2008 (clause 7.2 and 12.2.1):
    ///
    ///     Q_H,nd = Q_H,ht − η_H,gn·Q_gn          Q_C,nd = Q_gn − η_C,ls·Q_C,ht
    ///
    /// with Q_ht = (H_tr + H_ve)(θ_int,set − θ_e)·t and Q_gn = Q_int + Q_sol; the utilisation
    /// factors of 12.2.1: for γ = Q_gn/Q_ht > 0 and ≠ 1, η_H,gn = (1 − γ^a)/(1 − γ^(a+1)) and
    /// η_C,ls = (1 − γ^−a)/(1 − γ^−(a+1)); a/(a + 1) for γ = 1; with a = a₀ + τ/τ₀, a₀ = 1,
    /// τ₀ = 15 h for the monthly method and τ = (C_m/3600)/(H_tr + H_ve) the time constant in
    /// hours. The transmission and solar terms are those of the 5R1C model (``EnvelopeSummary``),
    /// summed from the same hourly weather; ground floors at the annual mean outdoor temperature.
    /// The set-point is the mean of the hourly set-points (intermittency is not corrected
    /// further, a simplification of 13.2).
    /// A household that heats part of its dwelling: the heated zone (``ResolvedDwelling/heatedZone``).
    public static func monthlyNeeds(_ whole: ResolvedDwelling, weather: WeatherYear, solar: SurfaceIrradiance,
                                    options: SimulationOptions = SimulationOptions()) -> [MonthlyNeed] {
        let dwelling = whole.heatedZone
        let envelope = EnvelopeSummary(dwelling, solar: solar)
        let skyC = SurfaceIrradiance.skyTemperaturesC(weather)
        let setpoints = ZoneInputs.setpoints(dwelling.thermostat, firstWeekday: options.firstWeekday)
        let internalGains = ZoneInputs.internalGainsW(dwelling.occupancy, firstWeekday: options.firstWeekday)
        let annualMean = weather.dryBulbC.reduce(0, +) / Double(WeatherYear.hoursPerYear)
        let outdoorWPerK = envelope.windowsWPerK + envelope.opaqueWPerK + envelope.ventilationWPerK
        let totalWPerK = outdoorWPerK + envelope.groundWPerK
        let timeConstantH = totalWPerK > 0 ? envelope.heatCapacityJPerK / 3600 / totalWPerK : 0
        let a = 1 + timeConstantH / 15
        return (1...12).map { month in
            let first = WeatherYear.firstHour(ofMonth: month)
            let hours = first..<(first + WeatherYear.daysPerMonth[month - 1] * 24)
            var heatLossHeatingWh = 0.0, heatLossCoolingWh = 0.0, internalWh = 0.0, solarWh = 0.0
            var heatingHours = 0, coolingHours = 0
            for hour in hours {
                let outdoor = weather.dryBulbC[hour]
                let heatingSet = setpoints.heating[hour]
                let coolingSet = setpoints.cooling[hour]
                if let heatingSet {
                    heatingHours += 1
                    heatLossHeatingWh += outdoorWPerK * (heatingSet - outdoor) + envelope.groundWPerK * (heatingSet - annualMean)
                }
                if let coolingSet {
                    coolingHours += 1
                    heatLossCoolingWh += outdoorWPerK * (coolingSet - outdoor) + envelope.groundWPerK * (coolingSet - annualMean)
                }
                internalWh += internalGains[hour]
                solarWh += envelope.solarGainW(hour: hour, outdoorC: outdoor, skyC: skyC[hour])
            }
            let gainsWh = internalWh + solarWh
            let heatingUtilisation = gainUtilisation(gains: gainsWh, losses: heatLossHeatingWh, a: a)
            let coolingUtilisation = lossUtilisation(gains: gainsWh, losses: heatLossCoolingWh, a: a)
            // Gains are counted over the whole month; a season with heating (or cooling) only part
            // of the month is scaled by its share of the hours.
            let heatingShare = Double(heatingHours) / Double(hours.count)
            let coolingShare = Double(coolingHours) / Double(hours.count)
            let heating = heatingHours == 0 ? 0 : max(0, heatLossHeatingWh - heatingUtilisation * heatingShare * gainsWh)
            let cooling = coolingHours == 0 ? 0 : max(0, coolingShare * gainsWh - coolingUtilisation * heatLossCoolingWh)
            return MonthlyNeed(month: month, heatingNeedKWh: heating / 1000, coolingNeedKWh: cooling / 1000,
                               gainUtilisation: heatingUtilisation, lossUtilisation: coolingUtilisation,
                               heatTransferKWh: heatLossHeatingWh / 1000, internalGainsKWh: internalWh / 1000, solarGainsKWh: solarWh / 1000)
        }
    }

    /// η_H,gn of EN ISO 13790:2008, 12.2.1.1.
    static func gainUtilisation(gains: Double, losses: Double, a: Double) -> Double {
        guard losses > 0 else { return 0 }  // no heat loss: no gain is useful for heating
        let gamma = gains / losses
        if gamma <= 0 { return 1 }
        if abs(gamma - 1) < 1e-9 { return a / (a + 1) }
        return (1 - pow(gamma, a)) / (1 - pow(gamma, a + 1))
    }

    /// η_C,ls of EN ISO 13790:2008, 12.2.1.2.
    static func lossUtilisation(gains: Double, losses: Double, a: Double) -> Double {
        guard losses > 0 else { return 1 }  // losses negative or zero: they all count against cooling
        let gamma = gains / losses
        if gamma <= 0 { return 0 }
        if abs(gamma - 1) < 1e-9 { return a / (a + 1) }
        return (1 - pow(gamma, -a)) / (1 - pow(gamma, -(a + 1)))
    }
}
