import Foundation
import FoyerClimate
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerThermal

/// Runs variants of one dwelling on prepared weather and returns the energy bought each day:
/// what calibration (and later savings and batch runs) compare with the bills.
public struct HouseholdSimulator: Sendable {
    public var weather: BilledWeather
    public var model: ThermalModel
    public var options: SimulationOptions

    public init(weather: BilledWeather, model: ThermalModel = .iso52016, options: SimulationOptions = SimulationOptions()) {
        self.weather = weather
        self.model = model
        self.options = options
    }

    /// Energy bought per day of the simulated year(s), kWh PCI: calendar year (`nil`: any) →
    /// energy → 365 daily values (1 January first).
    public struct DailyEnergy: Sendable {
        public var byYear: [Int?: [Energy: [Double]]]
        /// The same by use, summed over the year(s): energy → use → kWh.
        public var annualByUse: [Energy: [EnergyUse: Double]]
        /// Each use's 365 daily values, per calendar year and energy.
        public var byUseDaily: [Int?: [Energy: [EnergyUse: [Double]]]] = [:]

        /// kWh of `use` bought as `energy` from `start` to `end`.
        public func kWh(_ energy: Energy, use: EnergyUse, from start: CivilDate, to end: CivilDate) -> Double {
            guard end >= start else { return 0 }
            var total = 0.0
            for dayNumber in start.dayNumber...end.dayNumber {
                let date = CivilDate(dayNumber: dayNumber)
                guard let days = byUseDaily[yearKey(date)]?[energy]?[use] else { continue }
                total += days[date.dayOfCommonYear]
            }
            return total
        }

        /// The simulated year standing for `date`'s year.
        func yearKey(_ date: CivilDate) -> Int? {
            if byYear.keys.contains(nil) { return nil }
            let years = byYear.keys.compactMap { $0 }
            return years.contains(date.year) ? date.year : years.min { abs($0 - date.year) < abs($1 - date.year) }
        }

        /// kWh of `energy` from `start` to `end` (both included); 29 February counts as the 28th.
        public func kWh(_ energy: Energy, from start: CivilDate, to end: CivilDate) -> Double {
            guard end >= start else { return 0 }
            var total = 0.0
            for dayNumber in start.dayNumber...end.dayNumber {
                let date = CivilDate(dayNumber: dayNumber)
                guard let days = byYear[yearKey(date)]?[energy] else { continue }
                total += days[date.dayOfCommonYear]
            }
            return total
        }
    }

    /// Simulates `dwelling` on every prepared year.
    /// - Throws: the thermal network's error when the dwelling cannot be solved.
    public func run(_ dwelling: ResolvedDwelling) throws -> DailyEnergy {
        var byYear: [Int?: [Energy: [Double]]] = [:]
        var byUse: [Energy: [EnergyUse: Double]] = [:]
        var byUseDaily: [Int?: [Energy: [EnergyUse: [Double]]]] = [:]
        for year in weather.calendarYears {
            guard let prepared = weather.prepared(year) else { continue }
            var runOptions = options
            if let year { runOptions.firstWeekday = CivilDate(year, 1, 1).isoWeekday }
            let result = try prepared.simulate(dwelling, model: model, options: runOptions)
            let systems = SystemsModel.run(dwelling, inputs: Self.systemInputs(dwelling, result: result, weather: prepared.weather))
            var days: [Energy: [Double]] = [:]
            var uses: [Energy: [EnergyUse: [Double]]] = [:]
            for stream in systems.streams {
                var streamDaily = [Double](repeating: 0, count: 365)
                for (hour, kWh) in stream.hourlyKWh.enumerated() where hour / 24 < 365 { streamDaily[hour / 24] += kWh }
                days[stream.energy] = zip(days[stream.energy] ?? [Double](repeating: 0, count: 365), streamDaily).map { $0 + $1 }
                uses[stream.energy, default: [:]][stream.use] = zip(uses[stream.energy]?[stream.use] ?? [Double](repeating: 0, count: 365), streamDaily).map { $0 + $1 }
                byUse[stream.energy, default: [:]][stream.use, default: 0] += stream.totalKWh
            }
            byYear[year] = days
            byUseDaily[year] = uses
        }
        return DailyEnergy(byYear: byYear, annualByUse: byUse, byUseDaily: byUseDaily)
    }

    /// The systems' hourly inputs: the meter's off-peak windows (the dwelling's, else the usual
    /// ones: 22:00–06:00 in France, 22:00–07:00 in Belgium) on standard time.
    static func systemInputs(_ dwelling: ResolvedDwelling, result: HourlyResult, weather: WeatherYear) -> SystemInputs {
        var windows = (dwelling.energySupply.offPeakHours ?? []).compactMap(ClockWindow.init)
        if windows.isEmpty {
            windows = ClockWindow.usualOffPeak(country: dwelling.location.country)
        }
        let offPeak = result.heatingW.indices.map { hour in windows.contains { $0.contains(minuteOfDay: (hour % 24) * 60) } }
        return SystemInputs(heatingW: result.heatingW, outdoorC: result.outdoorC, offPeak: offPeak,
                            coldWaterC: ColdWater.monthlyC(dwelling: dwelling, weather: weather))
    }
}
