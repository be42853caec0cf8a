import Foundation
import FoyerAnalysis
import FoyerCore
import FoyerEnergy
import FoyerLabel
import FoyerModel
import FoyerTariffs
import FoyerThermal

/// What one simulated variant of a dwelling consumes, pays, emits and feels.
public struct VariantOutcome: Sendable, Encodable {
    /// Energy bought per fuel, kWh (PCI).
    public var kWhByEnergy: [String: Double]
    /// Of which for heating, kWh.
    public var heatingKWh: Double
    /// The year's bills at the household's contracts (or the offers standing for them), €.
    public var billEUR: Double?
    public var primaryEnergyKWh: Double
    public var co2Kg: Double
    /// Occupied hours by the operative temperature.
    public var hoursBelow16C: Int
    public var hoursBelow19C: Int
    public var hoursAbove28C: Int
    public var unmetHeatKWh: Double
    /// How an energy the dwelling did not use before was priced (a new fuel after a measure).
    public var pricingNotes: [String]? = nil
    /// Final energy of the DPE's uses that Foyer computes (heating, hot water, cooling,
    /// auxiliaries), by use and energy — what the label of the variant is made from (not encoded).
    public var dpeUsesKWh: [DPEUseEnergy] = []
    /// The same in French, for the household's report.
    public var pricingNotesFr: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case pricingNotes = "pricing_notes", pricingNotesFr = "pricing_notes_fr"
        case kWhByEnergy = "kwh_by_energy", heatingKWh = "heating_kwh", billEUR = "bill_eur", primaryEnergyKWh = "primary_energy_kwh", co2Kg = "co2_kg"
        case hoursBelow16C = "hours_below_16c", hoursBelow19C = "hours_below_19c", hoursAbove28C = "hours_above_28c", unmetHeatKWh = "unmet_heat_kwh"
    }

    /// `self − other`, field by field (a saving when `other` is the variant after a measure).
    func minus(_ other: VariantOutcome) -> Change {
        var byEnergy: [String: Double] = [:]
        for key in Set(kWhByEnergy.keys).union(other.kWhByEnergy.keys) { byEnergy[key] = (kWhByEnergy[key] ?? 0) - (other.kWhByEnergy[key] ?? 0) }
        return Change(kWhByEnergy: byEnergy, kWh: byEnergy.sumInKeyOrder, heatingKWh: heatingKWh - other.heatingKWh,
                      eur: billEUR.flatMap { a in other.billEUR.map { a - $0 } }, primaryEnergyKWh: primaryEnergyKWh - other.primaryEnergyKWh,
                      co2Kg: co2Kg - other.co2Kg, hoursBelow16C: other.hoursBelow16C - hoursBelow16C, hoursBelow19C: other.hoursBelow19C - hoursBelow19C,
                      hoursAbove28C: other.hoursAbove28C - hoursAbove28C)
    }

    /// What a measure saves: energy, euros, primary energy and CO₂ are savings (positive = less);
    /// the hours are the change in hours (negative = fewer cold or hot hours).
    public struct Change: Sendable, Encodable {
        public var kWhByEnergy: [String: Double]
        public var kWh: Double
        public var heatingKWh: Double
        public var eur: Double?
        public var primaryEnergyKWh: Double
        public var co2Kg: Double
        public var hoursBelow16C: Int
        public var hoursBelow19C: Int
        public var hoursAbove28C: Int
        enum CodingKeys: String, CodingKey {
            case kWhByEnergy = "kwh_saved_by_energy", kWh = "kwh_saved", heatingKWh = "heating_kwh_saved", eur = "eur_saved_per_year"
            case primaryEnergyKWh = "primary_energy_kwh_saved", co2Kg = "co2_kg_saved"
            case hoursBelow16C = "change_hours_below_16c", hoursBelow19C = "change_hours_below_19c", hoursAbove28C = "change_hours_above_28c"
        }
    }
}

/// One aid counted for a measure.
public struct AidAmount: Sendable, Encodable {
    public var scheme: String
    public var eur: Double?
    /// Why there is no amount (income band not given, not eligible…).
    public var note: String?
    public var source: String
}

/// A measure's line of the savings table.
public struct MeasureSaving: Sendable, Encodable {
    public var id: String
    public var nameFr: String
    public var nameEn: String
    public var kind: MeasureKind
    /// `nil` when it applies; else why not (and no figures).
    public var notApplicable: String?
    public var summary: String?
    public var summaryFr: String?
    public var quantity: Double?
    public var quantityUnit: String?
    /// The measure alone, against the dwelling as it is.
    public var alone: VariantOutcome.Change?
    /// The measure alone at the conventional use, when the savings are the household's.
    public var aloneAtConventionalUse: VariantOutcome.Change?
    /// After the measures above it in the recommended order (each against the one before).
    public var cumulative: VariantOutcome.Change?
    /// After this measure and all above it.
    public var cumulativeOutcome: VariantOutcome?
    public var costLowEUR: Double?
    public var costTypicalEUR: Double?
    public var costHighEUR: Double?
    public var costSource: String?
    public var aids: [AidAmount]
    public var netCostEUR: Double?
    public var lifetimeYears: Double
    public var simplePaybackYears: Double?
    /// Savings over the lifetime, discounted at 4 % (the CEE convention), over the net cost.
    public var savingsToInvestmentRatio: Double?
    /// The published saving to set beside Foyer's, kWh of final energy a year, and its source.
    public var referenceKWhPerYear: Double?
    public var referenceSource: String?
    /// Set when the measure makes the dwelling colder for its occupants: the extra occupied
    /// hours below 16 °C (a saving a household that is already cold must not be advised to make).
    public var colderHours: Int?
    /// Advice whose saving is not quantified: why, in French (the English is `not_applicable`).
    public var adviceFr: String?
    /// How a fuel new after the measure was priced.
    public var pricingNotes: [String]?
    public var pricingNotesFr: [String]?
    /// Whether this line is advice (applies, nothing counted) rather than a measure that does not fit.
    public var isAdvice: Bool { adviceFr != nil }

    enum CodingKeys: String, CodingKey {
        case id, kind, summary, quantity, alone, cumulative, aids
        case adviceFr = "advice_fr", pricingNotes = "pricing_notes", pricingNotesFr = "pricing_notes_fr"
        case colderHours = "colder_hours_below_16c", aloneAtConventionalUse = "alone_at_conventional_use"
        case nameFr = "name_fr", nameEn = "name_en", notApplicable = "not_applicable", quantityUnit = "quantity_unit", summaryFr = "summary_fr"
        case cumulativeOutcome = "cumulative_outcome"
        case costLowEUR = "cost_low_eur", costTypicalEUR = "cost_typical_eur", costHighEUR = "cost_high_eur", costSource = "cost_source"
        case netCostEUR = "net_cost_eur", lifetimeYears = "lifetime_years", simplePaybackYears = "simple_payback_years"
        case savingsToInvestmentRatio = "savings_to_investment_ratio", referenceKWhPerYear = "reference_kwh_per_year", referenceSource = "reference_source"
    }
}

/// The savings table of a dwelling.
public struct SavingsReport: Sendable, Encodable {
    public var use: UseSummary
    public var model: String
    public var weather: String
    public var baseline: VariantOutcome
    /// Applicable measures in the recommended order, then those that do not apply.
    public var measures: [MeasureSaving]
    /// Every applicable measure together, simulated as one package.
    public var package: VariantOutcome?
    /// The packages asked for, each simulated as a whole.
    public var packages: [PackageSaving] = []
    public var incomeBand: IncomeBand?
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case use, model, weather, baseline, measures, package, packages, notes
        case incomeBand = "income_band"
    }
}

/// A package of measures simulated as a whole (their interactions included).
public struct PackageSaving: Sendable, Encodable {
    /// The measures applied, in the order given; those made pointless by an earlier one are left out.
    public var measures: [String]
    public var skipped: [String]
    public var saving: VariantOutcome.Change
    public var outcome: VariantOutcome
    public var costTypicalEUR: Double
    public var netCostEUR: Double
    public var simplePaybackYears: Double?
    enum CodingKeys: String, CodingKey {
        case measures, skipped, saving, outcome
        case costTypicalEUR = "cost_typical_eur", netCostEUR = "net_cost_eur", simplePaybackYears = "simple_payback_years"
    }
}

/// Options of a savings run.
public struct SavingsOptions: Sendable {
    public var model: ThermalModel = .iso52016
    public var pricesOn: CivilDate?
    /// The household's MaPrimeRénov' income category; `nil`: the income-based aids are not counted.
    public var incomeBand: IncomeBand?
    public init(model: ThermalModel = .iso52016, pricesOn: CivilDate? = nil, incomeBand: IncomeBand? = nil) {
        self.model = model
        self.pricesOn = pricesOn
        self.incomeBand = incomeBand
    }
}

/// Simulates variants of one dwelling on one prepared weather year and prices them alike: the
/// household's contracts, and for an energy without one the baseline's cheapest offer (said in
/// ``notes``). Savings and the works planner share it.
public struct VariantEvaluator: Sendable {
    /// The dwelling as it is, with the contracts every variant is priced at.
    public let base: ResolvedDwelling
    public private(set) var baseline: VariantOutcome
    public let notes: [String]
    let prepared: PreparedWeather
    let library: TariffLibrary
    let options: SavingsOptions
    let simulation: SimulationOptions
    let contracts: [ContractSpec]
    /// The weather under the DPE's conventions (its degree-hours), prepared once, when the
    /// evaluator gives DPE classes (the works list): each variant's class then comes from its
    /// own simulation under the conventions `foyer label` uses.
    let labelWeather: PreparedWeather?

    /// - Parameter labels: simulate each variant a second time under the DPE's conventions, for
    ///   its class (``VariantOutcome/dpeLabel(_:diagnosedOn:)``); otherwise the class is read
    ///   from the variant's own simulation.
    public init(_ dwelling: ResolvedDwelling, weather prepared: PreparedWeather, library: TariffLibrary, options: SavingsOptions,
                labels: Bool = false) throws(InputError) {
        self.prepared = prepared
        labelWeather = labels ? DPEConventions.weather(prepared.weather, for: dwelling).map { PreparedWeather($0.year) } : nil
        self.library = library
        self.options = options
        let calendarYear = EnergyAnalysis.billingYear(dwelling, library: library, pricesOn: options.pricesOn)
        simulation = SimulationOptions(firstWeekday: CivilDate(calendarYear, 1, 1).isoWeekday)
        var notes: [String] = []
        let result = try SavingsEngine.simulate(dwelling, prepared, options.model, simulation)
        let full = try EnergyAnalysis.analyse(dwelling, result: result, weather: prepared.weather, library: library,
                                              options: EnergyOptions(pricesOn: options.pricesOn))
        var contracts = dwelling.energySupply.contracts ?? []
        for comparison in full.comparisons {
            let circuit: MeterCircuit = comparison.circuit == MeterCircuit.exclusiveNight.rawValue ? .exclusiveNight : .main
            guard !contracts.contains(where: { $0.energy == comparison.energy && ($0.circuit ?? .main) == circuit }),
                  let cheapest = comparison.options.first else { continue }
            contracts.append(ContractSpec(energy: comparison.energy, offer: cheapest.offer, circuit: circuit))
            notes.append("no \(comparison.energy.rawValue) contract: priced at the cheapest offer, \(cheapest.name)")
        }
        self.contracts = contracts
        self.notes = notes
        var base = dwelling
        base.energySupply.contracts = contracts
        // The subscribed power stays the household's (the level the baseline calls for when
        // the file gives none): a measure that lowers the peak does not change the contract; one
        // that raises it above the level is priced at the higher level it needs.
        if base.energySupply.subscribedKVA == nil, let kva = full.subscribedKVA { base.energySupply.subscribedKVA = kva }
        self.base = base
        baseline = VariantOutcome(kWhByEnergy: [:], heatingKWh: 0, billEUR: nil, primaryEnergyKWh: 0, co2Kg: 0,
                                  hoursBelow16C: 0, hoursBelow19C: 0, hoursAbove28C: 0, unmetHeatKWh: 0)
        baseline = try outcome(base)
    }

    /// The outcomes of `variants`, in their order, simulated on every core (each variant is
    /// independent; the results are placed by index, so the output does not depend on the
    /// scheduling). The first error, by index, is thrown.
    public func outcomes(_ variants: [ResolvedDwelling]) throws(InputError) -> [VariantOutcome] {
        let results = ResultSlots<Result<VariantOutcome, InputError>>(count: variants.count)
        let workers = max(1, min(variants.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < variants.count {
                do throws(InputError) {
                    results.set(index, .success(try outcome(variants[index])))
                } catch {
                    results.set(index, .failure(error))
                }
                index += workers
            }
        }
        var outcomes: [VariantOutcome] = []
        outcomes.reserveCapacity(variants.count)
        for index in variants.indices {
            switch results.get(index) {
            case let .success(outcome)?: outcomes.append(outcome)
            case let .failure(error)?: throw error
            case nil: throw InputError(InputIssue(.error, path: "", message: "a variant was not simulated"))
            }
        }
        return outcomes
    }

    /// Energy, bills, emissions and comfort of `variant` (priced at the base's contracts).
    public func outcome(_ variant: ResolvedDwelling) throws(InputError) -> VariantOutcome {
        var variant = variant
        variant.energySupply.contracts = contracts
        variant.energySupply.subscribedKVA = base.energySupply.subscribedKVA
        let result = try SavingsEngine.simulate(variant, prepared, options.model, simulation)
        var report = try EnergyAnalysis.analyse(variant, result: result, weather: prepared.weather, library: library,
                                                options: EnergyOptions(pricesOn: options.pricesOn, compareOffers: false))
        // A fuel the dwelling did not buy before (wood pellets after a new boiler): priced at
        // its cheapest offer, as the baseline's fuels without a contract are, and said.
        var pricingNotes: [String] = [], pricingNotesFr: [String] = []
        var unpriced = false
        if let subscribed = variant.energySupply.subscribedKVA, let needed = report.recommendedKVA, needed > subscribed {
            variant.energySupply.subscribedKVA = needed
            pricingNotes.append("electricity: \(NumberText.short(needed)) kVA subscribed instead of \(NumberText.short(subscribed)) for the higher peak after the measure")
            pricingNotesFr.append("électricité : abonnement de \(NumberText.short(needed)) kVA au lieu de \(NumberText.short(subscribed)) pour la pointe plus forte après la mesure")
            report = try EnergyAnalysis.analyse(variant, result: result, weather: prepared.weather, library: library,
                                                options: EnergyOptions(pricesOn: options.pricesOn, compareOffers: false))
        }
        let missing = Set(report.delivered.map(\.energy)).subtracting(contracts.compactMap(\.energy))
        if !missing.isEmpty {
            let full = try EnergyAnalysis.analyse(variant, result: result, weather: prepared.weather, library: library,
                                                  options: EnergyOptions(pricesOn: options.pricesOn))
            for energy in missing.sorted(by: { $0.rawValue < $1.rawValue }) {
                if let cheapest = full.comparisons.first(where: { $0.energy == energy })?.options.first {
                    variant.energySupply.contracts?.append(ContractSpec(energy: energy, offer: cheapest.offer))
                    pricingNotes.append("\(energy.rawValue), new after the measure: priced at the cheapest offer, \(cheapest.name)")
                    pricingNotesFr.append("\(energy.frenchName), nouvelle énergie après la mesure : comptée au prix de l'offre la moins chère, \(cheapest.name)")
                } else {
                    pricingNotes.append("\(energy.rawValue), new after the measure: no offer in the tariff library for the dwelling's country, so no euro figure is given")
                    pricingNotesFr.append("\(energy.frenchName), nouvelle énergie après la mesure : aucune offre connue dans ce pays, donc pas de montant en euros")
                    unpriced = true
                }
            }
            report = try EnergyAnalysis.analyse(variant, result: result, weather: prepared.weather, library: library,
                                                options: EnergyOptions(pricesOn: options.pricesOn, compareOffers: false))
        }
        var byEnergy: [String: Double] = [:]
        var heating = 0.0
        var dpeUses: [DPEUseEnergy] = []
        var labelReport = report
        if let labelWeather {
            let conventional = DPEConventions.dwelling(variant)
            let labelResult = try SavingsEngine.simulate(conventional, labelWeather, options.model, simulation)
            labelReport = try EnergyAnalysis.analyse(conventional, result: labelResult, weather: labelWeather.weather, library: library,
                                                     options: EnergyOptions(pricesOn: options.pricesOn, compareOffers: false))
        }
        let intermittence = labelWeather == nil ? 1 : DPEConventions.intermittenceFactor(variant)
        for item in labelReport.delivered {
            for use in [EnergyUse.heating, .hotWater, .cooling, .auxiliaries] {
                if let kWh = item.byUseKWh[use.rawValue], kWh != 0 {
                    dpeUses.append(DPEUseEnergy(use: use, energy: item.energy, kWh: use == .heating ? kWh * intermittence : kWh))
                }
            }
        }
        for item in report.delivered {
            byEnergy[item.energy.rawValue, default: 0] += item.kWh
            heating += item.byUseKWh[EnergyUse.heating.rawValue] ?? 0
        }
        let comfort = SimulationReport.ComfortHours(result.operativeC, occupied: result.occupied)
        return VariantOutcome(kWhByEnergy: byEnergy, heatingKWh: heating, billEUR: report.bills.isEmpty || unpriced ? nil : report.bills.reduce(0) { $0 + $1.totalEUR },
                              primaryEnergyKWh: report.primaryEnergyKWh, co2Kg: report.co2Kg, hoursBelow16C: comfort.hoursBelow16C,
                              hoursBelow19C: comfort.hoursBelow19C, hoursAbove28C: comfort.hoursAbove28C, unmetHeatKWh: report.unmetHeatKWh,
                              pricingNotes: pricingNotes.isEmpty ? nil : pricingNotes, dpeUsesKWh: dpeUses, pricingNotesFr: pricingNotesFr.isEmpty ? nil : pricingNotesFr)
    }
}

/// Simulates a dwelling and its variants (each measure alone, the measures cumulated in the
/// recommended order, the whole package) on one prepared weather year, and tabulates the savings.
public enum SavingsEngine {
    /// More occupied hours below 16 °C than this after a measure are said beside its saving.
    public static let colderHoursWorthSaying = 24

    /// CEE discounting: 4 % a year over the conventional lifetime (`../shared/reference/works-gestures-labels.md` §C.1).
    public static let discountRate = 0.04

    /// Σ_{t=0}^{n−1} 1.04^−t for a lifetime of `years` (fractional years counted pro rata).
    public static func presentValueFactor(years: Double) -> Double {
        let whole = Int(years.rounded(.down))
        var factor = 0.0
        for t in 0..<max(0, whole) { factor += pow(1 + discountRate, -Double(t)) }
        factor += (years - Double(whole)) * pow(1 + discountRate, -Double(whole))
        return factor
    }

    /// - Parameter conventional: the same dwelling under the conventional use, when `dwelling`
    ///   is the household's: each measure's saving is then also given at the conventional use
    ///   (the whole dwelling heated at the regulatory set-point), the saving a household that
    ///   heats less does not get — part of the effect comes as warmth.
    public static func run(_ dwelling: ResolvedDwelling, measures: [Measure], weather prepared: PreparedWeather, weatherName: String,
                           library: TariffLibrary, options: SavingsOptions, conventional: ResolvedDwelling? = nil,
                           packages: [[Measure]] = []) throws(InputError) -> SavingsReport {
        let evaluator = try VariantEvaluator(dwelling, weather: prepared, library: library, options: options)
        let conventionalEvaluator = try conventional.map { dwelling throws(InputError) in try VariantEvaluator(dwelling, weather: prepared, library: library, options: options) }
        var notes = evaluator.notes
        let base = evaluator.base
        let baseline = evaluator.baseline

        // Each measure alone: applied first (cheap), then every variant simulated, on every core.
        var lines: [(MeasureSaving, AppliedMeasure?)] = []
        let zone = cumacZone(dwelling)
        var aloneVariants: [ResolvedDwelling] = [], conventionalVariants: [ResolvedDwelling] = []
        var pending: [(line: Int, alone: Int, conventional: Int?)] = []
        for measure in measures {
            if let reason = modelCannotShow(measure, options.model) {
                lines.append((line(measure, applied: nil, notApplicable: reason, alone: nil, baseline: baseline, zone: zone, options: options), nil))
                continue
            }
            switch MeasureApplication.apply(measure, to: base) {
            case let .failure(reason):
                var skipped = line(measure, applied: nil, notApplicable: reason.reason, alone: nil, baseline: baseline, zone: zone, options: options)
                if reason.isAdvice { skipped.adviceFr = reason.reasonFr ?? reason.reason }
                lines.append((skipped, nil))
            case let .success(applied):
                var conventionalIndex: Int?
                if let other = conventionalEvaluator, case let .success(conventionalApplied) = MeasureApplication.apply(measure, to: other.base) {
                    conventionalIndex = conventionalVariants.count
                    conventionalVariants.append(conventionalApplied.dwelling)
                }
                pending.append((lines.count, aloneVariants.count, conventionalIndex))
                aloneVariants.append(applied.dwelling)
                lines.append((line(measure, applied: nil, notApplicable: nil, alone: nil, baseline: baseline, zone: zone, options: options), applied))
            }
        }
        let aloneOutcomes = try evaluator.outcomes(aloneVariants)
        let conventionalOutcomes = try conventionalEvaluator.map { other throws(InputError) in try other.outcomes(conventionalVariants) } ?? []
        for item in pending {
            guard let applied = lines[item.line].1 else { continue }
            let after = aloneOutcomes[item.alone]
            var saving = line(applied.measure, applied: applied, notApplicable: nil, alone: baseline.minus(after), baseline: baseline, zone: zone, options: options)
            saving.pricingNotes = after.pricingNotes
            saving.pricingNotesFr = after.pricingNotesFr
            if let other = conventionalEvaluator, let index = item.conventional {
                saving.aloneAtConventionalUse = other.baseline.minus(conventionalOutcomes[index])
            }
            lines[item.line].0 = saving
        }
        // The recommended order: gestures first by euros saved, then by savings-to-investment
        // ratio; a measure that makes the occupants colder comes last, whatever it saves.
        var applicable = lines.filter { $0.1 != nil }
        func group(_ line: MeasureSaving) -> Int { line.colderHours != nil ? 2 : line.kind == .gesture ? 0 : 1 }
        applicable.sort { a, b in
            if group(a.0) != group(b.0) { return group(a.0) < group(b.0) }
            let ka = a.0.kind == .gesture ? (a.0.alone?.eur ?? a.0.alone?.kWh ?? 0) : (a.0.savingsToInvestmentRatio ?? 0)
            let kb = b.0.kind == .gesture ? (b.0.alone?.eur ?? b.0.alone?.kWh ?? 0) : (b.0.savingsToInvestmentRatio ?? 0)
            return ka != kb ? ka > kb : a.0.id < b.0.id
        }
        // Cumulated: each measure applied to the dwelling with all the ones above. The variants
        // are built first (applying is cheap), then simulated together with the packages.
        var cumulativeVariants: [ResolvedDwelling] = []
        var cumulativeIndex: [Int?] = []
        var current = base
        for index in applicable.indices {
            guard let measure = applicable[index].1?.measure, case let .success(applied) = MeasureApplication.apply(measure, to: current) else {
                cumulativeIndex.append(nil)
                continue
            }
            cumulativeIndex.append(cumulativeVariants.count)
            cumulativeVariants.append(applied.dwelling)
            current = applied.dwelling
        }
        // The packages asked for, each as a whole.
        var packageParts: [(applied: [String], skipped: [String], cost: Double, net: Double)] = []
        var packageVariants: [ResolvedDwelling] = []
        for measuresOfPackage in packages {
            var dwelling = base, applied: [String] = [], skipped: [String] = [], cost = 0.0, net = 0.0
            for measure in measuresOfPackage {
                guard case let .success(done) = MeasureApplication.apply(measure, to: dwelling) else { skipped.append(measure.id); continue }
                let priced = line(measure, applied: done, notApplicable: nil, alone: VariantOutcome.Change.zero, baseline: baseline, zone: zone, options: options)
                cost += priced.costTypicalEUR ?? 0
                net += priced.netCostEUR ?? 0
                dwelling = done.dwelling
                applied.append(measure.id)
            }
            packageParts.append((applied, skipped, cost, net))
            packageVariants.append(dwelling)
        }
        // The first cumulative variant is the first measure alone: not simulated twice.
        let firstIsAlone = !cumulativeVariants.isEmpty && cumulativeIndex.first == 0
            && applicable.first.flatMap { first in pending.first { lines[$0.line].1?.measure.id == first.1?.measure.id } }.map { aloneVariants[$0.alone] == cumulativeVariants[0] } == true
        var toSimulate = firstIsAlone ? Array(cumulativeVariants.dropFirst()) : cumulativeVariants
        let cumulativeCount = toSimulate.count
        toSimulate += packageVariants
        let simulated = try evaluator.outcomes(toSimulate)
        var cumulativeOutcomes = Array(simulated.prefix(cumulativeCount))
        if firstIsAlone, let first = applicable.first?.1?.measure.id, let item = pending.first(where: { lines[$0.line].1?.measure.id == first }) {
            cumulativeOutcomes.insert(aloneOutcomes[item.alone], at: 0)
        }
        var previous = baseline
        for index in applicable.indices {
            guard let position = cumulativeIndex[index] else {
                applicable[index].0.cumulative = nil
                continue
            }
            let after = cumulativeOutcomes[position]
            applicable[index].0.cumulative = previous.minus(after)
            applicable[index].0.cumulativeOutcome = after
            previous = after
        }
        let package = applicable.isEmpty ? nil : previous
        var packageSavings: [PackageSaving] = []
        for (parts, after) in zip(packageParts, simulated.dropFirst(cumulativeCount)) {
            let saving = baseline.minus(after)
            packageSavings.append(PackageSaving(measures: parts.applied, skipped: parts.skipped, saving: saving, outcome: after, costTypicalEUR: parts.cost,
                                                netCostEUR: parts.net, simplePaybackYears: saving.eur.flatMap { $0 > 0 ? parts.net / $0 : nil }))
        }
        notes += costNotes(dwelling, measures: measures, options: options)
        var report = SavingsReport(use: UseSummary(dwelling), model: options.model.rawValue, weather: weatherName, baseline: baseline,
                                   measures: applicable.map(\.0) + lines.filter { $0.1 == nil }.map(\.0), package: package,
                                   incomeBand: options.incomeBand, notes: notes)
        report.packages = packageSavings
        return report
    }

    /// What the costs and aids leave out for this dwelling (income band, country).
    static func costNotes(_ dwelling: ResolvedDwelling, measures: [Measure], options: SavingsOptions) -> [String] {
        let country = (dwelling.location.country ?? "FR").uppercased()
        var notes: [String] = []
        if country == "FR", options.incomeBand == nil, measures.contains(where: { $0.aids.contains { $0.byIncome != nil } }) {
            notes.append("no income band (--income-band): MaPrimeRénov' amounts, which depend on it, are not counted in the net costs")
        }
        if country != "FR" {
            let local = measures.filter { $0.costsByCountry.contains { $0.country?.uppercased() == country } }.count
            notes.append("costs: \(country) published prices for \(local) of the \(measures.count) measures, the French ones of the catalogue for the others")
            if country == "BE" {
                notes.append("Walloon aids: the primes ended on 30 Sep 2026; from 1 Oct 2026 Rénopack (0 % loan, part forgiven) and Rénoprêt (rate by income) need an audit and a PEB label jump, and their amounts are not published yet — none is counted")
            }
        }
        return notes
    }

    static func simulate(_ dwelling: ResolvedDwelling, _ prepared: PreparedWeather, _ model: ThermalModel, _ options: SimulationOptions) throws(InputError) -> HourlyResult {
        do {
            return try prepared.simulate(dwelling, model: model, options: options)
        } catch {
            throw InputError(InputIssue(.error, path: "", message: "the dwelling cannot be simulated: \(error)"))
        }
    }

    /// Why `model` cannot show what `measure` changes, if it cannot: the 5R1C model of
    /// EN ISO 13790 has one window conductance for the whole day, so night shutters do nothing in it.
    static func modelCannotShow(_ measure: Measure, _ model: ThermalModel) -> String? {
        guard model == .fiveR1C, measure.change.shutters != nil else { return nil }
        return "the 5R1C model (EN ISO 13790) has no night shutters: run with --model iso52016 to see this measure"
    }

    /// The French CEE climate zone (H1, H2, H3) of the dwelling's climate zone id, if French.
    static func cumacZone(_ dwelling: ResolvedDwelling) -> String? {
        guard case let .referenceClimate(id) = dwelling.location.weather, id.hasPrefix("H"), id.count >= 2 else { return nil }
        return String(id.prefix(2))
    }

    static func zoneAmount(_ amounts: ZoneAmountsSpec?, _ zone: String?) -> Double? {
        switch zone {
        case "H1": amounts?.h1
        case "H2": amounts?.h2
        case "H3": amounts?.h3
        default: nil
        }
    }

    static func line(_ measure: Measure, applied: AppliedMeasure?, notApplicable: String?, alone: VariantOutcome.Change?,
                     baseline: VariantOutcome, zone: String?, options: SavingsOptions) -> MeasureSaving {
        var saving = MeasureSaving(id: measure.id, nameFr: measure.nameFr, nameEn: measure.nameEn, kind: measure.kind, notApplicable: notApplicable,
                                   summary: applied?.summary, summaryFr: applied?.summaryFr, aids: [], lifetimeYears: measure.lifetimeYears)
        guard let applied, let alone else { return saving }
        let country = (applied.dwelling.location.country ?? "FR").uppercased()
        let cost = measure.costsByCountry.first { $0.country?.uppercased() == country } ?? measure.cost
        let unit = cost.unit ?? .dwelling
        let quantity = applied.quantity(in: unit)
        saving.quantity = quantity
        saving.quantityUnit = unit.rawValue
        saving.alone = alone
        if alone.hoursBelow16C > SavingsEngine.colderHoursWorthSaying { saving.colderHours = alone.hoursBelow16C }
        saving.costLowEUR = (cost.lowEUR ?? 0) * quantity
        saving.costTypicalEUR = (cost.typicalEUR ?? 0) * quantity
        saving.costHighEUR = (cost.highEUR ?? 0) * quantity
        saving.costSource = [cost.source, cost.date].compactMap { $0 }.joined(separator: ", ")
        var aidTotal = 0.0
        for aid in measure.aids where aid.country.map({ $0.uppercased() == country }) ?? true {
            let scheme = aid.scheme ?? "aid"
            let source = [aid.source, aid.date].compactMap { $0 }.joined(separator: ", ")
            if aid.eligible == false {
                saving.aids.append(AidAmount(scheme: scheme, eur: 0, note: "not eligible", source: source))
                continue
            }
            let aidQuantity = applied.quantity(in: aid.unit ?? unit)
            var amount: Double?
            var note: String? = aid.note
            if let amounts = aid.byIncome {
                if let band = options.incomeBand {
                    let perUnit: Double? = switch band {
                    case .veryLow: amounts.veryLow
                    case .low: amounts.low
                    case .intermediate: amounts.intermediate
                    case .high: amounts.high
                    }
                    amount = perUnit.map { $0 * aidQuantity }
                } else {
                    note = "depends on the income band (--income-band)"
                }
            } else if let cumac = aid.kWhCumacPerUnit {
                if let perUnit = zoneAmount(cumac, zone), let price = aid.eurPerKWhCumac {
                    amount = perUnit * aidQuantity * price
                } else {
                    note = "no French CEE climate zone for this dwelling"
                }
            }
            if let cap = aid.capShareOfCost, let value = amount, let cost = saving.costTypicalEUR { amount = min(value, cap * cost) }
            if let value = amount { aidTotal += value }
            saving.aids.append(AidAmount(scheme: scheme, eur: amount, note: note, source: source))
        }
        if let cost = saving.costTypicalEUR {
            let net = max(0, cost - aidTotal)
            saving.netCostEUR = net
            if let eur = alone.eur, eur > 0 {
                saving.simplePaybackYears = net / eur
                saving.savingsToInvestmentRatio = net > 0 ? eur * presentValueFactor(years: measure.lifetimeYears) / net : nil
            }
        }
        if let reference = measure.referenceSaving {
            if let share = reference.heatingShare {
                saving.referenceKWhPerYear = share * baseline.heatingKWh
            } else if let perUnit = zoneAmount(reference.kWhCumacPerUnit, zone), let years = reference.cumacLifetimeYears {
                let referenceQuantity = applied.quantity(in: reference.unit ?? unit)
                saving.referenceKWhPerYear = perUnit * referenceQuantity / presentValueFactor(years: years)
            }
            saving.referenceSource = reference.source
        }
        return saving
    }
}

/// One DPE use's final energy in one energy, kWh a year.
public struct DPEUseEnergy: Sendable, Equatable {
    public var use: EnergyUse
    public var energy: Energy
    public var kWh: Double
}

extension VariantOutcome {
    /// The variant's DPE class under the DPE 2021 conventions (``DPELabel``): Foyer's heating,
    /// hot water, cooling and auxiliaries, the method's lighting, the factors of `date`; nil for
    /// a dwelling without a French climate zone.
    public func dpeLabel(_ dwelling: ResolvedDwelling, diagnosedOn date: CivilDate) -> DPELabel? {
        guard case let .referenceClimate(zone) = dwelling.location.weather, let lighting = DPEFactors.lightingKWhPerM2(zone: zone) else { return nil }
        let uses = dpeUsesKWh.map { (use: $0.use, energy: $0.energy, kWh: $0.kWh) } + [(use: EnergyUse.lighting, energy: Energy.electricity, kWh: lighting * dwelling.floorAreaM2)]
        return DPELabel.from(finalKWh: uses, referenceAreaM2: dwelling.floorAreaM2, zone: zone, altitude: AltitudeClass(altitudeM: dwelling.location.altitudeM), diagnosedOn: date)
    }
}
