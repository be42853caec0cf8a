import Foundation
import Testing
import Foyer

/// A dossier simulated: the indicators before and after the measures its visit recommended.
@Suite("Dossier analysis")
struct DossierAnalysisTests {
    static func dossier(income: Double?) -> Dossier {
        var dossier = Dossier(householdID: "H-1", createdOn: CivilDate(2026, 1, 10),
                              household: Dossier.Household(personsAged14AndOver: 2, childrenUnder14: 1, disposableIncomeEURPerYear: income, housingCostsEURPerYear: 5_400),
                              dwelling: .archetype("fr/sfh-1949-1974"))
        dossier.addVisit(Dossier.Visit(date: CivilDate(2026, 1, 15), role: .technician, reportedCold: true,
                                       recommendations: [Dossier.Recommendation(measure: "attic-insulation-r7"), Dossier.Recommendation(measure: "setpoint-minus-1c"),
                                                         Dossier.Recommendation(measure: "no-such-measure")]))
        return dossier
    }

    @Test func measuresLowerTheEffortRate() throws {
        let analysis = try DossierAnalysis.analyse(Self.dossier(income: 16_800), dossierPath: "h.json", library: try EnergyPipeline.tariffs(),
                                                   catalogue: MeasureLibrary.load(), model: .fiveR1C)
        #expect(analysis.energyBasis == "simulation")
        #expect(analysis.reportedCold == true)
        #expect(analysis.notes.contains { $0.contains("no-such-measure") })
        let before = try #require(analysis.indicators.effortRate)
        #expect(analysis.measures.map(\.id) == ["attic-insulation-r7", "setpoint-minus-1c"])
        for measure in analysis.measures {
            let saved = try #require(measure.eurSavedPerYear, "\(measure.id) not priced")
            #expect(saved > 0, "\(measure.id) saves nothing")
            let after = try #require(measure.indicatorsAfter?.effortRate)
            // The effort rate after is the energy cost less the saving, over the same income.
            #expect(abs(after - (analysis.energyEURPerYear - saved) / 16_800) < 1e-12)
            #expect(after < before)
        }
        // Insulating the attic of an uninsulated house leaves fewer cold hours, never more.
        let attic = try #require(analysis.measures.first { $0.id == "attic-insulation-r7" })
        #expect((attic.occupiedHoursBelow16CAfter ?? .max) <= analysis.occupiedHoursBelow16C)
    }

    @Test func withoutIncomeThereIsNoEffortRate() throws {
        let analysis = try DossierAnalysis.analyse(Self.dossier(income: nil), dossierPath: "h.json", library: try EnergyPipeline.tariffs(),
                                                   catalogue: MeasureLibrary.load(), model: .fiveR1C)
        #expect(analysis.indicators.effortRate == nil)
        #expect(analysis.text().contains("No income"))
    }

    /// With a year of bills, the indicators use them, and each simulated saving is scaled by
    /// bills ÷ simulation: the 1949–1974 archetype at 19 °C everywhere costs far more than this
    /// household pays, and its saving cannot exceed what its bills hold.
    @Test func billsAreTheBasisAndSavingsFollowThem() throws {
        var dossier = Self.dossier(income: 16_800)
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/factures-menage-2025.csv")
        let book = InvoiceReader.read(data: try Data(contentsOf: example), file: "factures-menage-2025.csv")
        #expect(!book.issues.hasErrors)
        dossier.addBills(book, source: "factures-menage-2025.csv", on: CivilDate(2026, 1, 15))
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: "h.json", library: try EnergyPipeline.tariffs(),
                                                   catalogue: MeasureLibrary.load(), model: .fiveR1C)
        #expect(analysis.energyBasis == "bills")
        let bills = try #require(analysis.billsEURPerYear), simulated = try #require(analysis.simulatedEURPerYear)
        #expect(analysis.energyEURPerYear == bills)
        #expect(analysis.notes.contains { $0.contains("scaled to the bills") })
        #expect(bills < simulated, "this household pays less than the archetype at 19 °C everywhere")
        let scale = try #require(analysis.householdScale)
        // Heating is where the household holds back most (the prebound effect).
        #expect(scale.heating < scale.other && scale.heating < 1)
        for measure in analysis.measures {
            let simulatedSaving = try #require(measure.simulatedEURSavedPerYear), saved = try #require(measure.eurSavedPerYear)
            // Scaled between the heating ratio (all heating) and the other one (no heating part).
            #expect(saved >= simulatedSaving * min(scale.heating, scale.other) - 1e-9 && saved <= simulatedSaving * max(scale.heating, scale.other) + 1e-9, "\(measure.id)")
        }
        // ADEME: one degree less saves about 7 % of the heating (works-gestures-labels.md, gesture 1).
        // Against what this household pays for heating (its bills split by the weather), the
        // saving must be of that order: between 4 and 14 % (a poorly insulated house saves
        // more than the average one).
        let paidHeating = try #require(analysis.spending).uses.filter { $0.use == "heating" }.reduce(0) { $0 + $1.eurPerYear }
        let degree = try #require(analysis.measures.first { $0.id == "setpoint-minus-1c" }?.eurSavedPerYear)
        #expect(degree / paidHeating > 0.04 && degree / paidHeating < 0.14, "−1 °C saves \(degree) € of \(paidHeating) € of heating")
        for measure in analysis.measures {
            let saved = try #require(measure.eurSavedPerYear)
            #expect(saved > 0 && saved < bills, "\(measure.id): \(saved) € saved of \(bills) € (simulated \(simulated) €)")
            #expect(abs((measure.indicatorsAfter?.effortRate ?? .nan) - (bills - saved) / 16_800) < 1e-12)
        }
    }
}

/// The family summary: French by default, no identity and no income figure, the chart inline,
/// the same bytes twice, hostile text escaped.
@Suite("Family report")
struct FamilyReportTests {
    @Test func frenchEnglishPrivateAndStable() throws {
        var dossier = DossierAnalysisTests.dossier(income: 16_800)
        dossier.identity = Dossier.Identity(name: "Famille Exemple", address: "3 rue des Essais")
        dossier.visits[0].measurements = [Dossier.Measurement(room: "séjour <script>alert(1)</script>", temperatureC: 16.5, relativeHumidityPercent: 70)]
        dossier.visits[0].problems = [.mould]
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/factures-menage-2025.csv")
        dossier.addBills(InvoiceReader.read(data: try Data(contentsOf: example), file: "f.csv"), source: "f.csv", on: CivilDate(2026, 1, 15))
        let analysis = try DossierAnalysis.analyse(dossier, dossierPath: "h.json", library: try EnergyPipeline.tariffs(),
                                                   catalogue: MeasureLibrary.load(), model: .fiveR1C)
        let french = FamilyReport.html(dossier: dossier, analysis: analysis)
        #expect(french.contains("<html lang=\"fr\">") && french.contains("Synthèse de la visite") && french.contains("Ce que vous payez"))
        #expect(french.contains("<svg") && french.contains("moisissures") && french.contains("Chèque énergie"))
        #expect(french.contains("16,5 °C"), "French decimal comma")
        #expect(!french.contains("Famille Exemple") && !french.contains("rue des Essais") && !french.contains("16800") && !french.contains("16\u{202F}800"))
        #expect(!french.contains("<script>") && french.contains("&lt;script&gt;"))
        #expect(!french.contains("<script"), "no script in a report")
        #expect(french == FamilyReport.html(dossier: dossier, analysis: analysis), "the same dossier gives the same bytes")
        let english = FamilyReport.html(dossier: dossier, analysis: analysis, language: .en)
        #expect(english.contains("<html lang=\"en\">") && english.contains("Visit summary") && english.contains("16.5 °C"))
    }
}
