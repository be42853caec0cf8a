import Foundation
import Foyer
import FuzzSupport

/// libFuzzer entry: any bytes as an EPW file. An accepted year must hold finite values.
func fuzzEPW(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    guard let (year, _) = try? EPW.parse(bytes: bytes, fileName: "fuzz.epw") else { return 0 }
    let series = [year.dryBulbC, year.dewPointC, year.pressurePa, year.globalHorizontalWPerM2, year.directNormalWPerM2,
                  year.diffuseHorizontalWPerM2, year.horizontalInfraredWPerM2, year.windSpeedMPerS]
    if series.contains(where: { !$0.allSatisfy(\.isFinite) }) { fatalError("accepted EPW with non-finite values") }
    return 0
}

/// libFuzzer's test entry, for libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    return fuzzEPW(UnsafeRawPointer(data), size)
}

// The same loop from this program's own entry point (SwiftPM gives executable targets a `main`
// of their own; whichever `main` the linker keeps, libFuzzer drives `testOneInput`).
runFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzEPW(UnsafeRawPointer(data), size)
}
