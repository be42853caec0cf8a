import Foundation
import FoyerCore
import FoyerModel

/// A checked measure of the catalogue: what it changes, what it costs, how long it lasts, the
/// aids that fund it and the published saving to compare with.
public struct Measure: Sendable, Equatable, Identifiable {
    public var id: String
    public var nameFr: String
    public var nameEn: String
    public var kind: MeasureKind
    public var descriptionFr: String?
    public var appliesTo: ApplicabilitySpec
    public var change: ChangeSpec
    public var cost: CostSpec
    /// Costs from a country's own published prices, used for dwellings in that country.
    public var costsByCountry: [CostSpec] = []
    public var lifetimeYears: Double
    public var lifetimeSource: String
    public var aids: [AidSpec]
    public var referenceSaving: ReferenceSavingSpec?
    public var notes: String?
    /// The file it was read from.
    public var file: String?

    /// The format id of a measure file.
    public static let format = "foyer-measure-1"

    /// Checks `spec`, every problem an issue naming `file` and the field path.
    public static func resolve(_ spec: MeasureSpec, file: String?) -> (Measure?, [InputIssue]) {
        var issues: [InputIssue] = []
        func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        func required<T>(_ value: T?, _ path: String, expected: String) -> T? {
            if value == nil { error(path, nil, "missing", expected: expected) }
            return value
        }
        func number(_ value: Double?, _ path: String, _ range: ClosedRange<Double>, unit: String, required isRequired: Bool = false) {
            guard let value else {
                if isRequired { error(path, nil, "missing", expected: "\(NumberText.short(range.lowerBound))…\(NumberText.short(range.upperBound)) \(unit)") }
                return
            }
            if !(value.isFinite && range.contains(value)) {
                error(path, NumberText.short(value, maxDecimals: 6), "out of range", expected: "\(NumberText.short(range.lowerBound))…\(NumberText.short(range.upperBound)) \(unit)")
            }
        }
        if let format = required(spec.format, "format", expected: "\"\(format)\""), format != Self.format {
            error("format", "\"\(format)\"", "unknown measure format", expected: "\"\(Self.format)\"")
        }
        let id = required(spec.id, "id", expected: "a measure id, lowercase letters, digits and hyphens")
        if let id, id.isEmpty || id.count > 60 || id.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "-") }) {
            error("id", "\"\(id.prefix(60))\"", "a measure id is lowercase letters, digits and hyphens (at most 60)", expected: "e.g. \"attic-insulation-r7\"")
        }
        let nameFr = required(spec.nameFr, "name_fr", expected: "the French name, as the household reads it")
        let nameEn = required(spec.nameEn, "name_en", expected: "the English name")
        let kind = required(spec.kind, "kind", expected: MeasureKind.allowedNames.joined(separator: ", "))

        // The change: exactly one kind.
        let change = required(spec.change, "change", expected: "one of \(ChangeSpec.names)")
        if let change {
            let given = change.given.count
            if given != 1 { error("change", "\(given) changes", "a measure makes one change", expected: "exactly one of \(ChangeSpec.names)") }
            if let o = change.otherUses {
                number(o.standbyW, "change.other_uses.standby_w", 0...2_000, unit: "W")
                number(o.hoursOffPerDay, "change.other_uses.hours_off_per_day", 0...24, unit: "h")
                number(o.appliancesKWhSavedPerYear, "change.other_uses.appliances_kwh_saved_per_year", 0...20_000, unit: "kWh/yr")
                number(o.indoorHeatShare, "change.other_uses.indoor_heat_share", 0...1, unit: "", required: true)
                _ = required(o.source, "change.other_uses.source", expected: "where the figures come from")
                if (o.standbyW == nil) != (o.hoursOffPerDay == nil) { error("change.other_uses", nil, "standby_w and hours_off_per_day go together", expected: "both, or neither") }
                number(o.cookingShareSaved, "change.other_uses.cooking_share_saved", 0...1, unit: "")
                if [o.standbyW != nil, o.appliancesKWhSavedPerYear != nil, o.cookingShareSaved != nil].filter({ $0 }).count != 1 {
                    error("change.other_uses", nil, "one thing saved", expected: "standby_w with hours_off_per_day, appliances_kwh_saved_per_year, or cooking_share_saved")
                }
            }
            if let replace = change.replaceHeating {
                _ = required(replace.type, "change.replace_heating.type", expected: HeatingSystemType.allowedNames.joined(separator: ", "))
                if (replace.replaces ?? []).isEmpty { error("change.replace_heating.replaces", nil, "missing", expected: "the generator types it replaces") }
                number(replace.copNominal, "change.replace_heating.cop_nominal", 1...8, unit: "")
                number(replace.generationEfficiency, "change.replace_heating.generation_efficiency", 0.3...1.1, unit: "")
                number(replace.emissionEfficiency, "change.replace_heating.emission_efficiency", 0.3...1, unit: "")
                number(replace.regulationEfficiency, "change.replace_heating.regulation_efficiency", 0.3...1, unit: "")
            }
            if let replace = change.replaceHotWater {
                _ = required(replace.type, "change.replace_hot_water.type", expected: HotWaterSystemType.allowedNames.joined(separator: ", "))
                if (replace.replaces ?? []).isEmpty { error("change.replace_hot_water.replaces", nil, "missing", expected: "the water-heater types it replaces") }
                number(replace.copNominal, "change.replace_hot_water.cop_nominal", 1...8, unit: "")
                for (name, value) in [("H1", replace.solarFractionByZone?.h1), ("H2", replace.solarFractionByZone?.h2), ("H3", replace.solarFractionByZone?.h3)] {
                    number(value, "change.replace_hot_water.solar_fraction_by_zone.\(name)", 0...1, unit: "", required: replace.solarFractionByZone != nil)
                }
                if replace.type == .solarWithBackup, replace.solarFractionByZone == nil {
                    error("change.replace_hot_water.solar_fraction_by_zone", nil, "missing", expected: "the solar share of the need in H1, H2 and H3")
                }
            }
            if let regulation = change.regulation {
                number(regulation.regulationEfficiency, "change.regulation.regulation_efficiency", 0.3...1, unit: "", required: true)
                _ = required(regulation.source, "change.regulation.source", expected: "where the efficiency comes from")
            }
            if let shutters = change.shutters {
                number(shutters.addAdditionalResistanceM2KPerW, "change.shutters.add_additional_resistance_m2k_per_w", 0.01...1, unit: "m²·K/W")
                if (shutters.closeAtNight == true) == (shutters.addAdditionalResistanceM2KPerW != nil) {
                    error("change.shutters", nil, "one shutter change", expected: "close_at_night true, or add_additional_resistance_m2k_per_w (new shutters)")
                }
                if shutters.addAdditionalResistanceM2KPerW != nil { _ = required(shutters.source, "change.shutters.source", expected: "where the ΔR comes from") }
            }
            if let d = change.distribution {
                number(d.pipeInsulationThicknessMm, "change.distribution.pipe_insulation_thickness_mm", 1...150, unit: "mm", required: true)
                number(d.insulationConductivityWPerMK, "change.distribution.insulation_conductivity_w_per_mk", 0.015...0.1, unit: "W/(m·K)")
                _ = required(d.source, "change.distribution.source", expected: "where the lagging's figures come from")
            }
            if let e = change.emitters {
                if e.radiatorReflectors != true { error("change.emitters.radiator_reflectors", e.radiatorReflectors.map { "\($0)" }, "the only emitter change is adding reflectors", expected: "true") }
                number(e.onlyIfWallUAboveWPerM2K, "change.emitters.only_if_wall_u_above_w_per_m2k", 0...10, unit: "W/(m²·K)")
                _ = required(e.source, "change.emitters.source", expected: "where the figures come from")
            }
            if let v = change.ventilation {
                number(v.infiltrationFactor, "change.ventilation.infiltration_factor", 0.05...1, unit: "")
                number(v.mechanicalAirChangePerH, "change.ventilation.mechanical_air_change_per_h", 0...5, unit: "1/h")
                number(v.heatRecoveryEfficiency, "change.ventilation.heat_recovery_efficiency", 0...0.95, unit: "")
                number(v.fanPowerW, "change.ventilation.fan_power_w", 0...500, unit: "W", required: v.type != nil)
                if let year = v.builtBefore, !(1700...2100).contains(year) { error("change.ventilation.built_before", "\(year)", "not a year", expected: "1700…2100") }
                if (v.infiltrationFactor == nil) == (v.type == nil) {
                    error("change.ventilation", nil, "one ventilation change", expected: "infiltration_factor (air-tightness), or type with mechanical_air_change_per_h (a new system)")
                }
                number(v.airflowRatio, "change.ventilation.airflow_ratio", 0.05...3, unit: "")
                if v.type != nil, (v.mechanicalAirChangePerH == nil) == (v.airflowRatio == nil) {
                    error("change.ventilation", nil, "the new system's air change", expected: "mechanical_air_change_per_h, or airflow_ratio (times the old one)")
                }
                if v.heatRecoveryEfficiency != nil, v.type != .balanced { error("change.ventilation.heat_recovery_efficiency", nil, "heat recovery needs balanced ventilation", expected: "type \"balanced\"") }
                _ = required(v.source, "change.ventilation.source", expected: "where the figures come from")
            }
            if let a = change.advice {
                _ = required(a.whyNotQuantified, "change.advice.why_not_quantified", expected: "why no saving is counted")
                _ = required(a.whyNotQuantifiedFr, "change.advice.why_not_quantified_fr", expected: "the same in French")
            }
            if let t = change.thermostat {
                number(t.setpointDeltaC, "change.thermostat.setpoint_delta_c", -10...10, unit: "K")
                number(t.setbackC, "change.thermostat.setback_c", 5...25, unit: "°C")
                if let preheat = t.preheatHours, !(0...6).contains(preheat) { error("change.thermostat.preheat_hours", "\(preheat)", "out of range", expected: "0…6 hours") }
                number(t.setpointMaxC, "change.thermostat.setpoint_max_c", 12...25, unit: "°C")
                let given = [t.setpointDeltaC != nil, t.setbackC != nil, t.setpointMaxC != nil].filter { $0 }.count
                if given != 1 { error("change.thermostat", nil, "one thermostat change", expected: "setpoint_delta_c, setback_c or setpoint_max_c") }
            }
            if let i = change.insulate {
                _ = required(i.family, "change.insulate.family", expected: ElementFamily.allowedNames.joined(separator: ", "))
                _ = required(i.side, "change.insulate.side", expected: InsulationSide.allowedNames.joined(separator: ", "))
                number(i.addedRM2KPerW, "change.insulate.added_r_m2k_per_w", 0.1...20, unit: "m²·K/W", required: true)
                number(i.onlyIfUAboveWPerM2K, "change.insulate.only_if_u_above_w_per_m2k", 0...10, unit: "W/(m²·K)")
                number(i.conductivityWPerMK, "change.insulate.conductivity_w_per_mk", 0.01...0.2, unit: "W/(m·K)")
                number(i.densityKgPerM3, "change.insulate.density_kg_per_m3", 1...1_000, unit: "kg/m³")
                number(i.specificHeatJPerKgK, "change.insulate.specific_heat_j_per_kgk", 100...5_000, unit: "J/(kg·K)")
                number(i.minTiltDeg, "change.insulate.min_tilt_deg", 0...180, unit: "°")
                number(i.maxTiltDeg, "change.insulate.max_tilt_deg", 0...180, unit: "°")
                if let boundary = i.boundary, !["outdoor", "ground", "unheated_space"].contains(boundary) {
                    error("change.insulate.boundary", "\"\(boundary.prefix(40))\"", "unknown boundary", expected: "outdoor, ground, unheated_space")
                }
            }
            if let w = change.windows {
                number(w.uValueWPerM2K, "change.windows.u_value_w_per_m2k", 0.3...6, unit: "W/(m²·K)", required: true)
                number(w.gValue, "change.windows.g_value", 0.05...0.9, unit: "")
                number(w.onlyIfUAboveWPerM2K, "change.windows.only_if_u_above_w_per_m2k", 0...10, unit: "W/(m²·K)")
            }
            if let h = change.hotWater {
                let shower = h.showerShare != nil || h.showerFlowBeforeLPerMin != nil || h.showerFlowAfterLPerMin != nil
                if [shower, h.storeSetpointC != nil, h.offPeakCharging != nil].filter({ $0 }).count != 1 {
                    error("change.hot_water", nil, "one hot-water change", expected: "store_setpoint_c, off_peak_charging, or shower_share with shower_flow_before_l_per_min and shower_flow_after_l_per_min")
                }
                if let offPeak = h.offPeakCharging, !offPeak {
                    error("change.hot_water.off_peak_charging", "false", "the only off-peak change is moving the store onto off-peak hours", expected: "true")
                }
                number(h.storeSetpointC, "change.hot_water.store_setpoint_c", 40...85, unit: "°C")
                if shower {
                    number(h.showerShare, "change.hot_water.shower_share", 0...1, unit: "", required: true)
                    number(h.showerFlowBeforeLPerMin, "change.hot_water.shower_flow_before_l_per_min", 1...60, unit: "L/min", required: true)
                    number(h.showerFlowAfterLPerMin, "change.hot_water.shower_flow_after_l_per_min", 1...60, unit: "L/min", required: true)
                    _ = required(h.source, "change.hot_water.source", expected: "where the flows and the share come from")
                    if let before = h.showerFlowBeforeLPerMin, let after = h.showerFlowAfterLPerMin, before.isFinite, after.isFinite, after >= before {
                        error("change.hot_water.shower_flow_after_l_per_min", NumberText.short(after), "not below the flow before", expected: "less than \(NumberText.short(before)) L/min")
                    }
                }
            }
            if let l = change.lighting {
                number(l.powerRatio, "change.lighting.power_ratio", 0.01...1, unit: "")
                number(l.lampWBefore, "change.lighting.lamp_w_before", 1...500, unit: "W", required: l.lamps != nil)
                number(l.lampWAfter, "change.lighting.lamp_w_after", 0.5...500, unit: "W", required: l.lamps != nil)
                number(l.hoursPerYear, "change.lighting.hours_per_year", 1...8_760, unit: "h", required: l.lamps != nil)
                if let lamps = l.lamps, !(1...100).contains(lamps) { error("change.lighting.lamps", "\(lamps)", "out of range", expected: "1…100 lamps") }
                if (l.powerRatio == nil) == (l.lamps == nil) { error("change.lighting", nil, "one lighting change", expected: "power_ratio, or lamps with lamp_w_before, lamp_w_after and hours_per_year") }
                if let before = l.lampWBefore, let after = l.lampWAfter, before.isFinite, after.isFinite, after >= before {
                    error("change.lighting.lamp_w_after", NumberText.short(after), "not below the lamps' power before", expected: "less than \(NumberText.short(before)) W")
                }
                _ = required(l.source, "change.lighting.source", expected: "where the power ratio comes from")
            }
        }

        // Cost.
        func checkCost(_ cost: CostSpec, _ p: String) {
            _ = required(cost.unit, p + ".unit", expected: CostUnit.allowedNames.joined(separator: ", "))
            number(cost.lowEUR, p + ".low_eur", 0...100_000, unit: "€", required: true)
            number(cost.typicalEUR, p + ".typical_eur", 0...100_000, unit: "€", required: true)
            number(cost.highEUR, p + ".high_eur", 0...100_000, unit: "€", required: true)
            if let low = cost.lowEUR, let typical = cost.typicalEUR, let high = cost.highEUR, low.isFinite, typical.isFinite, high.isFinite, !(low <= typical && typical <= high) {
                error(p, "\(NumberText.short(low)) / \(NumberText.short(typical)) / \(NumberText.short(high))", "low ≤ typical ≤ high does not hold", expected: "costs in rising order")
            }
            _ = required(cost.source, p + ".source", expected: "who published the cost, and when")
        }
        let cost = required(spec.cost, "cost", expected: "{unit, low_eur, typical_eur, high_eur, source, date}")
        if let cost {
            checkCost(cost, "cost")
            if cost.country != nil { error("cost.country", cost.country, "the main cost is for every country", expected: "country only in costs_by_country") }
        }
        var countries: Set<String> = []
        for (index, regional) in (spec.costsByCountry ?? []).enumerated() {
            let p = "costs_by_country[\(index)]"
            checkCost(regional, p)
            if let country = required(regional.country, p + ".country", expected: "an ISO country code (BE, FR)") {
                if country.count != 2 || !country.allSatisfy({ $0.isLetter && $0.isUppercase }) {
                    error(p + ".country", "\"\(country.prefix(20))\"", "not an ISO country code", expected: "two capital letters (BE)")
                } else if !countries.insert(country).inserted {
                    error(p + ".country", country, "given twice", expected: "one cost per country")
                }
            }
        }
        number(spec.lifetimeYears, "lifetime_years", 1...100, unit: "years", required: true)
        _ = required(spec.lifetimeSource, "lifetime_source", expected: "where the lifetime comes from (e.g. the CEE fiche)")

        // Aids.
        for (index, aid) in (spec.aids ?? []).enumerated() {
            let p = "aids[\(index)]"
            _ = required(aid.scheme, p + ".scheme", expected: "the scheme's name (maprimerenov, cee, …)")
            _ = required(aid.source, p + ".source", expected: "the text or page that sets the amount, with its date")
            for (name, value) in [("very_low", aid.byIncome?.veryLow), ("low", aid.byIncome?.low), ("intermediate", aid.byIncome?.intermediate), ("high", aid.byIncome?.high)] {
                number(value, "\(p).by_income.\(name)", 0...100_000, unit: "€ per unit")
            }
            number(aid.capShareOfCost, p + ".cap_share_of_cost", 0...1, unit: "")
            for (name, value) in [("H1", aid.kWhCumacPerUnit?.h1), ("H2", aid.kWhCumacPerUnit?.h2), ("H3", aid.kWhCumacPerUnit?.h3)] {
                number(value, "\(p).kwh_cumac_per_unit.\(name)", 0...10_000_000, unit: "kWh cumac per unit")
            }
            number(aid.eurPerKWhCumac, p + ".eur_per_kwh_cumac", 0...0.1, unit: "€ per kWh cumac")
            if aid.kWhCumacPerUnit != nil, aid.eurPerKWhCumac == nil { error(p + ".eur_per_kwh_cumac", nil, "missing", expected: "the € paid per kWh cumac") }
            if (aid.byIncome != nil || aid.kWhCumacPerUnit != nil), aid.unit == nil { error(p + ".unit", nil, "missing", expected: CostUnit.allowedNames.joined(separator: ", ")) }
        }
        if let reference = spec.referenceSaving {
            number(reference.heatingShare, "reference_saving.heating_share", 0...1, unit: "")
            for (name, value) in [("H1", reference.kWhCumacPerUnit?.h1), ("H2", reference.kWhCumacPerUnit?.h2), ("H3", reference.kWhCumacPerUnit?.h3)] {
                number(value, "reference_saving.kwh_cumac_per_unit.\(name)", 0...10_000_000, unit: "kWh cumac per unit")
            }
            number(reference.cumacLifetimeYears, "reference_saving.cumac_lifetime_years", 1...100, unit: "years")
            _ = required(reference.source, "reference_saving.source", expected: "who published the figure")
        }
        guard !issues.contains(where: { $0.severity == .error }), let id, let nameFr, let nameEn, let kind, let change, let cost,
              let lifetime = spec.lifetimeYears else {
            return (nil, issues)
        }
        return (Measure(id: id, nameFr: nameFr, nameEn: nameEn, kind: kind, descriptionFr: spec.descriptionFr, appliesTo: spec.appliesTo ?? ApplicabilitySpec(),
                        change: change, cost: cost, costsByCountry: spec.costsByCountry ?? [], lifetimeYears: lifetime, lifetimeSource: spec.lifetimeSource ?? "", aids: spec.aids ?? [],
                        referenceSaving: spec.referenceSaving, notes: spec.notes, file: file), issues)
    }
}
