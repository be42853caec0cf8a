import FoyerClimate
import FoyerModel

/// A household-use parameter that calibration can fit to the bills.
public enum HouseholdParameter: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable, Comparable {
    /// The heating set-point in the comfort periods, °C (the set-back keeps its offset below it).
    case setpoint
    /// The heated share of the floor area (the rest is a cold zone behind the partitions).
    case heatedShare = "heated_share"
    /// The heating season's length in days, centred on 15 January (the heart of winter).
    case seasonDays = "season_days"
    /// Hot water drawn by the household, litres a day at the delivery temperature.
    case hotWaterLitresPerDay = "hot_water_litres_per_day"
    /// Appliances' electricity, kWh a year (the base electricity besides lighting and standby).
    case appliancesKWhPerYear = "appliances_kwh_per_year"

    /// The order parameters are reported in, and added when the bills allow more of them.
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// The unit printed after a value.
    public var unit: String {
        switch self {
        case .setpoint: "°C"
        case .heatedShare: ""
        case .seasonDays: "days"
        case .hotWaterLitresPerDay: "L/day"
        case .appliancesKWhPerYear: "kWh/year"
        }
    }

    /// The range a fit may explore: what households are seen to do (the lower set-points of
    /// fuel-poor households, a living room alone heated, no heating before December), not what a
    /// standard assumes.
    public func bounds(occupants: Int) -> ClosedRange<Double> {
        switch self {
        case .setpoint: 12...23
        case .heatedShare: 0.2...1
        case .seasonDays: 90...365
        case .hotWaterLitresPerDay: 0...Double(max(occupants, 1)) * 100
        case .appliancesKWhPerYear: 100...8_000
        }
    }

    /// The parameter's value in `dwelling`.
    public func value(in dwelling: ResolvedDwelling) -> Double {
        switch self {
        case .setpoint: return dwelling.thermostat.heatingSetpointC
        case .heatedShare: return dwelling.heatedShare?.fraction ?? 1
        case .seasonDays:
            guard let season = dwelling.thermostat.heatingSeason else { return 365 }
            let first = HeatingSeason.dayOfYear(season.start), last = HeatingSeason.dayOfYear(season.end)
            return Double(first <= last ? last - first + 1 : 365 - first + last + 1)
        case .hotWaterLitresPerDay:
            return (dwelling.hotWater.litresPerPersonPerDay ?? Self.conventionalLitresPerPersonPerDay) * Double(max(dwelling.occupancy.occupants, 1))
        case .appliancesKWhPerYear:
            return dwelling.otherUses.appliancesKWhPerYear ?? Self.conventionalAppliancesKWh(occupants: dwelling.occupancy.occupants)
        }
    }

    /// The systems model's default hot water, L/(person·day) at 40 °C (FoyerSystems).
    static let conventionalLitresPerPersonPerDay = 56.0
    /// The systems model's default appliances, kWh/year (Panel Elecdom less lighting and standby,
    /// scaled by (occupants/2.2)^0.4714, FoyerSystems.OtherUses).
    static func conventionalAppliancesKWh(occupants: Int) -> Double {
        1_593 * pow(Double(max(occupants, 1)) / 2.2, 0.4714)
    }

    /// `dwelling` with this parameter set to `value`.
    public func apply(_ value: Double, to dwelling: inout ResolvedDwelling) {
        switch self {
        case .setpoint:
            let offset = dwelling.thermostat.heatingSetpointC - dwelling.thermostat.heatingSetbackC
            dwelling.thermostat.heatingSetpointC = value
            dwelling.thermostat.heatingSetbackC = value - max(0, offset)
            if dwelling.thermostat.coolingSetpointC <= value { dwelling.thermostat.coolingSetpointC = value + 1 }
        case .heatedShare:
            let cold = (1 - value) * dwelling.floorAreaM2
            var share = dwelling.heatedShare ?? {
                var fresh = ResolvedHeatedShare(
                    fraction: value, partitionAreaM2: cold, partitionUValueWPerM2K: ResolvedHeatedShare.defaultPartitionUValueWPerM2K,
                    airTransferM3PerH: ResolvedHeatedShare.defaultAirTransferM3PerH)
                fresh.partitionAreaIsDefault = true
                return fresh
            }()
            if share.partitionAreaIsDefault { share.partitionAreaM2 = max(cold, Limits.smallestElementAreaM2) }
            share.fraction = value
            dwelling.heatedShare = share
        case .seasonDays:
            dwelling.thermostat.heatingSeason = Self.season(days: value)
        case .hotWaterLitresPerDay:
            dwelling.hotWater.litresPerPersonPerDay = value / Double(max(dwelling.occupancy.occupants, 1))
        case .appliancesKWhPerYear:
            dwelling.otherUses.appliancesKWhPerYear = value
        }
    }

    /// The usual French heating season, 15 October to 30 April: 198 days.
    public static let usualSeasonDays = 198.0

    /// Middle of the heating season: 15 January (day 14 of the year), the coldest fortnight of
    /// the French and Belgian reference years.
    static let seasonCentreDay = 14

    /// A season of `days` days centred on 15 January; `nil` (all year) from 364 days.
    public static func season(days: Double) -> HeatingSeason? {
        let length = Int(days.rounded())
        guard length < 364 else { return nil }
        let first = (seasonCentreDay - length / 2 + 365) % 365
        let last = (first + max(length, 1) - 1) % 365
        return HeatingSeason(start: monthAndDay(first), end: monthAndDay(last))
    }

    /// (month, day) of day `dayOfYear` (0 = 1 January) of a non-leap year.
    static func monthAndDay(_ dayOfYear: Int) -> (month: Int, day: Int) {
        WeatherYear.monthAndDay(ofHour: min(max(dayOfYear, 0), 364) * 24)
    }
}

import Foundation
