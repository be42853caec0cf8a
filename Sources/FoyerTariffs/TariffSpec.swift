import FoyerEnergy
import FoyerModel

/// What an electricity meter (or meter circuit) measures, and so which offers can bill it.
public enum MeterKind: String, SpecEnum, Comparable {
    /// One register: every kWh at one price.
    case single
    /// Two registers, peak and off-peak hours (French HP/HC, Belgian bi-horaire "jour/nuit").
    case peakOffPeak = "peak_off_peak"
    /// Peak/off-peak hours and a colour per day (EDF Tempo: blue, white, red days).
    case dayColour = "day_colour"
    /// A separate circuit energised only in the night window (Belgian "exclusif nuit"), for
    /// storage heaters and water heaters.
    case exclusiveNight = "exclusive_night"
    /// Three or more time-of-use bands read by a communicating meter (the Walloon "Impact"
    /// network tariff: peak, medium, eco).
    case timeOfUse = "time_of_use"

    public static func < (a: MeterKind, b: MeterKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// Who may take an offer.
public enum Eligibility: String, SpecEnum {
    case everyone
    /// Protected customers only (the Belgian federal social tariff).
    case protectedCustomers = "protected_customers"
}

/// The colour of a day under a day-colour offer (EDF Tempo).
public enum DayColour: String, SpecEnum, Comparable {
    case blue, white, red

    public static func < (a: DayColour, b: DayColour) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// Units a fuel price may be given in (`energy_prices[].unit`).
public enum PriceUnit: String, SpecEnum {
    case kwh, litre, kg, tonne, stere, m3
    /// A 13 kg bottle of butane or propane.
    case bottle13kg = "bottle_13kg"

    /// kWh PCI in one unit of `energy`; `nil` when the energy is not sold in it.
    public func kWhPCI(of energy: Energy) -> Double? {
        switch self {
        case .kwh: 1
        case .litre: FuelUnit.litre.kWhPCI(of: energy)
        case .kg: FuelUnit.kilogram.kWhPCI(of: energy)
        case .tonne: FuelUnit.tonne.kWhPCI(of: energy)
        case .stere: FuelUnit.stere.kWhPCI(of: energy)
        case .m3: FuelUnit.cubicMetre.kWhPCI(of: energy)
        case .bottle13kg: FuelUnit.kilogram.kWhPCI(of: energy).map { 13 * $0 }
        }
    }
}

/// One tariff file of `Tariffs/` as written (format `foyer-tariff-1`, documented in
/// `Tariffs/README.md`). ``Tariff`` is the checked form the bill engine uses.
public struct TariffSpec: Codable, Sendable, Equatable {
    public var format: String?
    public var offer: String?
    public var name: String?
    public var supplier: String?
    public var country: String?
    public var region: String?
    /// `distribution_operator`: the network whose distribution tariff the prices include (a
    /// Walloon offer composed for one operator).
    public var distributionOperator: DistributionOperator?
    public var energy: Energy?
    public var meter: MeterKind?
    public var eligibility: Eligibility?
    public var validFrom: String?
    public var validTo: String?
    public var pricesIncludeVat: Bool?
    public var vatRate: Double?
    public var vatRateFixed: Double?
    public var vatRateEnergy: Double?
    public var sources: [String]?
    public var notes: String?
    public var fixedCharges: [FixedChargeSpec]?
    public var periods: [PeriodSpec]?
    public var householdOffPeakHours: Bool?
    public var publicHolidaysAsSunday: Bool?
    public var dayColours: DayColourRuleSpec?
    public var energyPrices: [EnergyPriceSpec]?
    public var bands: [BandSpec]?
    public var taxes: [TaxSpec]?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case format, offer, name, supplier, country, region, energy, meter, eligibility
        case distributionOperator = "distribution_operator"
        case validFrom = "valid_from", validTo = "valid_to"
        case pricesIncludeVat = "prices_include_vat", vatRate = "vat_rate"
        case vatRateFixed = "vat_rate_fixed", vatRateEnergy = "vat_rate_energy"
        case sources, notes
        case fixedCharges = "fixed_charges", periods
        case householdOffPeakHours = "household_off_peak_hours"
        case publicHolidaysAsSunday = "public_holidays_as_sunday"
        case dayColours = "day_colours", energyPrices = "energy_prices", bands, taxes
    }
}

/// `fixed_charges[]`: the standing charge, by subscribed power for electricity.
public struct FixedChargeSpec: Codable, Sendable, Equatable {
    public var subscribedKVA: Double?
    public var eurPerYear: Double?
    enum CodingKeys: String, CodingKey {
        case subscribedKVA = "subscribed_kva", eurPerYear = "eur_per_year"
    }
}

/// `periods[]`: a time-of-use period and the hours it covers.
public struct PeriodSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var offPeak: Bool?
    /// `false` for hours in which the meter is not powered at all (an exclusive-night
    /// circuit outside its night window): such a period has no price, and consumption in it
    /// is an error. Default `true`.
    public var supply: Bool?
    public var hours: [HoursSpec]?
    enum CodingKeys: String, CodingKey {
        case id, name, offPeak = "off_peak", supply, hours
    }
}

/// `periods[].hours[]`: a daily clock window on some days (and months).
public struct HoursSpec: Codable, Sendable, Equatable {
    /// `"all"`, `"weekdays"`, `"weekends"` or a list of `mon` … `sun`.
    public var days: DaysSpec?
    public var from: String?
    public var to: String?
    public var months: [Int]?
}

/// `days`: a keyword or a list of day names.
public enum DaysSpec: Codable, Sendable, Equatable {
    case keyword(String)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        switch try container.decode(JSONValue.self) {
        case let .string(word):
            self = .keyword(word)
        case let .array(items):
            self = .list(items.map { item in
                if case let .string(name) = item { return name }
                return item.brief  // not a day name: reported by the tariff checks
            })
        case .number, .bool, .object, .null:
            // Decoded as the string it should be, so that the decoder records the mismatch
            // with its path (a throw of our own would leave the field silently empty).
            self = .keyword(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .keyword(word): try container.encode(word)
        case let .list(list): try container.encode(list)
        }
    }
}

/// `day_colours`: how the days of a day-colour offer get their colour.
public struct DayColourRuleSpec: Codable, Sendable, Equatable {
    /// `"tempo"`: the EDF Tempo rule.
    public var rule: String?
    public var redDays: Int?
    public var whiteDays: Int?
    /// Clock time the colour changes (`"06:00"` for Tempo).
    public var dayStartsAt: String?
    public var redMonths: [Int]?
    public var redOnWeekends: Bool?
    public var whiteOnSundays: Bool?
    enum CodingKeys: String, CodingKey {
        case rule, redDays = "red_days", whiteDays = "white_days", dayStartsAt = "day_starts_at"
        case redMonths = "red_months", redOnWeekends = "red_on_weekends", whiteOnSundays = "white_on_sundays"
    }
}

/// `energy_prices[]`: the price of a kWh (or of a purchase unit) in a period and day colour.
public struct EnergyPriceSpec: Codable, Sendable, Equatable {
    public var period: String?
    public var colour: DayColour?
    public var eurPerKWh: Double?
    public var eurPerUnit: Double?
    public var unit: PriceUnit?
    /// The price applies from this subscribed power up (French Tarif Bleu Base since
    /// 1 Feb 2026: a lower kWh price from 9 kVA). Entries without it are the price for every
    /// power; an entry with it overrides them from that power.
    public var minSubscribedKVA: Double?
    enum CodingKeys: String, CodingKey {
        case period, colour, eurPerKWh = "eur_per_kwh", eurPerUnit = "eur_per_unit", unit, minSubscribedKVA = "min_subscribed_kva"
    }
}

/// `bands[]`: a consumption band (French gas reference price by consumer profile).
public struct BandSpec: Codable, Sendable, Equatable {
    public var maxKWhPerYear: Double?
    public var fixedEurPerYear: Double?
    public var eurPerKWh: Double?
    enum CodingKeys: String, CodingKey {
        case maxKWhPerYear = "max_kwh_per_year", fixedEurPerYear = "fixed_eur_per_year", eurPerKWh = "eur_per_kwh"
    }
}

/// `taxes[]`: a tax included in the prices, shown on its own bill line.
public struct TaxSpec: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    /// Per kWh (excise duties).
    public var eurPerKWh: Double?
    /// As a share of the fixed charge excluding VAT (CTA).
    public var shareOfFixed: Double?
    enum CodingKeys: String, CodingKey {
        case id, name, eurPerKWh = "eur_per_kwh", shareOfFixed = "share_of_fixed"
    }
}
