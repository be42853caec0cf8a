import FoyerCore
import FoyerEnergy
import FoyerModel

/// A checked tariff: one offer over one period of validity, ready for the bill engine.
///
/// Built from a ``TariffSpec`` by ``Tariff/resolve(_:file:)``, which collects every problem of
/// the file (missing fields, hours covered twice or not at all, prices missing for a period or
/// a colour) with its field path.
public struct Tariff: Sendable, Identifiable {
    /// A time-of-use period.
    public struct Period: Sendable, Equatable {
        public var id: String
        public var name: String
        public var offPeak: Bool
        /// `false`: the meter is not powered in this period (exclusive-night circuit by day).
        public var supplied: Bool = true
    }

    /// A kWh price that replaces the base price from a subscribed power up.
    public struct PowerPrice: Sendable, Equatable {
        public var minSubscribedKVA: Double
        public var period: Int
        public var colour: Int
        public var eurPerKWh: Double
    }

    /// The standing charge for one subscribed power (`subscribedKVA` nil: the only one).
    public struct FixedCharge: Sendable, Equatable {
        public var subscribedKVA: Double?
        public var eurPerYear: Double
    }

    /// A consumption band: the fixed charge and kWh price of a consumer profile.
    public struct Band: Sendable, Equatable {
        /// Upper bound of the annual consumption, kWh (`nil` for the last band).
        public var maxKWhPerYear: Double?
        public var fixedEurPerYear: Double
        public var eurPerKWh: Double
    }

    /// A tax included in the prices.
    public struct Tax: Sendable, Equatable {
        public var id: String
        public var name: String
        public var eurPerKWh: Double?
        public var shareOfFixed: Double?
    }

    /// The Tempo rule: how many red and white days a year, and where they may fall.
    public struct ColourRule: Sendable, Equatable {
        public var redDays: Int
        public var whiteDays: Int
        /// Clock minute at which a day's colour starts (06:00 = 360 for Tempo).
        public var dayStartMinute: Int
        public var redMonths: Set<Int>
        public var redOnWeekends: Bool
        public var whiteOnSundays: Bool
    }

    /// Quarter-hours per week in the schedule table.
    public static let quartersPerDay = 96

    /// The file's `offer` and `valid_from`: `fr-edf-bleu-base@2025-08-01`.
    public var id: String { "\(offer)@\(validFrom)" }
    public var offer: String
    public var name: String
    public var supplier: String
    public var country: String
    public var region: String?
    /// The network whose distribution tariff the prices include, when they include one.
    public var distributionOperator: DistributionOperator? = nil
    public var energy: Energy
    /// For electricity: which meter it bills.
    public var meter: MeterKind
    public var eligibility: Eligibility
    public var validFrom: CivilDate
    /// Last day, inclusive; `nil` while current.
    public var validTo: CivilDate?
    public var pricesIncludeVAT: Bool
    public var vatRateFixed: Double
    public var vatRateEnergy: Double
    public var sources: [String]
    public var notes: String?
    /// The file it was read from.
    public var file: String?
    public var fixedCharges: [FixedCharge]
    public var periods: [Period]
    /// Period index for each month (0–11), ISO weekday (1–7 → 0–6) and quarter-hour of the day.
    var schedule: [UInt8]
    public var householdOffPeakHours: Bool
    public var publicHolidaysAsSunday: Bool
    public var colourRule: ColourRule?
    /// €/kWh by period and colour (index of ``DayColour/allCases``; one column without colours),
    /// including VAT when ``pricesIncludeVAT``. For natural gas the kWh is PCS (as billed).
    public var prices: [[Double]]
    /// Prices that depend on the subscribed power (override ``prices`` from their power up).
    public var powerPrices: [PowerPrice] = []
    public var bands: [Band]
    public var taxes: [Tax]
    /// Months (`YYYY-MM`) an indexed offer has no price for, and why (the index value it needs is
    /// not known): a bill on such a month reports the reason instead of a bare gap.
    public var unpricedMonths: [String: String] = [:]

    /// The €/kWh of `period` and `colour` for a household subscribing `subscribedKVA`: the
    /// power-dependent price with the highest threshold not above it, else the base price.
    /// NaN for a period without supply.
    public func price(period: Int, colour: Int, subscribedKVA: Double?) -> Double {
        if let kva = subscribedKVA,
           let tier = powerPrices.filter({ $0.period == period && $0.colour == colour && $0.minSubscribedKVA <= kva + 1e-9 })
               .max(by: { $0.minSubscribedKVA < $1.minSubscribedKVA }) {
            return tier.eurPerKWh
        }
        return prices[period][colour]
    }

    /// Whether the tariff is in force on `date`.
    public func isValid(on date: CivilDate) -> Bool {
        date >= validFrom && (validTo.map { date <= $0 } ?? true)
    }

    /// Validity as text: `2025-08-01 → 2026-01-31` or `2026-02-01 → (current)`.
    public var validityText: String { "\(validFrom) → \(validTo.map(\.description) ?? "(current)")" }

    /// The period of every quarter-hour of a week of each month, as ``periodIndex(month:weekday:quarter:)``
    /// reads it: index `((month − 1) × 7 + (weekday − 1)) × 96 + quarter`.
    public var periodSchedule: [UInt8] { schedule }

    /// The period of the quarter-hour `quarter` (0–95) of a day of `month` on ISO `weekday`.
    public func periodIndex(month: Int, weekday: Int, quarter: Int) -> Int {
        Int(schedule[((month - 1) * 7 + (weekday - 1)) * Tariff.quartersPerDay + quarter])
    }

    /// The index of the off-peak period, if the tariff has exactly one.
    public var offPeakPeriodIndex: Int? {
        let indices = periods.indices.filter { periods[$0].offPeak }
        return indices.count == 1 ? indices[0] : nil
    }

    /// The fixed charge for `subscribedKVA` (the exact level, else the nearest above).
    public func fixedCharge(subscribedKVA: Double?) -> FixedCharge? {
        if fixedCharges.count == 1, fixedCharges[0].subscribedKVA == nil { return fixedCharges[0] }
        guard let kva = subscribedKVA else { return nil }
        return fixedCharges.filter { ($0.subscribedKVA ?? 0) >= kva - 1e-9 }.min { ($0.subscribedKVA ?? 0) < ($1.subscribedKVA ?? 0) }
    }

    /// The subscribed power levels offered, kVA.
    public var subscribedKVALevels: [Double] { fixedCharges.compactMap(\.subscribedKVA).sorted() }
}

// MARK: - Resolution

extension Tariff {
    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The largest fixed charge (subscription, standing charge, tank rental) a household offer
    /// can have, € a year: the 36 kVA EDF subscription is about 600 €.
    public static let largestFixedChargeEURPerYear = 10_000.0

    /// Checks `spec` and builds the tariff, or returns every issue found (with `file`).
    public static func resolve(_ spec: TariffSpec, file: String?) -> (tariff: Tariff?, issues: [InputIssue]) {
        var issues: [InputIssue] = []
        func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        func required<T>(_ value: T?, _ path: String, expected: String) -> T? {
            if value == nil { error(path, nil, "missing", expected: expected) }
            return value
        }
        if let format = required(spec.format, "format", expected: "\"foyer-tariff-1\""), format != "foyer-tariff-1" {
            error("format", "\"\(format)\"", "unknown tariff format", expected: "\"foyer-tariff-1\"")
        }
        let offer = required(spec.offer, "offer", expected: "an offer id such as \"fr-edf-bleu-base\"")
        if let offer, offer.isEmpty || offer.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "-") }) {
            error("offer", "\"\(offer)\"", "an offer id is lowercase letters, digits and hyphens", expected: "e.g. \"fr-edf-bleu-base\"")
        }
        let energy = required(spec.energy, "energy", expected: Energy.allowedNames.joined(separator: ", "))
        let country = required(spec.country, "country", expected: "\"FR\" or \"BE\"")
        if let country, !["FR", "BE"].contains(country.uppercased()) {
            error("country", "\"\(country)\"", "not a country Foyer prices", expected: "\"FR\" or \"BE\"")
        } else if let country, let offer, let prefix = offer.split(separator: "-").first, ["fr", "be"].contains(prefix), prefix != country.lowercased() {
            error("country", "\"\(country)\"", "the offer id \(offer) names another country", expected: "\"\(prefix.uppercased())\", or an offer id starting with \(country.lowercased())-")
        }
        let validFromText = required(spec.validFrom, "valid_from", expected: "a date YYYY-MM-DD")
        let validFrom = validFromText.flatMap { text -> CivilDate? in
            guard let date = CivilDate(iso: text), (2000...2100).contains(date.year) else {
                error("valid_from", "\"\(text)\"", "not a date of a tariff", expected: "YYYY-MM-DD between 2000 and 2100"); return nil
            }
            return date
        }
        var validTo: CivilDate?
        if let text = spec.validTo {
            validTo = CivilDate(iso: text).flatMap { (2000...2100).contains($0.year) ? $0 : nil }
            if validTo == nil { error("valid_to", "\"\(text)\"", "not a date of a tariff", expected: "YYYY-MM-DD between 2000 and 2100 (last day, inclusive)") }
        }
        if let validFrom, let validTo, validTo < validFrom {
            error("valid_to", validTo.description, "ends before valid_from (\(validFrom))", expected: "a date on or after valid_from")
        }
        if (spec.sources ?? []).isEmpty {
            error("sources", nil, "a tariff must cite where its prices come from", expected: "a list of sources (publisher, document, date)")
        }
        let meter: MeterKind
        if energy == .electricity {
            meter = required(spec.meter, "meter", expected: MeterKind.allowedNames.joined(separator: ", ")) ?? .single
        } else {
            if let given = spec.meter { error("meter", given.rawValue, "only electricity tariffs name a meter") }
            meter = .single
        }
        // Whether VAT is added is a 20 % question: it is never assumed.
        let includeVAT = required(spec.pricesIncludeVat, "prices_include_vat", expected: "true (prices as on the price sheet, VAT included) or false") ?? true
        func rate(_ value: Double?, _ path: String) -> Double? {
            guard let value else { return nil }
            if !(0...0.5).contains(value) { error(path, NumberText.short(value), "out of range", expected: "a VAT rate 0…0.5 (0.20 for 20 %)") }
            return value
        }
        let common = rate(spec.vatRate, "vat_rate")
        let vatFixed = rate(spec.vatRateFixed, "vat_rate_fixed") ?? common
        let vatEnergy = rate(spec.vatRateEnergy, "vat_rate_energy") ?? common
        if spec.vatRate != nil, spec.vatRateFixed != nil || spec.vatRateEnergy != nil {
            error("vat_rate", spec.vatRate.map { NumberText.short($0) }, "given with vat_rate_fixed or vat_rate_energy: which rate applies is ambiguous",
                  expected: "either vat_rate, or vat_rate_fixed and vat_rate_energy")
        }
        if vatFixed == nil || vatEnergy == nil {
            error("vat_rate", nil, "missing", expected: "the VAT rate (or vat_rate_fixed and vat_rate_energy)")
        }

        // Periods and their hours.
        var periods: [Period] = []
        var schedule = [UInt8](repeating: UInt8.max, count: 12 * 7 * quartersPerDay)
        var owner = [Int](repeating: -1, count: schedule.count)  // which hours entry set the slot (for messages)
        var reportedOverlaps = Set<[Int]>()
        if let specs = spec.periods, !specs.isEmpty {
            var seen: [String: Int] = [:]
            for (index, period) in specs.enumerated() {
                let p = "periods[\(index)]"
                let id = required(period.id, p + ".id", expected: "a short id such as \"hp\"") ?? "#\(index)"
                if let first = seen[id] { error(p + ".id", "\"\(id)\"", "duplicate period id, already periods[\(first)]") }
                seen[id] = index
                periods.append(Period(id: id, name: period.name ?? id, offPeak: period.offPeak ?? false, supplied: period.supply ?? true))
                if period.supply == false, period.offPeak == true {
                    error(p + ".supply", "false", "an off-peak period without supply", expected: "off_peak periods are supplied")
                }
                guard let hours = required(period.hours, p + ".hours", expected: "a list of {days, from, to}") else { continue }
                for (h, entry) in hours.enumerated() {
                    let hp = p + ".hours[\(h)]"
                    guard let days = weekdays(entry.days, at: hp + ".days", error: error),
                          let from = clockQuarter(entry.from, at: hp + ".from", allow24: false, error: error),
                          let to = clockQuarter(entry.to, at: hp + ".to", allow24: true, error: error) else { continue }
                    let months = entry.months ?? Array(1...12)
                    if let bad = months.first(where: { !(1...12).contains($0) }) {
                        error(hp + ".months", String(bad), "not a month", expected: "1…12"); continue
                    }
                    if from == to { error(hp, "\(entry.from ?? "") – \(entry.to ?? "")", "an empty window", expected: "from ≠ to"); continue }
                    // Quarters of the window, on the day it starts (a window past midnight runs
                    // into the next day's first hours, which belong to the next weekday).
                    var quarters: [(dayShift: Int, quarter: Int)] = []
                    if from < to {
                        quarters = (from..<to).map { (0, $0) }
                    } else {
                        quarters = (from..<quartersPerDay).map { (0, $0) } + (0..<to).map { (1, $0) }
                    }
                    let tag = index * 1000 + h
                    for month in months {
                        for day in days {
                            for (shift, quarter) in quarters {
                                let weekday = (day - 1 + shift) % 7 + 1
                                // A window that runs past midnight on the last day of a month
                                // stays with that month's table (a seasonal edge of hours).
                                let slot = ((month - 1) * 7 + (weekday - 1)) * quartersPerDay + quarter
                                if owner[slot] >= 0, owner[slot] != tag {
                                    let other = owner[slot]
                                    if reportedOverlaps.insert([other, tag]).inserted {
                                        error(hp, "\(entry.from ?? "") – \(entry.to ?? "")",
                                              "overlaps periods[\(other / 1000)].hours[\(other % 1000)] on \(dayNames[weekday - 1]) \(clockText(quarter)) (month \(month))",
                                              expected: "each quarter-hour of the week in exactly one period")
                                    }
                                    continue
                                }
                                owner[slot] = tag
                                schedule[slot] = UInt8(index)
                            }
                        }
                    }
                }
            }
            if !issues.hasErrors, let hole = schedule.firstIndex(of: UInt8.max) {
                let month = hole / (7 * quartersPerDay) + 1, weekday = (hole / quartersPerDay) % 7, quarter = hole % quartersPerDay
                let missing = schedule.count(where: { $0 == UInt8.max })
                error("periods", nil,
                      "no period covers \(dayNames[weekday]) \(clockText(quarter)) in month \(month) (\(missing / 4) hours of the year's weekly tables uncovered)",
                      expected: "the hours of all periods together cover every quarter-hour of every day exactly once")
            }
        } else {
            if meter != .single {
                error("periods", spec.periods == nil ? nil : "[]", "missing: the \(meter.rawValue) meter needs its periods", expected: "a list of {id, off_peak, hours}")
            }
            periods = [Period(id: "all", name: "all hours", offPeak: false)]
            schedule = [UInt8](repeating: 0, count: schedule.count)
        }
        if !periods.isEmpty, periods.allSatisfy({ !$0.supplied }) {
            error("periods", nil, "no period is supplied", expected: "at least one period without \"supply\": false")
        }
        if meter == .peakOffPeak || meter == .dayColour, periods.count < 2, spec.periods?.isEmpty == false {
            error("periods", "\(periods.count) period", "a \(meter.rawValue) tariff has peak hours and off-peak hours", expected: "a peak period and an off-peak period")
        } else if meter == .peakOffPeak || meter == .dayColour, periods.filter(\.offPeak).count != 1 {
            error("periods", nil, "a \(meter.rawValue) tariff has exactly one off-peak period", expected: "one period with \"off_peak\": true")
        }
        if meter == .timeOfUse, periods.count < 2 {
            error("periods", "\(periods.count) period", "a time_of_use tariff has several bands", expected: "two periods or more")
        }
        if spec.householdOffPeakHours == true, periods.count != 2 || periods.filter(\.offPeak).count != 1 {
            error("household_off_peak_hours", "true", "the household's off-peak hours can only replace those of a two-period (peak, off-peak) tariff")
        }

        // Day colours.
        var colourRule: ColourRule?
        if meter == .dayColour {
            if let rule = required(spec.dayColours, "day_colours", expected: "{\"rule\": \"tempo\", \"red_days\": 22, \"white_days\": 43, …}") {
                if rule.rule != "tempo" { error("day_colours.rule", rule.rule.map { "\"\($0)\"" }, "unknown day-colour rule", expected: "\"tempo\"") }
                let start = clockQuarter(rule.dayStartsAt ?? "06:00", at: "day_colours.day_starts_at", allow24: false, error: error) ?? 24
                let red = rule.redDays ?? 22, white = rule.whiteDays ?? 43
                if !(0...366).contains(red) { error("day_colours.red_days", String(red), "not a number of days in a year", expected: "0…366") }
                if !(0...366).contains(white) { error("day_colours.white_days", String(white), "not a number of days in a year", expected: "0…366") }
                if (0...366).contains(red), (0...366).contains(white), red + white > 366 {
                    error("day_colours", "\(red) + \(white)", "more coloured days than a year has", expected: "red_days + white_days ≤ 366")
                }
                for month in rule.redMonths ?? [] where !(1...12).contains(month) {
                    error("day_colours.red_months", String(month), "not a month", expected: "1…12")
                }
                // Red days fall in the red months, on weekdays unless red_on_weekends (the Tempo
                // rule as EDF's price sheet states it: 22 red days, Monday to Friday, from
                // 1 November to 31 March). A month of d days has at most ⌊5d/7⌋ + 1 weekdays.
                let redMonths = Set((rule.redMonths ?? [11, 12, 1, 2, 3]).filter { (1...12).contains($0) })
                if rule.redMonths?.isEmpty == true, red > 0 {
                    error("day_colours.red_months", "[]", "\(red) red days but no month to put them in", expected: "the months red days may fall in, e.g. [11, 12, 1, 2, 3]")
                } else if (0...366).contains(red), !redMonths.isEmpty {
                    let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                    let room = redMonths.reduce(0) { $0 + (rule.redOnWeekends ?? false ? monthDays[$1 - 1] : monthDays[$1 - 1] * 5 / 7 + 1) }
                    if red > room {
                        error("day_colours.red_days", String(red), "more red days than the red months have\(rule.redOnWeekends ?? false ? "" : " weekdays")",
                              expected: "at most \(room) in months \(redMonths.sorted().map(String.init).joined(separator: ", "))")
                    }
                }
                colourRule = ColourRule(redDays: red, whiteDays: white, dayStartMinute: start * 15,
                                        redMonths: Set(rule.redMonths ?? [11, 12, 1, 2, 3]),
                                        redOnWeekends: rule.redOnWeekends ?? false, whiteOnSundays: rule.whiteOnSundays ?? false)
            }
        } else if spec.dayColours != nil {
            error("day_colours", nil, "only a day_colour tariff has day colours", expected: "\"meter\": \"day_colour\"")
        }

        // Prices.
        let colours = meter == .dayColour ? DayColour.allCases.count : 1
        var prices = [[Double]](repeating: [Double](repeating: .nan, count: colours), count: periods.count)
        var powerPrices: [PowerPrice] = []
        var bands: [Band] = []
        if let bandSpecs = spec.bands, bandSpecs.isEmpty {
            error("bands", "[]", "an empty list of bands", expected: "at least one {fixed_eur_per_year, eur_per_kwh}, the last open-ended; or energy_prices")
        } else if let bandSpecs = spec.bands {
            if spec.energyPrices != nil { error("energy_prices", nil, "a banded tariff gives its prices in bands", expected: "either bands or energy_prices") }
            var previous = 0.0
            for (index, band) in bandSpecs.enumerated() {
                let p = "bands[\(index)]"
                let fixed = required(band.fixedEurPerYear, p + ".fixed_eur_per_year", expected: "€ per year")
                let price = required(band.eurPerKWh, p + ".eur_per_kwh", expected: "€ per kWh")
                if let fixed, !(fixed >= 0 && fixed <= Self.largestFixedChargeEURPerYear) {
                    error(p + ".fixed_eur_per_year", NumberText.short(fixed), "implausible fixed charge", expected: "0…\(NumberText.short(Self.largestFixedChargeEURPerYear)) € per year")
                }
                if let price, !(price >= 0 && price < 10) { error(p + ".eur_per_kwh", NumberText.short(price, maxDecimals: 6), "implausible price", expected: "0 ≤ €/kWh < 10") }
                if let max = band.maxKWhPerYear {
                    if !(max > 0 && max <= 1e9) { error(p + ".max_kwh_per_year", NumberText.short(max), "out of range", expected: "0 < kWh/yr ≤ 1e9") }
                    if max <= previous { error(p + ".max_kwh_per_year", NumberText.short(max), "bands must rise", expected: "more than \(NumberText.short(previous))") }
                    previous = max
                } else if index != bandSpecs.count - 1 {
                    error(p + ".max_kwh_per_year", nil, "only the last band is open-ended", expected: "an upper bound, kWh/yr")
                }
                if let fixed, let price { bands.append(Band(maxKWhPerYear: band.maxKWhPerYear, fixedEurPerYear: fixed, eurPerKWh: price)) }
            }
            if bandSpecs.last?.maxKWhPerYear != nil { error("bands", nil, "the last band must be open-ended", expected: "no max_kwh_per_year on the last band") }
        } else if let entries = required(spec.energyPrices, "energy_prices", expected: "a list of {period, eur_per_kwh}, or bands") {
            for (index, entry) in entries.enumerated() {
                let p = "energy_prices[\(index)]"
                var periodIndex = 0
                if periods.count > 1 || entry.period != nil {
                    guard let id = required(entry.period, p + ".period", expected: periods.map(\.id).joined(separator: ", ")) else { continue }
                    guard let found = periods.firstIndex(where: { $0.id == id }) else {
                        error(p + ".period", "\"\(id)\"", "no such period", expected: periods.map(\.id).joined(separator: ", ")); continue
                    }
                    periodIndex = found
                }
                var colourIndex = 0
                if meter == .dayColour {
                    guard let colour = required(entry.colour, p + ".colour", expected: "blue, white, red") else { continue }
                    colourIndex = DayColour.allCases.firstIndex(of: colour) ?? 0
                } else if let colour = entry.colour {
                    error(p + ".colour", colour.rawValue, "only a day_colour tariff has colours"); continue
                }
                var perKWh: Double?
                if let value = entry.eurPerKWh {
                    perKWh = value
                    if entry.eurPerUnit != nil { error(p, nil, "both eur_per_kwh and eur_per_unit", expected: "one of them") }
                } else if let value = entry.eurPerUnit {
                    let unit = entry.unit ?? .kwh
                    if let energy, let content = unit.kWhPCI(of: energy) {
                        perKWh = value / content
                    } else if energy != nil {
                        error(p + ".unit", unit.rawValue, "\(energy?.rawValue ?? "") is not sold in this unit",
                              expected: PriceUnit.allCases.filter { energy.flatMap($0.kWhPCI(of:)) != nil }.map(\.rawValue).joined(separator: ", "))
                    }
                } else {
                    error(p, nil, "no price", expected: "eur_per_kwh, or eur_per_unit with unit")
                }
                guard let perKWh else { continue }
                if !(perKWh >= 0 && perKWh < 10) {
                    error(entry.eurPerKWh != nil ? p + ".eur_per_kwh" : p + ".eur_per_unit", NumberText.short(entry.eurPerKWh ?? entry.eurPerUnit ?? perKWh, maxDecimals: 6),
                          "implausible price", expected: "0 ≤ €/kWh < 10")
                }
                if !periods[periodIndex].supplied {
                    error(p + ".period", "\"\(periods[periodIndex].id)\"", "a period without supply has no price", expected: "a supplied period"); continue
                }
                if let kva = entry.minSubscribedKVA {
                    if !(kva >= 1 && kva <= 250) { error(p + ".min_subscribed_kva", NumberText.short(kva), "out of range", expected: "1…250 kVA"); continue }
                    if powerPrices.contains(where: { $0.period == periodIndex && $0.colour == colourIndex && $0.minSubscribedKVA == kva }) {
                        error(p, nil, "a second price for period \(periods[periodIndex].id) from \(kva) kVA")
                    }
                    powerPrices.append(PowerPrice(minSubscribedKVA: kva, period: periodIndex, colour: colourIndex, eurPerKWh: perKWh))
                    continue
                }
                if !prices[periodIndex][colourIndex].isNaN {
                    error(p, nil, "a second price for period \(periods[periodIndex].id)\(meter == .dayColour ? " and colour \(DayColour.allCases[colourIndex].rawValue)" : "")")
                }
                prices[periodIndex][colourIndex] = perKWh
            }
            for (periodIndex, row) in prices.enumerated() where periods[periodIndex].supplied {
                for (colourIndex, value) in row.enumerated() where value.isNaN {
                    let colour = meter == .dayColour ? " and colour \(DayColour.allCases[colourIndex].rawValue)" : ""
                    error("energy_prices", nil, "no price for period \(periods[periodIndex].id)\(colour)", expected: "one price per period\(meter == .dayColour ? " and colour" : "")")
                }
            }
        }

        // Fixed charges.
        var fixedCharges: [FixedCharge] = []
        if bands.isEmpty {
            for (index, charge) in (required(spec.fixedCharges, "fixed_charges", expected: "a list of {subscribed_kva, eur_per_year}") ?? []).enumerated() {
                let p = "fixed_charges[\(index)]"
                guard let amount = required(charge.eurPerYear, p + ".eur_per_year", expected: "€ per year") else { continue }
                if !(amount >= 0 && amount <= Self.largestFixedChargeEURPerYear) {
                    error(p + ".eur_per_year", NumberText.short(amount), amount < 0 ? "negative" : "implausible fixed charge",
                          expected: "0…\(NumberText.short(Self.largestFixedChargeEURPerYear)) € per year")
                }
                if let kva = charge.subscribedKVA, !(kva >= 1 && kva <= 250) {
                    error(p + ".subscribed_kva", NumberText.short(kva), "out of range", expected: "1…250 kVA")
                } else if let kva = charge.subscribedKVA, country?.uppercased() == "FR", energy == .electricity,
                          !FrenchSubscribedPower.levelsKVA.contains(where: { abs($0 - kva) < 1e-9 }) {
                    error(p + ".subscribed_kva", NumberText.short(kva), "not a subscribed power sold in France",
                          expected: FrenchSubscribedPower.levelsKVA.map { NumberText.short($0) }.joined(separator: ", ") + " kVA")
                }
                fixedCharges.append(FixedCharge(subscribedKVA: charge.subscribedKVA, eurPerYear: amount))
            }
            let levels = fixedCharges.compactMap(\.subscribedKVA)
            if levels.count != fixedCharges.count, fixedCharges.count > 1 {
                error("fixed_charges", nil, "several fixed charges must each name their subscribed_kva")
            }
            if Set(levels).count != levels.count { error("fixed_charges", nil, "a subscribed power is listed twice") }
            if country?.uppercased() == "FR", energy == .electricity, !fixedCharges.isEmpty, levels.isEmpty {
                issues.append(InputIssue(.warning, file: file, path: "fixed_charges", value: nil,
                                         message: "a French electricity subscription depends on the subscribed power; this one charges every power alike",
                                         expected: "one {subscribed_kva, eur_per_year} per level sold"))
            }
            if fixedCharges.isEmpty, spec.fixedCharges != nil { error("fixed_charges", "[]", "no fixed charge", expected: "at least one {eur_per_year} (0 if the offer has none)") }
        }

        // The highest energy price before VAT: a tax included in the prices cannot exceed it.
        let pricesBeforeVAT = (prices.flatMap { $0 }.filter { !$0.isNaN } + powerPrices.map(\.eurPerKWh) + bands.map(\.eurPerKWh))
            .map { includeVAT ? $0 / (1 + (vatEnergy ?? 0)) : $0 }
        var taxes: [Tax] = []
        var taxIDs: [String: Int] = [:]
        for (index, tax) in (spec.taxes ?? []).enumerated() {
            let p = "taxes[\(index)]"
            guard let id = required(tax.id, p + ".id", expected: "a short id") else { continue }
            if let first = taxIDs[id] {
                error(p + ".id", "\"\(id)\"", "duplicate tax id, already taxes[\(first)]", expected: "each tax once")
            } else {
                taxIDs[id] = index
            }
            if let perKWh = tax.eurPerKWh, perKWh >= 0, perKWh < 1, let highest = pricesBeforeVAT.max(), perKWh > highest + 1e-9 {
                error(p + ".eur_per_kwh", NumberText.short(perKWh, maxDecimals: 6), "a tax included in the prices exceeds every energy price",
                      expected: "at most \(NumberText.short(highest, maxDecimals: 6)) €/kWh (the highest price before VAT)")
            }
            if (tax.eurPerKWh == nil) == (tax.shareOfFixed == nil) {
                error(p, nil, "a tax is either per kWh or a share of the fixed charge", expected: "eur_per_kwh or share_of_fixed")
            }
            if let perKWh = tax.eurPerKWh, !(perKWh >= 0 && perKWh < 1) {
                error(p + ".eur_per_kwh", NumberText.short(perKWh, maxDecimals: 6), "implausible tax", expected: "0 ≤ €/kWh < 1")
            }
            if let share = tax.shareOfFixed, !(share >= 0 && share <= 1) {
                error(p + ".share_of_fixed", NumberText.short(share), "a share lies between 0 and 1", expected: "0…1")
            }
            taxes.append(Tax(id: id, name: tax.name ?? id, eurPerKWh: tax.eurPerKWh, shareOfFixed: tax.shareOfFixed))
        }

        guard !issues.hasErrors, let offer, let energy, let country, let validFrom, let vatFixed, let vatEnergy else {
            return (nil, issues)
        }
        let tariff = Tariff(
            offer: offer, name: spec.name ?? offer, supplier: spec.supplier ?? "", country: country.uppercased(), region: spec.region,
            energy: energy, meter: meter, eligibility: spec.eligibility ?? .everyone, validFrom: validFrom, validTo: validTo,
            pricesIncludeVAT: includeVAT, vatRateFixed: vatFixed, vatRateEnergy: vatEnergy, sources: spec.sources ?? [],
            notes: spec.notes, file: file, fixedCharges: fixedCharges, periods: periods, schedule: schedule,
            householdOffPeakHours: spec.householdOffPeakHours ?? false, publicHolidaysAsSunday: spec.publicHolidaysAsSunday ?? false,
            colourRule: colourRule, prices: prices, powerPrices: powerPrices, bands: bands, taxes: taxes)
        var composed = tariff
        composed.distributionOperator = spec.distributionOperator
        if spec.distributionOperator != nil, (spec.country ?? "").uppercased() != "BE" {
            error("distribution_operator", spec.distributionOperator.map { "\"\($0.rawValue)\"" }, "only Belgian (Walloon) offers include a network operator's tariff", expected: "no distribution_operator, or country BE")
            return (nil, issues)
        }
        return (composed, issues)
    }

    /// `"HH:MM"` → quarter-hour of the day (0–96); minutes must be a multiple of 15.
    static func clockQuarter(_ text: String?, at path: String, allow24: Bool, error: (String, String?, String, String?) -> Void) -> Int? {
        guard let text else { error(path, nil, "missing", "a clock time HH:MM"); return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0..<60).contains(m), h < 24 || (allow24 && m == 0) else {
            error(path, "\"\(text)\"", "not a clock time", allow24 ? "HH:MM from 00:00 to 24:00" : "HH:MM from 00:00 to 23:45")
            return nil
        }
        guard m % 15 == 0 else { error(path, "\"\(text)\"", "hours are resolved to the quarter-hour", "minutes 00, 15, 30 or 45"); return nil }
        return h * 4 + m / 15
    }

    /// `days` → ISO weekdays.
    static func weekdays(_ days: DaysSpec?, at path: String, error: (String, String?, String, String?) -> Void) -> [Int]? {
        switch days ?? .keyword("all") {
        case let .keyword(word):
            switch word {
            case "all": return Array(1...7)
            case "weekdays": return Array(1...5)
            case "weekends": return [6, 7]
            default:
                if let index = dayNames.firstIndex(of: word) { return [index + 1] }
                error(path, "\"\(word)\"", "unknown days", "all, weekdays, weekends, or a list of " + dayNames.joined(separator: ", "))
                return nil
            }
        case let .list(names):
            if names.isEmpty {
                error(path, "[]", "an empty list of days", "all, weekdays, weekends, or a list of " + dayNames.joined(separator: ", ")); return nil
            }
            var result: [Int] = []
            for name in names {
                guard let index = dayNames.firstIndex(of: name) else {
                    error(path, "\"\(name)\"", "unknown day", dayNames.joined(separator: ", ")); return nil
                }
                result.append(index + 1)
            }
            return result
        }
    }

    static func clockText(_ quarter: Int) -> String {
        let h = quarter / 4, m = (quarter % 4) * 15
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
