import Foundation
import FoyerCore
import FoyerEnergy
import SwiftCSV

/// Reads a metered load curve from CSV (a smart-meter export), documented in
/// `Docs/LoadCurveCSV.md`.
///
/// Two columns (more are ignored), comma, semicolon or tab separated, one header row:
/// - `timestamp` (or `start`, `datetime`): the start of the interval, ISO 8601
///   `YYYY-MM-DDTHH:MM[:SS]`, optionally with `Z` or a UTC offset (`+01:00`, `+02:00`).
///   Without an offset the time is the local clock time of France/Belgium (summer time
///   included).
/// - one of `kwh`, `wh` (energy in the interval) or `kw`, `w` (mean power over the interval,
///   as Enedis exports its 30-minute curve).
///
/// Handling, each reported: the interval length is the most common step between rows;
/// daylight-saving changes are not gaps (the March clock hour that does not exist is refused
/// if present; the October hour that repeats is read as two intervals, first summer then
/// winter time); an exact duplicate row is dropped with a warning, two different values for
/// one interval are an error; missing intervals are an error unless `fillGaps`, which fills each
/// with the mean of the same weekday and time of day elsewhere in the curve (a warning says how
/// many kWh were added); negative values are an error (exported energy is not consumption).
public enum LoadCurveCSV {
    /// What to do with missing intervals.
    public enum GapPolicy: Sendable { case refuse, fillWithTypicalWeek }

    /// The longest span a curve may cover: ten years (a Linky meter keeps two; a researcher's
    /// series rarely more than a few). Beyond it the file is refused before anything is filled.
    public static let maximumSpanDays = 3_660
    /// Timestamps before this year are not smart-meter readings.
    public static let earliestYear = 1970
    /// Timestamps after this year are not readings either.
    public static let latestYear = 2100
    /// Mean power above which a reading is impossible for a dwelling's connection (the largest
    /// subscribed power Foyer accepts, 250 kVA), kW.
    public static let impossiblePowerKW = 250.0
    /// Mean power above which a reading is unusual for a household: the largest French
    /// residential connection is 36 kVA (tarif bleu), kW.
    public static let unusualPowerKW = 36.0

    /// Parses the bytes of a CSV file: UTF-8 (a byte-order mark is skipped); a file that is not
    /// valid UTF-8 is read as Latin-1 with a warning (only the header names could differ); NUL
    /// bytes are refused (a binary file).
    public static func read(data: Data, file: String, gaps: GapPolicy = .refuse) -> (curve: LoadCurve?, issues: [InputIssue]) {
        if let nul = data.firstIndex(of: 0) {
            let line = data[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            return (nil, [InputIssue(.error, file: file, path: "line \(line)", message: "NUL byte: this is not a text file",
                                     expected: "a CSV text file (Docs/LoadCurveCSV.md)")])
        }
        if let text = String(validating: data, as: UTF8.self) { return read(text, file: file, gaps: gaps) }
        var (curve, issues) = read(String(data.map { Character(Unicode.Scalar($0)) }), file: file, gaps: gaps)
        issues.insert(InputIssue(.warning, file: file, path: "", message: "not valid UTF-8: read as Latin-1"), at: 0)
        curve?.corrections.insert(issues[0], at: 0)
        return (curve, issues)
    }

    /// Parses `text` (from `file`, named in messages).
    public static func read(_ text: String, file: String, gaps: GapPolicy = .refuse) -> (curve: LoadCurve?, issues: [InputIssue]) {
        var issues: [InputIssue] = []
        func error(_ path: String, _ value: String?, _ message: String, expected: String? = nil) {
            issues.append(InputIssue(.error, file: file, path: path, value: value, message: message, expected: expected))
        }
        func warning(_ path: String, _ value: String?, _ message: String) {
            issues.append(InputIssue(.warning, file: file, path: path, value: value, message: message))
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = CSVDelimiter.guessed(string: body)
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: body, delimiter: delimiter, loadColumns: false)
        } catch {
            return (nil, [InputIssue(.error, file: file, path: "", message: "not a readable CSV file (\(error))", expected: "a header row and rows of timestamp,kwh")])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let timeColumn = header.firstIndex { ["timestamp", "start", "datetime", "date_time"].contains($0) }
        let valueNames = ["kwh", "wh", "kw", "w"]
        let valueColumn = header.firstIndex { valueNames.contains($0) }
        guard let timeColumn, let valueColumn else {
            error("header", header.joined(separator: ","), "the header must name a timestamp column and a consumption column",
                  expected: "timestamp (or start, datetime) and one of kwh, wh, kw, w")
            return (nil, issues)
        }
        let consumptionColumns = header.filter { valueNames.contains($0) }
        if consumptionColumns.count > 1 {
            error("header", header.joined(separator: ","), "\(consumptionColumns.count) consumption columns (\(consumptionColumns.joined(separator: ", "))): which one to bill is ambiguous",
                  expected: "one of kwh, wh, kw, w")
            return (nil, issues)
        }
        let unit = header[valueColumn]

        struct Row { var line: Int; var standardMinute: Int; var value: Double; var local: LocalDateTime? }
        var rows: [Row] = []
        var ambiguousSeen = Set<Int>()  // clock minutes of the repeated October hour already read once
        for (index, fields) in csv.rows.enumerated() {
            let line = index + 2
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard fields.count > max(timeColumn, valueColumn) else {
                error("line \(line)", fields.joined(separator: ","), "too few fields", expected: "\(header.count) fields"); continue
            }
            if fields.count > header.count {
                // "2026-01-01T00:00,0,500" under "timestamp,kwh": a decimal comma in a
                // comma-separated file. Reading the "0" would silently lose the data.
                error("line \(line)", fields.joined(separator: String(delimiter.rawValue)),
                      "\(fields.count) fields where the header has \(header.count)\(delimiter == .comma ? ": a decimal comma in a comma-separated file?" : "")",
                      expected: delimiter == .comma ? "a decimal point (0.500), or ';' as the separator" : "\(header.count) fields")
                continue
            }
            let stamp = fields[timeColumn].trimmingCharacters(in: .whitespaces)
            let valueText = fields[valueColumn].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard let parsed = parseTimestamp(stamp) else {
                error("line \(line), \(header[timeColumn])", "\"\(stamp)\"", "not a timestamp", expected: "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM], or YYYY-MM-DD for a daily curve"); continue
            }
            guard parsed.clock.date.year >= earliestYear, parsed.clock.date.year <= latestYear else {
                error("line \(line), \(header[timeColumn])", "\"\(stamp)\"", "not a plausible date for a meter reading",
                      expected: "a date between \(earliestYear) and \(latestYear)"); continue
            }
            guard let value = DecimalText.number(valueText) else {
                error("line \(line), \(unit)", "\"\(valueText)\"", "not a number", expected: "a decimal number such as 0.512"); continue
            }
            if value < 0 {
                error("line \(line), \(unit)", valueText, "negative consumption",
                      expected: "≥ 0 (energy exported to the grid is not consumption: give the import register)")
                continue
            }
            let standard: Int
            if let offset = parsed.offsetMinutes {
                standard = parsed.clock.minuteNumber - offset + 60
            } else {
                let (start, end) = SummerTime.transitions(year: parsed.clock.date.year)
                let minute = parsed.clock.minuteOfDay
                if parsed.clock.date == start && (120..<180).contains(minute) {
                    error("line \(line), \(header[timeColumn])", "\"\(stamp)\"", "this clock time does not exist (clocks go forward from 02:00 to 03:00)",
                          expected: "no row between 02:00 and 03:00 on \(start)")
                    continue
                }
                var summer = (parsed.clock.date > start && parsed.clock.date < end)
                    || (parsed.clock.date == start && minute >= 180) || (parsed.clock.date == end && minute < 180)
                if parsed.clock.date == end && (120..<180).contains(minute) {
                    // The repeated hour: first reading in summer time, second in winter time.
                    summer = ambiguousSeen.insert(parsed.clock.minuteNumber).inserted
                }
                standard = parsed.clock.minuteNumber - (summer ? 60 : 0)
            }
            rows.append(Row(line: line, standardMinute: standard, value: value, local: parsed.offsetMinutes == nil ? parsed.clock : nil))
        }
        // A daily curve in local time (a Gazpar export: one row per gas day, at 00:00 or 06:00):
        // its days are calendar days, 23 or 25 hours long when the clocks change, so the rows
        // are placed by their local clock time, one day apart.
        var dailyLocal = false
        if rows.count >= 2, rows.allSatisfy({ $0.local != nil }), let minute = rows.first?.local?.minuteOfDay,
           rows.allSatisfy({ $0.local?.minuteOfDay == minute }) {
            dailyLocal = true
            for index in rows.indices { rows[index].standardMinute = rows[index].local?.minuteNumber ?? rows[index].standardMinute }
        }
        if rows.isEmpty && !issues.hasErrors { error("", nil, "no data rows", expected: "at least two rows of timestamp,kwh") }
        if issues.hasErrors { return (nil, issues) }
        rows.sort { ($0.standardMinute, $0.line) < ($1.standardMinute, $1.line) }
        if let first = rows.first, let last = rows.last, last.standardMinute - first.standardMinute > maximumSpanDays * 1440 {
            error("", "\(clock(first.standardMinute).date) … \(clock(last.standardMinute).date)",
                  "the curve spans more than \(maximumSpanDays / 366) years (lines \(first.line) and \(last.line))",
                  expected: "at most \(maximumSpanDays) days; split the file, or check the dates")
            return (nil, issues)
        }

        // Duplicates.
        var unique: [Row] = []
        var dropped = 0
        for row in rows {
            if let last = unique.last, last.standardMinute == row.standardMinute {
                if last.value == row.value {
                    dropped += 1
                } else {
                    error("line \(row.line)", String(row.value), "a second, different value for the interval of line \(last.line) (\(last.value))",
                          expected: "one row per interval")
                }
                continue
            }
            unique.append(row)
        }
        if dropped > 0 { warning("", "\(dropped) rows", "exact duplicate rows dropped (same timestamp, same value)") }
        guard unique.count >= 2 else {
            if !issues.hasErrors { error("", nil, "one interval only: its length cannot be known", expected: "at least two rows") }
            return (nil, issues)
        }
        if issues.hasErrors { return (nil, issues) }

        // Interval length: the most common step.
        var steps: [Int: Int] = [:]
        for (a, b) in zip(unique, unique.dropFirst()) { steps[b.standardMinute - a.standardMinute, default: 0] += 1 }
        let step = steps.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 60
        guard step > 0, step <= 1440, 1440 % step == 0 else {
            error("", "\(step) min", "the usual step between rows does not divide a day", expected: "5, 10, 15, 30 or 60 minutes, or a day")
            return (nil, issues)
        }
        func toKWh(_ value: Double) -> Double {
            switch unit {
            case "wh": value / 1000
            case "kw": value * Double(step) / 60
            case "w": value * Double(step) / 60 / 1000
            default: value
            }
        }

        // Readings no dwelling's connection could draw (checked now that the step is known).
        var unusual: (line: Int, kW: Double)?
        for row in unique {
            let meanKW = toKWh(row.value) * 60 / Double(step)
            if meanKW > impossiblePowerKW {
                error("line \(row.line), \(unit)", NumberText.short(row.value),
                      "\(NumberText.short(meanKW, maxDecimals: 1)) kW on average over \(step) min: more than any dwelling's connection",
                      expected: "a mean power up to \(NumberText.short(impossiblePowerKW)) kW (check the unit: \(unit))")
            } else if meanKW > unusualPowerKW, unusual == nil {
                unusual = (row.line, meanKW)
            }
        }
        if issues.hasErrors { return (nil, issues) }
        if let unusual {
            warning("line \(unusual.line), \(unit)", "\(NumberText.short(unusual.kW, maxDecimals: 1)) kW",
                    "mean power above 36 kVA, the largest household connection (check the unit: \(unit))")
        }

        // Gaps.
        var gapsFound: [(from: Int, count: Int)] = []
        for (a, b) in zip(unique, unique.dropFirst()) {
            let difference = b.standardMinute - a.standardMinute
            if difference % step != 0 {
                error("line \(b.line)", nil, "starts \(difference) min after the row before (line \(a.line))", expected: "a multiple of the \(step)-minute step")
            } else if difference > step {
                gapsFound.append((a.standardMinute + step, difference / step - 1))
            }
        }
        if issues.hasErrors { return (nil, issues) }
        func clockText(_ standardMinute: Int) -> String { clock(standardMinute).description }
        var values = unique.map { (minute: $0.standardMinute, kWh: toKWh($0.value)) }
        if !gapsFound.isEmpty {
            let missing = gapsFound.reduce(0) { $0 + $1.count }
            let listed = gapsFound.prefix(5).map { "\(clockText($0.from)) (\($0.count) × \(step) min)" }.joined(separator: ", ")
            let summary = "\(missing) missing intervals (\(String(format: "%.1f", Double(missing * step) / 60)) h) in \(gapsFound.count) gaps: \(listed)\(gapsFound.count > 5 ? ", …" : "")"
            switch gaps {
            case .refuse:
                error("", nil, summary, expected: "a complete curve, or --fill-gaps to fill each gap with the same weekday and time of day's mean")
                return (nil, issues)
            case .fillWithTypicalWeek:
                let slotsPerWeek = 7 * 1440 / step
                func slot(_ minute: Int) -> Int { ((minute / step) % slotsPerWeek + slotsPerWeek) % slotsPerWeek }
                var sums = [Double](repeating: 0, count: slotsPerWeek), counts = [Int](repeating: 0, count: slotsPerWeek)
                for value in values { sums[slot(value.minute)] += value.kWh; counts[slot(value.minute)] += 1 }
                let overall = values.reduce(0) { $0 + $1.kWh } / Double(values.count)
                var added = 0.0
                for gap in gapsFound {
                    for k in 0..<gap.count {
                        let minute = gap.from + k * step
                        let s = slot(minute)
                        let fill = counts[s] > 0 ? sums[s] / Double(counts[s]) : overall
                        values.append((minute, fill))
                        added += fill
                    }
                }
                values.sort { $0.minute < $1.minute }
                warning("", nil, summary + String(format: "; filled with the same weekday and time of day's mean: %.3f kWh added", added))
            }
        }
        let intervals = values.map {
            LoadCurve.Interval(start: dailyLocal ? LocalDateTime(minuteNumber: $0.minute) : clock($0.minute), minutes: step, kWh: $0.kWh)
        }
        return (LoadCurve(intervals: intervals, corrections: issues, origin: file), issues)
    }

    /// Local clock time of a minute counted in standard time (UTC+1).
    static func clock(_ standardMinute: Int) -> LocalDateTime {
        let standard = LocalDateTime(minuteNumber: standardMinute)
        let summer = SummerTime.isInEffect(date: standard.date, standardHour: standard.minuteOfDay / 60)
        return summer ? LocalDateTime(minuteNumber: standardMinute + 60) : standard
    }

    /// `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` (a space may replace `T`).
    static func parseTimestamp(_ text: String) -> (clock: LocalDateTime, offsetMinutes: Int?)? {
        // A date alone: the start of that local day (daily exports).
        if text.count == 10, let date = CivilDate(iso: text) { return (LocalDateTime(date, minuteOfDay: 0), nil) }
        let characters = Array(text)
        guard characters.count >= 16, characters[10] == "T" || characters[10] == " " else { return nil }
        guard let date = CivilDate(iso: String(characters[0..<10])) else { return nil }
        guard characters[13] == ":", let hour = Int(String(characters[11..<13])), let minute = Int(String(characters[14..<16])),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        var rest = characters[16...]
        if rest.first == ":" {
            guard rest.count >= 3, let seconds = Int(String(rest.dropFirst().prefix(2))), seconds == 0 else { return nil }
            rest = rest.dropFirst(3)
            if rest.first == "." { rest = rest.drop { $0 == "." || $0.isNumber } }
        }
        let clock = LocalDateTime(date, minuteOfDay: hour * 60 + minute)
        if rest.isEmpty { return (clock, nil) }
        if rest == ["Z"] {
            // UTC: the clock time follows from the summer-time rule.
            let standardMinute = clock.minuteNumber + 60
            return (LoadCurveCSV.clock(standardMinute), 0 + (SummerTime.isInEffect(date: LocalDateTime(minuteNumber: standardMinute).date, standardHour: LocalDateTime(minuteNumber: standardMinute).minuteOfDay / 60) ? 120 : 60))
        }
        let sign = rest.first == "+" ? 1 : rest.first == "-" ? -1 : 0
        let offsetText = String(rest.dropFirst()).replacingOccurrences(of: ":", with: "")
        guard sign != 0, offsetText.count == 4, let hh = Int(offsetText.prefix(2)), let mm = Int(offsetText.suffix(2)) else { return nil }
        return (clock, sign * (hh * 60 + mm))
    }
}
