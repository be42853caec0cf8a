#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// Solar irradiance on building surfaces: extraterrestrial irradiance, air mass, angle of
// incidence, and transposition of horizontal irradiance (GHI, DNI, DHI) to a tilted plane with
// an isotropic or a Perez sky.
//
// EN ISO 52010-1:2017 ("Energy performance of buildings — External climatic conditions — Part 1:
// Conversion of climatic data for energy calculations") prescribes the Perez model for the
// diffuse irradiance on a surface; its hourly chain feeds EN ISO 52016-1. Foyer follows pvlib's
// conventions (which the reference fixture uses) where they differ in detail from the standard's
// simplified formulas; the differences are listed on ``Perez1990``.
//
// Conventions: angles in degrees, irradiance in W/m²; azimuths clockwise from north (N 0, E 90,
// S 180, W 270) for both sun and surface; tilt from the horizontal (0 = facing up, 90 = a wall).

// MARK: - Extraterrestrial irradiance

/// Extraterrestrial normal irradiance from Spencer's Fourier series for the Earth–sun distance.
///
/// I₀ = I_sc · E₀, E₀ = (r₀/r)² = 1.000110 + 0.034221 cos Γ + 0.001280 sin Γ + 0.000719 cos 2Γ
/// + 0.000077 sin 2Γ, with the day angle Γ = 2π (n − 1)/365 and n the day of the year.
///
/// Source: Spencer, J. W. (1971), "Fourier series representation of the position of the sun",
/// *Search* 2(5), 172; as reproduced by Iqbal (1983), *An Introduction to Solar Radiation*, ch. 1,
/// and as pvlib's `irradiance.get_extra_radiation(method="spencer")` computes it (whole days,
/// 365-day year even in leap years).
public enum Spencer1971 {
    /// Solar constant I_sc used by default, W/m² (pvlib's default, Gueymard 2004).
    public static let solarConstantWPerM2 = 1366.1

    /// Day angle Γ = 2π (n − 1)/365, radians.
    /// - Parameter dayOfYear: n, 1 for January 1st.
    public static func dayAngleRad(dayOfYear: Int) -> Double {
        2 * .pi * Double(dayOfYear - 1) / 365
    }

    /// Eccentricity correction factor E₀ = (r₀/r)², dimensionless (≈ 0.967–1.034).
    /// - Parameter dayOfYear: n, 1 for January 1st.
    public static func eccentricityCorrection(dayOfYear: Int) -> Double {
        let gamma = dayAngleRad(dayOfYear: dayOfYear)
        return 1.000_110 + 0.034_221 * cos(gamma) + 0.001_280 * sin(gamma)
            + 0.000_719 * cos(2 * gamma) + 0.000_077 * sin(2 * gamma)
    }

    /// Extraterrestrial irradiance on a plane normal to the sun's rays, I₀ = I_sc · E₀, W/m².
    ///
    /// - Parameters:
    ///   - dayOfYear: n, 1 for January 1st (for hour index `i` of a ``WeatherYear``, `i / 24 + 1`).
    ///   - solarConstantWPerM2: I_sc, W/m².
    /// - Returns: W/m², between ≈ 1320 (early July) and ≈ 1414 W/m² (early January) with the
    ///   default solar constant.
    public static func extraterrestrialNormalWPerM2(
        dayOfYear: Int, solarConstantWPerM2: Double = solarConstantWPerM2
    ) -> Double {
        solarConstantWPerM2 * eccentricityCorrection(dayOfYear: dayOfYear)
    }
}

// MARK: - Air mass

/// Relative optical air mass from the Kasten & Young formula.
///
/// m = 1 / (cos Z + 0.50572 (96.07995° − Z)^−1.6364), Z the apparent zenith angle in degrees.
///
/// Source: Kasten, F. and Young, A. T. (1989), "Revised optical air mass tables and approximation
/// formula", *Applied Optics* 28(22), 4735–4738, doi:10.1364/AO.28.004735; pvlib
/// `atmosphere.get_relative_airmass(model="kastenyoung1989")`.
public enum KastenYoung1989 {
    /// Relative (not pressure-corrected) air mass, dimensionless; 1 at the zenith, ≈ 38 at the
    /// horizon.
    ///
    /// - Parameter apparentZenithDeg: refraction-corrected solar zenith angle Z, degrees.
    /// - Returns: the air mass, or `nil` when the sun is below the horizon (Z > 90°), where the
    ///   formula is not defined (pvlib returns NaN there).
    public static func relativeAirMass(apparentZenithDeg: Double) -> Double? {
        guard apparentZenithDeg <= 90 else { return nil }
        let zenithRad = apparentZenithDeg * .pi / 180
        return 1 / (cos(zenithRad) + 0.505_72 * pow(96.079_95 - apparentZenithDeg, -1.6364))
    }
}

// MARK: - Angle of incidence

/// Angle between the sun's rays and the normal of a plane surface.
///
/// cos θ = cos β cos Z + sin β sin Z cos(Φ − γ), with β the tilt, γ the surface azimuth, Z the
/// solar zenith and Φ the solar azimuth (both azimuths clockwise from north).
///
/// Source: Reda & Andreas (2004), NREL/TP-560-34302, §3.16, eq. (47) (after Iqbal 1983), with
/// azimuths measured from north instead of south (the difference Φ − γ is the same); pvlib
/// `irradiance.aoi_projection` and `irradiance.aoi`.
public enum SolarIncidence {
    /// cos θ, clamped to [−1, 1]; negative when the sun is behind the surface.
    ///
    /// - Parameters:
    ///   - surfaceTiltDeg: β, degrees from horizontal (0 faces up, 90 is vertical).
    ///   - surfaceAzimuthDeg: γ, degrees clockwise from north of the surface's outward normal.
    ///   - solarZenithDeg: Z, degrees (the apparent zenith for transposition, as pvlib).
    ///   - solarAzimuthDeg: Φ, degrees clockwise from north.
    public static func cosine(
        surfaceTiltDeg: Double, surfaceAzimuthDeg: Double, solarZenithDeg: Double, solarAzimuthDeg: Double
    ) -> Double {
        let tilt = surfaceTiltDeg * .pi / 180
        let zenith = solarZenithDeg * .pi / 180
        let projection = cos(tilt) * cos(zenith)
            + sin(tilt) * sin(zenith) * cos((solarAzimuthDeg - surfaceAzimuthDeg) * .pi / 180)
        return min(max(projection, -1), 1)
    }

    /// θ = arccos(cos θ), degrees in [0, 180]; over 90° the sun is behind the surface.
    ///
    /// Same parameters as ``cosine(surfaceTiltDeg:surfaceAzimuthDeg:solarZenithDeg:solarAzimuthDeg:)``.
    public static func angleDeg(
        surfaceTiltDeg: Double, surfaceAzimuthDeg: Double, solarZenithDeg: Double, solarAzimuthDeg: Double
    ) -> Double {
        acos(cosine(
            surfaceTiltDeg: surfaceTiltDeg, surfaceAzimuthDeg: surfaceAzimuthDeg,
            solarZenithDeg: solarZenithDeg, solarAzimuthDeg: solarAzimuthDeg)) * 180 / .pi
    }
}

// MARK: - Isotropic sky and ground

/// Diffuse irradiance on a tilted surface from a sky of uniform radiance (Liu–Jordan).
///
/// I_d,sky = DHI · (1 + cos β)/2, the view factor of the sky dome from the surface.
///
/// Source: Liu, B. Y. H. and Jordan, R. C. (1963), "The long-term average performance of
/// flat-plate solar-energy collectors", *Solar Energy* 7(2), 53–74; pvlib `irradiance.isotropic`.
public enum IsotropicSky {
    /// Sky diffuse irradiance on the surface, W/m².
    ///
    /// - Parameters:
    ///   - surfaceTiltDeg: β, degrees from horizontal.
    ///   - diffuseHorizontalWPerM2: DHI, W/m².
    public static func skyDiffuseWPerM2(surfaceTiltDeg: Double, diffuseHorizontalWPerM2: Double) -> Double {
        diffuseHorizontalWPerM2 * (1 + cos(surfaceTiltDeg * .pi / 180)) / 2
    }
}

/// Irradiance reflected by a uniform, diffusely reflecting (isotropic) ground onto a tilted surface.
///
/// I_r = GHI · ρ_g · (1 − cos β)/2, the view factor of the ground from the surface.
///
/// Source: Liu & Jordan (1963), as ``IsotropicSky``; EN ISO 52010-1:2017 uses the same term with
/// a default ground reflectance of 0.2; pvlib `irradiance.get_ground_diffuse`.
public enum IsotropicGround {
    /// Default solar reflectance of the ground ρ_g (EN ISO 52010-1:2017 default; pvlib's own
    /// default is 0.25).
    public static let defaultAlbedo = 0.2

    /// Ground-reflected irradiance on the surface, W/m².
    ///
    /// - Parameters:
    ///   - surfaceTiltDeg: β, degrees from horizontal.
    ///   - globalHorizontalWPerM2: GHI, W/m².
    ///   - albedo: ρ_g, the ground's solar reflectance, 0–1.
    public static func reflectedWPerM2(
        surfaceTiltDeg: Double, globalHorizontalWPerM2: Double, albedo: Double = defaultAlbedo
    ) -> Double {
        globalHorizontalWPerM2 * albedo * (1 - cos(surfaceTiltDeg * .pi / 180)) / 2
    }
}

// MARK: - Perez 1990

/// The Perez et al. (1990) anisotropic sky: isotropic background, circumsolar disc and horizon
/// band, weighted by brightness coefficients F₁, F₂ fitted on measurements and binned by the sky
/// clearness ε.
///
/// I_d,sky = max(0, DHI · [(1 − F₁)(1 + cos β)/2 + F₁ a/b + F₂ sin β]) with
/// - a = max(0, cos θ), b = max(cos 85°, cos Z) (θ the angle of incidence, Z the apparent zenith);
/// - clearness ε = [(DHI + DNI)/DHI + κ Z³] / (1 + κ Z³), Z in radians, κ = 1.041;
/// - brightness Δ = DHI · m / I₀ (m the relative air mass, I₀ the extraterrestrial normal
///   irradiance);
/// - F₁ = max(0, f₁₁ + f₁₂ Δ + f₁₃ Z), F₂ = f₂₁ + f₂₂ Δ + f₂₃ Z, coefficients from the ε bin.
///
/// Source: Perez, R., Ineichen, P., Seals, R., Michalsky, J. and Stewart, R. (1990), "Modeling
/// daylight availability and irradiance components from direct and global irradiance", *Solar
/// Energy* 44(5), 271–289, doi:10.1016/0038-092X(90)90055-H, with the "allsites composite"
/// coefficients (``allSitesComposite1990``). EN ISO 52010-1:2017 prescribes this model for the
/// diffuse irradiance on building surfaces, with the same clearness bins and the same
/// three-decimal coefficients (as transcribed in the project's thermal-references.md §6.4).
///
/// Conventions follow pvlib `irradiance.perez(model="allsitescomposite1990")`, which the reference
/// fixture uses: DNI (not the horizontal beam), the apparent zenith, the Kasten–Young relative air
/// mass, κ = 1.041 rad⁻³ (5.535·10⁻⁶ deg⁻³ in the paper); a negative result is set to 0.
/// Differences to know:
/// - some transcriptions of EN ISO 52010-1 (Table 9) give κ = 1.014; Foyer uses the paper's 1.041;
/// - with DHI = 0 the clearness is undefined; pvlib returns NaN, Foyer returns 0 (no diffuse);
/// - with the sun below the horizon (no air mass) the result is 0, as in pvlib.
///
/// The model is discontinuous at the bin edges of ε; a tiny change of the inputs near an edge
/// can change the result by a few W/m².
public enum Perez1990 {
    /// κ in the clearness formula, rad⁻³ (Perez et al. 1990: 5.535·10⁻⁶ deg⁻³ = 1.041 rad⁻³).
    public static let clearnessZenithCoefficientPerRad3 = 1.041

    /// Upper bounds of the clearness bins 1…7 (bin 8 is ε ≥ 6.2): a value equal to a bound falls
    /// in the next bin. Bin 1 is overcast, bin 8 clear.
    public static let clearnessBinUpperBounds: [Double] = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2]

    /// The six brightness coefficients of one clearness bin.
    public struct Coefficients: Sendable, Equatable {
        /// Circumsolar brightness coefficients (F₁ = f₁₁ + f₁₂ Δ + f₁₃ Z).
        public var f11, f12, f13: Double
        /// Horizon brightness coefficients (F₂ = f₂₁ + f₂₂ Δ + f₂₃ Z).
        public var f21, f22, f23: Double

        /// Creates a set of coefficients.
        public init(f11: Double, f12: Double, f13: Double, f21: Double, f22: Double, f23: Double) {
            (self.f11, self.f12, self.f13) = (f11, f12, f13)
            (self.f21, self.f22, self.f23) = (f21, f22, f23)
        }
    }

    /// The "allsites composite" coefficients of Perez et al. (1990), bins 1 (overcast) to 8
    /// (clear), in the three-decimal form used by pvlib ("allsitescomposite1990") and
    /// EN ISO 52010-1:2017 (transcribed in thermal-references.md §6.4).
    public static let allSitesComposite1990: [Coefficients] = [
        .init(f11: -0.008, f12: 0.588, f13: -0.062, f21: -0.060, f22: 0.072, f23: -0.022),
        .init(f11: 0.130, f12: 0.683, f13: -0.151, f21: -0.019, f22: 0.066, f23: -0.029),
        .init(f11: 0.330, f12: 0.487, f13: -0.221, f21: 0.055, f22: -0.064, f23: -0.026),
        .init(f11: 0.568, f12: 0.187, f13: -0.295, f21: 0.109, f22: -0.152, f23: -0.014),
        .init(f11: 0.873, f12: -0.392, f13: -0.362, f21: 0.226, f22: -0.462, f23: 0.001),
        .init(f11: 1.132, f12: -1.237, f13: -0.412, f21: 0.288, f22: -0.823, f23: 0.056),
        .init(f11: 1.060, f12: -1.600, f13: -0.359, f21: 0.264, f22: -1.127, f23: 0.131),
        .init(f11: 0.678, f12: -0.327, f13: -0.250, f21: 0.156, f22: -1.377, f23: 0.251),
    ]

    /// Sky clearness ε = [(DHI + DNI)/DHI + κ Z³] / (1 + κ Z³), dimensionless (≥ 1 for DNI ≥ 0).
    ///
    /// - Parameters:
    ///   - diffuseHorizontalWPerM2: DHI, W/m² (> 0).
    ///   - directNormalWPerM2: DNI, W/m².
    ///   - apparentZenithDeg: Z, degrees.
    public static func skyClearness(
        diffuseHorizontalWPerM2: Double, directNormalWPerM2: Double, apparentZenithDeg: Double
    ) -> Double {
        let zenithRad = apparentZenithDeg * .pi / 180
        let kappaZ3 = clearnessZenithCoefficientPerRad3 * zenithRad * zenithRad * zenithRad
        return ((diffuseHorizontalWPerM2 + directNormalWPerM2) / diffuseHorizontalWPerM2 + kappaZ3) / (1 + kappaZ3)
    }

    /// Sky brightness Δ = DHI · m / I₀, dimensionless.
    ///
    /// - Parameters:
    ///   - diffuseHorizontalWPerM2: DHI, W/m².
    ///   - relativeAirMass: m, dimensionless.
    ///   - extraterrestrialNormalWPerM2: I₀, W/m².
    public static func skyBrightness(
        diffuseHorizontalWPerM2: Double, relativeAirMass: Double, extraterrestrialNormalWPerM2: Double
    ) -> Double {
        diffuseHorizontalWPerM2 * relativeAirMass / extraterrestrialNormalWPerM2
    }

    /// Zero-based index (0…7) of the clearness bin of ε: the number of bounds of
    /// ``clearnessBinUpperBounds`` that are ≤ ε.
    public static func clearnessBinIndex(clearness: Double) -> Int {
        clearnessBinUpperBounds.reduce(0) { count, bound in clearness >= bound ? count + 1 : count }
    }

    /// The three parts of the Perez sky diffuse irradiance on a surface, W/m², before the total is
    /// clamped at 0.
    public struct Components: Sendable, Equatable {
        /// Isotropic background, DHI (1 − F₁)(1 + cos β)/2, W/m².
        public var isotropicWPerM2: Double
        /// Circumsolar disc, DHI F₁ a/b, W/m² (EN ISO 52010-1 moves this part to the beam).
        public var circumsolarWPerM2: Double
        /// Horizon band, DHI F₂ sin β, W/m² (may be negative).
        public var horizonWPerM2: Double
        /// The sky diffuse irradiance, max(0, sum of the parts), W/m².
        public var totalWPerM2: Double { max(0, isotropicWPerM2 + circumsolarWPerM2 + horizonWPerM2) }
    }

    /// The parts of the Perez sky diffuse irradiance on a surface.
    ///
    /// - Parameters:
    ///   - surfaceTiltDeg: β, degrees from horizontal.
    ///   - surfaceAzimuthDeg: surface azimuth, degrees clockwise from north.
    ///   - diffuseHorizontalWPerM2: DHI, W/m².
    ///   - directNormalWPerM2: DNI, W/m².
    ///   - extraterrestrialNormalWPerM2: I₀, W/m² (``Spencer1971``).
    ///   - apparentZenithDeg: refraction-corrected solar zenith Z, degrees.
    ///   - solarAzimuthDeg: degrees clockwise from north.
    ///   - relativeAirMass: m; `nil` computes it with ``KastenYoung1989`` from the apparent zenith.
    /// - Returns: the parts, all 0 when DHI ≤ 0 or the sun is below the horizon (no air mass).
    public static func skyDiffuseComponents(
        surfaceTiltDeg: Double, surfaceAzimuthDeg: Double,
        diffuseHorizontalWPerM2: Double, directNormalWPerM2: Double, extraterrestrialNormalWPerM2: Double,
        apparentZenithDeg: Double, solarAzimuthDeg: Double, relativeAirMass: Double? = nil
    ) -> Components {
        let none = Components(isotropicWPerM2: 0, circumsolarWPerM2: 0, horizonWPerM2: 0)
        guard diffuseHorizontalWPerM2 > 0,
              let airMass = relativeAirMass ?? KastenYoung1989.relativeAirMass(apparentZenithDeg: apparentZenithDeg),
              airMass.isFinite
        else { return none }

        let zenithRad = apparentZenithDeg * .pi / 180
        let clearness = skyClearness(
            diffuseHorizontalWPerM2: diffuseHorizontalWPerM2, directNormalWPerM2: directNormalWPerM2,
            apparentZenithDeg: apparentZenithDeg)
        let brightness = skyBrightness(
            diffuseHorizontalWPerM2: diffuseHorizontalWPerM2, relativeAirMass: airMass,
            extraterrestrialNormalWPerM2: extraterrestrialNormalWPerM2)
        let f = allSitesComposite1990[clearnessBinIndex(clearness: clearness)]
        let f1 = max(0, f.f11 + f.f12 * brightness + f.f13 * zenithRad)
        let f2 = f.f21 + f.f22 * brightness + f.f23 * zenithRad

        let a = max(0, SolarIncidence.cosine(
            surfaceTiltDeg: surfaceTiltDeg, surfaceAzimuthDeg: surfaceAzimuthDeg,
            solarZenithDeg: apparentZenithDeg, solarAzimuthDeg: solarAzimuthDeg))
        let b = max(cos(85 * Double.pi / 180), cos(zenithRad))
        let tiltRad = surfaceTiltDeg * .pi / 180
        return Components(
            isotropicWPerM2: diffuseHorizontalWPerM2 * (1 - f1) * (1 + cos(tiltRad)) / 2,
            circumsolarWPerM2: diffuseHorizontalWPerM2 * f1 * a / b,
            horizonWPerM2: diffuseHorizontalWPerM2 * f2 * sin(tiltRad))
    }

    /// Sky diffuse irradiance on a surface, W/m² (≥ 0).
    ///
    /// Same parameters as
    /// ``skyDiffuseComponents(surfaceTiltDeg:surfaceAzimuthDeg:diffuseHorizontalWPerM2:directNormalWPerM2:extraterrestrialNormalWPerM2:apparentZenithDeg:solarAzimuthDeg:relativeAirMass:)``.
    public static func skyDiffuseWPerM2(
        surfaceTiltDeg: Double, surfaceAzimuthDeg: Double,
        diffuseHorizontalWPerM2: Double, directNormalWPerM2: Double, extraterrestrialNormalWPerM2: Double,
        apparentZenithDeg: Double, solarAzimuthDeg: Double, relativeAirMass: Double? = nil
    ) -> Double {
        skyDiffuseComponents(
            surfaceTiltDeg: surfaceTiltDeg, surfaceAzimuthDeg: surfaceAzimuthDeg,
            diffuseHorizontalWPerM2: diffuseHorizontalWPerM2, directNormalWPerM2: directNormalWPerM2,
            extraterrestrialNormalWPerM2: extraterrestrialNormalWPerM2,
            apparentZenithDeg: apparentZenithDeg, solarAzimuthDeg: solarAzimuthDeg,
            relativeAirMass: relativeAirMass
        ).totalWPerM2
    }
}

// MARK: - Plane of array

/// The model of the sky's diffuse radiance used to transpose DHI onto a tilted surface.
public enum SkyDiffuseModel: String, Sendable, Codable, CaseIterable {
    /// Uniform sky (Liu–Jordan): ``IsotropicSky``.
    case isotropic
    /// Perez et al. (1990), allsites composite coefficients: ``Perez1990``. Prescribed by
    /// EN ISO 52010-1:2017.
    case perez1990 = "perez_1990"
}

/// Irradiance on a tilted surface ("plane of array"), split into beam, sky diffuse and
/// ground-reflected parts, W/m².
///
/// - Beam: DNI · max(cos θ, 0) (θ from ``SolarIncidence``, with the apparent zenith);
/// - sky diffuse: ``IsotropicSky`` or ``Perez1990``;
/// - ground-reflected: ``IsotropicGround``.
///
/// This is pvlib's `irradiance.get_total_irradiance` with `model="isotropic"` or `"perez"`, and
/// the surface irradiance of EN ISO 52010-1:2017 with the Perez sky, except that the circumsolar
/// part stays in the diffuse (the standard moves it to the beam for shading; use
/// ``Perez1990/skyDiffuseComponents(surfaceTiltDeg:surfaceAzimuthDeg:diffuseHorizontalWPerM2:directNormalWPerM2:extraterrestrialNormalWPerM2:apparentZenithDeg:solarAzimuthDeg:relativeAirMass:)``
/// for that split).
public struct PlaneOfArrayIrradiance: Sendable, Equatable {
    /// Direct (beam) irradiance on the surface, W/m².
    public var beamWPerM2: Double
    /// Diffuse irradiance from the sky on the surface, W/m².
    public var skyDiffuseWPerM2: Double
    /// Irradiance reflected by the ground onto the surface, W/m².
    public var groundReflectedWPerM2: Double
    /// Angle of incidence θ of the sun's rays on the surface, degrees (over 90 = sun behind).
    public var angleOfIncidenceDeg: Double

    /// Creates a plane-of-array irradiance from its parts.
    public init(beamWPerM2: Double, skyDiffuseWPerM2: Double, groundReflectedWPerM2: Double, angleOfIncidenceDeg: Double) {
        self.beamWPerM2 = beamWPerM2
        self.skyDiffuseWPerM2 = skyDiffuseWPerM2
        self.groundReflectedWPerM2 = groundReflectedWPerM2
        self.angleOfIncidenceDeg = angleOfIncidenceDeg
    }

    /// Diffuse irradiance on the surface (sky + ground), W/m².
    public var diffuseWPerM2: Double { skyDiffuseWPerM2 + groundReflectedWPerM2 }
    /// Total irradiance on the surface, beam + sky diffuse + ground-reflected, W/m².
    public var totalWPerM2: Double { beamWPerM2 + skyDiffuseWPerM2 + groundReflectedWPerM2 }

    /// Transposes horizontal irradiance onto a tilted surface.
    ///
    /// - Parameters:
    ///   - skyModel: the diffuse sky model.
    ///   - surfaceTiltDeg: β, degrees from horizontal (0 faces up, 90 is a wall).
    ///   - surfaceAzimuthDeg: azimuth of the surface's outward normal, degrees clockwise from north.
    ///   - apparentZenithDeg: refraction-corrected solar zenith, degrees (``SolarPosition/apparentZenithDeg``).
    ///   - solarAzimuthDeg: degrees clockwise from north (``SolarPosition/azimuthDeg``).
    ///   - directNormalWPerM2: DNI, W/m².
    ///   - globalHorizontalWPerM2: GHI, W/m².
    ///   - diffuseHorizontalWPerM2: DHI, W/m².
    ///   - extraterrestrialNormalWPerM2: I₀, W/m² (``Spencer1971``); used by the Perez model only.
    ///   - albedo: ground solar reflectance ρ_g, 0–1.
    ///   - relativeAirMass: for the Perez model; `nil` computes it with ``KastenYoung1989``.
    public init(
        skyModel: SkyDiffuseModel, surfaceTiltDeg: Double, surfaceAzimuthDeg: Double,
        apparentZenithDeg: Double, solarAzimuthDeg: Double,
        directNormalWPerM2: Double, globalHorizontalWPerM2: Double, diffuseHorizontalWPerM2: Double,
        extraterrestrialNormalWPerM2: Double, albedo: Double = IsotropicGround.defaultAlbedo,
        relativeAirMass: Double? = nil
    ) {
        let cosIncidence = SolarIncidence.cosine(
            surfaceTiltDeg: surfaceTiltDeg, surfaceAzimuthDeg: surfaceAzimuthDeg,
            solarZenithDeg: apparentZenithDeg, solarAzimuthDeg: solarAzimuthDeg)
        let sky: Double
        switch skyModel {
        case .isotropic:
            sky = IsotropicSky.skyDiffuseWPerM2(
                surfaceTiltDeg: surfaceTiltDeg, diffuseHorizontalWPerM2: diffuseHorizontalWPerM2)
        case .perez1990:
            sky = Perez1990.skyDiffuseWPerM2(
                surfaceTiltDeg: surfaceTiltDeg, surfaceAzimuthDeg: surfaceAzimuthDeg,
                diffuseHorizontalWPerM2: diffuseHorizontalWPerM2, directNormalWPerM2: directNormalWPerM2,
                extraterrestrialNormalWPerM2: extraterrestrialNormalWPerM2,
                apparentZenithDeg: apparentZenithDeg, solarAzimuthDeg: solarAzimuthDeg,
                relativeAirMass: relativeAirMass)
        }
        self.init(
            beamWPerM2: max(directNormalWPerM2 * cosIncidence, 0),
            skyDiffuseWPerM2: sky,
            groundReflectedWPerM2: IsotropicGround.reflectedWPerM2(
                surfaceTiltDeg: surfaceTiltDeg, globalHorizontalWPerM2: globalHorizontalWPerM2, albedo: albedo),
            angleOfIncidenceDeg: acos(cosIncidence) * 180 / .pi)
    }

    /// Transposes horizontal irradiance onto a tilted surface for a sun position from ``NRELSPA``
    /// (its apparent zenith and azimuth are used).
    ///
    /// Same parameters as
    /// ``init(skyModel:surfaceTiltDeg:surfaceAzimuthDeg:apparentZenithDeg:solarAzimuthDeg:directNormalWPerM2:globalHorizontalWPerM2:diffuseHorizontalWPerM2:extraterrestrialNormalWPerM2:albedo:relativeAirMass:)``.
    public init(
        skyModel: SkyDiffuseModel, surfaceTiltDeg: Double, surfaceAzimuthDeg: Double, sun: SolarPosition,
        directNormalWPerM2: Double, globalHorizontalWPerM2: Double, diffuseHorizontalWPerM2: Double,
        extraterrestrialNormalWPerM2: Double, albedo: Double = IsotropicGround.defaultAlbedo,
        relativeAirMass: Double? = nil
    ) {
        self.init(
            skyModel: skyModel, surfaceTiltDeg: surfaceTiltDeg, surfaceAzimuthDeg: surfaceAzimuthDeg,
            apparentZenithDeg: sun.apparentZenithDeg, solarAzimuthDeg: sun.azimuthDeg,
            directNormalWPerM2: directNormalWPerM2, globalHorizontalWPerM2: globalHorizontalWPerM2,
            diffuseHorizontalWPerM2: diffuseHorizontalWPerM2,
            extraterrestrialNormalWPerM2: extraterrestrialNormalWPerM2, albedo: albedo,
            relativeAirMass: relativeAirMass)
    }
}
