import FoyerCore

/// Fuel-poverty indicators of one household (issue 17), as the French and Belgian observatories
/// define them, computed from its income, its housing costs and what its energy costs a year.
///
/// One household is *screened* against national thresholds the observatories derive from
/// surveys of all households: the results are indicative, and each threshold is dated and sourced.
/// A household's energy cost can be what its bills say, or what Foyer computes before and after
/// a measure: the same function gives the indicators on each side.
public struct FuelPovertyIndicators: Sendable, Equatable, Encodable {
    /// Thresholds, with their year and source.
    public enum Reference {
        /// ONPE's effort-rate threshold: energy of the dwelling > 8 % of disposable income
        /// (ONPE, "Définition des indicateurs de l'ONPE", onpe.org; TEE_3D indicator).
        public static let effortRateThreshold = 0.08
        /// The 3rd decile of disposable income per consumption unit ("niveau de vie"), metropolitan
        /// France, 2021: 18 360 € a year (INSEE Références, "Les revenus et le patrimoine des
        /// ménages", 2024 edition, fig. 1). INSEE's deciles are of persons, ONPE's of households:
        /// close for one household, an approximation all the same.
        public static let thirdDecileEURPerUnitPerYear = 18_360.0
        public static let thirdDecileYear = 2021
        /// The poverty line, 60 % of the median standard of living, 2023: 1 288 € a month per
        /// consumption unit (INSEE Première n° 2063, July 2025).
        public static let povertyLineEURPerUnitPerMonth = 1_288.0
        public static let povertyLineYear = 2023
        /// Belgian "précarité énergétique mesurée" (PEm): the energy share of the income left
        /// after housing costs above twice the median share, 2 × 5.9 % = 11.8 % in the King
        /// Baudouin Foundation's barometer on 2017 data (as reported by RTBF, 2019); the median
        /// moves with prices: indicative.
        public static let belgianMeasuredShareThreshold = 0.118
        public static let belgianMeasuredShareYear = 2017
        /// WHO Housing and Health Guidelines (2018), ch. 4: 18 °C as a safe minimum indoors in
        /// the cold season; below 16 °C resistance to respiratory infections may be diminished
        /// (Collins, Age and Ageing 15(4), 1986).
        public static let whoMinimumC = 18.0
        public static let respiratoryRiskC = 16.0
    }

    /// Energy of the dwelling, € a year (heating, hot water, cooking, appliances; no motor fuel).
    public var energyEURPerYear: Double
    public var consumptionUnits: Double
    public var disposableIncomeEURPerYear: Double?
    public var housingCostsEURPerYear: Double?

    /// Energy ÷ disposable income (taux d'effort énergétique).
    public var effortRate: Double?
    /// Disposable income per consumption unit, € a year.
    public var incomePerUnitEURPerYear: Double?
    /// ONPE's TEE_3D: effort rate above 8 % and income per unit within the three lowest deciles.
    public var effortRateAbove8PercentLowIncome: Bool?
    /// Income left after housing costs (energy excluded) and energy, per unit, € a month.
    public var residualIncomePerUnitEURPerMonth: Double?
    /// The income test of ONPE's BRDE (low income, high expenditure): income after housing costs
    /// (energy excluded) per unit below 60 % of the median (the poverty line). The spending
    /// test needs national medians of energy spending per unit and per m² that no recent
    /// publication gives: not computed.
    public var lowIncomeAfterHousing: Bool?
    /// Energy share of the income left after housing costs (the Belgian PEm's ratio).
    public var energyShareAfterHousing: Double?
    /// Belgian PEm screen: that share above twice the median share (``Reference/belgianMeasuredShareThreshold``).
    public var belgianMeasuredPoverty: Bool?

    enum CodingKeys: String, CodingKey {
        case energyEURPerYear = "energy_eur_per_year", consumptionUnits = "consumption_units"
        case effortRate = "effort_rate", incomePerUnitEURPerYear = "income_per_unit_eur_per_year"
        case effortRateAbove8PercentLowIncome = "tee_3d", residualIncomePerUnitEURPerMonth = "residual_income_per_unit_eur_per_month"
        case lowIncomeAfterHousing = "brde_income_test", energyShareAfterHousing = "energy_share_after_housing"
        case belgianMeasuredPoverty = "belgian_pem"
    }

    /// The indicators of `household` when its dwelling's energy costs `energyEURPerYear`.
    /// Without an income only the energy figure is given; nothing is guessed.
    public init(household: Dossier.Household, energyEURPerYear: Double) {
        self.energyEURPerYear = energyEURPerYear
        consumptionUnits = household.consumptionUnits
        disposableIncomeEURPerYear = household.disposableIncomeEURPerYear
        housingCostsEURPerYear = household.housingCostsEURPerYear
        guard let income = household.disposableIncomeEURPerYear, income > 0, energyEURPerYear.isFinite, energyEURPerYear >= 0 else { return }
        let units = consumptionUnits
        effortRate = energyEURPerYear / income
        incomePerUnitEURPerYear = income / units
        effortRateAbove8PercentLowIncome = energyEURPerYear / income > Reference.effortRateThreshold
            && income / units <= Reference.thirdDecileEURPerUnitPerYear
        guard let housing = household.housingCostsEURPerYear else { return }
        let afterHousing = income - housing
        residualIncomePerUnitEURPerMonth = (afterHousing - energyEURPerYear) / units / 12
        lowIncomeAfterHousing = afterHousing / units / 12 < Reference.povertyLineEURPerUnitPerMonth
        if afterHousing > 0 {
            energyShareAfterHousing = energyEURPerYear / afterHousing
            belgianMeasuredPoverty = energyEURPerYear / afterHousing > Reference.belgianMeasuredShareThreshold
        } else {
            // Housing costs take the whole income: any energy spending is beyond reach.
            belgianMeasuredPoverty = true
        }
    }
}
