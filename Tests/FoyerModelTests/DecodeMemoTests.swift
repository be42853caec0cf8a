import Foundation
import Testing
@testable import FoyerModel

/// The parts of a dwelling decoded once per distinct subtree (``DecodeMemo``): a subtree seen
/// before gives exactly what decoding it again gives — value, problems and misspelt keys —
/// and any change to it is decoded afresh.
@Suite("Decoding memo of dwelling parts")
struct DecodeMemoTests {
    /// The fixture with a misspelt key in a wall, a wrong-typed value in a window, and a
    /// misspelt key in the household's thermostat (a nested memoized part).
    static let flawed = DwellingFixtures.replacing(
        #"{ "id": "wall-west", "area_m2": 20, "azimuth_deg": 270, "u_value_w_per_m2k": 1.5 }"#,
        with: #"{ "id": "wall-west", "area_m2": 20, "azimuth_deg": 270, "u_value_w_per_m2k": 1.5, "colour": "red" }"#)
        .replacingOccurrences(of: #""g_value": 0.75"#, with: #""g_value": "high""#)
        .replacingOccurrences(of: #""occupancy": { "occupants": 3 },"#,
                              with: #""occupancy": { "occupants": 3 }, "household_use": { "thermostat": { "heating_setpoint_c": 18, "setpoint_c": 17 } },"#)

    private func described(_ loaded: LoadedDwelling) -> [String] { loaded.issues.map(\.description) }

    @Test func aSubtreeSeenBeforeGivesTheSameProblemsAsDecodingItAgain() throws {
        DecodeMemo.shared.removeAll()
        let first = DwellingFixtures.load(Self.flawed)
        let second = DwellingFixtures.load(Self.flawed)  // every part from the memo
        let paths = first.issues.map(\.path)
        #expect(paths.contains("envelope.walls[3].colour"), "\(paths)")
        #expect(paths.contains("envelope.windows[0].g_value"), "\(paths)")
        #expect(paths.contains("household_use.thermostat.setpoint_c"), "\(paths)")
        #expect(described(second) == described(first))
        DecodeMemo.shared.removeAll()
        #expect(described(DwellingFixtures.load(Self.flawed)) == described(first))
        // A part with problems is not kept; a clean one is.
        func envelope(_ text: String) throws -> JSONValue {
            guard case let .object(members) = try JSONValue.parse(Data(text.utf8), file: nil), let envelope = members["envelope"] else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no envelope"))
            }
            return envelope
        }
        let key = DecodeMemo.Key(type: ObjectIdentifier(EnvelopeSpec.self), path: "envelope")
        #expect(DecodeMemo.shared.entry(key, value: try envelope(Self.flawed)) == nil)
        _ = DwellingFixtures.load(DwellingFixtures.valid)
        #expect(DecodeMemo.shared.entry(key, value: try envelope(DwellingFixtures.valid)) != nil)
    }

    @Test func aChangedSubtreeIsDecodedAfresh() throws {
        let valid = try #require(DwellingFixtures.load(DwellingFixtures.valid).dwelling)
        let changed = try #require(DwellingFixtures.load(DwellingFixtures.replacing(#""u_value_w_per_m2k": 0.5"#, with: #""u_value_w_per_m2k": 0.25"#)).dwelling)
        #expect(valid.opaqueElements.first { $0.id == "ceiling" }?.uValueWPerM2K == 0.5)
        #expect(changed.opaqueElements.first { $0.id == "ceiling" }?.uValueWPerM2K == 0.25)
        // The same part with an unknown key added is not taken for the one without it.
        let typo = DwellingFixtures.load(DwellingFixtures.replacing(#""n50_per_h": 8"#, with: #""n50_per_h": 8, "n50": 3"#))
        #expect(typo.issues.contains { $0.path == "ventilation.n50" && $0.severity == .error })
        #expect(DwellingFixtures.load(DwellingFixtures.valid).issues.allSatisfy { $0.severity != .error })
    }

    @Test func subtreesMatchExactly() throws {
        func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), file: nil) }
        #expect(JSONValue.identical(try parse(#"{"a": [1, {"b": "x"}], "c": null}"#), try parse(#"{"c": null, "a": [1, {"b": "x"}]}"#)))
        #expect(!JSONValue.identical(try parse(#"{"a": 0}"#), try parse(#"{"a": -0.0}"#)))
        #expect(!JSONValue.identical(try parse(#"{"a": [1, 2]}"#), try parse(#"{"a": [2, 1]}"#)))
        #expect(!JSONValue.identical(try parse(#"{"a": 1}"#), try parse(#"{"a": 1, "b": 1}"#)))
        #expect(!JSONValue.identical(try parse(#"{"a": true}"#), try parse(#"{"a": 1}"#)))
        // Canonically equivalent strings are still different bytes (a file name differs): "é"
        // precomposed and "e" with a combining accent, as values and as keys.
        #expect(!JSONValue.identical(.string("caf\u{E9}.epw"), .string("cafe\u{301}.epw")))
        #expect(!JSONValue.identical(.object(["\u{E9}": .null]), .object(["e\u{301}": .null])))
        #expect(JSONValue.identical(.object(["\u{E9}": .string("x")]), .object(["\u{E9}": .string("x")])))
    }

    /// The envelope resolved once per distinct JSON and floor area (``EnvelopeMemo``): the
    /// second resolution of the same file gives the same elements, warnings and defaults.
    @Test func anEnvelopeSeenBeforeResolvesTheSame() throws {
        // An unusual wall U (a warning) and a window without U or g (defaults from its glazing).
        let unusual = DwellingFixtures.replacing(
            #"{ "id": "wall-north", "area_m2": 25, "azimuth_deg": 0, "u_value_w_per_m2k": 1.5 }"#,
            with: #"{ "id": "wall-north", "area_m2": 25, "azimuth_deg": 0, "u_value_w_per_m2k": 4.5 }"#)
        EnvelopeMemo.shared.removeAll()
        let first = DwellingFixtures.load(unusual)
        let second = DwellingFixtures.load(unusual)
        #expect(first.issues.contains { $0.path == "envelope.walls[1].u_value_w_per_m2k" && $0.severity == .warning }, "\(first.issues)")
        #expect(first.defaults.contains { $0.path.hasPrefix("envelope.windows[1]") }, "\(first.defaults.map(\.path))")
        #expect(second.issues.map(\.description) == first.issues.map(\.description))
        #expect(second.defaults.map(\.path) == first.defaults.map(\.path))
        #expect(second.defaults.map(\.value) == first.defaults.map(\.value))
        let a = try #require(first.dwelling), b = try #require(second.dwelling)
        #expect(a.opaqueElements == b.opaqueElements)
        #expect(a.windows.map(\.uValueWPerM2K) == b.windows.map(\.uValueWPerM2K))
        // Another floor area is another entry; the first floor area is still served the same.
        let larger = try #require(DwellingFixtures.load(unusual.replacingOccurrences(of: #""floor_area_m2": 80"#, with: #""floor_area_m2": 90"#)).dwelling)
        #expect(larger.floorAreaM2 == 90)
        #expect(DwellingFixtures.load(unusual).issues.map(\.description) == first.issues.map(\.description))
    }
}
