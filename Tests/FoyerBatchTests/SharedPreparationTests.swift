import Foundation
import Testing
import FoyerClimate
import FoyerCore
import FoyerThermal

/// What a batch prepares once and shares: values kept for recent keys, and the weather year of
/// an embedded climate prepared on two threads.
@Suite("Preparation shared by a batch's jobs")
struct SharedPreparationTests {
    @Test func recentValuesAreReusedForEqualKeysAndForgottenBeyondCapacity() {
        let values = RecentValues<Int, [Int]>(capacity: 2)
        var computed = 0
        func value(_ key: Int) -> [Int] { values.value(for: key) { computed += 1; return [key, key] } }
        #expect(value(1) == [1, 1] && computed == 1)
        #expect(value(1) == [1, 1] && computed == 1)
        #expect(value(2) == [2, 2] && computed == 2)
        #expect(value(3) == [3, 3] && computed == 3)  // 1 dropped: capacity 2
        #expect(value(2) == [2, 2] && computed == 3)
        #expect(value(1) == [1, 1] && computed == 4)
    }

    @Test func bothPiecesOfWorkRunAndReturnTheirResults() {
        let (a, b) = Concurrently.run({ (1...1000).reduce(0, +) }, alongside: { (1...100).map { $0 * $0 }.reduce(0, +) })
        #expect(a == 500_500)
        #expect(b == 338_350)
    }

    /// The sun's positions computed alongside the year's generation are those the irradiance
    /// computes itself, and so is everything derived from them.
    @Test(arguments: [ReferenceClimate.h1a, .h3])
    func aClimatePreparedOnTwoThreadsIsTheSameYear(_ climate: ReferenceClimate) {
        let twoThreads = PreparedWeather.reference(climate)
        let oneThread = PreparedWeather(climate.weatherYear)
        #expect(twoThreads.weather.dryBulbC == oneThread.weather.dryBulbC)
        #expect(twoThreads.solar.sun.count == WeatherYear.hoursPerYear)
        #expect(zip(twoThreads.solar.sun, oneThread.solar.sun).allSatisfy {
            $0.zenithDeg.bitPattern == $1.zenithDeg.bitPattern && $0.azimuthDeg.bitPattern == $1.azimuthDeg.bitPattern
        })
        let south = twoThreads.solar.series(tiltDeg: 90, azimuthDeg: 180), reference = oneThread.solar.series(tiltDeg: 90, azimuthDeg: 180)
        #expect(south.totalWPerM2.map(\.bitPattern) == reference.totalWPerM2.map(\.bitPattern))
    }
}
