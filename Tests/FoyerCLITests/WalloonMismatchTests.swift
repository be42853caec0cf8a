import Foundation
import Testing

/// Issue 13's first check: a Walloon house with a day/night meter billed at the single rate is
/// flagged with its saving — for an ordinary household (the same offer's day/night prices) and
/// for a protected one (the social tariff it is entitled to).
@Suite("Walloon contract mismatches")
struct WalloonMismatchTests {
    static func dwelling(protected: Bool) throws -> String {
        let text = """
        { "schema": "foyer.dwelling/1", "base": "be/terraced-pre-1945",
          "energy_supply": { "electricity_meter": "peak_off_peak", "distribution_operator": "ores", "protected_customer": \(protected),
            "contracts": [ { "energy": "electricity", "offer": "be-engie-easy-variable-ores-mono" } ] } }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-soignies-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [(false, "dual_meter_single_rate"), (true, "social_tariff_not_used")])
    func singleRateOnADayNightMeterIsFlagged(_ protected: Bool, _ kind: String) throws {
        let path = try Self.dwelling(protected: protected)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["tariffs", "compare", path, "--prices-on", "2026-01-15", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let mismatches = try #require(report["mismatches"] as? [[String: Any]])
        let flag = try #require(mismatches.first { $0["kind"] as? String == kind }, "\(mismatches)")
        let saving = try #require(flag["saving_eur_per_year"] as? Double)
        #expect(saving > 50, "\(flag)")
    }

    /// Without its operator the composed Walloon offers are not priced, and say why.
    @Test func composedOffersNeedTheOperator() throws {
        let text = """
        { "schema": "foyer.dwelling/1", "base": "be/terraced-pre-1945", "energy_supply": { "electricity_meter": "peak_off_peak" } }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-no-dso-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["tariffs", "compare", path, "--prices-on", "2026-01-15"])
        #expect(run.stdout.contains("give energy_supply.distribution_operator") || run.stderr.contains("give energy_supply.distribution_operator"),
                "\(run.stdout)\n\(run.stderr)")
    }
}
