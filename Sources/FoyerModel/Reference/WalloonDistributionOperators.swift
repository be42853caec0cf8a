import Foundation

/// The Walloon electricity distribution operator of a commune, where a designation order of the
/// Walloon Government for the 2023–2043 mandates was found.
///
/// Sources (the orders' titles list the communes):
/// - RESA, 51 communes: *Arrêté du Gouvernement wallon du 5 mai 2022 désignant RESA comme le
///   gestionnaire de réseau de distribution d'électricité…* (Moniteur belge 12 Sep 2022, numac
///   2022205184, etaamb.openjustice.be); mandate 26 Feb 2023 → 26 Feb 2043 (Minister Henry's
///   press release « Mandat de RESA »).
/// - AIESH: *Arrêté du Gouvernement wallon du 8 septembre 2022…* (MB 25 Oct 2022, numac
///   2022042354): Beaumont, Chimay, Froidchapelle, Momignies, Sivry-Rance and part of Couvin (its
///   southern former communes; the sections Couvin, Boussu-en-Fagnes, Frasnes-lez-Couvin,
///   Mariembourg and Petigny only once AIESH obtains that network, which no source found says).
///
/// Not covered, for want of a source found: the communes of ORES (most of Wallonia), AIEG and REW
/// (their 2022 orders were not found). For them the household's operator must be given.
public enum WalloonDistributionOperators {
    /// What the table says about a commune.
    public enum Answer: Sendable, Equatable {
        case designated(DistributionOperator, source: String)
        /// The commune's sections have different operators.
        case split(String)
        case notInTable
    }

    static let resaSource = "the Walloon Government's order of 5 May 2022 designating RESA for 51 communes (mandate 26 Feb 2023 – 26 Feb 2043)"
    static let aieshSource = "the Walloon Government's order of 8 Sep 2022 designating AIESH"

    static let resa = [
        "Amay", "Ans", "Anthisnes", "Awans", "Aywaille", "Bassenge", "Berloz", "Beyne-Heusay", "Blegny", "Braives", "Burdinne",
        "Chaudfontaine", "Crisnée", "Dison", "Donceel", "Engis", "Esneux", "Faimes", "Flémalle", "Fléron", "Geer", "Grâce-Hollogne",
        "Hannut", "Héron", "Herstal", "Huy", "Jalhay", "Juprelle", "Liège", "Marchin", "Modave", "Nandrin", "Neupré", "Olne", "Oreye",
        "Oupeye", "Pepinster", "Remicourt", "Saint-Georges-sur-Meuse", "Saint-Nicolas", "Seraing", "Soumagne", "Sprimont", "Stavelot",
        "Verlaine", "Villers-le-Bouillet", "Visé", "Wanze", "Waremme", "Wasseiges", "Welkenraedt",
    ]
    static let aiesh = ["Beaumont", "Chimay", "Froidchapelle", "Momignies", "Sivry-Rance"]

    static let table: [String: Answer] = {
        var table: [String: Answer] = [:]
        for name in resa { table[key(name)] = .designated(.resa, source: resaSource) }
        for name in aiesh { table[key(name)] = .designated(.aiesh, source: aieshSource) }
        table[key("Couvin")] = .split("Couvin is split: AIESH in its southern former communes (Aublain, Brûly-de-Pesche, Cul-des-Sarts, Dailly, Gonrieux, Brûly-de-Couvin, Pesche, Petite-Chapelle, Presgaux), ORES in Couvin, Boussu-en-Fagnes, Frasnes-lez-Couvin, Mariembourg and Petigny unless AIESH has since taken that network over (\(aieshSource))")
        return table
    }()

    /// The number of communes the table answers for.
    public static var communeCount: Int { table.count }

    /// The comparison key of a commune name: without accents, case, spaces, hyphens or apostrophes.
    static func key(_ name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).filter { $0.isLetter || $0.isNumber }
    }

    /// The operator of `commune` (French name; accents, case and hyphens do not matter).
    public static func lookUp(_ commune: String) -> Answer {
        table[key(commune)] ?? .notInTable
    }
}
