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
}
