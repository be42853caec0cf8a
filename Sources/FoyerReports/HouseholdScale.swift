import FoyerCore
import FoyerMeasures

/// How far a household's real spending is from a simulation's, use by use: a household in fuel
/// poverty often heats less than any convention (the prebound effect, Sunikka-Blank & Galvin,
/// Building Research & Information 40(3), 2012), and may use less hot water, so a simulated
/// saving is more than its bills can give. Each part of a saving is scaled by its own ratio:
/// the heating part by what the household pays for heating ÷ the simulation's heating cost, the
/// rest (hot water, lighting, appliances) by what it pays for them ÷ the simulation's.
/// (A calibration on the bills, `foyer calibrate`, does better; this is the report's estimate.)
public struct HouseholdScale: Sendable, Encodable {
    public var heating: Double
    public var other: Double

    /// The ratios from the bills split by use (``DossierAnalysis/Spending``) against a simulated
    /// bill, its heating share taken as heating's share of the final kWh; nil when a side is
    /// missing. Without a split of the bills, both ratios are the whole bills ÷ the whole
    /// simulated bill.
    static func from(spending: DossierAnalysis.Spending?, paidEUR: Double?, simulatedEUR: Double?, heatingKWh: Double, totalKWh: Double) -> HouseholdScale? {
        guard let simulated = simulatedEUR, simulated > 0, totalKWh > 0 else { return nil }
        let heatingShare = min(1, max(0, heatingKWh / totalKWh))
        if let spending {
            let paidHeating = spending.uses.filter { $0.use == "heating" }.reduce(0) { $0 + $1.eurPerYear }
            let paidOther = spending.uses.filter { $0.use == "base" || $0.use == "unsplit" }.reduce(0) { $0 + $1.eurPerYear }
            // The simulated bill's subscriptions are not split out: they count in both shares.
            let heating = heatingShare > 0 ? paidHeating / (simulated * heatingShare) : 1
            let other = heatingShare < 1 ? paidOther / (simulated * (1 - heatingShare)) : 1
            if heating.isFinite, other.isFinite, heating > 0, other > 0 { return HouseholdScale(heating: heating, other: other) }
        }
        guard let paidEUR, paidEUR > 0 else { return nil }
        return HouseholdScale(heating: paidEUR / simulated, other: paidEUR / simulated)
    }

    /// A simulated saving, € a year, for this household: the heating part of the kWh saved
    /// scaled by ``heating``, the rest by ``other`` (a saving that adds heating, as an LED's lost
    /// heat does, counts as all "other").
    public func saving(_ eur: Double, change: VariantOutcome.Change) -> Double {
        let heatingShare = change.kWh > 0 ? min(1, max(0, change.heatingKWh / change.kWh)) : 0
        return eur * (heatingShare * heating + (1 - heatingShare) * other)
    }
}
