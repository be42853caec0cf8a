import Foundation
import Testing
@testable import FoyerModel

@Suite("Archetype base and overrides")
struct SpecMergeTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), file: nil) }

    @Test func objectsMergeKeyByKeyAndNullRemoves() throws {
        let base = try parse(#"{"a": 1, "b": {"c": 2, "d": 3}, "e": 4}"#)
        let override = try parse(#"{"b": {"c": 20}, "e": null, "f": 5}"#)
        #expect(SpecMerge.merge(base: base, override: override) == (try parse(#"{"a": 1, "b": {"c": 20, "d": 3}, "f": 5}"#)))
    }

    @Test func elementsWithIdsMergeByIdAndCanBeRemoved() throws {
        let base = try parse(#"{"walls": [{"id": "n", "u": 1}, {"id": "s", "u": 2}, {"id": "e", "u": 3}]}"#)
        let override = try parse(#"{"walls": [{"id": "s", "u": 0.3}, {"id": "e", "remove": true}, {"id": "w", "u": 4}]}"#)
        let expected = try parse(#"{"walls": [{"id": "n", "u": 1}, {"id": "s", "u": 0.3}, {"id": "w", "u": 4}]}"#)
        #expect(SpecMerge.merge(base: base, override: override) == expected)
    }

    @Test func arraysWithoutIdsAreReplaced() throws {
        let merged = SpecMerge.merge(base: try parse(#"{"p": [[6, 9]]}"#), override: try parse(#"{"p": [[8, 23]]}"#))
        #expect(merged == (try parse(#"{"p": [[8, 23]]}"#)))
    }

    @Test func aDwellingOverridesItsArchetype() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-merge-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fr"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(DwellingFixtures.valid.utf8).write(to: folder.appendingPathComponent("fr/test-house.json"))
        let library = ArchetypeLibrary(directory: folder)
        #expect(library.ids() == ["fr/test-house"])

        let dwelling = """
        { "base": "fr/test-house", "name": "Mme D.",
          "envelope": { "roofs": [ { "id": "ceiling", "u_value_w_per_m2k": 0.2 } ] },
          "thermostat": { "heating_setpoint_c": 17 } }
        """
        let loaded = DwellingFixtures.load(dwelling, library: library)
        let resolved = try #require(loaded.dwelling, "\(loaded.issues)")
        #expect(resolved.name == "Mme D.")
        #expect(resolved.opaqueElements.first { $0.id == "ceiling" }?.uValueWPerM2K == 0.2)
        #expect(resolved.opaqueElements.first { $0.id == "ceiling" }?.netAreaM2 == 80)
        #expect(resolved.thermostat.heatingSetpointC == 17)

        let unknown = DwellingFixtures.load(#"{"base": "fr/test-hous"}"#, library: library)
        let issue = try #require(unknown.issues.first { $0.path == "base" })
        #expect(issue.description.contains("did you mean 'fr/test-house'"))
    }

    /// A new floor area scales the archetype's envelope (issue 11, item 4): 80 → 20 m², f = 1/4.
    @Test func aNewFloorAreaScalesTheArchetypesEnvelope() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-scale-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fr"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(DwellingFixtures.valid.utf8).write(to: folder.appendingPathComponent("fr/test-house.json"))
        let library = ArchetypeLibrary(directory: folder)

        let loaded = DwellingFixtures.load("""
        { "base": "fr/test-house", "geometry": { "floor_area_m2": 20 },
          "envelope": { "walls": [ { "id": "wall-west", "area_m2": 30 } ] } }
        """, library: library)
        let dwelling = try #require(loaded.dwelling, "\(loaded.issues)")
        func area(_ id: String) -> Double? { dwelling.opaqueElements.first { $0.id == id }?.netAreaM2 }
        #expect(area("ceiling") == 20)                 // 80 × 1/4
        #expect(area("floor") == 20)
        #expect(area("wall-east") == 10)               // 20 × √(1/4)
        #expect(area("wall-west") == 30)               // given by the file: as written
        #expect(area("wall-north") == 12.5 - 2)        // 25 × 1/2, less the door, which keeps its 2 m²
        #expect(dwelling.windows.first { $0.id == "win-s1" }?.areaM2 == 1.5)
        #expect(dwelling.volumeM3 == 50)               // 20 m² × 2.5 m
        #expect(loaded.defaults.contains { $0.path == "envelope" && $0.value.contains("f = 20 / 80") })

        // The same area as the archetype's: nothing scaled, nothing reported.
        let same = DwellingFixtures.load(#"{ "base": "fr/test-house", "geometry": { "floor_area_m2": 80 } }"#, library: library)
        #expect(!same.defaults.contains { $0.path == "envelope" })
        #expect(same.dwelling?.opaqueElements.first { $0.id == "ceiling" }?.netAreaM2 == 80)
    }
}
