import Foundation
import FoyerCalibration
import FoyerCore
import FoyerDossier
import FoyerEnergy
import FoyerInvoices
import FoyerMeasures
import FoyerClimate
import FoyerModel
import FoyerThermal

/// "Quel impact réel ?" (seed 000): what a done action saved, read from the dossier's bills
/// before and after it, set beside what Foyer predicted (issue 17, item 4).
///
/// The household is calibrated on the bills that end before the action (``Calibration``); on the
/// days of the bills that start after it, that household without the action is what it would
/// have used (the counterfactual of IPMVP option C, ASHRAE Guideline 14), so the measured saving
/// is counterfactual − billed, weather-normalised by simulating those very days, with its 90 %
/// uncertainty (``SavingsUncertainty``, CalTRACK 2.0 §4.3.2.4). The prediction on the same days
/// is the same calibrated household with the measure applied: counterfactual − simulated with
/// the measure. The difference between the two is what the model did not foresee — a household
/// that now heats more (the rebound: comfort taken), works done worse than described.
public struct ActionImpact: Sendable, Encodable {
    /// One meter's saving over the periods billed after the action: the measured one
    /// (``MeasuredSaving/Meter``) and the predicted one on the same days.
    public struct Meter: Sendable, Encodable {
        /// Billed and counterfactual kWh, the saving and its 90 % uncertainty.
        public var measured: MeasuredSaving.Meter
        /// The calibrated household with the measure applied, on the same days: the saving Foyer
        /// predicts for them (nil when the action names no measure of the catalogue).
        public var predictedSavingKWh: Double?
        /// The mean price paid for this meter's energy, € per final kWh (energy lines, taxes in),
        /// to put euros on the kWh.
        public var eurPerKWh: Double?
        enum CodingKeys: String, CodingKey {
            case measured, predictedSavingKWh = "predicted_saving_kwh", eurPerKWh = "eur_per_kwh"
        }
        public var energy: Energy { measured.energy }
        public var days: Int { measured.days }
        public var measuredSavingKWh: Double { measured.savingKWh }
        public var uncertaintyKWh90: Double? { measured.uncertaintyKWh90 }
    }

    /// The action's place in the dossier's `actions`.
    public var action: Int
    public var date: CivilDate
    public var measure: String?
    public var nameFr: String
    public var nameEn: String
    /// Bill periods before (fitted) and after (measured) the action.
    public var periodsBefore: Int
    public var periodsAfter: Int
    public var meters: [Meter]
    /// What the bills' weather was: `reference_year` (not normalised for the billed years' own
    /// weather: a warning says so) or `station_days`.
    public var weather: String
    /// The saving the visit's analysis gave, € a year (the ``DossierAnalysis`` measure).
    public var predictedAtVisitEURPerYear: Double?
    public var warnings: [String]
    /// Why no saving could be read (too few bills before, none after…); nil when it was.
    public var notMeasured: String?

    enum CodingKeys: String, CodingKey {
        case action, date, measure, meters, weather, warnings, nameFr = "name_fr", nameEn = "name_en"
        case periodsBefore = "periods_before", periodsAfter = "periods_after"
        case predictedAtVisitEURPerYear = "predicted_at_visit_eur_per_year", notMeasured = "not_measured"
    }

    /// The meters the measure acts on: those where the calibrated household with the measure
    /// uses another amount (more than 1 kWh apart); every meter when there is no prediction.
    public var affectedMeters: [Meter] {
        let acted = meters.filter { abs($0.predictedSavingKWh ?? 0) > 1 }
        return acted.isEmpty ? meters : acted
    }

    /// The measured and predicted savings over the after days, summed over ``affectedMeters``, kWh.
    public var savings: (measuredKWh: Double, uncertaintyKWh90: Double?, predictedKWh: Double?, days: Int)? {
        let meters = affectedMeters
        guard !meters.isEmpty else { return nil }
        let measured = meters.reduce(0) { $0 + $1.measuredSavingKWh }
        // Independent meters: uncertainties add in quadrature.
        let uncertainties = meters.compactMap(\.uncertaintyKWh90)
        let uncertainty = uncertainties.count == meters.count ? uncertainties.reduce(0) { $0 + $1 * $1 }.squareRoot() : nil
        let predictions = meters.compactMap(\.predictedSavingKWh)
        let predicted = predictions.count == meters.count ? predictions.reduce(0, +) : nil
        return (measured, uncertainty, predicted, meters.map(\.days).max() ?? 0)
    }

    /// Euros of the measured saving on ``affectedMeters`` at the prices paid (nil when one has no price).
    public var measuredEUR: Double? { sumOverAffected { meter in meter.eurPerKWh.map { $0 * meter.measuredSavingKWh } } }

    /// Euros of the predicted saving over the same days at the prices paid.
    public var predictedEUR: Double? {
        sumOverAffected { meter in meter.eurPerKWh.flatMap { price in meter.predictedSavingKWh.map { price * $0 } } }
    }

    /// ± euros of the measured saving at 90 % (the meters' kWh uncertainties at the prices paid,
    /// in quadrature).
    public var uncertaintyEUR90: Double? {
        sumOverAffected { meter in meter.eurPerKWh.flatMap { price in meter.uncertaintyKWh90.map { price * price * $0 * $0 } } }.map { $0.squareRoot() }
    }

    /// The sum of `term` over ``affectedMeters``; nil when a meter has none.
    func sumOverAffected(_ term: (Meter) -> Double?) -> Double? {
        let meters = affectedMeters
        let terms = meters.compactMap(term)
        return terms.count == meters.count && !meters.isEmpty ? terms.reduce(0, +) : nil
    }

    /// The impact of every dated action that changes energy use (gesture, work, equipment), for
    /// which the dossier has bills on both sides.
    /// - Parameters:
    ///   - dwelling: the dossier's dwelling as described, at the household's use.
    ///   - temperatures: a station's daily means over the billed days; without them the reference
    ///     year stands for every billed year and the difference of weather between the years is
    ///     not corrected (said in `warnings`).
    static func measured(_ dossier: Dossier, dwelling: ResolvedDwelling, reference: WeatherYear, temperatures: DailyTemperatures?,
                        model: ThermalModel, catalogue: MeasureLibrary, predictedAtVisit: [String: Double], file: String) -> [ActionImpact] {
        let book = dossier.invoiceBook(file: file)
        var impacts: [ActionImpact] = []
        for (index, action) in dossier.actions.enumerated() where [.gesture, .work, .equipment].contains(action.kind) {
            let measure = action.measure.flatMap { catalogue.measure($0) }
            let before = InvoiceBook(lines: book.lines.filter { $0.end < action.date }, issues: [], file: file)
            let after = InvoiceBook(lines: book.lines.filter { $0.start > action.date }, issues: [], file: file)
            var impact = ActionImpact(action: index, date: action.date, measure: action.measure,
                                      nameFr: measure?.nameFr ?? action.measure ?? action.note ?? "action \(index + 1)",
                                      nameEn: measure?.nameEn ?? action.measure ?? action.note ?? "action \(index + 1)",
                                      periodsBefore: 0, periodsAfter: 0, meters: [], weather: BilledWeather.Kind.referenceYear.rawValue,
                                      predictedAtVisitEURPerYear: action.measure.flatMap { predictedAtVisit[$0] }, warnings: [], notMeasured: nil)
            impact.periodsBefore = BilledPeriods.periods(before).periods.count
            impact.periodsAfter = BilledPeriods.periods(after).periods.count
            guard impact.periodsBefore > 0 else {
                impact.notMeasured = "no bills ending before \(action.date)"
                impacts.append(impact)
                continue
            }
            guard impact.periodsAfter > 0 else {
                impact.notMeasured = "no bills starting after \(action.date)"
                impacts.append(impact)
                continue
            }
            let weather: BilledWeather
            if let temperatures {
                let years = Set(book.lines.flatMap { [$0.start.year, $0.end.year] }).sorted()
                weather = .stationDays(temperatures, reference: reference, years: years)
                impact.weather = BilledWeather.Kind.stationDays.rawValue
            } else {
                weather = .referenceYear(reference)
                impact.warnings.append("no daily temperatures of the billed days: the reference year stands for both periods, so a winter milder or colder than the other is counted in the saving")
            }
            let simulator = HouseholdSimulator(weather: weather, model: model)
            // The dwelling as it was before: with the actions done earlier.
            var earlier = dossier
            earlier.actions = dossier.actions.filter { $0.date < action.date }
            let (dwellingBefore, _, _) = DossierAnalysis.current(dwelling, dossier: earlier, catalogue: catalogue)
            do throws(CalibrationError) {
                let calibration = try Calibration.calibrate(dwellingBefore, conventional: nil, bills: before, simulator: simulator)
                let saving = try MeasuredSaving.compute(calibration, after: after, simulator: simulator)
                impact.warnings += saving.warnings
                // The prediction on the same days: the calibrated household with the measure.
                var withMeasure: HouseholdSimulator.DailyEnergy?
                if let measure {
                    switch MeasureApplication.apply(measure, to: calibration.dwelling) {
                    case let .success(applied):
                        withMeasure = try? simulator.run(applied.dwelling)
                    case let .failure(reason):
                        impact.warnings.append("\(measure.id) does not apply to the calibrated dwelling (\(reason.reason)): no prediction on the same days")
                    }
                }
                impact.meters = saving.meters.map { meter in
                    let rows = saving.periods.filter { $0.energy == meter.energy && $0.meter == meter.meter }
                    let predicted = withMeasure.map { daily in
                        meter.counterfactualKWh - rows.reduce(0) { $0 + daily.kWh(meter.energy, from: $1.start, to: $1.end) }
                    }
                    // The mean price of the energy lines after the action (subscriptions left out).
                    let priced = after.lines.filter { $0.energy == meter.energy && $0.meter == meter.meter && [.consumption, .delivery].contains($0.kind) && $0.amountEUR != nil }
                    let pricedKWh = priced.reduce(0) { $0 + ($1.finalKWh ?? 0) }
                    let price = pricedKWh > 0 ? priced.reduce(0) { $0 + ($1.amountEUR ?? 0) } / pricedKWh : nil
                    return Meter(measured: meter, predictedSavingKWh: predicted, eurPerKWh: price)
                }
                for meter in calibration.meters where meter.meetsGuideline14 == false {
                    impact.warnings.append("\(meter.energy.rawValue) meter \(meter.meter): the fit of the bills before does not meet ASHRAE Guideline 14 (NMBE ±5 %, CV(RMSE) 15 %): read the measured saving with care")
                }
            } catch {
                impact.notMeasured = "\(error)"
            }
            impacts.append(impact)
        }
        return impacts
    }
}
