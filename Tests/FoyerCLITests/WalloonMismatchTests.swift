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
        if !protected {
            // The meter's own saving: the same product's day/night option against its single
            // rate, both priced in the report (cheaper suppliers are named beside it, not counted).
            let comparisons = try #require(report["comparisons"] as? [[String: Any]])
            let options = try #require(comparisons.first { $0["energy"] as? String == "electricity" }?["options"] as? [[String: Any]])
            func total(_ offer: String) throws -> Double { try #require(options.first { $0["offer"] as? String == offer }?["total_eur"] as? Double) }
            let expected = try total("be-engie-easy-variable-ores-mono") - total("be-engie-easy-variable-ores-bihoraire")
            #expect(abs(saving - expected) < 0.01, "\(saving) vs \(expected)")
        }
    }

    /// An exclusive-night circuit while the electric water heater heats on the day circuit:
    /// flagged with the saving of wiring it to the night circuit (the main bill falls, the
    /// night meter's rises); not flagged once it charges at night.
    @Test(arguments: [false, true])
    func anUnusedExclusiveNightCircuitIsFlagged(_ chargesAtNight: Bool) throws {
        let text = """
        { "schema": "foyer.dwelling/1", "base": "be/terraced-pre-1945",
          "hot_water": { "systems": [ { "type": "electric_storage", "storage_volume_l": 200, "off_peak_charging": \(chargesAtNight) } ] },
          "energy_supply": { "electricity_meter": "peak_off_peak", "distribution_operator": "ores", "exclusive_night_circuit": true,
            "contracts": [ { "energy": "electricity", "offer": "be-engie-easy-variable-ores-bihoraire" },
                           { "energy": "electricity", "circuit": "exclusive_night", "offer": "be-engie-easy-variable-ores-exclusive-night" } ] } }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-en-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["tariffs", "compare", path, "--prices-on", "2026-01-15", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let mismatches = try #require(report["mismatches"] as? [[String: Any]])
        let flag = mismatches.first { $0["kind"] as? String == "exclusive_night_not_used" }
        if chargesAtNight {
            #expect(flag == nil, "\(mismatches)")
        } else {
            // Engie EASY Variable, ORES, January 2026: a kWh moved from the day/night meter to the
            // exclusive-night one saves between the night and the day register's all-in price
            // and the exclusive-night price: 31.74 − 31.74 (night) … 40.37 − 31.74 (day) c€.
            let flag = try #require(flag, "\(mismatches)")
            let saving = try #require(flag["saving_eur_per_year"] as? Double)
            let delivered = try #require(report["hot_water"] as? [String: Any])
            let waterKWh = try #require(delivered["delivered_energy_kwh"] as? Double, "\(delivered.keys.sorted())")
            #expect(saving > 0 && saving < waterKWh * (0.4037405 - 0.3174305) + 1, "\(saving) € for \(waterKWh) kWh")
        }
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

    /// Seed 001: a tenant re-billed by the landlord through a sub-meter at the day price while the
    /// building's meter is day/night. Engie EASY Variable on ORES, January 2026, all-in TVAC
    /// (reference §2.2, §3, §4, §4.1, §5): day 15.957 + 13.27 + 2.74 + 3.095 + 5.03288 + 0.20417 +
    /// 0.075 = 40.37405 c€/kWh, night 13.206 + 7.39 + … = 31.74305 c€/kWh. Re-billed at the day
    /// price, the tenant overpays 8.631 c€ on every night kWh.
    @Test func aSubMeterAtTheDayPriceIsFlagged() throws {
        let text = """
        { "schema": "foyer.dwelling/1", "base": "be/terraced-pre-1945",
          "energy_supply": { "electricity_meter": "peak_off_peak", "distribution_operator": "ores",
            "contracts": [ { "energy": "electricity", "offer": "be-engie-easy-variable-ores-bihoraire" } ],
            "sub_meter": { "price_eur_per_kwh": 0.4037405, "billed_by": "landlord" } } }
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-sub-meter-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineTests.run(["tariffs", "compare", path, "--prices-on", "2026-01-15", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let bills = try #require(report["bills"] as? [[String: Any]])
        let byPeriod = try #require(bills.first?["kwh_by_period"] as? [String: Double])
        let nightKWh = byPeriod.filter { $0.key.contains("creuses") }.map(\.value).reduce(0, +)
        #expect(nightKWh > 100, "\(byPeriod)")
        let mismatches = try #require(report["mismatches"] as? [[String: Any]])
        let flag = try #require(mismatches.first { $0["kind"] as? String == "sub_meter_overbilled" }, "\(mismatches)")
        let saving = try #require(flag["saving_eur_per_year"] as? Double)
        #expect(abs(saving - nightKWh * (0.4037405 - 0.3174305)) < 0.05, "\(saving) € for \(nightKWh) night kWh")
    }
}
