/// Energy carriers a dwelling buys.
public enum Fuel: String, SpecEnum {
    case electricity
    case naturalGas = "natural_gas"
    case fuelOil = "fuel_oil"
    /// Liquefied petroleum gas (propane or butane), bottled or in a tank.
    case lpg
    case woodLogs = "wood_logs"
    case woodPellets = "wood_pellets"
    case coal
    case kerosene
    case districtHeat = "district_heat"
}

/// Space-heating generators. Their physics comes in a later step; the schema holds them now.
public enum HeatingSystemType: String, SpecEnum {
    case electricConvector = "electric_convector"
    case electricRadiantPanel = "electric_radiant_panel"
    case electricStorageHeater = "electric_storage_heater"
    case heatPumpAirToWater = "heat_pump_air_to_water"
    case heatPumpAirToAir = "heat_pump_air_to_air"
    case gasBoilerStandard = "gas_boiler_standard"
    case gasBoilerLowTemperature = "gas_boiler_low_temperature"
    case gasBoilerCondensing = "gas_boiler_condensing"
    case oilBoilerStandard = "oil_boiler_standard"
    case oilBoilerCondensing = "oil_boiler_condensing"
    case woodLogStove = "wood_log_stove"
    case woodLogBoiler = "wood_log_boiler"
    case pelletStove = "pellet_stove"
    case pelletBoiler = "pellet_boiler"
    case coalStove = "coal_stove"
    case keroseneHeater = "kerosene_heater"
    case lpgHeater = "lpg_heater"
    case districtHeating = "district_heating"

    /// The fuel the generator burns or draws, when it has only one.
    public var naturalFuel: Fuel {
        switch self {
        case .electricConvector, .electricRadiantPanel, .electricStorageHeater, .heatPumpAirToWater, .heatPumpAirToAir:
            .electricity
        case .gasBoilerStandard, .gasBoilerLowTemperature, .gasBoilerCondensing: .naturalGas
        case .oilBoilerStandard, .oilBoilerCondensing: .fuelOil
        case .woodLogStove, .woodLogBoiler: .woodLogs
        case .pelletStove, .pelletBoiler: .woodPellets
        case .coalStove: .coal
        case .keroseneHeater: .kerosene
        case .lpgHeater: .lpg
        case .districtHeating: .districtHeat
        }
    }

    /// Whether the generator is a heat pump (rated by a COP rather than an efficiency).
    public var isHeatPump: Bool { self == .heatPumpAirToWater || self == .heatPumpAirToAir }
}

/// Heat emitters (they set the water temperature a heat pump or boiler must reach).
public enum EmitterType: String, SpecEnum {
    case radiatorsHighTemperature = "radiators_high_temperature"
    case radiatorsLowTemperature = "radiators_low_temperature"
    case underfloor
    /// Direct electric or air emitters (convectors, panels, fan coils, split units, stoves).
    case direct
}

/// Whether a system carries the main load or backs it up.
public enum SystemRole: String, SpecEnum {
    case main
    case backup
}

/// One space-heating system.
public struct HeatingSystemSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var description: String?
    public var type: HeatingSystemType?
    /// `fuel`: defaults to the generator type's fuel.
    public var fuel: Fuel?
    /// `efficiency`: seasonal efficiency on the lower heating value (0–1.1), for combustion and
    /// electric direct systems.
    public var efficiency: Double?
    /// `cop_nominal`: heat-pump coefficient of performance at rating conditions.
    public var copNominal: Double?
    /// `max_power_w`: the most heat it can deliver.
    public var maxPowerW: Double?
    /// `share`: fraction of the heat need it covers (0–1); shares of all systems add up to 1.
    public var share: Double?
    public var role: SystemRole?
    public var emitter: EmitterType?
    /// `year_installed`
    public var yearInstalled: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description, type, fuel, efficiency
        case copNominal = "cop_nominal"
        case maxPowerW = "max_power_w"
        case share, role, emitter
        case yearInstalled = "year_installed"
    }
}

/// `heating`
public struct HeatingSpec: Codable, Sendable, Equatable {
    public var systems: [HeatingSystemSpec]?
    public init() {}
}

/// Hot-water generators.
public enum HotWaterSystemType: String, SpecEnum {
    case electricStorage = "electric_storage"
    case electricInstantaneous = "electric_instantaneous"
    case gasInstantaneous = "gas_instantaneous"
    case gasStorage = "gas_storage"
    case heatPumpWaterHeater = "heat_pump_water_heater"
    /// Produced by a heating system (combination boiler, district heating): name it in `heating_system`.
    case fromHeatingSystem = "from_heating_system"
    case solarWithBackup = "solar_with_backup"
}

/// One hot-water system.
public struct HotWaterSystemSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var description: String?
    public var type: HotWaterSystemType?
    public var fuel: Fuel?
    /// `efficiency`: generation efficiency (0–1.1).
    public var efficiency: Double?
    /// `cop_nominal`: for a heat-pump water heater.
    public var copNominal: Double?
    /// `storage_volume_l`
    public var storageVolumeL: Double?
    /// `heating_system`: id of the heating system that heats the water (type `from_heating_system`).
    public var heatingSystem: String?
    /// `off_peak_charging`: whether a storage heater charges in off-peak hours.
    public var offPeakCharging: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description, type, fuel, efficiency
        case copNominal = "cop_nominal"
        case storageVolumeL = "storage_volume_l"
        case heatingSystem = "heating_system"
        case offPeakCharging = "off_peak_charging"
    }
}

/// `hot_water`
public struct HotWaterSpec: Codable, Sendable, Equatable {
    public var systems: [HotWaterSystemSpec]?
    /// `litres_per_person_per_day`: at `delivery_temperature_c`.
    public var litresPerPersonPerDay: Double?
    /// `delivery_temperature_c`
    public var deliveryTemperatureC: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case systems
        case litresPerPersonPerDay = "litres_per_person_per_day"
        case deliveryTemperatureC = "delivery_temperature_c"
    }
}
