import Foundation
import Testing
@testable import FoyerAnalysis
import Foyer

/// One ASHRAE 140 case simulated with a thermal model.
struct CaseResult: Sendable {
    var values: [String: Double]
    var closureErrorKWh: Double
    var loadKWh: Double
}

/// ASHRAE 140-2020 cases 600, 900, 600FF and 900FF (Buildings/validation/) under the Denver
/// TMY3 weather, simulated once per model and shared by the tests.
enum BESTEST {
    static let cases = ["600", "900", "600FF", "900FF"]

    /// January 1st of the TMY3 file is a Sunday (its DATA PERIODS header line); the cases'
    /// thermostat has no weekly schedule, so this only matters for consistency.
    static let options = SimulationOptions(firstWeekday: 7, idealLoads: true)

    static func run(model: ThermalModel) -> [String: CaseResult] {
        guard let weather = try? Inputs.weather(source: SharedData.denverTMY3.path).year else { return [:] }
        let solar = SurfaceIrradiance(weather: weather)
        var results: [String: CaseResult] = [:]
        // Annual incident irradiation on the case 600 surfaces (the solar chain alone).
        var incident: [String: Double] = [:]
        for (name, tilt, azimuth) in [("horizontal", 0.0, 180.0), ("north", 90, 0), ("east", 90, 90), ("south", 90, 180), ("west", 90, 270)] {
            incident["incident_\(name)"] = solar.series(tiltDeg: tilt, azimuthDeg: azimuth).totalWPerM2.reduce(0, +) / 1000
        }
        for id in cases {
            guard let dwelling = Inputs.loadDwelling("validation/ashrae140-\(id.lowercased())").dwelling,
                  let zone = model == .fiveR1C
                      ? try? ISO13790.prepare(dwelling, weather: weather, solar: solar, options: options)
                      : try? ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options)
            else { continue }
            let result = HourlyEngine.run(zone, warmUpHours: options.warmUpHours)
            let heating = result.heatingW.reduce(0, +) / 1000
            let cooling = result.coolingW.reduce(0, +) / 1000
            results[id] = CaseResult(
                values: incident.merging([
                    "annual_heating": heating / 1000, "annual_cooling": cooling / 1000,
                    "peak_heating": (result.heatingW.max() ?? 0) / 1000, "peak_cooling": (result.coolingW.max() ?? 0) / 1000,
                    "max_temperature": result.airC.max() ?? .nan, "min_temperature": result.airC.min() ?? .nan,
                    "mean_temperature": result.airC.reduce(0, +) / Double(result.airC.count),
                ]) { $1 },
                closureErrorKWh: result.closureErrorKWh, loadKWh: heating + cooling)
        }
        return results
    }

    static let iso52016 = run(model: .iso52016)
    static let fiveR1C = run(model: .fiveR1C)

    struct Range: Sendable, CustomStringConvertible {
        var caseID, quantity, unit: String
        var min, max: Double
        var description: String { "\(caseID) \(quantity)" }
    }

    /// The reference ranges (Data/ashrae140_2020_ranges.csv, sources in its header).
    static let ranges: [Range] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/ashrae140_2020_ranges.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line -> Range? in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let low = Double(fields[3]), let high = Double(fields[4]) else { return nil }
            return Range(caseID: fields[0], quantity: fields[1], unit: fields[2], min: low, max: high)
        }
    }()

    /// Quantities of the EN ISO 52016-1 model that are outside the example programs' range
    /// today. They are under investigation (see the issue notes); none is to be fixed by
    /// tuning a coefficient. When one comes into range, its known issue stops being recorded
    /// and the test fails until it is removed from this list.
    static let knownISO52016Deviations: Set<String> = [
        // 1671.3 kWh/m² against a maximum of 1670.0: the TMY3 file's own global horizontal
        // column sums to 1670.2 kWh/m², already above the range; ours (DNI·cos Z + DHI at
        // mid-hour) is 0.06 % above the file's sum.
        "600 incident_horizontal",
    ]
}

@Suite("ASHRAE 140-2020 with the EN ISO 52016-1 model", .enabled(if: SharedData.isAvailable, "\(SharedData.absentMessage)"))
struct ASHRAE140Tests {
    @Test func referenceRangesAreLoaded() {
        #expect(BESTEST.ranges.count == 19)
    }

    /// Each quantity against the min–max of the six example programs (RESULTS5-2A, Annex B8).
    @Test(arguments: BESTEST.ranges)
    func quantityWithinTheReferencePrograms(_ range: BESTEST.Range) throws {
        let result = try #require(BESTEST.iso52016[range.caseID], "case \(range.caseID) did not simulate")
        let value = try #require(result.values[range.quantity])
        let check = {
            #expect(value >= range.min && value <= range.max,
                    "\(range): \(value) \(range.unit), reference programs \(range.min)–\(range.max) (RESULTS5-2A)")
        }
        if BESTEST.knownISO52016Deviations.contains(range.description) {
            withKnownIssue("outside the example programs' range; under investigation", check)
        } else {
            check()
        }
    }

    /// Energy balance: the heat flows of the year and the change of stored heat agree to
    /// 0.01 % of the annual heating + cooling need (the issue's bar), and to 1 kWh in the
    /// free-floating cases where that need is zero.
    @Test(arguments: BESTEST.cases)
    func energyBalanceCloses(_ caseID: String) throws {
        for (model, results) in [("EN ISO 52016-1", BESTEST.iso52016), ("5R1C", BESTEST.fiveR1C)] {
            let result = try #require(results[caseID], "\(model) case \(caseID) did not simulate")
            let tolerance = max(1e-4 * result.loadKWh, caseID.hasSuffix("FF") ? 1 : 0)
            #expect(abs(result.closureErrorKWh) <= tolerance, "\(model): closure \(result.closureErrorKWh) kWh")
        }
    }
}

@Suite("ASHRAE 140-2020: interior solar distribution", .enabled(if: SharedData.isAvailable, "\(SharedData.absentMessage)"))
struct SolarDistributionTests {
    /// The case files give the interior solar distribution of ASHRAE 140-2017 informative Annex
    /// B7 (64 % on the floor). On the concrete floor of case 900 the mass stores it: less
    /// heating than with the EN ISO 52016-1 distribution by area (the same file without the
    /// fractions). Both balances close, and the solar gain counted in the balance is the
    /// transmitted radiation less the 3.5 % the Annex sends back out through the windows.
    @Test func solarOnTheFloorIsStoredByTheMass() throws {
        let weather = try Inputs.weather(source: SharedData.denverTMY3.path).year
        let solar = SurfaceIrradiance(weather: weather)
        let given = try #require(Inputs.loadDwelling("validation/ashrae140-900").dwelling)
        #expect(abs((given.interiorSolarDistribution?.lostThroughWindows ?? 0) - 0.035) < 1e-12)
        var byArea = given
        byArea.interiorSolarDistribution = nil
        let options = SimulationOptions(firstWeekday: 7, idealLoads: true)
        var needs: [Double] = [], solarKWh: [Double] = []
        for dwelling in [given, byArea] {
            let result = HourlyEngine.run(try ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options))
            let heating = result.heatingW.reduce(0, +) / 1000
            #expect(abs(result.closureErrorKWh) < 1e-4 * heating)
            needs.append(heating)
            solarKWh.append(result.balanceKWh["solar"] ?? 0)
        }
        #expect(needs[0] < needs[1], "Annex B7 fractions \(needs[0]) kWh vs by area \(needs[1]) kWh")
        #expect(abs(solarKWh[0] - 0.965 * solarKWh[1]) < 1e-9 * solarKWh[1])
    }
}

@Suite("ASHRAE 140-2020: window transmittance", .enabled(if: SharedData.isAvailable, "\(SharedData.absentMessage)"))
struct WindowTransmittanceTests {
    /// Annual transmissivity of the case 600 south window (transmitted / incident solar
    /// irradiation): 0.587–0.627 for the example programs (RESULTS5-2A, Table B8-11, as in
    /// ../shared/reference/thermal-references.md §1.2). Foyer's chain: Perez irradiance on the
    /// south wall, the double clear glazing's normal transmittance (two 3.048 mm panes,
    /// τ(0) = 0.700 from GlazingAngularModel, checked against the pane data in its tests) and its
    /// angular dependence for the beam, sky and ground parts.
    @Test func southWindowTransmissivityIsWithinTheReferencePrograms() throws {
        let weather = try Inputs.weather(source: SharedData.denverTMY3.path).year
        let south = SurfaceIrradiance(weather: weather).series(tiltDeg: 90, azimuthDeg: 180)
        let normal = GlazingAngularModel.transmittance(incidenceDeg: 0, panes: 2)
        let sky = GlazingAngularModel.relativeTransmittance(incidenceDeg: GlazingAngularModel.effectiveSkyDiffuseIncidenceDeg(tiltDeg: 90), panes: 2)
        let ground = GlazingAngularModel.relativeTransmittance(incidenceDeg: GlazingAngularModel.effectiveGroundReflectedIncidenceDeg(tiltDeg: 90), panes: 2)
        var transmitted = 0.0, incident = 0.0
        for hour in 0..<WeatherYear.hoursPerYear {
            let beam = south.beamWPerM2[hour] > 0
                ? south.beamWPerM2[hour] * GlazingAngularModel.relativeTransmittance(incidenceDeg: south.incidenceDeg[hour], panes: 2) : 0
            transmitted += normal * (beam + south.skyDiffuseWPerM2[hour] * sky + south.groundReflectedWPerM2[hour] * ground)
            incident += south.totalWPerM2[hour]
        }
        let ratio = transmitted / incident
        #expect(ratio >= 0.587 && ratio <= 0.627, "annual transmissivity \(ratio)")
    }
}
