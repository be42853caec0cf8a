import Foundation
import Testing
import FoyerClimate
import FoyerModel
@testable import FoyerThermal

/// A household that heats half its rooms (issue 12, item 1): the cold rooms are an unheated zone
/// behind the partitions, EN ISO 13789:2017, 6.4. Checked in steady state against a hand
/// calculation of the conductances.
@Suite("Heated share: the cold rooms as an unheated zone")
struct HeatedShareTests {
    /// A box: four walls of 25 m² at U 1.5 (150 W/K), a roof of 80 m² at U 0.5 (40 W/K), a floor
    /// over a heated neighbour, no windows, no thermal bridges, 0.5 air change an hour in
    /// 200 m³ (1 200 × 0.5 × 200 / 3 600 = 33.33 W/K): H = 223.33 W/K. No internal gains.
    static let box = """
    {
      "schema": "foyer.dwelling/1",
      "location": { "climate_zone": "H1a" },
      "geometry": { "floor_area_m2": 80, "storeys": 1, "storey_height_m": 2.5 },
      "envelope": {
        "walls": [
          { "id": "s", "area_m2": 25, "azimuth_deg": 180, "u_value_w_per_m2k": 1.5 },
          { "id": "n", "area_m2": 25, "azimuth_deg": 0, "u_value_w_per_m2k": 1.5 },
          { "id": "e", "area_m2": 25, "azimuth_deg": 90, "u_value_w_per_m2k": 1.5 },
          { "id": "w", "area_m2": 25, "azimuth_deg": 270, "u_value_w_per_m2k": 1.5 }
        ],
        "roofs": [ { "id": "roof", "area_m2": 80, "u_value_w_per_m2k": 0.5 } ],
        "floors": [ { "id": "floor", "area_m2": 80, "u_value_w_per_m2k": 0.8, "boundary": "adjacent_heated" } ],
        "windows": []
      },
      "thermal_bridges": { "surcharge_w_per_m2k": 0 },
      "ventilation": { "type": "natural", "air_change_per_h": 0.5 },
      "thermostat": { "heating_setpoint_c": 20 },
      "occupancy": { "occupants": 2, "internal_gains_w": 0 },
      "household_use": {
        "heated_share": { "fraction": 0.5, "partition_area_m2": 40, "partition_u_value_w_per_m2k": 2.0, "air_transfer_m3_per_h": 30 }
      }
    }
    """
    static let zones = [ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2, altitudeM: 0)]

    /// A year at −5 °C, no sun, the sky at the air's temperature (σT⁴ of 268.15 K): steady state.
    static func constantWeather() -> WeatherYear {
        var year = ReferenceClimate.h1a.weatherYear
        let hours = year.dryBulbC.count
        year.dryBulbC = Array(repeating: -5, count: hours)
        year.dewPointC = Array(repeating: -6, count: hours)
        year.globalHorizontalWPerM2 = Array(repeating: 0, count: hours)
        year.directNormalWPerM2 = Array(repeating: 0, count: hours)
        year.diffuseHorizontalWPerM2 = Array(repeating: 0, count: hours)
        year.horizontalInfraredWPerM2 = Array(repeating: 5.670374e-8 * pow(268.15, 4), count: hours)
        return year
    }

    func load(_ use: UseChoice) throws -> ResolvedDwelling {
        let loaded = DwellingLoader.load(data: Data(Self.box.utf8), file: "box.json", library: nil, climateZones: Self.zones, use: use)
        guard let dwelling = loaded.dwelling else { throw HeatedShareTestError.notLoaded("\(loaded.issues)") }
        return dwelling
    }

    @Test func conductancesMatchTheHandCalculation() throws {
        let household = try load(.household)
        let share = try #require(household.heatedShare)
        let coupling = household.coldRoomsCoupling(share)
        // H_ue = 0.5 × 223.33 = 111.67 W/K; H_iu = 2.0 × 40 + 1 200 × 30 / 3 600 = 90 W/K;
        // b = 111.67 / 201.67 = 0.5537.
        #expect(abs(coupling.outsideWPerK - 111.667) < 0.01)
        #expect(abs(coupling.partitionWPerK - 90) < 1e-9)
        #expect(abs(coupling.b - 0.55372) < 1e-4)
        #expect(try load(.conventional).heatedShare == nil)
    }

    @Test func steadyStateHeatingPower() throws {
        let weather = Self.constantWeather()
        let solar = SurfaceIrradiance(weather: weather)
        var options = SimulationOptions(idealLoads: true)
        options.outsideFilm = .conventional
        let whole = try load(.conventional), household = try load(.household)
        // Heated half: H = H_ue + b·H_iu = 111.67 + 0.5537 × 90 = 161.50 W/K (72.3 % of 223.33).
        // The monthly method uses the conductances as they are: January, 161.50 W/K × 25 K × 744 h.
        let monthlyWhole = ISO13790.monthlyNeeds(whole, weather: weather, solar: solar, options: options)
        let monthly = ISO13790.monthlyNeeds(household, weather: weather, solar: solar, options: options)
        #expect(abs(monthlyWhole[0].heatingNeedKWh - 223.333 * 25 * 744 / 1000) < 1, "monthly whole \(monthlyWhole[0].heatingNeedKWh) kWh")
        #expect(abs(monthly[0].heatingNeedKWh - 161.50 * 25 * 744 / 1000) < 1, "monthly heated half \(monthly[0].heatingNeedKWh) kWh")
        // The hourly models add their surface resistances in their own way: the heated half must
        // behave exactly like a dwelling written by hand as that half — walls of 12.5 m², a roof
        // of 40 m², 40 m² of floor and 100 m³, and the partitions' 49.83 W/K as a linear bridge.
        let half = Self.box
            .replacingOccurrences(of: "\"area_m2\": 25,", with: "\"area_m2\": 12.5,")
            .replacingOccurrences(of: "\"area_m2\": 80,", with: "\"area_m2\": 40,")
            .replacingOccurrences(of: "\"floor_area_m2\": 80", with: "\"floor_area_m2\": 40")
            .replacingOccurrences(of: "\"surcharge_w_per_m2k\": 0", with: "\"surcharge_w_per_m2k\": 0, \"linear\": [ { \"id\": \"partitions\", \"psi_w_per_mk\": 1, \"length_m\": 49.8347 } ]")
        let byHand = DwellingLoader.load(data: Data(half.utf8), file: "half.json", library: nil, climateZones: Self.zones, use: .conventional)
        guard let handZone = byHand.dwelling else { throw HeatedShareTestError.notLoaded("\(byHand.issues)") }
        let hour = 8000
        for model in [ThermalModel.iso52016, .fiveR1C] {
            func power(_ dwelling: ResolvedDwelling) throws -> Double {
                let zone = model == .iso52016 ? try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options)
                                              : try ISO13790.prepare(dwelling, weather: weather, solar: solar, options: options)
                return HourlyEngine.run(zone).heatingW[hour]
            }
            let share = try power(household), written = try power(handZone), all = try power(whole)
            #expect(abs(share / written - 1) < 1e-3, "\(model): heated share \(share) W, the half written by hand \(written) W")
            #expect(share < all, "\(model)")
        }
    }
}
enum HeatedShareTestError: Error { case notLoaded(String) }
