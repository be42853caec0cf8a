import FoyerClimate

/// The DPE's conventional climate applied to an hourly weather year.
///
/// The 3CL method does not use a weather year: it takes, for each month, the degree-hours below
/// 19 °C (`dh19`) of the dwelling's climate zone **and altitude class** (below 400 m, 400–800 m,
/// above 800 m; arrêté du 31 mars 2021, annexe 1, §18). Foyer's reference years are those of
/// the zones' stations, mostly low: a dwelling at 600 m in H1c sees 59 000 K·h of heating-season
/// degree-hours in Foyer's year but 72 300 in the DPE. For a label under the DPE's conventions
/// the year's outdoor temperatures (and dew points) are therefore shifted by one constant so
/// that its degree-hours below 19 °C over the 3CL heating months equal the method's; the hours,
/// sun and wind keep their shape.
public enum DPEClimate {
    /// The conventional degree-hours below 19 °C of a zone and altitude class over the year, K·h;
    /// `nil` for a zone the method does not have, or a class it leaves empty (H1a, H2a and H2b
    /// above 800 m take the 400–800 m values).
    public static func annualDegreeHours19(zone: String, altitude: AltitudeClass) -> Double? {
        guard let table = tables(zone: zone, altitude: altitude) else { return nil }
        return table.degreeHours.reduce(0, +)
    }

    static func tables(zone: String, altitude: AltitudeClass) -> (degreeHours: [Double], heatingHours: [Double])? {
        guard let byClass = degreeHours19[zone], let hoursByClass = heatingHours19[zone] else { return nil }
        for candidate in [altitude, .from400To800, .below400] {
            if let degreeHours = byClass[candidate], let heatingHours = hoursByClass[candidate], degreeHours.reduce(0, +) > 0 {
                return (degreeHours, heatingHours)
            }
        }
        return nil
    }

    /// `weather` with its dry-bulb and dew-point temperatures shifted so that its degree-hours
    /// below 19 °C over the months the 3CL heats equal the method's for `zone` and `altitude`,
    /// and the shift in kelvin; `nil` when the zone has no table.
    public static func conventionalYear(_ weather: WeatherYear, zone: String, altitude: AltitudeClass) -> (year: WeatherYear, shiftK: Double)? {
        guard let table = tables(zone: zone, altitude: altitude), weather.dryBulbC.count == 8_760 else { return nil }
        let target = table.degreeHours.reduce(0, +)
        let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var heated: [Double] = []
        heated.reserveCapacity(6_000)
        var hour = 0
        for (month, days) in daysInMonth.enumerated() {
            let count = days * 24
            if table.heatingHours[month] > 0 { heated += weather.dryBulbC[hour..<hour + count] }
            hour += count
        }
        func degreeHours(_ shift: Double) -> Double { heated.reduce(0) { $0 + max(0, 19 - ($1 + shift)) } }
        // Degree-hours fall as the shift rises: bisection on ±25 K, to 0.001 K.
        var low = -25.0, high = 25.0
        guard degreeHours(low) >= target, degreeHours(high) <= target else { return nil }
        while high - low > 0.001 {
            let middle = (low + high) / 2
            if degreeHours(middle) > target { low = middle } else { high = middle }
        }
        let shift = ((low + high) / 2 * 1000).rounded() / 1000
        var year = weather
        year.dryBulbC = weather.dryBulbC.map { $0 + shift }
        year.dewPointC = zip(weather.dewPointC, year.dryBulbC).map { min($0 + shift, $1) }
        return (year, shift)
    }
}
