import Foundation

extension ISO52016 {
    /// Internal convective coefficient held in the factorised network when the coefficients
    /// follow the temperature difference, W/(m²·K). The hour's actual coefficient differs from
    /// it by a correction added to the right-hand side (decision 0009); the step stays stable
    /// while the actual coefficient is below twice this value.
    public static let insideConvectionReferenceWPerM2K = 2.5
    /// Bounds of the natural-convection coefficient, W/(m²·K): a floor of 0.1 (EnergyPlus's
    /// lower limit on convection coefficients, so that a surface at the air temperature does not
    /// lose all convective coupling) and a ceiling just under twice the reference (reached only
    /// beyond 35 K of difference on a horizontal surface).
    static let naturalConvectionBoundsWPerM2K = (minimum: 0.1, maximum: 4.9)

    /// Natural convection between an internal surface and the zone air, W/(m²·K), from the
    /// surface-to-air temperature difference and the surface's orientation: Walton's
    /// correlations for the Thermal Analysis Research Program (TARP, NBSIR 83-2655, 1983), as
    /// the EnergyPlus Engineering Reference gives them for interior surfaces:
    ///
    /// - buoyancy lifting the air off the surface (a floor warmer than the air, a ceiling colder
    ///   than it): h = 9.482·|ΔT|^⅓ / (7.238 − |cos Σ|);
    /// - buoyancy holding the air against it (a floor colder, a ceiling warmer):
    ///   h = 1.810·|ΔT|^⅓ / (1.382 + |cos Σ|);
    ///
    /// both give 1.31·|ΔT|^⅓ on a vertical surface (the ASHRAE Handbook's simplified turbulent
    /// natural-convection coefficient for air).
    /// - Parameters:
    ///   - surfaceMinusAirK: θ_surface − θ_air, K.
    ///   - facingUp: cosine of the angle between the surface's normal into the room and the
    ///     upward vertical: +1 for a floor, −1 for a ceiling, 0 for a wall.
    public static func naturalConvectionWPerM2K(surfaceMinusAirK: Double, facingUp: Double) -> Double {
        let cosine = facingUp.isFinite ? facingUp : 0
        let (unstable, stable) = naturalConvectionFactors(facingUp: cosine)
        return naturalConvectionWPerM2K(surfaceMinusAirK: surfaceMinusAirK, upward: cosine, unstable: unstable, stable: stable)
    }

    /// The factors of |ΔT|^⅓ in Walton's correlations for a surface of orientation `facingUp`:
    /// 9.482/(7.238 − |cos Σ|) when buoyancy lifts the air off it, 1.810/(1.382 + |cos Σ|) when
    /// it holds the air against it.
    static func naturalConvectionFactors(facingUp: Double) -> (unstable: Double, stable: Double) {
        let cosine = min(abs(facingUp), 1)
        return (9.482 / (7.238 - cosine), 1.810 / (1.382 + cosine))
    }

    /// ``naturalConvectionWPerM2K(surfaceMinusAirK:facingUp:)`` with the surface's factors
    /// computed once (the hourly loop's form: no division but the cube root's).
    @inline(__always)
    static func naturalConvectionWPerM2K(surfaceMinusAirK difference: Double, upward: Double, unstable: Double, stable: Double) -> Double {
        let magnitude = abs(difference)
        // Below a microkelvin (and for NaN, which fails the comparison) the lower bound holds.
        guard magnitude > 1e-6 else { return naturalConvectionBoundsWPerM2K.minimum }
        guard magnitude < 1e6 else { return naturalConvectionBoundsWPerM2K.maximum }
        let h = (difference * upward > 0 ? unstable : stable) * cubeRoot(magnitude)
        return min(max(h, naturalConvectionBoundsWPerM2K.minimum), naturalConvectionBoundsWPerM2K.maximum)
    }

    /// x^⅓ for 10⁻⁶ < x < 10⁶ to a relative 2·10⁻⁴ (measured in the tests; the correlations
    /// themselves are good to some 20 %), with one division against the library's three times
    /// the cost: a first guess from the floating-point exponent (the bit pattern divided by
    /// three plus two thirds of the exponent bias, 682·2⁵²), then one Halley step
    /// y ← y·(y³ + 2x)/(2y³ + x).
    @inline(__always)
    static func cubeRoot(_ x: Double) -> Double {
        let y = Double(bitPattern: x.bitPattern / 3 + (682 << 52))
        let cube = y * y * y
        return y * (cube + 2 * x) / (2 * cube + x)
    }
}

/// Internal surfaces whose convective exchange with the air follows their temperature
/// difference, flat for the hourly loop: node, area (m²) and orientation (cosine of the normal
/// into the room with the upward vertical).
public struct ConvectiveSurfaces: Sendable {
    public var nodes: [Int] = []
    public var areasM2: [Double] = []
    public var facingUp: [Double] = []
    /// The coefficient the factorised network holds for them, W/(m²·K).
    public var referenceWPerM2K: Double = ISO52016.insideConvectionReferenceWPerM2K

    public init() {}

    public var isEmpty: Bool { nodes.isEmpty }

    /// Each surface's factors of |ΔT|^⅓ (``ISO52016/naturalConvectionFactors(facingUp:)``).
    public var unstableFactors: [Double] = []
    public var stableFactors: [Double] = []

    mutating func append(node: Int, areaM2: Double, facingUp cosine: Double) {
        nodes.append(node)
        areasM2.append(areaM2)
        facingUp.append(cosine)
        let factors = ISO52016.naturalConvectionFactors(facingUp: cosine)
        unstableFactors.append(factors.unstable)
        stableFactors.append(factors.stable)
    }
}
