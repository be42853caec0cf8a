import FoyerCore
import FoyerEnergy
import FoyerInvoices

/// The energy a measure saved, read from the bills before and after it.
///
/// The household calibrated on the bills before the measure, simulated on the days and weather
/// of the bills after it, is what it would have used without the measure: the counterfactual
/// (the "avoided energy use" of IPMVP option C and ASHRAE Guideline 14). The saving is the
/// counterfactual less what was billed. A change of habits after the measure (a warmer house
/// once insulated) is part of what the bills show and so of the saving measured.
public struct MeasuredSaving: Sendable, Encodable {
    /// One meter's saving over the periods billed after the measure.
    public struct Meter: Sendable, Encodable {
        public var energy: Energy
        public var meter: String
        public var periods: Int
        public var days: Int
        public var billedKWh: Double
        public var counterfactualKWh: Double
        public var savingKWh: Double
        /// Saving ÷ counterfactual, %.
        public var savingPercent: Double?
        /// ± kWh around the saving at 90 % confidence (``SavingsUncertainty``, from the fit of the
        /// bills before the measure); nil when the fit or the saving leave it undefined.
        public var uncertaintyKWh90: Double?
        enum CodingKeys: String, CodingKey {
            case energy, meter, periods, days, billedKWh = "billed_kwh", counterfactualKWh = "counterfactual_kwh"
            case savingKWh = "saving_kwh", savingPercent = "saving_percent", uncertaintyKWh90 = "uncertainty_kwh_90"
        }
    }

    public var meters: [Meter]
    public var periods: [Calibration.Period]
    public var warnings: [String]

    /// The saving on the `after` bills of the household of `calibration`.
    /// - Parameter simulator: must hold the weather of the after-bills' days (station days for
    ///   their years, or a billed-year file of the after year).
    public static func compute(_ calibration: Calibration, after: InvoiceBook, simulator: HouseholdSimulator) throws(CalibrationError) -> MeasuredSaving {
        var (periods, warnings) = BilledPeriods.periods(after)
        let fitted = Set(calibration.meters.map { "\($0.energy.rawValue)\u{0}\($0.meter)" })
        let dropped = periods.filter { !fitted.contains("\($0.energy.rawValue)\u{0}\($0.meter)") }
        for meter in Set(dropped.map { "\($0.energy.rawValue) meter \($0.meter)" }).sorted() {
            warnings.append("\(meter): no bills before the measure, no counterfactual")
        }
        periods.removeAll { !fitted.contains("\($0.energy.rawValue)\u{0}\($0.meter)") }
        guard !periods.isEmpty else { throw .noPeriods }
        let daily: HouseholdSimulator.DailyEnergy
        do { daily = try simulator.run(calibration.dwelling) } catch { throw .simulation("\(error)") }
        let rows = periods.map { period in
            Calibration.Period(energy: period.energy, meter: period.meter, start: period.start, end: period.end, days: period.days,
                               billedKWh: period.kWh, simulatedKWh: daily.kWh(period.energy, from: period.start, to: period.end),
                               conventionalKWh: nil, estimatedPeriodsMerged: period.estimatedPeriodsMerged)
        }
        let keys = Array(Set(rows.map { BilledPeriods.MeterKey(energy: $0.energy, meter: $0.meter) })).sorted()
        let meters = keys.map { key in
            let own = rows.filter { $0.energy == key.energy && $0.meter == key.meter }
            let billed = own.reduce(0) { $0 + $1.billedKWh }, counterfactual = own.reduce(0) { $0 + $1.simulatedKWh }
            let days = own.reduce(0) { $0 + $1.days }
            // The baseline: this meter's bills before the measure and the calibrated fit of them.
            let baseline = calibration.periods.filter { $0.energy == key.energy && $0.meter == key.meter }.sorted { $0.start < $1.start }
            let fit = calibration.meters.first { $0.energy == key.energy && $0.meter == key.meter }
            var uncertainty: Double?
            if let cv = fit?.cvRMSEPercent, counterfactual > 0, counterfactual != billed,
               let fsu = SavingsUncertainty.fractional(
                   cvRMSE: cv / 100, baselinePeriods: baseline.count, parameters: calibration.parameters.count,
                   autocorrelation: SavingsUncertainty.lag1Autocorrelation(baseline.map { $0.billedKWh - $0.simulatedKWh }) ?? 0,
                   reportingMonths: Double(days) / 30.4375, reportingPeriods: own.count, savingFraction: (counterfactual - billed) / counterfactual) {
                uncertainty = fsu * abs(counterfactual - billed)
            }
            return Meter(energy: key.energy, meter: key.meter, periods: own.count, days: days, billedKWh: billed,
                         counterfactualKWh: counterfactual, savingKWh: counterfactual - billed,
                         savingPercent: counterfactual > 0 ? 100 * (counterfactual - billed) / counterfactual : nil,
                         uncertaintyKWh90: uncertainty)
        }
        return MeasuredSaving(meters: meters, periods: rows, warnings: warnings)
    }

    /// The readable form.
    public func text() -> String {
        var lines = ["Measured saving (the calibrated household before the measure, on the days and weather after it):"]
        for warning in warnings { lines.append("warning: \(warning)") }
        for meter in meters {
            lines.append("  \(meter.energy.rawValue) meter \(meter.meter): \(meter.periods) periods, \(meter.days) days — would have used \(NumberText.fixed(meter.counterfactualKWh, 0)) kWh, billed \(NumberText.fixed(meter.billedKWh, 0)) kWh: saving \(NumberText.fixed(meter.savingKWh, 0)) kWh" + (meter.uncertaintyKWh90.map { " ± \(NumberText.fixed($0, 0)) kWh (90 %)" } ?? "") + (meter.savingPercent.map { " (\(NumberText.fixed($0, 1)) %)" } ?? ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
