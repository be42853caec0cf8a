import Foundation
import FoyerCore
import FoyerEnergy
import FoyerTariffs

/// What a bill needs besides the consumption and the offer.
public struct BillingOptions: Sendable {
    /// Subscribed power, kVA (electricity offers priced by kVA).
    public var subscribedKVA: Double?
    /// The household's own off-peak hours (they differ by meter), replacing the offer's default
    /// hours on offers that say so (French HP/HC).
    public var offPeakHours: [ClockWindow]?
    /// Day colours for day-colour offers.
    public var colours: DayColourCalendar
    /// Price every interval at the version in force on this day (a "what would it cost at
    /// today's prices" bill). `nil`: each interval at the version in force when it was drawn.
    public var pricesOn: CivilDate?

    public init(subscribedKVA: Double? = nil, offPeakHours: [ClockWindow]? = nil,
                colours: DayColourCalendar = DayColourCalendar(), pricesOn: CivilDate? = nil) {
        self.subscribedKVA = subscribedKVA
        self.offPeakHours = offPeakHours
        self.colours = colours
        self.pricesOn = pricesOn
    }
}

/// A bill: lines per month and for the whole span, every amount in euros.
///
/// The lines add up to the total: standing charge, energy by period (and colour), each tax and
/// VAT. Published prices include the taxes, so the energy and standing-charge lines are what
/// remains once the included taxes and VAT are taken out (a French bill prints them the same
/// way: "prix unitaire HT", accise, TVA).
public struct Bill: Sendable, Encodable {
    public enum LineKind: String, Sendable, Encodable {
        case fixedCharge = "fixed_charge"
        case energy
        case tax
        case vat
    }

    public struct Line: Sendable, Encodable, Equatable {
        public var kind: LineKind
        public var label: String
        /// Energy on the line, kWh (energy and per-kWh tax lines).
        public var kWh: Double?
        /// € per kWh excluding VAT (energy and per-kWh tax lines).
        public var unitPriceEUR: Double?
        public var amountEUR: Double

        enum CodingKeys: String, CodingKey {
            case kind, label, kWh = "kwh", unitPriceEUR = "unit_price_eur", amountEUR = "amount_eur"
        }
    }

    public struct Month: Sendable, Encodable {
        public var year: Int
        public var month: Int
        public var kWh: Double
        public var lines: [Line]
        public var totalEUR: Double
        enum CodingKeys: String, CodingKey {
            case year, month, kWh = "kwh", lines, totalEUR = "total_eur"
        }
    }

    public var offer: String
    public var name: String
    public var energy: Energy
    public var meter: MeterKind
    /// The tariff versions used (`offer@valid_from`).
    public var tariffVersions: [String]
    public var subscribedKVA: Double?
    public var from: CivilDate
    public var to: CivilDate
    public var kWh: Double
    /// kWh by period label (and colour).
    public var kWhByPeriod: [String: Double]
    public var months: [Month]
    /// The lines of the whole span (months' lines summed by label and unit price).
    public var lines: [Line]
    public var totalEUR: Double
    /// How the bill was made (band chosen, colour rule, off-peak hours used).
    public var notes: [String]
    /// Corrections made to the consumption data on the way in.
    public var corrections: [InputIssue]

    enum CodingKeys: String, CodingKey {
        case offer, name, energy, meter, tariffVersions = "tariff_versions", subscribedKVA = "subscribed_kva"
        case from, to, kWh = "kwh", kWhByPeriod = "kwh_by_period", months, lines, totalEUR = "total_eur", notes, corrections
    }
}

/// Computes bills from a load curve and an offer.
public enum BillEngine {
    /// The bill of `curve` under `offer`.
    ///
    /// Errors: unknown offer (with the known ones), consumption on days no version of the offer
    /// covers, a subscribed power the offer does not sell, off-peak hours on an offer without
    /// off-peak period.
    public static func bill(_ curve: LoadCurve, offer: String, library: TariffLibrary, options: BillingOptions) throws(InputError) -> Bill {
        let versions = library.versions(of: offer)
        guard !versions.isEmpty else { throw InputError(library.unknownOffer(offer, path: "tariff")) }
        guard let range = curve.dateRange else {
            throw InputError(InputIssue(.error, file: curve.origin, path: "", message: "no consumption to bill"))
        }
        // The version in force on each day (index: day − first day; −1 where none is).
        let firstDay = range.lowerBound.dayNumber
        let dayCount = range.upperBound.dayNumber - firstDay + 1
        var versionOfDay = [Int](repeating: -1, count: dayCount)
        var uncovered: [CivilDate] = []
        var lastVersion: Int?
        for offset in 0..<dayCount {
            let day = CivilDate(dayNumber: firstDay + offset)
            let priceDay = options.pricesOn ?? day
            // Most spans lie within one version: try the last day's first.
            if let lastVersion, versions[lastVersion].isValid(on: priceDay) {
                versionOfDay[offset] = lastVersion
            } else if let index = versions.firstIndex(where: { $0.isValid(on: priceDay) }) {
                versionOfDay[offset] = index
                lastVersion = index
            } else {
                uncovered.append(priceDay)
            }
        }
        if let first = uncovered.first, let last = uncovered.last {
            let known = versions.map(\.validityText).joined(separator: "; ")
            // An indexed offer says which index month is missing rather than leaving a bare gap.
            var reasons: [String] = []
            for day in uncovered {
                let month = "\(day.year)-" + (day.month < 10 ? "0" : "") + "\(day.month)"
                if let reason = versions.lazy.compactMap({ $0.unpricedMonths[month] }).first, !reasons.contains(reason) { reasons.append(reason) }
            }
            throw InputError(InputIssue(.error, path: options.pricesOn == nil ? "consumption dates" : "prices on", value: first == last ? "\(first)" : "\(first) … \(last)",
                                        message: "no version of \(offer) is in force on \(uncovered.count) of these days" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")),
                                        expected: "dates within the offer's validity: \(known)"))
        }
        let used = Array(Set(versionOfDay.filter { $0 >= 0 })).sorted()
        let reference = versions[used[0]]
        var notes: [String] = []

        // Subscribed power.
        if reference.energy == .electricity, !reference.subscribedKVALevels.isEmpty {
            guard let kva = options.subscribedKVA else {
                throw InputError(InputIssue(.error, path: "subscribed_kva", message: "\(offer) is priced by subscribed power",
                                            expected: reference.subscribedKVALevels.map { format($0) }.joined(separator: ", ") + " kVA"))
            }
            // A meter is subscribed at one of the offer's levels: 7 kVA is a typing slip, not a
            // contract, and billing it at the next level up would hide the slip.
            for index in used where !versions[index].subscribedKVALevels.contains(where: { abs($0 - kva) < 1e-6 }) {
                throw InputError(InputIssue(.error, path: "subscribed_kva", value: format(kva), message: "\(versions[index].id) does not sell \(format(kva)) kVA",
                                            expected: versions[index].subscribedKVALevels.map { format($0) }.joined(separator: ", ") + " kVA"))
            }
        }
        // Household off-peak hours.
        var offPeakQuarters: [Bool]?
        if let windows = options.offPeakHours, !windows.isEmpty, reference.householdOffPeakHours {
            offPeakQuarters = (0..<96).map { q in windows.contains { $0.contains(minuteOfDay: q * 15) } }
            notes.append("off-peak hours of the meter: " + windows.map(\.description).joined(separator: ", "))
        } else if reference.householdOffPeakHours, let offPeak = reference.offPeakPeriodIndex {
            let hours = (0..<96).filter { reference.periodIndex(month: 1, weekday: 1, quarter: $0) == offPeak }.count / 4
            notes.append("off-peak hours: the offer's default (\(hours) h a day); give the meter's own hours if they differ")
        }
        // Day colours.
        var colourOfDay: [CivilDate: DayColour] = [:]
        if let rule = reference.colourRule {
            let extended = range.lowerBound.adding(days: -1)...range.upperBound
            colourOfDay = options.colours.colours(for: extended, rule: rule, country: reference.country)
            let counted = Dictionary(grouping: range.lowerBound.dayNumber...range.upperBound.dayNumber) { colourOfDay[CivilDate(dayNumber: $0)] ?? .blue }
            let source = options.colours.known.isEmpty ? "the offer's rule (\(rule.redDays) red, \(rule.whiteDays) white days a year on the coldest eligible days)" : "the given calendar, the rule elsewhere"
            notes.append("day colours from \(source): \(counted[.red]?.count ?? 0) red, \(counted[.white]?.count ?? 0) white, \(counted[.blue]?.count ?? 0) blue days billed")
        }

        // Accumulate energy by month, version, period and colour, in a flat table: what each
        // quarter-hour needs of its day (month, weekday, holiday, colour) is looked up once a day.
        let colourCount = reference.meter == .dayColour ? DayColour.allCases.count : 1
        let periodCount = versions.map(\.periods.count).max() ?? 1
        let firstMonth = range.lowerBound.year * 12 + range.lowerBound.month - 1
        let monthCount = range.upperBound.year * 12 + range.upperBound.month - firstMonth
        func slot(monthIndex: Int, version: Int, period: Int, colour: Int) -> Int {
            ((monthIndex * versions.count + version) * periodCount + period) * colourCount + colour
        }
        var energy = [Double](repeating: 0, count: monthCount * versions.count * periodCount * colourCount)
        var unsuppliedKWh = 0.0, firstUnsupplied: LocalDateTime?, unsuppliedPeriod = ""
        var holidayCache: [Int: Set<CivilDate>] = [:]
        func isHoliday(_ date: CivilDate) -> Bool {
            if holidayCache[date.year] == nil { holidayCache[date.year] = PublicHolidays.dates(country: reference.country, year: date.year) }
            return holidayCache[date.year]?.contains(date) ?? false
        }
        // What the quarter-hour loop needs of each version, taken out once and laid out flat (a
        // tariff is a large value: reading it whole 35 040 times a year was most of a bill's
        // time; a per-version value holding arrays or a set is retained and released at each
        // quarter). The off-peak period is −1 where there is none.
        let offPeakOf = versions.map { $0.offPeakPeriodIndex ?? -1 }
        let holidaysAsSundayOf = versions.map(\.publicHolidaysAsSunday)
        let hasColourRuleOf = versions.map { $0.colourRule != nil }
        let colourDayStartOf = versions.map { $0.colourRule?.dayStartMinute ?? 0 }
        var suppliedFlat: [Bool] = [], suppliedStartOf: [Int] = []
        var scheduleFlat: [UInt8] = [], scheduleStartOf: [Int] = []
        for version in versions {
            suppliedStartOf.append(suppliedFlat.count)
            suppliedFlat += version.periods.map(\.supplied)
            scheduleStartOf.append(scheduleFlat.count)
            scheduleFlat += version.periodSchedule
        }
        // Per day (index + 1: the day before the span too, for colour days that start in the morning).
        struct DayFacts { var month: Int; var monthIndex: Int; var weekday: Int; var holiday: Bool; var colour: Int }
        let needsHolidays = holidaysAsSundayOf.contains(true)
        var days: [DayFacts] = []
        days.reserveCapacity(dayCount + 1)
        for offset in -1..<dayCount {
            let date = CivilDate(dayNumber: firstDay + offset)
            let colour = DayColour.allCases.firstIndex(of: colourOfDay[date] ?? .blue) ?? 0
            days.append(DayFacts(month: date.month, monthIndex: date.year * 12 + date.month - 1 - firstMonth, weekday: date.isoWeekday,
                                 holiday: needsHolidays && isHoliday(date), colour: colour))
        }
        // Consecutive quarters mostly fill the same slot: its running sum is kept in a register
        // and stored when the slot changes (the same additions in the same order).
        var openSlot = -1, openSum = 0.0
        let offPeakTable = offPeakQuarters ?? [], householdOffPeak = offPeakQuarters != nil
        for interval in curve.intervals where interval.kWh != 0 {
            let quarters = max(1, (interval.minutes + 14) / 15)
            let share = interval.kWh / Double(quarters)
            var minute = interval.start.minuteNumber
            for _ in 0..<quarters {
                let dayNumber = minute >= 0 ? minute / 1440 : (minute - 1439) / 1440
                let offset = dayNumber - firstDay
                let minuteOfDay = minute - dayNumber * 1440
                guard offset >= 0, offset < dayCount else { minute += 15; continue }
                let day = days[offset + 1]
                let version = versionOfDay[offset] >= 0 ? versionOfDay[offset] : used[0]
                let quarter = minuteOfDay / 15
                var period: Int
                let offPeak = offPeakOf[version]
                if householdOffPeak, offPeak >= 0 {
                    period = offPeakTable[quarter] ? offPeak : (offPeak == 0 ? 1 : 0)
                } else {
                    let weekday = holidaysAsSundayOf[version] && day.holiday ? 7 : day.weekday
                    period = Int(scheduleFlat[scheduleStartOf[version] + ((day.month - 1) * 7 + (weekday - 1)) * Tariff.quartersPerDay + quarter])
                }
                var colour = 0
                if hasColourRuleOf[version] {
                    colour = minuteOfDay < colourDayStartOf[version] ? days[offset].colour : day.colour
                }
                if !suppliedFlat[suppliedStartOf[version] + period], share > 0 {
                    unsuppliedKWh += share
                    if firstUnsupplied == nil { firstUnsupplied = LocalDateTime(minuteNumber: minute); unsuppliedPeriod = versions[version].periods[period].name }
                }
                let index = slot(monthIndex: day.monthIndex, version: version, period: period, colour: colour)
                if index != openSlot {
                    if openSlot >= 0 { energy[openSlot] = openSum }
                    openSlot = index
                    openSum = energy[index]
                }
                openSum += share
                minute += 15
            }
        }
        if openSlot >= 0 { energy[openSlot] = openSum }
        if let firstUnsupplied {
            throw InputError(InputIssue(.error, file: curve.origin, path: "consumption", value: String(format: "%.3f kWh from %@", unsuppliedKWh, "\(firstUnsupplied)"),
                                        message: "\(offer) supplies nothing in its period \"\(unsuppliedPeriod)\" (an exclusive-night meter is powered only in its night window), yet this consumption falls there",
                                        expected: "consumption only in the offer's supplied hours; bill day-time use on the main meter's offer"))
        }
        let totalKWh = curve.totalKWh

        // Consumption band (annualised consumption).
        var bandIndex: [Int: Int] = [:]
        if !reference.bands.isEmpty {
            let annual = totalKWh * 365 / Double(dayCount)
            for index in used {
                let bands = versions[index].bands
                bandIndex[index] = bands.firstIndex { ($0.maxKWhPerYear ?? .infinity) > annual } ?? bands.count - 1
            }
            if let band = bandIndex[used[0]] {
                let upper = reference.bands[band].maxKWhPerYear.map { "up to \(format($0)) kWh/yr" } ?? "above \(format(band > 0 ? reference.bands[band - 1].maxKWhPerYear ?? 0 : 0)) kWh/yr"
                notes.append("consumption band \(band + 1) (\(upper)) for \(format(annual)) kWh/yr")
            }
        }

        // Lines per month.
        var monthKeys: [(Int, Int)] = []
        var fixedByMonth: [String: [Int: Double]] = [:]  // "yyyy-mm" → version → € incl. VAT (or excl. when prices exclude VAT)
        for offset in 0..<dayCount {
            let day = CivilDate(dayNumber: firstDay + offset)
            let key = "\(day.year)-\(day.month)"
            if fixedByMonth[key] == nil { monthKeys.append((day.year, day.month)); fixedByMonth[key] = [:] }
            let version = versionOfDay[offset]
            guard version >= 0 else { continue }
            let tariff = versions[version]
            let perYear: Double
            if let band = bandIndex[version] {
                perYear = tariff.bands[band].fixedEurPerYear
            } else {
                perYear = tariff.fixedCharge(subscribedKVA: options.subscribedKVA)?.eurPerYear ?? 0
            }
            fixedByMonth[key, default: [:]][version, default: 0] += perYear / Double(CivilDate.isLeapYear(day.year) ? 366 : 365)
        }
        var months: [Bill.Month] = []
        var kWhByPeriod: [String: Double] = [:]
        for (year, month) in monthKeys {
            var lines: [Bill.Line] = []
            var vatLines: [Double: Double] = [:]
            var monthKWh = 0.0
            for version in used {
                let tariff = versions[version]
                // Fixed charge.
                if let fixed = fixedByMonth["\(year)-\(month)"]?[version], fixed > 0 {
                    let excluding = tariff.pricesIncludeVAT ? fixed / (1 + tariff.vatRateFixed) : fixed
                    var remaining = excluding
                    for tax in tariff.taxes {
                        guard let share = tax.shareOfFixed else { continue }
                        lines.append(Bill.Line(kind: .tax, label: tax.name, kWh: nil, unitPriceEUR: nil, amountEUR: excluding * share))
                        remaining -= excluding * share
                    }
                    let label: String
                    if let band = bandIndex[version] {
                        label = "Fixed charge (band \(band + 1))"
                    } else if let kva = options.subscribedKVA, tariff.fixedCharges.first?.subscribedKVA != nil {
                        label = "Subscription \(format(kva)) kVA"
                    } else {
                        label = "Fixed charge"
                    }
                    lines.append(Bill.Line(kind: .fixedCharge, label: label, kWh: nil, unitPriceEUR: nil, amountEUR: remaining))
                    vatLines[tariff.vatRateFixed, default: 0] += tariff.pricesIncludeVAT ? fixed - excluding : excluding * tariff.vatRateFixed
                }
                // Energy by period and colour.
                var taxKWh = 0.0
                for period in tariff.periods.indices {
                    for colour in 0..<colourCount {
                        let kWh = energy[slot(monthIndex: year * 12 + month - 1 - firstMonth, version: version, period: period, colour: colour)]
                        guard kWh != 0 else { continue }
                        let price = bandIndex[version].map { tariff.bands[$0].eurPerKWh } ?? tariff.price(period: period, colour: colour, subscribedKVA: options.subscribedKVA)
                        let gross = kWh * price
                        let excluding = tariff.pricesIncludeVAT ? gross / (1 + tariff.vatRateEnergy) : gross
                        let perKWhTaxes = tariff.taxes.compactMap(\.eurPerKWh).reduce(0, +)
                        let net = excluding - kWh * perKWhTaxes
                        var label = tariff.periods.count > 1 ? "Energy, \(tariff.periods[period].name)" : "Energy"
                        if colourCount > 1 { label += ", \(DayColour.allCases[colour].rawValue) days" }
                        lines.append(Bill.Line(kind: .energy, label: label, kWh: kWh, unitPriceEUR: net / kWh, amountEUR: net))
                        vatLines[tariff.vatRateEnergy, default: 0] += tariff.pricesIncludeVAT ? gross - excluding : excluding * tariff.vatRateEnergy
                        taxKWh += kWh
                        monthKWh += kWh
                        kWhByPeriod[label, default: 0] += kWh
                    }
                }
                for tax in tariff.taxes {
                    guard let rate = tax.eurPerKWh, taxKWh > 0 else { continue }
                    lines.append(Bill.Line(kind: .tax, label: tax.name, kWh: taxKWh, unitPriceEUR: rate, amountEUR: taxKWh * rate))
                }
            }
            for rate in vatLines.keys.sorted() {
                lines.append(Bill.Line(kind: .vat, label: "VAT \(format(rate * 100)) %", kWh: nil, unitPriceEUR: nil, amountEUR: vatLines[rate] ?? 0))
            }
            let total = lines.reduce(0) { $0 + $1.amountEUR }
            months.append(Bill.Month(year: year, month: month, kWh: monthKWh, lines: lines, totalEUR: total))
        }
        // The span's lines: same kind, label and unit price summed.
        var annual: [Bill.Line] = []
        for line in months.flatMap(\.lines) {
            let price = line.unitPriceEUR.map { ($0 * 1e6).rounded() }
            if let index = annual.firstIndex(where: { $0.kind == line.kind && $0.label == line.label && $0.unitPriceEUR.map { ($0 * 1e6).rounded() } == price }) {
                annual[index].amountEUR += line.amountEUR
                if let kWh = line.kWh { annual[index].kWh = (annual[index].kWh ?? 0) + kWh }
            } else {
                annual.append(line)
            }
        }
        if reference.energy == .naturalGas { notes.append("gas energy in kWh PCS (gross calorific value), as billed") }
        return Bill(
            offer: offer, name: reference.name, energy: reference.energy, meter: reference.meter,
            tariffVersions: used.map { versions[$0].id }, subscribedKVA: reference.subscribedKVALevels.isEmpty ? nil : options.subscribedKVA,
            from: range.lowerBound, to: range.upperBound, kWh: totalKWh, kWhByPeriod: kWhByPeriod, months: months,
            lines: annual, totalEUR: months.reduce(0) { $0 + $1.totalEUR }, notes: notes, corrections: curve.corrections)
    }

    static func format(_ value: Double) -> String {
        NumberText.short(value, maxDecimals: 2)
    }
}
