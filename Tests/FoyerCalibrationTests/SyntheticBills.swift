import Foundation
import Foyer

/// Bills made from a simulated household whose use is known: the synthetic truths of the
/// recovery tests (issue 12, item 5a).
enum SyntheticBills {
    /// A deterministic noise source (64-bit LCG, Knuth's MMIX constants): values in [−1, 1].
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// One meter's bills over `year` in periods of `months` months, as the invoices CSV.
    /// - Parameters:
    ///   - relativeNoise: each period's kWh times (1 + relativeNoise·u), u uniform in [−1, 1].
    ///   - estimated: indices of periods billed on an estimate (70 % of the truth); the next
    ///     period is read and carries a regularisation line with the difference.
    static func csvLines(_ daily: HouseholdSimulator.DailyEnergy, energy: Energy, meter: String, year: Int, months: Int,
                         relativeNoise: Double, estimated: Set<Int> = [], noise: inout Noise) -> [String] {
        var lines: [String] = []
        var owed = 0.0
        var index = 0
        var month = 1
        let billedPerFinal = energy == .naturalGas ? InvoiceEnergy.naturalGasPCSPerPCI : 1
        while month <= 12 {
            let start = CivilDate(year, month, 1)
            let endMonth = min(month + months - 1, 12)
            let end = CivilDate(year, endMonth, 1).adding(days: 0).lastDayOfMonth
            let truth = daily.kWh(energy, from: start, to: end) * billedPerFinal * (1 + relativeNoise * noise.next())
            func date(_ d: CivilDate) -> String { String(format: "%02d/%02d/%04d", d.day, d.month, d.year) }
            if estimated.contains(index) {
                let guess = 0.7 * truth
                owed += truth - guess
                lines.append("\(energy.rawValue);\(meter);consumption;\(date(start));\(date(end));\(String(format: "%.1f", guess));kwh;;;;;;estimated;")
            } else {
                lines.append("\(energy.rawValue);\(meter);consumption;\(date(start));\(date(end));\(String(format: "%.1f", truth));kwh;;;;;;actual;")
                if owed != 0 {
                    lines.append("\(energy.rawValue);\(meter);regularisation;\(date(end));\(date(end));\(String(format: "%.1f", owed));kwh;;;;;;;")
                    owed = 0
                }
            }
            index += 1
            month = endMonth + 1
        }
        return lines
    }

    static let header = "energy;meter;kind;start;end;quantity;unit;index_start;index_end;conversion_kwh_per_m3;period;amount_eur;reading;note"

    static func book(_ lines: [String]) -> InvoiceBook {
        InvoiceReader.read(data: Data(([header] + lines).joined(separator: "\n").utf8), file: "synthetic.csv")
    }
}

extension CivilDate {
    /// The last day of this date's month.
    var lastDayOfMonth: CivilDate {
        let next = month == 12 ? CivilDate(year + 1, 1, 1) : CivilDate(year, month + 1, 1)
        return next.adding(days: -1)
    }
}
