import FoyerEnergy
import FoyerModel

/// The 3CL-DPE 2021 enumerations an official DPE file uses, mapped to Foyer's names.
///
/// Every id of each table, its French label and the reason for each choice are in
/// `Docs/Research/dpe-enums/*.csv` (labels from Open3CL `src/enums.js` @ bb583ee, the
/// observatory's own enumerations); this file holds the same choices as code. A `nil` result
/// means the id has no honest equivalent in Foyer's dwelling format: the importer refuses the
/// file and names the element.
enum DPEEnums {
    /// `enum_type_adjacence_id` → where the far side of an element is (`type_adjacence.csv`).
    enum Adjacency {
        case outdoor
        case buried
        case ground
        case crawlSpaceOrBasement
        case unheated
        case heated
    }

    static func adjacency(_ id: Int) -> Adjacency? {
        switch id {
        case 1: .outdoor
        case 2: .buried
        case 5: .ground
        case 3, 6: .crawlSpaceOrBasement
        case 4, 7...21: .unheated
        case 22: .heated
        default: nil
        }
    }

    /// `enum_orientation_id` → azimuth of the outside face, clockwise from north (`orientation.csv`);
    /// 5 (horizontal) is handled by the caller.
    static func azimuthDeg(_ id: Int) -> Double? {
        switch id {
        case 1: 180
        case 2: 0
        case 3: 90
        case 4: 270
        default: nil
        }
    }

    /// `enum_inclinaison_vitrage_id` → tilt, the middle of each class (`inclinaison_vitrage.csv`):
    /// < 25° → 12.5, 25–75° → 50, > 75° → 90, horizontal → 0.
    static func windowTiltDeg(_ id: Int) -> Double? {
        switch id {
        case 1: 12.5
        case 2: 50
        case 3: 90
        case 4: 0
        default: nil
        }
    }

    /// `enum_periode_construction_id` → a year inside the period (`1: before 1948` … `10: after 2021`).
    static func yearForPeriod(_ id: Int) -> Int? {
        [1: 1930, 2: 1961, 3: 1976, 4: 1980, 5: 1985, 6: 1995, 7: 2003, 8: 2009, 9: 2017, 10: 2022][id]
    }

    /// `enum_classe_inertie_id` (1 très lourde, 2 lourde, 3 moyenne, 4 légère) → the heat
    /// capacity per m² of floor of EN ISO 13790:2008 Table 12 (very heavy 370 000, heavy 260 000,
    /// medium 165 000, light 110 000 J/(m²·K)).
    static func heatCapacityJPerM2K(inertiaClass id: Int) -> Double? {
        [1: 370_000, 2: 260_000, 3: 165_000, 4: 110_000][id]
    }

    /// `enum_zone_climatique_id` → Foyer's climate id (`zone_climatique.csv`).
    static func climateZone(_ id: Int) -> String? {
        [1: "H1a", 2: "H1b", 3: "H1c", 4: "H2a", 5: "H2b", 6: "H2c", 7: "H2d", 8: "H3"][id]
    }

    /// `enum_type_energie_id` → fuel (`type_energie.csv`); 14 (other fossil) and 15 (cooling network) have none.
    static func energy(_ id: Int) -> Energy? {
        switch id {
        case 1, 12: .electricity
        case 2: .naturalGas
        case 3: .fuelOil
        case 4: .woodLogs
        case 5: .woodPellets
        case 6, 7: .woodChips
        case 8: .districtHeating
        case 9, 13: .propane
        case 10: .butane
        case 11: .coal
        default: nil
        }
    }

    /// `enum_type_ventilation_id` → ventilation type (`type_ventilation.csv`).
    static func ventilation(_ id: Int) -> VentilationType? {
        switch id {
        case 1, 2, 25, 34: .natural
        case 3...6, 10...12, 16, 26...33: .exhaust
        case 7...9, 13...15, 17, 18: .exhaustHumidityControlled
        case 19...24, 35...38: .balanced
        default: nil
        }
    }

    /// `enum_type_generateur_ch_id` → heating generator (`type_generateur_ch.csv`). `nil`: none
    /// in Foyer (ground- and water-source heat pumps, warm-air and gas radiator generators,
    /// electric and coal boilers, "other" systems).
    static func heatingGenerator(_ id: Int, energy: Energy?) -> HeatingSystemType? {
        switch id {
        case 1...3: .heatPumpAirToAir
        case 4...7, 145...147: .heatPumpAirToWater
        case 20...43, 48, 49: .woodLogStove
        case 44...46, 140, 141: .pelletStove
        case 47:
            switch energy {
            case .coal?, .fuelOil?: .coalStove
            case .propane?, .butane?: .lpgHeater
            default: nil
            }
        case 55...68, 154...159: .woodLogBoiler
        case 69...74, 152, 153: .pelletBoiler
        case 75...82, 119: .oilBoilerStandard
        case 83, 84, 150, 151: .oilBoilerCondensing
        case 85...90, 127...132: .gasBoilerStandard
        case 91...93, 133...135: .gasBoilerLowTemperature
        case 94...97, 136...139, 148, 149, 160, 161: .gasBoilerCondensing
        case 98, 101, 105: .electricConvector
        case 99, 100, 102, 103: .electricRadiantPanel
        case 104: .electricStorageHeater
        case 107...112, 142, 171: .districtHeating
        default: nil
        }
    }

    /// The generator ids whose Foyer type is only the nearest one (`partial` in the CSV).
    static func heatingGeneratorIsPartial(_ id: Int) -> String? {
        switch id {
        case 47: "a stove burning oil, LPG or coal"
        case 62...68: "a wood-chip boiler, modelled as a log boiler"
        case 81, 82: "a low-temperature oil boiler, modelled as a standard one"
        case 105: "a dual-circuit convector, modelled as a plain convector"
        default: nil
        }
    }

    /// What a DHW generator is, before the link to a heating generator is made.
    enum HotWaterGenerator {
        case type(HotWaterSystemType)
        case combined
        case gasByStorage
        case unsupported
    }

    /// `enum_type_generateur_ecs_id` with `enum_usage_generateur_id` (2 DHW only, 3 heating and DHW)
    /// → DHW generator (`type_generateur_ecs.csv`).
    static func hotWaterGenerator(_ id: Int, usage: Int?) -> HotWaterGenerator {
        let combined = usage == 3
        switch id {
        case 1...9: return .type(.heatPumpWaterHeater)
        case 10...14, 72...77, 115, 116, 119...134: return .combined
        case 15...44, 85...91: return combined ? .combined : .unsupported
        case 45...57, 92...104: return combined ? .combined : .gasByStorage
        case 58...62, 105...109: return .type(.gasStorage)
        case 63...67, 110...114: return .type(.gasInstantaneous)
        case 68...71: return .type(.electricStorage)
        case 117: return .type(.electricInstantaneous)
        case 82: return combined ? .combined : .type(.heatPumpWaterHeater)
        case 118: return combined ? .combined : .type(.electricStorage)
        default: return .unsupported
        }
    }

    /// `enum_type_emission_distribution_id` → emitter (`type_emission_distribution.csv`); ids
    /// 24–39 alternate high (even) and low (odd) water temperature.
    static func emitter(_ id: Int) -> EmitterType? {
        switch id {
        case 1, 4, 19, 40, 50: .convector
        case 2, 3, 6, 7, 15...18, 44: .radiantPanel
        case 8, 9, 11...14, 43: .underfloor
        case 10: .storageHeater
        case 20...23: .stove
        case 24...39: id % 2 == 0 ? .radiatorsHighTemperature : .radiatorsLowTemperature
        case 45: .radiatorsLowTemperature
        case 5, 42, 46...49: .fanCoil
        default: nil
        }
    }

    /// House methods {1, 14, 18} and the flat method 2 describe one dwelling with its own
    /// envelope (`methode_application_dpe_log.csv`); the others describe a building, or a flat
    /// through its building's envelope, or flats with collective systems.
    enum Method {
        case house
        case flat
    }

    static func method(_ id: Int) -> Method? {
        switch id {
        case 1, 14, 18: .house
        case 2: .flat
        default: nil
        }
    }
}
