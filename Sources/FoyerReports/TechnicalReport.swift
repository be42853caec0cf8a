import Foundation
import FoyerAnalysis
import FoyerCore
import FoyerDossier
import FoyerEnergy
import FoyerLabel
import FoyerMeasures
import FoyerModel
import FoyerTariffs
import FoyerThermal

/// What the landlord's summary needs beyond the household's analysis: the dwelling as it is now
/// (the works done applied) at the conventional use — the whole home heated, the DPE's
/// conventions, so that a class and a works list do not depend on who lives there — its heat
/// losses by element, and the ranked works (``WorksPlanner``).
public struct TechnicalAnalysis: Sendable, Encodable {
    public var floorAreaM2: Double
    public var yearBuilt: Int?
    public var heatLoss: HeatLossSummary
    public var works: WorksReport
    /// Final energy of the DPE's five uses, kWh/(m²·yr), today and after each ranked step (the
    /// 2023 "G+" rule: above 450, indecent; décret 2021-19); nil outside France.
    public var dpeFinalKWhPerM2: Double?
    public var dpeFinalKWhPerM2After: [Double?]

    enum CodingKeys: String, CodingKey {
        case floorAreaM2 = "floor_area_m2", yearBuilt = "year_built", heatLoss = "heat_loss", works
        case dpeFinalKWhPerM2 = "dpe_final_kwh_per_m2", dpeFinalKWhPerM2After = "dpe_final_kwh_per_m2_after"
    }

    public static func analyse(_ dossier: Dossier, dossierPath: String, library: TariffLibrary, catalogue: MeasureLibrary,
                               model: ThermalModel = .iso52016) throws(InputError) -> TechnicalAnalysis {
        let loaded = DossierAnalysis.dwelling(of: dossier, dossierPath: dossierPath, use: .conventional)
        guard let described = loaded.dwelling else { throw InputError(loaded.issues.errors) }
        let (now, _, _) = DossierAnalysis.current(described, dossier: dossier, catalogue: catalogue)
        let weather = try Inputs.weather(for: now.location).year
        let works = try WorksPlanner.plan(now, measures: catalogue.measures, weather: PreparedWeather(weather), library: library,
                                          savings: SavingsOptions(model: model), options: WorksOptions())
        let options = WorksOptions()
        return TechnicalAnalysis(floorAreaM2: now.floorAreaM2, yearBuilt: now.yearBuilt, heatLoss: HeatLossSummary(now), works: works,
                                 dpeFinalKWhPerM2: works.baseline.dpeLabel(now, diagnosedOn: options.dpeDate)?.finalKWhPerM2,
                                 dpeFinalKWhPerM2After: works.ranked.map { $0.after.dpeLabel(now, diagnosedOn: options.dpeDate)?.finalKWhPerM2 })
    }
}

/// The technical summary for the landlord ("synthèse technique", seed 002): what was seen, where
/// the heat goes, what to do first (health and safety), the works ranked with costs, aids,
/// savings and the class after each, the rental horizon, and what the works done changed.
/// Printable A4 HTML, charts as inline SVG. No household identity, income or bills' detail: the
/// landlord gets the dwelling's facts and the household's energy cost in one figure.
public enum TechnicalReport {
    public static func html(dossier: Dossier, analysis: DossierAnalysis, technical: TechnicalAnalysis, language: ReportLanguage = .fr) -> String {
        let fr = language == .fr
        func t(_ french: String, _ english: String) -> String { fr ? french : english }
        let money = { (value: Double) in HTML.euros(value, language: language) }
        func number(_ value: Double, _ decimals: Int = 0) -> String { HTML.number(value, decimals: decimals, language: language) }
        let works = technical.works
        var body = ""
        let lastVisit = dossier.visits.last
        body += "<header><h1>\(t("Synthèse technique du logement", "Technical summary of the dwelling"))</h1>"
        body += "<p class=\"meta\">\(t("Dossier", "Dossier")) \(HTML.escape(dossier.householdID))"
        if let lastVisit { body += " · \(t("visite du", "visit of")) \(HTML.date(lastVisit.date, language: language))" }
        body += " · \(HTML.escape(analysis.dwellingName)) · \(t("à l'attention du propriétaire", "for the landlord"))</p></header>"

        // The dwelling today.
        body += "<section><h2>\(t("Le logement aujourd'hui", "The dwelling today"))</h2><p>"
        body += t("Surface chauffée", "Heated floor area") + " \(number(technical.floorAreaM2)) m²"
        if let year = technical.yearBuilt { body += t(", construit vers ", ", built around ") + "\(year)" }
        body += ". " + t("Aux conventions du DPE (tout le logement chauffé à 19 °C) : énergie primaire ", "At the DPE's conventions (the whole home heated to 19 °C): primary energy ")
            + "<strong>\(number(works.baselinePrimaryEnergyKWhPerM2)) kWh/(m²·\(t("an", "yr")))</strong>"
        if let dpe = works.baselineDPEClass { body += t(", classe DPE estimée ", ", estimated DPE class ") + "<strong class=\"class\">\(dpe.rawValue)</strong>" }
        if let conventional = works.baseline.billEUR { body += t(", facture conventionnelle ", ", conventional bill ") + money(conventional) + t(" par an", " a year") }
        body += ".</p>"
        if analysis.energyBasis == "bills", let conventional = works.baseline.billEUR, conventional > 0 {
            let share = analysis.energyEURPerYear / conventional
            body += "<p>" + t("Le ménage paie ", "The household pays ") + "<strong>" + money(analysis.energyEURPerYear) + t(" par an", " a year") + "</strong> "
                + t("d'après ses factures, soit \(number(share * 100)) % de la facture conventionnelle", "from its bills, \(number(share * 100)) % of the conventional bill")
            body += share < 0.8
                ? t(" : il chauffe moins (ou moins de pièces) que les conventions, souvent par restriction. Les économies ci-dessous sont conventionnelles ; pour ce ménage elles seront plus faibles en euros, et prendront en partie la forme d'un logement plus chaud.",
                    ": it heats less (or fewer rooms) than the conventions, often by restriction. The savings below are conventional; for this household they will be smaller in euros, and partly taken as a warmer home.")
                : "."
            body += "</p>"
        }
        if !analysis.done.isEmpty {
            body += "<p>" + t("Travaux déjà réalisés, pris en compte : ", "Works already done, taken into account: ")
                + analysis.done.map { id in HTML.escape(works.ranked.first { $0.id == id }.map { fr ? $0.nameFr : $0.nameEn } ?? doneName(id, dossier: dossier, analysis: analysis, language: language)) }.joined(separator: ", ") + ".</p>"
        }
        body += "</section>"

        // What the visits saw.
        let problems = dossier.visits.flatMap(\.problems).reduce(into: [Dossier.Problem]()) { if !$0.contains($1) { $0.append($1) } }
        let comfort = RoomComfort.chart(dossier, language: language)
        if !problems.isEmpty || !comfort.isEmpty {
            body += "<section><h2>\(t("Ce que les visites ont relevé", "What the visits found"))</h2>"
            if !problems.isEmpty {
                body += "<p>" + problems.map { FamilyReport.problemName($0, language: language) }.joined(separator: ", ").capitalisedFirst + ".</p>"
            }
            body += comfort
            body += "</section>"
        }

        // Where the heat goes.
        let loss = technical.heatLoss
        var families: [(label: String, value: Double)] = loss.transmissionByFamilyWPerK.keys.sorted().compactMap { key in
            loss.transmissionByFamilyWPerK[key].map { (familyName(key, language: language), $0) }
        }
        families.append((t("Ponts thermiques", "Thermal bridges"), loss.thermalBridgesWPerK))
        families.append((t("Renouvellement d'air", "Air change"), loss.ventilationWPerK))
        families = families.filter { $0.value > 0.05 }.sorted { $0.value > $1.value }
        body += "<section><h2>\(t("Où part la chaleur", "Where the heat goes"))</h2>"
        body += Chart.horizontalBars(families.map { (label: $0.label, value: $0.value, text: "\(number($0.value)) W/K (\(number(100 * $0.value / loss.totalWPerK)) %)") },
                                     caption: t("Déperditions par élément : W par degré d'écart intérieur-extérieur (EN ISO 13789), total \(number(loss.totalWPerK)) W/K, soit \(number(loss.totalPerFloorAreaWPerM2K, 2)) W/(m²·K) de surface chauffée",
                                                "Heat loss by element: W per degree between inside and outside (EN ISO 13789), total \(number(loss.totalWPerK)) W/K, \(number(loss.totalPerFloorAreaWPerM2K, 2)) W/(m²·K) of heated floor"),
                                     ariaLabel: t("Déperditions par élément", "Heat loss by element"), colour: Chart.palette[1])
        body += "</section>"

        // Health and safety first.
        if !works.healthAndSafety.isEmpty {
            body += "<section><h2>\(t("D'abord : santé et sécurité", "First: health and safety"))</h2><ul>"
            body += works.healthAndSafety.map { "<li>\(HTML.escape(fr ? $0.messageFr : $0.messageEn))</li>" }.joined()
            body += "</ul></section>"
        }

        // The ranked works, with what each would save this household: the heating part of the
        // conventional saving scaled by what the household pays for heating (its bills split by
        // the weather) ÷ the conventional heating cost (the bill's heating share by kWh).
        let householdScale = heatingScale(analysis: analysis, works: works)
        if !works.ranked.isEmpty {
            body += "<section><h2>\(t("Travaux conseillés, dans l'ordre", "Recommended works, in order"))</h2>"
            body += "<table class=\"works\"><tr><th>#</th><th>\(t("Travaux", "Works"))</th><th>\(t("Coût", "Cost"))</th><th>\(t("Aides", "Aids"))</th><th>\(t("Reste", "Net"))</th>"
                + "<th>\(t("Économie", "Saving"))</th>" + (householdScale == nil ? "" : "<th>\(t("Pour ce ménage", "For this household"))</th>")
                + "<th>\(t("Classe après", "Class after"))</th><th>\(t("Retour", "Payback"))</th></tr>"
            for (index, step) in works.ranked.enumerated() {
                body += "<tr><td>\(index + 1)</td><td>\(HTML.escape(fr ? step.nameFr : step.nameEn))</td><td>\(money(step.costTypicalEUR))</td><td>\(money(step.aidsEUR))</td>"
                    + "<td>\(money(step.netCostEUR))</td><td>\(step.saving.eur.map { money($0) + t("/an", "/yr") } ?? "—")</td>"
                    + (householdScale.map { scale in "<td>" + (step.saving.eur.map { money(scale.saving($0, change: step.saving)) + t("/an", "/yr") } ?? "—") + "</td>" } ?? "")
                    + "<td>\(step.dpeClassAfter.map { $0.rawValue } ?? "\(number(step.primaryEnergyKWhPerM2After)) kWh/m²")</td>"
                    + "<td>\(step.simplePaybackYears.map { "\(number($0)) \(t("ans", "yrs"))" } ?? "—")</td></tr>"
            }
            body += "</table>"
            body += "<p class=\"note\">" + t("Chaque ligne est simulée après celles du dessus (les économies ne s'additionnent pas autrement) ; classées par gains sur la durée de vie ÷ reste à payer. Coûts typiques posés TTC ; aides : primes CEE ; MaPrimeRénov' dépend des revenus du propriétaire et n'est pas comptée. Économies aux conventions du DPE et aux prix actuels.",
                                             "Each line is simulated after those above (savings do not add up otherwise); ranked by lifetime savings ÷ net cost. Typical installed costs incl. VAT; aids: CEE bonuses; MaPrimeRénov' depends on the owner's income and is not counted. Savings at the DPE's conventions and today's prices.")
                + (householdScale.map { scale in t(" « Pour ce ménage » : la part chauffage de l'économie multipliée par \(number(scale.heating, 2)) (ce que le ménage paie pour se chauffer ÷ le chauffage conventionnel), le reste par \(number(scale.other, 2)) (eau chaude, appareils : payé ÷ conventionnel).",
                                                   " “For this household”: the heating part of the saving times \(number(scale.heating, 2)) (what the household pays for heating ÷ the conventional heating), the rest times \(number(scale.other, 2)) (hot water, appliances: paid ÷ conventional).") } ?? "")
                + "</p>"
            body += Chart.horizontalBars(works.ranked.map { step in
                (label: fr ? step.nameFr : step.nameEn, value: step.saving.eur ?? 0, text: (step.saving.eur.map { money($0) } ?? "—") + t(" par an", " a year"))
            }, caption: t("Économie de chaque étape, conventionnelle (€ par an)", "Saving of each step, conventional (€ a year)"), ariaLabel: t("Économies par travaux", "Savings by work"), colour: Chart.palette[2])
            body += "</section>"
        }

        // The rental horizon.
        body += "<section><h2>\(t("Horizon locatif", "Rental horizon"))</h2>"
        body += rentalHorizon(technical, country: analysis.country, language: language)
        body += "</section>"

        // What the works done changed.
        let impacts = ImpactText.sentences(analysis, language: language, technical: true)
        if !impacts.isEmpty {
            body += "<section><h2>\(t("Impact mesuré des travaux réalisés", "Measured impact of the works done"))</h2><ul>"
                + impacts.map { "<li>\($0)</li>" }.joined() + "</ul>"
            body += "<p class=\"note\">" + t("Le ménage est calé sur ses factures d'avant les travaux, puis simulé sur les jours des factures d'après, sans les travaux : l'écart avec ce qui a été facturé est l'économie mesurée (IPMVP option C), avec son incertitude à 90 % (ASHRAE Guideline 14, CalTRACK).",
                                             "The household is fitted to its bills before the works, then simulated on the days of the bills after, without the works: the gap with what was billed is the measured saving (IPMVP option C), with its 90 % uncertainty (ASHRAE Guideline 14, CalTRACK).") + "</p></section>"
        }
        body += "<footer>" + t("Document établi avec Foyer. Classes estimées avec la physique de Foyer aux conventions du DPE 2021 : ce n'est pas un DPE officiel. Coûts et aides indicatifs, à confirmer par devis.",
                               "Made with Foyer. Classes estimated with Foyer's physics at the DPE 2021 conventions: not an official DPE. Costs and aids indicative, to be confirmed by quotes.") + "</footer>"
        return HTML.page(title: t("Synthèse technique du logement", "Technical summary of the dwelling"), language: language, body: body)
    }

    /// The household's spending against the conventional simulation (``HouseholdScale``); nil
    /// without bills.
    static func heatingScale(analysis: DossierAnalysis, works: WorksReport) -> HouseholdScale? {
        guard analysis.energyBasis == "bills" else { return nil }
        return HouseholdScale.from(spending: analysis.spending, paidEUR: analysis.billsEURPerYear, simulatedEUR: works.baseline.billEUR,
                                   heatingKWh: works.baseline.heatingKWh, totalKWh: works.baseline.kWhByEnergy.sumInKeyOrder)
    }

    static func doneName(_ id: String, dossier: Dossier, analysis: DossierAnalysis, language: ReportLanguage) -> String {
        if let impact = analysis.impacts.first(where: { $0.measure == id }) { return language == .fr ? impact.nameFr : impact.nameEn }
        return id
    }

    static func familyName(_ key: String, language: ReportLanguage) -> String {
        let fr = language == .fr
        switch key {
        case "walls": return fr ? "Murs" : "Walls"
        case "roofs": return fr ? "Toiture, plafonds" : "Roof, ceilings"
        case "floors": return fr ? "Planchers bas" : "Floors"
        case "windows": return fr ? "Fenêtres" : "Windows"
        case "doors": return fr ? "Portes" : "Doors"
        default: return key
        }
    }

    /// The French ban on letting by class (décret 2023-796, loi Climat et Résilience): for each
    /// date, whether the dwelling now may still be let, and the step of the list that keeps it
    /// lettable; the Walloon plan, not in force, for a Belgian dwelling.
    static func rentalHorizon(_ technical: TechnicalAnalysis, country: String, language: ReportLanguage) -> String {
        let works = technical.works
        let fr = language == .fr
        func t(_ french: String, _ english: String) -> String { fr ? french : english }
        guard country == "FR", let now = works.baselineDPEClass else {
            return "<p>" + t("En Wallonie, aucune interdiction de louer selon le certificat PEB n'est en vigueur. Le calendrier envisagé (textes de 2023, cités par la presse spécialisée) demanderait au moins F en 2025, E en 2028, D en 2031 et C en 2034 pour une première location ; le plan de rénovation de décembre 2025 vise la fin des classes F et G en 2035. À suivre : le PEB de ce logement est à faire établir par un certificateur.",
                             "In Wallonia no ban on letting by PEB certificate is in force. The calendar considered (2023 texts, as reported by the trade press) would require at least F in 2025, E in 2028, D in 2031 and C in 2034 for a new letting; the December 2025 renovation plan aims at no F or G by 2035. To follow: this dwelling's PEB certificate is to be made by a certifier.") + "</p>"
        }
        let bans: [(DPEClass, CivilDate)] = [(.g, CivilDate(2025, 1, 1)), (.f, CivilDate(2028, 1, 1)), (.e, CivilDate(2034, 1, 1))]
        var rows = ""
        // Since 1 January 2023, more than 450 kWh of final energy per m² a year is indecent
        // (décret 2021-19), whatever the class.
        if let final = technical.dpeFinalKWhPerM2, final > 450 {
            var status = t("<strong>indécent</strong> tel quel (\(HTML.number(final, decimals: 0, language: language)) kWh/m²)", "<strong>indecent</strong> as it is (\(HTML.number(final, decimals: 0, language: language)) kWh/m²)")
            if let index = technical.dpeFinalKWhPerM2After.firstIndex(where: { ($0 ?? .infinity) <= 450 }), index < works.ranked.count {
                status += t(" ; décent après les travaux 1 à \(index + 1)", "; decent after works 1 to \(index + 1)")
            }
            rows += "<tr><td>\(HTML.date(CivilDate(2023, 1, 1), language: language))</td><td>\(t("plus de 450 kWh d'énergie finale par m² et par an : indécent (décret 2021-19)", "more than 450 kWh of final energy per m² a year: indecent (décret 2021-19)"))</td><td>\(status)</td></tr>"
        }
        for (banned, day) in bans {
            let concerned = now >= banned
            var status: String
            if !concerned {
                status = t("louable", "may be let")
            } else if let index = works.ranked.firstIndex(where: { ($0.dpeClassAfter ?? .g) < banned }) {
                let step = works.ranked[index]
                status = t("<strong>interdit à la location</strong> tel quel ; louable après les travaux 1 à \(index + 1) (classe \(step.dpeClassAfter?.rawValue ?? "?"), reste à payer cumulé \(HTML.euros(step.cumulativeNetCostEUR, language: language)))",
                           "<strong>may not be let</strong> as it is; may be let after works 1 to \(index + 1) (class \(step.dpeClassAfter?.rawValue ?? "?"), cumulative net cost \(HTML.euros(step.cumulativeNetCostEUR, language: language)))")
            } else {
                status = t("<strong>interdit à la location</strong> ; les travaux de la liste ne suffisent pas", "<strong>may not be let</strong>; the works of the list are not enough")
            }
            rows += "<tr><td>\(HTML.date(day, language: language))</td><td>\(t("classe \(banned.rawValue) interdite (décret 2023-796)", "class \(banned.rawValue) banned (décret 2023-796)"))</td><td>\(status)</td></tr>"
        }
        return "<p>" + t("Classe estimée aujourd'hui : ", "Estimated class today: ") + "<strong>\(now.rawValue)</strong>. "
            + t("Un logement classé trop bas est indécent et ne peut plus être loué (nouveau bail, renouvellement ou reconduction) ; le loyer des classes F et G est gelé depuis le 24 août 2022.",
                "A dwelling classed too low is indecent and may no longer be let (new lease, renewal or tacit renewal); rents of classes F and G are frozen since 24 August 2022.") + "</p>"
            + "<table><tr><th>\(t("À partir du", "From"))</th><th>\(t("Règle", "Rule"))</th><th>\(t("Ce logement", "This dwelling"))</th></tr>\(rows)</table>"
    }
}
