import Testing
import Foyer
@testable import FoyerCalibration

/// The fractional savings uncertainty against the formula of CalTRACK 2.0 (methods §4.3.2.4,
/// after ASHRAE Guideline 14-2014 Annex B), worked by hand.
@Suite("Savings uncertainty (Guideline 14 / CalTRACK FSU)")
struct SavingsUncertaintyTests {
    @Test func studentTFollowsTheTable() throws {
        // Two-sided 90 %: t(0.95; 1) = 6.314, t(0.95; 10) = 1.812, t(0.95; 120) = 1.658, → 1.645.
        #expect(SavingsUncertainty.studentT90(degreesOfFreedom: 1) == 6.314)
        #expect(SavingsUncertainty.studentT90(degreesOfFreedom: 10) == 1.812)
        #expect(abs(try #require(SavingsUncertainty.studentT90(degreesOfFreedom: 120)) - 1.658) < 1e-12)
        #expect(abs(try #require(SavingsUncertainty.studentT90(degreesOfFreedom: 100_000)) - 1.645) < 0.001)
        #expect(SavingsUncertainty.studentT90(degreesOfFreedom: 0) == nil)
        // Between table rows it stays between them.
        let t50 = try #require(SavingsUncertainty.studentT90(degreesOfFreedom: 50))
        #expect(t50 < 1.684 && t50 > 1.671)
    }

    /// Twelve monthly bills before (a fit of 2 parameters), CV(RMSE) 10 %, a 20 % saving over
    /// twelve monthly bills after, residual autocorrelation 0.3:
    /// t = 1.812, a·12² + b·12 + d = 1.30558, P′ = 12·0.7/1.3 = 6.4615,
    /// √((12/6.4615)·(1 + 2/6.4615)/12) = 0.45019 → FSU = 1.812·1.30558·0.10·0.45019/0.20 = 53.3 %.
    @Test func theWorkedExample() throws {
        let fsu = try #require(SavingsUncertainty.fractional(cvRMSE: 0.10, baselinePeriods: 12, parameters: 2, autocorrelation: 0.3,
                                                             reportingMonths: 12, reportingPeriods: 12, savingFraction: 0.20))
        #expect(abs(fsu - 0.5325) < 0.0005, "\(fsu)")
        // Without autocorrelation: √(1·(1 + 2/12)/12) = 0.31180 → 36.9 %; Guideline 14's older
        // constant 1.26 in place of the polynomial would give 35.6 %.
        let independent = try #require(SavingsUncertainty.fractional(cvRMSE: 0.10, baselinePeriods: 12, parameters: 2, autocorrelation: 0,
                                                                     reportingMonths: 12, reportingPeriods: 12, savingFraction: 0.20))
        #expect(abs(independent - 0.3688) < 0.0005, "\(independent)")
        // A larger saving is known better, relatively: FSU ∝ 1/F.
        let larger = try #require(SavingsUncertainty.fractional(cvRMSE: 0.10, baselinePeriods: 12, parameters: 2, autocorrelation: 0,
                                                                reportingMonths: 12, reportingPeriods: 12, savingFraction: 0.40))
        #expect(abs(larger - independent / 2) < 1e-12)
    }

    @Test func undefinedCasesGiveNothing() {
        #expect(SavingsUncertainty.fractional(cvRMSE: 0.1, baselinePeriods: 2, parameters: 2, autocorrelation: 0, reportingMonths: 12, reportingPeriods: 12, savingFraction: 0.2) == nil)
        #expect(SavingsUncertainty.fractional(cvRMSE: 0.1, baselinePeriods: 12, parameters: 2, autocorrelation: 0, reportingMonths: 12, reportingPeriods: 12, savingFraction: 0) == nil)
        #expect(SavingsUncertainty.fractional(cvRMSE: .nan, baselinePeriods: 12, parameters: 2, autocorrelation: 0, reportingMonths: 12, reportingPeriods: 12, savingFraction: 0.2) == nil)
        #expect(SavingsUncertainty.lag1Autocorrelation([1, 2]) == nil)
        // Alternating residuals are negatively autocorrelated.
        #expect((SavingsUncertainty.lag1Autocorrelation([1, -1, 1, -1, 1, -1]) ?? 0) < -0.5)
    }
}

/// A saving measured from synthetic bills: a gas household calibrated on a year of monthly bills
/// (3 % noise), then billed for a year with its set-point 1.5 K lower. The measured saving must
/// hold the true one (noise-free) within its 90 % uncertainty, and that uncertainty must be a
/// usable fraction of the saving (tolerances set before running).
@Suite("Measured saving with its uncertainty")
struct MeasuredSavingTests {
    @Test func theTrueSavingIsWithinTheInterval() throws {
        guard var conventional = Inputs.loadDwelling("fr/sfh-1949-1974", use: .conventional).dwelling else {
            Issue.record("archetype not loaded")
            return
        }
        conventional.location.weather = .referenceClimate(ReferenceClimate.h1a.rawValue)
        var before = conventional
        HouseholdParameter.setpoint.apply(19, to: &before)
        var after = before
        HouseholdParameter.setpoint.apply(17.5, to: &after)
        let simulator = HouseholdSimulator(weather: .referenceYear(ReferenceClimate.h1a.weatherYear), model: .fiveR1C)
        let dailyBefore = try simulator.run(before), dailyAfter = try simulator.run(after)
        var noise = SyntheticBills.Noise(state: 17)
        let beforeBook = SyntheticBills.book(SyntheticBills.csvLines(dailyBefore, energy: .naturalGas, meter: "gaz", year: 2025, months: 1, relativeNoise: 0.03, noise: &noise))
        let afterBook = SyntheticBills.book(SyntheticBills.csvLines(dailyAfter, energy: .naturalGas, meter: "gaz", year: 2025, months: 1, relativeNoise: 0.03, noise: &noise))
        let calibration = try Calibration.calibrate(conventional, conventional: conventional, bills: beforeBook, simulator: simulator,
                                                    options: CalibrationOptions(parameters: [.setpoint, .hotWaterLitresPerDay]))
        let saving = try MeasuredSaving.compute(calibration, after: afterBook, simulator: simulator)
        let meter = try #require(saving.meters.first)
        let start = CivilDate(2025, 1, 1), end = CivilDate(2025, 12, 31)
        let trueSaving = dailyBefore.kWh(.naturalGas, from: start, to: end) - dailyAfter.kWh(.naturalGas, from: start, to: end)
        let uncertainty = try #require(meter.uncertaintyKWh90, "no uncertainty")
        #expect(trueSaving > 0)
        #expect(abs(meter.savingKWh - trueSaving) <= uncertainty, "measured \(meter.savingKWh) ± \(uncertainty), true \(trueSaving)")
        #expect(uncertainty > 0 && uncertainty <= 0.6 * trueSaving, "± \(uncertainty) kWh on a saving of \(trueSaving)")
        #expect(saving.text().contains("(90 %)"))
        print("measured saving | true \(NumberText.fixed(trueSaving, 0)) kWh | measured \(NumberText.fixed(meter.savingKWh, 0)) ± \(NumberText.fixed(uncertainty, 0)) kWh (90 %)"
              + " | CV(RMSE) \(NumberText.fixed(calibration.meters.first?.cvRMSEPercent ?? .nan, 1)) %")
    }
}
