import FoyerEnergy

/// The conventions of the DPE 2021 (3CL) method that the label adds to Foyer's energy figures.
/// The primary-energy and emission factors by energy, use and date are FoyerEnergy's
/// ``PrimaryEnergy`` and ``Emissions`` (the same arrêté of 31 March 2021, the 1.9 of 2026).
public enum DPEFactors {
    /// Hours of lighting a year by climate zone (3CL `src/16_conso_eclairage.js`, Open3CL/engine
    /// @ bb583ee): H1a 1 500, H1b 1 445, H1c 1 476, H2a 1 500, H2b 1 531, H2c and H2d 1 566, H3 1 506.
    public static func lightingHours(zone: String) -> Double? {
        ["H1a": 1_500, "H1b": 1_445, "H1c": 1_476, "H2a": 1_500, "H2b": 1_531, "H2c": 1_566, "H2d": 1_566, "H3": 1_506][zone]
    }

    /// Conventional lighting, kWh a year per m²: 0.9 × 1.4 W/m² × the zone's hours / 1 000
    /// (3CL `src/16_conso_eclairage.js`: C 0.9, P 1.4 W/m²; `../shared/reference/works-gestures-labels.md` §A.2).
    public static func lightingKWhPerM2(zone: String) -> Double? {
        lightingHours(zone: zone).map { 0.9 * 1.4 * $0 / 1_000 }
    }
}
