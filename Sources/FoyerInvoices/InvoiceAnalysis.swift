import FoyerCore
import FoyerEnergy

/// A first reading of a household's invoices, meter by meter: what was bought over which days,
/// what it comes to per year and per month, what was paid and at what mean price, and the
/// things a technician checks on paper bills (estimated readings, periods without a bill,
/// periods billed twice, regularisations).
///
/// Months: each consumption line's energy is spread evenly over its days (a bill's period does
/// not follow calendar months); a month shows only the days the bills cover. Degree-day weighting
/// and the comparison with the offers in force are the next steps (issue 12).
public struct InvoiceAnalysis: Sendable, Encodable {
    /// Something on the invoices worth a look.
    public struct Flag: Sendable, Encodable, Equatable {
        public enum Kind: String, Sendable, Encodable {
            case estimatedReading = "estimated_reading"
            case gap
            case overlap
            case regularisation
            case shortRecord = "short_record"
        }
        public var kind: Kind
        /// The invoice line(s) it is about.
        public var location: String
        public var message: String
    }

    public struct Month: Sendable, Encodable, Equatable {
        public var year: Int
        public var month: Int
        /// Days of the month the bills cover.
        public var coveredDays: Int
        public var finalKWh: Double
        enum CodingKeys: String, CodingKey {
            case year, month, coveredDays = "covered_days", finalKWh = "final_kwh"
        }
    }

    /// A meter's euros over a year by use: the weather-normalised heating and base energy at
    /// the mean energy price paid, and the fixed charges.
    public struct EurosPerUse: Sendable, Encodable, Equatable {
        /// € per billed kWh of the energy lines (subscription lines left out), taxes included.
        public var energyPriceEURPerKWh: Double
        public var heatingEUR: Double
        /// Hot water, cooking and appliances on this meter.
        public var baseEUR: Double
        /// Subscription lines over a year.
        public var fixedChargesEUR: Double
        enum CodingKeys: String, CodingKey {
            case energyPriceEURPerKWh = "energy_price_eur_per_kwh", heatingEUR = "heating_eur", baseEUR = "base_eur", fixedChargesEUR = "fixed_charges_eur"
        }
    }

    /// One meter (or one fuel store) of one energy.
    public struct Meter: Sendable, Encodable {
        public var energy: Energy
        public var meter: String
        public var lines: Int
        /// First and last day of all its lines.
        public var from: CivilDate
        public var to: CivilDate
        /// Days covered by at least one consumption line (deliveries: from the first to the last
        /// delivery).
        public var coveredDays: Int
        /// Energy on the invoices: as billed (gas in kWh PCS) and in Foyer's basis (PCI), kWh,
        /// regularisations included.
        public var billedKWh: Double
        public var finalKWh: Double
        /// The same over a year (365.25 days of the covered days), when the record allows it.
        public var annualBilledKWh: Double?
        public var annualFinalKWh: Double?
        /// Sum of the amounts, €, all lines (subscription, energy, regularisations, deliveries).
        public var amountEUR: Double
        /// Amounts over a year, €, from `from` to `to`.
        public var annualEUR: Double?
        /// Mean price paid, € per billed kWh, subscription included (lines with an amount).
        public var eurPerBilledKWh: Double?
        public var months: [Month]
        /// The degree-day model of its billing periods, when temperatures were given and the
        /// periods allow a fit.
        public var degreeDays: DegreeDayModel?
        /// Euros per year by use, with the degree-day model.
        public var eurosPerYear: EurosPerUse?
        /// A billed day the station's temperatures miss (then there is no model).
        public var missingTemperatureDay: CivilDate?
        public var flags: [Flag]

        enum CodingKeys: String, CodingKey {
            case energy, meter, lines, from, to, coveredDays = "covered_days", billedKWh = "billed_kwh", finalKWh = "final_kwh"
            case annualBilledKWh = "annual_billed_kwh", annualFinalKWh = "annual_final_kwh", amountEUR = "amount_eur"
            case annualEUR = "annual_eur", eurPerBilledKWh = "eur_per_billed_kwh", months, degreeDays = "degree_days", eurosPerYear = "euros_per_year", missingTemperatureDay = "missing_temperature_day", flags
        }
    }

    public var file: String
    /// The temperatures the degree-day models used, when given, and the year they normalise to.
    public var weatherSource: String?
    public var normalisationSource: String?
    public var meters: [Meter]
    /// Each meter's bills priced at the offers in force on the billed days (filled by the
    /// caller that has the tariffs, see ``InvoiceOffers``).
    public var offers: [InvoiceOfferComparison] = []
    /// Sum over the meters of the annual amounts, € (meters without an annual figure left out).
    public var annualEUR: Double

    /// A record shorter than this many days gives no annual figure (a single monthly bill says
    /// little about a year of heating).
    public static let shortestRecordDays = 28
    static let daysPerYear = 365.25

    enum CodingKeys: String, CodingKey {
        case file, weatherSource = "weather", normalisationSource = "normalised_to", meters, annualEUR = "annual_eur", offers
    }

    /// Analyses `book`; with `temperatures`, each meter's billing periods also get their
    /// degree-day model (``DegreeDayModel``).
    /// `normalisation`: the reference year the weather-normalised figures are given for
    /// (default: `temperatures`, when they are a typical year).
    public init(_ book: InvoiceBook, temperatures: DailyTemperatures? = nil, normalisation: DailyTemperatures? = nil) {
        file = book.file
        weatherSource = temperatures?.source
        normalisationSource = (normalisation ?? temperatures)?.source
        let groups = Dictionary(grouping: book.lines) { "\($0.energy.rawValue)\u{0}\($0.meter)" }
        meters = groups.keys.sorted().compactMap { key in
            groups[key].map { lines in
                var meter = Self.meter(lines)
                if let temperatures {
                    let periods = DegreeDayModel.periods(of: lines)
                    meter.missingTemperatureDay = periods.lazy.compactMap { temperatures.firstMissingDay(from: $0.start, to: $0.end) }.first
                    if let model = DegreeDayModel.fit(periods, temperatures: temperatures, normalisation: normalisation) {
                        meter.degreeDays = model
                        meter.eurosPerYear = Self.eurosPerUse(lines, model: model, from: meter.from, to: meter.to)
                    }
                }
                return meter
            }
        }
        .sorted { ($0.energy, $0.meter) < ($1.energy, $1.meter) }
        annualEUR = meters.compactMap(\.annualEUR).reduce(0, +)
    }

    /// The year's euros by use: energy lines priced at their mean € per billed kWh, the model's
    /// normalised energy brought back to the billed basis (gas: PCS), fixed charges over the span.
    static func eurosPerUse(_ lines: [InvoiceLine], model: DegreeDayModel, from: CivilDate, to: CivilDate) -> EurosPerUse? {
        let priced = lines.filter { $0.kind != .subscription && $0.amountEUR != nil && $0.billedKWh != nil }
        let kWh = priced.compactMap(\.billedKWh).reduce(0, +)
        guard kWh > 0, let energy = lines.first?.energy else { return nil }
        let price = priced.compactMap(\.amountEUR).reduce(0, +) / kWh
        let billedPerFinal = energy == .naturalGas ? InvoiceEnergy.naturalGasPCSPerPCI : 1
        let spanDays = Double(to.dayNumber - from.dayNumber + 1)
        let fixed = lines.filter { $0.kind == .subscription }.compactMap(\.amountEUR).reduce(0, +) * daysPerYear / spanDays
        return EurosPerUse(energyPriceEURPerKWh: price, heatingEUR: model.normalisedHeatingKWh * billedPerFinal * price,
                           baseEUR: model.normalisedBaseKWh * billedPerFinal * price, fixedChargesEUR: fixed)
    }

    static func meter(_ lines: [InvoiceLine]) -> Meter {
        let first = lines[0]
        var flags: [Flag] = []
        let from = lines.map(\.start).min() ?? first.start
        let to = lines.map(\.end).max() ?? first.end
        let billed = lines.compactMap(\.billedKWh).reduce(0, +)
        let final = lines.compactMap(\.finalKWh).reduce(0, +)
        let amount = lines.compactMap(\.amountEUR).reduce(0, +)

        // Consumption periods, one per (start, end): peak and off-peak lines of one bill share it.
        let consumption = lines.filter { $0.kind == .consumption }
        var periods: [(start: CivilDate, end: CivilDate, location: String)] = []
        for line in consumption.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where !periods.contains(where: { $0.start == line.start && $0.end == line.end }) {
            periods.append((line.start, line.end, line.location))
        }
        var covered = 0
        var coveredUntil: Int?
        for (index, period) in periods.enumerated() {
            let startDay = period.start.dayNumber, endDay = period.end.dayNumber
            if let until = coveredUntil {
                if startDay > until + 1 {
                    flags.append(Flag(kind: .gap, location: "\(periods[index - 1].location) → \(period.location)",
                                      message: "\(startDay - until - 1) days without a bill, \(CivilDate(dayNumber: until + 1)) to \(CivilDate(dayNumber: startDay - 1))"))
                } else if startDay <= until {
                    flags.append(Flag(kind: .overlap, location: "\(periods[index - 1].location) → \(period.location)",
                                      message: "\(min(until, endDay) - startDay + 1) days billed twice, from \(period.start)"))
                }
            }
            let newStart = max(startDay, (coveredUntil ?? Int.min) + 1)
            if endDay >= newStart { covered += endDay - newStart + 1 }
            coveredUntil = max(coveredUntil ?? endDay, endDay)
        }
        for line in lines where line.reading == .estimated && line.kind == .consumption {
            flags.append(Flag(kind: .estimatedReading, location: line.location,
                              message: "estimated reading, \(line.start) to \(line.end): a regularisation will follow the next actual reading"))
        }
        for line in lines where line.kind == .regularisation {
            let euros = line.amountEUR.map { " \(NumberText.fixed($0, 2)) €" } ?? ""
            let energy = line.billedKWh.map { " \(NumberText.short($0, maxDecimals: 0)) kWh" } ?? ""
            flags.append(Flag(kind: .regularisation, location: line.location, message: "regularisation\(euros)\(energy) on \(line.end)"))
        }

        // Deliveries: a tank or a wood store is filled, not metered. Between the first and the
        // last delivery the household burnt what was delivered before the last one.
        let deliveries = lines.filter { $0.kind == .delivery }.sorted { $0.start < $1.start }
        var annualBilled: Double?, annualFinal: Double?
        if !consumption.isEmpty {
            let regularised = lines.filter { $0.kind == .regularisation }
            let kWh = (consumption + regularised).compactMap(\.billedKWh).reduce(0, +)
            let kWhFinal = (consumption + regularised).compactMap(\.finalKWh).reduce(0, +)
            if covered >= shortestRecordDays {
                annualBilled = kWh * daysPerYear / Double(covered)
                annualFinal = kWhFinal * daysPerYear / Double(covered)
            }
        } else if deliveries.count >= 2, let last = deliveries.last, let firstDelivery = deliveries.first {
            covered = last.start.dayNumber - firstDelivery.start.dayNumber
            let burnt = deliveries.dropLast()
            if covered >= 180 {
                annualBilled = burnt.compactMap(\.billedKWh).reduce(0, +) * daysPerYear / Double(covered)
                annualFinal = burnt.compactMap(\.finalKWh).reduce(0, +) * daysPerYear / Double(covered)
            }
        }
        if annualFinal == nil {
            flags.append(Flag(kind: .shortRecord, location: first.location,
                              message: deliveries.isEmpty
                                  ? "\(covered) days of bills: too few for a yearly figure (at least \(shortestRecordDays))"
                                  : "deliveries give a yearly figure from two deliveries at least six months apart"))
        }
        let spanDays = to.dayNumber - from.dayNumber + 1
        let annualEUR = annualFinal == nil || spanDays < shortestRecordDays ? nil : amount * daysPerYear / Double(spanDays)
        let pricedKWh = lines.filter { $0.amountEUR != nil }.compactMap(\.billedKWh).reduce(0, +)
        let pricedEUR = lines.compactMap(\.amountEUR).reduce(0, +)

        // Months: each consumption line spread evenly over its days.
        var monthKWh: [Int: Double] = [:]
        var monthDays: [Int: Set<Int>] = [:]
        for line in consumption + lines.filter({ $0.kind == .regularisation && $0.finalKWh != nil && $0.days > 1 }) {
            let perDay = (line.finalKWh ?? 0) / Double(line.days)
            for day in line.start.dayNumber...line.end.dayNumber {
                let date = CivilDate(dayNumber: day)
                let key = date.year * 12 + date.month - 1
                monthKWh[key, default: 0] += perDay
                if line.kind == .consumption { monthDays[key, default: []].insert(day) }
            }
        }
        let months = monthKWh.keys.sorted().map { key in
            Month(year: key / 12, month: key % 12 + 1, coveredDays: monthDays[key]?.count ?? 0, finalKWh: monthKWh[key] ?? 0)
        }
        return Meter(energy: first.energy, meter: first.meter, lines: lines.count, from: from, to: to, coveredDays: covered,
                     billedKWh: billed, finalKWh: final, annualBilledKWh: annualBilled, annualFinalKWh: annualFinal,
                     amountEUR: amount, annualEUR: annualEUR, eurPerBilledKWh: pricedKWh > 0 ? pricedEUR / pricedKWh : nil,
                     months: months, degreeDays: nil, eurosPerYear: nil, flags: flags)
    }

    /// The analysis as text for people.
    public func text() -> String {
        var out = "Invoices: \(file)\n"
        for meter in meters {
            out += "\n\(meter.energy.rawValue)\(meter.meter == "main" ? "" : " (meter \(meter.meter))"): \(meter.lines) lines, \(meter.from) to \(meter.to), \(meter.coveredDays) days covered\n"
            let gas = meter.energy == .naturalGas
            out += "  energy billed      \(NumberText.short(meter.billedKWh, maxDecimals: 0)) kWh\(gas ? " PCS (\(NumberText.short(meter.finalKWh, maxDecimals: 0)) kWh PCI)" : "")\n"
            if let annual = meter.annualBilledKWh, let annualFinal = meter.annualFinalKWh {
                out += "  per year           \(NumberText.short(annual, maxDecimals: 0)) kWh\(gas ? " PCS (\(NumberText.short(annualFinal, maxDecimals: 0)) kWh PCI)" : "") (pro rata of the \(meter.coveredDays) days, not weather-corrected)\n"
            }
            if meter.eurPerBilledKWh == nil && meter.amountEUR == 0 {
                out += "  paid               no amounts on these lines\n"
                out += monthsAndModel(meter, gas: gas)
                continue
            }
            out += "  paid               \(NumberText.fixed(meter.amountEUR, 2)) €"
            if let annual = meter.annualEUR { out += ", \(NumberText.fixed(annual, 0)) € per year" }
            if let price = meter.eurPerBilledKWh { out += ", \(NumberText.fixed(price, 4)) €/kWh subscription included" }
            out += "\n"
            out += monthsAndModel(meter, gas: gas)
        }
        out += "\nTotal per year: \(NumberText.fixed(annualEUR, 0)) €\n"
        if let weatherSource, let normalisationSource, weatherSource != normalisationSource {
            out += "Degree-days of the billed days from \(weatherSource); years normalised to \(normalisationSource).\n"
        } else if let weatherSource {
            out += "Degree-days from the reference year \(weatherSource) for every billed day (not the billed period's own weather).\n"
        } else {
            out += "Give --weather (a climate id such as H1a, or an EPW file) for weather-normalised figures.\n"
        }
        for comparison in offers {
            out += "\n\(comparison.energy.rawValue)\(comparison.meter == "main" ? "" : " (meter \(comparison.meter))"): the offers in force on the billed days, for the same \(NumberText.short(comparison.billedKWh, maxDecimals: 0)) kWh (\(comparison.from) to \(comparison.to))\n"
            if let paid = comparison.paidEUR, let perKWh = comparison.paidEURPerKWh {
                out += "  paid               \(NumberText.fixed(paid, 2)) € (\(NumberText.fixed(perKWh, 4)) €/kWh)\n"
            }
            for offer in comparison.offers.prefix(8) {
                let difference = offer.differenceEUR.map { " (\($0 >= 0 ? "+" : "")\(NumberText.fixed($0, 2)) €" + (offer.pricedDays != nil ? " against what was paid for those days)" : ")") } ?? ""
                let partial = offer.pricedDays.map { " — on \($0) of the \(offer.billedDays ?? 0) billed days only (no prices shipped for the others)" } ?? ""
                out += "  \(pad(NumberText.fixed(offer.totalEUR, 2), 10)) €  \(NumberText.fixed(offer.eurPerKWh, 4)) €/kWh  \(offer.name)\(difference)\(partial)\n"
            }
            if comparison.offers.isEmpty { out += "  no offer has prices for all these days\n" }
            for reason in comparison.excluded.prefix(6) { out += "  not priced: \(reason)\n" }
            if comparison.excluded.count > 6 { out += "  … and \(comparison.excluded.count - 6) more not priced (--format json lists them)\n" }
            for assumption in comparison.assumptions { out += "  assumed: \(assumption)\n" }
            for flag in comparison.flags { out += "  ! \(flag)\n" }
        }
        return out
    }

    /// The months, the degree-day model and the flags of a meter, as text.
    private func monthsAndModel(_ meter: Meter, gas: Bool) -> String {
        var out = ""
        if !meter.months.isEmpty {
            out += gas ? "  month    kWh PCI  days billed\n" : "  month        kWh  days billed\n"
            for month in meter.months {
                out += "  \(month.year)-\(month.month < 10 ? "0" : "")\(month.month)  \(pad(NumberText.short(month.finalKWh, maxDecimals: 0), gas ? 7 : 9))  \(month.coveredDays)\n"
            }
        }
        if let model = meter.degreeDays {
            let total = model.normalisedBaseKWh + model.normalisedHeatingKWh
            out += "  weather-normalised \(NumberText.short(total, maxDecimals: 0)) kWh\(gas ? " PCI" : "") per year = base \(NumberText.short(model.normalisedBaseKWh, maxDecimals: 0)) (\(NumberText.fixed(model.baseKWhPerDay, 1)) kWh/day)"
            if let balance = model.balanceC {
                out += " + heating \(NumberText.short(model.normalisedHeatingKWh, maxDecimals: 0)) (\(NumberText.fixed(model.kWhPerDegreeDay, 2)) kWh per degree-day below \(NumberText.short(balance)) °C)\n"
            } else {
                out += "; no heating signal: the use does not follow the temperature\n"
            }
            out += "    fit on \(model.periods) billing periods: "
            if let r2 = model.rSquared { out += "R² \(NumberText.fixed(r2, 3)), " }
            if let cv = model.cvRMSEPercent { out += "CV(RMSE) \(NumberText.fixed(cv, 1)) %, " }
            out += "NMBE \(NumberText.fixed(model.nmbePercent, 2)) % (ASHRAE Guideline 14, n − p = \(model.periods - model.parameters))\n"
            if let euros = meter.eurosPerYear {
                out += "  euros per year     heating \(NumberText.fixed(euros.heatingEUR, 0)) €, base \(NumberText.fixed(euros.baseEUR, 0)) €"
                out += euros.fixedChargesEUR > 0 ? ", fixed charges \(NumberText.fixed(euros.fixedChargesEUR, 0)) €" : ""
                out += " (energy at \(NumberText.fixed(euros.energyPriceEURPerKWh, 4)) €/kWh as paid)\n"
            }
        } else if let missing = meter.missingTemperatureDay {
            out += "  weather-normalised: the temperatures miss \(missing), a billed day\n"
        } else if weatherSource != nil {
            out += "  weather-normalised: not enough billing periods (at least \(DegreeDayModel.fewestPeriods) covering \(DegreeDayModel.fewestDays) days)\n"
        }
        for flag in meter.flags { out += "  ! \(flag.kind.rawValue): \(flag.message) (\(flag.location))\n" }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
