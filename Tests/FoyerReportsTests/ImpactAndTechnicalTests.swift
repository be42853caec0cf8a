import Foundation
import Testing
import Foyer
@testable import FoyerReports
@testable import FoyerMeasures

/// Bills drawn from a simulated household, month by month (gas and electricity), as the
/// invoices CSV: the synthetic truth of the impact tests.
enum DossierBills {
    static let header = "energy;meter;kind;start;end;quantity;unit;index_start;index_end;conversion_kwh_per_m3;period;amount_eur;reading;note"

    /// Deterministic noise in [−1, 1] (64-bit LCG, Knuth's MMIX constants).
    struct Noise {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    static func lastDay(_ year: Int, _ month: Int) -> CivilDate {
        (month == 12 ? CivilDate(year + 1, 1, 1) : CivilDate(year, month + 1, 1)).adding(days: -1)
    }

    /// Twelve monthly bills of `year` for each of gas and electricity, at 0.105 €/kWh PCS and
    /// 0.20 €/kWh, with ±`noise` relative error.
    static func book(_ daily: HouseholdSimulator.DailyEnergy, year: Int, noise relative: Double, seed: UInt64) -> InvoiceBook {
        var noise = Noise(state: seed)
        var lines = [header]
        func date(_ d: CivilDate) -> String { String(format: "%02d/%02d/%04d", d.day, d.month, d.year) }
        for month in 1...12 {
            let start = CivilDate(year, month, 1), end = lastDay(year, month)
            let gas = daily.kWh(.naturalGas, from: start, to: end) * InvoiceEnergy.naturalGasPCSPerPCI * (1 + relative * noise.next())
            let electricity = daily.kWh(.electricity, from: start, to: end) * (1 + relative * noise.next())
            lines.append("natural_gas;gaz;consumption;\(date(start));\(date(end));\(String(format: "%.1f", gas));kwh;;;;;\(String(format: "%.2f", gas * 0.105));actual;")
            lines.append("electricity;elec;consumption;\(date(start));\(date(end));\(String(format: "%.1f", electricity));kwh;;;;base;\(String(format: "%.2f", electricity * 0.2));actual;")
        }
        return InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "synthetic-\(year).csv")
    }
}

/// "Quel impact réel ?": a work done between two years of bills, measured from them. The bills
/// are the archetype's household simulated without the work (2025) and with it (2026), with 3 %
/// noise: the saving measured must hold the true one (the two simulations' difference on the
/// 2026 days) within its 90 % uncertainty, and the prediction on the same days must be within
/// 20 % of it. Tolerances set before running.
@Suite("Measured impact of a done action")
struct MeasuredImpactTests {
    static func dossierWithWork() throws -> (Dossier, trueSavingGasKWh: Double) {
        var dossier = Dossier(householdID: "H-IMPACT", createdOn: CivilDate(2025, 1, 10),
                              household: Dossier.Household(personsAged14AndOver: 2, childrenUnder14: 1, disposableIncomeEURPerYear: 16_800),
                              dwelling: .archetype("fr/sfh-1949-1974"))
        let dwelling = try #require(Inputs.loadDwelling("fr/sfh-1949-1974").dwelling)
        let measure = try #require(MeasureLibrary.load().measure("attic-insulation-r7"))
        guard case let .success(applied) = MeasureApplication.apply(measure, to: dwelling) else {
            Issue.record("the attic insulation does not apply")
            throw CancellationError()
        }
        let weather = try Inputs.weather(for: dwelling.location).year
        let simulator = HouseholdSimulator(weather: .referenceYear(weather), model: .fiveR1C)
        let before = try simulator.run(dwelling), after = try simulator.run(applied.dwelling)
        dossier.addBills(DossierBills.book(before, year: 2025, noise: 0.03, seed: 7), source: "2025.csv", on: CivilDate(2026, 1, 10))
        dossier.addBills(DossierBills.book(after, year: 2026, noise: 0.03, seed: 11), source: "2026.csv", on: CivilDate(2026, 12, 2))
        dossier.addVisit(Dossier.Visit(date: CivilDate(2025, 11, 20), role: .technician,
                                       measurements: [Dossier.Measurement(room: "séjour", temperatureC: 17.5), Dossier.Measurement(room: "chambre", temperatureC: 15)],
                                       problems: [.mould, .coldRooms], reportedCold: true,
                                       recommendations: [Dossier.Recommendation(measure: "attic-insulation-r7"), Dossier.Recommendation(measure: "led-lamps")]))
        dossier.addAction(Dossier.Action(date: CivilDate(2025, 12, 31), kind: .work, measure: "attic-insulation-r7", costEUR: 2_400, aidEUR: 1_200))
        dossier.addVisit(Dossier.Visit(date: CivilDate(2026, 12, 2), role: .technician,
                                       measurements: [Dossier.Measurement(room: "séjour", temperatureC: 19), Dossier.Measurement(room: "chambre", temperatureC: 17.5)],
                                       reportedCold: false))
        let start = CivilDate(2026, 1, 1), end = CivilDate(2026, 12, 31)
        return (dossier, before.kWh(.naturalGas, from: start, to: end) - after.kWh(.naturalGas, from: start, to: end))
    }

    @Test func theMeasuredSavingHoldsTheTrueOne() throws {
        let (dossier, truth) = try Self.dossierWithWork()
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: "h.json", library: try EnergyPipeline.tariffs(),
                                                   catalogue: MeasureLibrary.load(), model: .fiveR1C)
        #expect(analysis.done == ["attic-insulation-r7"])
        #expect(!analysis.measures.contains { $0.id == "attic-insulation-r7" }, "a done measure is not recommended again")
        let impact = try #require(analysis.impacts.first)
        #expect(impact.notMeasured == nil, "\(impact.notMeasured ?? "")")
        // The December 2025 bills end on the day of the work: neither before nor after.
        #expect(impact.periodsBefore == 22 && impact.periodsAfter == 24)
        let gas = try #require(impact.meters.first { $0.energy == .naturalGas })
        let uncertainty = try #require(gas.uncertaintyKWh90)
        let predicted = try #require(gas.predictedSavingKWh)
        #expect(truth > 1_000, "the attic of this house saves \(truth) kWh of gas a year")
        #expect(abs(gas.measuredSavingKWh - truth) <= uncertainty, "measured \(gas.measuredSavingKWh) ± \(uncertainty), true \(truth)")
        #expect(uncertainty < 0.5 * truth)
        #expect(abs(predicted - truth) <= 0.2 * truth, "predicted \(predicted), true \(truth)")
        // Only the gas meter is acted on; its euros at the price paid (0.105 €/kWh PCS).
        #expect(impact.affectedMeters.map(\.energy) == [.naturalGas])
        #expect(abs((impact.measuredEUR ?? 0) - gas.measuredSavingKWh * 0.105 * InvoiceEnergy.naturalGasPCSPerPCI) < 1)
        #expect(impact.weather == "reference_year" && impact.warnings.contains { $0.contains("reference year") })
        print("measured impact | true \(NumberText.fixed(truth, 0)) kWh | measured \(NumberText.fixed(gas.measuredSavingKWh, 0)) ± \(NumberText.fixed(uncertainty, 0)) kWh | predicted \(NumberText.fixed(predicted, 0)) kWh")

        // Both reports say it, in French and English.
        let family = FamilyReport.html(dossier: dossier, analysis: analysis)
        #expect(family.contains("Ce qui a été fait") && family.contains("Isolation des combles"))
        #expect(family.contains("visite du 20 novembre 2025") && family.contains("visite du 2 décembre 2026"), "comfort before and after")
        #expect(FamilyReport.html(dossier: dossier, analysis: analysis, language: .en).contains("What was done"))
    }

    /// No bills after the action: said, not invented.
    @Test func withoutBillsAfterNothingIsMeasured() throws {
        var (dossier, _) = try Self.dossierWithWork()
        dossier.bills.removeLast()
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: "h.json", library: try EnergyPipeline.tariffs(),
                                                   catalogue: MeasureLibrary.load(), model: .fiveR1C)
        let impact = try #require(analysis.impacts.first)
        #expect(impact.meters.isEmpty && impact.notMeasured?.contains("no bills starting after") == true)
        #expect(FamilyReport.html(dossier: dossier, analysis: analysis).contains("pas encore mesurable"))
    }
}

/// The technical summary for the landlord.
@Suite("Technical report")
struct TechnicalReportTests {
    @Test func lossesWorksHorizonPrivateAndStable() throws {
        var (dossier, _) = try MeasuredImpactTests.dossierWithWork()
        dossier.identity = Dossier.Identity(name: "Famille Exemple", address: "3 rue des Essais")
        let library = try EnergyPipeline.tariffs(), catalogue = MeasureLibrary.load()
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: "h.json", library: library, catalogue: catalogue, model: .fiveR1C)
        let technical = try TechnicalAnalysis.analyse(dossier, dossierPath: "h.json", library: library, catalogue: catalogue, model: .fiveR1C)
        // The heat loss adds up (EN ISO 13789: H = ΣH_tr + H_tb + H_ve).
        let loss = technical.heatLoss
        let sum = loss.transmissionByFamilyWPerK.sumInKeyOrder + loss.thermalBridgesWPerK + loss.ventilationWPerK
        #expect(abs(sum - loss.totalWPerK) < 1e-9)
        // The attic is insulated (done): the roof is now a small part of the losses, and the
        // attic insulation is not proposed again.
        #expect((loss.transmissionByFamilyWPerK["roofs"] ?? 0) < 0.05 * loss.totalWPerK)
        #expect(!technical.works.ranked.contains { $0.id == "attic-insulation-r7" })
        let html = TechnicalReport.html(dossier: dossier, analysis: analysis, technical: technical)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("Où part la chaleur") && html.contains("Horizon locatif") && html.contains("Travaux conseillés"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3, "losses, savings and comfort charts")
        #expect(html.components(separatedBy: "<tr><td>").count - 1 >= technical.works.ranked.count + 3, "a row per work and per rental date")
        if let now = technical.works.baselineDPEClass, now >= .g {
            #expect(html.contains("interdit à la location"))
        }
        #expect(html.contains("Pour ce ménage"), "the savings for the household beside the conventional ones")
        #expect(!html.contains("Famille Exemple") && !html.contains("rue des Essais") && !html.contains("16\u{202F}800") && !html.contains("<script"))
        #expect(html == TechnicalReport.html(dossier: dossier, analysis: analysis, technical: technical), "same bytes")
        let english = TechnicalReport.html(dossier: dossier, analysis: analysis, technical: technical, language: .en)
        #expect(english.contains("Where the heat goes") && english.contains("Rental horizon") && english.contains("Measured impact"))
    }

    /// A Belgian dwelling has no DPE class: the Walloon horizon is said to be a plan, not a rule.
    @Test func aWalloonDwellingGetsThePlan() throws {
        let dossier = Dossier(householdID: "B-1", createdOn: CivilDate(2026, 1, 10), household: Dossier.Household(personsAged14AndOver: 1),
                              dwelling: .archetype("be/terraced-pre-1945"))
        let library = try EnergyPipeline.tariffs(), catalogue = MeasureLibrary.load()
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: "b.json", library: library, catalogue: catalogue, model: .fiveR1C)
        let technical = try TechnicalAnalysis.analyse(dossier, dossierPath: "b.json", library: library, catalogue: catalogue, model: .fiveR1C)
        let html = TechnicalReport.html(dossier: dossier, analysis: analysis, technical: technical)
        #expect(analysis.country == "BE" && html.contains("En Wallonie") && !html.contains("décret 2023-796"))
    }
}

/// The household's scale, worked from its definition.
@Suite("Household scale")
struct HouseholdScaleTests {
    @Test func eachPartByItsOwnRatio() throws {
        let spending = DossierAnalysis.Spending(uses: [.init(use: "heating", energy: .naturalGas, eurPerYear: 500),
                                                       .init(use: "base", energy: .naturalGas, eurPerYear: 100),
                                                       .init(use: "base", energy: .electricity, eurPerYear: 200),
                                                       .init(use: "subscription", energy: .naturalGas, eurPerYear: 250)], months: [])
        // Simulated 2 000 € with heating 75 % of the kWh: heating 1 500 €, the rest 500 €.
        let scale = try #require(HouseholdScale.from(spending: spending, paidEUR: 1_050, simulatedEUR: 2_000, heatingKWh: 7_500, totalKWh: 10_000))
        #expect(abs(scale.heating - 500.0 / 1_500) < 1e-12 && abs(scale.other - 300.0 / 500) < 1e-12)
        // A saving half heating: 100 € → 50·(1/3) + 50·0.6.
        let change = VariantOutcome.Change(kWhByEnergy: [:], kWh: 100, heatingKWh: 50, eur: 100, primaryEnergyKWh: 0, co2Kg: 0, hoursBelow16C: 0, hoursBelow19C: 0, hoursAbove28C: 0)
        #expect(abs(scale.saving(100, change: change) - (50.0 / 3 + 30)) < 1e-9)
        // Without a split, both parts by the whole bills' ratio; without a simulation, nothing.
        let whole = try #require(HouseholdScale.from(spending: nil, paidEUR: 1_000, simulatedEUR: 2_000, heatingKWh: 1, totalKWh: 2))
        #expect(whole.heating == 0.5 && whole.other == 0.5)
        #expect(HouseholdScale.from(spending: spending, paidEUR: 1_000, simulatedEUR: nil, heatingKWh: 1, totalKWh: 2) == nil)
    }
}

/// The charts: escaped labels, cut to fit, the same bytes every run.
@Suite("Report charts")
struct ReportChartTests {
    @Test func barsEscapeAndShorten() {
        let svg = Chart.horizontalBars([(label: "<b>Isolation des murs par l'intérieur, très long libellé</b>", value: 10, text: "10 €"), (label: "négatif", value: -3, text: "−3 €")],
                                       caption: "c", ariaLabel: "a")
        #expect(!svg.contains("<b>") && svg.contains("&lt;b&gt;") && svg.contains("…"))
        #expect(svg.contains("width=\"0.0\""), "a negative value draws no bar")
        #expect(svg == Chart.horizontalBars([(label: "<b>Isolation des murs par l'intérieur, très long libellé</b>", value: 10, text: "10 €"), (label: "négatif", value: -3, text: "−3 €")],
                                            caption: "c", ariaLabel: "a"))
        #expect(Chart.horizontalBars([], caption: "c", ariaLabel: "a").isEmpty)
        #expect(Chart.stackedColumns([(label: "janv.", values: [0, 0])], series: ["a", "b"], unit: "€", caption: "c", ariaLabel: "a", language: .fr).isEmpty, "nothing to draw")
    }
}
