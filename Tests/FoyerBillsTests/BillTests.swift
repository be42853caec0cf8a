import Foundation
import Testing
@testable import FoyerBills
import FoyerCore
import FoyerEnergy
import FoyerTariffs

/// A year (or a span) of constant hourly consumption, laid on the calendar with summer time.
func constantYear(_ kWhPerHour: Double, year: Int) -> LoadCurve {
    LoadCurve.simulatedYear(hourlyKWh: [Double](repeating: kWhPerHour, count: 8760), year: year, origin: "test")
}

@Suite("Bills against hand calculations from the published price sheets")
struct BillTests {
    let library = TariffLibrary.load()

    @Test func shippedTariffsLoadWithoutIssues() {
        #expect(library.issues.isEmpty, "\(library.issues)")
        #expect(library.offers.contains("fr-edf-bleu-base"))
        #expect(library.offers.contains("be-social-electricity-bihoraire"))
    }

    /// EDF Tarif Bleu Base, CRE grid of 1 Aug 2025 (Tariffs/fr/edf-bleu-base/2025-08-01.json,
    /// CRE open dataset Option_Base.csv): 6 kVA 185.94 €/yr TTC, 0.1952 €/kWh TTC.
    /// 3 000 kWh over 2025 (0.342466 kWh every hour): 185.94 + 3 000 × 0.1952 = 771.54 €;
    /// at 9 kVA (233.70 €/yr): 233.70 + 585.60 = 819.30 €.
    @Test(arguments: [(6.0, 771.54), (9.0, 819.30)])
    func baseRateAtTwoPowers(kva: Double, expectedEUR: Double) throws {
        let curve = constantYear(3_000.0 / 8760, year: 2025)
        let bill = try BillEngine.bill(curve, offer: "fr-edf-bleu-base", library: library,
                                       options: BillingOptions(subscribedKVA: kva, pricesOn: CivilDate(2025, 8, 1)))
        #expect(abs(bill.kWh - 3_000) < 1e-6)
        #expect(abs(bill.totalEUR - expectedEUR) < 0.01, "total \(bill.totalEUR)")
        // The lines add up, and the accise line is 3 000 kWh × 0.02998 €/kWh = 89.94 €.
        #expect(abs(bill.lines.reduce(0) { $0 + $1.amountEUR } - bill.totalEUR) < 1e-6)
        let accise = try #require(bill.lines.first { $0.kind == .tax })
        #expect(abs(accise.amountEUR - 89.94) < 1e-6)
        // VAT at 20 % of everything: total/6.
        let vat = bill.lines.filter { $0.kind == .vat }.reduce(0) { $0 + $1.amountEUR }
        #expect(abs(vat - expectedEUR / 6) < 0.01)
    }

    /// EDF Tarif Bleu Heures Creuses, CRE grid of 1 Feb 2026: 6 kVA 188.24 €/yr, HP 0.2065,
    /// HC 0.1578 €/kWh. 1 kWh every hour of 2026 with HC 22:00–06:00: 8 × 365 = 2 920 kWh HC,
    /// 5 840 kWh HP (the summer-time days change nothing: March loses a 02:00 HC hour, October
    /// repeats one). 188.24 + 5 840 × 0.2065 + 2 920 × 0.1578 = 188.24 + 1 205.96 + 460.776 = 1 854.976 €.
    /// With the meter's own HC 23:00–07:00 the split is the same: same total.
    @Test func peakOffPeakSplitsTheHours() throws {
        let curve = constantYear(1, year: 2026)
        let options = BillingOptions(subscribedKVA: 6, pricesOn: CivilDate(2026, 2, 1))
        let bill = try BillEngine.bill(curve, offer: "fr-edf-bleu-hphc", library: library, options: options)
        #expect(abs(bill.totalEUR - 1_854.976) < 0.01, "total \(bill.totalEUR)")
        let offPeak = bill.kWhByPeriod.filter { $0.key.contains("creuses") }.values.reduce(0, +)
        #expect(abs(offPeak - 2_920) < 1e-6)
        var own = options
        own.offPeakHours = [ClockWindow("23:00-07:00")].compactMap { $0 }
        #expect(abs(try BillEngine.bill(curve, offer: "fr-edf-bleu-hphc", library: library, options: own).totalEUR - 1_854.976) < 0.01)
        // Twelve monthly bills, January's fixed part 31/365 of the year's.
        #expect(bill.months.count == 12)
        let januaryFixed = try #require(bill.months.first?.lines.filter { $0.kind == .fixedCharge }.first)
        #expect(abs(januaryFixed.amountEUR * 1.2 - 188.24 * 31 / 365) < 1e-9)
    }

    /// CRE gas reference price of January 2026, "heating" profile (6 000–300 000 kWh/yr):
    /// 343.90 €/yr + 0.10192 €/kWh TTC. 12 000 kWh PCS over the year: 343.90 + 1 223.04 =
    /// 1 566.94 €. 3 000 kWh falls in the cooking/hot-water band: 147.24 + 3 000 × 0.13249 =
    /// 544.71 €.
    @Test(arguments: [(12_000.0, 1_566.94), (3_000.0, 544.71)])
    func gasBandFollowsTheAnnualConsumption(kWh: Double, expectedEUR: Double) throws {
        let curve = constantYear(kWh / 8760, year: 2026)
        let bill = try BillEngine.bill(curve, offer: "fr-cre-gas-reference", library: library, options: BillingOptions(pricesOn: CivilDate(2026, 1, 1)))
        #expect(abs(bill.totalEUR - expectedEUR) < 0.01, "total \(bill.totalEUR)")
    }

    /// Tempo, 1 Aug 2025 grid, 6 kVA 186.46 €/yr: with the rule, one Tempo year has exactly
    /// 22 red days (weekdays, November–March, not public holidays) and 43 white (not Sundays).
    @Test func tempoRuleGivesTheOfficialCounts() throws {
        let tempo = try #require(library.tariff("fr-edf-bleu-tempo", on: CivilDate(2025, 8, 1)))
        let rule = try #require(tempo.colourRule)
        let year = CivilDate(2025, 9, 1)...CivilDate(2026, 8, 31)
        let colours = DayColourCalendar().colours(for: year, rule: rule, country: "FR")
        let red = colours.filter { $0.value == .red }.map(\.key)
        #expect(red.count == 22)
        #expect(colours.filter { $0.value == .white }.count == 43)
        #expect(red.allSatisfy { $0.isoWeekday <= 5 && [11, 12, 1, 2, 3].contains($0.month) && !PublicHolidays.contains($0, country: "FR") })
        #expect(!colours.contains { $0.value == .white && $0.key.isoWeekday == 7 })
        // A flat 1 kWh/h year on blue days only would cost 186.46 + 2 920 × 0.1232 +
        // 5 840 × 0.1494 = 1 418.71 €; red and white days make it dearer.
        let bill = try BillEngine.bill(constantYear(1, year: 2025), offer: "fr-edf-bleu-tempo", library: library,
                                       options: BillingOptions(subscribedKVA: 6, pricesOn: CivilDate(2025, 8, 1)))
        #expect(bill.totalEUR > 1_418.71)
    }

    /// EDF Tarif Bleu Base, CRE grid of 1 Feb 2026 (Tariffs/fr/edf-bleu-base/2026-02-01.json):
    /// the kWh price depends on the subscribed power, 0.19398 €/kWh TTC for 3–6 kVA and
    /// 0.19266 €/kWh from 9 kVA; subscriptions 188.20 (6 kVA) and 235.90 €/yr (9 kVA).
    /// 3 000 kWh over 2026: 188.20 + 3 000 × 0.19398 = 770.14 €; 235.90 + 3 000 × 0.19266 =
    /// 813.88 €.
    @Test(arguments: [(6.0, 770.14), (9.0, 813.88)])
    func basePriceDependsOnThePowerFromFebruary2026(kva: Double, expectedEUR: Double) throws {
        let bill = try BillEngine.bill(constantYear(3_000.0 / 8760, year: 2026), offer: "fr-edf-bleu-base", library: library,
                                       options: BillingOptions(subscribedKVA: kva, pricesOn: CivilDate(2026, 2, 1)))
        #expect(abs(bill.totalEUR - expectedEUR) < 0.01, "total \(bill.totalEUR)")
    }

    /// EDF Tempo, price sheet of 1 Feb 2026 (Tariffs/fr/edf-bleu-tempo/2026-02-01.json): 6 kVA
    /// 15.59 €/month = 187.08 €/yr, blue HC 0.1325, HP 0.1612 €/kWh. 1 kWh every hour of 2026
    /// on a calendar of blue days only: 187.08 + 2 920 × 0.1325 + 5 840 × 0.1612 = 1 515.388 €.
    @Test func tempoFebruary2026OnBlueDays() throws {
        let days = (CivilDate(2025, 12, 31).dayNumber...CivilDate(2026, 12, 31).dayNumber).map { (CivilDate(dayNumber: $0), DayColour.blue) }
        let options = BillingOptions(subscribedKVA: 6, colours: DayColourCalendar(known: Dictionary(uniqueKeysWithValues: days)), pricesOn: CivilDate(2026, 2, 1))
        let bill = try BillEngine.bill(constantYear(1, year: 2026), offer: "fr-edf-bleu-tempo", library: library, options: options)
        #expect(abs(bill.totalEUR - 1_515.388) < 0.01, "total \(bill.totalEUR)")
    }

    /// Walloon exclusive-night meter, CREG social tariff Q1 2026: 19.245 c€/kWh TTC, no fixed
    /// charge, supplied 22:00–07:00 only. 1 kWh every night hour of January 2026 (9 h × 31 =
    /// 279 kWh): 279 × 0.19245 = 53.694 €. The same circuit drawing at noon is refused.
    @Test func exclusiveNightMeterHasNoSupplyByDay() throws {
        func january(_ hours: Set<Int>) -> LoadCurve {
            let first = CivilDate(2026, 1, 1).dayNumber * 1440
            let intervals = (0..<(31 * 24)).map { hour in
                LoadCurve.Interval(start: LocalDateTime(minuteNumber: first + hour * 60), minutes: 60, kWh: hours.contains(hour % 24) ? 1 : 0)
            }
            return LoadCurve(intervals: intervals, origin: "night.csv")
        }
        let options = BillingOptions(pricesOn: CivilDate(2026, 1, 1))
        let night = try BillEngine.bill(january([22, 23, 0, 1, 2, 3, 4, 5, 6]), offer: "be-social-electricity-exclusive-night", library: library, options: options)
        #expect(abs(night.kWh - 279) < 1e-9)
        #expect(abs(night.totalEUR - 53.694) < 0.001, "total \(night.totalEUR)")
        #expect {
            try BillEngine.bill(january([0, 1, 12]), offer: "be-social-electricity-exclusive-night", library: library, options: options)
        } throws: { error in
            guard let issue = (error as? InputError)?.issues.first else { return false }
            return issue.file == "night.csv" && issue.message.contains("supplies nothing") && (issue.value ?? "").hasPrefix("31.000 kWh from 2026-01-01 12:00")
        }
    }

    @Test func unknownOfferListsTheKnownOnes() {
        #expect {
            try BillEngine.bill(constantYear(1, year: 2026), offer: "fr-edf-bleu-bse", library: library, options: BillingOptions(subscribedKVA: 6))
        } throws: { error in
            guard let issue = (error as? InputError)?.issues.first else { return false }
            return issue.message == "unknown tariff offer" && (issue.expected ?? "").contains("fr-edf-bleu-base") && (issue.suggestion ?? "").contains("fr-edf-bleu-base")
        }
    }

    @Test func consumptionOutsideEveryVersionIsRefused() {
        let curve = constantYear(1, year: 2019)
        #expect {
            try BillEngine.bill(curve, offer: "fr-edf-bleu-base", library: library, options: BillingOptions(subscribedKVA: 6))
        } throws: { error in
            ((error as? InputError)?.issues.first?.message ?? "").contains("no version of fr-edf-bleu-base is in force")
        }
    }
}

@Suite("Tariff file checks")
struct TariffFileTests {
    func tariff(periods: String) -> (Tariff?, [InputIssue]) {
        let json = """
        {"format": "foyer-tariff-1", "offer": "test-hphc", "country": "FR", "energy": "electricity", "meter": "peak_off_peak",
         "valid_from": "2026-01-01", "vat_rate": 0.2, "prices_include_vat": true, "sources": ["test"], "fixed_charges": [{"subscribed_kva": 6, "eur_per_year": 100}],
         "periods": \(periods),
         "energy_prices": [{"period": "hp", "eur_per_kwh": 0.2}, {"period": "hc", "eur_per_kwh": 0.15}]}
        """
        return TariffLibrary.read(data: Data(json.utf8), name: "test.json")
    }

    @Test func overlappingHoursAreAnError() {
        let (tariff, issues) = tariff(periods: """
            [{"id": "hp", "hours": [{"days": "all", "from": "06:00", "to": "23:00"}]},
             {"id": "hc", "off_peak": true, "hours": [{"days": "all", "from": "22:00", "to": "06:00"}]}]
            """)
        #expect(tariff == nil)
        #expect(issues.contains { $0.path == "periods[1].hours[0]" && $0.message.hasPrefix("overlaps periods[0].hours[0]") && $0.file == "test.json" })
    }

    @Test func missingHoursAreAnError() {
        let (tariff, issues) = tariff(periods: """
            [{"id": "hp", "hours": [{"days": "weekdays", "from": "06:00", "to": "22:00"}]},
             {"id": "hc", "off_peak": true, "hours": [{"days": "all", "from": "22:00", "to": "06:00"}]}]
            """)
        #expect(tariff == nil)
        #expect(issues.contains { $0.path == "periods" && $0.message.contains("no period covers sat 06:00") })
    }

    /// A price on a period without supply, and two prices for one power, are errors.
    @Test func supplyAndPowerPricesAreChecked() {
        let json = """
        {"format": "foyer-tariff-1", "offer": "test-night", "country": "BE", "energy": "electricity", "meter": "exclusive_night",
         "valid_from": "2026-01-01", "vat_rate": 0.06, "prices_include_vat": true, "sources": ["test"], "fixed_charges": [{"eur_per_year": 0}],
         "periods": [{"id": "night", "off_peak": true, "hours": [{"days": "all", "from": "22:00", "to": "07:00"}]},
                     {"id": "day", "supply": false, "hours": [{"days": "all", "from": "07:00", "to": "22:00"}]}],
         "energy_prices": [{"period": "night", "eur_per_kwh": 0.2}, {"period": "day", "eur_per_kwh": 0.3},
                           {"period": "night", "eur_per_kwh": 0.19, "min_subscribed_kva": 9}, {"period": "night", "eur_per_kwh": 0.18, "min_subscribed_kva": 9}]}
        """
        let (tariff, issues) = TariffLibrary.read(data: Data(json.utf8), name: "night.json")
        #expect(tariff == nil)
        #expect(issues.contains { $0.path == "energy_prices[1].period" && $0.message.contains("without supply") })
        #expect(issues.contains { $0.path == "energy_prices[3]" && $0.message.contains("from 9.0 kVA") })
    }

    @Test func aCompleteWeekIsAccepted() {
        let (tariff, issues) = tariff(periods: """
            [{"id": "hp", "hours": [{"days": "all", "from": "06:00", "to": "22:00"}]},
             {"id": "hc", "off_peak": true, "hours": [{"days": ["sat", "sun"], "from": "22:00", "to": "06:00"}, {"days": "weekdays", "from": "22:00", "to": "06:00"}]}]
            """)
        #expect(issues.isEmpty, "\(issues)")
        #expect(tariff?.periodIndex(month: 3, weekday: 6, quarter: 23 * 4) == 1)
    }
}

@Suite("Load-curve CSV")
struct LoadCurveCSVTests {
    /// A daily gas export (Gazpar: one row per gas day, date only or at 06:00) across both clock
    /// changes of 2025 (30 March, 26 October): the 23- and 25-hour days are days, not gaps or
    /// misaligned rows (issue 12, item 2; such a curve was refused before).
    @Test(arguments: ["", "T06:00"])
    func dailyCurveAcrossTheClockChanges(_ time: String) throws {
        for (first, count) in [(CivilDate(2025, 3, 27), 6), (CivilDate(2025, 10, 23), 7)] {
            let rows = (0..<count).map { "\(first.adding(days: $0))\(time),\(20 + $0)" }
            let (curve, issues) = LoadCurveCSV.read("date_time,kwh\n" + rows.joined(separator: "\n") + "\n", file: "gazpar.csv")
            #expect(!issues.hasErrors, "\(issues.map(\.description))")
            let intervals = try #require(curve?.intervals)
            #expect(intervals.count == count && intervals.allSatisfy { $0.minutes == 1440 })
            #expect(intervals.map(\.start.date) == (0..<count).map { first.adding(days: $0) })
            #expect(intervals.allSatisfy { $0.start.minuteOfDay == (time.isEmpty ? 0 : 360) })
            #expect(curve?.totalKWh == Double((0..<count).reduce(0) { $0 + 20 + $1 }))
        }
    }

    func hours(from start: String, count: Int, kWh: Double = 1) -> String {
        // Naive local times, winter (no summer time in January).
        var lines = ["timestamp,kwh"]
        let date = CivilDate(iso: start) ?? CivilDate(2026, 1, 5)
        for hour in 0..<count {
            let time = LocalDateTime(minuteNumber: date.dayNumber * 1440 + hour * 60)
            lines.append("\(time.date)T\(String(format: "%02d:%02d", time.minuteOfDay / 60, time.minuteOfDay % 60)),\(kWh)")
        }
        return lines.joined(separator: "\n")
    }

    @Test func aCompleteCurveReads() throws {
        let (curve, issues) = LoadCurveCSV.read(hours(from: "2026-01-05", count: 48), file: "a.csv")
        #expect(issues.isEmpty)
        #expect(curve?.intervals.count == 48)
        #expect(curve?.intervals.first?.minutes == 60)
    }

    @Test func gapsAreRefusedOrFilledAndReported() throws {
        var rows = hours(from: "2026-01-05", count: 24 * 14).split(separator: "\n").map(String.init)
        rows.removeSubrange(30..<33)  // three hours missing
        let text = rows.joined(separator: "\n")
        let (refused, issues) = LoadCurveCSV.read(text, file: "g.csv")
        #expect(refused == nil)
        #expect(issues.contains { $0.severity == .error && $0.message.hasPrefix("3 missing intervals (3.0 h) in 1 gaps") })
        let (filled, fillIssues) = LoadCurveCSV.read(text, file: "g.csv", gaps: .fillWithTypicalWeek)
        #expect(filled?.intervals.count == 24 * 14)
        // Each missing hour takes the same weekday-and-hour value of the other week: 1 kWh.
        #expect(abs((filled?.totalKWh ?? 0) - Double(24 * 14)) < 1e-9)
        #expect(fillIssues.contains { $0.severity == .warning && $0.message.contains("3.000 kWh added") })
    }

    @Test func duplicatesNegativesAndDaylightSaving() throws {
        // Exact duplicate: dropped with a warning. Different value: error.
        let duplicate = "timestamp,kwh\n2026-01-05T00:00,1\n2026-01-05T01:00,1\n2026-01-05T01:00,1\n2026-01-05T02:00,1"
        let (curve, issues) = LoadCurveCSV.read(duplicate, file: "d.csv")
        #expect(curve?.intervals.count == 3)
        #expect(issues.contains { $0.severity == .warning && $0.message.contains("duplicate") })
        let conflict = "timestamp,kwh\n2026-01-05T00:00,1\n2026-01-05T01:00,1\n2026-01-05T01:00,2\n2026-01-05T02:00,1"
        #expect(LoadCurveCSV.read(conflict, file: "d.csv").issues.contains { $0.severity == .error && $0.path == "line 4" })
        // Negative consumption: error naming the line.
        let negative = "timestamp,kwh\n2026-01-05T00:00,1\n2026-01-05T01:00,-0.5\n2026-01-05T02:00,1"
        #expect(LoadCurveCSV.read(negative, file: "n.csv").issues.contains { $0.path == "line 3, kwh" && $0.message == "negative consumption" })
        // 25 October 2026 (clocks back at 03:00): 02:00 appears twice, both read, no duplicate.
        var autumn = ["timestamp,kwh"]
        for hour in 0..<24 { autumn.append(String(format: "2026-10-25T%02d:00,1", hour)); if hour == 2 { autumn.append("2026-10-25T02:00,1") } }
        let (october, octoberIssues) = LoadCurveCSV.read(autumn.joined(separator: "\n"), file: "o.csv")
        #expect(octoberIssues.isEmpty, "\(octoberIssues)")
        #expect(october?.intervals.count == 25)
        // 29 March 2026 (clocks forward at 02:00): no 02:00 row, and that is not a gap.
        var spring = ["timestamp,kwh"]
        for hour in 0..<24 where hour != 2 { spring.append(String(format: "2026-03-29T%02d:00,1", hour)) }
        let (march, marchIssues) = LoadCurveCSV.read(spring.joined(separator: "\n"), file: "m.csv")
        #expect(marchIssues.isEmpty, "\(marchIssues)")
        #expect(march?.intervals.count == 23)
        // Enedis-style 30-minute mean power in W with UTC offsets.
        let enedis = "timestamp;w\n2026-07-01T00:00:00+02:00;1000\n2026-07-01T00:30:00+02:00;2000\n2026-07-01T01:00:00+02:00;1000"
        let (power, powerIssues) = LoadCurveCSV.read(enedis, file: "e.csv")
        #expect(powerIssues.isEmpty)
        #expect(abs((power?.totalKWh ?? 0) - 2.0) < 1e-12)  // (1 + 2 + 1) kW × 0.5 h
        #expect(power?.intervals.first?.start.minuteOfDay == 0)  // clock time kept
    }
}
