import Foundation

/// The uncertainty of a saving measured from bills: the fractional savings uncertainty (FSU) of
/// ASHRAE Guideline 14-2014 (Annex B, after Reddy & Claridge 2000) in the form CalTRACK 2.0
/// uses for billing data (methods §4.3.2.4), with Sun & Baltazar's (2013) polynomial in the
/// reporting months instead of Guideline 14's constant 1.26:
///
///     FSU = t · (a·M² + b·M + d) · CV(RMSE) · √( (P/P′) · (1 + 2/P′) · (1/Q) ) / F
///
/// - t: Student's t at the confidence level, P − p degrees of freedom;
/// - M: months in the reporting period; Q: reporting periods (bills);
/// - P: baseline periods; P′ = P·(1 − ρ)/(1 + ρ), ρ the lag-1 autocorrelation of the baseline
///   residuals;
/// - CV(RMSE): of the baseline fit, with n − p; F: saving ÷ counterfactual;
/// - billing data: a = −0.00022, b = 0.03306, d = 0.94054.
///
/// The absolute uncertainty of the saving is FSU × saving; at 90 % confidence, the saving lies
/// within ± that. With a household's twelve monthly bills it is often as large as the saving
/// itself: said, not hidden.
public enum SavingsUncertainty {
    /// Sun & Baltazar (2013) coefficients for billing data (CalTRACK 2.0 §4.3.2.4).
    public static let billingCoefficients = (a: -0.000_22, b: 0.033_06, d: 0.940_54)

    /// Student's t for a two-sided 90 % interval (the 0.95 quantile), degrees of freedom 1–30,
    /// then 40, 60, 120 and ∞ (any table of t critical values, e.g. NIST/SEMATECH e-Handbook of
    /// Statistical Methods, §1.3.6.7.2).
    static let t90: [Double] = [6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812,
                                1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725,
                                1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697]
    static let t90Tail: [(df: Int, t: Double)] = [(30, 1.697), (40, 1.684), (60, 1.671), (120, 1.658)]

    /// Student's t for a two-sided 90 % interval with `degreesOfFreedom` (interpolated in 1/df
    /// beyond 30; 1.645 in the limit).
    public static func studentT90(degreesOfFreedom df: Int) -> Double? {
        guard df >= 1 else { return nil }
        if df <= 30 { return t90[df - 1] }
        for (lower, upper) in zip(t90Tail, t90Tail.dropFirst()) where df <= upper.df {
            let x = (1 / Double(lower.df) - 1 / Double(df)) / (1 / Double(lower.df) - 1 / Double(upper.df))
            return lower.t + x * (upper.t - lower.t)
        }
        let last = t90Tail[t90Tail.count - 1]
        return 1.645 + (last.t - 1.645) * Double(last.df) / Double(df)
    }

    /// Lag-1 autocorrelation of `residuals` (in time order); nil for fewer than 3 or no spread.
    public static func lag1Autocorrelation(_ residuals: [Double]) -> Double? {
        guard residuals.count >= 3 else { return nil }
        let mean = residuals.reduce(0, +) / Double(residuals.count)
        let deviations = residuals.map { $0 - mean }
        let variance = deviations.reduce(0) { $0 + $1 * $1 }
        guard variance > 0 else { return nil }
        var covariance = 0.0
        for index in 1..<deviations.count { covariance += deviations[index] * deviations[index - 1] }
        return covariance / variance
    }

    /// The fractional savings uncertainty at 90 % confidence.
    /// - Parameters:
    ///   - cvRMSE: the baseline fit's CV(RMSE) as a fraction (0.10 for 10 %).
    ///   - baselinePeriods: P; `parameters`: p of the fit (degrees of freedom P − p).
    ///   - autocorrelation: ρ of the baseline residuals (0 when unknown).
    ///   - reportingMonths: M; `reportingPeriods`: Q.
    ///   - savingFraction: F, saving ÷ counterfactual.
    /// - Returns: nil when the inputs leave it undefined (no saving, too few periods).
    public static func fractional(cvRMSE: Double, baselinePeriods: Int, parameters: Int, autocorrelation: Double,
                                  reportingMonths: Double, reportingPeriods: Int, savingFraction: Double) -> Double? {
        guard cvRMSE.isFinite, cvRMSE >= 0, savingFraction.isFinite, abs(savingFraction) > 1e-9, reportingPeriods >= 1,
              reportingMonths > 0, let t = studentT90(degreesOfFreedom: baselinePeriods - parameters) else { return nil }
        let rho = autocorrelation.isFinite ? min(max(autocorrelation, -0.99), 0.99) : 0
        let p = Double(baselinePeriods)
        let pPrime = p * (1 - rho) / (1 + rho)
        guard pPrime > 0 else { return nil }
        let (a, b, d) = billingCoefficients
        let m = reportingMonths
        let value = t * (a * m * m + b * m + d) * cvRMSE * ((p / pPrime) * (1 + 2 / pPrime) / Double(reportingPeriods)).squareRoot() / abs(savingFraction)
        return value.isFinite ? value : nil
    }
}
