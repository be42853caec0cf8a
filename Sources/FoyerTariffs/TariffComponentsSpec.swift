import FoyerEnergy
import FoyerModel

/// One file of tariff components (format `foyer-tariff-components-1`, decision 0011): the parts
/// of a Belgian (Walloon) bill as the law and the supplier cards lay them out — network tariffs
/// per distribution operator, levies, supplier offers by card month, indexation formulas and the
/// index values known — which ``TariffComposer`` turns into ordinary ``Tariff`` versions when the
/// library loads. Documented in `Tariffs/README.md`.
public struct TariffComponentsSpec: Codable, Sendable, Equatable {
    public var format: String?
    public var about: String?
    public var country: String?
    public var region: String?
    public var energy: Energy?
    /// VAT included in every TVAC figure of the file (the connection fee bears none).
    public var vatRate: Double?
    /// Named clock periods of the meters (`until-2025`, `from-2026`, `impact`, `exclusive-night`).
    public var hours: [HoursBlockSpec]?
    public var networks: [NetworkComponentSpec]?
    public var levies: [LeviesComponentSpec]?
    /// Where the fixed charges of an exclusive-night meter come from (or why there are none).
    public var exclusiveNightFixedChargesSource: String?
    public var indices: [IndexSeriesSpec]?
    public var offers: [ComponentOfferSpec]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, about, country, region, energy, hours, networks, levies, indices, offers
        case vatRate = "vat_rate"
        case exclusiveNightFixedChargesSource = "exclusive_night_fixed_charges_source"
    }
}

/// `hours[]`: the periods of one kind of meter, as `foyer-tariff-1` writes them.
public struct HoursBlockSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var source: String?
    /// The household's own off-peak window replaces the night period (exclusive night).
    public var householdOffPeakHours: Bool?
    public var periods: [PeriodSpec]?
    enum CodingKeys: String, CodingKey {
        case id, source, periods
        case householdOffPeakHours = "household_off_peak_hours"
    }
}

/// `networks[]`: the distribution tariffs of every operator over one period, and the transport.
public struct NetworkComponentSpec: Codable, Sendable, Equatable {
    public var validFrom: String?
    public var validTo: String?
    public var source: String?
    /// Transport (Elia for electricity, Fluxys for gas), c€/kWh TVAC.
    public var transportCPerKWh: Double?
    public var transportSource: String?
    /// The `hours[].id` of the day/night meter in this period (electricity).
    public var hours: String?
    public var impactSource: String?
    public var operators: [OperatorGridSpec]?
    enum CodingKeys: String, CodingKey {
        case source, hours, operators
        case validFrom = "valid_from", validTo = "valid_to"
        case transportCPerKWh = "transport_c_per_kwh", transportSource = "transport_source"
        case impactSource = "impact_source"
    }
}

/// `networks[].operators[]`: one operator's distribution tariff, c€/kWh and €/yr TVAC.
public struct OperatorGridSpec: Codable, Sendable, Equatable {
    public var `operator`: DistributionOperator?
    public var mono: Double?
    public var hp: Double?
    public var hc: Double?
    public var exclusiveNight: Double?
    public var fixedEurPerYear: Double?
    public var impactPic: Double?
    public var impactMedium: Double?
    public var impactEco: Double?
    /// Gas: tiers chosen by the whole annual volume.
    public var tiers: [GasTierSpec]?
    enum CodingKeys: String, CodingKey {
        case `operator`, mono, hp, hc, tiers
        case exclusiveNight = "exclusive_night", fixedEurPerYear = "fixed_eur_per_year"
        case impactPic = "impact_pic", impactMedium = "impact_medium", impactEco = "impact_eco"
    }
}

/// `tiers[]`: a gas distribution tier (the whole annual volume is priced in one tier).
public struct GasTierSpec: Codable, Sendable, Equatable {
    public var maxKWhPerYear: Double?
    public var fixedEurPerYear: Double?
    public var cPerKWh: Double?
    enum CodingKeys: String, CodingKey {
        case maxKWhPerYear = "max_kwh_per_year", fixedEurPerYear = "fixed_eur_per_year", cPerKWh = "c_per_kwh"
    }
}

/// `levies[]`: the taxes and levies of one period, c€/kWh.
public struct LeviesComponentSpec: Codable, Sendable, Equatable {
    public var validFrom: String?
    public var validTo: String?
    public var source: String?
    /// One excise rate, TVAC.
    public var exciseCPerKWh: Double?
    /// Excise bands applied cumulatively to the annual volume (gas), TVAC.
    public var exciseBands: [ExciseBandSpec]?
    public var energyContributionCPerKWh: Double?
    /// The Walloon connection fee, without VAT.
    public var connectionFeeCPerKWh: Double?
    enum CodingKeys: String, CodingKey {
        case source
        case validFrom = "valid_from", validTo = "valid_to"
        case exciseCPerKWh = "excise_c_per_kwh", exciseBands = "excise_bands"
        case energyContributionCPerKWh = "energy_contribution_c_per_kwh", connectionFeeCPerKWh = "connection_fee_c_per_kwh"
    }
}

/// `excise_bands[]`: the rate on the kWh of the year up to `max_kwh_per_year` (the last band open).
public struct ExciseBandSpec: Codable, Sendable, Equatable {
    public var maxKWhPerYear: Double?
    public var cPerKWh: Double?
    enum CodingKeys: String, CodingKey {
        case maxKWhPerYear = "max_kwh_per_year", cPerKWh = "c_per_kwh"
    }
}

/// `indices[]`: the monthly values of a wholesale index that offers are indexed on.
public struct IndexSeriesSpec: Codable, Sendable, Equatable {
    public var index: String?
    public var unit: String?
    public var source: String?
    public var values: [IndexValueSpec]?
}

/// `indices[].values[]`: one month's value, €/MWh.
public struct IndexValueSpec: Codable, Sendable, Equatable {
    public var month: String?
    public var eurPerMWh: Double?
    enum CodingKeys: String, CodingKey {
        case month, eurPerMWh = "eur_per_mwh"
    }
}

/// `offers[]`: a supplier's product, by month of its card.
public struct ComponentOfferSpec: Codable, Sendable, Equatable {
    /// The product id (`be-engie-easy-variable`); the composed offers add the operator and meter.
    public var offer: String?
    public var name: String?
    public var supplier: String?
    /// `fixed` or `variable` (for display).
    public var kind: String?
    public var about: String?
    public var months: [CardMonthSpec]?
    public var indexation: [IndexFormulaSpec]?
}

/// `offers[].months[]`: the prices a supplier's card prints for one month, c€/kWh and €/yr TVAC.
public struct CardMonthSpec: Codable, Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String?
    public var mono: Double?
    public var hp: Double?
    public var hc: Double?
    public var exclusiveNight: Double?
    /// Gas: the one energy price.
    public var priceCPerKWh: Double?
    public var fixedEurPerYear: Double?
    /// The supplier's fee on an exclusive-night meter, where the card prints one.
    public var exclusiveNightFixedEurPerYear: Double?
    /// The supplier's green-certificate contribution (electricity).
    public var greenCPerKWh: Double?
    public var source: String?
    enum CodingKeys: String, CodingKey {
        case month, mono, hp, hc, source
        case exclusiveNight = "exclusive_night", priceCPerKWh = "price_c_per_kwh"
        case fixedEurPerYear = "fixed_eur_per_year", exclusiveNightFixedEurPerYear = "exclusive_night_fixed_eur_per_year"
        case greenCPerKWh = "green_c_per_kwh"
    }
}

/// `offers[].indexation[]`: the formula a card prints, `constant + factor × index`, in force from
/// `from_month` to `to_month`; the energy price HTVA in c€/kWh with the index in €/MWh.
public struct IndexFormulaSpec: Codable, Sendable, Equatable {
    public var fromMonth: String?
    public var toMonth: String?
    public var index: String?
    /// The index month priced into a month: 0 the same month, −1 the month before.
    public var indexMonthOffset: Int?
    public var source: String?
    public var mono: FormulaTermSpec?
    public var hp: FormulaTermSpec?
    public var hc: FormulaTermSpec?
    public var exclusiveNight: FormulaTermSpec?
    /// Gas: the one energy price.
    public var price: FormulaTermSpec?
    enum CodingKeys: String, CodingKey {
        case index, source, mono, hp, hc, price
        case fromMonth = "from_month", toMonth = "to_month", indexMonthOffset = "index_month_offset"
        case exclusiveNight = "exclusive_night"
    }
}

/// `constant_c_per_kwh + c_per_kwh_per_eur_per_mwh × index` (HTVA).
public struct FormulaTermSpec: Codable, Sendable, Equatable {
    public var constantCPerKWh: Double?
    public var cPerKWhPerEurPerMWh: Double?
    enum CodingKeys: String, CodingKey {
        case constantCPerKWh = "constant_c_per_kwh", cPerKWhPerEurPerMWh = "c_per_kwh_per_eur_per_mwh"
    }
}
