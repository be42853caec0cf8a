import FoyerCore

extension Calibration {
    /// The readable report for a technician.
    public func text(dwellingName: String, billsFile: String) -> String {
        func fixed(_ value: Double, _ decimals: Int) -> String { NumberText.fixed(value, decimals) }
        func decimals(_ parameter: HouseholdParameter) -> Int {
            switch parameter {
            case .setpoint: 1
            case .heatedShare: 2
            case .seasonDays, .hotWaterLitresPerDay, .appliancesKWhPerYear: 0
            }
        }
        var lines: [String] = []
        let weatherText: String = switch weatherKind {
        case .referenceYear: "reference year \(weatherSource)"
        case .billedYear: "the billed year's file \(weatherSource)"
        case .stationDays: "station days \(weatherSource) on the reference year's hours"
        }
        lines.append("Calibration of \(dwellingName) to \(billsFile) — model \(model.rawValue), weather: \(weatherText)")
        lines.append("\(iterations) iterations, \(simulations) simulated years")
        for warning in warnings { lines.append("warning: \(warning)") }
        lines.append("")
        lines.append("Household use fitted (value ± one standard error; range searched):")
        for parameter in parameters {
            let d = decimals(parameter.name)
            var text = "  " + parameter.name.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)
            text += "\(fixed(parameter.initial, d)) → \(fixed(parameter.value, d))"
            if let error = parameter.standardError { text += " ± \(fixed(error, max(d, 1)))" }
            text += " \(parameter.unit)".replacingOccurrences(of: "  ", with: " ")
            text += "   (\(parameter.status.replacingOccurrences(of: "_", with: " ")), \(fixed(parameter.lower, d))–\(fixed(parameter.upper, d)))"
            lines.append(text)
        }
        if !weatherSensitivityPerK.isEmpty {
            let items = parameters.compactMap { parameter -> String? in
                guard let change = weatherSensitivityPerK[parameter.name] else { return nil }
                return "\(parameter.name.rawValue) \(change >= 0 ? "+" : "")\(fixed(change, max(decimals(parameter.name), 1)))\(parameter.unit.isEmpty ? "" : " " + parameter.unit)"
            }
            let why = weatherKind == .referenceYear
                ? "the bills' own weather is unknown here: add these, times the billed winter's departure from the reference year in kelvin, to the uncertainties"
                : "the share of an error in the station's temperatures"
            lines.append("If the billed days were 1 K milder than simulated, the values above would be off by: " + items.joined(separator: ", ") + " (\(why))")
        }
        if !correlations.isEmpty {
            lines.append("Correlations of the estimates: " + correlations.map { "\($0.first.rawValue) × \($0.second.rawValue) \(fixed($0.value, 2))" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("Bills reproduced (ASHRAE Guideline 14, monthly data: NMBE within ±5 %, CV(RMSE) ≤ 15 %, with n − p):")
        for meter in meters {
            var text = "  \(meter.energy.rawValue) meter \(meter.meter): \(meter.periods) periods, billed \(fixed(meter.billedKWh, 0)) kWh, simulated \(fixed(meter.simulatedKWh, 0)) kWh"
            if let nmbe = meter.nmbePercent, let cv = meter.cvRMSEPercent {
                text += "; NMBE \(fixed(nmbe, 1)) %, CV(RMSE) \(fixed(cv, 1)) % — " + ((meter.meetsGuideline14 ?? false) ? "met" : "NOT met")
            } else {
                text += "; too few periods for NMBE and CV(RMSE)"
            }
            lines.append(text)
            if let conventional = meter.conventionalKWh, let ratio = meter.actualOverConventional {
                lines.append("      conventional use over the same days: \(fixed(conventional, 0)) kWh — actual ÷ conventional \(fixed(ratio, 2))")
            }
        }
        lines.append("")
        lines.append("  energy        meter       from        to            days   billed kWh   simulated kWh   conventional kWh")
        for period in periods {
            var row = "  " + period.energy.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
            row += period.meter.padding(toLength: 12, withPad: " ", startingAt: 0)
            row += "\(period.start)  \(period.end)"
            row += String(repeating: " ", count: max(1, 8 - String(period.days).count)) + String(period.days)
            row += String(repeating: " ", count: max(1, 13 - fixed(period.billedKWh, 0).count)) + fixed(period.billedKWh, 0)
            row += String(repeating: " ", count: max(1, 16 - fixed(period.simulatedKWh, 0).count)) + fixed(period.simulatedKWh, 0)
            let conventional = period.conventionalKWh.map { fixed($0, 0) } ?? "—"
            row += String(repeating: " ", count: max(1, 19 - conventional.count)) + conventional
            if period.estimatedPeriodsMerged > 0 { row += "  (with \(period.estimatedPeriodsMerged) estimated)" }
            lines.append(row)
        }
        lines.append("")
        lines.append("What the bills tell apart:")
        for note in identifiability { lines.append("  - \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
