import Foundation
import SwiftCSV
import Testing
@testable import FoyerLabel
import FoyerEnergy

/// The reference data beside the project (`../shared/`), absent from a user's clone.
enum SharedDPE {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference/dpe")
    static var index: URL { root.appendingPathComponent("index.csv") }
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: index.path) }
    static let absentMessage = "../shared/reference/dpe is absent (a user's clone): the real-DPE tests are skipped"
    /// `enum_zone_climatique_id` 1…8 of the DPE exchange format.
    static let zones = ["H1a", "H1b", "H1c", "H2a", "H2b", "H2c", "H2d", "H3"]
}

@Suite("DPE classes: the double threshold")
struct DPEClassTests {
    /// Bounds are strict on unrounded values: 70.0 is B, 69.99 is A; the worse class wins.
    @Test func standardBoundsAndTheWorseClass() {
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 69.99, referenceAreaM2: 80, altitude: .below400, zone: "H1a") == .a)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 70, referenceAreaM2: 80, altitude: .below400, zone: "H1a") == .b)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 419.9, referenceAreaM2: 80, altitude: .below400, zone: "H1a") == .f)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 420, referenceAreaM2: 80, altitude: .below400, zone: "H1a") == .g)
        #expect(DPEThresholds.climateClass(emissionsKgPerM2: 50, referenceAreaM2: 80, altitude: .below400, zone: "H1a") == .e)
        #expect(DPEThresholds.overallClass(energy: .c, climate: .e) == .e)
        // Above 800 m in H1b, H1c, H2d: E below 390, F below 500; elsewhere the standard bounds.
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 380, referenceAreaM2: 80, altitude: .above800, zone: "H1c") == .e)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 380, referenceAreaM2: 80, altitude: .above800, zone: "H2b") == .f)
        #expect(DPEThresholds.climateClass(emissionsKgPerM2: 105, referenceAreaM2: 80, altitude: .above800, zone: "H2d") == .f)
    }

    /// The small-dwelling table (arrêté of 25 March 2024) against the rows re-typed in
    /// `../shared/reference/domain-facts.md` §1.2: 30 m² → E below 349, F below 439; 20 m² → 385/476;
    /// 8 m² EGES D below 68.
    @Test func smallDwellings() {
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 348, referenceAreaM2: 30, altitude: .below400, zone: "H2b") == .e)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 349, referenceAreaM2: 30, altitude: .below400, zone: "H2b") == .f)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 384, referenceAreaM2: 20.3, altitude: .below400, zone: "H2b") == .e)
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 476, referenceAreaM2: 19.6, altitude: .below400, zone: "H2b") == .g)
        #expect(DPEThresholds.climateClass(emissionsKgPerM2: 67, referenceAreaM2: 8, altitude: .below400, zone: "H1a") == .d)
        #expect(DPEThresholds.climateClass(emissionsKgPerM2: 67, referenceAreaM2: 2, altitude: .below400, zone: "H1a") == .d)
        // 41 m² and more: the standard bounds.
        #expect(DPEThresholds.energyClass(primaryKWhPerM2: 340, referenceAreaM2: 41, altitude: .below400, zone: "H2b") == .f)
    }

    /// Every one of the 153 official DPEs of `../shared/reference/dpe/index.csv`: the class
    /// rules applied to the official primary energy and emissions give the official energy,
    /// climate and overall classes.
    @Test(.enabled(if: SharedDPE.isAvailable, "\(SharedDPE.absentMessage)"))
    func theOfficialClassesOfRealDPEs() throws {
        let csv = try CSV<Named>(url: SharedDPE.index)
        var checked = 0, withoutEmissions: [String] = []
        var disagreements: [String] = []
        for row in csv.rows {
            // A DPE of a whole building gives no dwelling area in the index: its area is the
            // building's, far above the small-dwelling table.
            let area = row["surface_habitable_m2"].flatMap(Double.init) ?? 1_000
            guard let eges = row["emission_ges_5_usages_m2"].flatMap(Double.init) else {
                withoutEmissions.append(row["numero_dpe"] ?? "?")
                continue
            }
            guard let cep = row["ep_conso_5_usages_m2"].flatMap(Double.init), let zoneID = row["zone_climatique_id"].flatMap(Int.init),
                  let date = row["date_etablissement"].flatMap(CivilDate.init(iso:)),
                  let altitudeID = row["classe_altitude_id"].flatMap(Int.init), (1...8).contains(zoneID), (1...3).contains(altitudeID),
                  let official = row["classe_bilan_dpe"].flatMap(DPEClass.init(rawValue:)),
                  let officialClimate = row["classe_emission_ges"].flatMap(DPEClass.init(rawValue:)) else {
                Issue.record("unreadable row: \(row)")
                continue
            }
            let zone = SharedDPE.zones[zoneID - 1], altitude = AltitudeClass.allCases[altitudeID - 1]
            let energy = DPEThresholds.energyClass(primaryKWhPerM2: cep, referenceAreaM2: area, altitude: altitude, zone: zone, diagnosedOn: date)
            let climate = DPEThresholds.climateClass(emissionsKgPerM2: eges, referenceAreaM2: area, altitude: altitude, zone: zone, diagnosedOn: date)
            let overall = DPEThresholds.overallClass(energy: energy, climate: climate)
            if overall != official || climate != officialClimate {
                disagreements.append("\(row["numero_dpe"] ?? "?") (\(row["date_etablissement"] ?? "?"), \(area) m², \(zone), Cep \(cep), EGES \(eges)): Foyer \(overall.rawValue)/\(climate.rawValue), official \(official.rawValue)/\(officialClimate.rawValue)")
            }
            checked += 1
        }
        // One record (not filed with ADEME, "NON_DEPOSE") has no emissions: the other 152 are checked.
        #expect(checked == 152 && withoutEmissions == ["NON_DEPOSE"], "\(checked) checked; without emissions: \(withoutEmissions)")
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(checked): \(disagreements.joined(separator: "; "))")
    }
}

@Suite("DPE factors and the rental horizon")
struct DPEFactorTests {
    /// A worked example by hand: 100 m² in H1a, diagnosed in 2025, gas heating 15 000 kWh,
    /// electric hot water 2 000 kWh, lighting 0.9 × 1.4 × 1 500 / 1 000 × 100 = 189 kWh.
    /// Cep = (15 000 + 2.3 × (2 000 + 189)) / 100 = 200.35 → D; EGES = (15 000 × 0.227 + 2 000 ×
    /// 0.065 + 189 × 0.069) / 100 = 35.48 → D; the dwelling is D. From 2026, electricity 1.9:
    /// Cep 191.59, still D. With fuel oil instead of gas, EGES = (4 860 + 143.04) / 100 = 50.03 → E.
    @Test func aWorkedLabelByHand() throws {
        let lighting = try #require(DPEFactors.lightingKWhPerM2(zone: "H1a")) * 100
        #expect(abs(lighting - 189) < 1e-9)
        let uses: [(use: EnergyUse, energy: Energy, kWh: Double)] = [(.heating, .naturalGas, 15_000), (.hotWater, .electricity, 2_000),
                                                                    (.lighting, .electricity, lighting), (.cooking, .electricity, 500)]
        let label = DPELabel.from(finalKWh: uses, referenceAreaM2: 100, zone: "H1a", altitude: .below400, diagnosedOn: CivilDate(2025, 6, 1))
        #expect(abs(label.primaryKWhPerM2 - 200.347) < 1e-9)
        #expect(abs(label.emissionsKgPerM2 - 35.48041) < 1e-9)
        #expect(label.energyClass == .d && label.climateClass == .d && label.overallClass == .d)
        #expect(label.lines.count == 3, "cooking is not one of the five uses")
        let later = DPELabel.from(finalKWh: uses, referenceAreaM2: 100, zone: "H1a", altitude: .below400, diagnosedOn: CivilDate(2026, 1, 1))
        #expect(abs(later.primaryKWhPerM2 - 191.591) < 1e-9)
        #expect(label.rentalHorizon.isEmpty)
        let oil = DPELabel.from(finalKWh: [(.heating, .fuelOil, 15_000)] + uses.dropFirst(), referenceAreaM2: 100, zone: "H1a", altitude: .below400,
                                diagnosedOn: CivilDate(2025, 6, 1))
        #expect(abs(oil.emissionsKgPerM2 - 50.03041) < 1e-9)
        // E by its emissions: may be let until 1 Jan 2034.
        #expect(oil.climateClass == .e && oil.overallClass == .e && oil.rentalHorizon.map(\.from) == [CivilDate(2034, 1, 1)])
    }

    @Test func rentalStepsByClass() {
        #expect(RentalStep.france(.g, finalKWhPerM2: 500).map(\.from) == [CivilDate(2022, 8, 24), CivilDate(2023, 1, 1), CivilDate(2025, 1, 1), CivilDate(2028, 1, 1), CivilDate(2034, 1, 1)])
        #expect(RentalStep.france(.d, finalKWhPerM2: 200).isEmpty)
        #expect(RentalStep.france(.f, finalKWhPerM2: 300).filter { !$0.mayBeLet }.map(\.from) == [CivilDate(2028, 1, 1), CivilDate(2034, 1, 1)])
    }
}

/// The Walloon PEB classes (`../shared/reference/works-gestures-labels.md` §A.4): bounds inclusive.
@Suite("Walloon PEB classes")
struct PEBClassTests {
    @Test func boundsAreInclusive() {
        #expect(PEBClass(specificKWhPerM2: -5) == .aPlusPlus && PEBClass(specificKWhPerM2: 0) == .aPlusPlus)
        #expect(PEBClass(specificKWhPerM2: 45) == .aPlus && PEBClass(specificKWhPerM2: 45.01) == .a)
        #expect(PEBClass(specificKWhPerM2: 255) == .c && PEBClass(specificKWhPerM2: 340) == .d)
        #expect(PEBClass(specificKWhPerM2: 510) == .f && PEBClass(specificKWhPerM2: 510.5) == .g)
        // Gas counted on its gross calorific value (× 1.11), electricity × 2.5: 20 000 kWh PCI of
        // gas and 1 000 kWh of electricity on 100 m² → (22 200 + 2 500) / 100 = 247 → C.
        #expect(PEBEstimate.primaryFactor(.electricity) == 2.5 && PEBEstimate.primaryFactor(.naturalGas) == 1)
        #expect(PEBClass(specificKWhPerM2: (20_000 * Energy.naturalGas.grossOverNetCalorificValue + 1_000 * 2.5) / 100) == .c)
    }
}
