/// Primary energy conversion factors of the French DPE (kWh of primary energy per kWh of final
/// energy).
///
/// Electricity: 2.3 from the DPE reform of 1 July 2021 to 31 December 2025, 1.9 from 1 January
/// 2026; every other energy 1.0 (Open3CL `src/conso.js` and the hellio DPE FAQ, as gathered in
/// ../shared/reference/domain-facts.md §1.3).
public enum PrimaryEnergy {
    /// The day the electricity factor changed from 2.3 to 1.9.
    public static let electricityFactorChange = CivilDate(2026, 1, 1)

    /// The factor of `energy` on `date`.
    public static func factor(_ energy: Energy, on date: CivilDate) -> Double {
        guard energy == .electricity else { return 1.0 }
        return date < electricityFactorChange ? 2.3 : 1.9
    }
}

/// Greenhouse-gas emission factors of the French DPE, kg CO₂-eq per kWh of final energy (PCI)
/// (arrêté of 31 March 2021, as coded in Open3CL `src/conso.js` `coef_ges`;
/// ../shared/reference/domain-facts.md §1.3).
public enum Emissions {
    /// The factor of `energy` for `use`. District heating varies by network (yearly arrêté);
    /// 0.385 is the method's default for a network not listed. Kerosene has no 3CL factor: the
    /// fuel-oil factor is used (same family of distillates), and said so here.
    public static func kgCO2PerKWh(_ energy: Energy, use: EnergyUse) -> Double {
        switch energy {
        case .electricity:
            switch use {
            case .heating: 0.079
            case .hotWater: 0.065
            case .cooling: 0.064
            case .lighting, .appliances, .cooking, .standby: 0.069
            case .auxiliaries: 0.064
            }
        case .naturalGas: 0.227
        case .fuelOil, .kerosene: 0.324
        case .propane, .butane: 0.272
        case .coal: 0.385
        case .woodLogs, .woodPellets: 0.030
        case .woodChips: 0.024
        case .districtHeating: 0.385
        }
    }
}
