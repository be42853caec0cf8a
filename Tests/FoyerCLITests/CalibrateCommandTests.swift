import Foundation
import Testing

/// `foyer calibrate` and `--use` from the command line (issue 12, items 1, 4 and 6).
@Suite("Calibrate and use scenarios on the command line")
struct CalibrateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bills = root.appendingPathComponent("Examples/factures-menage-2025.csv").path

    /// The example household calibrated to its bills: the fit meets Guideline 14 on both meters,
    /// the calibrated file simulated with --use household buys what the bills say (within the fit's
    /// NMBE), and says so; the conventional use buys far more.
    @Test func calibratedFileReproducesTheBills() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-calibrated-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try CommandLineTests.run(["calibrate", "examples/household-1949-1974", "--bills", Self.bills, "--model", "5r1c",
                                            "-o", output, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let meters = try #require(object["meters"] as? [[String: Any]])
        #expect(meters.count == 2)
        for meter in meters {
            let nmbe = try #require(meter["nmbe_percent"] as? Double), cv = try #require(meter["cv_rmse_percent"] as? Double)
            #expect(abs(nmbe) <= 5 && cv <= 15, "\(meter)")
        }
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        #expect(Set(parameters.compactMap { $0["name"] as? String }) == ["setpoint", "heated_share", "season_days", "hot_water_litres_per_day", "appliances_kwh_per_year"])
        #expect(FileManager.default.fileExists(atPath: output))

        let household = try CommandLineTests.run(["simulate", output, "--model", "5r1c", "--format", "json"])
        #expect(household.status == 0, "\(household.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(household.stdout.utf8)) as? [String: Any])
        #expect((report["use"] as? [String: Any])?["scenario"] as? String == "household")
        let energy = try #require(report["energy"] as? [String: Any])
        let delivered = try #require(energy["delivered"] as? [[String: Any]])
        let gas = try #require(delivered.first { $0["energy"] as? String == "natural_gas" })
        let pcs = try #require(gas["kwh_pcs"] as? Double)
        // The bills: 12 540 kWh PCS of gas in 2025.
        #expect(abs(pcs / 12_540 - 1) < 0.05, "calibrated household buys \(pcs) kWh PCS")
        let costs = try #require(energy["cost_by_use"] as? [[String: Any]])
        let uses = Set(costs.compactMap { $0["use"] as? String })
        #expect(uses.isSuperset(of: ["heating", "hot_water", "appliances", "cooking", "standby", "lighting", "fixed_charges"]), "\(uses)")

        let conventional = try CommandLineTests.run(["simulate", output, "--model", "5r1c", "--use", "conventional", "--format", "json"])
        let conventionalReport = try #require(try JSONSerialization.jsonObject(with: Data(conventional.stdout.utf8)) as? [String: Any])
        #expect((conventionalReport["use"] as? [String: Any])?["scenario"] as? String == "conventional")
        let conventionalGas = try #require(((conventionalReport["energy"] as? [String: Any])?["delivered"] as? [[String: Any]])?.first { $0["energy"] as? String == "natural_gas" })
        #expect((conventionalGas["kwh_pcs"] as? Double ?? 0) > 2 * pcs)
    }

    /// bills analyse --dwelling: the euros paid shared by use add up to what was paid.
    @Test func billsAnalyseSharesThePaidEurosByUse() throws {
        let run = try CommandLineTests.run(["bills", "analyse", Self.bills, "--dwelling", "examples/household-1949-1974", "--model", "5r1c",
                                            "--no-offers", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let euros = try #require(object["euros_by_use"] as? [String: Any])
        let total = try #require(euros["total_eur"] as? Double)
        // The example bills: 1 572.22 € of gas and 632.40 € of electricity.
        #expect(abs(total - 2204.62) < 0.01, "\(total)")
        let rows = try #require(euros["rows"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["use"] as? String }).isSuperset(of: ["heating", "hot_water", "appliances", "lighting", "standby", "cooking", "fixed_charges"]))
        #expect(object["calibration"] != nil && object["analysis"] != nil)
    }

    @Test(arguments: [
        (["calibrate", "fr/sfh-1949-1974", "--bills", bills, "--fit", "setpiont"], Int32(64), "did you mean 'setpoint'"),
        (["calibrate", "fr/sfh-1949-1974", "--bills", bills, "--fix", "heated_share=2"], Int32(64), "0.2…1"),
        (["calibrate", "fr/sfh-1949-1974", "--bills", bills, "--fix", "setpoint=nan"], Int32(64), "not a number"),
        (["calibrate", "fr/sfh-1949-1974", "--bills", bills, "--model", "monthly"], Int32(64), "day by day"),
        (["calibrate", "fr/sfh-1949-1974", "--bills", "no-such-bills.csv"], Int32(1), "no-such-bills.csv"),
        (["simulate", "fr/sfh-1949-1974", "--use", "household"], Int32(1), "household_use"),
        (["simulate", "fr/sfh-1949-1974", "--use", "sometimes"], Int32(64), "sometimes"),
    ] as [([String], Int32, String)])
    func badArgumentsAreRefused(_ arguments: [String], _ status: Int32, _ fragment: String) throws {
        let run = try CommandLineTests.run(arguments)
        #expect(run.status == status, "\(arguments): exit \(run.status)\n\(run.stderr)")
        #expect(run.stderr.contains(fragment), "\(arguments): \(run.stderr)")
    }

    /// Bills whose energy the dwelling does not use: refused with the reason.
    @Test func billsOfAnotherEnergyAreRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-oil-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var text = "energy;meter;kind;start;end;quantity;unit;reading\n"
        for month in 1...6 { text += "propane;cuve;consumption;01/0\(month)/2025;28/0\(month)/2025;500;kwh;actual\n" }
        try Data(text.utf8).write(to: file)
        let run = try CommandLineTests.run(["calibrate", "fr/sfh-1949-1974", "--bills", file.path, "--model", "5r1c"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("propane") && run.stderr.contains("natural_gas"), "\(run.stderr)")
    }
}
