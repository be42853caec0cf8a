import Foundation
import Testing
import FoyerCore
import FoyerTariffs

/// Tariff files that are well-formed JSON with well-typed values but do not make a tariff: the
/// structural cases of the hostile corpus that each passed silently before (issue 10).
@Suite("Hostile tariff structure: each inconsistency refused at its field")
struct TariffStructureTests {
    static func shipped(_ relativePath: String) throws -> [String: Any] {
        let url = try #require(Fixtures.tariffFiles.first { $0.url.path.hasSuffix(relativePath) }?.url, "\(relativePath) is not shipped")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func read(_ document: [String: Any]) throws -> (Tariff?, [InputIssue]) {
        TariffLibrary.read(data: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), name: "t.json")
    }

    static let cases: [(String, String, String, @Sendable (inout [String: Any]) -> Void)] = [
        ("a tax larger than every price", "fr/edf-bleu-base/2026-08-01.json", "taxes[0].eur_per_kwh", { d in
            var taxes = d["taxes"] as? [[String: Any]] ?? []; taxes[0]["eur_per_kwh"] = 0.5; d["taxes"] = taxes }),
        ("a tax listed twice", "fr/edf-bleu-base/2026-08-01.json", "taxes[1].id", { d in
            let taxes = d["taxes"] as? [[String: Any]] ?? []; d["taxes"] = taxes + [taxes[0]] }),
        ("7.5 kVA, which no French contract has", "fr/edf-bleu-base/2026-08-01.json", "fixed_charges[0].subscribed_kva", { d in
            var charges = d["fixed_charges"] as? [[String: Any]] ?? []; charges[0]["subscribed_kva"] = 7.5; d["fixed_charges"] = charges }),
        ("more red days than the red months have weekdays", "fr/edf-bleu-tempo/2026-08-01.json", "day_colours.red_days", { d in
            var rule = d["day_colours"] as? [String: Any] ?? [:]; rule["red_days"] = 120; d["day_colours"] = rule }),
        ("red days with no red month", "fr/edf-bleu-tempo/2026-08-01.json", "day_colours.red_months", { d in
            var rule = d["day_colours"] as? [String: Any] ?? [:]; rule["red_months"] = [Int](); d["day_colours"] = rule }),
        ("vat_rate beside vat_rate_fixed and vat_rate_energy", "fr/edf-bleu-base/2026-08-01.json", "vat_rate", { d in
            d["vat_rate_fixed"] = 0.055; d["vat_rate_energy"] = 0.2 }),
        ("an exclusive-night meter without its periods", "be/social-electricity-exclusive-night/2026-01-01.json", "periods", { d in
            d["periods"] = nil }),
        ("a peak/off-peak meter with its off-peak period alone", "fr/edf-bleu-hphc/2026-08-01.json", "periods", { d in
            let periods = d["periods"] as? [[String: Any]] ?? []; d["periods"] = periods.filter { $0["off_peak"] as? Bool == true } }),
    ]

    @Test(arguments: cases.indices)
    func refused(_ index: Int) throws {
        let (label, file, path, edit) = Self.cases[index]
        var document = try Self.shipped(file)
        #expect(try Self.read(document).0 != nil, "\(file) should be valid before the edit")
        edit(&document)
        let (tariff, issues) = try Self.read(document)
        #expect(tariff == nil, "\(label): accepted")
        #expect(issues.errors.contains { $0.path == path && $0.file == "t.json" }, "\(label): no error at \(path): \(issues.map(\.description))")
    }

    @Test func aKeyWrittenTwiceInATariffIsAnError() throws {
        let url = try #require(Fixtures.tariffFiles.first { $0.url.path.hasSuffix("fr/edf-bleu-base/2026-08-01.json") }?.url)
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"vat_rate\": 0.2,", with: "\"vat_rate\": 0.2, \"vat_rate\": 0.055,")
        #expect(text.contains("\"vat_rate\": 0.055"))
        let (tariff, issues) = TariffLibrary.read(data: Data(text.utf8), name: "t.json")
        #expect(tariff == nil)
        #expect(issues.errors.contains { $0.path == "vat_rate" && $0.message.contains("twice") }, "\(issues.map(\.description))")
    }

    @Test func aFrenchSubscriptionWithoutPowerLevelsIsFlagged() throws {
        var document = try Self.shipped("fr/edf-bleu-base/2026-08-01.json")
        document["fixed_charges"] = [["eur_per_year": 100]]
        let (tariff, issues) = try Self.read(document)
        #expect(tariff != nil)
        #expect(issues.warnings.contains { $0.path == "fixed_charges" }, "\(issues.map(\.description))")
    }
}

/// Named pipes: reading one with no writer, or writing one with no reader, must not wait forever.
@Suite("Named pipes do not hang the reader or the writer")
struct NamedPipeTests {
    @Test func pipesWithoutAPeerFailAtOnce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // No writer: read as empty (the dwelling reader then says "the file is empty").
        let data = try InputFile.read(path, kind: .dwelling)
        #expect(data.isEmpty)
        // No reader: an error at once.
        let problem = OutputFile.write(Data("x".utf8), to: path)
        #expect(problem?.contains("no process reads") == true, "\(problem ?? "written")")
    }
}
