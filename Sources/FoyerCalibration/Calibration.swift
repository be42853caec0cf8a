import Foundation
import FoyerCore
import FoyerEnergy
import FoyerInvoices
import FoyerModel
import FoyerNumerics
import FoyerThermal

/// What to fit and how.
public struct CalibrationOptions: Sendable {
    /// The parameters to fit; `nil`: those the bills can inform (see ``Calibration/chooseParameters``).
    public var parameters: [HouseholdParameter]?
    /// Parameters held at a value (an observation at the visit), never fitted.
    public var fixed: [HouseholdParameter: Double]
    /// Most Levenberg–Marquardt iterations.
    public var maxIterations: Int

    public init(parameters: [HouseholdParameter]? = nil, fixed: [HouseholdParameter: Double] = [:], maxIterations: Int = 40) {
        self.parameters = parameters
        self.fixed = fixed
        self.maxIterations = maxIterations
    }
}

/// Why a calibration could not be done.
public enum CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No billing period is left to fit (all estimated, deliveries only, or no consumption line).
    case noPeriods
    /// No meter is of an energy the dwelling uses.
    case noMatchingMeter(billed: [Energy], simulated: [Energy])
    /// Fewer periods than parameters to fit.
    case tooFewPeriods(periods: Int, parameters: Int)
    /// The dwelling could not be simulated.
    case simulation(String)

    public var description: String {
        switch self {
        case .noPeriods:
            "no billing period can be fitted: the bills have no consumption line with an actual reading"
        case let .noMatchingMeter(billed, simulated):
            "the bills are for \(billed.map(\.rawValue).joined(separator: ", ")) but the dwelling uses \(simulated.map(\.rawValue).joined(separator: ", ")): check heating.systems, hot_water.systems and other_uses.cooking_energy"
        case let .tooFewPeriods(periods, parameters):
            "\(periods) billing periods cannot fit \(parameters) parameters: give more bills (monthly or bimonthly), or fix parameters with --fix"
        case let .simulation(message):
            "the dwelling cannot be simulated: \(message)"
        }
    }
}

/// A dwelling calibrated to its household's bills: the household-use parameters fitted by
/// bounded nonlinear least squares, their uncertainty, and how well the bills are reproduced.
public struct Calibration: Sendable, Encodable {
    /// One household-use parameter.
    public struct Parameter: Sendable, Encodable {
        public var name: HouseholdParameter
        public var unit: String
        /// The value before calibration (the file's household use, else its conventional use).
        public var initial: Double
        public var value: Double
        /// One standard error (from the residuals and the Jacobian, ASHRAE Guideline 14 n − p);
        /// `nil` when held, at a bound, or without degrees of freedom.
        public var standardError: Double?
        public var lower: Double
        public var upper: Double
        /// `fitted`, `held` (given with --fix), `at_bound` (the fit wanted to go further), or
        /// `not_determined` (changing it moves no bill around its value).
        public var status: String
        enum CodingKeys: String, CodingKey {
            case name, unit, initial, value, standardError = "standard_error", lower, upper, status
        }
    }

    /// The correlation of two fitted parameters' estimates.
    public struct Correlation: Sendable, Encodable {
        public var first: HouseholdParameter
        public var second: HouseholdParameter
        public var value: Double
    }

    /// One billing period: the bill, the calibrated household and the conventional use.
    public struct Period: Sendable, Encodable {
        public var energy: Energy
        public var meter: String
        public var start: CivilDate
        public var end: CivilDate
        public var days: Int
        public var billedKWh: Double
        public var simulatedKWh: Double
        public var conventionalKWh: Double?
        public var estimatedPeriodsMerged: Int
        enum CodingKeys: String, CodingKey {
            case energy, meter, start, end, days, billedKWh = "billed_kwh", simulatedKWh = "simulated_kwh"
            case conventionalKWh = "conventional_kwh", estimatedPeriodsMerged = "estimated_periods_merged"
        }
    }

    /// How well one meter's bills are reproduced (ASHRAE Guideline 14-2014, Annex B).
    public struct MeterFit: Sendable, Encodable {
        public var energy: Energy
        public var meter: String
        public var periods: Int
        public var billedKWh: Double
        public var simulatedKWh: Double
        public var conventionalKWh: Double?
        /// Billed ÷ conventional over the same days (the prebound ratio when below 1).
        public var actualOverConventional: Double?
        /// 100·Σ(yᵢ − ŷᵢ)/((n − p)·ȳ), %; `nil` when n ≤ p.
        public var nmbePercent: Double?
        /// 100·√(Σ(yᵢ − ŷᵢ)²/(n − p))/ȳ, %; `nil` when n ≤ p.
        public var cvRMSEPercent: Double?
        /// Whether NMBE is within ±5 % and CV(RMSE) ≤ 15 % (monthly criteria of Guideline 14).
        public var meetsGuideline14: Bool?
        enum CodingKeys: String, CodingKey {
            case energy, meter, periods, billedKWh = "billed_kwh", simulatedKWh = "simulated_kwh", conventionalKWh = "conventional_kwh"
            case actualOverConventional = "actual_over_conventional", nmbePercent = "nmbe_percent", cvRMSEPercent = "cv_rmse_percent"
            case meetsGuideline14 = "meets_guideline_14"
        }
    }

    public var model: ThermalModel
    public var weatherKind: BilledWeather.Kind
    public var weatherSource: String
    public var parameters: [Parameter]
    public var correlations: [Correlation]
    public var meters: [MeterFit]
    public var periods: [Period]
    /// What the bills can and cannot tell apart.
    public var identifiability: [String]
    public var warnings: [String]
    public var iterations: Int
    public var simulations: Int
    /// How much each fitted value would be off if the billed days were 1 K milder than the
    /// weather simulated (the reference year's, when the bills' own is not given): the first-order
    /// change of the least-squares solution, (JᵀJ)⁻¹Jᵀ·Δŷ, with Δŷ the predictions' change for
    /// a weather 1 K warmer. A winter 2 K colder than the reference: −2 times these.
    public var weatherSensitivityPerK: [HouseholdParameter: Double] = [:]
    /// The calibrated household (the input dwelling with the fitted values).
    public var dwelling: ResolvedDwelling
    /// The saving read from bills after a measure, when they were given.
    public var measuredSaving: MeasuredSaving? = nil

    enum CodingKeys: String, CodingKey {
        case model, weatherKind = "weather_kind", weatherSource = "weather_source", parameters, correlations, meters, periods
        case identifiability, warnings, iterations, simulations, measuredSaving = "measured_saving"
        case weatherSensitivityPerK = "weather_sensitivity_per_k"
    }

    /// The fitted (or held) value of `parameter`.
    public func value(_ parameter: HouseholdParameter) -> Double? { parameters.first { $0.name == parameter }?.value }

    /// Calibrates `dwelling` to `bills`.
    /// - Parameters:
    ///   - dwelling: the starting point, the household scenario when the file has one.
    ///   - conventional: the conventional scenario, for the actual ÷ conventional ratio.
    ///   - simulator: the prepared weather and the model.
    public static func calibrate(_ dwelling: ResolvedDwelling, conventional: ResolvedDwelling?, bills: InvoiceBook,
                                 simulator: HouseholdSimulator, options: CalibrationOptions = CalibrationOptions()) throws(CalibrationError) -> Calibration {
        var warnings: [String] = []
        let (allPeriods, periodWarnings) = BilledPeriods.periods(bills)
        warnings += periodWarnings
        guard !allPeriods.isEmpty else { throw .noPeriods }

        var start = dwelling
        for (parameter, value) in options.fixed { parameter.apply(value, to: &start) }
        var simulations = 0
        func simulate(_ candidate: ResolvedDwelling) throws(CalibrationError) -> HouseholdSimulator.DailyEnergy {
            simulations += 1
            do { return try simulator.run(candidate) } catch { throw .simulation("\(error)") }
        }
        let first = try simulate(start)
        let simulatedEnergies = first.annualByUse.keys.filter { (first.annualByUse[$0]?.sorted(by: { $0.key.rawValue < $1.key.rawValue }).reduce(0, { $0 + $1.value }) ?? 0) > 0 }.sorted()
        let periods = allPeriods.filter { simulatedEnergies.contains($0.energy) }
        let unmatched = Set(allPeriods.map(\.energy)).subtracting(simulatedEnergies)
        for energy in unmatched.sorted() {
            warnings.append("the bills for \(energy.rawValue) are not fitted: the dwelling uses no \(energy.rawValue) (check its systems)")
        }
        guard !periods.isEmpty else {
            throw .noMatchingMeter(billed: Array(Set(allPeriods.map(\.energy))).sorted(), simulated: simulatedEnergies)
        }
        if simulator.weather.kind == .referenceYear {
            warnings.append("the billed days are simulated with the reference year (\(simulator.weather.source)), not their own weather: a mild or harsh winter is read as a household's habit, and the uncertainties below do not include that (give --temperatures with a station's days, or --weather with the billed year's file)")
        }
        if simulator.weather.daysWithoutMeasurement > 0 {
            warnings.append("\(simulator.weather.daysWithoutMeasurement) days of the billed years have no station temperature and keep the reference year's")
        }

        // The parameters to fit.
        let occupants = dwelling.occupancy.occupants
        let parameters = (options.parameters ?? chooseParameters(periods: periods, annualByUse: first.annualByUse))
            .filter { options.fixed[$0] == nil }
            .sorted()
        guard periods.count > parameters.count else { throw .tooFewPeriods(periods: periods.count, parameters: parameters.count) }

        // Residuals relative to each meter's mean daily use, weighted by the days of the period
        // (CalTRACK's billing weights): rᵢ = (ŷᵢ − yᵢ)/(ū_m·√nᵢ).
        let meterKeys = Array(Set(periods.map { BilledPeriods.MeterKey(energy: $0.energy, meter: $0.meter) })).sorted()
        var dailyMean: [BilledPeriods.MeterKey: Double] = [:]
        for key in meterKeys {
            let own = periods.filter { $0.energy == key.energy && $0.meter == key.meter }
            let kWh = own.reduce(0) { $0 + $1.kWh }, days = own.reduce(0) { $0 + $1.days }
            dailyMean[key] = max(kWh / Double(max(days, 1)), 1e-3)
        }
        func predictions(_ daily: HouseholdSimulator.DailyEnergy) -> [Double] {
            periods.map { daily.kWh($0.energy, from: $0.start, to: $0.end) }
        }
        func residuals(_ predicted: [Double]) -> [Double] {
            zip(periods, predicted).map { period, value in
                (value - period.kWh) / ((dailyMean[BilledPeriods.MeterKey(energy: period.energy, meter: period.meter)] ?? 1) * Double(period.days).squareRoot())
            }
        }
        let bounds = parameters.map { $0.bounds(occupants: occupants) }
        func physical(_ u: [Double]) -> [Double] {
            zip(u, bounds).map { $1.lowerBound + min(max($0, 0), 1) * ($1.upperBound - $1.lowerBound) }
        }
        func dwellingAt(_ u: [Double]) -> ResolvedDwelling {
            var candidate = start
            for (parameter, value) in zip(parameters, physical(u)) { parameter.apply(value, to: &candidate) }
            return candidate
        }
        let initial = parameters.map { $0.value(in: start) }
        // A season of all year is a flat place to start from (shortening it by a week changes
        // nothing in summer): the search starts from the usual October–April season instead.
        let startingValues = zip(parameters, initial).map { parameter, value in
            parameter == .seasonDays && value >= 300 ? HouseholdParameter.usualSeasonDays : value
        }
        var u = zip(startingValues, bounds).map { value, range in (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound) }
        var current = residuals(predictions(try simulate(dwellingAt(u))))
        var cost = current.reduce(0) { $0 + $1 * $1 }

        // Levenberg–Marquardt, bounded by projection onto [0, 1] in scaled variables: each step
        // solves min ‖J δ + r‖² + λ‖δ‖² as the stacked least-squares problem [J; √λ I] δ ≈ [−r; 0]
        // (LAPACK dgels through FoyerNumerics), the Jacobian by one-sided differences.
        func jacobian(at u: [Double], residuals r: [Double]) throws(CalibrationError) -> DenseMatrix {
            var j = DenseMatrix(rows: r.count, columns: parameters.count)
            for (column, parameter) in parameters.enumerated() {
                // A season changes by whole days: a step of about a week.
                let step = parameter == .seasonDays ? 0.03 : 0.01
                var shifted = u
                let direction: Double = u[column] + step <= 1 ? 1 : -1
                shifted[column] += direction * step
                let r2 = residuals(predictions(try simulate(dwellingAt(shifted))))
                for row in 0..<r.count { j[row, column] = (r2[row] - r[row]) / (direction * step) }
            }
            return j
        }
        var lambda = 1e-2
        var iterations = 0
        var converged = false
        var jac = parameters.isEmpty ? DenseMatrix(rows: current.count, columns: 0) : try jacobian(at: u, residuals: current)
        while !parameters.isEmpty, !converged, iterations < options.maxIterations {
            iterations += 1
            var improved = false
            for _ in 0..<8 {
                let n = parameters.count
                var stacked = DenseMatrix(rows: current.count + n, columns: n)
                for row in 0..<current.count { for column in 0..<n { stacked[row, column] = jac[row, column] } }
                for k in 0..<n { stacked[current.count + k, k] = lambda.squareRoot() }
                let rhs = current.map { -$0 } + [Double](repeating: 0, count: n)
                guard let step = try? LeastSquares.solve(stacked, rhs).coefficients else { lambda *= 10; continue }
                let trial = zip(u, step).map { min(max($0 + $1, 0), 1) }
                let trialResiduals = residuals(predictions(try simulate(dwellingAt(trial))))
                let trialCost = trialResiduals.reduce(0) { $0 + $1 * $1 }
                if trialCost < cost {
                    let change = zip(trial, u).map { abs($0 - $1) }.max() ?? 0
                    let relative = (cost - trialCost) / max(cost, 1e-12)
                    u = trial
                    current = trialResiduals
                    cost = trialCost
                    lambda = max(lambda / 3, 1e-7)
                    improved = true
                    converged = change < 1e-3 || relative < 1e-5
                    break
                }
                lambda *= 4
            }
            if !improved { break }
            jac = try jacobian(at: u, residuals: current)
        }
        if !converged, iterations >= options.maxIterations {
            warnings.append("the fit stopped after \(iterations) iterations without converging: read the values with care")
        }

        // Uncertainty: Cov = σ²(JᵀJ)⁻¹ in physical units, σ² = RSS/(n − p), over the parameters
        // not at a bound (those are reported as such).
        let values = physical(u)
        // A parameter whose change moves no bill here (a season already longer than the
        // heating need) is not determined: it is left out of the covariance and said so.
        let columnNorms = parameters.indices.map { column in (0..<current.count).reduce(0.0) { $0 + jac[$1, column] * jac[$1, column] }.squareRoot() }
        let largestNorm = columnNorms.max() ?? 0
        let flat = parameters.indices.filter { columnNorms[$0] <= 1e-6 * max(largestNorm, 1e-12) }
        let free = parameters.indices.filter { u[$0] > 1e-3 && u[$0] < 1 - 1e-3 && !flat.contains($0) }
        var standardErrors: [Int: Double] = [:]
        var correlations: [Correlation] = []
        let dof = current.count - free.count
        // The Jacobian of the free parameters in physical units (per °C, per day…).
        var jFree = DenseMatrix(rows: current.count, columns: free.count)
        for (column, index) in free.enumerated() {
            let span = bounds[index].upperBound - bounds[index].lowerBound
            for row in 0..<current.count { jFree[row, column] = jac[row, index] / span }
        }
        if !free.isEmpty, dof > 0 {
            if let fit = try? LeastSquares.solve(jFree, current.map { -$0 }), let covariance = fit.unscaledCovariance {
                let sigma2 = cost / Double(dof)
                for (column, index) in free.enumerated() {
                    standardErrors[index] = (sigma2 * covariance[column, column]).squareRoot()
                }
                for a in 0..<free.count {
                    for b in (a + 1)..<free.count {
                        let denominator = (covariance[a, a] * covariance[b, b]).squareRoot()
                        guard denominator > 0 else { continue }
                        correlations.append(Correlation(first: parameters[free[a]], second: parameters[free[b]], value: covariance[a, b] / denominator))
                    }
                }
            } else {
                warnings.append("the fitted parameters are not independent at the solution (a singular Jacobian): their uncertainties are unknown")
            }
        }

        // Weather sensitivity: the fit's first-order change if the billed days were 1 K milder.
        var sensitivity: [HouseholdParameter: Double] = [:]
        if !free.isEmpty, current.count > free.count {
            var warmerSimulator = simulator
            warmerSimulator.weather = simulator.weather.shifted(byK: 1)
            simulations += 1
            if let warmer = try? warmerSimulator.run(dwellingAt(u)) {
                let change = zip(residuals(predictions(warmer)), current).map { $0 - $1 }
                if let fit = try? LeastSquares.solve(jFree, change) {
                    for (column, index) in free.enumerated() where fit.coefficients[column].isFinite {
                        sensitivity[parameters[index]] = fit.coefficients[column]
                    }
                }
            }
        }

        var resultParameters: [Parameter] = parameters.enumerated().map { index, parameter in
            let status = flat.contains(index) ? "not_determined" : free.contains(index) ? "fitted" : "at_bound"
            return Parameter(name: parameter, unit: parameter.unit, initial: initial[index], value: values[index],
                             standardError: standardErrors[index], lower: bounds[index].lowerBound, upper: bounds[index].upperBound,
                             status: status)
        }
        for (parameter, value) in options.fixed.sorted(by: { $0.key < $1.key }) {
            let range = parameter.bounds(occupants: occupants)
            resultParameters.append(Parameter(name: parameter, unit: parameter.unit, initial: parameter.value(in: dwelling), value: value,
                                              standardError: nil, lower: range.lowerBound, upper: range.upperBound, status: "held"))
        }
        resultParameters.sort { $0.name < $1.name }

        // The calibrated household and the conventional use on the same days.
        let calibrated = dwellingAt(u)
        let finalDaily = try simulate(calibrated)
        let predicted = predictions(finalDaily)
        var conventionalPredicted: [Double]?
        if let conventional { conventionalPredicted = predictions(try simulate(conventional)) }
        let resultPeriods = periods.enumerated().map { index, period in
            Period(energy: period.energy, meter: period.meter, start: period.start, end: period.end, days: period.days, billedKWh: period.kWh,
                   simulatedKWh: predicted[index], conventionalKWh: conventionalPredicted?[index], estimatedPeriodsMerged: period.estimatedPeriodsMerged)
        }
        let meters = meterKeys.map { key in
            meterFit(key, periods: resultPeriods.filter { $0.energy == key.energy && $0.meter == key.meter }, parameters: parameters.count)
        }
        let identifiability = identifiabilityNotes(resultParameters, correlations: correlations, periods: periods.count)
        var calibratedDwelling = calibrated
        calibratedDwelling.useScenario = .household
        return Calibration(model: simulator.model, weatherKind: simulator.weather.kind, weatherSource: simulator.weather.source,
                           parameters: resultParameters, correlations: correlations, meters: meters, periods: resultPeriods,
                           identifiability: identifiability, warnings: warnings, iterations: iterations, simulations: simulations,
                           weatherSensitivityPerK: sensitivity, dwelling: calibratedDwelling)
    }

    /// The parameters these bills can inform, most informed first: the set-point (heating
    /// bills), the appliances (electricity bills), the hot water (a meter that carries it, with
    /// bills outside the heating season), then the heated share and the season when a heating
    /// meter has enough periods to show the shape of the winter (6 and 8), keeping at least two
    /// periods more than parameters.
    public static func chooseParameters(periods: [BilledPeriod], annualByUse: [Energy: [EnergyUse: Double]]) -> [HouseholdParameter] {
        func count(carrying use: EnergyUse) -> Int {
            periods.filter { (annualByUse[$0.energy]?[use] ?? 0) > 0 }.count
        }
        func summerPeriods(carrying use: EnergyUse) -> Int {
            periods.filter { period in
                (annualByUse[period.energy]?[use] ?? 0) > 0 && (5...9).contains(period.start.month) && (5...9).contains(period.end.month)
            }.count
        }
        var chosen: [HouseholdParameter] = []
        let heating = count(carrying: .heating)
        if heating > 0 { chosen.append(.setpoint) }
        if periods.contains(where: { $0.energy == .electricity }) && (annualByUse[.electricity]?[.appliances] ?? 0) > 0 {
            chosen.append(.appliancesKWhPerYear)
        }
        if summerPeriods(carrying: .hotWater) >= 1 || (count(carrying: .hotWater) >= 4 && heating == 0) {
            chosen.append(.hotWaterLitresPerDay)
        }
        if heating >= 6 { chosen.append(.heatedShare) }
        if heating >= 8 { chosen.append(.seasonDays) }
        while chosen.count > max(0, periods.count - 2) { chosen.removeLast() }
        return chosen
    }

    static func meterFit(_ key: BilledPeriods.MeterKey, periods: [Period], parameters: Int) -> MeterFit {
        let billed = periods.reduce(0) { $0 + $1.billedKWh }
        let simulated = periods.reduce(0) { $0 + $1.simulatedKWh }
        let conventional: Double? = periods.allSatisfy({ $0.conventionalKWh != nil }) ? periods.reduce(0) { $0 + ($1.conventionalKWh ?? 0) } : nil
        let n = periods.count
        let mean = billed / Double(max(n, 1))
        var nmbe: Double?, cv: Double?
        if n > parameters, mean > 0 {
            let dof = Double(n - parameters)
            nmbe = 100 * periods.reduce(0) { $0 + ($1.billedKWh - $1.simulatedKWh) } / (dof * mean)
            cv = 100 * (periods.reduce(0) { $0 + pow($1.billedKWh - $1.simulatedKWh, 2) } / dof).squareRoot() / mean
        }
        let meets = nmbe.flatMap { nmbe in cv.map { abs(nmbe) <= 5 && $0 <= 15 } }
        return MeterFit(energy: key.energy, meter: key.meter, periods: n, billedKWh: billed, simulatedKWh: simulated, conventionalKWh: conventional,
                        actualOverConventional: conventional.flatMap { $0 > 0 ? billed / $0 : nil },
                        nmbePercent: nmbe, cvRMSEPercent: cv, meetsGuideline14: meets)
    }

    /// What the bills tell apart, in words: strongly correlated pairs, loosely determined values,
    /// values stopped at a bound.
    static func identifiabilityNotes(_ parameters: [Parameter], correlations: [Correlation], periods: Int) -> [String] {
        var notes: [String] = []
        func observation(_ parameter: HouseholdParameter) -> String {
            switch parameter {
            case .setpoint: "the thermostat's setting, or temperatures measured at the visit"
            case .heatedShare: "which rooms are heated"
            case .seasonDays: "when the heating is started and stopped"
            case .hotWaterLitresPerDay: "showers and baths a day"
            case .appliancesKWhPerYear: "the appliances seen, or a smart meter's night-time base"
            }
        }
        for correlation in correlations where abs(correlation.value) >= 0.8 {
            notes.append("\(correlation.first.rawValue) and \(correlation.second.rawValue) trade off (correlation \(NumberText.fixed(correlation.value, 2))): these bills fix a combination of them, not each; what was seen at the visit separates them — hold one with --fix (\(correlation.first.rawValue): \(observation(correlation.first)); \(correlation.second.rawValue): \(observation(correlation.second)))")
        }
        for parameter in parameters where parameter.status == "fitted" {
            guard let error = parameter.standardError else { continue }
            let span = parameter.upper - parameter.lower
            if error > 0.25 * span {
                notes.append("\(parameter.name.rawValue) is hardly determined by these bills (± \(NumberText.short(error)) \(parameter.unit) over a range of \(NumberText.short(span)))")
            }
        }
        for parameter in parameters where parameter.status == "not_determined" {
            notes.append("\(parameter.name.rawValue) is not determined: changing it around \(NumberText.short(parameter.value, maxDecimals: 2))\(parameter.unit.isEmpty ? "" : " " + parameter.unit) moves no bill (e.g. a season already longer than the months that need heat); its value is only a possible one")
        }
        for parameter in parameters where parameter.status == "at_bound" {
            let atLower = abs(parameter.value - parameter.lower) <= abs(parameter.value - parameter.upper)
            let unit = parameter.unit.isEmpty ? "" : " " + parameter.unit
            if atLower {
                notes.append("\(parameter.name.rawValue) stopped at its lower bound \(NumberText.short(parameter.value, maxDecimals: 2))\(unit): the bills are lower than the model gives even there — the household may do still less (one room heated now and then), or the dwelling's description overstates its needs (its heat loss, its system's efficiency): check them before reading the value as a habit")
            } else {
                notes.append("\(parameter.name.rawValue) stopped at its upper bound \(NumberText.short(parameter.value, maxDecimals: 2))\(unit): the bills are higher than the model gives even there — look for a use the file lacks (an electric heater, a second dwelling on the meter) or a description that understates the needs")
            }
        }
        if notes.isEmpty, periods > 0 {
            notes.append("every fitted parameter is determined by these bills (no correlation beyond ±0.8, each uncertainty under a quarter of its range)")
        }
        return notes
    }
}
