import Foundation
import Testing
import FoyerEnergy
import FoyerTariffs
import FoyerBills
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

    /// A month without shipped prices (June 2024: the CRE gas reference was not found at full
    /// precision) is not priced, and says why; January 2024 is: 1 000 kWh PCS in the heating band
    /// (CRE prix repère, January 2024: 257.18 €/yr and 0.10950 €/kWh TTC) = 109.50 + 257.18 × 31/366
    /// = 131.28 €.
    @Test func gasBillsArePricedWhereThePricesAreKnown() throws {
        let missing = InvoiceReader.read(data: Data([Self.header, "natural_gas;gaz;consumption;01/06/2024;30/06/2024;1000;kwh;;120;actual"].joined(separator: "\n").utf8), file: "bills.csv")
        let june = try #require(InvoiceOffers.compare(missing, library: TariffLibrary.load(), meter: .init()).first)
        #expect(june.offers.isEmpty)
        #expect(june.excluded.contains { $0.contains("no version") }, "\(june.excluded)")
        let known = InvoiceReader.read(data: Data([Self.header, "natural_gas;gaz;consumption;01/01/2024;31/01/2024;1000;kwh;;131,28;actual"].joined(separator: "\n").utf8), file: "bills.csv")
        let january = try #require(InvoiceOffers.compare(known, library: TariffLibrary.load(), meter: .init()).first)
        let reference = try #require(january.offers.first { $0.offer == "fr-cre-gas-reference" }, "\(january.excluded)")
        #expect(abs(reference.totalEUR - 131.28) < 0.05, "\(reference.totalEUR) €")
    }

    /// Bills over a month without shipped prices (April 2025) are priced on the other days, against
    /// what was paid for those days.
    @Test func billsAcrossAMissingMonthArePricedOnTheDaysWithPrices() throws {
        let lines = [Self.header,
                     "natural_gas;gaz;consumption;01/03/2025;31/03/2025;1500;kwh;;190;actual",
                     "natural_gas;gaz;consumption;01/04/2025;30/04/2025;900;kwh;;120;actual",
                     "natural_gas;gaz;consumption;01/05/2025;31/05/2025;400;kwh;;60;actual"]
        let book = InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "bills.csv")
        let gas = try #require(InvoiceOffers.compare(book, library: TariffLibrary.load(), meter: .init()).first)
        let reference = try #require(gas.offers.first { $0.offer == "fr-cre-gas-reference" }, "\(gas.excluded)")
        #expect(reference.pricedDays == 62 && reference.billedDays == 92, "\(String(describing: reference.pricedDays)) of \(String(describing: reference.billedDays))")
        // Paid on the priced days: 190 + 60 €.
        #expect(abs((reference.totalEUR - (reference.differenceEUR ?? 0)) - 250) < 1e-6)
    }

    /// Walloon invoices: the offers composed with a network tariff are priced for the household's
    /// operator, and without it they say what to give.
    @Test func walloonBillsNeedTheirOperator() throws {
        let lines = [Self.header, "electricity;compteur;consumption;01/01/2026;31/01/2026;350;kwh;;141,60;actual"]
        let book = InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "factures.csv")
        let without = try #require(InvoiceOffers.compare(book, library: TariffLibrary.load(), meter: .init(country: "BE", electricityMeter: .peakOffPeak)).first)
        #expect(without.excluded.contains { $0.contains("be-engie-easy-variable-ores-mono") && $0.contains("--distribution-operator") }, "\(without.excluded)")
        let with = try #require(InvoiceOffers.compare(book, library: TariffLibrary.load(),
                                                      meter: .init(country: "BE", electricityMeter: .peakOffPeak, distributionOperator: .ores)).first)
        let mono = try #require(with.offers.first { $0.offer == "be-engie-easy-variable-ores-mono" }, "\(with.excluded)")
        // 350 kWh at the composed single-rate price of January 2026 on ORES (15.347 + 11.98 +
        // 11.14705 c€/kWh TVAC) and 31 days of 65 + 14.10 €/yr: 134.66 + 6.72 = 141.38 €.
        #expect(abs(mono.totalEUR - 141.38) < 0.05, "\(mono.totalEUR)")
        #expect(with.offers.contains { $0.offer == "be-engie-easy-variable-ores-bihoraire" })
        #expect(!with.offers.contains { $0.offer.contains("-resa-") })
    }

    /// A Linky curve whose hourly peak is 1 kW, on a 12 kVA subscription: 3 kVA is called for
    /// (1.3 kW), 6 kVA with a level of margin; 12 kVA is flagged with the euros at stake. The
    /// curve itself is priced, not the bills spread over days.
    @Test func aSubscribedPowerTooHighForTheMeteredPeakIsFlagged() throws {
        var intervals: [FoyerBills.LoadCurve.Interval] = []
        var totals: [CivilDate: Double] = [:]
        let first = CivilDate(2026, 2, 1).dayNumber
        for day in first..<(first + 90) {
            for hour in 0..<24 {
                let kWh = hour == 19 ? 1.0 : 0.25
                intervals.append(.init(start: LocalDateTime(minuteNumber: day * 1440 + hour * 60), minutes: 60, kWh: kWh))
                totals[CivilDate(dayNumber: day), default: 0] += kWh
            }
        }
        let curve = FoyerBills.LoadCurve(intervals: intervals, origin: "linky.csv")
        let book = InvoiceBook.dailyTotals(totals.map { ($0.key, $0.value) }, energy: .electricity, meter: "curve", origin: "linky.csv")
        let comparisons = InvoiceOffers.compare(book, library: TariffLibrary.load(), meter: .init(country: "FR", subscribedKVA: 12, curve: curve))
        let electricity = try #require(comparisons.first)
        #expect(electricity.flags.contains { $0.contains("12 kVA subscribed for an hourly peak of 1.0 kW") && $0.contains("6 kVA") && $0.contains("€ less") },
                "\(electricity.flags)")
        #expect(!electricity.assumptions.contains { $0.contains("spread evenly") })
        #expect(abs(electricity.billedKWh - 90 * (23 * 0.25 + 1)) < 1e-6)
    }

    /// A 2024 bill recomputed (issue 13, item 3): March to August 2024 on Base at 6 kVA, 200 kWh a
    /// month. The CRE's regulated tariff of 1 Feb 2024 (Option_Base.csv, 6 kVA): 151.86 € a year
    /// and 0.2516 €/kWh, taxes included — 1 200 × 0.2516 + 151.86 × 184/365 = 378.47 €.
    @Test func aBillOf2024IsRecomputed() throws {
        var lines = [Self.header]
        let lengths = [3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31]
        for month in 3...8 {
            let days = lengths[month] ?? 30
            let amount = String(format: "%.2f", 200 * 0.2516 + 151.86 * Double(days) / 365).replacingOccurrences(of: ".", with: ",")
            lines.append(String(format: "electricity;linky;consumption;01/%02d/2024;%02d/%02d/2024;200;kwh;base;", month, days, month) + amount + ";actual")
        }
        let book = InvoiceReader.read(data: Data(lines.joined(separator: "\n").utf8), file: "bills-2024.csv")
        #expect(!book.issues.hasErrors, "\(book.issues)")
        let comparisons = InvoiceOffers.compare(book, library: TariffLibrary.load(), meter: .init(country: "FR", subscribedKVA: 6))
        let electricity = try #require(comparisons.first)
        let paid = try #require(electricity.paidEUR)
        #expect(abs(paid - 378.47) < 0.05, "paid \(paid)")
        let base = try #require(electricity.offers.first { $0.offer == "fr-edf-bleu-base" }, "\(electricity.excluded)")
        #expect(abs(base.totalEUR - 378.47) < 1.0, "Base priced \(base.totalEUR) €")
        // HP/HC and Tempo have 2024 versions too: priced, not excluded.
        #expect(electricity.offers.contains { $0.offer == "fr-edf-bleu-hphc" } && electricity.offers.contains { $0.offer == "fr-edf-bleu-tempo" },
                "\(electricity.excluded)")
    }
}
