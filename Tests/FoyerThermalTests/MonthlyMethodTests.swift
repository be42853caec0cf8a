import Testing
@testable import FoyerThermal

/// The utilisation factors of EN ISO 13790:2008, 12.2.1, checked against values worked by hand
/// from the standard's formulas.
@Suite("EN ISO 13790 monthly method")
struct MonthlyMethodTests {
    @Test func gainUtilisationFollowsTheStandardsFormula() {
        // γ = 0.5, a = 2: η = (1 − 0.5²)/(1 − 0.5³) = 0.75/0.875 = 6/7.
        #expect(abs(ISO13790.gainUtilisation(gains: 50, losses: 100, a: 2) - 6.0 / 7.0) < 1e-12)
        // γ = 1: η = a/(a + 1) = 2/3.
        #expect(abs(ISO13790.gainUtilisation(gains: 100, losses: 100, a: 2) - 2.0 / 3.0) < 1e-12)
        // γ = 2, a = 1: η = (1 − 2)/(1 − 4) = 1/3: only a third of gains twice the losses is useful.
        #expect(abs(ISO13790.gainUtilisation(gains: 200, losses: 100, a: 1) - 1.0 / 3.0) < 1e-12)
        // Small gains are fully used: η → 1 as γ → 0.
        #expect(ISO13790.gainUtilisation(gains: 1e-6, losses: 100, a: 3) > 0.999999)
    }

    @Test func lossUtilisationFollowsTheStandardsFormula() {
        // γ = 2, a = 1: η = (1 − 2⁻¹)/(1 − 2⁻²) = 0.5/0.75 = 2/3.
        #expect(abs(ISO13790.lossUtilisation(gains: 200, losses: 100, a: 1) - 2.0 / 3.0) < 1e-12)
        #expect(abs(ISO13790.lossUtilisation(gains: 100, losses: 100, a: 3) - 0.75) < 1e-12)
    }

    /// Heavier buildings (larger a) use more of their gains: η grows with a at fixed γ.
    @Test func heavierBuildingsUseMoreGains() {
        let light = ISO13790.gainUtilisation(gains: 80, losses: 100, a: 1.5)
        let heavy = ISO13790.gainUtilisation(gains: 80, losses: 100, a: 8)
        #expect(heavy > light)
    }
}
