import Foundation
import Testing
import FoyerClimate
import FoyerEnergy
@testable import FoyerInvoices

/// The billing-period degree-day model against synthetic truths: bills generated from a known
/// base load, slope and balance temperature with the same temperatures.
@Suite("Invoices: degree-day model")
struct DegreeDayModelTests {
    static let temperatures = DailyTemperatures(typicalYear: ReferenceClimate.h1a.weatherYear)

    /// Bimonthly bills over two years of a household using a kWh/day plus b per degree-day
    /// below T_b, each bill multiplied by `noise(i)`.
    static func bills(base: Double, slope: Double, balance: Double, months: Int = 2, noise: (Int) -> Double = { _ in 1 }) -> [DegreeDayModel.Period] {
        var periods: [DegreeDayModel.Period] = []
        var start = CivilDate(2024, 1, 5)
        var index = 0
        while start < CivilDate(2025, 12, 1) {
            let endMonth = (start.month - 1 + months) % 12 + 1
            let endYear = start.year + (start.month - 1 + months) / 12
            let end = CivilDate(endYear, endMonth, 4)
            let days = Double(end.dayNumber - start.dayNumber + 1)
            let kWh = base * days + slope * temperatures.heatingDegreeDays(from: start, to: end, baseC: balance)
            periods.append(DegreeDayModel.Period(start: start, end: end, kWh: kWh * noise(index)))
            start = end.adding(days: 1)
            index += 1
        }
        return periods
    }

    @Test func exactBillsGiveBackTheirParameters() throws {
        let model = try #require(DegreeDayModel.fit(Self.bills(base: 9, slope: 3.5, balance: 16), temperatures: Self.temperatures))
        #expect(model.balanceC == 16)
        #expect(abs(model.baseKWhPerDay - 9) < 1e-6 && abs(model.kWhPerDegreeDay - 3.5) < 1e-6)
        #expect(abs(model.nmbePercent) < 1e-6 && (model.cvRMSEPercent ?? 1) < 1e-6)
        #expect(abs(model.normalisedHeatingKWh - 3.5 * Self.temperatures.annualHeatingDegreeDays(baseC: 16)) < 1e-3)
        #expect(abs(model.normalisedBaseKWh - 9 * 365.25) < 1e-3)
    }

    /// ±5 % noise on every bill (deterministic pattern): the normalised year within 3 %, the
    /// balance temperature within 1.5 K; the statistics say the fit is imperfect.
    @Test func noisyBillsGiveBackTheYear() throws {
        let pattern = [1.05, 0.96, 1.02, 0.95, 1.04, 0.98, 1.0, 0.97, 1.03, 1.01, 0.99, 1.05]
        let model = try #require(DegreeDayModel.fit(Self.bills(base: 6, slope: 4, balance: 17, noise: { pattern[$0 % pattern.count] }), temperatures: Self.temperatures))
        let truth = 6 * 365.25 + 4 * Self.temperatures.annualHeatingDegreeDays(baseC: 17)
        let fitted = model.normalisedBaseKWh + model.normalisedHeatingKWh
        #expect(abs(fitted / truth - 1) < 0.03, "fitted \(fitted) vs \(truth)")
        #expect(abs((model.balanceC ?? 0) - 17) <= 1.5)
        #expect((model.cvRMSEPercent ?? 0) > 1)
        #expect(model.parameters == 3 && model.periods == 12)
    }

    /// Electricity without electric heating: no significant slope, the intercept-only model.
    @Test func weatherIndependentUseKeepsTheInterceptOnly() throws {
        let pattern = [1.02, 0.98, 1.01, 0.99]
        let model = try #require(DegreeDayModel.fit(Self.bills(base: 7, slope: 0, balance: 15, noise: { pattern[$0 % 4] }), temperatures: Self.temperatures))
        #expect(model.balanceC == nil && model.kWhPerDegreeDay == 0 && model.parameters == 1)
        #expect(abs(model.baseKWhPerDay - 7) < 0.1)
    }

    @Test func tooFewPeriodsGiveNoModel() {
        let periods = Array(Self.bills(base: 9, slope: 3, balance: 16).prefix(3))
        #expect(DegreeDayModel.fit(periods, temperatures: Self.temperatures) == nil)
    }

    /// Euros by use: two years of bimonthly gas bills at 0.12 € per kWh PCS and 20 € of
    /// subscription per bill; the heating and base euros are the normalised energies (back in
    /// kWh PCS) at that price, the fixed charges 20 € × bills per year.
    @Test func eurosPerUseFromTheModel() throws {
        let periods = Self.bills(base: 5, slope: 3, balance: 16)
        var rows = ["energy,kind,start,end,quantity,amount_eur"]
        for period in periods {
            let pcs = period.kWh * 1.11
            rows.append("natural_gas,consumption,\(period.start),\(period.end),\(pcs),\(pcs * 0.12)")
            rows.append("natural_gas,subscription,\(period.start),\(period.end),,20")
        }
        let book = InvoiceReader.read(data: Data(rows.joined(separator: "\n").utf8), file: "g.csv")
        #expect(!book.issues.hasErrors, "\(book.issues.map(\.description))")
        let meter = try #require(InvoiceAnalysis(book, temperatures: Self.temperatures).meters.first)
        let model = try #require(meter.degreeDays)
        let euros = try #require(meter.eurosPerYear)
        #expect(abs(euros.energyPriceEURPerKWh - 0.12) < 1e-9)
        #expect(abs(euros.heatingEUR - model.normalisedHeatingKWh * 1.11 * 0.12) < 1e-6)
        #expect(abs(euros.heatingEUR - 3 * Self.temperatures.annualHeatingDegreeDays(baseC: 16) * 1.11 * 0.12) < 1e-3)
        let last = try #require(periods.last), first = try #require(periods.first)
        let span = Double(last.end.dayNumber - first.start.dayNumber + 1)
        #expect(abs(euros.fixedChargesEUR - 20 * Double(periods.count) * 365.25 / span) < 1e-9)
    }

    /// A year of daily gas totals (a Gazpar export) analysed like invoices: one period per day,
    /// the parameters come back, the year is the sum of the days.
    @Test func dailyTotalsFromASmartMeter() throws {
        let first = CivilDate(2025, 1, 1)
        let totals = (0..<365).map { offset -> (date: CivilDate, kWh: Double) in
            let day = first.adding(days: offset)
            return (day, 1.11 * (4 + 2.5 * Self.temperatures.heatingDegreeDays(from: day, to: day, baseC: 15.5)))
        }
        let book = InvoiceBook.dailyTotals(totals, energy: .naturalGas, meter: "gazpar", origin: "gazpar.csv")
        let meter = try #require(InvoiceAnalysis(book, temperatures: Self.temperatures).meters.first)
        let model = try #require(meter.degreeDays)
        #expect(model.periods == 365 && model.balanceC == 15.5)
        #expect(abs(model.baseKWhPerDay - 4) < 1e-6 && abs(model.kWhPerDegreeDay - 2.5) < 1e-6)
        #expect(abs(meter.billedKWh - totals.reduce(0) { $0 + $1.kWh }) < 1e-6)
        #expect(meter.months.count == 12 && meter.flags.isEmpty)
    }

    /// Peak and off-peak lines of one bill make one period.
    @Test func linesSharingDatesMakeOnePeriod() {
        let book = InvoiceReader.read(data: Data("""
        energy,start,end,quantity,period
        electricity,2025-01-01,2025-02-28,300,hp
        electricity,2025-01-01,2025-02-28,200,hc
        electricity,2025-03-01,2025-04-30,400,base
        """.utf8), file: "f.csv")
        let periods = DegreeDayModel.periods(of: book.lines)
        #expect(periods.count == 2 && periods[0].kWh == 500)
    }
}
