import Foundation
import Testing
@testable import FoyerModel
import FoyerCore

@Suite("Dwelling files: resolve and validate")
struct DwellingValidationTests {
    @Test func validFileResolvesWithReportedDefaults() throws {
        let loaded = DwellingFixtures.load(DwellingFixtures.valid)
        #expect(loaded.issues.errors.isEmpty, "\(loaded.issues)")
        let dwelling = try #require(loaded.dwelling)
        #expect(dwelling.volumeM3 == 200)
        // Net areas: south wall 25 − 2 windows of 3 m²; north wall 25 − door 2 m².
        #expect(dwelling.opaqueElements.first { $0.id == "wall-south" }?.netAreaM2 == 19)
        #expect(dwelling.opaqueElements.first { $0.id == "wall-north" }?.netAreaM2 == 23)
        // Window defaults from the 3CL U_w table: double glazing, wood frame → 2.9 W/(m²·K).
        #expect(dwelling.windows.first { $0.id == "win-s2" }?.uValueWPerM2K == 2.9)
        // Infiltration from n50 = 8 1/h by Sherman's rule of 20 → 0.4 1/h.
        #expect(abs(dwelling.ventilation.infiltrationPerH - 0.4) < 1e-12)
        // Comfort 06–09 and 17–23 on weekdays.
        #expect(dwelling.thermostat.comfortPeriods.weekdays[7] && !dwelling.thermostat.comfortPeriods.weekdays[12])
        // Defaults are reported with their paths.
        let paths = Set(loaded.defaults.map(\.path))
        #expect(paths.contains("geometry.volume_m3"))
        #expect(paths.contains("envelope.windows[1].g_value"))
        #expect(paths.contains("location.latitude_deg"))
        #expect(dwelling.location.latitudeDeg == 48.8)
    }

    /// U of a layered wall by EN ISO 6946: BESTEST case 600 wall (ASHRAE 140-2020 layers, as in
    /// ../shared/reference/thermal-references.md §1.2): wood siding 0.009 m / 0.14, fibreglass
    /// 0.066 / 0.040, plasterboard 0.012 / 0.16. With R_si 0.13 and R_se 0.04 the reference file
    /// gives U = 0.510 W/(m²·K); 0.0005 is half a unit of its last digit.
    @Test func layeredUValueFollowsISO6946() {
        let rsi = ISO6946.internalSurfaceResistance(.horizontal)
        let rse = ISO6946.externalSurfaceResistance(.horizontal, toOutdoorAir: true)
        let layers = [(0.009, 0.14), (0.066, 0.040), (0.012, 0.16)].map { ISO6946.layerResistance(thicknessM: $0.0, conductivityWPerMK: $0.1) }
        #expect(abs(ISO6946.uValue(layerResistancesM2KPerW: layers, rsi: rsi, rse: rse) - 0.510) < 0.0005)
        #expect(ISO6946.HeatFlowDirection(tiltDeg: 0) == .upwards)
        #expect(ISO6946.HeatFlowDirection(tiltDeg: 180) == .downwards)
    }

    /// Each broken file gives the expected path-addressed message.
    @Test(arguments: [
        // (edit target, replacement, expected path, fragment of the message or of what is allowed)
        ("\"area_m2\": 25, \"azimuth_deg\": 180", "\"area_m2\": -25, \"azimuth_deg\": 180", "envelope.walls[0].area_m2", "greater than zero"),
        ("\"area_m2\": 80, \"u_value_w_per_m2k\": 0.5", "\"area_m2\": 80, \"u_value_w_per_m2k\": 0", "envelope.roofs[0].u_value_w_per_m2k", "greater than zero"),
        ("\"g_value\": 0.75", "\"g_value\": 1.2", "envelope.windows[0].g_value", "between 0 and 1"),
        ("\"max_power_w\": 15000", "\"max_power_w\": 15000, \"year_installed\": -1", "heating.systems[0].year_installed", "installation year"),
        ("\"doors\": [", "\"interior_solar_distribution\": { \"fractions\": { \"floor\": 0.6, \"celing\": 0.4 } }, \"doors\": [",
         "envelope.interior_solar_distribution.fractions.celing", "did you mean 'ceiling'"),
        ("\"doors\": [", "\"interior_solar_distribution\": { \"fractions\": { \"floor\": 0.6, \"ceiling\": 0.2 } }, \"doors\": [",
         "envelope.interior_solar_distribution.fractions", "add up to 0.8"),
        ("\"doors\": [", "\"interior_solar_distribution\": { \"fractions\": { \"floor\": 1.2 }, \"lost_through_windows\": -0.2 }, \"doors\": [",
         "envelope.interior_solar_distribution.fractions.floor", "between 0 and 1"),
        ("\"storey_height_m\": 2.5 }", "\"storey_height_m\": 2.5, \"volume_m3\": 400 }", "geometry.volume_m3", "inconsistent"),
        ("\"id\": \"win-s1\", \"wall\": \"wall-south\", \"area_m2\": 3", "\"id\": \"win-s1\", \"wall\": \"wall-south\", \"area_m2\": 23", "envelope.walls[0].area_m2", "larger than"),
        ("\"exposed_perimeter_m\": 36 }", "\"exposed_perimeter_m\": 36, \"boundary\": \"groud\" }", "envelope.floors[0].boundary", "did you mean 'ground'"),
        ("\"climate_zone\": \"H1a\"", "\"climate_zone\": \"H1\"", "location.climate_zone", "did you mean"),
        ("\"id\": \"win-s1\", \"wall\": \"wall-south\"", "\"id\": \"win-s1\", \"wall\": \"wall-sout\"", "envelope.windows[0].wall", "did you mean 'wall-south'"),
        ("\"schema\": \"foyer.dwelling/1\"", "\"schema\": \"foyer.dwelling/2\"", "schema", "foyer.dwelling/1"),
        ("\"id\": \"wall-west\"", "\"id\": \"wall-east\"", "envelope.walls[3].id", "duplicate id"),
        ("\"floor_area_m2\": 80, ", "", "geometry.floor_area_m2", "missing"),
        ("\"area_m2\": 20, \"azimuth_deg\": 270", "\"area_m2\": \"20\", \"azimuth_deg\": 270", "envelope.walls[3].area_m2", "expected a number"),
        ("\"area_m2\": 20, \"azimuth_deg\": 270, \"u_value_w_per_m2k\": 1.5", "\"area_m2\": 20, \"azimuth_deg\": 270, \"u_valeu_w_per_m2k\": 1.5",
         "envelope.walls[3].u_valeu_w_per_m2k", "did you mean 'u_value_w_per_m2k'"),
        ("\"heating_setback_c\": 16", "\"heating_setback_c\": 21", "thermostat.heating_setback_c", "above the heating set-point"),
        ("[[6, 9], [17, 23]]", "[[6, 9], [23, 17]]", "thermostat.comfort_periods.weekdays[1]", "start < end"),
        ("\"type\": \"gas_boiler_standard\"", "\"type\": \"gas_boiler\"", "heating.systems[0].type", "did you mean"),
        ("\"heating_system\": \"boiler\"", "\"heating_system\": \"boiler-2\"", "hot_water.systems[0].heating_system", "no heating system has this id"),
        ("\"occupants\": 3", "\"occupants\": 2.5", "occupancy.occupants", "whole number"),
        ("{ \"id\": \"boiler\", \"type\": \"gas_boiler_standard\", \"efficiency\": 0.8, \"max_power_w\": 15000 }",
         "{ \"id\": \"boiler\", \"type\": \"gas_boiler_standard\", \"share\": 0.5 }, { \"id\": \"boiler\", \"type\": \"wood_log_stove\", \"share\": 0.5 }",
         "heating.systems[1].id", "duplicate id"),
    ])
    func brokenFileGivesPathAddressedError(target: String, replacement: String, path: String, fragment: String) {
        let loaded = DwellingFixtures.load(DwellingFixtures.replacing(target, with: replacement))
        #expect(loaded.dwelling == nil)
        let matching = loaded.issues.errors.filter { $0.path == path }
        #expect(!matching.isEmpty, "no error at \(path); got: \(loaded.issues.map(\.description))")
        #expect(matching.contains { $0.description.contains(fragment) }, "\(matching.map(\.description))")
        #expect(matching.allSatisfy { $0.file == "test.json" })
    }

    @Test func allErrorsOfAFileAreReportedAtOnce() {
        var json = DwellingFixtures.replacing("\"g_value\": 0.75", with: "\"g_value\": 1.5")
        json = json.replacingOccurrences(of: "\"u_value_w_per_m2k\": 0.8", with: "\"u_value_w_per_m2k\": -1")
        json = json.replacingOccurrences(of: "\"occupants\": 3", with: "\"ocupants\": 3")
        let paths = Set(DwellingFixtures.load(json).issues.errors.map(\.path))
        #expect(paths.isSuperset(of: ["envelope.windows[0].g_value", "envelope.floors[0].u_value_w_per_m2k", "occupancy.ocupants"]), "\(paths)")
    }

    @Test(arguments: [
        ("", "empty"),
        ("{ \"schema\": \"foyer.dwelling/1\", \"name\": \"x\" \"geometry\": {} }", "not valid JSON"),
        ("{ \"schema\": \"foyer.dwelling/1\", \"geometry\": { \"floor_area_m2\": 8", "not valid JSON"),
        ("[1, 2, 3]", "a dwelling file is a JSON object"),
    ])
    func malformedJSONGivesAClearMessage(text: String, fragment: String) {
        let loaded = DwellingFixtures.load(text)
        #expect(loaded.dwelling == nil)
        #expect(loaded.issues.count == 1)
        #expect(loaded.issues.first?.description.contains(fragment) == true, "\(loaded.issues)")
        #expect(loaded.issues.first?.file == "test.json")
    }

    @Test func aWindowFacingAwayFromItsWallIsFlagged() {
        let loaded = DwellingFixtures.load(DwellingFixtures.replacing(
            "\"id\": \"win-s1\", \"wall\": \"wall-south\", \"area_m2\": 3, \"azimuth_deg\": 180",
            with: "\"id\": \"win-s1\", \"wall\": \"wall-south\", \"area_m2\": 3, \"azimuth_deg\": 90"))
        #expect(loaded.dwelling != nil)
        #expect(loaded.issues.warnings.contains { $0.path == "envelope.windows[0].azimuth_deg" && $0.message.contains("wall-south") })
    }

    @Test func unusualValuesAreWarningsNotErrors() {
        let loaded = DwellingFixtures.load(DwellingFixtures.replacing("\"heating_setpoint_c\": 19", with: "\"heating_setpoint_c\": 26"))
        #expect(loaded.dwelling != nil)
        #expect(loaded.issues.warnings.contains { $0.path == "thermostat.heating_setpoint_c" })
    }
}

@Suite("JSON syntax errors say where")
struct JSONSyntaxTests {
    @Test(arguments: [
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3", "missing comma"),
        ("{\n  \"a\": {\"b\": 8", "line 2, column 8", "missing '}'"),
        ("{ \"a\": [1, 2,] }", "line 1, column 14", "comma before ']'"),
        ("{ \"a\": 'x' }", "line 1, column 8", "double quotes"),
        ("{ \"a\": \"unterminated }", "line 1, column 8", "missing closing quote"),
        ("{ \"a\": 1 } x", "line 1, column 12", "after the end"),
        ("{ \"a\": 0.5.1 }", "line 1, column 11", "expected ',' or '}'"),
    ])
    func syntaxErrorNamesLineAndColumn(text: String, position: String, fragment: String) {
        #expect(throws: InputError.self) { try JSONValue.parse(Data(text.utf8), file: "f.json") }
        do {
            _ = try JSONValue.parse(Data(text.utf8), file: "f.json")
        } catch {
            let message = error.issues.first?.description ?? ""
            #expect(message.contains(position) && message.contains(fragment), "\(message)")
        }
    }

    @Test func parsesValuesExactly() throws {
        let value = try JSONValue.parse(Data(#"{"s": "é\u00e9\n", "n": -1.5e2, "t": true, "z": null, "a": []}"#.utf8), file: nil)
        #expect(value == .object(["s": .string("éé\n"), "n": .number(-150), "t": .bool(true), "z": .null, "a": .array([])]))
    }

    @Test func duplicateKeysAreWarnings() throws {
        let (_, warnings) = try JSONValue.parseReportingDuplicates(Data(#"{"g": {"a": 1, "a": 2}}"#.utf8), file: nil)
        #expect(warnings.map(\.path) == ["g.a"])
    }
}
