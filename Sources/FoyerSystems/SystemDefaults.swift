import FoyerEnergy
import FoyerModel

/// Default efficiencies by generator type, in the 3CL-DPE 2021 split (emission × distribution
/// × regulation × generation), used when a dwelling file does not give them.
///
/// Values: 3CL-DPE 2021 tables (arrêté du 31 mars 2021, annexe 1 §12–13) as coded in the
/// Open3CL engine `src/tv.js` and action-21/dpe-audit-api `etc/tables/csv`, summarised in
/// `Docs/SystemsReferences.md`; each line below says which row.
public enum SystemDefaults {
    /// The 3CL-style split of a seasonal efficiency.
    public struct Chain: Sendable, Equatable {
        public var generation: Double
        public var distribution: Double
        public var emission: Double
        public var regulation: Double
        public var product: Double { generation * distribution * emission * regulation }
    }

    /// Default chain of a heating generator type (with its usual emitter), 3CL-DPE 2021:
    /// emission Re (0.95 for every emitter but hydronic underfloor, 1.00), distribution Rd
    /// (none 1.00; individual hydronic, not insulated, medium temperature 0.91; refrigerant
    /// 1.00), regulation Rr (radiators with thermostatic valves 0.95; unlabelled electric
    /// emitters 0.96; storage heaters 0.95; blown air 0.96; stoves and inserts 0.80), generation
    /// Rg (fixed values of table `chauffage.rg`, or the load-bin method's result for a 24 kW
    /// boiler; `Docs/SystemsReferences.md` §1).
    public static func chain(_ type: HeatingSystemType) -> Chain {
        switch type {
        case .electricConvector, .electricRadiantPanel: Chain(generation: 1, distribution: 1, emission: 0.95, regulation: 0.96)
        case .electricStorageHeater: Chain(generation: 1, distribution: 1, emission: 0.95, regulation: 0.95)
        // Heat pumps: Rg is the hour's COP; air-to-water on an individual insulated loop
        // (0.95), air-to-air through refrigerant lines (1.00) and blown air (Rr 0.96).
        case .heatPumpAirToWater: Chain(generation: 1, distribution: 0.95, emission: 0.95, regulation: 0.95)
        case .heatPumpAirToAir: Chain(generation: 1, distribution: 1, emission: 0.95, regulation: 0.96)
        // Boilers (Rg on PCI): standard 1991–2000 0.81, low temperature 2001–15 0.88,
        // condensing 2001–15 on radiators 0.95; fuel oil standard 1981–90 0.83, condensing 0.95.
        case .gasBoilerStandard: Chain(generation: 0.81, distribution: 0.91, emission: 0.95, regulation: 0.95)
        case .gasBoilerLowTemperature: Chain(generation: 0.88, distribution: 0.91, emission: 0.95, regulation: 0.95)
        case .gasBoilerCondensing: Chain(generation: 0.95, distribution: 0.91, emission: 0.95, regulation: 0.95)
        case .oilBoilerStandard: Chain(generation: 0.83, distribution: 0.91, emission: 0.95, regulation: 0.95)
        case .oilBoilerCondensing: Chain(generation: 0.95, distribution: 0.91, emission: 0.95, regulation: 0.95)
        // Wood: unlabelled log stove from 2005 0.65; log boiler 2013–17 at 20 kW
        // 67 + 6·log10(20) ≈ 0.75; pellet stove (Flamme Verte 2012–19) 0.85; pellet boiler from
        // 2020 at 20 kW 0.91; "poêle fioul/GPL/charbon" 0.72.
        case .woodLogStove: Chain(generation: 0.65, distribution: 1, emission: 0.95, regulation: 0.80)
        case .woodLogBoiler: Chain(generation: 0.75, distribution: 0.91, emission: 0.95, regulation: 0.90)
        case .pelletStove: Chain(generation: 0.85, distribution: 1, emission: 0.95, regulation: 0.80)
        case .pelletBoiler: Chain(generation: 0.91, distribution: 0.91, emission: 0.95, regulation: 0.95)
        case .coalStove: Chain(generation: 0.72, distribution: 1, emission: 0.95, regulation: 0.80)
        // Unvented (flueless) kerosene and LPG heaters release all the combustion heat in the
        // room: Rg 1 on PCI (the PCS − PCI part leaves as water vapour in the room air, and the
        // fumes stay indoors: a health matter the report flags, not an efficiency); 3CL has no
        // such generator (its nearest, the vented oil stove, is 0.72). Manual control, Rr 0.80.
        case .keroseneHeater, .lpgHeater: Chain(generation: 1, distribution: 1, emission: 0.95, regulation: 0.80)
        // District heating: substation 0.97, individual loop 0.91.
        case .districtHeating: Chain(generation: 0.97, distribution: 0.91, emission: 0.95, regulation: 0.95)
        }
    }

    /// Rated COP at A7/W35 of an air-source heat pump when the dwelling file gives none: 4.4,
    /// what the Carnot fraction η = 0.40 of the VDE ETG heat-pump study (2015, as used by
    /// oemof-thermal; `Docs/SystemsReferences.md` §2.2) gives at that point, and within the
    /// range of current units' EN 14511 ratings.
    public static let airSourceRatedCOP = 4.4

    /// Design flow temperature by emitter (at the design outdoor temperature), °C, and the
    /// emitter exponent n. 3CL design water temperatures: underfloor 35 °C, medium-temperature
    /// radiators 60–70 °C (50 °C taken for radiators sized for a heat pump, "low temperature"),
    /// high-temperature radiators 70–80 °C (70 taken); air units 40 °C. Exponents: radiators
    /// 1.3 (EN 442), underfloor 1.1, air 1.0.
    public static func designFlow(_ emitter: EmitterType) -> (temperatureC: Double, exponent: Double) {
        switch emitter {
        case .underfloor: (35, 1.1)
        case .radiatorsLowTemperature: (50, 1.3)
        case .radiatorsHighTemperature: (70, 1.3)
        case .direct, .convector, .radiantPanel, .storageHeater, .storageHeaterFanAssisted, .stove, .fanCoil: (40, 1.0)
        }
    }
}
