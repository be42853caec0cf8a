import Foundation
import Testing
@testable import FoyerModel

/// `thermostat.heating_season`: the days a household's heating is on (issue 12, item 1).
@Suite("Heating season")
struct HeatingSeasonTests {
    static func thermostat(_ season: String) -> LoadedDwelling {
        DwellingFixtures.load(DwellingFixtures.replacing("\"thermostat\": { \"heating_setpoint_c\": 19,",
                                                         with: "\"thermostat\": { \"heating_season\": \(season), \"heating_setpoint_c\": 19,"))
    }

    @Test func seasonOverTheNewYear() throws {
        let loaded = Self.thermostat("{ \"start\": \"10-15\", \"end\": \"04-30\" }")
        #expect(!loaded.issues.hasErrors, "\(loaded.issues.map(\.description))")
        let season = try #require(loaded.dwelling?.thermostat.heatingSeason)
        // 1 January (day 0), 30 April (day 119) and 15 October (day 287) in; 1 May (120) and 14 October (286) out.
        for (day, inSeason) in [(0, true), (119, true), (120, false), (200, false), (286, false), (287, true), (364, true)] {
            #expect(season.contains(dayOfYear: day) == inSeason, "day \(day)")
        }
        #expect(!loaded.defaults.contains { $0.path == "thermostat.heating_season" })
    }

    @Test func allYearIsTheReportedDefault() {
        let loaded = DwellingFixtures.load(DwellingFixtures.valid)
        #expect(loaded.dwelling?.thermostat.heatingSeason == nil)
        #expect(loaded.defaults.contains { $0.path == "thermostat.heating_season" && $0.value == "all year" })
    }

    @Test(arguments: [
        ("{ \"start\": \"15-10\", \"end\": \"04-30\" }", "thermostat.heating_season.start"),
        ("{ \"start\": \"10-15\", \"end\": \"02-29\" }", "thermostat.heating_season.end"),
        ("{ \"start\": \"10-15\" }", "thermostat.heating_season.end"),
        ("{ \"start\": \"1015\", \"end\": \"04-30\" }", "thermostat.heating_season.start"),
    ])
    func badDaysAreRefused(_ season: String, _ path: String) {
        let loaded = Self.thermostat(season)
        #expect(loaded.dwelling == nil)
        #expect(loaded.issues.errors.contains { $0.path == path }, "\(loaded.issues.map(\.description))")
    }
}
