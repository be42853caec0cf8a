import Foundation
import FoyerCore

/// Reader of EnergyPlus weather files (EPW).
///
/// Format: EnergyPlus *Auxiliary Programs*, "EnergyPlus Weather File (EPW) Data Dictionary": eight
/// header lines (LOCATION, DESIGN CONDITIONS, TYPICAL/EXTREME PERIODS, GROUND TEMPERATURES,
/// HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2, DATA PERIODS) then one comma-separated row of
/// 35 fields per hour. Foyer reads the LOCATION header and, from each row, the fields below
/// (1-based positions of the data dictionary); an hour `h` row covers the clock interval (h−1, h].
///
/// | field | name | unit | missing if ≥ | allowed |
/// |---|---|---|---|---|
/// | 2, 3, 4 | month, day, hour | — | — | a date of the year, hour 1 … 24 |
/// | 7 | dry_bulb_c | °C | 99.9 | > −70 and < 70 |
/// | 8 | dew_point_c | °C | 99.9 | > −70 and < 70 |
/// | 9 | relative_humidity_percent | % | 999 | 0 … 110 |
/// | 10 | station_pressure_pa | Pa | 999999 | > 31 000 and < 120 000 |
/// | 13 | horizontal_infrared_wh_per_m2 | Wh/m² | 9999 | ≥ 0 |
/// | 14 | global_horizontal_wh_per_m2 | Wh/m² | 9999 | ≥ 0 |
/// | 15 | direct_normal_wh_per_m2 | Wh/m² | 9999 | ≥ 0 |
/// | 16 | diffuse_horizontal_wh_per_m2 | Wh/m² | 9999 | ≥ 0 |
/// | 21 | wind_direction_deg | ° | 999 | 0 … 360 |
/// | 22 | wind_speed_m_per_s | m/s | 999 | 0 … 40 |
/// | 23, 24 | total / opaque sky cover | tenths | 99 | 0 … 10 (read only to repair field 13) |
///
/// **Missing values.** A missing (or empty) temperature, irradiance or wind value is an error naming
/// the line: Foyer does not invent weather. Three gaps have a safe, physical repair, applied and
/// reported as one warning per field (count and first line):
/// - dew point missing, relative humidity present (or the reverse): computed from the other with
///   the Magnus formula (Alduchov & Eskridge 1996);
/// - station pressure missing: the standard-atmosphere pressure at the header's elevation
///   (ISO 2533; pressure only matters to psychrometrics, ±3 % is harmless);
/// - horizontal infrared missing: computed from dry bulb, dew point and opaque sky cover with the
///   Clark & Allen (1978) sky emissivity — what EnergyPlus itself does (the data dictionary says
///   the opaque sky cover is "used if Horizontal IR Intensity missing"); if the sky cover is also
///   missing, the total sky cover is used, else 5 tenths, and the warning says so.
///
/// **Calendar.** The rows must run hour by hour from January 1 hour 1 to December 31 hour 24. A
/// leap-year file (8 784 rows) has its February 29 dropped, with a warning, to give 8 760 hours.
/// Gaps, repeated or out-of-order hours, impossible dates and truncated files are errors naming the
/// line. Sub-hourly files (DATA PERIODS with more than one record per hour) are refused.
///
/// **Errors.** All problems are collected in one pass; the first ``maximumReportedErrors`` errors are
/// reported, followed by a count of the others. They are thrown as one ``InputError`` whose issues
/// carry the file name, a path such as `line 14, field 7 (dry_bulb_c)`, the value as written, and
/// what is allowed.
public enum EPW {
    /// Errors reported individually before the rest are only counted.
    public static let maximumReportedErrors = 20

    /// Reads the EPW file at `url` (UTF-8, or Latin-1 if it is not valid UTF-8).
    /// - Returns: the year and the warnings (repairs, dropped February 29, unusual header).
    /// - Throws: ``InputError`` with every error (and warning) found.
    public static func read(contentsOf url: URL) throws(InputError) -> (year: WeatherYear, warnings: [InputIssue]) {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        let data = try InputFile.read(url.path, kind: .weather, displayName: name)
        return try parse(bytes: [UInt8](data), fileName: name)
    }

    /// Parses EPW text already in memory.
    public static func parse(_ text: String, fileName: String? = nil) throws(InputError) -> (year: WeatherYear, warnings: [InputIssue]) {
        try parse(bytes: Array(text.utf8), fileName: fileName)
    }

    /// Parses the bytes of an EPW file. Lines end with LF or CR LF; a UTF-8 byte-order mark is skipped.
    public static func parse(bytes: [UInt8], fileName: String? = nil) throws(InputError) -> (year: WeatherYear, warnings: [InputIssue]) {
        var parser = Parser(bytes: bytes, fileName: fileName)
        return try parser.run()
    }
}

// MARK: - Fields

/// The data-row fields Foyer reads (1-based positions of the EPW data dictionary).
private enum Field: Int, CaseIterable {
    case month = 2, day = 3, hour = 4
    case dryBulb = 7, dewPoint = 8, relativeHumidity = 9, pressure = 10
    case infrared = 13, global = 14, directNormal = 15, diffuse = 16
    case windDirection = 21, windSpeed = 22, totalSkyCover = 23, opaqueSkyCover = 24

    var name: String {
        switch self {
        case .month: "month"
        case .day: "day"
        case .hour: "hour"
        case .dryBulb: "dry_bulb_c"
        case .dewPoint: "dew_point_c"
        case .relativeHumidity: "relative_humidity_percent"
        case .pressure: "station_pressure_pa"
        case .infrared: "horizontal_infrared_wh_per_m2"
        case .global: "global_horizontal_wh_per_m2"
        case .directNormal: "direct_normal_wh_per_m2"
        case .diffuse: "diffuse_horizontal_wh_per_m2"
        case .windDirection: "wind_direction_deg"
        case .windSpeed: "wind_speed_m_per_s"
        case .totalSkyCover: "total_sky_cover_tenths"
        case .opaqueSkyCover: "opaque_sky_cover_tenths"
        }
    }

    /// Values at or above this are the data dictionary's "missing" code.
    var missingThreshold: Double {
        switch self {
        case .dryBulb, .dewPoint: 99.9
        case .relativeHumidity, .windDirection, .windSpeed: 999
        case .pressure: 999_999
        case .infrared, .global, .directNormal, .diffuse: 9999
        case .totalSkyCover, .opaqueSkyCover: 99
        case .month, .day, .hour: .infinity
        }
    }

    func isAllowed(_ value: Double) -> Bool {
        switch self {
        case .dryBulb, .dewPoint: value > -70 && value < 70
        case .relativeHumidity: value >= 0 && value <= 110
        case .pressure: value > 31_000 && value < 120_000
        // Irradiation cannot exceed the solar constant (1 361 W/m², 1 412 at perihelion) by
        // much; long-wave sky radiation is σT⁴ of the sky, under 800 W/m² below 70 °C.
        case .global, .directNormal, .diffuse: value >= 0 && value <= 1500
        case .infrared: value >= 0 && value <= 1000
        case .windDirection: value >= 0 && value <= 360
        case .windSpeed: value >= 0 && value <= 40
        case .totalSkyCover, .opaqueSkyCover: value >= 0 && value <= 10
        case .month, .day, .hour: true
        }
    }

    var allowed: String {
        switch self {
        case .dryBulb, .dewPoint: "a temperature above −70 and below 70 °C"
        case .relativeHumidity: "0 … 110 %"
        case .pressure: "above 31 000 and below 120 000 Pa"
        case .global, .directNormal, .diffuse: "0 … 1 500 Wh/m² (the solar constant is 1 361 W/m²)"
        case .infrared: "0 … 1 000 Wh/m²"
        case .windDirection: "0 … 360°"
        case .windSpeed: "0 … 40 m/s"
        case .totalSkyCover, .opaqueSkyCover: "0 … 10 tenths"
        case .month: "1 … 12"
        case .day: "a day of the month"
        case .hour: "1 … 24"
        }
    }

    /// What a missing value of this field becomes.
    var repairable: Bool {
        switch self {
        case .dewPoint, .relativeHumidity, .pressure, .infrared: true
        default: false
        }
    }
}

/// The values read from one row, by field; `nil` = missing or unreadable.
private struct FieldValues {
    private var storage = [Double](repeating: .nan, count: 25)

    subscript(field: Field) -> Double? {
        get {
            let value = storage[field.rawValue]
            return value.isNaN ? nil : value
        }
        set { storage[field.rawValue] = newValue ?? .nan }
    }
}

// MARK: - Parser

private struct Parser {
    static let expectedFieldCount = 35
    static let minimumFieldCount = 24
    static let headerKeywords = [
        "LOCATION", "DESIGN CONDITIONS", "TYPICAL/EXTREME PERIODS", "GROUND TEMPERATURES",
        "HOLIDAYS/DAYLIGHT SAVINGS", "COMMENTS 1", "COMMENTS 2", "DATA PERIODS",
    ]

    let bytes: [UInt8]
    let fileName: String?
    var errors: [InputIssue] = []
    var errorCount = 0
    var warnings: [InputIssue] = []

    init(bytes: [UInt8], fileName: String?) {
        self.bytes = bytes
        self.fileName = fileName
    }

    /// One data row, validated.
    struct Row {
        var line: Int
        /// `nil` when the date fields could not be read (already reported); the calendar check then
        /// assumes the row is in its place, so that one bad field gives one error.
        var date: (month: Int, day: Int, hour: Int)?
        var values: FieldValues
    }

    mutating func error(_ path: String, value: String? = nil, _ message: String, expected: String? = nil, suggestion: String? = nil) {
        errorCount += 1
        if errors.count < EPW.maximumReportedErrors {
            errors.append(InputIssue(.error, file: fileName, path: path, value: value, message: message,
                                     expected: expected, suggestion: suggestion))
        }
    }

    mutating func warning(_ path: String, value: String? = nil, _ message: String, expected: String? = nil) {
        warnings.append(InputIssue(.warning, file: fileName, path: path, value: value, message: message, expected: expected))
    }

    // MARK: Lines and fields

    /// Lines as byte ranges (LF separated, trailing CR removed), with 1-based numbers.
    func lines() -> [Range<Int>] {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var result: [Range<Int>] = []
        var lineStart = start
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var end = index
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                result.append(lineStart..<end)
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < bytes.count {
            var end = bytes.count
            if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
            result.append(lineStart..<end)
        }
        // Blank lines at the end of the file are not rows.
        while let last = result.last, isBlank(last) { result.removeLast() }
        return result
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    func fields(_ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where bytes[index] == 0x2C {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// The field's text without surrounding blanks (UTF-8, else Latin-1 — every byte is then a code point).
    func text(_ range: Range<Int>) -> String {
        let trimmed = trim(range)
        let slice = bytes[trimmed]
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        return String(bytes: slice, encoding: .utf8) ?? String(bytes: slice, encoding: .isoLatin1) ?? ""
    }

    func trim(_ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
        while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
        return low..<high
    }

    /// Shortened text of a line for messages.
    func preview(_ range: Range<Int>) -> String {
        let full = text(range)
        return full.count > 60 ? String(full.prefix(57)) + "…" : full
    }

    static func number(_ text: String) -> Double? { DecimalText.number(text) }

    // MARK: Run

    mutating func run() throws(InputError) -> (year: WeatherYear, warnings: [InputIssue]) {
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            error("line \(line)", "NUL byte: this is not a text file", expected: "an EnergyPlus weather file (.epw), plain text")
            throw InputError(errors)
        }
        let allLines = lines()
        guard !allLines.isEmpty else {
            error("", "the file is empty",
                  expected: "an EnergyPlus weather file: 8 header lines (LOCATION first) then 8 760 hourly rows")
            throw InputError(errors)
        }

        // Header: the lines before the first row whose first field is a number.
        var headerCount = 0
        while headerCount < allLines.count {
            let first = text(fields(allLines[headerCount])[0])
            if Int(first) != nil { break }
            headerCount += 1
        }
        let location = readLocation(allLines, headerCount: headerCount)
        checkHeaderLines(allLines, headerCount: headerCount)

        let dataLines = allLines[headerCount...]
        if dataLines.isEmpty {
            error("", "the file has no hourly data rows after its \(headerCount) header lines",
                  expected: "8 760 hourly rows (8 784 for a leap year) after the header")
        }

        // Rows.
        var rows: [Row] = []
        rows.reserveCapacity(8784)
        var shortRows = (count: 0, firstLine: 0, fieldCount: 0)
        for (offset, range) in dataLines.enumerated() {
            let lineNumber = headerCount + offset + 1
            if isBlank(range) {
                error("line \(lineNumber)", "empty line among the hourly rows",
                      expected: "one row of 35 comma-separated fields per hour, no blank lines")
                rows.append(Row(line: lineNumber, date: nil, values: FieldValues()))
                continue
            }
            let parts = fields(range)
            if parts.count < Self.minimumFieldCount {
                error("line \(lineNumber)", value: preview(range),
                      "the row has \(parts.count) fields; an EPW data row has 35 and Foyer needs at least the first \(Self.minimumFieldCount)",
                      expected: "35 comma-separated fields: year, month, day, hour, minute, flags, dry bulb, …")
                // Kept as a placeholder so that the calendar check does not report a second error.
                rows.append(Row(line: lineNumber, date: nil, values: FieldValues()))
                continue
            }
            if parts.count != Self.expectedFieldCount && shortRows.count == 0 {
                shortRows = (0, lineNumber, parts.count)
            }
            if parts.count != Self.expectedFieldCount { shortRows.count += 1 }
            rows.append(readRow(parts, line: lineNumber))
        }
        if shortRows.count > 0 {
            warning("line \(shortRows.firstLine)", value: "\(shortRows.fieldCount) fields",
                    "\(shortRows.count) data row(s) do not have the 35 fields of the EPW format (first: line \(shortRows.firstLine)); the fields Foyer uses (2–24) are present and were read",
                    expected: "35 fields")
        }

        rows = dropFebruary29(rows)
        checkCalendar(rows, lastLine: headerCount + dataLines.count)
        let elevation = location?.altitudeM ?? 0
        let repaired = repair(rows, elevationM: elevation)

        if errorCount > 0 || location == nil {
            if errorCount > errors.count {
                errors.append(InputIssue(
                    .error, file: fileName, path: "", value: nil,
                    message: "\(errorCount - errors.count) more error(s) not listed (only the first \(EPW.maximumReportedErrors) are shown)"))
            }
            throw InputError(errors + warnings)
        }
        guard let location else { throw InputError(errors + warnings) }

        // Assemble the year in calendar order (the calendar check guarantees 8 760 ordered rows).
        func series(_ field: Field) -> [Double] { repaired.map { $0.values[field] ?? .nan } }
        do {
            let year = try WeatherYear(
                location: location, source: fileName ?? "EPW data",
                dryBulbC: series(.dryBulb), dewPointC: series(.dewPoint),
                relativeHumidityPercent: series(.relativeHumidity), pressurePa: series(.pressure),
                globalHorizontalWPerM2: series(.global), directNormalWPerM2: series(.directNormal),
                diffuseHorizontalWPerM2: series(.diffuse), horizontalInfraredWPerM2: series(.infrared),
                windSpeedMPerS: series(.windSpeed), windDirectionDeg: series(.windDirection))
            return (year, warnings)
        } catch {
            throw InputError([InputIssue(.error, file: fileName, path: "", message: error.description)] + warnings)
        }
    }

    // MARK: Header

    mutating func readLocation(_ lines: [Range<Int>], headerCount: Int) -> WeatherLocation? {
        guard headerCount > 0 else {
            error("line 1", value: preview(lines[0]),
                  "the file starts with a data row: the 8 header lines (LOCATION first) are missing",
                  expected: "LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation")
            return nil
        }
        let parts = fields(lines[0]).map { text($0) }
        guard parts[0].uppercased() == "LOCATION" else {
            error("line 1", value: preview(lines[0]), "the first line is not the LOCATION header",
                  expected: "LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation",
                  suggestion: "is this an EnergyPlus weather file (.epw)?")
            return nil
        }
        guard parts.count >= 10 else {
            error("line 1", value: preview(lines[0]),
                  "the LOCATION header has \(parts.count) fields; it needs 10",
                  expected: "LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation")
            return nil
        }
        func value(_ index: Int, _ name: String, _ range: ClosedRange<Double>, _ allowed: String) -> Double? {
            guard let number = Self.number(parts[index]) else {
                error("line 1, field \(index + 1) (\(name))", value: parts[index], "not a number", expected: allowed)
                return nil
            }
            guard range.contains(number) else {
                error("line 1, field \(index + 1) (\(name))", value: parts[index], "out of range", expected: allowed)
                return nil
            }
            return number
        }
        let latitude = value(6, "latitude_deg", -90...90, "−90 … 90 (north positive)")
        let longitude = value(7, "longitude_deg", -180...180, "−180 … 180 (east positive)")
        let timeZone = value(8, "time_zone_hours", -12...14, "−12 … +14 h from UTC")
        let elevation = value(9, "elevation_m", -1000...9999.8, "−1 000 … 9 999.9 m")
        guard let latitude, let longitude, let timeZone, let elevation else { return nil }
        if (timeZone * 4).rounded() != timeZone * 4 {
            warning("line 1, field 9 (time_zone_hours)", value: parts[8],
                    "the time zone is not a whole quarter hour: the file's clock is probably local solar time (as in the RT2012 files, time zone = longitude/15); hours are used as given")
        }
        let name = parts[1].isEmpty ? (fileName ?? "EPW location") : parts[1]
        return WeatherLocation(name: name, latitudeDeg: latitude, longitudeDeg: longitude,
                               timeZoneHours: timeZone, altitudeM: elevation)
    }

    mutating func checkHeaderLines(_ lines: [Range<Int>], headerCount: Int) {
        guard headerCount > 0 else { return }
        if headerCount != 8 {
            warning("lines 1–\(headerCount)", value: "\(headerCount) header lines",
                    "an EPW file has 8 header lines; the data were taken to start at line \(headerCount + 1)",
                    expected: Self.headerKeywords.joined(separator: ", "))
        }
        for index in 0..<headerCount {
            let parts = fields(lines[index]).map { text($0) }
            guard parts[0].uppercased().hasPrefix("DATA PERIODS") else { continue }
            if parts.count > 2, Int(parts[2]) != 1 {
                error("line \(index + 1), field 3 (records_per_hour)", value: parts[2],
                      Int(parts[2]).map { $0 > 1 ? "sub-hourly EPW files are not supported" : "not a number of records per hour" } ?? "not a whole number",
                      expected: "1 record per hour")
            }
            // The rest of the line only describes the rows, which are read by their own dates;
            // a malformed description is still a sign of a damaged or hand-edited file.
            let line = "line \(index + 1)"
            let note = "the data rows are read by their own dates"
            guard parts.count >= 7 else {
                warning(line, value: parts.joined(separator: ","), "a DATA PERIODS line without its period (\(note))",
                        expected: "DATA PERIODS,1,1,Data,<start weekday>,<start M/D>,<end M/D>")
                continue
            }
            if let periods = Int(parts[1]), (1...12).contains(periods) {} else {
                warning(line + ", field 2 (number_of_periods)", value: parts[1], "not a number of data periods (\(note))", expected: "1…12")
            }
            let weekdays = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]
            if !weekdays.contains(parts[4].uppercased()) {
                warning(line + ", field 5 (start_weekday)", value: parts[4], "not a day of the week (\(note))", expected: "Sunday … Saturday")
            }
            func monthDay(_ text: String) -> Int? {
                let pieces = text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2, let month = Int(pieces[0]), let day = Int(pieces[1]), (1...12).contains(month), (1...31).contains(day) else { return nil }
                return month * 100 + day
            }
            let start = monthDay(parts[5]), end = monthDay(parts[6])
            if start == nil || end == nil {
                warning(line + ", field \(start == nil ? 6 : 7) (\(start == nil ? "start" : "end")_date)", value: start == nil ? parts[5] : parts[6],
                        "not a month/day date (\(note))", expected: "M/D, e.g. 1/1 or 12/31")
            } else if let start, let end, Int(parts[1]) == 1, start > end {
                warning(line + ", fields 6–7 (start_date, end_date)", value: "\(parts[5]) – \(parts[6])",
                        "the data period ends before it starts (\(note))", expected: "a start on or before the end, e.g. 1/1 – 12/31")
            }
        }
    }

    // MARK: Rows

    mutating func readRow(_ parts: [Range<Int>], line: Int) -> Row {
        func integer(_ field: Field, _ range: ClosedRange<Int>) -> Int? {
            let raw = text(parts[field.rawValue - 1])
            guard let number = Self.number(raw).flatMap({ $0 == $0.rounded() && abs($0) < 1e9 ? Int(exactly: $0) : nil }) else {
                error("line \(line), field \(field.rawValue) (\(field.name))", value: raw, "not a whole number", expected: field.allowed)
                return nil
            }
            guard range.contains(number) else {
                error("line \(line), field \(field.rawValue) (\(field.name))", value: raw, "out of range", expected: field.allowed)
                return nil
            }
            return number
        }
        let month = integer(.month, 1...12)
        let hour = integer(.hour, 1...24)
        var day: Int?
        if let month {
            let length = month == 2 ? 29 : WeatherYear.daysPerMonth[month - 1]
            day = integer(.day, 1...length)
        } else {
            day = integer(.day, 1...31)
        }

        var values = FieldValues()
        for field in [Field.dryBulb, .dewPoint, .relativeHumidity, .pressure, .infrared, .global,
                      .directNormal, .diffuse, .windDirection, .windSpeed] {
            let raw = text(parts[field.rawValue - 1])
            // Built only when an error is reported (most rows have none).
            var path: String { "line \(line), field \(field.rawValue) (\(field.name))" }
            if raw.isEmpty {
                if !field.repairable {
                    error(path, "empty (missing) value", expected: field.allowed,
                          suggestion: "fill the gap in the weather file (e.g. interpolate between the neighbouring hours) before using it")
                }
                continue
            }
            guard let number = Self.number(raw) else {
                error(path, value: raw, "not a number", expected: field.allowed)
                continue
            }
            // The data dictionary's missing codes (99.9, 999, 9999, 999999…); a value far
            // beyond its field's code is not a code but a corrupted value.
            if number >= field.missingThreshold, number <= 10 * field.missingThreshold {
                if !field.repairable {
                    error(path, value: raw, "missing value (the EPW missing-data code)", expected: field.allowed,
                          suggestion: "fill the gap in the weather file (e.g. interpolate between the neighbouring hours) before using it")
                }
                continue
            }
            guard field.isAllowed(number) else {
                error(path, value: raw, "out of range", expected: field.allowed)
                continue
            }
            values[field] = number
        }
        // Sky covers: only needed to repair a missing infrared value; unreadable = missing.
        for field in [Field.totalSkyCover, .opaqueSkyCover] {
            if let number = Self.number(text(parts[field.rawValue - 1])), number < field.missingThreshold,
               field.isAllowed(number) {
                values[field] = number
            }
        }
        if let month, let day, let hour {
            return Row(line: line, date: (month, day, hour), values: values)
        }
        return Row(line: line, date: nil, values: values)
    }

    // MARK: Calendar

    mutating func dropFebruary29(_ rows: [Row]) -> [Row] {
        let leap = rows.filter { $0.date?.month == 2 && $0.date?.day == 29 }
        guard let first = leap.first, let last = leap.last else { return rows }
        warning("lines \(first.line)–\(last.line)", value: "\(leap.count) rows",
                "the file contains February 29 (a leap year); Foyer's year has 365 days, so February 29 was dropped")
        return rows.filter { !($0.date?.month == 2 && $0.date?.day == 29) }
    }

    static func hourIndex(month: Int, day: Int, hour: Int) -> Int {
        (WeatherYear.daysPerMonth.prefix(month - 1).reduce(0, +) + day - 1) * 24 + hour - 1
    }

    static func describe(_ row: Row) -> String {
        guard let date = row.date else { return "an unreadable date" }
        return "\(date.month)/\(date.day) hour \(date.hour)"
    }

    static func describe(hourIndex index: Int) -> String {
        let (month, day) = WeatherYear.monthAndDay(ofHour: index)
        return "month \(month) day \(day) hour \(index % 24 + 1)"
    }

    mutating func checkCalendar(_ rows: [Row], lastLine: Int) {
        var expected = 0
        var previous: Row?
        for row in rows {
            guard let date = row.date else {
                expected += 1
                continue
            }
            let index = Self.hourIndex(month: date.month, day: date.day, hour: date.hour)
            let found = "\(date.month)/\(date.day) hour \(date.hour)"
            if index == expected {
                expected += 1
            } else if index > expected {
                let missing = index - expected
                if expected == 0 && previous == nil {
                    error("line \(row.line)", value: found,
                          "the data must start on January 1 hour 1; the first \(missing) hour(s) of the year are missing",
                          expected: "a full calendar year, January 1 hour 1 to December 31 hour 24")
                } else {
                    error("line \(row.line)", value: found,
                          "gap: \(missing) hour(s) missing before this row (from \(Self.describe(hourIndex: expected)))",
                          expected: "consecutive hours, \(Self.describe(hourIndex: expected)) next")
                }
                expected = index + 1
            } else {
                let after = previous.map { Self.describe($0) + " (line \($0.line))" } ?? "the previous row"
                error("line \(row.line)", value: found,
                      index == expected - 1 ? "this hour is repeated (it follows \(after))" : "hours out of order: this row comes after \(after)",
                      expected: "consecutive hours, \(Self.describe(hourIndex: expected)) next")
            }
            previous = row
        }
        if expected < WeatherYear.hoursPerYear {
            let lastRow = previous.map { Self.describe($0) + ", line \($0.line)" } ?? "no readable row"
            error("line \(lastLine)", value: lastRow,
                  "the file ends early: \(WeatherYear.hoursPerYear - expected) hour(s) missing after \(expected == 0 ? "the header" : Self.describe(hourIndex: expected - 1)); a year needs 8 760 hourly rows",
                  expected: "rows up to December 31 hour 24",
                  suggestion: "the file may be truncated; download it again")
        }
    }

    // MARK: Repairs

    mutating func repair(_ rows: [Row], elevationM: Double) -> [Row] {
        var rows = rows
        var dew = (count: 0, first: 0), humidity = (count: 0, first: 0), pressure = (count: 0, first: 0)
        var infrared = (count: 0, first: 0), noCover = (count: 0, first: 0)
        let standardPressure = StandardAtmosphere.pressurePa(altitudeM: elevationM)
        for index in rows.indices {
            var values = rows[index].values
            let line = rows[index].line
            if let dryBulb = values[.dryBulb] {
                switch (values[.dewPoint], values[.relativeHumidity]) {
                case (nil, let rh?):
                    values[.dewPoint] = min(dryBulb, Magnus.dewPointC(dryBulbC: dryBulb, relativeHumidityPercent: rh))
                    if dew.count == 0 { dew.first = line }
                    dew.count += 1
                case (let dp?, nil):
                    values[.relativeHumidity] = min(100, Magnus.relativeHumidityPercent(dryBulbC: dryBulb, dewPointC: dp))
                    if humidity.count == 0 { humidity.first = line }
                    humidity.count += 1
                case (nil, nil):
                    error("line \(line), fields 8–9 (dew_point_c, relative_humidity_percent)",
                          "dew point and relative humidity are both missing; one of them is needed",
                          expected: "a dew point (−70 … 70 °C) or a relative humidity (0 … 110 %)")
                default:
                    break
                }
            }
            if values[.pressure] == nil {
                values[.pressure] = standardPressure
                if pressure.count == 0 { pressure.first = line }
                pressure.count += 1
            }
            if values[.infrared] == nil, let dryBulb = values[.dryBulb], let dewPoint = values[.dewPoint] {
                let cover: Double
                if let opaque = values[.opaqueSkyCover] {
                    cover = opaque
                } else if let total = values[.totalSkyCover] {
                    cover = total
                } else {
                    cover = 5
                    if noCover.count == 0 { noCover.first = line }
                    noCover.count += 1
                }
                values[.infrared] = ClarkAllen1978.horizontalInfraredWPerM2(
                    dryBulbC: dryBulb, dewPointC: dewPoint, opaqueSkyCoverTenths: cover)
                if infrared.count == 0 { infrared.first = line }
                infrared.count += 1
            }
            rows[index].values = values
        }
        if dew.count > 0 {
            warning("line \(dew.first), field 8 (dew_point_c)", value: "\(dew.count) rows",
                    "dew point missing on \(dew.count) row(s) (first: line \(dew.first)); computed from dry bulb and relative humidity (Magnus formula)")
        }
        if humidity.count > 0 {
            warning("line \(humidity.first), field 9 (relative_humidity_percent)", value: "\(humidity.count) rows",
                    "relative humidity missing on \(humidity.count) row(s) (first: line \(humidity.first)); computed from dry bulb and dew point (Magnus formula)")
        }
        if pressure.count > 0 {
            warning("line \(pressure.first), field 10 (station_pressure_pa)", value: "\(pressure.count) rows",
                    String(format: "station pressure missing on %d row(s) (first: line %d); the standard-atmosphere pressure at the header's elevation was used (%.0f Pa)",
                           pressure.count, pressure.first, standardPressure))
        }
        if infrared.count > 0 {
            warning("line \(infrared.first), field 13 (horizontal_infrared_wh_per_m2)", value: "\(infrared.count) rows",
                    "horizontal infrared missing on \(infrared.count) row(s) (first: line \(infrared.first)); computed from dry bulb, dew point and opaque sky cover with the Clark & Allen (1978) sky model, as EnergyPlus does")
        }
        if noCover.count > 0 {
            warning("line \(noCover.first), fields 23–24 (sky cover)", value: "\(noCover.count) rows",
                    "sky cover also missing on \(noCover.count) of those row(s) (first: line \(noCover.first)); 5 tenths was assumed for the infrared")
        }
        return rows
    }
}
