import FoyerEnergy

/// The conversion factors of the DPE 2021 (3CL) method, by energy, use and date of the diagnosis.
///
/// Sources: arrêté of 31 March 2021 (annex), as coded in Open3CL/engine @ bb583ee `src/conso.js`
/// (`coef_ges`, `COEFF_EP_1_9`); the electricity factor 1.9 from 1 January 2026: arrêté of
/// 13 August 2025 (JORF 26 Aug 2025) — `../shared/reference/domain-facts.md` §1.3 and
/// `../shared/reference/works-gestures-labels.md` §A.2.
public enum DPEFactors {
    /// The day the electricity primary-energy factor went from 2.3 to 1.9.
    public static let electricityFactorChange = CivilDate(2026, 1, 1)

    /// Primary energy per kWh of final energy: electricity 2.3 for a diagnosis before 1 January
    /// 2026 and 1.9 from then; every other energy 1.
    public static func primaryEnergy(_ energy: Energy, diagnosedOn date: CivilDate) -> Double {
        guard energy == .electricity else { return 1 }
        return date < electricityFactorChange ? 2.3 : 1.9
    }

    /// Greenhouse-gas emissions, kg CO₂eq per kWh of final energy (PCI): electricity by use
    /// (heating 0.079, hot water 0.065, cooling 0.064, lighting 0.069, auxiliaries 0.064),
    /// natural gas 0.227, fuel oil 0.324, LPG 0.272, coal 0.385, logs and pellets 0.030,
    /// chips 0.024, district heating 0.385 (the method's value for a network without its own).
    /// Kerosene, which 3CL has no generator for, takes the fuel-oil factor (a petroleum
    /// distillate burnt in a stove — 3CL's nearest generator, the fuel-oil stove, uses it).
    public static func emissions(_ energy: Energy, use: EnergyUse) -> Double {
        switch energy {
        case .electricity:
            switch use {
            case .heating: 0.079
            case .hotWater: 0.065
            case .lighting: 0.069
            default: 0.064
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

    /// Hours of lighting a year by climate zone (3CL `src/16_conso_eclairage.js`): H1a 1 500,
    /// H1b 1 445, H1c 1 476, H2a 1 500, H2b 1 531, H2c and H2d 1 566, H3 1 506.
    public static func lightingHours(zone: String) -> Double? {
        ["H1a": 1_500, "H1b": 1_445, "H1c": 1_476, "H2a": 1_500, "H2b": 1_531, "H2c": 1_566, "H2d": 1_566, "H3": 1_506][zone]
    }

    /// Conventional lighting, kWh a year per m²: 0.9 × 1.4 W/m² × the zone's hours / 1 000
    /// (3CL `src/16_conso_eclairage.js`: C 0.9, P 1.4 W/m²).
    public static func lightingKWhPerM2(zone: String) -> Double? {
        lightingHours(zone: zone).map { 0.9 * 1.4 * $0 / 1_000 }
    }
}
