import Foundation
import Testing
@testable import FoyerClimate
import FoyerCore

// Tests of the EPW reader (Sources/FoyerClimate/EPW/EPWReader.swift):
// - a real file, the Denver TMY3 year of ASHRAE 140 (shared/weather/USA_CO_Denver-725650_TMY3.epw,
//   NREL BESTEST-GSR `725650TYCST.epw`); the expected values below were read from that file's text
//   (line numbers are those of the file, header = lines 1–8);
// - malformed files built in the test from a valid synthetic year, each expected to give a
//   line- and field-addressed message.

// MARK: - Shared data

/// `shared/` beside the repository (…/main/Tests/FoyerClimateTests/this file → …/shared).
enum SharedData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared").standardizedFileURL
    static let denver = directory.appendingPathComponent("weather/USA_CO_Denver-725650_TMY3.epw")
    static func rt2012(_ zone: String) -> URL {
        directory.appendingPathComponent("weather/rt2012/FRA_RT2012_\(zone).epw")
    }
    static var hasDenver: Bool { FileManager.default.fileExists(atPath: denver.path) }
    static var hasRT2012: Bool { FileManager.default.fileExists(atPath: rt2012("H1a").path) }
}

// MARK: - Synthetic files

/// A valid EPW text: 8 header lines then one row per hour of a non-leap year (or leap if asked),
/// with plausible constant values. `edit` may change the rows (as arrays of 35 fields) before joining.
enum SyntheticEPW {
    static let header = [
        "LOCATION,Testville,-,FRA,Synthetic,000000,48.80,2.00,1.0,100.0",
        "DESIGN CONDITIONS,0",
        "TYPICAL/EXTREME PERIODS,0",
        "GROUND TEMPERATURES,0",
        "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
        "COMMENTS 1,synthetic file for tests",
        "COMMENTS 2,",
        "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31",
    ]

    /// One row: dry bulb 10 °C, dew point 5 °C, RH 71 %, 101 000 Pa, IR 300, GHI 100 (daytime),
    /// DNI 200, DHI 50, wind 180° at 3 m/s, sky cover 5/5.
    static func row(month: Int, day: Int, hour: Int, dryBulb: String = "10.0") -> [String] {
        let daytime = (8...16).contains(hour)
        return [
            "2001", "\(month)", "\(day)", "\(hour)", "0", "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9",
            dryBulb, "5.0", "71", "101000", "9999", "9999", "300",
            daytime ? "100" : "0", daytime ? "200" : "0", daytime ? "50" : "0",
            "999999", "999999", "999999", "9999", "180", "3.0", "5", "5",
            "9999", "99999", "9", "999999999", "999", "0.999", "999", "99", "999", "999", "99",
        ]
    }

    /// The rows of a non-leap year, built once.
    static let standardRows = makeRows(leap: false)

    static func rows(leap: Bool = false) -> [[String]] { leap ? makeRows(leap: true) : standardRows }

    static func makeRows(leap: Bool) -> [[String]] {
        var result: [[String]] = []
        for (index, length) in WeatherYear.daysPerMonth.enumerated() {
            let days = (leap && index == 1) ? 29 : length
            for day in 1...days {
                for hour in 1...24 { result.append(row(month: index + 1, day: day, hour: hour)) }
            }
        }
        return result
    }

    static func text(leap: Bool = false, lineEnding: String = "\n", edit: (inout [[String]]) -> Void = { _ in }) -> String {
        var data = rows(leap: leap)
        edit(&data)
        return (header + data.map { $0.joined(separator: ",") }).joined(separator: lineEnding) + lineEnding
    }

    /// Index in `rows()` of the row on file line `line` (line 9 = first row).
    static func rowIndex(line: Int) -> Int { line - 9 }
}

/// Parses `text` expecting failure; returns the issues (empty, with a recorded failure, if it parsed).
func parseFailure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [InputIssue] {
    do {
        _ = try EPW.parse(text, fileName: "test.epw")
        Issue.record("the malformed file was accepted", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.issues
    }
}

// MARK: - Real file

@Suite("EPW reader — Denver TMY3 (ASHRAE 140 weather)",
       .enabled(if: SharedData.hasDenver, "shared/ absent: shared/weather/USA_CO_Denver-725650_TMY3.epw not found"))
struct EPWDenverTests {
    @Test func header() throws {
        let (year, warnings) = try EPW.read(contentsOf: SharedData.denver)
        // Line 1: LOCATION,DENVER INTL AP,CO,USA,TMY3,725650,39.83,-104.65,-7.0,1650.0
        #expect(year.location.name == "DENVER INTL AP")
        #expect(year.location.latitudeDeg == 39.83)
        #expect(year.location.longitudeDeg == -104.65)
        #expect(year.location.timeZoneHours == -7.0)
        #expect(year.location.altitudeM == 1650.0)
        #expect(warnings.isEmpty, "a clean TMY3 file needs no repair: \(warnings)")
        #expect(year.source.hasSuffix("USA_CO_Denver-725650_TMY3.epw"))
    }

    @Test func knownHourlyValues() throws {
        let (year, _) = try EPW.read(contentsOf: SharedData.denver)
        // Line 9, 1995-01-01 hour 1: -18.0,-19.7,85,83700,…,181(IR),0(GHI)
        #expect(year.dryBulbC[0] == -18.0)
        #expect(year.dewPointC[0] == -19.7)
        #expect(year.relativeHumidityPercent[0] == 85)
        #expect(year.pressurePa[0] == 83700)
        #expect(year.horizontalInfraredWPerM2[0] == 181)
        #expect(year.globalHorizontalWPerM2[0] == 0)
        // Line 4365, 1991-07-01 hour 13 (index 181 × 24 + 12): 27.2,4.4,23,83800,1256,1321,369,1000,901,143,…,120,4.1
        let july = 181 * 24 + 12
        #expect(year.dryBulbC[july] == 27.2)
        #expect(year.dewPointC[july] == 4.4)
        #expect(year.relativeHumidityPercent[july] == 23)
        #expect(year.pressurePa[july] == 83800)
        #expect(year.horizontalInfraredWPerM2[july] == 369)
        #expect(year.globalHorizontalWPerM2[july] == 1000)
        #expect(year.directNormalWPerM2[july] == 901)
        #expect(year.diffuseHorizontalWPerM2[july] == 143)
        #expect(year.windDirectionDeg[july] == 120)
        #expect(year.windSpeedMPerS[july] == 4.1)
        // Line 8768, 1994-12-31 hour 24: -19.4,-21.7
        #expect(year.dryBulbC[8759] == -19.4)
        #expect(year.dewPointC[8759] == -21.7)
    }

    @Test func crlfAndTextAreEquivalent() throws {
        // The shared file has CR LF line ends; the same text with LF only must read identically.
        let data = try Data(contentsOf: SharedData.denver)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let fromText = try EPW.parse(text, fileName: "denver.epw").year
        let fromFile = try EPW.read(contentsOf: SharedData.denver).year
        #expect(fromText.dryBulbC == fromFile.dryBulbC)
        #expect(fromText.globalHorizontalWPerM2 == fromFile.globalHorizontalWPerM2)
    }
}

// MARK: - Synthetic files

@Suite("EPW reader — synthetic and malformed files")
struct EPWMalformedTests {
    @Test func validSyntheticYear() throws {
        let (year, warnings) = try EPW.parse(SyntheticEPW.text(), fileName: "ok.epw")
        #expect(warnings.isEmpty)
        #expect(year.dryBulbC.count == 8760)
        #expect(year.dryBulbC.allSatisfy { $0 == 10 })
        #expect(year.location.name == "Testville")
        #expect(year.location.timeZoneHours == 1)
    }

    @Test func crlfLineEndsAndByteOrderMark() throws {
        let text = "\u{FEFF}" + SyntheticEPW.text(lineEnding: "\r\n")
        let (year, warnings) = try EPW.parse(text)
        #expect(warnings.isEmpty)
        #expect(year.windSpeedMPerS[100] == 3)
    }

    @Test func latin1CityName() throws {
        // "Mâcon" in ISO 8859-1 (â = 0xE2), as some older EPW files are written.
        var bytes = Array(SyntheticEPW.text().utf8)
        let name = Array("Testville".utf8)
        if let start = (0...(bytes.count - name.count)).first(where: { Array(bytes[$0..<($0 + name.count)]) == name }) {
            bytes.replaceSubrange(start..<(start + name.count), with: [0x4D, 0xE2, 0x63, 0x6F, 0x6E])
        }
        let (year, _) = try EPW.parse(bytes: bytes, fileName: "macon.epw")
        #expect(year.location.name == "Mâcon")
    }

    @Test func emptyFile() {
        let issues = parseFailure("")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("empty") == true)
        #expect(issues.first?.file == "test.epw")
    }

    @Test func truncatedFile() {
        // Header + 100 rows: the year stops at January 5 hour 4 (line 108).
        let text = SyntheticEPW.text { $0.removeLast(8660) }
        let issues = parseFailure(text)
        let end = issues.first { $0.message.contains("ends early") }
        #expect(end?.path == "line 108")
        #expect(end?.message.contains("8660 hour(s) missing") == true)
        #expect(issues.errors.count == 1)
    }

    @Test func rowCutInTheMiddle() {
        // The last row (line 8768) is cut after 10 fields, as when a download stops.
        let text = SyntheticEPW.text { rows in rows[rows.count - 1] = Array(rows[rows.count - 1].prefix(10)) }
        let issues = parseFailure(text)
        #expect(issues.errors.count == 1, "one cut row is one error")
        #expect(issues.first?.path == "line 8768")
        #expect(issues.first?.message.contains("has 10 fields") == true)
    }

    @Test func wrongFieldCount() {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 20)] = Array(rows[11].prefix(20)) }
        let issues = parseFailure(text)
        #expect(issues.errors.count == 1)
        let issue = issues.first { $0.path == "line 20" }
        #expect(issue?.message.contains("has 20 fields") == true)
        #expect(issue?.expected?.contains("35") == true)
    }

    @Test func nonNumericValue() {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 14)][6] = "abc" }
        let issues = parseFailure(text)
        #expect(issues.errors.count == 1)
        let issue = issues.first
        #expect(issue?.path == "line 14, field 7 (dry_bulb_c)")
        #expect(issue?.value == "abc")
        #expect(issue?.message == "not a number")
        #expect(issue?.expected?.contains("−70") == true)
        #expect(issue?.description.hasPrefix("test.epw: error: line 14, field 7 (dry_bulb_c) = abc: not a number") == true)
    }

    @Test func missingTemperatureCode() {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 14)][6] = "99.9" }
        let issue = parseFailure(text).first
        #expect(issue?.path == "line 14, field 7 (dry_bulb_c)")
        #expect(issue?.value == "99.9")
        #expect(issue?.message.contains("missing value") == true)
        #expect(issue?.suggestion?.contains("fill the gap") == true)
    }

    @Test func missingIrradianceCode() {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 30)][13] = "9999" }
        let issue = parseFailure(text).first
        #expect(issue?.path == "line 30, field 14 (global_horizontal_wh_per_m2)")
        #expect(issue?.message.contains("missing value") == true)
    }

    @Test func outOfRangeWindSpeed() {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 50)][21] = "45" }
        let issue = parseFailure(text).first
        #expect(issue?.path == "line 50, field 22 (wind_speed_m_per_s)")
        #expect(issue?.message == "out of range")
        #expect(issue?.expected == "0 … 40 m/s")
    }

    @Test func hoursOutOfOrder() {
        // Lines 20 and 21 swapped: line 20 holds hour 13 of January 1, line 21 hour 12.
        let text = SyntheticEPW.text { rows in rows.swapAt(SyntheticEPW.rowIndex(line: 20), SyntheticEPW.rowIndex(line: 21)) }
        let issues = parseFailure(text)
        #expect(issues.contains { $0.path == "line 20" && $0.message.contains("gap: 1 hour(s) missing") })
        #expect(issues.contains { $0.path == "line 21" && $0.message.contains("out of order") && $0.value == "1/1 hour 12" })
    }

    @Test func missingHourIsAGap() {
        // Line 20 (January 1 hour 12) deleted.
        let text = SyntheticEPW.text { rows in rows.remove(at: SyntheticEPW.rowIndex(line: 20)) }
        let issues = parseFailure(text)
        let gap = issues.first { $0.message.hasPrefix("gap") }
        #expect(gap?.path == "line 20")
        #expect(gap?.message.contains("from month 1 day 1 hour 12") == true)
    }

    @Test func repeatedHour() {
        let text = SyntheticEPW.text { rows in rows.insert(rows[SyntheticEPW.rowIndex(line: 20)], at: SyntheticEPW.rowIndex(line: 21)) }
        let issues = parseFailure(text)
        #expect(issues.errors.count == 1)
        #expect(issues.first?.path == "line 21")
        #expect(issues.first?.message.contains("repeated") == true)
    }

    @Test func impossibleDate() {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 40)][1] = "13" }
        let issues = parseFailure(text)
        #expect(issues.errors.count == 1, "a bad month is one error, not also a calendar gap")
        #expect(issues.first?.path == "line 40, field 2 (month)")
        #expect(issues.first?.expected == "1 … 12")
    }

    @Test func missingHeader() {
        let text = SyntheticEPW.rows().map { $0.joined(separator: ",") }.joined(separator: "\n")
        let issues = parseFailure(text)
        #expect(issues.first?.path == "line 1")
        #expect(issues.first?.message.contains("header lines") == true)
    }

    @Test func notALocationLine() {
        let text = SyntheticEPW.text().replacingOccurrences(of: "LOCATION,", with: "PLACE,")
        let issues = parseFailure(text)
        #expect(issues.first?.path == "line 1")
        #expect(issues.first?.message == "the first line is not the LOCATION header")
    }

    @Test func badLatitude() {
        let text = SyntheticEPW.text().replacingOccurrences(of: "48.80,2.00", with: "95.0,2.00")
        let issue = parseFailure(text).first
        #expect(issue?.path == "line 1, field 7 (latitude_deg)")
        #expect(issue?.value == "95.0")
    }

    @Test func subHourlyFileRefused() {
        let text = SyntheticEPW.text().replacingOccurrences(of: "DATA PERIODS,1,1,", with: "DATA PERIODS,1,4,")
        let issue = parseFailure(text).first
        #expect(issue?.path == "line 8, field 3 (records_per_hour)")
        #expect(issue?.message.contains("sub-hourly") == true)
    }

    @Test func errorsAreCappedAndCounted() {
        // 30 rows with a non-numeric dry bulb: 20 listed, then one issue counting the other 10.
        let text = SyntheticEPW.text { rows in for i in 100..<130 { rows[i][6] = "x" } }
        let issues = parseFailure(text)
        #expect(issues.errors.count == EPW.maximumReportedErrors + 1)
        #expect(issues.last?.message.hasPrefix("10 more error(s) not listed") == true)
    }

    @Test func leapYearDropsFebruary29() throws {
        var marked = SyntheticEPW.rows(leap: true)
        // March 1 hour 1 gets a recognisable temperature.
        let marchFirst = (31 + 29) * 24
        marked[marchFirst][6] = "12.5"
        let text = (SyntheticEPW.header + marked.map { $0.joined(separator: ",") }).joined(separator: "\n")
        let (year, warnings) = try EPW.parse(text, fileName: "leap.epw")
        #expect(year.dryBulbC[(31 + 28) * 24] == 12.5)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.path == "lines \(9 + 59 * 24)–\(9 + 60 * 24 - 1)")
        #expect(warnings.first?.message.contains("February 29 was dropped") == true)
    }

    @Test func missingInfraredIsComputedAndReported() throws {
        let text = SyntheticEPW.text { rows in for i in rows.indices { rows[i][12] = "9999" } }
        let (year, warnings) = try EPW.parse(text, fileName: "noir.epw")
        // Clark & Allen with θ = 10 °C, θ_dp = 5 °C, N = 5 tenths:
        // ε = (0.787 + 0.764 ln(278.15/273)) (1 + 0.112 − 0.0875 + 0.035) = 0.80127… × 1.0595.
        let expected = ClarkAllen1978.horizontalInfraredWPerM2(dryBulbC: 10, dewPointC: 5, opaqueSkyCoverTenths: 5)
        #expect(abs(expected - 0.8014 * 1.0595 * 5.6697e-8 * pow(283.15, 4)) < 0.5)
        #expect(year.horizontalInfraredWPerM2[0] == expected)
        #expect(warnings.count == 1)
        #expect(warnings.first?.path == "line 9, field 13 (horizontal_infrared_wh_per_m2)")
        #expect(warnings.first?.message.contains("8760 row(s)") == true)
        #expect(warnings.first?.message.contains("Clark & Allen") == true)
    }

    @Test func missingDewPointIsComputedFromHumidity() throws {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 9)][7] = "99.9" }
        let (year, warnings) = try EPW.parse(text)
        // Magnus inverse (Alduchov & Eskridge coefficients) of θ = 10 °C, RH = 71 %:
        // γ = ln 0.71 + 17.625 × 10/253.04 = 0.35404, θ_dp = 243.04 γ/(17.625 − γ) = 4.982 °C.
        #expect(abs(year.dewPointC[0] - 4.982) < 0.001)
        #expect(warnings.first?.path == "line 9, field 8 (dew_point_c)")
    }

    @Test func missingPressureUsesStandardAtmosphere() throws {
        let text = SyntheticEPW.text { rows in rows[SyntheticEPW.rowIndex(line: 9)][9] = "999999" }
        let (year, warnings) = try EPW.parse(text)
        // ISO 2533 at the header's 100 m: 101 325 (1 − 2.25577e-5 × 100)^5.2559 = 100 129 Pa.
        #expect(abs(year.pressurePa[0] - 100_129) < 1)
        #expect(warnings.first?.message.contains("standard-atmosphere") == true)
    }

    @Test func fileThatDoesNotExist() {
        do {
            _ = try EPW.read(contentsOf: URL(fileURLWithPath: "/nonexistent/weather.epw"))
            Issue.record("a missing file was read")
        } catch {
            #expect(error.issues.first?.message == "no such file")
            #expect(error.issues.first?.file == "/nonexistent/weather.epw")
        }
    }
}
