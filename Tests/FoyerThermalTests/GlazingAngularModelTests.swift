import Testing
@testable import FoyerThermal

/// Angular dependence of clear-glazing transmittance (Duffie & Beckman 2006, ch. 5) against
/// published numbers and its own required properties.
///
/// References used below:
/// - ASHRAE Handbook—Fundamentals 2005, fenestration chapter, angular table, glazing **1a**
///   (3 mm clear, single): SHGC and direct solar transmittance T at 0/40/50/60/70/80° and
///   hemispherical, as reproduced by Autodesk's Revit 2014 help page "Glazing Data (Windows and
///   Glass Doors)" (help.autodesk.com/cloudhelp/2014/ENU/Revit/files/GUID-FA2B6238-F447-4795-979C-33F067DE418B.htm),
///   which calls it Table 31 of that Handbook. Its first row is SHGC, its second T.
/// - ASHRAE Handbook—Fundamentals 2017, ch. 15, Table 10, glazing **5a** (3 mm clear / 12 mm air /
///   3 mm clear): centre-of-glass SHGC at the same angles, as transcribed in TomLXXVI/python-hvac,
///   `hvac/cooling_load_calc/construction_data/wtcb/windows.py` (commit 324e538b).
/// - The BESTEST Case 600 double clear glazing (ANSI/ASHRAE 140-2020: two 3.048 mm panes,
///   τ_sol 0.834, ρ_sol 0.075 each; ../shared/reference/thermal-references.md §1.2) and the beam
///   angular polynomial that lbl-srg/modelica-buildings applies to its g-value in the ISO 13790
///   Case 600 model (`Buildings/ThermalZones/ISO13790/Validation/BESTEST/Cases6xx/Case600FF.mo`,
///   `coeFac = {1, -0.189, 0.644, -0.596}`, a polynomial in the incidence angle in radians applied
///   to the direct irradiance by `BaseClasses/GlazedElements.mo`).
/// - Brandemuehl & Beckman (1980) via Duffie & Beckman (2006), §5.4, eqs. (5.4.1)–(5.4.2).
///
/// Rounding of the ASHRAE tables: they print two decimals, so a ratio X(θ)/X(0) carries up to
/// 0.005 · (1 + ratio)/X(0) of rounding: 0.012 for glazing 1a, 0.013 for glazing 5a.
@Suite("Glazing angular model (Duffie & Beckman ch. 5)")
struct GlazingAngularModelTests {
    typealias Model = GlazingAngularModel

    static let tableAnglesDeg = [40.0, 50, 60, 70, 80]

    // MARK: - Required properties

    @Test(arguments: [1, 2, 3])
    func normalIncidenceIsOneAndGrazingIsZero(panes: Int) {
        // r(0) = 1 by definition (exact up to one rounding of the division).
        #expect(abs(Model.relativeTransmittance(incidenceDeg: 0, panes: panes) - 1) < 1e-15)
        // Fresnel: r⊥ = r∥ = 1 at θ = 90°, so nothing is transmitted; beyond, the sun is behind.
        #expect(Model.relativeTransmittance(incidenceDeg: 90, panes: panes) == 0)
        #expect(Model.relativeTransmittance(incidenceDeg: 120, panes: panes) == 0)
        // Close to grazing the transmittance vanishes continuously.
        #expect(Model.relativeTransmittance(incidenceDeg: 89.99, panes: panes) < 0.001)
    }

    @Test(arguments: [1, 2, 3])
    func monotoneNonIncreasingInIncidence(panes: Int) {
        for extinction in [0.0, 0.0125, Model.clearFloatExtinctionThickness] {
            var previous = Model.relativeTransmittance(incidenceDeg: 0, panes: panes, extinctionThickness: extinction)
            // Quarter-degree steps, including the first steps off normal incidence where the
            // Fresnel ratios switch from their 0/0 limit to the formula.
            for step in 1...360 {
                let angle = Double(step) * 0.25
                let value = Model.relativeTransmittance(incidenceDeg: angle, panes: panes, extinctionThickness: extinction)
                #expect(value <= previous + 1e-12, "N=\(panes) KL=\(extinction) θ=\(angle): \(value) > \(previous)")
                previous = value
            }
        }
    }

    @Test func morePanesTransmitRelativelyLessAtObliqueIncidence() {
        for step in 0...89 {
            let angle = Double(step)
            let one = Model.relativeTransmittance(incidenceDeg: angle, panes: 1)
            let two = Model.relativeTransmittance(incidenceDeg: angle, panes: 2)
            let three = Model.relativeTransmittance(incidenceDeg: angle, panes: 3)
            #expect(two <= one + 1e-12 && three <= two + 1e-12, "θ=\(angle): \(one) \(two) \(three)")
            if angle >= 30 {
                // Strictly lower once reflection losses matter (each extra pane adds two surfaces).
                #expect(two < one && three < two, "θ=\(angle)")
            }
        }
    }

    @Test func moreAbsorptionLowersTheObliqueTransmittance() {
        // Bouguer's law: the refracted path grows as 1/cos θ₂, so a larger K·L penalises oblique
        // incidence more.
        let clear = Model.relativeTransmittance(incidenceDeg: 60, panes: 2, extinctionThickness: 0.0125)
        let float = Model.relativeTransmittance(incidenceDeg: 60, panes: 2)
        #expect(float < clear)
    }

    @Test func negativeAnglesAreSymmetric() {
        #expect(Model.relativeTransmittance(incidenceDeg: -35, panes: 2) == Model.relativeTransmittance(incidenceDeg: 35, panes: 2))
    }

    // MARK: - Normal incidence

    @Test func normalIncidenceSurfaceReflectance() {
        // r(0) = ((n − 1)/(n + 1))² with n = 1.526 (Duffie & Beckman 2006, §5.1) = 0.04336.
        #expect(abs(Model.normalSurfaceReflectance - 0.043_361_5) < 1e-6)
        // A non-absorbing pane then reflects 2r/(1 + r) ≈ 8 % ("about 8% of the light is
        // reflected from common soda-lime window glass", glassproperties.com/reflection), i.e.
        // transmits (1 − r)/(1 + r) = 0.917.
        let nonAbsorbing = Model.transmittance(incidenceDeg: 0, panes: 1, extinctionThickness: 0)
        #expect(abs((1 - nonAbsorbing) - 0.08) < 0.005)
    }

    @Test func defaultExtinctionReproducesTheBestestPane() {
        // By construction (the default K·L is derived from it): τ(0) of one pane = 0.834.
        #expect(abs(Model.transmittance(incidenceDeg: 0, panes: 1) - 0.834) < 1e-12)
        // K·L ≈ 0.0947, K ≈ 31 m⁻¹ over 3.048 mm.
        #expect(abs(Model.clearFloatExtinctionThickness - 0.0947) < 0.0001)
    }

    @Test func bestestDoublePaneNormalTransmittance() {
        // Two BESTEST panes (τ 0.834, ρ 0.075) with their interreflection summed:
        // τ = τ₁τ₂/(1 − ρ₁ρ₂) = 0.834²/(1 − 0.075²) = 0.6995 (the two-layer relation of
        // EN 410 / ISO 9050). The model gives 0.7004: its single-pane reflectance is 0.076
        // instead of 0.075 and τ ≈ τ_r·τ_a is an approximation (D&B §5.3), hence 0.002.
        let reference = 0.834 * 0.834 / (1 - 0.075 * 0.075)
        #expect(abs(Model.transmittance(incidenceDeg: 0, panes: 2) - reference) < 0.002)
    }

    // MARK: - ASHRAE Handbook angular tables

    @Test func singleClearAgainstAshraeGlazing1aTransmittance() {
        // Glazing 1a direct solar transmittance T: 0.83 normal; 0.82, 0.80, 0.75, 0.64, 0.39.
        // Tolerance 0.02: rounding of the ratio ≤ 0.012, plus the grey single-n model against the
        // spectral calculation behind the table. Measured: ≤ 0.012 (at 80°).
        let table = [0.82, 0.80, 0.75, 0.64, 0.39]
        for (angle, value) in zip(Self.tableAnglesDeg, table) {
            let model = Model.relativeTransmittance(incidenceDeg: angle, panes: 1)
            #expect(abs(model - value / 0.83) < 0.02, "1a T at \(angle)°: model \(model), table \(value / 0.83)")
        }
        // Hemispherical T 0.75.
        let hemispherical = Model.hemisphericalRelativeTransmittance(panes: 1)
        #expect(abs(hemispherical - 0.75 / 0.83) < 0.02, "1a T hemispherical: model \(hemispherical)")
    }

    @Test func singleClearAgainstAshraeGlazing1aSolarHeatGainCoefficient() {
        // Glazing 1a SHGC: 0.86 normal; 0.84, 0.82, 0.78, 0.67, 0.42; hemispherical 0.78.
        // Checks the g(θ)/g(0) ≈ τ(θ)/τ(0) assumption. Tolerance 0.02: rounding ≤ 0.012 plus the
        // inward-flowing absorbed part, small for single clear glass. Measured: ≤ 0.010.
        let table = [0.84, 0.82, 0.78, 0.67, 0.42]
        for (angle, value) in zip(Self.tableAnglesDeg, table) {
            let model = Model.relativeTransmittance(incidenceDeg: angle, panes: 1)
            #expect(abs(model - value / 0.86) < 0.02, "1a SHGC at \(angle)°: model \(model), table \(value / 0.86)")
        }
        let hemispherical = Model.hemisphericalRelativeTransmittance(panes: 1)
        #expect(abs(hemispherical - 0.78 / 0.86) < 0.02, "1a SHGC hemispherical: model \(hemispherical)")
    }

    @Test func doubleClearAgainstAshraeGlazing5aSolarHeatGainCoefficient() {
        // Glazing 5a SHGC: 0.76 normal; 0.74, 0.71, 0.64, 0.50, 0.26; hemispherical 0.66.
        // Tolerance 0.03: rounding ≤ 0.013, plus the inward-flowing absorbed part, larger with two
        // panes (the inner pane's absorption mostly flows inwards). Measured: ≤ 0.022 (at 70°).
        let table = [0.74, 0.71, 0.64, 0.50, 0.26]
        for (angle, value) in zip(Self.tableAnglesDeg, table) {
            let model = Model.relativeTransmittance(incidenceDeg: angle, panes: 2)
            #expect(abs(model - value / 0.76) < 0.03, "5a SHGC at \(angle)°: model \(model), table \(value / 0.76)")
        }
        // The hemispherical/normal ratio 0.66/0.76 = 0.868 (the constant F_w = 0.9 it replaces is
        // a little high for double glazing). Measured: model 0.880.
        let hemispherical = Model.hemisphericalRelativeTransmittance(panes: 2)
        #expect(abs(hemispherical - 0.66 / 0.76) < 0.03, "5a SHGC hemispherical: model \(hemispherical)")
    }

    @Test func bestestDoublePaneAgainstModelicaBuildingsBeamPolynomial() {
        // lbl-srg/modelica-buildings, ISO 13790 Case 600: g(θ)/g(0) = 1 − 0.189 θ + 0.644 θ²
        // − 0.596 θ³ (θ in rad) on the beam. A fitted curve whose origin the model does not
        // document; it and the ASHRAE 5a ratios differ from each other by up to 0.027 (80°).
        // Tolerance 0.04 for the same reason. Measured: ≤ 0.037 (at 60°, polynomial 0.824, model
        // 0.861; ASHRAE 5a 0.842 lies between).
        for angle in Self.tableAnglesDeg {
            let radians = angle * .pi / 180
            let polynomial = 1 - 0.189 * radians + 0.644 * radians * radians - 0.596 * radians * radians * radians
            let model = Model.relativeTransmittance(incidenceDeg: angle, panes: 2)
            #expect(abs(model - polynomial) < 0.04, "Case 600 beam at \(angle)°: model \(model), polynomial \(polynomial)")
        }
    }

    // MARK: - Brandemuehl & Beckman effective angles

    @Test(arguments: [
        // (β, θ_e sky, θ_e ground), computed by hand from eqs. (5.4.2) and (5.4.1).
        (0.0, 59.7, 90.0),
        (45.0, 59.7 - 0.1388 * 45 + 0.001497 * 2025, 90 - 0.5788 * 45 + 0.002693 * 2025),
        (90.0, 59.333_7, 59.721_3),
    ])
    func effectiveAngles(tiltDeg: Double, sky: Double, ground: Double) {
        // Exact arithmetic on the published coefficients (guards against a mistyped one).
        #expect(abs(Model.effectiveSkyDiffuseIncidenceDeg(tiltDeg: tiltDeg) - sky) < 1e-9)
        #expect(abs(Model.effectiveGroundReflectedIncidenceDeg(tiltDeg: tiltDeg) - ground) < 1e-9)
    }

    @Test(arguments: [1, 2, 3])
    func horizontalSkyAngleMatchesHemisphericalIntegral(panes: Int) {
        // D&B §5.4: the effective angle is the beam angle with the same transmittance as
        // isotropic diffuse radiation; for a horizontal surface the whole sky is the hemisphere.
        // Brandemuehl & Beckman fitted one correlation over several cover systems, so it matches
        // any particular one only approximately. Tolerance 0.02. Measured: 0.008, 0.016, 0.015.
        let atEffectiveAngle = Model.relativeTransmittance(
            incidenceDeg: Model.effectiveSkyDiffuseIncidenceDeg(tiltDeg: 0), panes: panes)
        let integral = Model.hemisphericalRelativeTransmittance(panes: panes)
        #expect(abs(atEffectiveAngle - integral) < 0.02, "N=\(panes): \(atEffectiveAngle) vs \(integral)")
    }

    @Test(arguments: [
        // (N, the same integral with Simpson on 20 000 intervals, computed once offline from the
        // same formulas in double precision)
        (1, 0.910_565_756), (2, 0.879_904_899), (3, 0.864_636_998),
    ])
    func hemisphericalIntegralIsConverged(panes: Int, fineIntegral: Double) {
        // Change detector for the quadrature, not a physics reference: 180 intervals agree with
        // 20 000 to < 1e-8; 1e-6 leaves room for libm differences between platforms.
        #expect(abs(Model.hemisphericalRelativeTransmittance(panes: panes) - fineIntegral) < 1e-6)
    }

    // MARK: - Pane count from the U-value

    @Test(arguments: [
        // ASHRAE Fundamentals (SI) 2009, ch. 15, Table 4, centre of glass (BEMEval/bemeval-res):
        (5.91, 1),  // 1a single clear
        (2.73, 2),  // 5a double clear, 12 mm air
        (1.76, 3),  // 29a triple clear, 12 mm air
        // Thresholds (a Foyer assumption): U ≥ 4.5 → 1, 1.8 ≤ U < 4.5 → 2, below → 3.
        (4.5, 1), (4.499, 2), (1.8, 2), (1.799, 3), (0.6, 3),
    ])
    func panesFromUValue(uValue: Double, panes: Int) {
        #expect(Model.assumedPanes(uValueWPerM2K: uValue) == panes)
    }
}
