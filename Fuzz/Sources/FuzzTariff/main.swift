import Foundation
import Foyer
import FuzzSupport

/// libFuzzer entry: any bytes as a tariff file. Accepted tariffs bill a flat week.
func fuzzTariff(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let (tariff, issues) = TariffLibrary.read(data: data, name: "fuzz.json")
    guard let tariff else {
        if issues.errors.isEmpty { fatalError("refused without an error") }
        return 0
    }
    let curve = LoadCurve(intervals: (0..<(7 * 24)).map { hour in
        LoadCurve.Interval(start: LocalDateTime(tariff.validFrom.adding(days: hour / 24), minuteOfDay: (hour % 24) * 60), minutes: 60, kWh: 0.5)
    }, origin: "fuzz")
    var options = BillingOptions(subscribedKVA: tariff.subscribedKVALevels.first)
    options.pricesOn = tariff.validFrom
    if let bill = try? BillEngine.bill(curve, offer: tariff.offer, library: TariffLibrary(tariffs: [tariff]), options: options), !bill.totalEUR.isFinite {
        fatalError("accepted tariff with a non-finite bill")
    }
    return 0
}

/// libFuzzer's test entry, for libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    return fuzzTariff(UnsafeRawPointer(data), size)
}

// The same loop from this program's own entry point (SwiftPM gives executable targets a `main`
// of their own; whichever `main` the linker keeps, libFuzzer drives `testOneInput`).
runFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzTariff(UnsafeRawPointer(data), size)
}
