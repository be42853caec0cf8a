import Foundation
import Testing
import FoyerEnergy
import FoyerTariffs
@testable import FoyerInvoices

/// Issue 12, item 3: the price paid against the offers in force on the billed days.
@Suite("Invoices priced at the offers in force")
struct InvoiceOffersTests {
    static let header = "energy;meter;kind;start;end;quantity;unit;period;amount_eur;reading"

    /// Six monthly bills, February to July 2026, 300 kWh each on the Base option at 6 kVA.
    /// The CRE's regulated tariff of 1 February 2026 (Option_Base.csv, 6 kVA): 188.20 € a year
    /// and 0.19398 €/kWh, taxes included. Paid: 1 800 × 0.19398 + 188.20 × 181/365 = 442.49 €.
    @Test func theRegulatedBaseTariffPricesWhatWasPaid() throws {
        var lines = [Self.header]
        let lengths = [2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31]
        for month in 2...7 {
            let days = lengths[month] ?? 30
            let paid = 300 * 0.19398 + 188.20 * Double(days) / 365
            let amount = String(format: "%.2f", paid).replacingOccurrences(of: ".", with: ",")
            lines.append(String(format: "electricity;linky;consumption;01/%02d/2026;%02d/%02d/2026;300;kwh;base;", month, days, month) + amount + ";actual")
        }
        let book = InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "bills.csv")
        #expect(!book.issues.hasErrors, "\(book.issues)")
        let library = TariffLibrary.load()
        let comparisons = InvoiceOffers.compare(book, library: library, meter: .init(country: "FR", subscribedKVA: 6))
        let electricity = try #require(comparisons.first { $0.energy == .electricity })
        #expect(abs(electricity.billedKWh - 1800) < 1e-6)
        let paid = try #require(electricity.paidEUR)
        #expect(abs(paid - 442.49) < 0.05, "paid \(paid)")
        let base = try #require(electricity.offers.first { $0.offer == "fr-edf-bleu-base" }, "\(electricity.excluded)")
        #expect(abs(base.totalEUR - 442.49) < 1.0, "Base priced \(base.totalEUR) €")
        #expect(abs(base.differenceEUR ?? 99) < 1.0)
        #expect(!electricity.assumptions.contains { $0.contains("6 kVA assumed") })
    }

    /// A peak/off-peak option with a tenth of the energy off-peak: the single-rate option costs
    /// less for that use, and the comparison says so.
    @Test func aPeakOffPeakOptionThatDoesNotFitIsFlagged() throws {
        var lines = [Self.header]
        for month in 2...7 {
            lines.append(String(format: "electricity;linky;consumption;01/%02d/2026;28/%02d/2026;270;kwh;hp;;actual", month, month))
            lines.append(String(format: "electricity;linky;consumption;01/%02d/2026;28/%02d/2026;30;kwh;hc;;actual", month, month))
        }
        let book = InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "bills.csv")
        #expect(!book.issues.hasErrors, "\(book.issues)")
        let comparisons = InvoiceOffers.compare(book, library: TariffLibrary.load(), meter: .init(country: "FR", subscribedKVA: 6))
        let electricity = try #require(comparisons.first)
        let base = try #require(electricity.offers.first { $0.offer == "fr-edf-bleu-base" })
        let peakOffPeak = try #require(electricity.offers.first { $0.offer == "fr-edf-bleu-hphc" })
        // HP/HC on 1 Feb 2026 (CRE): a dearer standing charge and a peak price above Base's;
        // with 10 % off-peak the cheaper off-peak kWh do not make up for it.
        #expect(base.totalEUR < peakOffPeak.totalEUR, "Base \(base.totalEUR) €, HP/HC \(peakOffPeak.totalEUR) €")
        #expect(electricity.flags.contains { $0.contains("10 % of the energy off-peak") }, "\(electricity.flags)")
        #expect(electricity.assumptions.contains { $0.contains("off-peak hours") })
    }

    /// Bills older than every shipped price: no offer is priced, each says why.
    @Test func billsBeforeTheShippedPricesSayWhy() throws {
        let lines = [Self.header, "natural_gas;gaz;consumption;01/01/2024;31/01/2024;1000;kwh;;120;actual"]
        let book = InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "bills.csv")
        let comparisons = InvoiceOffers.compare(book, library: TariffLibrary.load(), meter: .init())
        let gas = try #require(comparisons.first)
        #expect(gas.offers.isEmpty)
        #expect(gas.excluded.contains { $0.contains("no version") })
    }
}
