import Foundation
import Testing
import Foyer

/// The bills' own weather (issue 12, item 4): a household billed in a winter 1.5 K milder than the
/// reference year. Calibrated on the reference year, its set-point reads low by what the weather
/// sensitivity says; calibrated on the station's days of that winter, it is recovered.
@Suite("Calibration on the billed days' own weather")
struct BilledWeatherTests {
    @Test func stationDaysRemoveTheWeatherBias() throws {
        let conventional = try RecoveryTests.dwelling("fr/sfh-1949-1974", climate: .h1a)
        var truth = conventional
        HouseholdParameter.setpoint.apply(18, to: &truth)
        HouseholdParameter.heatedShare.apply(0.7, to: &truth)
        let reference = ReferenceClimate.h1a.weatherYear
        let milder = BilledWeather.referenceYear(reference).shifted(byK: 1.5)
        let billed = try HouseholdSimulator(weather: milder, model: .fiveR1C).run(truth)
        var noise = SyntheticBills.Noise(state: 7)
        let book = SyntheticBills.book(SyntheticBills.csvLines(billed, energy: .naturalGas, meter: "gaz", year: 2025, months: 1,
                                                                relativeNoise: 0.02, noise: &noise))
        let options = CalibrationOptions(parameters: [.setpoint], fixed: [.heatedShare: 0.7])

        let onReference = try Calibration.calibrate(conventional, conventional: nil, bills: book,
                                                    simulator: HouseholdSimulator(weather: .referenceYear(reference), model: .fiveR1C), options: options)
        let biased = try #require(onReference.value(.setpoint))
        let perK = try #require(onReference.weatherSensitivityPerK[.setpoint])
        // A milder winter read with the reference year: the household looks more frugal, by
        // about the sensitivity times 1.5 K (first order).
        #expect(biased < 18 - 0.75, "set-point on the reference year \(biased)")
        #expect(abs((biased - 18) - 1.5 * perK) < 0.3, "bias \(biased - 18) °C, sensitivity \(perK) °C/K × 1.5")
        #expect(onReference.warnings.contains { $0.contains("reference year") })

        // The station's daily means of that winter, laid on the reference hours.
        var days: [CivilDate: Double] = [:]
        let milderYear = try #require(milder.prepared(nil)).weather
        for day in 0..<365 {
            let date = CivilDate(2025, 1, 1).adding(days: day)
            days[date] = (0..<24).reduce(0) { $0 + milderYear.dryBulbC[day * 24 + $1] } / 24
        }
        let station = BilledWeather.stationDays(DailyTemperatures(measured: days, source: "station"), reference: reference, years: [2025])
        let onStation = try Calibration.calibrate(conventional, conventional: nil, bills: book,
                                                  simulator: HouseholdSimulator(weather: station, model: .fiveR1C), options: options)
        let recovered = try #require(onStation.value(.setpoint))
        #expect(abs(recovered - 18) <= 0.3, "set-point on the station's days \(recovered)")
        #expect(!onStation.warnings.contains { $0.contains("reference year") })
        print("weather | truth 18 °C, winter 1.5 K milder | reference year: \(NumberText.fixed(biased, 2)) °C (sensitivity \(NumberText.fixed(perK, 2)) °C/K) | station days: \(NumberText.fixed(recovered, 2)) °C")
    }
}
