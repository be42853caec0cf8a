import Foundation
import FoyerAnalysis
import FoyerCalibration
import FoyerCore
import FoyerDossier
import FoyerEnergy
import FoyerInvoices
import FoyerMeasures
import FoyerModel
import FoyerTariffs
import FoyerThermal

/// What a household's dossier says once simulated: what its energy costs, how it stands against
/// the fuel-poverty indicators, and how each recommended measure would move them (issue 17,
/// items 2 and 3; the reports are drawn from it).
public struct DossierAnalysis: Sendable, Encodable {
    /// One measure's effect on the household's money and comfort.
    public struct MeasureEffect: Sendable, Encodable {
        public var id: String
        public var nameFr: String
        public var nameEn: String
        /// Euros a year saved: the simulation's, scaled to the bills (``HouseholdScale``) when they are
        /// the basis (nil: not priced, or not applicable).
        public var eurSavedPerYear: Double?
        /// The simulation's euros a year, before any scaling to the bills.
        public var simulatedEURSavedPerYear: Double?
        public var costTypicalEUR: Double?
        /// Occupied hours below 16 °C after the measure (operative temperature).
        public var occupiedHoursBelow16CAfter: Int?
        /// The indicators with the energy cost less the saving.
        public var indicatorsAfter: FuelPovertyIndicators?
        /// Why it does not apply to this dwelling.
        public var notApplicable: String?
        enum CodingKeys: String, CodingKey {
            case id, nameFr = "name_fr", nameEn = "name_en", eurSavedPerYear = "eur_saved_per_year", simulatedEURSavedPerYear = "simulated_eur_saved_per_year"
            case costTypicalEUR = "cost_typical_eur"
            case occupiedHoursBelow16CAfter = "occupied_hours_below_16c_after", indicatorsAfter = "indicators_after", notApplicable = "not_applicable"
        }
    }

    /// Where the money goes, read from the last twelve months of bills: each meter's
    /// degree-day model (``DegreeDayModel``) splits its energy into heating and a base load (hot
    /// water, cooking, appliances), at the price paid, beside the subscriptions.
    public struct Spending: Sendable, Encodable {
        public struct Use: Sendable, Encodable {
            /// `heating`, `base` (hot water, cooking, appliances), `subscription`, or `unsplit`
            /// (a meter whose bills do not follow the weather enough to split).
            public var use: String
            public var energy: Energy
            public var eurPerYear: Double
            enum CodingKeys: String, CodingKey { case use, energy, eurPerYear = "eur_per_year" }
        }
        public struct Month: Sendable, Encodable {
            public var year: Int
            public var month: Int
            public var heatingEUR: Double
            public var baseEUR: Double
            public var subscriptionEUR: Double
            enum CodingKeys: String, CodingKey {
                case year, month, heatingEUR = "heating_eur", baseEUR = "base_eur", subscriptionEUR = "subscription_eur"
            }
        }
        public var uses: [Use]
        /// The last twelve months billed.
        public var months: [Month]
    }

    /// A meter's bills priced at the offers in force (``InvoiceOffers``): what a change of
    /// contract would save, for the family summary's contract advice.
    public struct ContractAdvice: Sendable, Encodable {
        public var energy: Energy
        public var meter: String
        public var days: Int
        public var paidEUR: Double
        /// The cheapest offer on the same consumption and days.
        public var cheapestOffer: String
        public var cheapestName: String
        public var cheapestEUR: Double
        /// (paid − cheapest) over a year, € (≤ 0: the household is on the cheapest or as cheap).
        public var savingEURPerYear: Double
        /// What the comparison had to assume (the subscribed power…).
        public var assumptions: [String]
        enum CodingKeys: String, CodingKey {
            case energy, meter, days, assumptions, paidEUR = "paid_eur", cheapestOffer = "cheapest_offer", cheapestName = "cheapest_name"
            case cheapestEUR = "cheapest_eur", savingEURPerYear = "saving_eur_per_year"
        }
    }

    public var householdID: String
    /// The dwelling's name as its file or archetype gives it, and its country (FR, BE).
    public var dwellingName: String
    public var country: String
    /// The year's energy cost the indicators use, € — the bills' when a year of them is in the
    /// dossier, else the simulation's.
    public var energyEURPerYear: Double
    /// `bills` or `simulation`.
    public var energyBasis: String
    public var billsEURPerYear: Double?
    public var simulatedEURPerYear: Double?
    /// Occupied hours below 16 °C in the simulated year (operative temperature).
    public var occupiedHoursBelow16C: Int
    /// What the household said at its latest visit that asked.
    public var reportedCold: Bool?
    public var indicators: FuelPovertyIndicators
    /// Where the money goes (nil without bills).
    public var spending: Spending?
    /// The bills against the simulation, use by use, that the savings were scaled by (nil when
    /// the energy cost is the simulation's).
    public var householdScale: HouseholdScale?
    /// The bills of each electricity and gas meter against the offers in force.
    public var contracts: [ContractAdvice]
    /// The measures recommended and not yet done, on the dwelling as it is now.
    public var measures: [MeasureEffect]
    /// The measures of the actions done, applied (in date order) to the dwelling the dossier
    /// describes: the dwelling "now" that ``measures`` and the works list start from.
    public var done: [String]
    /// What each done action saved, read from the bills before and after it.
    public var impacts: [ActionImpact]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case householdID = "household_id", dwellingName = "dwelling_name", country, energyEURPerYear = "energy_eur_per_year", energyBasis = "energy_basis"
        case billsEURPerYear = "bills_eur_per_year", simulatedEURPerYear = "simulated_eur_per_year"
        case occupiedHoursBelow16C = "occupied_hours_below_16c", reportedCold = "reported_cold", indicators, spending, householdScale = "household_scale", contracts, measures, done, impacts, notes
    }

    /// The dwelling a dossier names, resolved (`dossierPath` locates a dwelling file named
    /// relative to the dossier).
    public static func dwelling(of dossier: Dossier, dossierPath: String, use: UseChoice = .automatic) -> LoadedDwelling {
        switch dossier.dwelling {
        case let .archetype(id):
            return Inputs.loadDwelling(id, use: use)
        case let .file(path):
            let resolved = path.hasPrefix("/") ? path : URL(fileURLWithPath: dossierPath).deletingLastPathComponent().appendingPathComponent(path).path
            return Inputs.loadDwelling(resolved, use: use)
        case let .embedded(value):
            let data = (try? JSONEncoder().encode(value)) ?? Data()
            return DwellingLoader.load(data: data, file: dossierPath + " (dwelling.embedded)", library: Inputs.archetypeLibrary, climateZones: Inputs.climateZones, use: use)
        }
    }

    /// Simulates the dossier's dwelling and each measure recommended at its visits (or done
    /// since), and sets the indicators before and after each.
    /// - Parameter temperatures: a station's daily mean temperatures over the billed days, to
    ///   normalise the measured impact of done actions for the weather of the billed years.
    public static func analyse(_ dossier: Dossier, dossierPath: String, library: TariffLibrary, catalogue: MeasureLibrary,
                               model: ThermalModel = .iso52016, temperatures: DailyTemperatures? = nil) throws(InputError) -> DossierAnalysis {
        let loaded = dwelling(of: dossier, dossierPath: dossierPath)
        guard let described = loaded.dwelling else { throw InputError(loaded.issues.errors) }
        let weather = try Inputs.weather(for: described.location).year
        var notes: [String] = []
        // The dwelling now: the one described, with the measures of the actions done.
        let (dwelling, done, doneNotes) = current(described, dossier: dossier, catalogue: catalogue)
        notes += doneNotes
        // The measures of the visits' recommendations not yet done, once each.
        var ids: [String] = []
        for id in dossier.visits.flatMap({ $0.recommendations.compactMap(\.measure) }) where !ids.contains(id) && !done.contains(id) {
            ids.append(id)
        }
        var measures: [Measure] = []
        for id in ids {
            if let measure = catalogue.measure(id) { measures.append(measure) } else { notes.append("\(id): not a measure of the catalogue, left out") }
        }
        let report = try SavingsEngine.run(dwelling, measures: measures, weather: PreparedWeather(weather), weatherName: weather.source,
                                           library: library, options: SavingsOptions(model: model))
        notes += report.notes
        let simulated = report.baseline.billEUR
        var billsEUR: Double?
        var spending: Spending?
        var contracts: [ContractAdvice] = []
        // The last twelve months of bills: the household's cost now (after the actions done).
        let book = recentYear(dossier.invoiceBook(file: dossierPath))
        if !book.lines.isEmpty {
            let analysis = InvoiceAnalysis(book, temperatures: temperatures ?? DailyTemperatures(typicalYear: weather))
            if analysis.meters.contains(where: { $0.annualEUR != nil }) { billsEUR = analysis.annualEUR }
            spending = Self.spending(analysis)
            contracts = Self.contractAdvice(book, library: library, country: (described.location.country ?? "FR").uppercased())
        }
        guard let basis = billsEUR ?? simulated else {
            throw InputError(InputIssue(.error, file: dossierPath, path: "bills", message: "no year of bills and no simulated bill: the energy cost is unknown",
                                        expected: "a year of invoice lines (foyer dossier add-bills), or contracts or offers for the dwelling's energies"))
        }
        // A household that pays less than the simulation (it heats less) saves less than the
        // simulation says: each part of a saving is scaled to its bills (``HouseholdScale``).
        let baseline = report.baseline
        let scale = billsEUR == nil ? nil : HouseholdScale.from(spending: spending, paidEUR: billsEUR, simulatedEUR: simulated,
                                                                 heatingKWh: baseline.heatingKWh, totalKWh: baseline.kWhByEnergy.sumInKeyOrder)
        if let billsEUR, let simulated, let scale {
            notes.append("the indicators use the bills (\(NumberText.fixed(billsEUR, 0)) € a year; the simulation at this dwelling's use gives \(NumberText.fixed(simulated, 0)) €): "
                         + "each simulated saving is scaled to the bills, its heating part by \(NumberText.fixed(scale.heating, 2)), the rest by \(NumberText.fixed(scale.other, 2))")
        }
        let effects = report.measures.map { line in
            let saved = line.alone.flatMap { change in change.eur.map { scale?.saving($0, change: change) ?? $0 } }
            let after = saved.map { basis - $0 }
            return MeasureEffect(id: line.id, nameFr: line.nameFr, nameEn: line.nameEn, eurSavedPerYear: saved, simulatedEURSavedPerYear: line.alone?.eur,
                                 costTypicalEUR: line.costTypicalEUR,
                                 occupiedHoursBelow16CAfter: line.alone.map { report.baseline.hoursBelow16C + $0.hoursBelow16C },
                                 indicatorsAfter: after.map { FuelPovertyIndicators(household: dossier.household, energyEURPerYear: max(0, $0)) },
                                 notApplicable: line.notApplicable)
        }
        let predicted = Dictionary(effects.compactMap { effect in effect.eurSavedPerYear.map { (effect.id, $0) } }, uniquingKeysWith: { first, _ in first })
        let impacts = ActionImpact.measured(dossier, dwelling: described, reference: weather, temperatures: temperatures, model: model,
                                           catalogue: catalogue, predictedAtVisit: predicted, file: dossierPath)
        return DossierAnalysis(householdID: dossier.householdID, dwellingName: dwelling.name, country: (dwelling.location.country ?? "FR").uppercased(),
                               energyEURPerYear: basis, energyBasis: billsEUR == nil ? "simulation" : "bills",
                               billsEURPerYear: billsEUR, simulatedEURPerYear: simulated, occupiedHoursBelow16C: report.baseline.hoursBelow16C,
                               reportedCold: dossier.visits.last(where: { $0.reportedCold != nil })?.reportedCold,
                               indicators: FuelPovertyIndicators(household: dossier.household, energyEURPerYear: basis), spending: spending, householdScale: scale, contracts: contracts, measures: effects,
                               done: done, impacts: impacts, notes: notes)
    }

    /// The dwelling with the measures of the done actions (gestures, works, equipment; not
    /// contracts) applied in date order, the ids applied, and notes on those left out.
    static func current(_ described: ResolvedDwelling, dossier: Dossier, catalogue: MeasureLibrary) -> (ResolvedDwelling, [String], [String]) {
        var dwelling = described, done: [String] = [], notes: [String] = []
        for action in dossier.actions.sorted(by: { $0.date < $1.date }) where action.kind != .contract {
            guard let id = action.measure, !done.contains(id) else { continue }
            guard let measure = catalogue.measure(id) else {
                notes.append("action of \(action.date): \(id) is not a measure of the catalogue, not applied to the dwelling")
                continue
            }
            switch MeasureApplication.apply(measure, to: dwelling) {
            case let .success(applied):
                dwelling = applied.dwelling
                done.append(id)
            case let .failure(reason):
                notes.append("action of \(action.date): \(id) does not apply to the dwelling described (\(reason.reason))")
            }
        }
        return (dwelling, done, notes)
    }

    /// Heating, base load and subscriptions of each meter, for the year and month by month.
    static func spending(_ analysis: InvoiceAnalysis) -> Spending {
        var uses: [Spending.Use] = []
        var months: [Int: Spending.Month] = [:]
        for meter in analysis.meters {
            guard let euros = meter.eurosPerYear, let model = meter.degreeDays else {
                if let annual = meter.annualEUR { uses.append(Spending.Use(use: "unsplit", energy: meter.energy, eurPerYear: annual)) }
                continue
            }
            uses += [Spending.Use(use: "heating", energy: meter.energy, eurPerYear: euros.heatingEUR),
                     Spending.Use(use: "base", energy: meter.energy, eurPerYear: euros.baseEUR),
                     Spending.Use(use: "subscription", energy: meter.energy, eurPerYear: euros.fixedChargesEUR)]
            let perFinalKWh = euros.energyPriceEURPerKWh * (meter.energy == .naturalGas ? InvoiceEnergy.naturalGasPCSPerPCI : 1)
            for month in meter.months where month.coveredDays > 0 {
                let key = month.year * 12 + month.month - 1
                let base = min(month.finalKWh, model.baseKWhPerDay * Double(month.coveredDays))
                var entry = months[key] ?? Spending.Month(year: month.year, month: month.month, heatingEUR: 0, baseEUR: 0, subscriptionEUR: 0)
                entry.heatingEUR += (month.finalKWh - base) * perFinalKWh
                entry.baseEUR += base * perFinalKWh
                entry.subscriptionEUR += euros.fixedChargesEUR / 12
                months[key] = entry
            }
        }
        return Spending(uses: uses, months: months.keys.sorted().suffix(12).compactMap { months[$0] })
    }

    /// Each meter's bills against the cheapest offer in force on their days, a year's difference.
    static func contractAdvice(_ book: InvoiceBook, library: TariffLibrary, country: String) -> [ContractAdvice] {
        InvoiceOffers.compare(book, library: library, meter: InvoiceOffers.Meter(country: country)).compactMap { comparison in
            let billedDays = comparison.to.dayNumber - comparison.from.dayNumber + 1
            guard let paid = comparison.paidEUR else { return nil }
            // Each offer over the days it has prices for (all of them, or the months whose
            // prices are shipped), against what was paid for those days pro rata; at least two
            // months. Offers with red days (Tempo) are left out of the advice: their price
            // depends on cutting use on 22 days of winter, which a household in hardship cannot
            // promise.
            let candidates = comparison.offers.compactMap { offer -> (offer: InvoiceOfferComparison.Priced, days: Int, perYear: Double)? in
                let days = offer.pricedDays ?? billedDays
                guard days >= 60, let difference = offer.differenceEUR, library.latest(offer.offer)?.meter != .dayColour else { return nil }
                return (offer, days, -difference * 365.25 / Double(days))
            }
            guard let best = candidates.max(by: { $0.perYear < $1.perYear }) else { return nil }
            return ContractAdvice(energy: comparison.energy, meter: comparison.meter, days: best.days, paidEUR: paid * Double(best.days) / Double(billedDays),
                                  cheapestOffer: best.offer.offer, cheapestName: best.offer.name, cheapestEUR: best.offer.totalEUR,
                                  savingEURPerYear: best.perYear, assumptions: comparison.assumptions)
        }
    }

    /// The lines of the last twelve months billed (those ending within 365 days of the last end).
    static func recentYear(_ book: InvoiceBook) -> InvoiceBook {
        guard let last = book.lines.map(\.end).max() else { return book }
        let from = last.adding(days: -365)
        return InvoiceBook(lines: book.lines.filter { $0.end > from }, issues: book.issues, file: book.file)
    }

    /// The readable form (English; the reports are French first).
    public func text() -> String {
        var lines = ["Dossier \(householdID): energy \(NumberText.fixed(energyEURPerYear, 0)) € a year (\(energyBasis))"
                     + (simulatedEURPerYear.map { energyBasis == "bills" ? "; simulated \(NumberText.fixed($0, 0)) €" : "" } ?? ""),
                     "Occupied hours below 16 °C in the simulated year: \(occupiedHoursBelow16C)" + (reportedCold.map { "; cold reported at the visit: \($0 ? "yes" : "no")" } ?? "")]
        if let effort = indicators.effortRate, let tee = indicators.effortRateAbove8PercentLowIncome {
            lines.append("Effort rate \(NumberText.fixed(effort * 100, 1)) %, TEE_3D \(tee ? "yes" : "no")")
        } else {
            lines.append("No income in the dossier: no effort rate")
        }
        for measure in measures {
            var line = "  \(measure.id): "
            if let reason = measure.notApplicable {
                line += "not applicable (\(reason))"
            } else {
                line += measure.eurSavedPerYear.map { "\(NumberText.fixed($0, 0)) € a year saved" } ?? "not priced"
                if let hours = measure.occupiedHoursBelow16CAfter { line += ", \(hours) h below 16 °C after" }
                if let effort = measure.indicatorsAfter?.effortRate, let tee = measure.indicatorsAfter?.effortRateAbove8PercentLowIncome {
                    line += ", effort rate \(NumberText.fixed(effort * 100, 1)) % (TEE_3D \(tee ? "yes" : "no"))"
                }
            }
            lines.append(line)
        }
        if !done.isEmpty { lines.append("Done (applied to the dwelling): " + done.joined(separator: ", ")) }
        for impact in impacts {
            var line = "  impact of \(impact.measure ?? impact.nameEn) (\(impact.date)): "
            if let reason = impact.notMeasured {
                line += "not measured (\(reason))"
            } else if let saving = impact.savings {
                line += "measured \(NumberText.fixed(saving.measuredKWh, 0))" + (saving.uncertaintyKWh90.map { " ± \(NumberText.fixed($0, 0))" } ?? "")
                    + " kWh over \(saving.days) days (90 %)" + (saving.predictedKWh.map { ", predicted \(NumberText.fixed($0, 0)) kWh on the same days" } ?? "")
                    + (impact.measuredEUR.map { "; \(NumberText.fixed($0, 0)) € measured" } ?? "") + (impact.predictedEUR.map { ", \(NumberText.fixed($0, 0)) € predicted" } ?? "")
                    + " (\(impact.periodsBefore) bill periods before, \(impact.periodsAfter) after; weather: \(impact.weather))"
            }
            lines.append(line)
            lines += impact.warnings.map { "    warning: \($0)" }
        }
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
