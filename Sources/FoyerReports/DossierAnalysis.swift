import Foundation
import FoyerAnalysis
import FoyerCore
import FoyerDossier
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
        /// Euros a year saved: the simulation's, scaled by bills ÷ simulation when the bills are
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
    public var measures: [MeasureEffect]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case householdID = "household_id", dwellingName = "dwelling_name", country, energyEURPerYear = "energy_eur_per_year", energyBasis = "energy_basis"
        case billsEURPerYear = "bills_eur_per_year", simulatedEURPerYear = "simulated_eur_per_year"
        case occupiedHoursBelow16C = "occupied_hours_below_16c", reportedCold = "reported_cold", indicators, measures, notes
    }

    /// The dwelling a dossier names, resolved (`dossierPath` locates a dwelling file named
    /// relative to the dossier).
    public static func dwelling(of dossier: Dossier, dossierPath: String) -> LoadedDwelling {
        switch dossier.dwelling {
        case let .archetype(id):
            return Inputs.loadDwelling(id)
        case let .file(path):
            let resolved = path.hasPrefix("/") ? path : URL(fileURLWithPath: dossierPath).deletingLastPathComponent().appendingPathComponent(path).path
            return Inputs.loadDwelling(resolved)
        case let .embedded(value):
            let data = (try? JSONEncoder().encode(value)) ?? Data()
            return DwellingLoader.load(data: data, file: dossierPath + " (dwelling.embedded)", library: Inputs.archetypeLibrary, climateZones: Inputs.climateZones)
        }
    }

    /// Simulates the dossier's dwelling and each measure recommended at its visits (or done
    /// since), and sets the indicators before and after each.
    public static func analyse(_ dossier: Dossier, dossierPath: String, library: TariffLibrary, catalogue: MeasureLibrary,
                               model: ThermalModel = .iso52016) throws(InputError) -> DossierAnalysis {
        let loaded = dwelling(of: dossier, dossierPath: dossierPath)
        guard let dwelling = loaded.dwelling else { throw InputError(loaded.issues.errors) }
        let weather = try Inputs.weather(for: dwelling.location).year
        var notes: [String] = []
        // The measures of the visits' recommendations and of the actions, in that order, once each.
        var ids: [String] = []
        for id in dossier.visits.flatMap({ $0.recommendations.compactMap(\.measure) }) + dossier.actions.compactMap(\.measure) where !ids.contains(id) {
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
        let book = dossier.invoiceBook(file: dossierPath)
        if !book.lines.isEmpty {
            let analysis = InvoiceAnalysis(book)
            if analysis.meters.contains(where: { $0.annualEUR != nil }) { billsEUR = analysis.annualEUR }
        }
        guard let basis = billsEUR ?? simulated else {
            throw InputError(InputIssue(.error, file: dossierPath, path: "bills", message: "no year of bills and no simulated bill: the energy cost is unknown",
                                        expected: "a year of invoice lines (foyer dossier add-bills), or contracts or offers for the dwelling's energies"))
        }
        // A household that pays less than the simulation (it heats less: the prebound effect,
        // Sunikka-Blank & Galvin 2012) saves less than the simulation says: the simulated euros
        // are scaled by what it pays ÷ what the simulation gives, so that a saving never exceeds
        // what its bills can give. (A calibration on the bills, `foyer calibrate`, does better.)
        var scale = 1.0
        if let billsEUR, let simulated, simulated > 0 {
            scale = billsEUR / simulated
            notes.append("the indicators use the bills (\(NumberText.fixed(billsEUR, 0)) € a year; the simulation at this dwelling's use gives \(NumberText.fixed(simulated, 0)) €): "
                         + "the heating part of each measure's simulated saving is scaled by their ratio, \(NumberText.fixed(scale, 2))")
        }
        let effects = report.measures.map { line in
            // Only the heating part of a saving is scaled: an LED saves what it saves however
            // warm the household keeps its home. The heating part is taken as the share of the
            // kWh saved that is heating (0 when the measure adds heating, as lighting's lost heat does).
            let heatingShare = line.alone.map { change in change.kWh > 0 ? min(1, max(0, change.heatingKWh / change.kWh)) : 0 } ?? 0
            let saved = line.alone?.eur.map { $0 * (1 - heatingShare * (1 - scale)) }
            let after = saved.map { basis - $0 }
            return MeasureEffect(id: line.id, nameFr: line.nameFr, nameEn: line.nameEn, eurSavedPerYear: saved, simulatedEURSavedPerYear: line.alone?.eur,
                                 costTypicalEUR: line.costTypicalEUR,
                                 occupiedHoursBelow16CAfter: line.alone.map { report.baseline.hoursBelow16C + $0.hoursBelow16C },
                                 indicatorsAfter: after.map { FuelPovertyIndicators(household: dossier.household, energyEURPerYear: max(0, $0)) },
                                 notApplicable: line.notApplicable)
        }
        return DossierAnalysis(householdID: dossier.householdID, dwellingName: dwelling.name, country: (dwelling.location.country ?? "FR").uppercased(),
                               energyEURPerYear: basis, energyBasis: billsEUR == nil ? "simulation" : "bills",
                               billsEURPerYear: billsEUR, simulatedEURPerYear: simulated, occupiedHoursBelow16C: report.baseline.hoursBelow16C,
                               reportedCold: dossier.visits.last(where: { $0.reportedCold != nil })?.reportedCold,
                               indicators: FuelPovertyIndicators(household: dossier.household, energyEURPerYear: basis), measures: effects, notes: notes)
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
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
