/// The bounds of what a dwelling file may describe, checked by ``DwellingResolver`` before any
/// model is built.
///
/// Each bound is far beyond any real dwelling and well inside what the engine handles in bounded
/// time and memory: a file beyond it is a mistake (a unit slip, a generated file gone wrong), and
/// it is refused with a message that names the field and the bound. `Docs/InputLimits.md` gives
/// the reasoning and the time and memory measured at each limit.
public enum Limits {
    /// Largest heated floor area, and largest area of any one element, m²: a whole block of
    /// 250 flats of 80 m² modelled as one zone.
    public static let largestFloorAreaM2 = 20_000.0
    /// Smallest area of an element or window, m² (10 cm × 10 cm): smaller pieces are rounding
    /// noise, and areas near zero (a denormal) would make per-area results infinite.
    public static let smallestElementAreaM2 = 0.01
    /// Most storeys.
    public static let mostStoreys = 100
    /// Most envelope elements (walls, roofs, floors, doors and windows together). A detailed
    /// house has 20–60; each element adds up to 5 nodes to the thermal network, whose
    /// factorisation grows with the cube of the node count (see `Docs/InputLimits.md`).
    public static let mostEnvelopeElements = 200
    /// Most layers in one element's construction.
    public static let mostLayers = 30
    /// Panes of a glazing described layer by layer.
    public static let mostPanes = 4
    /// Most linear thermal bridges.
    public static let mostThermalBridges = 500
    /// Most heating systems, and most hot-water systems.
    public static let mostSystems = 10
    /// Most energy contracts.
    public static let mostContracts = 10
    /// Most off-peak windows in a day.
    public static let mostOffPeakWindows = 8
}
