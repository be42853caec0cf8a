/// The units households buy energy in, with their energy content in kWh PCI.
///
/// Sources (../shared/reference/domain-facts.md §2.3): DPE 2006 annex 3 for fuel oil
/// (9.97 kWh/L), logs (1 680 kWh/stère), wood chips (2 760 kWh/t, forest), butane
/// (12 780 kWh/t), house coal (7 222 kWh/t) and natural gas (11.628 kWh PCI per normal m³);
/// viessmann.fr for pellets (4 600 kWh/t); lepropane.com for propane (12.8 kWh/kg PCI). Kerosene
/// for mobile heaters: 9.75 kWh/L, the middle of the 9.5–10 kWh/L the sources give.
public enum FuelUnit: String, Sendable, Codable, CaseIterable {
    case kilowattHour = "kwh"
    case litre = "l"
    case kilogram = "kg"
    case tonne = "t"
    case stere
    /// Normal cubic metre of natural gas (the meter reads m³; the bill converts with a local
    /// coefficient in kWh PCS per m³).
    case cubicMetre = "m3"

    /// kWh PCI in one unit of `energy`; `nil` when the energy is not sold in this unit.
    public func kWhPCI(of energy: Energy) -> Double? {
        switch (self, energy) {
        case (.kilowattHour, _): 1
        case (.litre, .fuelOil): 9.97
        case (.litre, .kerosene): 9.75
        case (.kilogram, .woodPellets): 4.6
        case (.tonne, .woodPellets): 4_600
        case (.kilogram, .propane): 12.8
        case (.tonne, .propane): 12_800
        case (.kilogram, .butane): 12.78
        case (.tonne, .butane): 12_780
        case (.kilogram, .coal): 7.222
        case (.tonne, .coal): 7_222
        case (.tonne, .woodChips): 2_760
        case (.kilogram, .woodChips): 2.76
        case (.stere, .woodLogs): 1_680
        case (.cubicMetre, .naturalGas): 11.628
        default: nil
        }
    }

    /// The units `energy` is sold in, the first being the usual one.
    public static func units(of energy: Energy) -> [FuelUnit] {
        allCases.filter { $0 != .kilowattHour && $0.kWhPCI(of: energy) != nil } + [.kilowattHour]
    }
}

/// A quantity of fuel in the unit it is bought in.
public struct FuelQuantity: Sendable, Equatable {
    public var energy: Energy
    public var amount: Double
    public var unit: FuelUnit

    public init(_ amount: Double, _ unit: FuelUnit, of energy: Energy) {
        self.energy = energy
        self.amount = amount
        self.unit = unit
    }

    /// The energy content, kWh PCI; `nil` when the energy is not sold in this unit.
    public var kWhPCI: Double? { unit.kWhPCI(of: energy).map { amount * $0 } }

    /// The gross (PCS) energy content, kWh: what gas bills count.
    public var kWhPCS: Double? { kWhPCI.map { $0 * energy.grossOverNetCalorificValue } }

    /// The quantity of `energy`, in `unit`, that holds `kWhPCI`; `nil` when the energy is not
    /// sold in this unit.
    public static func holding(kWhPCI: Double, of energy: Energy, in unit: FuelUnit) -> FuelQuantity? {
        unit.kWhPCI(of: energy).map { FuelQuantity(kWhPCI / $0, unit, of: energy) }
    }
}
