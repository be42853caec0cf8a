import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel

/// Electricity for lighting, appliances, cooking and standby: annual amounts and daily shapes.
public enum OtherUses {
    /// The mean French household of the ADEME/RTE/Enertech "Panel Elecdom" survey (100 homes,
    /// 2019–2020): 2 228 kWh/yr of specific electricity, 2.2 people (INSEE mean household
    /// size). `Docs/SystemsReferences.md` §5.1.
    static let panelSpecificKWh = 2_228.0, panelOccupants = 2.2

    /// Annual amounts, from the file or these defaults:
    /// - lighting 390 kWh/yr (middle of ADEME's 325–450 kWh/yr per household);
    /// - standby 28 W (ADEME: standby ≈ 11 % of a household's specific electricity; 11 % of
    ///   Panel Elecdom's 2 228 kWh ≈ 245 kWh/yr);
    /// - appliances: the rest of Panel Elecdom's specific electricity (2 228 − 390 − 245 =
    ///   1 593 kWh/yr) scaled to the household by (N/2.2)^0.4714, the occupancy exponent of
    ///   SAP 2012 Appendix L;
    /// - cooking: Panel Elecdom's oven (146) and ceramic hob (159) = 305 kWh/yr, same scaling.
    /// The default lighting, kWh/yr, when the file gives none.
    public static let defaultLightingKWhPerYear = 390.0
    /// The default standby power, W, when the file gives none.
    public static let defaultStandbyW = 28.0

    /// The default appliances' electricity of a household of `occupants`, kWh/yr.
    public static func defaultAppliancesKWhPerYear(occupants: Int) -> Double {
        1_593 * pow(max(1, Double(occupants)) / panelOccupants, 0.4714)
    }

    /// The default cooking energy of a household of `occupants`, kWh/yr: Panel Elecdom's oven
    /// (146) and ceramic hob (159), scaled like the appliances.
    public static func defaultCookingKWhPerYear(occupants: Int) -> Double {
        305 * pow(max(1, Double(occupants)) / panelOccupants, 0.4714)
    }

    /// Share of the default cooking energy used on the hob (Panel Elecdom: 159 of 305 kWh/yr).
    public static let hobShareOfCooking = 159.0 / 305.0

    static func resolve(_ dwelling: ResolvedDwelling, defaults: inout [DefaultedValue]) -> OtherUsesResult {
        let spec = dwelling.otherUses
        func value(_ given: Double?, _ path: String, _ fallback: Double, _ reason: String) -> Double {
            if let given { return given }
            defaults.append(DefaultedValue(path: "other_uses." + path, value: String(Int(fallback.rounded())), reason: reason))
            return fallback
        }
        let lighting = value(spec.lightingKWhPerYear, "lighting_kwh_per_year", defaultLightingKWhPerYear, "middle of ADEME's 325–450 kWh/yr per household")
        let standbyW = value(spec.standbyW, "standby_w", defaultStandbyW, "ADEME: standby ≈ 11 % of a household's specific electricity (Panel Elecdom 2 228 kWh/yr)")
        let appliances = value(spec.appliancesKWhPerYear, "appliances_kwh_per_year", defaultAppliancesKWhPerYear(occupants: dwelling.occupancy.occupants),
                               "Panel Elecdom's specific electricity less lighting and standby, scaled by (occupants/2.2)^0.4714 (SAP 2012 App. L)")
        let cooking = value(spec.cookingKWhPerYear, "cooking_kwh_per_year", defaultCookingKWhPerYear(occupants: dwelling.occupancy.occupants), "Panel Elecdom oven + ceramic hob, scaled like appliances")
        return OtherUsesResult(lightingKWh: lighting, appliancesKWh: appliances, cookingKWh: cooking,
                               cookingEnergy: spec.cookingEnergy ?? .electricity, standbyKWh: standbyW * 8.76)
    }

    /// Monthly multipliers of lighting (more in winter), ANSI/RESNET/ICC 301-2022 Addendum C as
    /// in OpenStudio-HPXML `default_schedules.csv` (US data; no French profile is published).
    static let lightingMonthly: [Double] = [1.19, 1.11, 1.02, 0.93, 0.84, 0.80, 0.82, 0.88, 0.98, 1.07, 1.16, 1.20]

    /// Share of a day's lighting in each hour (same source), weighted by month so that the
    /// year's total is the annual figure.
    static func lightingProfile(month: Int) -> [Double] {
        let weight = lightingMonthly[month - 1] * 12 / lightingMonthly.reduce(0, +)
        return lightingHourly.map { $0 * weight }
    }

    static let lightingHourly: [Double] = normalised([
        0.012, 0.010, 0.010, 0.010, 0.011, 0.018, 0.030, 0.038, 0.041, 0.041, 0.039, 0.037,
        0.036, 0.035, 0.037, 0.041, 0.050, 0.065, 0.086, 0.106, 0.110, 0.079, 0.040, 0.018,
    ])

    /// Share of a day's appliance use in each hour: RESNET 301-2022 "other plug loads" (same
    /// source as lighting).
    static let applianceProfile: [Double] = normalised([
        0.036, 0.036, 0.036, 0.036, 0.036, 0.036, 0.038, 0.041, 0.042, 0.042, 0.042, 0.042,
        0.042, 0.042, 0.042, 0.044, 0.047, 0.050, 0.051, 0.050, 0.048, 0.044, 0.040, 0.037,
    ])

    /// Share of a day's cooking in each hour: RESNET 301-2022 "cooking range".
    static let cookingProfile: [Double] = normalised([
        0.008, 0.008, 0.008, 0.008, 0.008, 0.015, 0.023, 0.039, 0.046, 0.046, 0.046, 0.054,
        0.062, 0.046, 0.039, 0.054, 0.076, 0.134, 0.114, 0.058, 0.039, 0.031, 0.023, 0.015,
    ])

    static func normalised(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        return values.map { $0 / total }
    }
}
