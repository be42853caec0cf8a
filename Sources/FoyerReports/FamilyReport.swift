import FoyerCore
import FoyerDossier
import FoyerEnergy
import FoyerInvoices

/// The language of a report: French first, for the households and their social workers.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case fr, en
}

/// The family summary ("synthèse famille", seed 002): what the visit saw, where the money goes,
/// what can be saved and what to ask for, in plain words, on printable A4 pages. HTML with its
/// charts as inline SVG drawn here: readable without JavaScript, printable to PDF by a browser.
///
/// It holds no identity (name, address) and no income figure: the household knows its own, and
/// the page may be seen by others; the effort rate is said in words.
public enum FamilyReport {
    public static func html(dossier: Dossier, analysis: DossierAnalysis, language: ReportLanguage = .fr) -> String {
        let fr = language == .fr
        func t(_ french: String, _ english: String) -> String { fr ? french : english }
        let money = { (value: Double) in HTML.euros(value, language: language) }
        var body = ""
        let lastVisit = dossier.visits.last
        body += "<header><h1>\(t("Synthèse de la visite", "Visit summary"))</h1>"
        body += "<p class=\"meta\">\(t("Foyer", "Household")) \(HTML.escape(dossier.householdID))"
        if let lastVisit { body += " · \(t("visite du", "visit of")) \(HTML.date(lastVisit.date, language: language))" }
        body += " · \(HTML.escape(analysis.dwellingName))</p></header>"

        // Where the money goes.
        body += "<section><h2>\(t("Ce que vous payez pour l'énergie", "What you pay for energy"))</h2>"
        body += "<p class=\"big\">\(money(analysis.energyEURPerYear)) \(t("par an", "a year")), "
            + "\(t("soit environ", "about")) \(money(analysis.energyEURPerYear / 12)) \(t("par mois", "a month"))</p>"
        body += "<p>" + (analysis.energyBasis == "bills"
            ? t("D'après vos factures.", "From your bills.")
            : t("Estimation : vos factures n'étaient pas disponibles.", "An estimate: your bills were not available.")) + "</p>"
        if let effort = analysis.indicators.effortRate {
            let percent = HTML.number(effort * 100, decimals: 0, language: language)
            body += "<p>" + t("L'énergie du logement prend environ <strong>\(percent) %</strong> de vos revenus",
                              "Energy for your home takes about <strong>\(percent) %</strong> of your income")
            body += effort > FuelPovertyIndicators.Reference.effortRateThreshold
                ? t(" : c'est plus que les 8 % au-delà desquels on parle de précarité énergétique.", ": more than the 8 % beyond which one speaks of fuel poverty.")
                : t(".", ".")
            body += "</p>"
        }
        if let spending = analysis.spending {
            body += SpendingCharts.byUse(spending, language: language)
            body += SpendingCharts.byMonth(spending, language: language)
        }
        body += "</section>"

        // What was measured.
        if let lastVisit, !lastVisit.measurements.isEmpty || !lastVisit.problems.isEmpty {
            body += "<section><h2>\(t("Ce que nous avons vu chez vous", "What we saw in your home"))</h2>"
            if !lastVisit.measurements.isEmpty {
                body += "<table><tr><th>\(t("Pièce", "Room"))</th><th>\(t("Température", "Temperature"))</th><th>\(t("Humidité", "Humidity"))</th></tr>"
                for measurement in lastVisit.measurements {
                    let temperature = measurement.temperatureC.map { "\(HTML.number($0, decimals: 1, language: language)) °C" } ?? "—"
                    let humidity = measurement.relativeHumidityPercent.map { "\(HTML.number($0, decimals: 0, language: language)) %" } ?? "—"
                    let cold = (measurement.temperatureC ?? 99) < FuelPovertyIndicators.Reference.whoMinimumC ? " class=\"cold\"" : ""
                    body += "<tr><td>\(HTML.escape(measurement.room))</td><td\(cold)>\(temperature)</td><td>\(humidity)</td></tr>"
                }
                body += "</table>"
                body += "<p class=\"note\">" + t("En dessous de 18 °C, le froid nuit à la santé (Organisation mondiale de la santé, 2018) ; en dessous de 16 °C, les défenses contre les infections respiratoires baissent.",
                                                 "Below 18 °C the cold harms health (World Health Organization, 2018); below 16 °C resistance to respiratory infections drops.") + "</p>"
            }
            body += RoomComfort.chart(dossier, language: language)
            if !lastVisit.problems.isEmpty {
                body += "<p>\(t("Problèmes relevés", "Problems seen")) : " + lastVisit.problems.map { problemName($0, language: language) }.joined(separator: ", ") + ".</p>"
            }
            body += "</section>"
        }

        // What can be saved.
        let useful = analysis.measures.filter { $0.notApplicable == nil && ($0.eurSavedPerYear ?? 0) > 0 }
            .sorted { ($0.eurSavedPerYear ?? 0) > ($1.eurSavedPerYear ?? 0) }
        if !useful.isEmpty {
            body += "<section><h2>\(t("Ce qui peut vous faire économiser", "What can save you money"))</h2><ul class=\"measures\">"
            for measure in useful.prefix(5) {
                body += "<li><strong>\(HTML.escape(fr ? measure.nameFr : measure.nameEn))</strong> : "
                    + "\(t("environ", "about")) \(money(measure.eurSavedPerYear ?? 0)) \(t("par an", "a year"))"
                if let after = measure.occupiedHoursBelow16CAfter, after > analysis.occupiedHoursBelow16C + 50 {
                    body += t(" — attention, le logement serait plus souvent froid", " — beware, the home would be cold more often")
                }
                body += "</li>"
            }
            body += "</ul><p class=\"note\">" + t("Estimations pour une année de météo ordinaire, aux prix actuels.", "Estimates for a year of ordinary weather, at today's prices.") + "</p></section>"
            let cold = useful.prefix(5).compactMap { measure in measure.occupiedHoursBelow16CAfter.map { (measure, $0) } }
            if cold.contains(where: { $0.1 != analysis.occupiedHoursBelow16C }) {
                var items = [(label: t("Aujourd'hui", "Today"), value: Double(analysis.occupiedHoursBelow16C), text: "\(HTML.number(Double(analysis.occupiedHoursBelow16C), decimals: 0, language: language)) h")]
                items += cold.map { (label: fr ? $0.0.nameFr : $0.0.nameEn, value: Double($0.1), text: "\(HTML.number(Double($0.1), decimals: 0, language: language)) h") }
                body += Chart.horizontalBars(items, caption: t("Heures de présence sous 16 °C dans l'année, aujourd'hui et après chaque mesure (simulation)",
                                                               "Hours at home below 16 °C in a year, today and after each measure (simulation)"),
                                             ariaLabel: t("Heures froides", "Cold hours"), colour: Chart.palette[4])
            }
        }

        // What was done and what it changed.
        body += ImpactText.familySection(analysis, language: language)

        // The contract.
        body += contractSection(analysis, language: language)

        // Aids and rights.
        body += "<section><h2>\(t("Vos droits et les aides à demander", "Your rights and the aids to ask for"))</h2><ul>"
        if analysis.country == "BE" {
            body += "<li>" + t("Tarif social de l'énergie : automatique pour certaines allocations ; à vérifier auprès du CPAS.", "Social energy tariff: automatic with some benefits; check with the CPAS.") + "</li>"
            body += "<li>" + t("Fonds social chauffage (mazout, propane en vrac) : à demander au CPAS dans les 60 jours après la livraison.", "Heating social fund (fuel oil, bulk propane): ask the CPAS within 60 days of the delivery.") + "</li>"
        } else {
            body += "<li>" + t("Chèque énergie : envoyé chaque année selon vos revenus déclarés ; il paie une partie des factures.", "Energy cheque: sent each year according to your declared income; it pays part of the bills.") + "</li>"
            body += "<li>" + t("Fonds de solidarité pour le logement (FSL) : aide aux factures impayées, à demander au département.", "Housing solidarity fund (FSL): help with unpaid bills, from the département.") + "</li>"
            body += "<li>" + t("Travaux : MaPrimeRénov' et les primes CEE, à demander avant de signer un devis ; le propriétaire doit un logement décent.", "Works: MaPrimeRénov' and the CEE bonuses, to ask before signing a quote; the landlord owes a decent dwelling.") + "</li>"
        }
        body += "</ul></section>"
        body += "<footer>" + t("Document établi avec Foyer à partir de votre visite et de vos factures. Les montants sont des estimations.",
                               "Made with Foyer from your visit and your bills. The amounts are estimates.") + "</footer>"
        return HTML.page(title: t("Synthèse de la visite", "Visit summary"), language: language, body: body)
    }

    /// What the bills say of the household's contracts, in plain words.
    static func contractSection(_ analysis: DossierAnalysis, language: ReportLanguage) -> String {
        let fr = language == .fr
        func t(_ french: String, _ english: String) -> String { fr ? french : english }
        guard !analysis.contracts.isEmpty else { return "" }
        var body = "<section><h2>\(t("Votre contrat", "Your contract"))</h2><ul>"
        for advice in analysis.contracts {
            let energy = energyName(advice.energy, language: language)
            if advice.savingEURPerYear >= 30 {
                body += "<li>" + t("\(energy.capitalisedFirst) : pour la même consommation, l'offre « \(HTML.escape(advice.cheapestName)) » aurait coûté environ <strong>\(HTML.euros(advice.savingEURPerYear, language: language)) de moins par an</strong>. Changer de fournisseur est gratuit, sans coupure et sans frais de résiliation.",
                                   "\(energy.capitalisedFirst): for the same consumption, the offer “\(HTML.escape(advice.cheapestName))” would have cost about <strong>\(HTML.euros(advice.savingEURPerYear, language: language)) less a year</strong>. Changing supplier is free, without cut-off or termination fee.") + "</li>"
            } else {
                body += "<li>" + t("\(energy.capitalisedFirst) : votre contrat est parmi les moins chers pour votre consommation ; pas de changement à conseiller.",
                                   "\(energy.capitalisedFirst): your contract is among the cheapest for your consumption; no change to advise.") + "</li>"
            }
        }
        body += "</ul><p class=\"note\">" + (analysis.country == "BE"
            ? t("Comparer les offres : comparateur officiel de la CWaPE (compacwape.be).", "Compare offers: the CWaPE's official comparator (compacwape.be).")
            : t("Comparer les offres : comparateur officiel du médiateur national de l'énergie (energie-info.fr), gratuit et indépendant.",
                "Compare offers: the national energy ombudsman's official comparator (energie-info.fr), free and independent.")) + "</p></section>"
        return body
    }

    static func energyName(_ energy: Energy, language: ReportLanguage) -> String {
        let fr = language == .fr
        switch energy {
        case .electricity: return fr ? "électricité" : "electricity"
        case .naturalGas: return fr ? "gaz" : "gas"
        case .fuelOil: return fr ? "fioul" : "heating oil"
        case .propane: return "propane"
        case .butane: return "butane"
        case .woodLogs: return fr ? "bois bûche" : "logs"
        case .woodPellets: return fr ? "granulés" : "pellets"
        case .woodChips: return fr ? "plaquettes" : "wood chips"
        case .coal: return fr ? "charbon" : "coal"
        case .kerosene: return fr ? "pétrole lampant" : "kerosene"
        case .districtHeating: return fr ? "réseau de chaleur" : "district heat"
        default: return energy.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func problemName(_ problem: Dossier.Problem, language: ReportLanguage) -> String {
        let fr = language == .fr
        switch problem {
        case .mould: return fr ? "moisissures" : "mould"
        case .condensation: return fr ? "condensation" : "condensation"
        case .damp: return fr ? "humidité" : "damp"
        case .draughts: return fr ? "courants d'air" : "draughts"
        case .coldRooms: return fr ? "pièces froides" : "cold rooms"
        case .heatingFault: return fr ? "chauffage en panne ou insuffisant" : "heating faulty or insufficient"
        case .noHeating: return fr ? "pas de chauffage" : "no heating"
        case .overheating: return fr ? "surchauffe" : "overheating"
        case .unsafeAppliance: return fr ? "appareil dangereux" : "unsafe appliance"
        case .unpaidBills: return fr ? "factures impayées" : "unpaid bills"
        case .disconnectionRisk: return fr ? "risque de coupure" : "risk of disconnection"
        case .restrictingHeating: return fr ? "chauffage restreint pour économiser" : "heating restricted to save money"
        case .other: return fr ? "autre" : "other"
        }
    }
}

/// HTML helpers: escaping, French number formats, the A4 page.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A number as the reader writes it: `1 234,5` in French (narrow no-break space, comma),
    /// `1,234.5` in English.
    static func number(_ value: Double, decimals: Int, language: ReportLanguage) -> String {
        guard value.isFinite else { return "—" }
        let text = NumberText.fixed(abs(value), decimals)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "0")
        var grouped = ""
        for (index, digit) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(language == .fr ? "\u{202F}" : ",") }
            grouped.append(digit)
        }
        var result = String(grouped.reversed())
        if parts.count == 2 { result += (language == .fr ? "," : ".") + parts[1] }
        return (value < 0 && result.contains(where: { $0 != "0" && $0.isNumber }) ? "−" : "") + result
    }

    static func euros(_ value: Double, language: ReportLanguage) -> String {
        language == .fr ? "\(number(value, decimals: 0, language: language))\u{00A0}€" : "€\(number(value, decimals: 0, language: language))"
    }

    static func date(_ date: CivilDate, language: ReportLanguage) -> String {
        let months = language == .fr ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
                                     : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return language == .fr ? "\(date.day) \(months[date.month - 1]) \(date.year)" : "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// SVG coordinates with one decimal (the same bytes every run).
    static func coordinate(_ value: Double) -> String { NumberText.fixed(value, 1) }

    /// A whole page: A4 print styles, no script, no external resource.
    static func page(title: String, language: ReportLanguage, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4; margin: 15mm; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; color: #1a202c; max-width: 180mm; margin: 0 auto; }
        h1 { font-size: 20pt; margin: 0 0 2mm; color: #2b6cb0; }
        h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 1px solid #cbd5e0; }
        .meta { color: #4a5568; margin: 0; }
        .big { font-size: 16pt; font-weight: bold; }
        .note { font-size: 9pt; color: #4a5568; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #cbd5e0; padding: 1mm 3mm; text-align: left; }
        td.cold { color: #c53030; font-weight: bold; }
        table.works { font-size: 9pt; width: 100%; }
        table.works td, table.works th { padding: 1mm 1.5mm; }
        strong.class { font-size: 13pt; color: #c53030; }
        figure { margin: 3mm 0; break-inside: avoid; }
        figure svg { width: 100%; height: auto; }
        figcaption { font-size: 9pt; color: #4a5568; }
        h2 { break-after: avoid; }
        li, tr { break-inside: avoid; }
        footer { margin-top: 8mm; font-size: 8pt; color: #718096; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
