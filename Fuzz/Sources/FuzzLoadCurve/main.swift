import Foundation
import Foyer
import FuzzSupport

/// The shipped tariffs, read once.
let library = TariffLibrary.load()

/// libFuzzer entry: any bytes as a load-curve CSV, with gaps filled. Accepted curves are
/// billed on EDF Base at 6 kVA when their dates are within its prices.
func fuzzLoadCurve(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let (curve, issues) = LoadCurveCSV.read(data: data, file: "fuzz.csv", gaps: .fillWithTypicalWeek)
    guard let curve else {
        if issues.errors.isEmpty { fatalError("refused without an error") }
        return 0
    }
    if !curve.totalKWh.isFinite || !curve.peakKW.isFinite { fatalError("accepted curve with a non-finite total") }
    if let bill = try? BillEngine.bill(curve, offer: "fr-edf-bleu-base", library: library, options: BillingOptions(subscribedKVA: 6)),
       !bill.totalEUR.isFinite {
        fatalError("accepted curve with a non-finite bill")
    }
    return 0
}

/// libFuzzer's test entry, for libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    return fuzzLoadCurve(UnsafeRawPointer(data), size)
}

// The same loop from this program's own entry point (SwiftPM gives executable targets a `main`
// of their own; whichever `main` the linker keeps, libFuzzer drives `testOneInput`).
runFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzLoadCurve(UnsafeRawPointer(data), size)
}
