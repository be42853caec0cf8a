import FoyerClimate
import FoyerEnergy
import FoyerNumerics

/// Daily mean outdoor temperatures for the days a household was billed.
public struct DailyTemperatures: Sendable {
    /// Mean of each day of a typical year, January 1st first (365 values); empty for measured days.
    let typicalDays: [Double]
    /// Measured means by day number (days since 1970-01-01); empty for a typical year.
    let measured: [Int: Double]
    /// Where they come from, for messages.
    public var source: String
    /// Whether the days are a typical year's (standing for any calendar year).
    public var isTypicalYear: Bool { measured.isEmpty }

    /// A station's measured daily means (the billed days' own weather).
    public init(measured: [CivilDate: Double], source: String) {
        typicalDays = []
        self.measured = Dictionary(uniqueKeysWithValues: measured.map { ($0.key.dayNumber, $0.value) })
        self.source = source
    }

    /// The first day of `first…last` without a measurement, if any.
    public func firstMissingDay(from first: CivilDate, to last: CivilDate) -> CivilDate? {
        guard !isTypicalYear, last >= first else { return nil }
        return (first.dayNumber...last.dayNumber).first { measured[$0] == nil }.map { CivilDate(dayNumber: $0) }
    }

    /// The daily means of a reference (typical) year, used for any calendar year: a billed day
    /// takes the typical year's value of its month and day (29 February that of the 28th).
    public init(typicalYear weather: WeatherYear) {
        typicalDays = (0..<365).map { day in
            (0..<24).reduce(0) { $0 + weather.dryBulbC[day * 24 + $1] } / 24
        }
        measured = [:]
        source = weather.source
    }

    /// The mean temperature of `date`, °C (a measured day missing reads as 15 °C: callers check
    /// ``firstMissingDay(from:to:)`` first).
    public func meanC(on date: CivilDate) -> Double {
        if !isTypicalYear { return measured[date.dayNumber] ?? 15 }
        return typicalDays[min(max(date.dayOfCommonYear, 0), 364)]
    }

    /// Heating degree-days of the days `first…last` to the base `baseC`, K·day.
    public func heatingDegreeDays(from first: CivilDate, to last: CivilDate, baseC: Double) -> Double {
        guard last >= first else { return 0 }
        var sum = 0.0
        for day in first.dayNumber...last.dayNumber { sum += max(0, baseC - meanC(on: CivilDate(dayNumber: day))) }
        return sum
    }

    /// Heating degree-days of the whole typical year to `baseC`, K·day (measured days: their
    /// mean per year).
    public func annualHeatingDegreeDays(baseC: Double) -> Double {
        if !isTypicalYear {
            return measured.keys.sorted().reduce(0) { $0 + max(0, baseC - (measured[$1] ?? baseC)) } * 365.25 / Double(max(measured.count, 1))
        }
        return typicalDays.reduce(0) { $0 + max(0, baseC - $1) }
    }
}

/// The billing-period degree-day model of a meter's consumption (the PRISM form that ASHRAE
/// Guideline 14 calls a three-parameter heating model and CalTRACK's billing method uses): each
/// period's mean daily use is a base load plus a slope times its mean daily heating degree-days,
/// E_i/n_i = a + b·HDD_i(T_b)/n_i, fitted by least squares weighted by the days n_i, with the
/// balance temperature T_b chosen on a grid (the smallest residual). When the slope is not
/// positive and significant (t < 1.645, one-sided p ≈ 0.05… the CalTRACK p < 0.1 rule), the
/// intercept-only model is kept: the energy does not follow the weather.
public struct DegreeDayModel: Sendable, Encodable, Equatable {
    /// Base load, kWh per day (PCI for fuels): hot water, cooking, appliances on this meter.
    public var baseKWhPerDay: Double
    /// Heating slope, kWh per degree-day (0 for the intercept-only model).
    public var kWhPerDegreeDay: Double
    /// Balance temperature, °C (`nil` for the intercept-only model).
    public var balanceC: Double?
    /// Standard errors of the base and the slope.
    public var baseStandardError: Double?
    public var slopeStandardError: Double?
    /// Weighted R² of the daily means.
    public var rSquared: Double?
    /// ASHRAE Guideline 14 statistics on the periods' energies, with n − p degrees of freedom:
    /// CV(RMSE) and NMBE, %.
    public var cvRMSEPercent: Double?
    public var nmbePercent: Double
    /// Billing periods used and parameters fitted.
    public var periods: Int
    public var parameters: Int
    /// The year's consumption under the reference year's temperatures, kWh: base 365.25·a,
    /// heating b·HDD_year(T_b).
    public var normalisedBaseKWh: Double
    public var normalisedHeatingKWh: Double
    /// The temperatures of the billed days, and those of the year the result is normalised to.
    public var weatherSource: String
    public var normalisationSource: String

    enum CodingKeys: String, CodingKey {
        case baseKWhPerDay = "base_kwh_per_day", kWhPerDegreeDay = "kwh_per_degree_day", balanceC = "balance_c"
        case baseStandardError = "base_standard_error", slopeStandardError = "slope_standard_error", rSquared = "r_squared"
        case cvRMSEPercent = "cv_rmse_percent", nmbePercent = "nmbe_percent", periods, parameters
        case normalisedBaseKWh = "normalised_base_kwh", normalisedHeatingKWh = "normalised_heating_kwh", weatherSource = "weather"
        case normalisationSource = "normalised_to"
    }

    /// Candidate balance temperatures, °C: 10 to 22 °C by 0.5 K (CalTRACK searches 30–90 °F).
    public static let balanceCandidatesC = stride(from: 10.0, through: 22.0, by: 0.5).map { $0 }
    /// The fewest periods, and days, a fit needs.
    public static let fewestPeriods = 4, fewestDays = 180

    /// One billing period: its days and energy.
    public struct Period: Sendable, Equatable {
        public var start: CivilDate
        public var end: CivilDate
        public var kWh: Double
        public var days: Int { end.dayNumber - start.dayNumber + 1 }
        public init(start: CivilDate, end: CivilDate, kWh: Double) {
            self.start = start
            self.end = end
            self.kWh = kWh
        }
    }

    /// The consumption periods of a meter's invoice lines (lines sharing dates added up: the
    /// peak and off-peak lines of one bill); regularisations and deliveries are not periods.
    public static func periods(of lines: [InvoiceLine]) -> [Period] {
        var periods: [Period] = []
        for line in lines where line.kind == .consumption {
            guard let kWh = line.finalKWh else { continue }
            if let index = periods.firstIndex(where: { $0.start == line.start && $0.end == line.end }) {
                periods[index].kWh += kWh
            } else {
                periods.append(Period(start: line.start, end: line.end, kWh: kWh))
            }
        }
        return periods.sorted { $0.start < $1.start }
    }

    /// Fits the model; `nil` when the periods are too few or too short to say anything.
    public static func fit(_ periods: [Period], temperatures: DailyTemperatures, normalisation: DailyTemperatures? = nil) -> DegreeDayModel? {
        let reference = normalisation ?? temperatures
        if periods.contains(where: { temperatures.firstMissingDay(from: $0.start, to: $0.end) != nil }) { return nil }
        let days = periods.reduce(0) { $0 + $1.days }
        guard periods.count >= fewestPeriods, days >= fewestDays, periods.allSatisfy({ $0.days > 0 && $0.kWh.isFinite }) else { return nil }
        let weights = periods.map { Double($0.days) }
        let dailyUse = periods.map { $0.kWh / Double($0.days) }

        struct Candidate { var fit: LeastSquaresFit; var balance: Double?; var hdd: [Double] }
        var best: Candidate?
        for balance in balanceCandidatesC {
            let hdd = periods.map { temperatures.heatingDegreeDays(from: $0.start, to: $0.end, baseC: balance) }
            guard hdd.contains(where: { $0 > 0 }) else { continue }
            let rows = zip(weights, hdd).map { weight, degreeDays in [weight.squareRoot(), degreeDays / weight * weight.squareRoot()] }
            let rhs = zip(weights, dailyUse).map { $0.squareRoot() * $1 }
            guard let fit = try? LeastSquares.solve(DenseMatrix(rowMajor: rows), rhs) else { continue }
            if best == nil || fit.residualSumOfSquares < (best?.fit.residualSumOfSquares ?? .infinity) {
                best = Candidate(fit: fit, balance: balance, hdd: hdd)
            }
        }
        var chosen = best
        if let candidate = best {
            let slope = candidate.fit.coefficients[1]
            let error = candidate.fit.standardErrors?[1] ?? .infinity
            if !(slope > 0 && slope / error > 1.645) { chosen = nil }
        }
        // Intercept only: the weighted mean daily use.
        let interceptOnly = chosen == nil
        let a: Double, b: Double, hdd: [Double]
        var baseError: Double?, slopeError: Double?
        if let chosen {
            a = chosen.fit.coefficients[0]
            b = chosen.fit.coefficients[1]
            hdd = chosen.hdd
            baseError = chosen.fit.standardErrors?[0]
            slopeError = chosen.fit.standardErrors?[1]
        } else {
            a = periods.reduce(0) { $0 + $1.kWh } / Double(days)
            b = 0
            hdd = [Double](repeating: 0, count: periods.count)
        }
        let parameters = interceptOnly ? 1 : 3   // a, b and the balance temperature
        let predicted = zip(periods, hdd).map { a * Double($0.days) + b * $1 }
        let meanEnergy = periods.reduce(0) { $0 + $1.kWh } / Double(periods.count)
        let residuals = zip(periods, predicted).map { $0.kWh - $1 }
        let freedom = periods.count - parameters
        let meanDaily = dailyUse.enumerated().reduce(0) { $0 + weights[$1.offset] * $1.element } / Double(days)
        let totalSquares = zip(weights, dailyUse).reduce(0) { $0 + $1.0 * ($1.1 - meanDaily) * ($1.1 - meanDaily) }
        let residualSquares = zip(weights, zip(dailyUse, zip(periods, predicted))).reduce(0) { sum, item in
            let (weight, (use, (period, energy))) = item
            let fitted = energy / Double(period.days)
            return sum + weight * (use - fitted) * (use - fitted)
        }
        let balance = interceptOnly ? nil : chosen?.balance
        return DegreeDayModel(
            baseKWhPerDay: a, kWhPerDegreeDay: b, balanceC: balance,
            baseStandardError: baseError, slopeStandardError: slopeError,
            rSquared: totalSquares > 0 && !interceptOnly ? 1 - residualSquares / totalSquares : nil,
            cvRMSEPercent: freedom > 0 && meanEnergy != 0 ? 100 * (residuals.reduce(0) { $0 + $1 * $1 } / Double(freedom)).squareRoot() / meanEnergy : nil,
            nmbePercent: freedom > 0 && meanEnergy != 0 ? 100 * residuals.reduce(0, +) / (Double(freedom) * meanEnergy) : 0,
            periods: periods.count, parameters: parameters,
            normalisedBaseKWh: 365.25 * a,
            normalisedHeatingKWh: balance.map { b * reference.annualHeatingDegreeDays(baseC: $0) } ?? 0,
            weatherSource: temperatures.source, normalisationSource: reference.source)
    }
}
