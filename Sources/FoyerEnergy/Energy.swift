/// An energy carrier a dwelling buys: what its meters, tanks and wood stores hold.
///
/// Energy inside Foyer is always in kWh of final energy on the net (lower) calorific value,
/// PCI, as the French DPE (3CL-DPE 2021) counts it; ``FuelUnit`` converts to and from what the
/// household buys (litres, kilograms, stères, m³ of gas), ``PrimaryEnergy`` and ``Emissions``
/// give the factors.
public enum Energy: String, Sendable, Codable, CaseIterable, Comparable {
    case electricity
    case naturalGas = "natural_gas"
    case fuelOil = "fuel_oil"
    case propane
    case butane
    case woodLogs = "wood_logs"
    case woodPellets = "wood_pellets"
    case woodChips = "wood_chips"
    case coal
    /// Paraffin for mobile (unvented) heaters.
    case kerosene
    case districtHeating = "district_heat"

    public static func < (a: Energy, b: Energy) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// Gross over net calorific value, PCS/PCI, for the fuels that burn (3CL-DPE 2021 values:
    /// gas 1.11, LPG 1.09, fuel oil 1.07, wood 1.08, coal 1.04, as coded in Open3CL
    /// `src/13.2_generateur_combustion_ch.js`, constant `K`; ../shared/reference/domain-facts.md
    /// §1.3). 1 for electricity and district heat, which are metered as heat or work. Kerosene
    /// takes the fuel-oil ratio (a light distillate like it; no published 3CL value).
    public var grossOverNetCalorificValue: Double {
        switch self {
        case .naturalGas: 1.11
        case .propane, .butane: 1.09
        case .fuelOil, .kerosene: 1.07
        case .woodLogs, .woodPellets, .woodChips: 1.08
        case .coal: 1.04
        case .electricity, .districtHeating: 1
        }
    }
}

/// What an energy is used for: the French CO₂ factors of electricity differ by use.
public enum EnergyUse: String, Sendable, Codable, CaseIterable {
    case heating
    case hotWater = "hot_water"
    case cooling
    case lighting
    /// Fans, pumps, controls.
    case auxiliaries
    /// Household appliances (cold, washing, screens, …): no 3CL factor; counted with
    /// lighting's (a household use spread over the year like it). Likewise cooking and standby.
    case appliances
    case cooking
    /// Appliances left on standby, day and night.
    case standby

    /// Appliances, cooking and standby: the uses the DPE leaves out.
    public var isOtherUse: Bool { self == .appliances || self == .cooking || self == .standby }
}

/// A day of the civil calendar (no time zone): the validity of factors and tariffs.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `nil` when the text is not a valid date of the Gregorian calendar.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(year, month, day)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Reads `"YYYY-MM-DD"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a date YYYY-MM-DD")
        }
        self = date
    }

    /// Writes `"YYYY-MM-DD"` (reports read like the files they came from).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Energy {
    /// The energy's French name, for what goes to households.
    public var frenchName: String {
        switch self {
        case .electricity: "électricité"
        case .naturalGas: "gaz naturel"
        case .fuelOil: "fioul"
        case .propane: "propane"
        case .butane: "butane"
        case .woodLogs: "bûches"
        case .woodPellets: "granulés de bois"
        case .woodChips: "plaquettes de bois"
        case .coal: "charbon"
        case .kerosene: "pétrole lampant"
        case .districtHeating: "réseau de chaleur"
        }
    }
}
