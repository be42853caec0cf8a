import Foundation
import Testing
import FoyerClimate
import FoyerCore
import FoyerEnergy
@testable import FoyerInvoices

/// A station's daily temperatures: the billed days' own weather for the degree-day model.
@Suite("Invoices: a station's daily temperatures")
struct DailyTemperatureTests {
    static let typical = DailyTemperatures(typicalYear: ReferenceClimate.h1a.weatherYear)

    @Test func minimumAndMaximumOrMean() throws {
        let (minMax, issues) = DailyTemperatureCSV.read(data: Data("date;TN;TX\n01/01/2025;-2,4;6,0\n2025-01-02;1;9\n".utf8), file: "s.csv")
        #expect(!issues.hasErrors, "\(issues.map(\.description))")
        let temperatures = try #require(minMax)
        #expect(abs(temperatures.meanC(on: CivilDate(2025, 1, 1)) - 1.8) < 1e-12)
        #expect(temperatures.meanC(on: CivilDate(2025, 1, 2)) == 5)
        #expect(temperatures.firstMissingDay(from: CivilDate(2025, 1, 1), to: CivilDate(2025, 1, 3)) == CivilDate(2025, 1, 3))
        #expect(!temperatures.isTypicalYear)
    }

    @Test(arguments: [
        ("date,mean_c\n2025-02-30,4\n", "line 2, date"),
        ("date,mean_c\n2025-01-01,74\n", "line 2, mean_c"),
        ("date,mean_c\n2025-01-01,warm\n", "line 2, mean_c"),
        ("date,min_c,max_c\n2025-01-01,8,3\n", "line 2, min_c"),
        ("date,mean_c\n2025-01-01,4\n2025-01-01,5\n", "line 3, date"),
        ("day,mean_c\n2025-01-01,4\n", "header"),
        ("date,rain_mm\n2025-01-01,4\n", "header"),
    ])
    func mistakesAreRefused(_ text: String, _ path: String) {
        let (temperatures, issues) = DailyTemperatureCSV.read(data: Data(text.utf8), file: "s.csv")
        #expect(temperatures == nil)
        #expect(issues.contains { $0.severity == .error && $0.path == path && $0.file == "s.csv" }, "\(issues.map(\.description))")
    }

    @Test func hostileValuesNeverCrashNorShowNonFinite() {
        for value in ["NaN", "inf", "-Infinity", "1e308", "-1e308", "1e309", "5e-324", "", "\u{0}", String(repeating: "9", count: 500), "0x10", "1.2.3", "🙂"] {
            for template in ["date,mean_c\n2025-01-01,\(value)\n", "date,mean_c\n\(value),4\n", "date,min_c,max_c\n2025-01-01,\(value),5\n"] {
                let (temperatures, issues) = DailyTemperatureCSV.read(data: Data(template.utf8), file: "s.csv")
                for issue in issues {
                    let shown = issue.description.replacingOccurrences(of: issue.value ?? "\u{0}", with: "").lowercased()
                    #expect(!shown.contains("inf ") && !shown.contains("nan"), "\(issue.description)")
                }
                if let temperatures { #expect(temperatures.meanC(on: CivilDate(2025, 1, 1)).isFinite) }
            }
        }
    }

    /// A mild winter: the billed year is 2 K warmer than the reference year. Fitted on the
    /// station's own days, the household's parameters come back exactly and the year normalised
    /// to the reference is the truth; fitted on the reference year's days instead, the slope is
    /// biased.
    @Test func theBilledDaysOwnWeatherRemovesTheBias() throws {
        var measured: [CivilDate: Double] = [:]
        for offset in 0..<(2 * 365) {
            let day = CivilDate(2024, 1, 1).adding(days: offset)
            measured[day] = Self.typical.meanC(on: day) + 2
        }
        let station = DailyTemperatures(measured: measured, source: "station.csv")
        var periods: [DegreeDayModel.Period] = []
        var start = CivilDate(2024, 1, 1)
        while start < CivilDate(2025, 11, 1) {
            let end = start.adding(days: 59)
            periods.append(DegreeDayModel.Period(start: start, end: end,
                                                 kWh: 6 * 60 + 3 * station.heatingDegreeDays(from: start, to: end, baseC: 16)))
            start = end.adding(days: 1)
        }
        let own = try #require(DegreeDayModel.fit(periods, temperatures: station, normalisation: Self.typical))
        #expect(own.balanceC == 16 && abs(own.kWhPerDegreeDay - 3) < 1e-6 && abs(own.baseKWhPerDay - 6) < 1e-6)
        let truth = 6 * 365.25 + 3 * Self.typical.annualHeatingDegreeDays(baseC: 16)
        #expect(abs(own.normalisedBaseKWh + own.normalisedHeatingKWh - truth) < 1e-3)
        #expect(own.normalisationSource == Self.typical.source && own.weatherSource == "station.csv")
        let typicalOnly = try #require(DegreeDayModel.fit(periods, temperatures: Self.typical))
        #expect(abs(typicalOnly.normalisedBaseKWh + typicalOnly.normalisedHeatingKWh - truth) / truth > 0.03)
    }
}
