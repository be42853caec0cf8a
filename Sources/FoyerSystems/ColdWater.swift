import Foundation
import FoyerClimate
import FoyerModel

/// Mains cold-water temperature by month.
public enum ColdWater {
    /// 3CL-DPE 2021 cold-water temperatures Tefs (°C) by French climate zone and month, altitude
    /// below 400 m (table "sollicitations extérieures", column tefs; action-21/dpe-audit-api
    /// `etc/tables/csv/audit.ext.csv`; `Docs/SystemsReferences.md` §4.2). 2 K lower from 400 to
    /// 800 m, 4 K above.
    public static let tefsC: [String: [Double]] = [
        "H1a": [7.8, 5.5, 6.9, 9.1, 11.4, 15.1, 16.1, 17.8, 15.9, 14.7, 12.5, 9.2],
        "H1b": [6.9, 6.1, 6.4, 7.6, 11.3, 14.9, 16.9, 17.3, 16.8, 14.6, 10.5, 7.9],
        "H1c": [6.1, 4.4, 8.5, 9.0, 14.1, 15.7, 18.2, 18.8, 18.0, 15.8, 11.3, 7.3],
        "H2a": [8.9, 7.2, 8.2, 9.6, 11.1, 16.3, 18.7, 17.1, 18.2, 15.9, 13.3, 10.5],
        "H2b": [9.0, 6.8, 8.7, 9.6, 12.9, 15.3, 17.8, 18.0, 18.1, 15.5, 12.4, 9.2],
        "H2c": [9.8, 9.5, 10.2, 11.3, 14.9, 17.5, 19.8, 19.8, 19.7, 17.7, 14.0, 9.8],
        "H2d": [8.6, 8.5, 9.4, 12.9, 16.7, 18.0, 23.6, 20.9, 22.9, 18.4, 14.1, 9.4],
        "H3": [8.4, 11.7, 11.4, 12.0, 17.2, 20.7, 21.4, 25.4, 20.0, 19.8, 14.7, 12.1],
    ]

    /// The dwelling's monthly cold-water temperatures: the 3CL table for a French reference
    /// climate, otherwise ``burchChristensenC(monthlyMeanOutdoorC:)`` from the weather year.
    public static func monthlyC(dwelling: ResolvedDwelling, weather: WeatherYear) -> [Double] {
        if case let .referenceClimate(id) = dwelling.location.weather, let table = tefsC[id] {
            let altitude = dwelling.location.altitudeM
            let shift = altitude < 400 ? 0.0 : altitude <= 800 ? 2 : 4
            return table.map { $0 - shift }
        }
        var means: [Double] = []
        var start = 0
        for days in WeatherYear.daysPerMonth {
            let slice = weather.dryBulbC[start..<min(start + days * 24, weather.dryBulbC.count)]
            means.append(slice.reduce(0, +) / Double(max(1, slice.count)))
            start += days * 24
        }
        return burchChristensenC(monthlyMeanOutdoorC: means)
    }

    /// Mains water temperature from the weather (Burch & Christensen, NREL 2007, as in
    /// BEopt/OpenStudio; `Docs/SystemsReferences.md` §4.2), in °F:
    ///
    ///     T_mains = T̄ + 6 + R·ΔT/2 · sin(0.986·(day − 15 − L) − 90°)
    ///     R = 0.4 + 0.01·(T̄ − 44),  L = 35 − (T̄ − 44) days
    ///
    /// T̄ the annual mean outdoor temperature and ΔT the spread of the monthly means, evaluated
    /// at each month's middle day (northern hemisphere).
    public static func burchChristensenC(monthlyMeanOutdoorC: [Double]) -> [Double] {
        let meanF = monthlyMeanOutdoorC.reduce(0, +) / Double(max(1, monthlyMeanOutdoorC.count)) * 9 / 5 + 32
        let spreadF = ((monthlyMeanOutdoorC.max() ?? 0) - (monthlyMeanOutdoorC.min() ?? 0)) * 9 / 5
        let ratio = 0.4 + 0.01 * (meanF - 44)
        let lag = 35 - (meanF - 44)
        var dayStart = 0.0
        return WeatherYear.daysPerMonth.map { days in
            let day = dayStart + Double(days) / 2 + 0.5
            dayStart += Double(days)
            let angle = (0.986 * (day - 15 - lag) - 90) * Double.pi / 180
            let mainsF = meanF + 6 + ratio * spreadF / 2 * sin(angle)
            return (mainsF - 32) * 5 / 9
        }
    }
}
