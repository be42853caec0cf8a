import FoyerCore
import FoyerEnergy
import FoyerInvoices

/// One billing period of one meter as the fit sees it: read from actual meter readings.
public struct BilledPeriod: Sendable, Encodable, Equatable {
    public var energy: Energy
    public var meter: String
    /// First and last day, both included.
    public var start: CivilDate
    public var end: CivilDate
    /// Energy in Foyer's basis (kWh PCI for fuels, as the simulation's delivered energy).
    public var kWh: Double
    /// Estimated periods folded into this one (their consumption is only known in total, at
    /// the next actual reading).
    public var estimatedPeriodsMerged: Int
    /// Regularisation kWh added to it.
    public var regularisationKWh: Double
    /// Where its lines were typed.
    public var locations: [String]

    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    enum CodingKeys: String, CodingKey {
        case energy, meter, start, end, kWh = "kwh", estimatedPeriodsMerged = "estimated_periods_merged"
        case regularisationKWh = "regularisation_kwh", locations
    }
}

/// From invoice lines to the periods a calibration can trust.
public enum BilledPeriods {
    /// The periods of every meter of `book`, in meter then date order.
    ///
    /// An estimated bill is the supplier's guess: only the next actual reading says what was
    /// used over the estimated periods and the actual one together, so those are merged into one
    /// period (their kWh added, with the regularisation lines dated within it). Estimated periods
    /// with no actual reading after them, deliveries (a tank filled says nothing about when the
    /// fuel was burnt) and lines without energy are left out, each with a warning.
    public static func periods(_ book: InvoiceBook) -> (periods: [BilledPeriod], warnings: [String]) {
        var result: [BilledPeriod] = []
        var warnings: [String] = []
        let groups = Dictionary(grouping: book.lines) { MeterKey(energy: $0.energy, meter: $0.meter) }
        for key in groups.keys.sorted() {
            guard let lines = groups[key] else { continue }
            // Lines of one bill (peak and off-peak) share their dates: one period.
            var raw: [(period: BilledPeriod, estimated: Bool)] = []
            for line in lines where line.kind == .consumption {
                guard let kWh = line.finalKWh, kWh.isFinite else { continue }
                if let index = raw.firstIndex(where: { $0.period.start == line.start && $0.period.end == line.end }) {
                    raw[index].period.kWh += kWh
                    raw[index].period.locations.append(line.location)
                    raw[index].estimated = raw[index].estimated || line.reading == .estimated
                } else {
                    raw.append((BilledPeriod(energy: key.energy, meter: key.meter, start: line.start, end: line.end, kWh: kWh,
                                             estimatedPeriodsMerged: 0, regularisationKWh: 0, locations: [line.location]),
                                line.reading == .estimated))
                }
            }
            raw.sort { $0.period.start < $1.period.start }
            var merged: [BilledPeriod] = []
            var pending: BilledPeriod?
            for (period, estimated) in raw {
                var current = period
                if let earlier = pending {
                    current.start = earlier.start
                    current.kWh += earlier.kWh
                    current.estimatedPeriodsMerged += earlier.estimatedPeriodsMerged
                    current.locations = earlier.locations + current.locations
                }
                if estimated {
                    current.estimatedPeriodsMerged += 1
                    pending = current
                } else {
                    pending = nil
                    merged.append(current)
                }
            }
            if let pending {
                warnings.append("\(key.energy.rawValue) meter \(key.meter): \(pending.estimatedPeriodsMerged) estimated period(s) from \(pending.start) to \(pending.end) have no actual reading after them and are not fitted (\(pending.locations.joined(separator: ", ")))")
            }
            for line in lines where line.kind == .regularisation {
                guard let kWh = line.finalKWh, kWh.isFinite, kWh != 0 else { continue }
                if let index = merged.firstIndex(where: { $0.start <= line.end && line.end <= $0.end }) {
                    merged[index].kWh += kWh
                    merged[index].regularisationKWh += kWh
                    merged[index].locations.append(line.location)
                } else {
                    warnings.append("\(key.energy.rawValue) meter \(key.meter): the regularisation of \(line.location) (\(NumberText.short(kWh)) kWh, ending \(line.end)) falls in no billed period and is not fitted")
                }
            }
            let deliveries = lines.filter { $0.kind == .delivery }
            if !deliveries.isEmpty {
                warnings.append("\(key.energy.rawValue) meter \(key.meter): \(deliveries.count) deliveries are not fitted (a delivery does not say when the fuel was used); give the tank's readings as consumption periods to fit them")
            }
            for period in merged where period.kWh < 0 {
                warnings.append("\(key.energy.rawValue) meter \(key.meter): the period \(period.start) to \(period.end) sums to \(NumberText.short(period.kWh)) kWh after its regularisation; left out")
            }
            result += merged.filter { $0.kWh >= 0 && $0.days > 0 }
        }
        return (result, warnings)
    }

    struct MeterKey: Hashable, Comparable {
        var energy: Energy
        var meter: String
        static func < (a: Self, b: Self) -> Bool { (a.energy.rawValue, a.meter) < (b.energy.rawValue, b.meter) }
    }
}
