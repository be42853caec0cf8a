import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel

/// A water heater's efficiencies, 3CL-DPE 2021 (annexe 1 §11 and §14; Open3CL
/// `14_generateur_ecs.js`, tables `ecs.cr`, `ecs.rd`, `ecs.combustion`, `ecs.cop`, summarised in
/// `Docs/SystemsReferences.md` §4).
struct HotWaterSystem {
    var energy: Energy
    /// Heat out of the generator per unit of energy bought (a COP for heat pumps), with the
    /// combustion standby and pilot losses folded in.
    var generationEfficiency: Double
    /// 3CL Rd: 0.93 for an individual heater in the heated volume beside the wet rooms.
    var distributionEfficiency: Double
    var storageLossKWhPerYear: Double
    var solarFraction: Double
    var hasStore: Bool

    /// 3CL standing loss of an electric store, Qgw = 8 592 · Δθ/24 · V · Cr Wh/yr, with Cr of a
    /// vertical tank of unknown category (0.32 ≤ 100 L, 0.23 ≤ 200 L, 0.22 above) and Δθ the
    /// store's excess over a 20 °C room: 3CL's 45 K is a 65 °C store; `setpoint_c` moves it.
    static func electricStoreLossKWh(volumeL: Double, setpointC: Double = defaultSetpointC) -> Double {
        let cr = volumeL <= 100 ? 0.32 : volumeL <= 200 ? 0.23 : 0.22
        return 8_592 * max(0, setpointC - 20) / 24 * volumeL * cr / 1000
    }

    /// The store temperature behind 3CL's 45 K standing-loss difference: 65 °C.
    static let defaultSetpointC = 65.0

    /// 3CL standing loss of a non-electric store, Qgw = 67 662 · V^0.55 Wh/yr.
    static func fuelStoreLossKWh(volumeL: Double) -> Double { 67_662 * pow(volumeL, 0.55) / 1000 }

    /// 3CL generation efficiency of a combustion water heater:
    /// Rg = 1 / (1/Rpn + (k·QP0 + Qgw)/Becs + p·6 970·Pveil/Becs), with k = 1 790 h for
    /// instantaneous heaters and boilers, 8 592 h for storage heaters; p = 0.5 for a boiler.
    static func combustionEfficiency(ratedEfficiency: Double, standbyLossW: Double, standbyHours: Double, storeLossKWh: Double,
                                     pilotW: Double, pilotShare: Double, annualNeedKWh: Double) -> Double {
        let need = max(annualNeedKWh, 1) * 1000
        return 1 / (1 / ratedEfficiency + (standbyHours * standbyLossW + storeLossKWh * 1000) / need + pilotShare * 6_970 * pilotW / need)
    }

    static func resolve(_ system: HotWaterSystemSpec, type: HotWaterSystemType, dwelling: ResolvedDwelling, annualNeedKWh: Double,
                        occupants: Double, defaults: inout [DefaultedValue]) -> HotWaterSystem {
        let path = "hot_water.systems[\(system.id ?? "0")]"
        let volume = system.storageVolumeL ?? max(100, 50 * occupants)
        let distribution = 0.93
        var result = HotWaterSystem(energy: system.fuel ?? .electricity, generationEfficiency: 1, distributionEfficiency: distribution,
                                    storageLossKWhPerYear: 0, solarFraction: 0, hasStore: false)
        if system.storageVolumeL == nil, [.electricStorage, .gasStorage, .heatPumpWaterHeater, .solarWithBackup].contains(type) {
            defaults.append(DefaultedValue(path: path + ".storage_volume_l", value: String(Int(volume)), reason: "50 L per occupant, at least 100 L"))
        }
        switch type {
        case .electricStorage:
            result.energy = .electricity
            result.hasStore = true
            result.storageLossKWhPerYear = electricStoreLossKWh(volumeL: volume, setpointC: system.setpointC ?? defaultSetpointC)
        case .electricInstantaneous:
            result.energy = .electricity
        case .gasInstantaneous:
            // 2001–15 heater of 20 kW: Rpn 0.83, QP0 1 % of Pn, pilot 100 W.
            result.energy = system.fuel ?? .naturalGas
            result.generationEfficiency = combustionEfficiency(ratedEfficiency: 0.83, standbyLossW: 200, standbyHours: 1_790, storeLossKWh: 0,
                                                               pilotW: 100, pilotShare: 1, annualNeedKWh: annualNeedKWh)
        case .gasStorage:
            // Rpn 0.84, QP0 1.5 % of a 6 kW burner, pilot 150 W, store loss 67 662·V^0.55.
            result.energy = system.fuel ?? .naturalGas
            result.hasStore = true
            let store = fuelStoreLossKWh(volumeL: volume)
            result.generationEfficiency = combustionEfficiency(ratedEfficiency: 0.84, standbyLossW: 90, standbyHours: 8_592, storeLossKWh: store,
                                                               pilotW: 150, pilotShare: 1, annualNeedKWh: annualNeedKWh)
        case .heatPumpWaterHeater:
            // 3CL COP of an ambient-air heat-pump water heater from 2015, zones H1–H2: 2.5.
            result.energy = .electricity
            result.hasStore = true
            result.storageLossKWhPerYear = electricStoreLossKWh(volumeL: volume, setpointC: system.setpointC ?? defaultSetpointC)
            result.generationEfficiency = system.copNominal ?? 2.5
            if system.copNominal == nil {
                defaults.append(DefaultedValue(path: path + ".cop_nominal", value: "2.5", reason: "3CL COP of an ambient-air heat-pump water heater from 2015 (H1–H2)"))
            }
        case .fromHeatingSystem:
            let heater = dwelling.heatingSystems.first { $0.id == system.heatingSystem }
            let heaterType = heater?.type ?? .gasBoilerStandard
            result.energy = system.fuel ?? heater?.fuel ?? heaterType.naturalFuel
            if heaterType.isHeatPump {
                // 3CL COP of a double-service heat pump from 2015, H1–H2: 2.3.
                result.generationEfficiency = 2.3
            } else if heaterType == .districtHeating {
                result.generationEfficiency = 0.90  // 3CL Rg·Rs, insulated network
            } else {
                let rated = heater?.generationEfficiency ?? SystemDefaults.chain(heaterType).generation
                let store = (system.storageVolumeL ?? 0) > 0 ? fuelStoreLossKWh(volumeL: volume) : 0
                result.generationEfficiency = combustionEfficiency(ratedEfficiency: rated, standbyLossW: 240, standbyHours: 1_790, storeLossKWh: store,
                                                                   pilotW: 0, pilotShare: 0.5, annualNeedKWh: annualNeedKWh)
            }
        case .solarWithBackup:
            result.energy = system.fuel ?? .electricity
            result.hasStore = true
            result.storageLossKWhPerYear = electricStoreLossKWh(volumeL: volume, setpointC: system.setpointC ?? defaultSetpointC)
            result.solarFraction = system.solarFraction ?? 0.5
            if system.solarFraction == nil {
                defaults.append(DefaultedValue(path: path + ".solar_fraction", value: "0.5", reason: "half the need from the collectors (no collector model yet)"))
            }
        }
        if let overall = system.efficiency {
            // The whole chain given (generation, storage, distribution): used as it is.
            result.generationEfficiency = overall
            result.distributionEfficiency = 1
            result.storageLossKWhPerYear = 0
        }
        return result
    }
}
