import Foundation

// Angular dependence of the solar transmittance of clear, uncoated glazing, replacing the constant
// "non-perpendicular" factor F_w = 0.9 of EN ISO 13790:2008, 11.4.2 on window solar gains.
//
// Window solar gain with this model:
//
//     Φ_sol = g_n · (1 − F_F) · A_w · [I_b · r(θ) + I_d,sky · r(θ_e,sky) + I_d,gr · r(θ_e,gr)]
//
// with r = τ(θ)/τ(0) the relative transmittance below, θ the beam incidence angle and θ_e the
// Brandemuehl–Beckman effective incidence angles of the sky-diffuse and ground-reflected parts.
//
// Reference: Duffie, J. A. and Beckman, W. A., *Solar Engineering of Thermal Processes*, 3rd ed.
// (Wiley, 2006), chapter 5 "Transmission of radiation through glazing". Equation numbers are
// given where a second, public source confirmed them (eqs. 5.4.1 and 5.4.2: NREL/ssc
// `shared/lib_pv_incidence_modifier.cpp`, which cites "D&B Eqn 5.4.1/5.4.2", and a public solar
// library citing "relation 5.4.1/5.4.2 DB 3rd edition"); for §5.1–§5.3 only the sections are
// cited, because no reachable source confirmed their equation numbers.

/// Angular dependence of the solar transmittance of clear glazing (Duffie & Beckman, ch. 5).
///
/// Model, for N identical uncoated panes of refractive index n = 1.526 and extinction–thickness
/// product K·L per pane, beam incidence angle θ₁ (degrees on the outer surface):
///
/// - Snell's law, n₁ sin θ₁ = n₂ sin θ₂ with n₁ = 1 (air): θ₂ = asin(sin θ₁ / n)
///   (Duffie & Beckman 2006, §5.1).
/// - Fresnel reflectance of one surface for the two polarisations of unpolarised light
///   (§5.1): r⊥ = sin²(θ₂ − θ₁)/sin²(θ₂ + θ₁), r∥ = tan²(θ₂ − θ₁)/tan²(θ₂ + θ₁); at normal
///   incidence both tend to r(0) = ((n − 1)/(n + 1))² = 0.0434.
/// - Transmittance of N covers considering reflection only, each polarisation summed over the
///   interreflections and then averaged (§5.1):
///   τ_r = ½ [(1 − r∥)/(1 + (2N − 1) r∥) + (1 − r⊥)/(1 + (2N − 1) r⊥)].
/// - Absorption, Bouguer's law over the refracted path of each pane (§5.2):
///   τ_a = exp(−N · K L / cos θ₂).
/// - Combined, τ ≈ τ_r · τ_a (§5.3: the product approximation, good when τ_a is near 1).
///
/// The relative transmittance r(θ) = τ(θ)/τ(0) is what the engine uses: the window's rated
/// normal-incidence g-value g_n already carries τ(0).
///
/// **Assumption: g(θ)/g(0) ≈ τ(θ)/τ(0).** The total solar energy transmittance g (SHGC) is the
/// direct transmittance plus the inward-flowing fraction of the absorbed radiation, and that
/// absorbed part has its own angular dependence (absorptance first grows with the path length,
/// then falls as reflection takes over). For clear uncoated glass the absorbed part is small and
/// the two ratios differ by at most ≈ 0.02 between 0° and 80° (see the comparison with the ASHRAE
/// Handbook tables in `GlazingAngularModelTests`). The model does **not** hold for low-e or
/// reflective coatings, tinted (heat-absorbing) glass, diffusing glass or glass with shading
/// devices; it treats the glass as grey (one n and one K for the whole solar spectrum) and ignores
/// the frame, dirt and the window reveal.
///
/// Diffuse radiation: the sky-diffuse and ground-reflected parts are taken as isotropic and
/// evaluated at the Brandemuehl & Beckman (1980) effective incidence angles; the circumsolar part
/// of a Perez sky, which comes from the sun's direction, is then treated as isotropic too.
public enum GlazingAngularModel {
    /// Refractive index n of soda-lime glass averaged over the solar spectrum, dimensionless.
    ///
    /// Source: Duffie & Beckman (2006), §5.1, and De Soto, Klein & Beckman (2006), "Improvement and
    /// validation of a model for photovoltaic array performance", *Solar Energy* 80, 78–88, §3;
    /// the same value is the default of pvlib's `iam.physical` and of NREL SAM's
    /// `lib_pv_incidence_modifier` (NREL/ssc).
    public static let refractiveIndex = 1.526

    /// Reflectance of one air–glass surface at normal incidence, r(0) = ((n − 1)/(n + 1))²
    /// (Duffie & Beckman 2006, §5.1), ≈ 0.0434 for n = 1.526.
    public static let normalSurfaceReflectance: Double = {
        let ratio = (refractiveIndex - 1) / (refractiveIndex + 1)
        return ratio * ratio
    }()

    /// Solar transmittance at normal incidence of the clear glass of ANSI/ASHRAE 140-2020 (BESTEST
    /// "Glass Type 1", 3.048 mm), dimensionless.
    ///
    /// Source: ../shared/reference/thermal-references.md §1.2 (lbl-srg/modelica-buildings
    /// `Data/Glass600.mo`, NREL/BESTEST-GSR `bestest_resources.osm`): τ_sol 0.834, ρ_sol 0.075.
    public static let bestestClearPaneNormalTransmittance = 0.834

    /// Default extinction–thickness product K·L of one pane of ordinary clear float glass,
    /// dimensionless: ≈ 0.0947 (K ≈ 31 m⁻¹ for 3.048 mm).
    ///
    /// Derived, not assumed: it is the K·L for which this model's single pane reproduces the
    /// BESTEST clear pane, τ_r(0) · exp(−K L) = 0.834 with τ_r(0) = (1 − r(0))/(1 + r(0)) = 0.9169,
    /// so K L = ln(0.9169/0.834). Check: with these n and K·L, Duffie & Beckman's (§5.3) exact slab
    /// relations give the single pane a normal reflectance of 0.076, against the 0.075 of that
    /// glass. For comparison, pvlib's `iam.physical` default K = 4 m⁻¹ is for low-iron
    /// ("water white") glass; the relative transmittance is not very sensitive to K·L (r(60°) of a
    /// double pane moves from 0.892 to 0.861 when K·L goes from 0.0125 to 0.0947).
    public static let clearFloatExtinctionThickness: Double = {
        let reflectionOnly = (1 - normalSurfaceReflectance) / (1 + normalSurfaceReflectance)
        return log(reflectionOnly / bestestClearPaneNormalTransmittance)
    }()

    /// Solar transmittance τ(θ) ≈ τ_r · τ_a of `panes` identical clear panes, dimensionless.
    ///
    /// - Parameters:
    ///   - incidenceDeg: θ, angle between the beam and the glazing's normal, degrees. Negative
    ///     angles are taken as their magnitude; θ ≥ 90° (sun behind or grazing) gives 0.
    ///   - panes: N ≥ 1, the number of panes (the model is checked for 1 to 3).
    ///   - extinctionThickness: K·L of one pane, ≥ 0 (default ``clearFloatExtinctionThickness``).
    /// - Returns: τ in [0, 1); at θ = 0 it is τ_r(0) · exp(−N K L) with
    ///   τ_r(0) = (1 − r(0))/(1 + (2N − 1) r(0)).
    /// - Precondition: `panes >= 1`, `extinctionThickness >= 0`, `incidenceDeg` is not NaN.
    public static func transmittance(
        incidenceDeg: Double, panes: Int, extinctionThickness: Double = clearFloatExtinctionThickness
    ) -> Double {
        precondition(panes >= 1, "GlazingAngularModel: panes must be at least 1, got \(panes)")
        precondition(extinctionThickness >= 0, "GlazingAngularModel: K·L must be ≥ 0, got \(extinctionThickness)")
        precondition(!incidenceDeg.isNaN, "GlazingAngularModel: incidence angle is NaN")
        let incidence = abs(incidenceDeg)
        guard incidence < 90 else { return 0 }
        let n = Double(panes)
        let incidenceRad = incidence * .pi / 180
        let refractionRad = asin(sin(incidenceRad) / refractiveIndex)
        let perpendicular: Double
        let parallel: Double
        if incidenceRad < 1e-9 {
            // Normal incidence: both Fresnel ratios are 0/0 there; their common limit is r(0).
            perpendicular = normalSurfaceReflectance
            parallel = normalSurfaceReflectance
        } else {
            let difference = refractionRad - incidenceRad
            let sum = refractionRad + incidenceRad
            perpendicular = square(sin(difference)) / square(sin(sum))
            // At Brewster's angle θ₁ + θ₂ = 90°, tan(sum) is huge and r∥ → 0, as it should.
            parallel = square(tan(difference)) / square(tan(sum))
        }
        let reflectionOnly = 0.5 * ((1 - parallel) / (1 + (2 * n - 1) * parallel)
            + (1 - perpendicular) / (1 + (2 * n - 1) * perpendicular))
        let absorptionOnly = exp(-n * extinctionThickness / cos(refractionRad))
        return max(0, reflectionOnly * absorptionOnly)
    }

    /// Relative transmittance r(θ) = τ(θ)/τ(0) of `panes` clear glass panes, dimensionless.
    ///
    /// The factor that replaces F_w = 0.9 on the beam part of window solar gains, and, at the
    /// effective angles ``effectiveSkyDiffuseIncidenceDeg(tiltDeg:)`` and
    /// ``effectiveGroundReflectedIncidenceDeg(tiltDeg:)``, on the diffuse parts; g(θ)/g(0) is
    /// approximated by τ(θ)/τ(0) (see the type's documentation for the limits).
    ///
    /// Properties (checked in the tests): r(0) = 1; non-increasing in θ on [0°, 90°]; r(90°) = 0
    /// and r = 0 beyond; more panes give a lower r at oblique incidence. Typical values with the
    /// default K·L: r(60°) = 0.900, 0.861, 0.846 for 1, 2, 3 panes.
    ///
    /// - Parameters:
    ///   - incidenceDeg: θ, degrees (negative values taken as their magnitude).
    ///   - panes: N ≥ 1 (1 to 3 in practice; ``assumedPanes(uValueWPerM2K:)`` when unknown).
    ///   - extinctionThickness: K·L of one pane (default ``clearFloatExtinctionThickness``).
    /// - Returns: r in [0, 1].
    /// - Complexity: O(1).
    public static func relativeTransmittance(
        incidenceDeg: Double, panes: Int, extinctionThickness: Double = clearFloatExtinctionThickness
    ) -> Double {
        let normal = transmittance(incidenceDeg: 0, panes: panes, extinctionThickness: extinctionThickness)
        guard normal > 0 else { return 0 }
        let oblique = transmittance(incidenceDeg: incidenceDeg, panes: panes, extinctionThickness: extinctionThickness)
        return min(1, oblique / normal)
    }

    /// Relative transmittance of the glazing for isotropic diffuse radiation from the whole
    /// hemisphere in front of it, τ_d/τ(0), dimensionless.
    ///
    /// τ_d = ∫ τ(θ) cos θ dω / ∫ cos θ dω = 2 ∫₀^{π/2} τ(θ) cos θ sin θ dθ (isotropic radiance,
    /// Duffie & Beckman 2006, §5.4), integrated with the composite Simpson rule on 180 intervals
    /// (half a degree; the integrand is smooth). This is the quantity listed as "Hemispherical,
    /// diffuse" in the ASHRAE Handbook fenestration tables; the Brandemuehl–Beckman effective angle
    /// of a horizontal surface (59.7°) is the angle at which r(θ) takes about this value.
    ///
    /// - Parameters: as ``relativeTransmittance(incidenceDeg:panes:extinctionThickness:)``.
    /// - Returns: with the default K·L, 0.911, 0.880 and 0.865 for 1, 2 and 3 panes.
    /// - Complexity: O(1) (181 evaluations).
    public static func hemisphericalRelativeTransmittance(
        panes: Int, extinctionThickness: Double = clearFloatExtinctionThickness
    ) -> Double {
        let intervals = 180
        let stepRad = (Double.pi / 2) / Double(intervals)
        var weightedSum = 0.0
        for index in 0...intervals {
            let angleRad = Double(index) * stepRad
            let weight: Double = (index == 0 || index == intervals) ? 1 : (index % 2 == 1 ? 4 : 2)
            let tau = relativeTransmittance(incidenceDeg: angleRad * 180 / .pi, panes: panes,
                                            extinctionThickness: extinctionThickness)
            // 2 cos θ sin θ = sin 2θ
            weightedSum += weight * tau * sin(2 * angleRad)
        }
        return weightedSum * stepRad / 3
    }

    /// Effective incidence angle of isotropic sky-diffuse radiation on a surface of slope β,
    /// degrees: the beam angle that gives the same transmittance.
    ///
    /// θ_e,d = 59.7 − 0.1388 β + 0.001497 β² (β in degrees).
    ///
    /// Source: Brandemuehl, M. J. and Beckman, W. A. (1980), "Transmission of diffuse radiation
    /// through CPC and flat plate collector glazings", *Solar Energy* 24, 511–513; as given by
    /// Duffie & Beckman (2006), §5.4, eq. (5.4.2). Coefficients and number checked against NREL/ssc
    /// `shared/lib_pv_incidence_modifier.cpp` ("D&B Eqn 5.4.2").
    ///
    /// - Parameter tiltDeg: β, slope from the horizontal, degrees (0 roof light, 90 wall). The
    ///   correlation was fitted for collector slopes; Foyer uses it from 0° to 90°.
    /// - Returns: 59.7° for a horizontal surface, 59.33° for a vertical one.
    public static func effectiveSkyDiffuseIncidenceDeg(tiltDeg: Double) -> Double {
        59.7 - 0.1388 * tiltDeg + 0.001497 * tiltDeg * tiltDeg
    }

    /// Effective incidence angle of isotropic ground-reflected radiation on a surface of slope β,
    /// degrees.
    ///
    /// θ_e,g = 90 − 0.5788 β + 0.002693 β² (β in degrees).
    ///
    /// Source: Brandemuehl & Beckman (1980), as given by Duffie & Beckman (2006), §5.4,
    /// eq. (5.4.1). Coefficients and number checked against NREL/ssc
    /// `shared/lib_pv_incidence_modifier.cpp` ("D&B Eqn 5.4.1").
    ///
    /// - Parameter tiltDeg: β, slope from the horizontal, degrees.
    /// - Returns: 90° for a horizontal surface (it sees no ground), 59.72° for a vertical one.
    public static func effectiveGroundReflectedIncidenceDeg(tiltDeg: Double) -> Double {
        90 - 0.5788 * tiltDeg + 0.002693 * tiltDeg * tiltDeg
    }

    /// Number of panes to assume for a window whose glazing is not described, from its U-value.
    ///
    /// U ≥ 4.5 W/(m²·K) → 1 pane; 1.8 ≤ U < 4.5 → 2; U < 1.8 → 3.
    ///
    /// The thresholds are a Foyer assumption, placed between the centre-of-glass U-values of the
    /// ASHRAE Handbook—Fundamentals (SI) 2009, ch. 15, Table 4 (as transcribed in
    /// BEMEval/bemeval-res, `data/metadata/epc-schema/references/Building_Material_Properties_Glazing.md`):
    /// single clear 5.91; double clear, 12 mm air 2.73; triple clear, 12 mm air 1.76. Known
    /// misclassification: low-e double glazing (1.42–1.99 in that table) falls partly under
    /// 3 panes; coated glass is outside this model anyway, and the 3-pane curve lies only 0.015
    /// below the 2-pane one at 60°. When the glazing type is known, use it instead.
    ///
    /// - Parameter uValueWPerM2K: window (or centre-of-glass) thermal transmittance, W/(m²·K).
    /// - Returns: 1, 2 or 3.
    /// - Precondition: `uValueWPerM2K` is finite and positive.
    public static func assumedPanes(uValueWPerM2K: Double) -> Int {
        precondition(uValueWPerM2K.isFinite && uValueWPerM2K > 0,
                     "GlazingAngularModel: U-value must be finite and positive, got \(uValueWPerM2K)")
        if uValueWPerM2K >= 4.5 { return 1 }
        if uValueWPerM2K >= 1.8 { return 2 }
        return 3
    }

    private static func square(_ value: Double) -> Double { value * value }
}
