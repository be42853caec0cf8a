import Foundation
import Testing
import FoyerCore
import FoyerEnergy
@testable import FoyerInvoices

/// The first reading of the invoices, against hand calculations.
@Suite("Invoices: analysis")
struct InvoiceAnalysisTests {
    static func analyse(_ csv: String) -> InvoiceAnalysis {
        let book = InvoiceReader.read(data: Data(csv.utf8), file: "f.csv")
        #expect(!book.issues.hasErrors, "\(book.issues.map(\.description))")
        return InvoiceAnalysis(book)
    }

    /// Two bimonthly bills of 61 and 59 days (peak and off-peak lines sharing the dates), a
    /// missing month in between, then a bill that starts a day before the previous one ended.
    @Test func yearlyFigureGapsAndOverlaps() throws {
        let analysis = Self.analyse("""
        energy,start,end,quantity,period,amount_eur,reading,kind
        electricity,2025-01-01,2025-03-02,500,hp,100,actual,consumption
        electricity,2025-01-01,2025-03-02,300,hc,40,actual,consumption
        electricity,2025-05-01,2025-06-28,400,base,80,estimated,consumption
        electricity,2025-06-28,2025-08-31,200,base,40,actual,consumption
        electricity,2025-01-01,2025-08-31,,,60,,subscription
        """)
        let meter = try #require(analysis.meters.first)
        // Covered days: 61 (Jan 1–Mar 2) + 59 (May 1–Jun 28) + 64 (Jun 29–Aug 31) = 184.
        #expect(meter.coveredDays == 184)
        #expect(meter.billedKWh == 1_400)
        #expect(abs((meter.annualBilledKWh ?? 0) - 1_400 * 365.25 / 184) < 1e-9)
        #expect(meter.amountEUR == 320)
        // € per year over the span Jan 1 – Aug 31 (243 days).
        #expect(abs((meter.annualEUR ?? 0) - 320 * 365.25 / 243) < 1e-9)
        #expect(abs((meter.eurPerBilledKWh ?? 0) - 320.0 / 1_400) < 1e-12)
        let kinds = meter.flags.map(\.kind)
        #expect(kinds.filter { $0 == .gap }.count == 1)
        #expect(meter.flags.contains { $0.kind == .gap && $0.message.hasPrefix("59 days") }, "\(meter.flags)")   // Mar 3 – Apr 30
        #expect(meter.flags.contains { $0.kind == .overlap && $0.message.hasPrefix("1 days") }, "\(meter.flags)")
        #expect(kinds.filter { $0 == .estimatedReading }.count == 1)
        // January: 31 of the first bill's 61 days of 800 kWh.
        let january = try #require(meter.months.first { $0.year == 2025 && $0.month == 1 })
        #expect(abs(january.finalKWh - 800.0 * 31 / 61) < 1e-9 && january.coveredDays == 31)
        #expect(!meter.months.contains { $0.month == 4 })
        // The months hold all the energy.
        #expect(abs(meter.months.reduce(0) { $0 + $1.finalKWh } - 1_400) < 1e-9)
    }

    /// Fuel oil: what was burnt between the first and the last delivery is what was delivered
    /// before the last one: (1 000 + 800) L × 9.97 kWh/L over 365 days.
    @Test func deliveriesGiveAYearBetweenTheFirstAndTheLast() throws {
        let analysis = Self.analyse("""
        energy,kind,start,quantity,unit,amount_eur
        fuel_oil,delivery,2024-10-01,1000,l,1200
        fuel_oil,delivery,2025-03-01,800,l,950
        fuel_oil,delivery,2025-10-01,1000,l,1150
        """)
        let meter = try #require(analysis.meters.first)
        #expect(meter.coveredDays == 365)
        #expect(abs((meter.annualFinalKWh ?? 0) - 1_800 * 9.97 * 365.25 / 365) < 1e-9)
        #expect(!meter.flags.contains { $0.kind == .shortRecord })
    }

    @Test func aSingleMonthGivesNoYearlyFigure() throws {
        let meter = try #require(Self.analyse("energy,start,end,quantity\nelectricity,2025-01-01,2025-01-20,300").meters.first)
        #expect(meter.annualFinalKWh == nil && meter.annualEUR == nil)
        #expect(meter.flags.contains { $0.kind == .shortRecord })
    }

    /// Gas in kWh PCS on the bill, PCI for Foyer; a regularisation credit counted in the year.
    @Test func gasKeepsBothBases() throws {
        let meter = try #require(Self.analyse("""
        energy,kind,start,end,quantity,amount_eur
        natural_gas,consumption,2025-01-01,2025-12-31,11100,1100
        natural_gas,regularisation,2025-12-31,2025-12-31,-111,-12
        """).meters.first)
        #expect(meter.billedKWh == 10_989)
        #expect(abs(meter.finalKWh - 10_989 / 1.11) < 1e-9)
        #expect(abs((meter.annualBilledKWh ?? 0) - 10_989 * 365.25 / 365) < 1e-9)
        #expect(meter.flags.contains { $0.kind == .regularisation })
    }
}
