import FoyerCore
import FoyerDossier
import FoyerEnergy

/// The charts of where a household's money goes, from ``DossierAnalysis/Spending``.
enum SpendingCharts {
    /// - Parameter otherHeating: another energy heats the home (electricity that follows the
    ///   cold is then winter lighting and extra heaters, not the heating).
    static func useName(_ use: DossierAnalysis.Spending.Use, otherHeating: Bool, language: ReportLanguage) -> String {
        let fr = language == .fr
        let energy = FamilyReport.energyName(use.energy, language: language)
        switch use.use {
        case "heating":
            // Electricity that follows the cold, beside another heating energy, is mostly
            // winter lighting and extra heaters.
            if use.energy == .electricity, otherHeating { return fr ? "Électricité en plus l'hiver" : "Extra electricity in winter" }
            return fr ? "Chauffage (\(energy))" : "Heating (\(energy))"
        case "base":
            if use.energy == .electricity, otherHeating { return fr ? "Appareils, éclairage, cuisson" : "Appliances, lighting, cooking" }
            return fr ? "Eau chaude, cuisson (\(energy))" : "Hot water, cooking (\(energy))"
        case "subscription": return fr ? "Abonnement \(energy)" : "Standing charge, \(energy)"
        default: return fr ? "Tout usage (\(energy))" : "All uses (\(energy))"
        }
    }

    /// A year's euros by use, largest first.
    static func byUse(_ spending: DossierAnalysis.Spending, language: ReportLanguage) -> String {
        let fr = language == .fr
        let otherHeating = spending.uses.contains { $0.use == "heating" && $0.energy != .electricity && $0.eurPerYear > 0 }
        let items = spending.uses.filter { $0.eurPerYear >= 1 }.sorted { $0.eurPerYear > $1.eurPerYear }
            .map { (label: useName($0, otherHeating: otherHeating, language: language), value: $0.eurPerYear, text: HTML.euros($0.eurPerYear, language: language) + (fr ? " par an" : " a year")) }
        return Chart.horizontalBars(items, caption: fr ? "Où va l'argent : la part du chauffage est séparée du reste d'après le froid de chaque période de facture"
                                                        : "Where the money goes: heating is told apart from the rest by how cold each billing period was",
                                    ariaLabel: fr ? "Dépenses par usage" : "Spending by use")
    }

    /// The bills month by month, split into heating, the rest and the subscriptions, €.
    static func byMonth(_ spending: DossierAnalysis.Spending, language: ReportLanguage) -> String {
        let fr = language == .fr
        let columns = spending.months.map { month in
            (label: Chart.monthName(month.month, language: language), values: [month.heatingEUR, month.baseEUR, month.subscriptionEUR])
        }
        return Chart.stackedColumns(columns, series: fr ? ["chauffage", "eau chaude, cuisson, appareils", "abonnements"] : ["heating", "hot water, cooking, appliances", "standing charges"],
                                    unit: "€", caption: fr ? "Vos factures mois par mois (€), par usage" : "Your bills month by month (€), by use",
                                    ariaLabel: fr ? "Factures par mois" : "Bills by month", language: language)
    }
}

/// The rooms' temperatures at the first and the latest visit that measured them: comfort
/// before and after.
enum RoomComfort {
    static func chart(_ dossier: Dossier, language: ReportLanguage) -> String {
        let measured = dossier.visits.filter { visit in visit.measurements.contains { $0.temperatureC != nil } }
        guard measured.count >= 2, let first = measured.first, let latest = measured.last else { return "" }
        var rooms: [(room: String, first: Double?, latest: Double?)] = []
        for measurement in first.measurements + latest.measurements where !rooms.contains(where: { $0.room == measurement.room }) {
            let before = first.measurements.first { $0.room == measurement.room }?.temperatureC
            let after = latest.measurements.first { $0.room == measurement.room }?.temperatureC
            if before != nil || after != nil { rooms.append((measurement.room, before, after)) }
        }
        let fr = language == .fr
        return Chart.roomTemperatures(Array(rooms.prefix(8)), firstLabel: (fr ? "visite du " : "visit of ") + HTML.date(first.date, language: language),
                                      latestLabel: (fr ? "visite du " : "visit of ") + HTML.date(latest.date, language: language),
                                      caption: fr ? "Températures relevées pièce par pièce, première et dernière visite (°C)" : "Temperatures measured room by room, first and latest visit (°C)",
                                      language: language)
    }
}

/// The measured impact of done actions in words.
enum ImpactText {
    /// One sentence per measured action: what the bills show, beside what was predicted.
    static func sentences(_ analysis: DossierAnalysis, language: ReportLanguage, technical: Bool) -> [String] {
        let fr = language == .fr
        func t(_ french: String, _ english: String) -> String { fr ? french : english }
        func kWh(_ value: Double) -> String { "\(HTML.number(value, decimals: 0, language: language))\u{00A0}kWh" }
        var sentences: [String] = []
        for impact in analysis.impacts {
            let name = "<strong>" + HTML.escape(fr ? impact.nameFr : impact.nameEn) + "</strong> (" + HTML.date(impact.date, language: language) + ")"
            guard let saving = impact.savings, impact.notMeasured == nil else {
                sentences.append(name + t(" : pas encore mesurable — il faut des factures avant et après.", ": not measurable yet — bills before and after are needed."))
                continue
            }
            let months = max(1, Int((Double(saving.days) / 30.44).rounded()))
            let energies = impact.affectedMeters.map { FamilyReport.energyName($0.energy, language: language) }.joined(separator: ", ")
            var sentence = name + (technical
                ? t(" : sur les \(months) mois de factures qui ont suivi, le ménage a consommé ", ": over the \(months) months of bills that followed, the household used ")
                : t(" : sur les \(months) mois de factures qui ont suivi, vous avez consommé ", ": over the \(months) months of bills that followed, you used "))
            if saving.measuredKWh >= 0 {
                sentence += "<strong>" + kWh(saving.measuredKWh) + "</strong>" + t(" de \(energies) en moins", " less \(energies)")
            } else {
                sentence += "<strong>" + kWh(-saving.measuredKWh) + "</strong>" + t(" de \(energies) en plus", " more \(energies)")
            }
            sentence += t(" qu'avant, à météo égale", " than before, at equal weather")
            if let eur = impact.measuredEUR { sentence += t(", soit environ ", ", about ") + HTML.euros(eur, language: language) }
            if let uncertainty = saving.uncertaintyKWh90 {
                if technical {
                    sentence += " (± " + kWh(uncertainty) + t(", 90 % de confiance)", ", 90 % confidence)")
                } else {
                    let margin = impact.uncertaintyEUR90.map { HTML.euros($0, language: language) } ?? kWh(uncertainty)
                    sentence += t(" (à \(margin) près)", " (give or take \(margin))")
                }
            }
            sentence += "."
            if let predicted = saving.predictedKWh {
                sentence += t(" Foyer en prévoyait ", " Foyer predicted ") + kWh(predicted) + t(" sur les mêmes jours", " over the same days")
                if let eur = impact.predictedEUR { sentence += " (" + HTML.euros(eur, language: language) + ")" }
                sentence += "."
                if let uncertainty = saving.uncertaintyKWh90 {
                    let gap = saving.measuredKWh - predicted
                    if abs(gap) <= uncertainty {
                        sentence += t(" La mesure confirme la prévision.", " The measurement confirms the prediction.")
                    } else if gap < 0 {
                        sentence += technical
                            ? t(" Moins que prévu : travaux moins performants que décrits, ou confort repris (logement plus chauffé qu'avant, l'« effet rebond »).",
                                " Less than predicted: works below their description, or comfort taken (the home now heated more: the rebound effect).")
                            : t(" C'est moins que prévu : souvent parce que le logement est maintenant mieux chauffé, ce qui est aussi un gain.",
                                " Less than predicted: often because the home is now heated better, which is a gain too.")
                    } else {
                        sentence += t(" C'est plus que prévu.", " More than predicted.")
                    }
                }
            }
            if technical, impact.weather != "station_days" {
                sentence += t(" Météo : l'année type a remplacé celle des factures ; un hiver plus doux ou plus froid que l'autre n'est pas corrigé.",
                              " Weather: the typical year stood for the billed years; a milder or colder winter is not corrected.")
            }
            sentences.append(sentence)
        }
        return sentences
    }

    static func familySection(_ analysis: DossierAnalysis, language: ReportLanguage) -> String {
        let sentences = sentences(analysis, language: language, technical: false)
        guard !sentences.isEmpty else { return "" }
        return "<section><h2>" + (language == .fr ? "Ce qui a été fait, et ce que ça a changé" : "What was done, and what it changed") + "</h2><ul>"
            + sentences.map { "<li>\($0)</li>" }.joined() + "</ul></section>"
    }
}

extension String {
    /// The first letter in upper case ("gaz" → "Gaz").
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
