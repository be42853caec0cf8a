import Foundation
import Testing
import Foyer

/// Issue 12, item 6: the euros paid shared by use. With bills priced at one price per kWh and a
/// standing charge, each use's euros must be that price times its energy, and the standing
/// charges the fixed charges — whatever the month.
@Suite("Euros paid, by use")
struct PaidEurosByUseTests {
    @Test func eachUseCostsItsEnergyAtThePricePaid() throws {
        let dwelling = try RecoveryTests.dwelling("fr/sfh-1949-1974", climate: .h1a)
        let simulator = HouseholdSimulator(weather: .referenceYear(ReferenceClimate.h1a.weatherYear), model: .fiveR1C)
        let daily = try simulator.run(dwelling)
        let price = 0.12, standing = 20.0
        var lines: [String] = []
        for month in 1...12 {
            let start = CivilDate(2025, month, 1), end = start.lastDayOfMonth
            let kWhPCS = daily.kWh(.naturalGas, from: start, to: end) * InvoiceEnergy.naturalGasPCSPerPCI
            func day(_ d: CivilDate) -> String { String(format: "%02d/%02d/%04d", d.day, d.month, d.year) }
            lines.append("natural_gas;gaz;consumption;\(day(start));\(day(end));\(String(format: "%.3f", kWhPCS));kwh;;;;;\(String(format: "%.4f", kWhPCS * price));actual;")
            lines.append("natural_gas;gaz;subscription;\(day(start));\(day(end));;;;;;;\(String(format: "%.2f", standing));;")
        }
        let book = SyntheticBills.book(lines)
        #expect(!book.issues.hasErrors, "\(book.issues)")
        let euros = PaidEurosByUse.allocate(book, daily: daily)
        let year = (CivilDate(2025, 1, 1), CivilDate(2025, 12, 31))
        for use in [EnergyUse.heating, .hotWater] {
            let row = try #require(euros.rows.first { $0.use == use.rawValue })
            let expected = daily.kWh(.naturalGas, use: use, from: year.0, to: year.1) * InvoiceEnergy.naturalGasPCSPerPCI * price
            #expect(abs(row.eur / expected - 1) < 0.001, "\(use.rawValue): \(row.eur) €, expected \(expected) €")
        }
        let fixed = try #require(euros.rows.first { $0.use == "fixed_charges" })
        #expect(abs(fixed.eur - 12 * standing) < 1e-6)
        #expect(abs(fixed.monthlyEUR.values.reduce(0, +) - 12 * standing) < 1e-6)
        let paid = book.lines.compactMap(\.amountEUR).reduce(0, +)
        #expect(abs(euros.totalEUR - paid) < 1e-6)
        // July's bill goes mostly to hot water: the house needs little heat then.
        let julyHeating = euros.rows.first { $0.use == "heating" }?.monthlyEUR["2025-07"] ?? 0
        let julyWater = euros.rows.first { $0.use == "hot_water" }?.monthlyEUR["2025-07"] ?? 0
        #expect(julyWater > julyHeating)
    }
}
