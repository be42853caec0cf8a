import Foundation
import FoyerAnalysis
import FoyerCore
import FoyerEnergy
import FoyerLabel
import FoyerModel
import FoyerTariffs
import FoyerThermal

/// One step of the landlord's ranked list: a work chosen "after the ones above".
public struct WorkStep: Sendable, Encodable {
    public var id: String
    public var nameFr: String
    public var nameEn: String
    public var summary: String
    public var summaryFr: String
    /// Against the dwelling with the steps above.
    public var saving: VariantOutcome.Change
    public var after: VariantOutcome
    public var costTypicalEUR: Double
    public var aidsEUR: Double
    public var netCostEUR: Double
    public var cumulativeNetCostEUR: Double
    public var simplePaybackYears: Double?
    public var savingsToInvestmentRatio: Double?
    public var primaryEnergyKWhPerM2After: Double
    /// The DPE class after this step (DPE 2021 conventions, ``DPELabel``), for a French dwelling.
    public var dpeClassAfter: DPEClass?

    enum CodingKeys: String, CodingKey {
        case id, summary, saving, after, dpeClassAfter = "dpe_class_after"
        case nameFr = "name_fr", nameEn = "name_en", summaryFr = "summary_fr"
        case costTypicalEUR = "cost_typical_eur", aidsEUR = "aids_eur", netCostEUR = "net_cost_eur", cumulativeNetCostEUR = "cumulative_net_cost_eur"
        case simplePaybackYears = "simple_payback_years", savingsToInvestmentRatio = "savings_to_investment_ratio"
        case primaryEnergyKWhPerM2After = "primary_energy_kwh_per_m2_after"
    }
}

/// A set of works simulated as a whole.
public struct WorksPackage: Sendable, Encodable {
    /// `greedy` (down the ranked list) or `exact` (every combination).
    public var method: String
    public var measures: [String]
    public var netCostEUR: Double
    public var outcome: VariantOutcome
    public var savingEURPerYear: Double?
    public var savingKWh: Double
    public var primaryEnergyKWhPerM2: Double
    /// Combinations simulated to find it.
    public var combinationsSimulated: Int
    /// The DPE class it reaches (French dwellings).
    public var dpeClass: DPEClass? = nil

    enum CodingKeys: String, CodingKey {
        case method, measures, outcome, dpeClass = "dpe_class"
        case netCostEUR = "net_cost_eur", savingEURPerYear = "saving_eur_per_year", savingKWh = "saving_kwh"
        case primaryEnergyKWhPerM2 = "primary_energy_kwh_per_m2", combinationsSimulated = "combinations_simulated"
    }
}

/// The landlord's list of works.
public struct WorksReport: Sendable, Encodable {
    public var use: UseSummary
    public var baseline: VariantOutcome
    public var baselinePrimaryEnergyKWhPerM2: Double
    /// The dwelling's DPE class now (DPE 2021 conventions), for a French dwelling.
    public var baselineDPEClass: DPEClass?
    /// The DPE class asked for with `--target`, if a letter.
    public var targetDPEClass: DPEClass?
    /// Health and safety first, not ranked (NEAT keeps them out of the cost-effectiveness test).
    public var healthAndSafety: [HealthSafetyItem]
    /// Works ranked by savings-to-investment ratio, each chosen after the ones above (a
    /// sequential search, as BEopt's and NEAT's).
    public var ranked: [WorkStep]
    public var notApplicable: [String: String]
    public var budgetEUR: Double?
    public var budgetGreedy: WorksPackage?
    public var budgetExact: WorksPackage?
    public var targetPrimaryEnergyKWhPerM2: Double?
    /// The cheapest package (net cost) whose primary energy per m² is at or below the target.
    public var targetCheapest: WorksPackage?
    public var rentalHorizon: String
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case use, baseline, ranked, notes, baselineDPEClass = "baseline_dpe_class", targetDPEClass = "target_dpe_class"
        case baselinePrimaryEnergyKWhPerM2 = "baseline_primary_energy_kwh_per_m2", notApplicable = "not_applicable"
        case healthAndSafety = "health_and_safety"
        case budgetEUR = "budget_eur", budgetGreedy = "budget_greedy", budgetExact = "budget_exact"
        case targetPrimaryEnergyKWhPerM2 = "target_primary_energy_kwh_per_m2", targetCheapest = "target_cheapest", rentalHorizon = "rental_horizon"
    }
}

public struct WorksOptions: Sendable {
    public var budgetEUR: Double?
    public var targetPrimaryEnergyKWhPerM2: Double?
    /// A DPE class to reach (French dwellings): the cheapest package whose class is this or better.
    public var targetDPEClass: DPEClass?
    /// The date the DPE classes are computed for (the electricity factor: 1.9 from 2026).
    public var dpeDate = CivilDate(2026, 1, 1)
    /// The exact search tries every combination of this many works, the best-ranked.
    public var exactSearchLimit: Int = 7
    public init(budgetEUR: Double? = nil, targetPrimaryEnergyKWhPerM2: Double? = nil, targetDPEClass: DPEClass? = nil) {
        self.budgetEUR = budgetEUR
        self.targetPrimaryEnergyKWhPerM2 = targetPrimaryEnergyKWhPerM2
        self.targetDPEClass = targetDPEClass
    }
}

/// The landlord's list: works ranked with their interactions, the best package within a budget
/// (greedy down the list and exact over every combination, compared) and the cheapest package
/// that reaches a primary-energy target.
public enum WorksPlanner {
    public static func plan(_ dwelling: ResolvedDwelling, measures: [Measure], weather prepared: PreparedWeather, library: TariffLibrary,
                            savings: SavingsOptions, options: WorksOptions) throws(InputError) -> WorksReport {
        let evaluator = try VariantEvaluator(dwelling, weather: prepared, library: library, options: savings, labels: true)
        var notes = evaluator.notes + SavingsEngine.costNotes(dwelling, measures: measures, options: savings)
        let area = dwelling.floorAreaM2
        let zone = SavingsEngine.cumacZone(dwelling)
        let works = measures.filter { $0.kind != .gesture }
        var notApplicable: [String: String] = [:]
        var remaining: [Measure] = []
        for measure in works {
            if let reason = SavingsEngine.modelCannotShow(measure, savings.model) { notApplicable[measure.id] = reason; continue }
            if case let .failure(reason) = MeasureApplication.apply(measure, to: evaluator.base) { notApplicable[measure.id] = reason.reason } else { remaining.append(measure) }
        }
        let candidates = remaining

        // Sequential search: at each step the work with the best savings-to-investment ratio
        // given the works already chosen.
        var ranked: [WorkStep] = []
        var current = evaluator.base, previous = evaluator.baseline, spent = 0.0
        while !remaining.isEmpty {
            var best: (index: Int, step: WorkStep, dwelling: ResolvedDwelling, score: Double)?
            for (index, measure) in remaining.enumerated() {
                guard case let .success(applied) = MeasureApplication.apply(measure, to: current) else { continue }
                let after = try evaluator.outcome(applied.dwelling)
                let change = previous.minus(after)
                let line = SavingsEngine.line(measure, applied: applied, notApplicable: nil, alone: change, baseline: evaluator.baseline, zone: zone, options: savings)
                let net = line.netCostEUR ?? 0
                let step = WorkStep(id: measure.id, nameFr: measure.nameFr, nameEn: measure.nameEn, summary: applied.summary, summaryFr: applied.summaryFr,
                                    saving: change, after: after, costTypicalEUR: line.costTypicalEUR ?? 0,
                                    aidsEUR: line.aids.compactMap(\.eur).reduce(0, +), netCostEUR: net, cumulativeNetCostEUR: spent + net,
                                    simplePaybackYears: line.simplePaybackYears, savingsToInvestmentRatio: line.savingsToInvestmentRatio,
                                    primaryEnergyKWhPerM2After: after.primaryEnergyKWh / area,
                                    dpeClassAfter: after.dpeLabel(dwelling, diagnosedOn: options.dpeDate)?.overallClass)
                // Free works first, then by ratio; without prices, by kWh saved per € of net cost.
                let score = net <= 0 ? .infinity : (line.savingsToInvestmentRatio ?? change.kWh / net)
                let better = best.map { score > $0.score || (score == $0.score && change.kWh > $0.step.saving.kWh) } ?? true
                if better { best = (index, step, applied.dwelling, score) }
            }
            guard let chosen = best else { break }
            // A work that costs more each year than it saves at the household's prices is no
            // priority: it and the ones after it are listed apart, with what they do.
            // Likewise a work whose savings over its lifetime repay less than its net cost
            // (savings-to-investment ratio below 1, the US Weatherization rule, 10 CFR 440.21):
            // the best remaining one is not worth it, so none of the rest is.
            let unprofitable = chosen.step.saving.eur.map { $0 <= 0 } ?? false
            if unprofitable || (chosen.step.savingsToInvestmentRatio.map { $0 < 1 } ?? false) {
                for measure in remaining {
                    guard case let .success(applied) = MeasureApplication.apply(measure, to: current) else { continue }
                    let change = previous.minus(try evaluator.outcome(applied.dwelling))
                    if change.eur == nil {
                        notApplicable[measure.id] = String(format: "not ranked: saves %.0f kWh, but no euro figure can be given (%@)", change.kWh,
                                                           (try evaluator.outcome(applied.dwelling)).pricingNotes?.joined(separator: "; ") ?? "an energy without prices")
                    } else if let eur = change.eur, eur <= 0 {
                        notApplicable[measure.id] = String(format: "not cost-effective here: saves %.0f kWh but changes the bills by %+.0f €/yr at the current prices", change.kWh, -eur)
                    } else {
                        let line = SavingsEngine.line(measure, applied: applied, notApplicable: nil, alone: change, baseline: evaluator.baseline, zone: zone, options: savings)
                        notApplicable[measure.id] = String(format: "not cost-effective here: saves %.0f kWh, %.0f €/yr after the works above, for %.0f € net; over its %.0f years it repays %.2f of its cost (savings-to-investment ratio below 1)",
                                                           change.kWh, change.eur ?? 0, line.netCostEUR ?? 0, measure.lifetimeYears, line.savingsToInvestmentRatio ?? 0)
                    }
                }
                break
            }
            ranked.append(chosen.step)
            spent += chosen.step.netCostEUR
            current = chosen.dwelling
            previous = chosen.step.after
            remaining.remove(at: chosen.index)
            // Works made pointless by the chosen one (its alternatives) leave the list.
            remaining.removeAll { measure in
                if case .failure = MeasureApplication.apply(measure, to: current) { notApplicable[measure.id] = "after \(chosen.step.id): nothing left to change"; return true }
                return false
            }
        }

        // Packages: every combination simulated as a whole (memoised by the works applied).
        var cache: [String: (outcome: VariantOutcome, net: Double, applied: [String])] = [:]
        var simulated = 0
        func package(_ subset: [Measure]) throws(InputError) -> (outcome: VariantOutcome, net: Double, applied: [String]) {
            var dwelling = evaluator.base, net = 0.0, applied: [String] = []
            for measure in subset {
                guard case let .success(done) = MeasureApplication.apply(measure, to: dwelling) else { continue }
                let line = SavingsEngine.line(measure, applied: done, notApplicable: nil, alone: VariantOutcome.Change.zero, baseline: evaluator.baseline,
                                              zone: zone, options: savings)
                net += line.netCostEUR ?? 0
                dwelling = done.dwelling
                applied.append(measure.id)
            }
            let key = applied.joined(separator: "+")
            if let known = cache[key] { return known }
            simulated += 1
            let value = (try evaluator.outcome(dwelling), net, applied)
            cache[key] = value
            return value
        }
        func describe(_ method: String, _ result: (outcome: VariantOutcome, net: Double, applied: [String]), combinations: Int) -> WorksPackage {
            let change = evaluator.baseline.minus(result.outcome)
            return WorksPackage(method: method, measures: result.applied, netCostEUR: result.net, outcome: result.outcome, savingEURPerYear: change.eur,
                                savingKWh: change.kWh, primaryEnergyKWhPerM2: result.outcome.primaryEnergyKWh / area, combinationsSimulated: combinations,
                                dpeClass: result.outcome.dpeLabel(dwelling, diagnosedOn: options.dpeDate)?.overallClass)
        }
        // Subsets of the candidates (in ranked order), when few enough to try them all.
        // More works than the limit: the exact search runs over the best-ranked ones (2^n
        // combinations), and says so.
        let allOrdered = ranked.compactMap { step in candidates.first { $0.id == step.id } } + candidates.filter { c in !ranked.contains { $0.id == c.id } }
        let order = Array(allOrdered.prefix(options.exactSearchLimit))
        let exactPossible = !order.isEmpty
        if allOrdered.count > options.exactSearchLimit && (options.budgetEUR != nil || options.targetPrimaryEnergyKWhPerM2 != nil || options.targetDPEClass != nil) {
            notes.append("\(allOrdered.count) works: the exact search tries every combination of the \(options.exactSearchLimit) best-ranked ones (2^\(options.exactSearchLimit) = \(1 << options.exactSearchLimit)), not of all")
        }
        var subsets: [[Measure]] = []
        if exactPossible {
            for mask in 0..<(1 << order.count) { subsets.append(order.indices.filter { mask & (1 << $0) != 0 }.map { order[$0] }) }
        }

        var budgetGreedy: WorksPackage?, budgetExact: WorksPackage?
        if let budget = options.budgetEUR {
            var chosen: [Measure] = [], total = 0.0
            for step in ranked where total + step.netCostEUR <= budget + 1e-9 {
                if let measure = candidates.first(where: { $0.id == step.id }) { chosen.append(measure); total += step.netCostEUR }
            }
            let before = simulated
            budgetGreedy = describe("greedy", try package(chosen), combinations: simulated - before)
            if exactPossible {
                let start = simulated
                var best: (outcome: VariantOutcome, net: Double, applied: [String])?
                let worthDoing = Set(ranked.map(\.id))
                for subset in subsets where subset.allSatisfy({ worthDoing.contains($0.id) }) {
                    // Only the ranked (cost-effective) works make a budget package; the net cost
                    // is known without simulating, so only affordable sets are simulated.
                    guard try netCost(subset, base: evaluator.base, zone: zone, savings: savings, baseline: evaluator.baseline) <= budget + 1e-9 else { continue }
                    let result = try package(subset)
                    let value = evaluator.baseline.minus(result.outcome)
                    let bestValue = best.map { evaluator.baseline.minus($0.outcome) }
                    if best == nil || (value.eur ?? value.kWh) > (bestValue?.eur ?? bestValue?.kWh ?? 0) + 1e-9 { best = result }
                }
                if let best { budgetExact = describe("exact", best, combinations: simulated - start) }
            }
        }
        var targetCheapest: WorksPackage?
        let frenchLabel = evaluator.baseline.dpeLabel(dwelling, diagnosedOn: options.dpeDate)
        if options.targetDPEClass != nil, frenchLabel == nil {
            notes.append("a DPE class is a French label: this dwelling has no French climate zone, so the class target is not searched")
        }
        if let wanted = options.targetDPEClass, frenchLabel != nil, exactPossible {
            let start = simulated
            let priced = try subsets.map { subset throws(InputError) in (subset, try netCost(subset, base: evaluator.base, zone: zone, savings: savings, baseline: evaluator.baseline)) }
            for (subset, _) in priced.sorted(by: { $0.1 < $1.1 }) {
                let result = try package(subset)
                if let reached = result.outcome.dpeLabel(dwelling, diagnosedOn: options.dpeDate)?.overallClass, reached <= wanted {
                    targetCheapest = describe("exact", result, combinations: simulated - start)
                    break
                }
            }
            if targetCheapest == nil { notes.append("no combination of the works reaches DPE class \(wanted.rawValue)") }
        } else if let target = options.targetPrimaryEnergyKWhPerM2 {
            if exactPossible {
                let start = simulated
                let priced = try subsets.map { subset throws(InputError) in (subset, try netCost(subset, base: evaluator.base, zone: zone, savings: savings, baseline: evaluator.baseline)) }
                for (subset, _) in priced.sorted(by: { $0.1 < $1.1 }) {
                    let result = try package(subset)
                    if result.outcome.primaryEnergyKWh / area <= target {
                        targetCheapest = describe("exact", result, combinations: simulated - start)
                        break
                    }
                }
                if targetCheapest == nil { notes.append("no combination of the works reaches \(NumberText.short(target)) kWh of primary energy per m²") }
            }
        }
        let horizon = (dwelling.location.country ?? "FR").uppercased() == "FR"
            ? "French rental ban by DPE class: G from 1 Jan 2025, F from 2028, E from 2034 (décret 2023-796); the classes here are estimated under the DPE 2021 conventions with Foyer's physics (foyer label), not an official DPE; the primary energy per m² counts every use at Foyer's conventions and is not the DPE's"
            : "no rental ban by label in Wallonia as of 2026 in Foyer's references"
        return WorksReport(use: UseSummary(dwelling), baseline: evaluator.baseline, baselinePrimaryEnergyKWhPerM2: evaluator.baseline.primaryEnergyKWh / area,
                           baselineDPEClass: frenchLabel?.overallClass, targetDPEClass: options.targetDPEClass,
                           healthAndSafety: HealthSafety.check(dwelling), ranked: ranked, notApplicable: notApplicable, budgetEUR: options.budgetEUR, budgetGreedy: budgetGreedy, budgetExact: budgetExact,
                           targetPrimaryEnergyKWhPerM2: options.targetPrimaryEnergyKWhPerM2, targetCheapest: targetCheapest, rentalHorizon: horizon, notes: notes)
    }

    /// The net cost of applying `subset` in order (works made pointless by earlier ones cost nothing).
    static func netCost(_ subset: [Measure], base: ResolvedDwelling, zone: String?, savings: SavingsOptions, baseline: VariantOutcome) throws(InputError) -> Double {
        var dwelling = base, net = 0.0
        for measure in subset {
            guard case let .success(done) = MeasureApplication.apply(measure, to: dwelling) else { continue }
            net += SavingsEngine.line(measure, applied: done, notApplicable: nil, alone: VariantOutcome.Change.zero, baseline: baseline, zone: zone, options: savings).netCostEUR ?? 0
            dwelling = done.dwelling
        }
        return net
    }
}

extension VariantOutcome.Change {
    /// No change (for costing a measure without its savings).
    static let zero = VariantOutcome.Change(kWhByEnergy: [:], kWh: 0, heatingKWh: 0, eur: nil, primaryEnergyKWh: 0, co2Kg: 0,
                                            hoursBelow16C: 0, hoursBelow19C: 0, hoursAbove28C: 0)
}
