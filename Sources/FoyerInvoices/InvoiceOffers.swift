import FoyerBills
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerTariffs

/// What a household paid for a meter's energy against what the offers in force on the billed
/// days would have charged for the same consumption.
public struct InvoiceOfferComparison: Sendable, Encodable {
    /// One offer priced on the billed consumption.
    public struct Priced: Sendable, Encodable {
        public var offer: String
        public var name: String
        public var totalEUR: Double
        public var eurPerKWh: Double
        /// The offer's cost less what was paid on the same days (negative: it would have cost less).
        public var differenceEUR: Double?
        /// When the offer has no prices for some billed days: the days it was priced on (the
        /// comparison is then over those days only, with what was paid for them pro rata).
        public var pricedDays: Int? = nil
        public var billedDays: Int? = nil
        enum CodingKeys: String, CodingKey {
            case offer, name, totalEUR = "total_eur", eurPerKWh = "eur_per_kwh", differenceEUR = "difference_eur"
            case pricedDays = "priced_days", billedDays = "billed_days"
        }
    }

    public var energy: Energy
    public var meter: String
    public var from: CivilDate
    public var to: CivilDate
    /// Energy billed, kWh as billed (gas: PCS).
    public var billedKWh: Double
    /// What the invoices say was paid for those days (energy, standing charges, taxes), €;
    /// `nil` when the lines give no amount.
    public var paidEUR: Double?
    public var paidEURPerKWh: Double?
    /// Offers in force on the billed days, cheapest first.
    public var offers: [Priced]
    /// Offers left out, and why (no prices for those days, a power the offer does not sell…).
    public var excluded: [String]
    /// What had to be assumed (the subscribed power, the off-peak hours, the hours of the
    /// consumption inside a bill).
    public var assumptions: [String]
    /// What a technician should look at: a cheaper offer, an option that does not fit the use.
    public var flags: [String]

    enum CodingKeys: String, CodingKey {
        case energy, meter, from, to, billedKWh = "billed_kwh", paidEUR = "paid_eur", paidEURPerKWh = "paid_eur_per_kwh"
        case offers, excluded, assumptions, flags
    }
}

/// Prices a household's invoices at the offers in force when they were drawn.
public enum InvoiceOffers {
    /// What the household's meter can bill and what it subscribed, as far as known.
    public struct Meter: Sendable {
        public var country: String
        /// Subscribed power, kVA (French electricity offers are priced by it); `nil`: unknown.
        public var subscribedKVA: Double?
        /// The meter's off-peak windows; `nil`: the country's usual ones.
        public var offPeakHours: [ClockWindow]?
        public var electricityMeter: ElectricityMeter
        /// The metered load curve itself (a Linky export), priced instead of the bills spread
        /// over their days, and whose peak checks the subscribed power.
        public var curve: LoadCurve?
        /// The Walloon network operator, for the offers composed with its network tariff.
        public var distributionOperator: DistributionOperator?
        public init(country: String = "FR", subscribedKVA: Double? = nil, offPeakHours: [ClockWindow]? = nil, electricityMeter: ElectricityMeter = .smart,
                    curve: LoadCurve? = nil, distributionOperator: DistributionOperator? = nil) {
            self.country = country
            self.subscribedKVA = subscribedKVA
            self.offPeakHours = offPeakHours
            self.electricityMeter = electricityMeter
            self.curve = curve
            self.distributionOperator = distributionOperator
        }
    }

    /// The comparison for every electricity and natural-gas meter of `book`.
    ///
    /// The bills give energy per period (and per peak/off-peak register), not per hour: each
    /// line's kWh are spread evenly over its days and over the hours of its register (off-peak
    /// lines on the off-peak hours, peak lines on the others, other lines on every hour). Each
    /// day is priced at the offer's version in force that day. Lines of regularisation and
    /// estimated readings count as billed.
    public static func compare(_ book: InvoiceBook, library: TariffLibrary, meter: Meter) -> [InvoiceOfferComparison] {
        let groups = Dictionary(grouping: book.lines) { "\($0.energy.rawValue)\u{0}\($0.meter)" }
        var result: [InvoiceOfferComparison] = []
        for key in groups.keys.sorted() {
            guard let lines = groups[key], let energy = lines.first?.energy, energy == .electricity || energy == .naturalGas else { continue }
            let consumption = lines.filter { $0.kind == .consumption && ($0.billedKWh ?? 0) > 0 }
            guard let from = consumption.map(\.start).min(), let to = consumption.map(\.end).max() else { continue }
            var assumptions: [String] = []
            let windows = meter.offPeakHours ?? ClockWindow.usualOffPeak(country: meter.country)
            var kva = meter.subscribedKVA
            if energy == .electricity, kva == nil, meter.country == "FR" {
                kva = 6
                assumptions.append("the subscribed power is not on the lines: 6 kVA assumed, the most common (give --kva)")
            }
            let hasRegisters = consumption.contains { ["hp", "hc"].contains(($0.period ?? "").lowercased()) }
            if hasRegisters, meter.offPeakHours == nil {
                assumptions.append("off-peak hours \(windows.map(\.description).joined(separator: ", ")) assumed (give --off-peak-hours)")
            }
            let regularisations = lines.filter { $0.kind == .regularisation && ($0.billedKWh ?? 0) != 0 }
            let curve: LoadCurve
            if energy == .electricity, let metered = meter.curve {
                curve = metered
            } else {
                curve = loadCurve(consumption, regularisations: regularisations, offPeak: windows, origin: "\(book.file) \(energy.rawValue)")
                assumptions.append("each bill's kWh spread evenly over its days and its register's hours")
            }
            let kWh = curve.totalKWh
            let paidLines = lines.filter { $0.amountEUR != nil && $0.start >= from && $0.end <= to }
            let paid: Double? = paidLines.isEmpty ? nil : paidLines.compactMap(\.amountEUR).reduce(0, +)
            if paid != nil, !lines.contains(where: { $0.kind == .subscription }) {
                assumptions.append("no subscription line: the amount paid may not include the standing charge the offers include")
            }
            var supply = EnergySupplySpec()
            supply.electricityMeter = meter.electricityMeter
            supply.subscribedKVA = kva
            supply.distributionOperator = meter.distributionOperator
            var priced: [InvoiceOfferComparison.Priced] = []
            var excluded: [String] = []
            for offer in library.offers {
                guard let latest = library.latest(offer), latest.energy == energy, latest.country == meter.country else { continue }
                if let reason = latest.incompatibility(circuit: .main, supply: supply) {
                    excluded.append("\(offer): \(reason.replacingOccurrences(of: "give energy_supply.distribution_operator", with: "give --distribution-operator"))")
                    continue
                }
                let options = BillingOptions(subscribedKVA: kva, offPeakHours: windows)
                do {
                    let bill = try BillEngine.bill(curve, offer: offer, library: library, options: options)
                    priced.append(.init(offer: offer, name: bill.name, totalEUR: bill.totalEUR, eurPerKWh: kWh > 0 ? bill.totalEUR / kWh : 0,
                                        differenceEUR: paid.map { bill.totalEUR - $0 }))
                } catch {
                    // Days without a version of the offer (a month whose prices are not shipped):
                    // price the days that have one, against what was paid for them pro rata.
                    let versions = library.versions(of: offer)
                    let covered = curve.intervals.filter { interval in versions.contains { $0.isValid(on: interval.start.date) } }
                    let billedDays = to.dayNumber - from.dayNumber + 1
                    let coveredDays = Set(covered.map(\.start.date)).count
                    // Each run of consecutive priced days is billed on its own (the engine wants a
                    // version for every day of a curve's span).
                    var runs: [[LoadCurve.Interval]] = []
                    for interval in covered {
                        if let last = runs.last?.last, interval.start.date.dayNumber - last.start.date.dayNumber <= 1 {
                            runs[runs.count - 1].append(interval)
                        } else {
                            runs.append([interval])
                        }
                    }
                    let runBills = runs.compactMap { try? BillEngine.bill(LoadCurve(intervals: $0, origin: curve.origin), offer: offer, library: library, options: options) }
                    if coveredDays * 2 >= billedDays, coveredDays < billedDays, !runBills.isEmpty, runBills.count == runs.count {
                        var bill = runBills[0]
                        bill.totalEUR = runBills.reduce(0) { $0 + $1.totalEUR }
                        let coveredKWh = covered.reduce(0) { $0 + $1.kWh }
                        let paidThen: Double? = paid.map { _ in
                            paidLines.reduce(0.0) { sum, line in
                                let days = line.end.dayNumber - line.start.dayNumber + 1
                                let inside = (line.start.dayNumber...line.end.dayNumber).filter { day in
                                    versions.contains { $0.isValid(on: CivilDate(dayNumber: day)) }
                                }.count
                                return sum + (line.amountEUR ?? 0) * Double(inside) / Double(max(days, 1))
                            }
                        }
                        var partial = InvoiceOfferComparison.Priced(offer: offer, name: bill.name, totalEUR: bill.totalEUR,
                                                                    eurPerKWh: coveredKWh > 0 ? bill.totalEUR / coveredKWh : 0,
                                                                    differenceEUR: paidThen.map { bill.totalEUR - $0 })
                        partial.pricedDays = coveredDays
                        partial.billedDays = billedDays
                        priced.append(partial)
                    } else {
                        excluded.append("\(offer): " + (error.issues.first?.messageWithAllowed ?? "cannot be priced on these days"))
                    }
                }
            }
            // Offers priced on every billed day first, cheapest first; then those priced on part of them.
            priced.sort { ($0.pricedDays != nil ? 1 : 0, $0.totalEUR, $0.offer) < ($1.pricedDays != nil ? 1 : 0, $1.totalEUR, $1.offer) }
            var flags: [String] = []
            if let paid, let cheapest = priced.first, cheapest.pricedDays == nil, cheapest.totalEUR < 0.95 * paid {
                flags.append("paid \(NumberText.fixed(paid, 2)) € for \(NumberText.fixed(kWh, 0)) kWh; \(cheapest.name) would have cost \(NumberText.fixed(cheapest.totalEUR, 2)) € for the same consumption on the same days (\(NumberText.fixed(paid - cheapest.totalEUR, 2)) € less)")
            }
            // The subscribed power against the metered peak: the level the hourly peak calls for is
            // the smallest standard one above 1.3 × that peak (Docs/Bills.md, as for a simulated
            // year); two levels or more above it is power paid for and never drawn.
            if energy == .electricity, meter.country == "FR", let metered = meter.curve, let subscribed = meter.subscribedKVA {
                let levels = FrenchSubscribedPower.levelsKVA
                let peak = metered.peakKW
                let needed = levels.first { $0 >= peak * 1.3 } ?? levels.last ?? 36
                if let neededIndex = levels.firstIndex(of: needed), let subscribedIndex = levels.firstIndex(where: { $0 >= subscribed }) {
                    if subscribedIndex >= neededIndex + 2 {
                        let lower = levels[neededIndex + 1]
                        var text = "\(NumberText.short(subscribed)) kVA subscribed for an hourly peak of \(NumberText.fixed(peak, 1)) kW: \(NumberText.short(lower)) kVA (one level of margin above \(NumberText.short(needed)) kVA) would do"
                        if let current = priced.first(where: { library.latest($0.offer)?.meter == .single || library.latest($0.offer)?.meter == .peakOffPeak }),
                           let cheaper = try? BillEngine.bill(curve, offer: current.offer, library: library, options: BillingOptions(subscribedKVA: lower, offPeakHours: windows)) {
                            text += " and cost \(NumberText.fixed(current.totalEUR - cheaper.totalEUR, 2)) € less at \(current.name)"
                        }
                        flags.append(text)
                    } else if peak * 1.3 > subscribed {
                        flags.append("\(NumberText.short(subscribed)) kVA subscribed for an hourly peak of \(NumberText.fixed(peak, 1)) kW: the breaker may trip when appliances run together (\(NumberText.short(needed)) kVA called for)")
                    }
                }
            }
            let meterOf = { (offer: String) in library.latest(offer)?.meter }
            if hasRegisters, let single = priced.first(where: { meterOf($0.offer) == .single }),
               let registers = priced.first(where: { meterOf($0.offer) == .peakOffPeak }), single.totalEUR < registers.totalEUR {
                let offPeakKWh = consumption.filter { ($0.period ?? "").lowercased() == "hc" }.compactMap(\.billedKWh).reduce(0, +)
                let share = kWh > 0 ? 100 * offPeakKWh / kWh : 0
                flags.append("the bills have a peak/off-peak option with \(NumberText.fixed(share, 0)) % of the energy off-peak: the single-rate \(single.name) would have cost \(NumberText.fixed(single.totalEUR, 2)) € against \(NumberText.fixed(registers.totalEUR, 2)) € for \(registers.name)")
            }
            if priced.contains(where: { meterOf($0.offer) == .dayColour }) {
                assumptions.append("day-colour offers (Tempo) priced with the days coloured by the offer's rule (the coldest weekdays by a climatological ranking), not RTE's actual calendar")
            }
            result.append(InvoiceOfferComparison(
                energy: energy, meter: lines.first?.meter ?? "main", from: from, to: to, billedKWh: kWh, paidEUR: paid,
                paidEURPerKWh: paid.flatMap { kWh > 0 ? $0 / kWh : nil }, offers: priced, excluded: excluded, assumptions: assumptions, flags: flags))
        }
        return result
    }

    /// An hourly clock-time curve of the consumption lines; a regularisation scales the lines it
    /// corrects (those ended by its date, since the previous regularisation) so their total is
    /// the energy actually read.
    static func loadCurve(_ lines: [InvoiceLine], regularisations: [InvoiceLine] = [], offPeak: [ClockWindow], origin: String) -> LoadCurve {
        var scale = [Double](repeating: 1, count: lines.count)
        var previous: CivilDate?
        for regularisation in regularisations.sorted(by: { $0.end < $1.end }) {
            guard let correction = regularisation.billedKWh else { continue }
            let corrected = lines.indices.filter { index in lines[index].end <= regularisation.end && (previous.map { lines[index].end > $0 } ?? true) }
            let total = corrected.reduce(0.0) { $0 + (lines[$1].billedKWh ?? 0) }
            if total > 0, total + correction >= 0 {
                for index in corrected { scale[index] *= (total + correction) / total }
            }
            previous = regularisation.end
        }
        var byMinute: [Int: Double] = [:]
        for (index, line) in lines.enumerated() {
            guard let billed = line.billedKWh, billed > 0, line.end >= line.start else { continue }
            let kWh = billed * scale[index]
            let register = (line.period ?? "").lowercased()
            let hours = (0..<24).filter { hour in
                let inOffPeak = offPeak.contains { $0.contains(minuteOfDay: hour * 60) }
                return register == "hc" ? inOffPeak : register == "hp" ? !inOffPeak : true
            }
            let hoursUsed = hours.isEmpty ? Array(0..<24) : hours
            let days = line.end.dayNumber - line.start.dayNumber + 1
            let perHour = kWh / Double(days * hoursUsed.count)
            for day in line.start.dayNumber...line.end.dayNumber {
                for hour in hoursUsed { byMinute[day * 1440 + hour * 60, default: 0] += perHour }
            }
        }
        let intervals = byMinute.keys.sorted().map { minute in
            LoadCurve.Interval(start: LocalDateTime(minuteNumber: minute), minutes: 60, kWh: byMinute[minute] ?? 0)
        }
        return LoadCurve(intervals: intervals, origin: origin)
    }
}
