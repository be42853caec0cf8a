/// A dwelling as written by hand in JSON (`"schema": "foyer.dwelling/1"`).
///
/// Every field is optional in the spec: fields with a sensible default are filled by
/// ``DwellingResolver`` (which reports what it filled), and fields without one are reported as
/// missing there, together with every other problem of the file. JSON keys are the snake_case
/// names given in each property's documentation; units are in the names.
///
/// A spec may start from an archetype: `"base": "fr/sfh-1949-1974"` takes every field of the
/// archetype file `Buildings/fr/sfh-1949-1974.json`, and the fields of this spec override them
/// (objects are merged key by key; arrays of elements with an `id` are merged element by element;
/// `null` removes an inherited value). See `Docs/DwellingSchema.md`.
public struct DwellingSpec: Codable, Sendable, Equatable {
    /// `schema`: must be `foyer.dwelling/1`.
    public var schema: String?
    /// `base`: archetype id this dwelling starts from (`fr/sfh-1949-1974`).
    public var base: String?
    /// `name`: a short name ("Mme D., 1950s terraced house, Lens").
    public var name: String?
    /// `description`: one line saying what the dwelling is.
    public var description: String?
    /// `sources`: where the figures come from (archetypes must cite theirs).
    public var sources: [String]?
    public var location: LocationSpec?
    public var geometry: GeometrySpec?
    public var envelope: EnvelopeSpec?
    /// `thermal_bridges`
    public var thermalBridges: ThermalBridgesSpec?
    public var ventilation: VentilationSpec?
    public var thermostat: ThermostatSpec?
    public var occupancy: OccupancySpec?
    public var heating: HeatingSpec?
    /// `hot_water`
    public var hotWater: HotWaterSpec?
    /// `other_uses`
    public var otherUses: OtherUsesSpec?
    /// `energy_supply`
    public var energySupply: EnergySupplySpec?
    /// `household_use`: how the household actually lives, beside the conventional use the
    /// fields above describe (`--use household`).
    public var householdUse: HouseholdUseSpec?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case schema, base, name, description, sources, location, geometry, envelope
        case thermalBridges = "thermal_bridges"
        case ventilation, thermostat, occupancy, heating
        case hotWater = "hot_water"
        case otherUses = "other_uses"
        case energySupply = "energy_supply"
        case householdUse = "household_use"
    }
}

/// `household_use`: the household's own use of the dwelling, as observed at the visit or fitted
/// to its bills by `foyer calibrate`.
///
/// Its `thermostat`, `occupancy`, `hot_water` and `other_uses` objects have the schema of the
/// top-level fields of the same names and are merged over them (key by key) when the household
/// scenario is simulated; the top-level fields stay the conventional scenario. `heated_share`
/// exists only here: the conventional scenario heats the whole dwelling.
public struct HouseholdUseSpec: Codable, Sendable, Equatable {
    /// `description`: what was observed ("heats the living room and kitchen only").
    public var description: String?
    /// `source`: where the values come from ("visit 2026-11-12", "calibrated on bills 2025").
    public var source: String?
    public var thermostat: ThermostatSpec?
    public var occupancy: OccupancySpec?
    /// `hot_water`
    public var hotWater: HotWaterSpec?
    /// `other_uses`
    public var otherUses: OtherUsesSpec?
    /// `heated_share`: the part of the dwelling the household heats.
    public var heatedShare: HeatedShareSpec?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case description, source, thermostat, occupancy
        case hotWater = "hot_water"
        case otherUses = "other_uses"
        case heatedShare = "heated_share"
    }
}

/// `heated_share`: the rooms left cold, as an unheated zone behind the internal partitions.
public struct HeatedShareSpec: Codable, Sendable, Equatable {
    /// `fraction`: the heated share of the floor area, 0.1–1.
    public var fraction: Double?
    /// `partition_area_m2`: area of the walls, floors and doors between the heated and the cold
    /// rooms (default: the cold rooms' floor area).
    public var partitionAreaM2: Double?
    /// `partition_u_value_w_per_m2k`: their thermal transmittance (default 2.0 W/(m²·K)).
    public var partitionUValueWPerM2K: Double?
    /// `air_transfer_m3_per_h`: air flowing between the two parts, doors closed (default 30 m³/h).
    public var airTransferM3PerH: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case fraction
        case partitionAreaM2 = "partition_area_m2"
        case partitionUValueWPerM2K = "partition_u_value_w_per_m2k"
        case airTransferM3PerH = "air_transfer_m3_per_h"
    }
}

/// `location`: where the dwelling is and which weather drives it.
public struct LocationSpec: Codable, Sendable, Equatable {
    /// `climate_zone`: an embedded reference climate (`H1a` … `H3`, `BE-Uccle`).
    public var climateZone: String?
    /// `weather_file`: an EPW file, relative to the dwelling file; overrides `climate_zone`.
    public var weatherFile: String?
    /// `country`: ISO 3166 code (`FR`, `BE`).
    public var country: String?
    /// `latitude_deg`: north positive.
    public var latitudeDeg: Double?
    /// `longitude_deg`: east positive.
    public var longitudeDeg: Double?
    /// `altitude_m`: above sea level.
    public var altitudeM: Double?
    /// `terrain`: the roughness of the surroundings, which slows the wind at the house.
    public var terrain: Terrain?
    /// `commune`: the municipality (French name), which chooses a Walloon household's network
    /// operator when `energy_supply.distribution_operator` is not given.
    public var commune: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case climateZone = "climate_zone"
        case weatherFile = "weather_file"
        case country
        case latitudeDeg = "latitude_deg"
        case longitudeDeg = "longitude_deg"
        case altitudeM = "altitude_m"
        case terrain, commune
    }
}

/// Terrain classes of the wind profile (ASHRAE Handbook — Fundamentals 2017, ch. 24, Table 1).
public enum Terrain: String, SpecEnum {
    /// Open country, scattered obstacles (airports, fields).
    case open
    /// Suburbs, towns, wooded country: houses and trees.
    case suburban
    /// Town and city centres, buildings taller than 15 m.
    case urban

    /// Exponent α of the power-law profile and boundary-layer depth δ, m (same table).
    public var profile: (exponent: Double, boundaryLayerM: Double) {
        switch self {
        case .open: (0.14, 270)
        case .suburban: (0.22, 370)
        case .urban: (0.33, 460)
        }
    }
}

/// The kind of dwelling.
public enum DwellingType: String, SpecEnum {
    case detachedHouse = "detached_house"
    case semiDetachedHouse = "semi_detached_house"
    case terracedHouse = "terraced_house"
    case apartment
    /// A test building (ASHRAE 140 cases), not a dwelling.
    case testCell = "test_cell"
}

/// `geometry`: sizes of the heated part of the dwelling.
public struct GeometrySpec: Codable, Sendable, Equatable {
    /// `dwelling_type`
    public var dwellingType: DwellingType?
    /// `year_built`
    public var yearBuilt: Int?
    /// `floor_area_m2`: heated (living) floor area.
    public var floorAreaM2: Double?
    /// `storeys`: heated storeys.
    public var storeys: Int?
    /// `storey_height_m`: floor-to-ceiling height.
    public var storeyHeightM: Double?
    /// `volume_m3`: heated air volume; defaults to floor area × storey height.
    public var volumeM3: Double?
    /// `internal_heat_capacity_j_per_m2k`: heat capacity of the zone air and furniture per m²
    /// of floor, on the air node (EN ISO 52016-1 κ_m,int).
    public var internalHeatCapacityJPerM2K: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case dwellingType = "dwelling_type"
        case yearBuilt = "year_built"
        case floorAreaM2 = "floor_area_m2"
        case storeys
        case storeyHeightM = "storey_height_m"
        case volumeM3 = "volume_m3"
        case internalHeatCapacityJPerM2K = "internal_heat_capacity_j_per_m2k"
    }
}

/// `envelope`: the elements between the heated space and the outside, the ground or other spaces.
public struct EnvelopeSpec: Codable, Sendable, Equatable {
    public var walls: [OpaqueElementSpec]?
    /// `roofs`: roofs and top ceilings (under a lost attic: boundary `unheated_space`).
    public var roofs: [OpaqueElementSpec]?
    public var floors: [OpaqueElementSpec]?
    public var windows: [WindowSpec]?
    public var doors: [OpaqueElementSpec]?
    /// `interior_solar_distribution`: where the solar radiation transmitted by the windows is
    /// absorbed, when a source gives it (e.g. ASHRAE 140 informative Annex B7). Without it, the
    /// hourly model spreads it as EN ISO 52016-1 does (by area).
    public var interiorSolarDistribution: InteriorSolarDistributionSpec?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case walls, roofs, floors, windows, doors
        case interiorSolarDistribution = "interior_solar_distribution"
    }
}

/// Fractions of the transmitted solar radiation absorbed by each internal surface, and the
/// fraction reflected back out through the windows; together they add up to 1.
public struct InteriorSolarDistributionSpec: Codable, Sendable, Equatable {
    /// `fractions`: element id (opaque element or window) → fraction absorbed by its internal
    /// surface, 0–1. Elements not listed absorb none.
    public var fractions: [String: Double]?
    /// `lost_through_windows`: fraction transmitted back to the outside, 0–1 (default 0).
    public var lostThroughWindows: Double?
    /// `source`: where the fractions come from.
    public var source: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case fractions
        case lostThroughWindows = "lost_through_windows"
        case source
    }

    /// Each fraction is read on its own, so that one of the wrong type is reported alone (a
    /// dictionary decoded whole would fail at its first bad value and hide the others).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lostThroughWindows = try container.decodeIfPresent(Double.self, forKey: .lostThroughWindows)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        if container.contains(.fractions), try !container.decodeNil(forKey: .fractions),
           let members = try? container.nestedContainer(keyedBy: AnyKey.self, forKey: .fractions) {
            var values: [String: Double] = [:]
            for key in members.allKeys {
                if let value = try members.decodeIfPresent(Double.self, forKey: key) { values[key.stringValue] = value }
            }
            fractions = values
        }
    }
}

/// What is on the other side of an element.
public enum Boundary: String, SpecEnum {
    /// Outdoor air (sun, wind and sky).
    case outdoor
    /// The ground (EN ISO 13370).
    case ground
    /// An unheated space (cellar, lost attic, garage, stairwell), through its temperature
    /// adjustment factor *b* (EN ISO 13789).
    case unheatedSpace = "unheated_space"
    /// Another heated dwelling or zone at about the same temperature: no heat flow (adiabatic).
    case adjacentHeated = "adjacent_heated"
    /// Outdoor air without sun, wind or sky: a floor over a ventilated crawl space, a wall
    /// behind a ventilated cladding. The outside surface resistance is the inside one of the
    /// same direction (EN ISO 6946:2017, 6.9.4, well-ventilated air layer).
    case outdoorSheltered = "outdoor_sheltered"
}

/// How an element's heat capacity is distributed across its thickness (EN ISO 52016-1:2017,
/// 6.5.7.2 and Table B.13 classes).
public enum MassDistribution: String, SpecEnum {
    /// Class I: concentrated at the internal side.
    case `internal`
    /// Class E: concentrated at the external side.
    case external
    /// Class IE: divided over the internal and external sides.
    case internalAndExternal = "internal_and_external"
    /// Class D: equally distributed.
    case distributed
    /// Class M: concentrated in the middle.
    case middle
}

/// One layer of a construction, from outside to inside.
public struct LayerSpec: Codable, Sendable, Equatable {
    /// `material`: a name for people ("concrete block").
    public var material: String?
    /// `thickness_m`
    public var thicknessM: Double?
    /// `conductivity_w_per_mk`: thermal conductivity λ.
    public var conductivityWPerMK: Double?
    /// `density_kg_per_m3`
    public var densityKgPerM3: Double?
    /// `specific_heat_j_per_kgk`
    public var specificHeatJPerKgK: Double?
    /// `thermal_resistance_m2k_per_w`: for an air gap or a layer given by its R (instead of
    /// thickness and conductivity).
    public var thermalResistanceM2KPerW: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case material
        case thicknessM = "thickness_m"
        case conductivityWPerMK = "conductivity_w_per_mk"
        case densityKgPerM3 = "density_kg_per_m3"
        case specificHeatJPerKgK = "specific_heat_j_per_kgk"
        case thermalResistanceM2KPerW = "thermal_resistance_m2k_per_w"
    }
}

/// A wall, roof, floor or door.
public struct OpaqueElementSpec: Codable, Sendable, Equatable {
    /// `id`: unique within the dwelling; windows name their wall by it; overrides merge by it.
    public var id: String?
    public var description: String?
    /// `area_m2`: for a wall that hosts windows or doors (they name it in `wall`), the gross
    /// area including them; otherwise the opaque area.
    public var areaM2: Double?
    /// `azimuth_deg`: direction the outside face looks to, clockwise from north (S = 180).
    public var azimuthDeg: Double?
    /// `tilt_deg`: angle of the outside face from the horizontal facing up: roof 0, wall 90,
    /// floor 180.
    public var tiltDeg: Double?
    /// `u_value_w_per_m2k`: thermal transmittance including surface resistances.
    public var uValueWPerM2K: Double?
    /// `layers`: the construction from outside to inside (U per EN ISO 6946).
    public var layers: [LayerSpec]?
    /// `areal_heat_capacity_j_per_m2k`: κ_m, when layers are not given.
    public var arealHeatCapacityJPerM2K: Double?
    /// `mass_distribution`
    public var massDistribution: MassDistribution?
    public var boundary: Boundary?
    /// `adjustment_factor_b`: temperature adjustment factor of the unheated space (0–1).
    public var adjustmentFactorB: Double?
    /// `exposed_perimeter_m`: for a floor on the ground (EN ISO 13370).
    public var exposedPerimeterM: Double?
    /// `solar_absorptance`: of the outside surface (0–1).
    public var solarAbsorptance: Double?
    /// `thermal_emissivity`: long-wave emissivity of the outside surface (0–1).
    public var thermalEmissivity: Double?
    /// `wall`: for a door, the id of the wall it is in.
    public var wall: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description
        case areaM2 = "area_m2"
        case azimuthDeg = "azimuth_deg"
        case tiltDeg = "tilt_deg"
        case uValueWPerM2K = "u_value_w_per_m2k"
        case layers
        case arealHeatCapacityJPerM2K = "areal_heat_capacity_j_per_m2k"
        case massDistribution = "mass_distribution"
        case boundary
        case adjustmentFactorB = "adjustment_factor_b"
        case exposedPerimeterM = "exposed_perimeter_m"
        case solarAbsorptance = "solar_absorptance"
        case thermalEmissivity = "thermal_emissivity"
        case wall
    }
}

/// Glazing kinds, used for default U and g values when they are not given.
public enum GlazingType: String, SpecEnum {
    case single
    case double
    case doubleLowE = "double_low_e"
    case triple
}

/// Window frame material, used with the glazing for default U values.
public enum FrameMaterial: String, SpecEnum {
    case wood
    case pvc
    case metal
    case metalThermalBreak = "metal_thermal_break"
}

/// Gas filling a glazing gap (EN 673 properties); the rest of the gap is air.
public enum GapGas: String, SpecEnum {
    case air
    case argon
    case krypton
}

/// One pane of `glazing_layers`, outside to inside.
public struct PaneSpec: Codable, Sendable, Equatable {
    /// `thickness_m`
    public var thicknessM: Double?
    /// `conductivity_w_per_mk`: default 1.0 (soda-lime glass).
    public var conductivityWPerMK: Double?
    /// `solar_transmittance`: at normal incidence (0–1).
    public var solarTransmittance: Double?
    /// `solar_reflectance`: of the face turned outwards (0–1).
    public var solarReflectance: Double?
    /// `solar_reflectance_back`: of the face turned to the room; default the front's.
    public var solarReflectanceBack: Double?
    /// `emissivity`: corrected emissivity of the outer face; default 0.837 (uncoated glass).
    public var emissivity: Double?
    /// `emissivity_back`: of the inner face (a low-e coating facing the gap); default 0.837.
    public var emissivityBack: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case thicknessM = "thickness_m"
        case conductivityWPerMK = "conductivity_w_per_mk"
        case solarTransmittance = "solar_transmittance"
        case solarReflectance = "solar_reflectance"
        case solarReflectanceBack = "solar_reflectance_back"
        case emissivity
        case emissivityBack = "emissivity_back"
    }
}

/// One gap of `glazing_layers`, between two panes.
public struct GapSpec: Codable, Sendable, Equatable {
    /// `width_m`
    public var widthM: Double?
    /// `gas`: air (default), argon or krypton.
    public var gas: GapGas?
    /// `fill_fraction`: volume fraction of the gas, the rest air; default 0.9 for argon and
    /// krypton.
    public var fillFraction: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case widthM = "width_m"
        case gas
        case fillFraction = "fill_fraction"
    }
}

/// `glazing_layers`: the glazing pane by pane (outside to inside), from which the centre-of-glass
/// U (EN 673) and g (EN 410) are computed.
public struct GlazingLayersSpec: Codable, Sendable, Equatable {
    public var panes: [PaneSpec]?
    public var gaps: [GapSpec]?

    public init() {}
}

/// Shutter kinds.
public enum ShutterType: String, SpecEnum {
    case roller
    case folding
    case venetian
    case none
}

/// `shutter`: a closable shutter in front of the window.
public struct ShutterSpec: Codable, Sendable, Equatable {
    public var type: ShutterType?
    /// `additional_resistance_m2k_per_w`: ΔR added when closed (EN ISO 10077-1, Annex G).
    public var additionalResistanceM2KPerW: Double?
    /// `closed_at_night`: whether the household closes it at night.
    public var closedAtNight: Bool?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case type
        case additionalResistanceM2KPerW = "additional_resistance_m2k_per_w"
        case closedAtNight = "closed_at_night"
    }
}

/// A window or glazed door.
public struct WindowSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var description: String?
    /// `area_m2`: whole window, frame included.
    public var areaM2: Double?
    public var azimuthDeg: Double?
    /// `tilt_deg`: 90 for a façade window (default), less for a roof window.
    public var tiltDeg: Double?
    /// `u_value_w_per_m2k`: whole-window U_w.
    public var uValueWPerM2K: Double?
    /// `g_value`: total solar energy transmittance of the glazing at normal incidence (0–1).
    public var gValue: Double?
    /// `frame_fraction`: frame area over window area (0–1).
    public var frameFraction: Double?
    public var glazing: GlazingType?
    /// `glazing_layers`: the glazing pane by pane, instead of `u_value_w_per_m2k` (for a window
    /// without frame) and `g_value`.
    public var glazingLayers: GlazingLayersSpec?
    public var frame: FrameMaterial?
    public var shutter: ShutterSpec?
    /// `wall`: id of the wall the window is in (its area is then part of that wall's gross area).
    public var wall: String?
    public var boundary: Boundary?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description
        case areaM2 = "area_m2"
        case azimuthDeg = "azimuth_deg"
        case tiltDeg = "tilt_deg"
        case uValueWPerM2K = "u_value_w_per_m2k"
        case gValue = "g_value"
        case frameFraction = "frame_fraction"
        case glazing, frame, shutter, wall, boundary
        case glazingLayers = "glazing_layers"
    }
}

/// One linear thermal bridge.
public struct LinearThermalBridgeSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var description: String?
    /// `psi_w_per_mk`: linear thermal transmittance ψ.
    public var psiWPerMK: Double?
    /// `length_m`
    public var lengthM: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case id, description
        case psiWPerMK = "psi_w_per_mk"
        case lengthM = "length_m"
    }
}

/// `thermal_bridges`: either linear bridges (ψ·L) or a surcharge on every U-value, or both.
public struct ThermalBridgesSpec: Codable, Sendable, Equatable {
    public var linear: [LinearThermalBridgeSpec]?
    /// `surcharge_w_per_m2k`: ΔU_tb added over the whole envelope area (TABULA method).
    public var surchargeWPerM2K: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case linear
        case surchargeWPerM2K = "surcharge_w_per_m2k"
    }
}

/// Ventilation systems.
public enum VentilationType: String, SpecEnum {
    /// Windows and vents only.
    case natural
    /// Single-flow mechanical extract (French VMC simple flux).
    case exhaust
    /// Humidity-controlled extract (VMC hygroréglable).
    case exhaustHumidityControlled = "exhaust_humidity_controlled"
    /// Balanced supply and extract, possibly with heat recovery (double flux).
    case balanced
}

/// `ventilation`: air renewal.
public struct VentilationSpec: Codable, Sendable, Equatable {
    public var type: VentilationType?
    /// `air_change_per_h`: total air change when known (infiltration + ventilation).
    public var airChangePerH: Double?
    /// `n50_per_h`: blower-door air change at 50 Pa.
    public var n50PerH: Double?
    /// `infiltration_per_h`: infiltration air change (overrides the estimate from n50).
    public var infiltrationPerH: Double?
    /// `mechanical_air_change_per_h`: air change through the fans.
    public var mechanicalAirChangePerH: Double?
    /// `heat_recovery_efficiency`: of a balanced unit (0–1).
    public var heatRecoveryEfficiency: Double?
    /// `fan_power_w`: the fans' mean electric power, W (3CL-DPE defaults by type when not given).
    public var fanPowerW: Double?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case type, fanPowerW = "fan_power_w"
        case airChangePerH = "air_change_per_h"
        case n50PerH = "n50_per_h"
        case infiltrationPerH = "infiltration_per_h"
        case mechanicalAirChangePerH = "mechanical_air_change_per_h"
        case heatRecoveryEfficiency = "heat_recovery_efficiency"
    }
}

/// What the thermostat does.
public enum ThermostatMode: String, SpecEnum {
    case heating
    case cooling
    case heatingAndCooling = "heating_and_cooling"
    /// No heating or cooling: the temperature floats.
    case freeFloating = "free_floating"
}

/// Which temperature the thermostat holds.
public enum ControlTemperature: String, SpecEnum {
    /// Air temperature (ASHRAE 140).
    case air
    /// Operative temperature, the mean of air and mean radiant temperature (EN ISO 52016-1).
    case operative
}

/// `schedule`: periods of the day, in hours from 0 to 24, e.g. `[[6, 9], [17, 23]]`.
public struct WeekScheduleSpec: Codable, Sendable, Equatable {
    /// `weekdays`: Monday to Friday.
    public var weekdays: [[Double]]?
    /// `weekends`: Saturday and Sunday.
    public var weekends: [[Double]]?

    public init() {}
}

/// `thermostat`: set-points and when they apply.
public struct ThermostatSpec: Codable, Sendable, Equatable {
    public var mode: ThermostatMode?
    /// `control_temperature`
    public var controlTemperature: ControlTemperature?
    /// `heating_setpoint_c`: during the comfort periods.
    public var heatingSetpointC: Double?
    /// `heating_setback_c`: outside the comfort periods (night, absence).
    public var heatingSetbackC: Double?
    /// `cooling_setpoint_c`
    public var coolingSetpointC: Double?
    /// `comfort_periods`: when the heating set-point applies; outside them the set-back does.
    public var comfortPeriods: WeekScheduleSpec?
    /// `heating_season`: the days of the year the heating is on (a household that starts its
    /// boiler in October and stops it in April).
    public var heatingSeason: HeatingSeasonSpec?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case mode
        case controlTemperature = "control_temperature"
        case heatingSetpointC = "heating_setpoint_c"
        case heatingSetbackC = "heating_setback_c"
        case coolingSetpointC = "cooling_setpoint_c"
        case comfortPeriods = "comfort_periods"
        case heatingSeason = "heating_season"
    }
}

/// `heating_season`: first and last day the heating is on, `MM-DD`, both included; the season may
/// run over the new year (`"10-15"` to `"04-30"`).
public struct HeatingSeasonSpec: Codable, Sendable, Equatable {
    public var start: String?
    public var end: String?

    public init() {}
}

/// `occupancy`: the household and its internal gains.
public struct OccupancySpec: Codable, Sendable, Equatable {
    /// `occupants`
    public var occupants: Int?
    /// `presence`: when someone is at home (comfort indicators count these hours).
    public var presence: WeekScheduleSpec?
    /// `internal_gains_w_per_m2`: mean internal gains (people, appliances, lighting).
    public var internalGainsWPerM2: Double?
    /// `internal_gains_w`: constant internal gains in watts (instead of per m²).
    public var internalGainsW: Double?
    /// `internal_gains_radiative_fraction`: share of the gains given off as radiation (0–1).
    public var internalGainsRadiativeFraction: Double?
    /// `internal_gains_profile`: relative hourly weights of the internal gains (24 per day type);
    /// the mean gains are kept, only their timing changes.
    public var internalGainsProfile: DailyProfileSpec?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case occupants, presence
        case internalGainsWPerM2 = "internal_gains_w_per_m2"
        case internalGainsW = "internal_gains_w"
        case internalGainsRadiativeFraction = "internal_gains_radiative_fraction"
        case internalGainsProfile = "internal_gains_profile"
    }
}

/// 24 hourly weights for weekdays and for weekends (dimensionless, ≥ 0).
public struct DailyProfileSpec: Codable, Sendable, Equatable {
    /// `weekdays`: hours 0–23 of Monday to Friday.
    public var weekdays: [Double]?
    /// `weekends`: hours 0–23 of Saturday and Sunday (the weekdays' profile when absent).
    public var weekends: [Double]?

    public init() {}
}
