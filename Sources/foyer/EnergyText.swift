import Foundation
import Foyer

/// Readable renderings of bills, comparisons, energy reports and tariffs.
enum EnergyText {
    static func money(_ value: Double) -> String { String(format: "%.2f €", value) }

    static func bill(_ bill: Bill, monthly: Bool) -> String {
        var lines: [String] = []
        let kva = bill.subscribedKVA.map { String(format: ", %.0f kVA", $0) } ?? ""
        lines.append("\(bill.name) (\(bill.offer)\(kva)) — \(bill.from) to \(bill.to)")
        lines.append("  prices: " + bill.tariffVersions.joined(separator: ", "))
        for note in bill.notes { lines.append("  note: \(note)") }
        func render(_ line: Bill.Line) -> String {
            var text = "    " + line.label.padding(toLength: 44, withPad: " ", startingAt: 0)
            if let kWh = line.kWh, let price = line.unitPriceEUR {
                text += String(format: "%10.1f kWh × %.5f €", kWh, price)
            } else {
                text += String(repeating: " ", count: 26)
            }
            return text + String(format: "%12.2f €", line.amountEUR)
        }
        if monthly {
            for month in bill.months {
                lines.append(String(format: "  %04d-%02d  %.1f kWh  %@", month.year, month.month, month.kWh, money(month.totalEUR)))
                lines += month.lines.map(render)
            }
        }
        lines.append(String(format: "  whole span: %.1f kWh", bill.kWh))
        lines += bill.lines.map(render)
        lines.append("    " + "Total (VAT included)".padding(toLength: 70, withPad: " ", startingAt: 0) + String(format: "%12.2f €", bill.totalEUR))
        for correction in bill.corrections { lines.append("  data: \(correction.message)") }
        return lines.joined(separator: "\n")
    }

    static func comparisons(_ report: EnergyReport) -> String {
        var lines: [String] = []
        for comparison in report.comparisons {
            lines.append("\(comparison.energy.rawValue)\(comparison.circuit == "main" ? "" : " (\(comparison.circuit) circuit)") — prices of \(comparison.pricesOn), cheapest first:")
            for option in comparison.options {
                let difference = option.differenceEUR.map { String(format: "  (%+.2f € vs current)", $0) } ?? ""
                lines.append(String(format: "  %10.2f €  %@%@%@", option.totalEUR, option.name, option.isCurrent ? "  ← current" : "", difference))
            }
            for line in comparison.excluded { lines.append("  not priced: \(line)") }
        }
        if report.mismatches.isEmpty {
            lines.append("No mismatch between contract and use found.")
        } else {
            lines.append("Mismatches:")
            for mismatch in report.mismatches {
                lines.append(String(format: "  [%@] %@ — saving %.2f €/yr", mismatch.kind, mismatch.message, mismatch.savingEURPerYear))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func summary(_ report: EnergyReport) -> String {
        var lines = ["Delivered energy (final, PCI):"]
        for item in report.delivered {
            var text = String(format: "  %-14@ %9.0f kWh", item.energy.rawValue as NSString, item.kWh)
            if let quantity = item.quantity, let unit = item.unit { text += String(format: "  (%.1f %@)", quantity, unit) }
            if let pcs = item.kWhPCS { text += String(format: "  %.0f kWh PCS as billed", pcs) }
            let uses = item.byUseKWh.keys.sorted().map { String(format: "%@ %.0f", $0, item.byUseKWh[$0] ?? 0) }.joined(separator: ", ")
            lines.append(text + "  — " + uses)
        }
        for system in report.heatingSystems {
            var text = String(format: "  heating %@ (%@): %.0f kWh of heat for %.0f kWh bought, seasonal ratio %.2f", system.id, system.type, system.heatDeliveredKWh, system.deliveredEnergyKWh, system.seasonalEfficiency)
            if let cop = system.generatorSeasonalCOP { text += String(format: " (generator SCOP %.2f)", cop) }
            lines.append(text)
        }
        if report.unmetHeatKWh > 0.5 { lines.append(String(format: "  unmet heat: %.0f kWh over %d h (system capacity or shares)", report.unmetHeatKWh, report.unmetHeatHours)) }
        if let water = report.hotWater {
            lines.append(String(format: "  hot water: %.0f L/day at %.0f °C (cold water %.1f °C on average): need %.0f kWh, store losses %.0f kWh, bought %.0f kWh", water.litresPerDay, water.deliveryTemperatureC, water.meanColdWaterC, water.needKWh, water.storageLossKWh, water.deliveredEnergyKWh))
        }
        let uses = report.otherUses
        lines.append(String(format: "  other uses: lighting %.0f, appliances %.0f, standby %.0f, cooking %.0f (%@) kWh", uses.lightingKWh, uses.appliancesKWh, uses.standbyKWh, uses.cookingKWh, uses.cookingEnergy.rawValue))
        lines.append(String(format: "Primary energy %.0f kWh (%.0f kWh/m²), CO₂ %.0f kg", report.primaryEnergyKWh, report.primaryEnergyKWhPerM2, report.co2Kg))
        if let kva = report.subscribedKVA {
            lines.append(String(format: "Electric peak %.2f kW (hourly); %.0f kVA subscribed, %.0f kVA called for", report.peakElectricKW, kva, report.recommendedKVA ?? kva))
        }
        if let cost = report.annualCostEUR {
            lines.append("Annual cost under the current contracts: " + money(cost))
        }
        lines.append(useCosts(report))
        lines.append(comparisons(report))
        for note in report.notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }
}

extension EnergyText {
    /// Where the money goes: the year's euros by use, and month by month.
    static func useCosts(_ report: EnergyReport) -> String {
        guard !report.costByUse.isEmpty else { return "" }
        var byUse: [(String, Double, [Double])] = []
        let order = ["heating", "hot_water", "cooling", "cooking", "appliances", "standby", "lighting", "auxiliaries", "fixed_charges"]
        for cost in report.costByUse {
            if let index = byUse.firstIndex(where: { $0.0 == cost.use }) {
                byUse[index].1 += cost.annualEUR
                byUse[index].2 = zip(byUse[index].2, cost.monthlyEUR).map { $0 + $1 }
            } else {
                byUse.append((cost.use, cost.annualEUR, cost.monthlyEUR))
            }
        }
        byUse.sort { (order.firstIndex(of: $0.0) ?? 99) < (order.firstIndex(of: $1.0) ?? 99) }
        let total = byUse.reduce(0) { $0 + $1.1 }
        var lines = ["Where the money goes (€ a year, taxes included; \(report.use?.scenario.rawValue ?? "conventional") use):"]
        for (use, annual, _) in byUse {
            let energies = Set(report.costByUse.filter { $0.use == use }.map(\.energy.rawValue)).sorted().joined(separator: ", ")
            let name = use.replacingOccurrences(of: "_", with: " ").padding(toLength: 14, withPad: " ", startingAt: 0)
            lines.append("  " + name + String(format: " %8.0f €  %3.0f %%  ", annual, total > 0 ? 100 * annual / total : 0) + "(\(energies))")
        }
        lines.append("  " + "total".padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: " %8.0f €", total))
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        lines.append("  month by month (€): " + names.enumerated().map { index, name in
            String(format: "%@ %.0f", name, byUse.reduce(0) { $0 + $1.2[index] })
        }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

enum TariffText {
    static func describe(_ tariff: Tariff) -> String {
        var lines = ["\(tariff.name) — \(tariff.id)"]
        lines.append("  \(tariff.supplier), \(tariff.country)\(tariff.region.map { " (\($0))" } ?? ""), \(tariff.energy.rawValue)\(tariff.energy == .electricity ? ", meter \(tariff.meter.rawValue)" : ""), \(tariff.eligibility.rawValue)")
        lines.append("  valid \(tariff.validityText); prices \(tariff.pricesIncludeVAT ? "include" : "exclude") VAT (\(String(format: "%.1f", tariff.vatRateEnergy * 100)) % energy, \(String(format: "%.1f", tariff.vatRateFixed * 100)) % fixed)")
        if !tariff.fixedCharges.isEmpty {
            lines.append("  fixed charge: " + tariff.fixedCharges.map { charge in
                (charge.subscribedKVA.map { String(format: "%.0f kVA ", $0) } ?? "") + String(format: "%.2f €/yr", charge.eurPerYear)
            }.joined(separator: ", "))
        }
        for (index, band) in tariff.bands.enumerated() {
            lines.append(String(format: "  band %d (%@): %.2f €/yr + %.5f €/kWh", index + 1, band.maxKWhPerYear.map { String(format: "≤ %.0f kWh/yr", $0) } ?? "above", band.fixedEurPerYear, band.eurPerKWh))
        }
        if tariff.bands.isEmpty {
            let colours = tariff.meter == .dayColour ? DayColour.allCases.map(\.rawValue) : [""]
            for (periodIndex, period) in tariff.periods.enumerated() {
                var prices = colours.indices.map { c in (colours[c].isEmpty ? "" : colours[c] + " ") + String(format: "%.5f €/kWh", tariff.prices[periodIndex][c]) }
                for tier in tariff.powerPrices where tier.period == periodIndex {
                    prices.append((colours[tier.colour].isEmpty ? "" : colours[tier.colour] + " ") + String(format: "%.5f €/kWh from %.0f kVA", tier.eurPerKWh, tier.minSubscribedKVA))
                }
                if !period.supplied { prices = ["no supply (the meter is not powered)"] }
                var hours = ""
                if tariff.periods.count > 1 {
                    let quarters = (0..<96).filter { tariff.periodIndex(month: 1, weekday: 1, quarter: $0) == periodIndex }
                    hours = String(format: " (%.1f h on a January Monday)", Double(quarters.count) / 4)
                }
                lines.append("  \(period.name)\(period.offPeak ? " [off-peak]" : "")\(hours): " + prices.joined(separator: ", "))
            }
        }
        if tariff.householdOffPeakHours { lines.append("  the meter's own off-peak hours replace the default hours (--off-peak-hours)") }
        if let rule = tariff.colourRule { lines.append("  day colours: \(rule.redDays) red (months \(rule.redMonths.sorted().map(String.init).joined(separator: ","))), \(rule.whiteDays) white a year; colour day starts \(rule.dayStartMinute / 60):00") }
        for tax in tariff.taxes {
            lines.append("  included tax: \(tax.name) " + (tax.eurPerKWh.map { String(format: "%.5f €/kWh", $0) } ?? String(format: "%.2f %% of the fixed charge", (tax.shareOfFixed ?? 0) * 100)))
        }
        for source in tariff.sources { lines.append("  source: \(source)") }
        if let notes = tariff.notes { lines.append("  notes: \(notes)") }
        return lines.joined(separator: "\n")
    }
}
