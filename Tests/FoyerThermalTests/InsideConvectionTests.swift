import Foundation
import Testing
@testable import FoyerThermal
import FoyerClimate

/// Inside convection from each surface's temperature difference with the air, and the sky's
/// long-wave exchange (decision 0009).
@Suite("Inside convection and sky exchange")
struct InsideConvectionTests {
    typealias Zone = ISO52016

    /// Walton's correlations (TARP, NBSIR 83-2655; EnergyPlus Engineering Reference). On a
    /// vertical surface both reduce to 1.31·|ΔT|^⅓ and on a horizontal surface with buoyancy
    /// lifting the air off it to 9.482/6.238 = 1.52·|ΔT|^⅓: the ASHRAE Handbook —
    /// Fundamentals' simplified turbulent natural-convection coefficients for air (ch. 4,
    /// vertical plate 1.31·ΔT^⅓, heated plate facing up 1.52·ΔT^⅓), an independent source.
    @Test func waltonCorrelationsMeetTheHandbooksSimplifiedCoefficients() {
        for difference in [0.5, 2.0, 8.0, 20.0] {
            let root = cbrt(difference)
            let wall = Zone.naturalConvectionWPerM2K(surfaceMinusAirK: difference, facingUp: 0)
            #expect(abs(wall - 1.31 * root) < 0.001 * wall, "vertical, ΔT \(difference) K: \(wall)")
            #expect(abs(Zone.naturalConvectionWPerM2K(surfaceMinusAirK: -difference, facingUp: 0) - wall) < 1e-12)
            // A floor warmer than the air and a ceiling colder than it: the unstable case.
            let warmFloor = Zone.naturalConvectionWPerM2K(surfaceMinusAirK: difference, facingUp: 1)
            let coldCeiling = Zone.naturalConvectionWPerM2K(surfaceMinusAirK: -difference, facingUp: -1)
            #expect(abs(warmFloor - min(1.52 * root, 4.9)) < 0.002 * warmFloor, "warm floor, ΔT \(difference) K: \(warmFloor)")
            #expect(abs(coldCeiling - warmFloor) < 1e-12)
            // A floor colder than the air, a ceiling warmer: stable, 1.810/2.382 = 0.76·|ΔT|^⅓.
            let coldFloor = Zone.naturalConvectionWPerM2K(surfaceMinusAirK: -difference, facingUp: 1)
            #expect(abs(coldFloor - max(1.810 / 2.382 * root, 0.1)) < 3e-4 * coldFloor, "cold floor, ΔT \(difference) K: \(coldFloor)")
            #expect(coldFloor < wall && wall < warmFloor)
        }
        // EN ISO 13789's fixed values sit above these for the small differences of insulated
        // surfaces: 2.5 on walls against 1.65 at 2 K, 5.0 upwards against 1.9.
        #expect(Zone.naturalConvectionWPerM2K(surfaceMinusAirK: 2, facingUp: 0) < 2.5)
        #expect(Zone.naturalConvectionWPerM2K(surfaceMinusAirK: -2, facingUp: -1) < 5.0)
    }

    /// The bounds keep the lagged correction stable (below twice the network's reference) and
    /// no input reaches a non-finite coefficient.
    @Test func coefficientStaysWithinItsBounds() {
        let bounds = Zone.naturalConvectionBoundsWPerM2K
        #expect(bounds.maximum < 2 * Zone.insideConvectionReferenceWPerM2K)
        for difference in [0.0, 1e-300, 100.0, 1e300, .infinity, -.infinity, .nan] {
            for facing in [-1.0, 0, 1, .nan] {
                let h = Zone.naturalConvectionWPerM2K(surfaceMinusAirK: difference, facingUp: facing)
                #expect(h.isFinite && h >= bounds.minimum && h <= bounds.maximum, "ΔT \(difference), facing \(facing): \(h)")
            }
        }
    }

    /// The hourly loop's cube root agrees with the library's to 2·10⁻⁴ over the range it is
    /// used on (10⁻⁶ K to 10⁶ K).
    @Test func fastCubeRootAgreesWithTheLibrary() {
        var worst = 0.0
        var x = 1e-6
        while x < 1e6 {
            worst = max(worst, abs(Zone.cubeRoot(x) / cbrt(x) - 1))
            x *= 1.0137
        }
        #expect(worst < 2e-4, "worst relative error \(worst)")
    }

    /// The share of the long-wave exchange at the sky temperature: F_sky·√F_sky.
    @Test func skyShareByTilt() {
        #expect(abs(Zone.skyExchangeFraction(tiltDeg: 0) - 1) < 1e-12)
        #expect(abs(Zone.skyExchangeFraction(tiltDeg: 90) - 0.5 * 0.5.squareRoot()) < 1e-12)
        #expect(abs(Zone.skyExchangeFraction(tiltDeg: 180)) < 1e-12)
        #expect(Zone.skyExchangeFraction(tiltDeg: 45) < 0.5 * (1 + cos(.pi / 4)))
    }

    /// Through the equivalent sky temperature, a surface at the outdoor air temperature loses
    /// to the sky what Stefan–Boltzmann's law gives, ε·σ·(T_e⁴ − T_sky⁴), within 1 % in every
    /// hour of the year; the constant coefficient of 0 °C (ε·4.6 W/(m²·K)) overstated it by
    /// over 20 % on the cold clear nights.
    @Test func equivalentSkyTemperatureGivesTheStefanBoltzmannExchange() {
        let weather = ReferenceClimate.h1a.weatherYear
        let sky = SurfaceIrradiance.skyTemperaturesC(weather)
        let equivalent = Zone.equivalentSkyTemperaturesC(weather)
        let sigma = 5.670374419e-8
        var worst = 0.0, worstConstant = 0.0
        for hour in 0..<WeatherYear.hoursPerYear where weather.dryBulbC[hour] - sky[hour] > 5 {
            let air = weather.dryBulbC[hour] + 273.15, skyK = sky[hour] + 273.15
            let exact = sigma * (pow(air, 4) - pow(skyK, 4))
            let network = 4.6 * (weather.dryBulbC[hour] - equivalent[hour])
            let constant = 4.6 * (weather.dryBulbC[hour] - sky[hour])
            worst = max(worst, abs(network / exact - 1))
            worstConstant = max(worstConstant, abs(constant / exact - 1))
        }
        #expect(worst < 0.01, "worst relative error \(worst)")
        #expect(worstConstant > 0.2, "the constant coefficient's worst error \(worstConstant)")
    }
}
