import FoyerCore
import FoyerEnergy
import FoyerModel

/// Which electricity circuit a consumption is metered on.
public enum Circuit: String, Sendable, Codable, CaseIterable, Comparable {
    case main
    /// Belgian exclusive-night circuit (storage heaters, off-peak water heater).
    case exclusiveNight = "exclusive_night"

    public static func < (a: Circuit, b: Circuit) -> Bool { a == .main && b == .exclusiveNight }
}

/// An hourly series of delivered (final) energy: one energy, one use, one circuit.
public struct EnergyStream: Sendable {
    public var energy: Energy
    public var use: EnergyUse
    public var circuit: Circuit
    /// kWh PCI per hour of the simulated year (local standard time).
    public var hourlyKWh: [Double]

    public var totalKWh: Double { hourlyKWh.reduce(0, +) }
}

/// What the systems model needs from the simulation and the meter, hour by hour (8 760 values,
/// local standard time, hour 0 = 1 January 00:00).
public struct SystemInputs: Sendable {
    /// Heat the emitters must deliver to the zone, W (the thermal engine's heating load).
    public var heatingW: [Double]
    /// Outdoor air temperature, °C.
    public var outdoorC: [Double]
    /// Whether each hour is an off-peak hour of the meter (storage heaters and off-peak water
    /// heaters charge then).
    public var offPeak: [Bool]
    /// Mains cold-water temperature by month, °C.
    public var coldWaterC: [Double]
    /// Design outdoor temperature for the heat-pump flow-temperature curve, °C.
    public var designOutdoorC: Double
    /// The clock hour (0–23, summer time included) of each hour: people draw hot water, cook
    /// and light by the clock. Default: the standard-time hour.
    public var clockHour: [Int]

    public init(heatingW: [Double], outdoorC: [Double], offPeak: [Bool], coldWaterC: [Double], designOutdoorC: Double = -7, clockHour: [Int]? = nil) {
        self.heatingW = heatingW
        self.outdoorC = outdoorC
        self.offPeak = offPeak
        self.coldWaterC = coldWaterC
        self.designOutdoorC = designOutdoorC
        self.clockHour = clockHour ?? heatingW.indices.map { $0 % 24 }
    }
}

/// One heating system's year.
public struct HeatingSystemResult: Sendable, Encodable {
    public var id: String
    public var type: String
    public var energy: Energy
    /// Heat delivered to the rooms, kWh.
    public var heatDeliveredKWh: Double
    /// Energy bought, kWh PCI.
    public var deliveredEnergyKWh: Double
    /// Seasonal ratio heat/energy (a seasonal COP for a heat pump, SCOP-like, including the
    /// emission, distribution and regulation losses).
    public var seasonalEfficiency: Double
    /// For a heat pump: the generator's seasonal COP alone (heat out of the generator / electricity).
    public var generatorSeasonalCOP: Double?

    enum CodingKeys: String, CodingKey {
        case id, type, energy, heatDeliveredKWh = "heat_delivered_kwh", deliveredEnergyKWh = "delivered_energy_kwh"
        case seasonalEfficiency = "seasonal_efficiency", generatorSeasonalCOP = "generator_seasonal_cop"
    }
}

/// Domestic hot water over the year.
public struct HotWaterResult: Sendable, Encodable {
    public var litresPerDay: Double
    public var deliveryTemperatureC: Double
    public var meanColdWaterC: Double
    /// Heat in the water drawn, kWh.
    public var needKWh: Double
    /// Standing losses of the store, kWh.
    public var storageLossKWh: Double
    /// Energy bought, kWh PCI.
    public var deliveredEnergyKWh: Double
    public var energy: Energy?

    enum CodingKeys: String, CodingKey {
        case litresPerDay = "litres_per_day", deliveryTemperatureC = "delivery_temperature_c", meanColdWaterC = "mean_cold_water_c"
        case needKWh = "need_kwh", storageLossKWh = "storage_loss_kwh", deliveredEnergyKWh = "delivered_energy_kwh", energy
    }
}

/// Electricity (and cooking fuel) for the other uses over the year, kWh.
public struct OtherUsesResult: Sendable, Encodable {
    public var lightingKWh: Double
    public var appliancesKWh: Double
    public var cookingKWh: Double
    public var cookingEnergy: Energy
    public var standbyKWh: Double

    enum CodingKeys: String, CodingKey {
        case lightingKWh = "lighting_kwh", appliancesKWh = "appliances_kwh", cookingKWh = "cooking_kwh"
        case cookingEnergy = "cooking_energy", standbyKWh = "standby_kwh"
    }
}

/// The year of a dwelling's systems: delivered energy per energy, use and circuit, hour by hour.
public struct SystemsResult: Sendable {
    public var streams: [EnergyStream]
    public var heating: [HeatingSystemResult]
    /// Heat the systems could not deliver (capacity, shares), kWh, and the hours it happened.
    public var unmetHeatKWh: Double
    public var unmetHeatHours: Int
    public var hotWater: HotWaterResult?
    public var otherUses: OtherUsesResult
    /// Values the model filled in (with their source), to report as defaults.
    public var defaults: [DefaultedValue]

    /// Total delivered energy per energy, kWh PCI.
    public var deliveredKWhByEnergy: [Energy: Double] {
        streams.reduce(into: [:]) { $0[$1.energy, default: 0] += $1.totalKWh }
    }

    /// Hourly kWh of one energy on one circuit (all uses).
    public func hourlyKWh(_ energy: Energy, circuit: Circuit? = nil) -> [Double] {
        var total = [Double](repeating: 0, count: streams.first?.hourlyKWh.count ?? 0)
        for stream in streams where stream.energy == energy && (circuit == nil || stream.circuit == circuit) {
            for index in total.indices { total[index] += stream.hourlyKWh[index] }
        }
        return total
    }
}
