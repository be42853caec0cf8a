import Foundation
import FoyerCore
import FoyerModel
import FoyerSystems

/// A measure applied to one dwelling: the changed dwelling and how much of it was changed (for
/// the cost), or why the measure does not apply.
public struct AppliedMeasure: Sendable {
    public var measure: Measure
    public var dwelling: ResolvedDwelling
    /// What changed, in words ("3 elements, 80.0 m², U 1.50 → 0.13 W/(m²·K)").
    public var summary: String
    /// The same in French, for the household's report.
    public var summaryFr: String
    /// Area of the elements (or windows) changed, m²; 0 for a change of use or control.
    public var areaM2: Double
    /// Elements (windows, emitters) changed; 1 for a change of use or control.
    public var count: Int
    /// Length of pipe changed, m; 0 otherwise.
    public var lengthM: Double = 0

    /// The quantity a cost or an aid counted in `unit` is multiplied by.
    public func quantity(in unit: CostUnit) -> Double {
        switch unit {
        case .m2: areaM2
        case .window, .emitter: Double(count)
        case .metre: lengthM
        case .dwelling: 1
        }
    }
}

public enum MeasureApplication {
    /// The store temperature of 3CL's standing-loss convention (45 K over a 20 °C room), the
    /// default of `hot_water.systems[].setpoint_c`.
    static let defaultStoreSetpointC = 65.0
    /// The 3CL-DPE 2021 conventional hot water per adult equivalent, L/day at 40 °C, the default of
    /// `hot_water.litres_per_person_per_day`.
    static let defaultLitresPerPersonPerDay = 56.0

    /// Whether `measure` fits `dwelling`; the reason when it does not.
    public static func applicability(_ measure: Measure, to dwelling: ResolvedDwelling) -> String? {
        let applies = measure.appliesTo
        if let countries = applies.countries, !countries.isEmpty {
            let country = (dwelling.location.country ?? "FR").uppercased()
            if !countries.map({ $0.uppercased() }).contains(country) { return "for dwellings in \(countries.joined(separator: ", ")) only" }
        }
        if let types = applies.dwellingTypes, !types.isEmpty, !types.contains(dwelling.dwellingType) {
            return "for \(types.map(\.rawValue).joined(separator: ", ")) only"
        }
        if let types = applies.heatingTypes, !types.isEmpty, !dwelling.heatingSystems.contains(where: { $0.type.map(types.contains) ?? false }) {
            return "needs a heating system of type \(types.map(\.rawValue).joined(separator: ", "))"
        }
        return nil
    }

    /// Applies `measure` to `dwelling`; throws ``NotApplicable`` with the reason when it does not fit.
    public static func apply(_ measure: Measure, to dwelling: ResolvedDwelling) -> Result<AppliedMeasure, NotApplicable> {
        if let reason = applicability(measure, to: dwelling) { return .failure(NotApplicable(reason: reason)) }
        var changed = dwelling
        let change = measure.change
        func done(area: Double = 0, count: Int = 1, length: Double = 0, _ summary: String, fr: String) -> Result<AppliedMeasure, NotApplicable> {
            .success(AppliedMeasure(measure: measure, dwelling: changed, summary: summary, summaryFr: fr, areaM2: area, count: count, lengthM: length))
        }
        if let advice = change.advice {
            return .failure(NotApplicable(reason: "advice, not quantified: \(advice.whyNotQuantified ?? "")", reasonFr: advice.whyNotQuantifiedFr, isAdvice: true))
        }
        func frNumber(_ value: Double, _ decimals: Int) -> String { NumberText.fixed(value, decimals).replacingOccurrences(of: ".", with: ",") }
        if let thermostat = change.thermostat {
            guard dwelling.thermostat.mode == .heating || dwelling.thermostat.mode == .heatingAndCooling else {
                return .failure(NotApplicable(reason: "the dwelling is not heated (thermostat mode \(dwelling.thermostat.mode.rawValue))"))
            }
            let setpoint = dwelling.thermostat.heatingSetpointC, setback = dwelling.thermostat.heatingSetbackC
            if let maximum = thermostat.setpointMaxC {
                guard setpoint > maximum + 1e-9 else {
                    return .failure(NotApplicable(reason: "the heating is already set at \(NumberText.short(setpoint)) °C, not above \(NumberText.short(maximum)) °C"))
                }
                changed.thermostat.heatingSetpointC = maximum
                changed.thermostat.heatingSetbackC = min(setback, maximum)
                return done("heating set-point \(NumberText.short(setpoint)) → \(NumberText.short(maximum)) °C",
                            fr: "chauffage réglé à \(frNumber(maximum, 0)) °C au lieu de \(frNumber(setpoint, 0)) °C")
            }
            if let delta = thermostat.setpointDeltaC {
                changed.thermostat.heatingSetpointC = setpoint + delta
                changed.thermostat.heatingSetbackC = setback >= setpoint - 1e-9 ? setpoint + delta : min(setback, setpoint + delta)
                return done("heating set-point \(NumberText.short(setpoint)) → \(NumberText.short(setpoint + delta)) °C",
                            fr: "chauffage réglé à \(frNumber(setpoint + delta, 0)) °C au lieu de \(frNumber(setpoint, 0)) °C")
            }
            if let newSetback = thermostat.setbackC {
                guard setback >= setpoint - 1e-9 else {
                    return .failure(NotApplicable(reason: "the heating already has a set-back (\(NumberText.short(setback)) °C)"))
                }
                guard newSetback < setpoint else {
                    return .failure(NotApplicable(reason: "the set-point (\(NumberText.short(setpoint)) °C) is already at or below \(NumberText.short(newSetback)) °C"))
                }
                let presence = dwelling.occupancy.presence
                guard presence != .always else { return .failure(NotApplicable(reason: "someone is at home every hour (occupancy.presence)")) }
                changed.thermostat.comfortPeriods = preheated(presence, hours: thermostat.preheatHours ?? 0)
                changed.thermostat.heatingSetbackC = newSetback
                let absent = presence.weekdays.filter { !$0 }.count * 5 + presence.weekends.filter { !$0 }.count * 2
                return done("\(NumberText.short(newSetback)) °C in the \(absent) hours a week nobody is at home, \(NumberText.short(setpoint)) °C otherwise",
                            fr: "\(frNumber(newSetback, 0)) °C pendant les \(absent) heures par semaine où personne n'est là, \(frNumber(setpoint, 0)) °C sinon")
            }
        }
        if let insulation = change.insulate, let family = insulation.family, let side = insulation.side, let added = insulation.addedRM2KPerW {
            let kind: OpaqueElementKind = family == .walls ? .wall : family == .roofs ? .roof : .floor
            let conductivity = insulation.conductivityWPerMK ?? 0.035, density = insulation.densityKgPerM3 ?? 30, heat = insulation.specificHeatJPerKgK ?? 1_030
            var area = 0.0, count = 0, uBefore = 0.0, uAfter = 0.0
            for index in changed.opaqueElements.indices {
                let element = changed.opaqueElements[index]
                guard element.kind == kind, matches(element.boundary, insulation.boundary), element.netAreaM2 > 0 else { continue }
                if let threshold = insulation.onlyIfUAboveWPerM2K, element.uValueWPerM2K <= threshold { continue }
                if let low = insulation.minTiltDeg, element.tiltDeg < low - 1e-9 { continue }
                if let high = insulation.maxTiltDeg, element.tiltDeg > high + 1e-9 { continue }
                let u = element.uValueWPerM2K
                guard u > 0 else { continue }
                let newU = 1 / (1 / u + added)
                changed.opaqueElements[index].uValueWPerM2K = newU
                if !element.layers.isEmpty {
                    let thickness = added * conductivity
                    let layer = ResolvedLayer(material: "insulation (\(measure.id))", thicknessM: thickness, thermalResistanceM2KPerW: added,
                                              arealHeatCapacityJPerM2K: density * heat * thickness)
                    if side == .outside { changed.opaqueElements[index].layers.insert(layer, at: 0) } else { changed.opaqueElements[index].layers.append(layer) }
                }
                area += element.netAreaM2
                uBefore += u * element.netAreaM2
                uAfter += newU * element.netAreaM2
                count += 1
            }
            guard count > 0 else {
                let tilt = insulation.minTiltDeg.map { " tilted \(NumberText.short($0))°" + (insulation.maxTiltDeg.map { "–\(NumberText.short($0))°" } ?? " or more") }
                    ?? insulation.maxTiltDeg.map { " tilted \(NumberText.short($0))° or less" } ?? ""
                return .failure(NotApplicable(reason: "no \(family.rawValue)\(tilt)\(insulation.boundary.map { " against \($0)" } ?? "")\(insulation.onlyIfUAboveWPerM2K.map { " with U above \(NumberText.short($0)) W/(m²·K)" } ?? "")"))
            }
            return done(area: area, count: count, "\(count) element\(count > 1 ? "s" : ""), \(NumberText.fixed(area, 1)) m², mean U \(NumberText.fixed(uBefore / area, 2)) → \(NumberText.fixed(uAfter / area, 2)) W/(m²·K)",
                        fr: "\(count) paroi\(count > 1 ? "s" : ""), \(frNumber(area, 1)) m², U moyen \(frNumber(uBefore / area, 2)) → \(frNumber(uAfter / area, 2)) W/(m²·K)")
        }
        if let windows = change.windows, let u = windows.uValueWPerM2K {
            var area = 0.0, count = 0
            for index in changed.windows.indices {
                let window = changed.windows[index]
                if let threshold = windows.onlyIfUAboveWPerM2K, window.uValueWPerM2K <= threshold { continue }
                guard window.uValueWPerM2K > u else { continue }
                changed.windows[index].uValueWPerM2K = u
                if let g = windows.gValue { changed.windows[index].gValue = g }
                changed.windows[index].glazingLayers = nil
                changed.windows[index].panes = nil
                changed.windows[index].glassToGlassResistanceM2KPerW = nil
                area += window.areaM2
                count += 1
            }
            guard count > 0 else { return .failure(NotApplicable(reason: "no window with U above \(NumberText.short(windows.onlyIfUAboveWPerM2K ?? u)) W/(m²·K)")) }
            return done(area: area, count: count, "\(count) window element\(count > 1 ? "s" : "") (\(NumberText.fixed(area, 1)) m²) → U \(NumberText.short(u)) W/(m²·K)",
                        fr: "\(count) fenêtre\(count > 1 ? "s" : "") (\(frNumber(area, 1)) m²) → U \(frNumber(u, 1)) W/(m²·K)")
        }
        if let water = change.hotWater, let share = water.showerShare, let before = water.showerFlowBeforeLPerMin, let after = water.showerFlowAfterLPerMin {
            guard dwelling.hotWater.systems?.isEmpty == false else { return .failure(NotApplicable(reason: "no hot-water system")) }
            let current = dwelling.hotWater.litresPerPersonPerDay ?? defaultLitresPerPersonPerDay
            let factor = 1 - share * (1 - after / before)
            changed.hotWater.litresPerPersonPerDay = current * factor
            return done("hot water \(NumberText.fixed(current, 1)) → \(NumberText.fixed(current * factor, 1)) L per person a day (showers \(NumberText.short(before)) → \(NumberText.short(after)) L/min)",
                        fr: "eau chaude \(frNumber(current * factor, 1)) L par personne et par jour au lieu de \(frNumber(current, 1)) (douche \(frNumber(after, 0)) L/min au lieu de \(frNumber(before, 0)))")
        }
        if let water = change.hotWater, water.offPeakCharging == true {
            guard let system = dwelling.hotWater.systems?.first, let type = system.type, [.electricStorage, .heatPumpWaterHeater].contains(type) else {
                return .failure(NotApplicable(reason: "needs an electric or heat-pump hot-water store"))
            }
            guard system.offPeakCharging != true else { return .failure(NotApplicable(reason: "the store already heats in the off-peak hours")) }
            let supply = dwelling.energySupply
            guard supply.electricityMeter == .peakOffPeak || supply.exclusiveNightCircuit == true else {
                return .failure(NotApplicable(reason: "the meter has no off-peak hours (energy_supply.electricity_meter is not peak_off_peak): ask the supplier for an off-peak option first"))
            }
            changed.hotWater.systems?[0].offPeakCharging = true
            return done("hot-water store heated in the off-peak hours", fr: "ballon d'eau chaude chauffé en heures creuses")
        }
        if let water = change.hotWater, let setpoint = water.storeSetpointC {
            guard let system = dwelling.hotWater.systems?.first, let type = system.type,
                  [.electricStorage, .heatPumpWaterHeater].contains(type) else {
                return .failure(NotApplicable(reason: "needs an electric or heat-pump hot-water store"))
            }
            guard system.efficiency == nil else {
                return .failure(NotApplicable(reason: "the file gives the water heater's whole-chain efficiency (its store's loss inside it): give storage_volume_l and no efficiency to model the store"))
            }
            let current = system.setpointC ?? defaultStoreSetpointC
            guard current > setpoint + 1e-9 else { return .failure(NotApplicable(reason: "the store is already at \(NumberText.short(current)) °C")) }
            changed.hotWater.systems?[0].setpointC = setpoint
            return done("hot-water store \(NumberText.short(current)) → \(NumberText.short(setpoint)) °C",
                        fr: "ballon d'eau chaude à \(frNumber(setpoint, 0)) °C au lieu de \(frNumber(current, 0)) °C")
        }
        if let lighting = change.lighting, let lamps = lighting.lamps, let before = lighting.lampWBefore, let after = lighting.lampWAfter, let hours = lighting.hoursPerYear {
            let current = dwelling.otherUses.lightingKWhPerYear ?? OtherUses.defaultLightingKWhPerYear
            let saved = Double(lamps) * (before - after) * hours / 1000
            // The lamps replaced cannot have used more than the whole lighting.
            guard saved <= current * (1 - after / before) + 1e-9 else {
                return .failure(NotApplicable(reason: "the dwelling's lighting (\(NumberText.fixed(current, 0)) kWh/yr) is less than \(lamps) lamps of \(NumberText.short(before)) W lit \(NumberText.short(hours)) h a year would use"))
            }
            changed.otherUses.lightingKWhPerYear = current - saved
            lessIndoorElectricity(&changed, kWhPerYear: saved)
            return done(count: lamps, "\(lamps) lamps \(NumberText.short(before)) → \(NumberText.short(after)) W: lighting \(NumberText.fixed(current, 0)) → \(NumberText.fixed(current - saved, 0)) kWh/yr",
                        fr: "\(lamps) ampoules de \(frNumber(before, 0)) W remplacées par des LED de \(frNumber(after, 0)) W : éclairage \(frNumber(current - saved, 0)) kWh/an au lieu de \(frNumber(current, 0))")
        }
        if let lighting = change.lighting, let ratio = lighting.powerRatio {
            let current = dwelling.otherUses.lightingKWhPerYear ?? OtherUses.defaultLightingKWhPerYear
            guard current > 0 else { return .failure(NotApplicable(reason: "no lighting")) }
            changed.otherUses.lightingKWhPerYear = current * ratio
            lessIndoorElectricity(&changed, kWhPerYear: current - current * ratio)
            return done("lighting \(NumberText.fixed(current, 0)) → \(NumberText.fixed(current * ratio, 0)) kWh/yr",
                        fr: "éclairage \(frNumber(current * ratio, 0)) kWh/an au lieu de \(frNumber(current, 0))")
        }
        if let uses = change.otherUses, let share = uses.indoorHeatShare {
            if let device = uses.standbyW, let hours = uses.hoursOffPerDay {
                let current = dwelling.otherUses.standbyW ?? OtherUses.defaultStandbyW
                let saved = device * hours / 24
                guard current >= saved else {
                    return .failure(NotApplicable(reason: "the dwelling's standby (\(NumberText.short(current)) W) is below what the gesture saves (\(NumberText.fixed(saved, 1)) W on average)"))
                }
                changed.otherUses.standbyW = current - saved
                lessIndoorElectricity(&changed, kWhPerYear: saved * 8.76 * share)
                return done("standby \(NumberText.fixed(current, 1)) → \(NumberText.fixed(current - saved, 1)) W on average (\(NumberText.short(device)) W off \(NumberText.short(hours)) h a day)",
                            fr: "veille moyenne \(frNumber(current - saved, 1)) W au lieu de \(frNumber(current, 1)) W (\(frNumber(device, 1)) W éteints \(frNumber(hours, 0)) h par jour)")
            }
            if let share = uses.cookingShareSaved {
                let current = dwelling.otherUses.cookingKWhPerYear ?? OtherUses.defaultCookingKWhPerYear(occupants: dwelling.occupancy.occupants)
                guard current > 0 else { return .failure(NotApplicable(reason: "no cooking energy")) }
                changed.otherUses.cookingKWhPerYear = current * (1 - share)
                lessIndoorElectricity(&changed, kWhPerYear: current * share * (uses.indoorHeatShare ?? 1))
                return done("cooking \(NumberText.fixed(current, 0)) → \(NumberText.fixed(current * (1 - share), 0)) kWh/yr",
                            fr: "cuisson \(frNumber(current * (1 - share), 0)) kWh/an au lieu de \(frNumber(current, 0))")
            }
            if let saved = uses.appliancesKWhSavedPerYear {
                let current = dwelling.otherUses.appliancesKWhPerYear ?? OtherUses.defaultAppliancesKWhPerYear(occupants: dwelling.occupancy.occupants)
                guard current >= saved else { return .failure(NotApplicable(reason: "the appliances use less than the gesture saves")) }
                changed.otherUses.appliancesKWhPerYear = current - saved
                lessIndoorElectricity(&changed, kWhPerYear: saved * share)
                return done("appliances \(NumberText.fixed(current, 0)) → \(NumberText.fixed(current - saved, 0)) kWh/yr",
                            fr: "électroménager \(frNumber(current - saved, 0)) kWh/an au lieu de \(frNumber(current, 0))")
            }
        }
        if let regulation = change.regulation, let target = regulation.regulationEfficiency {
            var emitters = 0, changedSystems = 0
            var reasons: [String] = []
            for index in (changed.heatingSystems).indices {
                let system = changed.heatingSystems[index]
                guard let type = system.type, !type.isHeatPump || type == .heatPumpAirToWater else { continue }
                let emitter = system.emitter ?? EmitterType.usual(for: type)
                guard emitter == .radiatorsHighTemperature || emitter == .radiatorsLowTemperature else { continue }
                guard system.efficiency == nil else { reasons.append("the file gives its whole-chain efficiency"); continue }
                let current = system.regulationEfficiency ?? SystemDefaults.chain(type).regulation
                guard current < target - 1e-9 else {
                    reasons.append("its regulation efficiency is already \(NumberText.short(current)) (3CL: radiators with thermostatic valves 0.95; without, give regulation_efficiency 0.90)")
                    continue
                }
                guard let count = system.emitterCount else { reasons.append("give heating.systems[\(system.id ?? String(index))].emitter_count, the number of radiators"); continue }
                changed.heatingSystems[index].regulationEfficiency = target
                emitters += count
                changedSystems += 1
            }
            guard changedSystems > 0 else {
                return .failure(NotApplicable(reason: reasons.isEmpty ? "no radiator heating" : reasons.joined(separator: "; ")))
            }
            return done(count: emitters, "\(emitters) radiators, regulation efficiency → \(NumberText.short(target))",
                        fr: "\(emitters) radiateurs équipés, rendement de régulation porté à \(frNumber(target, 2))")
        }
        if let replace = change.replaceHeating, let type = replace.type {
            let replaced = Set(replace.replaces ?? [])
            var names: [String] = []
            var emitters = 0, uncounted = false
            for index in changed.heatingSystems.indices {
                let old = changed.heatingSystems[index]
                guard let oldType = old.type, replaced.contains(oldType) else { continue }
                if let count = old.emitterCount { emitters += count } else { uncounted = true }
                var new = HeatingSystemSpec()
                new.id = old.id
                new.description = "\(type.rawValue) in place of the \(oldType.rawValue) (\(measure.id))"
                new.type = type
                new.copNominal = replace.copNominal
                // The network stays: the old distribution, emission and regulation parts are kept
                // unless the measure sets them. A whole-chain efficiency given for the old
                // generator is scaled by the ratio of the generators' 3CL efficiencies (the rest
                // of the chain is the same network), between combustion generators.
                new.generationEfficiency = replace.generationEfficiency
                new.distributionEfficiency = old.distributionEfficiency
                new.emissionEfficiency = replace.emissionEfficiency ?? old.emissionEfficiency
                new.regulationEfficiency = replace.regulationEfficiency ?? old.regulationEfficiency
                if let overall = old.efficiency, !type.isHeatPump, !oldType.isHeatPump, replace.emissionEfficiency == nil, replace.regulationEfficiency == nil {
                    let ratio = (replace.generationEfficiency ?? SystemDefaults.chain(type).generation) / (old.generationEfficiency ?? SystemDefaults.chain(oldType).generation)
                    new.efficiency = min(1.1, overall * ratio)
                    new.generationEfficiency = nil
                }
                new.share = old.share
                new.role = old.role
                new.emitter = old.emitter ?? EmitterType.usual(for: oldType)
                new.emitterCount = old.emitterCount
                changed.heatingSystems[index] = new
                names.append(oldType.rawValue)
            }
            guard !names.isEmpty else {
                return .failure(NotApplicable(reason: "no heating system of type \((replace.replaces ?? []).map(\.rawValue).joined(separator: ", "))"))
            }
            if measure.cost.unit == .emitter, uncounted {
                return .failure(NotApplicable(reason: "priced per emitter: give heating.systems[].emitter_count for the \(names.joined(separator: ", "))"))
            }
            return done(count: max(1, emitters), "\(type.rawValue) in place of \(names.joined(separator: ", ")) (emitters kept)",
                        fr: "\(frenchName(type)) à la place de : \(names.compactMap { HeatingSystemType(rawValue: $0).map(frenchName) }.joined(separator: ", ")) (émetteurs conservés)")
        }
        if let replace = change.replaceHotWater, let type = replace.type {
            guard let old = dwelling.hotWater.systems?.first, let oldType = old.type, (replace.replaces ?? []).contains(oldType) else {
                return .failure(NotApplicable(reason: "no water heater of type \((replace.replaces ?? []).map(\.rawValue).joined(separator: ", "))"))
            }
            var new = HotWaterSystemSpec()
            new.id = old.id
            new.description = "\(type.rawValue) in place of the \(oldType.rawValue) (\(measure.id))"
            new.type = type
            new.copNominal = replace.copNominal
            new.storageVolumeL = old.storageVolumeL
            new.offPeakCharging = old.offPeakCharging
            new.setpointC = old.setpointC
            if let fractions = replace.solarFractionByZone {
                guard let fraction = SavingsEngine.zoneAmount(fractions, SavingsEngine.cumacZone(dwelling)) else {
                    return .failure(NotApplicable(reason: "the solar share is known by French climate zone (H1, H2, H3): the dwelling's weather is not one"))
                }
                new.solarFraction = fraction
                new.fuel = old.fuel ?? .electricity
            }
            changed.hotWater.systems?[0] = new
            return done("\(type.rawValue) in place of the \(oldType.rawValue)", fr: "\(frenchName(type)) à la place de : \(frenchName(oldType))")
        }
        if let distribution = change.distribution, let thickness = distribution.pipeInsulationThicknessMm {
            var length = 0.0, systems = 0
            for index in changed.heatingSystems.indices {
                guard let pipes = changed.heatingSystems[index].pipesOutsideHeatedVolume, let run = pipes.lengthM,
                      (pipes.insulationThicknessMm ?? 0) < thickness - 1e-9 else { continue }
                changed.heatingSystems[index].pipesOutsideHeatedVolume?.insulationThicknessMm = thickness
                changed.heatingSystems[index].pipesOutsideHeatedVolume?.insulationConductivityWPerMK = distribution.insulationConductivityWPerMK ?? 0.040
                length += run
                systems += 1
            }
            guard systems > 0 else {
                return .failure(NotApplicable(reason: "no heating pipes described in unheated spaces without lagging (give heating.systems[].pipes_outside_heated_volume)"))
            }
            return done(length: length, "\(NumberText.fixed(length, 1)) m of pipe in unheated spaces lagged with \(NumberText.short(thickness)) mm",
                        fr: "\(frNumber(length, 1)) m de tuyaux hors volume chauffé calorifugés (\(frNumber(thickness, 0)) mm)")
        }
        if let emitters = change.emitters, emitters.radiatorReflectors == true {
            var radiators = 0
            var reasons: [String] = []
            let wallU = SystemsModel.externalWallU(dwelling)
            if let threshold = emitters.onlyIfWallUAboveWPerM2K, wallU <= threshold {
                return .failure(NotApplicable(reason: "the external walls are insulated (mean U \(NumberText.fixed(wallU, 2)) ≤ \(NumberText.short(threshold)) W/(m²·K)): a reflector keeps little"))
            }
            for index in changed.heatingSystems.indices {
                let system = changed.heatingSystems[index]
                guard let type = system.type else { continue }
                let emitter = system.emitter ?? EmitterType.usual(for: type)
                guard emitter == .radiatorsHighTemperature || emitter == .radiatorsLowTemperature, system.radiatorReflectors != true else { continue }
                guard let count = system.emitterCount else { reasons.append("give heating.systems[\(system.id ?? String(index))].emitter_count, the number of radiators"); continue }
                changed.heatingSystems[index].radiatorReflectors = true
                radiators += count
            }
            guard radiators > 0 else { return .failure(NotApplicable(reason: reasons.isEmpty ? "no water radiators without reflectors" : reasons.joined(separator: "; "))) }
            return done(count: radiators, "reflectors behind \(radiators) radiators (external walls' mean U \(NumberText.fixed(wallU, 2)) W/(m²·K))",
                        fr: "réflecteurs derrière \(radiators) radiateurs (murs extérieurs, U moyen \(frNumber(wallU, 2)) W/(m²·K))")
        }
        if let ventilation = change.ventilation {
            if let year = ventilation.builtBefore {
                guard let built = dwelling.yearBuilt, built < year else {
                    return .failure(NotApplicable(reason: "for dwellings built before \(year) (the source's rule)\(dwelling.yearBuilt == nil ? "; the file gives no year_built" : "")"))
                }
            }
            if let factor = ventilation.infiltrationFactor {
                let current = dwelling.ventilation.infiltrationPerH
                guard current > 0 else { return .failure(NotApplicable(reason: "no infiltration to cut")) }
                changed.ventilation.infiltrationPerH = current * factor
                return done("infiltration \(NumberText.fixed(current, 2)) → \(NumberText.fixed(current * factor, 2)) 1/h",
                            fr: "infiltrations d'air \(frNumber(current * factor, 2)) vol/h au lieu de \(frNumber(current, 2))")
            }
            if let type = ventilation.type {
                let old = dwelling.ventilation
                guard let flow = ventilation.mechanicalAirChangePerH ?? ventilation.airflowRatio.map({ $0 * old.ventilationPerH }) else {
                    return .failure(NotApplicable(reason: "no air change given"))
                }
                if let replaces = ventilation.replaces, !replaces.isEmpty, !replaces.contains(old.type) {
                    return .failure(NotApplicable(reason: "replaces \(replaces.map(\.rawValue).joined(separator: ", ")) ventilation; this dwelling has \(old.type.rawValue)"))
                }
                guard old.type != type else { return .failure(NotApplicable(reason: "the dwelling already has \(type.rawValue) ventilation")) }
                changed.ventilation.type = type
                changed.ventilation.ventilationPerH = flow
                changed.ventilation.heatRecoveryEfficiency = ventilation.heatRecoveryEfficiency ?? 0
                changed.ventilation.fanPowerW = ventilation.fanPowerW ?? 0
                return done("ventilation \(old.type.rawValue) \(NumberText.fixed(old.ventilationPerH, 2)) 1/h → \(type.rawValue) \(NumberText.fixed(flow, 2)) 1/h"
                            + (ventilation.heatRecoveryEfficiency.map { ", heat recovery \(Int(($0 * 100).rounded())) %" } ?? ""),
                            fr: "ventilation \(frenchName(type)) (\(frNumber(flow, 2)) vol/h au lieu de \(frNumber(old.ventilationPerH, 2)))")
            }
        }
        if let resistance = change.shutters?.addAdditionalResistanceM2KPerW {
            var count = 0, area = 0.0
            for index in changed.windows.indices where changed.windows[index].shutter == nil && changed.windows[index].tiltDeg > 45 {
                changed.windows[index].shutter = ResolvedShutter(type: .roller, additionalResistanceM2KPerW: resistance, closedAtNight: true)
                count += 1
                area += changed.windows[index].areaM2
            }
            guard count > 0 else { return .failure(NotApplicable(reason: "every window already has shutters")) }
            return done(area: area, count: count, "insulating shutters on \(count) window\(count > 1 ? "s" : "") (\(NumberText.fixed(area, 1)) m², ΔR \(NumberText.short(resistance)) m²·K/W), closed at night",
                        fr: "volets isolants sur \(count) fenêtre\(count > 1 ? "s" : "") (\(frNumber(area, 1)) m²), fermés la nuit")
        }
        if change.shutters?.closeAtNight == true {
            var count = 0, area = 0.0
            for index in changed.windows.indices where changed.windows[index].shutter.map({ !$0.closedAtNight }) ?? false {
                changed.windows[index].shutter?.closedAtNight = true
                count += 1
                area += changed.windows[index].areaM2
            }
            guard count > 0 else { return .failure(NotApplicable(reason: "no window has shutters left open at night")) }
            return done(area: area, count: count, "\(count) window\(count > 1 ? "s" : "") (\(NumberText.fixed(area, 1)) m²) with shutters closed at night",
                        fr: "volets fermés la nuit sur \(count) fenêtre\(count > 1 ? "s" : "") (\(frNumber(area, 1)) m²)")
        }
        return .failure(NotApplicable(reason: "nothing to change"))
    }

    /// The French name of a heating generator, for the household's report.
    static func frenchName(_ type: HeatingSystemType) -> String {
        switch type {
        case .electricConvector: "convecteurs électriques"
        case .electricRadiantPanel: "panneaux rayonnants électriques"
        case .electricStorageHeater: "radiateurs électriques à accumulation"
        case .heatPumpAirToWater: "pompe à chaleur air/eau"
        case .heatPumpAirToAir: "pompe à chaleur air/air"
        case .gasBoilerStandard: "chaudière gaz standard"
        case .gasBoilerLowTemperature: "chaudière gaz basse température"
        case .gasBoilerCondensing: "chaudière gaz à condensation"
        case .oilBoilerStandard: "chaudière fioul standard"
        case .oilBoilerCondensing: "chaudière fioul à condensation"
        case .woodLogStove: "poêle à bûches"
        case .woodLogBoiler: "chaudière à bûches"
        case .pelletStove: "poêle à granulés"
        case .pelletBoiler: "chaudière à granulés"
        case .coalStove: "poêle à charbon"
        case .keroseneHeater: "poêle à pétrole"
        case .lpgHeater: "chauffage d'appoint au gaz (butane)"
        case .districtHeating: "réseau de chaleur"
        }
    }

    /// The French name of a ventilation system, for the household's report.
    static func frenchName(_ type: VentilationType) -> String {
        switch type {
        case .natural: "naturelle"
        case .exhaust: "VMC simple flux"
        case .exhaustHumidityControlled: "VMC simple flux hygroréglable"
        case .balanced: "VMC double flux"
        }
    }

    /// The French name of a water heater, for the household's report.
    static func frenchName(_ type: HotWaterSystemType) -> String {
        switch type {
        case .electricStorage: "chauffe-eau électrique à accumulation"
        case .electricInstantaneous: "chauffe-eau électrique instantané"
        case .gasInstantaneous: "chauffe-eau gaz instantané"
        case .gasStorage: "chauffe-eau gaz à accumulation"
        case .heatPumpWaterHeater: "chauffe-eau thermodynamique"
        case .fromHeatingSystem: "production par la chaudière"
        case .solarWithBackup: "chauffe-eau solaire avec appoint"
        }
    }

    /// Electricity used indoors ends as heat in the dwelling (the internal gains of EN ISO
    /// 52016-1 6.5.11 count appliances and lighting): a use that falls by `kWhPerYear` lowers
    /// the mean internal gains by as much, spread over the year's 8 760 hours — so an appliance
    /// gesture costs a little heating, which the simulation then counts.
    static func lessIndoorElectricity(_ dwelling: inout ResolvedDwelling, kWhPerYear: Double) {
        guard kWhPerYear > 0 else { return }
        dwelling.occupancy.internalGainsW = max(0, dwelling.occupancy.internalGainsW - kWhPerYear * 1_000 / 8_760)
    }

    /// `presence` with each return brought forward by `hours` (the programme re-heats before the
    /// household comes back; the day wraps at midnight within weekdays and within weekends).
    static func preheated(_ presence: WeekSchedule, hours: Int) -> WeekSchedule {
        guard hours > 0 else { return presence }
        func extend(_ day: [Bool]) -> [Bool] {
            var result = day
            for hour in 0..<24 where day[hour] && !day[(hour + 23) % 24] {
                for back in 1...hours { result[(hour - back + 24) % 24] = true }
            }
            return result
        }
        return WeekSchedule(weekdays: extend(presence.weekdays), weekends: extend(presence.weekends))
    }

    static func matches(_ boundary: ResolvedBoundary, _ wanted: String?) -> Bool {
        guard let wanted else { return true }
        switch boundary {
        case .outdoor: return wanted == "outdoor"
        case .ground: return wanted == "ground"
        case .unheatedSpace: return wanted == "unheated_space"
        case .adiabatic: return false
        }
    }
}

/// Why a measure does not apply to a dwelling.
public struct NotApplicable: Error, Sendable, Equatable {
    public var reason: String
    /// The reason in French, when the measure says it (advice).
    public var reasonFr: String? = nil
    /// Advice whose saving is not quantified: it applies, but nothing is counted.
    public var isAdvice = false
}
