import FoyerCore
import FoyerEnergy
import FoyerInvoices

/// The readable summary of a dossier (`foyer dossier show`): no identity, no income figure —
/// a screen can be seen by others; the JSON form has everything.
public enum DossierText {
    public static func summary(_ dossier: Dossier) -> String {
        var lines: [String] = []
        lines.append("Dossier \(dossier.householdID), created \(dossier.createdOn), revision \(dossier.revision)")
        let household = dossier.household
        lines.append("Household: \(household.personsAged14AndOver) person\(household.personsAged14AndOver > 1 ? "s" : "") aged 14+, "
                     + "\(household.childrenUnder14) child\(household.childrenUnder14 == 1 ? "" : "ren") under 14 "
                     + "(\(NumberText.fixed(household.consumptionUnits, 1)) consumption units); income \(household.disposableIncomeEURPerYear == nil ? "not given" : "given")"
                     + (dossier.identity == nil ? "" : "; identity kept (not shown)"))
        switch dossier.dwelling {
        case let .archetype(id): lines.append("Dwelling: archetype \(id)")
        case let .file(path): lines.append("Dwelling: file \(path)")
        case .embedded: lines.append("Dwelling: embedded in the dossier")
        }
        let lineCount = dossier.bills.reduce(0) { $0 + $1.lines.count }
        if lineCount == 0 {
            lines.append("Bills: none")
        } else {
            let book = dossier.invoiceBook(file: "dossier")
            let first = book.lines.map(\.start).min(), last = book.lines.map(\.end).max()
            let euros = book.lines.compactMap(\.amountEUR).reduce(0, +)
            let energies = Set(book.lines.map(\.energy.rawValue)).sorted().joined(separator: ", ")
            lines.append("Bills: \(lineCount) invoice lines in \(dossier.bills.count) set\(dossier.bills.count > 1 ? "s" : "") (\(energies)), "
                         + "\(first.map(\.description) ?? "?") → \(last.map(\.description) ?? "?"), \(NumberText.fixed(euros, 0)) € in all")
            let analysis = InvoiceAnalysis(book)
            if analysis.meters.contains(where: { $0.annualEUR != nil }) {
                lines.append("  \(NumberText.fixed(analysis.annualEUR, 0)) € a year (the meters with a year's record)")
                lines += indicatorLines(FuelPovertyIndicators(household: dossier.household, energyEURPerYear: analysis.annualEUR))
            }
        }
        lines.append("Visits: \(dossier.visits.count)")
        for visit in dossier.visits {
            var text = "  \(visit.date) (\(visit.role.rawValue))"
            if !visit.measurements.isEmpty {
                text += ": " + visit.measurements.map { measurement in
                    var reading = measurement.room
                    if let temperature = measurement.temperatureC { reading += " \(NumberText.fixed(temperature, 1)) °C" }
                    if let humidity = measurement.relativeHumidityPercent { reading += " \(NumberText.fixed(humidity, 0)) %" }
                    return reading
                }.joined(separator: ", ")
            }
            if !visit.problems.isEmpty { text += "; problems: " + visit.problems.map(\.rawValue).joined(separator: ", ") }
            if let cold = visit.reportedCold { text += "; cold reported: \(cold ? "yes" : "no")" }
            let recommended = visit.recommendations.compactMap(\.measure) + visit.recommendations.compactMap(\.text).map { "\"\($0)\"" }
            if !recommended.isEmpty { text += "; recommended: " + recommended.joined(separator: ", ") }
            lines.append(text)
        }
        lines.append("Actions: \(dossier.actions.count)")
        for action in dossier.actions {
            var text = "  \(action.date) \(action.kind.rawValue)"
            if let measure = action.measure { text += " \(measure)" }
            if let offer = action.offer { text += " → \(offer)" }
            if let cost = action.costEUR { text += ", \(NumberText.fixed(cost, 0)) €" }
            if let aid = action.aidEUR { text += " (aid \(NumberText.fixed(aid, 0)) €)" }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    /// The indicators in a few lines, without the income itself (percentages and flags only).
    static func indicatorLines(_ indicators: FuelPovertyIndicators) -> [String] {
        typealias Reference = FuelPovertyIndicators.Reference
        guard let effort = indicators.effortRate, let tee = indicators.effortRateAbove8PercentLowIncome else {
            return ["  Indicators: no income in the dossier (household.disposable_income_eur_per_year)"]
        }
        func yes(_ flag: Bool) -> String { flag ? "yes" : "no" }
        var lines = ["  Effort rate \(NumberText.fixed(effort * 100, 1)) % of the income (ONPE threshold \(NumberText.fixed(Reference.effortRateThreshold * 100, 0)) %); "
                     + "TEE_3D (above it and within the 3 lowest income deciles, INSEE \(Reference.thirdDecileYear)): \(yes(tee))"]
        if let residual = indicators.residualIncomePerUnitEURPerMonth, let low = indicators.lowIncomeAfterHousing, let pem = indicators.belgianMeasuredPoverty {
            lines.append("  Left after housing and energy: \(NumberText.fixed(residual, 0)) € a month per consumption unit; "
                         + "after housing below the poverty line (\(NumberText.fixed(Reference.povertyLineEURPerUnitPerMonth, 0)) €, INSEE \(Reference.povertyLineYear)): \(yes(low)); "
                         + "Belgian PEm screen (energy > \(NumberText.fixed(Reference.belgianMeasuredShareThreshold * 100, 1)) % of the income after housing): \(yes(pem))")
        }
        return lines
    }
}
