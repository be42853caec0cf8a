import Foundation
import FoyerCore
import FoyerEnergy
import FoyerModel

/// From the hourly heat need to the hourly energy bought, per energy, use and meter circuit.
public enum SystemsModel {
    /// Water: ρ·c = 1.163 Wh/(L·K) (4.186 kJ/(kg·K) × 1 kg/L ÷ 3.6; the constant of the 3CL-DPE
    /// hot-water need).
    public static let waterWhPerLitreK = 1.163

    /// The EU 24-hour tapping profile "M" (Commission Regulation (EU) No 814/2013, Annex III,
    /// Table 1; the same cycle as EN 16147): energy drawn per clock hour, kWh, 5.845 kWh a day
    /// in all. Used as the shape of a day's hot-water draws.
    public static let tappingProfileMKWh: [Double] = [
        0, 0, 0, 0, 0, 0, 0, 1.610, 0.420, 0.210, 0.105, 0.210,
        0.315, 0, 0.105, 0.105, 0.105, 0, 0.315, 0.105, 0.735, 1.505, 0, 0,
    ]

    /// Runs the systems of `dwelling` over the year of `inputs`.
    public static func run(_ dwelling: ResolvedDwelling, inputs: SystemInputs) -> SystemsResult {
        let hours = inputs.heatingW.count
        var defaults: [DefaultedValue] = []
        // Streams in the order they first receive energy (the report's order).
        struct StreamKey: Hashable { var energy: Energy; var use: EnergyUse; var circuit: Circuit }
        var streams: [EnergyStream] = []
        var positions: [StreamKey: Int] = [:]
        let supply = dwelling.energySupply
        func add(_ energy: Energy, _ use: EnergyUse, _ circuit: Circuit, hour: Int, kWh: Double) {
            let key = StreamKey(energy: energy, use: use, circuit: circuit)
            let position: Int
            if let known = positions[key] {
                position = known
            } else {
                position = streams.count
                positions[key] = position
                streams.append(EnergyStream(energy: energy, use: use, circuit: circuit, hourlyKWh: [Double](repeating: 0, count: hours)))
            }
            streams[position].hourlyKWh[hour] += kWh
        }
        let offPeakCircuit: Circuit = supply.exclusiveNightCircuit == true ? .exclusiveNight : .main

        // MARK: Heating
        let systems = dwelling.heatingSystems
        var results: [HeatingSystemResult] = []
        var unmetKWh = 0.0, unmetHours = 0
        if !systems.isEmpty {
            let mains = systems.indices.filter { systems[$0].role != .backup }
            let backups = systems.indices.filter { systems[$0].role == .backup }
            let explicitShares = mains.allSatisfy { systems[$0].share != nil }
            let share: [Int: Double] = Dictionary(uniqueKeysWithValues: mains.map { index in
                (index, explicitShares ? (systems[index].share ?? 0) : 1 / Double(mains.count))
            })
            struct Plan {
                var chain: SystemDefaults.Chain
                var overall: Double?
                var capacityKW: Double
                var flowDesignC: Double, exponent: Double, hpEfficiency: Double?
                var designKW = 0.0
                /// A heat pump on the hourly COP model (not given a whole-chain efficiency).
                var hasHourlyCOP: Bool { hpEfficiency != nil && overall == nil }
            }
            var plans: [Plan] = []
            for (index, system) in systems.enumerated() {
                let type = system.type ?? .electricConvector
                var chain = SystemDefaults.chain(type)
                let p = "heating.systems[\(system.id ?? String(index))]"
                if system.efficiency == nil {
                    chain.generation = system.generationEfficiency ?? chain.generation
                    chain.distribution = system.distributionEfficiency ?? chain.distribution
                    chain.emission = system.emissionEfficiency ?? chain.emission
                    chain.regulation = system.regulationEfficiency ?? chain.regulation
                    if !type.isHeatPump, system.generationEfficiency == nil {
                        defaults.append(DefaultedValue(path: p + ".efficiency", value: String(format: "%.3f", chain.product),
                                                       reason: "3CL-DPE default chain for a \(type.rawValue): generation \(chain.generation) × distribution \(chain.distribution) × emission \(chain.emission) × regulation \(chain.regulation)"))
                    }
                }
                let emitter = system.emitter ?? EmitterType.usual(for: type)
                let flow = SystemDefaults.designFlow(emitter)
                var hpEfficiency: Double?
                if type.isHeatPump {
                    if let rated = system.copNominal {
                        hpEfficiency = CarnotHeatPump.exergeticEfficiency(ratedCOP: rated)
                    } else {
                        hpEfficiency = CarnotHeatPump.exergeticEfficiency(ratedCOP: SystemDefaults.airSourceRatedCOP)
                        defaults.append(DefaultedValue(path: p + ".cop_nominal", value: String(format: "%.2f", SystemDefaults.airSourceRatedCOP),
                                                       reason: "rated COP at A7/W35 of an air-source heat pump: Carnot fraction 0.40 at that point (VDE ETG 2015 via oemof-thermal)"))
                    }
                }
                plans.append(Plan(chain: chain, overall: system.efficiency, capacityKW: (system.maxPowerW ?? .infinity) / 1000,
                                  flowDesignC: system.designFlowTemperatureC ?? flow.temperatureC, exponent: flow.exponent, hpEfficiency: hpEfficiency))
            }
            // A heat pump's design output (EN 14825 Pdesignh): its `max_power_w`, or else sized
            // to the year's largest hourly load on it (its share of the need, or all of it for a
            // backup), as an installer sizes to the design heat loss. It sets the lowest output
            // the unit holds without cycling.
            for (index, system) in systems.enumerated() where plans[index].hasHourlyCOP {
                let chain = plans[index].chain
                let portion = system.role == .backup ? 1 : (share[index] ?? 0)
                let peakKW = (inputs.heatingW.max() ?? 0) / 1000 * portion / (chain.distribution * chain.emission * chain.regulation)
                let p = "heating.systems[\(system.id ?? String(index))]"
                if plans[index].capacityKW.isFinite {
                    plans[index].designKW = plans[index].capacityKW
                } else {
                    plans[index].designKW = peakKW
                    defaults.append(DefaultedValue(path: p + ".max_power_w", value: String(format: "%.0f", peakKW * 1000),
                                                   reason: "heat pump sized to the year's largest hourly load (EN 14825 design load); it cycles below \(Int(CarnotHeatPump.minimumModulation * 100)) % of it"))
                }
            }
            var heat = [Double](repeating: 0, count: systems.count), energyKWh = heat, generatorHeat = heat
            var storageDaily = [Double](repeating: 0, count: systems.count)  // per day, kWh of electricity to charge
            var idleHoursToday = [[Int]](repeating: [], count: systems.count), needToday = 0.0
            for hour in 0..<hours {
                let needKWh = max(0, inputs.heatingW[hour]) / 1000
                var served = [Double](repeating: 0, count: systems.count)
                var remainder = 0.0
                for index in mains {
                    let wanted = needKWh * (share[index] ?? 0)
                    let given = min(wanted, plans[index].capacityKW)
                    served[index] = given
                    remainder += wanted - given
                }
                for index in backups where remainder > 1e-12 {
                    let given = min(remainder, plans[index].capacityKW - served[index])
                    served[index] += given
                    remainder -= given
                }
                if remainder > 1e-6 { unmetKWh += remainder; unmetHours += 1 }
                needToday += needKWh
                for index in systems.indices where plans[index].hasHourlyCOP && served[index] <= 0 { idleHoursToday[index].append(hour) }
                for index in systems.indices where served[index] > 0 {
                    let system = systems[index], plan = plans[index], type = system.type ?? .electricConvector
                    let energy = system.fuel ?? type.naturalFuel
                    heat[index] += served[index]
                    var bought: Double
                    if let overall = plan.overall {
                        bought = served[index] / overall
                    } else {
                        let atGenerator = served[index] / (plan.chain.distribution * plan.chain.emission * plan.chain.regulation)
                        generatorHeat[index] += atGenerator
                        if let efficiency = plan.hpEfficiency {
                            // Air-to-air: the indoor unit blows air near its design temperature
                            // at any load (the fan speed follows the load, not the coil
                            // temperature), so the sink stays at the design value. Water: the
                            // weather-compensated flow temperature of the emitters.
                            let sink = type == .heatPumpAirToAir
                                ? plan.flowDesignC
                                : CarnotHeatPump.flowTemperatureC(outdoorC: inputs.outdoorC[hour], designFlowC: plan.flowDesignC, designOutdoorC: inputs.designOutdoorC, exponent: plan.exponent)
                            let steady = CarnotHeatPump.cop(outdoorC: inputs.outdoorC[hour], sinkC: sink, efficiency: efficiency)
                            let cycling = CarnotHeatPump.cyclingFactor(loadKW: atGenerator, minimumKW: CarnotHeatPump.minimumModulation * plan.designKW,
                                                                       airToAir: type == .heatPumpAirToAir)
                            bought = atGenerator / (steady * cycling)
                        } else {
                            bought = atGenerator / plan.chain.generation
                        }
                    }
                    energyKWh[index] += bought
                    if type == .electricStorageHeater {
                        storageDaily[index] += bought
                    } else {
                        add(energy, .heating, .main, hour: hour, kWh: bought)
                    }
                }
                if hour % 24 == 23 {
                    let day = hour / 24
                    // Heat pumps idle on a day with heat need (the heating season) draw their
                    // crankcase heater and off-mode power (EN 14825 P_CK, P_OFF).
                    for index in systems.indices where needToday > 0 {
                        for idleHour in idleHoursToday[index] {
                            energyKWh[index] += CarnotHeatPump.idleAuxiliaryW / 1000
                            add(.electricity, .heating, .main, hour: idleHour, kWh: CarnotHeatPump.idleAuxiliaryW / 1000)
                        }
                    }
                    idleHoursToday = idleHoursToday.map { _ in [] }
                    needToday = 0
                    // Storage heaters: each day's electricity is drawn in that day's off-peak hours.
                    let charging = chargingHours(day: day, offPeak: inputs.offPeak)
                    for index in systems.indices where storageDaily[index] > 0 {
                        for chargeHour in charging {
                            add(.electricity, .heating, offPeakCircuit, hour: chargeHour, kWh: storageDaily[index] / Double(charging.count))
                        }
                        storageDaily[index] = 0
                    }
                }
            }
            for (index, system) in systems.enumerated() {
                let type = system.type ?? .electricConvector
                let cop = type.isHeatPump && energyKWh[index] > 0 && plans[index].overall == nil ? generatorHeat[index] / energyKWh[index] : nil
                results.append(HeatingSystemResult(
                    id: system.id ?? "heating-\(index + 1)", type: type.rawValue, energy: system.fuel ?? type.naturalFuel,
                    heatDeliveredKWh: heat[index], deliveredEnergyKWh: energyKWh[index],
                    seasonalEfficiency: energyKWh[index] > 0 ? heat[index] / energyKWh[index] : 0, generatorSeasonalCOP: cop))
            }
        }

        // MARK: Hot water
        var hotWaterResult: HotWaterResult?
        let occupants = Double(dwelling.occupancy.occupants)
        if let system = dwelling.hotWater.systems?.first, occupants > 0 {
            let hotWater = dwelling.hotWater
            let litresPerPerson = hotWater.litresPerPersonPerDay ?? 56
            let delivery = hotWater.deliveryTemperatureC ?? 40
            if hotWater.litresPerPersonPerDay == nil {
                defaults.append(DefaultedValue(path: "hot_water.litres_per_person_per_day", value: "56 L at 40 °C",
                                               reason: "3CL-DPE 2021 conventional need per adult equivalent"))
            }
            let litres = litresPerPerson * occupants
            let type = system.type ?? .electricStorage
            let annualNeedKWh = (0..<365).reduce(0.0) { total, day in
                let cold = inputs.coldWaterC.isEmpty ? 12 : inputs.coldWaterC[monthOfHour(day * 24) - 1]
                return total + litres * waterWhPerLitreK * max(0, delivery - cold) / 1000
            }
            let water = HotWaterSystem.resolve(system, type: type, dwelling: dwelling, annualNeedKWh: annualNeedKWh, occupants: occupants, defaults: &defaults)
            let profileTotal = tappingProfileMKWh.reduce(0, +)
            var needTotal = 0.0, lossTotal = 0.0, boughtTotal = 0.0, coldSum = 0.0
            var dayBought = 0.0
            let offPeakCharging = (system.offPeakCharging ?? false) && water.energy == .electricity && water.hasStore
            let circuit: Circuit = offPeakCharging ? offPeakCircuit : .main
            for hour in 0..<hours {
                let month = monthOfHour(hour)
                let cold = inputs.coldWaterC.isEmpty ? 12 : inputs.coldWaterC[month - 1]
                if hour % 24 == 0 { coldSum += cold }
                let dailyNeed = litres * waterWhPerLitreK * max(0, delivery - cold) / 1000
                let need = dailyNeed * tappingProfileMKWh[inputs.clockHour[hour]] / profileTotal
                let loss = water.storageLossKWhPerYear / Double(hours)
                needTotal += need
                lossTotal += loss
                // Heat the generator must give: the need less the solar share, through the pipes,
                // plus the store's standing loss.
                let heatOut = need * (1 - water.solarFraction) / water.distributionEfficiency + loss
                let bought = heatOut / water.generationEfficiency
                boughtTotal += bought
                if offPeakCharging {
                    dayBought += bought
                    if hour % 24 == 23 {
                        let day = hour / 24
                        let charging = chargingHours(day: day, offPeak: inputs.offPeak)
                        for chargeHour in charging { add(.electricity, .hotWater, circuit, hour: chargeHour, kWh: dayBought / Double(charging.count)) }
                        dayBought = 0
                    }
                } else {
                    add(water.energy, .hotWater, .main, hour: hour, kWh: bought)
                }
            }
            let energy = water.energy
            hotWaterResult = HotWaterResult(litresPerDay: litres, deliveryTemperatureC: delivery, meanColdWaterC: coldSum / Double(max(1, hours / 24)),
                                            needKWh: needTotal, storageLossKWh: lossTotal, deliveredEnergyKWh: boughtTotal, energy: energy)
        }

        // MARK: Other uses
        let uses = OtherUses.resolve(dwelling, defaults: &defaults)
        let lightingProfiles = (1...12).map(OtherUses.lightingProfile(month:))
        for hour in 0..<hours {
            let h = inputs.clockHour[hour]
            add(.electricity, .lighting, .main, hour: hour, kWh: uses.lightingKWh * lightingProfiles[monthOfHour(hour) - 1][h] / 365)
            add(.electricity, .appliances, .main, hour: hour, kWh: uses.appliancesKWh * OtherUses.applianceProfile[h] / 365)
            add(.electricity, .standby, .main, hour: hour, kWh: uses.standbyKWh / Double(hours))
            add(uses.cookingEnergy, .cooking, .main, hour: hour, kWh: uses.cookingKWh * OtherUses.cookingProfile[h] / 365)
        }

        return SystemsResult(streams: streams, heating: results, unmetHeatKWh: unmetKWh, unmetHeatHours: unmetHours,
                             hotWater: hotWaterResult, otherUses: uses, defaults: defaults)
    }

    /// The hours of `day` in which an off-peak store (storage heater, water heater) charges:
    /// that day's off-peak hours, or 22:00–06:00 when the day has none.
    static func chargingHours(day: Int, offPeak: [Bool]) -> [Int] {
        let window = (day * 24..<(day * 24 + 24)).filter { offPeak[$0] }
        return window.isEmpty ? Array((day * 24)..<(day * 24 + 6)) + [day * 24 + 22, day * 24 + 23] : window
    }

    /// Month (1–12) of an hour of a common year.
    public static func monthOfHour(_ hour: Int) -> Int {
        let day = (hour / 24) % 365
        var cumulative = 0
        for (index, days) in [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].enumerated() {
            cumulative += days
            if day < cumulative { return index + 1 }
        }
        return 12
    }
}
