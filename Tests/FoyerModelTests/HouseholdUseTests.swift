import Foundation
import Testing
@testable import FoyerModel

/// `household_use` beside the conventional scenario (issue 12, item 1).
@Suite("Household use scenario")
struct HouseholdUseTests {
    static let file = DwellingFixtures.replacing("\"occupancy\": { \"occupants\": 3 },", with: """
    "occupancy": { "occupants": 3 },
      "household_use": {
        "description": "heats the living room and kitchen", "source": "visit",
        "thermostat": { "heating_setpoint_c": 17.5, "heating_season": { "start": "10-20", "end": "04-15" } },
        "hot_water": { "litres_per_person_per_day": 35 },
        "heated_share": { "fraction": 0.6 }
      },
    """)

    func load(_ json: String, _ use: UseChoice) -> LoadedDwelling {
        DwellingLoader.load(data: Data(json.utf8), file: "test.json", library: nil, climateZones: DwellingFixtures.zones, use: use)
    }

    @Test func scenariosAreChosenAndMerged() throws {
        let conventional = try #require(load(Self.file, .conventional).dwelling)
        #expect(conventional.useScenario == .conventional)
        #expect(conventional.thermostat.heatingSetpointC == 19 && conventional.thermostat.heatingSeason == nil && conventional.heatedShare == nil)
        #expect(conventional.hotWater.litresPerPersonPerDay == nil)
        for choice in [UseChoice.household, .automatic] {
            let household = try #require(load(Self.file, choice).dwelling)
            #expect(household.useScenario == .household)
            #expect(household.thermostat.heatingSetpointC == 17.5)
            // Fields household_use does not give are the conventional ones (merged key by key).
            #expect(household.thermostat.heatingSetbackC == 16)
            #expect(household.thermostat.heatingSeason == HeatingSeason(start: (10, 20), end: (4, 15)))
            #expect(household.hotWater.litresPerPersonPerDay == 35)
            #expect(household.heatedShare?.fraction == 0.6)
            // Default partition: the cold rooms' floor, 40 % of 80 m².
            #expect(abs((household.heatedShare?.partitionAreaM2 ?? 0) - 32) < 1e-9)
            #expect(household.useDescription == "heats the living room and kitchen")
        }
        // Without household_use, auto is conventional and household is refused at household_use.
        #expect(load(DwellingFixtures.valid, .automatic).dwelling?.useScenario == .conventional)
        let refused = load(DwellingFixtures.valid, .household)
        #expect(refused.dwelling == nil)
        #expect(refused.issues.errors.map(\.path) == ["household_use"])
    }

    @Test func errorsNameTheHouseholdField() {
        let bad = Self.file.replacingOccurrences(of: "\"heating_setpoint_c\": 17.5", with: "\"heating_setpoint_c\": 45")
            .replacingOccurrences(of: "\"fraction\": 0.6", with: "\"fraction\": -0.2")
            .replacingOccurrences(of: "\"litres_per_person_per_day\": 35", with: "\"litres_per_person_per_day\": \"lots\"")
        let household = load(bad, .household)
        let paths = Set(household.issues.errors.map(\.path))
        #expect(paths == ["household_use.thermostat.heating_setpoint_c", "household_use.heated_share.fraction",
                          "household_use.hot_water.litres_per_person_per_day"], "\(household.issues)")
        // The conventional scenario does not use them, but still refuses a wrong type or range
        // in household_use's own fields (heated_share is checked in both).
        let conventional = load(bad, .conventional)
        #expect(conventional.issues.errors.contains { $0.path == "household_use.heated_share.fraction" })
        #expect(conventional.issues.errors.contains { $0.path == "household_use.hot_water.litres_per_person_per_day" })
    }
}
