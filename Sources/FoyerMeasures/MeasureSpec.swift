import FoyerModel

/// One measure file of `Buildings/measures/` as written (format `foyer-measure-1`, documented in
/// `Docs/Measures.md`). ``Measure`` is the checked form.
public struct MeasureSpec: Codable, Sendable, Equatable {
    public var format: String?
    public var id: String?
    public var nameFr: String?
    public var nameEn: String?
    public var kind: MeasureKind?
    public var descriptionFr: String?
    public var appliesTo: ApplicabilitySpec?
    public var change: ChangeSpec?
    public var cost: CostSpec?
    /// `costs_by_country`: the cost where a country's own published prices exist (each with its
    /// `country`); `cost` elsewhere.
    public var costsByCountry: [CostSpec]?
    public var lifetimeYears: Double?
    public var lifetimeSource: String?
    public var aids: [AidSpec]?
    public var referenceSaving: ReferenceSavingSpec?
    public var notes: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, id, kind, change, cost, aids, notes, costsByCountry = "costs_by_country"
        case nameFr = "name_fr", nameEn = "name_en", descriptionFr = "description_fr", appliesTo = "applies_to"
        case lifetimeYears = "lifetime_years", lifetimeSource = "lifetime_source", referenceSaving = "reference_saving"
    }
}

/// What a measure is for the household: a gesture costs nothing, a small work little, a work
/// needs a contractor.
public enum MeasureKind: String, SpecEnum, Comparable {
    case gesture
    case smallWork = "small_work"
    case work

    public static func < (a: MeasureKind, b: MeasureKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// `applies_to`: which dwellings the measure fits.
public struct ApplicabilitySpec: Codable, Sendable, Equatable {
    /// ISO codes; none: every country.
    public var countries: [String]?
    public var dwellingTypes: [DwellingType]?
    /// Heating systems that must be present (any of them).
    public var heatingTypes: [HeatingSystemType]?
    enum CodingKeys: String, CodingKey {
        case countries, dwellingTypes = "dwelling_types", heatingTypes = "heating_types"
    }
}

/// `change`: exactly one of these, each a physical change of the dwelling.
public struct ChangeSpec: Codable, Sendable, Equatable {
    public var thermostat: ThermostatChangeSpec?
    public var insulate: InsulationChangeSpec?
    public var windows: WindowChangeSpec?
    public var hotWater: HotWaterChangeSpec?
    public var lighting: LightingChangeSpec?
    public var otherUses: OtherUsesChangeSpec?
    public var shutters: ShutterChangeSpec?
    public var regulation: RegulationChangeSpec?
    public var replaceHeating: ReplaceHeatingSpec?
    public var replaceHotWater: ReplaceHotWaterSpec?
    public var distribution: DistributionChangeSpec?
    public var emitters: EmitterChangeSpec?
    public var ventilation: VentilationChangeSpec?
    public var advice: AdviceSpec?
    enum CodingKeys: String, CodingKey {
        case thermostat, insulate, windows, lighting, shutters, regulation, hotWater = "hot_water", otherUses = "other_uses"
        case replaceHeating = "replace_heating", replaceHotWater = "replace_hot_water"
        case distribution, emitters, ventilation, advice
    }

    /// The names of the changes given (a measure makes exactly one).
    var given: [String] {
        [("thermostat", thermostat != nil), ("insulate", insulate != nil), ("windows", windows != nil), ("hot_water", hotWater != nil),
         ("lighting", lighting != nil), ("other_uses", otherUses != nil), ("shutters", shutters != nil), ("regulation", regulation != nil),
         ("replace_heating", replaceHeating != nil), ("replace_hot_water", replaceHotWater != nil), ("distribution", distribution != nil),
         ("emitters", emitters != nil), ("ventilation", ventilation != nil), ("advice", advice != nil)].filter(\.1).map(\.0)
    }
    static let names = "thermostat, insulate, windows, hot_water, lighting, other_uses, shutters, regulation, replace_heating, replace_hot_water, distribution, emitters, ventilation, advice"
}

/// `change.distribution`: lagging on the heating pipes that cross unheated spaces (the
/// dwelling's `heating.systems[].pipes_outside_heated_volume`).
public struct DistributionChangeSpec: Codable, Sendable, Equatable {
    /// The lagging's thickness, mm; pipes already lagged this thick or more are left.
    public var pipeInsulationThicknessMm: Double?
    public var insulationConductivityWPerMK: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, pipeInsulationThicknessMm = "pipe_insulation_thickness_mm", insulationConductivityWPerMK = "insulation_conductivity_w_per_mk"
    }
}

/// `change.emitters`: reflective foil behind the radiators.
public struct EmitterChangeSpec: Codable, Sendable, Equatable {
    public var radiatorReflectors: Bool?
    /// Only when the external walls' mean U is above this (uninsulated walls), W/(m²·K).
    public var onlyIfWallUAboveWPerM2K: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, radiatorReflectors = "radiator_reflectors", onlyIfWallUAboveWPerM2K = "only_if_wall_u_above_w_per_m2k"
    }
}

/// `change.ventilation`: the air-tightness or the ventilation system.
public struct VentilationChangeSpec: Codable, Sendable, Equatable {
    /// Infiltration multiplied by this (draught-proofing: < 1).
    public var infiltrationFactor: Double?
    /// Only dwellings built before this year (the method's rule the factor comes from).
    public var builtBefore: Int?
    /// A new ventilation system: its type, mechanical air change (1/h) and heat recovery.
    public var type: VentilationType?
    public var mechanicalAirChangePerH: Double?
    public var heatRecoveryEfficiency: Double?
    /// The new fans' mean electric power, W.
    public var fanPowerW: Double?
    /// The new mechanical air change as a multiple of the old one (instead of `mechanical_air_change_per_h`).
    public var airflowRatio: Double?
    /// The ventilation types it replaces (none: any but its own).
    public var replaces: [VentilationType]?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, type, replaces, fanPowerW = "fan_power_w", airflowRatio = "airflow_ratio"
        case infiltrationFactor = "infiltration_factor", builtBefore = "built_before"
        case mechanicalAirChangePerH = "mechanical_air_change_per_h", heatRecoveryEfficiency = "heat_recovery_efficiency"
    }
}

/// `change.advice`: advice the technician gives whose saving is not quantified — no source
/// gives one, or the sources say there is none. Listed, never counted.
public struct AdviceSpec: Codable, Sendable, Equatable {
    /// Why it is not quantified, in English and French.
    public var whyNotQuantified: String?
    public var whyNotQuantifiedFr: String?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, whyNotQuantified = "why_not_quantified", whyNotQuantifiedFr = "why_not_quantified_fr"
    }
}

/// `change.other_uses`: a device switched off some hours a day, or appliances' electricity saved.
public struct OtherUsesChangeSpec: Codable, Sendable, Equatable {
    /// A device's standby draw, W, switched off `hours_off_per_day`.
    public var standbyW: Double?
    public var hoursOffPerDay: Double?
    /// Appliances' electricity saved, kWh/yr.
    public var appliancesKWhSavedPerYear: Double?
    /// Share of the electricity saved that was heat in the dwelling (1 for electronics; less for
    /// a washing machine, whose heat leaves with the water).
    public var indoorHeatShare: Double?
    /// Share of the cooking energy saved.
    public var cookingShareSaved: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, cookingShareSaved = "cooking_share_saved"
        case standbyW = "standby_w", hoursOffPerDay = "hours_off_per_day", appliancesKWhSavedPerYear = "appliances_kwh_saved_per_year"
        case indoorHeatShare = "indoor_heat_share"
    }
}

/// `change.regulation`: the room-by-room control of a radiator system (3CL regulation efficiency
/// Rr: hot-water radiators without thermostatic valves 0.90, with them 0.95).
public struct RegulationChangeSpec: Codable, Sendable, Equatable {
    public var regulationEfficiency: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, regulationEfficiency = "regulation_efficiency"
    }
}

/// `change.replace_heating`: a new generator in place of those of the listed types (same id,
/// emitters, share and role; the new type's 3CL defaults).
public struct ReplaceHeatingSpec: Codable, Sendable, Equatable {
    public var type: HeatingSystemType?
    public var replaces: [HeatingSystemType]?
    /// Heat pumps: the rated COP (A7/W35); none: the model's default.
    public var copNominal: Double?
    /// The new generator's 3CL efficiencies where they differ from its type's defaults.
    public var generationEfficiency: Double?
    public var emissionEfficiency: Double?
    public var regulationEfficiency: Double?
    enum CodingKeys: String, CodingKey {
        case type, replaces, copNominal = "cop_nominal", generationEfficiency = "generation_efficiency"
        case emissionEfficiency = "emission_efficiency", regulationEfficiency = "regulation_efficiency"
    }
}

/// `change.replace_hot_water`: a new water heater in place of the first one, if of a listed type
/// (same store volume, set-point and off-peak charging).
public struct ReplaceHotWaterSpec: Codable, Sendable, Equatable {
    public var type: HotWaterSystemType?
    public var replaces: [HotWaterSystemType]?
    public var copNominal: Double?
    /// A solar water heater's share of the need by French climate zone.
    public var solarFractionByZone: ZoneAmountsSpec?
    enum CodingKeys: String, CodingKey {
        case type, replaces, copNominal = "cop_nominal", solarFractionByZone = "solar_fraction_by_zone"
    }
}

/// `change.shutters`: the shutters the windows have, closed every night.
public struct ShutterChangeSpec: Codable, Sendable, Equatable {
    public var closeAtNight: Bool?
    /// New shutters on the windows that have none: their ΔR when closed, m²·K/W, closed at night.
    public var addAdditionalResistanceM2KPerW: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case closeAtNight = "close_at_night", source
        case addAdditionalResistanceM2KPerW = "add_additional_resistance_m2k_per_w"
    }
}

/// `change.thermostat`.
public struct ThermostatChangeSpec: Codable, Sendable, Equatable {
    /// Added to the heating set-point (and to the set-back when there is none), K.
    public var setpointDeltaC: Double?
    /// A programmable thermostat: this set-back outside the household's presence hours.
    public var setbackC: Double?
    /// The programme brings the heating back this many whole hours before the household returns.
    public var preheatHours: Int?
    /// The heating set-point brought down to this, °C, where it is above.
    public var setpointMaxC: Double?
    enum CodingKeys: String, CodingKey {
        case setpointDeltaC = "setpoint_delta_c", setbackC = "setback_c", preheatHours = "preheat_hours", setpointMaxC = "setpoint_max_c"
    }
}

/// Which elements an insulation covers, where the layer goes and its thermal resistance.
public enum ElementFamily: String, SpecEnum {
    case walls, roofs, floors
}

/// The side of the element the insulation is added on.
public enum InsulationSide: String, SpecEnum {
    case outside, inside
}

/// `change.insulate`.
public struct InsulationChangeSpec: Codable, Sendable, Equatable {
    public var family: ElementFamily?
    /// Only elements against this boundary (`outdoor`, `ground`, `unheated_space`).
    public var boundary: String?
    public var addedRM2KPerW: Double?
    public var side: InsulationSide?
    /// Elements already at or below this U are left as they are (already insulated).
    public var onlyIfUAboveWPerM2K: Double?
    /// Conductivity of the insulation, for its thickness and mass, W/(m·K).
    public var conductivityWPerMK: Double?
    /// Density, kg/m³, and specific heat, J/(kg·K), of the insulation (its small heat capacity).
    public var densityKgPerM3: Double?
    public var specificHeatJPerKgK: Double?
    /// Only elements tilted within these bounds, degrees from horizontal (roofs: 0 flat, 90 wall-like).
    public var minTiltDeg: Double?
    public var maxTiltDeg: Double?
    enum CodingKeys: String, CodingKey {
        case family, boundary, side, minTiltDeg = "min_tilt_deg", maxTiltDeg = "max_tilt_deg"
        case addedRM2KPerW = "added_r_m2k_per_w", onlyIfUAboveWPerM2K = "only_if_u_above_w_per_m2k"
        case conductivityWPerMK = "conductivity_w_per_mk", densityKgPerM3 = "density_kg_per_m3", specificHeatJPerKgK = "specific_heat_j_per_kgk"
    }
}

/// `change.windows`: new windows replacing those above a U-value.
public struct WindowChangeSpec: Codable, Sendable, Equatable {
    public var uValueWPerM2K: Double?
    /// Solar factor of the new glazing; none: kept.
    public var gValue: Double?
    public var onlyIfUAboveWPerM2K: Double?
    enum CodingKeys: String, CodingKey {
        case uValueWPerM2K = "u_value_w_per_m2k", gValue = "g_value", onlyIfUAboveWPerM2K = "only_if_u_above_w_per_m2k"
    }
}

/// `change.hot_water`: the store's temperature, or a shower head of lower flow.
public struct HotWaterChangeSpec: Codable, Sendable, Equatable {
    /// The store's temperature, °C (electric and heat-pump stores).
    public var storeSetpointC: Double?
    /// Share of the hot water drawn at the shower.
    public var showerShare: Double?
    /// Shower flow before and after, L/min: the litres drawn at the shower scale by their ratio.
    public var showerFlowBeforeLPerMin: Double?
    public var showerFlowAfterLPerMin: Double?
    /// An electric store moved onto the meter's off-peak hours.
    public var offPeakCharging: Bool?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, offPeakCharging = "off_peak_charging"
        case storeSetpointC = "store_setpoint_c", showerShare = "shower_share"
        case showerFlowBeforeLPerMin = "shower_flow_before_l_per_min", showerFlowAfterLPerMin = "shower_flow_after_l_per_min"
    }
}

/// `change.lighting`: lamps replaced by more efficient ones giving the same light.
public struct LightingChangeSpec: Codable, Sendable, Equatable {
    /// New power over old power for the same light (e.g. 15 W LED for a 60 W incandescent: 0.25).
    public var powerRatio: Double?
    /// Or: this many lamps of `lamp_w_before` replaced by lamps of `lamp_w_after`, each lit
    /// `hours_per_year`.
    public var lamps: Int?
    public var lampWBefore: Double?
    public var lampWAfter: Double?
    public var hoursPerYear: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case source, powerRatio = "power_ratio", lamps, lampWBefore = "lamp_w_before", lampWAfter = "lamp_w_after", hoursPerYear = "hours_per_year"
    }
}

/// What a cost is counted per.
public enum CostUnit: String, SpecEnum {
    /// Per m² of the elements changed.
    case m2
    /// Per window replaced.
    case window
    /// Per emitter (radiator) of the heating systems changed (`emitter_count`).
    case emitter
    /// Per metre of pipe lagged.
    case metre
    /// Once for the dwelling.
    case dwelling
}

/// `cost`: low, typical and high, € including VAT, with source and date.
public struct CostSpec: Codable, Sendable, Equatable {
    /// ISO country code, in `costs_by_country` only.
    public var country: String?
    public var unit: CostUnit?
    public var lowEUR: Double?
    public var typicalEUR: Double?
    public var highEUR: Double?
    public var source: String?
    public var date: String?
    enum CodingKeys: String, CodingKey {
        case unit, source, date, country
        case lowEUR = "low_eur", typicalEUR = "typical_eur", highEUR = "high_eur"
    }
}

/// A French income category of the Anah (MaPrimeRénov').
public enum IncomeBand: String, SpecEnum {
    case veryLow = "very_low"
    case low
    case intermediate
    case high
}

/// `aids[]`: one scheme's aid.
public struct AidSpec: Codable, Sendable, Equatable {
    /// `maprimerenov`, `cee`, `walloon_prime`…
    public var scheme: String?
    public var country: String?
    public var unit: CostUnit?
    /// € per unit by income band (MaPrimeRénov').
    public var byIncome: IncomeAmountsSpec?
    /// The aid is at most this share of the cost.
    public var capShareOfCost: Double?
    /// kWh cumac per unit by French climate zone (H1, H2, H3) — a CEE aid.
    public var kWhCumacPerUnit: ZoneAmountsSpec?
    /// € per kWh cumac.
    public var eurPerKWhCumac: Double?
    /// `false`: the scheme does not fund this measure (said, with its source).
    public var eligible: Bool?
    /// What is known when no amount is (a scheme whose amounts are not published yet).
    public var note: String?
    public var source: String?
    public var date: String?
    enum CodingKeys: String, CodingKey {
        case scheme, country, unit, eligible, source, date, note
        case byIncome = "by_income", capShareOfCost = "cap_share_of_cost"
        case kWhCumacPerUnit = "kwh_cumac_per_unit", eurPerKWhCumac = "eur_per_kwh_cumac"
    }
}

public struct IncomeAmountsSpec: Codable, Sendable, Equatable {
    public var veryLow: Double?
    public var low: Double?
    public var intermediate: Double?
    public var high: Double?
    enum CodingKeys: String, CodingKey {
        case low, intermediate, high, veryLow = "very_low"
    }
}

public struct ZoneAmountsSpec: Codable, Sendable, Equatable {
    public var h1: Double?
    public var h2: Double?
    public var h3: Double?
    enum CodingKeys: String, CodingKey {
        case h1 = "H1", h2 = "H2", h3 = "H3"
    }
}

/// `reference_saving`: a published figure to set beside Foyer's.
public struct ReferenceSavingSpec: Codable, Sendable, Equatable {
    /// A share of the heating energy saved (ADEME's −7 % per °C).
    public var heatingShare: Double?
    /// CEE kWh cumac per unit by zone, with the lifetime that converts it to kWh a year.
    public var kWhCumacPerUnit: ZoneAmountsSpec?
    public var unit: CostUnit?
    public var cumacLifetimeYears: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case unit, source
        case heatingShare = "heating_share", kWhCumacPerUnit = "kwh_cumac_per_unit", cumacLifetimeYears = "cumac_lifetime_years"
    }
}
