import Foundation
import Testing
@testable import FoyerBills
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerTariffFiles
@testable import FoyerTariffs

/// Issue 13, item 1 (decision 0011): the Walloon offers composed from their components when the
/// library loads — the gas worked bill of `../shared/reference/wallonia-tariffs.md` §9, the
/// indexation formulas against the prices the same cards print, and an index month Foyer does
/// not hold as an explicit error.
@Suite("Walloon offers composed from their components")
struct WalloonComponentsTests {
    let library = TariffLibrary.load()

    static func components(_ name: String) throws -> TariffComponentsSpec {
        let url = try #require(TariffFiles.directory?.appendingPathComponent("be/components/\(name)"))
        let document = try JSONValue.parse(try Data(contentsOf: url), file: name)
        let (spec, issues) = SpecDecoder.decode(TariffComponentsSpec.self, from: document)
        #expect(issues.isEmpty, "\(issues)")
        return try #require(spec)
    }

    /// `kWh` spread evenly over the hours of `year`.
    static func flatYear(_ year: Int, kWh: Double) -> LoadCurve {
        let first = CivilDate(year, 1, 1).dayNumber, last = CivilDate(year, 12, 31).dayNumber
        let hours = Double((last - first + 1) * 24)
        var intervals: [LoadCurve.Interval] = []
        for day in first...last {
            for hour in 0..<24 { intervals.append(LoadCurve.Interval(start: LocalDateTime(CivilDate(dayNumber: day), minuteOfDay: hour * 60), minutes: 60, kWh: kWh / hours)) }
        }
        return LoadCurve(intervals: intervals, origin: "flat year")
    }

    /// Reference §9, client-type D3 (23 260 kWh of gas a year, tier T2) on ORES with the Engie
    /// EASY Variable card of October 2026: energy 9.786 c€ × 23 260 = 2 276.22 € + fee 55 €;
    /// distribution 2.206 c€ → 513.12 € + 140.93 €; transport 0.165 c€ → 38.38 €; excise
    /// 12 000 kWh × 1.09286 c€ + 11 260 kWh × 1.18296 c€ = 264.34 €; connection fee 0.0075 c€ →
    /// 1.74 €; total 3 289.74 € TVAC.
    @Test func theGasWorkedBill() throws {
        let bill = try BillEngine.bill(Self.flatYear(2026, kWh: 23_260), offer: "be-engie-easy-variable-gas-ores", library: library,
                                       options: BillingOptions(pricesOn: CivilDate(2026, 10, 15)))
        #expect(abs(bill.totalEUR - 3_289.74) < 0.005, "\(bill.totalEUR) €, worked 3 289.74 €")
        // Below the excise bound (8 000 kWh, still tier T2) the lower excise rate alone applies:
        // 8 000 × (9.786 + 2.206 + 0.165 + 1.09286 + 0.0075) c€ + 55 + 140.93 €.
        let small = try BillEngine.bill(Self.flatYear(2026, kWh: 8_000), offer: "be-engie-easy-variable-gas-ores", library: library,
                                        options: BillingOptions(pricesOn: CivilDate(2026, 10, 15)))
        let expected = 8_000 * (9.786 + 2.206 + 0.165 + 1.09286 + 0.0075) / 100 + 55 + 140.93
        #expect(abs(small.totalEUR - expected) < 0.005, "\(small.totalEUR) € vs \(expected) €")
        // Tier T1 (≤ 5 000 kWh) is priced on the whole volume: 4 000 kWh on RESA.
        let t1 = try BillEngine.bill(Self.flatYear(2026, kWh: 4_000), offer: "be-engie-easy-variable-gas-resa", library: library,
                                     options: BillingOptions(pricesOn: CivilDate(2026, 10, 15)))
        let expectedT1 = 4_000 * (9.786 + 4.640 + 0.165 + 1.09286 + 0.0075) / 100 + 55 + 34.59
        #expect(abs(t1.totalEUR - expectedT1) < 0.005, "\(t1.totalEUR) € vs \(expectedT1) €")
    }

    /// Every formula printed on a card, evaluated at the index value printed on the same card,
    /// gives the price the card prints (to its 0.001 c€ and the VAT rounding): the formulas and
    /// index values were entered from different lines of the cards than the prices.
    @Test(arguments: ["wallonia-electricity.json", "wallonia-gas.json"])
    func formulasGiveThePricesTheCardsPrint(_ file: String) throws {
        let spec = try Self.components(file)
        let vat = try #require(spec.vatRate)
        var checked = 0
        for offer in spec.offers ?? [] {
            for formula in offer.indexation ?? [] {
                let from = try #require(formula.fromMonth.flatMap(TariffComposer.monthNumber))
                let to = try #require(formula.toMonth.flatMap(TariffComposer.monthNumber))
                for card in offer.months ?? [] {
                    guard let month = card.month.flatMap(TariffComposer.monthNumber), (from...to).contains(month) else { continue }
                    let indexMonth = TariffComposer.monthText(month + (formula.indexMonthOffset ?? 0))
                    guard let value = spec.indices?.first(where: { $0.index == formula.index })?.values?.first(where: { $0.month == indexMonth })?.eurPerMWh else { continue }
                    let pairs: [(FormulaTermSpec?, Double?)] = [(formula.mono, card.mono), (formula.hp, card.hp), (formula.hc, card.hc),
                                                                (formula.exclusiveNight, card.exclusiveNight), (formula.price, card.priceCPerKWh)]
                    for case let (term?, printed?) in pairs {
                        let computed = (try #require(term.constantCPerKWh) + (try #require(term.cPerKWhPerEurPerMWh)) * value) * (1 + vat)
                        #expect(abs(computed - printed) < 0.0015, "\(offer.offer ?? "?") \(card.month ?? "?"): formula \(computed) c€/kWh, card \(printed)")
                        checked += 1
                    }
                }
            }
        }
        // Engie EASY Variable Dec 2025, EMPOWER Apr 2026, Cociter Dec 2025 and Apr 2026 (4 registers
        // each); Engie EASY Variable gas Sep 2026.
        #expect(checked == (file == "wallonia-gas.json" ? 1 : 16), "\(checked) prices checked")
    }

    /// Cociter's variable price follows BELIX of the month before; Foyer holds BELIX for November
    /// 2025 and March 2026 and the cards of December 2025, January and April 2026: February and
    /// March 2026 cannot be priced, and the bill says which index month is missing.
    @Test func anIndexMonthNotHeldIsAnExplicitError() throws {
        let offer = "be-cociter-variable-ores-mono"
        let versions = library.versions(of: offer).map(\.validFrom.description)
        #expect(versions == ["2025-12-01", "2026-01-01", "2026-04-01"], "\(versions)")
        do {
            _ = try BillEngine.bill(Self.flatYear(2026, kWh: 3_500), offer: offer, library: library, options: BillingOptions(pricesOn: CivilDate(2026, 2, 15)))
            Issue.record("February 2026 was priced without its index")
        } catch {
            let message = error.issues.first?.message ?? ""
            #expect(message.contains("BELIX") && message.contains("2026-01") && message.contains("does not guess"), "\(message)")
        }
        // A month no formula covers has no reason to give: the plain gap.
        do {
            _ = try BillEngine.bill(Self.flatYear(2026, kWh: 3_500), offer: offer, library: library, options: BillingOptions(pricesOn: CivilDate(2026, 6, 15)))
            Issue.record("June 2026 was priced")
        } catch {
            let message = error.issues.first?.message ?? ""
            #expect(message.range(of: "BELIX") == nil && message.range(of: "365 of these days") != nil, "\(message)")
        }
    }

    /// A formula month whose index is held is priced from the formula: a components file of the
    /// user's own with BELIX for January 2026 prices Cociter's February.
    @Test func aHeldIndexMonthIsPricedFromTheFormula() throws {
        var spec = try Self.components("wallonia-electricity.json")
        spec.offers = spec.offers?.filter { $0.offer == "be-cociter-variable" }
        let belix = try #require(spec.indices?.firstIndex { $0.index == "BELIX" })
        spec.indices?[belix].values?.append(IndexValueSpec(month: "2026-01", eurPerMWh: 90))
        let (tariffs, issues) = TariffComposer.compose(spec, file: "mine.json")
        #expect(!issues.hasErrors, "\(issues)")
        let february = try #require(tariffs.first { $0.offer == "be-cociter-variable-ores-mono" && $0.validFrom == CivilDate(2026, 2, 1) })
        // (5 + 0.075 × 90) × 1.06 = 12.455 c€ + ORES 11.98 + transport 2.74 + green 2.968 + excise
        // 5.03288 + contribution 0.20417 + connection 0.075.
        let expected = (12.455 + 11.98 + 2.74 + 2.968 + 5.03288 + 0.20417 + 0.075) / 100
        #expect(abs(february.prices[0][0] - expected) < 1e-7, "\(february.prices[0][0]) €/kWh vs \(expected)")
        #expect(february.sources.contains { $0.contains("BELIX 2026-01 = 90") })
    }

    /// The exclusive-night variant: night window only, its own network price (2026: the
    /// off-peak one), no fixed charge where none is sourced (Luminus prints none on this meter).
    @Test func exclusiveNightOffers() throws {
        let tariff = try #require(library.tariff("be-luminus-comfy-ores-exclusive-night", on: CivilDate(2026, 1, 15)))
        #expect(tariff.meter == .exclusiveNight)
        // Energy 14.75 + ORES 7.39 + transport 2.74 + green 3.03 + excise 5.03288 + contribution 0.20417 + connection 0.075 c€.
        let night = try #require(tariff.periods.firstIndex { $0.supplied })
        #expect(abs(tariff.prices[night][0] - (14.75 + 7.39 + 2.74 + 3.03 + 5.03288 + 0.20417 + 0.075) / 100) < 1e-7)
        #expect(tariff.fixedCharges.map(\.eurPerYear) == [0])
        #expect(tariff.periods.contains { !$0.supplied })
    }

    /// Hostile values in a components file: every number out of range and every wrong type is an
    /// error naming the file and the field; no composed price is ever non-finite.
    @Test func hostileComponents() throws {
        let base = try Self.components("wallonia-electricity.json")
        let cases: [(String, (inout TariffComponentsSpec) -> Void)] = [
            ("vat_rate", { $0.vatRate = .nan }),
            ("networks[0].transport_c_per_kwh", { $0.networks?[0].transportCPerKWh = 1e308 }),
            ("networks[0].operators[0].hp", { $0.networks?[0].operators?[0].hp = -1 }),
            ("levies[0].excise_c_per_kwh", { $0.levies?[0].exciseCPerKWh = .infinity }),
            ("indices[0].values[0].eur_per_mwh", { $0.indices?[0].values?[0].eurPerMWh = 1e15 }),
            ("indices[0].values[0].month", { $0.indices?[0].values?[0].month = "2025-13" }),
            ("offers[0].months[0].mono", { $0.offers?[0].months?[0].mono = -0.5 }),
            ("offers[0].months[0].fixed_eur_per_year", { $0.offers?[0].months?[0].fixedEurPerYear = 1e9 }),
            ("offers[0].indexation[0].index_month_offset", { $0.offers?[0].indexation?[0].indexMonthOffset = Int.max }),
            ("offers[0].indexation[0].index", { $0.offers?[0].indexation?[0].index = "NOPE" }),
            ("offers[0].indexation[0].to_month", { $0.offers?[0].indexation?[0].toMonth = "2099-12" }),
            ("offers[0].offer", { $0.offers?[0].offer = "" }),
        ]
        for (path, mutate) in cases {
            var spec = base
            mutate(&spec)
            let (tariffs, issues) = TariffComposer.compose(spec, file: "hostile.json")
            #expect(issues.errors.contains { $0.path == path && $0.file == "hostile.json" }, "\(path): \(issues.prefix(3).map(\.description))")
            #expect(tariffs.allSatisfy { $0.prices.joined().allSatisfy { $0.isNaN || $0.isFinite } })
        }
    }
}

/// A run that prices one dwelling loads only its country's offers: the French library without the
/// Walloon compositions is the full library's French part, version for version.
@Suite("Tariff library filtered by country")
struct TariffCountryFilterTests {
    @Test func theFrenchPartIsTheSame() throws {
        let full = TariffLibrary.load(), french = TariffLibrary.load(countries: ["FR"])
        #expect(full.issues.isEmpty && french.issues.isEmpty)
        #expect(!french.tariffs.contains { $0.country != "FR" })
        #expect(full.tariffs.contains { $0.country == "BE" }, "the full library holds the Walloon offers")
        let expected = full.tariffs.filter { $0.country == "FR" }
        #expect(french.tariffs.map(\.offer) == expected.map(\.offer) && french.tariffs.map(\.validFrom) == expected.map(\.validFrom))
        #expect(french.offers == full.offers.filter { offer in full.latest(offer)?.country == "FR" })
        // A Belgian run gets the compositions.
        #expect(TariffLibrary.load(countries: ["BE"]).tariffs.count == full.tariffs.count - expected.count)
    }
}
