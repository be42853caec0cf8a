import FoyerCore
import FoyerEnergy
import FoyerInvoices

/// Where the money of the bills went: the euros actually paid for each meter's energy shared
/// between the uses (heating, hot water, cooking, appliances, standby, lighting) by the
/// calibrated household's energy of each use over the billed days, and the standing charges
/// apart — "what is this 1 900 € made of", in the household's own euros.
public struct PaidEurosByUse: Sendable, Encodable {
    /// One use of one meter.
    public struct Row: Sendable, Encodable {
        public var energy: Energy
        public var meter: String
        /// An ``EnergyUse`` raw value, or `fixed_charges`.
        public var use: String
        /// The use's energy over the billed days, scaled to the energy billed, kWh as billed.
        public var kWh: Double
        public var eur: Double
        /// Euros by calendar month of the billed days (`YYYY-MM` → €).
        public var monthlyEUR: [String: Double]
        enum CodingKeys: String, CodingKey {
            case energy, meter, use, kWh = "kwh", eur, monthlyEUR = "monthly_eur"
        }
    }

    public var rows: [Row]
    /// Paid in all over the lines shared out, €.
    public var totalEUR: Double
    public var notes: [String]

    enum CodingKeys: String, CodingKey { case rows, totalEUR = "total_eur", notes }

    /// Shares the euros of `book` by use with the daily energy of the calibrated household.
    ///
    /// Per meter: the amounts of the consumption and regularisation lines are the energy's euros,
    /// shared line by line in proportion of each use's simulated energy over the line's days
    /// (so a winter bill goes mostly to heating, a summer one to hot water and appliances);
    /// subscription lines are the fixed charges. Lines without an amount are left out.
    public static func allocate(_ book: InvoiceBook, daily: HouseholdSimulator.DailyEnergy) -> PaidEurosByUse {
        var rows: [Row] = []
        var notes: [String] = []
        func month(_ date: CivilDate) -> String { String(format: "%04d-%02d", date.year, date.month) }
        func add(_ energy: Energy, _ meter: String, _ use: String, kWh: Double, eur: Double, months: [String: Double]) {
            if let index = rows.firstIndex(where: { $0.energy == energy && $0.meter == meter && $0.use == use }) {
                rows[index].kWh += kWh
                rows[index].eur += eur
                for (key, value) in months { rows[index].monthlyEUR[key, default: 0] += value }
            } else {
                rows.append(Row(energy: energy, meter: meter, use: use, kWh: kWh, eur: eur, monthlyEUR: months))
            }
        }
        for line in book.lines {
            guard let amount = line.amountEUR, amount.isFinite else { continue }
            // Euros spread over the line's days, then over the uses of each day.
            let days = max(1, line.days)
            if line.kind == .subscription {
                var months: [String: Double] = [:]
                for day in line.start.dayNumber...max(line.start.dayNumber, line.end.dayNumber) {
                    months[month(CivilDate(dayNumber: day)), default: 0] += amount / Double(days)
                }
                add(line.energy, line.meter, "fixed_charges", kWh: 0, eur: amount, months: months)
                continue
            }
            guard line.kind == .consumption || line.kind == .regularisation || line.kind == .delivery else { continue }
            let uses = daily.annualByUse[line.energy].map { Array($0.keys) } ?? []
            var shares: [EnergyUse: [Int: Double]] = [:]
            var total = 0.0
            for day in line.start.dayNumber...max(line.start.dayNumber, line.end.dayNumber) {
                let date = CivilDate(dayNumber: day)
                for use in uses {
                    let kWh = daily.kWh(line.energy, use: use, from: date, to: date)
                    shares[use, default: [:]][day] = kWh
                    total += kWh
                }
            }
            guard total > 0 else {
                notes.append("\(line.location): the calibrated household uses no \(line.energy.rawValue) on these days; \(NumberText.fixed(amount, 2)) € not shared by use")
                continue
            }
            let billed = line.billedKWh ?? 0
            for use in uses.sorted(by: { $0.rawValue < $1.rawValue }) {
                guard let byDay = shares[use] else { continue }
                let useTotal = byDay.sumInKeyOrder
                guard useTotal > 0 else { continue }
                var months: [String: Double] = [:]
                for (day, kWh) in byDay.inKeyOrder { months[month(CivilDate(dayNumber: day)), default: 0] += amount * kWh / total }
                add(line.energy, line.meter, use.rawValue, kWh: billed * useTotal / total, eur: amount * useTotal / total, months: months)
            }
        }
        let order = ["heating", "hot_water", "cooling", "cooking", "appliances", "standby", "lighting", "auxiliaries", "fixed_charges"]
        rows.sort { ($0.energy.rawValue, $0.meter, order.firstIndex(of: $0.use) ?? 99) < ($1.energy.rawValue, $1.meter, order.firstIndex(of: $1.use) ?? 99) }
        return PaidEurosByUse(rows: rows, totalEUR: rows.reduce(0) { $0 + $1.eur }, notes: notes)
    }

    /// The readable form: by use over all meters, then by meter.
    public func text() -> String {
        var byUse: [(String, Double)] = []
        for row in rows {
            if let index = byUse.firstIndex(where: { $0.0 == row.use }) { byUse[index].1 += row.eur } else { byUse.append((row.use, row.eur)) }
        }
        let order = ["heating", "hot_water", "cooling", "cooking", "appliances", "standby", "lighting", "auxiliaries", "fixed_charges"]
        byUse.sort { (order.firstIndex(of: $0.0) ?? 99) < (order.firstIndex(of: $1.0) ?? 99) }
        var lines = ["Where the money of these bills went (the euros paid, shared by the calibrated household's use of each billed day):"]
        for (use, eur) in byUse {
            let name = use.replacingOccurrences(of: "_", with: " ").padding(toLength: 14, withPad: " ", startingAt: 0)
            let share = totalEUR != 0 ? 100 * eur / totalEUR : 0
            lines.append("  \(name) \(NumberText.fixed(eur, 0).leftPadded(8)) €  \(NumberText.fixed(share, 0).leftPadded(3)) %")
        }
        lines.append("  \("total".padding(toLength: 14, withPad: " ", startingAt: 0)) \(NumberText.fixed(totalEUR, 0).leftPadded(8)) €")
        var months: [String: Double] = [:]
        for row in rows { for (key, value) in row.monthlyEUR { months[key, default: 0] += value } }
        lines.append("  month by month (€): " + months.keys.sorted().map { "\($0) \(NumberText.fixed(months[$0] ?? 0, 0))" }.joined(separator: ", "))
        for note in notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

import Foundation
