import Foundation
import FoyerBills
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerTariffs
import FoyerThermal

/// What `foyer simulate` reports: annual and monthly needs, peaks with their hour, comfort
/// indicators, temperatures and the heat balance with its closure error. JSON keys are
/// snake_case with units.
public struct SimulationReport: Sendable, Encodable {
    public struct Month: Sendable, Encodable {
        public var month: Int
        public var heatingNeedKWh: Double
        public var coolingNeedKWh: Double
        public var meanOutdoorC: Double
        public var meanOperativeC: Double

        enum CodingKeys: String, CodingKey {
            case month
            case heatingNeedKWh = "heating_need_kwh"
            case coolingNeedKWh = "cooling_need_kwh"
            case meanOutdoorC = "mean_outdoor_c"
            case meanOperativeC = "mean_operative_c"
        }
    }

    /// Occupied hours below 16 °C and 19 °C and above 28 °C, for one temperature.
    public struct ComfortHours: Sendable, Encodable {
        public var hoursBelow16C: Int
        public var hoursBelow19C: Int
        public var hoursAbove28C: Int

        enum CodingKeys: String, CodingKey {
            case hoursBelow16C = "hours_below_16c"
            case hoursBelow19C = "hours_below_19c"
            case hoursAbove28C = "hours_above_28c"
        }

        /// Counts the occupied hours of `temperaturesC` past each threshold. A thermostat holding
        /// exactly 19 °C must not count as "below 19 °C" through rounding: thresholds are
        /// compared with a 0.01 K margin.
        public init(_ temperaturesC: [Double], occupied: [Bool]) {
            var below16 = 0, below19 = 0, above28 = 0
            // Counted without a branch per hour (comparisons turned into 0 or 1): whether an
            // hour is occupied or below a threshold follows the weather and the household, which
            // the processor cannot predict.
            temperaturesC.withUnsafeBufferPointer { temperatures in
                occupied.withUnsafeBufferPointer { occupied in
                    for hour in 0..<min(temperatures.count, occupied.count) {
                        let temperature = temperatures[hour], counted = occupied[hour] ? 1 : 0
                        below16 &+= counted & (temperature < 16 - 0.01 ? 1 : 0)
                        below19 &+= counted & (temperature < 19 - 0.01 ? 1 : 0)
                        above28 &+= counted & (temperature > 28 + 0.01 ? 1 : 0)
                    }
                }
            }
            hoursBelow16C = below16
            hoursBelow19C = below19
            hoursAbove28C = above28
        }
    }

    /// Comfort over the occupied hours, by the operative temperature (what occupants feel:
    /// EN ISO 7730, the mean of air and mean radiant temperature) and by the air temperature
    /// (what a room thermostat and a household's thermometer read).
    public struct Comfort: Sendable, Encodable {
        public var occupiedHours: Int
        public var operative: ComfortHours
        public var air: ComfortHours

        enum CodingKeys: String, CodingKey {
            case occupiedHours = "occupied_hours"
            case operative, air
        }
    }

    public struct Temperatures: Sendable, Encodable {
        public var airMinC, airMeanC, airMaxC, operativeMinC, operativeMeanC, operativeMaxC: Double

        enum CodingKeys: String, CodingKey {
            case airMinC = "air_min_c"
            case airMeanC = "air_mean_c"
            case airMaxC = "air_max_c"
            case operativeMinC = "operative_min_c"
            case operativeMeanC = "operative_mean_c"
            case operativeMaxC = "operative_max_c"
        }
    }

    public struct Balance: Sendable, Encodable {
        /// Heat into the zone by component over the year, kWh (losses negative).
        public var componentsKWh: [String: Double]
        public var storageChangeKWh: Double
        public var closureErrorKWh: Double

        enum CodingKeys: String, CodingKey {
            case componentsKWh = "components_kwh"
            case storageChangeKWh = "storage_change_kwh"
            case closureErrorKWh = "closure_error_kwh"
        }
    }

    /// The EN ISO 13790 monthly method's needs, reported beside the hourly model's.
    public struct MonthlyMethod: Sendable, Encodable {
        public var heatingNeedKWh: Double
        public var coolingNeedKWh: Double
        public var monthly: [Month]

        enum CodingKeys: String, CodingKey {
            case monthly
            case heatingNeedKWh = "heating_need_kwh"
            case coolingNeedKWh = "cooling_need_kwh"
        }

        public struct Month: Sendable, Encodable {
            public var month: Int
            public var heatingNeedKWh: Double
            public var coolingNeedKWh: Double
            public var gainUtilisation: Double

            enum CodingKeys: String, CodingKey {
                case month
                case heatingNeedKWh = "heating_need_kwh"
                case coolingNeedKWh = "cooling_need_kwh"
                case gainUtilisation = "gain_utilisation"
            }
        }

        public init(_ needs: [ISO13790.MonthlyNeed]) {
            monthly = needs.map { Month(month: $0.month, heatingNeedKWh: $0.heatingNeedKWh, coolingNeedKWh: $0.coolingNeedKWh, gainUtilisation: $0.gainUtilisation) }
            heatingNeedKWh = needs.reduce(0) { $0 + $1.heatingNeedKWh }
            coolingNeedKWh = needs.reduce(0) { $0 + $1.coolingNeedKWh }
        }
    }

    public var model: String
    public var dwelling: String
    public var weather: String
    /// Which use was simulated, and what it is.
    public var use: UseSummary?
    public var floorAreaM2: Double
    public var heatingNeedKWh: Double
    public var coolingNeedKWh: Double
    public var heatingNeedKWhPerM2: Double
    public var peakHeatingW: Double
    public var peakHeatingHour: String
    public var peakCoolingW: Double
    public var peakCoolingHour: String
    public var unmetHeatingKWh: Double
    public var unmetHeatingHours: Int
    public var monthly: [Month]
    public var comfort: Comfort
    public var temperatures: Temperatures
    public var balance: Balance
    public var monthlyMethod: MonthlyMethod?
    /// Delivered energy per fuel, primary energy, CO₂, bills and offers (when computed).
    public var energy: EnergyReport?

    enum CodingKeys: String, CodingKey {
        case model, dwelling, weather, use, monthly, comfort, temperatures, balance, energy
        case monthlyMethod = "monthly_method"
        case floorAreaM2 = "floor_area_m2"
        case heatingNeedKWh = "heating_need_kwh"
        case coolingNeedKWh = "cooling_need_kwh"
        case heatingNeedKWhPerM2 = "heating_need_kwh_per_m2"
        case peakHeatingW = "peak_heating_w"
        case peakHeatingHour = "peak_heating_hour"
        case peakCoolingW = "peak_cooling_w"
        case peakCoolingHour = "peak_cooling_hour"
        case unmetHeatingKWh = "unmet_heating_kwh"
        case unmetHeatingHours = "unmet_heating_hours"
    }

    /// `MM-DD HH:00` for hour index `hour` (the hour starting then).
    public static func label(hour: Int) -> String {
        let (month, day) = WeatherYear.monthAndDay(ofHour: hour)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(month))-\(two(day)) \(two(hour % 24)):00"
    }

    /// The report's annual figures without its monthly table, temperatures, balance and peak
    /// hour labels: what a batch line prints, by the same definitions.
    public struct Annual: Sendable {
        public var heatingNeedKWh: Double
        public var heatingNeedKWhPerM2: Double
        public var coolingNeedKWh: Double
        public var peakHeatingW: Double
        public var unmetHeatingKWh: Double
        public var unmetHeatingHours: Int
        public var operative: ComfortHours

        public init(_ result: HourlyResult) {
            heatingNeedKWh = result.heatingW.reduce(0, +) / 1000
            coolingNeedKWh = result.coolingW.reduce(0, +) / 1000
            heatingNeedKWhPerM2 = heatingNeedKWh / result.floorAreaM2
            peakHeatingW = result.heatingW.max() ?? 0
            unmetHeatingKWh = result.unmetHeatingKWh
            unmetHeatingHours = result.unmetHeatingHours
            operative = ComfortHours(result.operativeC, occupied: result.occupied)
        }
    }

    public init(_ result: HourlyResult, dwelling: String, weather: String, monthlyMethod: [ISO13790.MonthlyNeed]? = nil) {
        self.monthlyMethod = monthlyMethod.map(MonthlyMethod.init)
        model = result.model.rawValue
        self.dwelling = dwelling
        self.weather = weather
        floorAreaM2 = result.floorAreaM2
        heatingNeedKWh = result.heatingW.reduce(0, +) / 1000
        coolingNeedKWh = result.coolingW.reduce(0, +) / 1000
        heatingNeedKWhPerM2 = heatingNeedKWh / result.floorAreaM2
        let heatingPeak = result.heatingW.indices.max { result.heatingW[$0] < result.heatingW[$1] } ?? 0
        let coolingPeak = result.coolingW.indices.max { result.coolingW[$0] < result.coolingW[$1] } ?? 0
        peakHeatingW = result.heatingW[heatingPeak]
        peakHeatingHour = peakHeatingW > 0 ? Self.label(hour: heatingPeak) : ""
        peakCoolingW = result.coolingW[coolingPeak]
        peakCoolingHour = peakCoolingW > 0 ? Self.label(hour: coolingPeak) : ""
        unmetHeatingKWh = result.unmetHeatingKWh
        unmetHeatingHours = result.unmetHeatingHours
        monthly = (1...12).map { month in
            let first = WeatherYear.firstHour(ofMonth: month)
            let range = first..<(first + WeatherYear.daysPerMonth[month - 1] * 24)
            let count = Double(range.count)
            return Month(
                month: month, heatingNeedKWh: result.heatingW[range].reduce(0, +) / 1000,
                coolingNeedKWh: result.coolingW[range].reduce(0, +) / 1000,
                meanOutdoorC: result.outdoorC[range].reduce(0, +) / count, meanOperativeC: result.operativeC[range].reduce(0, +) / count)
        }
        comfort = Comfort(occupiedHours: result.occupied.count(where: { $0 }),
                          operative: ComfortHours(result.operativeC, occupied: result.occupied),
                          air: ComfortHours(result.airC, occupied: result.occupied))
        let hours = Double(result.airC.count)
        temperatures = Temperatures(
            airMinC: result.airC.min() ?? .nan, airMeanC: result.airC.reduce(0, +) / hours, airMaxC: result.airC.max() ?? .nan,
            operativeMinC: result.operativeC.min() ?? .nan, operativeMeanC: result.operativeC.reduce(0, +) / hours,
            operativeMaxC: result.operativeC.max() ?? .nan)
        balance = Balance(componentsKWh: result.balanceKWh, storageChangeKWh: result.storageChangeKWh, closureErrorKWh: result.closureErrorKWh)
    }

    /// Whether every number is finite (checked before anything is written).
    public var isFinite: Bool {
        let numbers = [heatingNeedKWh, coolingNeedKWh, peakHeatingW, peakCoolingW, unmetHeatingKWh, temperatures.airMinC, temperatures.airMaxC,
                       temperatures.airMeanC, temperatures.operativeMinC, temperatures.operativeMaxC, temperatures.operativeMeanC,
                       balance.storageChangeKWh, balance.closureErrorKWh]
            + monthly.flatMap { [$0.heatingNeedKWh, $0.coolingNeedKWh, $0.meanOutdoorC, $0.meanOperativeC] }
            + Array(balance.componentsKWh.values)
            + (monthlyMethod.map { [$0.heatingNeedKWh, $0.coolingNeedKWh] } ?? [])
        return numbers.allSatisfy(\.isFinite)
    }

    /// The readable form for a technician.
    public func text() -> String {
        var lines: [String] = []
        lines.append("\(dwelling) — model \(model), weather: \(weather)")
        if let use { lines.append(use.text) }
        lines.append("")
        lines.append("Heating need  \(fixed(heatingNeedKWh, 0)) kWh/year  (\(fixed(heatingNeedKWhPerM2, 0)) kWh/m² for \(fixed(floorAreaM2, 0)) m²)")
        if coolingNeedKWh > 0 { lines.append("Cooling need  \(fixed(coolingNeedKWh, 0)) kWh/year") }
        if peakHeatingW > 0 { lines.append("Peak heating  \(fixed(peakHeatingW / 1000, 2)) kW on \(peakHeatingHour)") }
        if peakCoolingW > 0 { lines.append("Peak cooling  \(fixed(peakCoolingW / 1000, 2)) kW on \(peakCoolingHour)") }
        if unmetHeatingKWh > 0.5 {
            lines.append("Heating system too small: \(fixed(unmetHeatingKWh, 0)) kWh not delivered over \(unmetHeatingHours) hours")
        }
        lines.append("")
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var header = ["month", "heating kWh", "cooling kWh", "outdoor °C", "operative °C"]
        var rows = monthly.map { [names[$0.month - 1], fixed($0.heatingNeedKWh, 0), fixed($0.coolingNeedKWh, 0), fixed($0.meanOutdoorC, 1), fixed($0.meanOperativeC, 1)] }
        if let monthlyMethod {
            header += ["monthly method heating kWh", "cooling kWh"]
            for index in rows.indices {
                rows[index] += [fixed(monthlyMethod.monthly[index].heatingNeedKWh, 0), fixed(monthlyMethod.monthly[index].coolingNeedKWh, 0)]
            }
            rows.append(["Year", fixed(heatingNeedKWh, 0), fixed(coolingNeedKWh, 0), "", "", fixed(monthlyMethod.heatingNeedKWh, 0), fixed(monthlyMethod.coolingNeedKWh, 0)])
        }
        lines.append(table(header, rows))
        lines.append("")
        for (label, hours) in [("operative", comfort.operative), ("air", comfort.air)] {
            lines.append("Comfort (\(comfort.occupiedHours) occupied hours, \(label) temperature): below 16 °C \(hours.hoursBelow16C) h, below 19 °C \(hours.hoursBelow19C) h, above 28 °C \(hours.hoursAbove28C) h")
        }
        lines.append("Air temperature: min \(fixed(temperatures.airMinC, 1)) °C, mean \(fixed(temperatures.airMeanC, 1)) °C, max \(fixed(temperatures.airMaxC, 1)) °C")
        lines.append("")
        lines.append("Heat balance over the year (kWh, gains +, losses −):")
        let balanceRows = balance.componentsKWh.keys.sorted().map { [$0, fixed(balance.componentsKWh[$0] ?? 0, 0)] }
            + [["stored heat change", fixed(balance.storageChangeKWh, 1)], ["closure error", String(balance.closureErrorKWh)]]
        lines.append(table(["component", "kWh"], balanceRows))
        return lines.joined(separator: "\n")
    }

    /// Hourly CSV: one row per hour with temperatures (°C) and powers (W).
    public static func hourlyCSV(_ result: HourlyResult) -> String {
        var text = "hour_index,month,day,hour,outdoor_c,air_c,operative_c,heating_w,cooling_w\n"
        text.reserveCapacity(8760 * 60)
        for hour in result.airC.indices {
            let (month, day) = WeatherYear.monthAndDay(ofHour: hour)
            text += "\(hour),\(month),\(day),\(hour % 24),\(fixed(result.outdoorC[hour], 2)),\(fixed(result.airC[hour], 2)),"
            text += "\(fixed(result.operativeC[hour], 2)),\(fixed(result.heatingW[hour], 1)),\(fixed(result.coolingW[hour], 1))\n"
        }
        return text
    }
}

/// The result of `foyer simulate --model monthly`: the EN ISO 13790 monthly method alone
/// (quick screening; no peaks, comfort or hourly file, which need an hourly model).
public struct MonthlyMethodReport: Sendable, Encodable {
    public struct Month: Sendable, Encodable {
        public var month: Int
        public var heatTransferKWh: Double
        public var internalGainsKWh: Double
        public var solarGainsKWh: Double
        public var gainUtilisation: Double
        public var heatingNeedKWh: Double
        public var coolingNeedKWh: Double

        enum CodingKeys: String, CodingKey {
            case month
            case heatTransferKWh = "heat_transfer_kwh"
            case internalGainsKWh = "internal_gains_kwh"
            case solarGainsKWh = "solar_gains_kwh"
            case gainUtilisation = "gain_utilisation"
            case heatingNeedKWh = "heating_need_kwh"
            case coolingNeedKWh = "cooling_need_kwh"
        }
    }

    public var model = "monthly"
    public var dwelling: String
    public var weather: String
    /// Which use was simulated, and what it is.
    public var use: UseSummary?
    public var floorAreaM2: Double
    public var heatingNeedKWh: Double
    public var coolingNeedKWh: Double
    public var heatingNeedKWhPerM2: Double
    public var monthly: [Month]

    enum CodingKeys: String, CodingKey {
        case model, dwelling, weather, use, monthly
        case floorAreaM2 = "floor_area_m2"
        case heatingNeedKWh = "heating_need_kwh"
        case coolingNeedKWh = "cooling_need_kwh"
        case heatingNeedKWhPerM2 = "heating_need_kwh_per_m2"
    }

    public init(_ needs: [ISO13790.MonthlyNeed], dwelling: String, weather: String, floorAreaM2: Double) {
        self.dwelling = dwelling
        self.weather = weather
        self.floorAreaM2 = floorAreaM2
        monthly = needs.map {
            Month(month: $0.month, heatTransferKWh: $0.heatTransferKWh, internalGainsKWh: $0.internalGainsKWh, solarGainsKWh: $0.solarGainsKWh,
                  gainUtilisation: $0.gainUtilisation, heatingNeedKWh: $0.heatingNeedKWh, coolingNeedKWh: $0.coolingNeedKWh)
        }
        heatingNeedKWh = needs.reduce(0) { $0 + $1.heatingNeedKWh }
        coolingNeedKWh = needs.reduce(0) { $0 + $1.coolingNeedKWh }
        heatingNeedKWhPerM2 = floorAreaM2 > 0 ? heatingNeedKWh / floorAreaM2 : 0
    }

    /// Whether every number is finite (checked before anything is written).
    public var isFinite: Bool {
        ([heatingNeedKWh, coolingNeedKWh, heatingNeedKWhPerM2] + monthly.flatMap {
            [$0.heatTransferKWh, $0.internalGainsKWh, $0.solarGainsKWh, $0.gainUtilisation, $0.heatingNeedKWh, $0.coolingNeedKWh]
        }).allSatisfy(\.isFinite)
    }

    /// The readable form.
    public func text() -> String {
        var lines: [String] = []
        lines.append("\(dwelling) — monthly method (EN ISO 13790:2008, 7.2 and 12.2), weather: \(weather)")
        if let use { lines.append(use.text) }
        lines.append("")
        lines.append("Heating need  \(fixed(heatingNeedKWh, 0)) kWh/year  (\(fixed(heatingNeedKWhPerM2, 0)) kWh/m² for \(fixed(floorAreaM2, 0)) m²)")
        if coolingNeedKWh > 0 { lines.append("Cooling need  \(fixed(coolingNeedKWh, 0)) kWh/year") }
        lines.append("")
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var rows = monthly.map {
            [names[$0.month - 1], fixed($0.heatTransferKWh, 0), fixed($0.internalGainsKWh, 0), fixed($0.solarGainsKWh, 0),
             fixed($0.gainUtilisation, 2), fixed($0.heatingNeedKWh, 0), fixed($0.coolingNeedKWh, 0)]
        }
        rows.append(["Year", fixed(monthly.reduce(0) { $0 + $1.heatTransferKWh }, 0), fixed(monthly.reduce(0) { $0 + $1.internalGainsKWh }, 0),
                     fixed(monthly.reduce(0) { $0 + $1.solarGainsKWh }, 0), "", fixed(heatingNeedKWh, 0), fixed(coolingNeedKWh, 0)])
        lines.append(table(["month", "heat transfer kWh", "internal kWh", "solar kWh", "utilisation", "heating kWh", "cooling kWh"], rows))
        lines.append("")
        lines.append("Heating need = heat transfer − utilisation × (internal + solar). Peaks, comfort hours and the hourly")
        lines.append("file need an hourly model: --model iso52016 (default) or 5r1c.")
        return lines.joined(separator: "\n")
    }
}

/// The use scenario a result was computed for, said in every output.
public struct UseSummary: Sendable, Encodable, Equatable {
    public var scenario: UseScenario
    /// `household_use.description` (and its source), when given.
    public var description: String?
    public var heatingSetpointC: Double
    public var heatingSetbackC: Double
    /// `MM-DD → MM-DD`, or `all year`.
    public var heatingSeason: String
    /// Heated share of the floor area (1: all of it).
    public var heatedShare: Double
    /// Adjustment factor b of the cold rooms, when part of the dwelling is left cold.
    public var coldRoomsAdjustmentFactorB: Double?

    enum CodingKeys: String, CodingKey {
        case scenario, description
        case heatingSetpointC = "heating_setpoint_c"
        case heatingSetbackC = "heating_setback_c"
        case heatingSeason = "heating_season"
        case heatedShare = "heated_share"
        case coldRoomsAdjustmentFactorB = "cold_rooms_adjustment_factor_b"
    }

    /// The summary of `dwelling`'s use.
    public init(_ dwelling: ResolvedDwelling) {
        scenario = dwelling.useScenario
        description = dwelling.useDescription
        heatingSetpointC = dwelling.thermostat.heatingSetpointC
        heatingSetbackC = dwelling.thermostat.heatingSetbackC
        if let season = dwelling.thermostat.heatingSeason {
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
            heatingSeason = "\(two(season.start.month))-\(two(season.start.day)) → \(two(season.end.month))-\(two(season.end.day))"
        } else {
            heatingSeason = "all year"
        }
        heatedShare = dwelling.heatedShare?.fraction ?? 1
        coldRoomsAdjustmentFactorB = dwelling.heatedShare.flatMap { $0.fraction < 1 ? dwelling.coldRoomsCoupling($0).b : nil }
    }

    /// One line: `Use: household (…) — 18 °C (set-back 16 °C), 10-15 → 04-30, 60 % of the floor heated`.
    public var text: String {
        let name = scenario == .household ? "household" : "conventional"
        var parts = ["\(fixed(heatingSetpointC, 1)) °C" + (heatingSetbackC < heatingSetpointC ? " (set-back \(fixed(heatingSetbackC, 1)) °C)" : ""),
                     "heating " + heatingSeason]
        if heatedShare < 1 {
            parts.append("\(fixed(heatedShare * 100, 0)) % of the floor heated (cold rooms b \(fixed(coldRoomsAdjustmentFactorB ?? 0, 2)))")
        }
        let about = description.map { " — \($0)" } ?? ""
        return "Use: \(name)\(about): " + parts.joined(separator: ", ")
    }
}
