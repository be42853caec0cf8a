import Foundation
import PropertyBased
import Testing
import FoyerCore
import FoyerEnergy
import FoyerInvoices
import FoyerModel
@testable import FoyerDossier

/// A dossier with every kind of entry (the identity and income are invented).
func sampleDossier() -> Dossier {
    var dossier = Dossier(householdID: "H-2026-042", createdOn: CivilDate(2026, 1, 10),
                          household: Dossier.Household(personsAged14AndOver: 2, childrenUnder14: 1, disposableIncomeEURPerYear: 16_800, housingCostsEURPerYear: 5_400),
                          dwelling: .archetype("fr/sfh-1949-1974"))
    dossier.identity = Dossier.Identity(name: "Famille Exemple", address: "3 rue des Essais, 39000 Lons", phone: "0600000000")
    dossier.addVisit(Dossier.Visit(date: CivilDate(2026, 1, 15), role: .technician, observations: "Salle de bains : moisissures au plafond.",
                                   measurements: [Dossier.Measurement(room: "séjour", temperatureC: 17.5, relativeHumidityPercent: 68),
                                                  Dossier.Measurement(room: "chambre", temperatureC: 15)],
                                   problems: [.mould, .coldRooms], reportedCold: true,
                                   recommendations: [Dossier.Recommendation(measure: "setpoint-minus-1c"), Dossier.Recommendation(text: "Aérer 5 minutes le matin")]))
    dossier.addAction(Dossier.Action(date: CivilDate(2026, 3, 10), kind: .work, measure: "attic-insulation-r7", costEUR: 2_400, aidEUR: 1_200, note: "Entreprise X"))
    return dossier
}

@Suite("Dossier: format, edits, anonymisation")
struct DossierTests {
    @Test func writtenThenReadIsTheSameDossierAndTheSameBytes() {
        let dossier = sampleDossier()
        let data = DossierFile.data(dossier)
        let (read, issues) = DossierFile.read(data, file: "h.json")
        #expect(issues.isEmpty, "\(issues)")
        #expect(read == dossier)
        #expect(read.map(DossierFile.data) == data, "the same dossier must be the same bytes")
        #expect(dossier.revision == 3)
        #expect(abs(dossier.household.consumptionUnits - 1.8) < 1e-12)  // 1 + 0.5 + 0.3 (INSEE's modified OECD scale)
    }

    @Test func billsAddedAreTheBillsReadBack() throws {
        let csv = """
        energy;meter;kind;start;end;quantity;unit;index_start;index_end;conversion_kwh_per_m3;period;amount_eur;reading;note
        natural_gas;gaz;consumption;01/01/2025;31/01/2025;;m3;10412;10620;11,2;;241,27;actual;facture 1
        natural_gas;gaz;subscription;01/01/2025;31/01/2025;;;;;;;21,40;;
        electricity;linky;consumption;01/01/2025;28/02/2025;420;kwh;;;;base;84,67;estimated;
        """
        let book = InvoiceReader.read(data: Data(csv.utf8), file: "f.csv")
        #expect(!book.issues.hasErrors, "\(book.issues)")
        var dossier = sampleDossier()
        dossier.addBills(book, source: "f.csv", on: CivilDate(2026, 1, 15))
        let (read, issues) = DossierFile.read(DossierFile.data(dossier), file: "h.json")
        #expect(!issues.hasErrors, "\(issues)")
        let again = try #require(read).invoiceBook(file: "h.json")
        #expect(again.lines.count == book.lines.count)
        for (a, b) in zip(again.lines, book.lines) {
            #expect(a.energy == b.energy && a.kind == b.kind && a.start == b.start && a.end == b.end && a.reading == b.reading)
            #expect(a.amountEUR == b.amountEUR)
            // kWh as billed: m³ × the bill's coefficient, kept through the dossier.
            #expect(abs((a.billedKWh ?? 0) - (b.billedKWh ?? 0)) < 1e-9)
        }
    }

    @Test func anonymisedKeepsTheFiguresAndDropsWhatIdentifies() throws {
        var dossier = sampleDossier()
        dossier.dwelling = .file("/home/famille-exemple/maison.json")
        let copy = dossier.anonymised(newID: "S-0001")
        let text = String(decoding: DossierFile.data(copy), as: UTF8.self)
        for secret in ["Famille Exemple", "rue des Essais", "0600000000", "moisissures", "Aérer", "Entreprise X", "famille-exemple", "H-2026-042"] {
            #expect(!text.contains(secret), "\(secret) left in the anonymised copy")
        }
        #expect(copy.household == dossier.household)
        #expect(copy.visits.map(\.measurements) == dossier.visits.map(\.measurements))
        #expect(copy.visits.first?.recommendations == [Dossier.Recommendation(measure: "setpoint-minus-1c")])
        #expect(copy.actions.first?.costEUR == 2_400)
        #expect(copy.dwelling == .file("maison.json"))
        let (read, issues) = DossierFile.read(DossierFile.data(copy), file: "s.json")
        #expect(read != nil && !issues.hasErrors, "\(issues)")
    }

    /// Each broken field gives an error at its path; personal values are never repeated.
    @Test(arguments: [
        ("\"household_id\": \"H-2026-042\"", "\"household_id\": \"Jean Dupont\"", "household_id", "pseudonymous"),
        ("\"format\": \"foyer.dossier/1\"", "\"format\": \"foyer.dossier/2\"", "format", "version"),
        ("\"temperature_c\": 17.5", "\"temperature_c\": 175", "visits[0].measurements[0].temperature_c", "out of range"),
        ("\"relative_humidity_percent\": 68", "\"relative_humidity_percent\": -1", "visits[0].measurements[0].relative_humidity_percent", "out of range"),
        ("\"mould\"", "\"mold\"", "visits[0].problems[0]", "unknown name"),
        ("\"kind\": \"work\"", "\"kind\": \"travaux\"", "actions[0].kind", "unknown name"),
        ("\"cost_eur\": 2400", "\"cost_eur\": 1e308", "actions[0].cost_eur", "out of range"),
        ("\"aid_eur\": 1200", "\"aid_eur\": 24000", "actions[0].aid_eur", "more aid than the cost"),
        ("\"persons_aged_14_and_over\": 2", "\"persons_aged_14_and_over\": 0", "household.persons_aged_14_and_over", "whole number"),
        ("\"persons_aged_14_and_over\": 2", "\"persons_aged_14_and_over\": 2.5", "household.persons_aged_14_and_over", "whole number"),
        ("\"date\": \"2026-01-15\"", "\"date\": \"2026-02-30\"", "visits[0].date", "not a date"),
        ("\"date\": \"2026-01-15\"", "\"date\": \"2025-01-15\"", "visits[0].date", "before the dossier was created"),
        ("\"revision\": 3", "\"revision\": 3, \"revison\": 4", "revison", "did you mean"),
        ("\"archetype\": \"fr/sfh-1949-1974\"", "\"archetype\": \"fr/sfh-1949-1974\", \"file\": \"x.json\"", "dwelling", "more than one dwelling"),
    ])
    func brokenFieldsAreNamed(target: String, replacement: String, path: String, fragment: String) throws {
        let text = String(decoding: DossierFile.data(sampleDossier()), as: UTF8.self)
        let compact = text.replacingOccurrences(of: " : ", with: ": ")
        #expect(compact.contains(target), "the sample lost \(target)")
        let broken = compact.replacingOccurrences(of: target, with: replacement)
        let (dossier, issues) = DossierFile.read(Data(broken.utf8), file: "h.json")
        #expect(dossier == nil)
        let issue = issues.first { $0.path == path }
        #expect(issue != nil, "no error at \(path): \(issues.map(\.description))")
        #expect(issue.map { $0.description.contains(fragment) } ?? false, "\(issue?.description ?? "")")
        #expect(issues.allSatisfy { $0.file == "h.json" })
    }

    @Test func personalValuesAreNeverInMessages() {
        let text = String(decoding: DossierFile.data(sampleDossier()), as: UTF8.self).replacingOccurrences(of: " : ", with: ": ")
        let broken = text.replacingOccurrences(of: "\"disposable_income_eur_per_year\": 16800", with: "\"disposable_income_eur_per_year\": -16801")
            .replacingOccurrences(of: "\"name\": \"Famille Exemple\"", with: "\"name\": 12345678")
        let (_, issues) = DossierFile.read(Data(broken.utf8), file: "h.json")
        #expect(issues.contains { $0.path == "household.disposable_income_eur_per_year" })
        #expect(issues.contains { $0.path == "identity.name" })
        for issue in issues {
            #expect(!issue.description.contains("16801") && !issue.description.contains("12345678"), "\(issue.description)")
        }
    }
}

@Suite("Dossier: hostile input")
struct DossierHostileTests {
    static let hostile = ["NaN", "Infinity", "-Infinity", "1e309", "1e308", "-1e308", "5e-324", "-1", "0", "2.5", "\"\"", "\"NaN\"", "\"1e308\"",
                          "true", "null", "[1]", "[]", "{}", "\"\u{0}\"", "\"\(String(repeating: "x", count: 6_000))\"", "\"2026-13-45\"", "\"🙂\""]

    static func check(_ text: String, _ context: String) {
        let (dossier, issues) = DossierFile.read(Data(text.utf8), file: "h.json")
        if issues.hasErrors { #expect(dossier == nil, "\(context): refused but read") }
        for issue in issues {
            #expect(issue.file == "h.json", "\(context): \(issue)")
            #expect((issue.value ?? "").count < 400, "\(context): a huge value repeated in a message")
        }
        if let dossier {
            // What was accepted is written back and read again the same.
            #expect(DossierFile.read(DossierFile.data(dossier), file: "h.json").dossier == dossier, "read back differs: \(context) \(DossierFile.read(DossierFile.data(dossier), file: "h.json").issues.map(\.description))")
            var values: [Double?] = [dossier.household.disposableIncomeEURPerYear, dossier.household.housingCostsEURPerYear]
            for measurement in dossier.visits.flatMap(\.measurements) { values += [measurement.temperatureC, measurement.relativeHumidityPercent] }
            for action in dossier.actions { values += [action.costEUR, action.aidEUR] }
            for value in values.compactMap({ $0 }) {
                #expect(value.isFinite, "\(context): non-finite \(value)")
            }
        }
    }

    /// Every scalar of the sample, replaced by every hostile value.
    @Test func everyFieldEveryHostileValue() throws {
        let text = String(decoding: DossierFile.data(sampleDossier()), as: UTF8.self)
        // The scalars of the pretty-printed sample: `"key" : value` at the end of a line.
        let pattern = try NSRegularExpression(pattern: "(\"[a-z_0-9]+\" : )([^\\[{\\n][^\\n]*?)(,?)$", options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        let matches = pattern.matches(in: text, range: range)
        #expect(matches.count > 20)
        for match in matches {
            guard let valueRange = Range(match.range(at: 2), in: text) else { continue }
            for value in Self.hostile {
                let mutated = text.replacingCharacters(in: valueRange, with: value)
                Self.check(mutated, "\(text[Range(match.range(at: 1), in: text) ?? valueRange]) \(value.prefix(20))")
            }
        }
    }

    /// The sample with a few bytes replaced at random places: never a crash, and what is
    /// accepted reads back the same.
    @Test func randomByteMutationsNeverCrash() async {
        let sample = [UInt8](DossierFile.data(sampleDossier()))
        await propertyCheck(count: 400, input: Gen.int(in: 0...(sample.count - 1)).array(of: 1...4), Gen.uint8().array(of: 4)) { positions, bytes in
            var mutated = sample
            for (position, byte) in zip(positions, bytes) { mutated[position] = byte }
            Self.check(String(decoding: mutated, as: UTF8.self), "mutation at \(positions)")
        }
    }

    @Test func tooManyEntriesAreRefused() {
        let visit = #"{"date": "2026-02-01", "measurements": [{"room": "a", "temperature_c": 18}]}"#
        let text = #"{"format": "foyer.dossier/1", "household_id": "H1", "created_on": "2026-01-01", "household": {"persons_aged_14_and_over": 1}, "#
            + #""dwelling": {"archetype": "fr/sfh-1949-1974"}, "visits": ["# + Array(repeating: visit, count: DossierFile.mostEntries + 1).joined(separator: ",") + "]}"
        let (dossier, issues) = DossierFile.read(Data(text.utf8), file: "h.json")
        #expect(dossier == nil)
        #expect(issues.contains { $0.path == "visits" && $0.description.contains("at most") })
    }
}

/// The indicators against their definitions, worked by hand (ONPE, INSEE, King Baudouin Foundation).
@Suite("Fuel-poverty indicators")
struct FuelPovertyIndicatorTests {
    @Test func consumptionUnitsFollowINSEEsScale() {
        // INSEE's definition: a couple with two children under 14 is 1 + 0.5 + 2 × 0.3 = 2.1 units.
        #expect(abs(Dossier.Household(personsAged14AndOver: 2, childrenUnder14: 2).consumptionUnits - 2.1) < 1e-12)
        #expect(Dossier.Household(personsAged14AndOver: 1).consumptionUnits == 1)
        // A 16-year-old counts as an adult: 1 + 0.5 + 0.5.
        #expect(Dossier.Household(personsAged14AndOver: 3).consumptionUnits == 2)
    }

    @Test func aLowIncomeHouseholdWithHighBills() throws {
        // 2 persons aged 14+ and a child: 1.8 units; 16 800 € income, 5 400 € housing, 1 900 € energy.
        let household = Dossier.Household(personsAged14AndOver: 2, childrenUnder14: 1, disposableIncomeEURPerYear: 16_800, housingCostsEURPerYear: 5_400)
        let indicators = FuelPovertyIndicators(household: household, energyEURPerYear: 1_900)
        #expect(abs(try #require(indicators.effortRate) - 1_900.0 / 16_800) < 1e-12)   // 11.3 % > 8 %
        #expect(abs(try #require(indicators.incomePerUnitEURPerYear) - 16_800 / 1.8) < 1e-9)  // 9 333 € ≤ 18 360 €
        #expect(indicators.effortRateAbove8PercentLowIncome == true)
        #expect(abs(try #require(indicators.residualIncomePerUnitEURPerMonth) - 9_500 / 1.8 / 12) < 1e-9)  // 439.8 €
        #expect(indicators.lowIncomeAfterHousing == true)  // 11 400 / 1.8 / 12 = 527.8 € < 1 288 €
        #expect(abs(try #require(indicators.energyShareAfterHousing) - 1_900.0 / 11_400) < 1e-12)  // 16.7 % > 11.8 %
        #expect(indicators.belgianMeasuredPoverty == true)
    }

    @Test func aComfortableHouseholdIsNotFlagged() {
        let household = Dossier.Household(personsAged14AndOver: 2, disposableIncomeEURPerYear: 60_000, housingCostsEURPerYear: 12_000)
        let indicators = FuelPovertyIndicators(household: household, energyEURPerYear: 1_500)
        #expect(indicators.effortRateAbove8PercentLowIncome == false)  // 2.5 %, 40 000 €/unit
        #expect(indicators.lowIncomeAfterHousing == false)
        #expect(indicators.belgianMeasuredPoverty == false)  // 1 500 / 48 000 = 3.1 %
        // A high effort rate alone, above the 3rd decile, is not TEE_3D.
        #expect(FuelPovertyIndicators(household: household, energyEURPerYear: 6_000).effortRateAbove8PercentLowIncome == false)
    }

    @Test func withoutIncomeNothingIsGuessed() {
        let indicators = FuelPovertyIndicators(household: Dossier.Household(personsAged14AndOver: 1), energyEURPerYear: 1_200)
        #expect(indicators.effortRate == nil && indicators.effortRateAbove8PercentLowIncome == nil && indicators.belgianMeasuredPoverty == nil)
        #expect(FuelPovertyIndicators(household: Dossier.Household(personsAged14AndOver: 1, disposableIncomeEURPerYear: 10_000), energyEURPerYear: .nan).effortRate == nil)
    }
}
