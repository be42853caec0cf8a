import FoyerCore
import FoyerEnergy
import FoyerModel

/// Composes the offers of a components file (``TariffComponentsSpec``) into ``Tariff`` versions
/// (decision 0011).
///
/// For each supplier product, each month it has a price for, each distribution operator and
/// each meter: the register's price is the sum of the supplier's energy price, the operator's
/// distribution price, the transport, the supplier's green-certificate contribution, the excise,
/// the energy contribution and the connection fee (every figure TVAC but the connection fee);
/// the fixed charge is the supplier's fee plus the operator's fixed term. One version per
/// interval in which none of the parts changes. A product's month has a price when a card of
/// that month is in the file, or when an indexation formula is in force that month and the
/// index value it needs is known; a month a formula covers but whose index value is unknown is
/// kept as a reason (``Tariff/unpricedMonths``) that a bill on that month reports.
///
/// Every number of the file is checked with its path (`offers[2].months[0].hp`); the composed
/// versions are then checked as ordinary tariffs.
public enum TariffComposer {
    /// The format id of a components file.
    public static let format = "foyer-tariff-components-1"

    /// The largest price component accepted, c€/kWh (the dearest Walloon component is below 30).
    static let largestCentsPerKWh = 500.0
    /// The largest index value accepted, €/MWh (monthly means; 2022's peak was about 450).
    static let largestIndexEURPerMWh = 5_000.0

    /// Composes every offer of `spec`; `file` names the file in issues.
    public static func compose(_ spec: TariffComponentsSpec, file: String) -> (tariffs: [Tariff], issues: [InputIssue]) {
        var composer = Composer(spec: spec, file: file)
        composer.run()
        return (composer.tariffs, composer.issues)
    }

    /// A month `YYYY-MM` as a count of months, or `nil`.
    static func monthNumber(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
              (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        return year * 12 + month - 1
    }

    static func monthText(_ number: Int) -> String {
        let year = number / 12, month = number % 12 + 1
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    static func firstDay(_ number: Int) -> CivilDate { CivilDate(number / 12, number % 12 + 1, 1) }
    static func lastDay(_ number: Int) -> CivilDate {
        CivilDate(number / 12, number % 12 + 1, CivilDate.daysInMonth(year: number / 12, month: number % 12 + 1))
    }
}

private struct Composer {
    let spec: TariffComponentsSpec
    let file: String
    var tariffs: [Tariff] = []
    var issues: [InputIssue] = []

    init(spec: TariffComponentsSpec, file: String) {
        self.spec = spec
        self.file = file
    }

    mutating func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
        issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
    }

    mutating func required<T>(_ value: T?, _ path: String, expected: String) -> T? {
        if value == nil { error(path, nil, "missing", expected: expected) }
        return value
    }

    /// A number within `range`, or an error naming the path.
    mutating func number(_ value: Double?, _ path: String, _ range: ClosedRange<Double>, unit: String, required isRequired: Bool = true) -> Double? {
        guard let value else {
            if isRequired { error(path, nil, "missing", expected: "\(NumberText.short(range.lowerBound))…\(NumberText.short(range.upperBound)) \(unit)") }
            return nil
        }
        guard value.isFinite, range.contains(value) else {
            error(path, NumberText.short(value, maxDecimals: 6), "out of range", expected: "\(NumberText.short(range.lowerBound))…\(NumberText.short(range.upperBound)) \(unit)")
            return nil
        }
        return value
    }

    mutating func cents(_ value: Double?, _ path: String, required isRequired: Bool = true) -> Double? {
        number(value, path, 0...TariffComposer.largestCentsPerKWh, unit: "c€/kWh", required: isRequired)
    }

    mutating func euros(_ value: Double?, _ path: String, required isRequired: Bool = true) -> Double? {
        number(value, path, 0...Tariff.largestFixedChargeEURPerYear, unit: "€ per year", required: isRequired)
    }

    mutating func date(_ text: String?, _ path: String, required isRequired: Bool) -> CivilDate? {
        guard let text else {
            if isRequired { error(path, nil, "missing", expected: "a date YYYY-MM-DD") }
            return nil
        }
        guard let date = CivilDate(iso: text), (2000...2100).contains(date.year) else {
            error(path, "\"\(text)\"", "not a date", expected: "YYYY-MM-DD between 2000 and 2100")
            return nil
        }
        return date
    }

    mutating func month(_ text: String?, _ path: String) -> Int? {
        guard let text = required(text, path, expected: "a month YYYY-MM") else { return nil }
        guard let number = TariffComposer.monthNumber(text) else {
            error(path, "\"\(text)\"", "not a month", expected: "YYYY-MM between 2000 and 2100")
            return nil
        }
        return number
    }

    // MARK: Checked components

    struct Hours { var source: String; var householdOffPeakHours: Bool; var periods: [PeriodSpec] }
    struct Grid {
        var op: DistributionOperator
        var mono, hp, hc, exclusiveNight, fixed: Double?
        var impact: (pic: Double, medium: Double, eco: Double)?
        var tiers: [(max: Double?, fixed: Double, cents: Double)]
    }
    struct Network { var from: CivilDate; var to: CivilDate?; var source: String; var transport: Double; var transportSource: String?; var hours: String?; var impactSource: String?; var grids: [Grid] }
    struct Levies { var from: CivilDate; var to: CivilDate?; var source: String; var excise: [(max: Double?, cents: Double)]; var contribution: Double; var connection: Double }
    struct Card { var month: Int; var mono, hp, hc, exclusiveNight, price: Double?; var fixed: Double; var exclusiveNightFixed: Double?; var green: Double; var source: String }
    struct Formula {
        var from: Int, to: Int, index: String, offset: Int, source: String
        var terms: [String: (constant: Double, factor: Double)]
    }

    mutating func run() {
        if let format = required(spec.format, "format", expected: "\"\(TariffComposer.format)\""), format != TariffComposer.format {
            error("format", "\"\(format)\"", "unknown components format", expected: "\"\(TariffComposer.format)\"")
        }
        guard let country = required(spec.country, "country", expected: "\"BE\"") else { return }
        if country.uppercased() != "BE" { error("country", "\"\(country)\"", "components are composed for Belgian (Walloon) offers only", expected: "\"BE\"") }
        guard let energy = required(spec.energy, "energy", expected: "electricity or natural_gas") else { return }
        if energy != .electricity, energy != .naturalGas {
            error("energy", "\"\(energy.rawValue)\"", "only electricity and natural gas bills are composed", expected: "electricity, natural_gas")
        }
        let vat = number(spec.vatRate, "vat_rate", 0...0.5, unit: "(a fraction)")

        // Hours.
        var hours: [String: Hours] = [:]
        for (index, block) in (spec.hours ?? []).enumerated() {
            let p = "hours[\(index)]"
            guard let id = required(block.id, p + ".id", expected: "a name such as \"from-2026\"") else { continue }
            if hours[id] != nil { error(p + ".id", "\"\(id)\"", "written twice", expected: "each hours id once") }
            guard let periods = required(block.periods, p + ".periods", expected: "a list of periods, as in foyer-tariff-1") else { continue }
            checkPeriods(periods, householdOffPeakHours: block.householdOffPeakHours ?? false, path: p)
            hours[id] = Hours(source: block.source ?? "", householdOffPeakHours: block.householdOffPeakHours ?? false, periods: periods)
        }
        if energy == .electricity {
            for needed in ["impact", "exclusive-night"] where hours[needed] == nil {
                error("hours", nil, "no \"\(needed)\" hours", expected: "hours with the ids used by the networks, \"impact\" and \"exclusive-night\"")
            }
        }

        // Networks.
        var networks: [Network] = []
        for (index, network) in (spec.networks ?? []).enumerated() {
            let p = "networks[\(index)]"
            let from = date(network.validFrom, p + ".valid_from", required: true)
            let to = date(network.validTo, p + ".valid_to", required: false)
            let transport = cents(network.transportCPerKWh, p + ".transport_c_per_kwh")
            if energy == .electricity, let id = required(network.hours, p + ".hours", expected: hours.keys.sorted().joined(separator: ", ")), hours[id] == nil {
                error(p + ".hours", "\"\(id)\"", "no such hours", expected: hours.keys.sorted().joined(separator: ", "))
            }
            var grids: [Grid] = []
            for (gridIndex, grid) in (network.operators ?? []).enumerated() {
                let g = "\(p).operators[\(gridIndex)]"
                guard let op = required(grid.operator, g + ".operator", expected: DistributionOperator.allowedNames.joined(separator: ", ")) else { continue }
                if grids.contains(where: { $0.op == op }) { error(g + ".operator", "\"\(op.rawValue)\"", "written twice in this network", expected: "each operator once") }
                var checked = Grid(op: op, tiers: [])
                if energy == .electricity {
                    checked.mono = cents(grid.mono, g + ".mono")
                    checked.hp = cents(grid.hp, g + ".hp")
                    checked.hc = cents(grid.hc, g + ".hc")
                    checked.exclusiveNight = cents(grid.exclusiveNight, g + ".exclusive_night", required: false)
                    checked.fixed = euros(grid.fixedEurPerYear, g + ".fixed_eur_per_year")
                    let pic = cents(grid.impactPic, g + ".impact_pic", required: false)
                    let medium = cents(grid.impactMedium, g + ".impact_medium", required: false)
                    let eco = cents(grid.impactEco, g + ".impact_eco", required: false)
                    if let pic, let medium, let eco { checked.impact = (pic, medium, eco) }
                } else {
                    var previous = 0.0
                    let tiers = required(grid.tiers, g + ".tiers", expected: "a list of {max_kwh_per_year, fixed_eur_per_year, c_per_kwh}") ?? []
                    for (tierIndex, tier) in tiers.enumerated() {
                        let t = "\(g).tiers[\(tierIndex)]"
                        let max = number(tier.maxKWhPerYear, t + ".max_kwh_per_year", 1...1e9, unit: "kWh/yr", required: false)
                        if let max {
                            if max <= previous { error(t + ".max_kwh_per_year", NumberText.short(max), "tiers must rise", expected: "more than \(NumberText.short(previous))") }
                            previous = max
                        }
                        if let fixed = euros(tier.fixedEurPerYear, t + ".fixed_eur_per_year"), let price = cents(tier.cPerKWh, t + ".c_per_kwh") {
                            checked.tiers.append((max, fixed, price))
                        }
                    }
                    if checked.tiers.isEmpty { error(g + ".tiers", nil, "no tier", expected: "at least one tier") }
                }
                grids.append(checked)
            }
            if grids.isEmpty { error(p + ".operators", nil, "no operator", expected: "one grid per distribution operator") }
            if let from, let transport {
                if let to, to < from { error(p + ".valid_to", to.description, "before valid_from", expected: "on or after \(from)") }
                networks.append(Network(from: from, to: to, source: network.source ?? "", transport: transport, transportSource: network.transportSource,
                                        hours: network.hours, impactSource: network.impactSource, grids: grids))
            }
        }
        if networks.isEmpty { error("networks", nil, "no network tariffs", expected: "at least one period of network tariffs") }

        // Levies.
        var levies: [Levies] = []
        for (index, block) in (spec.levies ?? []).enumerated() {
            let p = "levies[\(index)]"
            let from = date(block.validFrom, p + ".valid_from", required: true)
            let to = date(block.validTo, p + ".valid_to", required: false)
            var excise: [(Double?, Double)] = []
            if let bands = block.exciseBands {
                if block.exciseCPerKWh != nil { error(p + ".excise_c_per_kwh", nil, "both one excise rate and excise bands", expected: "either excise_c_per_kwh or excise_bands") }
                if energy == .electricity { error(p + ".excise_bands", nil, "electricity offers are composed with one excise rate", expected: "excise_c_per_kwh (the households' band)") }
                var previous = 0.0
                for (bandIndex, band) in bands.enumerated() {
                    let b = "\(p).excise_bands[\(bandIndex)]"
                    let max = number(band.maxKWhPerYear, b + ".max_kwh_per_year", 1...1e9, unit: "kWh/yr", required: false)
                    if let max {
                        if max <= previous { error(b + ".max_kwh_per_year", NumberText.short(max), "bands must rise", expected: "more than \(NumberText.short(previous))") }
                        previous = max
                    } else if bandIndex != bands.count - 1 {
                        error(b + ".max_kwh_per_year", nil, "only the last band is open-ended", expected: "an upper bound, kWh/yr")
                    }
                    if let rate = cents(band.cPerKWh, b + ".c_per_kwh") { excise.append((max, rate)) }
                }
                if bands.last.map({ $0.maxKWhPerYear != nil }) ?? true { error(p + ".excise_bands", nil, "the last band must be open-ended", expected: "no max_kwh_per_year on the last band") }
            } else if let rate = cents(block.exciseCPerKWh, p + ".excise_c_per_kwh") {
                excise = [(nil, rate)]
            }
            let contribution = cents(block.energyContributionCPerKWh, p + ".energy_contribution_c_per_kwh")
            let connection = cents(block.connectionFeeCPerKWh, p + ".connection_fee_c_per_kwh")
            if let from, let contribution, let connection, !excise.isEmpty {
                if let to, to < from { error(p + ".valid_to", to.description, "before valid_from", expected: "on or after \(from)") }
                levies.append(Levies(from: from, to: to, source: block.source ?? "", excise: excise, contribution: contribution, connection: connection))
            }
        }
        if levies.isEmpty { error("levies", nil, "no levies", expected: "at least one period of taxes and levies") }

        // Indices.
        var indices: [String: [Int: Double]] = [:]
        for (index, series) in (spec.indices ?? []).enumerated() {
            let p = "indices[\(index)]"
            guard let id = required(series.index, p + ".index", expected: "an index name such as \"ENDEX101\"") else { continue }
            if id.isEmpty { error(p + ".index", "\"\"", "an empty index name", expected: "an index name such as \"ENDEX101\"") }
            if indices[id] != nil { error(p + ".index", "\"\(id)\"", "written twice", expected: "each index once") }
            var values: [Int: Double] = [:]
            for (valueIndex, value) in (series.values ?? []).enumerated() {
                let v = "\(p).values[\(valueIndex)]"
                guard let month = month(value.month, v + ".month") else { continue }
                if values[month] != nil { error(v + ".month", "\"\(TariffComposer.monthText(month))\"", "written twice", expected: "each month once") }
                if let amount = number(value.eurPerMWh, v + ".eur_per_mwh", -TariffComposer.largestIndexEURPerMWh...TariffComposer.largestIndexEURPerMWh, unit: "€/MWh") {
                    values[month] = amount
                }
            }
            indices[id] = values
        }

        guard let vat, !issues.hasErrors else { return }

        // Offers.
        var seenOffers: Set<String> = []
        for (offerIndex, offer) in (spec.offers ?? []).enumerated() {
            let p = "offers[\(offerIndex)]"
            guard let id = required(offer.offer, p + ".offer", expected: "a product id such as \"be-engie-easy-variable\"") else { continue }
            if !id.hasPrefix("be-") || id.count < 4 || id.contains(where: { !($0.isLowercase || $0.isNumber || $0 == "-") }) {
                error(p + ".offer", "\"\(id)\"", "a product id is \"be-\" then lowercase letters, digits and hyphens", expected: "e.g. \"be-engie-easy-variable\"")
                continue
            }
            if !seenOffers.insert(id).inserted { error(p + ".offer", "\"\(id)\"", "written twice", expected: "each product once"); continue }
            let issuesBefore = issues.count
            var cards: [Card] = []
            for (cardIndex, card) in (offer.months ?? []).enumerated() {
                let c = "\(p).months[\(cardIndex)]"
                guard let month = month(card.month, c + ".month") else { continue }
                if cards.contains(where: { $0.month == month }) { error(c + ".month", "\"\(TariffComposer.monthText(month))\"", "written twice", expected: "each month once") }
                var checked = Card(month: month, fixed: 0, green: 0, source: card.source ?? "")
                if energy == .electricity {
                    checked.mono = cents(card.mono, c + ".mono", required: false)
                    checked.hp = cents(card.hp, c + ".hp", required: false)
                    checked.hc = cents(card.hc, c + ".hc", required: false)
                    checked.exclusiveNight = cents(card.exclusiveNight, c + ".exclusive_night", required: false)
                    checked.green = cents(card.greenCPerKWh, c + ".green_c_per_kwh") ?? 0
                    if (card.hp == nil) != (card.hc == nil) { error(c, nil, "a day/night card gives both hp and hc", expected: "hp and hc, or neither") }
                    if card.mono == nil, card.hp == nil, card.exclusiveNight == nil { error(c, nil, "no energy price", expected: "mono, hp and hc, or exclusive_night (c€/kWh)") }
                } else {
                    checked.price = cents(card.priceCPerKWh, c + ".price_c_per_kwh")
                }
                checked.fixed = euros(card.fixedEurPerYear, c + ".fixed_eur_per_year") ?? 0
                checked.exclusiveNightFixed = euros(card.exclusiveNightFixedEurPerYear, c + ".exclusive_night_fixed_eur_per_year", required: false)
                cards.append(checked)
            }
            var formulas: [Formula] = []
            for (formulaIndex, formula) in (offer.indexation ?? []).enumerated() {
                let f = "\(p).indexation[\(formulaIndex)]"
                let from = month(formula.fromMonth, f + ".from_month"), to = month(formula.toMonth, f + ".to_month")
                let offset = required(formula.indexMonthOffset, f + ".index_month_offset", expected: "0 (the same month) or -1 (the month before)")
                if let offset, !(-12...12).contains(offset) { error(f + ".index_month_offset", "\(offset)", "out of range", expected: "-12…12 months") }
                let index = required(formula.index, f + ".index", expected: indices.keys.sorted().joined(separator: ", "))
                if let index, indices[index] == nil {
                    error(f + ".index", "\"\(index)\"", "no such index in indices", expected: indices.keys.sorted().joined(separator: ", "))
                }
                var terms: [String: (Double, Double)] = [:]
                let registers: [(String, FormulaTermSpec?)] = energy == .electricity
                    ? [("mono", formula.mono), ("hp", formula.hp), ("hc", formula.hc), ("exclusive_night", formula.exclusiveNight)]
                    : [("price", formula.price)]
                for (name, term) in registers {
                    guard let term else { continue }
                    let constant = number(term.constantCPerKWh, "\(f).\(name).constant_c_per_kwh", -100...100, unit: "c€/kWh")
                    let factor = number(term.cPerKWhPerEurPerMWh, "\(f).\(name).c_per_kwh_per_eur_per_mwh", 0...10, unit: "c€/kWh per €/MWh")
                    if let constant, let factor { terms[name] = (constant, factor) }
                }
                if terms.isEmpty { error(f, nil, "no formula term", expected: energy == .electricity ? "mono, hp, hc or exclusive_night" : "price") }
                if let from, let to, to < from { error(f + ".to_month", "\"\(TariffComposer.monthText(to))\"", "before from_month", expected: "on or after \(TariffComposer.monthText(from))") }
                if let from, let to, to - from > 120 { error(f + ".to_month", "\"\(TariffComposer.monthText(to))\"", "a formula in force for more than 10 years", expected: "at most 120 months") }
                if let from, let to, let offset, let index, !terms.isEmpty {
                    formulas.append(Formula(from: from, to: to, index: index, offset: offset, source: formula.source ?? "", terms: terms))
                }
            }
            guard issues.count == issuesBefore else { continue }
            compose(offer: offer, id: id, cards: cards, formulas: formulas, indices: indices, networks: networks, levies: levies,
                    hours: hours, energy: energy, vat: vat, path: p)
        }
    }

    /// The periods of an `hours` block, checked once as the periods of a tariff file, their
    /// issues addressed in the components file (`hours[1].periods[0].hours[0].from`).
    mutating func checkPeriods(_ periods: [PeriodSpec], householdOffPeakHours: Bool, path: String) {
        var probe = TariffSpec()
        probe.format = "foyer-tariff-1"
        probe.offer = "be-hours-check"
        probe.country = "BE"
        probe.energy = .electricity
        probe.meter = periods.contains { $0.supply == false } ? .exclusiveNight : periods.count >= 3 ? .timeOfUse : periods.count == 2 ? .peakOffPeak : .single
        probe.validFrom = "2026-01-01"
        probe.pricesIncludeVat = true
        probe.vatRate = 0
        probe.sources = ["hours check"]
        probe.fixedCharges = [FixedChargeSpec(subscribedKVA: nil, eurPerYear: 0)]
        probe.periods = periods
        probe.householdOffPeakHours = householdOffPeakHours
        probe.energyPrices = periods.filter { $0.supply ?? true }.compactMap { $0.id }.map { EnergyPriceSpec(period: $0, eurPerKWh: 0.1) }
        let (_, found) = Tariff.resolve(probe, file: file)
        for issue in found where issue.severity == .error && issue.path.hasPrefix("periods") {
            var issue = issue
            issue.path = "\(path).\(issue.path)"
            issues.append(issue)
        }
    }

    // MARK: Composition

    /// The energy prices (c€/kWh TVAC) of one product month, with where they come from.
    struct MonthPrices { var card: Card; var source: String }

    mutating func compose(offer: ComponentOfferSpec, id: String, cards: [Card], formulas: [Formula], indices: [String: [Int: Double]],
                          networks: [Network], levies: [Levies], hours: [String: Hours], energy: Energy, vat: Double, path: String) {
        var months: [Int: MonthPrices] = [:]
        var unpriced: [String: String] = [:]
        for card in cards { months[card.month] = MonthPrices(card: card, source: card.source) }
        for formula in formulas {
            for month in formula.from...formula.to where months[month] == nil {
                let indexMonth = month + formula.offset
                guard let value = indices[formula.index]?[indexMonth] else {
                    unpriced[TariffComposer.monthText(month)] = "\(offer.name ?? id) is indexed on \(formula.index) and its \(TariffComposer.monthText(month)) price needs \(formula.index) of \(TariffComposer.monthText(indexMonth)), which Foyer's index table does not hold (known: \(indices[formula.index].map { $0.isEmpty ? "none" : $0.keys.sorted().map(TariffComposer.monthText).joined(separator: ", ") } ?? "none")), and Foyer does not guess it"
                    continue
                }
                // The fee and green-certificate contribution of the latest card before this month.
                guard let base = cards.filter({ $0.month <= month }).max(by: { $0.month < $1.month }) else {
                    unpriced[TariffComposer.monthText(month)] = "\(offer.name ?? id) has no card at or before \(TariffComposer.monthText(month)) to take its fixed fee from"
                    continue
                }
                var card = base
                card.month = month
                func priced(_ name: String) -> Double? {
                    formula.terms[name].map { ($0.constant + $0.factor * value) * (1 + vat) }
                }
                if energy == .electricity {
                    card.mono = priced("mono"); card.hp = priced("hp"); card.hc = priced("hc"); card.exclusiveNight = priced("exclusive_night")
                } else {
                    card.price = priced("price")
                }
                let source = "\(formula.source); \(formula.index) \(TariffComposer.monthText(indexMonth)) = \(NumberText.short(value, maxDecimals: 3)) €/MWh; fee and green certificates of the \(TariffComposer.monthText(base.month)) card"
                months[month] = MonthPrices(card: card, source: source)
            }
        }
        for month in months.keys.sorted() {
            guard let prices = months[month] else { continue }
            let monthFrom = TariffComposer.firstDay(month), monthTo = TariffComposer.lastDay(month)
            for network in networks {
                guard let span = overlap(monthFrom, monthTo, network.from, network.to) else { continue }
                for levy in levies {
                    guard let interval = overlap(span.0, span.1, levy.from, levy.to) else { continue }
                    for grid in network.grids.sorted(by: { $0.op.rawValue < $1.op.rawValue }) {
                        let base = Base(offer: offer, id: id, card: prices.card, cardSource: prices.source, network: network, levies: levy, grid: grid,
                                        from: interval.0, to: interval.1, vat: vat, path: path)
                        if energy == .electricity {
                            composeElectricity(base, hours: hours, unpriced: unpriced)
                        } else {
                            composeGas(base, unpriced: unpriced)
                        }
                    }
                }
            }
        }
    }

    func overlap(_ aFrom: CivilDate, _ aTo: CivilDate, _ bFrom: CivilDate, _ bTo: CivilDate?) -> (CivilDate, CivilDate)? {
        let start = max(aFrom, bFrom)
        let end = bTo.map { min(aTo, $0) } ?? aTo
        return start <= end ? (start, end) : nil
    }

    struct Base {
        var offer: ComponentOfferSpec
        var id: String
        var card: Card
        var cardSource: String
        var network: Network
        var levies: Levies
        var grid: Grid
        var from: CivilDate
        var to: CivilDate
        var vat: Double
        var path: String
    }

    /// c€/kWh → €/kWh, rounded to 0.01 m€ (the cards print 0.001 c€).
    func eur(_ cents: Double) -> Double { (cents / 100 * 1e8).rounded() / 1e8 }
    func text(_ value: Double) -> String { NumberText.short(value, maxDecimals: 5) }

    func spec(_ base: Base, offer: String) -> TariffSpec {
        var spec = TariffSpec()
        spec.format = "foyer-tariff-1"
        spec.offer = offer
        spec.supplier = base.offer.supplier
        spec.country = "BE"
        spec.region = self.spec.region
        spec.distributionOperator = base.grid.op
        spec.eligibility = .everyone
        spec.validFrom = base.from.description
        spec.validTo = base.to.description
        spec.pricesIncludeVat = true
        spec.vatRate = base.vat
        spec.sources = [base.cardSource, base.network.source] + [base.network.transportSource, base.levies.source].compactMap { $0 }
        return spec
    }

    /// An electricity version of `base` for one meter: its id suffix, name, periods and taxes.
    func electricSpec(_ base: Base, suffix: String, meterName: String, meter: MeterKind, hours: Hours?, source: String?, taxes: [TaxSpec]) -> TariffSpec {
        var s = spec(base, offer: "\(base.id)-\(base.grid.op.rawValue)-\(suffix)")
        s.name = "\(base.offer.name ?? base.id) — \(meterName), réseau \(base.grid.op.displayName)"
        s.energy = .electricity
        s.meter = meter
        if let hours {
            s.periods = hours.periods
            s.householdOffPeakHours = hours.householdOffPeakHours
            s.publicHolidaysAsSunday = false
        }
        s.sources = (s.sources ?? []) + [source].compactMap { $0 }
        s.taxes = taxes
        return s
    }

    mutating func add(_ spec: TariffSpec, base: Base, unpriced: [String: String], label: String) {
        let (tariff, found) = Tariff.resolve(spec, file: file)
        // A composed version's problem comes from the components: say which product, operator,
        // meter and date it was composed for.
        issues += found.filter { $0.severity == .error }.map { issue in
            var issue = issue
            issue.path = "\(base.path) (composed for \(base.grid.op.displayName), \(label), from \(base.from)): \(issue.path)"
            return issue
        }
        guard var tariff else { return }
        tariff.file = file
        tariff.unpricedMonths = unpriced
        tariffs.append(tariff)
    }

    mutating func composeElectricity(_ base: Base, hours: [String: Hours], unpriced: [String: String]) {
        let card = base.card, grid = base.grid, levies = base.levies
        let excise = levies.excise.first?.cents ?? 0
        let common = base.network.transport + card.green + excise + levies.contribution + levies.connection
        let commonText = "transport \(text(base.network.transport)), green certificates \(text(card.green)), excise \(text(excise)), energy contribution \(text(levies.contribution)) and connection fee \(text(levies.connection)) c€/kWh (all TVAC but the connection fee, which bears no VAT: the bill's VAT line is overstated by 6 % of it, about 0.15 € on 3 500 kWh)"
        var taxes = [TaxSpec(id: "accise", name: "Droit d'accise spécial (hors TVA)", eurPerKWh: (eur(excise) / (1 + base.vat) * 1e8).rounded() / 1e8)]
        if levies.contribution > 0 {
            taxes.append(TaxSpec(id: "cotisation_energie", name: "Cotisation sur l'énergie (hors TVA)", eurPerKWh: (eur(levies.contribution) / (1 + base.vat) * 1e8).rounded() / 1e8))
        }
        let supplierFee = card.fixed
        let about = base.offer.about.map { " \($0)." } ?? ""
        let composed = "Composed by Foyer from \(file) (decision 0011).\(about) Each register's price is the sum of the supplier's energy"
        let exciseNote = " The excise is the households' band (under 20 000 kWh a year). The included excise and contribution are shown excluding VAT."

        // Single rate.
        if let mono = card.mono, let gridMono = grid.mono, let fixed = grid.fixed {
            var s = electricSpec(base, suffix: "mono", meterName: "mono-horaire", meter: .single, hours: nil, source: nil, taxes: taxes)
            s.fixedCharges = [FixedChargeSpec(subscribedKVA: nil, eurPerYear: ((supplierFee + fixed) * 100).rounded() / 100)]
            s.energyPrices = [EnergyPriceSpec(eurPerKWh: eur(mono + gridMono + common))]
            s.notes = "\(composed) (\(text(mono)) c€/kWh), \(grid.op.displayName)'s distribution (\(text(gridMono)) c€/kWh), \(commonText); the fixed charge is the supplier's fee (\(text(supplierFee)) €/yr) plus the operator's fixed term (\(text(fixed)) €/yr).\(exciseNote)"
            add(s, base: base, unpriced: unpriced, label: "mono")
        }
        // Day/night.
        if let hp = card.hp, let hc = card.hc, let gridHP = grid.hp, let gridHC = grid.hc, let fixed = grid.fixed,
           let id = base.network.hours, let dayNight = hours[id] {
            var s = electricSpec(base, suffix: "bihoraire", meterName: "bihoraire (jour/nuit)", meter: .peakOffPeak, hours: dayNight, source: dayNight.source, taxes: taxes)
            s.fixedCharges = [FixedChargeSpec(subscribedKVA: nil, eurPerYear: ((supplierFee + fixed) * 100).rounded() / 100)]
            s.energyPrices = [EnergyPriceSpec(period: "day", eurPerKWh: eur(hp + gridHP + common)), EnergyPriceSpec(period: "night", eurPerKWh: eur(hc + gridHC + common))]
            s.notes = "\(composed) (\(text(hp)) day / \(text(hc)) night c€/kWh), \(grid.op.displayName)'s distribution (\(text(gridHP)) / \(text(gridHC)) c€/kWh), \(commonText); the fixed charge is the supplier's fee (\(text(supplierFee)) €/yr) plus the operator's fixed term (\(text(fixed)) €/yr).\(exciseNote)"
            add(s, base: base, unpriced: unpriced, label: "bihoraire")
        }
        // Impact (communicating meters): PIC and MEDIUM at the day energy price, ECO at the night one.
        if let hp = card.hp, let hc = card.hc, let impact = grid.impact, let bands = hours["impact"] {
            var s = electricSpec(base, suffix: "impact", meterName: "tarif Impact (3 plages, compteur communicant)", meter: .timeOfUse, hours: bands,
                                 source: base.network.impactSource ?? bands.source, taxes: taxes)
            s.fixedCharges = [FixedChargeSpec(subscribedKVA: nil, eurPerYear: supplierFee)]
            s.energyPrices = [EnergyPriceSpec(period: "pic", eurPerKWh: eur(hp + impact.pic + common)),
                              EnergyPriceSpec(period: "medium", eurPerKWh: eur(hp + impact.medium + common)),
                              EnergyPriceSpec(period: "eco", eurPerKWh: eur(hc + impact.eco + common))]
            s.notes = "\(composed) (\(text(hp)) day / \(text(hc)) night c€/kWh), \(grid.op.displayName)'s Impact distribution (\(text(impact.pic)) PIC / \(text(impact.medium)) MEDIUM / \(text(impact.eco)) ECO c€/kWh), \(commonText); the fixed charge is the supplier's fee (\(text(supplierFee)) €/yr): the Impact tariff has no network fixed term, and without Impact energy prices in the contract PIC and MEDIUM are billed at the day energy price, ECO at the night one.\(exciseNote)"
            add(s, base: base, unpriced: unpriced, label: "impact")
        }
        // Exclusive night: a separate circuit supplied in the night window only.
        if let night = card.exclusiveNight, let gridNight = grid.exclusiveNight, let window = hours["exclusive-night"] {
            var s = electricSpec(base, suffix: "exclusive-night", meterName: "exclusif nuit", meter: .exclusiveNight, hours: window, source: window.source, taxes: taxes)
            s.sources = (s.sources ?? []) + [self.spec.exclusiveNightFixedChargesSource].compactMap { $0 }
            let fee = card.exclusiveNightFixed
            s.fixedCharges = [FixedChargeSpec(subscribedKVA: nil, eurPerYear: fee ?? 0)]
            s.energyPrices = [EnergyPriceSpec(period: window.periods.first { $0.supply ?? true }?.id, eurPerKWh: eur(night + gridNight + common))]
            let feeText = fee.map { "the supplier's fee on this meter (\(text($0)) €/yr, from the card); the operator's fixed term on a second meter is unsourced and not included" }
                ?? "none: the supplier's fee and the operator's fixed term on a second meter are unsourced for this offer and not included, so only the price per kWh compares"
            s.notes = "\(composed) (\(text(night)) c€/kWh), \(grid.op.displayName)'s exclusive-night distribution (\(text(gridNight)) c€/kWh), \(commonText); fixed charge: \(feeText). The circuit is supplied in its night window only; the household's own window (energy_supply.off_peak_hours) replaces the default.\(exciseNote)"
            add(s, base: base, unpriced: unpriced, label: "exclusive night")
        }
    }

    /// Gas: one band per interval of annual volume in which neither the distribution tier nor
    /// the excise band changes. The tier prices the whole volume; the excise is cumulative, so a
    /// band above the first excise bound carries its marginal rate on every kWh and gives back,
    /// as a negative part of its fixed charge, what the lower excise bands charge less
    /// (V·r_k − Σ_{j<k} (r_k − r_j)·w_j).
    mutating func composeGas(_ base: Base, unpriced: [String: String]) {
        let card = base.card, levies = base.levies
        guard let price = card.price, !base.grid.tiers.isEmpty else { return }
        let bounds = Array(Set(base.grid.tiers.compactMap(\.max) + levies.excise.compactMap(\.max))).sorted()
        var bands: [BandSpec] = []
        let uppers: [Double?] = bounds.map { Optional($0) } + [nil]
        for upper in uppers {
            // A volume inside the band (the band's upper bound, or beyond the last bound).
            let volume = upper ?? ((bounds.last ?? 0) + 1)
            let tier = base.grid.tiers.first { ($0.max ?? .infinity) >= volume } ?? base.grid.tiers[base.grid.tiers.count - 1]
            let exciseIndex = levies.excise.firstIndex { ($0.max ?? .infinity) >= volume } ?? levies.excise.count - 1
            let rate = levies.excise[exciseIndex].cents
            var spared = 0.0, previousBound = 0.0
            for band in levies.excise.prefix(exciseIndex) {
                let bound = band.max ?? previousBound
                spared += (rate - band.cents) * (bound - previousBound) / 100
                previousBound = bound
            }
            let fixed = card.fixed + tier.fixed - spared
            bands.append(BandSpec(maxKWhPerYear: upper, fixedEurPerYear: (fixed * 100).rounded() / 100,
                                  eurPerKWh: eur(price + tier.cents + base.network.transport + rate + levies.contribution + levies.connection)))
        }
        var s = spec(base, offer: "\(base.id)-\(base.grid.op.rawValue)")
        s.name = "\(base.offer.name ?? base.id) — réseau \(base.grid.op.displayName)"
        s.energy = .naturalGas
        s.bands = bands
        let tiers = base.grid.tiers.map { "\($0.max.map { "≤ \(NumberText.short($0)) kWh/yr" } ?? "above"): \(text($0.fixed)) €/yr + \(text($0.cents)) c€/kWh" }.joined(separator: "; ")
        let excise = levies.excise.map { "\($0.max.map { "first \(NumberText.short($0)) kWh/yr" } ?? "beyond"): \(text($0.cents))" }.joined(separator: ", ")
        s.notes = "Composed by Foyer from \(file) (decision 0011).\(base.offer.about.map { " \($0)." } ?? "") The price per kWh PCS is the supplier's energy (\(text(price)) c€/kWh), \(base.grid.op.displayName)'s distribution tier for the annual volume (\(tiers)), transport \(text(base.network.transport)), excise (\(excise) c€/kWh, cumulative: a band above the first bound gives back what the lower rate spares as a reduction of its fixed charge), energy contribution \(text(levies.contribution)) and connection fee \(text(levies.connection)) c€/kWh (TVAC but the connection fee); the fixed charge adds the supplier's fee (\(text(card.fixed)) €/yr) and the tier's fixed term."
        add(s, base: base, unpriced: unpriced, label: "gas")
    }
}
