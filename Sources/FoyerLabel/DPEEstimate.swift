import FoyerAnalysis
import FoyerCore
import FoyerEnergy
import FoyerModel
import FoyerClimate
import FoyerTariffs
import FoyerThermal

/// A DPE estimated with Foyer's physics: the label and what differs from the official method.
public struct DPEEstimate: Sendable, Encodable {
    public var label: DPELabel
    /// The thermal model the needs come from.
    public var model: String
    /// How this estimate departs from the official 3CL calculation, in English and French.
    public var notes: [String]
    public var notesFr: [String]
    /// The simulated heating need (useful heat, continuous 19 °C), kWh/yr, when simulated here.
    public var heatingNeedKWh: Double?
    /// The zone's yearly heat balance by component, kWh (losses negative), when simulated here.
    public var balanceKWh: [String: Double]?

    enum CodingKeys: String, CodingKey {
        case label, model, notes, notesFr = "notes_fr"
        case heatingNeedKWh = "heating_need_kwh"
        case balanceKWh = "balance_kwh"
    }

    /// The DPE of `dwelling` from `report`, its energy analysis at the conventional use.
    ///
    /// The five uses' final energy is Foyer's (heating, hot water, cooling and the ventilation
    /// fans as auxiliaries, by energy); lighting is the method's convention
    /// (``DPEFactors/lightingKWhPerM2(zone:)``), not the household's lamps; cooking, appliances
    /// and standby are left out, as the DPE leaves them out. The reference area is the
    /// dwelling's floor area.
    /// - Throws: when the dwelling has no French climate zone (the DPE's classes are French).
    public static func estimate(_ dwelling: ResolvedDwelling, report: EnergyReport, model: String, diagnosedOn date: CivilDate) throws(InputError) -> DPEEstimate {
        guard case let .referenceClimate(zone) = dwelling.location.weather, DPEFactors.lightingHours(zone: zone) != nil else {
            throw InputError(InputIssue(.error, path: "location.climate_zone", value: nil,
                                        message: "the DPE is computed for a French climate zone; this dwelling has none",
                                        expected: "climate_zone H1a, H1b, H1c, H2a, H2b, H2c, H2d or H3"))
        }
        var uses: [(use: EnergyUse, energy: Energy, kWh: Double)] = []
        // 3CL §8: the conventional heating consumption is the continuous one times INT.
        let intermittence = DPEConventions.intermittenceFactor(dwelling)
        for delivered in report.delivered {
            for use in [EnergyUse.heating, .hotWater, .cooling, .auxiliaries] {
                if var kWh = delivered.byUseKWh[use.rawValue], kWh != 0 {
                    if use == .heating { kWh *= intermittence }
                    uses.append((use, delivered.energy, kWh))
                }
            }
        }
        let area = dwelling.floorAreaM2
        uses.append((.lighting, .electricity, (DPEFactors.lightingKWhPerM2(zone: zone) ?? 0) * area))
        let label = DPELabel.from(finalKWh: uses, referenceAreaM2: area, zone: zone, altitude: AltitudeClass(altitudeM: dwelling.location.altitudeM), diagnosedOn: date)
        var notes = [
            "needs from Foyer's hourly \(model) simulation at the conventional use (19 °C, the whole dwelling), on the zone's reference year — not the 3CL monthly method with its degree-hours and intermittence factor",
            "lighting at the method's convention (0.9 × 1.4 W/m² × \(Int(DPEFactors.lightingHours(zone: zone) ?? 0)) h); cooking, appliances and standby left out, as in the DPE",
            "auxiliaries: the ventilation fans only (3CL also counts the heating and hot-water circulators and the generators' auxiliaries)",
        ]
        var notesFr = [
            "besoins issus de la simulation horaire \(model) de Foyer à l'usage conventionnel (19 °C dans tout le logement), sur l'année type de la zone — pas la méthode mensuelle 3CL avec ses degrés-heures et son facteur d'intermittence",
            "éclairage selon la convention de la méthode (0,9 × 1,4 W/m² × \(Int(DPEFactors.lightingHours(zone: zone) ?? 0)) h) ; cuisson, électroménager et veilles exclus, comme dans le DPE",
            "auxiliaires : la ventilation seulement (la méthode 3CL compte aussi les circulateurs et les auxiliaires des générateurs)",
        ]
        if intermittence != 1 {
            notes.append("heating times the DPE's intermittence factor \(String(format: "%.3f", intermittence)) (INT of 3CL §8, from the dwelling file)")
            notesFr.append("chauffage multiplié par le facteur d'intermittence du DPE \(String(format: "%.3f", intermittence).replacingOccurrences(of: ".", with: ",")) (INT de la 3CL §8, du fichier du logement)")
        }
        if dwelling.useScenario != .conventional {
            notes.insert("computed at the household's use, not the conventional one: not a DPE", at: 0)
            notesFr.insert("calculé à l'usage du ménage, pas à l'usage conventionnel : ce n'est pas un DPE", at: 0)
        }
        return DPEEstimate(label: label, model: model, notes: notes, notesFr: notesFr)
    }
}

extension DPEEstimate {
    /// Simulates `dwelling` (resolved at the conventional use) on `weather` and estimates its
    /// DPE: the whole chain `foyer label` runs, for library users and for the regression on
    /// real DPEs.
    public static func compute(_ dwelling: ResolvedDwelling, weather: WeatherYear, model: ThermalModel = .iso52016,
                               library: TariffLibrary, diagnosedOn date: CivilDate, file: String? = nil) throws(InputError) -> DPEEstimate {
        // The DPE's climate: the zone's degree-hours at the dwelling's altitude class (3CL §18).
        let conventional = DPEConventions.weather(weather, for: dwelling)
        return try compute(dwelling, conventionalWeather: PreparedWeather(conventional?.year ?? weather), shiftK: conventional?.shiftK,
                           model: model, library: library, diagnosedOn: date, file: file)
    }

    /// The same on a year already under the DPE's climate (``DPEConventions/weather(_:for:)``),
    /// prepared once and shared by many dwellings (a batch); `shiftK` is its shift, for the notes.
    public static func compute(_ dwelling: ResolvedDwelling, conventionalWeather prepared: PreparedWeather, shiftK shift: Double?,
                               model: ThermalModel = .iso52016, library: TariffLibrary, diagnosedOn date: CivilDate,
                               file: String? = nil) throws(InputError) -> DPEEstimate {
        // The DPE's set-point: 19 °C on the operative temperature (``DPEConventions/dwelling(_:)``).
        let wasAir = dwelling.thermostat.controlTemperature == .air
        let dwelling = DPEConventions.dwelling(dwelling)
        let (report, result) = try conventionalSimulation(dwelling, weather: prepared, model: model, library: library, file: file)
        var estimate = try estimate(dwelling, report: report, model: model == .iso52016 ? "EN ISO 52016-1" : "EN ISO 13790 5R1C", diagnosedOn: date)
        let simulated = SimulationReport(result, dwelling: dwelling.name, weather: prepared.weather.source)
        estimate.heatingNeedKWh = simulated.heatingNeedKWh
        estimate.balanceKWh = simulated.balance.componentsKWh
        if let shift, case let .referenceClimate(zone) = dwelling.location.weather {
            let altitude = AltitudeClass(altitudeM: dwelling.location.altitudeM)
            let degreeHours = Int((DPEClimate.annualDegreeHours19(zone: zone, altitude: altitude) ?? 0).rounded())
            let signed = String(format: "%+.2f", shift)
            estimate.notes.insert("the DPE's climate: the reference year's outdoor temperatures shifted by \(signed) K so that its heating months hold the 3CL's \(degreeHours) K·h below 19 °C for \(zone), altitude \(altitude.rawValue.replacingOccurrences(of: "_", with: " ")) (arrêté du 31 mars 2021, annexe 1, §18)", at: 0)
            estimate.notesFr.insert("le climat du DPE : les températures extérieures de l'année de référence décalées de \(signed.replacingOccurrences(of: ".", with: ",")) K pour que ses mois de chauffe comptent les \(degreeHours) K·h sous 19 °C de la 3CL pour \(zone), classe d'altitude \(altitude.rawValue.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "below", with: "moins de").replacingOccurrences(of: "above", with: "plus de")) (arrêté du 31 mars 2021, annexe 1, §18)", at: 0)
        }
        if wasAir, dwelling.useScenario == .conventional {
            estimate.notes.insert("19 °C held on the operative temperature (the mean of air and walls), as 3CL's losses at 19 °C and EN ISO 52016-1's set-points assume; the dwelling's thermostat senses the air", at: 1)
            estimate.notesFr.insert("19 °C tenus sur la température opérative (moyenne de l'air et des parois), comme le supposent les déperditions de la 3CL à 19 °C et les consignes de l'EN ISO 52016-1 ; le thermostat du logement mesure l'air", at: 1)
        }
        return estimate
    }
}

extension DPEEstimate {
    /// The energy analysis of `dwelling` simulated on `weather`, what a label is read from
    /// (the DPE here, the Walloon PEB for a Belgian dwelling).
    public static func conventionalReport(_ dwelling: ResolvedDwelling, weather: WeatherYear, model: ThermalModel,
                                          library: TariffLibrary, file: String? = nil) throws(InputError) -> EnergyReport {
        try conventionalSimulation(dwelling, weather: PreparedWeather(weather), model: model, library: library, file: file).report
    }

    static func conventionalSimulation(_ dwelling: ResolvedDwelling, weather prepared: PreparedWeather, model: ThermalModel,
                                       library: TariffLibrary, file: String?) throws(InputError) -> (report: EnergyReport, result: HourlyResult) {
        let options = SimulationOptions(firstWeekday: CivilDate(EnergyAnalysis.billingYear(dwelling, library: library, pricesOn: nil), 1, 1).isoWeekday)
        let result: HourlyResult
        do {
            result = try prepared.simulate(dwelling, model: model, options: options)
        } catch {
            throw InputError(InputIssue(.error, file: file, path: "", message: "\(error)"))
        }
        return (try EnergyAnalysis.analyse(dwelling, result: result, weather: prepared.weather, library: library, options: EnergyOptions(compareOffers: false)), result)
    }
}

/// The DPE's conventions applied to a dwelling and its weather, shared by `foyer label` and the
/// classes of the landlord's works list, so that both give the same class.
public enum DPEConventions {
    /// 19 °C on the operative temperature at the conventional use: 3CL's losses GV·(19 − θe) use
    /// U-values on standard surface resistances, i.e. the temperature those refer to, and
    /// EN ISO 52016-1 puts set-points on the operative temperature. A household's own use keeps
    /// its thermostat.
    public static func dwelling(_ dwelling: ResolvedDwelling) -> ResolvedDwelling {
        var dwelling = dwelling
        if dwelling.useScenario == .conventional { dwelling.thermostat.controlTemperature = .operative }
        return dwelling
    }

    /// The weather year with the DPE's degree-hours for the dwelling's zone and altitude class
    /// (``DPEClimate``); nil outside the French zones.
    public static func weather(_ weather: WeatherYear, for dwelling: ResolvedDwelling) -> (year: WeatherYear, shiftK: Double)? {
        guard case let .referenceClimate(zone) = dwelling.location.weather else { return nil }
        return DPEClimate.conventionalYear(weather, zone: zone, altitude: AltitudeClass(altitudeM: dwelling.location.altitudeM))
    }

    /// 3CL's intermittence INT (§8) over the heating systems, weighted by their shares; 1 when
    /// the file gives none.
    public static func intermittenceFactor(_ dwelling: ResolvedDwelling) -> Double {
        let systems = dwelling.heatingSystems
        guard systems.contains(where: { $0.intermittenceFactor != nil }) else { return 1 }
        let shares = systems.map { $0.share ?? 1 / Double(max(1, systems.count)) }
        return zip(systems, shares).reduce(0) { $0 + $1.1 * ($1.0.intermittenceFactor ?? 1) } / max(shares.reduce(0, +), 1e-9)
    }
}
