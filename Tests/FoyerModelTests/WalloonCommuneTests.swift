import Foundation
import Testing
@testable import FoyerModel

/// Issue 13, item 1: a Walloon household's commune chooses its network operator where the Walloon
/// Government's designation order is known (RESA's 51 communes of 5 May 2022, AIESH's of
/// 8 Sep 2022), and says so; elsewhere the operator must be given, and the warning says why.
@Suite("Walloon commune → network operator")
struct WalloonCommuneTests {
    static func file(commune: String, operator op: String? = nil) -> String {
        DwellingFixtures.valid.replacingOccurrences(of: "\"location\": { \"climate_zone\": \"H1a\" }",
                                                    with: "\"location\": { \"climate_zone\": \"BE-Uccle\", \"commune\": \(commune) }")
            .replacingOccurrences(of: "\"schema\": \"foyer.dwelling/1\",",
                                  with: "\"schema\": \"foyer.dwelling/1\",\n  \"energy_supply\": { \"electricity_meter\": \"peak_off_peak\"\(op.map { ", \"distribution_operator\": \"\($0)\"" } ?? "") },")
    }

    func load(_ json: String) -> LoadedDwelling {
        DwellingLoader.load(data: Data(json.utf8), file: "test.json", library: nil, climateZones: DwellingFixtures.zones, use: .conventional)
    }

    @Test(arguments: [("\"Liège\"", DistributionOperator.resa), ("\"saint georges sur meuse\"", .resa), ("\"SIVRY-RANCE\"", .aiesh)])
    func theCommuneChoosesTheOperator(_ commune: String, _ expected: DistributionOperator) throws {
        let loaded = load(Self.file(commune: commune))
        let dwelling = try #require(loaded.dwelling, "\(loaded.issues)")
        #expect(dwelling.energySupply.distributionOperator == expected)
        #expect(loaded.defaults.contains { $0.path == "energy_supply.distribution_operator" && $0.reason.contains("order of") }, "\(loaded.defaults)")
    }

    @Test func communesOutsideTheOrdersFoundAreSaid() throws {
        // Soignies (seed 001) is on ORES, whose order was not found: a warning, no guess.
        let soignies = load(Self.file(commune: "\"Soignies\""))
        #expect(try #require(soignies.dwelling).energySupply.distributionOperator == nil)
        #expect(soignies.issues.contains { $0.severity == .warning && $0.path == "location.commune" && $0.message.contains("no operator known") })
        // Given, it is used; a commune the orders contradict is a warning.
        let given = load(Self.file(commune: "\"Soignies\"", operator: "ores"))
        #expect(try #require(given.dwelling).energySupply.distributionOperator == .ores)
        #expect(!given.issues.contains { $0.path == "location.commune" })
        let contradicted = load(Self.file(commune: "\"Seraing\"", operator: "ores"))
        #expect(contradicted.issues.contains { $0.severity == .warning && $0.path == "energy_supply.distribution_operator" && $0.message.contains("RESA") })
        // Couvin is split between AIESH and ORES by section.
        let couvin = load(Self.file(commune: "\"Couvin\""))
        #expect(couvin.issues.contains { $0.path == "location.commune" && $0.message.contains("split") })
    }

    @Test(arguments: ["\"\"", "\"\\u0000\"", "\"\(String(repeating: "x", count: 500))\""])
    func aCommuneThatIsNotANameIsAnError(_ commune: String) {
        let loaded = load(Self.file(commune: commune))
        #expect(loaded.dwelling == nil)
        let issue = loaded.issues.first { $0.path == "location.commune" }
        #expect(issue?.severity == .error && (issue?.value?.count ?? 0) < 50, "\(loaded.issues)")
    }
}
