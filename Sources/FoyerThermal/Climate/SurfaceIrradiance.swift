import Foundation
import FoyerClimate

/// Hourly solar irradiance on the dwelling's surfaces, computed once per orientation.
///
/// The sun position of each hour is taken at mid-hour (NREL SPA); the plane-of-array
/// irradiance uses the Perez 1990 sky, as EN ISO 52010-1:2017 prescribes.
public struct SurfaceIrradiance: Sendable {
    /// One orientation's hourly irradiance.
    public struct Series: Sendable {
        public var tiltDeg: Double
        public var azimuthDeg: Double
        /// Total (beam + sky + ground) irradiance, W/m².
        public var totalWPerM2: [Double]
        /// Beam part, W/m².
        public var beamWPerM2: [Double]
        /// Sky-diffuse part, W/m².
        public var skyDiffuseWPerM2: [Double]
        /// Ground-reflected part, W/m².
        public var groundReflectedWPerM2: [Double]
        /// Angle of incidence of the beam, degrees.
        public var incidenceDeg: [Double]
    }

    public let sun: [SolarPosition]
    private let weather: WeatherYear
    /// Orientations already computed, shared by every copy (a prepared year serves many
    /// dwellings: a batch, the variants of a savings run).
    private let cache = SeriesCache()
    private let extraterrestrialWPerM2: [Double]
    private let skyModel: SkyDiffuseModel
    private let albedo: Double

    /// - Parameter calendarYear: the year used for the sun's position (a non-leap year; typical
    ///   weather years mix years, so a fixed one is used).
    public init(weather: WeatherYear, calendarYear: Int = SurfaceIrradiance.defaultCalendarYear, skyModel: SkyDiffuseModel = .perez1990, albedo: Double = 0.2) {
        self.init(weather: weather, calendarYear: calendarYear, skyModel: skyModel, albedo: albedo, sun: nil)
    }

    /// - Parameter sun: the positions ``sunPositions(location:calendarYear:)`` gives for this
    ///   weather's location and `calendarYear`, already computed (the caller checks the
    ///   location; else computed here).
    init(weather: WeatherYear, calendarYear: Int = SurfaceIrradiance.defaultCalendarYear, skyModel: SkyDiffuseModel = .perez1990, albedo: Double = 0.2,
         sun: [SolarPosition]?) {
        self.weather = weather
        self.skyModel = skyModel
        self.albedo = albedo
        if let sun, sun.count == WeatherYear.hoursPerYear {
            self.sun = sun
        } else {
            self.sun = Self.sunPositions(location: weather.location, calendarYear: calendarYear)
        }
        extraterrestrialWPerM2 = (0..<WeatherYear.hoursPerYear).map { Spencer1971.extraterrestrialNormalWPerM2(dayOfYear: $0 / 24 + 1) }
    }

    /// The year the sun's positions are computed for (a non-leap year).
    public static let defaultCalendarYear = 2025

    /// The sun's position at each mid-hour of `calendarYear` seen from `location` (NREL SPA):
    /// what an irradiance needs of the site, which does not depend on the weather.
    public static func sunPositions(location: WeatherLocation, calendarYear: Int = SurfaceIrradiance.defaultCalendarYear) -> [SolarPosition] {
        NRELSPA.hourlyPositions(location: location, year: calendarYear)
    }

    /// The hourly irradiance on a surface of the given tilt and azimuth, computed once per
    /// orientation (to 0.01°) and kept for the next dwellings on this year.
    public func series(tiltDeg: Double, azimuthDeg: Double) -> Series {
        let key = SeriesCache.Key(tilt: Int((tiltDeg * 100).rounded()), azimuth: Int((azimuthDeg * 100).rounded()))
        if let cached = cache.get(key), cached.tiltDeg == tiltDeg, cached.azimuthDeg == azimuthDeg { return cached }
        let computed = computeSeries(tiltDeg: tiltDeg, azimuthDeg: azimuthDeg)
        cache.set(key, computed)
        return computed
    }

    /// The apparent sky temperatures of `weather` (``skyTemperaturesC(_:)``), kept once computed
    /// when `weather` is the year this irradiance was made from.
    public func skyTemperaturesC(of weather: WeatherYear) -> [Double] {
        if let cached = cache.sky, weather.dryBulbC == self.weather.dryBulbC, weather.horizontalInfraredWPerM2 == self.weather.horizontalInfraredWPerM2 {
            return cached
        }
        let computed = Self.skyTemperaturesC(weather)
        if weather.dryBulbC == self.weather.dryBulbC, weather.horizontalInfraredWPerM2 == self.weather.horizontalInfraredWPerM2 { cache.sky = computed }
        return computed
    }

    /// A series derived from this irradiance (and, when `weather` is given, from that weather
    /// year's temperatures and infrared), computed once under `name` and kept for the next
    /// dwellings on this year; computed afresh, not kept, when `weather` is not the year this
    /// irradiance was made from. `name` must identify the derivation and all its parameters.
    public func derivedSeries(_ name: String, of weather: WeatherYear? = nil, _ compute: () -> [Double]) -> [Double] {
        if let weather, weather.dryBulbC != self.weather.dryBulbC || weather.horizontalInfraredWPerM2 != self.weather.horizontalInfraredWPerM2 {
            return compute()
        }
        if let cached = cache.derived(name) { return cached }
        let computed = compute()
        cache.setDerived(name, computed)
        return computed
    }

    /// The identity of this prepared year, shared by its copies: for caches of what is derived
    /// from it (``ISO52016/StructureCache``).
    var yearToken: AnyObject { cache }

    /// Whether `weather` is the year this irradiance was made from, in everything a zone's
    /// structure reads of it: temperatures, infrared, wind and global irradiance.
    func isOwnYear(_ weather: WeatherYear) -> Bool {
        weather.dryBulbC == self.weather.dryBulbC && weather.horizontalInfraredWPerM2 == self.weather.horizontalInfraredWPerM2
            && weather.windSpeedMPerS == self.weather.windSpeedMPerS && weather.globalHorizontalWPerM2 == self.weather.globalHorizontalWPerM2
    }

    func computeSeries(tiltDeg: Double, azimuthDeg: Double) -> Series {
        var total = [Double](repeating: 0, count: WeatherYear.hoursPerYear)
        var beam = total, sky = total, ground = total, incidence = [Double](repeating: 90, count: WeatherYear.hoursPerYear)
        for hour in 0..<WeatherYear.hoursPerYear where weather.globalHorizontalWPerM2[hour] > 0 || weather.diffuseHorizontalWPerM2[hour] > 0 {
            let position = sun[hour]
            let poa = PlaneOfArrayIrradiance(
                skyModel: skyModel, surfaceTiltDeg: tiltDeg, surfaceAzimuthDeg: azimuthDeg, sun: position,
                directNormalWPerM2: position.isAboveHorizon ? weather.directNormalWPerM2[hour] : 0,
                globalHorizontalWPerM2: weather.globalHorizontalWPerM2[hour],
                diffuseHorizontalWPerM2: weather.diffuseHorizontalWPerM2[hour],
                extraterrestrialNormalWPerM2: extraterrestrialWPerM2[hour], albedo: albedo)
            total[hour] = poa.totalWPerM2.isFinite ? poa.totalWPerM2 : 0
            beam[hour] = poa.beamWPerM2.isFinite ? poa.beamWPerM2 : 0
            sky[hour] = poa.skyDiffuseWPerM2.isFinite ? poa.skyDiffuseWPerM2 : 0
            ground[hour] = poa.groundReflectedWPerM2.isFinite ? poa.groundReflectedWPerM2 : 0
            incidence[hour] = poa.angleOfIncidenceDeg.isFinite ? poa.angleOfIncidenceDeg : 90
        }
        return Series(tiltDeg: tiltDeg, azimuthDeg: azimuthDeg, totalWPerM2: total, beamWPerM2: beam,
                      skyDiffuseWPerM2: sky, groundReflectedWPerM2: ground, incidenceDeg: incidence)
    }

    /// Apparent sky temperature from the downwelling long-wave irradiance,
    /// θ_sky = (L↓/σ)^¼ − 273.15 (Stefan–Boltzmann, σ = 5.670374419 × 10⁻⁸ W/(m²·K⁴), CODATA 2018).
    /// Where the weather gives no usable infrared, θ_sky = θ_e − Δθ_er with Δθ_er = 11 K, the
    /// EN ISO 52016-1:2017 default for intermediate climates (Table B.19).
    public static func skyTemperaturesC(_ weather: WeatherYear) -> [Double] {
        let sigma = 5.670374419e-8
        return (0..<WeatherYear.hoursPerYear).map { hour in
            let infrared = weather.horizontalInfraredWPerM2[hour]
            if infrared > 50 && infrared < 700 { return pow(infrared / sigma, 0.25) - 273.15 }
            return weather.dryBulbC[hour] - 11
        }
    }
}

/// The orientations of a ``SurfaceIrradiance`` already computed. At most ``limit`` are kept
/// (each holds five hourly series, 350 kB), so a batch of many orientations stays bounded.
final class SeriesCache: @unchecked Sendable {
    struct Key: Hashable {
        var tilt: Int
        var azimuth: Int
    }

    static let limit = 64
    private var series: [Key: SurfaceIrradiance.Series] = [:]
    private var skyC: [Double]?
    private let lock = NSLock()

    func get(_ key: Key) -> SurfaceIrradiance.Series? {
        lock.lock()
        defer { lock.unlock() }
        return series[key]
    }

    func set(_ key: Key, _ value: SurfaceIrradiance.Series) {
        lock.lock()
        if series.count < Self.limit { series[key] = value }
        lock.unlock()
    }

    private var derivedSeries: [String: [Double]] = [:]

    func derived(_ name: String) -> [Double]? {
        lock.lock()
        defer { lock.unlock() }
        return derivedSeries[name]
    }

    func setDerived(_ name: String, _ value: [Double]) {
        lock.lock()
        if derivedSeries.count < Self.limit { derivedSeries[name] = value }
        lock.unlock()
    }

    var sky: [Double]? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return skyC
        }
        set {
            lock.lock()
            skyC = newValue
            lock.unlock()
        }
    }
}
