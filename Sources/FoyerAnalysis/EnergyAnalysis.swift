import Foundation
import FoyerBills
import FoyerClimate
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerSystems
import FoyerTariffs
import FoyerThermal

/// From a simulated year to what the household pays: delivered energy per fuel, primary energy,
/// CO₂, bills under the household's contracts, every applicable offer ranked, and the mismatches
/// between contract and use.
public struct EnergyReport: Sendable, Encodable {
    /// One energy bought.
    public struct Delivered: Sendable, Encodable {
        public var energy: Energy
        /// kWh PCI (for natural gas also in kWh PCS, as billed).
        public var kWh: Double
        public var kWhPCS: Double?
        /// The usual purchase quantity (litres of fuel oil, stères of logs, …) when not kWh.
        public var quantity: Double?
        public var unit: String?
        public var byUseKWh: [String: Double]
        public var primaryEnergyKWh: Double
        public var co2Kg: Double
        /// kWh PCI bought each month, January to December.
        public var monthlyKWh: [Double] = []
        enum CodingKeys: String, CodingKey {
            case energy, kWh = "kwh", kWhPCS = "kwh_pcs", quantity, unit, byUseKWh = "by_use_kwh"
            case primaryEnergyKWh = "primary_energy_kwh", co2Kg = "co2_kg", monthlyKWh = "monthly_kwh"
        }
    }

    /// One offer's annual cost for one meter.
    public struct Option: Sendable, Encodable {
        public var offer: String
        public var name: String
        public var totalEUR: Double
        /// Cost minus the current contract's (negative: cheaper), when there is one.
        public var differenceEUR: Double?
        public var isCurrent: Bool
        enum CodingKeys: String, CodingKey {
            case offer, name, totalEUR = "total_eur", differenceEUR = "difference_eur", isCurrent = "is_current"
        }
    }

    /// Every applicable offer for one energy and circuit, cheapest first.
    public struct Comparison: Sendable, Encodable {
        public var energy: Energy
        public var circuit: String
        public var pricesOn: CivilDate
        public var options: [Option]
        /// Offers left out, and why.
        public var excluded: [String]
        enum CodingKeys: String, CodingKey {
            case energy, circuit, pricesOn = "prices_on", options, excluded
        }
    }

    /// What one use costs a year and each month at one meter's offer, €, taxes included: the
    /// bill's energy part shared between the uses by the cost of each use's own hours, and the
    /// fixed charges apart (`use` = `fixed_charges`).
    public struct UseCost: Sendable, Encodable {
        public var energy: Energy
        public var circuit: String
        public var use: String
        /// The offer it is priced at (the contract's, else the cheapest applicable).
        public var offer: String
        public var kWh: Double
        public var annualEUR: Double
        /// January to December.
        public var monthlyEUR: [Double]
        enum CodingKeys: String, CodingKey {
            case energy, circuit, use, offer, kWh = "kwh", annualEUR = "annual_eur", monthlyEUR = "monthly_eur"
        }
    }

    /// A contract that does not fit the meter or the use.
    public struct Mismatch: Sendable, Encodable {
        public var kind: String
        public var message: String
        /// What the household would save a year by acting on it, €.
        public var savingEURPerYear: Double
        enum CodingKeys: String, CodingKey {
            case kind, message, savingEURPerYear = "saving_eur_per_year"
        }
    }

    public var delivered: [Delivered]
    public var primaryEnergyKWh: Double
    public var primaryEnergyKWhPerM2: Double
    public var co2Kg: Double
    public var heatingSystems: [HeatingSystemResult]
    public var unmetHeatKWh: Double
    public var unmetHeatHours: Int
    public var hotWater: HotWaterResult?
    public var otherUses: OtherUsesResult
    /// Bills under the household's contracts.
    public var bills: [Bill]
    /// The year's and each month's euros by use (heating, hot water, cooking, appliances,
    /// standby, lighting, fixed charges), per meter.
    public var costByUse: [UseCost] = []
    public var annualCostEUR: Double?
    public var comparisons: [Comparison]
    public var mismatches: [Mismatch]
    /// Subscribed power used, and the level the hourly peak calls for.
    public var subscribedKVA: Double?
    public var recommendedKVA: Double?
    public var peakElectricKW: Double
    public var defaults: [DefaultedValue]
    public var notes: [String]
    /// The use scenario these energies and bills are for.
    public var use: UseSummary?

    enum CodingKeys: String, CodingKey {
        case delivered, primaryEnergyKWh = "primary_energy_kwh", primaryEnergyKWhPerM2 = "primary_energy_kwh_per_m2", co2Kg = "co2_kg"
        case heatingSystems = "heating_systems", unmetHeatKWh = "unmet_heat_kwh", unmetHeatHours = "unmet_heat_hours"
        case hotWater = "hot_water", otherUses = "other_uses", bills, costByUse = "cost_by_use", annualCostEUR = "annual_cost_eur", comparisons, mismatches
        case subscribedKVA = "subscribed_kva", recommendedKVA = "recommended_kva", peakElectricKW = "peak_electric_kw", defaults, notes, use
    }
}

/// Options of an energy analysis.
public struct EnergyOptions: Sendable {
    /// Price at the versions in force on this day (default: chosen per energy, see
    /// ``EnergyAnalysis/defaultPricesDate(for:contract:library:)``).
    public var pricesOn: CivilDate?
    /// Day colours (Tempo) when an actual calendar is known.
    public var knownColours: [CivilDate: DayColour]
    /// `false`: the bills under the contracts only — no ranking of every offer, no euros by use,
    /// no mismatches (what a run of many variants needs).
    public var compareOffers: Bool
    /// `false`: no euros by use (``EnergyReport/costByUse`` empty), which bills each use alone
    /// under the chosen offer; the totals and the comparison of offers are unchanged.
    public var costByUse: Bool
    public init(pricesOn: CivilDate? = nil, knownColours: [CivilDate: DayColour] = [:], compareOffers: Bool = true, costByUse: Bool = true) {
        self.pricesOn = pricesOn
        self.knownColours = knownColours
        self.compareOffers = compareOffers
        self.costByUse = costByUse
    }
}

public enum EnergyAnalysis {
    /// Standard subscribed-power levels of French residential offers, kVA.
    public static let standardKVA: [Double] = [3, 6, 9, 12, 15, 18, 24, 30, 36]

    /// Analyses a simulated year of `dwelling`.
    public static func analyse(_ dwelling: ResolvedDwelling, result: HourlyResult, weather: WeatherYear, library: TariffLibrary,
                               options: EnergyOptions = EnergyOptions()) throws(InputError) -> EnergyReport {
        let country = (dwelling.location.country ?? "FR").uppercased()
        let supply = dwelling.energySupply
        let contractIssues = library.contractIssues(supply, country: country)
        if contractIssues.hasErrors { throw InputError(contractIssues) }
        var notes: [String] = []
        var defaults: [DefaultedValue] = []
        // Off-peak windows of the meter (clock time).
        var windows = (supply.offPeakHours ?? []).compactMap(ClockWindow.init)
        if windows.isEmpty {
            windows = ClockWindow.usualOffPeak(country: country)
            defaults.append(DefaultedValue(path: "energy_supply.off_peak_hours", value: windows.map(\.description).joined(separator: ", "),
                                           reason: country == "BE" ? "the Walloon night window (exclusive-night and day/night meters)" : "the most common Enedis off-peak window"))
        }
        // The calendar year the simulated year is laid on: that of the prices.
        let electricityDate = options.pricesOn ?? defaultElectricityPricesDate(dwelling, library: library)
        let calendarYear = electricityDate?.year ?? 2026
        let clock = LoadCurve.simulatedYear(hourlyKWh: [Double](repeating: 0, count: result.heatingW.count), year: calendarYear, origin: "")
        let offPeak = clock.intervals.map { interval in windows.contains { $0.contains(minuteOfDay: interval.start.minuteOfDay) } }
        let inputs = SystemInputs(heatingW: result.heatingW, outdoorC: result.outdoorC, offPeak: offPeak,
                                  coldWaterC: ColdWater.monthlyC(dwelling: dwelling, weather: weather),
                                  clockHour: clock.intervals.map { $0.start.minuteOfDay / 60 })
        let systems = SystemsModel.run(dwelling, inputs: inputs)
        defaults += systems.defaults

        // Delivered energy, primary energy, CO₂.
        let factorDate = electricityDate ?? CivilDate(2026, 1, 1)
        var delivered: [EnergyReport.Delivered] = []
        for energy in Energy.allCases {
            let streams = systems.streams.filter { $0.energy == energy }
            guard !streams.isEmpty else { continue }
            let kWh = streams.reduce(0) { $0 + $1.totalKWh }
            guard kWh > 0 else { continue }
            var byUse: [String: Double] = [:]
            var co2 = 0.0
            for stream in streams {
                byUse[stream.use.rawValue, default: 0] += stream.totalKWh
                co2 += stream.totalKWh * Emissions.kgCO2PerKWh(energy, use: stream.use)
            }
            let unit = FuelUnit.units(of: energy).first
            let quantity = unit.flatMap { $0 == .kilowattHour ? nil : FuelQuantity.holding(kWhPCI: kWh, of: energy, in: $0) }
            var item = EnergyReport.Delivered(
                energy: energy, kWh: kWh, kWhPCS: energy == .naturalGas ? kWh * energy.grossOverNetCalorificValue : nil,
                quantity: quantity?.amount, unit: quantity.map { $0.unit.rawValue }, byUseKWh: byUse,
                primaryEnergyKWh: kWh * PrimaryEnergy.factor(energy, on: factorDate), co2Kg: co2)
            let hourly = systems.hourlyKWh(energy)
            item.monthlyKWh = (1...12).map { month in
                let first = WeatherYear.firstHour(ofMonth: month)
                return hourly[first..<min(hourly.count, first + WeatherYear.daysPerMonth[month - 1] * 24)].reduce(0, +)
            }
            delivered.append(item)
        }
        let primary = delivered.reduce(0) { $0 + $1.primaryEnergyKWh }

        // Load curves per energy and circuit, as billed.
        let colours = DayColourCalendar(known: options.knownColours, ranking: .dailyMeanOutdoorC(dailyMeans(result.outdoorC)))
        func curve(_ energy: Energy, _ circuit: Circuit?) -> LoadCurve {
            var hourly = systems.hourlyKWh(energy, circuit: circuit)
            if energy == .naturalGas { hourly = hourly.map { $0 * energy.grossOverNetCalorificValue } }
            return LoadCurve.simulatedYear(hourlyKWh: hourly, year: calendarYear, origin: "simulated \(energy.rawValue)")
        }
        let mainElectric = curve(.electricity, .main)
        let peakKW = mainElectric.peakKW
        // Subscribed power: an hourly mean underestimates the instantaneous peak; the level is
        // the smallest standard one above 1.3 × the hourly peak (see Docs/Bills.md).
        let recommended = standardKVA.first { $0 >= peakKW * 1.3 } ?? standardKVA.last ?? 36
        let kva = supply.subscribedKVA ?? recommended
        if supply.subscribedKVA == nil {
            defaults.append(DefaultedValue(path: "energy_supply.subscribed_kva", value: "\(Int(kva))",
                                           reason: String(format: "smallest standard level ≥ 1.3 × the hourly electric peak (%.2f kW)", peakKW)))
        }
        var billing = BillingOptions(subscribedKVA: kva, offPeakHours: windows, colours: colours)

        // Bills under the contracts, and the comparison for each energy and circuit bought.
        var bills: [Bill] = []
        var comparisons: [EnergyReport.Comparison] = []
        var mismatches: [EnergyReport.Mismatch] = []
        var groups: [(Energy, Circuit)] = []
        for energy in delivered.map(\.energy) {
            if energy == .electricity {
                groups.append((.electricity, .main))
                if systems.streams.contains(where: { $0.energy == .electricity && $0.circuit == .exclusiveNight && $0.totalKWh > 0 }) {
                    groups.append((.electricity, .exclusiveNight))
                }
            } else {
                groups.append((energy, .main))
            }
        }
        var currentCost = 0.0, allContractsBilled = true
        var costByUse: [EnergyReport.UseCost] = []
        /// The uses' share of the bill of `energy` on `circuit` at `offer` (see ``EnergyReport/UseCost``):
        /// each use billed alone gives its energy part (its bill less the bill of no consumption);
        /// the parts are scaled month by month to the whole bill's energy part (banded taxes),
        /// and the bill of no consumption is the fixed charges.
        func useCosts(_ energy: Energy, _ circuit: Circuit, offer: String, total: Bill) throws(InputError) -> [EnergyReport.UseCost] {
            let hours = result.heatingW.count
            let fixed = try BillEngine.bill(LoadCurve.simulatedYear(hourlyKWh: [Double](repeating: 0, count: hours), year: calendarYear, origin: "no consumption"),
                                            offer: offer, library: library, options: billing)
            var byUse: [(EnergyUse, [Double])] = []
            for stream in systems.streams where stream.energy == energy && (energy != .electricity || stream.circuit == circuit) && stream.totalKWh > 0 {
                if let index = byUse.firstIndex(where: { $0.0 == stream.use }) {
                    for hour in 0..<hours { byUse[index].1[hour] += stream.hourlyKWh[hour] }
                } else {
                    byUse.append((stream.use, stream.hourlyKWh))
                }
            }
            func monthly(_ bill: Bill) -> [Double] {
                (1...12).map { month in bill.months.filter { $0.month == month }.reduce(0) { $0 + $1.totalEUR } }
            }
            let fixedMonths = monthly(fixed), totalMonths = monthly(total)
            var parts: [(EnergyUse, Double, [Double])] = []
            for (use, hourly) in byUse {
                let billed = energy == .naturalGas ? hourly.map { $0 * energy.grossOverNetCalorificValue } : hourly
                let alone = try BillEngine.bill(LoadCurve.simulatedYear(hourlyKWh: billed, year: calendarYear, origin: use.rawValue),
                                                offer: offer, library: library, options: billing)
                parts.append((use, hourly.reduce(0, +), zip(monthly(alone), fixedMonths).map { max(0, $0 - $1) }))
            }
            var costs: [EnergyReport.UseCost] = []
            for (use, kWh, months) in parts {
                let scaled = (0..<12).map { month -> Double in
                    let sum = parts.reduce(0) { $0 + $1.2[month] }
                    return sum > 0 ? months[month] * max(0, totalMonths[month] - fixedMonths[month]) / sum : 0
                }
                costs.append(EnergyReport.UseCost(energy: energy, circuit: circuit.rawValue, use: use.rawValue, offer: offer, kWh: kWh,
                                                  annualEUR: scaled.reduce(0, +), monthlyEUR: scaled))
            }
            costs.append(EnergyReport.UseCost(energy: energy, circuit: circuit.rawValue, use: "fixed_charges", offer: offer, kWh: 0,
                                              annualEUR: fixedMonths.reduce(0, +), monthlyEUR: fixedMonths))
            return costs
        }
        for (energy, circuit) in groups {
            let load = curve(energy, energy == .electricity ? circuit : nil)
            let contract = supply.contracts?.first { $0.energy == energy && ($0.circuit ?? .main).rawValue == circuit.rawValue }
            let offers = options.compareOffers ? candidates(energy, circuit: circuit, country: country, supply: supply, library: library) : []
            let date = options.pricesOn ?? defaultPricesDate(for: offers, contract: contract?.offer, library: library)
            billing.pricesOn = date
            var currentBill: Bill?
            if let offer = contract?.offer {
                guard !library.versions(of: offer).isEmpty else {
                    var issue = library.unknownOffer(offer, path: "energy_supply.contracts[\(energy.rawValue)].offer")
                    issue.message = "unknown tariff offer"
                    throw InputError(issue)
                }
                let bill = try BillEngine.bill(load, offer: offer, library: library, options: billing)
                bills.append(bill)
                currentBill = bill
                currentCost += bill.totalEUR
            } else {
                allContractsBilled = false
            }
            guard let date else {
                notes.append("no tariff for \(energy.rawValue) in \(country): no bill")
                continue
            }
            var optionsList: [EnergyReport.Option] = []
            var excluded: [String] = []
            if supply.distributionOperator == nil {
                let networkOffers = library.memoizedOffers("network-offers|\(energy.rawValue)|\(country)") {
                    library.offers.filter { offer in
                        guard let latest = library.latest(offer) else { return false }
                        return latest.energy == energy && latest.country == country && latest.distributionOperator != nil
                    }
                }
                if !networkOffers.isEmpty {
                    excluded.append("\(networkOffers.count) offers that include a network operator's tariff (\(networkOffers.prefix(2).joined(separator: ", "))…): give energy_supply.distribution_operator (ores, resa, aieg, aiesh, rew) to compare them")
                }
            }
            for offer in offers {
                guard library.tariff(offer, on: date) != nil else {
                    excluded.append("\(offer): no prices in force on \(date)")
                    continue
                }
                do {
                    let bill = try BillEngine.bill(load, offer: offer, library: library, options: billing)
                    optionsList.append(EnergyReport.Option(offer: offer, name: bill.name, totalEUR: bill.totalEUR,
                                                           differenceEUR: currentBill.map { bill.totalEUR - $0.totalEUR }, isCurrent: offer == contract?.offer))
                } catch {
                    excluded.append("\(offer): " + (error.issues.first?.messageWithAllowed ?? "cannot be billed"))
                }
            }
            if let currentBill, !optionsList.contains(where: \.isCurrent) {
                optionsList.append(EnergyReport.Option(offer: currentBill.offer, name: currentBill.name, totalEUR: currentBill.totalEUR, differenceEUR: 0, isCurrent: true))
            }
            optionsList.sort { ($0.totalEUR, $0.offer) < ($1.totalEUR, $1.offer) }
            guard options.compareOffers else { continue }
            // Euros by use: at the contract, else at the cheapest applicable offer (said in a note).
            if !options.costByUse {
                // No euros by use asked for.
            } else if let currentBill {
                costByUse += try useCosts(energy, circuit, offer: currentBill.offer, total: currentBill)
            } else if let cheapest = optionsList.first, let bill = try? BillEngine.bill(load, offer: cheapest.offer, library: library, options: billing) {
                costByUse += try useCosts(energy, circuit, offer: cheapest.offer, total: bill)
                notes.append("no \(energy.rawValue) contract: the euros by use are priced at the cheapest applicable offer, \(cheapest.name)")
            }
            comparisons.append(EnergyReport.Comparison(energy: energy, circuit: circuit.rawValue, pricesOn: date, options: optionsList, excluded: excluded))

            // Mismatches.
            guard let currentBill, let current = library.tariff(currentBill.offer, on: date) else { continue }
            if energy == .electricity, circuit == .main, let sub = supply.subMeter, let price = sub.priceEURPerKWh {
                // Re-billed through a sub-meter: what the household pays per kWh against what its
                // own hours cost at the building's contract (its energy and taxes, the building's
                // standing charge left aside).
                let standingHT = currentBill.lines.filter { $0.kind == .fixedCharge }.reduce(0) { $0 + $1.amountEUR }
                do {
                    let atBuilding = currentBill.totalEUR - standingHT * (1 + current.vatRateFixed)
                    let charged = currentBill.kWh * price + (sub.fixedEURPerYear ?? 0)
                    if charged - atBuilding > 1 {
                        let who = sub.billedBy.map { " by the \($0)" } ?? ""
                        mismatches.append(EnergyReport.Mismatch(
                            kind: "sub_meter_overbilled",
                            message: "re-billed\(who) through a sub-meter at \(NumberText.fixed(price, 4)) €/kWh: \(euros(charged)) for \(NumberText.fixed(currentBill.kWh, 0)) kWh, while the same hours cost \(euros(atBuilding)) at the building's contract (\(current.name), energy and taxes, its standing charge aside)",
                            savingEURPerYear: charged - atBuilding))
                    }
                }
            }
            if let cheapest = optionsList.first, !cheapest.isCurrent, let difference = cheapest.differenceEUR, difference < -1 {
                let meter = supply.electricityMeter
                if supply.protectedCustomer == true, current.eligibility != .protectedCustomers,
                   library.tariff(cheapest.offer, on: date)?.eligibility == .protectedCustomers {
                    mismatches.append(EnergyReport.Mismatch(
                        kind: "social_tariff_not_used",
                        message: "the household is entitled to the social tariff (energy_supply.protected_customer) but pays a commercial contract (\(current.name)); \(cheapest.name) would cost \(euros(cheapest.totalEUR)) instead of \(euros(currentBill.totalEUR))",
                        savingEURPerYear: -difference))
                } else if energy == .electricity, current.meter == .single, meter == .peakOffPeak || meter == .smart,
                   let tariff = library.tariff(cheapest.offer, on: date), tariff.meter != .single {
                    // The saving of the meter's own registers: the same supplier's day/night
                    // option when it has one; a cheaper supplier is said beside it.
                    // (A composed Walloon offer names its product: `…-ores-mono` and `…-ores-bihoraire`.)
                    let sameProduct = current.offer.hasSuffix("-mono") ? String(current.offer.dropLast("-mono".count)) + "-bihoraire" : nil
                    let sameSupplier = optionsList.first { option in
                        guard let other = library.tariff(option.offer, on: date), (option.differenceEUR ?? 0) < -1, other.meter == .peakOffPeak else { return false }
                        return sameProduct.map { option.offer == $0 } ?? (other.supplier == current.supplier)
                    }
                    let message: String
                    let saving: Double
                    if let sameSupplier, sameSupplier.offer != cheapest.offer, let sameDifference = sameSupplier.differenceEUR {
                        message = "the meter counts peak and off-peak hours but the contract (\(current.name)) bills a single rate; the same supplier's day/night option (\(sameSupplier.name)) would cost \(euros(sameSupplier.totalEUR)) instead of \(euros(currentBill.totalEUR)); the cheapest offer, \(cheapest.name), \(euros(cheapest.totalEUR))"
                        saving = -sameDifference
                    } else {
                        message = "the meter counts peak and off-peak hours but the contract (\(current.name)) bills a single rate; \(cheapest.name) would cost \(euros(cheapest.totalEUR)) instead of \(euros(currentBill.totalEUR))"
                        saving = -difference
                    }
                    mismatches.append(EnergyReport.Mismatch(kind: "dual_meter_single_rate", message: message, savingEURPerYear: saving))
                } else {
                    mismatches.append(EnergyReport.Mismatch(
                        kind: "cheaper_offer",
                        message: "\(cheapest.name) would cost \(euros(cheapest.totalEUR)) a year instead of \(euros(currentBill.totalEUR)) (\(current.name))",
                        savingEURPerYear: -difference))
                }
            }
            if energy == .electricity, circuit == .main, supply.exclusiveNightCircuit == true,
               let water = dwelling.hotWater.systems?.first, water.type == .electricStorage || water.type == .heatPumpWaterHeater,
               water.offPeakCharging != true {
                // An exclusive-night circuit (paid for, whether used or not) while the water
                // heater heats on the day circuit: re-run with it on the night circuit, and price
                // both meters before and after.
                var shifted = dwelling
                shifted.hotWater.systems?[0].offPeakCharging = true
                let shiftedSystems = SystemsModel.run(shifted, inputs: inputs)
                func load(_ systems: SystemsResult, _ circuit: Circuit) -> LoadCurve {
                    LoadCurve.simulatedYear(hourlyKWh: systems.hourlyKWh(.electricity, circuit: circuit), year: calendarYear, origin: "simulated")
                }
                let nightContract = supply.contracts?.first { $0.energy == .electricity && $0.circuit == .exclusiveNight }?.offer
                let nightOffers = nightContract.map { [$0] } ?? candidates(.electricity, circuit: .exclusiveNight, country: country, supply: supply, library: library)
                let nightBills = nightOffers.compactMap { offer -> (String, Double, Double)? in
                    guard let before = try? BillEngine.bill(load(systems, .exclusiveNight), offer: offer, library: library, options: billing),
                          let after = try? BillEngine.bill(load(shiftedSystems, .exclusiveNight), offer: offer, library: library, options: billing) else { return nil }
                    return (after.name, before.totalEUR, after.totalEUR)
                }.min { $0.2 - $0.1 < $1.2 - $1.1 }
                if let nightBills, let mainAfter = try? BillEngine.bill(load(shiftedSystems, .main), offer: currentBill.offer, library: library, options: billing) {
                    let saving = (currentBill.totalEUR - mainAfter.totalEUR) - (nightBills.2 - nightBills.1)
                    if saving > 1 {
                        let unused = systems.streams.allSatisfy { $0.circuit != .exclusiveNight || $0.totalKWh <= 0 }
                        mismatches.append(EnergyReport.Mismatch(
                            kind: "exclusive_night_not_used",
                            message: "the dwelling has an exclusive-night circuit\(unused ? " that nothing uses" : "") but the electric water heater heats on the day circuit; wired to the night circuit it would cost \(euros(saving)) less (main contract \(euros(currentBill.totalEUR - mainAfter.totalEUR)) less, exclusive-night meter \(euros(nightBills.2 - nightBills.1)) more at \(nightBills.0)\(nightContract == nil ? ", the cheapest exclusive-night offer" : ""))",
                            savingEURPerYear: saving))
                    }
                } else {
                    notes.append("the water heater could charge on the exclusive-night circuit, but no exclusive-night offer has prices on \(date): no saving computed")
                }
            }
            if energy == .electricity, circuit == .main, current.offPeakPeriodIndex != nil, supply.exclusiveNightCircuit != true,
               let water = dwelling.hotWater.systems?.first, water.type == .electricStorage || water.type == .heatPumpWaterHeater,
               water.offPeakCharging != true {
                // Re-run the systems with the water heater on the off-peak contact.
                var shifted = dwelling
                shifted.hotWater.systems?[0].offPeakCharging = true
                let shiftedSystems = SystemsModel.run(shifted, inputs: inputs)
                let shiftedLoad = LoadCurve.simulatedYear(hourlyKWh: shiftedSystems.hourlyKWh(.electricity, circuit: .main), year: calendarYear, origin: "simulated")
                if let bill = try? BillEngine.bill(shiftedLoad, offer: currentBill.offer, library: library, options: billing), currentBill.totalEUR - bill.totalEUR > 1 {
                    mismatches.append(EnergyReport.Mismatch(
                        kind: "off_peak_not_used",
                        message: "the contract has off-peak hours but the electric water heater heats whenever water is drawn; on the off-peak contact (or a timer) it would cost \(euros(currentBill.totalEUR - bill.totalEUR)) less",
                        savingEURPerYear: currentBill.totalEUR - bill.totalEUR))
                }
            }
            if energy == .electricity, circuit == .main, let subscribed = supply.subscribedKVA,
               let index = standardKVA.firstIndex(of: recommended), let levelIndex = standardKVA.firstIndex(where: { $0 >= subscribed }), levelIndex >= index + 2 {
                var lower = billing
                lower.subscribedKVA = standardKVA[index + 1]
                if let bill = try? BillEngine.bill(load, offer: currentBill.offer, library: library, options: lower), currentBill.totalEUR - bill.totalEUR > 1 {
                    mismatches.append(EnergyReport.Mismatch(
                        kind: "subscribed_power_too_high",
                        message: String(format: "%.0f kVA subscribed for an hourly peak of %.1f kW; %.0f kVA (one level of margin above %.0f kVA) would cost %@ less", subscribed, peakKW, standardKVA[index + 1], recommended, euros(currentBill.totalEUR - bill.totalEUR)),
                        savingEURPerYear: currentBill.totalEUR - bill.totalEUR))
                }
            }
        }
        if supply.contracts?.isEmpty ?? true { notes.append("no contract in energy_supply.contracts: the offers are compared, no current bill") }

        var report = EnergyReport(
            delivered: delivered, primaryEnergyKWh: primary, primaryEnergyKWhPerM2: primary / dwelling.floorAreaM2,
            co2Kg: delivered.reduce(0) { $0 + $1.co2Kg }, heatingSystems: systems.heating,
            unmetHeatKWh: systems.unmetHeatKWh, unmetHeatHours: systems.unmetHeatHours, hotWater: systems.hotWater,
            otherUses: systems.otherUses, bills: bills, annualCostEUR: bills.isEmpty || !allContractsBilled ? (bills.isEmpty ? nil : currentCost) : currentCost,
            comparisons: comparisons, mismatches: mismatches.sorted { $0.savingEURPerYear > $1.savingEURPerYear },
            subscribedKVA: kva, recommendedKVA: recommended, peakElectricKW: peakKW, defaults: defaults, notes: notes, use: UseSummary(dwelling))
        report.costByUse = costByUse
        return report
    }

    /// The offers that can bill `energy` on `circuit` for this household: same country, the
    /// meter able to count what the offer prices, the social tariff only for protected customers.
    public static func candidates(_ energy: Energy, circuit: Circuit, country: String, supply: EnergySupplySpec, library: TariffLibrary) -> [String] {
        let key = "candidates|\(energy.rawValue)|\(circuit.rawValue)|\(country)|" + Tariff.compatibilityKey(supply)
        return library.memoizedOffers(key) {
            library.offers.filter { offer in
                guard let tariff = library.latest(offer), tariff.energy == energy, tariff.country == country else { return false }
                return tariff.incompatibility(circuit: circuit == .exclusiveNight ? .exclusiveNight : .main, supply: supply) == nil
            }
        }
    }

    /// The day whose electricity prices the analysis of `dwelling` uses when none is given.
    public static func defaultElectricityPricesDate(_ dwelling: ResolvedDwelling, library: TariffLibrary) -> CivilDate? {
        let country = (dwelling.location.country ?? "FR").uppercased()
        let contract = dwelling.energySupply.contracts?.first { $0.energy == .electricity && ($0.circuit ?? .main) == .main }?.offer
        return defaultPricesDate(for: candidates(.electricity, circuit: .main, country: country, supply: dwelling.energySupply, library: library),
                                 contract: contract, library: library)
    }

    /// The calendar year a simulated year of `dwelling` is laid on for its bills (the year of
    /// the electricity prices, 2026 when there are none): simulate with the weekday of its
    /// 1 January so that occupancy schedules and tariff weekdays agree.
    public static func billingYear(_ dwelling: ResolvedDwelling, library: TariffLibrary, pricesOn: CivilDate? = nil) -> Int {
        (pricesOn ?? defaultElectricityPricesDate(dwelling, library: library))?.year ?? 2026
    }

    /// The day whose prices a comparison uses when none is given: among the start dates of the
    /// offers' versions, the one on which the most offers have prices, the latest on a tie; with
    /// a `contract`, only the days its own prices are in force (a comparison against the current
    /// contract needs its price that day: supplier cards are monthly).
    public static func defaultPricesDate(for offers: [String], contract: String? = nil, library: TariffLibrary) -> CivilDate? {
        library.memoizedDate("prices-date|" + offers.joined(separator: ",") + "|" + (contract ?? "")) {
            computeDefaultPricesDate(for: offers, contract: contract, library: library)
        }
    }

    static func computeDefaultPricesDate(for offers: [String], contract: String?, library: TariffLibrary) -> CivilDate? {
        let offers = offers + [contract].compactMap { $0 }
        var starts = Set(offers.flatMap { library.versions(of: $0).map(\.validFrom) })
        if let contract, !library.versions(of: contract).isEmpty {
            starts = starts.filter { library.tariff(contract, on: $0) != nil }
        }
        return starts.max { a, b in
            let ca = offers.filter { library.tariff($0, on: a) != nil }.count, cb = offers.filter { library.tariff($0, on: b) != nil }.count
            return (ca, a) < (cb, b)
        }
    }

    static func dailyMeans(_ hourly: [Double]) -> [Double] {
        stride(from: 0, to: hourly.count, by: 24).map { start in
            hourly[start..<min(start + 24, hourly.count)].reduce(0, +) / 24
        }
    }

    static func euros(_ value: Double) -> String { String(format: "%.2f €", value) }
}
