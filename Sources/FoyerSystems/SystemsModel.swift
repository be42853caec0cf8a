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
        struct StreamKey: Equatable { var energy: Energy; var use: EnergyUse; var circuit: Circuit }
        var streams: [EnergyStream] = []
        // A few streams, looked up every hour: a linear search of enum tags beats hashing the
        // cases' names (it was half of this function's time).
        var positions: [(key: StreamKey, position: Int)] = []
        let supply = dwelling.energySupply
        /// The position of a stream, created (empty) on first use.
        func stream(_ energy: Energy, _ use: EnergyUse, _ circuit: Circuit) -> Int {
            let key = StreamKey(energy: energy, use: use, circuit: circuit)
            if let known = positions.first(where: { $0.key == key }) { return known.position }
            positions.append((key, streams.count))
            streams.append(EnergyStream(energy: energy, use: use, circuit: circuit, hourlyKWh: [Double](repeating: 0, count: hours)))
            return streams.count - 1
        }
        func add(_ energy: Energy, _ use: EnergyUse, _ circuit: Circuit, hour: Int, kWh: Double) {
            streams[stream(energy, use, circuit)].hourlyKWh[hour] += kWh
        }
        /// Adds `kWh(hour)` to one stream for every hour of the year (the stream found once).
        func addEveryHour(_ energy: Energy, _ use: EnergyUse, _ circuit: Circuit, _ kWh: (Int) -> Double) {
            let position = stream(energy, use, circuit)
            streams[position].hourlyKWh.withUnsafeMutableBufferPointer { series in
                for hour in 0..<hours { series[hour] += kWh(hour) }
            }
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
            var plans: [HeatingPlan] = []
            for (index, system) in systems.enumerated() {
                let type = system.type ?? .electricConvector
                var chain = SystemDefaults.chain(type)
                let p = "heating.systems[\(system.id ?? String(index))]"
                if system.efficiency == nil {
                    chain.generation = system.generationEfficiency ?? chain.generation
                    chain.distribution = system.distributionEfficiency ?? (system.pipesOutsideHeatedVolume != nil ? 1 : chain.distribution)
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
                var plan = HeatingPlan(chain: chain, overall: system.efficiency, capacityKW: (system.maxPowerW ?? .infinity) / 1000,
                                flowDesignC: system.designFlowTemperatureC ?? flow.temperatureC, exponent: flow.exponent, hpEfficiency: hpEfficiency)
                if let pipes = system.pipesOutsideHeatedVolume, let length = pipes.lengthM {
                    let b: Double
                    if let given = pipes.spaceBFactor {
                        b = given
                    } else if let weighted = unheatedSpaceB(dwelling) {
                        b = weighted
                        defaults.append(DefaultedValue(path: p + ".pipes_outside_heated_volume.space_b_factor", value: String(format: "%.2f", b),
                                                       reason: "area-weighted b of the dwelling's elements against unheated spaces"))
                    } else {
                        b = 1
                        defaults.append(DefaultedValue(path: p + ".pipes_outside_heated_volume.space_b_factor", value: "1",
                                                       reason: "the file has no element against an unheated space: the pipes are taken at the outdoor temperature; give the space's b"))
                    }
                    plan.pipes = (lengthM: length, diameterM: (pipes.outerDiameterMm ?? 22) / 1000, insulationM: (pipes.insulationThicknessMm ?? 0) / 1000,
                                  conductivity: pipes.insulationConductivityWPerMK ?? 0.040, b: b)
                    if system.distributionEfficiency == nil {
                        defaults.append(DefaultedValue(path: p + ".distribution_efficiency", value: "1",
                                                       reason: "the pipes in unheated spaces are described: their loss is computed hour by hour instead of 3CL's Rd"))
                    }
                }
                if system.radiatorReflectors == true, let count = system.emitterCount {
                    plan.reflectors = (areaM2: Double(count) * EmitterLosses.radiatorBackAreaM2, wallU: externalWallU(dwelling))
                }
                plans.append(plan)
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
            let shareOf = systems.indices.map { share[$0] ?? 0 }
            var served = [Double](repeating: 0, count: systems.count)
            for hour in 0..<hours {
                let needKWh = max(0, inputs.heatingW[hour]) / 1000
                for index in served.indices { served[index] = 0 }
                var remainder = 0.0
                for index in mains {
                    let wanted = needKWh * shareOf[index]
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
                    let extra = circuitLossKWh(plan, served: served[index], outdoorC: inputs.outdoorC[hour], roomC: dwelling.thermostat.heatingSetpointC,
                                               designOutdoorC: inputs.designOutdoorC)
                    if let overall = plan.overall {
                        bought = (served[index] + extra) / overall
                    } else {
                        let atGenerator = served[index] / (plan.chain.distribution * plan.chain.emission * plan.chain.regulation) + extra
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
        // Use after use over the year (the streams first used in this order, as hour 0 of an
        // hour-by-hour loop would).
        let clockHour = inputs.clockHour
        addEveryHour(.electricity, .lighting, .main) { hour in uses.lightingKWh * lightingProfiles[monthOfHour(hour) - 1][clockHour[hour]] / 365 }
        addEveryHour(.electricity, .appliances, .main) { hour in uses.appliancesKWh * OtherUses.applianceProfile[clockHour[hour]] / 365 }
        addEveryHour(.electricity, .standby, .main) { _ in uses.standbyKWh / Double(hours) }
        addEveryHour(uses.cookingEnergy, .cooking, .main) { hour in uses.cookingKWh * OtherUses.cookingProfile[clockHour[hour]] / 365 }

        // MARK: Ventilation fans: their mean power every hour of the year (auxiliaries).
        let fanKWh = dwelling.ventilation.fanPowerW / 1000
        if fanKWh > 0 {
            addEveryHour(.electricity, .auxiliaries, .main) { _ in fanKWh }
        }

        return SystemsResult(streams: streams, heating: results, unmetHeatKWh: unmetKWh, unmetHeatHours: unmetHours,
                             hotWater: hotWaterResult, otherUses: uses, defaults: defaults)
    }

    /// The hour's heat lost by the pipes through unheated spaces, less what reflectors keep
    /// from the walls behind the radiators, kWh (``EmitterLosses``). The reflectors' part is
    /// bounded by the emission loss the 3CL efficiency Re already counts for the hour.
    static func circuitLossKWh(_ plan: HeatingPlan, served: Double, outdoorC: Double, roomC: Double, designOutdoorC: Double) -> Double {
        guard served > 0, plan.pipes != nil || plan.reflectors != nil else { return 0 }
        let water = EmitterLosses.meanWaterC(outdoorC: outdoorC, designFlowC: plan.flowDesignC, designOutdoorC: designOutdoorC, exponent: plan.exponent, roomC: roomC)
        var kWh = 0.0
        if let pipes = plan.pipes {
            let spaceC = roomC - pipes.b * (roomC - outdoorC)
            kWh += pipes.lengthM * EmitterLosses.pipeLossWPerM(waterC: water, airC: spaceC, outerDiameterM: pipes.diameterM, insulationThicknessM: pipes.insulationM,
                                                                conductivityWPerMK: pipes.conductivity, emissivity: EmitterLosses.pipeSurfaceEmissivity) / 1000
        }
        if let reflectors = plan.reflectors {
            let bare = EmitterLosses.radiatorBackExtraLossWPerM2(waterC: water, roomC: roomC, outdoorC: outdoorC, wallUWPerM2K: reflectors.wallU, wallEmissivity: EmitterLosses.wallEmissivity)
            let foil = EmitterLosses.radiatorBackExtraLossWPerM2(waterC: water, roomC: roomC, outdoorC: outdoorC, wallUWPerM2K: reflectors.wallU, wallEmissivity: EmitterLosses.reflectorFoilEmissivity)
            let kept = max(0, bare - foil) * reflectors.areaM2 / 1000
            kWh -= min(kept, served * (1 / plan.chain.emission - 1))
        }
        return kWh
    }

    /// Area-weighted b of the dwelling's elements against unheated spaces; nil when it has none.
    static func unheatedSpaceB(_ dwelling: ResolvedDwelling) -> Double? {
        var area = 0.0, weighted = 0.0
        for element in dwelling.opaqueElements {
            if case .unheatedSpace(let b) = element.boundary { area += element.netAreaM2; weighted += b * element.netAreaM2 }
        }
        return area > 0 ? weighted / area : nil
    }

    /// Area-weighted U of the dwelling's walls against the outdoor air, W/(m²·K) (0 when none).
    public static func externalWallU(_ dwelling: ResolvedDwelling) -> Double {
        var area = 0.0, weighted = 0.0
        for element in dwelling.opaqueElements where element.kind == .wall && element.boundary == .outdoor {
            area += element.netAreaM2
            weighted += element.uValueWPerM2K * element.netAreaM2
        }
        return area > 0 ? weighted / area : 0
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

/// How one heating system turns the heat the rooms need into energy bought.
struct HeatingPlan {
    var chain: SystemDefaults.Chain
    var overall: Double?
    var capacityKW: Double
    var flowDesignC: Double, exponent: Double, hpEfficiency: Double?
    var designKW = 0.0
    /// Pipes through unheated spaces (length, outer diameter, lagging, its conductivity, b).
    var pipes: (lengthM: Double, diameterM: Double, insulationM: Double, conductivity: Double, b: Double)?
    /// Reflectors behind the radiators: their total back area and the external walls' U.
    var reflectors: (areaM2: Double, wallU: Double)?
    /// A heat pump on the hourly COP model (not given a whole-chain efficiency).
    var hasHourlyCOP: Bool { hpEfficiency != nil && overall == nil }
}
