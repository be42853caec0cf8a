import Foundation
import Testing
@testable import FoyerBills
import FoyerCore
import FoyerEnergy
import FoyerTariffs
import FoyerModel

/// Issue 13, item 4: the worked annual bills of `../shared/reference/wallonia-tariffs.md` §9 (CWaPE
/// client-type Dc: 1 600 kWh day, 1 900 kWh night; Dc1: 3 500 kWh single-rate; ORES network;
/// Engie EASY Variable cards), recomputed by Foyer from the composed offers — to the cent.
@Suite("Walloon worked bills")
struct WalloonWorkedBillsTests {
    let library = TariffLibrary.load()

    /// A year of clock hours of `year` (24 a day) with `dayKWh` spread over the hours `isDay`
    /// says are day hours and `nightKWh` over the others.
    static func curve(year: Int, dayKWh: Double, nightKWh: Double, isDay: (CivilDate, Int) -> Bool) -> LoadCurve {
        let first = CivilDate(year, 1, 1).dayNumber, last = CivilDate(year, 12, 31).dayNumber
        var slots: [(LocalDateTime, Bool)] = []
        for day in first...last {
            let date = CivilDate(dayNumber: day)
            for hour in 0..<24 { slots.append((LocalDateTime(date, minuteOfDay: hour * 60), isDay(date, hour))) }
        }
        let dayCount = Double(slots.filter(\.1).count), nightCount = Double(slots.count) - dayCount
        let intervals = slots.map { slot in
            LoadCurve.Interval(start: slot.0, minutes: 60, kWh: slot.1 ? dayKWh / dayCount : (nightCount > 0 ? nightKWh / nightCount : 0))
        }
        return LoadCurve(intervals: intervals, origin: "CWaPE Dc")
    }

    /// Walloon day hours until 2025: 07:00–22:00 Monday to Friday (reference §1.1).
    static func dayUntil2025(_ date: CivilDate, _ hour: Int) -> Bool { date.isoWeekday <= 5 && (7..<22).contains(hour) }
    /// From 2026: 07:00–11:00 and 17:00–22:00 every day (reference §1.2).
    static func dayFrom2026(_ date: CivilDate, _ hour: Int) -> Bool { (7..<11).contains(hour) || (17..<22).contains(hour) }

    @Test(arguments: [
        ("be-engie-easy-variable-ores-bihoraire", "2025-12-01", 2025, 1_269.11),
        ("be-engie-easy-variable-ores-bihoraire", "2026-01-15", 2026, 1_328.20),
        ("be-engie-easy-variable-ores-mono", "2026-01-15", 2026, 1_425.69),
        ("be-engie-easy-variable-ores-bihoraire", "2026-10-15", 2026, 1_614.42),
    ])
    func workedBill(_ offer: String, _ pricesOn: String, _ year: Int, _ expectedEUR: Double) throws {
        let mono = offer.hasSuffix("-mono")
        let rule: (CivilDate, Int) -> Bool
        if mono {
            rule = { _, _ in true }
        } else if year <= 2025 {
            rule = Self.dayUntil2025
        } else {
            rule = Self.dayFrom2026
        }
        let dayKWh: Double = mono ? 3_500 : 1_600
        let nightKWh: Double = mono ? 0 : 1_900
        let curve = Self.curve(year: year, dayKWh: dayKWh, nightKWh: nightKWh, isDay: rule)
        let date = try #require(CivilDate(iso: pricesOn))
        let bill = try BillEngine.bill(curve, offer: offer, library: library, options: BillingOptions(pricesOn: date))
        #expect(abs(bill.kWh - 3_500) < 1e-6)
        if !mono {
            // The split the worked bill assumes: 1 600 kWh in the day register, 1 900 at night.
            let day: Double = bill.kWhByPeriod.filter { $0.key.hasPrefix("Energy, heures pleines") }.values.reduce(0, +)
            #expect(abs(day - 1_600) < 1e-6, "\(bill.kWhByPeriod.keys.sorted())")
        }
        #expect(abs(bill.totalEUR - expectedEUR) < 0.005, "\(offer) at \(pricesOn): \(bill.totalEUR) €, worked \(expectedEUR) €")
    }

    /// One supplier offer with every operator: the same card on RESA costs what RESA's network
    /// adds, and an operator's composed offer needs the household to be on that network.
    @Test func theOperatorChangesTheNetworkPart() throws {
        let curve = Self.curve(year: 2026, dayKWh: 1_600, nightKWh: 1_900, isDay: Self.dayFrom2026)
        let options = BillingOptions(pricesOn: CivilDate(2026, 1, 15))
        let ores = try BillEngine.bill(curve, offer: "be-engie-easy-variable-ores-bihoraire", library: library, options: options)
        let resa = try BillEngine.bill(curve, offer: "be-engie-easy-variable-resa-bihoraire", library: library, options: options)
        // 2026 network (reference §2.2), TVAC: ORES 13.27/7.39 c€ and 14.10 €/yr, RESA 12.20/7.01 c€ and 26.50 €/yr.
        let expected = (1_600 * (12.20 - 13.27) + 1_900 * (7.01 - 7.39)) / 100 + (26.50 - 14.10)
        #expect(abs((resa.totalEUR - ores.totalEUR) - expected) < 0.01, "RESA − ORES = \(resa.totalEUR - ores.totalEUR) €, expected \(expected) €")
        let tariff = try #require(library.tariff("be-engie-easy-variable-resa-bihoraire", on: CivilDate(2026, 1, 15)))
        var supply = EnergySupplySpec()
        supply.electricityMeter = .peakOffPeak
        let withoutOperator: String = tariff.incompatibility(circuit: .main, supply: supply) ?? ""
        #expect(withoutOperator.range(of: "distribution_operator") != nil, "\(withoutOperator)")
        supply.distributionOperator = .ores
        let otherOperator: String = tariff.incompatibility(circuit: .main, supply: supply) ?? ""
        #expect(otherOperator.range(of: "ORES") != nil, "\(otherOperator)")
        supply.distributionOperator = .resa
        #expect(tariff.incompatibility(circuit: .main, supply: supply) == nil)
    }

    /// The Impact network tariff (from 1 Jan 2026, communicating meters): 1 000 kWh in the ECO
    /// hours (01–07, 11–17) and 500 kWh in the PIC hours (17–22), Engie EASY Variable January 2026
    /// on ORES. All-in TVAC (reference §1.3, §2.2, §3, §4, §4.1, §5): ECO = night energy 13.206 +
    /// ECO network 5.09 + 11.14705 (transport 2.74, green 3.095, excise 5.03288, contribution
    /// 0.20417, connection 0.075) = 29.44305 c€/kWh; PIC = day energy 15.957 + 16.57 + 11.14705 =
    /// 43.67405 c€/kWh; the supplier's 65 €/yr and no network fixed term:
    /// 294.4305 + 218.37025 + 65 = 577.80 €.
    @Test func theImpactTariff() throws {
        let first = CivilDate(2026, 1, 1).dayNumber, last = CivilDate(2026, 12, 31).dayNumber
        var eco: [LocalDateTime] = [], pic: [LocalDateTime] = []
        for day in first...last {
            let date = CivilDate(dayNumber: day)
            for hour in 0..<24 {
                let time = LocalDateTime(date, minuteOfDay: hour * 60)
                if (1..<7).contains(hour) || (11..<17).contains(hour) { eco.append(time) } else if (17..<22).contains(hour) { pic.append(time) }
            }
        }
        let intervals = (eco.map { LoadCurve.Interval(start: $0, minutes: 60, kWh: 1_000 / Double(eco.count)) }
            + pic.map { LoadCurve.Interval(start: $0, minutes: 60, kWh: 500 / Double(pic.count)) }).sorted { $0.start < $1.start }
        let bill = try BillEngine.bill(LoadCurve(intervals: intervals, origin: "Impact"), offer: "be-engie-easy-variable-ores-impact", library: library,
                                       options: BillingOptions(pricesOn: CivilDate(2026, 1, 15)))
        #expect(abs(bill.totalEUR - 577.80) < 0.005, "\(bill.totalEUR) €")
        // A communicating meter only.
        let tariff = try #require(library.tariff("be-engie-easy-variable-ores-impact", on: CivilDate(2026, 1, 15)))
        var supply = EnergySupplySpec()
        supply.distributionOperator = .ores
        supply.electricityMeter = .peakOffPeak
        #expect(tariff.incompatibility(circuit: .main, supply: supply) != nil)
        supply.electricityMeter = .smart
        #expect(tariff.incompatibility(circuit: .main, supply: supply) == nil)
    }
}
