import Foundation
import PropertyBased
import Testing
import Foyer

/// The line-oriented readers' share of the corpus: every column of the load-curve CSV and
/// every column the EPW reader uses, given hostile text.
@Suite("Hostile values in every column of the load-curve and EPW readers")
struct ReaderMutationTests {
    // MARK: Load curve

    /// Two weeks of hourly readings from Monday 2 February 2026 (no clock change), as CSV lines.
    static let curveLines: [String] = (0..<(14 * 24)).map { hour in
        let day = CivilDate(2026, 2, 2).adding(days: hour / 24)
        let h = hour % 24
        return "\(day)T\(h < 10 ? "0" : "")\(h):00,\(NumberText.fixed(0.4 + Double(hour % 7) * 0.1, 3))"
    }

    static func readCurve(replacingRow row: Int, column: Int, with text: String) -> (curve: LoadCurve?, issues: [InputIssue]) {
        var lines = curveLines
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = text
        lines[row] = fields.joined(separator: ",")
        return LoadCurveCSV.read((["timestamp,kwh"] + lines).joined(separator: "\n") + "\n", file: "curve.csv")
    }

    /// Text that is never a reading: each must be refused naming the file, the line and the column.
    static let badReadings = ["NaN", "nan", "inf", "-Infinity", "1e308", "-1", "0x1p3", "0x10", "1 000", "abc", "", "1e", "--1", "1.2.3",
                              "1,5", "9999999"]
    static let badTimestamps = ["2026-13-01T00:00", "2026-02-30T00:00", "0000-01-01T00:00", "9999-12-31T23:00", "2026-02-02T25:00",
                                "2026-02-02T00:61", "NaN", "", "2026-02-02", "1e308", "2026/02/02 00:00", "2026-02-02T00:00:30"]

    @Test("a bad reading in any row is refused, naming the line and the column", arguments: badReadings)
    func badReading(_ text: String) {
        let row = 100
        let (curve, issues) = Self.readCurve(replacingRow: row, column: 1, with: text)
        #expect(curve == nil, "'\(text)' was accepted")
        #expect(issues.errors.contains { $0.file == "curve.csv" && $0.path.hasPrefix("line \(row + 2)") },
                "'\(text)': no error names line \(row + 2): \(issues.map(\.description))")
    }

    @Test("a bad timestamp in any row is refused, naming the line", arguments: badTimestamps)
    func badTimestamp(_ text: String) {
        let row = 57
        let (curve, issues) = Self.readCurve(replacingRow: row, column: 0, with: text)
        #expect(curve == nil, "'\(text)' was accepted")
        #expect(issues.errors.contains { $0.file == "curve.csv" && $0.path.hasPrefix("line \(row + 2)") },
                "'\(text)': no error names line \(row + 2): \(issues.map(\.description))")
    }

    @Test("a decimal comma in a comma-separated file is refused, not read as 0")
    func decimalComma() {
        let (curve, issues) = LoadCurveCSV.read("timestamp,kwh\n2026-01-01T00:00,0,500\n2026-01-01T01:00,0,400\n", file: "linky.csv")
        #expect(curve == nil)
        #expect(issues.errors.first?.message.contains("decimal comma") == true, "\(issues)")
    }

    @Test("two consumption columns are ambiguous")
    func twoColumns() {
        let (curve, issues) = LoadCurveCSV.read("timestamp,kwh,wh\n2026-01-01T00:00,0.5,500\n2026-01-01T01:00,0.4,400\n", file: "x.csv")
        #expect(curve == nil)
        #expect(issues.errors.first?.path == "header")
    }

    @Test("timestamps from year 1 to 9999 are refused before any gap is filled")
    func hugeSpan() {
        let text = "timestamp,kwh\n2001-01-01T00:00,0.5\n2001-01-01T01:00,0.5\n2099-12-31T23:00,0.5\n"
        let (curve, issues) = LoadCurveCSV.read(text, file: "x.csv", gaps: .fillWithTypicalWeek)
        #expect(curve == nil)
        #expect(issues.errors.contains { $0.message.contains("spans more than") }, "\(issues)")
    }

    @Test("random readings of every magnitude: refused naming the line, or billed to a finite total")
    func randomReadings() async {
        await propertyCheck(count: 200, input: Gen.int(in: -330...310), Gen.double(in: -9.99...9.99), Gen.int(in: 0...335)) { exponent, digits, row in
            let value = digits * pow(10, Double(exponent))
            guard value.isFinite else { return }
            let text = String(value)
            let (curve, issues) = Self.readCurve(replacingRow: row, column: 1, with: text)
            guard let curve else {
                #expect(issues.errors.contains { $0.path.hasPrefix("line \(row + 2)") }, "\(text): \(issues.map(\.description))")
                return
            }
            #expect(curve.totalKWh.isFinite && curve.peakKW.isFinite, "\(text): accepted with a non-finite total")
            do throws(InputError) {
                let bill = try BillEngine.bill(curve, offer: "fr-edf-bleu-base", library: Fixtures.tariffs, options: BillingOptions(subscribedKVA: 6))
                #expect(bill.totalEUR.isFinite, "\(text): bill \(bill.totalEUR)")
            } catch {
                Issue.record("\(text): the accepted curve cannot be billed: \(error)")
            }
        }
    }

    // MARK: EPW

    /// The embedded H1a year written as an EPW file (8 header lines, 8 760 rows of 35 fields).
    static let epwRows: [[String]] = {
        let year = Fixtures.weather
        return (0..<8760).map { hour in
            let (month, day) = WeatherYear.monthAndDay(ofHour: hour)
            func t(_ x: Double) -> String { NumberText.fixed(x, 1) }
            return ["2001", "\(month)", "\(day)", "\(hour % 24 + 1)", "0", "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9",
                    t(year.dryBulbC[hour]), t(year.dewPointC[hour]), t(year.relativeHumidityPercent[hour]), NumberText.fixed(year.pressurePa[hour], 0),
                    "9999", "9999", NumberText.fixed(year.horizontalInfraredWPerM2[hour], 0), NumberText.fixed(year.globalHorizontalWPerM2[hour], 0),
                    NumberText.fixed(year.directNormalWPerM2[hour], 0), NumberText.fixed(year.diffuseHorizontalWPerM2[hour], 0),
                    "999999", "999999", "999999", "9999", NumberText.fixed(year.windDirectionDeg[hour], 0), t(year.windSpeedMPerS[hour]), "5", "5",
                    "9999", "99999", "9", "999999999", "999", "0.999", "999", "99", "999", "999", "99"]
        }
    }()
    static let epwHeader = [
        "LOCATION,Trappes,-,FRA,Foyer tests,000000,48.77,2.01,1.0,168.0", "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0",
        "GROUND TEMPERATURES,0", "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,embedded H1a year", "COMMENTS 2,",
        "DATA PERIODS,1,1,Data,Monday, 1/ 1,12/31",
    ]

    static func epwText(row: Int? = nil, field: Int? = nil, text: String? = nil) -> String {
        var rows = epwRows
        if let row, let field, let text { rows[row][field - 1] = text }
        return (epwHeader + rows.map { $0.joined(separator: ",") }).joined(separator: "\n") + "\n"
    }

    /// The fields the reader uses (1-based, EPW data dictionary), and hostile text for them.
    static let epwFields = [2, 3, 4, 7, 8, 9, 10, 13, 14, 15, 16, 21, 22]
    static let epwValues = ["NaN", "inf", "1e308", "-1e308", "-999", "abc", "", "0x10", "1e15"]

    @Test("the unmodified synthetic year reads")
    func syntheticYearReads() throws {
        let (year, _) = try EPW.parse(Self.epwText(), fileName: "h1a.epw")
        #expect(year.dryBulbC.count == 8760)
    }

    @Test("every column the reader uses, every hostile value: refused naming line and field, or repaired with a warning",
          arguments: epwFields)
    func epwField(_ field: Int) {
        let row = 2000 + field * 37
        for value in Self.epwValues {
            let context = "field \(field) = '\(value)'"
            do {
                let (year, warnings) = try EPW.parse(Self.epwText(row: row, field: field, text: value), fileName: "h1a.epw")
                // Accepted: only a documented repair (a missing dew point, humidity, pressure or
                // infrared), said in a warning naming the field.
                #expect(warnings.contains { $0.path.contains("field \(field)") || $0.message.contains("field \(field)") || $0.message.contains(Self.fieldName(field)) },
                        "\(context): accepted without a warning: \(warnings.map(\.description))")
                #expect(year.dryBulbC.allSatisfy(\.isFinite) && year.pressurePa.allSatisfy(\.isFinite) && year.horizontalInfraredWPerM2.allSatisfy(\.isFinite),
                        "\(context): accepted with non-finite values")
            } catch let error as InputError {
                #expect(error.issues.errors.contains { $0.file == "h1a.epw" && $0.path.contains("line \(row + 9)") && $0.path.contains("field \(field)") },
                        "\(context): no error names line \(row + 9), field \(field): \(error.issues.prefix(3).map(\.description))")
            } catch {
                Issue.record("\(context): \(error)")
            }
        }
    }

    static func fieldName(_ field: Int) -> String {
        switch field {
        case 8: "dew point"
        case 9: "humidity"
        case 10: "pressure"
        case 13: "infrared"
        default: "field \(field)"
        }
    }

    @Test("structural EPW damage: NUL bytes, absurd records per hour, a truncated file")
    func epwStructure() {
        let good = Self.epwText()
        let cases: [(String, String)] = [
            ("NUL byte", good.replacingOccurrences(of: "Trappes", with: "Tra\u{0}ppes")),
            ("records per hour 1e308", good.replacingOccurrences(of: "DATA PERIODS,1,1,", with: "DATA PERIODS,1,1e308,")),
            ("truncated mid-row", String(good.prefix(good.count / 2))),
            ("no rows", Self.epwHeader.joined(separator: "\n")),
        ]
        for (name, text) in cases {
            #expect(throws: InputError.self, "\(name) was accepted") { try EPW.parse(text, fileName: "bad.epw") }
        }
    }
}
