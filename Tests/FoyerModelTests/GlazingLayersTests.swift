import Foundation
import Testing
@testable import FoyerModel

/// A glazing described pane by pane (`glazing_layers`): its U (EN 673) and g (EN 410), and the
/// checks on the input (issue 11, item 6; decision 0009).
@Suite("Glazing given layer by layer")
struct GlazingLayersTests {
    static func pane(_ transmittance: Double, _ reflectance: Double, thicknessM: Double = 0.003, emissivityBack: Double = GlazingPhysics.uncoatedEmissivity) -> ResolvedPane {
        ResolvedPane(thicknessM: thicknessM, conductivityWPerMK: 1, solarTransmittance: transmittance, solarReflectanceFront: reflectance,
                     solarReflectanceBack: reflectance, emissivityFront: GlazingPhysics.uncoatedEmissivity, emissivityBack: emissivityBack)
    }

    /// Double clear glazing against the ASHRAE Handbook — Fundamentals (2017, ch. 15, Table
    /// 10) glazing 5a, two panes of glazing 1a (clear 3 mm: T 0.83, R 0.08): at normal
    /// incidence T 0.70, R_f 0.13, layer absorptances 0.10 and 0.07, SHGC 0.76. Tolerance
    /// 0.015: the table's two decimals and its spectral calculation against this grey one.
    @Test func doubleClearAgainstAshraeGlazing5a() {
        let glazing = ResolvedGlazingLayers(panes: [Self.pane(0.83, 0.08), Self.pane(0.83, 0.08)],
                                            gaps: [ResolvedGap(widthM: 0.0127, gas: .air, fillFraction: 1)])
        let optics = GlazingPhysics.solarOptics(glazing.panes)
        #expect(abs(optics.transmittance - 0.70) < 0.015, "T \(optics.transmittance)")
        #expect(abs(optics.reflectance - 0.13) < 0.015, "R \(optics.reflectance)")
        #expect(abs(optics.absorptances[0] - 0.10) < 0.015, "A1 \(optics.absorptances[0])")
        #expect(abs(optics.absorptances[1] - 0.07) < 0.015, "A2 \(optics.absorptances[1])")
        // Energy is conserved: T + R + ΣA = 1.
        #expect(abs(optics.transmittance + optics.reflectance + optics.absorptances.reduce(0, +) - 1) < 1e-12)
        #expect(abs(glazing.gValue - 0.76) < 0.015, "g \(glazing.gValue)")
        // Single clear (glazing 1a, SHGC 0.86).
        let single = ResolvedGlazingLayers(panes: [Self.pane(0.83, 0.08)], gaps: [])
        #expect(abs(single.gValue - 0.86) < 0.015, "single g \(single.gValue)")
    }

    /// EN 673: in a 12 mm air gap of a double glazing the gas does not convect (Nu = 1, h_g =
    /// λ/s); in a 20 mm gap it does (Nu > 1). A low-e face cuts the gap's radiation.
    @Test func gapConductanceFollowsTheStandardsCorrelation() {
        let narrow = ResolvedGap(widthM: 0.012, gas: .air, fillFraction: 1)
        #expect(abs(GlazingPhysics.gasConductanceWPerM2K(narrow, temperatureDifferenceK: 15) - 2.496e-2 / 0.012) < 1e-9)
        let wide = ResolvedGap(widthM: 0.020, gas: .air, fillFraction: 1)
        #expect(GlazingPhysics.gasConductanceWPerM2K(wide, temperatureDifferenceK: 15) > 2.496e-2 / 0.020 * 1.05)
        // Radiation between two uncoated faces at 283 K: 4σT³/(2/0.837 − 1).
        let uncoated = GlazingPhysics.radiativeConductanceWPerM2K(0.837, 0.837)
        #expect(abs(uncoated - 4 * 5.670374419e-8 * pow(283, 3) / (2 / 0.837 - 1)) < 1e-9)
        #expect(GlazingPhysics.radiativeConductanceWPerM2K(0.837, 0.04) < uncoated / 10)
        // Argon conducts less than air; a low-e double glazing with argon is far better.
        let clear = ResolvedGlazingLayers(panes: [Self.pane(0.8, 0.08, thicknessM: 0.004), Self.pane(0.8, 0.08, thicknessM: 0.004)],
                                          gaps: [ResolvedGap(widthM: 0.016, gas: .air, fillFraction: 1)])
        var lowE = clear
        lowE.panes[1].emissivityFront = 0.03
        lowE.gaps[0] = ResolvedGap(widthM: 0.016, gas: .argon, fillFraction: 0.9)
        #expect(lowE.centreUValueWPerM2K < clear.centreUValueWPerM2K / 2)
    }

    static let bestestPane = """
    { "thickness_m": 0.003048, "conductivity_w_per_mk": 1.0, "solar_transmittance": 0.834, "solar_reflectance": 0.075, "emissivity": 0.84, "emissivity_back": 0.84 }
    """
    static func window(_ members: String) -> String {
        DwellingFixtures.replacing(
            "{ \"id\": \"win-s1\", \"wall\": \"wall-south\", \"area_m2\": 3, \"azimuth_deg\": 180, \"u_value_w_per_m2k\": 2.8, \"g_value\": 0.75 }",
            with: "{ \"id\": \"win-s1\", \"wall\": \"wall-south\", \"area_m2\": 3, \"azimuth_deg\": 180, \(members) }")
    }
    static let layers = "\"glazing_layers\": { \"panes\": [\(bestestPane), \(bestestPane)], \"gaps\": [ { \"width_m\": 0.012, \"gas\": \"air\" } ] }"

    /// Without a frame, U and g come from the layers and are reported as such.
    @Test func framelessWindowTakesTheGlazingsValues() throws {
        let loaded = DwellingFixtures.load(Self.window("\"frame_fraction\": 0, " + Self.layers))
        #expect(loaded.issues.errors.isEmpty, "\(loaded.issues)")
        let window = try #require(loaded.dwelling?.windows.first { $0.id == "win-s1" })
        let layers = try #require(window.glazingLayers)
        #expect(window.uValueWPerM2K == layers.centreUValueWPerM2K)
        #expect(window.gValue == layers.gValue)
        #expect(window.panes == 2)
        #expect(window.glassToGlassResistanceM2KPerW == layers.glassToGlassResistanceM2KPerW)
        #expect(window.innerEmissivity == 0.84 && window.outerEmissivity == 0.84)
        #expect(loaded.defaults.contains { $0.path == "envelope.windows[0].u_value_w_per_m2k" && $0.reason.contains("EN 673") })
        #expect(loaded.defaults.contains { $0.path == "envelope.windows[0].g_value" && $0.reason.contains("EN 410") })
    }

    /// A framed window needs its whole U_w (the frame and spacer are not in the layers); the
    /// error shows the glazing's own U_g. A g-value given beside the layers is used, with a
    /// warning naming the layers' value.
    @Test func framedWindowNeedsItsWholeUValue() throws {
        let framed = DwellingFixtures.load(Self.window(Self.layers))
        let error = try #require(framed.issues.errors.first { $0.path == "envelope.windows[0].u_value_w_per_m2k" })
        #expect(error.message.contains("2.88"), "\(error)")
        #expect(framed.dwelling == nil)

        let given = DwellingFixtures.load(Self.window("\"u_value_w_per_m2k\": 1.9, \"g_value\": 0.7, " + Self.layers))
        #expect(given.issues.errors.isEmpty, "\(given.issues)")
        let window = try #require(given.dwelling?.windows.first { $0.id == "win-s1" })
        #expect(window.uValueWPerM2K == 1.9 && window.gValue == 0.7)
        #expect(window.glassToGlassResistanceM2KPerW == nil)
        #expect(given.issues.warnings.contains { $0.path == "envelope.windows[0].g_value" && $0.message.contains("0.76") })
    }

    @Test(arguments: [
        // Both a type and layers.
        ("\"frame_fraction\": 0, \"glazing\": \"double\", " + layers, "envelope.windows[0].glazing_layers"),
        // Two panes, no gap.
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"panes\": [\(bestestPane), \(bestestPane)] }", "envelope.windows[0].glazing_layers.gaps"),
        // No panes, five panes.
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"gaps\": [] }", "envelope.windows[0].glazing_layers.panes"),
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"panes\": [\(bestestPane), \(bestestPane), \(bestestPane), \(bestestPane), \(bestestPane)], \"gaps\": [{ \"width_m\": 0.01 }, { \"width_m\": 0.01 }, { \"width_m\": 0.01 }, { \"width_m\": 0.01 }] }",
         "envelope.windows[0].glazing_layers.panes"),
        // τ + ρ above 1.
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"panes\": [{ \"thickness_m\": 0.004, \"solar_transmittance\": 0.9, \"solar_reflectance\": 0.2 }], \"gaps\": [] }",
         "envelope.windows[0].glazing_layers.panes[0].solar_transmittance"),
        // A gap in metres by mistake, a pane in millimetres.
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"panes\": [\(bestestPane), \(bestestPane)], \"gaps\": [{ \"width_m\": 12 }] }", "envelope.windows[0].glazing_layers.gaps[0].width_m"),
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"panes\": [{ \"thickness_m\": 4, \"solar_transmittance\": 0.8, \"solar_reflectance\": 0.08 }], \"gaps\": [] }",
         "envelope.windows[0].glazing_layers.panes[0].thickness_m"),
        // An unknown gas.
        ("\"frame_fraction\": 0, \"glazing_layers\": { \"panes\": [\(bestestPane), \(bestestPane)], \"gaps\": [{ \"width_m\": 0.012, \"gas\": \"xenon\" }] }",
         "envelope.windows[0].glazing_layers.gaps[0].gas"),
    ])
    func badLayersAreRefusedWhereTheyAre(_ members: String, _ path: String) {
        let loaded = DwellingFixtures.load(Self.window(members))
        #expect(loaded.dwelling == nil)
        #expect(loaded.issues.errors.contains { $0.path == path }, "\(loaded.issues.errors.map(\.description))")
        // Only the layers are blamed: U and g are not asked for again.
        #expect(!loaded.issues.errors.contains { $0.path.hasSuffix("u_value_w_per_m2k") || $0.path.hasSuffix("g_value") },
                "\(loaded.issues.errors.map(\.description))")
    }
}
