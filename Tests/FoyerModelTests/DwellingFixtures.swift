import Foundation
@testable import FoyerModel

/// A small valid dwelling and helpers to break it, for the validation tests.
enum DwellingFixtures {
    /// Climate zones as the resolver sees them (station coordinates from the RT2012 monthly
    /// summary in ../shared/weather/rt2012/rt2012_monthly.csv).
    static let zones = [
        ClimateZoneInfo(id: "H1a", country: "FR", stationName: "Trappes", latitudeDeg: 48.8, longitudeDeg: 2.0, altitudeM: 0),
        ClimateZoneInfo(id: "H1b", country: "FR", stationName: "Nancy", latitudeDeg: 48.7, longitudeDeg: 6.2, altitudeM: 0),
        ClimateZoneInfo(id: "H2a", country: "FR", stationName: "Rennes", latitudeDeg: 48.1, longitudeDeg: -1.7, altitudeM: 0),
        ClimateZoneInfo(id: "BE-Uccle", country: "BE", stationName: "Uccle", latitudeDeg: 50.8, longitudeDeg: 4.35, altitudeM: 100),
    ]

    /// A one-storey house: four walls, a ceiling under a lost attic, a floor on the ground,
    /// two windows in the south wall and a door in the north wall.
    static let valid = """
    {
      "schema": "foyer.dwelling/1",
      "name": "test house",
      "location": { "climate_zone": "H1a" },
      "geometry": { "floor_area_m2": 80, "storeys": 1, "storey_height_m": 2.5 },
      "envelope": {
        "walls": [
          { "id": "wall-south", "area_m2": 25, "azimuth_deg": 180, "u_value_w_per_m2k": 1.5 },
          { "id": "wall-north", "area_m2": 25, "azimuth_deg": 0, "u_value_w_per_m2k": 1.5 },
          { "id": "wall-east", "area_m2": 20, "azimuth_deg": 90,
            "layers": [
              { "material": "brick", "thickness_m": 0.22, "conductivity_w_per_mk": 0.7, "density_kg_per_m3": 1800, "specific_heat_j_per_kgk": 840 },
              { "material": "plaster", "thickness_m": 0.015, "conductivity_w_per_mk": 0.35, "density_kg_per_m3": 1200, "specific_heat_j_per_kgk": 840 }
            ] },
          { "id": "wall-west", "area_m2": 20, "azimuth_deg": 270, "u_value_w_per_m2k": 1.5 }
        ],
        "roofs": [ { "id": "ceiling", "area_m2": 80, "u_value_w_per_m2k": 0.5, "boundary": "unheated_space", "adjustment_factor_b": 0.9 } ],
        "floors": [ { "id": "floor", "area_m2": 80, "u_value_w_per_m2k": 0.8, "exposed_perimeter_m": 36 } ],
        "windows": [
          { "id": "win-s1", "wall": "wall-south", "area_m2": 3, "azimuth_deg": 180, "u_value_w_per_m2k": 2.8, "g_value": 0.75 },
          { "id": "win-s2", "wall": "wall-south", "area_m2": 3, "azimuth_deg": 180, "glazing": "double", "frame": "wood" }
        ],
        "doors": [ { "id": "door", "wall": "wall-north", "area_m2": 2, "azimuth_deg": 0, "u_value_w_per_m2k": 3.0 } ]
      },
      "ventilation": { "type": "natural", "n50_per_h": 8 },
      "thermostat": { "heating_setpoint_c": 19, "heating_setback_c": 16,
                      "comfort_periods": { "weekdays": [[6, 9], [17, 23]], "weekends": [[8, 23]] } },
      "occupancy": { "occupants": 3 },
      "heating": { "systems": [ { "id": "boiler", "type": "gas_boiler_standard", "efficiency": 0.8, "max_power_w": 15000 } ] },
      "hot_water": { "systems": [ { "type": "from_heating_system", "heating_system": "boiler" } ] }
    }
    """

    static func load(_ json: String, library: ArchetypeLibrary? = nil) -> LoadedDwelling {
        DwellingLoader.load(data: Data(json.utf8), file: "test.json", library: library, climateZones: zones)
    }

    /// `valid` with `target` replaced by `replacement` (the target must occur exactly once).
    static func replacing(_ target: String, with replacement: String) -> String {
        precondition(valid.components(separatedBy: target).count == 2, "fixture edit must match once: \(target)")
        return valid.replacingOccurrences(of: target, with: replacement)
    }
}
