import Foundation
import Foyer
import FuzzSupport

/// libFuzzer entry: any bytes as a dwelling file. Whatever the bytes, loading must return
/// (a dwelling or issues), never trap; a dwelling it accepts is described, whose figures must
/// be finite.
func fuzzDwelling(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let loaded = DwellingLoader.load(data: data, file: "fuzz.json", library: Inputs.archetypeLibrary, climateZones: Inputs.climateZones)
    if let dwelling = loaded.dwelling {
        let loss = HeatLossSummary(dwelling)
        if !loss.totalWPerK.isFinite { fatalError("accepted dwelling with a non-finite heat loss") }
        _ = DwellingDescription(dwelling, defaults: loaded.defaults).text(showDefaults: true)
    } else if loaded.issues.errors.isEmpty {
        fatalError("refused without an error")
    }
    return 0
}

/// libFuzzer's test entry, for libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    return fuzzDwelling(UnsafeRawPointer(data), size)
}

// The same loop from this program's own entry point (SwiftPM gives executable targets a `main`
// of their own; whichever `main` the linker keeps, libFuzzer drives `testOneInput`).
runFuzzer { data, size in
    guard let data else { return 0 }
    return fuzzDwelling(UnsafeRawPointer(data), size)
}
