import Foundation
import FoyerCore

/// The climates Foyer carries inside the library, so that it works with no weather file: the eight
/// French RT2012 climate zones and Brussels-Uccle for Belgium.
///
/// Each climate is a table of monthly figures (below, with their sources) from which
/// ``ReferenceYearGenerator`` builds an hourly ``WeatherYear``. The generated years are
/// *statistically* faithful — monthly means and irradiation exact, degree-days and daily ranges
/// close — not copies of an observed year; `Docs/EmbeddedClimate.md` measures how close.
///
/// **Clock.** Every embedded year is in local standard time UTC+1 (``WeatherLocation/timeZoneHours``
/// = 1, no daylight saving), with the sun computed for the station's longitude. (The original RT2012
/// hourly files are in solar time; their monthly statistics do not depend on that choice.)
///
/// **Altitude.** The RT2012 data are at sea level (the regulation corrects for altitude), so the
/// French years are at 0 m; Uccle is at 100 m.
public enum ReferenceClimate: String, CaseIterable, Sendable, Codable {
    case h1a = "H1a", h1b = "H1b", h1c = "H1c"
    case h2a = "H2a", h2b = "H2b", h2c = "H2c", h2d = "H2d"
    case h3 = "H3"
    case uccle = "BE-Uccle"

    /// Looks a climate up by its identifier (case-insensitive), suggesting the closest ones if unknown.
    public static func named(_ name: String) throws(InputError) -> ReferenceClimate {
        if let climate = allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) { return climate }
        let known = allCases.map(\.rawValue)
        throw InputError(InputIssue(
            .error, path: "climate", value: name, message: "unknown embedded climate",
            expected: known.joined(separator: ", "),
            suggestion: Suggestions.didYouMean(name, among: known)))
    }

    /// The reference station of the climate.
    public var station: String {
        switch self {
        case .h1a: "Trappes"
        case .h1b: "Nancy"
        case .h1c: "Mâcon"
        case .h2a: "Rennes"
        case .h2b: "La Rochelle"
        case .h2c: "Agen"
        case .h2d: "Carpentras"
        case .h3: "Nice"
        case .uccle: "Brussels-Uccle"
        }
    }

    /// Where and on which clock the embedded year is generated.
    public var location: WeatherLocation {
        switch self {
        case .uccle:
            // KMI/IRM Uccle climatological station (50°48′ N, 4°22′ E, ≈ 100 m).
            WeatherLocation(name: "BE Brussels-Uccle", latitudeDeg: 50.80, longitudeDeg: 4.36, timeZoneHours: 1, altitudeM: 100)
        default:
            // Coordinates as given in rt2012_monthly.csv; altitude 0 m as the RT2012 data.
            WeatherLocation(
                name: "RT2012 \(rawValue) (\(station))", latitudeDeg: RT2012Figures.coordinates[self]?.lat ?? 0,
                longitudeDeg: RT2012Figures.coordinates[self]?.lon ?? 0, timeZoneHours: 1, altitudeM: 0)
        }
    }

    /// The twelve months of figures the year is generated from, January first.
    public var monthlyFigures: [MonthlyClimateFigures] {
        switch self {
        case .h1a: RT2012Figures.h1a
        case .h1b: RT2012Figures.h1b
        case .h1c: RT2012Figures.h1c
        case .h2a: RT2012Figures.h2a
        case .h2b: RT2012Figures.h2b
        case .h2c: RT2012Figures.h2c
        case .h2d: RT2012Figures.h2d
        case .h3: RT2012Figures.h3
        case .uccle: UccleNormals.figures
        }
    }

    /// The site figures the monthly table lacks (wind, dryness), and the seed of the year.
    public var site: ReferenceSite {
        switch self {
        case .uccle:
            // KMI 1991–2020 normals of the mean wind speed at Uccle: autumn 3.5 m/s, winter 4.1 m/s
            // (KMI seasonal bulletins, autumn 2021 and winter 2021–22, reported by Belga); the
            // generator's ±15 % seasonal swing around 3.5 m/s reproduces both. South-westerly flow.
            ReferenceSite(id: rawValue, location: location, meanWindSpeedMPerS: 3.5,
                          prevailingWindDirectionDeg: 225, dewPointBelowDailyMinimumK: 0)
        default:
            ReferenceSite(
                id: rawValue, location: location,
                meanWindSpeedMPerS: RT2012Figures.meanWindSpeed[self] ?? 3,
                // The RT2012 files carry no wind direction (the column is 0): south-west assumed,
                // north for H2d (mistral in the Rhône valley).
                prevailingWindDirectionDeg: self == .h2d ? 0 : 225,
                // FAO-56 Annex 6: K₀ ≈ 0 K where nights are humid, up to 2 K in dry climates; H2d and H3
                // (Mediterranean) use 1 and 2 K, which bring their mean relative humidity near the
                // RT2012 files' 69 % (see Docs/EmbeddedClimate.md).
                dewPointBelowDailyMinimumK: self == .h3 ? 2 : (self == .h2d ? 1 : 0))
        }
    }

    /// Where the figures come from, stored in ``WeatherYear/source``.
    public var source: String {
        switch self {
        case .uccle:
            "Foyer embedded reference year BE-Uccle, generated from KMI/IRM 1991–2020 normals of Uccle (see Docs/EmbeddedClimate.md)"
        default:
            "Foyer embedded reference year RT2012 \(rawValue) (\(station)), generated from the monthly statistics of the RT2012 reference year (see Docs/EmbeddedClimate.md)"
        }
    }

    /// The generated hourly year (computed once per process, then shared; thread safe).
    public var weatherYear: WeatherYear {
        switch self {
        case .h1a: ReferenceYearCache.h1a
        case .h1b: ReferenceYearCache.h1b
        case .h1c: ReferenceYearCache.h1c
        case .h2a: ReferenceYearCache.h2a
        case .h2b: ReferenceYearCache.h2b
        case .h2c: ReferenceYearCache.h2c
        case .h2d: ReferenceYearCache.h2d
        case .h3: ReferenceYearCache.h3
        case .uccle: ReferenceYearCache.uccle
        }
    }

    /// Generates the year afresh (no cache): for tests of determinism and for diagnostics.
    public func generateWeatherYear() throws(InputError) -> WeatherYear {
        try ReferenceYearGenerator.generate(site: site, months: monthlyFigures, source: source)
    }
}

/// One lazily generated year per climate. Swift initialises `static let` exactly once, thread-safely.
private enum ReferenceYearCache {
    static let h1a = make(.h1a)
    static let h1b = make(.h1b)
    static let h1c = make(.h1c)
    static let h2a = make(.h2a)
    static let h2b = make(.h2b)
    static let h2c = make(.h2c)
    static let h2d = make(.h2d)
    static let h3 = make(.h3)
    static let uccle = make(.uccle)

    static func make(_ climate: ReferenceClimate) -> WeatherYear {
        do {
            return try climate.generateWeatherYear()
        } catch {
            // The figures are compiled into the library: failing here is a programming error.
            preconditionFailure("embedded climate \(climate.rawValue) cannot be generated: \(error)")
        }
    }
}

// MARK: - RT2012 figures

/// Monthly statistics of the eight RT2012 reference meteorological years.
///
/// Source: the public RT2012 hourly reference years (Règlementation thermique 2012, méthode Th-BCE;
/// typical years built per EN ISO 15927-4 from 1994–2008 observations at the reference station of
/// each zone), as distributed in EDF's BuildSysPro library (BSD-3). The monthly mean, minimum and
/// maximum dry-bulb temperature (°C), global horizontal irradiation (kWh/m²) and heating degree-days
/// base 18 °C are copied from `shared/weather/rt2012/rt2012_monthly.csv` (computed from those hourly
/// files). Note: that table's degree-days are counted from *hourly* values, Σₕ max(0, 18 − θₕ)/24 —
/// e.g. H1a July: 34.4 K·d, against 14.5 K·d from daily means — and are used as such.
///
/// The mean daily range (mean over the month of the daily maximum − minimum of the hourly values, K)
/// is not in that table; Foyer computed it from the same RT2012 hourly files (the EPW versions in
/// `shared/weather/rt2012/`), as it computed the annual mean wind speeds below.
enum RT2012Figures {
    static let coordinates: [ReferenceClimate: (lat: Double, lon: Double)] = [
        .h1a: (48.8, 2.0), .h1b: (48.7, 6.2), .h1c: (46.3, 4.8), .h2a: (48.1, -1.7),
        .h2b: (46.2, -1.2), .h2c: (44.2, 0.6), .h2d: (44.1, 5.0), .h3: (43.7, 7.2),
    ]

    /// Annual mean wind speed of each RT2012 hourly year, m/s (computed from the RT2012 files).
    static let meanWindSpeed: [ReferenceClimate: Double] = [
        .h1a: 2.5, .h1b: 2.8, .h1c: 2.7, .h2a: 4.1, .h2b: 4.3, .h2c: 2.6, .h2d: 2.4, .h3: 4.1,
    ]

    /// mean °C, min °C, max °C, GHI kWh/m², hourly HDD base 18 K·d, mean daily range K.
    private static func rt2012(
        _ mean: Double, _ min: Double, _ max: Double, _ ghi: Double, _ hdd: Double, _ range: Double
    ) -> MonthlyClimateFigures {
        MonthlyClimateFigures(
            meanDryBulbC: mean, globalHorizontalKWhPerM2: ghi, minDryBulbC: min, maxDryBulbC: max,
            meanDailyRangeK: range, hourlyHeatingDegreeDays18C: hdd)
    }

    static let h1a: [MonthlyClimateFigures] = [
        rt2012(5.63, -3.2, 12.4, 28.6, 383.4, 4.65),
        rt2012(7.12, -1.6, 18.3, 40.4, 304.5, 6.73),
        rt2012(8.04, 0.4, 18.4, 80.6, 308.7, 7.93),
        rt2012(11.07, 2.7, 21.4, 125.2, 211.6, 8.44),
        rt2012(14.36, 5.4, 24.8, 159.2, 125.4, 9.08),
        rt2012(18.09, 8.4, 31.1, 165.4, 54.8, 9.17),
        rt2012(19.5, 9.1, 33.0, 175.9, 34.4, 10.29),
        rt2012(19.81, 11.4, 32.4, 151.4, 27.1, 9.85),
        rt2012(15.63, 5.6, 24.1, 103.7, 91.9, 9.6),
        rt2012(11.92, 2.6, 21.0, 64.1, 189.4, 7.69),
        rt2012(7.97, -1.1, 17.3, 27.4, 300.8, 5.09),
        rt2012(5.47, -3.5, 13.2, 21.2, 388.4, 5.13),
    ]
    static let h1b: [MonthlyClimateFigures] = [
        rt2012(4.49, -6.2, 13.0, 28.4, 418.7, 5.62),
        rt2012(5.61, -4.9, 16.8, 44.5, 347.0, 7.39),
        rt2012(6.46, -4.8, 23.9, 87.8, 360.7, 9.54),
        rt2012(11.25, -0.7, 24.8, 126.0, 208.5, 10.9),
        rt2012(15.23, 2.9, 32.8, 155.6, 129.6, 11.44),
        rt2012(18.66, 5.1, 32.1, 164.7, 49.2, 10.87),
        rt2012(20.6, 11.5, 33.7, 155.4, 21.6, 9.99),
        rt2012(19.75, 9.1, 32.5, 139.5, 30.2, 10.52),
        rt2012(15.13, 2.5, 26.2, 107.2, 110.5, 10.47),
        rt2012(12.93, 4.1, 26.2, 51.0, 167.5, 7.9),
        rt2012(7.05, -2.8, 17.3, 30.0, 328.4, 6.13),
        rt2012(3.86, -5.1, 14.2, 17.8, 438.2, 4.73),
    ]
    static let h1c: [MonthlyClimateFigures] = [
        rt2012(4.36, -6.6, 17.4, 28.0, 422.9, 5.02),
        rt2012(6.94, -1.0, 17.1, 50.4, 309.7, 7.44),
        rt2012(8.92, -0.1, 18.7, 96.6, 281.5, 9.06),
        rt2012(12.17, 3.3, 29.0, 125.4, 186.9, 8.8),
        rt2012(17.09, 5.1, 32.9, 144.0, 78.3, 9.96),
        rt2012(18.34, 7.8, 32.6, 176.6, 54.4, 9.84),
        rt2012(22.25, 11.2, 34.5, 181.0, 8.2, 10.57),
        rt2012(22.49, 11.2, 35.4, 151.7, 11.4, 11.94),
        rt2012(16.73, 8.5, 29.6, 94.0, 72.1, 9.13),
        rt2012(13.09, 4.5, 23.6, 61.6, 156.8, 8.19),
        rt2012(7.62, -3.9, 22.2, 35.8, 312.6, 6.87),
        rt2012(4.53, -3.3, 14.2, 26.6, 417.5, 5.52),
    ]
    static let h2a: [MonthlyClimateFigures] = [
        rt2012(7.86, -2.2, 13.9, 27.8, 314.2, 5.62),
        rt2012(6.68, -1.7, 15.7, 46.3, 317.0, 6.23),
        rt2012(9.16, -1.3, 17.6, 91.3, 273.9, 8.42),
        rt2012(9.89, -1.2, 21.8, 126.6, 244.4, 8.7),
        rt2012(14.57, 4.5, 30.1, 168.6, 137.1, 10.42),
        rt2012(16.76, 6.4, 32.9, 174.6, 90.1, 11.24),
        rt2012(18.34, 8.4, 31.1, 159.5, 50.8, 10.46),
        rt2012(19.58, 10.0, 34.9, 145.8, 34.7, 10.83),
        rt2012(17.41, 6.3, 31.7, 112.0, 68.5, 10.13),
        rt2012(12.99, 2.6, 20.2, 65.3, 156.7, 7.07),
        rt2012(7.85, -1.7, 18.3, 34.8, 304.4, 6.58),
        rt2012(6.55, -1.2, 15.2, 25.3, 354.8, 5.78),
    ]
    static let h2b: [MonthlyClimateFigures] = [
        rt2012(7.76, -3.6, 14.7, 34.0, 317.3, 6.43),
        rt2012(7.25, -2.4, 16.5, 52.1, 301.0, 6.54),
        rt2012(9.24, 0.9, 20.9, 92.7, 271.7, 7.48),
        rt2012(10.9, -0.6, 24.7, 134.5, 215.2, 7.61),
        rt2012(15.31, 5.9, 27.2, 174.9, 100.8, 8.62),
        rt2012(19.03, 8.3, 32.1, 198.8, 43.4, 10.86),
        rt2012(20.85, 12.2, 34.4, 196.0, 17.5, 9.91),
        rt2012(20.27, 10.2, 32.8, 161.1, 18.8, 9.84),
        rt2012(16.88, 5.1, 28.1, 132.3, 74.6, 11.24),
        rt2012(14.47, 4.3, 23.8, 71.0, 118.8, 7.53),
        rt2012(9.25, -2.5, 19.7, 43.7, 262.5, 7.76),
        rt2012(7.55, -3.5, 15.6, 28.5, 324.0, 6.37),
    ]
    static let h2c: [MonthlyClimateFigures] = [
        rt2012(6.31, -2.7, 17.6, 40.9, 362.4, 7.82),
        rt2012(7.09, -2.6, 18.1, 59.3, 305.5, 8.61),
        rt2012(11.32, -1.2, 24.4, 108.3, 211.2, 11.11),
        rt2012(11.66, -2.1, 25.3, 131.0, 197.6, 11.57),
        rt2012(15.33, 4.2, 29.9, 169.0, 113.2, 10.71),
        rt2012(19.39, 9.1, 33.5, 177.5, 39.9, 10.39),
        rt2012(21.14, 8.3, 37.6, 182.3, 19.6, 11.66),
        rt2012(22.2, 8.2, 35.5, 155.6, 14.5, 12.0),
        rt2012(16.8, 4.9, 34.0, 127.4, 84.9, 12.86),
        rt2012(14.66, 4.1, 25.6, 75.3, 119.3, 10.32),
        rt2012(10.12, -1.5, 22.2, 41.1, 237.1, 7.85),
        rt2012(5.52, -1.6, 14.1, 30.9, 386.9, 5.52),
    ]
    static let h2d: [MonthlyClimateFigures] = [
        rt2012(6.07, -4.5, 16.2, 47.9, 370.0, 9.89),
        rt2012(8.82, -0.4, 20.8, 68.1, 258.0, 10.96),
        rt2012(10.73, -2.1, 24.7, 120.3, 234.0, 13.67),
        rt2012(13.71, -1.9, 25.7, 145.8, 151.3, 13.05),
        rt2012(18.11, 7.4, 31.4, 180.5, 64.1, 13.11),
        rt2012(22.03, 9.8, 34.5, 213.8, 28.0, 15.0),
        rt2012(23.96, 11.8, 37.4, 226.6, 9.3, 15.28),
        rt2012(23.04, 12.0, 35.7, 183.2, 10.8, 14.52),
        rt2012(19.1, 6.7, 34.5, 128.3, 46.5, 12.57),
        rt2012(16.28, 6.1, 25.7, 83.0, 86.6, 11.72),
        rt2012(9.39, -4.0, 22.0, 52.1, 260.0, 9.01),
        rt2012(5.69, -3.9, 17.3, 40.5, 381.6, 9.46),
    ]
    static let h3: [MonthlyClimateFigures] = [
        rt2012(8.78, 3.4, 19.2, 52.4, 286.0, 7.37),
        rt2012(9.19, 3.9, 18.0, 72.0, 246.7, 7.69),
        rt2012(11.73, 5.0, 18.7, 113.4, 194.4, 7.14),
        rt2012(13.53, 7.1, 20.0, 149.6, 135.0, 5.97),
        rt2012(17.83, 9.3, 26.7, 196.9, 43.3, 7.6),
        rt2012(21.02, 12.7, 29.4, 208.3, 9.3, 6.84),
        rt2012(23.31, 16.4, 30.7, 216.0, 0.9, 7.44),
        rt2012(25.02, 16.4, 31.3, 182.1, 0.1, 7.04),
        rt2012(21.77, 14.8, 30.3, 122.4, 2.5, 7.26),
        rt2012(17.88, 5.3, 27.5, 88.0, 49.9, 7.16),
        rt2012(12.16, 3.9, 20.1, 52.2, 176.6, 6.72),
        rt2012(9.13, 2.6, 17.8, 42.9, 274.8, 7.23),
    ]
}

// MARK: - Brussels-Uccle normals

/// Monthly climate normals 1991–2020 of the KMI/IRM (Royal Meteorological Institute of Belgium)
/// station Brussels-Uccle, the reference station of Belgian regulations and degree-days.
///
/// **Where each figure comes from.** KMI publishes the 1991–2020 normals in its monthly climate
/// bulletins ("bilans climatologiques", in use since January 2021); the table of normals itself was
/// not found in the sources searched, so each value below was read from a dated bulletin
/// (meteo.be, or its text as carried by the Belga agency) that quotes it:
///
/// | month | mean °C | source of the mean (bulletin date) | sunshine h | source of the sunshine normal |
/// |---|---|---|---|---|
/// | Jan | 3.7 | January 2022 (rtl.be, Feb 2022); January 2023 (hbvl.be, 1 Feb 2023) | 59 h 04 | January 2022 (rtl.be) |
/// | Feb | 4.2 | February 2021 (rtl.be, 1 Mar 2021) | 72 h 38 | derived: winter 180 h 17 (La Libre, 1 Mar 2022) − Jan − Dec |
/// | Mar | 7.1 | March 2023 (rtbf.be, Apr 2023) | 125 h 45 | March 2022 (rtl.be / rtbf.be, Apr 2022) |
/// | Apr | 10.4 | April 2021 (vrt.be, 1 May 2021) | 171 h 16 | April 2021 (vrt.be); April 2024 (bx1.be) |
/// | May | 14.0 | derived: spring (MAM) normal 10.5 °C (hln.be, Jun 2022) − Mar − Apr | 198 h 18 | derived: spring 495 h 19 (hln.be, Jun 2022) − Mar − Apr |
/// | Jun | 16.7 | June 2022 (rtl.be, 1 Jul 2022) | 199 h 16 | June 2023 (lavenir.net, 1 Jul 2023) |
/// | Jul | 18.7 | July 2023 (lalibre.be, 1 Aug 2023) | 203 h 14 | July 2023 (lalibre.be) |
/// | Aug | 18.4 | August 2022 (nieuwsblad.be, 1 Sep 2022) | 192 h 26 | August 2024 (rtl.be, 1 Sep 2024) |
/// | Sep | 15.2 | September 2023 (rtbf.be, Oct 2023); September 2021 (dhnet.be) | 154 h 30 | derived: annual 1 603 h 40 (rtl.be, 1 Jan 2024) − the other months |
/// | Oct | 11.3 | October 2021 (hln.be, Nov 2021); October 2022 (knack.be); October 2023 | 112 h 38 | October 2022 (knack.be, 1 Nov 2022) |
/// | Nov | 7.2 | November 2021 (app.meteo.be, bilan climatologique novembre 2021) | 66 h 00 | estimated: Nov 2022 had 70 h 09, "more than four hours above normal" (knack.be, 1 Dec 2022) |
/// | Dec | 4.3 | December 2021 (nieuwsblad.be, 1 Jan 2022); December 2024 (landbouwleven.be, Jan 2025) | 48 h 35 | December 2021 (dhnet.be, Jan 2022) |
///
/// Checks: the day-weighted annual mean of these means is 10.97 °C against the 11.0 °C annual
/// normal (rtl.be, 1 Jan 2024); winter 4.07 °C against 4.1 °C; summer 17.93 °C against 17.9 °C
/// (hbvl.be, Aug 2022); autumn 11.23 °C against 11.2 °C (knack.be, Dec 2022).
///
/// **Global radiation** normals of Uccle were not found. The monthly global horizontal irradiation
/// is therefore *derived* from the sunshine-duration normals above with the Ångström–Prescott
/// relation and the FAO-56 defaults (Allen et al. 1998, *Crop evapotranspiration*, FAO Irrigation and
/// Drainage Paper 56, eqs. 21, 23–25, 34 and 35: Rₛ = (0.25 + 0.50 n/N) Rₐ): 1 080 kWh/m² a year.
/// Cross-checks: the KMI climate atlas (meteo.be, global solar radiation maps from the 1991–2020
/// normals) gives, for the Belgian average, 2 880 Wh/m² a day (1 051 kWh/m² a year), June
/// 5 270 Wh/m² a day (158 kWh/m²; derived here: 157) and December
/// 545 Wh/m² a day (17 kWh/m²; derived here: 22 — the relation overestimates the dullest month).
///
/// **Daily range.** Mean daily maximum − mean daily minimum from KMI normals: 1991–2020 where a
/// bulletin gave both (June 21.2/12.0 °C, lavenir.net Jul 2023; August 23.0/13.9 °C,
/// nieuwsblad.be Sep 2022; September 19.5/11.3 °C, rtbf.be Oct 2023), otherwise the 1981–2010
/// normals (KMI table as reproduced by guide-europe.info; every month but February and December
/// matches a KMI bulletin of 2016–2020 that quotes it). These are thermometer extremes; ranges of
/// hourly values are ≈ 0.5 K smaller, so the embedded Uccle year has slightly wide diurnal cycles.
///
/// **Not found:** monthly extremes (a typical year's hourly minimum and maximum) and heating
/// degree-days at base 18 °C. The generator then uses its prior day-to-day spread (σ = 2.5 K) and
/// the year's degree-days are an *output*, derived from the generated daily-mean distribution
/// (see `Docs/EmbeddedClimate.md`).
enum UccleNormals {
    static let meanTemperatureC = [3.7, 4.2, 7.1, 10.4, 14.0, 16.7, 18.7, 18.4, 15.2, 11.3, 7.2, 4.3]
    /// Sunshine duration normals, hours and minutes.
    static let sunshine: [(hours: Double, minutes: Double)] = [
        (59, 4), (72, 38), (125, 45), (171, 16), (198, 18), (199, 16),
        (203, 14), (192, 26), (154, 30), (112, 38), (66, 0), (48, 35),
    ]
    static let sunshineHours: [Double] = sunshine.map { $0.hours + $0.minutes / 60 }
    static let meanDailyRangeK = [5.0, 5.9, 7.3, 8.9, 8.9, 9.2, 9.0, 9.1, 8.2, 6.9, 5.4, 4.5]

    static var figures: [MonthlyClimateFigures] {
        (0..<12).map { month in
            MonthlyClimateFigures(
                meanDryBulbC: meanTemperatureC[month],
                globalHorizontalKWhPerM2: FAO56.angstromPrescottIrradiationKWhPerM2(
                    latitudeDeg: 50.80, month: month + 1, sunshineHours: sunshineHours[month]),
                meanDailyRangeK: meanDailyRangeK[month])
        }
    }
}

/// Solar radiation from sunshine duration, FAO Irrigation and Drainage Paper 56 (Allen, Pereira,
/// Raes & Smith 1998), chapter 3.
enum FAO56 {
    /// Monthly global horizontal irradiation, kWh/m², from the month's sunshine hours:
    /// Σ_days Rₛ with Rₛ = (aₛ + bₛ n/N) Rₐ (eq. 35), n/N the month's sunshine over its daylength sum,
    /// Rₐ = (24·60/π) G_sc d_r [ωₛ sin φ sin δ + cos φ cos δ sin ωₛ] (eq. 21, G_sc = 0.0820 MJ m⁻² min⁻¹),
    /// d_r = 1 + 0.033 cos(2πJ/365) (eq. 23), δ = 0.409 sin(2πJ/365 − 1.39) (eq. 24),
    /// ωₛ = arccos(−tan φ tan δ) (eq. 25), N = 24 ωₛ/π (eq. 34).
    static func angstromPrescottIrradiationKWhPerM2(
        latitudeDeg: Double, month: Int, sunshineHours: Double, a: Double = 0.25, b: Double = 0.50
    ) -> Double {
        let phi = latitudeDeg * Double.pi / 180
        let first = WeatherYear.daysPerMonth.prefix(month - 1).reduce(0, +)
        var extraterrestrial = 0.0, daylength = 0.0
        for day in first..<(first + WeatherYear.daysPerMonth[month - 1]) {
            let j = Double(day + 1)
            let dr = 1 + 0.033 * cos(2 * Double.pi * j / 365)
            let delta = 0.409 * sin(2 * Double.pi * j / 365 - 1.39)
            let omega = acos(max(-1, min(1, -tan(phi) * tan(delta))))
            extraterrestrial += 24 * 60 / Double.pi * 0.0820 * dr
                * (omega * sin(phi) * sin(delta) + cos(phi) * cos(delta) * sin(omega))
            daylength += 24 * omega / Double.pi
        }
        let ratio = min(1, sunshineHours / daylength)
        return (a + b * ratio) * extraterrestrial / 3.6
    }
}
