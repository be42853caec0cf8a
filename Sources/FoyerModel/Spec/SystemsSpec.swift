import FoyerEnergy

/// The energy carriers a dwelling buys are FoyerEnergy's ``Energy``: one list for the schema,
/// the unit conversions, the factors and the tariffs. `lpg` of earlier drafts is `propane` (tank)
/// or `butane` (bottles).
public typealias Fuel = Energy

extension Energy: SpecEnum {}

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
    /// Mobile unvented heater on a butane bottle (or propane).
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
        case .lpgHeater: .butane
        case .districtHeating: .districtHeating
        }
    }

    /// Whether the generator is a heat pump (rated by a COP rather than an efficiency).
    public var isHeatPump: Bool { self == .heatPumpAirToWater || self == .heatPumpAirToAir }
}

/// Heat emitters: they set the water temperature a heat pump or boiler must reach, and how the
/// heat enters the room (convected to the air or radiated to the surfaces).
public enum EmitterType: String, SpecEnum {
    case radiatorsHighTemperature = "radiators_high_temperature"
    case radiatorsLowTemperature = "radiators_low_temperature"
    case underfloor
    /// Natural or fan convectors (electric or water).
    case convector
    /// Electric radiant panels.
    case radiantPanel = "radiant_panel"
    /// Static electric storage heaters.
    case storageHeater = "storage_heater"
    /// Fan-assisted electric storage heaters.
    case storageHeaterFanAssisted = "storage_heater_fan_assisted"
    /// Wood, pellet, coal or oil stoves and fireplace inserts.
    case stove
    /// Fan coils, split air-to-air units and warm-air systems.
    case fanCoil = "fan_coil"
    /// Earlier name for direct electric or air emitters: read as `convector`.
    case direct

    /// Share of the heat output convected to the room air; the rest is radiated to the room's
    /// surfaces. Sources, as recorded in `Docs/DwellingSchema.md`:
    /// - radiators 0.7: the UK Home Energy Model's Future Homes Standard notional dwelling
    ///   (radiators, `frac_convective` 0.7; communitiesuk/epb-home-energy-model,
    ///   future_homes_standard_notional.rs) and the EnergyPlus Input Output Reference example
    ///   of ZoneHVAC:Baseboard:RadiantConvective:Water (fraction radiant 0.3);
    /// - convectors 0.95 and fan coils 0.95: EN 15316-2:2017 Table B.17 (fan heater; cold-air
    ///   blowing system) as quoted by the Home Energy Model (future_homes_standard_fee.rs);
    /// - fan-assisted storage heaters 0.7: the Home Energy Model's storage-heater inputs;
    /// - underfloor 0.46: EN 1264-2's floor characteristic q = 8.92·ΔT^1.1 W/m² at a 4 K floor
    ///   surface excess (10.25 W/(m²·K)), less its radiative part h_r = 4εσT³ = 5.53 W/(m²·K) (ε 0.95, 22 °C);
    /// - radiant panels and static storage heaters 0.42, stoves 0.38: derived for a surface at
    ///   70 °C (stoves 200 °C) in a 20 °C room, radiation εσ(T_s² + T_r²)(T_s + T_r) with ε 0.9
    ///   against natural convection 1.31·ΔT^(1/3) W/(m²·K) (vertical plate, turbulent: ASHRAE
    ///   Handbook Fundamentals, simplified correlations for air): 4.83/(4.83 + 6.60) = 0.42 and
    ///   7.40/(7.40 + 12.1) = 0.38 — estimates, not measurements.
    public var convectiveFraction: Double {
        switch self {
        case .radiatorsHighTemperature, .radiatorsLowTemperature: 0.7
        case .underfloor: 0.46
        case .convector, .direct: 0.95
        case .radiantPanel, .storageHeater: 0.42
        case .storageHeaterFanAssisted: 0.7
        case .stove: 0.38
        case .fanCoil: 0.95
        }
    }

    /// The emitter a generator usually comes with.
    public static func usual(for type: HeatingSystemType) -> EmitterType {
        switch type {
        case .electricConvector: .convector
        case .electricRadiantPanel: .radiantPanel
        case .electricStorageHeater: .storageHeater
        case .heatPumpAirToWater: .radiatorsLowTemperature
        case .heatPumpAirToAir: .fanCoil
        case .gasBoilerStandard, .gasBoilerLowTemperature, .gasBoilerCondensing, .oilBoilerStandard, .oilBoilerCondensing,
             .woodLogBoiler, .pelletBoiler, .districtHeating: .radiatorsHighTemperature
        case .woodLogStove, .pelletStove, .coalStove, .keroseneHeater, .lpgHeater: .stove
        }
    }
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
    /// `generation_efficiency`, `distribution_efficiency`, `emission_efficiency`,
    /// `regulation_efficiency`: the 3CL-DPE split of the seasonal efficiency (each 0–1.1; the
    /// generator's on the lower heating value). Used when `efficiency` (the whole chain) is not
    /// given; missing parts take the type's default.
    public var generationEfficiency: Double?
    public var distributionEfficiency: Double?
    public var emissionEfficiency: Double?
    public var regulationEfficiency: Double?
    /// `design_flow_temperature_c`: water flow temperature at the design outdoor temperature
    /// (heat pumps; defaults by emitter).
    public var designFlowTemperatureC: Double?
    /// `emitter_count`: how many radiators (or other emitters) the system feeds — what
    /// thermostatic valves or reflectors are counted by.
    public var emitterCount: Int?
    /// `pipes_outside_heated_volume`: the distribution pipes of a hydronic system that run
    /// through unheated spaces (cellar, crawl space, garage); their heat is lost, hour by hour,
    /// while the heating runs.
    public var pipesOutsideHeatedVolume: PipeRunSpec?
    /// `radiator_reflectors`: reflective foil on the wall behind the radiators (counted by
    /// `emitter_count`, taken on the external walls).
    public var radiatorReflectors: Bool?
    /// The DPE's intermittence factor INT = I0 / (1 + 0.1·(G − 1)) (3CL-DPE 2021, arrêté du
    /// 31 mars 2021 annexe 1 §8): the share of the continuous-heating need the method counts
    /// for this system's emitters and controls. Used only by the DPE label; the hourly
    /// simulations model intermittence through the thermostat.
    public var intermittenceFactor: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description, type, fuel, efficiency
        case emitterCount = "emitter_count"
        case pipesOutsideHeatedVolume = "pipes_outside_heated_volume"
        case radiatorReflectors = "radiator_reflectors"
        case intermittenceFactor = "intermittence_factor"
        case copNominal = "cop_nominal"
        case maxPowerW = "max_power_w"
        case share, role, emitter
        case yearInstalled = "year_installed"
        case generationEfficiency = "generation_efficiency"
        case distributionEfficiency = "distribution_efficiency"
        case emissionEfficiency = "emission_efficiency"
        case regulationEfficiency = "regulation_efficiency"
        case designFlowTemperatureC = "design_flow_temperature_c"
    }
}

/// `heating.systems[].pipes_outside_heated_volume`: a run of heating pipes through unheated
/// spaces.
public struct PipeRunSpec: Codable, Sendable, Equatable {
    /// `length_m`: flow and return together, m.
    public var lengthM: Double?
    /// `outer_diameter_mm`: the pipe's outer diameter (22 mm copper when not given).
    public var outerDiameterMm: Double?
    /// `insulation_thickness_mm`: 0 for bare pipes.
    public var insulationThicknessMm: Double?
    /// `insulation_conductivity_w_per_mk`: thermal conductivity of the lagging.
    public var insulationConductivityWPerMK: Double?
    /// `space_b_factor`: temperature adjustment factor b of the space the pipes cross
    /// (EN ISO 13789:2017, 6.4): 0 at room temperature, 1 at the outdoor temperature.
    public var spaceBFactor: Double?

    public init(lengthM: Double? = nil, outerDiameterMm: Double? = nil, insulationThicknessMm: Double? = nil,
                insulationConductivityWPerMK: Double? = nil, spaceBFactor: Double? = nil) {
        self.lengthM = lengthM
        self.outerDiameterMm = outerDiameterMm
        self.insulationThicknessMm = insulationThicknessMm
        self.insulationConductivityWPerMK = insulationConductivityWPerMK
        self.spaceBFactor = spaceBFactor
    }

    enum CodingKeys: String, CodingKey {
        case lengthM = "length_m", outerDiameterMm = "outer_diameter_mm", insulationThicknessMm = "insulation_thickness_mm"
        case insulationConductivityWPerMK = "insulation_conductivity_w_per_mk", spaceBFactor = "space_b_factor"
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
    /// `off_peak_charging`: whether a storage water heater heats only in off-peak hours.
    public var offPeakCharging: Bool?
    /// `setpoint_c`: storage temperature of an electric store (default 65 °C, the 3CL standing-loss basis).
    public var setpointC: Double?
    /// `solar_fraction`: share of the need the solar collectors cover (`solar_with_backup`).
    public var solarFraction: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description, type, fuel, efficiency
        case copNominal = "cop_nominal"
        case storageVolumeL = "storage_volume_l"
        case heatingSystem = "heating_system"
        case offPeakCharging = "off_peak_charging"
        case setpointC = "setpoint_c"
        case solarFraction = "solar_fraction"
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

/// `other_uses`: electricity (and cooking fuel) for everything but heating and hot water.
public struct OtherUsesSpec: Codable, Sendable, Equatable {
    /// `lighting_kwh_per_year`
    public var lightingKWhPerYear: Double?
    /// `appliances_kwh_per_year`: cold, washing, audiovisual, computing.
    public var appliancesKWhPerYear: Double?
    /// `cooking_kwh_per_year`
    public var cookingKWhPerYear: Double?
    /// `cooking_energy`: electricity (default), natural_gas, butane or propane.
    public var cookingEnergy: Energy?
    /// `standby_w`: constant standby draw.
    public var standbyW: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case lightingKWhPerYear = "lighting_kwh_per_year"
        case appliancesKWhPerYear = "appliances_kwh_per_year"
        case cookingKWhPerYear = "cooking_kwh_per_year"
        case cookingEnergy = "cooking_energy"
        case standbyW = "standby_w"
    }
}

/// What the household's electricity meter can do.
public enum ElectricityMeter: String, SpecEnum {
    /// One register (only single-rate offers).
    case single
    /// Two registers, peak and off-peak (French HP/HC meters, Belgian bi-horaire).
    case peakOffPeak = "peak_off_peak"
    /// A communicating meter (French Linky): any offer, including day colours.
    case smart
}

/// The Walloon electricity distribution operators (their network tariffs are part of every
/// Walloon bill).
public enum DistributionOperator: String, SpecEnum {
    case ores, resa, aieg, aiesh, rew

    /// The name the operators' own documents use.
    public var displayName: String { rawValue.uppercased() }
}

/// `energy_supply.sub_meter`: electricity re-billed through a sub-meter (a « compteur de passage »).
public struct SubMeterSpec: Codable, Sendable, Equatable {
    /// `price_eur_per_kwh`: what the household is charged per kWh, taxes included.
    public var priceEURPerKWh: Double?
    /// `fixed_eur_per_year`: a fixed charge it pays on top, if any.
    public var fixedEURPerYear: Double?
    /// `billed_by`: who re-bills it ("landlord").
    public var billedBy: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case priceEURPerKWh = "price_eur_per_kwh"
        case fixedEURPerYear = "fixed_eur_per_year"
        case billedBy = "billed_by"
    }
}

/// Which meter circuit a contract bills.
public enum MeterCircuit: String, SpecEnum {
    case main
    /// The Belgian exclusive-night circuit (storage heaters, water heater).
    case exclusiveNight = "exclusive_night"
}

/// `energy_supply.contracts[]`: the offer the household pays for an energy.
public struct ContractSpec: Codable, Sendable, Equatable {
    public var energy: Energy?
    /// `offer`: a tariff offer id (`foyer tariffs list`).
    public var offer: String?
    /// `circuit`: main (default) or exclusive_night.
    public var circuit: MeterCircuit?
    public init() {}
    public init(energy: Energy?, offer: String?, circuit: MeterCircuit? = nil) {
        self.energy = energy
        self.offer = offer
        self.circuit = circuit
    }
}

/// `energy_supply`: meters and contracts (what the bill and the cheapest-offer search need).
public struct EnergySupplySpec: Codable, Sendable, Equatable {
    /// `electricity_meter`: single, peak_off_peak or smart.
    public var electricityMeter: ElectricityMeter?
    /// `exclusive_night_circuit`: storage heaters and off-peak water heaters on a separate
    /// exclusive-night meter (Belgium).
    public var exclusiveNightCircuit: Bool?
    /// `off_peak_hours`: the meter's own off-peak windows, `"22:00-06:00"` (they differ by meter).
    public var offPeakHours: [String]?
    /// `subscribed_kva`: subscribed electrical power.
    public var subscribedKVA: Double?
    /// `protected_customer`: entitled to the social tariff (Belgium).
    public var protectedCustomer: Bool?
    /// `distribution_operator`: the household's electricity network operator (Wallonia: ores,
    /// resa, aieg, aiesh, rew); offers that include a network tariff are priced for it.
    public var distributionOperator: DistributionOperator?
    public var contracts: [ContractSpec]?
    /// `sub_meter`: the household's electricity is re-billed by a third party (a landlord)
    /// through a sub-meter at a stated price, while the building's own meter and contract are
    /// `electricity_meter` and `contracts`.
    public var subMeter: SubMeterSpec?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case electricityMeter = "electricity_meter"
        case exclusiveNightCircuit = "exclusive_night_circuit"
        case offPeakHours = "off_peak_hours"
        case subscribedKVA = "subscribed_kva"
        case protectedCustomer = "protected_customer"
        case distributionOperator = "distribution_operator"
        case contracts
        case subMeter = "sub_meter"
    }
}
