import Foundation
import PropertyBased
import Testing
@testable import FoyerModel
import Foyer

/// Every field of every shipped dwelling file (the archetypes and the ASHRAE 140 cases), given
/// every hostile value: the dwelling reader's share of the corpus.
@Suite("Hostile values in every field of every shipped dwelling file")
struct DwellingMutationTests {
    /// The outcome of loading one mutated file.
    struct Outcome {
        var loaded: LoadedDwelling
        var path: String
    }

    static func load(_ id: String, document given: JSONValue? = nil, leaf: JSONLeaf, value: HostileValue) throws -> Outcome? {
        guard let url = Fixtures.library?.url(for: id) else { return nil }
        let document = try given ?? JSONValue.parse(try Data(contentsOf: url), file: id)
        let data = try document.text(replacing: leaf.path, withRaw: value.json)
        let loaded = DwellingLoader.load(data: data, file: "\(id).json", library: Fixtures.library, climateZones: Fixtures.climateZones)
        // Paths in files with a base name elements by id.
        var path = leaf.rendered
        if case let .object(members) = document, members["base"] != nil, let merged = loaded.merged {
            path = DwellingLoader.pathNamingElements(path, in: merged)
        }
        return Outcome(loaded: loaded, path: path)
    }

    /// What must hold for one (file, field, value).
    static func check(_ id: String, document: JSONValue? = nil, leaf: JSONLeaf, value: HostileValue) throws {
        guard let outcome = try load(id, document: document, leaf: leaf, value: value) else { return }
        let issues = outcome.loaded.issues
        let context = "\(id): \(leaf.rendered) = \(value.json)"
        for issue in issues {
            #expect(issue.file == "\(id).json", "\(context): an issue does not name the file: \(issue)")
            #expect(!IssueCheck.showsNonFinite(issue.description), "\(context): a message shows a non-finite number: \(issue)")
        }
        switch value.expectation {
        case .notJSON:
            #expect(issues.hasErrors, "\(context): a value that is not JSON was accepted")
            #expect(issues.errors.contains { $0.message.contains("line") && $0.message.contains("column") },
                    "\(context): the JSON error does not say where: \(issues)")
        case .refused:
            let about = IssueCheck.about(issues, path: outcome.path)
            #expect(!about.isEmpty, "\(context): no error or warning names the field \(outcome.path): \(issues.map(\.description))")
            if let shownAs = value.shownAs {
                #expect(about.contains { ($0.value ?? "").contains(shownAs) || $0.message.contains(shownAs) },
                        "\(context): the message does not show the value \(shownAs): \(about.map(\.description))")
            }
        case .wrongType:
            #expect(IssueCheck.about(issues.errors, path: outcome.path).count >= 1,
                    "\(context): a wrong JSON type is not an error at \(outcome.path): \(issues.map(\.description))")
            // One wrong value gives errors on that field only, not on its siblings (an id
            // made a number may of course break the references to it).
            guard case .number = leaf.value else { return }
            let elsewhere = issues.errors.filter { !IssueCheck.isAbout($0, path: outcome.path) && !outcome.path.hasPrefix($0.path) }
            #expect(elsewhere.isEmpty, "\(context): the wrong type cascades onto other fields: \(elsewhere.map(\.description))")
        case .mayBeAccepted:
            for issue in IssueCheck.about(issues, path: outcome.path) where issue.path == outcome.path {
                #expect(issue.value != nil || issue.message.contains("missing"), "\(context): the issue does not show the value: \(issue)")
            }
            guard let dwelling = outcome.loaded.dwelling else { return }
            // Accepted: the figures a user sees are finite.
            let loss = HeatLossSummary(dwelling)
            #expect(loss.totalWPerK.isFinite && loss.totalWPerK >= 0, "\(context): heat loss \(loss.totalWPerK) W/K")
            let description = DwellingDescription(dwelling, defaults: outcome.loaded.defaults, weather: Fixtures.weather)
            #expect(!IssueCheck.showsNonFinite(description.text(showDefaults: true)), "\(context): describe prints a non-finite number")
            // (The simulation of accepted values is the random test below: a year per value here
            // would take minutes.)
        }
    }

    @Test("every numeric and string field, every hostile value", arguments: Fixtures.archetypeIDs)
    func everyField(of id: String) throws {
        let url = try #require(Fixtures.library?.url(for: id))
        let document = try JSONValue.parse(try Data(contentsOf: url), file: id)
        let leaves = JSONLeaf.leaves(of: document).filter { leaf in
            // Free text: any string is fine there (checked below as a type confusion only).
            !(leaf.path.contains(.key("sources")))
        }
        // A case built on a base (ASHRAE 140 600FF on 600) holds only its overrides.
        #expect(leaves.count > (document.objectMember("base") == nil ? 20 : 2), "\(id) has too few fields for this test to mean anything")
        for leaf in leaves {
            let values: [HostileValue]
            switch leaf.value {
            case .number: values = HostileValue.forNumbers
            default:
                // Strings: enumerations and dates must refuse a number; free text accepts anything.
                values = HostileValue.forStrings
            }
            for value in values { try Self.check(id, leaf: leaf, value: value) }
        }
    }

    /// Random numbers of every magnitude in random fields, then the whole pipeline (hourly
    /// simulation, systems, bills) on whatever is accepted: no non-finite figure may reach a report.
    @Test("random values anywhere, simulated to the bill when accepted")
    func randomValuesThroughThePipeline() async throws {
        let ids = Fixtures.archetypeIDs.filter { !$0.hasPrefix("validation/") }
        let files = try ids.map { id -> (String, JSONValue, [JSONLeaf]) in
            let url = try #require(Fixtures.library?.url(for: id))
            let document = try JSONValue.parse(try Data(contentsOf: url), file: id)
            return (id, document, JSONLeaf.leaves(of: document).filter { if case .number = $0.value { true } else { false } })
        }
        let magnitudes = Gen.int(in: -320...308)
        let mantissa = Gen.double(in: -9.99...9.99)
        await propertyCheck(count: 40, input: Gen.int(in: 0...999_999), magnitudes, mantissa) { pick, exponent, digits in
            let (id, document, leaves) = files[pick % files.count]
            let leaf = leaves[(pick / files.count) % leaves.count]
            let number = digits * pow(10, Double(exponent))
            guard number.isFinite else { return }
            let value = HostileValue(json: String(number), expectation: .mayBeAccepted)
            let data = try document.text(replacing: leaf.path, withRaw: value.json)
            let loaded = DwellingLoader.load(data: data, file: "\(id).json", library: Fixtures.library, climateZones: Fixtures.climateZones)
            guard let dwelling = loaded.dwelling else {
                #expect(loaded.issues.hasErrors)
                return
            }
            let zone = try ISO13790.prepare(dwelling, weather: Fixtures.weather, solar: Fixtures.solar)
            let result = HourlyEngine.run(zone)
            let report = SimulationReport(result, dwelling: dwelling.name, weather: "H1a",
                                          monthlyMethod: ISO13790.monthlyNeeds(dwelling, weather: Fixtures.weather, solar: Fixtures.solar))
            #expect(report.isFinite, "\(id): \(leaf.rendered) = \(value.json): the simulation gives non-finite figures")
            #expect(!IssueCheck.showsNonFinite(report.text()), "\(id): \(leaf.rendered) = \(value.json): the report prints a non-finite number")
            let energy: EnergyReport
            do throws(InputError) {
                energy = try EnergyAnalysis.analyse(dwelling, result: result, weather: Fixtures.weather, library: Fixtures.tariffs)
            } catch {
                // Refusing is fine; it must say what.
                #expect(error.issues.allSatisfy { !$0.message.isEmpty })
                return
            }
            // JSONEncoder refuses NaN and infinities: encoding is the finiteness check.
            #expect(throws: Never.self, "\(id): \(leaf.rendered) = \(value.json): the energy report holds a non-finite figure") {
                _ = try JSONEncoder().encode(energy)
            }
        }
    }
}

/// The fields issue 14 added to the dwelling format (pipes through unheated spaces, radiator
/// reflectors, the ventilation fans' power) are in no shipped file: they are added to an
/// archetype here, and each gets every hostile value.
@Suite("Hostile values in the dwelling fields of the measures")
struct MeasureFieldMutationTests {
    @Test func everyNewField() throws {
        let id = "fr/sfh-1949-1974"
        let url = try #require(Fixtures.library?.url(for: id))
        var text = try #require(String(data: try Data(contentsOf: url), encoding: .utf8))
        text = text.replacingOccurrences(of: "\"year_installed\": 1995", with: """
            "year_installed": 1995, "emitter_count": 8, "radiator_reflectors": true,
            "pipes_outside_heated_volume": {"length_m": 12, "outer_diameter_mm": 22, "insulation_thickness_mm": 0,
              "insulation_conductivity_w_per_mk": 0.04, "space_b_factor": 0.5}
            """)
        text = text.replacingOccurrences(of: "\"type\": \"natural\",", with: "\"type\": \"exhaust\", \"fan_power_w\": 30,")
        let document = try JSONValue.parse(Data(text.utf8), file: id)
        let loaded = DwellingLoader.load(data: Data(text.utf8), file: "\(id).json", library: Fixtures.library, climateZones: Fixtures.climateZones)
        #expect(!loaded.issues.hasErrors, "\(loaded.issues.map(\.description))")
        let leaves = JSONLeaf.leaves(of: document).filter { leaf in
            ["pipes_outside_heated_volume", "fan_power_w", "emitter_count"].contains { leaf.rendered.contains($0) }
        }
        #expect(leaves.count == 7, "\(leaves.map(\.rendered))")
        for leaf in leaves {
            for value in HostileValue.forNumbers { try DwellingMutationTests.check(id, document: document, leaf: leaf, value: value) }
        }
    }
}
